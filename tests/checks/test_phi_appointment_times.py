"""An appointment's hour without its weekday (checks/phi_identifier.py, helper phi10; issue 18 item 7): a visit or
a call arranged at an hour, a care event at an hour, an hour before its day. Counts of years, minutes or kilos
after "at" are not an hour."""

from __future__ import annotations

import pytest

from checks.phi_identifier import find_identifiers


def _reasons(text: str) -> list[str]:
    return [e.reason for e in find_identifiers(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Morning Marcus. The on-call nurse is calling you at 8 and I'll see you at 11 at the house.",
        "oui je passe aux Glycines à 9h, on fait le point avec la psy",
        "Bonsoir Jacotte, je passe vous voir à 21h avec une crème",
        "she is doing her first exposure at 11, can you be in the next room?",
        "Can anyone cover the 2pm family meeting on 4 East?",
        "housing at 4 tomorrow, i'm going with him",
        "On monte à 2 demain, elle tient le coup",
    ],
)
def test_an_hour_arranged_is_an_identifier(text: str) -> None:
    assert any(r.startswith("appointment") for r in _reasons(text))


@pytest.mark.parametrize(
    "text",
    [
        "he came to us at 16 years old and left a poet",
        "see you at 10 years sober, that's the deal",
        "the meeting ran 5 minutes over and nobody minded",
        "we'll see you at the parade, bring a chair",
    ],
)
def test_a_count_is_not_an_hour(text: str) -> None:
    assert _reasons(text) == []
