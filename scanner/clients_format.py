"""Recognising a client list as people write it: the file's encoding, its delimiter and its header.

Spreadsheets write CSV in many ways: Excel in French and other European settings separates with ``;``,
"Unicode text" is UTF-16 with tabs, older Excel writes Windows-1252, and people name their columns
``First Name`` / ``Last Name`` / ``Prénom`` / ``Nom``. This module turns the file's bytes into text, refuses
what is not a text file, finds the delimiter (:class:`csv.Sniffer` settles ties) and maps the header's
spellings onto the list's columns, so that the client list is read as meant or refused with a message that
says what to do — never silently read as one name per line. Nothing here shows a name from the file.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

COLUMNS = ("id", "name", "aliases", "status", "handles", "notes")
EXPECTED_HEADER = ",".join(COLUMNS)
DELIMITERS = (",", ";", "\t", "|")
_DELIMITER_NAMES = {",": "commas", ";": "semicolons", "\t": "tabs", "|": "vertical bars"}

# Column spellings (lower case, accents removed, ``_ - .`` as spaces) → the list's column. ``first``,
# ``middle`` and ``last`` are combined into ``name``; a lone French ``nom`` is the whole name.
_SPELLINGS: dict[str, tuple[str, ...]] = {
    "id": (
        "id",
        "client id",
        "clientid",
        "client no",
        "client number",
        "number",
        "no",
        "ref",
        "reference",
        "identifiant",
        "numero",
        "code",
        "code client",
        "dossier",
    ),
    "name": (
        "name",
        "names",
        "full name",
        "fullname",
        "client",
        "client name",
        "patient",
        "patient name",
        "display name",
        "nom complet",
        "nom et prenom",
        "prenom et nom",
        "nom prenom",
        "prenom nom",
        "nombre completo",
        "vollstandiger name",
    ),
    "first": (
        "first name",
        "firstname",
        "first",
        "given name",
        "given names",
        "forename",
        "prenom",
        "prenoms",
        "vorname",
        "nombre",
    ),
    "middle": ("middle name", "middle names", "middle", "middle initial", "second prenom"),
    "last": (
        "last name",
        "lastname",
        "last",
        "surname",
        "family name",
        "nom de famille",
        "nachname",
        "apellido",
        "apellidos",
    ),
    "aliases": (
        "aliases",
        "alias",
        "nickname",
        "nicknames",
        "other names",
        "also known as",
        "aka",
        "surnom",
        "surnoms",
        "autres noms",
    ),
    "status": ("status", "client status", "statut", "etat"),
    "handles": (
        "handles",
        "handle",
        "usernames",
        "username",
        "social media",
        "accounts",
        "comptes",
        "pseudo",
        "pseudos",
    ),
    "notes": ("notes", "note", "comments", "comment", "remarks", "remarques", "commentaires"),
    "born": (
        "dob",
        "d o b",
        "date of birth",
        "birth date",
        "birthdate",
        "birthday",
        "born",
        "birth year",
        "year of birth",
        "date de naissance",
        "naissance",
        "annee de naissance",
        "ne le",
        "fecha de nacimiento",
        "geburtsdatum",
    ),
}
_SPELLING = {spelling: column for column, spellings in _SPELLINGS.items() for spelling in spellings}
_NAME_PARTS = ("first", "middle", "last")

# Leading bytes of files that are not client lists, and what to call them.
_SIGNATURES = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a zip file (an Excel .xlsx or Numbers file is one: export it as CSV first)"),
    (b"\xd0\xcf\x11\xe0", "an old Office file (.xls or .doc: export it as CSV first)"),
    (b"{\\rtf", "an RTF document (save it as plain text or CSV)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"bplist", "a binary property list"),
)

SAVE_AS_UTF8 = (
    'save it as UTF-8: in Excel, File > Save As > "CSV UTF-8 (Comma delimited) (.csv)"; in Numbers, '
    "File > Export To > CSV… > Advanced Options > Text Encoding: Unicode (UTF-8); in LibreOffice, "
    "Save As > Text CSV > Edit filter settings > Character set: Unicode (UTF-8)"
)


class ClientListError(Exception):
    """A client list that cannot be used; ``str()`` names the file, the line and the problem."""

    def __init__(self, message: str, problems: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.problems = problems or (message,)


@dataclass(frozen=True)
class Layout:
    """How a client-list table is written: its delimiter and, per field position, the column it feeds
    (``""`` for an ignored column). ``unknown`` lists the header cells that were not recognised."""

    delimiter: str
    columns: tuple[str, ...]
    header_line: int
    unknown: tuple[str, ...] = ()


def decode_client_file(path: Path, data: bytes) -> str:
    """The text of a client-list file: UTF-8 (with or without BOM) or UTF-16 with a BOM.

    Raises :class:`ClientListError` for binary files (PDF, spreadsheets, images) and for text in another
    encoding, with the steps to save it as UTF-8 from Excel, Numbers or LibreOffice.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ClientListError(f"{path}: damaged UTF-16 text; {SAVE_AS_UTF8}") from None
    head = data[:4096]
    for magic, what in _SIGNATURES:
        if head.startswith(magic):
            raise ClientListError(f"{path}: this is {what}, not a client list; give a CSV or text file")
    if b"\0" in head:
        raise ClientListError(f"{path}: this is a binary file, not a client list; give a CSV or text file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        guess = "Windows-1252 or Latin-1, as older Excel writes" if _is_cp1252(data) else "an unknown encoding"
        raise ClientListError(f"{path}: not UTF-8 text (it looks like {guess}); {SAVE_AS_UTF8}") from None


def _is_cp1252(data: bytes) -> bool:
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


def normalize_header(cell: str) -> str:
    """A header cell folded for comparison: no accents, lower case, ``_ - .`` as spaces, no ``*`` or ``:``."""
    text = unicodedata.normalize("NFKD", cell).encode("ascii", "ignore").decode("ascii").casefold()
    text = re.sub(r"[_\-.*:()]+", " ", text)
    return " ".join(text.split())


def map_header(cells: list[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Map header cells to columns: (column per position, unrecognised non-empty cells)."""
    folded = [normalize_header(c) for c in cells]
    has_first = any(_SPELLING.get(f) == "first" for f in folded)
    columns: list[str] = []
    unknown: list[str] = []
    for cell, key in zip(cells, folded, strict=True):
        column = _SPELLING.get(key, "")
        if key == "nom":  # French: the surname beside a "Prénom" column, else the whole name
            column = "last" if has_first else "name"
        if column in columns and column not in _NAME_PARTS:
            column = ""  # a second column with the same meaning is ignored
        if not column and key:
            unknown.append(cell.strip())
        columns.append(column)
    return tuple(columns), tuple(unknown)


def has_name_column(columns: tuple[str, ...]) -> bool:
    """True when the columns give a name: ``name`` itself or first / last name parts."""
    return "name" in columns or "first" in columns or "last" in columns


def find_layout(path: Path, text: str) -> Layout | None:
    """The table layout of a client list, or ``None`` for a plain list (one name a line).

    The first line that is neither blank nor a ``#`` comment is the header when, split on some delimiter, it
    names a column this tool reads. Raises :class:`ClientListError` for a table without a recognisable
    header (several columns on each line) and for a header without a name column, showing the header
    expected.
    """
    lines = text.splitlines()
    numbered = [(n, ln) for n, ln in enumerate(lines, start=1) if ln.strip() and not ln.lstrip().startswith("#")]
    if not numbered:
        return None
    header_line, first = numbered[0]
    best: tuple[int, str, tuple[str, ...], tuple[str, ...]] | None = None
    preferred = _sniff([ln for _, ln in numbered[:50]])
    for delimiter in DELIMITERS:
        cells = next(csv.reader([first], delimiter=delimiter), [])
        columns, unknown = map_header(cells)
        known = sum(1 for c in columns if c)
        if not known or (len(cells) == 1 and not _is_lone_header(cells[0])):
            continue
        score = known * 2 + (delimiter == preferred)
        if best is None or score > best[0]:
            best = (score, delimiter, columns, unknown)
    if best is not None:
        _, delimiter, columns, unknown = best
        if not has_name_column(columns):
            raise ClientListError(
                f"{path}:{header_line}: the header has no name column; the expected header is\n"
                f"  {EXPECTED_HEADER}\n(only name is required; First Name and Last Name columns also work)"
            )
        return Layout(delimiter, columns, header_line, unknown)
    table = _table_delimiter([ln for _, ln in numbered], preferred)
    if table:
        raise ClientListError(
            f"{path}:{header_line}: this looks like a table without a header row (columns separated by "
            f"{_DELIMITER_NAMES[table]}); add this header as the first line, naming your columns in their order:\n"
            f"  {EXPECTED_HEADER}\n(only name is required; First Name and Last Name columns also work; "
            "or give a plain list with one name a line)"
        )
    return None


def _is_lone_header(cell: str) -> bool:
    """A one-column header only when it spells ``name`` (a plain list's first name must not be a header)."""
    return normalize_header(cell) in ("name", "names", "full name", "nom", "client name", "nom complet")


def _sniff(sample: list[str]) -> str | None:
    try:
        return csv.Sniffer().sniff("\n".join(sample), delimiters="".join(DELIMITERS)).delimiter
    except csv.Error:
        return None


def _table_delimiter(lines: list[str], preferred: str | None) -> str | None:
    """The delimiter when these lines are a table of several columns, ``None`` for one name a line.

    A plain list may hold ``Last, First`` (one comma, then a space); anything else split by a delimiter —
    tabs, semicolons, bars, several commas, a comma without a space — is a table.
    """
    for line in lines:
        for delimiter in ((preferred,) if preferred else ()) + DELIMITERS:
            cells = next(csv.reader([line], delimiter=delimiter), [])
            if len([c for c in cells if c.strip()]) < 2:
                continue
            if delimiter == "," and len(cells) == 2 and cells[1].startswith(" ") and '"' not in line:
                continue  # "Doe, Jane"
            return delimiter
    return None
