"""Regression tests for the hostile-input bugs the mutation harness found in the readers.

Each class of bug has one small generated fixture: absurd numbers in Messenger timestamps, HTML nested
tens of thousands of levels deep, JSON nested deeper than the limit (parsed and streamed), a corrupt
deflate stream, a record whose shape makes its builder raise, error texts that could carry file
content, a zip inside a zip, and the CLI's stderr without ``--debug``.
"""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile

import pytest

from scanner.archive import Archive
from scanner.pipeline import scan
from scanner.readers import ReadContext
from scanner.readers.guard import EntryTally, safe_int, stream_json_items
from scanner.readers.instagram import records as instagram_records
from scanner.readers.linkedin import files as linkedin_files
from scanner.readers.mastodon import reader as mastodon_reader
from scanner.readers.x import js as x_js
from scanner.readers.x import reader as x_reader
from scanner.records import Kind
from scanner.result import ScanResult
from tests.conftest import zip_tree

FRIENDS = {"connections/friends/your_friends.json": {"friends_v2": [{"name": "Sam Smith", "timestamp": 1600000000}]}}
THREAD = "your_facebook_activity/messages/inbox/samsmith_123/message_1.json"
MANIFEST = 'window.__THAR_CONFIG = {"userInfo": {"accountId": "1", "userName": "me"}}'


def _tweet(i: int, text: str = "hello world") -> dict[str, object]:
    return {
        "tweet": {
            "id_str": str(1700000000000000000 + i),
            "full_text": text,
            "created_at": "Sat Aug 12 16:10:37 +0000 2023",
            "entities": {"user_mentions": []},
        }
    }


def _tweets_js(items: list[object]) -> str:
    return "window.YTD.tweets.part0 = " + json.dumps(items)


def _no_reader_failure(result: ScanResult) -> None:
    assert not [e for e in result.errors if "stopped early" in e.message], result.errors


def _reasons(result: ScanResult) -> dict[str, str]:
    return {s.path.split(":", 1)[-1]: s.reason for src in result.sources for s in src.skipped}


# ---------------------------------------------------------------- absurd numbers
@pytest.mark.parametrize("stamp", ["NaN", "Infinity", "-Infinity", "1e308", "-1e20", '"soon"', "true", "null"])
def test_messenger_message_with_an_absurd_timestamp_keeps_the_thread(make_zip, stamp):
    message = '{"sender_name": "Sam Smith", "timestamp_ms": ' + stamp + ', "content": "odd"}'
    good = '{"sender_name": "Sam Smith", "timestamp_ms": 1600000000000, "content": "fine"}'
    thread = '{"participants": [{"name": "Sam Smith"}], "messages": [' + message + ", " + good + '], "title": "Sam"}'
    result = scan([make_zip({**FRIENDS, THREAD: thread})])
    _no_reader_failure(result)
    [source] = result.sources
    assert source.counts.get(Kind.THREAD.value) == 1
    assert source.counts.get(Kind.CONNECTION.value) == 1


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (12, 12),
        (12.9, 12),
        ("7", 7),
        (float("nan"), None),
        (float("inf"), None),
        (1e300, None),
        (True, None),
        ("x", None),
        (None, None),
        ([1], None),
    ],
)
def test_safe_int(value, expected):
    assert safe_int(value) == expected


def test_x_ids_that_are_not_finite_numbers_are_ignored(make_zip):
    likes = "window.YTD.like.part0 = " + '[{"like": {"tweetId": NaN}}, {"like": {"tweetId": Infinity}}]'
    result = scan(
        [make_zip({"data/manifest.js": MANIFEST, "data/tweets.js": _tweets_js([_tweet(1)]), "data/like.js": likes})]
    )
    _no_reader_failure(result)
    assert result.sources[0].counts.get(Kind.POST.value) == 1


def test_x_entities_of_the_wrong_type_do_not_lose_the_tweet(make_zip):
    odd = _tweet(2)
    odd["tweet"]["entities"] = {"urls": 1e308, "user_mentions": "nobody"}  # type: ignore[index]
    result = scan([make_zip({"data/manifest.js": MANIFEST, "data/tweets.js": _tweets_js([_tweet(1), odd])})])
    _no_reader_failure(result)
    assert result.sources[0].counts.get(Kind.POST.value) == 2


# ---------------------------------------------------------------- one bad record, not the whole file
def test_a_tweet_whose_builder_raises_is_left_out_and_the_rest_of_the_file_is_read(make_zip, monkeypatch):
    real = x_reader.tweet_post

    def fragile(raw, **kwargs):
        if raw.get("full_text") == "poison":
            raise TypeError("unsupported operand")
        return real(raw, **kwargs)

    monkeypatch.setattr(x_reader, "tweet_post", fragile)
    items = [_tweet(1), _tweet(2, "poison"), _tweet(3), _tweet(4, "poison"), _tweet(5)]
    result = scan([make_zip({"data/manifest.js": MANIFEST, "data/tweets.js": _tweets_js(items)})])
    _no_reader_failure(result)
    [source] = result.sources
    assert source.counts.get(Kind.POST.value) == 3
    assert not source.skipped
    [note] = [n for n in source.notes if "could not be read" in n]
    assert note.startswith("2 entries in ") and "tweets.js" in note and "poison" not in note


def test_entry_tally_counts_and_notes_once(tmp_path):
    ctx = ReadContext()
    tally = EntryTally(ctx, "export.zip:data.json")
    rows = list(tally.each([1, "x", 3, None], lambda i, v: [v * 2] if isinstance(v, int) else [v + 1]))
    tally.close()
    assert rows == [2, 6]
    assert ctx.stats["unreadable_entries"] == 2
    assert ctx.notes == [
        "2 entries in export.zip:data.json could not be read (unexpected structure) and were "
        "left out; the other 2 of its 4 entries were read."
    ]


# ---------------------------------------------------------------- deep nesting
def test_deeply_nested_html_is_read_without_recursion(make_zip):
    page = "<html><body><main role='main'>" + "<div>" * 50_000 + "Sam Smith" + "</div>" * 50_000 + "</main></body>"
    good = (
        "<html><body><main role='main'><section><h2>Alex Good</h2><footer><div>Sep 26, 2025 12:35:43 am"
        "</div></footer></section></main></body></html>"
    )
    result = scan(
        [
            make_zip(
                {
                    "connections/friends/your_friends.html": good,
                    "start_here.html": "<html></html>",
                    "connections/friends/received_friend_requests.html": page,
                }
            )
        ]
    )
    _no_reader_failure(result)
    [source] = result.sources
    assert source.format == "html"
    assert source.counts.get(Kind.CONNECTION.value, 0) >= 1


DEEP = "[" * 300 + "]" * 300  # deeper than the limit, shallow enough for json.loads


@pytest.mark.parametrize(
    ("files", "deep_path"),
    [
        (
            {**FRIENDS, "your_facebook_activity/comments_and_reactions/comments.json": DEEP},
            "your_facebook_activity/comments_and_reactions/comments.json",
        ),
        (
            {
                "connections/followers_and_following/followers_1.json": DEEP,
                "connections/followers_and_following/following.json": {"relationships_following": []},
            },
            "connections/followers_and_following/followers_1.json",
        ),
        (
            {
                "data/manifest.js": MANIFEST,
                "data/tweets.js": _tweets_js([_tweet(1)]),
                "data/follower.js": "window.YTD.follower.part0 = " + DEEP,
            },
            "data/follower.js",
        ),
        (
            {
                "actor.json": {
                    "@context": "https://www.w3.org/ns/activitystreams",
                    "type": "Person",
                    "id": "https://m.x/u/me",
                },
                "likes.json": '{"type": "OrderedCollection", "orderedItems": ' + DEEP + "}",
            },
            "likes.json",
        ),
    ],
)
def test_json_nested_beyond_the_limit_is_skipped_as_too_deep(make_zip, files, deep_path):
    result = scan([make_zip(files)])
    _no_reader_failure(result)
    reason = _reasons(result)[deep_path]
    assert "nested too deeply" in reason and "\n" not in reason


def test_streamed_json_stops_early_on_deep_nesting():
    import io

    items = stream_json_items(io.BytesIO(b"[" + b"[" * 1_000_000), "item", 200)
    with pytest.raises(ValueError, match="deeper than 200"):
        list(items)
    assert list(stream_json_items(io.BytesIO(b'[{"a": [1, {"b": 2.5}]}, "x"]'), "item", 200)) == [
        {"a": [1, {"b": 2.5}]},
        "x",
    ]


def test_streamed_x_data_file_nested_deeply_is_skipped(make_zip, monkeypatch):
    monkeypatch.setattr(x_js, "STREAM_THRESHOLD", 0)
    deep = "window.YTD.tweets.part0 = " + json.dumps([_tweet(1)])[:-1] + ", " + "[" * 200_000
    result = scan([make_zip({"data/manifest.js": MANIFEST, "data/tweets.js": deep})])
    _no_reader_failure(result)
    assert result.sources[0].counts.get(Kind.POST.value) == 1
    assert "nested too deeply" in _reasons(result)["data/tweets.js"]


def test_streamed_mastodon_outbox_nested_deeply_is_skipped(make_zip, monkeypatch):
    monkeypatch.setattr(mastodon_reader, "_STREAM_ABOVE", 0)
    actor = {
        "@context": "https://www.w3.org/ns/activitystreams",
        "type": "Person",
        "id": "https://m.x/users/me",
        "preferredUsername": "me",
    }
    outbox = '{"@context": "https://www.w3.org/ns/activitystreams", "orderedItems": [' + "[" * 200_000
    result = scan([make_zip({"actor.json": actor, "outbox.json": outbox})])
    _no_reader_failure(result)
    assert _reasons(result)["outbox.json"] == "is nested too deeply to be a real export file; it was not read"


# ---------------------------------------------------------------- corrupt members and containers
def test_corrupt_deflate_stream_is_a_skipped_file_not_a_failure(tmp_path):
    path = zip_tree(
        tmp_path / "export.zip",
        {
            **FRIENDS,
            THREAD: json.dumps(
                {"participants": [{"name": "Sam"}], "messages": [{"content": "x" * 5000, "timestamp_ms": 1}] * 50}
            ),
        },
    )
    raw = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo(THREAD)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for i in range(start + 10, start + 60):
        raw[i] ^= 0x5A
    path.write_bytes(bytes(raw))
    result = scan([path])
    _no_reader_failure(result)
    assert result.sources[0].counts.get(Kind.CONNECTION.value) == 1
    assert THREAD in _reasons(result)


def test_zip_inside_a_zip_is_not_opened(tmp_path):
    inner = zip_tree(tmp_path / "inner.zip", FRIENDS)
    outer = zip_tree(
        tmp_path / "outer.zip",
        {
            "data/manifest.js": MANIFEST,
            "data/tweets.js": _tweets_js([_tweet(1)]),
            "data/extra/facebook.zip": inner.read_bytes(),
        },
    )
    result = scan([outer])
    [source] = result.sources
    assert source.platform == "x"
    assert Kind.CONNECTION.value not in source.counts
    assert "data/extra/facebook.zip" in source.unread
    with Archive([outer]) as archive:
        assert [m.path for m in archive.members if m.path.endswith("your_friends.json")] == []


def test_mastodon_archive_with_a_corrupt_actor_is_still_recognised(make_zip):
    likes = {
        "@context": "https://www.w3.org/ns/activitystreams",
        "type": "OrderedCollection",
        "orderedItems": ["https://m.x/@sam/1"],
    }
    result = scan([make_zip({"actor.json": '{"@context": "https://www.w3.org/ns/activi', "likes.json": likes})])
    [source] = result.sources
    assert source.platform == "mastodon"
    assert source.counts.get(Kind.REACTION.value) == 1
    assert "actor.json" in _reasons(result)


# ---------------------------------------------------------------- reasons carry no content
def test_instagram_skip_reason_never_quotes_an_exception_message(make_zip, monkeypatch):
    def leaky(*args: object, **kwargs: object) -> object:
        raise ValueError("invalid literal for int() with base 10: 'Sam Smith relapsed'")

    monkeypatch.setattr(instagram_records, "relations", leaky)
    followers = [
        {"string_list_data": [{"href": "https://www.instagram.com/sam", "value": "sam", "timestamp": 1600000000}]}
    ]
    result = scan([make_zip({"connections/followers_and_following/followers_1.json": followers})])
    _no_reader_failure(result)
    reason = _reasons(result)["connections/followers_and_following/followers_1.json"]
    assert "Sam" not in reason and "relapsed" not in reason
    assert reason == "has an unexpected structure (ValueError); it was not read"


def test_linkedin_file_whose_rows_raise_is_skipped_and_the_rest_is_read(make_zip, monkeypatch):
    def broken(*args: object, **kwargs: object) -> object:
        raise AttributeError("'int' object has no attribute 'strip'")
        yield  # pragma: no cover

    monkeypatch.setattr(linkedin_files, "shares", broken)
    files = {
        "Connections.csv": "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Sam,Smith,https://www.linkedin.com/in/samsmith,,,,12 Mar 2021\n",
        "Shares.csv": "Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n"
        "2021-03-12 10:00:00,https://www.linkedin.com/feed/1,hello,,,MEMBER_NETWORK\n",
    }
    result = scan([make_zip(files)])
    _no_reader_failure(result)
    assert result.sources[0].counts.get(Kind.CONNECTION.value) == 1
    assert _reasons(result)["Shares.csv"] == "has an unexpected structure (AttributeError); it was not read"


# ---------------------------------------------------------------- the CLI keeps names off stderr
def test_cli_stderr_without_debug_has_no_client_names_or_post_text(tmp_path):
    secret_post = "Met Jordan Quill after group today, rough session"
    tweets = _tweets_js([_tweet(1, secret_post), _tweet(2, "Jordan Quill again")])
    archive = zip_tree(
        tmp_path / "twitter.zip",
        {
            "data/manifest.js": MANIFEST,
            "data/tweets.js": tweets,
            "data/follower.js": "window.YTD.follower.part0 = [{'bad': json,}]",
            "data/like.js": "window.YTD.like.part0 = " + "[" * 400 + "]" * 400,
        },
    )
    clients = tmp_path / "clients.csv"
    clients.write_text("id,name,aliases,status,handles,notes\nC001,Jordan Quill,Jordy,current,,weekly group\n")
    out = tmp_path / "out"
    cmd = [
        sys.executable,
        "-c",
        "from scanner.cli import main; main()",
        "scan",
        str(archive),
        "--clients",
        str(clients),
        "--format",
        "json",
        "--out",
        str(out),
        "--quiet",
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert proc.returncode in (0, 1, 3), proc.stderr
    assert "Traceback" not in proc.stderr
    for secret in ("Jordan", "Quill", "Jordy", "rough session", "weekly group"):
        assert secret not in proc.stderr
    report = json.loads(next(out.glob("*.json")).read_text())
    assert report["findings"], "the fixture must produce findings, or the stderr check proves nothing"
    skipped = {s["path"].split(":", 1)[-1]: s["reason"] for s in report["sources"][0]["skipped"]}
    assert "data/follower.js" in skipped and "nested too deeply" in skipped["data/like.js"]


def test_member_readers_leave_the_input_unchanged(tmp_path):
    path = zip_tree(tmp_path / "export.zip", {**FRIENDS, THREAD: '{"messages": [{"timestamp_ms": NaN}]}'})
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    scan([path])
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_folder_with_a_fifo_and_dangling_links_is_read(tmp_path):
    import os

    folder = tmp_path / "export"
    (folder / "connections/friends").mkdir(parents=True)
    (folder / "connections/friends/your_friends.json").write_text(json.dumps(FRIENDS[next(iter(FRIENDS))]))
    os.mkfifo(folder / "connections/friends/received_friend_requests.json")
    (folder / "connections/friends/sent_friend_requests.json").symlink_to(tmp_path / "nowhere.json")
    result = scan([folder])
    _no_reader_failure(result)
    assert result.sources[0].counts.get(Kind.CONNECTION.value) == 1
    reasons = _reasons(result)
    assert reasons["connections/friends/received_friend_requests.json"] == "is not a regular file"
    assert reasons["connections/friends/sent_friend_requests.json"] == "is a symbolic link (not followed)"
