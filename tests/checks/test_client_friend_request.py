"""client-friend-request: received, sent and declined requests."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from checks.base import CheckContext, Severity, SourceInfo
from checks.client_friend_request import ClientFriendRequestCheck
from checks.matching import Matcher
from checks.policy import Policy
from scanner.clients import Client, ClientList
from scanner.records import Connection, Person, Relation

CLIENTS = ClientList((Client("C1", "Chase Mercer"), Client("C2", "Summer Beaulieu", status="former")))


def run(person: str, relation: Relation, platform: str = "facebook") -> list:
    ctx = CheckContext(policy=Policy(), matcher=Matcher(CLIENTS), source=SourceInfo(platform))
    record = Connection(
        platform=platform,
        id="r",
        source="requests.json#0",
        timestamp=datetime(2025, 3, 3, tzinfo=UTC),
        person=Person(name=person),
        relation=relation,
    )
    return list(ClientFriendRequestCheck().run(record, ctx))


@pytest.mark.parametrize(
    ("person", "relation", "severity"),
    [
        ("Chase Mercer", Relation.REQUEST_RECEIVED, Severity.HIGH),
        ("Chase Mercer", Relation.REQUEST_SENT, Severity.CRITICAL),
        ("Summer Beaulieu", Relation.REQUEST_SENT, Severity.HIGH),  # former client: one step lower
        ("Chase Mercer", Relation.REQUEST_REJECTED, Severity.INFO),
        ("Chase Mercer", Relation.FRIEND, None),  # client-connection's job
        ("Dan Mercer", Relation.REQUEST_RECEIVED, None),  # shares a surname only
        ("chase.mercer.music", Relation.REQUEST_RECEIVED, Severity.HIGH),  # a client who plays music asks to follow
        ("chase.mercer.music", Relation.REQUEST_SENT, None),  # you ask to follow a music account: a page
    ],
)
def test_requests(person: str, relation: Relation, severity: Severity | None) -> None:
    assert [f.severity for f in run(person, relation)] == ([severity] if severity else [])


@pytest.mark.parametrize(
    ("platform", "word"), [("facebook", "friend request"), ("instagram", "follow request"), ("linkedin", "invitation")]
)
def test_received_message_is_kind_and_uses_the_platform_word(platform: str, word: str) -> None:
    (finding,) = run("Chase Mercer", Relation.REQUEST_RECEIVED, platform)
    assert word in finding.message
    assert "don't accept" in finding.message
    assert "clinical record" in finding.message
    assert "Chase" not in finding.message
    assert finding.record.name == "Chase Mercer"
