"""work-related-post on care settings' own words: the French child-welfare trade (éducateurs in children's homes,
home placement, youth justice), a French workplace name with its article contracted, a hospital unit named by
floor and wing. The same words in a parent's, a reader's or a driver's life are not the work."""

from __future__ import annotations

import pytest

from checks.base import CheckContext, SourceInfo
from checks.matching import Matcher
from checks.policy import Policy, Workplace
from checks.work_related_post import WorkRelatedPostCheck
from scanner.clients import ClientList
from tests.checks.test_work_related_post import ctx, post

CASES = [
    ("Soirée à la MECS : coucher du groupe à 22h30, deux fugues dans la semaine", True),
    ("Rapport de situation à finir pour l'audience, et une note d'incident de plus", True),
    ("Transfert de 4 jours dans les Vosges avec les jeunes du foyer, le minibus a tenu", True),
    ("Réveil de 9 ados un samedi matin, café obligatoire #educspe", True),
    ("Femme au foyer depuis la naissance des jumeaux, et fière de l'être", False),
    ("Coucher des petits à 20h, enfin la paix à la maison", False),
    ("Réforme de l'ASE : les enfants placés méritent mieux, lisez ce rapport", False),
    ("Une fugue de Bach pour finir le concert, magnifique", False),
    ("Le cahier de liaison de ma fille est plein de mots de la maîtresse", False),
    # Québec's emergency department and mandatory overtime; France's "urgence" of a cause or a rush
    ("Noël à l'urgence, on a mangé des clémentines entre deux civières #TSO", True),
    ("Discussion de cas ce matin avec la gang de l'urgence", True),
    ("Manif pour l'urgence climatique samedi, on y va en famille", False),
    ("Encore des décisions prises dans l'urgence par la mairie", False),
]


@pytest.mark.parametrize(("text", "should_flag"), CASES)
def test_french_child_welfare_vocabulary(text: str, should_flag: bool) -> None:
    findings = list(WorkRelatedPostCheck().run(post(text), ctx()))
    assert bool(findings) is should_flag, [e.reason for f in findings for e in f.evidence]


FRENCH_HOME = Policy(workplace=Workplace(name="MECS Les Tilleuls", aliases=("Les Tilleuls",), city="Colmar"))


@pytest.mark.parametrize(
    ("text", "should_flag"),
    [
        ("Soirée crêpes aux Tilleuls, tout le monde était là", True),
        ("Le directeur des Tilleuls part à la retraite ce soir", True),
        ("L'odeur des tilleuls en juin, rien de mieux", False),
    ],
)
def test_a_french_workplace_name_with_its_article_contracted(text: str, should_flag: bool) -> None:
    context = CheckContext(policy=FRENCH_HOME, matcher=Matcher(ClientList(())), source=SourceInfo("facebook"))
    findings = list(WorkRelatedPostCheck().run(post(text), context))
    assert bool(findings) is should_flag, [e.reason for f in findings for e in f.evidence]


@pytest.mark.parametrize(
    ("text", "should_flag"),
    [
        ("back on 6 North tonight, 3 admits and one sitter", True),
        ("pizza for the 4 East nurses, best charge nurse ever", True),
        ("stuck on 5 South for an hour, never taking this highway again", False),
        ("road trip! 95 North all the way to Maine", False),
        # the emergency department by its initials, in capitals after a preposition; a run of long days
        ("back in ED for day 2 of 4 long days, coffee please", True),
        ("back in ed recovery, day 2 of 4 in Lisbon", False),
        ("day 2 of 4 in Lisbon and my feet hate me", False),
        ("S L A Y ED #throwback", False),
    ],
)
def test_a_hospital_unit_by_floor_and_wing(text: str, should_flag: bool) -> None:
    findings = list(WorkRelatedPostCheck().run(post(text), ctx()))
    assert bool(findings) is should_flag, [e.reason for f in findings for e in f.evidence]
