"""Hostile input: every reader survives malformed files, the rest of the archive is still read, inputs are
never modified, no socket is opened, and nothing leaks into logs or temporary files.

All hostile archives are generated here; nothing large is committed.
"""

from __future__ import annotations

import hashlib
import json
import logging
import socket
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scanner.archive import Archive, Limits
from scanner.detect import detect
from scanner.pipeline import ScanOptions, scan
from scanner.readers import ReadContext
from scanner.records import Kind

TWEET = {
    "tweet": {
        "id_str": "1700000000000000001",
        "id": "1700000000000000001",
        "full_text": "hello world",
        "created_at": "Sat Aug 12 16:10:37 +0000 2023",
        "entities": {"user_mentions": []},
    }
}

# platform → (a good file that must still be read, the kind it yields, the path where hostile content goes)
PLATFORMS: dict[str, tuple[dict[str, str], str, str]] = {
    "x": (
        {
            "data/manifest.js": 'window.__THAR_CONFIG = {"userInfo": {"accountId": "1", "userName": "me"}}',
            "data/tweets.js": "window.YTD.tweets.part0 = " + json.dumps([TWEET]),
        },
        Kind.POST,
        "data/follower.js",
    ),
    "facebook": (
        {
            "connections/friends/your_friends.json": json.dumps(
                {"friends_v2": [{"name": "Sam Smith", "timestamp": 1600000000}]}
            )
        },
        Kind.CONNECTION,
        "your_facebook_activity/comments_and_reactions/comments.json",
    ),
    "instagram": (
        {
            "connections/followers_and_following/followers_1.json": json.dumps(
                [
                    {
                        "title": "",
                        "string_list_data": [
                            {"href": "https://www.instagram.com/sam", "value": "sam", "timestamp": 1600000000}
                        ],
                    }
                ]
            )
        },
        Kind.CONNECTION,
        "your_instagram_activity/likes/liked_posts.json",
    ),
    "linkedin": (
        {
            "Connections.csv": 'Notes:\n"Export notes"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,'
            "Connected On\nSam,Smith,https://www.linkedin.com/in/samsmith,,,,12 Mar 2021\n"
        },
        Kind.CONNECTION,
        "Shares.csv",
    ),
}

HOSTILE: dict[str, bytes] = {
    "truncated-json": b'{"friends_v2": [{"name": "Sam", "timest',
    "malformed-json": b"{'not': json,}",
    "deeply-nested": b"[" * 50_000 + b"]" * 50_000,
    "object-for-list": b'{"unexpected": {"shape": true}}',
    "strings-for-numbers": b'[{"timestamp": "yesterday", "string_list_data": "nope", "title": 7}]',
    "utf16": '[{"name": "Zoë"}]'.encode("utf-16"),
    "latin1": '{"name": "Zoë Müller"}'.encode("latin-1"),
    "binary-junk": bytes(range(256)) * 8,
    "empty": b"",
    "broken-html": b"<html><body><div><table><tr><td>unclosed <b>bold",
    "js-wrapper-only": b"window.YTD.follower.part0 = ",
    "csv-ragged": b'Date,ShareLink\n"2020-01-01\n,,,,,,\n\x00\x00',
}


def _archive(tmp_path: Path, files: dict[str, str | bytes], name: str = "export.zip") -> Path:
    path = tmp_path / name
    with zipfile.ZipFile(path, "w") as zf:
        for rel, content in files.items():
            zf.writestr(rel, content)
    return path


@pytest.mark.parametrize("platform", sorted(PLATFORMS))
@pytest.mark.parametrize("hostile", sorted(HOSTILE))
def test_hostile_file_is_skipped_and_the_rest_is_read(tmp_path, platform, hostile):
    good, kind, bad_path = PLATFORMS[platform]
    path = _archive(tmp_path, {**good, bad_path: HOSTILE[hostile]})
    result = scan([path])
    assert not result.errors, result.errors
    [source] = result.sources
    assert source.platform == platform
    assert source.counts.get(kind.value, 0) >= 1, f"the good file was not read: {source.counts}"
    for skipped in source.skipped:
        assert "\n" not in skipped.reason and skipped.reason
        assert skipped.path.endswith(bad_path) or bad_path not in skipped.path
    if hostile in ("truncated-json", "malformed-json", "binary-junk", "deeply-nested") and bad_path.endswith(".json"):
        assert any(s.path.endswith(bad_path) for s in source.skipped), "an unreadable file must be listed"
        assert result.partial


@pytest.mark.parametrize("platform", sorted(PLATFORMS))
def test_inputs_are_byte_identical_after_a_scan(tmp_path, platform):
    good, _, bad_path = PLATFORMS[platform]
    zipped = _archive(tmp_path, {**good, bad_path: HOSTILE["malformed-json"]})
    folder = tmp_path / "unpacked"
    with zipfile.ZipFile(zipped) as zf:
        zf.extractall(folder)
    inputs = [zipped, *sorted(p for p in folder.rglob("*") if p.is_file())]

    def digest() -> dict[str, tuple[str, int]]:
        return {str(p): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns) for p in inputs}

    before = digest()
    scan([zipped])
    scan([folder])
    assert digest() == before


def test_a_full_scan_opens_no_socket(tmp_path, monkeypatch):
    opened: list[object] = []

    class Guard(socket.socket):
        def __init__(self, *args: object, **kwargs: object) -> None:
            opened.append(args)
            raise AssertionError("a scan tried to open a socket")

    monkeypatch.setattr(socket, "socket", Guard)
    archives = [_archive(tmp_path, PLATFORMS[p][0], f"{p}.zip") for p in sorted(PLATFORMS)]
    result = scan(archives)
    assert len(result.sources) == len(PLATFORMS)
    assert not opened


def test_no_temporary_files_left_behind(tmp_path, monkeypatch):
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    good, _, bad_path = PLATFORMS["x"]
    scan([_archive(tmp_path, {**good, bad_path: HOSTILE["malformed-json"]})])
    assert list(scratch.iterdir()) == []


def test_logs_carry_no_post_text_or_names(tmp_path, caplog):
    secret = "Sam Smith told me about the relapse"
    tweet = {"tweet": {**TWEET["tweet"], "full_text": secret}}
    files = {
        "data/tweets.js": "window.YTD.tweets.part0 = " + json.dumps([tweet]),
        "data/follower.js": HOSTILE["malformed-json"],
    }
    with caplog.at_level(logging.INFO):
        scan([_archive(tmp_path, files)])
    assert "Sam Smith" not in caplog.text and "relapse" not in caplog.text


def test_member_larger_than_its_header_is_refused(tmp_path):
    path = _archive(tmp_path, PLATFORMS["x"][0])
    with Archive([path], Limits()) as archive:
        member = archive.first("data/tweets.js")
        assert member is not None
        lying = type(member)(member.path, 10, member.container, member._ref, member.compressed_size)
        with pytest.raises(Exception, match="larger than the archive says"):
            archive.read_bytes(lying)


def test_huge_sparse_member_in_a_folder_is_streamed_or_refused(tmp_path):
    folder = tmp_path / "export"
    (folder / "data").mkdir(parents=True)
    (folder / "data" / "tweets.js").write_text("window.YTD.tweets.part0 = " + json.dumps([TWEET]))
    with open(folder / "data" / "like.js", "wb") as fh:  # 1 GiB of zeros without using the disk
        fh.truncate(1024**3)
    result = scan([folder], ScanOptions(limits=Limits(max_member_bytes=64 * 1024**2)))
    [source] = result.sources
    assert source.counts.get("post") == 1
    assert any("like.js" in s.path for s in source.skipped)


def test_many_members_bomb_is_refused_with_a_clear_error(tmp_path):
    files: dict[str, str | bytes] = {f"data/junk/{i}.js": "" for i in range(300)}
    files.update(PLATFORMS["x"][0])
    result = scan([_archive(tmp_path, files)], ScanOptions(limits=Limits(max_members=100)))
    assert not result.sources
    assert "--max-files" in result.errors[0].message


JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20,
)


def _fuzz(platform: str, content: bytes) -> None:
    good, _, bad_path = PLATFORMS[platform]
    files = {**good, bad_path: content}
    with tempfile.TemporaryDirectory() as tmp:
        path = _archive(Path(tmp), files)
        with Archive([path]) as archive:
            detected = detect(archive)
            ctx = ReadContext()
            records = list(detected.reader.read(archive, detected.detection, ctx))
    assert records, "the good file must still produce records"
    for skipped in ctx.skipped:
        assert skipped.reason and "\n" not in skipped.reason


fuzz_settings = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)


@pytest.mark.parametrize("platform", sorted(PLATFORMS))
@fuzz_settings
@given(value=JSONISH)
def test_fuzz_json_shapes(platform: str, value: object) -> None:
    text = json.dumps(value)
    if platform == "x":
        text = "window.YTD.follower.part0 = " + text
    _fuzz(platform, text.encode())


@pytest.mark.parametrize("platform", sorted(PLATFORMS))
@fuzz_settings
@given(data=st.binary(max_size=300))
def test_fuzz_bytes(platform: str, data: bytes) -> None:
    _fuzz(platform, data)
