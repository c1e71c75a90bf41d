"""The JSON report (DESIGN.md section 5, a contract: ``schema_version`` 1).

:func:`iter_json` writes the same text as ``json.dumps(to_dict(result), indent=2, ensure_ascii=False)``
in pieces, one finding at a time, so that the findings never exist as one list of dicts or one string.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from typing import Any

from checks.base import Finding
from scanner.result import ScanResult

SCHEMA = "boundary-audit/report"
SCHEMA_VERSION = 1
_STREAMED: Any = object()  # stands for the findings in the document that iter_json writes piece by piece


def _iso(value: datetime | None) -> str | None:
    if value is None:
        return None
    return value.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def finding_to_dict(finding: Finding) -> dict[str, Any]:
    """One finding as the report contract spells it."""
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
    rem = finding.remediation
    remediation: dict[str, Any] = {"summary": rem.summary, "steps": list(rem.steps), "references": list(rem.references)}
    if rem.script:
        remediation["script"] = rem.script
    if rem.supervision_questions:
        remediation["supervision_questions"] = list(rem.supervision_questions)
    out: dict[str, Any] = {
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
        "remediation": remediation,
        "status": finding.status.value,
    }
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


def _iter_findings(encoder: json.JSONEncoder, findings: Iterable[Finding]) -> Iterator[str]:
    """The ``findings`` array at depth 1 of the document, one finding per piece."""
    lead = "[\n    "
    for finding in findings:
        yield lead + _indented(encoder.encode(finding_to_dict(finding)), "    ")
        lead = ",\n    "
    yield "[]" if lead.startswith("[") else "\n  ]"


def iter_json(result: ScanResult) -> Iterator[str]:
    """The report as pretty-printed JSON text, in pieces (the same text as :func:`render_json`)."""
    encoder = json.JSONEncoder(indent=2, ensure_ascii=False)
    lead = "{\n  "
    for key, value in _document(result, _STREAMED).items():
        yield lead + encoder.encode(key) + ": "
        if value is _STREAMED:
            yield from _iter_findings(encoder, result.findings)
        else:
            yield _indented(encoder.encode(value), "  ")
        lead = ",\n  "
    yield "\n}\n"


def render_json(result: ScanResult) -> str:
    """The report as pretty-printed JSON text."""
    return "".join(iter_json(result))
