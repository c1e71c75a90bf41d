"""Bluesky "Export my data" reader: the account's repository as a CAR file (``repo.car``, ``<handle>.car``).

The CAR file (content-addressed archive) holds DAG-CBOR blocks, decoded by ``libipld``. Its root is the
signed commit, whose ``data`` link is the root of the repository's Merkle search tree (MST); walking the
tree gives every record's key (``collection/rkey``) and block. Records are mapped by
:mod:`scanner.readers.bluesky.records`, shared with the online check: posts and replies, likes, reposts,
follows, blocks, lists and list members, and the profile. Other accounts appear by DID; handles are
resolved offline from the mentions in the owner's posts, and the report says how many stayed unresolved.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any

from scanner.archive import Archive, Member, MemberError
from scanner.readers.base import Detection, Distinct, ReadContext
from scanner.readers.bluesky import records as bsky
from scanner.readers.guard import EntryTally, ShapeError, Wording, read_file
from scanner.records import AnyRecord, Relation

PLATFORM = bsky.PLATFORM
NOTE_DIDS = (
    "Bluesky exports show other accounts by their DID only; {n} of them were not mentioned in your posts, so "
    "their handles are unknown: they match a client only when the client list gives the client's DID "
    "(handles column: bluesky:did:plc:…)."
)
NOTE_NO_AUDIENCE = "Every Bluesky post is public: anyone can read it, logged in or not."


def _car_members(archive: Archive) -> list[Member]:
    return [m for m in archive.members if m.name.lower().endswith(".car")]


def _looks_like_car(archive: Archive, member: Member) -> bool:
    """A CAR v1 file starts with a varint length and a DAG-CBOR map holding ``roots`` and ``version``."""
    try:
        with archive.open(member) as fh:
            head = fh.read(96)
    except MemberError:
        return False
    return b"roots" in head and b"version" in head


def walk_mst(blocks: dict[bytes, Any], root: bytes) -> Iterator[tuple[str, bytes]]:
    """``(key, record CID)`` for every entry of the Merkle search tree rooted at ``root``.

    Each node is ``{"l": left subtree, "e": [{"p": shared prefix length, "k": key suffix, "v": record,
    "t": right subtree}]}``; keys are prefix-compressed against the previous entry of the same node.
    Iterative, and every node is visited once, so a hostile file cannot loop or recurse deeply.
    """
    stack = [root]
    seen: set[bytes] = set()
    while stack:
        cid = stack.pop()
        if cid in seen:
            continue
        seen.add(cid)
        node = blocks.get(cid)
        if not isinstance(node, dict):
            continue
        if isinstance(node.get("l"), bytes):
            stack.append(node["l"])
        key = b""
        for entry in node.get("e") or ():
            if not isinstance(entry, dict) or not isinstance(entry.get("k"), bytes):
                continue
            prefix = entry.get("p") if isinstance(entry.get("p"), int) else 0
            key = key[:prefix] + entry["k"]
            if isinstance(entry.get("v"), bytes):
                yield key.decode("utf-8", errors="replace"), entry["v"]
            if isinstance(entry.get("t"), bytes):
                stack.append(entry["t"])


class BlueskyReader:
    """Reads a Bluesky repository export (CAR file)."""

    platform = PLATFORM

    def detect(self, archive: Archive) -> Detection | None:
        """Bluesky when the input holds a ``.car`` file that starts like a CAR v1 file."""
        for member in _car_members(archive):
            if _looks_like_car(archive, member):
                return Detection(PLATFORM, "bluesky-car", "car", 1.0, evidence=member.path)
        return None

    def read(self, archive: Archive, detection: Detection, ctx: ReadContext) -> Iterator[AnyRecord]:
        """Yield the records of every CAR file in the input, each id once (see the module docstring)."""
        distinct = Distinct(ctx)
        for member in _car_members(archive):
            for found in read_file(ctx, member, partial(_read_car, archive, member, ctx), _WORDING):
                record = distinct(found)
                if record is not None:
                    yield record


_WORDING = Wording(unreadable="{reason}; export your data again")


@dataclass
class _Repository:
    """What every record of one repository is read with."""

    did: str
    handles: bsky.Handles
    lists: dict[str, Any]
    ctx: ReadContext


def _read_car(archive: Archive, member: Member, ctx: ReadContext, tally: EntryTally) -> Iterator[AnyRecord]:
    import libipld

    try:
        header, blocks = libipld.decode_car(archive.read_bytes(member))
    except ValueError:
        raise ShapeError("is not a readable CAR file (it may be truncated); export your data again") from None
    roots = header.get("roots") if isinstance(header, dict) else None
    commit = blocks.get(roots[0]) if isinstance(roots, list) and roots else None
    if not isinstance(commit, dict) or not isinstance(commit.get("data"), bytes):
        raise ShapeError("is a CAR file but not a Bluesky repository (no signed commit at its root)")
    did = commit["did"] if isinstance(commit.get("did"), str) else ""
    ctx.account.account_id = did or None
    ctx.account.handle = ctx.account.handle or did or None  # the repository names no handle; a DID works as one
    entries: list[tuple[str, dict[str, Any]]] = [
        (key, value) for key, cid in walk_mst(blocks, commit["data"]) if isinstance(value := blocks.get(cid), dict)
    ]
    handles = bsky.Handles()
    for key, value in entries:
        if key.startswith(bsky.POST + "/"):
            handles.learn(value)
    lists = {f"at://{did}/{key}": value.get("purpose") for key, value in entries if key.startswith(bsky.LIST + "/")}
    repository = _Repository(did, handles, lists, ctx)
    yield from tally.each(entries, lambda _, entry: _record(*entry, f"{member.path}#{entry[0]}", repository))
    unresolved = {c for key, v in entries if isinstance(c := v.get("subject"), str) and c not in handles.known}
    if unresolved:
        ctx.count("unresolved_account_ids", len(unresolved))
        ctx.note(NOTE_DIDS.format(n=len(unresolved)))
    ctx.note(NOTE_NO_AUDIENCE)


def _list_item(value: dict[str, Any], uri: str, source: str, repo: _Repository) -> AnyRecord | None:
    in_list = value.get("list")
    purpose = repo.lists.get(in_list) if isinstance(in_list, str) else None
    return bsky.graph_record(value, uri, source, repo.handles, bsky.list_item_relation(purpose))


def _profile(value: dict[str, Any], uri: str, source: str, repo: _Repository) -> AnyRecord | None:
    profile = bsky.profile_record(value, repo.did, source)
    repo.ctx.account.name = repo.ctx.account.name or profile.name
    return profile


_Route = Callable[[dict[str, Any], str, str, _Repository], AnyRecord | None]
ROUTES: dict[str, _Route] = {
    bsky.POST: lambda value, uri, source, repo: bsky.post_record(value, uri, source, repo.handles),
    bsky.REPOST: lambda value, uri, source, repo: bsky.repost_record(value, uri, source, repo.handles),
    bsky.LIKE: lambda value, uri, source, repo: bsky.like_record(value, uri, source, repo.handles),
    bsky.FOLLOW: lambda value, uri, source, repo: bsky.graph_record(
        value, uri, source, repo.handles, Relation.FOLLOWING
    ),
    bsky.BLOCK: lambda value, uri, source, repo: bsky.graph_record(value, uri, source, repo.handles, Relation.BLOCKED),
    bsky.LIST: lambda value, uri, source, repo: bsky.list_record(value, uri, source),
    bsky.LIST_ITEM: _list_item,
    bsky.PROFILE: _profile,
}
"""Collection -> the function that maps one of its records (the reader's route table)."""


def _record(key: str, value: dict[str, Any], source: str, repo: _Repository) -> list[AnyRecord]:
    """The record of one repository entry; an entry of a collection this tool does not read is counted."""
    collection = key.partition("/")[0]
    route = ROUTES.get(collection)
    if route is None:
        repo.ctx.count(f"bluesky_other_records: {collection}")
        return []
    found = route(value, f"at://{repo.did}/{key}", source, repo)
    return [found] if found is not None else []
