"""Re-audit diff: what is new, what was fixed (gone from the archive) and what remains.

Only what both scans covered is compared: a finding on a platform (and account) that one of the two scans
did not read is neither "new" nor "fixed" — it is listed as not compared, with the scopes that were left out.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from checks.base import Finding
from scanner.platforms import platform_label
from scanner.result import SourceReport


class CompareError(Exception):
    """A previous report that cannot be read."""


@dataclass(frozen=True)
class PreviousReport:
    """What an earlier JSON report covered: its open finding ids by platform, and its (platform, account)s."""

    open_ids: dict[str, str]  # finding id → platform
    scopes: frozenset[tuple[str, str]] = field(default_factory=frozenset)  # (platform, account key)


def _account_key(name: str | None, handle: str | None) -> str:
    """An account's identity for comparing two scans: the handle, else the name, else ``""`` (unknown)."""
    if handle:
        return "@" + handle.strip().lstrip("@").casefold()
    return (name or "").strip().casefold()


def load_previous(report: Path) -> PreviousReport:
    """Read an earlier JSON report; raises :class:`CompareError` with a one-line reason."""
    try:
        text = report.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CompareError(f"{report}: file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CompareError(f"{report}: cannot be read ({exc})") from None
    if text.lstrip()[:15].lower().startswith(("<!doctype", "<html")):
        raise CompareError(
            f"{report}: this is the HTML report; give the .json report written beside it "
            "(scan writes it by default, or with --format json)"
        )
    try:
        doc = json.loads(text)
        ids = {str(f["id"]): str(f.get("platform", "")) for f in doc["findings"] if f.get("status", "open") == "open"}
        accounts = [(str(s["platform"]), s.get("account") or {}) for s in doc.get("sources", [])]
        scopes = frozenset((p, _account_key(a.get("name"), a.get("handle"))) for p, a in accounts)
    except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as exc:
        raise CompareError(f"{report}: not a boundary-audit JSON report ({exc})") from None
    return PreviousReport(ids, scopes)


def previous_ids(report: Path) -> set[str]:
    """The open finding ids of an earlier JSON report."""
    return set(load_previous(report).open_ids)


def compare(previous: set[str], findings: tuple[Finding, ...]) -> dict[str, list[str]]:
    """Finding ids split into ``new``, ``remaining`` and ``fixed`` (in the old report, gone now)."""
    current = {f.fingerprint for f in findings}
    return {
        "new": sorted(current - previous),
        "remaining": sorted(current & previous),
        "fixed": sorted(previous - current),
    }


def _scopes(sources: Iterable[SourceReport]) -> frozenset[tuple[str, str]]:
    return frozenset((s.platform, _account_key(s.account_name, s.account_handle)) for s in sources)


def _compared_platforms(before: frozenset[tuple[str, str]], now: frozenset[tuple[str, str]]) -> set[str]:
    """Platforms both scans read for the same account (an unknown account matches any)."""
    platforms = {p for p, _ in before} & {p for p, _ in now}
    same: set[str] = set()
    for platform in platforms:
        old = {a for p, a in before if p == platform}
        new = {a for p, a in now if p == platform}
        if "" in old or "" in new or old & new:
            same.add(platform)
    return same


def compare_scans(
    previous: PreviousReport, findings: tuple[Finding, ...], sources: Iterable[SourceReport]
) -> dict[str, list[str]]:
    """The re-audit diff restricted to what both scans covered.

    ``new`` / ``remaining`` / ``fixed`` hold ids on the platforms both scans read for the same account;
    ``not_compared`` holds the other ids (of either report), and ``not_compared_scopes`` says in plain words
    which platform or account only one of the scans covered.
    """
    now = _scopes(sources)
    platforms = _compared_platforms(previous.scopes, now)
    old_ids = {i for i, p in previous.open_ids.items() if p in platforms}
    kept = tuple(f for f in findings if f.platform in platforms)
    diff = compare(old_ids, kept)
    skipped_old = {i for i, p in previous.open_ids.items() if p not in platforms}
    skipped_new = {f.fingerprint for f in findings if f.platform not in platforms}
    diff["not_compared"] = sorted(skipped_old | skipped_new)
    diff["not_compared_scopes"] = _scope_notes(previous.scopes, now, platforms)
    return diff


def _scope_notes(before: frozenset[tuple[str, str]], now: frozenset[tuple[str, str]], compared: set[str]) -> list[str]:
    notes = []
    for platform in sorted({p for p, _ in before | now} - compared):
        label = platform_label(platform)
        in_old = any(p == platform for p, _ in before)
        in_new = any(p == platform for p, _ in now)
        if in_old and not in_new:
            notes.append(f"{label}: only in the earlier report (not scanned this time)")
        elif in_new and not in_old:
            notes.append(f"{label}: only in this scan (not in the earlier report)")
        else:
            notes.append(f"{label}: the two scans read different accounts")
    return notes
