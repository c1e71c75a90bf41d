"""Conformance: the real Facebook samples under shared/formats/facebook read without skips.

The what-if-structures files are masked key trees of real 2024 exports (path → value types); they are
turned into archives with placeholder values, which checks detection and every reader path on real paths.
"""

from __future__ import annotations

import json
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from scanner.archive import Archive
from scanner.readers.base import ReadContext
from scanner.readers.facebook.reader import FacebookReader
from scanner.records import AnyRecord, Connection, Profile, Setting, Thread
from tests.conftest import FORMATS, requires_shared

SAMPLES = FORMATS / "facebook"
pytestmark = requires_shared(SAMPLES)

SAMPLE_DIRS = {
    "tardigrde-fdm": ("facebook-2019", {"profile", "connection", "thread", "group"}),
    "hudi-2022": ("facebook-2021", {"profile", "connection", "thread", "comment", "reaction", "post"}),
    "chat-analytics": ("facebook-2021", {"thread"}),
}


def read(paths: list[Path]) -> tuple[str, ReadContext, list[AnyRecord]]:
    reader = FacebookReader()
    with Archive(paths) as archive:
        detection = reader.detect(archive)
        assert detection is not None
        ctx = ReadContext()
        return detection.generation, ctx, list(reader.read(archive, detection, ctx))


@pytest.mark.parametrize("name", sorted(SAMPLE_DIRS))
def test_sample_reads_without_skips(name: str) -> None:
    generation, ctx, records = read([SAMPLES / name])
    expected_generation, kinds = SAMPLE_DIRS[name]
    assert generation == expected_generation
    assert ctx.skipped == []
    assert {r.kind.value for r in records} == kinds
    json_files = {p.relative_to(SAMPLES / name).as_posix() for p in (SAMPLES / name).rglob("*.json")}
    unread = {p for p in json_files if p not in ctx.read_members}
    assert unread <= {"pages/pages_you've_recommended.json", "pages/pages_you've_unfollowed.json"}


def test_hungarian_names_and_owner_from_profile() -> None:
    _, ctx, records = read([SAMPLES / "tardigrde-fdm"])
    assert ctx.account.name == "Jenő Rejtő" and ctx.account.handle == "habakkuk"
    friends = {r.person.name for r in records if isinstance(r, Connection)}
    assert {"Tőke Hal", "Dér Dénes"} <= friends
    threads = [r for r in records if isinstance(r, Thread)]
    assert len(threads) == 7
    for thread in threads:
        assert "Jenő Rejtő" not in {p.name for p in thread.participants}
        times = [m.timestamp for m in thread.messages]
        assert times == sorted(times)  # type: ignore[type-var]
    merged = next(t for t in threads if t.title == "Tőke Hal")
    assert len(merged.messages) > 3  # message_1.json and message_2.json merged
    (profile,) = [r for r in records if isinstance(r, Profile)]
    assert profile.education == ("University of Szeged",) and profile.phones == ("+36208884455",)


def test_italian_export_owner_aliases_and_titles() -> None:
    _, ctx, records = read([SAMPLES / "hudi-2022"])
    assert ctx.account.name == "Davide Marte"
    thread = next(r for r in records if isinstance(r, Thread) and r.title == "Ale Barry")
    assert [p.name for p in thread.participants] == ["Ale Barry"]  # "Davide" is the owner's Messenger name
    relations = Counter(r.relation.value for r in records if isinstance(r, Connection))
    assert relations == {"friend": 5, "request_sent": 3, "request_rejected": 6, "removed": 6, "following": 11}


def test_split_sample_into_two_parts_reads_as_one(tmp_path: Path) -> None:
    root = SAMPLES / "tardigrde-fdm"
    files = sorted(p for p in root.rglob("*.json"))
    parts = [tmp_path / "facebook-x-part1.zip", tmp_path / "facebook-x-part2.zip"]
    for index, part in enumerate(parts):
        with zipfile.ZipFile(part, "w") as zf:
            for i, path in enumerate(files):
                if i % 2 == index or "friends" in path.name:  # friends.json in both parts
                    zf.write(path, path.relative_to(root).as_posix())
    whole = read([root])[2]
    _, ctx2, split = read(parts)
    assert ctx2.skipped == []
    assert sorted(r.id for r in split) == sorted(r.id for r in whole)


def _placeholder(value: Any, counter: list[int]) -> Any:
    if value == "string":
        counter[0] += 1
        return f"text {counter[0]}"
    if value == "number":
        return 1_700_000_000
    if value == "boolean":
        return True
    if isinstance(value, list):
        return [_placeholder(v, counter) for v in value if v != "array"]
    if isinstance(value, dict):
        return {k: _placeholder(v, counter) for k, v in value.items()}
    return value


STRUCTURES = sorted((SAMPLES / "what-if-structures").glob("*.json")) if SAMPLES.exists() else []


@pytest.mark.parametrize("structure", STRUCTURES, ids=lambda p: p.name[:40])
def test_real_2024_structures_detect_and_read(structure: Path, tmp_path: Path) -> None:
    tree = json.loads(structure.read_text(encoding="utf-8"))
    archive = tmp_path / "facebook-structure.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for path, skeleton in tree.items():
            zf.writestr(f"facebook-someone-2024-11-18-abcdEFGH/{path}", json.dumps(_placeholder(skeleton, [0])))
    generation, ctx, records = read([archive])
    assert generation == "facebook-2024"
    assert ctx.skipped == []
    kinds = Counter(r.kind.value for r in records)
    assert kinds["profile"] == 1 and kinds["post"] >= 1 and kinds["reaction"] >= 1 and kinds["group"] >= 1
    assert kinds["setting"] >= 2  # two-factor and active sessions at least
    assert any(isinstance(r, Setting) and r.name == "two_factor" for r in records)
