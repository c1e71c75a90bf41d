"""Redacted copies: what a report may show to whom (DESIGN.md section 8; the levels and their rules are
:class:`~scanner.redaction.Redaction` and its ``shows``).

``full``
    Everything, for the clinician alone.
``supervision``
    For a clinical supervisor: clients appear as initials and id (the client-list name is dropped), and
    every text of the report (excerpts, titles, messages, evidence, notes, record fields, file names) is
    passed through a :class:`~checks.analysis.masking.ClientMasker`: clients' names in any spelling the
    matcher recognises, their handles, the words that described them, every e-mail address and phone
    number. Client-related findings lose the record's handle and URL, and keep only the file name of the
    record's source (Facebook names message folders after the other person).
``agency``
    For an agency or employer: counts per category and severity and remediation status only. Findings
    keep category, severity, platform, status and the remediation summary; no post text, names, handles
    or client data at all. Sources lose account names and local paths.

:func:`redact` returns a new :class:`ScanResult` that every writer (JSON included) renders. Finding ids
(fingerprints) stay those of the full report, so a supervisor and the clinician talk about the same ids.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import assert_never

from checks.analysis.masking import MASK, ClientMasker
from checks.base import Evidence, Finding, RecordRef, Remediation
from reports.view import CATEGORY_SINGULAR, client_label, initials_of, is_client_related
from scanner.clients import ClientList
from scanner.redaction import Redaction
from scanner.result import ErrorEntry, ScanResult, SkippedFile, SourceReport

LEVELS = tuple(Redaction)

Masker = Callable[[str], str]
"""Text in, the same text with clients masked out (see :class:`ClientMasker`)."""


@dataclass(frozen=True)
class RedactedFinding(Finding):
    """A redacted copy of a finding that keeps the original's fingerprint as its id."""

    original_fingerprint: str = ""

    @property
    def fingerprint(self) -> str:
        """The fingerprint of the unredacted finding."""
        return self.original_fingerprint or super().fingerprint


class _Optional:
    """A masker that also takes ``None``."""

    def __init__(self, mask: Masker) -> None:
        self.mask = mask

    def __call__(self, text: str) -> str:
        return self.mask(text)

    def opt(self, text: str | None) -> str | None:
        return None if text is None else self.mask(text)


def redact(result: ScanResult, level: Redaction | str, masker: Masker | None = None) -> ScanResult:
    """A copy of ``result`` fit for ``level`` (``full``, ``supervision`` or ``agency``).

    ``masker`` should be a :class:`ClientMasker` built from the scan's client list and these findings;
    without one, only what the findings themselves matched (and every e-mail address and phone number)
    is masked.
    """
    level = Redaction.parse(level)
    match level:
        case Redaction.FULL:
            return replace(result, redaction=level)
        case Redaction.SUPERVISION:
            mask = _Optional(masker or ClientMasker(ClientList(), result.findings))
            return replace(
                result,
                redaction=level,
                findings=tuple(_supervise(f, mask) for f in result.findings),
                sources=tuple(_mask_source(s, mask, keep_account=level.shows.accounts) for s in result.sources),
                errors=tuple(ErrorEntry(mask(e.where), mask(e.message)) for e in result.errors),
            )
        case Redaction.AGENCY:
            mask = _Optional(masker or ClientMasker(ClientList(), result.findings))
            return replace(
                result,
                redaction=level,
                findings=tuple(_agency(f) for f in result.findings),
                sources=tuple(_mask_source(s, mask, keep_account=level.shows.accounts) for s in result.sources),
                errors=tuple(ErrorEntry(_basename(mask(e.where)), mask(e.message)) for e in result.errors),
                clients_total=0,
            )
        case _:
            assert_never(level)


def _basename(path: str) -> str:
    head, sep, index = path.partition("#")
    base = re.split(r"[\\/]", head.rstrip("/\\"))[-1]
    return base + sep + index


def _supervise(f: Finding, mask: _Optional) -> Finding:
    clients = tuple(replace(c, name=None, initials=initials_of(c)) for c in f.clients)
    rec = f.record
    if is_client_related(f):
        who = ", ".join(client_label(c, with_name=False) for c in clients)
        name = who or (MASK if rec.name else None)
        record = replace(
            rec,
            id=mask(rec.id),
            name=name,
            handle=None,
            url=None,
            source=_basename(mask(rec.source)),
            excerpt=mask(rec.excerpt),
        )
    else:
        record = replace(
            rec,
            id=mask(rec.id),
            name=mask.opt(rec.name),
            handle=mask.opt(rec.handle),
            url=mask.opt(rec.url),
            source=mask(rec.source),
            excerpt=mask(rec.excerpt),
        )
    rem = f.remediation
    return RedactedFinding(
        check=f.check,
        category=f.category,
        severity=f.severity,
        confidence=f.confidence,
        title=mask(f.title),
        message=mask(f.message),
        platform=f.platform,
        record=record,
        evidence=tuple(Evidence(e.start, e.end, mask(e.text), mask(e.reason), e.tag) for e in f.evidence),
        clients=clients,
        remediation=replace(rem, summary=mask(rem.summary)),
        status=f.status,
        note=mask.opt(f.note),
        original_fingerprint=f.fingerprint,
    )


def _agency(f: Finding) -> Finding:
    return RedactedFinding(
        check=f.check,
        category=f.category,
        severity=f.severity,
        confidence=f.confidence,
        title=CATEGORY_SINGULAR.get(f.category, str(f.category)),
        message="",
        platform=f.platform,
        record=RecordRef(kind=f.record.kind, id=""),
        evidence=(),
        clients=(),
        remediation=Remediation(summary=f.remediation.summary),
        status=f.status,
        note=None,
        original_fingerprint=f.fingerprint,
    )


def _mask_source(s: SourceReport, mask: _Optional, *, keep_account: bool) -> SourceReport:
    if keep_account:
        return replace(
            s,
            path=mask(s.path),
            skipped=tuple(SkippedFile(mask(k.path), mask(k.reason)) for k in s.skipped),
            notes=tuple(mask(n) for n in s.notes),
            parts=tuple(mask(p) for p in s.parts),
        )
    return replace(
        s,
        path=f"{s.platform} export",
        account_name=None,
        account_handle=None,
        skipped=tuple(SkippedFile(_basename(mask(k.path)), mask(k.reason)) for k in s.skipped),
        notes=tuple(mask(n) for n in s.notes),
        parts=(),
    )


__all__ = ["LEVELS", "MASK", "Masker", "RedactedFinding", "Redaction", "redact"]
