"""eval/textlab/train_phi_model.py: its columns hold no corpus's own words, and a corpus's precision counts what
the model adds."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "eval" / "textlab"))

import train_phi_model as t
from train_work_model import Text


def _text(grams: set[str], x: dict[str, float] | None = None) -> Text:
    return Text(x or {}, frozenset(grams), 0.0, True)


def test_columns_are_features_and_n_grams_of_min_corpora_corpora() -> None:
    corpora = {
        "a": [_text({"went home", "jase"}, {"partner": 1.0})],
        "b": [_text({"went home", "funeral"})],
        "c": [_text({"went home", "funeral", "wanganui"})],
    }
    columns = [c for c in t.columns_of(corpora) if not c.startswith("e:")]
    assert columns == ["partner", "w:went home"]  # "funeral" is in two corpora only (MIN_CORPORA is 3)


def test_a_corpus_precision_counts_the_added_findings() -> None:
    added = np.array([True, True, False])
    labels = np.array([1.0, 0.0, 1.0])
    assert t._precision((8, 1, 12), added, labels) == 9 / 11
    assert t._precision((0, 0, 3), np.zeros(3, bool), labels) == 0.0
