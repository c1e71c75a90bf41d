"""Instagram reader on real public samples (../shared/formats/instagram) and on the rendered dev corpus."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from datetime import UTC
from pathlib import Path
from typing import Any

import pytest

from scanner.archive import Archive
from scanner.readers.base import ReadContext
from scanner.readers.instagram.files import route_of
from scanner.readers.instagram.reader import InstagramReader
from scanner.records import (
    AnyRecord,
    Comment,
    Connection,
    Person,
    Post,
    Profile,
    Reaction,
    Relation,
    Search,
    Setting,
    Thread,
)
from tests.conftest import EVAL_DEV, FORMATS, TOOLS, requires_shared

IG = FORMATS / "instagram"
READER = InstagramReader()


def read(paths: list[Path]) -> tuple[list[AnyRecord], ReadContext, Archive, str]:
    archive = Archive(paths)
    detection = READER.detect(archive)
    assert detection is not None
    ctx = ReadContext()
    return list(READER.read(archive, detection, ctx)), ctx, archive, detection.generation


@requires_shared(IG / "hudi-2022")
def test_hudi_2021_italian_export() -> None:
    records, ctx, archive, generation = read([IG / "hudi-2022"])
    assert generation == "instagram-2021"
    assert ctx.skipped == []
    unread = {m.path for m in archive.members} - ctx.read_members
    assert unread == {"information_about_you/account_based_in.json"}  # inferred location: not a profile field

    [profile] = [r for r in records if isinstance(r, Profile)]
    assert profile.handle == "fakeUsername😂"  # mojibake repaired
    assert profile.private is True  # "Account privato": "True"
    assert profile.emails == ("fake.email@gmail.com",)
    assert [s.enabled for s in records if isinstance(s, Setting) and s.name == "private_account"] == [True]

    comments = [r for r in records if isinstance(r, Comment)]
    assert any("è spiazzante" in c.text for c in comments)
    owners = {c.target_owner.handle for c in comments if c.target_owner}
    assert owners == {"la_somma_e_il_totale", "dYDKADKAD", "grodus"}

    searches = sorted(s.person.handle or "" for s in records if isinstance(s, Search) and s.person)
    assert searches == ["chiaraferragni", "fedez", "simonepanetty"]
    assert all(s.timestamp is not None for s in records if isinstance(s, Search))  # "Orario"

    contacts = [c for c in records if isinstance(c, Connection) and c.relation is Relation.CONTACT]
    assert "Marco Belli" in {c.person.name for c in contacts}
    synced = [s for s in records if isinstance(s, Setting) and s.name == "synced_contacts"]
    assert [(s.enabled, s.value) for s in synced] == [(True, str(len(contacts)))]

    threads = [t for t in records if isinstance(t, Thread)]
    assert sorted(p.name or "" for t in threads for p in t.participants) == ["Adina", "Noemi"]  # owner "Maria" left out
    for thread in threads:
        times = [m.timestamp for m in thread.messages]
        assert times == sorted(t for t in times if t)
        assert any(m.from_owner for m in thread.messages)

    subkinds = Counter(p.subkind for p in records if isinstance(p, Post))
    assert set(subkinds) == {"post", "story", "archived"}
    assert ctx.account.handle == "fakeUsername😂"


BLUESKY = sorted((IG / "instagram-to-bluesky" / "transfer").glob("*/")) if IG.exists() else []


@requires_shared(IG / "instagram-to-bluesky")
@pytest.mark.parametrize("sample", BLUESKY, ids=lambda p: p.name)
def test_bluesky_posts_and_reels_at_their_2025_paths(sample: Path, make_zip: Callable[..., Path]) -> None:
    """These files stand in for ``your_instagram_activity/media/posts_1.json`` and ``reels.json``."""
    files = {
        "your_instagram_activity/media/posts_1.json": (sample / "posts.json").read_bytes(),
        "your_instagram_activity/media/reels.json": (sample / "reels.json").read_bytes(),
    }
    records, ctx, archive, _ = read([make_zip(files)])
    assert ctx.skipped == []
    assert ctx.read_members == {m.path for m in archive.members}
    raw = json.loads((sample / "posts.json").read_text())
    posts = [p for p in records if isinstance(p, Post)]
    assert len(posts) == len(raw)  # reels repeating a post are the same record
    assert all(p.text and p.timestamp for p in posts)
    coords = [m for item in raw for m in item["media"] if "latitude" in json.dumps(m)]
    assert len([r for r in records if r.kind.value == "place"]) == (1 if coords else 0)


@requires_shared(IG / "instagram-to-bluesky")
def test_bluesky_sample_folder_as_is() -> None:
    records, ctx, archive, _ = read([IG / "instagram-to-bluesky"])
    assert ctx.skipped == []
    assert ctx.read_members == {m.path for m in archive.members}
    assert len([p for p in records if isinstance(p, Post)]) == len(BLUESKY)  # one post per sample folder


def _synthesize(shape: Any) -> Any:
    if shape == "string":
        return "value_x"
    if shape == "number":
        return 1_700_000_000
    if shape == "boolean":
        return False
    if isinstance(shape, list):
        return [_synthesize(s) for s in shape if s != "array"]
    if isinstance(shape, dict):
        return {k: _synthesize(v) for k, v in shape.items()}
    return shape


STRUCTURES = sorted((IG / "what-if-structures").glob("*.json")) if IG.exists() else []


@requires_shared(IG / "what-if-structures")
@pytest.mark.parametrize("structure", STRUCTURES, ids=lambda p: p.stem)
def test_real_export_structure(structure: Path, make_zip: Callable[..., Path]) -> None:
    """A masked key tree of a real 2024 export, filled with dummy values, under its zip-name wrapper folder."""
    tree = json.loads(structure.read_text())
    wrapper = structure.stem.removeprefix("IG_structure_")
    files = {}
    for path, shape in tree.items():
        value = _synthesize(shape)
        if path.endswith("followers_1.json") and isinstance(value, dict):
            value = [value]  # the dump shows the first element of the bare list
        files[f"{wrapper}/{path}"] = json.dumps(value)
    records, ctx, archive, generation = read([make_zip(files)])
    assert generation == "instagram-2023"
    assert ctx.skipped == []
    routed = {m.path for m in archive.members if route_of(m.path) is not None}
    assert routed and routed <= ctx.read_members
    kinds = Counter(r.kind.value for r in records)
    # reactions: one liked post and one saved post (saved/saved_posts.json)
    assert kinds["profile"] == 1 and kinds["connection"] == 2 and kinds["reaction"] == 2 and kinds["search"] == 1
    names = {s.name for s in records if isinstance(s, Setting)}
    assert {"private_account", "privacy_change", "who_can_comment", "active_session", "profile_change"} <= names


# ----------------------------------------------------------------------------------------- rendered dev corpus
_CORPUS_KINDS = {
    "caption": "post",
    "story": "post",
    "reel": "post",
    "comment": "comment",
    "comment_on_other": "comment",
    "like": "reaction",
    "follower": "connection",
    "following": "connection",
    "follow_request_received": "connection",
    "follow_request_sent": "connection",
    "close_friend": "connection",
    "blocked": "connection",
}
_NOT_IN_INSTAGRAM_EXPORTS = {"check_in", "tagged_in"}


def _corpus_counts() -> Counter[str]:
    counts: Counter[str] = Counter()
    for name in ("posts.json", "engagement.json", "connections.json"):
        for item in json.loads((EVAL_DEV / name).read_text()):
            if item.get("platform") != "instagram" or item.get("kind") in _NOT_IN_INSTAGRAM_EXPORTS:
                continue
            assert item.get("kind") in _CORPUS_KINDS, f"corpus kind {item.get('kind')!r} has no mapping"
            counts[_CORPUS_KINDS[item["kind"]]] += 1
    counts["thread"] = sum(
        1 for m in json.loads((EVAL_DEV / "messages.json").read_text()) if m.get("platform") == "instagram"
    )
    return counts


def _matches(record: AnyRecord, key: dict[str, Any]) -> bool:
    stamp = record.timestamp.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if record.timestamp else None
    times = {key.get("timestamp"), *key.get("timestamps", [])} - {None}
    if times and stamp not in times:
        return False
    people: list[Person] = []
    if isinstance(record, Connection):
        people = [record.person]
    elif isinstance(record, Thread):
        people = list(record.participants)
    elif isinstance(record, Comment | Reaction) and record.target_owner is not None:
        people = [record.target_owner]
    if key.get("handle") and not isinstance(record, Thread) and key["handle"] not in {p.handle for p in people}:
        return False
    return not key.get("name") or key["name"] in {p.name for p in people}


@requires_shared(TOOLS / "render_corpus.py")
@requires_shared(EVAL_DEV)
def test_rendered_corpus_every_generation(tmp_path: Path) -> None:
    out = tmp_path / "render"
    subprocess.run(
        [sys.executable, str(TOOLS / "render_corpus.py"), str(EVAL_DEV), str(out), "--variants", "all"],
        check=True,
        capture_output=True,
    )
    expected = json.loads((out / "expected.json").read_text())
    archives = [a for a in expected["archives"] if a["platform"] == "instagram"]
    assert len(archives) >= 2
    corpus = _corpus_counts()
    ids = []
    for info in archives:
        records, ctx, _, _ = read([out / "archives" / info["file"]])
        assert ctx.skipped == []
        counts = Counter(r.kind.value for r in records if r.kind.value not in ("profile", "setting"))
        assert counts == corpus, info["variant"]
        assert [s.enabled for s in records if isinstance(s, Setting) and s.name == "private_account"] != []
        ids.append({r.id for r in records})
        for section in ("expected", "decoys"):
            for item in expected[section]:
                if item["platform"] == "instagram" and info["file"] in item.get("archives", []) and item["key"]:
                    assert any(_matches(r, item["key"]) for r in records), (info["variant"], item["item"])
    assert all(found == ids[0] for found in ids)
