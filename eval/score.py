#!/usr/bin/env python3
"""Render, scan and score the project's labelled corpora in one command.

Usage:
    python3 eval/score.py CORPUS_DIR [CORPUS_DIR ...] [--json] [--scores-only] [--full] [--shared PATH]
    python3 eval/score.py --all [--json] [--jobs N]

For each corpus folder (persona.json, clients.csv, posts.json, ...): render it into export archives with
../shared/tools/render_corpus.py, run `boundary-audit scan` from the Python environment running this script over
every rendered archive with the rendered clients.csv and policy.toml, and score the JSON report with
../shared/tools/score.py. Everything goes to a temporary folder that is removed afterwards.

Locked corpora (any folder under eval/locked/) are scored with --scores-only whatever the options: no miss, false
alarm, excerpt or tool output from a locked corpus is ever printed. Standard library only (Python 3.11).

Exit status: 0 when every corpus was scored, 2 when a corpus could not be rendered, scanned or scored.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

EVAL_DIR = Path(__file__).resolve().parent
REPO_ROOT = EVAL_DIR.parent
LOCKED_DIR = EVAL_DIR / "locked"
CATEGORIES = [
    "work-related-post",
    "client-mention",
    "phi-identifier",
    "client-connection",
    "client-friend-request",
    "client-message",
    "client-engagement",
    "sensitive-group",
    "workplace-location",
    "profile-exposure",
]
SCAN_OK = {0, 3}  # 3 = partial scan: the report lists what could not be read


class EvalError(Exception):
    """A corpus could not be rendered, scanned or scored; the message is safe to print."""


@dataclass
class Corpus:
    """One corpus folder and whether it belongs to the locked set."""

    path: Path
    locked: bool

    @property
    def label(self) -> str:
        """The folder relative to eval/ when it lives there, else its path."""
        try:
            return str(self.path.relative_to(EVAL_DIR))
        except ValueError:
            return str(self.path)


def is_locked(path: Path) -> bool:
    """True for a folder inside eval/locked/ (after resolving links and '..')."""
    return path.resolve().is_relative_to(LOCKED_DIR.resolve())


def find_corpora(root: Path) -> list[Corpus]:
    """Every corpus under eval/: holdout, corpora/*, locked/* (a corpus is a folder holding persona.json)."""
    dirs = [root / "holdout"]
    for group in ("corpora", "locked"):
        if (root / group).is_dir():
            dirs += sorted(p for p in (root / group).iterdir() if p.is_dir())
    return [Corpus(d.resolve(), is_locked(d)) for d in dirs if (d / "persona.json").is_file()]


def scanner_command() -> list[str]:
    """The boundary-audit command of the Python environment running this script."""
    script = Path(sys.executable).parent / ("boundary-audit.exe" if sys.platform == "win32" else "boundary-audit")
    if script.is_file():
        return [str(script)]
    return [sys.executable, "-c", "import sys; from scanner.cli import main; sys.exit(main())"]


def run(cmd: list[str], what: str, corpus: Corpus, ok: set[int] | None = None) -> subprocess.CompletedProcess[str]:
    """Run a step; on failure raise EvalError with its output, withheld for a locked corpus."""
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False, cwd=REPO_ROOT)
    except OSError as e:
        raise EvalError(f"{corpus.label}: cannot run {what}: {e.strerror}") from None
    if proc.returncode not in (ok or {0}):
        detail = "output withheld (locked corpus)" if corpus.locked else (proc.stderr or proc.stdout).strip()
        raise EvalError(f"{corpus.label}: {what} failed with status {proc.returncode}: {detail}")
    return proc


def evaluate(corpus: Corpus, tools: Path, work: Path, as_json: bool, scores_only: bool) -> tuple[str, list[str]]:
    """Render, scan and score one corpus; return score.py's output and notes for stderr."""
    render_dir, report_dir = work / "render", work / "report"
    rendered = run(
        [sys.executable, str(tools / "render_corpus.py"), str(corpus.path), str(render_dir)], "render_corpus.py", corpus
    )
    notes = [line.strip() for line in rendered.stderr.splitlines() if line.strip().startswith("warning:")]
    if corpus.locked and notes:
        notes = [f"{len(notes)} renderer warning(s) (withheld: locked corpus)"]
    archives = sorted(str(p) for p in (render_dir / "archives").glob("*"))
    if not archives:
        raise EvalError(f"{corpus.label}: the renderer wrote no archive")
    scanned = run(
        [
            *scanner_command(),
            "scan",
            *archives,
            "--clients",
            str(render_dir / "clients.csv"),
            "--policy",
            str(render_dir / "policy.toml"),
            "--format",
            "json",
            "--out",
            str(report_dir),
            "--quiet",
        ],
        "boundary-audit scan",
        corpus,
        SCAN_OK,
    )
    if scanned.returncode == 3:
        notes.append("partial scan: some files could not be read")
    reports = sorted(str(p) for p in report_dir.glob("*.json"))
    if not reports:
        raise EvalError(f"{corpus.label}: the scan wrote no JSON report")
    cmd = [sys.executable, str(tools / "score.py"), str(render_dir / "expected.json"), *reports]
    if as_json:
        cmd.append("--json")
    if scores_only or corpus.locked:
        cmd.append("--scores-only")
    return run(cmd, "score.py", corpus).stdout, [f"{corpus.label}: {n}" for n in notes]


def evaluate_in_temp(
    corpus: Corpus, tools: Path, as_json: bool, scores_only: bool
) -> tuple[str, list[str]] | EvalError:
    """`evaluate` in a temporary folder removed afterwards; an EvalError is returned, not raised."""
    try:
        with tempfile.TemporaryDirectory(prefix="ba-eval-") as tmp:
            return evaluate(corpus, tools, Path(tmp), as_json, scores_only)
    except EvalError as e:
        return e


def evaluate_all(
    corpora: list[Corpus], tools: Path, as_json: bool, scores_only: bool, jobs: int
) -> Iterator[tuple[Corpus, tuple[str, list[str]] | EvalError]]:
    """Each corpus with its outcome, in the order given, `jobs` corpora at a time (each step is a subprocess)."""
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(evaluate_in_temp, c, tools, as_json, scores_only) for c in corpora]
        for corpus, future in zip(corpora, futures, strict=True):
            print(f"… {corpus.label}", file=sys.stderr)
            yield corpus, future.result()


def scrub(doc: Any) -> Any:
    """Drop every example list from score.py JSON (a second guard for locked corpora)."""
    if isinstance(doc, dict):
        return {k: scrub(v) for k, v in doc.items() if not k.endswith("_examples")}
    if isinstance(doc, list):
        return [scrub(v) for v in doc]
    return doc


def pct(value: float | None) -> str:
    """A ratio as a whole percentage, '-' when undefined."""
    return "-" if value is None else f"{100 * value:.0f}"


def compact_table(label: str, scores: dict[str, Any]) -> str:
    """One corpus: expected, found, missed, false positives, precision, recall and F2 per category."""
    head = f"{'category':<22} {'exp':>4} {'TP':>4} {'FN':>4} {'FP':>4} {'P%':>4} {'R%':>4} {'F2%':>4}"
    lines = [f"== {label}", head, "-" * len(head)]
    rows = [(c, r) for c, r in scores.get("categories", {}).items()] + [("TOTAL", scores.get("totals", {}))]
    for cat, r in rows:
        lines.append(
            f"{cat:<22} {r.get('expected', 0):>4} {r.get('tp', 0):>4} {r.get('fn', 0):>4} {r.get('fp', 0):>4} "
            f"{pct(r.get('precision')):>4} {pct(r.get('recall')):>4} {pct(r.get('f2')):>4}"
        )
    return "\n".join(lines)


def summary_table(results: list[tuple[Corpus, dict[str, Any]]]) -> str:
    """Category x corpus, each cell precision/recall in whole percent."""
    names = [c.label for c, _ in results]
    width = max([11, *(len(n) for n in names)])
    lines = [
        "== summary: precision/recall % per category and corpus",
        f"{'category':<22} " + " ".join(f"{n:>{width}}" for n in names),
    ]
    lines.append("-" * len(lines[-1]))
    for cat in [*CATEGORIES, "TOTAL"]:
        cells = []
        for _, scores in results:
            r = scores.get("totals", {}) if cat == "TOTAL" else scores.get("categories", {}).get(cat)
            cells.append(f"{pct(r.get('precision'))}/{pct(r.get('recall'))}" if r else "")
        if any(cells):
            lines.append(f"{cat:<22} " + " ".join(f"{c:>{width}}" for c in cells))
    return "\n".join(lines)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Command-line options."""
    ap = argparse.ArgumentParser(description="Render, scan and score labelled corpora (locked ones: scores only)")
    ap.add_argument("corpora", nargs="*", type=Path, help="corpus folders (each holds persona.json)")
    ap.add_argument("--all", action="store_true", help="every corpus under eval/: holdout, corpora/*, locked/*")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    ap.add_argument(
        "--scores-only", action="store_true", help="no examples of misses or false alarms (forced for eval/locked/)"
    )
    ap.add_argument("--full", action="store_true", help="print score.py's own report per corpus even for several")
    ap.add_argument(
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help=f"score N corpora at a time (default 1; this machine has {os.cpu_count() or 1} CPUs)",
    )
    ap.add_argument(
        "--shared",
        type=Path,
        default=REPO_ROOT.parent / "shared",
        help="the shared folder holding tools/render_corpus.py and tools/score.py (default: ../shared)",
    )
    args = ap.parse_args(argv)
    if args.all == bool(args.corpora):
        ap.error("give corpus folders or --all (not both)")
    if args.jobs < 1:
        ap.error("--jobs must be 1 or more")
    return args


def main(argv: list[str] | None = None) -> int:
    """Entry point."""
    args = parse_args(argv)
    tools = args.shared / "tools"
    if not (tools / "render_corpus.py").is_file() or not (tools / "score.py").is_file():
        print(f"score.py: no render_corpus.py and score.py in {tools} (use --shared PATH)", file=sys.stderr)
        return 2
    if args.all:
        corpora = find_corpora(EVAL_DIR)
    else:
        missing = [str(p) for p in args.corpora if not (p / "persona.json").is_file()]
        if missing:
            print(f"score.py: not a corpus folder (no persona.json): {', '.join(missing)}", file=sys.stderr)
            return 2
        corpora = [Corpus(p.resolve(), is_locked(p)) for p in args.corpora]
    tables = not args.full and (args.all or len(corpora) > 1)
    results: list[tuple[Corpus, dict[str, Any]]] = []
    failed = 0
    for corpus, outcome in evaluate_all(corpora, tools, args.json or tables, args.scores_only, args.jobs):
        if isinstance(outcome, EvalError):
            print(f"score.py: {outcome}", file=sys.stderr)
            failed += 1
            continue
        out, notes = outcome
        for note in notes:
            print(f"  {note}", file=sys.stderr)
        if args.json or tables:
            scores = json.loads(out)
            if corpus.locked or args.scores_only:
                scores = scrub(scores)
            scores.pop("reports", None)  # temporary paths
            results.append((corpus, scores))
        else:
            print(out, end="" if out.endswith("\n") else "\n")
    if args.json:
        print(
            json.dumps(
                {"corpora": [{"corpus": c.label, "locked": c.locked, "scores": s} for c, s in results]},
                indent=2,
                ensure_ascii=False,
            )
        )
    elif tables:
        print("\n\n".join([*(compact_table(c.label, s) for c, s in results), summary_table(results)]))
    return 2 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
