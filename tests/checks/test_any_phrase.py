"""One search for a list of phrases gives the answer of searching each phrase (whole words, folded text)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checks.text import has_any_phrase, has_phrase, lexicons

_ALPHABET = "ab .'-é1"
_PHRASES = st.lists(st.text(_ALPHABET, max_size=4), max_size=5)


@settings(max_examples=500)
@given(st.text(_ALPHABET, max_size=20), _PHRASES)
def test_same_answer_as_each_phrase(haystack: str, phrases: list[str]) -> None:
    assert has_any_phrase(haystack, phrases) == any(has_phrase(haystack, p) for p in phrases)


def test_public_figure_lists_on_texts() -> None:
    """The lists the client-mention rules search, on texts with and without one of their phrases."""
    people = lexicons().people
    for key in ("public_figure", "local_not_famous"):
        phrases = people.get(key, ())
        assert phrases, key
        for phrase in list(phrases)[:50]:
            for text in (f"so {phrase} tonight", f"x{phrase}x", phrase.upper(), "nothing here"):
                assert has_any_phrase(text, phrases) == any(has_phrase(text, p) for p in phrases)
