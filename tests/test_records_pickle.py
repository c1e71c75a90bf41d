"""Records travel to the worker processes pickled: every kind comes back equal, nested people and messages too."""

from __future__ import annotations

import copy
import pickle
from datetime import UTC, datetime

from scanner.records import (
    Audience,
    Comment,
    Message,
    Person,
    Post,
    Profile,
    Reaction,
    Thread,
    WorkEntry,
)

WHEN = datetime(2024, 5, 1, 9, 30, tzinfo=UTC)


def test_records_round_trip_through_pickle() -> None:
    jane = Person(name="Jane Doe", handle="jdoe", account_id="42", url="https://example.org/jdoe")
    records = [
        Post(platform="x", id="1", source="a#1", timestamp=WHEN, text="hello", audience=Audience.PUBLIC, tags=(jane,)),
        Comment(platform="facebook", id="2", source="a#2", text="hi", target_owner=jane),
        Reaction(platform="facebook", id="3", source="a#3", target_owner=Person(name="Bob")),
        Thread(
            platform="instagram",
            id="4",
            source="a#4",
            messages=(Message(sender=jane, text="see you", timestamp=WHEN, from_owner=False),),
        ),
        Profile(platform="linkedin", id="5", source="a#5", bio="RN", work=(WorkEntry(employer="Mercy"),)),
    ]
    for protocol in (2, pickle.HIGHEST_PROTOCOL):
        back = pickle.loads(pickle.dumps(records, protocol=protocol))
        assert back == records
        assert [type(r) for r in back] == [type(r) for r in records]
        assert [r.kind for r in back] == [r.kind for r in records]
    assert copy.deepcopy(records) == records
