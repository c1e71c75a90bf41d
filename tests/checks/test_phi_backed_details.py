"""phi-identifier: an age several clients' notes give backing a detail of one client's own, and a first name read
as a word next to a detail of that client's notes and a health detail."""

from __future__ import annotations

import pytest

from scanner.clients import Client, ClientList
from tests.checks.test_phi_identifier import phi_flagged

CLIENTS = ClientList(
    (
        # three clients of 15: the age alone is no description of any of them
        Client(id="B1", name="Tamsin Oakley", notes="15; agoraphobia; Wembley; netball"),
        Client(id="B2", name="Corin Vale", notes="15; school refusal; Stratton; drums"),
        Client(id="B3", name="Ilse Marrow", notes="15; selective mutism; Bayswater; chess"),
        # three clients in Bridgewater: the place alone is no description of any of them
        Client(id="B4", name="Odile Farrant", notes="48; fortnightly depot; Bridgewater; mad on bingo"),
        Client(id="B5", name="Gus Penrith", notes="52; Bridgewater; ex-welder; pigeons"),
        Client(id="B6", name="Wyn Astley", notes="60; Bridgewater; retired postie; allotment"),
        # a first name that is also a word
        Client(id="B7", name="Joy Halloran", notes="recurrent depression; sertraline; pharmacy assistant in Blarney"),
    )
)


def flagged(text: str) -> bool:
    return phi_flagged(CLIENTS, text)


@pytest.mark.parametrize(
    ("text", "should_flag"),
    [
        # an age three clients share backs a place only one client's notes hold
        ("15, Wembley, hasn't left the house in months. panic attacks every time she opens the door", True),
        ("a girl of 15 hasn't left the house in months. panic attacks every time she opens the door", False),
        # a word three clients' notes hold (a place) backs nothing: measured, it was a team's or a unit's name as often
        ("the lady in bridgewater: seen her tuesday, depot done, and bingo on tuesday is sacred to her", False),
        # a first name read as a word, a detail of that client's notes and a health detail
        ("Joy was a bit brighter today, the sertraline is finally doing something after 8 weeks", True),
        ("Joy was a bit brighter today, the new tablets are finally doing something after 8 weeks", False),
    ],
)
def test_backed_details_and_names_beside_a_fact(text: str, should_flag: bool) -> None:
    assert flagged(text) is should_flag
