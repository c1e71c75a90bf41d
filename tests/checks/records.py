"""Records the check tests build again and again."""

from __future__ import annotations

from datetime import UTC, datetime

from checks.base import CheckContext, SourceInfo
from checks.matching import Matcher
from checks.phi_identifier import PhiIdentifierCheck
from checks.policy import Policy, Workplace
from checks.text import analyze
from scanner.clients import ClientList
from scanner.records import Audience, Message, Person, Post, Thread

T0 = datetime(2024, 3, 5, 15, 0, tzinfo=UTC)


def facebook_thread(partner: str, *messages: Message, thread_id: str = "t") -> Thread:
    """A Facebook message thread with one other participant."""
    return Thread(
        platform="facebook",
        id=thread_id,
        source="t",
        timestamp=T0,
        participants=(Person(name=partner),),
        messages=messages,
    )


def phi_health_texts(text: str, clients: ClientList) -> list[str]:
    """The health-detail evidence phi-identifier gives for ``text`` as a public Facebook post by the owner."""
    ctx = CheckContext(
        policy=Policy(workplace=Workplace(name="Riverside Community Health")),
        matcher=Matcher(clients),
        source=SourceInfo(platform="facebook"),
    )
    post = Post(platform="facebook", id="p1", source="t", timestamp=T0, text=text, audience=Audience.PUBLIC)
    return [e.text for f in PhiIdentifierCheck().run(post, ctx) for e in f.evidence if "health" in e.reason]


def health_hit_texts(text: str) -> list[str]:
    """The health words the text analysis finds in ``text``, whoever they are about."""
    return [h.text for h in analyze(text).phi_health_hits()]
