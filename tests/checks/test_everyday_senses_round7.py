"""Ordinary numbers, hashtags and surnames on real everyday posts (issue 18, round 7, helper everyday5): each rule
drops the everyday sense and keeps the clinical one. The other senses of work words are in test_everyday_senses.py."""

from __future__ import annotations

import pytest

from checks.analysis.surnames import surname_reason
from checks.text import WORK_THRESHOLD, analyze


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
