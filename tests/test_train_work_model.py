"""eval/textlab/train_work_model.py: the fitting recovers known weights and reports calibration."""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import UTC, datetime
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


def _text(grams: set[str], label: float = 0.0) -> t.Text:
    return t.Text({}, frozenset(grams), label, False)


def test_vocabulary_keeps_only_n_grams_of_several_corpora() -> None:
    """A corpus's own names and places never enter the vocabulary model: only n-grams of two corpora or more."""
    corpora = {
        "a": [_text({"caseload", "jase"}), _text({"night shift"})],
        "b": [_text({"caseload", "night shift", "wanganui"})],
        "c": [_text({"caseload"})],
    }
    assert t.vocabulary(corpora) == ["caseload", "night shift"]


def test_sparse_fit_recovers_the_weights_of_a_known_model() -> None:
    rng = np.random.default_rng(3)
    grams = [f"g{i}" for i in range(4)]
    truth = {"g0": 2.5, "g1": -2.0, "g2": 0.0, "g3": 1.0}
    texts = []
    for _ in range(6000):
        present = {g for g in grams if rng.random() < 0.4}
        z = -0.5 + sum(truth[g] for g in present)
        texts.append(_text(present, float(rng.random() < 1 / (1 + np.exp(-z)))))
    columns = [f"w:{g}" for g in grams]
    m = t.Sparse.of(texts, columns)
    w, b = t.fit_sparse(m, np.array([x.label for x in texts]), 1e-5, steps=1500)
    assert np.allclose(w, [truth[g] for g in grams], atol=0.25)
    assert abs(b + 0.5) < 0.25


def test_a_long_text_counts_the_mean_of_its_words_not_their_sum() -> None:
    """Many everyday words in a long post do not add up to work; one strong word in a short post does."""
    from checks.analysis.work_model import WordModel, ngrams

    filler = [f"word{i}" for i in range(100)]
    model = WordModel(bias=-3.0, weights={}, vocabulary={"caseload": 4.0} | dict.fromkeys(filler, 0.1))
    assert model.probability({}, ngrams("caseload")) >= 0.5
    assert model.probability({}, ngrams(" ".join(filler))) < 0.5


def test_sparse_matrix_embedding_columns_multiply_as_a_dense_matrix() -> None:
    """The embedding columns (``e:<i>``) are a dense block: the products equal those of the whole matrix."""
    rng = np.random.default_rng(5)
    emb = rng.normal(size=(3, 2))
    texts = [t.Text({"work": float(i)}, frozenset({"ward"} if i else set()), 0.0, True, emb[i]) for i in range(3)]
    columns = ["work", "e:0", "e:1", "w:ward"]
    m = t.Sparse.of(texts, columns)
    full = np.column_stack([[0.0, 1.0, 2.0], t.EMBEDDING_SCALE * emb, [0.0, 1.0, 1.0]])
    w, r = rng.normal(size=4), rng.normal(size=3)
    assert np.allclose(m.dot(w), full @ w, atol=1e-5)
    assert np.allclose(m.tdot(r), full.T @ r, atol=1e-5)


def _client_fit(trade_weight: float | None) -> float:
    """The weight "client" gets from clinicians' texts (half work-related) and, unless None, other trades'
    negatives that say "client" too, each counted at ``trade_weight``."""
    corpus = [_text({"client", "caseload"}, 1.0), _text({"client"}, 1.0), _text({"client"}, 0.0), _text({"lunch"})] * 20
    trades = [] if trade_weight is None else [replace(_text({"client", "balayage"}), weight=trade_weight)] * 40
    texts = corpus + trades
    columns = ["w:client", "w:caseload", "w:lunch", "w:balayage"]
    weight = np.array([x.weight for x in texts])
    w, _ = t.fit_sparse(t.Sparse.of(texts, columns), np.array([x.label for x in texts]), 1e-3, weight=weight)
    return float(w[0])


def test_other_trades_weighted_below_one_lower_the_shared_cue_less() -> None:
    """Written negatives at a weight below 1 pull the cue they share with clinicians ("client") down less than at
    a real post's weight; with every weight 1 the fit is the unweighted one."""
    assert _client_fit(0.15) > _client_fit(1.0)
    assert _client_fit(None) > _client_fit(0.15)
    texts = [_text({"client"}, 1.0), _text({"client"}), _text({"lunch"})]
    m, y = t.Sparse.of(texts, ["w:client", "w:lunch"]), np.array([1.0, 0.0, 0.0])
    plain, weighted = t.fit_sparse(m, y, 1e-3), t.fit_sparse(m, y, 1e-3, weight=np.ones(3))
    assert np.array_equal(plain[0], weighted[0]) and plain[1] == weighted[1]


def test_cue_words_are_the_work_terms_own_words_not_their_pronouns() -> None:
    """Left out of the trades' n-grams with --words-negatives-without-cues: "clients" of "my clients", not "my"."""
    from checks.base import CheckContext, SourceInfo
    from checks.matching import Matcher
    from checks.policy import Policy, Workplace
    from scanner.clients import ClientList
    from scanner.records import Audience, Post

    ctx = CheckContext(
        policy=Policy(workplace=Workplace(name="Riverside Community Health")),
        matcher=Matcher(ClientList()),
        source=SourceInfo(platform="x"),
    )
    when = datetime(2024, 3, 5, 15, 0, tzinfo=UTC)
    post = Post(platform="x", id="1", source="1", timestamp=when, text="", audience=Audience.PUBLIC)
    assert t.cue_words(replace(post, text="So grateful for my clients this year"), ctx) == {"clients"}
    assert t.cue_words(replace(post, id="2", text="Lunch by the river with my sister"), ctx) == set()
