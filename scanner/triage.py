"""The triage file: reviewed findings by fingerprint (like detect-secrets' baseline).

It stores fingerprints, verdicts, notes and dates — never names, handles or post text — so it can sit
beside the reports and survive re-exports: a fingerprint is built from the check, the platform, the
record's id and the client id, all stable across a fresh download of the same account.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from checks.base import Finding, Status
from scanner.output import write_atomic

TRIAGE_SCHEMA = "boundary-audit/triage"
TRIAGE_VERSION = 1
VERDICTS = (Status.FALSE_POSITIVE.value, Status.ACCEPTED.value, Status.FIXED.value)
_FINGERPRINT = re.compile(r"^[0-9a-f]{16}$")


class TriageError(Exception):
    """A triage file or a --set value that cannot be used; ``str()`` is a one-line message."""


@dataclass(frozen=True)
class Verdict:
    """One reviewed finding."""

    verdict: str
    note: str = ""
    date: str = ""
    category: str = ""


@dataclass
class TriageFile:
    """Reviewed findings keyed by fingerprint."""

    entries: dict[str, Verdict] = field(default_factory=dict)

    def set(self, fingerprint: str, verdict: str, note: str = "", category: str = "") -> None:
        """Record a verdict for a finding (today's date)."""
        if not _FINGERPRINT.match(fingerprint):
            raise TriageError(f"{fingerprint!r} is not a finding id (16 hexadecimal characters, see the report)")
        if verdict not in VERDICTS:
            raise TriageError(f"unknown verdict {verdict!r}; use one of: {', '.join(VERDICTS)}")
        today = datetime.now(UTC).date().isoformat()
        self.entries[fingerprint] = Verdict(verdict, note.strip(), today, category)

    def apply(self, findings: Iterable[Finding]) -> list[Finding]:
        """Findings with their reviewed status set (marked, never removed)."""
        out = []
        for finding in findings:
            entry = self.entries.get(finding.fingerprint)
            out.append(finding.with_status(Status(entry.verdict), entry.note or None) if entry else finding)
        return out

    def to_json(self) -> str:
        doc: dict[str, Any] = {
            "schema": TRIAGE_SCHEMA,
            "version": TRIAGE_VERSION,
            "note": "Reviewed boundary-audit findings by finding id. Holds no names, handles or post text.",
            "entries": {
                fp: {"verdict": v.verdict, "note": v.note, "date": v.date, "category": v.category}
                for fp, v in sorted(self.entries.items())
            },
        }
        return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def load_triage(path: Path) -> TriageFile:
    """Read a triage file; a missing file is an empty one."""
    if not path.exists():
        return TriageFile()
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise TriageError(f"{path}: not a readable triage file ({exc})") from None
    if not isinstance(doc, dict) or doc.get("schema") != TRIAGE_SCHEMA:
        raise TriageError(f"{path}: not a boundary-audit triage file")
    if doc.get("version") != TRIAGE_VERSION:
        raise TriageError(f"{path}: triage file version {doc.get('version')} is not supported by this version")
    triage = TriageFile()
    for fp, raw in (doc.get("entries") or {}).items():
        if isinstance(raw, dict) and raw.get("verdict") in VERDICTS and _FINGERPRINT.match(str(fp)):
            triage.entries[fp] = Verdict(
                str(raw["verdict"]), str(raw.get("note", "")), str(raw.get("date", "")), str(raw.get("category", ""))
            )
    return triage


def save_triage(triage: TriageFile, path: Path) -> None:
    """Write the triage file atomically, owner-only."""
    write_atomic(path, triage.to_json())


def scrub_note(note: str, names: Iterable[str]) -> str:
    """Remove client names and handles from a free-text note before it is stored."""
    for name in sorted({n for n in names if n and len(n) > 1}, key=len, reverse=True):
        note = re.sub(rf"(?i)(?<!\w){re.escape(name)}(?!\w)", "[client]", note)
    return note


def default_triage_path(report: Path) -> Path:
    """The triage file beside a report: ``boundary-audit-triage.json`` in the report's folder."""
    return report.parent / "boundary-audit-triage.json"
