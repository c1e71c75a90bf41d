"""Mastodon reader: the account archive (``archive-….tar.gz`` or its folder) and the CSV exports.

The archive holds ``actor.json`` (profile and privacy flags), ``outbox.json`` (the owner's statuses, boosts
and sent direct messages), ``likes.json`` and ``bookmarks.json``. Followers, follows, blocks and mutes are
not in it: they come from the separate CSV exports (Settings → Import and export), which may sit in the
same folder or be given as inputs of their own.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from functools import partial
from typing import Any

import ijson

from scanner.archive import Archive, Member, MemberError, decode_text
from scanner.readers.base import Detection, ReadContext
from scanner.readers.csvsniff import column_key, file_key, read_table
from scanner.readers.guard import (
    SHAPE_ERRORS,
    EntryTally,
    ShapeError,
    Wording,
    raise_bug,
    read_file,
    skip_file,
    stream_json_items,
)
from scanner.readers.mastodon.activity import (
    PLATFORM,
    account_of,
    address_person,
    html_to_text,
    outbox_item,
    when,
)
from scanner.records import AnyRecord, Connection, Profile, Reaction, Relation, Setting, stable_id

_JSON_FILES = ("outbox.json", "actor.json", "likes.json", "bookmarks.json")
_CSV_RELATIONS = {
    "followingaccounts": Relation.FOLLOWING,
    "followers": Relation.FOLLOWER,
    "followeraccounts": Relation.FOLLOWER,
    "followersaccounts": Relation.FOLLOWER,
    "blockedaccounts": Relation.BLOCKED,
    "mutedaccounts": Relation.MUTED,
}
# Headers of the CSV exports, for files saved under another name ("export (1).csv"): column keys of the
# first line → relation.
_CSV_HEADERS = {
    ("accountaddress", "showboosts"): Relation.FOLLOWING,
    ("accountaddress", "hidenotifications"): Relation.MUTED,
}
_HEADER_PEEKS = 20
_SETTINGS = (
    ("manuallyApprovesFollowers", "manually_approves_followers"),
    ("discoverable", "discoverable"),
    ("indexable", "indexable"),
)
_STREAM_ABOVE = 50 * 1024 * 1024


def _json_member(archive: Archive, name: str) -> Member | None:
    # The archive's own files sit at its root (media lives in sub-folders); prefer the shallowest.
    found = [m for m in archive.members if m.name.lower() == name]
    return min(found, key=lambda m: m.path.count("/")) if found else None


def _csv_members(archive: Archive) -> list[tuple[Member, Relation | None]]:
    out: list[tuple[Member, Relation | None]] = []
    peeks = 0
    for member in archive.members:
        if member.name.lower().endswith(".csv"):
            key = file_key(member.name)
            if key in _CSV_RELATIONS:
                out.append((member, _CSV_RELATIONS[key]))
            elif key == "bookmarks":
                out.append((member, None))
            elif peeks < _HEADER_PEEKS:
                peeks += 1
                relation = _relation_by_header(archive, member)
                if relation is not None:
                    out.append((member, relation))
    return out


def _relation_by_header(archive: Archive, member: Member) -> Relation | None:
    """The relation of a renamed Mastodon CSV export, from its header line (``Account address,Show boosts``)."""
    try:
        with archive.open(member) as fh:
            head = decode_text(fh.read(512))
    except MemberError:
        return None
    columns = [column_key(c) for c in head.lstrip("\ufeff").split("\n", 1)[0].split(",")]
    return _CSV_HEADERS.get((columns[0], columns[1])) if len(columns) >= 2 else None


def _looks_like_activitypub(archive: Archive, member: Member) -> bool:
    try:
        with archive.open(member) as fh:
            head = decode_text(fh.read(4096))
    except MemberError:
        return False
    return "activitystreams" in head or "OrderedCollection" in head


class MastodonReader:
    """Reads Mastodon account archives and CSV exports."""

    platform = PLATFORM

    def detect(self, archive: Archive) -> Detection | None:
        """Mastodon when ``actor.json``/``outbox.json`` are ActivityStreams documents, or when the
        input holds Mastodon's CSV exports (``following_accounts.csv`` …)."""
        core = [m for m in map(partial(_json_member, archive), _JSON_FILES) if m]
        if core and any(_looks_like_activitypub(archive, m) for m in core):
            present = [n for n in _JSON_FILES if _json_member(archive, n)]
            score = 1.0 if len(present) >= 2 else 0.8
            return Detection(PLATFORM, "mastodon", "json", score, evidence=", ".join(present))
        csvs = [m for m, relation in _csv_members(archive) if relation is not None]
        if csvs:
            return Detection(PLATFORM, "mastodon", "csv", 0.9, evidence=", ".join(m.name for m in csvs[:4]))
        return None

    def read(self, archive: Archive, detection: Detection, ctx: ReadContext) -> Iterator[AnyRecord]:
        """Yield the profile and settings, statuses, likes and bookmarks, and the CSV lists."""
        followers: str | None = None
        actor_member = _json_member(archive, "actor.json")
        if actor_member is not None:
            actor = _read_json(archive, actor_member, ctx)
            if isinstance(actor, dict) and any(key in actor for key in ("type", "id", "preferredUsername")):
                followers = actor.get("followers") if isinstance(actor.get("followers"), str) else None
                try:
                    records = list(_actor(actor, actor_member, ctx))
                except Exception as exc:
                    skip_file(ctx, actor_member, exc)
                    records = []
                yield from records
            elif actor is not None:
                ctx.skip(actor_member, "is not an ActivityPub actor (expected an object with a type, id or username)")
        outbox = _json_member(archive, "outbox.json")
        if outbox is not None:
            yield from _outbox(archive, outbox, followers, ctx)
        for name, reaction in (("likes.json", "like"), ("bookmarks.json", "bookmark")):
            member = _json_member(archive, name)
            if member is not None:
                yield from _collection(archive, member, reaction, ctx)
        relations = set()
        for member, relation in _csv_members(archive):
            relations.add(relation)
            yield from _csv_export(archive, member, relation, ctx)
        if detection.format == "json" and Relation.FOLLOWING not in relations:
            ctx.note(
                "Mastodon archives do not list followers, follows, blocks or mutes; add the CSV exports "
                "(Preferences → Import and export → Data export) to check them."
            )
        if detection.format == "json":
            ctx.note("Mastodon archives hold only the direct messages you sent, not the ones you received.")


def _read_json(archive: Archive, member: Member, ctx: ReadContext) -> Any:
    try:
        data = archive.read_json(member)
    except MemberError as exc:
        ctx.skip(member, f"{exc.reason}; download the archive again")
        return None
    ctx.understood(member)
    return data


def _actor(actor: dict[str, Any], member: Member, ctx: ReadContext) -> Iterator[AnyRecord]:
    actor_id = actor.get("id") if isinstance(actor.get("id"), str) else None
    username = actor.get("preferredUsername") if isinstance(actor.get("preferredUsername"), str) else None
    account = account_of(actor_id) or account_of(actor.get("url") if isinstance(actor.get("url"), str) else None)
    handle = account.handle if account else username
    name = actor.get("name") if isinstance(actor.get("name"), str) and actor.get("name") else username
    ctx.account.name = name
    ctx.account.handle = handle
    bio_lines = [html_to_text(actor.get("summary") if isinstance(actor.get("summary"), str) else "")]
    websites: list[str] = []
    fields = actor.get("attachment")
    for entry in fields if isinstance(fields, list) else []:
        if not isinstance(entry, dict) or entry.get("type") != "PropertyValue":
            continue
        label, html = str(entry.get("name") or ""), str(entry.get("value") or "")
        text = html_to_text(html)
        if text.startswith(("http://", "https://")) or "href=" in html:
            websites.append(text if text.startswith("http") else f"https://{text}")
        elif text:
            bio_lines.append(f"{label}: {text}" if label else text)
    locked = actor.get("manuallyApprovesFollowers")
    source = f"{member.path}#0"
    yield Profile(
        platform=PLATFORM,
        id=actor_id or stable_id(PLATFORM, "profile", handle),
        source=source,
        timestamp=when(actor.get("published")),
        url=actor.get("url") if isinstance(actor.get("url"), str) else actor_id,
        name=name,
        handle=handle,
        bio="\n".join(line for line in bio_lines if line) or None,
        websites=tuple(dict.fromkeys(websites)),
        private=locked if isinstance(locked, bool) else None,
    )
    for key, setting in _SETTINGS:
        if key not in actor:
            continue
        flag = actor.get(key)
        yield Setting(
            platform=PLATFORM,
            id=stable_id(PLATFORM, "setting", setting, actor_id or handle),
            source=source,
            name=setting,
            value=str(flag).lower() if isinstance(flag, bool) else str(flag),
            enabled=flag if isinstance(flag, bool) else None,
        )


def _outbox(archive: Archive, member: Member, followers: str | None, ctx: ReadContext) -> Iterator[AnyRecord]:
    return read_file(ctx, member, partial(_outbox_records, archive, member, followers, ctx), _WORDING)


_WORDING = Wording(unreadable="{reason}; download the archive again")


def _outbox_records(
    archive: Archive, member: Member, followers: str | None, ctx: ReadContext, tally: EntryTally
) -> Iterator[AnyRecord]:
    if member.size > _STREAM_ABOVE:
        items: Any = _stream_items(archive, member)
    else:
        data = archive.read_json(member)
        items = data.get("orderedItems") if isinstance(data, dict) else None
        if not isinstance(items, list):
            raise ShapeError("is not an ActivityPub outbox (no orderedItems list)")
    ctx.understood(member)
    for index, item in enumerate(items):
        try:
            result = outbox_item(item, followers, f"{member.path}#{index}")
        except SHAPE_ERRORS as exc:
            raise_bug(exc)
            tally.failed()
            continue
        if isinstance(result, str):  # an activity that is no post or boost (a Like, a Delete): counted
            ctx.count(f"mastodon_outbox_left_out: {result}")
            tally.passed_over()
        else:
            tally.ok()
            yield result


def _stream_items(archive: Archive, member: Member) -> Iterator[Any]:
    try:
        with archive.open(member) as fh:
            yield from stream_json_items(fh, "orderedItems.item", archive.limits.max_json_depth)
    except (ijson.JSONError, ijson.IncompleteJSONError) as exc:
        detail = " ".join(str(exc).split())[:60]
        raise ShapeError(f"is not valid JSON ({detail}); it may be truncated — download it again") from None


def _collection(archive: Archive, member: Member, reaction: str, ctx: ReadContext) -> Iterator[Reaction]:
    return read_file(ctx, member, partial(_collection_records, archive, member, reaction), _WORDING)


def _collection_records(archive: Archive, member: Member, reaction: str, tally: EntryTally) -> Iterator[Reaction]:
    data = archive.read_json(member)
    items = data.get("orderedItems") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise ShapeError("is not an ActivityPub collection (no orderedItems list)")
    for index, item in enumerate(items):
        uri = item if isinstance(item, str) else item.get("id") if isinstance(item, dict) else None
        if isinstance(uri, str) and uri:
            yield _reaction(uri, reaction, f"{member.path}#{index}")


def _reaction(uri: str, reaction: str, source: str) -> Reaction:
    return Reaction(
        platform=PLATFORM,
        id=stable_id(PLATFORM, "reaction", reaction, uri),
        source=source,
        url=uri,
        reaction=reaction,
        target_url=uri,
        target_owner=account_of(uri),
    )


def _csv_export(archive: Archive, member: Member, relation: Relation | None, ctx: ReadContext) -> Iterator[AnyRecord]:
    return read_file(ctx, member, partial(_csv_records, archive, member, relation, ctx), _CSV_WORDING)


_CSV_WORDING = Wording(unreadable="{reason}; export the file again")


def _csv_records(
    archive: Archive, member: Member, relation: Relation | None, ctx: ReadContext, tally: EntryTally
) -> Iterator[AnyRecord]:
    try:
        table = read_table(archive.read_text(member), header=False)
    except csv.Error as exc:
        raise ShapeError(f"is not a readable CSV file ({exc}); export it again") from None
    ctx.understood(member)
    for row in table.rows:
        value = row.get("1")
        if row.index == 0 and column_key(value) in ("accountaddress", "address", "account"):
            continue  # the header of following/muted exports
        source = f"{member.path}#{row.index}"
        if relation is None:  # bookmarks.csv: one status URI per line
            if value.startswith("http"):
                yield _reaction(value, "bookmark", source)
            continue
        person = address_person(value)
        if person is None:
            ctx.count("mastodon_csv_rows_unreadable")
            continue
        yield Connection(
            platform=PLATFORM,
            id=stable_id(PLATFORM, "connection", relation, (person.handle or "").casefold()),
            source=source,
            url=person.url,
            person=person,
            relation=relation,
        )


__all__ = ["MastodonReader"]
