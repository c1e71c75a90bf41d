"""phi-identifier: a child's development and behaviour in care, next to an identifiable client, is a health detail."""

from __future__ import annotations

import pytest

from checks.text import analyze


def _care_words(text: str) -> list[str]:
    return [h.text for h in analyze(text).hits if h.lexicon == "health_vocab"]


@pytest.mark.parametrize(
    "text",
    [
        "Milo sat on the potty for the first time today and we all cheered",
        "no head banging and no biting at snack time this week",
        "he asked for the swing instead of hitting, huge for us",
        "eloped from the classroom twice before lunch",
        "first spoken words at 4, after a year of sessions",
        "she is using her AAC device to ask for breaks now",
        "Vineland scores came back higher across every domain",
        "his hours got cut after a denied reauth",
        "graduated from our ABA program today",
    ],
)
def test_development_and_behaviour_in_care(text: str) -> None:
    assert _care_words(text), text


@pytest.mark.parametrize(
    "text",
    [
        "ran out of the house late again, forgot my keys",
        "the dog ran into the street after a squirrel",
        "first words of the book and I was hooked",
        "toilet on the train was out of order",
        "my sib and I went to the match",
    ],
)
def test_everyday_words_are_not_care(text: str) -> None:
    assert _care_words(text) == [], text
