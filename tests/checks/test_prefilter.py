"""Literal prefilters: a regex is skipped only on texts that cannot match it."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checks.prefilter import required_literals
from checks.text import analyze, lexicons


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


def test_gated_regexes_still_find_their_terms() -> None:
    a = analyze("Three of my new clients cancelled today, and one client is 30 days sober.")
    terms = {h.term for h in a.hits + a.dropped}
    assert any("client" in t for t in terms)
    assert any("sober" in h.text.lower() for h in a.hits + a.dropped)
