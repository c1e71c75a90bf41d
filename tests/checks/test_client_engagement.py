"""client-engagement: reactions, comments, tags, posts by clients, searches."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from checks.base import CheckContext, SourceInfo
from checks.client_engagement import ClientEngagementCheck, owner_from_title
from checks.matching import Matcher
from checks.policy import Policy
from scanner.clients import Client, ClientList
from scanner.records import AnyRecord, Comment, Person, Post, Reaction, Search

CLIENTS = ClientList((Client("C1", "Grace Hollis"), Client("C2", "Cheyenne Holloway")))
T = datetime(2024, 3, 21, tzinfo=UTC)
KW: dict[str, Any] = {"platform": "facebook", "id": "r", "source": "s#0", "timestamp": T}


def run(record: AnyRecord) -> list:
    ctx = CheckContext(policy=Policy(), matcher=Matcher(CLIENTS), source=SourceInfo("facebook"))
    return list(ClientEngagementCheck().run(record, ctx))


@pytest.mark.parametrize(
    ("record", "name"),
    [
        (Reaction(**KW, target_owner=Person(name="Grace Hollis")), "Grace Hollis"),
        (Reaction(**KW, title="Tess Dombrowski liked Grace Hollis's photo."), "Grace Hollis"),
        (Reaction(**KW, target_owner=Person(name="Grace Dombrowski")), None),
        (Comment(**KW, text="so proud!", target_owner=Person(name="Grace Hollis")), "Grace Hollis"),
        (Comment(**KW, text="so proud!"), None),
        (Post(**KW, text="Thank you to my therapist", author=Person(name="Cheyenne Holloway")), "Cheyenne Holloway"),
        (Post(**KW, text="Grand opening!", tags=(Person(name="Cheyenne Holloway"),)), "Cheyenne Holloway"),
        (Post(**KW, text="family bike ride", tags=(Person(name="Dan Mercer"),)), None),
        # The owner's own mentions are client-mention's job; a reply sits under the client's post, as a comment.
        (Post(**KW, text="@x hi", mentions=(Person(name="Grace Hollis"),)), None),
        (Post(**KW, text="@x hi", in_reply_to=Person(name="Grace Hollis")), "Grace Hollis"),
        (Post(**KW, text="@x hi", in_reply_to=Person(name="Dan Mercer")), None),
        (Search(**KW, query="grace hollis"), "grace hollis"),
        (Search(**KW, query="sourdough starter"), None),
    ],
)
def test_engagement(record: AnyRecord, name: str | None) -> None:
    found = run(record)
    assert [f.record.name for f in found] == ([name] if name else [])
    for finding in found:
        assert finding.category == "client-engagement"
        assert finding.record.timestamp == T


@pytest.mark.parametrize(
    ("title", "person"),
    [
        ("Tess Dombrowski liked Grace Hollis's photo.", Person(name="Grace Hollis")),
        ("Tess Dombrowski reacted ❤️ to Hope M. Alvarado's post.", Person(name="Hope M. Alvarado")),
        ("@tessdombro liked a post by @tbone_benson.", Person(handle="tbone_benson")),
        ("Theresa Dombrowski, LCSW likes Faith Ndiaye, LCSW's post.", Person(name="Faith Ndiaye, LCSW")),
        ("Tess Dombrowski updated their status.", None),
    ],
)
def test_owner_from_title(title: str, person: Person | None) -> None:
    assert owner_from_title(title) == person
