"""Batch mode for agencies: one sub-folder per person, scanned in parallel processes.

Each person's folder holds their archives and, optionally, their own ``policy.toml``. Every person gets a
report folder of their own; the aggregate summary holds counts only (no names, no post text). One person's
unreadable archive is reported for that person and never stops the others.
"""

from __future__ import annotations

import csv
import io
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from checks.analysis.masking import ClientMasker
from checks.base import Severity
from checks.policy import Policy, PolicyError, load_policy
from reports.batch_summary import render_batch_summary
from reports.writer import write_atomic, write_reports
from scanner.archive import Limits
from scanner.clients import ClientList
from scanner.pipeline import ScanOptions, scan

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


def people(root: Path) -> list[Path]:
    """The person folders under ``root`` (sorted; hidden folders ignored)."""
    return sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))


def person_inputs(folder: Path) -> list[Path]:
    """The archives in a person's folder: every file and folder except the policy and notes."""
    return sorted(p for p in folder.iterdir() if p.name not in _NOT_ARCHIVES and not p.name.startswith("."))


def scan_person(
    folder: Path, out_root: Path, clients: ClientList, default_policy: Policy, formats: tuple[str, ...],
    redaction: str, limits: Limits,
) -> PersonResult:
    """Scan one person's folder and write their report; never raises for bad input."""
    name = folder.name
    result = PersonResult(person=name, status="failed", report_dir=str(out_root / name))
    policy = default_policy
    if (folder / POLICY_NAME).exists():
        try:
            policy = load_policy(folder / POLICY_NAME)
        except PolicyError as exc:
            result.errors.append(str(exc).replace(str(folder), name))
            return result
    inputs = person_inputs(folder)
    if not inputs:
        result.errors.append(f"{name}: no archives in the folder")
        return result
    try:
        scanned = scan(inputs, ScanOptions(clients=clients, policy=policy, limits=limits))
    except Exception as exc:  # one person's failure must not stop the batch
        result.errors.append(f"{name}: the scan failed ({type(exc).__name__})")
        return result
    result.errors = [f"{Path(e.where).name}: {e.message}" for e in scanned.errors]
    if not scanned.sources:
        return result
    write_reports(scanned, formats, out_root / name, redaction, masker=ClientMasker(clients, scanned.findings))
    result.status = "partial" if scanned.partial else "complete"
    result.findings = len(scanned.open_findings)
    result.by_severity = scanned.by_severity
    return result


def run_batch(
    root: Path, out_root: Path, clients: ClientList, policy: Policy, formats: tuple[str, ...], redaction: str,
    limits: Limits, workers: int | None = None,
) -> list[PersonResult]:
    """Scan every person folder under ``root`` in parallel; write the aggregate summary; return the results."""
    folders = people(root)
    workers = max(1, min(workers or os.cpu_count() or 1, len(folders) or 1))
    if workers == 1:
        results = [scan_person(f, out_root, clients, policy, formats, redaction, limits) for f in folders]
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            futures = [
                pool.submit(scan_person, f, out_root, clients, policy, formats, redaction, limits) for f in folders
            ]
            results = [f.result() for f in futures]
    write_atomic(out_root / "batch-summary.csv", summary_csv(results))
    rows = [{"person": r.person, "status": r.status, "findings": r.findings, "by_severity": r.by_severity,
             "errors": len(r.errors)} for r in results]
    write_atomic(out_root / "batch-summary.html", render_batch_summary(rows))
    return results


def summary_csv(results: list[PersonResult]) -> str:
    """Counts only: one row per person."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["person", "status", "open_findings", *[s.value for s in Severity], "errors"])
    for r in results:
        writer.writerow(
            [r.person, r.status, r.findings, *[r.by_severity.get(s.value, 0) for s in Severity], len(r.errors)]
        )
    return buffer.getvalue()
