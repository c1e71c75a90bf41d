"""Tolerant reading of CSV exports whose files drift between years.

LinkedIn (and Mastodon's separate exports) write CSV with changing encodings (UTF-8, UTF-16 with a BOM),
delimiters (comma or TAB), a free-text preamble before the header, renamed columns and odd quoting. This
module finds the header row, sniffs the delimiter and maps column names case-, space- and
underscore-insensitively, so a reader can ask for ``"Connected On"`` and get ``"ConnectedOn"`` or
``"connected_on"`` too.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

_HEADER_SEARCH_LINES = 50
_DELIMITERS = (",", "\t", ";")

# Field sizes in real exports (long message threads, article text) exceed csv's default limit.
csv.field_size_limit(64 * 1024 * 1024)


def column_key(name: str) -> str:
    """A column name reduced for comparison: case-folded, without spaces, ``_``, ``-`` or quotes."""
    return re.sub(r"[\s_\-\"'\ufeff]+", "", name.casefold())


def file_key(name: str) -> str:
    """A file name reduced for comparison: no extension, folder, spaces, ``_`` or numeric suffix.

    ``Phone Numbers.csv``, ``PhoneNumbers.csv`` and ``phone_numbers_17529409.csv`` all give
    ``phonenumbers``.
    """
    base = name.rsplit("/", 1)[-1]
    base = re.sub(r"\.csv$", "", base, flags=re.IGNORECASE)
    base = re.sub(r"[\s_\-]*\(?\d{3,}\)?$", "", base)  # Shares_17529409, Shares (1234)
    base = re.sub(r"\s*\(\d+\)$", "", base)  # a browser's "following_accounts (1).csv"
    return column_key(base)


@dataclass(frozen=True)
class Row:
    """One data row; ``index`` counts data rows from 0 (the header and preamble excluded)."""

    index: int
    values: Mapping[str, str]

    def get(self, *names: str) -> str:
        """The first non-empty value among the columns ``names`` (stripped), else ``""``."""
        for name in names:
            value = self.values.get(column_key(name))
            if value and value.strip():
                return value.strip()
        return ""


@dataclass(frozen=True)
class Table:
    """A parsed CSV file: its header as written, the rows, and how it was read."""

    columns: tuple[str, ...]
    rows: tuple[Row, ...]
    delimiter: str = ","
    header_line: int = 0  # 0-based physical line of the header
    swallowed: int = 0  # lines shaped like whole rows found inside one field: a stray quote ate them
    cut_short: bool = False  # the file ends inside its last row (no line end, fewer fields than the header)

    def has(self, *names: str) -> bool:
        """True when any of ``names`` is a column of this file."""
        keys = {column_key(c) for c in self.columns}
        return any(column_key(n) in keys for n in names)

    def missing(self, *groups: str | tuple[str, ...]) -> list[str]:
        """The groups of alternative column names of which the file has none (first name of each)."""
        out = []
        for group in groups:
            names = (group,) if isinstance(group, str) else group
            if not self.has(*names):
                out.append(names[0])
        return out


def sniff_delimiter(line: str) -> str:
    """The delimiter of a header line: whichever of comma, TAB, semicolon occurs most outside quotes."""
    unquoted = re.sub(r'"[^"]*"', "", line)
    counts = {d: unquoted.count(d) for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def _split(line: str, delimiter: str) -> list[str]:
    try:
        return next(csv.reader([line], delimiter=delimiter, strict=False), [])
    except csv.Error:
        return line.split(delimiter)


def find_header(lines: list[str], known: Iterable[str] = ()) -> tuple[int, str]:
    """``(line index, delimiter)`` of the header among the first lines of a file.

    The header is the first line holding a ``known`` column name under some delimiter (so a preamble
    such as LinkedIn's ``Notes:`` paragraph is passed over); without a match, the first non-blank line.
    """
    wanted = {column_key(k) for k in known}
    first_nonblank = -1
    for i, line in enumerate(lines[:_HEADER_SEARCH_LINES]):
        if not line.strip():
            continue
        if first_nonblank < 0:
            first_nonblank = i
        if not wanted:
            break
        for delimiter in (sniff_delimiter(line), *_DELIMITERS):
            if wanted & {column_key(f) for f in _split(line.rstrip("\r"), delimiter)}:
                return i, delimiter
    index = max(first_nonblank, 0)
    return index, sniff_delimiter(lines[index].rstrip("\r")) if lines else ","


def read_table(text: str, known: Iterable[str] = (), header: bool = True) -> Table:
    """Parse ``text`` (already decoded) into a :class:`Table`.

    ``known`` are column names this file may have; they locate the header after any preamble.
    ``header=False`` reads a header-less file (columns are then named ``"1"``, ``"2"``...).
    Rows that are entirely empty (``,,,,``) are dropped; short rows are padded, extra fields ignored.
    Raises :class:`csv.Error` only for damage the tolerant reader cannot get past.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.split("\n")
    start, delimiter = find_header(lines, known)
    offset = sum(len(line) + 1 for line in lines[:start])
    # Some LinkedIn files escape quotes as \" instead of doubling them.
    escapechar = "\\" if '\\"' in text else None
    reader = csv.reader(
        io.StringIO(text[offset:], newline=""),
        delimiter=delimiter,
        escapechar=escapechar,
        strict=False,
    )
    columns: tuple[str, ...]
    if header:
        first = next(reader, [])
        columns = tuple(c.strip().strip("\ufeff") for c in first)
    else:
        columns = ()
    rows: list[Row] = []
    swallowed = 0
    row_delimiters = max(len(columns) - 1, 2)
    last: list[str] = []
    for fields in reader:
        if not any(f.strip() for f in fields):
            continue
        last = fields
        swallowed += sum(_rows_inside(f, delimiter, row_delimiters) for f in fields if "\n" in f)
        if not header and len(fields) > len(columns):
            columns = columns + tuple(str(i + 1) for i in range(len(columns), len(fields)))
        keys = [column_key(c) for c in columns]
        values: dict[str, str] = {}
        for key, value in zip(keys, fields, strict=False):
            if key and key not in values:
                values[key] = value.replace("\r\n", "\n")
        rows.append(Row(len(rows), values))
    cut_short = bool(header and last) and len(last) < len(columns) and not text.endswith(("\n", "\r"))
    return Table(
        columns=columns,
        rows=tuple(rows),
        delimiter=delimiter,
        header_line=start,
        swallowed=swallowed,
        cut_short=cut_short,
    )


def _rows_inside(field: str, delimiter: str, row_delimiters: int) -> int:
    """How many lines of a multi-line field are shaped like whole rows (as many delimiters as the header): a
    stray ``"`` opened a quoted field there and the rows up to the next ``"`` were read into it. The last of
    them ends where that next ``"`` opened a quoted value: after whole rows, any delimiter marks it."""
    lines = field.split("\n")[1:]
    rows = sum(1 for line in lines if line.count(delimiter) >= row_delimiters)
    last = lines[-1] if lines else ""
    return rows + (1 if rows and delimiter in last and last.count(delimiter) < row_delimiters else 0)
