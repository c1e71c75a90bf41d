#!/usr/bin/env python3
"""Hand-check sample of real posts by health workers: precision of work-related-post, and what it misses.

Step 1 (sample): wrap the posts into an X archive, scan them like run.py does, and write a CSV of N flagged and
N unflagged posts (seeded sample) with blank columns for the hand check:

    python eval/realtext/health_sample.py sample --data en:rmed:PATH/rmedicine-2020.jsonl -n 30 --out check.csv

Step 2 (hand check): fill ``own_clinical_work`` with ``y`` or ``n`` for every row and add a ``note`` (see
README.md for what counts as the author's own clinical work). Step 3 (score):

    python eval/realtext/health_sample.py score check.csv

prints the precision of the flags and the share of unflagged posts that were the author's own clinical work.

That sample depends on the tool version that picked it. The random hand check does not: ``draw`` writes a seeded
random sample of the posts, chosen without scanning them, for the same hand check (``own_clinical_work``, ``note``),
and ``check`` scans exactly the labelled posts with the current tool and prints precision (95 % Wilson interval),
recall and the ids of the wrong flags and of the missed posts with their notes:

    python eval/realtext/health_sample.py draw --data en:rmed:PATH/rmedicine-2020.jsonl -n 400 --out work.csv
    python eval/realtext/health_sample.py check handcheck/rmedicine-2020-random400.csv \\
        --data en:rmed:PATH/rmedicine-2020.jsonl
"""

from __future__ import annotations

import argparse
import csv
import math
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import HERE, Dataset, InputError, load, scan, text_findings

CATEGORY = "work-related-post"
COLUMNS = ("post_id", "flagged", "own_clinical_work", "note", "cues", "text")
DRAW_COLUMNS = ("post_id", "own_clinical_work", "note", "text")


def sample(spec: str, n: int, seed: int, out: Path, clients: Path, policy: Path) -> str:
    """Write the hand-check CSV; return a one-line summary."""
    ds = load(spec, None, seed)
    with tempfile.TemporaryDirectory(prefix="health-") as tmp:
        hits = text_findings(ds, scan(ds, Path(tmp), clients, policy))
    cues: dict[str, str] = {}
    for post, f in hits:
        if f["category"] == CATEGORY:
            cues[post.id] = "; ".join(f"{e['text']} ({e['reason']})" for e in f.get("evidence", []))
    rng = random.Random(seed)
    flagged = [p for p in ds.posts if p.id in cues]
    unflagged = [p for p in ds.posts if p.id not in cues]
    chosen = rng.sample(flagged, min(n, len(flagged))) + rng.sample(unflagged, min(n, len(unflagged)))
    with out.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(COLUMNS)
        for p in chosen:
            w.writerow([p.id, "y" if p.id in cues else "n", "", "", cues.get(p.id, ""), p.text])
    share = 100 * len(flagged) / len(ds.posts) if ds.posts else 0.0
    return f"{len(ds.posts)} posts, {len(flagged)} flagged {CATEGORY} ({share:.1f} %); sample written to {out}"


def read_checked(path: Path) -> list[dict[str, str]]:
    """The rows of a filled-in hand-check CSV; an error if a row has no ``y``/``n`` in ``own_clinical_work``."""
    try:
        with path.open(encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise InputError(f"cannot read {path}: {exc}") from exc
    todo = [r.get("post_id", "?") for r in rows if (r.get("own_clinical_work") or "").strip().lower() not in ("y", "n")]
    if todo:
        raise InputError(f"{len(todo)} rows not checked yet (own_clinical_work must be y or n), e.g. {todo[0]}")
    return rows


def score(path: Path) -> str:
    """Precision of the flagged rows and the own-work share of the unflagged rows of a filled-in CSV."""
    rows = read_checked(path)
    flagged = [r for r in rows if r["flagged"] == "y"]
    unflagged = [r for r in rows if r["flagged"] != "y"]
    right = sum(r["own_clinical_work"].strip().lower() == "y" for r in flagged)
    missed = sum(r["own_clinical_work"].strip().lower() == "y" for r in unflagged)
    precision = right / len(flagged) if flagged else float("nan")
    return (
        f"flagged: {right}/{len(flagged)} are the author's own clinical work (precision {precision:.2f}); "
        f"unflagged: {missed}/{len(unflagged)} are the author's own clinical work (missed)"
    )


def draw(spec: str, n: int, seed: int, out: Path) -> str:
    """Write a seeded random sample of ``n`` posts, chosen without scanning them, as a CSV to label by hand."""
    ds = load(spec, None, seed)
    chosen = random.Random(f"handcheck-{seed}").sample(ds.posts, min(n, len(ds.posts)))
    with out.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(DRAW_COLUMNS)
        for p in chosen:
            w.writerow([p.id, "", "", p.text])
    return f"{len(chosen)} of {len(ds.posts)} posts written to {out} (label them; commit only post_id, label, note)"


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The Wilson score interval of ``k`` successes in ``n`` trials (95 % for the default ``z``)."""
    if n == 0:
        return (0.0, 1.0)
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return (max(0.0, centre - half), min(1.0, centre + half))


def report(rows: list[dict[str, str]], flagged: set[str]) -> str:
    """Precision (with its Wilson interval) and recall of ``flagged`` against the hand labels, and the errors."""
    own = {r["post_id"] for r in rows if r["own_clinical_work"].strip().lower() == "y"}
    notes = {r["post_id"]: (r.get("note") or "").strip() for r in rows}
    right = len(flagged & own)
    lo, hi = wilson(right, len(flagged))
    precision = f"{right / len(flagged):.2f}" if flagged else "n/a"
    recall = f"{right / len(own):.2f}" if own else "n/a"
    wrong = [pid for pid in notes if pid in flagged and pid not in own]
    missed = [pid for pid in notes if pid in own and pid not in flagged]
    lines = [
        f"{len(rows)} labelled posts, {len(own)} the author's own clinical work; {len(flagged)} flagged {CATEGORY}",
        f"precision {precision} ({right}/{len(flagged)}), 95 % Wilson interval {lo:.2f}-{hi:.2f}",
        f"recall {recall} ({right}/{len(own)})",
        f"flagged but not own clinical work ({len(wrong)}):",
        *(f"  {pid}  {notes[pid]}" for pid in wrong),
        f"own clinical work not flagged ({len(missed)}):",
        *(f"  {pid}  {notes[pid]}" for pid in missed),
    ]
    return "\n".join(lines)


def check(labels: Path, spec: str, seed: int, clients: Path, policy: Path) -> str:
    """Scan exactly the labelled posts with the current tool and score its work-related flags against the labels."""
    rows = read_checked(labels)
    ds = load(spec, None, seed)
    ids = {r["post_id"] for r in rows}
    posts = [p for p in ds.posts if p.id in ids]
    absent = sorted(ids - {p.id for p in posts})
    if absent:
        raise InputError(f"{len(absent)} labelled posts are not in {spec}, e.g. {absent[0]}")
    subset = Dataset(ds.lang, ds.name, posts)
    with tempfile.TemporaryDirectory(prefix="health-") as tmp:
        hits = text_findings(subset, scan(subset, Path(tmp), clients, policy))
    return report(rows, {post.id for post, f in hits if f["category"] == CATEGORY})


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample", help="scan the posts and write the hand-check CSV")
    s.add_argument("--data", required=True, metavar="LANG:NAME:PATH[:COLUMN]")
    s.add_argument("-n", type=int, default=30, help="flagged and unflagged posts each (default 30)")
    s.add_argument("--seed", type=int, default=18)
    s.add_argument("--out", type=Path, required=True)
    s.add_argument("--clients", type=Path, default=HERE / "clients.csv")
    s.add_argument("--policy", type=Path, default=HERE / "policy.toml")
    c = sub.add_parser("score", help="precision from a filled-in hand-check CSV")
    c.add_argument("csv", type=Path)
    d = sub.add_parser("draw", help="write a seeded random sample of posts to label (no scan)")
    d.add_argument("--data", required=True, metavar="LANG:NAME:PATH[:COLUMN]")
    d.add_argument("-n", type=int, default=400, help="posts to draw (default 400)")
    d.add_argument("--seed", type=int, default=18)
    d.add_argument("--out", type=Path, required=True)
    k = sub.add_parser("check", help="scan the labelled posts of a random hand check and score the current tool")
    k.add_argument("csv", type=Path, help="post_id, own_clinical_work, note")
    k.add_argument("--data", required=True, metavar="LANG:NAME:PATH[:COLUMN]")
    k.add_argument("--seed", type=int, default=18)
    k.add_argument("--clients", type=Path, default=HERE / "clients.csv")
    k.add_argument("--policy", type=Path, default=HERE / "policy.toml")
    args = ap.parse_args(argv)
    try:
        if args.cmd == "sample":
            print(sample(args.data, args.n, args.seed, args.out, args.clients, args.policy))
        elif args.cmd == "draw":
            print(draw(args.data, args.n, args.seed, args.out))
        elif args.cmd == "check":
            print(check(args.csv, args.data, args.seed, args.clients, args.policy))
        else:
            print(score(args.csv))
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
