"""Learn the work-related confidence model from labelled corpora (never locked ones) and real posts.

Every post, comment and message thread of each corpus becomes a record (as ``harness.py`` builds them), the
work-related-post check's own feature function reads it, and an L2-regularised logistic regression is fitted
by Newton's method (numpy; a handful of features, so no machine-learning library is needed). Only texts with
a cue (``has_cue``) are fitted: the others are never reported. Real posts by non-clinicians (``--real``,
eval/realtext/README.md says where to get them) are negatives: corpora are about half work-related, real
accounts are not, and without them the probabilities would be far too high.

Other trades' posts (``--words-negatives``; ``eval/textlab/other_trades_en.txt``: sentences written for this by
the team, never taken from a dataset that is measured) are negatives of the vocabulary model only: a stylist's,
a trainer's or a photographer's "my clients" and "session" hold the same cues as a clinician's, so only the words
around them tell the trades apart, and the confidence model reads no words.

The vocabulary model also reads each text's static embedding (``checks/analysis/embedding.py``: the unit
mean of wordllama's token vectors, one weight per dimension), so words no corpus held count by their likeness
to those that did.

The regularisation strength is chosen by leave-one-corpus-out cross-validation (each corpus, and a fold of
the real posts, predicted by a model trained on the rest: what the tool meets on a clinician it has never
seen); the held-out reliability (predicted against observed share, per band) is printed and stored.

    python eval/textlab/train_work_model.py ../shared/eval/dev eval/holdout eval/corpora/* \
        --real en:airline:PATH/Tweets.csv --real fr:umsab:PATH/french.txt \
        --words-negatives en:trades:eval/textlab/other_trades_en.txt --write
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from harness import ROOT, load

from checks.analysis.normalize import fold
from checks.analysis.work_model import FEATURES, features, gram_weight, gram_words, has_cue, ngrams
from checks.base import CheckContext
from checks.language import word_frequency
from checks.text import analysis_for
from checks.work_related_post import TRADE_WORD_ZIPF, work_signals
from scanner.records import Post

MODEL = ROOT / "checks/lexicons/work_model.json"
REALTEXT = ROOT / "eval/realtext"
CATEGORY = "work-related-post"
STRENGTHS = (0.3, 1.0, 3.0, 10.0)
WORD_STRENGTHS = (3e-4, 1e-3, 3e-3)
MIN_CORPORA = 2
"""An n-gram enters the vocabulary model only when it occurs in this many corpora: no corpus's own names."""
DECISION = 0.5
"""The vocabulary model's probability at which a text in a clinician's account is reported (more likely than not)."""


Rows = list[dict[str, float]]
EMBEDDING_SCALE = 1.0
"""A text's embedding enters the vocabulary model as its unit mean vector times this, under the n-grams' L2
penalty (at 4 it learned the real negatives' topics: Dutch and Italian posts in a clinician's account then read
as work, eval/README.md)."""
EMBEDDING = True
"""Whether the vocabulary model also reads the owner's words as a static embedding (off: ``--no-embedding``)."""


def embed(text: str) -> np.ndarray | None:
    """The mean embedding of ``text`` scaled to unit length (None when EMBEDDING is off)."""
    if not EMBEDDING:
        return None
    from checks.analysis.embedding import mean_embedding

    v = mean_embedding(text).astype(np.float64)
    n = float(np.linalg.norm(v))
    return v / n if n else v


def embedding_columns() -> list[str]:
    """The vocabulary model's embedding columns (none when EMBEDDING is off)."""
    from checks.analysis.embedding import DIMENSIONS

    return [f"e:{i}" for i in range(DIMENSIONS)] if EMBEDDING else []


@dataclass(frozen=True)
class Text:
    """One text as both models read it: its features, its n-grams, its label and whether it has a cue."""

    x: dict[str, float]
    grams: frozenset[str]
    label: float
    cue: bool
    emb: np.ndarray | None = None  # the unit mean embedding of the owner's words (None: ``--no-embedding``)
    weight: float = 1.0  # the text's weight in the vocabulary model's fit (``--words-negatives-weight``)


def corpus_texts(path: Path) -> list[Text]:
    """Every post, comment and thread of one corpus, as the work-related-post check reads it."""
    items, ctx = load(path)
    out = []
    for platform in sorted({i.record.platform for i in items}):
        ctx.memo.clear()
        for item in (i for i in items if i.record.platform == platform):
            signals = work_signals(item.record, ctx)
            label = 1.0 if CATEGORY in item.labels else 0.0
            grams = frozenset(ngrams(signals.owner_text, elisions=True))
            out.append(Text(features(signals), grams, label, has_cue(signals), embed(signals.owner_text)))
    return out


def cue_rows(texts: list[Text]) -> tuple[Rows, np.ndarray]:
    """The confidence model's rows: every text with a cue, and every work-related one without (never reported:
    a miss whatever the weights, kept out of fitting)."""
    kept = [t for t in texts if t.cue or t.label]
    return [t.x if t.cue else {} for t in kept], np.array([t.label for t in kept])


def matrix(rows: Rows, columns: list[str]) -> np.ndarray:
    """Rows as a dense matrix over ``columns``."""
    index = {c: i for i, c in enumerate(columns)}
    out = np.zeros((len(rows), len(columns)))
    for r, row in enumerate(rows):
        for k, v in row.items():
            if k in index:
                out[r, index[k]] = v
    return out


def real_texts(specs: list[str], *, without_cues: bool = False, trade_words: bool = False) -> list[Text]:
    """Real posts by non-clinicians (all negatives), as the work-related-post check reads them.

    Clinicians' corpora are about half work-related; a real account is mostly not, and weak cues ("the team",
    "group 5", a client's nickname) are common in ordinary posts. Real posts teach the models that base rate.

    ``without_cues`` leaves the words of each text's work terms ("my clients", "session") out of its n-grams and
    its embedding: the other trades' posts then teach the words around the cue, not the cue itself, which a
    clinician's post holds just the same. ``trade_words`` keeps of each text only the n-grams of its work terms and
    those whose every word is uncommon (below TRADE_WORD_ZIPF: the trade's own words), and no embedding: the
    trades then lower the cue and teach their own words, not the everyday words and voice they share with a
    clinician's posts.
    """
    sys.path.insert(0, str(REALTEXT))
    from run import load as load_real  # eval/realtext/run.py

    from checks.base import SourceInfo
    from checks.matching import Matcher
    from checks.policy import load_policy
    from scanner.clients import load_clients
    from scanner.records import Audience

    ctx = CheckContext(
        policy=load_policy(REALTEXT / "policy.toml"),
        matcher=Matcher(load_clients(REALTEXT / "clients.csv")),
        source=SourceInfo("x"),
    )
    out = []
    start = datetime(2015, 1, 5, tzinfo=UTC)
    for spec in specs:
        for i, post in enumerate(load_real(spec, None, 18).posts):
            when = start + timedelta(minutes=(i * 7919) % (60 * 24 * 365))  # spread over the week and the day
            record = Post(
                platform="x", id=post.id, source=post.id, timestamp=when, text=post.text, audience=Audience.PUBLIC
            )
            signals = work_signals(record, ctx)
            grams = frozenset(ngrams(signals.owner_text, elisions=True))
            words = signals.owner_text
            if without_cues:
                cues = cue_words(record, ctx)
                grams = frozenset(g for g in grams if not set(g.split()) & cues)
                words = " ".join(w for w in words.split() if not set(gram_words(fold(w), elisions=True)) & cues)
            emb = embed(words)
            if trade_words:
                cues = cue_words(record, ctx)
                grams = frozenset(g for g in grams if set(g.split()) & cues or uncommon(g))
                emb = None
            out.append(Text(features(signals), grams, 0.0, has_cue(signals), emb))
            ctx.memo.clear()
    return out


FUNCTION_WORDS = frozenset(
    {"a", "an", "the", "my", "our", "your", "his", "her", "their", "one", "of", "to", "in", "on"}
)
"""Words of a work term that are not the cue itself ("my" of "my clients"): kept in the trades' n-grams."""


def cue_words(record: Post, ctx: CheckContext) -> set[str]:
    """The folded words of the work terms that counted in a record's work score ("clients" of "my clients")."""
    _, evidence = analysis_for(record, ctx).work_score()
    found = {w for e in evidence if (e.weight or 0) > 0 for w in gram_words(fold(e.text), elisions=True)}
    return found - FUNCTION_WORDS


def uncommon(gram: str) -> bool:
    """Whether every word of an n-gram is uncommon in English (a trade's own word: "balayage", "toner")."""
    return max(word_frequency(w, "en") for w in gram.split()) < TRADE_WORD_ZIPF


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


def vocabulary(corpora: dict[str, list[Text]], min_corpora: int = MIN_CORPORA) -> list[str]:
    """The n-grams that occur in at least ``min_corpora`` of the corpora."""
    seen = Counter(g for texts in corpora.values() for g in frozenset().union(*(t.grams for t in texts)))
    return sorted(g for g, n in seen.items() if n >= min_corpora)


@dataclass(frozen=True)
class Sparse:
    """Texts as a sparse matrix over the features and a vocabulary (one entry per present cell)."""

    rows: int
    columns: int
    row: np.ndarray
    col: np.ndarray
    value: np.ndarray
    dense: np.ndarray  # the embedding columns ``e:<i>`` (texts × dimensions; no columns without them)
    dense_at: int  # the first embedding column

    @classmethod
    def of(cls, texts: list[Text], columns: list[str]) -> Sparse:
        """The matrix of ``texts``: features by name, n-grams as ``w:<n-gram>`` (see ``gram_weight``), the
        embedding as ``e:<i>``."""
        index = {c: i for i, c in enumerate(columns)}
        dims = [c for c in columns if c.startswith("e:")]
        dense_at = index[dims[0]] if dims else 0
        dense = np.zeros((len(texts), len(dims)), dtype=np.float32)  # float32: twice as fast, precise enough
        if dims:
            for r, t in enumerate(texts):
                if t.emb is not None:
                    dense[r] = EMBEDDING_SCALE * t.emb
        row, col, value = [], [], []
        for r, t in enumerate(texts):
            share = gram_weight(len(t.grams))
            for key, v in [*t.x.items(), *((f"w:{g}", share) for g in t.grams)]:
                if (j := index.get(key)) is not None:
                    row.append(r)
                    col.append(j)
                    value.append(v)
        return cls(len(texts), len(columns), np.array(row, int), np.array(col, int), np.array(value), dense, dense_at)

    def dot(self, w: np.ndarray) -> np.ndarray:
        """The matrix times a weight vector."""
        out = np.bincount(self.row, weights=self.value * w[self.col], minlength=self.rows)
        k = self.dense.shape[1]
        return out + self.dense @ w[self.dense_at : self.dense_at + k].astype(np.float32) if k else out

    def tdot(self, r: np.ndarray) -> np.ndarray:
        """The transposed matrix times a per-row vector."""
        out = np.bincount(self.col, weights=self.value * r[self.row], minlength=self.columns)
        if k := self.dense.shape[1]:
            out[self.dense_at : self.dense_at + k] += self.dense.T @ r.astype(np.float32)
        return out


def fit_sparse(
    m: Sparse, y: np.ndarray, strength: float, steps: int = 400, weight: np.ndarray | None = None
) -> tuple[np.ndarray, float]:
    """Weights and bias of an L2-regularised logistic regression on a sparse matrix (gradient descent with
    momentum on the mean log loss, each row's loss times its ``weight``: thousands of columns, so no Newton
    steps)."""
    sw = np.ones(m.rows) if weight is None else weight
    w, b = np.zeros(m.columns), 0.0
    vw, vb = np.zeros(m.columns), 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-np.clip(m.dot(w) + b, -30, 30)))
        gw = m.tdot(sw * (p - y)) / m.rows + strength * w
        gb = float((sw * (p - y)).mean())
        vw, vb = 0.9 * vw + gw, 0.9 * vb + gb
        w, b = w - 0.5 * vw, b - 0.5 * vb
    return w, b


def train_words(
    corpora: dict[str, list[Text]], real: list[Text], strength: float
) -> tuple[list[str], np.ndarray, float]:
    """The vocabulary model learned from every text of ``corpora`` and the real negatives."""
    columns = [*FEATURES, *embedding_columns(), *(f"w:{g}" for g in vocabulary(corpora))]
    texts = [t for ts in corpora.values() for t in ts] + real
    labels, weights = np.array([t.label for t in texts]), np.array([t.weight for t in texts])
    w, b = fit_sparse(Sparse.of(texts, columns), labels, strength, weight=weights)
    return columns, w, b


def predict_words(columns: list[str], w: np.ndarray, b: float, texts: list[Text]) -> np.ndarray:
    """The vocabulary model's probabilities for ``texts``."""
    return 1 / (1 + np.exp(-np.clip(Sparse.of(texts, columns).dot(w) + b, -30, 30)))


def word_model(corpora: dict[str, list[Text]], real: list[Text], fixed: float | None = None) -> dict[str, object]:
    """Choose the vocabulary model's L2 strength by leave-one-corpus-out log loss, print what it adds held out,
    and learn it from everything: the ``words`` part of work_model.json. With ``fixed``, that strength is used
    without the leave-one-corpus-out rounds (one fit instead of one per corpus and strength; no held-out
    reliability is stored)."""
    folds = np.arange(len(real)) % len(corpora)
    held: dict[float, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
    for s in WORD_STRENGTHS if fixed is None else ():
        ps, ys, is_real = [], [], []
        for k, name in enumerate(corpora):
            others = {n: d for n, d in corpora.items() if n != name}
            columns, w, b = train_words(others, [r for r, f in zip(real, folds, strict=True) if f != k], s)
            test = corpora[name] + [r for r, f in zip(real, folds, strict=True) if f == k]
            ps.append(predict_words(columns, w, b, test))
            ys.append(np.array([t.label for t in test]))
            is_real.append(np.array([i >= len(corpora[name]) for i in range(len(test))]))
        held[s] = (np.concatenate(ps), np.concatenate(ys), np.concatenate(is_real))
        p, y, r = held[s]
        decided = p >= DECISION
        tp = int((decided & (y == 1)).sum())
        print(
            f"  vocabulary L2 {s:g}: held-out log loss {log_loss(p, y):.4f}; at {DECISION}: corpora precision "
            f"{tp / max(1, int((decided & ~r).sum())):.2f} recall {tp / max(1, int(y.sum())):.2f}, "
            f"real posts {1000 * (decided & r).sum() / max(1, r.sum()):.2f} per 1,000"
        )
    strength = fixed if fixed is not None else min(WORD_STRENGTHS, key=lambda s: log_loss(held[s][0], held[s][1]))
    columns, w, b = train_words(corpora, real, strength)
    weights = dict(zip(columns, (float(v) for v in w), strict=True))
    print(f"chosen vocabulary L2 strength {strength:g}; {sum(c.startswith('w:') for c in columns):,} n-grams")
    return {
        "l2_strength": strength,
        "min_corpora": MIN_CORPORA,
        "bias": round(b, 4),
        "weights": {c: round(weights[c], 4) for c in FEATURES},
        "vocabulary": {c[2:]: round(v, 3) for c, v in weights.items() if c.startswith("w:") and abs(v) >= 0.01},
        **({"embedding": [round(EMBEDDING_SCALE * weights[c], 4) for c in embedding_columns()]} if EMBEDDING else {}),
        **({"held_out_reliability": reliability(held[strength][0], held[strength][1])} if strength in held else {}),
    }


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
    ap.add_argument(
        "--words-negatives",
        action="append",
        default=[],
        metavar="LANG:NAME:PATH",
        help="negatives for the vocabulary model only (other trades' posts, eval/textlab/other_trades_en.txt): the "
        "confidence model reads no words, so they would only lower every text with the same cues",
    )
    ap.add_argument(
        "--words-negatives-weight",
        type=float,
        default=1.0,
        metavar="W",
        help="each --words-negatives text's weight in the vocabulary model's fit (a real post's is 1): written "
        "sentences are fewer and tidier than real posts, so below 1 they teach the trades' words without "
        "outweighing the labelled corpora",
    )
    ap.add_argument(
        "--words-negatives-without-cues",
        action="store_true",
        help="leave the words of the --words-negatives texts' own work terms ('clients' of 'my clients', 'session') "
        "out of their n-grams and embedding, so the trades teach only the words around the cue (measured, not "
        "shipped: eval/README.md)",
    )
    ap.add_argument(
        "--words-negatives-trade-words",
        action="store_true",
        help="keep of each --words-negatives text only the n-grams of its work terms and of uncommon words (the "
        "trade's own), without its embedding (measured on the harness only: eval/README.md)",
    )
    ap.add_argument(
        "--words-only",
        action="store_true",
        help="retrain only the vocabulary model and keep the confidence model of the shipped file as it is (its "
        "weights, corpora, real negatives and held-out reliability): to change the words without moving the "
        "calibrated confidence",
    )
    ap.add_argument("--write", action="store_true", help=f"write the model to {MODEL.relative_to(ROOT)}")
    ap.add_argument("--out", type=Path, help="with --write, write the model to this file instead (to compare)")
    ap.add_argument(
        "--no-embedding", action="store_true", help="the vocabulary model without the static embedding (to compare)"
    )
    ap.add_argument(
        "--word-strength",
        type=float,
        metavar="L2",
        help="the vocabulary model's L2 strength, without choosing it by leave-one-corpus-out (a fast retrain)",
    )
    args = ap.parse_args()
    global EMBEDDING
    EMBEDDING = not args.no_embedding
    texts = {c.name: corpus_texts(c) for c in args.corpora}
    real_all = real_texts(args.real)
    data = {name: cue_rows(ts) for name, ts in texts.items()}
    real = [t.x for t in real_all if t.cue]
    trades = real_texts(
        args.words_negatives,
        without_cues=args.words_negatives_without_cues,
        trade_words=args.words_negatives_trade_words,
    )
    real_all += [replace(t, weight=args.words_negatives_weight) for t in trades]
    print(f"real posts: {len(real_all):,}, {len(real):,} with a cue")
    vocabulary_negatives = {
        "vocabulary_negatives": [":".join(spec.split(":")[:2]) for spec in args.words_negatives],
        "vocabulary_negatives_weight": args.words_negatives_weight,
    }
    if args.words_only:
        shipped = json.loads(MODEL.read_text(encoding="utf-8"))
        same = [":".join(spec.split(":")[:2]) for spec in args.real] == shipped["real_negatives"]
        if shipped["trained_on"] != sorted(data) or not same:
            raise SystemExit("--words-only: train on the shipped model's corpora and real negatives (its trained_on)")
        confidence = {k: v for k, v in shipped.items() if k != "words"}
        model = confidence | vocabulary_negatives | {"words": word_model(texts, real_all, args.word_strength)}
        if args.write:
            write(model, args.out or MODEL)
        return
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
    words = word_model(texts, real_all, args.word_strength)
    if args.write:
        model = {
            "about": "Work-related-post models: logistic regression weights learned by "
            "eval/textlab/train_work_model.py; do not edit by hand.",
            "trained_on": sorted(data),
            "real_negatives": [":".join(spec.split(":")[:2]) for spec in args.real],
            **vocabulary_negatives,
            "l2_strength": strength,
            "bias": round(float(w[-1]), 4),
            "weights": weights,
            "held_out_reliability": bands,
            "words": words,
        }
        write(model, args.out or MODEL)


def write(model: dict[str, object], out: Path) -> None:
    """Write the model file."""
    out.write_text(json.dumps(model, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
