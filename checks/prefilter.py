"""Literal prefilters for regular expressions: run a regex only on texts that can match it.

Most texts match none of the lexicon's regular expressions, yet running each of them costs a scan of the
text. :func:`required_literals` reads a pattern's parse tree (the standard library's own ``re`` parser)
and returns strings one of which every match must contain — ``clients?`` needs ``client``,
``(?:want|urge) to use`` needs ``to use``. Those strings go into the Aho–Corasick automaton the text is
searched with anyway, so deciding which regexes to run costs nothing extra. The same idea as the literal
prefilters of RE2 and Hyperscan, kept to what is certain: when no required string is known (a pattern
made of classes and digits only, or a case-insensitive one), the regex always runs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from re import _constants as sre  # type: ignore[attr-defined]  # the stdlib's own regex parser
from re import _parser  # type: ignore[attr-defined]
from typing import Any

_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT))


def required_literals(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Strings one of which every match of ``pattern`` contains, or ``None`` when none is known.

    The best set is one whose strings are all long enough to gate on (``MIN_USEFUL``) and not made of function
    words only, then the one whose shortest string is longest (rarest in text). Case-insensitive patterns
    return ``None``.
    """
    try:
        parsed = _parser.parse(pattern, flags)
    except re.error:
        return None
    if parsed.state.flags & re.IGNORECASE:
        return None
    return _sequence(list(parsed))


MIN_USEFUL = 3
"""Literals shorter than this are in nearly every text (" ", "a"): the lexicons do not gate a regex on them
(``checks.text._MIN_GATE``)."""
_COMMON_WORDS = (
    "the a an and or of to in on at for with my our your his her their i we you he she it is are was be as by "
    "from this that not no so le la les de des du un une et en au aux je il elle est pas que qui dans sur pour par"
)
_COMMON = frozenset(_COMMON_WORDS.split())
"""Function words (English, French): a literal made of them only is in most texts, so it would open its regex on
most texts; another required literal, rarer, gates better (the choice never changes what a regex finds)."""


def _quality(candidate: frozenset[str]) -> tuple[bool, bool, int, int]:
    shortest = min(len(s) for s in candidate)
    common = any(all(word in _COMMON for word in s.split()) for s in candidate)  # "the ", " at the "
    return shortest >= MIN_USEFUL, not common, shortest, -len(candidate)


def _sequence(items: Sequence[tuple[Any, Any]]) -> frozenset[str] | None:
    """Required strings of a sequence: its best literal run or the best requirement of one of its items."""
    best: frozenset[str] | None = None
    run: list[str] = []

    def consider(candidate: frozenset[str] | None) -> None:
        nonlocal best
        if candidate and all(candidate) and (best is None or _quality(candidate) > _quality(best)):
            best = candidate

    for op, arg in items:
        if op is sre.LITERAL:
            run.append(chr(arg))
            continue
        if run:
            consider(frozenset({"".join(run)}))
            run = []
        if op is sre.SUBPATTERN:
            _group, add_flags, _del_flags, sub = arg
            if not add_flags & re.IGNORECASE:
                consider(_sequence(list(sub)))
        elif op is sre.BRANCH:
            alternatives = [_sequence(list(branch)) for branch in arg[1]]
            if all(alternatives):
                consider(frozenset().union(*alternatives))  # type: ignore[arg-type]
        elif op in _REPEATS:
            low, _high, sub = arg
            if low >= 1:
                consider(_sequence(list(sub)))
        # anything else (classes, anchors, lookarounds, back references) requires no literal and ends the run
    if run:
        consider(frozenset({"".join(run)}))
    return best


def requires_digit(pattern: str, flags: int = 0) -> bool:
    """Whether every match of ``pattern`` holds a digit (``\\d{1,2}:\\d\\d``, ``[0-9]+ mg``): such a regex cannot
    match a text without one, so it need not run there."""
    try:
        return _needs_digit(list(_parser.parse(pattern, flags)))
    except re.error:
        return False


def _needs_digit(items: Sequence[tuple[Any, Any]]) -> bool:
    """Whether every match of a parsed sequence holds a digit: one of its items always does."""
    return any(_item_needs_digit(op, arg) for op, arg in items)


def _item_needs_digit(op: Any, arg: Any) -> bool:
    if op is sre.LITERAL:
        return chr(arg).isdigit()
    if op is sre.IN:  # a class: only digits in it ("\\d", "[0-9]")
        return all(_class_part_is_digit(kind, value) for kind, value in arg)
    if op is sre.SUBPATTERN:
        return _needs_digit(list(arg[3]))
    if op is sre.BRANCH:
        return all(_needs_digit(list(branch)) for branch in arg[1])
    if op in _REPEATS:
        low, _high, sub = arg
        return low >= 1 and _needs_digit(list(sub))
    return False  # anchors, lookarounds, back references: no character of their own


def _class_part_is_digit(kind: Any, value: Any) -> bool:
    if kind is sre.CATEGORY:
        return value is sre.CATEGORY_DIGIT
    if kind is sre.LITERAL:
        return chr(value).isdigit()
    if kind is sre.RANGE:
        return all(chr(c).isdigit() for c in range(value[0], value[1] + 1))
    return False


def joinable(pattern: re.Pattern[str]) -> bool:
    """Whether ``pattern`` can be one branch of :func:`any_of` and match exactly where it matches alone: no
    global flag (it would have to lead the joined pattern) and no group (a back reference would change number)."""
    return pattern.flags == re.UNICODE and pattern.groups == 0


def any_of(patterns: Sequence[re.Pattern[str]]) -> re.Pattern[str] | None:
    """One regex that matches at a position exactly when one of ``patterns`` (all :func:`joinable`) matches
    there: a text it finds nothing in holds no match of any of them (one search instead of one per pattern)."""
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns))


_LEAD_FLAGS = re.compile(r"\A\(\?([aiLmsux]+)\)")


def lowered_twin(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """For a case-insensitive ``pattern`` (``(?i)`` leading its source): a case-sensitive twin that matches an
    ASCII text lower-cased exactly where ``pattern`` matches the text, with the same spans (``lower`` keeps an
    ASCII text's length; a case-insensitive match differs only on letters, and the pattern names none in upper
    case), or ``None`` when that is not certain. Case-insensitive matching costs two to three times more."""
    lead = _LEAD_FLAGS.match(pattern.pattern)
    if not pattern.flags & re.IGNORECASE or not lead or "i" not in lead[1]:
        return None
    if not _lower_only(_parser.parse(pattern.pattern)):
        return None
    rest = lead[1].replace("i", "")
    twin = re.compile((f"(?{rest})" if rest else "") + pattern.pattern[lead.end() :])
    return None if twin.flags & re.IGNORECASE else twin


def _lower_only(node: Any) -> bool:
    """No literal and no class range of a parsed pattern holds an upper-case letter or a letter whose case
    partner is ASCII (the ranges checked one character at a time, up to a thousand)."""
    if isinstance(node, _parser.SubPattern):
        node = list(node)
    if not isinstance(node, list | tuple):
        return True
    if len(node) == 2 and isinstance(node[0], sre._NamedIntConstant):
        op, arg = node
        if op in (sre.LITERAL, sre.NOT_LITERAL):
            return _case_safe(chr(arg))
        if op is sre.RANGE:
            return arg[1] - arg[0] < 1000 and all(_case_safe(chr(c)) for c in range(arg[0], arg[1] + 1))
        return _lower_only(arg)
    return all(_lower_only(x) for x in node)


def _case_safe(c: str) -> bool:
    """Lower case, and no case partner in ASCII unless it is ASCII itself (``ı`` would match ``I``, ``ſ`` ``S``)."""
    return c == c.lower() and (c.isascii() or not any(x.isascii() for x in (c.upper(), c.casefold())))
