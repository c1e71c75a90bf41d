"""Mastodon reader: account archive (.tar.gz / folder), visibility from to/cc, profile, CSV exports."""

from __future__ import annotations

import io
import json
import tarfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from scanner.archive import Archive
from scanner.detect import detect
from scanner.readers.base import Detection, ReadContext
from scanner.readers.mastodon import reader as mastodon_module
from scanner.readers.mastodon.activity import account_of, html_to_text, visibility
from scanner.readers.mastodon.reader import MastodonReader
from scanner.records import AnyRecord, Audience, Connection, Person, Post, Profile, Reaction, Relation, Setting
from tests.conftest import FORMATS, requires_shared

AS_PUBLIC = "https://www.w3.org/ns/activitystreams#Public"
ME = "https://social.example/users/jroe"
FOLLOWERS = f"{ME}/followers"
FRIEND = "https://other.example/users/bob"

ACTOR = {
    "@context": ["https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1"],
    "id": ME,
    "type": "Person",
    "following": f"{ME}/following",
    "followers": FOLLOWERS,
    "outbox": "outbox.json",
    "preferredUsername": "jroe",
    "name": "Jane Roe",
    "summary": "<p>Therapist &amp; hiker.<br>Views mine.</p>",
    "url": "https://social.example/@jroe",
    "manuallyApprovesFollowers": True,
    "discoverable": False,
    "indexable": False,
    "published": "2022-11-07T00:00:00Z",
    "attachment": [
        {
            "type": "PropertyValue",
            "name": "Web",
            "value": '<a href="https://jane.example" rel="me"><span class="invisible">https://</span>'
            '<span class="">jane.example</span><span class="invisible"></span></a>',
        },
        {"type": "PropertyValue", "name": "Work", "value": "Example Clinic"},
    ],
    "likes": "likes.json",
    "bookmarks": "bookmarks.json",
}


def note(
    n: int, to: list[str], cc: list[str], content: str, **extra: Any
) -> dict[str, Any]:  # one Create activity as Mastodon's backup_service writes it
    note_id = f"{ME}/statuses/10{n}"
    return {
        "id": f"{note_id}/activity",
        "type": "Create",
        "actor": ME,
        "published": f"2024-01-0{n}T10:00:0{n}Z",
        "to": to,
        "cc": cc,
        "object": {
            "id": note_id,
            "type": "Note",
            "summary": None,
            "inReplyTo": None,
            "published": f"2024-01-0{n}T10:00:0{n}Z",
            "url": f"https://social.example/@jroe/10{n}",
            "attributedTo": ME,
            "to": to,
            "cc": cc,
            "sensitive": False,
            "content": content,
            "contentMap": {"en": content},
            "attachment": [],
            "tag": [],
            **extra,
        },
    }


MENTION = {"type": "Mention", "href": FRIEND, "name": "@bob@other.example"}
OUTBOX = {
    "@context": "https://www.w3.org/ns/activitystreams",
    "id": "outbox.json",
    "type": "OrderedCollection",
    "totalItems": 9,
    "orderedItems": [
        note(1, [AS_PUBLIC], [FOLLOWERS], "<p>Public post</p>"),
        note(2, [FOLLOWERS], [AS_PUBLIC], "<p>Unlisted post</p>"),
        note(3, [FOLLOWERS], [], "<p>Followers only</p>"),
        note(
            4,
            [FRIEND],
            [],
            '<p><span class="h-card"><a href="https://other.example/@bob" class="u-url mention">@<span>bob</span>'
            "</a></span> see you Tuesday</p>",
            tag=[MENTION],
        ),
        note(
            5,
            [AS_PUBLIC],
            [FOLLOWERS, FRIEND],
            "<p>A reply</p><p>second para</p>",
            inReplyTo="https://other.example/users/bob/statuses/99",
            tag=[MENTION],
            summary="CW: work",
        ),
        {
            "id": f"{ME}/statuses/106/activity",
            "type": "Announce",
            "actor": ME,
            "published": "2024-01-06T10:00:06Z",
            "to": [AS_PUBLIC],
            "cc": [FRIEND, FOLLOWERS],
            "object": "https://other.example/users/bob/statuses/77",
        },
        {"id": "x", "type": "Delete", "object": "y"},
        "garbage",
    ],
}
LIKES = {
    "@context": "https://www.w3.org/ns/activitystreams",
    "id": "likes.json",
    "type": "OrderedCollection",
    "orderedItems": ["https://other.example/users/bob/statuses/77", "https://x.example/objects/abc"],
}
BOOKMARKS = {**LIKES, "id": "bookmarks.json", "orderedItems": ["https://third.example/@carol/55"]}
ARCHIVE = {
    "outbox.json": OUTBOX,
    "actor.json": ACTOR,
    "likes.json": LIKES,
    "bookmarks.json": BOOKMARKS,
    "media_attachments/files/105/978/original/a.jpeg": b"\xff\xd8",
}
CSVS = {
    "following_accounts.csv": "Account address,Show boosts,Notify on new posts,Languages\n"
    "bob@other.example,true,false,\ncarol@third.example,true,false,en\n",
    "blocked_accounts.csv": "troll@bad.example\n",
    "muted_accounts.csv": "Account address,Hide notifications\nloud@noisy.example,true\nnot an address,true\n",
    "followers.csv": "Account address\ndave@four.example\n",
}


def make_tar(path: Path, files: dict[str, object]) -> Path:
    """A real-format Mastodon archive: a gzip tar with the files at its root."""
    with tarfile.open(path, "w:gz") as tar:
        for name, content in files.items():
            data = content if isinstance(content, bytes) else json.dumps(content).encode()
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


def read(*paths: Path) -> tuple[Detection, list[AnyRecord], ReadContext]:
    archive = Archive(list(paths))
    detection = MastodonReader().detect(archive)
    assert detection is not None
    ctx = ReadContext()
    return detection, list(MastodonReader().read(archive, detection, ctx)), ctx


def of(records: list[AnyRecord], cls: type) -> list:
    return [r for r in records if isinstance(r, cls)]


# ------------------------------------------------------------------------------------------------ archive
def test_tar_archive_round_trips_visibility(tmp_path: Path) -> None:
    detection, records, ctx = read(make_tar(tmp_path / "archive-20240101000000-0123abcd.tar.gz", ARCHIVE))
    assert (detection.platform, detection.generation, detection.format) == ("mastodon", "mastodon", "json")
    assert ctx.skipped == []
    posts = {p.id: p for p in of(records, Post)}
    assert {pid: p.audience for pid, p in posts.items() if p.subkind != "boost"} == {
        f"{ME}/statuses/101": Audience.PUBLIC,
        f"{ME}/statuses/102": Audience.UNLISTED,
        f"{ME}/statuses/103": Audience.FRIENDS,
        f"{ME}/statuses/104": Audience.DIRECT,
        f"{ME}/statuses/105": Audience.PUBLIC,
    }
    first = posts[f"{ME}/statuses/101"]
    assert first.text == "Public post"
    assert first.url == "https://social.example/@jroe/101"
    assert first.timestamp == datetime(2024, 1, 1, 10, 0, 1, tzinfo=UTC)
    assert first.source == "outbox.json#0"

    direct = posts[f"{ME}/statuses/104"]
    assert direct.text == "@bob see you Tuesday"
    assert direct.mentions == (Person(handle="bob@other.example", url=FRIEND),)

    reply = posts[f"{ME}/statuses/105"]
    assert reply.subkind == "reply"
    assert reply.text == "CW: work\n\nA reply\n\nsecond para"
    assert reply.in_reply_to == Person(handle="bob@other.example", url="https://other.example/@bob")

    (boost,) = [p for p in posts.values() if p.subkind == "boost"]
    assert boost.url == "https://other.example/users/bob/statuses/77"
    assert boost.author is not None and boost.author.handle == "bob@other.example"
    assert sum(v for k, v in ctx.stats.items() if k.startswith("mastodon_outbox_left_out")) == 2


def test_actor_profile_settings_and_reactions(make_folder: Callable[..., Path]) -> None:
    _, records, ctx = read(make_folder(ARCHIVE))
    (profile,) = of(records, Profile)
    assert profile.id == ME
    assert (profile.name, profile.handle) == ("Jane Roe", "jroe@social.example")
    assert profile.bio == "Therapist & hiker.\nViews mine.\nWork: Example Clinic"
    assert profile.websites == ("https://jane.example",)
    assert profile.private is True
    assert {s.name: s.enabled for s in of(records, Setting)} == {
        "manually_approves_followers": True,
        "discoverable": False,
        "indexable": False,
    }
    assert (ctx.account.name, ctx.account.handle) == ("Jane Roe", "jroe@social.example")

    reactions = of(records, Reaction)
    assert [(r.reaction, r.target_url) for r in reactions] == [
        ("like", "https://other.example/users/bob/statuses/77"),
        ("like", "https://x.example/objects/abc"),
        ("bookmark", "https://third.example/@carol/55"),
    ]
    owners = [r.target_owner.handle if r.target_owner else None for r in reactions]
    assert owners == ["bob@other.example", None, "carol@third.example"]
    assert any("followers" in note for note in ctx.notes)


def test_csv_exports_in_the_same_folder(make_folder: Callable[..., Path]) -> None:
    _, records, ctx = read(make_folder({**ARCHIVE, **CSVS}))
    lists = {(c.relation, c.person.handle) for c in of(records, Connection)}
    assert lists == {
        (Relation.FOLLOWING, "bob@other.example"),
        (Relation.FOLLOWING, "carol@third.example"),
        (Relation.BLOCKED, "troll@bad.example"),
        (Relation.MUTED, "loud@noisy.example"),
        (Relation.FOLLOWER, "dave@four.example"),
    }
    bob = next(c for c in of(records, Connection) if c.person.handle == "bob@other.example")
    assert bob.person.url == "https://other.example/@bob"
    assert ctx.stats["mastodon_csv_rows_unreadable"] == 1
    assert not any("followers, follows" in note for note in ctx.notes)


def test_csv_export_given_alone(tmp_path: Path) -> None:
    path = tmp_path / "following_accounts.csv"
    path.write_text(CSVS["following_accounts.csv"], encoding="utf-8")
    detection, records, ctx = read(path)
    assert detection.format == "csv"
    assert [c.person.handle for c in of(records, Connection)] == ["bob@other.example", "carol@third.example"]
    assert ctx.skipped == []


def test_ids_are_stable_between_layouts(tmp_path: Path, make_folder: Callable[..., Path]) -> None:
    _, from_tar, _ = read(make_tar(tmp_path / "a.tar.gz", ARCHIVE))
    _, from_folder, _ = read(make_folder(ARCHIVE))
    assert sorted(r.id for r in from_tar) == sorted(r.id for r in from_folder)


def test_streamed_outbox_gives_the_same_posts(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = make_tar(tmp_path / "a.tar.gz", ARCHIVE)
    _, loaded, _ = read(path)
    monkeypatch.setattr(mastodon_module, "_STREAM_ABOVE", 0)
    _, streamed, _ = read(path)
    assert of(streamed, Post) == of(loaded, Post)


def test_broken_outbox_is_skipped_and_the_rest_read(make_folder: Callable[..., Path]) -> None:
    files = {**ARCHIVE, "outbox.json": b'{"orderedItems": [{"type": "Create", '}
    _, records, ctx = read(make_folder(files))
    (skipped,) = ctx.skipped
    assert skipped.path.endswith("outbox.json")
    assert of(records, Profile) and of(records, Reaction)
    assert not of(records, Post)


# ------------------------------------------------------------------------------------------------ detection
@pytest.mark.parametrize(
    ("files", "detected"),
    [
        ({"actor.json": ACTOR, "outbox.json": OUTBOX}, "json"),
        ({"actor.json": ACTOR, "likes.json": LIKES}, "json"),
        ({"blocked_accounts.csv": "a@b.example\n"}, "csv"),
        ({"actor.json": {"name": "not activitypub"}}, None),
        ({"Connections.csv": "First Name,Last Name\n", "Profile.csv": "First Name\n"}, None),
        ({"data/tweets.js": "window.YTD.tweets.part0 = []"}, None),
    ],
)
def test_detect(make_zip: Callable[..., Path], files: dict[str, object], detected: str | None) -> None:
    detection = MastodonReader().detect(Archive([make_zip(files)]))
    assert (detection.format if detection else None) == detected


# ------------------------------------------------------------------------------------------------ pieces
@pytest.mark.parametrize(
    ("to", "cc", "followers", "expected"),
    [
        ([AS_PUBLIC], [FOLLOWERS], FOLLOWERS, Audience.PUBLIC),
        (["as:Public"], [], None, Audience.PUBLIC),
        ([FOLLOWERS], [AS_PUBLIC, FRIEND], FOLLOWERS, Audience.UNLISTED),
        ([FOLLOWERS], [FRIEND], FOLLOWERS, Audience.FRIENDS),
        ([FOLLOWERS], [], None, Audience.FRIENDS),
        ([FRIEND], [], FOLLOWERS, Audience.DIRECT),
        ([FRIEND, "https://third.example/users/carol"], [], None, Audience.DIRECT),
        ([], [], FOLLOWERS, Audience.UNKNOWN),
    ],
)
def test_visibility(to: list[str], cc: list[str], followers: str | None, expected: Audience) -> None:
    assert visibility({"to": to, "cc": cc}, followers) is expected


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("<p>One</p><p>Two<br>three</p>", "One\n\nTwo\nthree"),
        ("<p>Fish &amp; chips &lt;3</p>", "Fish & chips <3"),
        (
            '<p><a href="https://a.example/long/path"><span class="invisible">https://</span>'
            '<span class="ellipsis">a.example/lo</span><span class="invisible">ng/path</span></a></p>',
            "https://a.example/long/path",
        ),
        ("plain", "plain"),
        ("", ""),
    ],
)
def test_html_to_text(html: str, text: str) -> None:
    assert html_to_text(html) == text


@pytest.mark.parametrize(
    ("uri", "handle"),
    [
        ("https://mastodon.social/users/alice/statuses/1", "alice@mastodon.social"),
        ("https://mastodon.social/@alice/1", "alice@mastodon.social"),
        ("https://mastodon.social/@alice@elsewhere.example", "alice@elsewhere.example"),
        ("https://pleroma.example/objects/6f1c", None),
        ("not a url", None),
    ],
)
def test_account_of(uri: str, handle: str | None) -> None:
    person = account_of(uri)
    assert (person.handle if person else None) == handle


# ------------------------------------------------------------------------------------------------ conformance
SAMPLES = FORMATS / "mastodon"


@requires_shared(SAMPLES)
@pytest.mark.parametrize("sample", sorted(p.name for p in SAMPLES.iterdir()) if SAMPLES.exists() else [])
def test_real_samples_read_without_skips(sample: str) -> None:
    archive = Archive([SAMPLES / sample])
    _, records, ctx = read(SAMPLES / sample)
    assert ctx.skipped == []
    understood = {m.path for m in archive.members if m.name.endswith(".json")}
    assert understood <= ctx.read_members
    assert of(records, Profile) and of(records, Reaction)


@pytest.mark.parametrize(
    ("text", "relation"),
    [(CSVS["following_accounts.csv"], Relation.FOLLOWING), (CSVS["muted_accounts.csv"], Relation.MUTED)],
)
def test_renamed_csv_export_is_recognised_by_its_header(tmp_path: Path, text: str, relation: Relation) -> None:
    path = tmp_path / "export (1).csv"  # as a browser saves a second download
    path.write_text("\ufeff" + text, encoding="utf-8")
    with Archive([path]) as archive:
        assert detect(archive).detection.platform == "mastodon"
    _, records, _ = read(path)
    connections = of(records, Connection)
    assert connections and {c.relation for c in connections} == {relation}


def test_other_csv_files_are_not_taken_for_mastodon(tmp_path: Path) -> None:
    path = tmp_path / "export (1).csv"
    path.write_text("First Name,Last Name,Show boosts\nAnn,Lee,true\n", encoding="utf-8")
    with Archive([path]) as archive:
        assert MastodonReader().detect(archive) is None
