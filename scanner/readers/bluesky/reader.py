"""Bluesky "Export my data" reader: the account's repository as a CAR file (``repo.car``, ``<handle>.car``).

The CAR file (content-addressed archive) holds DAG-CBOR blocks, decoded by ``libipld``. Its root is the
signed commit, whose ``data`` link is the root of the repository's Merkle search tree (MST); walking the
tree gives every record's key (``collection/rkey``) and block. Records are mapped by
:mod:`scanner.readers.bluesky.records`, shared with the online check: posts and replies, likes, reposts,
follows, blocks, lists and list members, and the profile. Other accounts appear by DID; handles are
resolved offline from the mentions in the owner's posts, and the report says how many stayed unresolved.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from scanner.archive import Archive, Member, MemberError
from scanner.readers.base import Detection, ReadContext
from scanner.readers.bluesky import records as bsky
from scanner.readers.guard import EntryTally
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
        """Yield the records of every CAR file in the input (see the module docstring)."""
        for member in _car_members(archive):
            yield from _read_car(archive, member, ctx)


def _read_car(archive: Archive, member: Member, ctx: ReadContext) -> Iterator[AnyRecord]:
    import libipld

    try:
        header, blocks = libipld.decode_car(archive.read_bytes(member))
    except MemberError as exc:
        ctx.skip(member, f"{exc.reason}; export your data again")
        return
    except ValueError:
        ctx.skip(member, "is not a readable CAR file (it may be truncated); export your data again")
        return
    roots = header.get("roots") if isinstance(header, dict) else None
    commit = blocks.get(roots[0]) if isinstance(roots, list) and roots else None
    if not isinstance(commit, dict) or not isinstance(commit.get("data"), bytes):
        ctx.skip(member, "is a CAR file but not a Bluesky repository (no signed commit at its root)")
        return
    ctx.understood(member)
    did = commit.get("did") if isinstance(commit.get("did"), str) else ""
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
    tally = EntryTally(ctx, member)
    for key, value in entries:
        yield from tally.build(_record, key, value, did, f"{member.path}#{key}", handles, lists, ctx) or ()
    tally.close()
    unresolved = {c for key, v in entries if isinstance(c := v.get("subject"), str) and c not in handles.known}
    if unresolved:
        ctx.count("unresolved_account_ids", len(unresolved))
        ctx.note(NOTE_DIDS.format(n=len(unresolved)))
    ctx.note(NOTE_NO_AUDIENCE)


def _record(key: str, value: dict[str, Any], did: str, source: str, handles: bsky.Handles,
            lists: dict[str, Any], ctx: ReadContext) -> list[AnyRecord]:
    collection = key.partition("/")[0]
    uri = f"at://{did}/{key}"
    found: AnyRecord | None = None
    if collection == bsky.POST:
        found = bsky.post_record(value, uri, source, handles)
    elif collection == bsky.REPOST:
        found = bsky.repost_record(value, uri, source, handles)
    elif collection == bsky.LIKE:
        found = bsky.like_record(value, uri, source, handles)
    elif collection == bsky.FOLLOW:
        found = bsky.graph_record(value, uri, source, handles, Relation.FOLLOWING)
    elif collection == bsky.BLOCK:
        found = bsky.graph_record(value, uri, source, handles, Relation.BLOCKED)
    elif collection == bsky.LIST:
        found = bsky.list_record(value, uri, source)
    elif collection == bsky.LIST_ITEM:
        in_list = value.get("list")
        purpose = lists.get(in_list) if isinstance(in_list, str) else None
        found = bsky.graph_record(value, uri, source, handles, bsky.list_item_relation(purpose))
    elif collection == bsky.PROFILE:
        profile = bsky.profile_record(value, did, source)
        ctx.account.name = ctx.account.name or profile.name
        found = profile
    else:
        ctx.count(f"bluesky_other_records: {collection}")
    return [found] if found is not None else []
