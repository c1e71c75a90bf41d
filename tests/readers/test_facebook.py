"""Facebook reader: detection, every layout generation, JSON and HTML, multi-part, odd files.

Fixtures are tiny exports written here in each generation's real format (Meta's per-byte ``\\u00XX``
escaping included) and zipped on the fly.
"""

from __future__ import annotations

import html
import json
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from scanner.archive import Archive
from scanner.readers.base import ReadContext
from scanner.readers.facebook.reader import FacebookReader
from scanner.records import (
    AnyRecord,
    Comment,
    Connection,
    Group,
    Person,
    Place,
    Post,
    Profile,
    Reaction,
    Relation,
    Search,
    Setting,
    Thread,
)

OWNER = "Jenő Kovács"
T0 = 1_700_000_000  # 2023-11-14T22:13:20Z


def meta_json(obj: Any) -> str:
    """JSON as Meta writes it: every UTF-8 byte of non-ASCII text as its own \\u00XX escape."""
    text = json.dumps(obj, ensure_ascii=False)
    return "".join(c if ord(c) < 128 else "".join(f"\\u00{b:02x}" for b in c.encode("utf-8")) for c in text)


def iso(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, tz=UTC)


# ----------------------------------------------------------------------------- one small corpus
POSTS: list[dict[str, Any]] = [
    {
        "timestamp": T0,
        "title": f"{OWNER} updated their status.",
        "data": [{"post": "Szép napot 😊 at the clinic"}, {"update_timestamp": T0}],
    },
    {
        "timestamp": T0 + 60,
        "title": f"{OWNER} was at Corner Café.",
        "data": [{"post": "coffee before work"}],
        "attachments": [
            {
                "data": [
                    {
                        "place": {
                            "name": "Corner Café",
                            "coordinate": {"latitude": 47.5, "longitude": 19.0},
                            "address": "1 Main St",
                            "url": "https://www.facebook.com/cornercafe",
                        }
                    }
                ]
            }
        ],
    },
    {
        "timestamp": T0 + 120,
        "title": f"{OWNER} checked in at Riverside Clinic.",
        "data": [{"update_timestamp": T0 + 120}],
        "attachments": [{"data": [{"place": {"name": "Riverside Clinic", "address": ""}}]}],
    },
    {
        "timestamp": T0 + 180,
        "title": f"Jane Doe tagged {OWNER} in a post.",
        "data": [{"post": "Thank you to my amazing counsellor"}],
        "tags": [{"name": "Jane Doe"}],
    },
]
FRIENDS = [("Tőke Hal", T0 - 100), ("Jane Doe", T0 - 200)]
RECEIVED = [("Bob Smith", T0 - 300)]
SENT = [("Ann Lee", T0 - 400)]
COMMENTS: list[dict[str, Any]] = [
    {
        "timestamp": T0 + 200,
        "title": f"{OWNER} commented on Jane Doe's post.",
        "data": [{"comment": {"timestamp": T0 + 200, "comment": "So proud of you!", "author": OWNER}}],
    },
    {
        "timestamp": T0 + 210,
        "title": f"{OWNER} replied to Bob Smith's comment.",
        "data": [{"comment": {"timestamp": T0 + 210, "comment": "thanks Bob", "author": OWNER}}],
    },
]
REACTIONS: list[dict[str, Any]] = [
    {
        "timestamp": T0 + 300,
        "title": f"{OWNER} likes Jane Doe's post.",
        "data": [{"reaction": {"reaction": "LIKE", "actor": OWNER}}],
    },
    {
        "timestamp": T0 + 310,
        "title": f"{OWNER} reacted ❤️ to Tőke Hal's photo.",
        "data": [{"reaction": {"reaction": "LOVE", "actor": OWNER}}],
    },
]
GROUPS: list[dict[str, Any]] = [
    {
        "timestamp": T0 - 500,
        "title": "You became a member of Recovery Friends – Budapest.",
        "data": [{"name": "Recovery Friends – Budapest"}],
    }
]
THREADS = {  # folder → (participants, messages oldest first: (sender, seconds, text))
    "janedoe_1": (["Jane Doe", OWNER], [("Jane Doe", T0 + 1000, "hi, can we talk?"), (OWNER, T0 + 1060, "sure")]),
    "tokehal_2": (["Tőke Hal", OWNER], [(OWNER, T0 + 2000, "szia"), ("Tőke Hal", T0 + 2005, "szia! 🎉")]),
}
PROFILE = {
    "name": {"full_name": OWNER, "first_name": "Jenő", "middle_name": "", "last_name": "Kovács"},
    "emails": {"emails": ["jeno@example.com"], "previous_emails": []},
    "current_city": {"name": "Budapest", "timestamp": 0},
    "work_experiences": [
        {"employer": "Riverside Clinic", "title": "Counsellor", "start_timestamp": T0 - 9000, "timestamp": T0 - 9000}
    ],
    "education_experiences": [{"name": "University of Szeged", "timestamp": 0}],
    "phone_numbers": [{"phone_type": "Mobile", "phone_number": "+36201234567", "verified": True}],
    "websites": [{"address": "https://example.org"}],
    "username": "jeno.kovacs",
    "profile_uri": "https://www.facebook.com/jeno.kovacs",
}

GEN_PATHS: dict[str, dict[str, tuple[str, str | None]]] = {
    "facebook-2019": {
        "posts": ("posts/your_posts_1.json", None),
        "friends": ("friends/friends.json", "friends"),
        "received": ("friends/received_friend_requests.json", "received_requests"),
        "sent": ("friends/sent_friend_requests.json", "sent_requests"),
        "comments": ("comments/comments.json", "comments"),
        "reactions": ("likes_and_reactions/posts_and_comments.json", "reactions"),
        "groups": ("groups/your_group_membership_activity.json", "groups_joined"),
        "inbox": ("messages/inbox", None),
        "profile": ("profile_information/profile_information.json", "profile"),
    },
    "facebook-2021": {
        "posts": ("posts/your_posts_1.json", None),
        "friends": ("friends_and_followers/friends.json", "friends_v2"),
        "received": ("friends_and_followers/friend_requests_received.json", "received_requests_v2"),
        "sent": ("friends_and_followers/friend_requests_sent.json", "sent_requests_v2"),
        "comments": ("comments_and_reactions/comments.json", "comments_v2"),
        "reactions": ("comments_and_reactions/posts_and_comments.json", "reactions_v2"),
        "groups": ("groups/your_group_membership_activity.json", "groups_joined_v2"),
        "inbox": ("messages/inbox", None),
        "profile": ("profile_information/profile_information.json", "profile_v2"),
    },
    "facebook-2023": {
        "posts": ("your_activity_across_facebook/posts/your_posts__check_ins__photos_and_videos_1.json", None),
        "friends": ("connections/friends/your_friends.json", "friends_v2"),
        "received": ("connections/friends/received_friend_requests.json", "received_requests_v2"),
        "sent": ("connections/friends/sent_friend_requests.json", "sent_requests_v2"),
        "comments": ("your_activity_across_facebook/comments_and_reactions/comments.json", "comments_v2"),
        "reactions": ("your_activity_across_facebook/comments_and_reactions/likes_and_reactions_1.json", None),
        "groups": ("your_activity_across_facebook/groups/your_group_membership_activity.json", "groups_joined_v2"),
        "inbox": ("your_activity_across_facebook/messages/inbox", None),
        "profile": ("personal_information/profile_information/profile_information.json", "profile_v2"),
    },
    "facebook-2024": {
        "posts": ("your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json", None),
        "friends": ("connections/friends/your_friends.json", "friends_v2"),
        "received": ("connections/friends/received_friend_requests.json", "received_requests_v2"),
        "sent": ("connections/friends/sent_friend_requests.json", "sent_requests_v2"),
        "comments": ("your_facebook_activity/comments_and_reactions/comments.json", "comments_v2"),
        "reactions": ("your_facebook_activity/comments_and_reactions/likes_and_reactions_1.json", None),
        "groups": ("your_facebook_activity/groups/your_group_membership_activity.json", "groups_joined_v2"),
        "inbox": ("your_facebook_activity/messages/inbox", None),
        "profile": ("personal_information/profile_information/profile_information.json", "profile_v2"),
    },
}


def thread_json(folder: str, participants: list[str], messages: list[tuple[str, int, str]]) -> dict[str, Any]:
    return {
        "participants": [{"name": n} for n in participants],
        "messages": [
            {"sender_name": s, "timestamp_ms": t * 1000 + 123, "content": c} for s, t, c in reversed(messages)
        ],  # newest first, as Meta stores them
        "title": ", ".join(n for n in participants if n != OWNER),
        "is_still_participant": True,
        "thread_path": f"inbox/{folder}",
    }


def json_export(generation: str, prefix: str = "") -> dict[str, str]:
    """The corpus above in one generation's JSON layout."""
    paths = GEN_PATHS[generation]

    def wrap(key: str, items: list[Any]) -> Any:
        wrapper = paths[key][1]
        return {wrapper: items} if wrapper else items

    people = {
        k: [{"name": n, "timestamp": t} for n, t in v]
        for k, v in (("friends", FRIENDS), ("received", RECEIVED), ("sent", SENT))
    }
    files: dict[str, Any] = {
        paths["posts"][0]: POSTS,
        **{paths[k][0]: wrap(k, v) for k, v in people.items()},
        paths["comments"][0]: wrap("comments", COMMENTS),
        paths["reactions"][0]: wrap("reactions", REACTIONS),
        paths["groups"][0]: wrap("groups", GROUPS),
        paths["profile"][0]: {paths["profile"][1]: PROFILE},
    }
    for folder, (participants, messages) in THREADS.items():
        files[f"{paths['inbox'][0]}/{folder}/message_1.json"] = thread_json(folder, participants, messages)
    return {prefix + path: meta_json(content) for path, content in files.items()}


def fb_date(seconds: int) -> str:
    d = iso(seconds)
    return f"{d:%b %d, %Y} {d.hour % 12 or 12}:{d:%M:%S} {'am' if d.hour < 12 else 'pm'}"


def section(title: str, seconds: int | None, text: str = "", rows: tuple[tuple[str, str], ...] = ()) -> str:
    body = f'<div class="_2pin"><div>{html.escape(text)}</div></div>' if text else ""
    if rows:
        body += (
            "<table>"
            + "".join(
                f'<tr><td class="_a6_q">{html.escape(k)}</td><td class="_a6_r">{html.escape(v)}</td></tr>'
                for k, v in rows
            )
            + "</table>"
        )
    foot = f'<footer class="_3-94 _a6-o"><div class="_a72d">{fb_date(seconds)}</div></footer>' if seconds else ""
    return (
        f'<section class="_a6-g"><h2 class="_2ph_ _a6-h _a6-i">{html.escape(title)}</h2>'
        f'<div class="_2ph_ _a6-p"><div>{body}</div></div>{foot}</section>'
    )


def page(title: str, sections: list[str], header: str = "") -> str:
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8" /><title>{html.escape(title)}</title></head><body>'
        f'<div class="_a705"><h1>{html.escape(title)}</h1>{header}<main class="_a706" role="main">'
        + "".join(sections)
        + "</main></div></body></html>"
    )


def html_export() -> dict[str, str]:
    """The corpus above as a 2024+ HTML export (posts, people, comments, groups, messages)."""
    posts = []
    for p in POSTS:
        text = next((d["post"] for d in p.get("data", []) if "post" in d), "")
        rows: list[tuple[str, str]] = []
        for a in p.get("attachments", []):
            for d in a["data"]:
                rows.append(("Place", d["place"]["name"]))
        rows += [("Tags", t["name"]) for t in p.get("tags", [])]
        posts.append(section(p["title"], p["timestamp"], text, tuple(rows)))
    files = {
        "start_here.html": page("Your information", []),
        "your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.html": page("Your posts", posts),
        "connections/friends/your_friends.html": page("Friends", [section(n, t) for n, t in FRIENDS]),
        "connections/friends/received_friend_requests.html": page("Received", [section(n, t) for n, t in RECEIVED]),
        "connections/friends/sent_friend_requests.html": page("Sent", [section(n, t) for n, t in SENT]),
        "your_facebook_activity/comments_and_reactions/comments.html": page(
            "Comments", [section(c["title"], c["timestamp"], c["data"][0]["comment"]["comment"]) for c in COMMENTS]
        ),
        "your_facebook_activity/groups/your_group_membership_activity.html": page(
            "Groups", [section(g["title"], g["timestamp"]) for g in GROUPS]
        ),
    }
    for folder, (participants, messages) in THREADS.items():
        header = f'<div class="_2ph_ _a6-p">Participants: {html.escape(", ".join(participants))}</div>'
        secs = [section(s, t, c) for s, t, c in reversed(messages)]
        title = ", ".join(n for n in participants if n != OWNER)
        files[f"your_facebook_activity/messages/inbox/{folder}/message_1.html"] = page(title, secs, header)
    return files


# ----------------------------------------------------------------------------- helpers
def read(paths: list[Path]) -> tuple[str, str, ReadContext, list[AnyRecord]]:
    reader = FacebookReader()
    with Archive(paths) as archive:
        detection = reader.detect(archive)
        assert detection is not None, "not detected as Facebook"
        ctx = ReadContext()
        records = list(reader.read(archive, detection, ctx))
    return detection.generation, detection.format, ctx, records


def of(records: list[AnyRecord], cls: type) -> list[Any]:
    return [r for r in records if isinstance(r, cls)]


MakeZip = Callable[..., Path]


# ----------------------------------------------------------------------------- detection
@pytest.mark.parametrize(
    ("files", "generation", "fmt"),
    [
        ({"friends/friends.json": "{}"}, "facebook-2019", "json"),
        ({"following_and_followers/following.json": "{}", "posts/your_posts_1.json": "[]"}, "facebook-2019", "json"),
        ({"friends_and_followers/friends.json": "{}"}, "facebook-2021", "json"),
        ({"profile_information/profile_information.json": '{"profile_v2": {}}'}, "facebook-2021", "json"),
        ({"profile_information/profile_information.json": '{"profile": {}}'}, "facebook-2019", "json"),
        (
            {"your_activity_across_facebook/posts/your_posts__check_ins__photos_and_videos_1.json": "[]"},
            "facebook-2023",
            "json",
        ),
        (
            {"your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json": "[]"},
            "facebook-2024",
            "json",
        ),
        (
            {"connections/friends/your_friends.html": "<html></html>", "start_here.html": "<html></html>"},
            "facebook-2024",
            "html",
        ),
        (
            {"facebook-jdoe-2024-11-18-abcdEFGH/connections/followers/who_you_ve_followed.json": "{}"},
            "facebook-2024",
            "json",
        ),
        (
            {
                "personal_information/profile_information/your_facebook_activity/posts/your_posts__check_ins__photos_and"
                "_videos_1.json": "[]"
            },
            "facebook-2024",
            "json",
        ),
    ],
)
def test_detects_generation_and_format(make_zip: MakeZip, files: dict[str, str], generation: str, fmt: str) -> None:
    with Archive([make_zip(files)]) as archive:
        detection = FacebookReader().detect(archive)
    assert detection is not None
    assert (detection.generation, detection.format) == (generation, fmt)


@pytest.mark.parametrize(
    "files",
    [
        {
            "your_instagram_activity/likes/liked_posts.json": "{}",
            "connections/followers_and_following/following.json": "{}",
        },
        {"account_information/personal_information.json": "{}", "messages/inbox/adina_ymai/message_1.json": "{}"},
        {"personal_information/personal_information/personal_information.json": "{}"},
        {"data/tweets.js": "window.YTD.tweets.part0 = []"},
        {"Connections.csv": "First Name,Last Name\n"},
    ],
)
def test_does_not_claim_other_platforms(make_zip: MakeZip, files: dict[str, str]) -> None:
    with Archive([make_zip(files)]) as archive:
        assert FacebookReader().detect(archive) is None


def test_messages_only_archive_is_a_weak_facebook_claim(make_zip: MakeZip) -> None:
    files = {"messages/inbox/alice_aaaa/message_1.json": meta_json(thread_json("alice_aaaa", ["Alice", OWNER], []))}
    with Archive([make_zip(files)]) as archive:
        detection = FacebookReader().detect(archive)
    assert detection is not None and detection.score < 0.5
    with Archive([make_zip(files, name="instagram-someone-2024-01-01-abcd1234.zip")]) as archive:
        assert FacebookReader().detect(archive) is None


# ----------------------------------------------------------------------------- generations
@pytest.mark.parametrize("generation", sorted(GEN_PATHS))
def test_every_generation_reads_the_same_records(make_zip: MakeZip, generation: str) -> None:
    detected, fmt, ctx, records = read([make_zip(json_export(generation))])
    assert (detected, fmt) == (generation, "json")
    assert ctx.skipped == []
    assert ctx.account.name == OWNER and ctx.account.handle == "jeno.kovacs"
    kinds = Counter(r.kind.value for r in records)
    # 4 posts → 3 Post (the text-less check-in is a Place only) + 2 Place records.
    assert kinds == {
        "post": 3,
        "place": 2,
        "connection": 4,
        "comment": 2,
        "reaction": 2,
        "group": 1,
        "thread": 2,
        "profile": 1,
    }
    _assert_corpus(records)


def _assert_corpus(records: list[AnyRecord]) -> None:
    posts = {p.text: p for p in of(records, Post)}
    assert "Szép napot 😊 at the clinic" in posts  # mojibake repaired, emoji intact
    assert posts["coffee before work"].place == "Corner Café"
    tagged = posts["Thank you to my amazing counsellor"]
    assert tagged.author is not None and tagged.author.name == "Jane Doe"
    assert all(p.audience.value == "unknown" for p in posts.values())
    places = {p.name: p for p in of(records, Place)}
    assert set(places) == {"Corner Café", "Riverside Clinic"}
    assert places["Riverside Clinic"].timestamp == iso(T0 + 120)
    people = {(c.person.name, c.relation) for c in of(records, Connection)}
    assert people == {
        ("Tőke Hal", Relation.FRIEND),
        ("Jane Doe", Relation.FRIEND),
        ("Bob Smith", Relation.REQUEST_RECEIVED),
        ("Ann Lee", Relation.REQUEST_SENT),
    }
    targets = {c.text: c.target_owner.name if c.target_owner else None for c in of(records, Comment)}
    assert targets == {"So proud of you!": "Jane Doe", "thanks Bob": "Bob Smith"}
    assert {r.target_owner.name for r in of(records, Reaction) if r.target_owner} == {"Jane Doe", "Tőke Hal"}
    assert [g.name for g in of(records, Group)] == ["Recovery Friends – Budapest"]
    threads = {t.title: t for t in of(records, Thread)}
    hal = threads["Tőke Hal"]
    assert [p.name for p in hal.participants] == ["Tőke Hal"]  # owner left out
    assert [m.text for m in hal.messages] == ["szia", "szia! 🎉"]  # chronological
    assert [m.from_owner for m in hal.messages] == [True, False]
    assert hal.timestamp == iso(T0 + 2000)


def test_ids_are_identical_across_generations_and_html(make_zip: MakeZip) -> None:
    ids: dict[str, set[tuple[str, str]]] = {}
    for generation in GEN_PATHS:
        records = read([make_zip(json_export(generation), name=f"{generation}.zip")])[3]
        ids[generation] = {(r.kind.value, r.id) for r in records}
    assert len({frozenset(v) for v in ids.values()}) == 1
    generation, fmt, _ctx, records = read([make_zip(html_export(), name="html.zip")])
    assert (generation, fmt) == ("facebook-2024", "html")
    html_ids = {(r.kind.value, r.id) for r in records}
    shared_kinds = {"post", "place", "connection", "comment", "group", "thread"}
    assert html_ids == {x for x in ids["facebook-2024"] if x[0] in shared_kinds}


def test_notes_say_what_the_export_cannot_tell(make_zip: MakeZip) -> None:
    ctx = read([make_zip(json_export("facebook-2024"))])[2]
    assert any("who could see each post" in n for n in ctx.notes)
    assert any("display name only" in n for n in ctx.notes)


# ----------------------------------------------------------------------------- HTML specifics
def test_html_reads_utf8_text_unrepaired_and_finds_owner_from_threads(make_zip: MakeZip) -> None:
    files = html_export()
    files["connections/friends/your_friends.html"] = page("Friends", [section("Ã‰va Ã‰les", T0)])
    _, _, ctx, records = read([make_zip(files)])
    names = {c.person.name for c in of(records, Connection)}
    assert "Ã‰va Ã‰les" in names  # HTML is real UTF-8: no mojibake "repair" applied
    _assert_html(records)
    assert ctx.account.name == OWNER
    assert any("read as UTC" in n for n in ctx.notes)


def _assert_html(records: list[AnyRecord]) -> None:
    threads = {t.title: t for t in of(records, Thread)}
    assert [p.name for p in threads["Tőke Hal"].participants] == ["Tőke Hal"]
    assert threads["Tőke Hal"].timestamp == iso(T0 + 2000)
    tagged = next(p for p in of(records, Post) if p.text.startswith("Thank you"))
    assert tagged.author is not None and tagged.author.name == "Jane Doe"
    assert [t.name for t in tagged.tags] == ["Jane Doe"]


@pytest.mark.parametrize(
    ("timezone_file", "expected_hour"),
    [
        ({"logged_information/location/timezone.json": meta_json({"timezone_v2": "America/Chicago"})}, 5),
        ({"logged_information/location/timezone.html": page("Time zone", [section("America/Chicago", None)])}, 5),
        ({}, 0),
    ],
)
def test_html_dates_are_read_in_the_account_time_zone(
    make_zip: MakeZip, timezone_file: dict[str, str], expected_hour: int
) -> None:
    shown = datetime(2025, 6, 4, 0, 46, 10, tzinfo=UTC)  # displayed as "Jun 04, 2025 12:46:10 am"
    files = {
        "connections/friends/your_friends.html": page("Friends", [section("Ann Lee", int(shown.timestamp()))]),
        **timezone_file,
    }
    ctx, records = read([make_zip(files)])[2:]
    (friend,) = of(records, Connection)
    assert friend.timestamp is not None
    assert friend.timestamp.hour == expected_hour  # 00:46 in Chicago (CDT, UTC-5) is 05:46 UTC
    assert friend.timestamp.minute == 46 and friend.timestamp.second == 10
    assert any("UTC" in n for n in ctx.notes)
    assert ctx.account.timezone == ("America/Chicago" if timezone_file else None)  # the report's fallback zone


# ----------------------------------------------------------------------------- odd files
def test_apostrophe_underscore_numbered_files_and_bare_objects(make_zip: MakeZip) -> None:
    files = {
        "connections/followers/who_you_ve_followed.json": meta_json(
            {"following_v3": [{"name": "Dr. Zoë", "timestamp": T0}]}
        ),
        "your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json": meta_json([POSTS[0]]),
        "your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_2.json": meta_json(POSTS[3]),  # bare
        "your_facebook_activity/comments_and_reactions/likes_and_reactions_1.json": meta_json([REACTIONS[0]]),
        "your_facebook_activity/comments_and_reactions/likes_and_reactions_2.json": meta_json([REACTIONS[1]]),
        "personal_information/profile_information/profile_information.json": meta_json({"profile_v2": PROFILE}),
    }
    ctx, records = read([make_zip(files)])[2:]
    assert ctx.skipped == []
    assert [c.person.name for c in of(records, Connection)] == ["Dr. Zoë"]
    assert len(of(records, Post)) == 2 and len(of(records, Reaction)) == 2


def test_bad_file_is_skipped_and_the_rest_is_read(make_zip: MakeZip) -> None:
    files = json_export("facebook-2024")
    files["connections/friends/your_friends.json"] = '{"friends_v2": [{"name": "Trunc'
    files["connections/friends/sent_friend_requests.json"] = '"just a string"'
    ctx, records = read([make_zip(files)])[2:]
    skipped = {s.path.split(":", 1)[1]: s.reason for s in ctx.skipped}
    assert set(skipped) == {"connections/friends/your_friends.json", "connections/friends/sent_friend_requests.json"}
    assert "not valid JSON" in skipped["connections/friends/your_friends.json"]
    assert of(records, Post) and of(records, Thread)


def test_owner_from_threads_when_there_is_no_profile(make_zip: MakeZip) -> None:
    files = {k: v for k, v in json_export("facebook-2021").items() if "messages/" in k or "friends_and_followers" in k}
    ctx, records = read([make_zip(files)])[2:]
    assert ctx.account.name == OWNER
    assert all(OWNER not in {p.name for p in t.participants} for t in of(records, Thread))


def test_settings_sessions_apps_and_searches(make_zip: MakeZip) -> None:
    files = json_export("facebook-2024")
    files.update(
        {
            "security_and_login_information/two-factor_authentication.json": meta_json(
                {
                    "fbid": "1",
                    "media": [],
                    "label_values": [
                        {"ent_field_name": "two_factor_status", "label": "Two-factor authentication", "value": "Off"}
                    ],
                }
            ),
            "security_and_login_information/where_you_re_logged_in.json": meta_json(
                {
                    "active_sessions_v2": [
                        {"created_timestamp": T0, "device": "iPhone", "app": "Facebook for iOS", "location": "Budapest"}
                    ]
                }
            ),
            "apps_and_websites_off_of_facebook/connected_apps_and_websites.json": meta_json(
                {
                    "installed_apps_v2": [
                        {"name": "Quiz App", "added_timestamp": T0, "category": "active"},
                        {"name": "Old Game", "added_timestamp": T0 - 10, "removed_timestamp": T0},
                    ]
                }
            ),
            "preferences/preferences/login_alerts_settings.json": meta_json(
                {"label_values": [{"label": "Email", "value": "On"}, {"label": "Messenger", "value": "Off"}]}
            ),
            "logged_information/search/your_search_history.json": meta_json(
                {"searches_v2": [{"timestamp": T0, "data": [{"text": "Jane Doe"}], "title": "You searched Facebook"}]}
            ),
            "personal_information/profile_information/profile_update_history.json": meta_json(
                {
                    "profile_updates_v2": [
                        {
                            "timestamp": T0 - 7000,
                            "title": "Jenő added a life event.",
                            "attachments": [
                                {
                                    "data": [
                                        {
                                            "life_event": {
                                                "title": "Started a new job at Riverside Clinic",
                                                "start_date": {"year": 2023, "month": 1, "day": 1},
                                            }
                                        }
                                    ]
                                }
                            ],
                        }
                    ]
                }
            ),
        }
    )
    ctx, records = read([make_zip(files)])[2:]
    assert ctx.skipped == []
    settings = {(s.name, s.value): s.enabled for s in of(records, Setting)}
    assert settings[("two_factor", "Off")] is False
    assert settings[("active_session", "iPhone")] is True
    assert settings[("connected_app", "Quiz App")] is True and settings[("connected_app", "Old Game")] is False
    assert next(v for (n, _), v in settings.items() if n == "login_alerts") is True
    assert [s.query for s in of(records, Search)] == ["Jane Doe"]
    assert any(p.subkind == "life_event" for p in of(records, Post))
    (profile,) = of(records, Profile)
    assert profile.work[0].employer == "Riverside Clinic" and profile.city == "Budapest"
    assert profile.phones == ("+36201234567",) and profile.education == ("University of Szeged",)


# ----------------------------------------------------------------------------- multi-part
def test_two_part_export_reads_as_one_without_duplicates(make_zip: MakeZip) -> None:
    files = json_export("facebook-2024")
    names = sorted(files)
    whole = read([make_zip(files, name="whole.zip")])[3]
    # part 1: the first half plus the posts file; part 2: the rest plus the posts file again and a second
    # message file of one thread.
    posts = "your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json"
    part1 = {k: files[k] for k in names[: len(names) // 2]} | {posts: files[posts]}
    part2 = {k: files[k] for k in names[len(names) // 2 :]} | {posts: files[posts]}
    older = thread_json("janedoe_1", ["Jane Doe", OWNER], [("Jane Doe", T0 + 500, "first ever message")])
    part2["your_facebook_activity/messages/inbox/janedoe_1/message_2.json"] = meta_json(older)
    part2["your_facebook_activity/messages/inbox/janedoe_1/message_1.json"] = files[
        "your_facebook_activity/messages/inbox/janedoe_1/message_1.json"
    ]
    a = make_zip(part1, name="facebook-jeno-2024-01-01-aaaa1111.zip")
    b = make_zip(part2, name="facebook-jeno-2024-01-01-aaaa1111-2.zip")
    records = read([a, b])[3]
    ids = [r.id for r in records]
    assert len(ids) == len(set(ids))
    whole_ids = {r.id for r in whole if r.kind.value != "thread"}
    assert whole_ids <= set(ids)
    jane = next(t for t in of(records, Thread) if t.title == "Jane Doe")
    assert [m.text for m in jane.messages] == ["first ever message", "hi, can we talk?", "sure"]


def test_less_common_files(make_zip: MakeZip) -> None:
    activity = "your_facebook_activity"
    files = json_export("facebook-2024")
    files.update(
        {
            f"{activity}/groups/your_groups.json": meta_json(
                {"groups_admined_v2": [{"name": "Parents Circle", "timestamp": T0}]}
            ),
            f"{activity}/groups/your_comments_in_groups.json": meta_json(
                {
                    "group_comments_v2": [
                        {
                            "timestamp": T0 + 5,
                            "title": f"{OWNER} commented on Ann Lee's post.",
                            "data": [
                                {
                                    "comment": {
                                        "timestamp": T0 + 5,
                                        "comment": "see you Tuesday",
                                        "author": OWNER,
                                        "group": "Parents Circle",
                                    }
                                }
                            ],
                        }
                    ]
                }
            ),
            f"{activity}/groups/group_posts_and_comments.json": meta_json(
                {
                    "group_posts_v2": [
                        {
                            "timestamp": T0 + 6,
                            "title": f"{OWNER} posted in Parents Circle.",
                            "data": [{"post": "meeting moved to Thursday"}],
                        }
                    ]
                }
            ),
            f"{activity}/posts/posts_on_other_pages_and_profiles.json": meta_json(
                [
                    {
                        "timestamp": T0 + 7,
                        "fbid": "123",
                        "media": [],
                        "label_values": [
                            {"label": "Text", "value": "Happy birthday!"},
                            {"label": "Timeline", "value": "Bob Smith"},
                        ],
                    }
                ]
            ),
            f"{activity}/posts/check-ins.json": meta_json(  # a bare object where a one-item list was expected
                {
                    "timestamp": T0 + 8,
                    "fbid": "9",
                    "media": [],
                    "label_values": [
                        {"label": "Message", "value": "lunch"},
                        {
                            "label": "Place tags",
                            "dict": [
                                {"label": "Name", "value": "Corner Café"},
                                {"label": "Coordinates", "value": "(47.5 , 19.0)"},
                            ],
                        },
                    ],
                }
            ),
            "connections/friends/removed_friends.json": meta_json(
                {"deleted_friends_v2": [{"name": "Old Pal", "timestamp": T0}]}
            ),
            "connections/friends/rejected_friend_requests.json": meta_json(
                {"rejected_requests_v2": [{"name": "Pushy Guy", "timestamp": T0}]}
            ),
            "connections/followers/people_who_followed_you_1.json": meta_json(
                [{"title": "", "string_list_data": [{"value": "Fan One", "timestamp": T0}]}]
            ),
            "preferences/preferences/privacy_settings.json": meta_json(
                {"label_values": [{"label": "Who can see your future posts?", "value": "Public"}]}
            ),
            f"{activity}/messages/message_requests/stranger_3/message_1.json": meta_json(
                thread_json("stranger_3", ["A Stranger", OWNER], [("A Stranger", T0 + 9, "hello?")])
            ),
            f"{activity}/messages/archived_threads/old_4/message_1.json": meta_json(
                thread_json("old_4", ["Old Pal", OWNER], [(OWNER, T0 + 10, "bye")])
            ),
            f"{activity}/messages/filtered_threads/spam_5/message_1.json": meta_json(
                thread_json("spam_5", ["Spammer", OWNER], [("Spammer", T0 + 11, "win")])
            ),
        }
    )
    ctx, records = read([make_zip(files)])[2:]
    assert ctx.skipped == []
    groups = {(g.name, g.role) for g in of(records, Group)}
    assert ("Parents Circle", "admin") in groups
    group_comment = next(c for c in of(records, Comment) if c.group)
    assert (group_comment.group, group_comment.target_owner and group_comment.target_owner.name) == (
        "Parents Circle",
        "Ann Lee",
    )
    posts = {p.text: p for p in of(records, Post)}
    assert posts["meeting moved to Thursday"].group == "Parents Circle"
    assert posts["Happy birthday!"].in_reply_to == Person(name="Bob Smith")
    assert posts["lunch"].place == "Corner Café"
    relations = {c.person.name: c.relation for c in of(records, Connection)}
    assert relations["Old Pal"] == Relation.REMOVED and relations["Pushy Guy"] == Relation.REQUEST_REJECTED
    assert relations["Fan One"] == Relation.FOLLOWER
    assert [s.value for s in of(records, Setting) if s.name == "privacy_setting"] == ["Public"]
    folders = {t.title: t.folder for t in of(records, Thread)}
    assert folders["A Stranger"] == "message_requests" and folders["Old Pal"] == "archived"
    assert folders["Spammer"] == "filtered"
