"""client-connection: table-driven over relations, client status and policy."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from checks.base import CheckContext, Severity, SourceInfo
from checks.client_connection import ClientConnectionCheck
from checks.matching import Matcher
from checks.policy import Policy
from scanner.clients import Client, ClientList
from scanner.records import Connection, Person, Relation

CLIENTS = ClientList((Client("C1", "Grace Hollis"), Client("C2", "Peggy Lindgren", status="former")))
T = datetime(2021, 3, 1, 12, 0, tzinfo=UTC)


def run(person: str, relation: Relation, platform: str = "facebook", policy: Policy | None = None) -> list:
    ctx = CheckContext(policy=policy or Policy(), matcher=Matcher(CLIENTS), source=SourceInfo(platform))
    record = Connection(
        platform=platform, id="r1", source="friends.json#0", timestamp=T, person=Person(name=person), relation=relation
    )
    return list(ClientConnectionCheck().run(record, ctx))


@pytest.mark.parametrize(
    ("person", "relation", "platform", "severity"),
    [
        ("Grace Hollis", Relation.FRIEND, "facebook", Severity.HIGH),
        ("Grace Hollis", Relation.FOLLOWING, "instagram", Severity.HIGH),
        ("Grace Hollis", Relation.FOLLOWER, "instagram", Severity.MEDIUM),
        ("Grace Hollis", Relation.CONNECTION, "linkedin", Severity.HIGH),
        ("Peggy Lindgren", Relation.FRIEND, "facebook", Severity.MEDIUM),  # former: one step lower
        ("Grace Hollis", Relation.REQUEST_RECEIVED, "facebook", None),  # client-friend-request's job
        ("Grace Hollis", Relation.BLOCKED, "facebook", None),  # a boundary already in place
        ("Grace Hollis", Relation.CONTACT, "facebook", None),  # account-security's job
        ("Grace Hollins", Relation.FRIEND, "facebook", None),  # not a client
    ],
)
def test_relations(person: str, relation: Relation, platform: str, severity: Severity | None) -> None:
    found = run(person, relation, platform)
    assert [f.severity for f in found] == ([severity] if severity else [])


def test_finding_carries_the_record_and_client_without_naming_them_in_the_message() -> None:
    (finding,) = run("Grace Hollis", Relation.FRIEND)
    assert finding.category == "client-connection"
    assert finding.record.name == "Grace Hollis"
    assert finding.record.timestamp == T
    assert [c.id for c in finding.clients] == ["C1"]
    assert "Grace" not in finding.message


@pytest.mark.parametrize(("mode", "severity"), [("report", Severity.MEDIUM), ("lower", Severity.LOW), ("ignore", None)])
def test_former_client_policy(mode: str, severity: Severity | None) -> None:
    found = run("Peggy Lindgren", Relation.FRIEND, policy=Policy(former_clients=mode))
    assert [f.severity for f in found] == ([severity] if severity else [])


def test_linkedin_allowed_by_policy_is_info() -> None:
    (finding,) = run("Grace Hollis", Relation.CONNECTION, "linkedin", Policy(allow_linkedin_client_connections=True))
    assert finding.severity is Severity.INFO


def test_a_nickname_match_is_only_possible_and_says_so() -> None:
    """ "Rob Pruitt" in a friend list may be client Robert Pruitt, or his brother: confirm before acting."""
    clients = ClientList((Client("C3", "Robert Pruitt"),))
    ctx = CheckContext(policy=Policy(), matcher=Matcher(clients), source=SourceInfo("facebook"))
    found = {}
    for name in ("Rob Pruitt", "Robert Pruitt"):
        record = Connection(
            platform="facebook",
            id=name,
            source="friends.json#0",
            timestamp=T,
            person=Person(name=name),
            relation=Relation.FRIEND,
        )
        found[name] = next(iter(ClientConnectionCheck().run(record, ctx)))
    assert found["Rob Pruitt"].confidence <= 0.6 and "possible match" in found["Rob Pruitt"].message
    assert found["Robert Pruitt"].confidence == 1.0 and "possible" not in found["Robert Pruitt"].message


@pytest.mark.parametrize(
    ("name", "matched"),
    [("Brantley Cobb Sr.", False), ("Brantley Cobb Snr", False), ("Brantley Cobb", True), ("Brantley Cobb Jr.", True)],
)
def test_a_father_with_the_clients_name_is_not_the_client(name: str, matched: bool) -> None:
    clients = ClientList((Client("C8", "Brantley Cobb Jr."),))
    ctx = CheckContext(policy=Policy(), matcher=Matcher(clients), source=SourceInfo("facebook"))
    record = Connection(
        platform="facebook",
        id="r",
        source="friends.json#0",
        timestamp=T,
        person=Person(name=name),
        relation=Relation.FRIEND,
    )
    assert bool(list(ClientConnectionCheck().run(record, ctx))) is matched


@pytest.mark.parametrize(
    ("person", "reported"),
    [
        ("Grace Hollis Fans Cork", False),  # a page about a famous namesake, not the client
        ("grace.hollis.music", False),  # a username-only export entry of such a page
        ("Grace Hollis Official", False),
        ("Grace Hollis", True),
        ("grace.hollis", True),
    ],
)
def test_pages_about_a_namesake_are_not_the_client(person: str, reported: bool) -> None:
    assert bool(run(person, Relation.FOLLOWING, "instagram")) is reported


@pytest.mark.parametrize(
    ("person", "reported"),
    [
        (Person(name="Stan Nowicki"), True),  # "stan" is a page word, but here the client's own name
        (Person(name="Stan Nowicki Fans"), False),
        (Person(handle="leamartin.musique"), False),  # a page's username, with no display name
        (Person(handle="leamartin"), True),
    ],
)
def test_a_page_word_that_is_the_clients_own_name_makes_no_page(person: Person, reported: bool) -> None:
    clients = ClientList(
        (Client("C1", "Stanislaw Nowicki", aliases=("Stan", "Stan Nowicki")), Client("C2", "Léa Martin"))
    )
    ctx = CheckContext(policy=Policy(), matcher=Matcher(clients), source=SourceInfo("instagram"))
    record = Connection(
        platform="instagram", id="r1", source="f.json#0", timestamp=T, person=person, relation=Relation.FOLLOWING
    )
    assert bool(list(ClientConnectionCheck().run(record, ctx))) is reported


def test_a_facebook_page_followed_that_only_shares_a_clients_name_is_left_out() -> None:
    """Facebook's "who you've followed" lists pages and public profiles: one named like a client is most likely the
    public figure (counted for the report's note); the same client as a friend is reported."""
    assert run("Grace Hollis", Relation.FOLLOWING, "facebook") == []
    assert [f.severity for f in run("Grace Hollis", Relation.FRIEND, "facebook")] == [Severity.HIGH]
    assert [f.severity for f in run("Grace Hollis", Relation.FOLLOWING, "instagram")] == [Severity.HIGH]


@pytest.mark.parametrize(
    ("notes", "when", "handle", "reported"),
    [
        ("clinic program; 5 in 2019; Sandy Springs", datetime(2020, 2, 3, tzinfo=UTC), None, False),  # aged 5-6
        ("born 2014", datetime(2013, 4, 5, tzinfo=UTC), None, False),  # befriended before the child was born
        ("DOB 02/03/2009", datetime(2023, 4, 5, tzinfo=UTC), None, True),  # 14: may hold an account
        ("6 in 2020; Rhiwbina", datetime(2025, 2, 1, tzinfo=UTC), None, True),  # 11 or 12: many children do
        ("16 in 2023; junior at Tucker High", datetime(2022, 1, 2, tzinfo=UTC), None, True),
        ("5 in 2019", None, None, True),  # no date: the tie may be recent
        ("5 in 2019", datetime(2020, 2, 3, tzinfo=UTC), "noahg_official", True),  # the listed account is theirs
        ("plasterer from Mayfield; 34", datetime(2020, 2, 3, tzinfo=UTC), None, True),
    ],
)
def test_a_child_client_under_10_holds_no_account_named_like_them(
    notes: str, when: datetime | None, handle: str | None, reported: bool
) -> None:
    """A friend named like a child client who was under 10 at the time of the friendship (by the age the notes
    give) is a parent or an adult namesake; the client's own listed account is still theirs."""
    client = Client("C9", "Noah Goldberg", notes=notes, handles=(("facebook", "noahg_official"),))
    ctx = CheckContext(policy=Policy(), matcher=Matcher(ClientList((client,))), source=SourceInfo("facebook"))
    person = Person(name="Noah J. Goldberg" if handle is None else "Noah Goldberg", handle=handle)
    record = Connection(
        platform="facebook", id="r1", source="friends.json#0", timestamp=when, person=person, relation=Relation.FRIEND
    )
    assert bool(list(ClientConnectionCheck().run(record, ctx))) is reported


@pytest.mark.parametrize(
    ("relation", "reported"),
    [
        (Relation.FOLLOWING, False),  # you follow "grace.hollis.music": most likely the singer's own account
        (Relation.FOLLOWER, True),  # it follows you: a singer's account does not, a client who plays music may
    ],
)
def test_an_account_with_a_makers_word_that_reaches_out_to_you_is_a_person(relation: Relation, reported: bool) -> None:
    ctx = CheckContext(policy=Policy(), matcher=Matcher(CLIENTS), source=SourceInfo("instagram"))
    record = Connection(
        platform="instagram",
        id="r1",
        source="f.json#0",
        timestamp=T,
        person=Person(handle="grace.hollis.music"),
        relation=relation,
    )
    assert bool(list(ClientConnectionCheck().run(record, ctx))) is reported


def test_a_fan_page_that_follows_you_is_still_a_page() -> None:
    assert run("Grace Hollis Fans Cork", Relation.FOLLOWER, "instagram") == []
