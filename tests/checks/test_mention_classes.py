"""client-mention: a word-name in lower case, famous namesakes followed or in the notes."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from checks.base import CheckContext, Finding, SourceInfo
from checks.client_mention import ClientMentionCheck
from checks.matching import Matcher
from checks.policy import Policy, Workplace
from scanner.clients import Client, ClientList
from scanner.records import AnyRecord, Audience, Connection, Person, Post, Relation

T0 = datetime(2024, 3, 5, 15, 0, tzinfo=UTC)
CLIENTS = ClientList(
    (
        Client(id="C1", name="Grace Hollis"),
        Client(id="C2", name="Rowan Tiller"),
        Client(id="C3", name="Michael Jordan"),
        Client(id="C4", name="Lewis Stevenson", notes="same name as the Hibs player; Tyne ward; plays darts"),
    )
)
POLICY = Policy(workplace=Workplace(name="Riverside Community Health"))


def _post(text: str) -> Post:
    return Post(platform="x", id=str(abs(hash(text))), source="t", timestamp=T0, text=text, audience=Audience.PUBLIC)


def _follows(name: str, relation: Relation = Relation.FOLLOWING) -> Connection:
    return Connection(
        platform="facebook", id=name, source="f.json#0", timestamp=T0, person=Person(name=name), relation=relation
    )


def _clients(*records: AnyRecord) -> set[str]:
    """The client ids of client-mention's findings over the records of one archive (kept to the end of the scan)."""
    ctx = CheckContext(policy=POLICY, matcher=Matcher(CLIENTS), source=SourceInfo(platform="x"))
    check = ClientMentionCheck()
    findings: list[Finding] = [f for r in records for f in check.run(r, ctx)]
    findings += [*check.finish(ctx), *check.finish_scan(ctx.scan_memo)]
    return {c.id for f in findings for c in f.clients} | ({"?"} if any(not f.clients for f in findings) else set())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("grace went back to group today. first session since the funeral", {"C1"}),
        ("@sam_rn rowan didn't come to group. texted the group home", {"C2"}),
        # near misses: the word, or a writer who capitalises names (who would have written Grace)
        ("grace and patience, that is what group work takes", set()),
        ("grace went back to group today with Pat, first session since the funeral", set()),
    ],
)
def test_word_name_in_lower_case(text: str, expected: set[str]) -> None:
    assert _clients(_post(text)) == expected


def test_full_name_alone_of_a_followed_page_is_the_public_figure() -> None:
    text = "Michael Jordan in Cardiff Bay tonight, what a night"
    assert _clients(_post(text)) == {"C3"}
    assert _clients(_follows("Michael Jordan"), _post(text)) == set()
    # a friend, not a followed page; or the name in a text about the work
    assert _clients(_follows("Michael Jordan", Relation.FRIEND), _post(text)) == {"C3"}
    assert _clients(_follows("Michael Jordan"), _post("Michael Jordan finally opened up in group today")) == {"C3"}


def test_namesake_in_the_notes_with_a_fact_of_the_client() -> None:
    assert _clients(_post("Lewis Stevenson won the darts final on Tyne tonight")) == {"C4"}
    assert _clients(_post("Lewis Stevenson was brilliant for Hibs today")) == set()
