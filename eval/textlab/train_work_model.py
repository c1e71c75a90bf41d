"""Learn the work-related confidence model from labelled corpora (never locked ones) and real posts.

Every post, comment and message thread of each corpus becomes a record (as ``harness.py`` builds them), the
work-related-post check's own feature function reads it, and an L2-regularised logistic regression is fitted
by Newton's method (numpy; a handful of features, so no machine-learning library is needed). Only texts with
a cue (``has_cue``) are fitted: the others are never reported. Real posts by non-clinicians (``--real``,
eval/realtext/README.md says where to get them) are negatives: corpora are about half work-related, real
accounts are not, and without them the probabilities would be far too high.

The regularisation strength is chosen by leave-one-corpus-out cross-validation (each corpus, and a fold of
the real posts, predicted by a model trained on the rest: what the tool meets on a clinician it has never
seen); the held-out reliability (predicted against observed share, per band) is printed and stored.

    python eval/textlab/train_work_model.py ../shared/eval/dev eval/holdout eval/corpora/* \
        --real en:airline:PATH/Tweets.csv --real fr:umsab:PATH/french.txt --write
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from harness import ROOT, load

from checks.analysis.work_model import FEATURES, features, has_cue
from checks.work_related_post import work_signals

MODEL = ROOT / "checks/lexicons/work_model.json"
REALTEXT = ROOT / "eval/realtext"
CATEGORY = "work-related-post"
STRENGTHS = (0.3, 1.0, 3.0, 10.0)


Rows = list[dict[str, float]]


def corpus_rows(path: Path) -> tuple[Rows, np.ndarray]:
    """Features and labels of every text of one corpus that has a cue, and of every work-related one."""
    items, ctx = load(path)
    rows, labels = [], []
    for platform in sorted({i.record.platform for i in items}):
        ctx.memo.clear()
        for item in (i for i in items if i.record.platform == platform):
            signals = work_signals(item.record, ctx)
            positive = CATEGORY in item.labels
            if has_cue(signals):
                rows.append(features(signals))
                labels.append(1.0 if positive else 0.0)
            elif positive:
                rows.append({})  # never reported: a miss whatever the weights (kept out of fitting below)
                labels.append(1.0)
    return rows, np.array(labels)


def matrix(rows: Rows, columns: list[str]) -> np.ndarray:
    """Rows as a dense matrix over ``columns``."""
    index = {c: i for i, c in enumerate(columns)}
    out = np.zeros((len(rows), len(columns)))
    for r, row in enumerate(rows):
        for k, v in row.items():
            if k in index:
                out[r, index[k]] = v
    return out


def real_rows(specs: list[str]) -> tuple[Rows, int]:
    """Features of the real non-clinician posts that have a cue (all negatives), and how many posts were read.

    Clinicians' corpora are about half work-related; a real account is mostly not, and weak cues ("the team",
    "group 5", a client's nickname) are common in ordinary posts. Real posts teach the model that base rate.
    """
    sys.path.insert(0, str(REALTEXT))
    from run import load as load_real  # eval/realtext/run.py

    from checks.base import CheckContext, SourceInfo
    from checks.matching import Matcher
    from checks.policy import load_policy
    from scanner.clients import load_clients
    from scanner.records import Audience, Post

    ctx = CheckContext(
        policy=load_policy(REALTEXT / "policy.toml"),
        matcher=Matcher(load_clients(REALTEXT / "clients.csv")),
        source=SourceInfo("x"),
    )
    rows: Rows = []
    total = 0
    start = datetime(2015, 1, 5, tzinfo=UTC)
    for spec in specs:
        for i, post in enumerate(load_real(spec, None, 18).posts):
            total += 1
            when = start + timedelta(minutes=(i * 7919) % (60 * 24 * 365))  # spread over the week and the day
            record = Post(
                platform="x", id=post.id, source=post.id, timestamp=when, text=post.text, audience=Audience.PUBLIC
            )
            signals = work_signals(record, ctx)
            if has_cue(signals):
                rows.append(features(signals))
            ctx.memo.clear()
    return rows, total


def fit(x: np.ndarray, y: np.ndarray, penalty: np.ndarray, weight: np.ndarray | None = None) -> np.ndarray:
    """Weights (bias last) of a logistic regression with an L2 penalty per column (the bias is not penalised)
    and a weight per row."""
    xb = np.hstack([x, np.ones((len(x), 1))])
    sw = np.ones(len(x)) if weight is None else weight
    w = np.zeros(xb.shape[1])
    pen = np.append(penalty, 0.0)
    for _ in range(50):
        p = 1 / (1 + np.exp(-xb @ w))
        grad = xb.T @ (sw * (p - y)) + pen * w
        hess = (xb * (sw * p * (1 - p))[:, None]).T @ xb + np.diag(pen + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def train(data: dict[str, tuple[Rows, np.ndarray]], strength: float, real: Rows) -> np.ndarray:
    """Weights (bias last) learned from the texts of ``data`` that have a cue and the real negatives."""
    kept = [(row, label) for rows, labels in data.values() for row, label in zip(rows, labels, strict=True) if row]
    kept += [(row, 0.0) for row in real]
    x = matrix([row for row, _ in kept], list(FEATURES))
    y = np.array([label for _, label in kept])
    return fit(x, y, np.full(len(FEATURES), strength))


def predict(w: np.ndarray, rows: Rows, columns: list[str]) -> np.ndarray:
    """Probabilities for ``rows`` (0 for a text without a cue, which is never reported)."""
    p = 1 / (1 + np.exp(-(matrix(rows, columns) @ w[:-1] + w[-1])))
    return np.where([bool(r) for r in rows], p, 0.0)


def log_loss(p: np.ndarray, y: np.ndarray) -> float:
    """Mean negative log-likelihood (lower: better calibrated and sharper)."""
    q = np.clip(p, 1e-6, 1 - 1e-6)
    return float(-np.mean(y * np.log(q) + (1 - y) * np.log(1 - q)))


def reliability(p: np.ndarray, y: np.ndarray) -> list[dict[str, float]]:
    """Predicted against observed share of work-related texts, per band of predicted probability."""
    bands = []
    for lo in (0.0, 0.2, 0.4, 0.6, 0.8):
        inside = (p >= lo) & (p < lo + 0.2 if lo < 0.8 else p <= 1.0)
        if inside.any():
            predicted, observed = float(p[inside].mean()), float(y[inside].mean())
            bands.append(
                {
                    "band": f"{lo:.1f}-{lo + 0.2:.1f}",
                    "texts": int(inside.sum()),
                    "predicted": round(predicted, 3),
                    "observed": round(observed, 3),
                }
            )
    return bands


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpora", nargs="+", type=Path)
    ap.add_argument(
        "--real",
        action="append",
        default=[],
        metavar="LANG:NAME:PATH[:COLUMN]",
        help="real posts by non-clinicians (eval/realtext/README.md), negatives for training",
    )
    ap.add_argument("--write", action="store_true", help=f"write the model to {MODEL.relative_to(ROOT)}")
    args = ap.parse_args()
    data = {c.name: corpus_rows(c) for c in args.corpora}
    real, real_total = real_rows(args.real)
    print(f"real posts: {real_total:,}, {len(real):,} with a cue")
    folds = np.arange(len(real)) % len(data)  # the real posts are split into as many folds as there are corpora
    held: dict[float, tuple[np.ndarray, np.ndarray]] = {}
    for s in STRENGTHS:
        ps, ys = [], []
        for k, name in enumerate(data):
            others = {n: d for n, d in data.items() if n != name}
            w = train(others, s, [r for r, f in zip(real, folds, strict=True) if f != k])
            rows, labels = data[name]
            mask = np.array([bool(r) for r in rows])
            fold_real = [r for r, f in zip(real, folds, strict=True) if f == k]
            ps += [predict(w, rows, list(FEATURES))[mask], predict(w, fold_real, list(FEATURES))]
            ys += [labels[mask], np.zeros(len(fold_real))]
        held[s] = (np.concatenate(ps), np.concatenate(ys))
        print(f"  L2 {s:>5}: held-out log loss {log_loss(*held[s]):.4f}")
    strength = min(STRENGTHS, key=lambda s: log_loss(*held[s]))
    bands = reliability(*held[strength])
    print(f"chosen L2 strength {strength}; held-out reliability (texts with a cue):")
    for b in bands:
        print(f"  {b['band']}: {b['texts']:5} texts, predicted {b['predicted']:.2f}, observed {b['observed']:.2f}")
    w = train(data, strength, real)
    weights = {c: round(float(v), 4) for c, v in zip(FEATURES, w[:-1], strict=True)}
    for c, v in sorted(weights.items(), key=lambda kv: -abs(kv[1])):
        print(f"  {v:+.3f}  {c}")
    print(f"  {w[-1]:+.3f}  (bias)")
    if args.write:
        model = {
            "about": "Work-related-post confidence model: logistic regression weights learned by "
            "eval/textlab/train_work_model.py; do not edit by hand.",
            "trained_on": sorted(data),
            "real_negatives": [":".join(spec.split(":")[:2]) for spec in args.real],
            "l2_strength": strength,
            "bias": round(float(w[-1]), 4),
            "weights": weights,
            "held_out_reliability": bands,
        }
        MODEL.write_text(json.dumps(model, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {MODEL.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
