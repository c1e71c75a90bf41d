"""workplace-location (wp7): a street's trailing part, the suburb next to the owner's clients, the place of work on
its street, the names a listed hospital is called by with "the", a first day in a new job, a learned ward written
after "on" or in lower case; sensitive-group: a parents' group of the place the owner's other posts name."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from checks.analysis.employment import employment_names
from checks.analysis.places import build_terms
from checks.base import CheckContext, Finding, SourceInfo
from checks.matching import Matcher
from checks.policy import Policy, Workplace, policy_from_dict
from checks.sensitive_group import SensitiveGroupCheck
from checks.workplace_location import _text_names
from scanner.clients import ClientList
from scanner.records import AnyRecord, Group, Post
from tests.checks.test_workplace_location_learned import scan

RATHMINES = Workplace(
    name="The Harbour Room Psychotherapy",
    address="First floor, 188 Rathmines Road Upper, Rathmines, Dublin 6",
    city="Dublin",
)
ROYAL = Workplace(name="Royal Lagan Maternity Hospital", aliases=("the Royal",), city="Belfast")
GENERAL = Workplace(name="Rockyview General Hospital", city="Calgary")
FOOTHILLS = Workplace(name="Foothills Medical Centre", city="Calgary")
DERWENT = Workplace(name="Derwent Crisis & Assessment Team", city="Hobart")
KLOOF = Workplace(name="Kloofview Counselling", address="18 Lower Main Road, Observatory, Cape Town", city="Cape Town")


def test_a_street_written_without_its_trailing_part() -> None:
    streets = build_terms(RATHMINES).streets
    assert "rathmines road" in streets
    assert "rathmines" not in streets  # the street's bare name is the suburb's: "Brunch in Rathmines"
    assert "main road" not in build_terms(KLOOF).streets  # "Lower Main Road" is its own street


@pytest.mark.parametrize(
    ("workplace", "text", "found"),
    [
        (RATHMINES, "my therapy room is on the sunny side of Rathmines Road. clients in front of the fan", True),
        (RATHMINES, "cancelled all my Rathmines clients. bread aisle is a warzone", True),
        (RATHMINES, "My therapy room in Rathmines got a makeover", True),
        (RATHMINES, "Brunch in Rathmines with the girls", False),
        (RATHMINES, "Rathmines wine bar. Zero talk about work", False),
        (RATHMINES, "my Dublin clients are the best", False),  # the town, not the suburb
        (KLOOF, "march past the centre on Lower Main Road. the students are right", True),
        (KLOOF, "roadworks on Lower Main Road again", False),
        (ROYAL, "applied for the new midwife post at the Royal 🤞", True),
        (ROYAL, "karaoke champions of the Royal 🎄", True),
        (ROYAL, "night shift at the Royal again", True),
        (ROYAL, "after 38 years 💐 the Royal won't be the same without you", False),  # a verb: "the Crest was lovely"
        (ROYAL, "watching the Royal wedding with Mum", False),
        (ROYAL, "and she did a whole night shift at the Royal. Told her", False),  # someone else's shift
        (GENERAL, "night shift at the General again", True),
        (GENERAL, "my mum is at the General", False),  # a relative's hospital
        (GENERAL, "the General Assembly voted", False),
        (FOOTHILLS, "parking at the Foothills is a joke", True),
        (FOOTHILLS, "hiking in the foothills", False),
        (FOOTHILLS, "the Foothills Trail was muddy", False),
        (DERWENT, "Sydney to Hobart boats coming up the Derwent!!", False),  # a team named for the river
    ],
)
def test_the_text_names_the_workplace(workplace: Workplace, text: str, found: bool) -> None:
    assert bool(_text_names(text, build_terms(workplace))) is found


def test_a_first_day_in_a_new_job_is_the_owners_statement() -> None:
    text = "First day in the new job at the Ashgrove Counselling Centre!! long way from home"
    assert employment_names(text) == [("Ashgrove Counselling Centre", 2)]
    assert employment_names("Emma's first day in the new job at the Ashgrove Counselling Centre!!") == []


POLICY = policy_from_dict({"workplace": {"name": "Southwark Home Treatment Team", "city": "London"}})
WEDNESDAY = datetime(2024, 4, 17, 10, tzinfo=UTC)


def post(text: str, n: int) -> Post:
    return Post(platform="facebook", id=f"p{n}", source=f"p#{n}", timestamp=WEDNESDAY, text=text)


def test_a_learned_ward_after_on_or_in_lower_case() -> None:
    records: list[AnyRecord] = [
        post("deputy charge nurse on larkspur from july", 1),
        post("Working Christmas Day on Larkspur. Selection boxes for everyone", 2),
        post("First week on Larkspur Ward, what a team", 3),
        post("larkspur flowers in the garden centre", 4),  # no ward's preposition or word
        post("Her show is at the Larkspur library all month", 5),  # another place of the same name
        post("coffee from larkspur before the drive", 6),  # "at", "from", "to": only for a ward's name
    ]
    assert {f.record.id for f in scan(records, POLICY)} == {"p1", "p2", "p3"}


CORK = Workplace(name="Glenmore House", address="14 Redforge Road, Blackpool, Cork")


def groups_reported(records: list[AnyRecord]) -> set[str]:
    check = SensitiveGroupCheck()
    ctx = CheckContext(policy=Policy(workplace=CORK), matcher=Matcher(ClientList()), source=SourceInfo("x"))
    found: list[Finding] = [f for r in records for f in check.run(r, ctx)]
    found += [*check.finish(ctx), *check.finish_scan(ctx.scan_memo)]
    return {f.record.name or "" for f in found}


def group(name: str) -> Group:
    return Group(platform="facebook", id=name, source="groups.json#0", timestamp=WEDNESDAY, name=name)


def test_a_parents_group_of_the_place_her_home_posts_name_is_not_asked_about() -> None:
    home = [
        post("Snow day, the kids built a snowman in Ballincollig", 1),
        post("Anyone know a plumber in Ballincollig", 2),
        post("Fireworks over Ballincollig from our back garden", 3),
    ]
    assert groups_reported([*home, group("Ballincollig Mums & Tots")]) == set()
    assert groups_reported([*home[:2], group("Ballincollig Mums & Tots")]) == {"Ballincollig Mums & Tots"}  # twice
    assert groups_reported([group("Blackpool Mums & Tots"), *home]) == {"Blackpool Mums & Tots"}  # the clinic's area
