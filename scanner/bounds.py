"""Bounds on the strings of a record, applied once as records leave a reader (before any check sees them).

Two guards that hold for every reader at once:

* **Lone surrogates** (a JSON ``"\\ud83d"`` escape with no partner) are replaced by U+FFFD, so one bad
  character can never make a report unwritable;
* **One field cannot cost gigabytes**: names, handles, titles and every other short field are cut to
  :data:`MAX_SHORT` characters, texts (posts, comments, messages, bios) to :data:`MAX_TEXT`; what is cut
  ends with ``…`` and the pipeline adds one note per source saying how many fields were cut.

No real export comes near these limits (Facebook allows 63,206 characters in a post, X 25,000, a name is a
few dozen), so they change nothing in real archives.
"""

from __future__ import annotations

import re
from dataclasses import fields, is_dataclass, replace
from enum import Enum
from typing import Any, TypeVar

from scanner.records import Thread

MAX_SHORT = 1_000
"""Characters kept of a name, handle, title, place, URL or any other short field."""

MAX_TEXT = 100_000
"""Characters kept of one text (a post, a comment, one message, a bio)."""

MAX_THREAD_TEXT = 10_000_000
"""Characters of message text kept in one thread (checked as one text): later messages keep their sender and
time, not their text. Years of daily messages stay far below it."""

_TEXT_FIELDS = frozenset({"text", "bio", "target_text"})
_SURROGATE = re.compile("[\ud800-\udfff]")
ELLIPSIS = "…"

T = TypeVar("T")


def clean_text(value: str, limit: int = MAX_SHORT) -> str:
    """``value`` with lone surrogates replaced and cut to ``limit`` characters (``…`` marks a cut)."""
    if not value.isascii() and _SURROGATE.search(value):
        value = _SURROGATE.sub("\ufffd", value)
    if len(value) > limit:
        value = value[: limit - 1] + ELLIPSIS
    return value


def clean_optional(value: str | None, limit: int = MAX_SHORT) -> str | None:
    """:func:`clean_text` for an optional string."""
    return None if value is None else clean_text(value, limit)


class _Cut:
    """Counts the fields cut while one record is bounded."""

    def __init__(self) -> None:
        self.count = 0

    def text(self, value: str, limit: int) -> str:
        out = clean_text(value, limit)
        if len(out) < len(value):
            self.count += 1
        return out

    def value(self, value: Any, limit: int) -> Any:
        if isinstance(value, Enum):
            return value
        if isinstance(value, str):
            return self.text(value, limit)
        if isinstance(value, tuple):
            items = tuple(self.value(v, limit) for v in value)
            return value if all(a is b for a, b in zip(items, value, strict=True)) else items
        if is_dataclass(value) and not isinstance(value, type):
            return self.dataclass(value)
        return value

    def dataclass(self, obj: T) -> T:
        changes: dict[str, Any] = {}
        for name, limit in _plan(type(obj)):
            old = getattr(obj, name)
            new = self.value(old, limit)
            if new is not old:
                changes[name] = new
        return replace(obj, **changes) if changes else obj  # type: ignore[type-var]


_PLANS: dict[type, tuple[tuple[str, int], ...]] = {}


def _plan(cls: type) -> tuple[tuple[str, int], ...]:
    """The fields of a record class that can hold text, with the limit of each (worked out once per class)."""
    plan = _PLANS.get(cls)
    if plan is None:
        plan = _PLANS[cls] = tuple(
            (f.name, MAX_TEXT if f.name in _TEXT_FIELDS else MAX_SHORT)
            for f in (fields(cls) if is_dataclass(cls) else ())
            if f.init and any(word in str(f.type) for word in ("str", "Person", "Message", "WorkEntry"))
        )
    return plan


def _bad(value: str, limit: int) -> bool:
    return len(value) > limit or (not value.isascii() and _SURROGATE.search(value) is not None)


def _clean(obj: Any) -> bool:
    """Whether no string in ``obj`` (a record, or a value inside one) needs bounding: the fast common path."""
    for name, limit in _plan(type(obj)):
        value = getattr(obj, name)
        if value is None or value.__class__ is bool:
            continue
        if isinstance(value, str):
            if _bad(value, limit):
                return False
        elif isinstance(value, tuple):
            for item in value:
                if _bad(item, limit) if isinstance(item, str) else not _clean(item):
                    return False
        elif not _clean(value):
            return False
    return True


def bound_record(record: T) -> tuple[T, int]:
    """``record`` with every string field bounded (see the module docstring), and how many fields were cut.

    The same object comes back when nothing needed changing: the common case is one pass of length checks.
    """
    if _clean(record) and not _long_thread(record):
        return record, 0
    cut = _Cut()
    bounded = cut.dataclass(record)
    if isinstance(bounded, Thread) and _long_thread(bounded):
        room, messages = MAX_THREAD_TEXT, []
        for message in bounded.messages:
            if len(message.text) > room:
                message = replace(message, text=message.text[:room])
                cut.count += 1
            room -= len(message.text)
            messages.append(message)
        bounded = replace(bounded, messages=tuple(messages))
    return bounded, cut.count


def _long_thread(record: object) -> bool:
    return isinstance(record, Thread) and sum(len(m.text) for m in record.messages) > MAX_THREAD_TEXT


def cut_note(count: int) -> str:
    """The source note for ``count`` fields cut by :func:`bound_record`."""
    what = "1 field" if count == 1 else f"{count:,} fields"
    return (
        f"{what} longer than any real export holds (names, handles and titles over {MAX_SHORT:,} characters, "
        f"texts over {MAX_TEXT:,}, a thread's messages over {MAX_THREAD_TEXT:,} in all) "
        f"{'was' if count == 1 else 'were'} cut to that length before checking."
    )
