"""Everyday senses of work words on real everyday posts (issue 18, round 7, helper everyday5): each rule drops the
everyday sense and keeps the clinical one."""

from __future__ import annotations

import pytest

from checks.analysis.surnames import surname_reason
from checks.text import WORK_THRESHOLD, analyze, has_phrase
from tests.checks.test_everyday_senses import kept_terms


@pytest.mark.parametrize(
    ("everyday", "clinical", "term"),
    [
        (
            "my dog started crying so I got on the floor to see what was up",
            "debrief, tea, back on the floor",
            "on the floor",
        ),
        ("he throws himself on the floor when he's tired", "short-staffed on the floor again tonight", "on the floor"),
        ("The refugee admissions cap was set at 5,000", "Two admissions before lunch and a discharge", "admissions"),
        (
            "Does everyone support the appointment of Steve as chief of staff?",
            "Appointment at 3:15 with a new family, then supervision",
            "appointment",
        ),
        ("See chart: the stock against the TSX for three years", "Signing my chart before I leave", "chart"),
        (
            "Finals week plus hearing that my grandma is in the ICU",
            "Busy night in the ICU, two new admissions",
            "the icu",
        ),
        (
            "Sitting in the doctors waiting room with a screaming baby",
            "Someone left a drawing in the waiting room for me",
            "waiting room",
        ),
        ("You can look at my notes for the test", "Finally finished my notes for the week", "my notes"),
        ("Getting my practice in with my little cousin", "Three new referrals to my practice this week", "my practice"),
        (
            "They keep trying to group legal and illegal immigration together",
            "Back to group after the holidays, everyone came",
            "group",
        ),
        (
            "Home after training clients today, legs are dead",
            "Home after seeing clients today, head is full",
            "clients",
        ),
        (
            "Bronde colour education: new techniques for our clients",
            "New techniques for our clients with panic",
            "our clients",
        ),
        ("Session 3 of 5 of the dive team tryouts", "Session 3 of 5 with her, the hardest so far", "session"),
        ("crying at the news, his pupils will follow him", "Two pupils came to see me in tears today", "pupils"),
        ("Who authorized a search warrant of his home?", "Six more sessions authorized by the insurer", "authorized"),
        ("AOD with the girls tonight @ Ace of Diamonds", "AOD team meeting then two assessments", "aod"),
    ],
)
def test_everyday_sense_is_dropped_clinical_sense_kept(everyday: str, clinical: str, term: str) -> None:
    assert not any(has_phrase(kept, term) for kept in kept_terms(everyday))
    assert any(has_phrase(kept, term) for kept in kept_terms(clinical))


@pytest.mark.parametrize(
    ("everyday", "clinical"),
    [
        ("Views from the 6(th row of a really high section", "the 10am (new referral) cancelled again"),
        ("jfk, who to me is a 4, sorta frumpy", "a 2pm who brought me tamales"),
        ("Body feels amazing after that #coldtherapy", "Drums with the kids today #musictherapy"),
        ("Last nights trip to #Citynightshift urban lights", "0300 coffee number two #nightshift"),
        ("I just won at cards two nights in a row", "three nights in a row and I can't feel my feet"),
    ],
)
def test_ordinary_numbers_and_hashtags_are_no_work_cue(everyday: str, clinical: str) -> None:
    """A slot needs a clock hour after "a" and a spaced bracket; a hashtag of a comfort called therapy, or one that
    only contains "nightshift", names no trade."""
    assert analyze(everyday).work_score()[0] < WORK_THRESHOLD
    assert analyze(clinical).work_score()[0] >= WORK_THRESHOLD


def test_a_surname_named_elsewhere_in_the_text_is_a_name() -> None:
    text = "Sessions is a fanatic. Trump Sessions and Nielsen need to go"
    start = text.index("Sessions and")
    assert surname_reason(text, start, start + len("Sessions"))
    text = "Sessions today were good. Group Sessions and more on Monday"
    start = text.index("Sessions and")
    assert surname_reason(text, start, start + len("Sessions")) is None
