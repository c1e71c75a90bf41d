"""Re-audit diff: what is new, what was fixed (gone from the archive) and what remains."""

from __future__ import annotations

import json
from pathlib import Path

from checks.base import Finding


class CompareError(Exception):
    """A previous report that cannot be read."""


def previous_ids(report: Path) -> set[str]:
    """The open finding ids of an earlier JSON report."""
    try:
        doc = json.loads(report.read_text(encoding="utf-8"))
        return {str(f["id"]) for f in doc["findings"] if f.get("status", "open") == "open"}
    except FileNotFoundError:
        raise CompareError(f"{report}: file not found") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError) as exc:
        raise CompareError(f"{report}: not a boundary-audit JSON report ({exc})") from None


def compare(previous: set[str], findings: tuple[Finding, ...]) -> dict[str, list[str]]:
    """Finding ids split into ``new``, ``remaining`` and ``fixed`` (in the old report, gone now)."""
    current = {f.fingerprint for f in findings}
    return {
        "new": sorted(current - previous),
        "remaining": sorted(current & previous),
        "fixed": sorted(previous - current),
    }
