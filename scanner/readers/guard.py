"""Shared defences for readers against files whose content is not shaped as expected.

A data file at a known path may still hold something else: a list where an object was expected, a
number where a string was, a timestamp of ``1e308``, JSON nested a hundred thousand levels deep. The
rules every reader follows:

* a *file* that cannot be read at all is skipped with :func:`shape_reason` (one line, no content);
* an *entry* of a file that otherwise parses is left out on its own: :class:`EntryTally` builds
  records entry by entry, counts the entries that fail and adds one note per file, so one bad record
  never hides the rest of its file;
* every file whose records are handed on is read through the one runner, :func:`read_file`, which tells shape
  errors from bugs.

**Shape errors and bugs.** A reader either checks a shape itself and raises :class:`ShapeError` (with its own
wording), or lets Python's own error on a wrong value surface (``None.get``, ``"a" + 1``, ``int("x")``). Those are
shape errors only when they are about a *value* of the file: :func:`is_shape_error` accepts ``KeyError``,
``IndexError``, ``ValueError``, ``OverflowError``, ``RecursionError`` and ``UnicodeError``, and a ``TypeError`` /
``AttributeError`` that names only types of parsed values (JSON, CSV, CBOR, HTML nodes: ``'NoneType' object has no
attribute 'get'``, ``unsupported operand type(s) for +: 'int' and 'str'``). A ``TypeError`` / ``AttributeError``
about one of our own objects (``'Post' object has no attribute …``), a call that does not fit its function (``got
an unexpected keyword argument``, ``missing 1 required positional argument``, ``is not callable``) and every other
exception (``NameError``, ``AssertionError`` …) are bugs: entry-level handlers re-raise them (:func:`raise_bug`)
and :func:`read_file` reports the file as not read because of an *internal error*, naming the exception and where
it was raised, with the traceback in the ``--debug`` log. An error on a ``None`` our own code produced looks like
one on a ``null`` of the file and is still taken for a shape error: explicit checks (``ShapeError``) are the way to
be sure.
"""

from __future__ import annotations

import logging
import re
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import PurePath
from typing import IO, Any, TypeVar

import ijson

from scanner.archive import Member, MemberError
from scanner.readers.base import ReadContext

log = logging.getLogger(__name__)

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


class ShapeError(ValueError):
    """Content whose shape a reader checked and found wrong (a file or an entry). Its message is written by
    the reader (never file content), so it may be shown to the user."""


class JsonTooDeep(ShapeError):
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
    """``entry`` when it is a non-empty object; :class:`ShapeError` (a left-out, counted entry) for ``null``, ``{}``
    or a bare value where an entry belongs."""
    if not isinstance(entry, dict) or not entry:
        raise ShapeError("not an entry")
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
        except SHAPE_ERRORS as exc:
            raise_bug(exc)
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
            except SHAPE_ERRORS as exc:
                raise_bug(exc)
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
                self.ctx.note(
                    f"{_entries(count)} in {name} could not be read ({why}) and "
                    f"{'was' if count == 1 else 'were'} left out; {rest}"
                )
        if self.empty:
            self.ctx.note(
                f"{_entries(self.empty)} in {name} held nothing to check (no text, names, place or "
                f"setting) and {'was' if self.empty == 1 else 'were'} passed over; {rest}"
            )


def _entries(count: int) -> str:
    return "1 entry" if count == 1 else f"{count:,} entries"


# ------------------------------------------------------------------------------------ shape errors vs bugs
_VALUE_TYPES = frozenset({
    "NoneType", "bool", "int", "float", "str", "bytes", "list", "dict", "tuple", "Decimal",  # JSON, CSV, CBOR
    "BeautifulSoup", "Tag", "NavigableString", "Comment", "Doctype", "CData", "ResultSet",  # parsed HTML
})  # fmt: skip
"""Types of the values a parsed file is made of: an error about one of them is about the file's shape."""
_QUOTED = re.compile(r"""['"](\w+)['"]""")
_CALL_BUG = re.compile(
    r"\(\) (?:got an unexpected keyword|got multiple values|missing \d+ required|takes (?:\d+|from|no) )"
    r"|object is not callable|^module |^type object "
)
_DATA_ERRORS = (ShapeError, KeyError, IndexError, ValueError, OverflowError, RecursionError)
INTERNAL_ERRORS = "internal_errors"
"""The statistic counting files not read because of a bug in a reader."""


def is_shape_error(exc: BaseException) -> bool:
    """True when ``exc`` says the content had a shape the reader did not expect; False for a reader bug (see
    the module docstring)."""
    if isinstance(exc, _DATA_ERRORS):
        return True
    if not isinstance(exc, TypeError | AttributeError):
        return False
    message = str(exc)
    if _CALL_BUG.search(message):
        return False
    return all(name in _VALUE_TYPES for name in _quoted_types(exc, message))


def _quoted_types(exc: BaseException, message: str) -> list[str]:
    """The type names an error message quotes (an AttributeError's attribute name is not one)."""
    if isinstance(exc, AttributeError):
        head = message.split(" has no attribute ", 1)[0]
        return _QUOTED.findall(head) or ["?"]
    return _QUOTED.findall(message)


def raise_bug(exc: BaseException) -> None:
    """Re-raise ``exc`` when it is a bug rather than a shape error (call first in an ``except SHAPE_ERRORS``)."""
    if not is_shape_error(exc):
        raise exc


def internal_reason(exc: BaseException) -> str:
    """The skip reason for a file a reader bug stopped: the exception's type and where it was raised."""
    where = ""
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        parts = PurePath(frame.filename).parts
        if "scanner" in parts:
            where = f" at {'/'.join(parts[parts.index('scanner') :])}:{frame.lineno}"
            break
    return (
        f"could not be read because of an internal error in boundary-audit ({type(exc).__name__}{where}); "
        "please report it (--debug shows the details)"
    )


@dataclass(frozen=True)
class Wording:
    """How a reader words the two skip reasons it writes itself; ``{reason}`` is the archive's or the
    reader's one-line reason."""

    unreadable: str = "{reason}"
    """A :class:`~scanner.archive.MemberError` (missing, corrupt, too big)."""
    shape: str = "{reason}"
    """A :class:`ShapeError` raised for the whole file."""


def read_file(
    ctx: ReadContext,
    member: Member,
    work: Callable[[EntryTally], Iterable[R]],
    wording: Wording = Wording(),
    *,
    whole: bool = False,
) -> Iterator[R]:
    """The one guarded file-runner: ``work(tally)``'s records, with the file's entry tally.

    A file that cannot be read (:class:`~scanner.archive.MemberError`), has the wrong shape (:class:`ShapeError`
    or another shape error) or meets a reader bug is skipped with its reason and reading goes on. Records
    already handed on stay (``whole=True``: none is handed on before the whole file was read). The tally's notes
    are added when records may have been handed on, and the file is marked as read when it was.
    """
    tally = EntryTally(ctx, member)
    try:
        if whole:
            records = list(work(tally))
        else:
            yield from work(tally)
    except MemberError as exc:
        ctx.skip(member, wording.unreadable.format(reason=exc.reason))
    except ShapeError as exc:
        ctx.skip(member, NESTED_TOO_DEEPLY if isinstance(exc, JsonTooDeep) else wording.shape.format(reason=exc))
    except Exception as exc:
        skip_file(ctx, member, exc)
    else:
        tally.close()
        ctx.understood(member)
        if whole:
            yield from records
        return
    if not whole:
        tally.close()


def skip_file(ctx: ReadContext, member: Member, exc: Exception) -> None:
    """Skip ``member`` for ``exc``: a shape error with :func:`shape_reason`, a bug with :func:`report_bug`."""
    if is_shape_error(exc):
        ctx.skip(member, shape_reason(exc))
    else:
        report_bug(ctx, member, exc)


def report_bug(ctx: ReadContext, member: Member | str, exc: BaseException) -> None:
    """Skip ``member`` as not read because of a reader bug (counted; the traceback in the ``--debug`` log)."""
    name = member.display if isinstance(member, Member) else member
    log.debug("reader bug while reading %s", name, exc_info=exc)
    ctx.count(INTERNAL_ERRORS)
    ctx.skip(member, internal_reason(exc))
