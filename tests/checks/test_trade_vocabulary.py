"""The vocabulary model's 0.4–0.5 band (issue 18): a text the model reads as not unlikely to be about the work is
borderline (reported only in an account that often posts about its clinical work) when the model's lean rests on
the trade's own, uncommon words; an everyday text whose lean rests on common words ("today", "home") is not."""

from __future__ import annotations

import math

import pytest

from checks import work_related_post
from checks.analysis.work_model import WordModel
from checks.work_related_post import ACCOUNT_VOCABULARY_DECISION, TRADE_VOCABULARY_DECISION, WorkRelatedPostCheck
from tests.checks.test_work_related_post import CLINICAL, ctx, post

LEAN = 2.8  # with the bias below, one such word puts a short text at about 0.45: inside the band
BAND_TOY = WordModel(bias=-3.0, weights={}, vocabulary={"depot": LEAN, "today": LEAN})


def _reported(texts: list[str], monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The excerpts reported when a clinician's account writes CLINICAL and then ``texts``, with the toy model."""
    monkeypatch.setattr(work_related_post, "word_model", lambda: BAND_TOY)
    check, c = WorkRelatedPostCheck(), ctx()
    found = [f for t in [*CLINICAL, *texts] for f in check.run(post(t), c)]
    return [f.record.excerpt for f in [*found, *check.finish(c)] if f.record.excerpt not in CLINICAL]


def test_the_toy_texts_sit_in_the_band() -> None:
    """Both texts below read at the same probability, between the two decisions."""
    p = 1 / (1 + math.exp(3.0 - LEAN))
    assert TRADE_VOCABULARY_DECISION <= p < ACCOUNT_VOCABULARY_DECISION


def test_a_text_leaning_on_a_trade_word_is_borderline(monkeypatch: pytest.MonkeyPatch) -> None:
    """ "depot" is uncommon in everyday English: the model reads the job, and the text is reported."""
    assert _reported(["Depot round in the rain"], monkeypatch) == ["Depot round in the rain"]


def test_a_text_leaning_on_a_common_word_is_not(monkeypatch: pytest.MonkeyPatch) -> None:
    """ "today" is in every other post: the same probability is no sign of the job."""
    assert _reported(["Rain again today"], monkeypatch) == []
