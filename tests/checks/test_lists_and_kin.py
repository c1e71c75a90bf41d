"""Names that are someone else's by where they stand: an item of a ranking or a cast, a name a particle carries on,
a friend whose name the notes say a relative shares; and a client cue before a name that an apposition follows
(issue 18 item 6, helper men7). Each kind with a near miss that stays the client."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from checks.analysis.mentions import in_list_of_names
from checks.base import CheckContext, Finding, SourceInfo
from checks.client_connection import ClientConnectionCheck
from checks.client_mention import ClientMentionCheck
from checks.matching import Matcher
from checks.policy import Policy, Workplace
from scanner.clients import Client, ClientList
from scanner.records import AnyRecord, Audience, Connection, Person, Post, Relation

T0 = datetime(2024, 3, 5, 15, 0, tzinfo=UTC)
CLIENTS = ClientList(
    (
        Client(id="C1", name="Patricia Brown", aliases=("Patty",)),
        Client(id="C2", name="Fionn MacCarthy", aliases=("Fionn Mac",)),
        Client(id="C3", name="Elizabeth Moore", aliases=("Liz",)),
        Client(id="C4", name="Ghislaine Dechamps", notes="91 ans; même nom que la grand-mère de la psychologue"),
        Client(id="C5", name="Michael Clarke", notes="same name as the cricketer"),
    )
)
POLICY = Policy(workplace=Workplace(name="Riverside Community Health"))


def _post(text: str) -> Post:
    return Post(platform="x", id=str(abs(hash(text))), source="t", timestamp=T0, text=text, audience=Audience.PUBLIC)


def _mentioned(*records: AnyRecord) -> set[str]:
    ctx = CheckContext(policy=POLICY, matcher=Matcher(CLIENTS), source=SourceInfo(platform="x"))
    check = ClientMentionCheck()
    findings: list[Finding] = [f for r in records for f in check.run(r, ctx)]
    findings += [*check.finish(ctx), *check.finish_scan(ctx.scan_memo)]
    return {c.id for f in findings for c in f.clients}


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("1.  Emily Gilmore2.  Sookie3.  Lane's mother4.  Miss Patty #Top4", "Patty", True),
        ("#Top4 4. Sookie 3. Michel 2. Lane 1. Jess", "Lane", True),
        ("my top 4: Max, Jess, Luke, Sookie", "Luke", True),
        ("#Top4 : 4\ufe0f\u20e3Sookie 3\ufe0f\u20e3Taylor 2\ufe0f\u20e3Richard 1\ufe0f\u20e3Ms.Patty", "Patty", True),
        # a numbered list of sentences, and a short list of three, are no ranking
        ("Wins today: 1. Miss Opal ate all her lunch 2. Mr B walked to the garden 3. Dot sang", "Opal", False),
        ("Group tonight with Sam, Jo and Mike was great", "Jo", False),
    ],
)
def test_list_of_names(text: str, name: str, expected: bool) -> None:
    start = text.index(name)
    assert in_list_of_names(text, start, start + len(name)) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a ranking of a show's characters, "Miss Patty" among them
        ("1. Emily 2. Sookie 3. Lane's mother 4. Miss Patty #GilmoreGirlsTop4", set()),
        ("Miss Patty went home to be with the Lord this morning, 94", {"C1"}),
        # a particle carried on by a capitalised word: a longer name
        ("Darragh is obsessed with the Fionn Mac Cumhaill stories, Giant's Causeway next", set()),
        ("Fionn Mac came in today for his depot, psychosis settling", {"C2"}),
        # a client cue before the name outweighs the apposition after it
        ("My client Elizabeth (my Liz, she said I could share) got her kids back from CPS today", {"C3"}),
        ("Elizabeth (my sister, she said I could share) got her keys back today after therapy", set()),
    ],
)
def test_mentions(text: str, expected: set[str]) -> None:
    assert _mentioned(_post(text)) == expected


def _connection(name: str, relation: Relation = Relation.FRIEND) -> list[Finding]:
    ctx = CheckContext(policy=POLICY, matcher=Matcher(CLIENTS), source=SourceInfo("facebook"))
    record = Connection(
        platform="facebook", id="r1", source="friends.json#0", timestamp=T0, person=Person(name=name), relation=relation
    )
    return list(ClientConnectionCheck().run(record, ctx))


def test_friend_named_like_a_relative_the_notes_give() -> None:
    # the notes say the clinician's grandmother shares the name: a friend of that name is the grandmother
    assert _connection("Ghislaine Dechamps") == []
    assert ctx_note(_connection_ctx("Ghislaine Dechamps")) == 1
    # a public figure's namesake stays reported when a friend (the client may be one), not followed
    assert len(_connection("Michael Clarke")) == 1
    assert _connection("Michael Clarke", Relation.FOLLOWING) == []


def _connection_ctx(name: str) -> CheckContext:
    ctx = CheckContext(policy=POLICY, matcher=Matcher(CLIENTS), source=SourceInfo("facebook"))
    record = Connection(
        platform="facebook",
        id="r1",
        source="friends.json#0",
        timestamp=T0,
        person=Person(name=name),
        relation=Relation.FRIEND,
    )
    list(ClientConnectionCheck().run(record, ctx))
    return ctx


def ctx_note(ctx: CheckContext) -> int:
    return sum(ctx.tallies.values())
