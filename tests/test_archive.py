"""Archive access: folders, zips, parts, wrapper folders, unsafe members, limits, encodings."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from scanner.archive import Archive, ArchiveError, Limits, MemberError, decode_text


def test_zip_members_match_by_ending_through_a_wrapper_folder(make_zip):
    path = make_zip({"facebook-jdoe-2024-01-01-abcd1234/connections/friends/your_friends.json": {"a": 1}})
    with Archive([path]) as archive:
        member = archive.first("connections/friends/your_friends.json")
        assert member is not None
        assert archive.read_json(member) == {"a": 1}
        assert archive.first("friends/your_friends.json") is member
        assert archive.first("ends/your_friends.json") is None  # folder-aligned, not substring


def test_apostrophe_matches_underscore(make_zip):
    path = make_zip({"connections/followers/who_you_ve_followed.json": "[]"})
    with Archive([path]) as archive:
        assert archive.find("who_you've_followed.json")


def test_folder_and_several_zips_form_one_view(make_zip, make_folder):
    part1 = make_zip({"posts/your_posts_1.json": "[]"}, name="p1.zip")
    part2 = make_zip({"messages/inbox/a_1/message_1.json": "{}"}, name="p2.zip")
    folder = make_folder({"data/tweets.js": "window.YTD.tweets.part0 = []"})
    with Archive([part1, part2, folder]) as archive:
        assert {m.path for m in archive.members} == {
            "posts/your_posts_1.json",
            "messages/inbox/a_1/message_1.json",
            "data/tweets.js",
        }


@pytest.mark.parametrize(
    ("name", "reason"),
    [("../evil.json", "'..'"), ("/etc/passwd", "absolute"), ("a/../../b.json", "'..'")],
)
def test_unsafe_member_names_are_listed_not_read(make_zip, name, reason):
    path = make_zip({name: "{}", "ok.json": "{}"})
    with Archive([path]) as archive:
        assert [m.path for m in archive.members] == ["ok.json"]
        assert reason in archive.unsafe[0].reason


def test_symlink_member_is_not_followed(tmp_path):
    path = tmp_path / "links.zip"
    with zipfile.ZipFile(path, "w") as zf:
        info = zipfile.ZipInfo("link.json")
        info.external_attr = 0o120777 << 16
        zf.writestr(info, "/etc/passwd")
        zf.writestr("ok.json", "{}")
    with Archive([path]) as archive:
        assert [m.path for m in archive.members] == ["ok.json"]
        assert "symbolic link" in archive.unsafe[0].reason


def test_folder_symlink_is_not_followed(tmp_path):
    root = tmp_path / "export"
    root.mkdir()
    (root / "ok.json").write_text("{}")
    os.symlink("/etc/passwd", root / "link.json")
    with Archive([root]) as archive:
        assert [m.path for m in archive.members] == ["ok.json"]


def test_truncated_zip_gives_a_clear_error(make_zip, tmp_path):
    good = make_zip({"data/tweets.js": os.urandom(5000)})
    broken = tmp_path / "broken.zip"
    broken.write_bytes(good.read_bytes()[:200])
    with pytest.raises(ArchiveError, match="truncated or corrupt zip"):
        Archive([broken])


def test_not_an_archive(tmp_path):
    junk = tmp_path / "notes.txt"
    junk.write_text("hello")
    with pytest.raises(ArchiveError, match="not an archive"):
        Archive([junk])


def test_too_many_members_is_refused_with_the_flag_named(make_zip):
    path = make_zip({f"f{i}.json": "{}" for i in range(20)})
    with pytest.raises(ArchiveError, match="--max-files"):
        Archive([path], Limits(max_members=10))


def test_high_ratio_member_is_treated_as_a_bomb(tmp_path):
    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("data/tweets.js", b"\0" * (2 * 1024 * 1024))
        zf.writestr("ok.json", "{}")
    limits = Limits(max_ratio=100, ratio_floor_bytes=1024 * 1024)
    with Archive([path], limits) as archive:
        assert [m.path for m in archive.members] == ["ok.json"]
        assert "zip bomb" in archive.unsafe[0].reason


def test_malformed_json_is_a_member_error(make_zip):
    path = make_zip({"a.json": '{"x": [1, 2'})
    with Archive([path]) as archive, pytest.raises(MemberError, match="not valid JSON"):
        archive.read_json(archive.members[0])


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ("héllo".encode(), "héllo"),
        (b"\xef\xbb\xbfh\xc3\xa9llo", "héllo"),
        ("héllo\tx".encode("utf-16"), "héllo\tx"),
        ("héllo".encode("utf-16-le"), "héllo"),
        ("héllo".encode("cp1252"), "héllo"),
    ],
)
def test_decode_text_handles_real_export_encodings(data, text):
    assert decode_text(data) == text


def test_inputs_are_never_modified(make_zip):
    path = make_zip({"a.json": "{}"})
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    with Archive([path]) as archive:
        archive.read_bytes(archive.members[0])
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_tar_gz_is_read(tmp_path):
    import tarfile

    path = tmp_path / "archive.tar.gz"
    with tarfile.open(path, "w:gz") as tf:
        data = b'{"type": "OrderedCollection"}'
        info = tarfile.TarInfo("outbox.json")
        info.size = len(data)
        tf.addfile(info, io.BytesIO(data))
    with Archive([path]) as archive:
        assert archive.read_json(archive.first("outbox.json")) == {"type": "OrderedCollection"}


def test_missing_path(tmp_path: Path):
    with pytest.raises(ArchiveError, match="does not exist"):
        Archive([tmp_path / "nope.zip"])
