"""Batch mode for agencies: one sub-folder (or one archive file) per person, scanned in parallel processes.

Each person's folder holds their archives and, optionally, their own ``policy.toml``; an archive placed
directly in the batch folder is a person of its own, named after the file. Every person gets a report
folder of their own; the aggregate summary holds counts only (no names, no post text). One person's
unreadable archive is reported for that person and never stops the others.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from checks.policy import Policy, PolicyError, load_policy
from scanner.archive import Limits
from scanner.clients import ClientList
from scanner.pipeline import ScanOptions, scan
from scanner.result import ScanResult
from scanner.triage import TriageFile

POLICY_NAME = "policy.toml"
_NOT_ARCHIVES = {POLICY_NAME, "clients.csv", "notes.txt", ".DS_Store"}


@dataclass
class PersonResult:
    """The outcome for one person: counts by severity, or an error."""

    person: str
    status: str  # complete | partial | failed
    findings: int = 0
    by_severity: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    report_dir: str = ""


ARCHIVE_SUFFIXES = (".zip", ".tar.gz", ".tgz", ".tar")  # files taken as a person of their own in the batch folder


class BatchError(Exception):
    """A batch folder that holds nothing to scan; ``str()`` says what to put in it."""


def people(root: Path) -> list[Path]:
    """The people under ``root``: each sub-folder, and each archive file placed directly in ``root``
    (sorted; hidden entries, the policy and notes ignored). Raises :class:`BatchError` when there is none."""
    found = sorted(
        p
        for p in root.iterdir()
        if not p.name.startswith(".")
        and p.name not in _NOT_ARCHIVES
        and (p.is_dir() or p.name.lower().endswith(ARCHIVE_SUFFIXES))
    )
    if not found:
        raise BatchError(
            f"{root} holds no person folders and no archives; put one sub-folder per person "
            "(holding their archives) or the archives themselves in it"
        )
    return found


def person_name(path: Path) -> str:
    """The person's name in the batch: the folder's name, or the archive file's name without its suffix."""
    if path.is_dir():
        return path.name
    lower = path.name.lower()
    suffix = next((s for s in ARCHIVE_SUFFIXES if lower.endswith(s)), "")
    return path.name[: len(path.name) - len(suffix)] if suffix else path.name


def person_inputs(folder: Path) -> list[Path]:
    """The archives of a person: every file and folder in their folder except the policy and notes, or the
    archive file itself."""
    if not folder.is_dir():
        return [folder]
    return sorted(p for p in folder.iterdir() if p.name not in _NOT_ARCHIVES and not p.name.startswith("."))


ReportWriter = Callable[[ScanResult, Path, ClientList], object]
"""Writes one person's reports into a folder (the CLI passes the report writers; a module-level function or a
``functools.partial`` of one, as it crosses to the worker processes)."""


@dataclass(frozen=True)
class BatchOptions:
    """What every person's scan shares: how to write a report, limits, a date, a triage file."""

    write: ReportWriter
    limits: Limits
    since: date | None = None
    triage: TriageFile | None = None


def scan_person(
    folder: Path, out_root: Path, clients: ClientList, default_policy: Policy, options: BatchOptions
) -> PersonResult:
    """Scan one person's folder (or archive) and write their report; never raises for bad input."""
    name = person_name(folder)
    result = PersonResult(person=name, status="failed", report_dir=str(out_root / name))
    policy = default_policy
    if folder.is_dir() and (folder / POLICY_NAME).exists():
        try:
            policy = load_policy(folder / POLICY_NAME)
        except PolicyError as exc:
            result.errors.append(str(exc).replace(str(folder), name))
            return result
    if options.since is not None:
        policy = replace(policy, since=options.since)
    inputs = person_inputs(folder)
    if not inputs:
        result.errors.append(f"{name}: no archives in the folder")
        return result
    try:
        # workers=1: the batch already runs one process per person (no pool inside a pool)
        scanned = scan(
            inputs, ScanOptions(clients=clients, policy=policy, limits=options.limits, triage=options.triage, workers=1)
        )
    except Exception as exc:  # one person's failure must not stop the batch
        result.errors.append(f"{name}: the scan failed ({type(exc).__name__})")
        return result
    result.errors = [f"{Path(e.where).name}: {e.message}" for e in scanned.errors]
    if not scanned.sources:
        return result
    options.write(scanned, out_root / name, clients)
    result.status = "partial" if scanned.partial else "complete"
    result.findings = len(scanned.open_findings)
    result.by_severity = scanned.by_severity
    return result


def run_batch(
    root: Path,
    out_root: Path,
    clients: ClientList,
    policy: Policy,
    options: BatchOptions,
    workers: int | None = None,
    on_done: Callable[[PersonResult, int, int], None] | None = None,
) -> list[PersonResult]:
    """Scan every person under ``root`` in parallel, each person's reports written by ``options.write``;
    return the results in the order of :func:`people` (the CLI writes the summary from them).

    ``on_done(result, done, total)`` is called as each person's scan ends (for progress). Raises
    :class:`BatchError` when ``root`` holds nobody to scan.
    """
    folders = people(root)
    out_root.mkdir(parents=True, exist_ok=True, mode=0o700)
    workers = max(1, min(workers or os.cpu_count() or 1, len(folders)))
    results: dict[Path, PersonResult] = {}

    def done(folder: Path, person: PersonResult) -> None:
        results[folder] = person
        if on_done is not None:
            on_done(person, len(results), len(folders))

    if workers == 1:
        for f in folders:
            done(f, scan_person(f, out_root, clients, policy, options))
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            futures = {pool.submit(scan_person, f, out_root, clients, policy, options): f for f in folders}
            for future in as_completed(futures):
                done(futures[future], future.result())
    return [results[f] for f in folders]


def summary_rows(results: list[PersonResult]) -> list[dict[str, Any]]:
    """Counts only, one row per person, for the batch summary (no names but the folders', no text)."""
    return [
        {
            "person": r.person,
            "status": r.status,
            "findings": r.findings,
            "by_severity": r.by_severity,
            "errors": len(r.errors),
        }
        for r in results
    ]
