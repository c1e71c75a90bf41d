"""workplace-location: a learned workplace's initials and short name, French leavings, a kind before a check-in's name,
another workplace named for the same town."""

from __future__ import annotations

from datetime import datetime

import pytest

from checks.analysis.employment import WEAK, after_kind_lead, employment_names, names_place
from checks.analysis.places import build_terms, name_initials, names_with_article
from checks.policy import Policy, Workplace, policy_from_dict
from scanner.records import AnyRecord, Place, Post
from tests.checks.test_workplace_location_learned import scan

POLICY = policy_from_dict(
    {"workplace": {"name": "Illingworth Counselling", "address": "2 Harrogate Road, Leeds LS7", "city": "Leeds"}}
)
WEDNESDAY = "2024-04-17T10:00:00+00:00"


def post(text: str, n: int, when: str = WEDNESDAY) -> Post:
    return Post(platform="facebook", id=f"p{n}", source=f"p#{n}", timestamp=datetime.fromisoformat(when), text=text)


def check_in(name: str, n: int, when: str = WEDNESDAY) -> Place:
    return Place(platform="facebook", id=f"pl{n}", source=f"c#{n}", timestamp=datetime.fromisoformat(when), name=name)


def flagged(records: list[AnyRecord], policy: Policy = POLICY) -> set[str]:
    return {f.record.id for f in scan(records, policy)}


@pytest.mark.parametrize(
    ("name", "initials"),
    [
        ("Kallang General Hospital", "KGH"),
        ("Kallang General Hospital, Singapore", "KGH"),  # not the town
        ("Newry and Mourne Home Treatment Team", "NMHTT"),  # "and" skipped
        ("Illingworth Counselling", None),  # two words: too short to be written as initials
        ("Molendinar CMHT", None),  # an acronym of its own
        ("Cabinet infirmier des Coteaux", None),  # a word in lower case
    ],
)
def test_name_initials(name: str, initials: str | None) -> None:
    assert name_initials(name) == initials


def test_the_initials_of_a_learned_name_name_it_as_written() -> None:
    assert "KGH" in build_terms(Workplace(name="Kallang General Hospital"), listed=False).acronyms
    assert "KGH" not in build_terms(Workplace(name="Kallang General Hospital")).acronyms  # listed: the user's aliases


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pot de départ au Pont-Vieux, les filles m'ont gâtée", [("Pont-Vieux", WEAK)]),
        ("Leaving do at the Dirty Onion tonight", [("Dirty Onion", WEAK)]),  # a pub too: weak
        ("je pars du cabinet de Port-Sud fin mars", [("Port-Sud", 2)]),  # leaving a service on a date
        ("je pars du bureau de Marc à 18h", []),  # the end of a day, not of a job
    ],
)
def test_french_and_english_leavings(text: str, expected: list[tuple[str, int]]) -> None:
    assert employment_names(text) == expected


def test_a_check_in_whose_name_opens_with_its_kind_is_the_learned_place() -> None:
    assert after_kind_lead("Foyer de l'enfance Les Sorbiers") == "Les Sorbiers"
    assert after_kind_lead("Clinique du Pont-Vieux") == "Pont-Vieux"
    assert after_kind_lead("Harbour Youth") == "Harbour Youth"
    assert names_place("Foyer de l'enfance Les Sorbiers", {"sorbiers": "Sorbiers"}) == "Sorbiers"
    assert names_place("Foyer de l'enfance Les Tilleuls", {"sorbiers": "Sorbiers"}) is None


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Christmas do at the Lantern! Secret Santa got me a candle", True),
        ("Thank you to my supervisor and to the Lantern team", True),
        ("sang at the Lantern Easter coffee morning", True),  # a holiday after the name
        ("The Lantern festival is on tonight", False),  # opening the sentence
        ("a pint at the Lantern Inn", False),  # another place's name
        ("a show at the Lantern library", False),  # another word after it
        ("Lantern's Christmas Eve candle service", True),  # a name written as one: possessive
        ("Lanterns everywhere", False),
    ],
)
def test_a_learned_workplace_by_its_first_word_after_an_article(text: str, found: bool) -> None:
    assert (names_with_article(text, ("Lantern",)) is not None) is found


def test_a_learned_name_shortened_after_an_article() -> None:
    assert names_with_article("Dernier jour à la Clo. Merci", ("Closière",)) == "Closière"
    assert names_with_article("Le salon de la Clo décoré", ("Closière",)) is None  # another word after it
    assert names_with_article("à la Clo.", ("Sorbiers",)) is None  # too short a name to shorten


def test_a_learned_workplace_by_its_first_word_is_reported() -> None:
    records: list[AnyRecord] = [
        post("After 3 years at Lantern Bereavement Service I'm moving on", 1, "2018-08-01T10:00:00+00:00"),
        post("Christmas do at the Lantern! Secret Santa got me a candle", 2, "2017-12-15T19:00:00+00:00"),
        post("Lanterns everywhere at the festival", 3, "2017-12-16T19:00:00+00:00"),
    ]
    assert flagged(records) == {"p1", "p2"}


def test_another_workplace_named_for_the_same_town_is_learned() -> None:
    policy = policy_from_dict({"workplace": {"name": "Newry Home Treatment Team", "city": "Newry"}})
    records: list[AnyRecord] = [
        post("7 years at Newry Recovery Service and I still love it", 1, "2016-03-01T10:00:00+00:00"),
        post("Newry Recovery Service bake sale at 11, come along", 2, "2016-04-01T10:00:00+00:00"),
        post("Stuck in Newry in the snow", 3, "2016-04-02T10:00:00+00:00"),  # the town alone
    ]
    assert flagged(records, policy) == {"p1", "p2"}
