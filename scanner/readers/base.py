"""The interface every platform reader implements, and the context it reports through.

A reader is a small class with a ``platform`` name and two methods:

* ``detect(archive)`` looks only at member *paths* (and at most a few bytes) and returns a
  :class:`Detection` (generation, format, how sure) or ``None`` when the archive is not this platform's;
* ``read(archive, detection, ctx)`` yields normalized records. A file it cannot read is reported with
  ``ctx.skip(member, reason)`` and reading goes on; what the export cannot tell (e.g. Facebook has no
  per-post audience) goes in ``ctx.note(...)``; the account owner's name and handle in ``ctx.account``.
  ``ctx.understood(member)`` marks a member as read, so ``inspect`` can list the files nobody read.

Each platform is a sub-package (``readers/x/``, ``readers/facebook/`` …) whose ``reader`` module holds the
reading pass. Two conventions hold for all of them:

* **one guarded file-runner**: every file whose records a reader hands on is read through
  :func:`scanner.readers.guard.read_file`, which skips a file that cannot be read or has the wrong shape with
  its reason, reports a reader bug as an internal error naming the file, closes the file's entry tally and
  marks the file as read. Files that only inform the pass (X's manifest and account files, Facebook's time
  zone, LinkedIn's profile parts) are read directly, their errors told apart the same way
  (:func:`~scanner.readers.guard.raise_bug`, :func:`~scanner.readers.guard.skip_file`);
* **route tables**: what a file (or a record) *is* maps to the function that reads it in one module-level
  table -- Facebook's ``json_files.PARSERS`` / ``html_pages.PARSERS``, Instagram's ``reader.ROUTES``,
  LinkedIn's ``reader.ROUTES`` (in reading order), Bluesky's ``reader.ROUTES`` (by collection) -- so a new kind
  of file is one entry, not a branch. X reads its data types in a fixed dependency order instead (the owner and
  the tweets before the people they resolve), and Mastodon its four fixed files.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Protocol

from scanner.archive import Archive, Member
from scanner.records import AnyRecord, stable_id


@dataclass(frozen=True)
class Detection:
    """What an archive is: ``platform``, layout ``generation`` (e.g. ``x-v2``, ``facebook-2024``),
    ``format`` (``json``, ``html``, ``csv``, ``js``) and a score used to pick among readers."""

    platform: str
    generation: str
    format: str
    score: float = 1.0
    evidence: str = ""


@dataclass
class Account:
    """The archive owner, as far as the archive tells."""

    name: str | None = None
    handle: str | None = None
    account_id: str | None = None
    timezone: str | None = None  # an IANA name ("Europe/Dublin") the account's settings give


@dataclass
class Skipped:
    """A file that could not be read, and why (one line, no content from the file)."""

    path: str
    reason: str


REPEATED = "repeated_entries"
"""The statistic counting entries a reader dropped as exact repeats of another (same id)."""


def repeated_note(count: int) -> str:
    """The source note for ``count`` entries read once because they repeated another entry exactly."""
    what = "1 entry was an exact repeat" if count == 1 else f"{count:,} entries were exact repeats"
    return (
        f"{what} of another (same kind, time, people and text, as in overlapping parts of an export) and "
        f"{'was' if count == 1 else 'were'} counted once."
    )


class Distinct:
    """Hands on each record once per id, counting repeats (:data:`REPEATED`) in a :class:`ReadContext`.

    An id is built from a record's kind, time and content, so a second entry with the same id is the same
    entry seen again (in another part of a multi-part export, say): it is dropped and counted. One exception:
    two entries of the *same file* without a usable time (none, or an impossible one such as -1) may differ
    only by that time; the later one is kept under an id of its own, its place in the file.
    """

    def __init__(self, ctx: ReadContext) -> None:
        self.ctx = ctx
        self.sources: dict[str, str] = {}  # id -> source of the record first handed on with it

    def __call__(self, record: AnyRecord) -> AnyRecord | None:
        """``record`` (possibly under a new id), or ``None`` for a repeat."""
        first = self.sources.get(record.id)
        if first is not None:
            same_file = first.split("#")[0] == record.source.split("#")[0] and first != record.source
            if record.timestamp is not None or not same_file:
                self.ctx.count(REPEATED)
                return None
            record = replace(record, id=stable_id(record.platform, record.kind.value, record.id, record.source))
        self.sources[record.id] = record.source
        return record


@dataclass
class ReadContext:
    """Collects everything a reader says besides records."""

    account: Account = field(default_factory=Account)
    skipped: list[Skipped] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    read_members: set[str] = field(default_factory=set)
    stats: dict[str, int] = field(default_factory=dict)

    def skip(self, member: Member | str, reason: str) -> None:
        """Record that a file could not be read; the scan goes on."""
        path = member.display if isinstance(member, Member) else member
        self.skipped.append(Skipped(path, reason))
        if isinstance(member, Member):
            self.read_members.add(member.path)

    def note(self, text: str) -> None:
        """A plain-language limitation of this export (shown in the report's source notes)."""
        if text not in self.notes:
            self.notes.append(text)

    def understood(self, member: Member) -> None:
        """Mark a member as read by the reader."""
        self.read_members.add(member.path)

    def count(self, key: str, n: int = 1) -> None:
        """Bump a reader statistic (e.g. ``unresolved_account_ids``)."""
        self.stats[key] = self.stats.get(key, 0) + n


class Reader(Protocol):
    """A platform reader (see the module docstring)."""

    platform: str

    def detect(self, archive: Archive) -> Detection | None: ...

    def read(self, archive: Archive, detection: Detection, ctx: ReadContext) -> Iterator[AnyRecord]: ...
