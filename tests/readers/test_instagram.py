"""Instagram reader on small fixtures in each generation's real JSON layout."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from scanner.archive import Archive
from scanner.readers.base import ReadContext
from scanner.readers.instagram.common import parse_display_date
from scanner.readers.instagram.keys import parse_flag
from scanner.readers.instagram.reader import InstagramReader
from scanner.records import (
    AnyRecord,
    Comment,
    Connection,
    Place,
    Post,
    Profile,
    Reaction,
    Relation,
    Search,
    Setting,
    Thread,
)
from tests.readers.test_instagram_fixtures import (
    COMMENT,
    ENGLISH,
    FOLLOWERS,
    FOLLOWING,
    GENERATIONS,
    LIKE,
    OWNER_HANDLE,
    OWNER_NAME,
    POST,
    RECEIVED,
    SEARCH,
    SENT,
    STORY,
    generation_2023,
    generation_2025,
    meta_json,
    profile_user,
    rel_title,
    smap,
    t,
)

READER = InstagramReader()


def read(paths: list[Path]) -> tuple[list[AnyRecord], ReadContext, str]:
    archive = Archive(paths)
    detection = READER.detect(archive)
    assert detection is not None, "not recognized as Instagram"
    ctx = ReadContext()
    records = list(READER.read(archive, detection, ctx))
    return records, ctx, detection.generation


def of(records: list[AnyRecord], cls: type[Any]) -> list[Any]:
    return [r for r in records if isinstance(r, cls)]


def at(epoch: int) -> datetime:
    return datetime.fromtimestamp(epoch, tz=UTC)


@pytest.mark.parametrize("generation", list(GENERATIONS))
def test_each_generation_detected_and_read(generation: str, make_zip: Callable[..., Path]) -> None:
    records, ctx, detected = read([make_zip(GENERATIONS[generation]())])
    assert detected == generation
    assert ctx.skipped == []
    assert ctx.account.handle == OWNER_HANDLE and ctx.account.name == OWNER_NAME

    relations = {(c.relation, c.person.handle, c.timestamp) for c in of(records, Connection)}
    assert relations == (
        {(Relation.FOLLOWER, u, at(w)) for u, w in FOLLOWERS}
        | {(Relation.FOLLOWING, u, at(w)) for u, w in FOLLOWING}
        | {(Relation.REQUEST_RECEIVED, u, at(w)) for u, w in RECEIVED}
        | {(Relation.REQUEST_SENT, u, at(w)) for u, w in SENT}
    )
    posts = {(p.subkind, p.text, p.timestamp) for p in of(records, Post)}
    assert ("post", POST[0], at(POST[1])) in posts  # mojibake repaired, caption from the media title
    assert ("story", STORY[0], at(STORY[1])) in posts
    assert len(posts) == 3

    [comment] = of(records, Comment)
    assert (comment.text, comment.target_owner and comment.target_owner.handle) == (COMMENT[0], COMMENT[1])
    [like] = of(records, Reaction)
    assert like.target_owner is not None and like.target_owner.handle == LIKE[0]
    assert like.timestamp == at(LIKE[1])
    [search] = of(records, Search)
    assert search.person is not None and search.person.handle == SEARCH[0] and search.timestamp == at(SEARCH[1])

    [profile] = of(records, Profile)
    assert (profile.handle, profile.name, profile.private) == (OWNER_HANDLE, OWNER_NAME, True)
    [private] = [s for s in of(records, Setting) if s.name == "private_account"]
    assert private.enabled is True

    [thread] = of(records, Thread)
    assert [m.from_owner for m in thread.messages] == [False, True]  # chronological, owner marked
    assert [m.timestamp for m in thread.messages] == sorted(m.timestamp for m in thread.messages if m.timestamp)
    assert all(p.name not in (OWNER_NAME, OWNER_HANDLE) for p in thread.participants)


def test_ids_agree_across_generations(make_zip: Callable[..., Path]) -> None:
    """The same account exported in any generation gives the same record ids (threads and places aside:
    the oldest layout names DM partners by username and has no EXIF)."""
    ids = {}
    for generation, build in GENERATIONS.items():
        records, _, _ = read([make_zip(build(), name=f"{generation}.zip")])
        ids[generation] = {(r.kind, r.id) for r in records if r.kind.value not in ("thread", "place")}
    reference = ids["instagram-2025"]
    assert len(reference) == 13
    for generation, found in ids.items():
        assert found == reference, generation


def test_thread_ids_agree_from_2021_on(make_zip: Callable[..., Path]) -> None:
    threads = set()
    for generation in ("instagram-2025", "instagram-2023", "instagram-2022", "instagram-2021"):
        records, _, _ = read([make_zip(GENERATIONS[generation](), name=f"{generation}.zip")])
        threads |= {r.id for r in of(records, Thread)}
    assert len(threads) == 1


def test_2025_following_username_from_title(make_zip: Callable[..., Path]) -> None:
    records, _, _ = read([make_zip(generation_2025())])
    [following] = [c for c in of(records, Connection) if c.relation is Relation.FOLLOWING]
    assert following.person.handle == FOLLOWING[0][0]
    assert following.person.url == f"https://www.instagram.com/{FOLLOWING[0][0]}"  # `_u/` removed


def test_exif_coordinates_give_a_place(make_zip: Callable[..., Path]) -> None:
    records, _, _ = read([make_zip(generation_2023())])
    [place] = of(records, Place)
    assert (place.latitude, place.longitude) == POST[2]
    [post] = [p for p in of(records, Post) if p.text == POST[0]]
    assert post.place == "41.58683, -93.62500"


PRIVATE_CASES = [
    ("Private Account", "True", True),
    ("Private Account", "False", False),
    ("Private account", "true", True),
    ("Private Account", True, True),
    ("Private Account", "Private", True),
    ("Private Account", "Public", False),
    ("Account privato", "True", True),
    ("Account privato", "Sì", True),
    ("Privates Konto", "Ja", True),
    ("Privates Konto", "Nein", False),
    ("Compte privé", "Oui", True),
    ("Compte privé", "Non", False),
    ("Cuenta privada", "Sí", True),
    ("Cuenta privada", "No", False),
    ("Privéaccount", "Ja", True),
    ("Privé-account", "Nee", False),
    ("Conta privada", "Sim", True),
    ("Private Account", "maybe", None),
]


@pytest.mark.parametrize(("key", "value", "expected"), PRIVATE_CASES)
def test_private_flag_localized(key: str, value: Any, expected: bool | None, make_zip: Callable[..., Path]) -> None:
    keys = {"username": "Username", "private": key}
    zip_path = make_zip({"personal_information/personal_information.json": meta_json(profile_user(keys, value))})
    records, ctx, _ = read([zip_path])
    [profile] = of(records, Profile)
    [setting] = of(records, Setting)
    assert profile.private is expected
    assert (setting.name, setting.enabled) == ("private_account", expected)
    assert ctx.skipped == []


@pytest.mark.parametrize(("value", "expected"), [(True, True), (False, False)])
def test_private_flag_2020(value: bool, expected: bool, make_zip: Callable[..., Path]) -> None:
    files = {
        "profile.json": json.dumps({"username": "x", "private_account": value}),
        "connections.json": json.dumps({"followers": {}}),
        "media.json": json.dumps({"photos": []}),
    }
    records, _, generation = read([make_zip(files)])
    assert generation == "instagram-2020"
    assert [p.private for p in of(records, Profile)] == [expected]


@pytest.mark.parametrize(
    ("paths", "expected"),
    [
        (["your_instagram_activity/media/posts_1.json"], "instagram-2025"),
        (["instagram-jdoe-2024-11-20-poQTe0ag/your_instagram_activity/content/posts_1.json"], "instagram-2023"),
        (["connections/followers_and_following/following.json"], "instagram-2023"),
        (["personal_information/personal_information/personal_information.json"], "instagram-2023"),
        (["personal_information/personal_information.json", "messages/inbox/a_1/message_1.json"], "instagram-2022"),
        (["followers_and_following/followers_1.json"], "instagram-2022"),
        (["account_information/personal_information.json"], "instagram-2021"),
        (["followers_and_following/followers.html", "likes/liked_posts.html"], "instagram-2021"),
        (["connections.json", "media.json", "profile.json"], "instagram-2020"),
        (["likes/liked_posts.json"], "instagram-2022"),
        # not Instagram: Facebook layouts, other platforms, a lone generic file
        (["your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json"], None),
        (
            [
                "personal_information/profile_information/profile_information.json",
                "connections/friends/your_friends.json",
                "your_facebook_activity/messages/inbox/a_1/message_1.json",
            ],
            None,
        ),
        (["friends_and_followers/friends.json", "messages/inbox/a_1/message_1.json"], None),
        (["data/tweets.js", "data/manifest.js"], None),
        (["profile.json"], None),
        (["connections.json"], None),
        (["posts.json", "reels.json", "stories.json"], None),  # generic names without Instagram's keys
    ],
)
def test_detection_by_paths(paths: list[str], expected: str | None, make_zip: Callable[..., Path]) -> None:
    archive = Archive([make_zip(dict.fromkeys(paths, "{}"))])
    found = READER.detect(archive)
    assert (found.generation if found else None) == expected


def test_detection_of_lifted_posts_and_reels(make_zip: Callable[..., Path]) -> None:
    """Posts / reels files taken out of their folder are recognized by the first bytes of ``reels.json``."""
    files = {
        "backup/posts.json": meta_json([{"media": [{"uri": "a.jpg", "creation_timestamp": t(1), "title": "hi"}]}]),
        "backup/reels.json": meta_json({"ig_reels_media": []}),
    }
    records, ctx, generation = read([make_zip(files)])
    assert generation == "instagram-2025"
    assert [(p.text, p.subkind) for p in of(records, Post)] == [("hi", "post")] and ctx.skipped == []


def test_detection_format_html(make_zip: Callable[..., Path]) -> None:
    files = {
        "connections/followers_and_following/followers_1.html": "<html></html>",
        "your_instagram_activity/likes/liked_posts.html": "<html></html>",
        "media/x.jpg": b"x",
    }
    found = READER.detect(Archive([make_zip(files)]))
    assert found is not None and found.format == "html"


def test_multipart_export_merges_and_deduplicates(make_zip: Callable[..., Path]) -> None:
    files = generation_2025()
    names = sorted(files)
    part1 = {n: files[n] for n in names[: len(names) // 2 + 2]}
    part2 = {n: files[n] for n in names[len(names) // 2 :]}  # overlaps part1 by two files
    single, _, _ = read([make_zip(files, name="whole.zip")])
    merged, ctx, _ = read([make_zip(part1, name="part1.zip"), make_zip(part2, name="part2.zip")])
    assert ctx.skipped == []
    assert Counter(r.id for r in merged) == Counter(r.id for r in single)
    assert len({r.id for r in merged}) == len(merged)


def test_thread_split_over_files_and_parts(make_zip: Callable[..., Path]) -> None:
    base = "your_instagram_activity/messages/inbox/janedoe_1234567/"
    first = {
        "participants": [{"name": "Jane Doe"}, {"name": "Sam Rivera"}],
        "title": "Jane Doe",
        "messages": [{"sender_name": "Jane Doe", "timestamp_ms": t(2) * 1000, "content": "second"}],
    }
    second = {
        "participants": [{"name": "Jane Doe"}, {"name": "Sam Rivera"}],
        "title": "Jane Doe",
        "messages": [
            {"sender_name": "Sam Rivera", "timestamp_ms": t(1) * 1000, "content": "first"},
            {"sender_name": "Jane Doe", "timestamp_ms": t(2) * 1000, "content": "second"},
        ],
    }
    profile = {
        "personal_information/personal_information/personal_information.json": meta_json(
            {"profile_user": [{"string_map_data": smap(Username="sam.r", Name="Sam Rivera")}]}
        )
    }
    z1 = make_zip({**profile, base + "message_1.json": meta_json(first)}, name="a.zip")
    z2 = make_zip({base + "message_2.json": meta_json(second)}, name="b.zip")
    records, _, _ = read([z1, z2])
    [thread] = of(records, Thread)
    assert [(m.text, m.from_owner) for m in thread.messages] == [("first", True), ("second", False)]
    assert [p.name for p in thread.participants] == ["Jane Doe"]
    assert thread.timestamp == at(t(1))


def test_owner_is_the_participant_common_to_all_threads(make_zip: Callable[..., Path]) -> None:
    def thread(other: str) -> str:
        return meta_json(
            {
                "participants": [{"name": other}, {"name": "Maria"}],
                "messages": [{"sender_name": "Maria", "timestamp_ms": t(1) * 1000, "content": "ciao"}],
            }
        )

    files = {
        "account_information/personal_information.json": meta_json(profile_user({"name": "Nome"})),
        "messages/inbox/adina_x/message_1.json": thread("Adina"),
        "messages/message_requests/noemi_y/message_1.json": thread("Noemi"),
    }
    records, _, _ = read([make_zip(files)])
    threads = {th.folder: [p.name for p in th.participants] for th in of(records, Thread)}
    assert threads == {"inbox": ["Adina"], "message_requests": ["Noemi"]}


@pytest.mark.parametrize(
    ("folder", "shown", "handle"),
    [
        ("destinyruizxo_1059102989622690", "destinyruiz.xo", "destinyruiz.xo"),  # shown by username
        ("huntpace_4825049720337999", "huntpace", "huntpace"),
        ("adina_ymai", "Adina", None),  # a display name, even though it spells the folder
        ("janedoe_1234567", "Jane Doe", None),
        ("kat_123", "someone.else", None),  # username-shaped but not this thread's
    ],
)
def test_thread_partner_handle_only_when_evident(
    folder: str, shown: str, handle: str | None, make_zip: Callable[..., Path]
) -> None:
    data = {
        "participants": [{"name": shown}, {"name": OWNER_NAME}],
        "title": shown,
        "messages": [{"sender_name": shown, "timestamp_ms": t(1) * 1000, "content": "hi"}],
    }
    files = {
        "personal_information/personal_information/personal_information.json": meta_json(profile_user(ENGLISH)),
        f"your_instagram_activity/messages/inbox/{folder}/message_1.json": meta_json(data),
    }
    records, _, _ = read([make_zip(files)])
    [thread] = of(records, Thread)
    assert [(p.name, p.handle) for p in thread.participants] == [(shown, handle)]
    assert thread.messages[0].sender.handle == handle


def test_2020_messages_name_partners_by_username(make_zip: Callable[..., Path]) -> None:
    records, _, _ = read([make_zip(GENERATIONS["instagram-2020"]())])
    [thread] = of(records, Thread)
    assert [p.handle for p in thread.participants] == ["jane.doe22"]


def test_lists_settings_and_contacts(make_zip: Callable[..., Path]) -> None:
    ff = "connections/followers_and_following/"
    login = "security_and_login_information/login_and_profile_creation/"
    files = {
        ff + "close_friends.json": meta_json({"relationships_close_friends": [rel_title("best.friend", t(1))]}),
        ff + "blocked_profiles.json": meta_json({"relationships_blocked_users": [rel_title("ex.client", t(2))]}),
        ff + "restricted_profiles.json": meta_json({"relationships_restricted_users": [rel_title("r.one", t(3))]}),
        ff + "hide_story_from.json": meta_json({"relationships_hide_stories_from": [rel_title("h.one", t(4))]}),
        ff + "recent_follow_requests.json": meta_json(
            {"relationships_permanent_follow_requests": [rel_title("asked.once", t(5))]}
        ),
        "connections/contacts/synced_contacts.json": meta_json(
            {
                "contacts_contact_info": [
                    {"title": "", "string_map_data": smap(First_name="Zoë", Last_name="Ng", Contact_information="555")},
                    {
                        "title": "",
                        "string_map_data": smap(Nome="Marco", Cognome="Belli", Informazioni_di_contatto="345"),
                    },
                ]
            }
        ),
        login + "profile_privacy_changes.json": meta_json(
            {
                "account_history_account_privacy_history": [
                    {"title": "Account changed to private", "string_map_data": {"Time": {"timestamp": t(6)}}}
                ]
            }
        ),
        "preferences/settings/comments_allowed_from.json": meta_json(
            {"settings_allow_comments_from": [{"title": "", "string_map_data": smap(Comments_Allowed_From="Everyone")}]}
        ),
        "personal_information/device_information/two-factor_authentication.json": meta_json(
            {"devices_two_factor_authentication": [{"string_map_data": smap(Device_ID="d1", Nickname="phone")}]}
        ),
        login + "login_activity.json": meta_json(
            {
                "account_history_login_history": [
                    {
                        "title": "2023-11-15",
                        "string_map_data": {
                            "IP Address": {"value": "203.0.113.5"},
                            "User Agent": {"value": "Instagram 300.0 Android"},
                            "Time": {"timestamp": t(7)},
                        },
                    }
                ]
            }
        ),
    }
    records, ctx, _ = read([make_zip(files)])
    assert ctx.skipped == []
    relations = {(c.relation, c.person.handle or c.person.name) for c in of(records, Connection)}
    assert relations == {
        (Relation.CLOSE_FRIEND, "best.friend"),
        (Relation.BLOCKED, "ex.client"),
        (Relation.RESTRICTED, "r.one"),
        (Relation.HIDDEN_STORY, "h.one"),
        (Relation.REQUEST_SENT, "asked.once"),
        (Relation.CONTACT, "Zoë Ng"),
        (Relation.CONTACT, "Marco Belli"),
    }
    settings = {s.name: s for s in of(records, Setting)}
    assert settings["synced_contacts"].enabled is True and settings["synced_contacts"].value == "2"
    assert settings["privacy_change"].enabled is True and settings["privacy_change"].timestamp == at(t(6))
    assert settings["who_can_comment"].value == "Everyone"
    assert settings["two_factor"].enabled is True
    session = settings["active_session"]
    assert session.timestamp == at(t(7)) and "203.0.113.5" in (session.detail or "")


def test_liked_posts_label_values_form(make_zip: Callable[..., Path]) -> None:
    """The newer list-at-root ``label_values`` likes: owner under an ``Owner`` dict, no ``title``."""
    owner = {
        "title": "Owner",
        "dict": [
            {
                "dict": [
                    {"label": "URL", "value": "https://www.instagram.com/jane.doe22"},
                    {"label": "Name", "value": "Jane Doe"},
                    {"label": "Username", "value": "jane.doe22"},
                ]
            }
        ],
    }
    likes = [
        {
            "timestamp": t(3),
            "media": [],
            "fbid": "1",
            "label_values": [
                {
                    "label": "URL",
                    "value": "https://www.instagram.com/p/XyZ/",
                    "href": "https://www.instagram.com/p/XyZ/",
                },
                owner,
            ],
        }
    ]
    records, ctx, _ = read([make_zip({"your_instagram_activity/likes/liked_posts.json": meta_json(likes)})])
    [like] = of(records, Reaction)
    assert like.target_owner is not None
    assert (like.target_owner.handle, like.target_owner.name) == ("jane.doe22", "Jane Doe")
    assert (like.target_url, like.timestamp) == ("https://www.instagram.com/p/XyZ/", at(t(3)))
    assert ctx.skipped == []


def test_broken_file_is_skipped_and_the_rest_read(make_zip: Callable[..., Path]) -> None:
    files = generation_2025()
    files["your_instagram_activity/likes/liked_posts.json"] = '{"likes_media_likes": [ {"title": '
    files["your_instagram_activity/comments/post_comments_1.json"] = '"just a string"'
    records, ctx, _ = read([make_zip(files)])
    skipped = {s.path.split(":", 1)[1]: s.reason for s in ctx.skipped}
    assert set(skipped) == {
        "your_instagram_activity/likes/liked_posts.json",
        "your_instagram_activity/comments/post_comments_1.json",
    }
    assert "not valid JSON" in skipped["your_instagram_activity/likes/liked_posts.json"]
    assert of(records, Reaction) == [] and of(records, Comment) == []
    assert len(of(records, Connection)) == 5


def test_combined_accounts_center_export_reads_only_instagram(make_zip: Callable[..., Path]) -> None:
    files = {f"meta-2026/instagram-sam-2026-01-09-AbCd1234/{k}": v for k, v in generation_2025().items()}
    files["meta-2026/facebook-sam-2026-01-09-XyZ/your_facebook_activity/messages/inbox/x_1/message_1.json"] = meta_json(
        {
            "participants": [{"name": "Other"}],
            "messages": [{"sender_name": "Other", "timestamp_ms": t(30) * 1000, "content": "fb"}],
        }
    )
    records, _, _ = read([make_zip(files)])
    assert len(of(records, Thread)) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jun 04, 2025 6:46:10 pm", datetime(2025, 6, 4, 18, 46, 10, tzinfo=UTC)),
        ("Jul 25, 2026 1:28 pm", datetime(2026, 7, 25, 13, 28, tzinfo=UTC)),
        ("Nov 08, 2005 12:19:54 am", datetime(2005, 11, 8, 0, 19, 54, tzinfo=UTC)),
        ("25. Juli 2026 13:28", datetime(2026, 7, 25, 13, 28, tzinfo=UTC)),
        ("25 juil. 2026 13:28", datetime(2026, 7, 25, 13, 28, tzinfo=UTC)),
        ("25 dic 2024, 09:05", datetime(2024, 12, 25, 9, 5, tzinfo=UTC)),
        ("2024-03-01 10:00:00", datetime(2024, 3, 1, 10, 0, tzinfo=UTC)),
        ("hello there", None),
        ("", None),
        ("👍", None),
    ],
)
def test_parse_display_date(text: str, expected: datetime | None) -> None:
    assert parse_display_date(text) == expected


@pytest.mark.parametrize(("value", "expected"), [("Öffentlich", False), ("Privato", True), (1, True), (None, None)])
def test_parse_flag(value: Any, expected: bool | None) -> None:
    assert parse_flag(value) is expected
