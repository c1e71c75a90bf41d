"""Clients who share a public figure's name: follows and likes by name only are the public figure's."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from checks.analysis.people import namesakes_note, shares_public_name
from checks.base import Check, CheckContext, Finding, SourceInfo
from checks.client_connection import ClientConnectionCheck
from checks.client_engagement import ClientEngagementCheck
from checks.matching import Matcher
from checks.policy import Policy
from scanner.clients import Client, ClientList
from scanner.records import AnyRecord, Comment, Connection, Person, Post, Reaction, Relation, Search

T = datetime(2021, 3, 1, 12, 0, tzinfo=UTC)
NAMESAKE = Client("C1", "Luke Bryan", notes="adult; same name as the country singer; Bed 7")
LISTED = Client("C2", "Roy Keane", handles=(("instagram", "roykeane_mallow"),), notes="not the footballer")
PLAIN = Client("C3", "Grace Hollis", notes="anxiety; sings in the choir")
ASTRONAUT = Client("C4", "Thomas Pesquet", notes="attaques de panique; même nom que l'astronaute")
CLIENTS = ClientList((NAMESAKE, LISTED, PLAIN, ASTRONAUT))


@pytest.mark.parametrize(
    ("notes", "namesake"),
    [
        ("same name as the country singer", True),
        ("58; not the footballer; retired bus driver", True),
        ("namesake of the rugby league player; CMHT 2020", True),
        ("homonyme du footballeur; pavillon Les Hêtres 2016", True),
        ("attaques de panique; même nom que l'astronaute", True),
        ("pas le chanteur", True),
        ("not the first admission this year; lives with her mother", False),
        ("student; no relation to clinician's husband Donal Hegarty", False),
        ("anxiety; famous for her baking at the bake sale", False),
        ("", False),
    ],
)
def test_notes_saying_the_client_shares_a_public_figures_name(notes: str, namesake: bool) -> None:
    assert shares_public_name(Client("C9", "Ann Lee", notes=notes)) is namesake


def _context() -> CheckContext:
    return CheckContext(policy=Policy(), matcher=Matcher(CLIENTS), source=SourceInfo("instagram"))


def _connection(relation: Relation, name: str | None = None, handle: str | None = None, n: int = 0) -> Connection:
    person = Person(name=name, handle=handle)
    return Connection(
        platform="instagram", id=f"c{n}", source="f.json#0", timestamp=T, person=person, relation=relation
    )


def _run(check: Check, records: list[AnyRecord], ctx: CheckContext) -> list[Finding]:
    found = [f for record in records for f in check.run(record, ctx)]
    return found + list(check.finish(ctx))


@pytest.mark.parametrize(
    ("record", "reported"),
    [
        (_connection(Relation.FOLLOWING, "Luke Bryan"), False),  # the singer's account
        (_connection(Relation.FOLLOWER, handle="lukebryan"), False),
        (_connection(Relation.FRIEND, "Luke Bryan"), True),  # a friend is not a one-way tie
        (_connection(Relation.FOLLOWING, handle="roykeane"), False),
        (_connection(Relation.FOLLOWING, handle="roykeane_mallow"), True),  # the client's listed account
        (_connection(Relation.FOLLOWER, handle="thomaspesquet"), False),
        (_connection(Relation.FOLLOWER, handle="tompesquet_dev"), True),  # a nickname: not the famous name
        (_connection(Relation.FOLLOWING, "Grace Hollis"), True),  # nothing in her notes about a namesake
    ],
)
def test_one_way_connections_of_a_namesake(record: Connection, reported: bool) -> None:
    ctx = _context()
    found = _run(ClientConnectionCheck(), [record], ctx)
    assert bool(found) is reported
    assert (namesakes_note(ctx.tallies) is None) is reported


def _like(owner: str, n: int) -> Reaction:
    return Reaction(platform="instagram", id=f"r{n}", source="l.json#0", timestamp=T, target_owner=Person(name=owner))


def test_a_like_is_the_clients_post_only_when_the_client_is_a_friend_there() -> None:
    ctx = _context()
    likes: list[AnyRecord] = [_like("Luke Bryan", 1), _like("Grace Hollis", 2)]
    found = _run(ClientEngagementCheck(), likes, ctx)
    assert [f.record.name for f in found] == ["Grace Hollis"]
    note = namesakes_note(ctx.tallies)
    assert note is not None and note.startswith("1 followed or following account, like or comment was left out")
    assert "Luke" not in note  # notes never name a client

    ctx = _context()
    with_friend = [_like("Luke Bryan", 1), _connection(Relation.FRIEND, "Luke Bryan")]
    assert [f.record.name for f in _run(ClientEngagementCheck(), with_friend, ctx)] == ["Luke Bryan"]
    assert namesakes_note(ctx.tallies) is None


def test_likes_waiting_for_finish_merge_across_batches_as_in_one_process() -> None:
    """Worker processes hand their state to the main process: the friend may be in another batch."""
    records: list[AnyRecord] = [
        _like("Luke Bryan", 1),
        _like("Grace Hollis", 2),
        _connection(Relation.FRIEND, "Luke Bryan"),
    ]
    alone = _run(ClientEngagementCheck(), records, _context())

    main, check = _context(), ClientEngagementCheck()
    found: list[Any] = []
    for batch in (records[:2], records[2:]):
        worker = _context()
        found += [f for record in batch for f in check.run(record, worker)]
        check.merge_state(main, check.batch_state(worker))
    found += list(check.finish(main))
    assert (
        sorted(f.record.name for f in found) == sorted(f.record.name for f in alone) == ["Grace Hollis", "Luke Bryan"]
    )


def _comment(owner: str, n: int) -> Comment:
    return Comment(
        platform="instagram", id=f"c{n}", source="c.json#0", timestamp=T, text="🔥🔥", target_owner=Person(name=owner)
    )


def _reply(handle: str, n: int) -> Post:
    return Post(platform="instagram", id=f"p{n}", source="p.json#0", timestamp=T, in_reply_to=Person(handle=handle))


def _search(query: str, n: int) -> Search:
    return Search(platform="instagram", id=f"s{n}", source="s.json#0", timestamp=T, query=query)


def test_a_comment_reply_or_search_of_a_namesakes_name_is_the_public_figures_unless_the_client_is_a_friend() -> None:
    ctx = _context()
    records: list[AnyRecord] = [_comment("Luke Bryan", 1), _reply("lukebryan", 2), _search("Luke Bryan", 3)]
    records += [_comment("Grace Hollis", 4)]  # nothing in her notes about a namesake
    found = _run(ClientEngagementCheck(), records, ctx)
    assert [f.record.name for f in found] == ["Grace Hollis"]
    assert namesakes_note(ctx.tallies) is not None and namesakes_note(ctx.tallies).startswith("3 followed")

    ctx = _context()
    records = [_comment("Luke Bryan", 1), _reply("lukebryan", 2), _connection(Relation.FRIEND, "Luke Bryan")]
    assert len(_run(ClientEngagementCheck(), records, ctx)) == 2


def test_a_like_of_a_namesakes_page_is_the_public_figures_even_with_the_client_a_friend() -> None:
    ctx = _context()
    page = Reaction(
        platform="facebook",
        id="r1",
        source="l.json#0",
        timestamp=T,
        title="Ann liked Luke Bryan's page.",
        target_owner=Person(name="Luke Bryan"),
    )
    post = Reaction(
        platform="facebook",
        id="r2",
        source="l.json#0",
        timestamp=T,
        title="Ann liked Luke Bryan's post.",
        target_owner=Person(name="Luke Bryan"),
    )
    friend = Connection(
        platform="facebook",
        id="c1",
        source="f.json#0",
        timestamp=T,
        person=Person(name="Luke Bryan"),
        relation=Relation.FRIEND,
    )
    found = _run(ClientEngagementCheck(), [page, post, friend], ctx)
    assert [f.record.id for f in found] == ["r2"]  # the post on the friend's profile stays the client's
    # a page named like a client whose notes name no public figure is still reported
    plain = Reaction(
        platform="facebook",
        id="r3",
        source="l.json#0",
        timestamp=T,
        title="Ann liked Grace Hollis's page.",
        target_owner=Person(name="Grace Hollis"),
    )
    assert [f.record.id for f in _run(ClientEngagementCheck(), [plain], _context())] == ["r3"]
