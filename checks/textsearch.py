"""One-pass search of many normalized patterns in a text, with offsets back into the original text.

The text is normalized exactly like the patterns (see :func:`checks.names.normalize`): folded, every run
of non-word characters becomes one space. :class:`NormText` keeps a map from normalized offsets back to
the original string, so hits point at what the user wrote. :class:`PatternIndex` is an Aho–Corasick
automaton over `` pattern `` (padded with spaces, so matches fall on word boundaries): the cost of a
search grows with the text and the number of matches, not with the number of patterns.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

import ahocorasick

from checks.analysis.normalize import NormText

T = TypeVar("T")


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
