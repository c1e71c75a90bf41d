"""Shared defences for readers against files whose content is not shaped as expected.

A data file at a known path may still hold something else: a list where an object was expected, a
number where a string was, a timestamp of ``1e308``, JSON nested a hundred thousand levels deep. The
rules every reader follows:

* a *file* that cannot be read at all is skipped with :func:`shape_reason` (one line, no content);
* an *entry* of a file that otherwise parses is left out on its own: :class:`EntryTally` builds
  records entry by entry, counts the entries that fail and adds one note per file, so one bad record
  never hides the rest of its file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any, TypeVar

import ijson

from scanner.archive import Member
from scanner.readers.base import ReadContext

T = TypeVar("T")
R = TypeVar("R")

SHAPE_ERRORS: tuple[type[Exception], ...] = (
    AttributeError,
    TypeError,
    KeyError,
    IndexError,
    ValueError,
    OverflowError,
    RecursionError,
)
"""What reading code raises on wrong shapes (object↔list, null, strings for numbers, absurd values)."""

NESTED_TOO_DEEPLY = "is nested too deeply to be a real export file; it was not read"


def shape_reason(exc: BaseException) -> str:
    """The one-line skip reason for a file whose content raised ``exc`` (names the kind, never content)."""
    if isinstance(exc, RecursionError):
        return NESTED_TOO_DEEPLY
    return f"has an unexpected structure ({type(exc).__name__}); it was not read"


class LayoutError(ValueError):
    """A file whose layout is not the expected one. Its message is written by the reader (never file
    content), so it may be shown to the user."""


class JsonTooDeep(ValueError):
    """Streamed JSON that nests deeper than the limit (a real export never does)."""


_OPEN = frozenset(("start_map", "start_array"))
_CLOSE = frozenset(("end_map", "end_array"))
_STREAM_BUFFER = 4096  # ijson handles a whole buffer at once; a small one bounds the cost of a deep file


def _depth_limited(events: Iterator[tuple[str, str, Any]], limit: int) -> Iterator[tuple[str, str, Any]]:
    depth = 0
    for prefix, event, value in events:
        if event in _OPEN:
            depth += 1
            if depth > limit:
                raise JsonTooDeep(f"nested deeper than {limit} levels")
        elif event in _CLOSE:
            depth -= 1
        yield prefix, event, value


def stream_json_items(stream: IO[bytes] | Any, prefix: str, max_depth: int) -> Iterator[Any]:
    """ijson's ``items(stream, prefix)`` with a nesting limit: deep input raises :class:`JsonTooDeep`
    early instead of exhausting memory (ijson's own item builder grows quadratically with depth)."""
    events = ijson.parse(stream, use_float=True, buf_size=_STREAM_BUFFER)
    yield from ijson.items(_depth_limited(events, max_depth), prefix)


def safe_int(value: Any) -> int | None:
    """``int(value)`` for a finite number (or numeric string) of sane size, else ``None``."""
    if isinstance(value, bool):
        return None
    try:
        number = int(float(value)) if isinstance(value, str) else int(value)
    except (TypeError, ValueError, OverflowError):
        return None
    return number if abs(number) < 10**18 else None


def entry_object(entry: Any) -> dict[str, Any]:
    """``entry`` when it is a non-empty object; ``TypeError`` (a left-out, counted entry) for ``null``, ``{}``
    or a bare value where an entry belongs."""
    if not isinstance(entry, dict) or not entry:
        raise TypeError("not an entry")
    return entry


def empty_entries(data: Any) -> int:
    """How many items of a file's list of entries (the root list, or the one list under the root object) are
    ``null`` or bare values among objects: readers drop them before reading entries, so they are counted here."""
    items = data
    if isinstance(data, dict):
        lists = [v for v in data.values() if isinstance(v, list)]
        items = lists[0] if len(lists) == 1 and len(data) == 1 else None
    if not isinstance(items, list) or not any(isinstance(i, dict) for i in items):
        return 0
    return sum(1 for i in items if not isinstance(i, dict))


EMPTY_ENTRIES = "empty_entries"
"""The statistic counting entries that held nothing to check."""


class EntryTally:
    """Builds the records of one file entry by entry; entries that fail are counted, not fatal."""

    def __init__(self, ctx: ReadContext, member: Member | str) -> None:
        self.ctx = ctx
        self.member = member
        self.read = 0
        self.bad = 0
        self.empty = 0
        self.damaged: dict[str, int] = {}

    def build(self, make: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
        """``make(*args)`` (one more entry read); ``None`` (and one more bad entry) when it raises a shape error."""
        try:
            made = make(*args, **kwargs)
        except SHAPE_ERRORS:
            self.failed()
            return None
        self.read += 1
        return made

    def each(self, entries: Iterable[T], make: Callable[[int, T], Iterable[R]]) -> Iterator[R]:
        """Yield ``make(index, entry)``'s records for every entry; an entry that raises is left out and
        counted, and so is one that gives nothing (``{}``, a post without text, names or place)."""
        for index, entry in enumerate(entries):
            try:
                records = list(make(index, entry))
            except SHAPE_ERRORS:
                self.failed()
                continue
            if not records:
                self.passed_over()
                continue
            self.read += 1
            yield from records

    def ok(self) -> None:
        """Count one entry read (for readers that build entries themselves)."""
        self.read += 1

    def failed(self) -> None:
        """Count one entry that could not be read."""
        self.bad += 1
        self.ctx.count("unreadable_entries")

    def passed_over(self) -> None:
        """Count one entry that holds nothing to check (no text, names, place or setting)."""
        self.empty += 1
        self.ctx.count(EMPTY_ENTRIES)

    def lost(self, count: int, why: str = "damaged markup") -> None:
        """Count entries the file holds but that damage hides from the parser (``why`` says what damage)."""
        if count:
            self.damaged[why] = self.damaged.get(why, 0) + count
            self.ctx.count("unreadable_entries", count)

    def close(self) -> None:
        """Add the per-file notes when entries were left out: how many, why, and how many of the file's
        entries were read."""
        name = self.member.display if isinstance(self.member, Member) else self.member
        total = self.read + self.bad + self.empty + sum(self.damaged.values())
        rest = f"the other {self.read:,} of its {total:,} entries were read."
        for why, count in (("unexpected structure", self.bad), *self.damaged.items()):
            if count:
                self.ctx.note(f"{_entries(count)} in {name} could not be read ({why}) and "
                              f"{'was' if count == 1 else 'were'} left out; {rest}")
        if self.empty:
            self.ctx.note(f"{_entries(self.empty)} in {name} held nothing to check (no text, names, place or "
                          f"setting) and {'was' if self.empty == 1 else 'were'} passed over; {rest}")


def _entries(count: int) -> str:
    return "1 entry" if count == 1 else f"{count:,} entries"
