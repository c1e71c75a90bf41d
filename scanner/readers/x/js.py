"""X archive data files: ``window.YTD.<name>.partN = [...]`` (and the classic ``Grailbird…`` / ``var x =``).

Every X data file is one JavaScript assignment whose right-hand side is JSON, almost always an array. The
robust parse takes the text after the first ``=``.

Arrays are read item by item: the member is decoded 1 MiB at a time and each item is parsed with
``json.JSONDecoder.raw_decode`` -- the C scanner ``json.loads`` uses, so the values are the same -- and handed
on at once. Neither the whole text (a 100 MB part with one emoji is a 400 MB Python string) nor the whole
parsed tree is ever held, and no tree ever grows big enough to make the garbage collector walk it again and
again: reading this way costs less than one ``json.loads`` of the file. The depth limit costs almost
nothing: an item with fewer ``[`` / ``{`` characters than the limit cannot nest deeper than it, so only
items with that many are walked.

Two ways to use it, by size (:data:`STREAM_THRESHOLD`):

* up to it, :func:`strict_items` gives exactly what ``json.loads`` of the whole file gives
  (:func:`plain_items`, as always), or raises :class:`NotPlain` on anything at all that the plain path might
  read differently (not UTF-8, a JSON error, anything after the array, an item too deep); the caller then
  drops what it got and uses :func:`plain_items`, which reads the file or gives the reason it always gave;
* above it, :func:`iter_js_items` yields items as they come and stops at the first problem with a reason
  naming the item.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from typing import IO, Any

from scanner.archive import Archive, Member, MemberError, MiB, json_too_deep

STREAM_THRESHOLD = 50 * MiB
"""Members larger than this yield their items as they are parsed; smaller ones are parsed whole first."""

_CHUNK = MiB  # bytes decoded at a time
_HEAD = 64 * 1024  # the ``=`` of ``name = [`` must come within this many characters
_TRUNCATION_SLACK = 32  # a parse error this close to the end of the buffer may just need more text
_GLOBAL_RE = re.compile(rb"^\s*window\.YTD\.([A-Za-z0-9_]+)\.part\d+\s*=")
_JSON_SPACE = re.compile(r"[ \t\n\r]*")
_SEPARATOR = re.compile(r"[ \t\n\r]*,[ \t\n\r]*")
_ANY_SPACE = re.compile(r"\s*")
_LEADING = re.compile("[\ufeff \t\r\n]*")
_DECODE = json.JSONDecoder().raw_decode
_FIX_HINT = "download the archive again (the file may be truncated or edited)"
_TOO_DEEP = "is nested too deeply to be a real X archive file; it was not read"
_NOT_A_LIST = "does not hold a list of items as X archive data files do; " + _FIX_HINT


class JsDataError(Exception):
    """A data file that is not a readable X assignment. ``reason`` is one line for the user."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


class _Broken(Exception):
    """The array cannot be read on from here; ``detail`` names the JSON problem (never content)."""

    def __init__(self, detail: str) -> None:
        self.detail = detail
        super().__init__(detail)


class _TooDeep(Exception):
    """An item nests deeper than the limit."""


class _NotAList(Exception):
    """The assigned value is not an array."""


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
    """Yield the items of the array a data file assigns (raises :class:`JsDataError` / ``MemberError``).

    A file up to :data:`STREAM_THRESHOLD` is read whole before its first item is yielded, so a broken one
    yields none; a bigger one yields its items as they are parsed and raises at the first problem.
    """
    if member.size > STREAM_THRESHOLD:
        yield from _stream_items(archive, member)
        return
    try:
        items = list(strict_items(archive, member))
    except NotPlain:
        items = plain_items(archive, member)
    yield from items


class NotPlain(Exception):
    """:func:`strict_items` met something :func:`plain_items` might read differently (or not at all)."""


def strict_items(archive: Archive, member: Member) -> Iterator[Any]:
    """The items of a data file as they are parsed, for files the plain path reads (up to
    :data:`STREAM_THRESHOLD`).

    Yields exactly the items ``plain_items`` gives, or raises :class:`NotPlain` on anything it might read
    differently: text that is not strict UTF-8 (the plain path falls back to UTF-16 or Windows-1252), any
    JSON error, data after the array other than spaces and ``;``, an item nested too deeply, a read error.
    A caller that raises on ``NotPlain`` must drop what it got and use ``plain_items``, which then returns
    the same items or raises with the reason the file always got.
    """
    try:
        with archive.open(member) as raw:
            text = _Text(raw, "strict")  # decode_text falls back to Windows-1252; the plain path does that
            _open_array(text)
            yield from _items(text, archive.limits.max_json_depth)
            tail = text.rest().rstrip().rstrip(";").rstrip()
        if tail.strip(" \t\n\r"):
            raise _Broken("Extra data")
    except (_Broken, _TooDeep, _NotAList, JsDataError, ValueError, MemberError, RecursionError):
        raise NotPlain from None


def plain_items(archive: Archive, member: Member) -> list[Any]:
    """The items as ``json.loads`` of the whole file reads them (raises :class:`JsDataError` /
    ``MemberError``): the reference for :func:`strict_items`, and its fallback."""
    value = load_js(archive, member)
    if not isinstance(value, list):
        raise JsDataError(_NOT_A_LIST)
    return value


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


# ----------------------------------------------------------------------------- the item reader
def _stream_items(archive: Archive, member: Member) -> Iterator[Any]:
    count = 0
    with archive.open(member) as raw:
        try:
            text = _Text(raw, "replace")  # a stray bad byte costs one character, not the rest of the file
            _open_array(text)
            for item in _items(text, archive.limits.max_json_depth):
                count += 1
                yield item
        except _TooDeep:
            raise JsDataError(f"{_TOO_DEEP} (after item {count})") from None
        except _NotAList:
            raise JsDataError(_NOT_A_LIST) from None
        except (_Broken, UnicodeError) as exc:
            detail = exc.detail if isinstance(exc, _Broken) else "not UTF-8 text"
            raise JsDataError(f"is not valid X archive data after item {count} ({detail}); {_FIX_HINT}") from None
        while raw.read(_CHUNK):  # whatever follows the array (a ';') is not read, only consumed
            pass


class _Text:
    """The decoded text of a member, read on demand: ``buf[pos:]`` has not been parsed yet.

    UTF-8, a leading BOM removed; ``errors`` as for ``bytes.decode``. UTF-16 without a BOM is refused (it
    would read as text with NULs).
    """

    def __init__(self, raw: IO[bytes], errors: str) -> None:
        self.raw = raw
        self.decoder = codecs.getincrementaldecoder("utf-8")(errors)
        self.eof = False
        first = raw.read(_CHUNK)
        if first.startswith(codecs.BOM_UTF8):
            first = first[3:]
        elif first.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            raise UnicodeError("UTF-16")
        elif len(first) >= 4 and (
            (first[1] == 0 and first[3] == 0 and first[0] != 0) or (first[0] == 0 and first[2] == 0 and first[1] != 0)
        ):
            raise UnicodeError("UTF-16 without a byte-order mark")
        self.buf = self._decode(first)
        self.pos = 0

    def _decode(self, data: bytes) -> str:
        self.eof = not data
        return self.decoder.decode(data, final=self.eof)

    def more(self, at_least: int = 1) -> None:
        """Drop the parsed text and append at least ``at_least`` more characters (fewer at the end)."""
        kept = [self.buf[self.pos :]]
        while at_least > 0 and not self.eof:
            text = self._decode(self.raw.read(max(_CHUNK, min(at_least, 1 << 30))))
            kept.append(text)
            at_least -= len(text)
        self.buf = "".join(kept)
        self.pos = 0

    def skip(self, space: re.Pattern[str]) -> bool:
        """Move past ``space``, reading on as needed; False at the end of the text."""
        while True:
            self.pos = space.match(self.buf, self.pos).end()  # type: ignore[union-attr]  # ``*`` always matches
            if self.pos < len(self.buf):
                return True
            if self.eof:
                return False
            self.more()

    def rest(self) -> str:
        """Everything not parsed yet, to the end of the member."""
        while not self.eof:
            self.more(_CHUNK)
        return self.buf[self.pos :]


def _open_array(text: _Text) -> None:
    """Move past the ``name =`` assignment and the array's ``[`` (the text :func:`_body` would keep)."""
    if not text.skip(_LEADING) or text.buf[text.pos] not in "[{":
        while (index := text.buf.find("=", text.pos)) < 0:
            if text.eof or len(text.buf) - text.pos >= _HEAD:
                raise JsDataError("has no 'name = data' assignment, so it is not an X archive data file")
            text.more(_HEAD)
        text.pos = index + 1
        if not text.skip(_ANY_SPACE):
            raise _Broken("holds no data after the '=' assignment")
    if text.buf[text.pos] != "[":
        raise _NotAList
    text.pos += 1


def _items(text: _Text, max_depth: int) -> Iterator[Any]:
    """The items of the array whose ``[`` ``text`` has just passed; returns after its ``]``.

    Between items only JSON whitespace and one ``,`` are allowed, as ``json.loads`` allows.
    """
    ends_early = "the file ends before the list of items is closed"
    separator = _SEPARATOR.match
    if not text.skip(_JSON_SPACE):
        raise _Broken(ends_early)
    if text.buf[text.pos] == "]":
        text.pos += 1
        return
    buf, pos = text.buf, text.pos
    while True:  # buf[pos] starts an item
        try:
            item, end = _DECODE(buf, pos)
        except json.JSONDecodeError as exc:
            unterminated = exc.msg.startswith("Unterminated string")
            if text.eof and (unterminated or exc.pos >= len(buf)):
                raise _Broken("the file ends in the middle of an item") from None
            if text.eof or not (unterminated or exc.pos >= len(buf) - _TRUNCATION_SLACK):
                raise _Broken(exc.msg) from None
            text.pos = pos
            text.more(len(buf) - pos)  # the item goes on in the next chunk: read on (doubling for big items)
            buf, pos = text.buf, 0
            continue
        except RecursionError:
            raise _TooDeep from None
        if end == len(buf) and not text.eof:  # a number could go on in the next chunk
            text.pos = pos
            text.more(len(buf) - pos)
            buf, pos = text.buf, 0
            continue
        if buf.count("[", pos, end) + buf.count("{", pos, end) >= max_depth and json_too_deep([item], max_depth):
            raise _TooDeep  # an item with fewer brackets than the limit cannot nest deeper than it
        yield item
        found = separator(buf, end)
        if found is not None and found.end() < len(buf):
            pos = found.end()
            continue
        text.pos = end  # the end of the list, or a separator that goes on in the next chunk
        if not text.skip(_JSON_SPACE):
            raise _Broken(ends_early)
        char = text.buf[text.pos]
        if char == "]":
            text.pos += 1
            return
        if char != ",":
            raise _Broken("Expecting ',' delimiter")
        text.pos += 1
        if not text.skip(_JSON_SPACE):
            raise _Broken(ends_early)
        buf, pos = text.buf, text.pos
