"""Other trades' clients and sessions, and hashtags that only end like a clinical one (issue 18, everyday posts):
each rule drops the other trade's sense and keeps the clinician's."""

from __future__ import annotations

import pytest

from checks.analysis.normalize import fold
from checks.text import analyze, has_phrase


def kept_terms(text: str) -> set[str]:
    """The words of the text that kept work, clinical and workplace hits cover, after the negative contexts."""
    return {fold(h.text) for h in analyze(text).hits if h.lexicon in ("work", "clinical", "workplace", "job")}


def counts(text: str, term: str) -> bool:
    """Whether a kept hit of the text is ``term``."""
    return any(has_phrase(kept, fold(term)) for kept in kept_terms(text))


@pytest.mark.parametrize(
    ("other_trade", "clinical", "term"),
    [
        (
            "I love my clients! Best Saturday at the chair #hairstylist #pdx",
            "I love my clients! Best Saturday in a long time #therapistlife",
            "my clients",
        ),
        (
            "Before and after on my client this morning: a full balayage",
            "Before and after: my client this morning finally slept a whole night",
            "my client",
        ),
        (
            "Always love boxing with my clients #mindbodyandsoulfitness",
            "Always love walking with my clients",
            "my clients",
        ),
        (
            "Sweet family session on the beach yesterday #michaelkeophotography",
            "Hard family session yesterday, lots of shouting, some listening",
            "family session",
        ),
        (
            "Still loving this summer engagement session and these adorable love birds",
            "Still thinking about the session this morning and that poor kid",
            "session",
        ),
        (
            "Two sessions, 5 hours each, she is a beast. Personal training and online coaching",
            "Two sessions, 5 hours each, and I still have notes to write",
            "sessions",
        ),
        ("Training Camp in session at the stadium #49ers", "In session all afternoon, phone off", "in session"),
        (
            "Did a dark violet red glaze on my client a few days ago. So shiny #haircolor",
            "Did a hard piece of grief work with my client a few days ago",
            "my client",
        ),
        (
            "Sofia's first Christmas and my first PhotoSesh! Book your session now",
            "Sofia's first Christmas without her mum. Hard session this morning",
            "session",
        ),
        (
            "Another shot from a great session with Max and Liz #yoga #partneryoga",
            "Another great session with Max today, he laughed twice",
            "session",
        ),
    ],
)
def test_other_trade_is_dropped_clinical_kept(other_trade: str, clinical: str, term: str) -> None:
    assert not counts(other_trade, term)
    assert counts(clinical, term)


@pytest.mark.parametrize(
    "tag", ["#serverlife", "#marriedlife", "#bigshotlifestyle", "#preschoolteacherlife", "#denverlife"]
)
def test_hashtag_that_only_ends_like_a_clinical_one(tag: str) -> None:
    assert not kept_terms(f"Long weekend {tag}")


@pytest.mark.parametrize("tag", ["#erlife", "#EDlife", "#otlife", "#cnalife", "#nurselife", "#arttherapy"])
def test_clinical_hashtag_still_counts(tag: str) -> None:
    assert kept_terms(f"Long weekend {tag}")


def test_chart_music_is_not_a_chart() -> None:
    assert not counts("Chart music is pretty much all the same", "chart")
    assert counts("Chart still open on my screen at 9pm", "chart")
