"""client-mention: a first name that is also a word, opening a sentence, backed by a fact of that client's notes."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from checks.base import CheckContext, Finding, SourceInfo
from checks.client_mention import ClientMentionCheck
from checks.matching import Matcher
from checks.policy import Policy, Workplace
from scanner.clients import Client, ClientList
from scanner.records import Audience, Post

T0 = datetime(2024, 3, 5, 15, 0, tzinfo=UTC)
CLIENTS = ClientList(
    (
        Client(id="C1", name="Joy Whitlock", notes="72; sertraline since spring; retired baker"),
        Client(id="C2", name="Hope Dunmore", notes="room 214; hip fracture; loves crosswords"),
        Client(id="C3", name="Faith Arnot", notes="9; ADHD, on ritalin; reads mermaid books"),
        Client(id="C4", name="Grâce Nsimba", notes="stage à la crèche communale; Charleroi"),
    )
)
POLICY = Policy(workplace=Workplace(name="Riverside Community Health"))


def _clients(text: str) -> set[str]:
    ctx = CheckContext(policy=POLICY, matcher=Matcher(CLIENTS), source=SourceInfo(platform="x"))
    post = Post(platform="x", id="p1", source="t", timestamp=T0, text=text, audience=Audience.PUBLIC)
    check = ClientMentionCheck()
    findings: list[Finding] = [*check.run(post, ctx), *check.finish(ctx), *check.finish_scan(ctx.scan_memo)]
    return {c.id for f in findings for c in f.clients}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an uncommon word of the notes beside the name
        ("Joy was a bit brighter today, the sertraline is finally doing something. Tiny wins.", {"C1"}),
        # a labelled number of the notes ("room 214")
        ("Hope in room 214 finally got off the oxy, just the patch now.", {"C2"}),
        # the name followed by "you", as "Will you", but an uncommon word of the notes says who
        ("the ritalin went up and suddenly she's reading chapter books. Faith you legend", {"C3"}),
        # near misses: the same openings with nothing of the client's notes
        ("Joy was a bit everywhere today at the parade. Tiny wins.", set()),
        ("Hope in the end we all get there, one step at a time.", set()),
        ("new chapter books for the holidays. Faith you legend", set()),
        # French: the name, and the phrase "grâce à" (thanks to) whatever the notes
        ("Grâce a commencé son stage à la crèche ce matin, sa première journée.", {"C4"}),
        ("Communion ce matin à Charleroi. Grâce à Dieu il n'a pas plu", set()),
    ],
)
def test_word_name_opening_a_sentence(text: str, expected: set[str]) -> None:
    assert _clients(text) == expected


def test_a_sentence_end_after_her_is_no_kinship() -> None:
    """ "her Sophie" is somebody's Sophie; "… with her. Sophie …" opens a new sentence with the name."""
    matcher = Matcher(ClientList((Client(id="S1", name="Sophie Nolan"),)))
    assert [h.text for h in matcher.find_in_text("watched Glee with her. Sophie you're a legend")] == ["Sophie"]
    assert matcher.find_in_text("watched Glee with her Sophie, what a night") == []
