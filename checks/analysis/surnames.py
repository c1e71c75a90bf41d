"""A work word written as a person's surname ("Jeff Sessions", "AG Sessions", "Sessions is not doing his job").

A noun of the work lexicon ("sessions", "patient", "group") is also a family name. Written with a capital inside a
sentence after a given name or a title, or as a plural noun with a verb in the singular, it names a person, and
says nothing about the owner's clinical work.
"""

from __future__ import annotations

import re
from functools import cache

from checks.analysis.word_lists import word_set
from checks.names import is_known_given_name

_WORD_BEFORE = re.compile(r"([A-Za-z][\w'’]*)\.?\s+$")
_WORD_AFTER = re.compile(r"\s+([a-z][a-z'’]*)")
_DIGIT_AFTER = re.compile(r"\s*#?\d")
_SINGULAR_VERBS = frozenset({"is", "was", "has", "does", "isn't", "wasn't", "hasn't", "doesn't", "isn’t", "wasn’t"})
"""Verbs in the singular: a plural noun never takes them ("sessions are", but "Sessions is a senator")."""


@cache
def _titles() -> frozenset[str]:
    return word_set("names", "surname_titles") | word_set("names", "office_titles")


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and (len(word) == 1 or word[1:].islower())


def _name_shaped(text: str, start: int, end: int) -> bool:
    """A word that could be a family name: letters only, capitalised, no number after it ("Session 3")."""
    word = text[start:end]
    return word.isalpha() and _capitalised(word) and not _DIGIT_AFTER.match(text, end)


def surname_reason(text: str, start: int, end: int) -> str | None:
    """Why the single word at ``text[start:end]`` is a person's name rather than a work word, or None.

    The word must be written with a capital and not be followed by a number ("Session 3" is a session): then a
    title before it ("Mr.", "AG", "Senator"), a capitalised given name before it ("Jeff Sessions"), or, for a
    plural, a verb in the singular after it ("Sessions is") make it a name; and so does the same capitalised word
    named so elsewhere in the text ("Sessions is a fanatic… Trump, Sessions and Nielsen need to go"): one text
    does not use a family name and the work word with the same capital.
    """
    if not _name_shaped(text, start, end):
        return None
    if reason := _named_here(text, start, end):
        return reason
    word = text[start:end]
    for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text):
        if m.start() != start and _named_here(text, m.start(), m.end()):
            return f"'{word}': a person's name elsewhere in the text"
    return None


def _named_here(text: str, start: int, end: int) -> str | None:
    """surname_reason for this occurrence alone: a title or a given name before it, a verb in the singular after."""
    if not _name_shaped(text, start, end):
        return None
    word = text[start:end]
    if m := _WORD_BEFORE.search(text[max(0, start - 40) : start]):
        prev = m.group(1)
        if prev.lower() in _titles() and (prev[:1].isupper()):
            return f"'{prev} {word}': a person's name"
        if _capitalised(prev) and is_known_given_name(prev):
            return f"'{prev} {word}': a person's name"
    if word.endswith("s") and (n := _WORD_AFTER.match(text, end)) and n.group(1) in _SINGULAR_VERBS:
        return f"'{word} {n.group(1)}': a person's name (a plural noun with a verb in the singular)"
    return None
