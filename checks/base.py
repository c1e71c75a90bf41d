"""The vocabulary of checks: severities, categories, findings, and the Check base class.

A check is one small class in its own module. It declares its identity as data (``id``, ``category``,
``kinds`` it reads) and its docstring is its user documentation (``boundary-audit list-checks`` prints it).
The pipeline calls :meth:`Check.run` for every record of a declared kind and :meth:`Check.finish` once per
source after the last record, for checks that judge the account as a whole.
"""

from __future__ import annotations

import hashlib
import inspect
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum
from functools import cached_property
from operator import attrgetter
from typing import TYPE_CHECKING, Any, ClassVar

from scanner.records import AnyRecord, Kind

if TYPE_CHECKING:
    from checks.matching import Matcher
    from checks.policy import Policy


class Severity(StrEnum):
    """How urgent a finding is, most urgent first."""

    CRITICAL = "critical"
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for critical … 4 for info (sort key; a dict lookup: every sort of the findings reads it)."""
        return _SEVERITY_RANK[self]

    def at_least(self, other: Severity) -> bool:
        """True when this severity is ``other`` or more urgent."""
        return self.rank <= other.rank

    def lowered(self, steps: int = 1) -> Severity:
        """This severity made ``steps`` levels less urgent (never below info)."""
        order = list(Severity)
        return order[min(self.rank + steps, len(order) - 1)]


_SEVERITY_RANK: dict[Severity, int] = {sev: i for i, sev in enumerate(Severity)}


class Category(StrEnum):
    """The fixed finding categories (DESIGN.md section 4, a contract)."""

    WORK_RELATED_POST = "work-related-post"
    CLIENT_MENTION = "client-mention"
    PHI_IDENTIFIER = "phi-identifier"
    CLIENT_CONNECTION = "client-connection"
    CLIENT_FRIEND_REQUEST = "client-friend-request"
    CLIENT_MESSAGE = "client-message"
    CLIENT_ENGAGEMENT = "client-engagement"
    SENSITIVE_GROUP = "sensitive-group"
    WORKPLACE_LOCATION = "workplace-location"
    PUBLIC_VISIBILITY = "public-visibility"
    PROFILE_EXPOSURE = "profile-exposure"
    ACCOUNT_SECURITY = "account-security"


class Status(StrEnum):
    """A finding's review status (set from the triage file)."""

    OPEN = "open"
    FALSE_POSITIVE = "false-positive"
    ACCEPTED = "accepted"
    FIXED = "fixed"


CLIENT_NAME = "client-name"
"""Evidence tag: a client's name, nickname or handle as written in the text."""
CLIENT_DETAIL = "client-detail"
"""Evidence tag: words of the text that describe a client (age, school, relative, the list's notes)."""


@dataclass(frozen=True)
class Evidence:
    """A span of the record's text (or of a field) and why it counted.

    ``tag`` and ``weight`` are for machines: ``client-name`` (a client's name, nickname or handle) and
    ``client-detail`` (words that describe a client) tell the masker of redacted reports what to hide;
    ``weight`` is what the span added to a score (negative for a context that lowered it), ``None`` when
    it did not add to one. ``reason`` is prose for people.
    """

    start: int
    end: int
    text: str
    reason: str
    tag: str = ""
    weight: float | None = None


@dataclass(frozen=True)
class ClientMatch:
    """A client involved in a finding: id, how they matched and how sure.

    ``name`` is the client-list name, kept for the full report only; writers mask or drop it
    according to the redaction level. ``initials`` are what supervision reports show.
    """

    id: str
    match: str
    score: float
    status: str = "current"
    name: str | None = None
    initials: str = ""


@dataclass(frozen=True)
class RecordRef:
    """The part of a record a report shows."""

    kind: str
    id: str
    timestamp: datetime | None = None
    name: str | None = None
    handle: str | None = None
    source: str = ""
    url: str | None = None
    excerpt: str = ""


@dataclass(frozen=True)
class Remediation:
    """What to do about a finding: a one-line summary, concrete steps, references."""

    summary: str
    steps: tuple[str, ...] = ()
    references: tuple[str, ...] = ()
    script: str | None = None
    supervision_questions: tuple[str, ...] = ()


@dataclass(frozen=True)
class Finding:
    """One problem found in one record (DESIGN.md section 4)."""

    check: str
    category: Category
    severity: Severity
    confidence: float
    title: str
    message: str
    platform: str
    record: RecordRef
    evidence: tuple[Evidence, ...] = ()
    clients: tuple[ClientMatch, ...] = ()
    remediation: Remediation = field(default_factory=lambda: Remediation(summary=""))
    status: Status = Status.OPEN
    note: str | None = None

    @cached_property
    def fingerprint(self) -> str:
        """Identity that survives a re-export: check, platform, record id and client ids only (worked out once:
        every sort of the findings and every report reads it)."""
        ids = ",".join(sorted(c.id for c in self.clients))
        raw = "\x1f".join([self.check, self.platform, self.record.id, ids])
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]

    @cached_property
    def sort_key(self) -> tuple[int, float, str, str, str]:
        """Most severe first, then most confident, then oldest first (worked out once: the writers sort the
        findings several times)."""
        when = self.record.timestamp
        return (self.severity.rank, -self.confidence, self.category, when.isoformat() if when else "", self.fingerprint)

    def with_status(self, status: Status, note: str | None = None) -> Finding:
        """A copy carrying a triage status."""
        return replace(self, status=status, note=note)


@dataclass
class SourceInfo:
    """What a check may know about the archive it is reading."""

    platform: str
    generation: str = ""
    account_name: str | None = None
    account_handle: str | None = None


@dataclass
class CheckContext:
    """Everything a check needs besides the record: policy, the people matcher, the source, caches.

    ``memo`` holds state a check keeps for the whole source, ``tallies`` what the report's notes count;
    :meth:`cached` lets several checks share per-record work (e.g. one text analysis per record) and keeps it
    for the current record only, so memory does not grow with the archive.
    """

    policy: Policy
    matcher: Matcher
    source: SourceInfo
    memo: dict[tuple[str, str], Any] = field(default_factory=dict)
    tallies: Counter[tuple[str, str]] = field(default_factory=Counter)
    """Counts for the source's notes (texts left unchecked, accounts left out), summed over worker processes."""
    scan_memo: dict[str, Any] = field(default_factory=dict)
    """State a check keeps across every source of one scan (one person's archives), read by
    :meth:`Check.finish_scan`; the same dictionary for each source of the scan."""
    _record_key: tuple[str, str] | None = field(default=None, repr=False)
    _record_memo: dict[str, Any] = field(default_factory=dict, repr=False)

    def cached(self, key: str, record: AnyRecord, compute: Callable[[], Any]) -> Any:
        """Compute ``compute()`` once per (key, record); values of earlier records are dropped."""
        current = (record.kind.value, record.id)
        if current != self._record_key:
            self._record_key = current
            self._record_memo = {}
        if key not in self._record_memo:
            self._record_memo[key] = compute()
        return self._record_memo[key]

    def record_values(self, record: AnyRecord) -> dict[str, Any]:
        """What :meth:`cached` holds for ``record`` (nothing when it holds another record's values)."""
        return dict(self._record_memo) if self._record_key == (record.kind.value, record.id) else {}

    def seed(self, record: AnyRecord, values: dict[str, Any]) -> None:
        """Start ``record``'s per-record values with ``values`` (computed for it in another process)."""
        self._record_key = (record.kind.value, record.id)
        self._record_memo = dict(values)


class Check:
    """Base class for checks. Subclasses set the class attributes and override ``run`` and/or ``finish``."""

    id: ClassVar[str]
    category: ClassVar[Category]
    kinds: ClassVar[frozenset[Kind]] = frozenset()
    platforms: ClassVar[frozenset[str] | None] = None  # None = every platform
    ordered: ClassVar[bool] = False
    """True when the state ``run`` keeps in ``ctx.memo`` depends on the order of the records (later records read
    it, or the first one wins): the pipeline then runs the check on every record of a source, in order, in one
    process. Other checks may run on batches of records in worker
    processes, each batch with the caches of its worker; state they keep for ``finish`` travels back through
    :meth:`batch_state` and :meth:`merge_state`."""

    def run(self, record: AnyRecord, ctx: CheckContext) -> Iterable[Finding]:
        """Findings for one record."""
        return ()

    def finish(self, ctx: CheckContext) -> Iterable[Finding]:
        """Findings for the account as a whole, after every record of the source was seen."""
        return ()

    def finish_scan(self, scan_memo: dict[str, Any]) -> Iterable[Finding]:
        """Findings for the person as a whole, after every source of the scan was finished (``scan_memo`` is
        what :meth:`finish` kept in ``ctx.scan_memo``)."""
        return ()

    def batch_state(self, ctx: CheckContext) -> Any:
        """The state this check kept in ``ctx.memo`` for ``finish`` over one batch of records, taken out of it
        (worker side); ``None`` when it keeps none (caches are not state)."""
        return None

    def merge_state(self, ctx: CheckContext, state: Any) -> None:
        """Fold one batch's :meth:`batch_state` into ``ctx.memo`` (main side; batches arrive in record order)."""

    @classmethod
    def describe(cls) -> str:
        """The check's user documentation: its module's docstring, one convention for every check.

        The docstring opens with ``<id>: <what is reported>.`` and goes on, after a blank line, with what
        is read, what is left out and how severity is chosen. Returned without the ``<id>:`` prefix, with
        reStructuredText's double backquotes as single ones.
        """
        module = sys.modules.get(cls.__module__)
        text = inspect.cleandoc((module.__doc__ if module else None) or cls.__doc__ or "")
        summary, _, body = text.partition("\n")
        summary = summary.removeprefix(f"{cls.id}:").strip()
        return (summary[:1].upper() + summary[1:] + "\n" + body).strip().replace("``", "`")


def excerpt(text: str, limit: int = 280) -> str:
    """The text shortened for display, on a word boundary."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut + " …"


def record_ref(record: AnyRecord, *, name: str | None = None, handle: str | None = None, text: str = "") -> RecordRef:
    """A :class:`RecordRef` for ``record`` with an optional display name / handle / excerpt."""
    return RecordRef(
        kind=str(record.kind),
        id=record.id,
        timestamp=record.timestamp,
        name=name,
        handle=handle,
        source=record.source,
        url=record.url,
        excerpt=excerpt(text) if text else "",
    )


_sort_key = attrgetter("sort_key")


def sort_findings(findings: Iterable[Finding]) -> Iterator[Finding]:
    """Most severe first, then most confident, then oldest first (stable, deterministic)."""
    return iter(sorted(findings, key=_sort_key))
