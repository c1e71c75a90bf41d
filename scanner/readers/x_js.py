"""X archive data files: ``window.YTD.<name>.partN = [...]`` (and the classic ``Grailbird…`` / ``var x =``).

Every X data file is one JavaScript assignment whose right-hand side is JSON. The robust parse takes the
text after the first ``=``. Small files are parsed with ``json.loads``; a file bigger than
:data:`STREAM_THRESHOLD` is streamed item by item with ijson so a 500 MB ``tweets.js`` never needs its
whole parsed tree in memory.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import IO, Any

import ijson

from scanner.archive import Archive, Member, MiB, json_too_deep
from scanner.readers.guard import JsonTooDeep, stream_json_items

STREAM_THRESHOLD = 50 * MiB
"""Members larger than this are streamed with ijson instead of ``json.loads``."""

_GLOBAL_RE = re.compile(rb"^\s*window\.YTD\.([A-Za-z0-9_]+)\.part\d+\s*=")
_TRAILING = ("trailing garbage", "Additional data")
_FIX_HINT = "download the archive again (the file may be truncated or edited)"
_TOO_DEEP = "is nested too deeply to be a real X archive file; it was not read"


class JsDataError(Exception):
    """A data file that is not a readable X assignment. ``reason`` is one line for the user."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


def read_head(archive: Archive, member: Member, size: int = 256) -> bytes:
    """The first ``size`` bytes of a member (BOM removed); empty when it cannot be read."""
    try:
        with archive.open(member) as fh:
            head = fh.read(size)
    except Exception:  # sniffing must never fail detection
        return b""
    return head.removeprefix(b"\xef\xbb\xbf")


def ytd_global(head: bytes) -> str | None:
    """The ``<name>`` of ``window.YTD.<name>.partN =`` at the start of a file, else ``None``."""
    match = _GLOBAL_RE.match(head)
    return match.group(1).decode("ascii") if match else None


def load_js(archive: Archive, member: Member) -> Any:
    """The JSON value assigned in a data file (raises :class:`JsDataError` / ``MemberError``)."""
    text = archive.read_text(member)
    body = _body(text)
    if not body:
        raise JsDataError("holds no data after the '=' assignment; " + _FIX_HINT)
    try:
        value = json.loads(body)
    except json.JSONDecodeError as exc:
        reason = f"is not valid X archive data (line {exc.lineno}: {exc.msg}); {_FIX_HINT}"
        raise JsDataError(reason) from None
    except RecursionError:
        raise JsDataError(_TOO_DEEP) from None
    if json_too_deep(value, archive.limits.max_json_depth):
        raise JsDataError(_TOO_DEEP)
    return value


def iter_js_items(archive: Archive, member: Member) -> Iterator[Any]:
    """Yield the items of the array a data file assigns; streamed when the member is large."""
    if member.size > STREAM_THRESHOLD:
        yield from _stream_items(archive, member)
        return
    value = load_js(archive, member)
    if not isinstance(value, list):
        raise JsDataError("does not hold a list of items as X archive data files do; " + _FIX_HINT)
    yield from value


def _body(text: str) -> str:
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped.startswith(("[", "{")):
        body = stripped  # a file whose wrapper was already removed
    else:
        index = stripped.find("=")
        if index < 0:
            raise JsDataError("has no 'name = data' assignment, so it is not an X archive data file")
        body = stripped[index + 1 :]
    return body.strip().rstrip(";").strip()


class _Rest:
    """A file-like object: ``first`` bytes, then the rest of ``raw``."""

    def __init__(self, first: bytes, raw: IO[bytes]) -> None:
        self.first = first
        self.raw = raw

    def read(self, size: int = -1) -> bytes:
        if self.first:
            if size < 0 or size >= len(self.first):
                out, self.first = self.first, b""
                return out + (self.raw.read(size - len(out)) if size > 0 else b"")
            out, self.first = self.first[:size], self.first[size:]
            return out
        return self.raw.read(size)


def _stream_items(archive: Archive, member: Member) -> Iterator[Any]:
    count = 0
    with archive.open(member) as raw:
        head = raw.read(64 * 1024).removeprefix(b"\xef\xbb\xbf")
        stripped = head.lstrip()
        if stripped.startswith(b"["):
            rest = stripped
        else:
            index = head.find(b"=")
            if index < 0:
                raise JsDataError("has no 'name = data' assignment, so it is not an X archive data file")
            rest = head[index + 1 :]
        try:
            for item in stream_json_items(_Rest(rest, raw), "item", archive.limits.max_json_depth):
                count += 1
                yield item
        except JsonTooDeep:
            raise JsDataError(f"{_TOO_DEEP} (after item {count})") from None
        except ijson.JSONError as exc:
            if any(word in str(exc) for word in _TRAILING):
                return  # the array was complete; only a trailing ';' or similar followed
            detail = str(exc).splitlines()[0][:80] if str(exc) else "invalid JSON"
            reason = f"is not valid X archive data after item {count} ({detail}); {_FIX_HINT}"
            raise JsDataError(reason) from None
