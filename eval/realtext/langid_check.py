#!/usr/bin/env python3
"""How well checks.language tells the language of real posts: share decided, accuracy of the decisions, speed.

Takes the same ``--data LANG:NAME:PATH[:COLUMN]`` inputs as run.py; LANG is the dataset's language, taken as the
label of every post (a few posts of a dataset are in another language, so accuracy is a lower bound).

    python eval/realtext/langid_check.py --data de:umsab:PATH/german.txt --data nl:parties:PATH/dev.csv:Tweet
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from run import InputError, load

from checks.language import language_of


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", action="append", required=True, metavar="LANG:NAME:PATH[:COLUMN]")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--seed", type=int, default=18)
    args = ap.parse_args(argv)
    try:
        datasets = [load(spec, args.limit, args.seed) for spec in args.data]
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    language_of("warm the model up before timing anything")
    print(f"{'dataset':18s} {'posts':>6s} {'decided':>8s} {'right':>7s} {'as en/fr':>9s} {'µs/text':>8s}  wrong as")
    for ds in datasets:
        start = time.perf_counter()
        found = [language_of(p.text) for p in ds.posts]
        micros = (time.perf_counter() - start) / max(len(ds.posts), 1) * 1e6
        decided = [lang for lang in found if lang is not None]
        wrong = Counter(lang for lang in decided if lang != ds.lang)
        into_lexicons = sum(n for lang, n in wrong.items() if lang in ("en", "fr"))
        right = len(decided) - sum(wrong.values())
        print(
            f"{ds.lang + ':' + ds.name:18s} {len(ds.posts):6d} {len(decided) / len(ds.posts):8.1%} "
            f"{right / max(len(decided), 1):7.1%} {into_lexicons:9d} {micros:8.1f}  "
            + ", ".join(f"{lang} {n}" for lang, n in wrong.most_common(4))
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
