"""Everyday senses of work words on real everyday posts (issue 18, round 8, helper everyday6): each rule drops the
everyday sense and keeps the clinical one; and the vocabulary model reads another trade's clients as everyday."""

from __future__ import annotations

import pytest

from checks.analysis.work_model import TextSignals, signals_of, work_probability
from checks.text import analyze, has_phrase
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


def _signals(text: str) -> TextSignals:
    return signals_of(analyze(text), "post")


def test_another_trades_client_reads_as_everyday() -> None:
    """Other trades' posts are the vocabulary model's negatives (eval/textlab/other_trades_en.txt): a stylist's
    client reads as everyday, a counsellor's as work (neither sentence is in the training file)."""
    stylist = "Warm honey highlights and a long layered cut on my client this morning, she loves it"
    counsellor = "My client finally talked about her panic attacks in session today, such a brave step"
    assert work_probability(_signals(stylist)) < 0.5
    assert work_probability(_signals(counsellor)) >= 0.5
