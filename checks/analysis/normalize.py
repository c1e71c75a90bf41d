"""The one normalization of names and text (DESIGN.md section 7).

The matcher, the lexicons, the masker of redacted reports and the readers' key lookups all fold text
through this module, so that whatever one of them treats as the same spelling, every other does too:

* :func:`fold_char` / :func:`fold` — NFKC (stylised letters such as 𝓗𝓸𝓹𝓮), accents stripped, letters that
  do not decompose mapped by hand (ø ł đ æ œ þ ı ð), case-folded (ß → ss), typographic apostrophes and
  hyphens made plain. Punctuation is kept.
* :func:`fold_with_map` — the same fold with, for each folded character, its offset in the original.
* :func:`normalize` — the fold with every run of other characters (punctuation, emoji, spaces) made one
  space: the form names and handles are compared in.
* :class:`NormText` — a normalized text padded with spaces, with offsets back into the original.

This module imports nothing of the project: readers, checks and report writers may all use it.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

__all__ = [
    "NormText",
    "fold",
    "fold_char",
    "fold_with_map",
    "is_word_char",
    "normalize",
    "strip_name_credentials",
]

_APOSTROPHES = "’‘ʼ`´"
_HYPHENS = "‐‑‒–—"
_BY_HAND = str.maketrans({"ø": "o", "ł": "l", "đ": "d", "æ": "ae", "œ": "oe", "þ": "th", "ı": "i", "ð": "d"})
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_SPACE_RUNS = re.compile(r"  +")


@cache
def fold_char(ch: str) -> str:
    """One character → its folded form ('' for a combining mark, several characters for ß or æ)."""
    if ch in _APOSTROPHES:
        return "'"
    if ch in _HYPHENS:
        return "-"
    out = []
    for c in unicodedata.normalize("NFKC", ch):
        for d in unicodedata.normalize("NFKD", c):
            if not unicodedata.combining(d):
                out.append(d)
    return "".join(out).casefold().translate(_BY_HAND)


def _fold_ascii(text: str) -> str:
    return text.lower().replace("`", "'")


def fold(text: str) -> str:
    """``text`` folded: NFKC, accents stripped, case-folded, typographic apostrophes and hyphens plain."""
    if text.isascii():
        return _fold_ascii(text)
    return "".join(fold_char(c) for c in text)


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """The fold of ``text`` and, for each folded character, its index in ``text``.

    The map has one extra entry (``len(text)``) so that a folded end offset maps too.
    """
    if text.isascii():  # most texts: one character each
        return _fold_ascii(text), list(range(len(text) + 1))
    out: list[str] = []
    where: list[int] = []
    last = 0
    for m in _NON_ASCII.finditer(text):  # ASCII runs in bulk, the rest one by one
        i = m.start()
        if i > last:
            out.append(_fold_ascii(text[last:i]))
            where.extend(range(last, i))
        folded = fold_char(text[i])
        out.append(folded)
        where.extend([i] * len(folded))
        last = i + 1
    out.append(_fold_ascii(text[last:]))
    where.extend(range(last, len(text) + 1))
    return "".join(out), where


def is_word_char(ch: str) -> bool:
    """Letters and digits (after folding) are word characters; everything else separates words."""
    return ch.isalnum()


_ASCII_NORMAL = {i: (chr(i).lower() if chr(i).isalnum() else " ") for i in range(128)}


def normalize(text: str) -> str:
    """The fold with punctuation, emoji and spaces collapsed to single spaces (no padding)."""
    if text.isascii():
        return " ".join(text.translate(_ASCII_NORMAL).split())
    folded = fold(text)
    return " ".join("".join(c if is_word_char(c) else " " for c in folded).split())


def strip_name_credentials(name: str, credentials: frozenset[str]) -> str:
    """A display name without trailing comma-separated credentials (``Jessica Harper, HCA`` → ``Jessica
    Harper``; ``Jane Doe, PhD, LCSW`` → ``Jane Doe``), given the set of normalized credential words."""
    segments = name.split(",")
    while len(segments) > 1 and all(t in credentials for t in normalize(segments[-1]).split()):
        segments.pop()
    return ",".join(segments)


@dataclass
class NormText:
    """A normalized copy of ``original``: `` tokens separated by single spaces `` (padded both ends),
    with a map from normalized offsets back to the original string so that hits point at what was written."""

    original: str
    text: str
    _map: list[int] | None  # normalized index → original index (None: use the run breakpoints)
    _breaks: list[int]
    _shifts: list[int]

    @classmethod
    def of(cls, original: str) -> NormText:
        """Normalize ``original`` (fast path for ASCII text)."""
        if original.isascii():
            s = " " + original.translate(_ASCII_NORMAL) + " "
            breaks: list[int] = []
            shifts: list[int] = []
            if "  " in s:
                parts = []
                last = 0
                removed = 0
                for m in _SPACE_RUNS.finditer(s):
                    parts.append(s[last : m.start() + 1])
                    removed += m.end() - m.start() - 1
                    last = m.end()
                    breaks.append(m.start() + 1 - (removed - (m.end() - m.start() - 1)))
                    shifts.append(removed)
                parts.append(s[last:])
                s = "".join(parts)
            # index i of s maps to original index i - 1 + shift(i)
            return cls(original, s, None, breaks, shifts)
        # ASCII runs through the table, other characters folded one by one; then space runs collapsed
        pieces: list[str] = [" "]
        where: list[int] = [0]
        last = 0
        for m in _NON_ASCII.finditer(original):
            i = m.start()
            if i > last:
                pieces.append(original[last:i].translate(_ASCII_NORMAL))
                where.extend(range(last, i))
            folded = "".join(c if c.isalnum() else " " for c in fold_char(original[i]))
            pieces.append(folded)
            where.extend([i] * len(folded))
            last = i + 1
        pieces += [original[last:].translate(_ASCII_NORMAL), " "]
        where.extend(range(last, len(original) + 1))
        spaced = "".join(pieces)
        out: list[str] = []
        idx: list[int] = []
        last = 0
        for m in _SPACE_RUNS.finditer(spaced):  # keep the first space of a run (and its original offset)
            out.append(spaced[last : m.start() + 1])
            idx.extend(where[last : m.start() + 1])
            last = m.end()
        out.append(spaced[last:])
        idx.extend(where[last:])
        return cls(original, "".join(out), idx, [], [])

    def orig_index(self, i: int) -> int:
        """The original offset of normalized offset ``i`` (``i`` pointing at a word character)."""
        if self._map is not None:
            return self._map[i]
        k = bisect_right(self._breaks, i)
        return i - 1 + (self._shifts[k - 1] if k else 0)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``[start, end)`` of the normalized span ``[start, end)`` (word characters only)."""
        return self.orig_index(start), self.orig_index(end - 1) + 1

    def tokens(self) -> Iterator[tuple[int, int]]:
        """Normalized ``(start, end)`` of every token."""
        for m in re.finditer(r"[^ ]+", self.text):
            yield m.start(), m.end()
