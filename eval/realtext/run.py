#!/usr/bin/env python3
"""Precision guard on real posts by non-clinicians: text findings per 1,000 posts, per dataset and language.

Each dataset is wrapped into an X archive (wrap_x.py) and scanned with ``boundary-audit scan`` from the same Python
environment, with the 50 client names of clients.csv and the workplace of policy.toml beside this script. The
datasets are not in the repository (their licences do not allow it); README.md says where to get them.

    python eval/realtext/run.py --data en:airline:PATH/Tweets.csv --data fr:umsab:PATH/french/train_text.txt \\
        [--limit 5000] [--show 5] [--findings-csv out.csv]

``--data LANG:NAME:PATH[:COLUMN]``: PATH is a text file (one post per line), a CSV (COLUMN, or the first of
text/Tweet/TweetText/full_text) or JSON lines (``{"id": ..., "text": ...}``). Exit status 0, or 2 for a bad input.
"""

from __future__ import annotations

import argparse
import csv
import html
import json
import random
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from wrap_x import Post, tweet_id, write_archive

HERE = Path(__file__).resolve().parent
TEXT_CATEGORIES = ("work-related-post", "client-mention", "phi-identifier", "workplace-location", "sensitive-group")
CSV_COLUMNS = ("text", "Tweet", "TweetText", "full_text")
SCAN = "import sys; from scanner.cli import main; sys.argv[0] = 'boundary-audit'; main()"


class InputError(Exception):
    """A dataset that cannot be read."""


@dataclass
class Dataset:
    """One dataset: its language, a short name and its posts."""

    lang: str
    name: str
    posts: list[Post]


def parse_spec(spec: str) -> tuple[str, str, Path, str | None]:
    """``LANG:NAME:PATH[:COLUMN]`` → its parts."""
    parts = spec.split(":")
    if len(parts) < 3 or not parts[0] or not parts[1]:
        raise InputError(f"--data {spec!r}: expected LANG:NAME:PATH[:COLUMN]")
    column = parts[3] if len(parts) > 3 else None
    return parts[0], parts[1], Path(parts[2]), column


def read_texts(path: Path, column: str | None) -> list[tuple[str, str]]:
    """``(id, text)`` pairs from a text, CSV or JSON-lines file."""
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read {path}: {exc}") from exc
    if path.suffix == ".csv":
        rows = list(csv.DictReader(raw.splitlines(keepends=True)))
        fields = rows[0].keys() if rows else []
        col = column or next((c for c in CSV_COLUMNS if c in fields), None)
        if col is None or col not in fields:
            raise InputError(f"{path}: no column {column or ' / '.join(CSV_COLUMNS)}")
        return [(str(i), r[col] or "") for i, r in enumerate(rows, 1)]
    if path.suffix == ".jsonl":
        try:
            items = [json.loads(line) for line in raw.splitlines() if line.strip()]
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}: not JSON lines ({exc})") from exc
        return [(str(it.get("id", i)), str(it.get(column or "text") or "")) for i, it in enumerate(items, 1)]
    return [(str(i), line) for i, line in enumerate(raw.splitlines(), 1)]


def load(spec: str, limit: int | None, seed: int) -> Dataset:
    """The dataset of one ``--data`` spec: blank and duplicate texts dropped, sampled down to ``limit``."""
    lang, name, path, column = parse_spec(spec)
    seen: set[str] = set()
    posts = []
    for pid, text in read_texts(path, column):
        text = " ".join(html.unescape(text).split())  # some datasets keep X's &amp; &gt; entities
        if text and text not in seen:
            seen.add(text)
            posts.append(Post(f"{name}-{pid}", text))
    if limit is not None and len(posts) > limit:
        posts = random.Random(f"{seed}-{name}").sample(posts, limit)
    return Dataset(lang, name, posts)


def clinician_posts(corpus: Path) -> list[Post]:
    """The posts a labelled corpus (``eval/corpora/NAME``) labels work-related: put into each archive with
    ``--clinician``, they make the account one that often posts about its clinical work, where borderline texts
    are reported too. Only the real posts are counted."""
    try:
        items = json.loads((corpus / "posts.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"--clinician {corpus}: cannot read posts.json ({exc})") from exc
    work = [it for it in items if any(lab.get("category") == "work-related-post" for lab in it.get("labels", []))]
    return [Post(f"clinician-{it['id']}", " ".join(it["text"].split())) for it in work if it.get("text")]


def scan(
    ds: Dataset, workdir: Path, clients: Path, policy: Path, extra: list[Post] | None = None
) -> list[dict[str, Any]]:
    """The findings of ``boundary-audit scan`` on the dataset (and ``extra`` posts) wrapped as an X archive."""
    archive = write_archive(ds.posts + (extra or []), workdir / f"{ds.name}.zip")
    out = workdir / f"report-{ds.name}"
    cmd = [
        sys.executable,
        "-c",
        SCAN,
        "scan",
        str(archive),
        "--clients",
        str(clients),
        "--policy",
        str(policy),
        "--format",
        "json",
        "--out",
        str(out),
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    reports = sorted(out.glob("*.json"))
    if proc.returncode not in (0, 1, 3) or not reports:
        raise InputError(f"scan of {ds.name} failed ({proc.returncode}): {proc.stderr.strip()[-500:]}")
    return list(json.loads(reports[0].read_text(encoding="utf-8"))["findings"])


def text_findings(ds: Dataset, findings: list[dict[str, Any]]) -> list[tuple[Post, dict[str, Any]]]:
    """The text findings on the dataset's posts, each with its post."""
    by_tid = {tweet_id(p): p for p in ds.posts}
    return [
        (by_tid[f["record"]["id"]], f)
        for f in findings
        if f["category"] in TEXT_CATEGORIES and f["record"]["id"] in by_tid
    ]


def cues(finding: dict[str, Any]) -> str:
    """The evidence of a finding as ``text (reason); …``."""
    return "; ".join(f"{e['text']} ({e['reason']})" for e in finding.get("evidence", []))


def print_table(rows: list[tuple[str, int, Counter[str]]]) -> None:
    """One line per dataset or language: posts, text findings per 1,000 posts, by category."""
    short = ("work", "client", "phi", "place", "group")
    print(f"{'':22s} {'posts':>7s} {'per 1k':>7s} " + " ".join(f"{s:>7s}" for s in short))
    for label, n, counts in rows:
        total = sum(counts.values())
        per = [1000 * counts[c] / n if n else 0.0 for c in TEXT_CATEGORIES]
        print(f"{label:22s} {n:7d} {1000 * total / n if n else 0:7.2f} " + " ".join(f"{p:7.2f}" for p in per))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", action="append", required=True, metavar="LANG:NAME:PATH[:COLUMN]")
    ap.add_argument("--limit", type=int, default=None, help="posts per dataset at most (seeded sample)")
    ap.add_argument("--seed", type=int, default=18)
    ap.add_argument("--show", type=int, default=0, metavar="N", help="print N example findings per category")
    ap.add_argument("--findings-csv", type=Path, help="write every text finding (dataset, post, category, cues)")
    ap.add_argument("--clients", type=Path, default=HERE / "clients.csv")
    ap.add_argument("--policy", type=Path, default=HERE / "policy.toml")
    ap.add_argument(
        "--clinician",
        type=Path,
        metavar="CORPUS",
        help="also put this labelled corpus's work-related posts in each archive: real posts in the account of a "
        "clinician who often posts about work (use --limit so they are at least 3 %% of the posts)",
    )
    args = ap.parse_args(argv)
    try:
        datasets = [load(spec, args.limit, args.seed) for spec in args.data]
        extra = clinician_posts(args.clinician) if args.clinician else []
        with tempfile.TemporaryDirectory(prefix="realtext-") as tmp:
            found = [(ds, text_findings(ds, scan(ds, Path(tmp), args.clients, args.policy, extra))) for ds in datasets]
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    lang_posts: Counter[str] = Counter()
    lang_counts: dict[str, Counter[str]] = defaultdict(Counter)
    rows = []
    for ds, hits in found:
        counts = Counter(f["category"] for _, f in hits)
        rows.append((f"{ds.lang}:{ds.name}", len(ds.posts), counts))
        lang_posts[ds.lang] += len(ds.posts)
        lang_counts[ds.lang].update(counts)
    print("Text findings per 1,000 posts (work, client, phi, place, group = the five text categories)\n")
    print_table(rows + [(f"{lang} (all)", lang_posts[lang], lang_counts[lang]) for lang in sorted(lang_posts)])
    if args.findings_csv:
        with args.findings_csv.open("w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(["lang", "dataset", "post_id", "category", "confidence", "cues", "text"])
            for ds, hits in found:
                for post, f in hits:
                    w.writerow([ds.lang, ds.name, post.id, f["category"], f["confidence"], cues(f), post.text])
    if args.show:
        for cat in TEXT_CATEGORIES:
            examples = [(ds, p, f) for ds, hits in found for p, f in hits if f["category"] == cat][: args.show]
            if examples:
                print(f"\n{cat}:")
            for ds, post, f in examples:
                print(f"  [{ds.lang}:{post.id}] {cues(f)}\n      {post.text[:200]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
