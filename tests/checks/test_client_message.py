"""client-message: threads with clients, group threads, work hours."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import cast

import pytest

from checks.analysis.work_hours import within_work_hours
from checks.base import CheckContext, Severity, SourceInfo
from checks.client_message import ClientMessageCheck
from checks.matching import Matcher, PersonMatch
from checks.policy import Policy, policy_from_dict
from scanner.clients import Client, ClientList
from scanner.records import Message, Person, Thread

CLIENTS = ClientList(
    (Client("C1", "Grace Hollis"), Client("C2", "Bobby Pruitt"), Client("C3", "Shiv Gallagher", status="former"))
)
POLICY = policy_from_dict(
    {
        "work_hours": {
            "timezone": "America/Chicago",
            "mon": ["08:30-17:00"],
            "tue": ["08:30-20:00"],
            "wed": ["08:30-17:00"],
        }
    }
)
OWNER = "Tess Dombrowski"


def thread(*people: str, times: tuple[str, ...] = ("2021-09-28T03:18:00+00:00",), owner_last: bool = True) -> Thread:
    msgs = [Message(Person(name=people[0]), datetime.fromisoformat(t)) for t in times]
    if owner_last:
        msgs.append(Message(Person(name=OWNER), datetime.fromisoformat(times[-1]), from_owner=True))
    return Thread(
        platform="facebook",
        id="t1",
        source="inbox/x/message_1.json",
        timestamp=msgs[0].timestamp,
        participants=tuple(Person(name=p) for p in (OWNER, *people)),
        messages=tuple(msgs),
    )


def run(record: Thread, policy: Policy = POLICY) -> list:
    ctx = CheckContext(policy=policy, matcher=Matcher(CLIENTS), source=SourceInfo("facebook", account_name=OWNER))
    return list(ClientMessageCheck().run(record, ctx))


@pytest.mark.parametrize(
    ("people", "severity", "clients"),
    [
        (("Grace Hollis",), Severity.HIGH, ["C1"]),
        (("Shiv Gallagher",), Severity.MEDIUM, ["C3"]),  # former client
        (("Grace Hollins",), None, []),
        (("Mark Dombrowski", "Bobby Pruitt"), Severity.HIGH, ["C2"]),  # group thread with a client
        (("Grace Hollis", "Bobby Pruitt"), Severity.HIGH, ["C1", "C2"]),  # one finding, two clients
    ],
)
def test_threads(people: tuple[str, ...], severity: Severity | None, clients: list[str]) -> None:
    found = run(thread(*people))
    assert [f.severity for f in found] == ([severity] if severity else [])
    if found:
        assert [c.id for c in found[0].clients] == clients
        assert found[0].record.name == next(p for p in people if p != "Mark Dombrowski")


def test_after_hours_messages_are_counted_and_named_as_evidence() -> None:
    # 03:18 UTC on Tue 28 Sep 2021 is Mon 22:18 in Chicago: outside hours; 14:00 UTC is 09:00 Tuesday: inside.
    (finding,) = run(thread("Grace Hollis", times=("2021-09-28T03:18:00+00:00", "2021-09-28T14:00:00+00:00")))
    assert "1 were sent outside your work hours" in finding.message
    assert "outside work hours" in finding.title
    assert [e.text for e in finding.evidence] == ["Mon 2021-09-27 22:18"]


def test_no_work_hours_in_policy_means_no_hours_claim() -> None:
    (finding,) = run(thread("Grace Hollis"), Policy())
    assert "outside" not in finding.message
    assert finding.evidence == ()


@pytest.mark.parametrize(
    ("moment", "inside"),
    [
        ("2024-04-16T23:30:00+00:00", True),  # Tue 18:30 Chicago, evening group day
        ("2024-04-17T23:30:00+00:00", False),  # Wed 18:30
        ("2024-04-20T15:00:00+00:00", False),  # Saturday
        ("2024-04-15T13:30:00+00:00", True),  # Mon 08:30 sharp
    ],
)
def test_within_work_hours(moment: str, inside: bool) -> None:
    assert within_work_hours(datetime.fromisoformat(moment), POLICY.work_hours) is inside


def test_unknown_hours() -> None:
    assert within_work_hours(datetime(2024, 4, 16, tzinfo=UTC), Policy().work_hours) is None


def test_username_shown_as_display_name_is_tried_as_a_handle() -> None:
    clients = ClientList((Client("C9", "Destiny Ruiz", handles=(("instagram", "destinyruiz.xo"),)),))
    ctx = CheckContext(policy=POLICY, matcher=cast(Matcher, _HandleMatcher(clients)), source=SourceInfo("instagram"))
    record = Thread(
        platform="instagram",
        id="t",
        source="s",
        participants=(Person(name="destinyruiz.xo"),),
        messages=(Message(Person(name="destinyruiz.xo"), None, "r u awake"),),
    )
    (finding,) = ClientMessageCheck().run(record, ctx)
    assert finding.record.name == "destinyruiz.xo"


class _HandleMatcher:
    """The matcher's handle rule only (the real matcher does more)."""

    def __init__(self, clients: ClientList) -> None:
        self.clients = clients

    def match_person(self, person: Person, platform: str, **_: object) -> PersonMatch | None:
        for client in self.clients.clients:
            if person.handle and (platform, person.handle) in client.handles:
                return PersonMatch(client, "handle", 1.0)
        return None
