"""One card per record: the findings about one post, connection or thread, shown together.

The JSON report keeps one finding per (category, record); people read one item per record, with every reason
it was flagged. A check-in that the export lists both as a post and as a place (the same entry of the same
file) is one item too. Shared by the HTML and Markdown writers.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlparse

from checks.base import Finding, Severity, sort_findings

RecordKey = tuple[str, str, str]


def record_key(finding: Finding) -> RecordKey:
    """The record a finding is about: (platform, kind, record id)."""
    return (finding.platform, finding.record.kind, finding.record.id)


def card_anchor(key: RecordKey) -> str:
    """A stable HTML id for the card of a record."""
    return "r-" + hashlib.sha256("\x1f".join(key).encode("utf-8")).hexdigest()[:12]


@dataclass
class RecordGroup:
    """The open findings about one record, most severe first."""

    key: RecordKey
    findings: list[Finding]

    @property
    def first(self) -> Finding:
        """The most severe finding: its record and category lead the card."""
        return self.findings[0]

    @property
    def severity(self) -> Severity:
        """The card's severity: its most severe finding's."""
        return self.first.severity

    @property
    def anchor(self) -> str:
        """The card's HTML id."""
        return card_anchor(self.key)

    @property
    def categories(self) -> list[str]:
        """The kinds of problem on this card, most severe first, each once."""
        return list(dict.fromkeys(str(f.category) for f in self.findings))


def group_by_record(findings: Iterable[Finding]) -> list[RecordGroup]:
    """Findings grouped into one group per record, groups in the order of their most severe finding.

    A ``place`` record read from the same entry of the same file as a ``post``, with the same time (a
    check-in), joins the post.
    """
    ordered = list(sort_findings(findings))
    post_at: dict[tuple[str, str, object], RecordKey] = {}
    for f in ordered:
        if f.record.kind == "post" and "#" in f.record.source:
            post_at.setdefault((f.platform, f.record.source, f.record.timestamp), record_key(f))
    groups: dict[RecordKey, RecordGroup] = {}
    for f in ordered:
        key = record_key(f)
        if f.record.kind == "place" and "#" in f.record.source:
            key = post_at.get((f.platform, f.record.source, f.record.timestamp), key)
        groups.setdefault(key, RecordGroup(key, [])).findings.append(f)
    return list(groups.values())


def anchors_by_finding(groups: Iterable[RecordGroup]) -> dict[str, str]:
    """Finding id → the anchor of the card that shows it."""
    return {f.fingerprint: g.anchor for g in groups for f in g.findings}


def safe_url(url: str | None) -> str | None:
    """``url`` when it is a plain web address (http or https with a host), else ``None``: never a script link."""
    if not url:
        return None
    try:
        parsed = urlparse(url.strip())
    except ValueError:
        return None
    return url.strip() if parsed.scheme in ("http", "https") and parsed.netloc else None
