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


def test_the_written_model_keeps_every_feature_and_splits_n_grams_and_embedding() -> None:
    columns = ["damper:peer", "partner", "e:0", "e:1", "w:went home", "w:the"]
    parts = t.model_parts(columns, np.array([0.5, 1.0, 0.25, -0.25, 2.0, 0.001]), -1.0)
    assert parts["weights"] == {"damper:peer": 0.5, "partner": 1.0}
    assert parts["vocabulary"] == {"went home": 2.0}  # a weight under 0.01 is left out
    assert parts["embedding"] == [0.25, -0.25] and parts["bias"] == -1.0
