"""One-pass search of many normalized patterns in a text, with offsets back into the original text.

The text is normalized exactly like the patterns (see :func:`checks.names.normalize`): folded, every run
of non-word characters becomes one space. :class:`NormText` keeps a map from normalized offsets back to
the original string, so hits point at what the user wrote. :class:`PatternIndex` is an Aho–Corasick
automaton over `` pattern `` (padded with spaces, so matches fall on word boundaries): the cost of a
search grows with the text and the number of matches, not with the number of patterns.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

import ahocorasick

from checks.names import fold_char

_ASCII_TABLE = {i: (chr(i).lower() if chr(i).isalnum() else " ") for i in range(128)}
_SPACE_RUNS = re.compile(r"  +")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")

T = TypeVar("T")


@dataclass
class NormText:
    """A normalized copy of ``original``: `` tokens separated by single spaces `` (padded both ends)."""

    original: str
    text: str
    _map: list[int] | None  # normalized index → original index (None: use the run breakpoints)
    _breaks: list[int]
    _shifts: list[int]

    @classmethod
    def of(cls, original: str) -> NormText:
        """Normalize ``original`` (fast path for ASCII text)."""
        if original.isascii():
            s = " " + original.translate(_ASCII_TABLE) + " "
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
                pieces.append(original[last:i].translate(_ASCII_TABLE))
                where.extend(range(last, i))
            folded = "".join(c if c.isalnum() else " " for c in fold_char(original[i]))
            pieces.append(folded)
            where.extend([i] * len(folded))
            last = i + 1
        pieces += [original[last:].translate(_ASCII_TABLE), " "]
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


@dataclass(frozen=True)
class Match(Generic[T]):
    """One pattern occurrence: normalized span and the value stored with the pattern."""

    start: int
    end: int
    value: T


class PatternIndex(Generic[T]):
    """An Aho–Corasick automaton of normalized patterns, each with one value (build once, search many)."""

    def __init__(self, patterns: Sequence[tuple[str, T]]) -> None:
        self._automaton = ahocorasick.Automaton()
        self._values: dict[str, T] = {}
        for text, value in patterns:
            self._values[text] = value
        for text, value in self._values.items():
            self._automaton.add_word(f" {text} ", (len(text), value))
        self.empty = not self._values
        if not self.empty:
            self._automaton.make_automaton()

    def get(self, text: str) -> T | None:
        """The value of an exact pattern, or ``None``."""
        return self._values.get(text)

    def search(self, norm: NormText) -> list[Match[T]]:
        """Every pattern occurrence in ``norm`` (one pass)."""
        if self.empty:
            return []
        out = []
        for end, (length, value) in self._automaton.iter(norm.text):
            # the key is " pattern ": end points at the trailing space
            out.append(Match(end - length, end, value))
        return out
