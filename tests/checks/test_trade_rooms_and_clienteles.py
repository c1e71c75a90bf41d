"""The trade's own rooms, rounds and reception as weak work cues, in English and French, each with its everyday
near miss; and a named person's clientele, which is their trade, not the owner's work (issue 18 items 4 and 5)."""

from __future__ import annotations

import pytest

from checks.text import analyze


def work_score(text: str) -> float:
    """The text's work score (the kept work terms' weights)."""
    return analyze(text).work_score()[0]


@pytest.mark.parametrize(
    ("text", "near_miss"),
    [
        (
            "une 4e est venue à l'infirmerie pour un mal de tête",
            "l'infirmerie du club est pleine avant le derby",
        ),
        ("registre : 47 passages aujourd'hui", "3 passages piétons refaits rue de la Gare"),
        ("permanence du mercredi : 9 personnes, 1 interprète", "la permanence du député est fermée en août"),
        ("fin de permanence, 7 personnes reçues", "le gardien du refuge assure une permanence tout l'été"),
        ("animation en 4e ce matin sur le consentement", "animation au camping ce soir avec les enfants"),
        ("première maraude, 11 kits Stéribox donnés", "un taxi en maraude devant la gare"),
        ("à la perm j'ai reçu 2 femmes venues de loin", "j'ai reçu 2 colis ce matin"),
        ("les 6e m'ont demandé si on pouvait mourir pour un dessin", "c'est la 4e fois cette semaine"),
        ("Thanksgiving potluck at the drop-in, 80 plates", "the drop-in yoga class was packed"),
        ("a talk with the year 9s about vaping", "my son's year 9 trip to France"),
        ("we saw 3 families today, all in crisis", "we saw 3 films this week"),
        ("a 4th grader told me I ask too many questions", "a 4th birthday party for the twins"),
        ("sat in the nurse's office with a crying kid", "the post office queue was out the door"),
        ("restocked the naloxone kits on the outreach van", "the van broke down on the M6"),
        ("Demain 6h30 tournée, tant pis pour le dodo", "c'est ma tournée, les amis"),
        ("on a fait la tournée à 5h30 avant la chaleur", "la tournée des bars après le match"),
        ("trois bilans psychomoteurs cette semaine", "trois bilans comptables à rendre"),
        ("une baisse des cotations de la CPAM", "les cotations en bourse ont chuté"),
        ("ce que j'entends en animation au lycée", "un film d'animation japonaise"),
        ("les visites de dépistage en 2nde", "la visite du château en famille"),
        ("on monte une cellule d'écoute avec la CPE", "une cellule photovoltaïque sur le toit"),
        ("14 PAI à refaire pour la rentrée", "le pain est prêt"),
        ("first couple of the day is always quiet", "the first couple of days were quiet"),
        ("PPE, day 110 #chaplainlife", "PPE, day 110 #beachlife"),
    ],
)
def test_the_trades_rooms_rounds_and_reception_are_a_weak_cue(text: str, near_miss: str) -> None:
    assert work_score(text) >= 1.0
    assert work_score(near_miss) < 1.0


@pytest.mark.parametrize(
    "text",
    [
        "Wee Gemma's got so many clients she's taking on a junior groomer!",
        "Marlon's new gym opened, first week and he's got 20 clients signed up already",
        "Julien a 12 clients ce samedi pour des chaudières",
        "Les patients de Julien lui offrent des tomates tout l'été",
        "Chanty did my braids, she had 3 clients waiting after me",
    ],
)
def test_a_named_persons_clientele_is_their_trade(text: str) -> None:
    assert work_score(text) < 2.0


@pytest.mark.parametrize(
    "text",
    [
        "She has three clients after me and I still haven't had lunch, my clients come first",
        "Crue de la Garonne, les patients de Port-Sud ont les pieds dans l'eau",
        "Then a client told me she felt safe for the first time",
        "My client has 3 kids and no heating",
    ],
)
def test_the_owners_clients_stay_work(text: str) -> None:
    assert work_score(text) >= 2.0
