"""workplace-location: French statements, a ward's name, the kind before a learned name, the workplace's town."""

from __future__ import annotations

from datetime import datetime

import pytest

from checks.analysis.employment import STRONG, WEAK, bare_name, employment_names, leaving_names, names_place
from checks.analysis.places import build_terms
from checks.policy import Policy, Workplace, policy_from_dict
from scanner.records import AnyRecord, Place, Post
from tests.checks.test_workplace_location_learned import scan

POLICY = policy_from_dict(
    {
        "workplace": {
            "name": "Newry Home Treatment Team",
            "aliases": ["Newry HTT"],
            "address": "41 Downshire Road, Newry BT34 1FE",
            "city": "Newry",
        }
    }
)
SUNDAY = "2024-04-21T18:00:00+00:00"


def post(text: str, n: int = 0, when: str = SUNDAY) -> Post:
    at = datetime.fromisoformat(when)
    return Post(platform="facebook", id=f"p{n}", source=f"posts.json#{n}", timestamp=at, text=text)


def check_in(name: str, n: int) -> Place:
    when = datetime.fromisoformat(SUNDAY)
    return Place(platform="facebook", id=f"pl{n}", source=f"places.json#{n}", timestamp=when, name=name)


def flagged(records: list[AnyRecord], policy: Policy = POLICY) -> set[str]:
    return {f.record.id for f in scan(records, policy)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1er jour au foyer Les Sorbiers !!! 8 ados", [("Sorbiers", WEAK)]),  # "1er", the kind in lower case
        ("Dernier jour aux Sorbiers... 4 ans", [("Sorbiers", WEAK)]),  # "aux", not "au" and an "x"
        ("Premier quart à l'urgence pédopsy de Lapierre-Dorion demain soir", [("Lapierre-Dorion", STRONG)]),
        ("je rejoins le 1er octobre la Résidence La Closière à Jambes", [("Résidence La Closière", STRONG)]),
        ("Après presque six ans, je quitte la Résidence La Closière", [("Résidence La Closière", STRONG)]),
        ("First week on Fane Ward DONE!! Proper staff nurse now", [("Fane Ward", STRONG)]),  # a ward: at work
        ("First week at Ardmore Gardens DONE", [("Ardmore Gardens", WEAK)]),  # any place: a first week
        ("1er jour de vacances au camping Les Pins", []),  # a holiday, not a workplace's kind
        ("Ma fille rejoint le foyer Les Sorbiers", []),  # someone else
    ],
)
def test_french_statements_and_wards(text: str, expected: list[tuple[str, int]]) -> None:
    assert employment_names(text) == expected


def test_a_place_opening_with_its_kind_is_the_learned_workplace() -> None:
    known = {"lapierre dorion": "Lapierre-Dorion"}
    assert names_place("Hôpital Lapierre-Dorion", known) == "Lapierre-Dorion"
    assert names_place("Hôpital Saint-Luc", known) is None
    assert bare_name("Résidence La Closière") == "Closière"
    assert bare_name("Mercy Ridge") == "Mercy Ridge"


def test_a_learned_name_that_is_no_word_is_found_inside_a_sentence() -> None:
    records: list[AnyRecord] = [
        post("je rejoins le 1er octobre la Résidence La Closière comme psychologue", n=1),
        post("Marché de Noël à La Closière : les résidents ont vendu 200 bougies", n=2),
        post("on a réparé la closière du jardin", n=3),  # a word, not the name
    ]
    assert flagged(records) == {"p1", "p2"}


def test_the_workplace_town_is_no_alias_of_a_team_named_for_it() -> None:
    terms = build_terms(POLICY.workplace)
    assert "Newry" not in terms.weak and "Newry" not in terms.proper
    assert flagged([post("Stuck in Newry in the snow tonight", n=1), post("Newry HTT handover at 8", n=2)]) == {"p2"}
    elsewhere = build_terms(Workplace(name="Newry Crisis Team"))  # no town given: the name's own word stays
    assert "newry" in elsewhere.strong or "Newry" in elsewhere.weak


def test_a_ward_named_in_a_first_week_is_a_workplace() -> None:
    records: list[AnyRecord] = [
        post("First week on Fane Ward DONE!! Proper staff nurse now", n=1),
        check_in("Fane Ward, Ardmore Unit", 2),
    ]
    assert flagged(records) == {"p1", "pl2"}


def test_a_learned_workplace_named_after_the_owner_left_it_is_a_former_one() -> None:
    records: list[AnyRecord] = [
        post("Drove past Ardmore Gardens today and waved at the window", n=4, when="2021-06-01T10:00:00+00:00"),
        post("First day at Ardmore Gardens! 22 residents", n=1, when="2016-03-01T10:00:00+00:00"),
        post("Christmas do at Ardmore Gardens, best team", n=2, when="2018-12-20T20:00:00+00:00"),
        post("Last day at Ardmore Gardens 😢 three years", n=3, when="2019-03-01T17:00:00+00:00"),
    ]
    assert flagged(records) == {"p1", "p2", "p3"}  # not the post two years after her last day


@pytest.mark.parametrize(
    ("text", "left"),
    [
        ("Last shift at Harakeke House tonight. 4 years. The boys gave me a card", ["Harakeke House"]),
        ("Leaving Fane after nearly 4 years 😭", ["Fane"]),
        ("last shift at Harakeke House was brutal, 3 admissions", []),  # the shift before this one
        ("Last day at Harakeke House before my maternity leave", []),  # a break, not a leaving
        ("Leaving Harakeke House at 7 tonight", []),  # the day's end
    ],
)
def test_leaving_statements(text: str, left: list[str]) -> None:
    assert leaving_names(text) == left
