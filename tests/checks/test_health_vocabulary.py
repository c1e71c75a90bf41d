"""Health details a client writes in their own messages, and the ones an owner's own or other words are not."""

from __future__ import annotations

import pytest

from checks.base import CheckContext, SourceInfo
from checks.matching import Matcher
from checks.phi_identifier import PhiIdentifierCheck
from checks.policy import Policy, Workplace
from checks.text import analyze
from scanner.clients import Client, ClientList
from scanner.records import Message, Person
from tests.checks.records import T0, facebook_thread

CLIENTS = ClientList((Client(id="C1", name="Kacey Barlow"),))


@pytest.mark.parametrize(
    ("said", "reply"),
    [
        ("i been cutting again", "Thank you. Please ring the team."),
        ("90 days tmrw!! thanks for not giving up", "Thank you. Please ring the team."),
        ("they said i might not keep the baby", "Thank you. Please ring the team."),
        ("10 weeks no bets btw", "Thank you. Please ring the team."),
        ("the lump came back benign!!", "Thank you. Please ring the team."),
        ("je dors plus depuis 4 nuits et j'ai arrêté mes comprimés", "Merci de me le dire. Appelle l'équipe demain."),
        # a client writing French to an owner who answers in English: their message is read in French
        ("je dors plus depuis 4 nuits et j'ai arrêté mes comprimés", "Thank you for telling me. Please ring the team."),
    ],
)
def test_a_clients_own_message_holds_their_health_detail(said: str, reply: str) -> None:
    thread = facebook_thread(
        "Kacey Barlow",
        Message(sender=Person(name="Kacey Barlow"), text=said, timestamp=T0),
        Message(sender=Person(name="Jodie Marsh"), text=reply, timestamp=T0, from_owner=True),
    )
    ctx = CheckContext(
        policy=Policy(workplace=Workplace(name="Kirkgate House")),
        matcher=Matcher(CLIENTS),
        source=SourceInfo(platform="facebook"),
    )
    findings = list(PhiIdentifierCheck().run(thread, ctx))
    assert findings and "health detail" in findings[0].message.lower()


@pytest.mark.parametrize(
    "text",
    [
        "the voices of our members matter",
        "one stroke at a time across the lake",
        "what a stroke of luck",
        "today's dose of sunshine",
        "I ordered puree for the baby",
        "we moved here 2 years today",
    ],
)
def test_ordinary_senses_are_not_health_details(text: str) -> None:
    a = analyze(text)
    assert [h.text for h in a.health_hits()] == []
