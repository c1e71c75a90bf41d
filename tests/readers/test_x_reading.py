"""X data files read item by item: the same records as one ``json.loads`` of each file, at any chunk size."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import Any

import pytest

from scanner.archive import Archive, Member
from scanner.readers.x import js as x_js
from scanner.readers.x.tweets import parse_time
from scanner.records import Connection, Post
from tests.readers.test_x import CLIENT_ID, MakeZip, accounts, manifest, of, read, tweet, v2_files, ytd

TWEETS = [
    tweet("1690395372546301952", 'Caf\u00e9 \U0001f600 &amp; \u2028 [not] {json} \\ "quoted"' * 40),
    tweet(
        "1690395372546301953", "@dee_w see you", mentions=[("dee_w", "Dee W", CLIENT_ID)], reply=(CLIENT_ID, "dee_w")
    ),
    tweet("1690395372546301954", "x" * 5000, "Mon Aug 14 19:30:05 +0000 2023"),
]


def _files(tweets_js: str | bytes) -> dict[str, str | bytes]:
    return {
        "data/manifest.js": manifest({}),
        "data/tweets.js": tweets_js,
        "data/follower.js": ytd("follower", accounts("follower", [CLIENT_ID])),
    }


@pytest.mark.parametrize("chunk", [1, 7, 64, 4096])
@pytest.mark.parametrize("threshold", [0, x_js.STREAM_THRESHOLD])
def test_same_records_at_any_chunk_size(
    make_zip: MakeZip, monkeypatch: pytest.MonkeyPatch, chunk: int, threshold: int
) -> None:
    files = v2_files()
    files["data/tweets.js"] = ytd("tweets", TWEETS) + " ;\n"
    path = make_zip(files)
    plain, _, _ = read(path)
    monkeypatch.setattr(x_js, "_CHUNK", chunk)
    monkeypatch.setattr(x_js, "STREAM_THRESHOLD", threshold)
    records, ctx, _ = read(path)
    assert records == plain
    assert ctx.skipped == []
    assert len(of(records, Post)) == 3


BODIES: list[str | bytes] = [
    "window.YTD.tweets.part0 = [ ]",
    'window.YTD.tweets.part0 = [1, 2.5e3, "s", null, true, NaN, -0, 12345678901234567890]',
    '\ufeffwindow.YTD.tweets.part0 = [{"a": [1, {"b": []}]}] ;  ;',
    'window.YTD.tweets.part0 =\u00a0 [{"a": 1}]',
    '[{"a": 1}]',
    'window.YTD.tweets.part0 = [{"a": 1}] x',
    'window.YTD.tweets.part0 = [{"a": 1},]',
    'window.YTD.tweets.part0 = [{"a": 1} {"b": 2}]',
    'window.YTD.tweets.part0 = [{"a": 1}, {"b": ',
    'window.YTD.tweets.part0 = {"a": 1}',
    "window.YTD.tweets.part0 = ",
    "no assignment here",
    "window.YTD.tweets.part0 = [" + "[" * 250 + "]" * 250 + "]",
    "window.YTD.tweets.part0 = [" + "[" * 198 + "]" * 198 + "]",
    'window.YTD.tweets.part0 = [{"many": [' + ", ".join(["[]"] * 300) + "]}]",
    'window.YTD.tweets.part0 = [{"t": "caf\u00e9"}]'.encode("cp1252"),
    'window.YTD.tweets.part0 = [{"t": "caf\u00e9"}]'.encode("utf-16"),
    'window.YTD.tweets.part0 = [{"t": "caf\u00e9"}]'.encode() + b"\xff",
]


def _outcome(archive: Archive, read_items: Callable[[Archive, Member], Iterable[Any]]) -> tuple[str, str]:
    member = archive.members[0]
    try:
        return "items", json.dumps(list(read_items(archive, member)))
    except x_js.JsDataError as exc:
        return "skipped", exc.reason


@pytest.mark.parametrize("chunk", [1, 5, 1 << 20])
@pytest.mark.parametrize("body", BODIES)
def test_small_files_read_exactly_as_json_loads_reads_them(
    make_zip: MakeZip, monkeypatch: pytest.MonkeyPatch, body: str | bytes, chunk: int
) -> None:
    path = make_zip({"data/tweets.js": body if isinstance(body, bytes) else body.encode()})
    monkeypatch.setattr(x_js, "_CHUNK", chunk)
    with Archive([path]) as archive:
        assert _outcome(archive, x_js.iter_js_items) == _outcome(archive, x_js.plain_items)


def test_broken_small_file_gives_nothing_and_teaches_nothing(make_zip: MakeZip) -> None:
    text = ytd("tweets", TWEETS[1:])
    records, ctx, _ = read(make_zip(_files(text[: len(text) - 300])))
    assert of(records, Post) == []
    assert [s.path.endswith("data/tweets.js") for s in ctx.skipped] == [True]
    [follower] = of(records, Connection)
    assert follower.person.handle is None  # the mention in the unread file taught nothing


def test_broken_big_file_keeps_what_was_read(make_zip: MakeZip, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(x_js, "STREAM_THRESHOLD", 0)
    text = ytd("tweets", TWEETS[1:])
    records, ctx, _ = read(make_zip(_files(text[: len(text) - 300])))
    assert [p.id for p in of(records, Post)] == ["1690395372546301953"]
    assert "after item 1 (the file ends in the middle of an item)" in ctx.skipped[0].reason
    [follower] = of(records, Connection)
    assert follower.person.handle == "dee_w"


def test_windows_1252_small_file_is_read_as_before(make_zip: MakeZip) -> None:
    text = ytd("tweets", [tweet("1690395372546301952", "caf\u00e9 au lait")])
    records, ctx, _ = read(make_zip(_files(text.encode("cp1252"))))
    assert ctx.skipped == []
    assert [p.text for p in of(records, Post)] == ["caf\u00e9 au lait"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wed Feb 29 23:59:59 +0000 2024", datetime(2024, 2, 29, 23, 59, 59, tzinfo=UTC)),
        ("Wed Feb 30 23:59:59 +0000 2023", None),
        ("Wed Feb 28 24:00:00 +0000 2023", None),
        ("wed feb 28 10:00:00 +0000 2023", datetime(2023, 2, 28, 10, tzinfo=UTC)),
        ("Wed Feb 28 10:00:00 +0100 2023", datetime(2023, 2, 28, 9, tzinfo=UTC)),
        ("Wed Feb  8 10:00:00 +0000 2023", None),
        ("2020-01-20T21:42:09Z", datetime(2020, 1, 20, 21, 42, 9, tzinfo=UTC)),
        ("2020-01-20T21:42:09.999999999Z", datetime(2020, 1, 20, 21, 42, 9, tzinfo=UTC)),
        ("2020-02-30T21:42:09.068Z", None),
    ],
)
def test_parse_time_fast_paths_agree_with_the_general_one(text: str, expected: datetime | None) -> None:
    parsed = parse_time(text)
    assert parsed == expected
    assert parsed is None or parsed.tzinfo is UTC
