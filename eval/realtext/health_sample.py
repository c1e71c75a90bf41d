#!/usr/bin/env python3
"""Hand-check sample of real posts by health workers: precision of work-related-post, and what it misses.

Step 1 (sample): wrap the posts into an X archive, scan them like run.py does, and write a CSV of N flagged and
N unflagged posts (seeded sample) with blank columns for the hand check:

    python eval/realtext/health_sample.py sample --data en:rmed:PATH/rmedicine-2020.jsonl -n 30 --out check.csv

Step 2 (hand check): fill ``own_clinical_work`` with ``y`` or ``n`` for every row and add a ``note`` (see
README.md for what counts as the author's own clinical work). Step 3 (score):

    python eval/realtext/health_sample.py score check.csv

prints the precision of the flags and the share of unflagged posts that were the author's own clinical work.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import HERE, InputError, load, scan, text_findings

CATEGORY = "work-related-post"
COLUMNS = ("post_id", "flagged", "own_clinical_work", "note", "cues", "text")


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


def score(path: Path) -> str:
    """Precision of the flagged rows and the own-work share of the unflagged rows of a filled-in CSV."""
    try:
        rows = list(csv.DictReader(path.open(encoding="utf-8")))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise InputError(f"cannot read {path}: {exc}") from exc
    todo = [r.get("post_id", "?") for r in rows if (r.get("own_clinical_work") or "").strip().lower() not in ("y", "n")]
    if todo:
        raise InputError(f"{len(todo)} rows not checked yet (own_clinical_work must be y or n), e.g. {todo[0]}")
    flagged = [r for r in rows if r["flagged"] == "y"]
    unflagged = [r for r in rows if r["flagged"] != "y"]
    right = sum(r["own_clinical_work"].strip().lower() == "y" for r in flagged)
    missed = sum(r["own_clinical_work"].strip().lower() == "y" for r in unflagged)
    precision = right / len(flagged) if flagged else float("nan")
    return (f"flagged: {right}/{len(flagged)} are the author's own clinical work (precision {precision:.2f}); "
            f"unflagged: {missed}/{len(unflagged)} are the author's own clinical work (missed)")


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
    args = ap.parse_args(argv)
    try:
        if args.cmd == "sample":
            print(sample(args.data, args.n, args.seed, args.out, args.clients, args.policy))
        else:
            print(score(args.csv))
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
