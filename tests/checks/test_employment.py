"""Employment statements: the places a clinician's own posts say she works or worked at."""

from __future__ import annotations

import pytest

from checks.analysis.employment import (
    STRONG,
    WEAK,
    Employers,
    care_setting,
    core_name,
    employment_names,
    name_head,
    names_place,
    stated_points,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Last shift at Magnolia Terrace. 3 years of these sweet folks", [("Magnolia Terrace", STRONG)]),
        ("leaving Banksia Grove after 7 years. the residents won't remember", [("Banksia Grove", STRONG)]),
        # a team's party or meal is at the workplace or as often at a pub: one statement is not enough
        ("Staff holiday party at Carrick Street. Our peer workers did karaoke", [("Carrick Street", WEAK)]),
        ("Perinatal team Christmas lunch at the Dirty Onion, the craic was ninety", [("Dirty Onion", WEAK)]),
        ("Officially a phone counselor at Lakeshore Crisis Line!!!", [("Lakeshore Crisis Line", STRONG)]),
        ("Finally hired at Muskingum Trace for next year", [("Muskingum Trace", STRONG)]),
        ("first day at St. Brendan's. 9 patients, 1 art cart", [("St. Brendan's", WEAK)]),
        ("Après deux belles années à la Clinique du Moulin, je m'installe", [("Clinique du Moulin", STRONG)]),
        ("Dernier jour au Relais Saint-Éloi. Deux ans", [("Relais Saint-Éloi", WEAK)]),
        # not statements about the owner's job, or no place's name after them
        ("Emma's first day at Westfield Primary!", []),
        ("last night at The Crown was wild", []),
        ("3 years at Christmas with the in-laws", []),
        ("Première garde d'interne au CHS ce soir", []),  # a kind of service, not a place's name
        ("I'm at work at 7 tomorrow", []),
        ("Excited to join the HUD-VASH program at the VA", []),  # a program, not a place
        ("Joined Silver Preferred because I heard customer service was great", []),  # a loyalty tier
        ("I'm joining Planet Fitness tomorrow", []),
        ("I'll be joining the Community Mental Health Team in March", []),
        # other people's jobs, and towns
        ("Nate started his new job at Home Depot today", []),
        ("Nate is a nurse at Baptist Medical Center and I'm so proud", []),
        ("After seven years on the adolescent unit at Erlanger, I'm moving on", [("Erlanger", STRONG)]),
        (
            "Excited to have joined the crisis team at Westbrook Crisis Response",
            [("Westbrook Crisis Response", STRONG)],
        ),
        # the role or the work between the cue and the place
        ("First day as practice nurse at Inglis River Medical Centre", [("Inglis River Medical Centre", WEAK)]),
        (
            "First week doing in-home family therapy for Chippewa Valley Family Services",
            [("Chippewa Valley Family Services", WEAK)],
        ),
        ("Excited to start as a practice supervisor at Oranga Tamariki Te Aro", [("Oranga Tamariki Te Aro", STRONG)]),
        (
            "I've joined Cascadia Hospice & Palliative Care as their first music therapist",
            [("Cascadia Hospice & Palliative Care", STRONG)],
        ),
        ("Emma joined Westfield Academy as a new pupil", []),
        ("Nate started as a nurse at Mercy Ridge", []),
        ("So proud of my husband, 30 years at General Motors", []),
        ("10 years in San Antonio this week!", []),
        ("Leaving San Antonio after 3 days of tacos", []),
        ("Dix ans à Lyon déjà", []),
        # a program or service of a place, and a start there (weak: a race or a price starts at places too)
        (
            "I'll be joining the Adult Day Treatment Program at St. Brendan's Hospital two days a week",
            [("St. Brendan's Hospital", STRONG)],
        ),
        ("Got my NESP place!!! Starting at Harbourview in Feb 🙌", [("Harbourview", WEAK)]),
        ("Starting at 8pm sharp, doors at 7", []),
        ("Nate is starting at Home Depot on Monday", []),
    ],
)
def test_employment_names(text: str, expected: list[tuple[str, int]]) -> None:
    assert employment_names(text) == expected


@pytest.mark.parametrize(
    ("text", "points"),
    [
        ("Last shift on Calder Ward today. Nearly 4 years.", STRONG),
        ("MSW internship day 1", STRONG),
        ("First day. Ravenscraig here I come 😬", WEAK),
        ("Survived my first proper month on the ward", WEAK),
        ("les clients du premier jour ont eu un croissant", 0),  # nobody's first day at work
        ("last night at the pub", 0),
        ("Emma's first day!", 0),
        ("2e semaine 💪", WEAK),  # counting the days of a new job
        ("Day one 🙏", WEAK),
        ("one day I'll go back", 0),
    ],
)
def test_stated_points(text: str, points: int) -> None:
    assert stated_points(text) == points


def test_core_name_drops_town_and_kind_of_institution() -> None:
    assert core_name("Banksia Grove Aged Care") == "Banksia Grove"
    assert core_name("Coláiste Threasa, Fermoy") == "Coláiste Threasa"
    assert core_name("Magnolia Terrace Health & Rehabilitation") == "Magnolia Terrace"
    assert core_name("Clinique du Moulin") == "Clinique du Moulin"


def test_a_workplace_needs_a_job_statement_or_two_records() -> None:
    employers = Employers()
    employers.add("Lausanne", "p1", WEAK, statement=True)  # "Dernier jour à Lausanne": a town, one weak cue
    employers.add("Harakeke House", "p2", WEAK, statement=True)
    assert employers.known() == {}
    employers.add("Harakeke House", "p3", 1, statement=False)  # clinical text checked in there
    employers.add("Magnolia Terrace", "p4", STRONG, statement=True)
    assert set(employers.known().values()) == {"Harakeke House", "Magnolia Terrace"}


def test_clinical_check_ins_alone_make_no_workplace() -> None:
    employers = Employers()
    for record in ("p1", "p2", "p3"):
        employers.add("Leanne's Hair Lounge", record, 1, statement=False)
    assert employers.known() == {}


def test_a_longer_name_counts_for_the_shorter_one_and_places_match_it() -> None:
    employers = Employers()
    employers.add("Carrick Street Community Health Centre", "p1", WEAK, statement=True)
    employers.add("Carrick Street", "p2", WEAK, statement=True)
    known = employers.known()
    assert "carrick street" in known
    assert names_place("Carrick Street Community Health Centre", known)
    assert not names_place("Carrick Road Bakery", known)


def test_a_one_word_workplace_matches_only_the_whole_name() -> None:
    employers = Employers()
    employers.add("Riverbend", "p1", STRONG, statement=True)
    known = employers.known()
    assert names_place("Riverbend", known)
    assert not names_place("Riverbend Park", known)


def test_a_place_holding_the_known_name_word_by_word() -> None:
    employers = Employers()
    employers.add("Midland CAMHS", "p1", STRONG, statement=True)  # "6 years at Midland CAMHS"
    employers.add("Harbour Youth", "p2", STRONG, statement=True)  # "First shift as a counsellor at Harbour Youth"
    known = employers.known()
    assert names_place("Midland Community CAMHS", known) == "Midland CAMHS"
    assert names_place("Harbour Youth Counselling", known) == "Harbour Youth"
    assert not names_place("The Midland Hotel", known)
    assert not names_place("Community CAMHS Midland", known)


def test_care_settings_and_name_heads() -> None:
    assert care_setting("St. Brendan's Hospital") and care_setting("Résidence Les Aubépines")
    assert not care_setting("Disneyland") and not care_setting("Leanne's Hair Lounge")
    assert name_head("Kilbride Cancer Center") == "Kilbride"
    assert name_head("Scioto Heights City Schools") == "Scioto Heights"
    assert name_head("Centre Hospitalier Saint-Cyprien") is None  # opens with its kind
    assert name_head("Mercy Ridge") is None  # no kind word: the name itself


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a French name with lower-case words inside it
        (
            "Premier jour officiel comme psychoéducatrice à l'École secondaire du Rocher!!!",
            [("École secondaire du Rocher", WEAK)],
        ),
        ("Dernière journée à l'École secondaire du Rocher. 5 ans.", [("École secondaire du Rocher", WEAK)]),
        # the years before the leaving
        ("After six and a half years I'm leaving Molendinar CMHT for a new post", [("Molendinar CMHT", STRONG)]),
        ("She is leaving Molendinar CMHT after six years", []),  # someone else's job
        ("Dernier jour au CMP ce soir", []),  # lower-case words with no name after them
    ],
)
def test_french_names_and_years_before_leaving(text: str, expected: list[tuple[str, int]]) -> None:
    assert employment_names(text) == expected
