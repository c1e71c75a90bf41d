"""Presentation helpers shared by the writers: plain-language labels, evidence highlighting, groupings.

Nothing here formats output; it turns a :class:`~scanner.result.ScanResult` into small, already-ordered
pieces (labels, text segments, checklist groups, chart bars) that each writer renders in its own way.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from functools import cached_property
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from checks.analysis.masking import client_tag, initials
from checks.base import Category, ClientMatch, Finding, Remediation, Severity, sort_findings
from scanner.platforms import PLATFORMS
from scanner.result import ScanResult

CATEGORY_LABELS: dict[str, str] = {
    Category.WORK_RELATED_POST: "Posts about your clinical work",
    Category.CLIENT_MENTION: "Clients named or identifiable in posts",
    Category.PHI_IDENTIFIER: "Health details or identifiers about a person",
    Category.CLIENT_CONNECTION: "Clients among your friends, followers or connections",
    Category.CLIENT_FRIEND_REQUEST: "Friend or follow requests involving clients",
    Category.CLIENT_MESSAGE: "Private messages with clients",
    Category.CLIENT_ENGAGEMENT: "Likes, comments or tags involving clients",
    Category.SENSITIVE_GROUP: "Groups your clients may also belong to",
    Category.WORKPLACE_LOCATION: "Check-ins and posts that show where you work",
    Category.PUBLIC_VISIBILITY: "Content anyone can see",
    Category.PROFILE_EXPOSURE: "Work details on a personal profile",
    Category.ACCOUNT_SECURITY: "Account security",
}

CATEGORY_SINGULAR: dict[str, str] = {
    Category.WORK_RELATED_POST: "Post about clinical work",
    Category.CLIENT_MENTION: "Client mentioned in a post",
    Category.PHI_IDENTIFIER: "Health detail or identifier",
    Category.CLIENT_CONNECTION: "Client connection",
    Category.CLIENT_FRIEND_REQUEST: "Request involving a client",
    Category.CLIENT_MESSAGE: "Message thread with a client",
    Category.CLIENT_ENGAGEMENT: "Engagement with a client's content",
    Category.SENSITIVE_GROUP: "Group clients may share",
    Category.WORKPLACE_LOCATION: "Workplace location",
    Category.PUBLIC_VISIBILITY: "Publicly visible content",
    Category.PROFILE_EXPOSURE: "Work detail on a personal profile",
    Category.ACCOUNT_SECURITY: "Account security setting",
}

CLIENT_CATEGORIES: frozenset[str] = frozenset(
    {
        Category.CLIENT_MENTION,
        Category.PHI_IDENTIFIER,
        Category.CLIENT_CONNECTION,
        Category.CLIENT_FRIEND_REQUEST,
        Category.CLIENT_MESSAGE,
        Category.CLIENT_ENGAGEMENT,
    }
)

PLATFORM_LABELS: dict[str, str] = {p.name: p.label for p in PLATFORMS}

SEVERITY_LABELS: dict[str, str] = {
    Severity.CRITICAL: "Critical",
    Severity.HIGH: "High",
    Severity.MEDIUM: "Medium",
    Severity.LOW: "Low",
    Severity.INFO: "For information",
}

SEVERITY_HINTS: dict[str, str] = {
    Severity.CRITICAL: "act today",
    Severity.HIGH: "act this week",
    Severity.MEDIUM: "review soon",
    Severity.LOW: "review when you can",
    Severity.INFO: "good to know",
}

STATUS_LABELS: dict[str, str] = {
    "open": "Open",
    "false-positive": "Not a problem (false positive)",
    "accepted": "Accepted as is",
    "fixed": "Fixed",
}


NO_CLIENT_LIST = (
    "No client list was given (--clients), so the checks about clients did not run: clients among your "
    "connections, named in posts, in your messages, requests and likes are not in this report."
)


_MATCH_WORDS: dict[str, str] = {
    "x_id": "X account number",
    "handle": "username",
    "handle_text": "username",
    "full_name": "full name",
    "first_last": "first and last name",
    "alias": "another name on your list",
    "nickname": "nickname",
    "initial": "first initial and surname",
    "first_initial": "first name and surname initial",
    "title_surname": "title and surname",
    "first_name": "first name",
    "surname": "surname",
    "username": "a username that spells the name",
    "described": "a description that fits your notes",
}
_FORM_WORDS: dict[str, str] = {
    "initial": "with the surname's initial",
    "cue": "next to a word such as client or session",
    "described": "with a description that fits your notes",
}


def match_label(code: str) -> str:
    """How a client was matched, in plain words: ``first_initial+initial`` → ``first name and surname initial``."""
    base, *forms = code.split("+")
    words = [_MATCH_WORDS.get(base, base.replace("_", " "))]
    for form in forms:
        if form == "name" or (form == "initial" and "initial" in base):
            continue
        words.append(_FORM_WORDS.get(form, form.replace("_", " ")))
    return " ".join(words)


def category_label(category: str) -> str:
    """The plain-language heading of a category."""
    return CATEGORY_LABELS.get(category, category.replace("-", " ").capitalize())


def is_client_related(finding: Finding) -> bool:
    """True when the finding involves a client (by category or by a matched client)."""
    return bool(finding.clients) or finding.category in CLIENT_CATEGORIES


def initials_of(client: ClientMatch) -> str:
    """The client's initials (``J.D.``), from the match or derived from the name."""
    return client.initials or initials(client.name)


def client_label(client: ClientMatch, *, with_name: bool = True) -> str:
    """How a report names a client: ``Jane Doe (C007)``, or ``J.D. (C007)`` without the name."""
    if with_name and client.name:
        return f"{client.name} ({client.id})"
    return client_tag(client.id, initials_of(client))


def iso_time(ts: datetime | None) -> str:
    """A record time as ISO-8601 UTC to the second (``2023-08-12T16:10:37Z``); empty when unknown."""
    if ts is None:
        return ""
    return ts.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def zone(name: str) -> tzinfo:
    """The time zone called ``name`` (UTC when unknown)."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


def format_time(ts: datetime | None, tz: str = "UTC") -> str:
    """A record time for people in the time zone ``tz``, labelled: ``2023-08-12 11:10 CDT``; empty when unknown."""
    if ts is None:
        return ""
    local = (ts if ts.tzinfo else ts.replace(tzinfo=UTC)).astimezone(zone(tz))
    return local.strftime("%Y-%m-%d %H:%M ") + (local.tzname() or tz)


def _norm_space(text: str) -> str:
    return " ".join(text.split())


def highlight(text: str, evidence: Iterable[object]) -> list[tuple[str, str | None]]:
    """Split ``text`` into ``(segment, reason)`` pieces; ``reason`` is set on evidence segments.

    Evidence offsets may refer to the record's full text rather than the excerpt, so each evidence
    text is located in ``text`` (case-insensitively, whitespace-normalised) instead of trusting offsets.
    The segments are plain text; writers escape them.
    """
    if not text:
        return []
    folded = text.casefold()
    spans: list[tuple[int, int, str]] = []
    for ev in evidence:
        needle = _norm_space(str(getattr(ev, "text", "") or ""))
        reason = str(getattr(ev, "reason", "") or "")
        if not needle:
            continue
        key = needle.casefold()
        if len(key) != len(needle):  # casefold changed the length (e.g. ß); fall back to exact search
            key, hay = needle, text
        else:
            hay = folded
        start = hay.find(key)
        while start != -1:
            spans.append((start, start + len(key), reason))
            start = hay.find(key, start + len(key))
    if not spans:
        return [(text, None)]
    spans.sort()
    merged: list[tuple[int, int, list[str]]] = []
    for start, end, reason in spans:
        if merged and start <= merged[-1][1]:
            m_start, m_end, reasons = merged[-1]
            merged[-1] = (m_start, max(m_end, end), reasons)
        else:
            reasons = []
            merged.append((start, end, reasons))
        if reason and reason not in reasons:
            reasons.append(reason)
    pieces: list[tuple[str, str | None]] = []
    pos = 0
    for start, end, reasons in merged:
        if start > pos:
            pieces.append((text[pos:start], None))
        pieces.append((text[start:end], "; ".join(reasons) or "evidence"))
        pos = end
    if pos < len(text):
        pieces.append((text[pos:], None))
    return pieces


@dataclass
class ChecklistItem:
    """One line of the remediation checklist: a category on a platform, and its findings."""

    category: str
    platform: str
    severity: Severity
    findings: list[Finding] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        """A stable HTML id for this item."""
        return f"fix-{self.category}-{self.platform}"

    @property
    def remediation(self) -> Remediation:
        """The guidance of the most severe finding in the group (they share category and platform)."""
        return self.findings[0].remediation

    @cached_property
    def count(self) -> int:
        """How many items (records) the line covers: a check-in listed as post and place counts once (worked
        out once, when :func:`checklist` has grouped every finding)."""
        from reports.cards import group_by_record

        return len(group_by_record(self.findings))


def checklist(findings: Sequence[Finding]) -> list[ChecklistItem]:
    """Open findings grouped by (category, platform), most severe group first."""
    groups: dict[tuple[str, str], ChecklistItem] = {}
    for f in sort_findings(findings):
        key = (str(f.category), f.platform)
        if key not in groups:
            groups[key] = ChecklistItem(str(f.category), f.platform, f.severity)
        groups[key].findings.append(f)
    return sorted(groups.values(), key=lambda g: (g.severity.rank, -g.count, g.category, g.platform))


@dataclass(frozen=True)
class Bar:
    """One bar of a chart: label, value, and the value's share of the largest bar (0–1)."""

    label: str
    value: int
    share: float
    key: str = ""


def bars(counts: dict[str, int], labels: dict[str, str] | None = None, *, keep_order: bool = False) -> list[Bar]:
    """Chart bars for ``counts`` scaled to the largest value: largest first without zeros, or as given."""
    items = [(k, v) for k, v in counts.items() if v > 0 or keep_order]
    if not keep_order:
        items.sort(key=lambda kv: (-kv[1], kv[0]))
    top = max((v for _, v in items), default=0)
    return [Bar((labels or {}).get(k, k), v, (v / top) if top else 0.0, k) for k, v in items]


def by_platform(findings: Iterable[Finding]) -> dict[str, int]:
    """Findings per platform."""
    return dict(Counter(f.platform for f in findings))


def work_posts_per_year(findings: Iterable[Finding]) -> dict[str, int]:
    """Work-related posts per year of the post (every year between the first and last, in order)."""
    years = Counter(
        f.record.timestamp.year
        for f in findings
        if f.category == Category.WORK_RELATED_POST and f.record.timestamp is not None
    )
    if not years:
        return {}
    return {str(y): years.get(y, 0) for y in range(min(years), max(years) + 1)}


def severity_counts(findings: Iterable[Finding]) -> dict[str, int]:
    """Findings per severity, every severity present, most urgent first."""
    counts = Counter(f.severity for f in findings)
    return {s.value: counts.get(s, 0) for s in Severity}


def reviewed(result: ScanResult) -> list[Finding]:
    """Findings already triaged (any status but open), most severe first."""
    return list(sort_findings(f for f in result.findings if f.status != "open"))
