"""The notes' facts said in other words (a class of words for one fact), a number with its label, and an age said
as a sentence of its own: what they let a text share with a client's notes, and what they do not."""

from __future__ import annotations

import pytest

from checks.analysis.normalize import fold
from checks.analysis.notes_match import _notes_tokens, _text_tokens
from scanner.clients import Client, ClientList
from tests.checks.test_phi_identifier import phi_flagged

CLIENTS = ClientList(
    (
        Client(id="E1", name="Maud Ferrand", notes="viticultrice à Pomerol; dépression mélancolique"),
        Client(id="E2", name="Walt Osgood", notes="widower since 2019; from Fenwickmoor; insomnia"),
        Client(id="E3", name="Ines Kaur", notes="born at 29 weeks; parents Jas and Raj; Larchmont"),
        Client(id="E4", name="Cole Byrne", notes="aged 22; came in from a festival; Thornbury"),
    )
)


def flagged(text: str) -> bool:
    return phi_flagged(CLIENTS, text)


def shared(notes: str, text: str) -> set[str]:
    return _notes_tokens(fold(notes)) & _text_tokens(fold(text))


def test_a_class_member_shares_the_notes_fact() -> None:
    assert shared("retired truck driver", "my dad the trucker") >= {"eq:truck driver"}
    assert shared("widower", "he lost his wife last spring") == {"eq:widow"}
    assert shared("vit seule", "she lives alone") == {"eq:lives alone"}
    assert shared("Polish", "she came from Poland") == {"eq:poland"}


def test_a_word_of_another_sense_is_no_member() -> None:
    assert not shared("fils Jake", "elle a pris son sac")  # French "son" is "his": no class with "fils"
    assert not shared("retired teacher", "the coffee was cold")


def test_a_number_with_its_label_is_one_detail() -> None:
    assert "num:29|week" in shared("born at 29 weeks", "born at 29 weeks, now 4")
    assert "num:19|epds" in shared("EPDS 19 at booking", "EPDS 19 today")
    assert not {t for t in shared("seen every 4 weeks", "back in 4 weeks") if t.startswith("num:")}  # a short span
    assert not {t for t in shared("58 in 2012", "she is 58 in 2012") if t.startswith("num:")}  # an age, a year


def test_an_age_as_a_sentence_of_its_own() -> None:
    assert "age:22" in _text_tokens(fold("came in from a festival and never came down. 22. lovely manners"))
    assert "age:40" not in _text_tokens(fold("40 degrees today. 40. visiting people in tower blocks"))


@pytest.mark.parametrize(
    ("text", "should_flag"),
    [
        # the notes' occupation in other words, next to a health detail
        ("ECT n°8 ce matin pour une patiente, elle m'a parlé de ses vignes et des vendanges à Pomerol", True),
        ("ECT n°8 ce matin pour une patiente, elle m'a parlé de ses petits-enfants et de la mer", False),
        # a life stage in other words and a place
        ("he lost his wife two years ago and still can't sleep. Fenwickmoor born and bred", True),
        ("he lost his keys two years ago and still can't sleep. Fenwickmoor born and bred", False),
    ],
)
def test_described_in_other_words_next_to_a_health_detail(text: str, should_flag: bool) -> None:
    assert flagged(text) is should_flag
