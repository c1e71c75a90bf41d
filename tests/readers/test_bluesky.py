"""Bluesky "Export my data" CAR files: detection, the repository tree, every record kind, end to end.

The fixture repository is built here block by block with ``libipld`` (DAG-CBOR) in the real shape: a
signed commit at the CAR root whose ``data`` links to a Merkle-search-tree node with prefix-compressed keys,
a left subtree and a right subtree, and the records as the app.bsky lexicons define them.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import libipld
import pytest
from click.testing import CliRunner

from scanner.archive import Archive
from scanner.cli import cli
from scanner.detect import detect
from scanner.readers.base import REPEATED, ReadContext
from scanner.readers.bluesky.reader import BlueskyReader, walk_mst
from scanner.readers.guard import EMPTY_ENTRIES
from scanner.records import AnyRecord, Audience, Connection, Group, Post, Profile, Reaction, Relation

DID = "did:plc:owner123"
ANN = "did:plc:ann456"
BOB = "did:plc:bob789"
ZED = "did:plc:zed000"
CREATED = "2024-03-01T12:00:00.000Z"


def cid_of(block: bytes) -> bytes:
    """A CIDv1, DAG-CBOR codec, SHA-256 multihash (as the CAR file stores it)."""
    return bytes([0x01, 0x71, 0x12, 0x20]) + hashlib.sha256(block).digest()


class Link:
    """A CID link inside a block (DAG-CBOR tag 42)."""

    def __init__(self, cid: bytes) -> None:
        self.cid = cid


def encode(value: Any) -> bytes:
    """DAG-CBOR via libipld; links become tag 42 over the 0x00-prefixed CID bytes."""
    links: list[bytes] = []

    def prepare(item: Any) -> Any:
        if isinstance(item, Link):
            links.append(item.cid)
            return b"\x00" + item.cid
        if isinstance(item, dict):
            return {k: prepare(v) for k, v in item.items()}
        if isinstance(item, list):
            return [prepare(v) for v in item]
        return item

    data = libipld.encode_dag_cbor(prepare(value))
    for cid in links:
        data = data.replace(b"\x58\x25\x00" + cid, b"\xd8\x2a\x58\x25\x00" + cid)
    return data


def varint(n: int) -> bytes:
    out = b""
    while True:
        byte, n = n & 0x7F, n >> 7
        if n:
            out += bytes([byte | 0x80])
        else:
            return out + bytes([byte])


def car(root: bytes, blocks: list[bytes]) -> bytes:
    header = encode({"roots": [Link(root)], "version": 1})
    body = b"".join(varint(len(cid_of(b)) + len(b)) + cid_of(b) + b for b in blocks)
    return varint(len(header)) + header + body


def mst_entries(items: list[tuple[str, bytes]], subtree: dict[int, bytes] | None = None) -> list[dict[str, Any]]:
    """Prefix-compressed MST entries for sorted ``(key, record CID)`` pairs; ``subtree`` maps index → right link."""
    out: list[dict[str, Any]] = []
    previous = b""
    for index, (key, cid) in enumerate(items):
        raw = key.encode()
        shared = 0
        while shared < min(len(raw), len(previous)) and raw[shared] == previous[shared]:
            shared += 1
        tree = (subtree or {}).get(index)
        out.append({"k": raw[shared:], "p": shared, "t": Link(tree) if tree else None, "v": Link(cid)})
        previous = raw
    return out


POST_TEXT = "Great group session today with @ann.bsky.social"
RECORDS: dict[str, dict[str, Any]] = {
    "app.bsky.actor.profile/self": {
        "$type": "app.bsky.actor.profile",
        "displayName": "Jane Roe, LCSW",
        "description": "Therapist at Riverside Clinic",
    },
    "app.bsky.feed.like/3kaaa": {
        "$type": "app.bsky.feed.like",
        "createdAt": CREATED,
        "subject": {"uri": f"at://{BOB}/app.bsky.feed.post/3kbob", "cid": "x"},
    },
    "app.bsky.feed.post/3kp01": {
        "$type": "app.bsky.feed.post",
        "createdAt": CREATED,
        "text": POST_TEXT,
        "langs": ["en"],
        "facets": [
            {
                "index": {"byteStart": POST_TEXT.index("@"), "byteEnd": len(POST_TEXT.encode())},
                "features": [{"$type": "app.bsky.richtext.facet#mention", "did": ANN}],
            }
        ],
        "embed": {"$type": "app.bsky.embed.images", "images": [{"alt": "clinic waiting room", "image": None}]},
    },
    "app.bsky.feed.post/3kp02": {
        "$type": "app.bsky.feed.post",
        "createdAt": "2024-03-02T08:30:00.000Z",
        "text": "Agreed, see you there",
        "reply": {
            "root": {"uri": f"at://{BOB}/app.bsky.feed.post/3kbob", "cid": "x"},
            "parent": {"uri": f"at://{BOB}/app.bsky.feed.post/3kbob", "cid": "x"},
        },
    },
    "app.bsky.feed.repost/3kr01": {
        "$type": "app.bsky.feed.repost",
        "createdAt": CREATED,
        "subject": {"uri": f"at://{ANN}/app.bsky.feed.post/3kann", "cid": "x"},
    },
    "app.bsky.graph.block/3kb01": {"$type": "app.bsky.graph.block", "createdAt": CREATED, "subject": ZED},
    "app.bsky.graph.follow/3kf01": {"$type": "app.bsky.graph.follow", "createdAt": CREATED, "subject": ANN},
    "app.bsky.graph.follow/3kf02": {"$type": "app.bsky.graph.follow", "createdAt": CREATED, "subject": BOB},
    "app.bsky.graph.list/3kl01": {
        "$type": "app.bsky.graph.list",
        "createdAt": CREATED,
        "name": "Recovery pals",
        "purpose": "app.bsky.graph.defs#curatelist",
    },
    "app.bsky.graph.listitem/3ki01": {
        "$type": "app.bsky.graph.listitem",
        "createdAt": CREATED,
        "subject": ANN,
        "list": f"at://{DID}/app.bsky.graph.list/3kl01",
    },
}


def repository() -> bytes:
    """A CAR file: commit → MST root (left subtree, entries, a right subtree under one entry) → records."""
    blocks = {key: encode(value) for key, value in RECORDS.items()}
    items = sorted((key, cid_of(block)) for key, block in blocks.items())
    left = encode({"e": mst_entries(items[:3]), "l": None})
    right = encode({"e": mst_entries(items[5:8]), "l": None})
    root = encode({"e": mst_entries([items[3], items[4], *items[8:]], {1: cid_of(right)}), "l": Link(cid_of(left))})
    commit = encode(
        {"data": Link(cid_of(root)), "did": DID, "prev": None, "rev": "3kxyz", "sig": b"\x01" * 64, "version": 3}
    )
    return car(cid_of(commit), [commit, root, left, right, *blocks.values()])


@pytest.fixture
def car_file(tmp_path: Path) -> Path:
    path = tmp_path / "repo.car"
    path.write_bytes(repository())
    return path


def read(path: Path) -> tuple[ReadContext, list[AnyRecord]]:
    with Archive([path]) as archive:
        detected = detect(archive)
        assert detected.detection.platform == "bluesky"
        ctx = ReadContext()
        return ctx, list(detected.reader.read(archive, detected.detection, ctx))


def of(records: list[AnyRecord], cls: type) -> list[Any]:
    return [r for r in records if isinstance(r, cls)]


def test_tree_walk_finds_every_record_key() -> None:
    data = repository()
    header, blocks = libipld.decode_car(data)
    commit = blocks[header["roots"][0]]
    assert sorted(key for key, _ in walk_mst(blocks, commit["data"])) == sorted(RECORDS)


def test_every_record_kind(car_file: Path) -> None:
    ctx, records = read(car_file)
    assert ctx.skipped == [] and ctx.account.account_id == DID
    (profile,) = of(records, Profile)
    assert (profile.name, profile.bio, profile.private) == ("Jane Roe, LCSW", "Therapist at Riverside Clinic", False)
    posts = {p.subkind: p for p in of(records, Post)}
    post = posts["post"]
    assert post.id == f"at://{DID}/app.bsky.feed.post/3kp01"
    assert post.url == f"https://bsky.app/profile/{DID}/post/3kp01"
    assert post.text == f"{POST_TEXT}\nclinic waiting room"
    assert post.audience is Audience.PUBLIC and post.timestamp is not None
    assert [(m.handle, m.account_id) for m in post.mentions] == [("ann.bsky.social", ANN)]
    reply = posts["reply"]
    assert reply.in_reply_to is not None and reply.in_reply_to.account_id == BOB
    assert posts["repost"].author is not None and posts["repost"].author.handle == "ann.bsky.social"
    (like,) = of(records, Reaction)
    assert like.target_url == f"https://bsky.app/profile/{BOB}/post/3kbob"
    relations = sorted((c.relation.value, c.person.account_id, c.person.handle) for c in of(records, Connection))
    assert relations == [
        ("blocked", ZED, None),
        ("following", ANN, "ann.bsky.social"),
        ("following", ANN, "ann.bsky.social"),
        ("following", BOB, None),
    ]
    assert [g.name for g in of(records, Group)] == ["Recovery pals"]
    assert ctx.stats["unresolved_account_ids"] == 2  # bob and zed were never mentioned
    assert ctx.read_members


def test_a_modlist_holds_muted_accounts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    modlist = dict(RECORDS["app.bsky.graph.list/3kl01"], purpose="app.bsky.graph.defs#modlist")
    monkeypatch.setitem(RECORDS, "app.bsky.graph.list/3kl01", modlist)
    path = tmp_path / "repo.car"
    path.write_bytes(repository())
    _, records = read(path)
    assert [c.relation for c in of(records, Connection) if c.id.endswith("3ki01")] == [Relation.MUTED]


def test_truncated_car_is_skipped_with_a_reason(tmp_path: Path) -> None:
    path = tmp_path / "repo.car"
    path.write_bytes(repository()[:-40])
    ctx, records = read(path)
    assert records == [] and len(ctx.skipped) == 1 and "CAR" in ctx.skipped[0].reason


def test_other_car_files_are_not_bluesky(tmp_path: Path) -> None:
    path = tmp_path / "movie.car"
    path.write_bytes(b"not a content-addressed archive at all")
    with Archive([path]) as archive:
        assert BlueskyReader().detect(archive) is None


def test_scanned_end_to_end(car_file: Path, tmp_path: Path) -> None:
    clients = tmp_path / "clients.csv"
    clients.write_text(
        "id,name,aliases,status,handles,notes\nC1,Ann Client,,current,bluesky:ann.bsky.social,\n"
        f"C2,Bob Client,,current,bluesky:{BOB},\n",
        encoding="utf-8",
    )  # a DID: never mentioned
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli, ["scan", str(car_file), "--clients", str(clients), "--out", str(out), "--format", "json", "--quiet"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(next(out.glob("*.json")).read_text(encoding="utf-8"))
    (source,) = report["sources"]
    assert (source["platform"], source["format"]) == ("bluesky", "car")
    assert source["counts"]["post"] == 3 and source["counts"]["connection"] == 4
    found = {(f["category"], f["record"]["kind"], f["client"]["id"]) for f in report["findings"] if f.get("client")}
    assert {
        ("client-connection", "connection", "C1"),
        ("client-connection", "connection", "C2"),
        ("client-mention", "post", "C1"),
    } <= found


def test_two_copies_of_the_repository_give_each_record_once(car_file: Path, tmp_path: Path) -> None:
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "repo.car").write_bytes(car_file.read_bytes())
    (folder / "repo-backup.car").write_bytes(car_file.read_bytes())
    ctx, records = read(folder)
    _, once = read(car_file)
    assert sorted(r.id for r in records) == sorted(r.id for r in once)
    assert ctx.stats[REPEATED] == len(once)


def test_entries_with_nothing_to_check_or_an_odd_shape_are_counted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(
        RECORDS,
        "app.bsky.feed.threadgate/3kt01",
        {"$type": "app.bsky.feed.threadgate", "post": f"at://{DID}/app.bsky.feed.post/3kp01"},
    )
    monkeypatch.setitem(
        RECORDS, "app.bsky.graph.follow/3kf03", {"$type": "app.bsky.graph.follow", "createdAt": CREATED}
    )  # no subject
    monkeypatch.setitem(
        RECORDS,
        "app.bsky.feed.post/3kp03",
        {"$type": "app.bsky.feed.post", "createdAt": CREATED, "text": "odd", "facets": 5},
    )
    path = tmp_path / "repo.car"
    path.write_bytes(repository())
    ctx, records = read(path)
    assert not ctx.skipped and len(of(records, Post)) == 3  # the two of the fixture and the repost
    assert ctx.stats[EMPTY_ENTRIES] == 2 and ctx.stats["unreadable_entries"] == 1
    assert ctx.stats["bluesky_other_records: app.bsky.feed.threadgate"] == 1
    assert any(n.startswith("2 entries in ") and "held nothing to check" in n for n in ctx.notes)
    assert any(n.startswith("1 entry in ") and "unexpected structure" in n for n in ctx.notes)
