"""Facebook and Instagram readers: one entry of an unexpected shape is left out on its own.

The entries before and after it are still read, the file counts as read (it is not in the report's skipped
list), and the report's notes name the file and how many entries were left out -- as for X and Mastodon
(:class:`scanner.readers.guard.EntryTally`). Also: strings are repaired from Meta's mojibake when a reader
takes them out, including labels, localized keys and on/off words.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from scanner.archive import Archive
from scanner.pipeline import scan
from scanner.readers.base import Detection, ReadContext
from scanner.readers.facebook import html_pages as facebook_html
from scanner.readers.facebook.reader import FacebookReader
from scanner.readers.instagram import messages as instagram_messages
from scanner.readers.instagram.reader import InstagramReader
from scanner.records import AnyRecord, Comment, Connection, Place, Post, Reaction, Setting, Thread
from scanner.result import SourceReport
from tests.readers.test_facebook import OWNER, T0, meta_json, page, section

MakeZip = Callable[..., Path]
Reader = FacebookReader | InstagramReader

FB_POSTS = "your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json"
FB_FRIENDS = "connections/friends/your_friends.json"
FB_COMMENTS_HTML = "your_facebook_activity/comments_and_reactions/comments.html"
IG_LIKES = "your_instagram_activity/likes/liked_posts.json"
IG_FOLLOWERS = "connections/followers_and_following/followers_1.json"
IG_INBOX = "your_instagram_activity/messages/inbox/janedoe_123/message_1.json"


def read(reader: Reader, path: Path) -> tuple[list[AnyRecord], ReadContext]:
    with Archive([path]) as archive:
        detection = reader.detect(archive)
        assert isinstance(detection, Detection)
        ctx = ReadContext()
        return list(reader.read(archive, detection, ctx)), ctx


def one_source(path: Path) -> SourceReport:
    [source] = scan([path]).sources
    return source


def assert_left_out_alone(source: SourceReport, member: str, count: int = 1) -> None:
    """The file was read (not skipped, not unread) and one note names it with the number left out."""
    assert source.skipped == ()
    assert member not in source.unread
    [note] = [n for n in source.notes if "could not be read" in n]
    what = "1 entry" if count == 1 else f"{count} entries"
    assert note.startswith(f"{what} in ") and member in note and note.endswith("entries were read.")


# ----------------------------------------------------------------------------- Facebook
def fb_post(offset: int, text: str) -> dict[str, Any]:
    return {"timestamp": T0 + offset, "title": f"{OWNER} updated his status.", "data": [{"post": text}]}


def test_facebook_post_of_an_unexpected_shape_is_left_out_and_the_rest_of_the_file_is_read(make_zip: MakeZip) -> None:
    broken = {**fb_post(2, "tags are a number here"), "tags": 5}  # Facebook writes a list of tags
    files = {
        FB_POSTS: meta_json([fb_post(1, "before it, with ő"), broken, fb_post(3, "after it, with é")]),
        FB_FRIENDS: meta_json({"friends_v2": [{"name": "Tőke Hal", "timestamp": T0}]}),
    }
    path = make_zip(files)
    records, ctx = read(FacebookReader(), path)
    assert [p.text for p in records if isinstance(p, Post)] == ["before it, with ő", "after it, with é"]
    assert [c.person.name for c in records if isinstance(c, Connection)] == ["Tőke Hal"]
    assert ctx.skipped == [] and ctx.stats["unreadable_entries"] == 1
    assert_left_out_alone(one_source(path), FB_POSTS)


def test_facebook_html_box_that_fails_is_left_out_and_the_rest_of_the_page_is_read(
    make_zip: MakeZip, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = facebook_html.comment_record

    def fragile(*args: Any, **kwargs: Any) -> Comment:
        if args[1] == "poison":
            raise TypeError("unsupported operand")
        return real(*args, **kwargs)

    monkeypatch.setattr(facebook_html, "comment_record", fragile)
    boxes = [
        section(f"{OWNER} commented on Jane Doe's post.", T0 + i, text)
        for i, text in enumerate(["first", "poison", "third", "poison", "fifth"])
    ]
    files = {
        FB_COMMENTS_HTML: page("Comments", boxes),
        "connections/friends/your_friends.html": page("Friends", [section("Jane Doe", T0)]),
    }
    path = make_zip(files)
    records, _ = read(FacebookReader(), path)
    assert [c.text for c in records if isinstance(c, Comment)] == ["first", "third", "fifth"]
    source = one_source(path)
    assert_left_out_alone(source, FB_COMMENTS_HTML, count=2)
    assert not any("poison" in n or "operand" in n for n in source.notes)


def test_facebook_labels_and_on_off_words_are_repaired_when_read(make_zip: MakeZip) -> None:
    """2024+ label_values records: localized labels and values arrive as mojibake too."""
    checkin = {
        "timestamp": T0,
        "label_values": [
            {"label": "Message", "value": "Café après le travail"},
            {
                "label": "Place",
                "dict": [{"label": "Name", "value": "Kávéház Ő"}, {"label": "Coordinates", "value": "47.5, 19.04"}],
            },
        ],
    }
    files = {
        "your_facebook_activity/posts/check-ins.json": meta_json([checkin]),
        "security_and_login_information/two-factor_authentication.json": meta_json(
            {"label_values": [{"label": "Authentification à deux facteurs", "value": "Activé"}]}
        ),
        "preferences/preferences/login_alerts_settings.json": meta_json(
            {"label_values": [{"label": "E-mail", "value": "Désactivé"}, {"label": "Messenger", "value": "Activé"}]}
        ),
        FB_FRIENDS: meta_json({"friends_v2": [{"name": "Jane Doe", "timestamp": T0}]}),
    }
    records, ctx = read(FacebookReader(), make_zip(files))
    assert ctx.skipped == []
    [place] = [p for p in records if isinstance(p, Place)]
    assert (place.name, place.latitude, place.text) == ("Kávéház Ő", 47.5, "Café après le travail")
    settings = {s.name: s for s in records if isinstance(s, Setting)}
    assert (settings["two_factor"].value, settings["two_factor"].enabled) == ("Activé", True)
    assert settings["login_alerts"].value == "E-mail: Désactivé; Messenger: Activé"
    assert settings["login_alerts"].enabled is True


# ----------------------------------------------------------------------------- Instagram
def ig_like(owner: str, offset: int) -> dict[str, Any]:
    return {
        "title": owner,
        "string_list_data": [
            {"href": f"https://www.instagram.com/p/{owner}{offset}/", "value": "👍", "timestamp": T0 + offset}
        ],
    }


def test_instagram_like_of_an_unexpected_shape_is_left_out_and_the_rest_of_the_file_is_read(make_zip: MakeZip) -> None:
    broken = {"title": "somebody", "string_map_data": ["a list where an object belongs"]}
    files = {
        IG_LIKES: meta_json({"likes_media_likes": [ig_like("before.it", 1), broken, ig_like("after.it", 3)]}),
        IG_FOLLOWERS: meta_json(
            [
                {
                    "title": "",
                    "string_list_data": [
                        {"href": "https://www.instagram.com/zoe.muller", "value": "zoe.muller", "timestamp": T0}
                    ],
                }
            ]
        ),
    }
    path = make_zip(files)
    records, ctx = read(InstagramReader(), path)
    assert [r.title for r in records if isinstance(r, Reaction)] == ["before.it", "after.it"]
    assert [c.person.handle for c in records if isinstance(c, Connection)] == ["zoe.muller"]
    assert ctx.skipped == [] and ctx.stats["unreadable_entries"] == 1
    assert_left_out_alone(one_source(path), IG_LIKES)


def test_instagram_message_of_an_unexpected_shape_is_left_out_and_the_thread_is_kept(
    make_zip: MakeZip, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = instagram_messages.from_epoch

    def fragile(value: Any) -> Any:
        if value == 13:
            raise OverflowError("date value out of range")
        return real(value)

    monkeypatch.setattr(instagram_messages, "from_epoch", fragile)
    messages = [
        {"sender_name": "Jane Doe", "timestamp_ms": ms, "content": text}
        for ms, text in ((12_000, "third"), (13_000, "odd one"), (11_000, "first"))
    ]
    files = {
        IG_INBOX: meta_json(
            {"participants": [{"name": "Jane Doe"}, {"name": "Zoë Müller"}], "messages": messages, "title": "Jane Doe"}
        ),
        IG_FOLLOWERS: meta_json(
            [
                {
                    "title": "",
                    "string_list_data": [
                        {"href": "https://www.instagram.com/janedoe", "value": "janedoe", "timestamp": T0}
                    ],
                }
            ]
        ),
    }
    path = make_zip(files)
    records, _ = read(InstagramReader(), path)
    [thread] = [t for t in records if isinstance(t, Thread)]
    assert [m.text for m in thread.messages] == ["first", "third"]
    assert_left_out_alone(one_source(path), IG_INBOX)


def test_instagram_localized_keys_are_repaired_when_read(make_zip: MakeZip) -> None:
    """2021-22 exports write string_map_data keys in the account's language, mojibake included."""
    profile = {
        "profile_user": [
            {
                "string_map_data": {
                    "Nome utente": {"value": "zoe.muller"},
                    "Nome": {"value": "Zoë Müller"},
                    "Privé-account": {"value": "Sì"},
                }
            }
        ]
    }
    comments = [
        {
            "string_map_data": {
                "Commento": {"value": "Très bien 👏"},
                "Propriétaire du média": {"value": "jane.doe"},
                "Heure": {"timestamp": T0},
            }
        }
    ]
    files = {
        "personal_information/personal_information/personal_information.json": meta_json(profile),
        "your_instagram_activity/comments/post_comments_1.json": meta_json(comments),
    }
    records, ctx = read(InstagramReader(), make_zip(files))
    assert ctx.account.name == "Zoë Müller" and ctx.account.handle == "zoe.muller"
    [private] = [s for s in records if isinstance(s, Setting) and s.name == "private_account"]
    assert (private.value, private.enabled) == ("Sì", True)
    [comment] = [c for c in records if isinstance(c, Comment)]
    assert comment.text == "Très bien 👏" and comment.target_owner is not None
    assert comment.target_owner.handle == "jane.doe"
