"""Everyday senses of work words on real everyday posts (issue 18, round 8, helper everyday6): each rule drops the
everyday sense and keeps the clinical one."""

from __future__ import annotations

import pytest

from checks.text import has_phrase
from tests.checks.test_everyday_senses import kept_terms


@pytest.mark.parametrize(
    ("everyday", "clinical", "term"),
    [
        (
            "Come and try our adults class session tonight, beginners welcome",
            "Hard session tonight, she finally talked about her dad",
            "session",
        ),
        (
            "Is he angling for the Sessions job now? Only a sitting senator would be approved",
            "Two sessions cancelled today, so I caught up on my notes",
            "sessions",
        ),
        (
            "Half of the testing group was very helpful today",
            "The group was so quiet today, everyone tired after the holidays",
            "group was",
        ),
    ],
)
def test_everyday_sense_is_dropped_clinical_sense_kept(everyday: str, clinical: str, term: str) -> None:
    assert not any(has_phrase(kept, term) for kept in kept_terms(everyday))
    assert any(has_phrase(kept, term) for kept in kept_terms(clinical))


def test_my_session_in_a_text_about_politics_is_kept() -> None:
    """The rule for the attorney general reads the whole text, but never the owner's own session."""
    text = "My session ran over because we talked about Trump the whole hour"
    assert any(has_phrase(kept, "session") for kept in kept_terms(text))
