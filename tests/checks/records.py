"""Records the check tests build again and again."""

from __future__ import annotations

from datetime import UTC, datetime

from scanner.records import Message, Person, Thread

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
