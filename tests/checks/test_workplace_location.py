"""workplace-location: places and texts that reveal where and when the clinician works."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from checks.base import CheckContext, Severity, SourceInfo
from checks.matching import Matcher
from checks.policy import Policy, policy_from_dict
from checks.workplace_location import WorkplaceLocationCheck
from scanner.clients import ClientList
from scanner.records import AnyRecord, Comment, Place, Post, Profile, WorkEntry

POLICY = policy_from_dict(
    {
        "workplace": {
            "name": "Lakeside Counseling Services",
            "aliases": ["LCS", "Lakeside", "the Elm St office"],
            "address": "200 Elm Street, Millbrook, OH 44000",
            "city": "Millbrook, Ohio",
        },
        "work_hours": {
            "timezone": "America/New_York",
            "mon": ["09:00-17:00"],
            "tue": ["09:00-17:00"],
            "wed": ["09:00-17:00"],
            "thu": ["09:00-17:00"],
            "fri": ["09:00-17:00"],
        },
    }
)
WEEKDAY = "2024-04-17T12:30:00+00:00"  # Wednesday 08:30 in New York (within the hour of slack)
SUNDAY = "2024-04-21T18:00:00+00:00"


def post(text: str = "", place: str | None = None, when: str = WEEKDAY) -> Post:
    return Post(
        platform="facebook",
        id="p",
        source="posts.json#0",
        timestamp=datetime.fromisoformat(when),
        text=text,
        place=place,
    )


def run(record: AnyRecord, policy: Policy = POLICY) -> list:
    ctx = CheckContext(policy=policy, matcher=Matcher(ClientList()), source=SourceInfo(record.platform))
    return list(WorkplaceLocationCheck().run(record, ctx))


@pytest.mark.parametrize(
    ("record", "severity"),
    [
        (post("First day!", "Lakeside Counseling Services"), Severity.MEDIUM),
        (post("here till 8 for evening group", "Lakeside Counseling Services"), Severity.HIGH),
        (post("", "LCS"), Severity.MEDIUM),
        (post("latte run", "Elm Street Coffee Co."), Severity.LOW),  # on the street, in work hours
        (post("latte run", "Elm Street Coffee Co.", SUNDAY), None),  # on the street, on a Sunday
        (post("brunch", "Elm Street, Columbus"), None),  # same street name, another town
        (post("flat white", "Bench Café, Elm St"), Severity.LOW),  # the place's name, then the street
        (post("flat white", "Bench Café, Elm St, Columbus"), None),
        (post("picnic", "Lakeside Park"), None),  # one-word alias inside another place's name
        (post("Lakeside Park cleanup Saturday 10am"), None),
        (
            Place(
                platform="facebook",
                id="pl",
                source="places#0",
                timestamp=datetime.fromisoformat(WEEKDAY),
                name="Main Office",
                address="200 Elm Street, Millbrook, OH",
            ),
            Severity.MEDIUM,
        ),
        (post("Back in the office at LCS Tues/Thurs starting next week"), Severity.MEDIUM),
        (post("parking at the Elm St office is a bloodsport at 8:55am"), Severity.MEDIUM),
        (post("if you're at the bus stop outside 200 Elm right now, that's me running"), Severity.MEDIUM),
        (post("back on the unit tomorrow 7a, pray for me"), Severity.MEDIUM),
        (post("I'll be at Jefferson Middle every Wednesday for our agency's school program"), Severity.MEDIUM),
        (post("Ugly sweater day at the office"), None),  # no workplace name, no time
        (post("So proud of my Lakeside team"), None),  # names the alias but no time or place cue
        (post("I'm on call this week and slept 2 hours"), None),
        (post("I'll be at the farmers market every Saturday"), None),  # schedule, but not work
        (post("can't even believe I'm at work right now"), None),  # a job, not the clinical one (real tweet)
        (post("at the office till 8 tonight writing progress notes"), Severity.MEDIUM),
        (
            Comment(
                platform="facebook",
                id="c",
                source="c#0",
                timestamp=datetime.fromisoformat(WEEKDAY),
                text="come see us at the LCS open house Thursday 4-7pm",
            ),
            Severity.MEDIUM,
        ),
    ],
)
def test_records(record: AnyRecord, severity: Severity | None) -> None:
    found = run(record)
    assert [f.severity for f in found] == ([severity] if severity else [])
    for finding in found:
        assert finding.record.timestamp == record.timestamp


def test_place_name_is_the_record_name() -> None:
    (finding,) = run(post("", "Lakeside Counseling Services"))
    assert finding.record.name == "Lakeside Counseling Services"


def test_profile_employer_stands_in_when_the_policy_names_no_workplace() -> None:
    ctx = CheckContext(policy=Policy(), matcher=Matcher(ClientList()), source=SourceInfo("facebook"))
    check = WorkplaceLocationCheck()
    profile = Profile(
        platform="facebook", id="me", source="profile.json", work=(WorkEntry(employer="Harbor Family Clinic"),)
    )
    assert list(check.run(profile, ctx)) == []
    assert len(list(check.run(post("", "Harbor Family Clinic"), ctx))) == 1


def test_policy_coordinates() -> None:
    policy = policy_from_dict({"workplace": {"name": "X Clinic", "latitude": 41.0, "longitude": -91.0}})
    at = Place(
        platform="facebook",
        id="a",
        source="s",
        timestamp=datetime.fromisoformat(SUNDAY),
        name="Somewhere",
        latitude=41.0002,
        longitude=-91.0002,
    )
    far = Place(
        platform="facebook",
        id="b",
        source="s",
        timestamp=datetime.fromisoformat(SUNDAY),
        name="Elsewhere",
        latitude=41.1,
        longitude=-91.0,
    )
    assert len(run(at, policy)) == 1
    assert run(far, policy) == []


@pytest.mark.parametrize(
    ("aliases", "text", "flag"),
    [
        (["the clinic"], "at the clinic today, here till 8 for group", True),  # schedule rule, not the alias
        (["the clinic"], "the clinic down the road has a new sign at 5pm", False),  # generic alias ignored
        (["CARE"], "I care about you, see you at 5pm", False),  # acronyms match only as written
        (["CARE"], "CARE open house at 5pm", True),
        (["Lakeside"], "lakeside picnic at 5pm", False),  # one-word alias needs its capital
        (["Lakeside"], "Lakeside open house at 5pm", True),
    ],
)
def test_alias_forms(aliases: list[str], text: str, flag: bool) -> None:
    policy = policy_from_dict({"workplace": {"name": "Harbor Family Services", "aliases": aliases}})
    assert bool(run(post(text), policy)) is flag


def test_address_with_a_suite_first() -> None:
    policy = policy_from_dict(
        {"workplace": {"name": "Harbor Family Services", "address": "Suite 4, 55 Main Street, Millbrook, OH"}}
    )
    assert len(run(post("drop-off at 55 Main through Dec 15"), policy)) == 1


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Back on the ward tomorrow 7a, see you all at handover", True),
        ("I'll be at the clinic till 8 tonight for group", True),
        ("She rang the ward at 3am again. She's back on the lithium and sounding steadier", False),
    ],
)
def test_schedule_cue_needs_presence_not_any_back_on(text: str, cue: bool) -> None:
    from checks.workplace_location import schedule_cue

    assert (schedule_cue(text) is not None) is cue


OTHER = policy_from_dict(
    {
        "workplace": {
            "name": "Mercy Ridge Medical Center",
            "aliases": ["Mercy Ridge", "Bank Place Counselling"],
            "address": "1850 Pine Hollow Road, Macon, GA 31217",
        },
        "former_workplaces": [
            {
                "name": "Magnolia Terrace Health & Rehabilitation",
                "aliases": ["Magnolia Terrace"],
                "left": date(2019, 6, 30),
            }
        ],
    }
)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Mercy Ridge is on generator, night crew hanging in there", True),  # a multi-word alias needs no cue
        ("Pine Hollow Rd traffic at 6:45pm is a war crime. Every. Single. Shift.", True),  # street + work
        ("Pine Hollow parking deck is a zoo before my shift, park in the clinic lot", True),  # type dropped
        ("Tuesday on Bank Place, kettle on, first client at 6", True),  # a street inside an alias
        ("Pine Hollow Road is closed for the parade on Saturday", False),  # the street, nothing about work
        ("Round of golf at Mercy Ridge Golf Club with Dad", False),  # another place sharing the alias
    ],
)
def test_names_and_streets_in_text(text: str, found: bool) -> None:
    assert bool(run(post(text, when=SUNDAY), OTHER)) is found


def test_former_workplace_in_text_and_check_in() -> None:
    said = run(post("Last shift at Magnolia Terrace. 3 years of these sweet folks.", when=SUNDAY), OTHER)
    assert said and "used to work" in said[0].message and "until 2019" in said[0].evidence[0].reason
    checked_in = run(post("Christmas party 🎄", place="Magnolia Terrace Health & Rehabilitation"), OTHER)
    assert checked_in and "former workplace" in checked_in[0].evidence[0].reason


def test_quebec_address_with_a_comma_after_the_number() -> None:
    policy = policy_from_dict(
        {
            "workplace": {
                "name": "Clinique Psy-Mosaïque",
                "address": "4521, rue Saint-Denis, bureau 302, Montréal (Québec)",
            }
        }
    )
    assert run(post("Ça fait 8 ans que j'ai mon bureau au 4521 Saint-Denis.", when=SUNDAY), policy)


KILBRIDE = policy_from_dict(
    {"workplace": {"name": "Kilbride Cancer Center", "aliases": ["Maple Run"], "address": "1180 Huntington Avenue"}}
)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # the name's own words before its kind, with a cue (a team's party, "our team", a time)
        ("Kilbride holiday party 🎄 Our infusion nurses can DANCE", True),
        ("Kilbride gingerbread contest 🍬 our team built the infusion suite", True),
        ("Kilbride Castle walk this morning with the dog", False),  # another place's name
        ("Kilbride is a lovely village", False),  # no cue
        # a team or unit in capitals after a name is still the workplace
        ("Proud to share that our Maple Run MTSS team cut referrals by 30%", True),
        ("Maple Run Golf Club tonight!", False),
    ],
)
def test_name_heads_and_units(text: str, found: bool) -> None:
    assert bool(run(post(text, when=SUNDAY), KILBRIDE)) is found


def test_a_street_with_a_trailing_direction() -> None:
    workplace = {"name": "Open Hand Studio", "address": "1187 Dundas Street West, Toronto"}
    policy = policy_from_dict({"workplace": workplace})
    assert run(post("Cold on Dundas this morning, lit the heater before my first session", when=SUNDAY), policy)
    assert run(post("parking on Dundas St at 8:40 again", when=SUNDAY), policy)
    assert not run(post("Dundas is lovely in the fall", when=SUNDAY), policy)


CREST = policy_from_dict({"workplace": {"name": "Maple Crest Care Center", "aliases": ["Maple Crest", "the Crest"]}})


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Our little garden is finally growing 🌿 #maplecrest #ltc", True),
        ("maple syrup season #maple #syrup", False),
        ("new lanyard, who dis. 8 years at the Crest this month", True),  # a one-word alias and the time there
        ("the Crest was lovely this month", False),
    ],
)
def test_hashtags_and_years_there(text: str, found: bool) -> None:
    assert bool(run(post(text, when=SUNDAY), CREST)) is found
