"""What a finished scan is: the result types every package may import.

The pipeline builds a :class:`ScanResult`; the writers, triage, compare and batch only read it. It depends
on nothing but ``checks.base`` and the redaction levels, so that the scanner does not import the writers
for its own return type, nor the writers the scanner.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from checks.base import Finding, Severity, Status
from scanner.redaction import Redaction


@dataclass(frozen=True)
class SkippedFile:
    """A file that was not read, and the one-line reason."""

    path: str
    reason: str


@dataclass(frozen=True)
class SourceReport:
    """One scanned export (possibly several zip parts)."""

    path: str
    platform: str
    generation: str
    format: str
    account_name: str | None = None
    account_handle: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    skipped: tuple[SkippedFile, ...] = ()
    notes: tuple[str, ...] = ()
    parts: tuple[str, ...] = ()
    unread: tuple[str, ...] = ()  # data files no reader understood (media files are not listed)
    timezone: str | None = None  # the account's time zone as the export gives it (IANA name)


@dataclass(frozen=True)
class ErrorEntry:
    """Something that went wrong: an input that could not be opened, a check that failed."""

    where: str
    message: str


@dataclass(frozen=True)
class ScanResult:
    """Findings, sources, skipped files and errors of one scan."""

    findings: tuple[Finding, ...]
    sources: tuple[SourceReport, ...]
    errors: tuple[ErrorEntry, ...] = ()
    generated_at: datetime | None = None
    tool_version: str = ""
    redaction: Redaction = Redaction.FULL
    clients_total: int = 0
    notices: tuple[str, ...] = ()  # things the user should know about the inputs (an archive given twice)
    client_checks: bool = True  # False when no client list was given: the checks about clients did not run
    timezone: str = "UTC"  # the policy's time zone: reports show record times in it
    timings: dict[str, float] = field(default_factory=dict)
    compare: dict[str, list[str]] | None = None  # re-audit diff: new / fixed / remaining fingerprints

    @property
    def open_findings(self) -> tuple[Finding, ...]:
        """Findings not yet reviewed in the triage file."""
        return tuple(f for f in self.findings if f.status == Status.OPEN)

    @property
    def by_severity(self) -> dict[str, int]:
        """Open findings per severity, every severity present (most urgent first)."""
        counts = Counter(f.severity for f in self.open_findings)
        return {s.value: counts.get(s, 0) for s in Severity}

    @property
    def by_category(self) -> dict[str, int]:
        """Open findings per category (only categories that occur)."""
        counts = Counter(f.category.value for f in self.open_findings)
        return dict(sorted(counts.items()))

    @property
    def partial(self) -> bool:
        """True when some input or file could not be read (the scan is incomplete)."""
        return bool(self.errors) or any(s.skipped for s in self.sources)
