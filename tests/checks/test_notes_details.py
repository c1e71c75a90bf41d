"""phi-identifier: a client the notes describe next to a health detail (two notes details of one person, said in
the notes' words or in another form of them), and what is not such a description."""

from __future__ import annotations

import pytest

from scanner.clients import Client, ClientList
from tests.checks.test_phi_identifier import phi_flagged

CLIENTS = ClientList(
    (
        Client(id="N1", name="Rowan Keele", notes="44; bus driver on the night routes; Hodgkin lymphoma 2016"),
        Client(id="N2", name="Ada Pemberton", notes="33; primary school teacher in Harrowgate; bipolar II"),
        Client(id="N3", name="Tobias Wren", notes="39; truck driver on the coast road; depression"),
        Client(id="N4", name="Lena Sorel", notes="23; easy-read letters; lives in Butetown"),
        Client(id="N6", name="Pia Lund", notes="41; ski instructor at Alta; binge eating"),
        Client(id="N5", name="Mina Castell", notes="knits lullabies into blankets; Dunmore"),
    )
)


def flagged(text: str) -> bool:
    return phi_flagged(CLIENTS, text)


@pytest.mark.parametrize(
    ("text", "should_flag"),
    [
        # two notes details of one person and a health detail
        (
            "new patient drives a bus, nights. told me he had night sweats for months before the lymphoma was found",
            True,
        ),
        ("primary school teacher, 33, five days no sleep, quetiapine started tonight", True),
        ("the ski instructor I see is bingeing again since the season ended. she asked me for weekly sessions", True),
        (
            "the ski instructor I see is teaching again since the season started. she asked me for weekly sessions",
            False,
        ),
        # the notes' fact in another form of its word: "truckie" for "truck driver"
        ("the truckie, 39, rolled his rig and told me he wished he hadn't survived. his depression is back", True),
        ("a bloke, 39, rolled his rig and told me he wished he hadn't survived. his depression is back", False),
        # no single person: a caseload, a talk
        (
            "easy-read letters about the covid vaccine going out to my whole caseload tomorrow. anxiety everywhere",
            False,
        ),
        # one detail only
        ("a bus passed me on the way to work and I had a panic attack", False),
    ],
)
def test_described_next_to_a_health_detail(text: str, should_flag: bool) -> None:
    assert flagged(text) is should_flag
