"""eval/textlab/train_work_model.py: the fitting recovers known weights and reports calibration."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "eval" / "textlab"))

import train_work_model as t


def test_fit_recovers_the_weights_of_a_known_logistic_model() -> None:
    rng = np.random.default_rng(7)
    x = rng.normal(size=(4000, 3))
    truth = np.array([2.0, -1.0, 0.0])
    y = (rng.random(4000) < 1 / (1 + np.exp(-(x @ truth - 0.5)))).astype(float)
    w = t.fit(x, y, np.full(3, 1e-3))
    assert np.allclose(w[:-1], truth, atol=0.2)
    assert abs(w[-1] + 0.5) < 0.2


def test_reliability_bands_compare_predicted_and_observed() -> None:
    p = np.array([0.1, 0.1, 0.9, 0.9, 0.5])
    y = np.array([0.0, 0.0, 1.0, 0.0, 1.0])
    bands = {b["band"]: b for b in t.reliability(p, y)}
    assert bands["0.0-0.2"]["observed"] == 0.0
    assert bands["0.8-1.0"] == {"band": "0.8-1.0", "texts": 2, "predicted": 0.9, "observed": 0.5}
    assert t.log_loss(np.array([0.99]), np.array([1.0])) < t.log_loss(np.array([0.6]), np.array([1.0]))
