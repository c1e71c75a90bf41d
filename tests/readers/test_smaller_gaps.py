"""Smaller gaps of issue 19: Messenger threads in numeric-id folders, Facebook HTML story reactions without
times, Instagram profile changes and saved posts. Fixtures in the real shapes, zipped on the fly."""

from __future__ import annotations

from typing import Any

from scanner.records import Reaction, Setting, Thread
from tests.readers.test_facebook import OWNER, T0, MakeZip, iso, meta_json, of, read
from tests.readers.test_instagram import read as read_instagram

PROFILE = {
    "profile_information/profile_information.json": meta_json(
        {"profile_v2": {"name": {"full_name": OWNER}, "username": "jeno.kovacs"}}
    )
}


def _thread(other: str) -> dict[str, Any]:
    return {
        "participants": [{"name": other}, {"name": OWNER}],
        "title": other,
        "thread_path": "inbox/x",
        "messages": [
            {"sender_name": other, "timestamp_ms": T0 * 1000, "content": "hi"},
            {"sender_name": OWNER, "timestamp_ms": (T0 + 5) * 1000, "content": "hello"},
        ],
    }


def test_messenger_threads_in_numeric_id_folders(make_zip: MakeZip) -> None:
    files = {
        **PROFILE,
        "messages/100004455667788/message_1.json": meta_json(_thread("Jane Doe")),
        "messages/100009988776655/message_1.json": meta_json(_thread("Bob Smith")),
    }
    _, _, ctx, records = read([make_zip(files)])
    threads = {t.title: t for t in of(records, Thread)}
    assert set(threads) == {"Jane Doe", "Bob Smith"}
    assert [p.name for p in threads["Jane Doe"].participants] == ["Jane Doe"]
    assert threads["Jane Doe"].timestamp == iso(T0)
    assert ctx.skipped == []


def test_html_story_reactions_without_times_stay_apart(make_zip: MakeZip) -> None:
    def box(who: str) -> str:
        return f"<section><h2>{OWNER} reacted to {who}'s story.</h2><div>❤</div></section>"

    page = (
        "<html><head><title>Story reactions</title></head><body><main>"
        + box("Jane Doe")
        + box("Jane Doe")
        + box("Bob Smith")
        + "</main></body></html>"
    )
    files = {
        "your_facebook_activity/stories/story_reactions.html": page,
        "your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.html": "<html></html>",
    }
    _, _, _, records = read([make_zip(files)])
    reactions = of(records, Reaction)
    targets = sorted(r.target_owner.name for r in reactions if r.target_owner)
    assert targets == ["Bob Smith", "Jane Doe", "Jane Doe"]
    assert len({r.id for r in reactions}) == 3


def test_instagram_profile_changes_and_saved_posts(make_zip: MakeZip) -> None:
    files = {
        "personal_information/personal_information/personal_information.json": {
            "profile_user": [{"string_map_data": {"Username": {"value": "jane.roe"}, "Name": {"value": "Jane Roe"}}}]
        },
        "personal_information/personal_information/profile_changes.json": {
            "profile_profile_change": [
                {
                    "title": "",
                    "media_map_data": {},
                    "string_map_data": {
                        "Changed": {"href": "", "value": "Bio", "timestamp": 0},
                        "Previous Value": {"href": "", "value": "", "timestamp": 0},
                        "New Value": {"href": "", "value": "Counsellor at Riverside Clinic", "timestamp": 0},
                        "Change Date": {"href": "", "value": "", "timestamp": T0},
                    },
                }
            ]
        },
        "your_instagram_activity/saved/saved_posts.json": {
            "saved_saved_media": [
                {
                    "title": "ann_client",
                    "string_map_data": {
                        "Saved on": {"href": "https://www.instagram.com/p/Cabc123/", "timestamp": T0 + 60}
                    },
                }
            ]
        },
    }
    records, ctx, _ = read_instagram([make_zip(files)])
    (change,) = [s for s in of(records, Setting) if s.name == "profile_change"]
    assert change.value == "Counsellor at Riverside Clinic" and change.timestamp == iso(T0)
    assert change.detail == "Bio: (empty) → Counsellor at Riverside Clinic"
    (saved,) = of(records, Reaction)
    assert (saved.reaction, saved.target_url, saved.timestamp) == (
        "save",
        "https://www.instagram.com/p/Cabc123/",
        iso(T0 + 60),
    )
    assert saved.target_owner is not None and saved.target_owner.handle == "ann_client"
    assert ctx.skipped == []
