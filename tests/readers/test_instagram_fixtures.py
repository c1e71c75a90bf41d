"""Test data (no tests here): one small Instagram account written in each export generation's real JSON layout.

Meta writes every UTF-8 byte of non-ASCII text as its own ``\\u00XX`` escape; :func:`meta_json` does the same.
Times are whole minutes so HTML pages (which may omit seconds) give the same ids.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

BASE = 1_699_999_980  # 2023-11-14T22:13:00Z


def t(hours: int) -> int:
    """A fixture time ``hours`` after BASE (epoch seconds, whole minutes)."""
    return BASE + hours * 3600


def iso(epoch: int) -> str:
    """Epoch seconds as the <= 2020 exports' ISO form."""
    return datetime.fromtimestamp(epoch, tz=UTC).strftime("%Y-%m-%dT%H:%M:%S")


OWNER_HANDLE = "sam.rivera"
OWNER_NAME = "Sam Rivera"
FOLLOWERS = [("jane.doe22", t(1)), ("mk_ortiz", t(2))]
FOLLOWING = [("bob_k", t(3))]
RECEIVED = [("c.client", t(4))]
SENT = [("d.someone", t(5))]
POST = ("Sunset walk ☀️ at the café", t(6), (41.58683, -93.625))
MULTI = ("two photos from Zoë's garden", t(7))
STORY = ("late night 🌙", t(8))
COMMENT = ("love this 😍", "jane.doe22", t(9))
LIKE = ("bob_k", t(10), "https://www.instagram.com/p/AbC123/")
MESSAGES = [("Jane Doe", t(11), "hi Sam"), (OWNER_NAME, t(12), "hello 👋")]
SEARCH = ("jane.doe22", t(13))


def mojibake(value: Any) -> Any:
    """Encode every string the way Meta's JSON does (UTF-8 bytes as Latin-1 characters)."""
    if isinstance(value, str):
        return value.encode("utf-8").decode("latin-1")
    if isinstance(value, list):
        return [mojibake(v) for v in value]
    if isinstance(value, dict):
        return {mojibake(k): mojibake(v) for k, v in value.items()}
    return value


def meta_json(value: Any) -> str:
    """JSON text as Meta writes it: pure ASCII with per-byte ``\\u00XX`` escapes."""
    return json.dumps(mojibake(value), indent=2)


def smap(**fields: Any) -> dict[str, Any]:
    """A ``string_map_data`` dict; keys given with ``_`` for spaces."""
    return {k.replace("_", " "): {"href": "", "value": v, "timestamp": 0} for k, v in fields.items()}


def profile_user(keys: dict[str, str], private: Any = "True") -> dict[str, Any]:
    """``personal_information.json`` with the given (possibly localized) key names."""
    values = {
        "username": OWNER_HANDLE,
        "name": OWNER_NAME,
        "email": "sam@example.org",
        "bio": "maker of things 🧶",
        "private": private,
    }
    string_map = {keys[f]: {"href": "", "value": v, "timestamp": 0} for f, v in values.items() if f in keys}
    return {"profile_user": [{"title": "", "media_map_data": {}, "string_map_data": string_map}]}


ENGLISH = {"username": "Username", "name": "Name", "email": "Email", "bio": "Bio", "private": "Private Account"}
ITALIAN = {"username": "Nome utente", "name": "Nome", "email": "Indirizzo e-mail", "private": "Account privato"}


def rel_value(user: str, when: int) -> dict[str, Any]:
    """A relationship record of 2021-2024 (username in ``value``)."""
    return {
        "title": "",
        "media_list_data": [],
        "string_list_data": [{"href": f"https://www.instagram.com/{user}", "value": user, "timestamp": when}],
    }


def rel_title(user: str, when: int) -> dict[str, Any]:
    """A 2025 ``following.json`` record: username in ``title``, ``_u/`` link, no ``value``."""
    return {"title": user, "string_list_data": [{"href": f"https://www.instagram.com/_u/{user}", "timestamp": when}]}


def posts_list() -> list[dict[str, Any]]:
    """``posts_1.json``: a single-media post (caption in media title, EXIF) and a multi-media post."""
    text, when, (lat, lon) = POST
    exif = {"photo_metadata": {"exif_data": [{"latitude": lat, "longitude": lon, "device_id": "android-1"}]}}
    return [
        {
            "media": [
                {
                    "uri": "media/posts/202311/1.jpg",
                    "creation_timestamp": when,
                    "media_metadata": exif,
                    "title": text,
                    "cross_post_source": {"source_app": "FB"},
                }
            ]
        },
        {
            "media": [
                {"uri": "media/posts/202311/2.jpg", "creation_timestamp": MULTI[1], "title": ""},
                {"uri": "media/posts/202311/3.jpg", "creation_timestamp": MULTI[1], "title": ""},
            ],
            "title": MULTI[0],
            "creation_timestamp": MULTI[1],
        },
    ]


def stories() -> dict[str, Any]:
    """``stories.json``."""
    return {"ig_stories": [{"uri": "media/stories/202311/9.mp4", "creation_timestamp": STORY[1], "title": STORY[0]}]}


def comments_new() -> list[dict[str, Any]]:
    """``post_comments_1.json`` (2022+): bare list with ``string_map_data``."""
    text, owner, when = COMMENT
    return [
        {
            "media_list_data": [{"uri": ""}],
            "string_map_data": {
                "Comment": {"value": text},
                "Media Owner": {"value": owner},
                "Time": {"timestamp": when},
            },
        }
    ]


def comments_old() -> dict[str, Any]:
    """``post_comments.json`` (2021): ``comments_media_comments`` with the owner in ``title``."""
    text, owner, when = COMMENT
    return {
        "comments_media_comments": [
            {
                "title": owner,
                "media_list_data": [],
                "string_list_data": [{"href": "", "value": text, "timestamp": when}],
            }
        ]
    }


def liked_posts() -> dict[str, Any]:
    """``liked_posts.json``."""
    owner, when, href = LIKE
    return {
        "likes_media_likes": [{"title": owner, "string_list_data": [{"href": href, "value": "👍", "timestamp": when}]}]
    }


def thread() -> dict[str, Any]:
    """``message_1.json`` (newest message first, as Meta writes them)."""
    return {
        "participants": [{"name": "Jane Doe"}, {"name": OWNER_NAME}],
        "messages": [
            {"sender_name": s, "timestamp_ms": w * 1000 + 417, "content": c, "is_geoblocked_for_viewer": False}
            for s, w, c in reversed(MESSAGES)
        ],
        "title": "Jane Doe",
        "is_still_participant": True,
        "thread_path": "inbox/janedoe_1234567",
        "magic_words": [],
    }


def searches(search_key: str = "Search", time_key: str = "Time") -> dict[str, Any]:
    """``profile_searches.json`` / ``account_searches.json``."""
    query, when = SEARCH
    return {
        "searches_user": [
            {
                "title": "",
                "media_map_data": {},
                "string_map_data": {
                    search_key: {"href": "", "value": query, "timestamp": 0},
                    time_key: {"href": "", "value": "", "timestamp": when},
                },
            }
        ]
    }


def generation_2025() -> dict[str, str | bytes]:
    """2025+: ``your_instagram_activity/media/``; ``following.json`` with the username in ``title``."""
    ff = "connections/followers_and_following/"
    act = "your_instagram_activity/"
    return {
        "personal_information/personal_information/personal_information.json": meta_json(profile_user(ENGLISH)),
        ff + "followers_1.json": meta_json([rel_value(u, w) for u, w in FOLLOWERS]),
        ff + "following.json": meta_json({"relationships_following": [rel_title(u, w) for u, w in FOLLOWING]}),
        ff + "follow_requests_you've_received.json": meta_json(
            {"relationships_follow_requests_received": [rel_value(u, w) for u, w in RECEIVED]}
        ),
        ff + "pending_follow_requests.json": meta_json(
            {"relationships_follow_requests_sent": [rel_title(u, w) for u, w in SENT]}
        ),
        act + "media/posts_1.json": meta_json(posts_list()),
        act + "media/stories.json": meta_json(stories()),
        act + "comments/post_comments_1.json": meta_json(comments_new()),
        act + "likes/liked_posts.json": meta_json(liked_posts()),
        act + "messages/inbox/janedoe_1234567/message_1.json": meta_json(thread()),
        "logged_information/recent_searches/profile_searches.json": meta_json(searches()),
        act + "media/1.jpg": b"\xff\xd8\xff",
    }


def generation_2023() -> dict[str, str | bytes]:
    """Late 2023 - early 2025: ``your_instagram_activity/content/``, usernames in ``value``."""
    files = {k.replace("/media/", "/content/"): v for k, v in generation_2025().items()}
    ff = "connections/followers_and_following/"
    files[ff + "following.json"] = meta_json({"relationships_following": [rel_value(u, w) for u, w in FOLLOWING]})
    files[ff + "pending_follow_requests.json"] = meta_json(
        {"relationships_follow_requests_sent": [rel_value(u, w) for u, w in SENT]}
    )
    return files


def generation_2022() -> dict[str, str | bytes]:
    """Mid 2022 - 2023: ``personal_information/personal_information.json``, ``followers_1.json``, ``content/``."""
    return {
        "personal_information/personal_information.json": meta_json(profile_user(ENGLISH)),
        "followers_and_following/followers_1.json": meta_json([rel_value(u, w) for u, w in FOLLOWERS]),
        "followers_and_following/following.json": meta_json(
            {"relationships_following": [rel_value(u, w) for u, w in FOLLOWING]}
        ),
        "followers_and_following/follow_requests_you've_received.json": meta_json(
            {"relationships_follow_requests_received": [rel_value(u, w) for u, w in RECEIVED]}
        ),
        "followers_and_following/pending_follow_requests.json": meta_json(
            {"relationships_follow_requests_sent": [rel_value(u, w) for u, w in SENT]}
        ),
        "content/posts_1.json": meta_json(posts_list()),
        "content/stories.json": meta_json(stories()),
        "comments/post_comments_1.json": meta_json(comments_new()),
        "likes/liked_posts.json": meta_json(liked_posts()),
        "messages/inbox/janedoe_1234567/message_1.json": meta_json(thread()),
        "recent_searches/account_searches.json": meta_json(searches()),
    }


def generation_2021() -> dict[str, str | bytes]:
    """2021-22: ``account_information/`` with Italian keys, ``followers.json`` in ``relationships_followers``."""
    return {
        "account_information/personal_information.json": meta_json(profile_user(ITALIAN)),
        "followers_and_following/followers.json": meta_json(
            {"relationships_followers": [rel_value(u, w) for u, w in FOLLOWERS]}
        ),
        "followers_and_following/following.json": meta_json(
            {"relationships_following": [rel_value(u, w) for u, w in FOLLOWING]}
        ),
        "followers_and_following/follow_requests_you've_received.json": meta_json(
            {"relationships_follow_requests_received": [rel_value(u, w) for u, w in RECEIVED]}
        ),
        "followers_and_following/pending_follow_requests.json": meta_json(
            {"relationships_follow_requests_sent": [rel_value(u, w) for u, w in SENT]}
        ),
        "content/posts_1.json": meta_json(posts_list()),
        "content/stories.json": meta_json(stories()),
        "comments/post_comments.json": meta_json(comments_old()),
        "likes/liked_posts.json": meta_json(liked_posts()),
        "messages/inbox/janedoe_kclxst/message_1.json": meta_json(thread()),
        "recent_searches/account_searches.json": meta_json(searches("Cerca", "Orario")),
    }


def generation_2020() -> dict[str, str | bytes]:
    """<= 2020: root ``connections.json``, ``media.json``, ``profile.json`` ... with ISO times."""
    text, when, _ = POST
    return {
        "profile.json": json.dumps(
            {
                "username": OWNER_HANDLE,
                "name": OWNER_NAME,
                "email": "sam@example.org",
                "biography": "maker of things 🧶",
                "private_account": True,
                "date_joined": "2015-03-01T10:00:00",
                "gender": "female",
            }
        ),
        "connections.json": json.dumps(
            {
                "followers": {u: iso(w) for u, w in FOLLOWERS},
                "following": {u: iso(w) for u, w in FOLLOWING},
                "following_requests_received": {u: iso(w) for u, w in RECEIVED},
                "follow_requests_sent": {u: iso(w) for u, w in SENT},
                "following_hashtags": {"knitting": iso(t(1))},
            }
        ),
        "media.json": json.dumps(
            {
                "photos": [
                    {"caption": text, "taken_at": iso(when), "path": "photos/202311/1.jpg"},
                    {"caption": MULTI[0], "taken_at": iso(MULTI[1]), "path": "photos/202311/2.jpg"},
                ],
                "stories": [{"caption": STORY[0], "taken_at": iso(STORY[1]), "path": "stories/202311/9.mp4"}],
            }
        ),
        "comments.json": json.dumps({"media_comments": [[iso(COMMENT[2]), COMMENT[0], COMMENT[1]]]}),
        "likes.json": json.dumps({"media_likes": [[iso(LIKE[1]), LIKE[0]]], "comment_likes": []}),
        "messages.json": json.dumps(
            [
                {
                    "participants": ["jane.doe22", OWNER_HANDLE],
                    "conversation": [
                        {"sender": "jane.doe22", "created_at": iso(MESSAGES[0][1]), "text": MESSAGES[0][2]},
                        {"sender": OWNER_HANDLE, "created_at": iso(MESSAGES[1][1]), "text": MESSAGES[1][2]},
                    ],
                }
            ]
        ),
        "searches.json": json.dumps([{"search_click": SEARCH[0], "time": iso(SEARCH[1]), "type": "user"}]),
    }


GENERATIONS = {
    "instagram-2025": generation_2025,
    "instagram-2023": generation_2023,
    "instagram-2022": generation_2022,
    "instagram-2021": generation_2021,
    "instagram-2020": generation_2020,
}
