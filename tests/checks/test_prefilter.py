"""Literal prefilters: a regex is skipped only on texts that cannot match it."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checks.prefilter import any_of, joinable, lowered_twin, required_literals, requires_digit
from checks.text import analyze, lexicons
from checks.workplace_location import LOCATION_CUE, MEMBER_CUE, PRESENCE, PRESENCE_CLINIQUE, TIME_CUE, WORK_CONTEXT


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\b(?:a|one|another) (?:of my )?clients?\b", {"client"}),
        (r"\b(?:want|wanted|urge) to use\b", {" to use"}),
        (r"\b\d+[- ](?:day|month|year) (?:chip|coin|medallion)\b", {"chip", "coin", "medallion"}),
        (r"(?:ab)+cd?", {"ab"}),
        (r"\d{3}-\d{4}", {"-"}),
        (r"\b(?:off|quit|stopped) the (?:ice|oxy)\b", {"ice", "oxy"}),  # not " the ": in most texts
        (r"\bat the (?:clinic|ward)\b", {"clinic", "ward"}),
        (r"\b(?:le|la) patient\b", {" patient"}),
    ],
)
def test_required_literals_of_known_patterns(pattern: str, expected: set[str]) -> None:
    assert required_literals(pattern) == expected


@pytest.mark.parametrize("pattern", [r"\d+", r"(?i)clients?", r"(?:x|\d)y?", r"a?b*", r"(?i:client)"])
def test_no_literal_when_none_is_certain(pattern: str) -> None:
    assert required_literals(pattern) is None


_PATTERNS = [t.term for t, _ in lexicons().regexes] + [
    x[3:] for _, phrases in lexicons().dampers.values() for x in phrases if x.startswith("re:")
]


@pytest.mark.parametrize("pattern", _PATTERNS)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(data=st.data())
def test_every_match_of_a_lexicon_regex_holds_one_of_its_literals(pattern: str, data: st.DataObject) -> None:
    literals = required_literals(pattern)
    text = data.draw(st.from_regex(re.compile(pattern)))
    match = re.search(pattern, text)
    if literals is not None and match:
        assert any(lit in text for lit in literals)
    if requires_digit(pattern) and match:
        assert any(ch.isdigit() for ch in match.group())


def test_gated_regexes_still_find_their_terms() -> None:
    a = analyze("Three of my new clients cancelled today, and one client is 30 days sober.")
    terms = {h.term for h in a.hits + a.dropped}
    assert any("client" in t for t in terms)
    assert any("sober" in h.text.lower() for h in a.hits + a.dropped)


@pytest.mark.parametrize(
    ("pattern", "needs"),
    [
        (r"\d{1,2}:\d\d", True),
        (r"[0-9]+ ?mg", True),
        (r"(?i)\b\d+ (?:days?|weeks?) clean\b", True),
        (r"x?\d", True),
        (r"(?:a|\d)", False),  # one branch holds no digit
        (r"\d*x", False),  # the digits may be absent
        (r"\bmy (?:\d{1,2} ?(?:am|pm)|one o'clock)", False),
        (r"\w+", False),
    ],
)
def test_requires_digit(pattern: str, needs: bool) -> None:
    """A regex that holds a digit in every match is run only on texts with a digit: exact, never a guess."""
    assert requires_digit(pattern) is needs
    if needs:
        assert re.search(pattern, "no numbers at all here, ok") is None


_UNGATED = sorted(lexicons().ungated[True][0])
_JOINED = lexicons().ungated[True][1]


@pytest.mark.parametrize("i", _UNGATED)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(data=st.data())
def test_the_joined_search_finds_a_text_exactly_when_one_ungated_pattern_does(i: int, data: st.DataObject) -> None:
    """The patterns no literal gates are ruled out by one joined search: never a text one of them matches."""
    assert _JOINED is not None
    lex = lexicons()
    text = data.draw(st.from_regex(lex.pattern(i)))  # a text holding a match of pattern i
    assert bool(_JOINED.search(text)) == any(lex.pattern(j).search(text) for j in _UNGATED)
    cut = text[: data.draw(st.integers(min_value=0, max_value=len(text)))]  # most often no longer a match
    assert bool(_JOINED.search(cut)) == any(lex.pattern(j).search(cut) for j in _UNGATED)


def test_only_patterns_that_join_exactly_are_joined() -> None:
    assert joinable(re.compile(r"\bmy \d+ ?mg\b"))
    assert not joinable(re.compile(r"(a)\1"))  # a back reference would change number
    assert not joinable(re.compile(r"(?i)mg"))  # a global flag must lead the pattern
    joined = any_of([re.compile(r"\bmg\b"), re.compile(r"a|b(?=c)")])
    assert joined is not None
    assert [bool(joined.search(t)) for t in ("5 mg", "bd", "bc", "xmgx")] == [True, False, True, False]
    assert any_of([]) is None


_CASED = [PRESENCE, PRESENCE_CLINIQUE, WORK_CONTEXT, TIME_CUE, LOCATION_CUE, MEMBER_CUE]
_IDS = ["presence", "presence-clinique", "work-context", "time", "location", "member"]


@pytest.mark.parametrize("pattern", _CASED, ids=_IDS)
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(data=st.data())
def test_the_lowered_twin_matches_an_ascii_text_where_the_pattern_does(
    pattern: re.Pattern[str], data: st.DataObject
) -> None:
    twin = lowered_twin(pattern)
    assert twin is not None
    text = data.draw(st.from_regex(pattern).filter(str.isascii) | st.text(alphabet="aiKSsk Ii'0:-\n", max_size=30))
    flips = data.draw(st.lists(st.booleans(), min_size=len(text), max_size=len(text)))
    text = "".join(c.upper() if up else c for c, up in zip(text, flips, strict=True))  # any mix of cases
    found, twin_found = pattern.search(text), twin.search(text.lower())
    assert (found.span() if found else None) == (twin_found.span() if twin_found else None)


def test_a_pattern_is_twinned_only_when_certain() -> None:
    assert lowered_twin(re.compile(r"(?i)\bshift\S*\W\d")) is not None
    assert lowered_twin(re.compile(r"(?ix) shift ")).pattern == "(?x) shift "  # type: ignore[union-attr]
    assert lowered_twin(re.compile(r"shift")) is None  # not case-insensitive
    assert lowered_twin(re.compile(r"(?i)[A-Z]x")) is None  # upper case in the pattern
    assert lowered_twin(re.compile(r"(?i)[0-z]x")) is None  # a range over upper case
    assert lowered_twin(re.compile("(?i)\u0131")) is None  # dotless i matches "I"
    assert lowered_twin(re.compile(r"x", re.IGNORECASE)) is None  # the flag not in the source


_JOINED_PRESENCE = re.compile(PRESENCE.pattern + r"|(?:à|a)\s+la\s+clinique\b")  # the one pattern it was


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["à", "a", "À", "voila", " ", "  ", "la", "LA", "clinique", "cliniques", "I'm", "at", "au"])
        | st.text(alphabet="aàl cinqueIm'", max_size=8),
        max_size=12,
    ).map("".join)
    | st.from_regex(_JOINED_PRESENCE)
)
def test_presence_apart_from_its_french_branch_says_what_the_joined_pattern_said(text: str) -> None:
    apart = PRESENCE.search(text) or PRESENCE_CLINIQUE.search(text)
    assert bool(apart) is bool(_JOINED_PRESENCE.search(text))
