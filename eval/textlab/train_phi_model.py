"""Learn phi-identifier's narrative health-detail model from labelled corpora (never locked ones).

Why a model, and why this population: on the tuning corpora 220 of the 326 phi-identifier misses have a client
identified and a health detail that no word list holds (a discharge, a first word after months, a treatment
started, a funeral, a crisis told in the person's own words); 106 have no client identified, which no health
signal can fix. The model is learned from every text where phi-identifier knows who the text is about
(``identified_clients``; label = phi-identifier; the texts the rules already report teach it health wording
too) and applied only where the rules found neither a health detail nor an identifier. Its features mean the
same in every corpus: the work model's lexicon features, whether the client is the thread partner, the words
and word pairs found in at least ``MIN_CORPORA`` corpora (no weekday: identifiers are the rules' part), and the
text's static embedding (``train_work_model.embed``). Regularisation and the decision are chosen by
leave-one-corpus-out cross-validation (each corpus predicted by a model trained on the others), whose P/R per
corpus is printed.

    python eval/textlab/train_phi_model.py ../shared/eval/dev eval/holdout eval/corpora/* [--write]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from harness import ROOT, load, run
from train_work_model import Sparse, Text, embed, embedding_columns, fit_sparse, log_loss, vocabulary

from checks.analysis import phi_model
from checks.analysis.phi_model import MODEL_FILE, model_features
from checks.analysis.work_model import ngrams
from checks.phi_identifier import WEEKDAY, identified_clients
from checks.text import analysis_for, written_by_owner

CATEGORY = "phi-identifier"
STRENGTHS = (1e-3, 3e-3, 1e-2, 3e-2)
DECISIONS = (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95)
GOAL_PRECISION = 0.85
"""phi-identifier's precision goal on every corpus."""
ALLOWED_UNDER = 0.1
"""The strength and decision chosen: the most right findings added held out while at most this share of the
corpora are pulled under GOAL_PRECISION by it (a corpus holds 13-40 PHI texts: one wrong finding moves it 3-7
points) and the added findings are right at least MIN_PRECISION of the time."""
MIN_PRECISION = 0.6
MIN_CORPORA = 3
"""An n-gram enters the model only when it occurs in this many corpora: no corpus's own names or places."""


def corpus_texts(path: Path) -> tuple[list[Text], tuple[int, int, int]]:
    """Every text of one corpus where phi-identifier knows who it is about (``cue``: the rules found no PHI in
    it, the texts the model is applied to), and the corpus's phi-identifier findings right and wrong by the rules
    alone and its labelled texts."""
    items, ctx = load(path)
    run(items, ctx)
    right = sum(CATEGORY in i.found and CATEGORY in i.labels for i in items)
    wrong = sum(CATEGORY in i.found and CATEGORY not in i.labels for i in items)
    labelled = sum(CATEGORY in i.labels for i in items)
    out: list[Text] = []
    for platform in sorted({i.record.platform for i in items}):
        ctx.memo.clear()
        for item in (i for i in items if i.record.platform == platform):
            a = analysis_for(item.record, ctx)
            if not written_by_owner(item.record) or not a.text.strip():
                continue
            mentions, clients, partners = identified_clients(item.record, a, ctx)
            if not clients and not mentions.described:
                continue
            x = model_features(item.record, a, ctx, partner=bool(partners))
            label = 1.0 if CATEGORY in item.labels else 0.0
            out.append(Text(x, frozenset(ngrams(a.text)), label, CATEGORY not in item.found, embed(a.text)))
    return out, (right, wrong, labelled)


def columns_of(corpora: dict[str, list[Text]]) -> list[str]:
    """The model's columns: features, embedding dimensions, n-grams of at least MIN_CORPORA corpora (none with a
    weekday: the rules own the identifiers, "my Thursday 3pm"; a weekday is no health detail, and "can we move
    Thursday to Friday" in a client's thread is scheduling, not PHI)."""
    feats = sorted({k for ts in corpora.values() for t in ts for k in t.x})
    grams = [g for g in vocabulary(corpora, MIN_CORPORA) if not any(WEEKDAY.fullmatch(w) for w in g.split())]
    return [*feats, *embedding_columns(), *(f"w:{g}" for g in grams)]


def train(corpora: dict[str, list[Text]], strength: float) -> tuple[list[str], np.ndarray, float]:
    """The model learned from every text of ``corpora``."""
    columns = columns_of(corpora)
    texts = [t for ts in corpora.values() for t in ts]
    w, b = fit_sparse(Sparse.of(texts, columns), np.array([t.label for t in texts]), strength)
    return columns, w, b


def predict(columns: list[str], w: np.ndarray, b: float, texts: list[Text]) -> np.ndarray:
    """The model's probabilities for ``texts``."""
    return 1 / (1 + np.exp(-np.clip(Sparse.of(texts, columns).dot(w) + b, -30, 30)))


def held_out(corpora: dict[str, list[Text]], strength: float) -> Iterator[tuple[str, np.ndarray, np.ndarray]]:
    """Each corpus's probabilities from a model trained on the others, and its labels, for the texts the model
    is applied to."""
    for name, texts in corpora.items():
        if applied := [t for t in texts if t.cue]:
            columns, w, b = train({n: d for n, d in corpora.items() if n != name}, strength)
            yield name, predict(columns, w, b, applied), np.array([t.label for t in applied])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpora", nargs="+", type=Path)
    ap.add_argument("--write", action="store_true", help=f"write the model to {MODEL_FILE}")
    args = ap.parse_args()
    phi_model.phi_model = lambda: None  # the rules alone: the texts they miss are what the model learns from
    corpora: dict[str, list[Text]] = {}
    rules: dict[str, tuple[int, int, int]] = {}
    for c in args.corpora:
        corpora[c.name], rules[c.name] = corpus_texts(c)
    applied = sum(t.cue for ts in corpora.values() for t in ts)
    positives = sum(t.label for ts in corpora.values() for t in ts if t.cue)
    print(f"{applied} texts with a client and no PHI found by the rules, {positives:.0f} labelled phi-identifier")
    best: tuple[int, float, float] | None = None  # (added right, strength, decision)
    for s in STRENGTHS:
        held = list(held_out(corpora, s))
        p = np.concatenate([h[1] for h in held])
        y = np.concatenate([h[2] for h in held])
        print(f"L2 {s:g}: held-out log loss {log_loss(p, y):.4f}")
        for d in DECISIONS:
            tp, fp = int(((p >= d) & (y == 1)).sum()), int(((p >= d) & (y == 0)).sum())
            under = [n for n, pn, yn in held if _pulled_under(rules[n], pn >= d, yn)]
            print(
                f"  at {d}: +{tp} right, +{fp} wrong (precision {tp / max(1, tp + fp):.2f}); "
                f"{len(under)} corpora pulled under {GOAL_PRECISION:.0%} precision"
            )
            kept = tp + fp and tp / (tp + fp) >= MIN_PRECISION and len(under) <= ALLOWED_UNDER * len(held)
            if kept and (best is None or tp > best[0]):
                best = (tp, s, d)
    if best is None:
        raise SystemExit("no strength and decision keep held-out precision")
    _, strength, decision = best
    print(f"chosen L2 {strength:g}, decision {decision}; leave-one-corpus-out P/R per corpus (rules → with model):")
    for name, p, y in held_out(corpora, strength):
        right, wrong, labelled = rules[name]
        add_tp, add_fp = int(((p >= decision) & (y == 1)).sum()), int(((p >= decision) & (y == 0)).sum())
        print(
            f"  {name:36} {_pr(right, wrong, labelled)} → {_pr(right + add_tp, wrong + add_fp, labelled)}"
            f"  (+{add_tp} / +{add_fp})"
        )
    if args.write:
        columns, w, b = train(corpora, strength)
        model = {"trained_on": sorted(corpora), "l2_strength": strength, "decision": decision}
        model |= model_parts(columns, w, b)
        path = ROOT / MODEL_FILE
        path.write_text(json.dumps(model, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_FILE}")


def model_parts(columns: list[str], w: np.ndarray, b: float) -> dict[str, object]:
    """The learned weights as phi_model.json holds them: the features by name (``damper:peer`` is a feature),
    the n-grams (``w:``) as the vocabulary, the embedding dimensions (``e:``) in order."""
    weights = dict(zip(columns, (float(v) for v in w), strict=True))
    return {
        "about": "phi-identifier's narrative health-detail model: logistic regression weights learned by "
        "eval/textlab/train_phi_model.py; do not edit by hand.",
        "min_corpora": MIN_CORPORA,
        "bias": round(b, 4),
        "weights": {c: round(v, 4) for c, v in weights.items() if not c.startswith(("e:", "w:"))},
        "vocabulary": {c[2:]: round(v, 3) for c, v in weights.items() if c.startswith("w:") and abs(v) >= 0.01},
        "embedding": [round(weights[c], 4) for c in columns if c.startswith("e:")],
    }


def _precision(rules: tuple[int, int, int], added: np.ndarray, labels: np.ndarray) -> float:
    """A corpus's phi-identifier precision with the texts ``added`` by the model."""
    right = rules[0] + int((added & (labels == 1)).sum())
    return right / max(1, rules[0] + rules[1] + int(added.sum()))


def _pulled_under(rules: tuple[int, int, int], added: np.ndarray, labels: np.ndarray) -> bool:
    """Whether the findings ``added`` by the model pull a corpus's precision under GOAL_PRECISION (a corpus the rules
    alone leave under it counts only if the model lowers it further)."""
    before, after = _precision(rules, np.zeros_like(added), labels), _precision(rules, added, labels)
    return after < GOAL_PRECISION and after < before


def _pr(right: int, wrong: int, labelled: int) -> str:
    return f"{100 * right / max(1, right + wrong):3.0f}/{100 * right / max(1, labelled):3.0f}"


if __name__ == "__main__":
    main()
