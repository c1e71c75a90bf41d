"""The JSON report (DESIGN.md section 5, a contract: ``schema_version`` 1).

:func:`iter_json` writes the same text as ``json.dumps(to_dict(result), indent=2, ensure_ascii=False)``
in pieces, one finding at a time, so that the findings never exist as one list of dicts or one string.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from typing import Any

from checks.base import Finding, Remediation
from reports.json_text import dumps_indented
from scanner.result import ScanResult

SCHEMA = "boundary-audit/report"
SCHEMA_VERSION = 1
_STREAMED: Any = object()  # stands for the findings in the document that iter_json writes piece by piece


def _iso(value: datetime | None) -> str | None:
    if value is None:
        return None
    return value.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _remediation_dict(rem: Remediation) -> dict[str, Any]:
    """A finding's remediation as the report contract spells it."""
    remediation: dict[str, Any] = {"summary": rem.summary, "steps": list(rem.steps), "references": list(rem.references)}
    if rem.script:
        remediation["script"] = rem.script
    if rem.supervision_questions:
        remediation["supervision_questions"] = list(rem.supervision_questions)
    return remediation


def _finding_head(finding: Finding) -> dict[str, Any]:
    """The keys of a finding before its remediation (the part that differs from finding to finding)."""
    record = finding.record
    clients = [
        {
            k: v
            for k, v in {
                "id": c.id,
                "match": c.match,
                "score": round(c.score, 3),
                "status": c.status,
                "name": c.name,
                "initials": c.initials or None,
            }.items()
            if v is not None
        }
        for c in finding.clients
    ]
    client: Any = None
    if len(clients) == 1:
        client = clients[0]
    elif clients:
        client = clients
    return {
        "id": finding.fingerprint,
        "check": finding.check,
        "category": finding.category.value,
        "severity": finding.severity.value,
        "confidence": round(finding.confidence, 3),
        "platform": finding.platform,
        "title": finding.title,
        "message": finding.message,
        "record": {
            "kind": record.kind,
            "id": record.id,
            "timestamp": _iso(record.timestamp),
            "name": record.name,
            "handle": record.handle,
            "source": record.source,
            "url": record.url,
            "excerpt": record.excerpt,
        },
        "client": client,
        "evidence": [{"start": e.start, "end": e.end, "text": e.text, "reason": e.reason} for e in finding.evidence],
    }


def finding_to_dict(finding: Finding) -> dict[str, Any]:
    """One finding as the report contract spells it."""
    out = _finding_head(finding)
    out["remediation"] = _remediation_dict(finding.remediation)
    out["status"] = finding.status.value
    if finding.note:
        out["note"] = finding.note
    return out


def to_dict(result: ScanResult) -> dict[str, Any]:
    """The whole report as a JSON-ready dict."""
    return _document(result, [finding_to_dict(f) for f in result.findings])


def _document(result: ScanResult, findings: Any) -> dict[str, Any]:
    """The report document with ``findings`` as the value of ``"findings"``."""
    doc: dict[str, Any] = {
        "schema": SCHEMA,
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "boundary-audit", "version": result.tool_version},
        "generated_at": _iso(result.generated_at),
        "redaction": result.redaction,
        "sources": [
            {
                "path": s.path,
                "platform": s.platform,
                "generation": s.generation,
                "format": s.format,
                "account": {"name": s.account_name, "handle": s.account_handle},
                "counts": dict(s.counts),
                "skipped": [{"path": k.path, "reason": k.reason} for k in s.skipped],
                "notes": list(s.notes),
            }
            for s in result.sources
        ],
        "summary": {
            "findings": len(result.open_findings),
            "total_findings": len(result.findings),
            "reviewed": len(result.findings) - len(result.open_findings),
            "by_severity": result.by_severity,
            "by_category": result.by_category,
            "partial": result.partial,
            "client_checks": result.client_checks,
        },
        "findings": findings,
        "errors": [{"where": e.where, "message": e.message} for e in result.errors],
    }
    if result.compare is not None:
        doc["compare"] = result.compare
    return doc


def _indented(text: str, indent: str) -> str:
    """Encoded JSON moved right by ``indent``: its only line breaks are between tokens (strings escape theirs)."""
    return text.replace("\n", "\n" + indent)


class _FindingEncoder:
    """One finding's JSON text at depth 0, as ``json.dumps(finding_to_dict(finding), indent=2)`` writes it.

    A remediation is most of a finding's text and the same for every finding of a kind on a platform: its
    text is written once per distinct remediation and put in place after the keys before it.
    """

    def __init__(self) -> None:
        self._remediations: dict[Remediation, str] = {}

    def _remediation(self, rem: Remediation) -> str:
        try:
            text = self._remediations.get(rem)
        except TypeError:  # a remediation built with lists instead of tuples: not hashable, written each time
            return _indented(dumps_indented(_remediation_dict(rem)), "  ")
        if text is None:
            text = self._remediations[rem] = _indented(dumps_indented(_remediation_dict(rem)), "  ")
        return text

    def encode(self, finding: Finding) -> str:
        """The finding's text (its head is never empty, so its text ends with the dict's closing line)."""
        head = dumps_indented(_finding_head(finding))
        tail = ',\n  "remediation": ' + self._remediation(finding.remediation)
        tail += ',\n  "status": ' + dumps_indented(finding.status.value)
        if finding.note:
            tail += ',\n  "note": ' + dumps_indented(finding.note)
        return head[:-2] + tail + "\n}"


def _iter_findings(findings: Iterable[Finding]) -> Iterator[str]:
    """The ``findings`` array at depth 1 of the document, one finding per piece."""
    lead = "[\n    "
    one = _FindingEncoder()
    for finding in findings:
        yield lead + _indented(one.encode(finding), "    ")
        lead = ",\n    "
    yield "[]" if lead.startswith("[") else "\n  ]"


def iter_json(result: ScanResult) -> Iterator[str]:
    """The report as pretty-printed JSON text, in pieces (the same text as
    ``json.dumps(to_dict(result), indent=2, ensure_ascii=False)``)."""
    lead = "{\n  "
    for key, value in _document(result, _STREAMED).items():
        yield lead + dumps_indented(key) + ": "
        if value is _STREAMED:
            yield from _iter_findings(result.findings)
        else:
            yield _indented(dumps_indented(value), "  ")
        lead = ",\n  "
    yield "\n}\n"


def render_json(result: ScanResult) -> str:
    """The report as pretty-printed JSON text."""
    return "".join(iter_json(result))
