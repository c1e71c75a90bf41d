"""The oldest Instagram exports (<= 2020): single JSON files at the archive root.

``connections.json`` (``{"followers": {"user": "2018-09-08T22:24:42"}, "following": {...}, ...}``),
``media.json`` (``photos`` / ``videos`` / ``stories`` with ``caption``, ``taken_at``, ``location``),
``profile.json`` (``username``, ``name``, ``biography``, ``private_account``...), ``comments.json``
(``media_comments``: ``[time, text, owner]``), ``likes.json`` (``media_likes``: ``[time, owner]``),
``searches.json``, ``contacts.json``, ``settings.json``, ``account_history.json`` and ``messages.json``.
Times are ISO strings (UTC). Each file is turned into the newer record shapes and read by the same builders,
so ids agree with later generations. Evidence for this layout is thin (FORMATS-meta.md §1: [I]); unknown
keys are ignored rather than refused.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from scanner.readers.guard import ShapeError
from scanner.readers.instagram import records as build
from scanner.readers.instagram.common import parse_iso
from scanner.readers.instagram.records import SourceFile
from scanner.records import AnyRecord, Relation

LEGACY_FILES = frozenset(
    {
        "connections.json",
        "media.json",
        "profile.json",
        "comments.json",
        "likes.json",
        "messages.json",
        "searches.json",
        "contacts.json",
        "settings.json",
        "account_history.json",
    }
)

_CATEGORIES = {
    "followers": Relation.FOLLOWER,
    "following": Relation.FOLLOWING,
    "close_friends": Relation.CLOSE_FRIEND,
    "blocked_users": Relation.BLOCKED,
    "restricted_users": Relation.RESTRICTED,
    "hide_stories_from": Relation.HIDDEN_STORY,
    "hide_story_from": Relation.HIDDEN_STORY,
    "follow_requests_sent": Relation.REQUEST_SENT,
    "permanent_follow_requests": Relation.REQUEST_SENT,
    "follow_requests_received": Relation.REQUEST_RECEIVED,
    "following_requests_received": Relation.REQUEST_RECEIVED,
}


def _epoch(value: Any) -> int:
    when = parse_iso(value)
    return int(when.timestamp()) if when else 0


def _list_entry(username: str, when: Any) -> dict[str, Any]:
    href = build.PROFILE_URL.format(username)
    return {"title": "", "string_list_data": [{"href": href, "value": username, "timestamp": _epoch(when)}]}


def connections(data: Any, file: SourceFile) -> Iterator[AnyRecord]:
    """``connections.json``: one dict of ``username -> time`` per list."""
    if not isinstance(data, dict):
        raise ShapeError("not an object of lists")
    for category, people in data.items():
        relation = _CATEGORIES.get(category)
        if relation is None or not isinstance(people, dict):
            continue
        entries = [_list_entry(user, when) for user, when in people.items() if isinstance(user, str)]
        yield from build.relations(entries, file.under(f"{file.path}:{category}"), relation)


def media(data: Any, file: SourceFile) -> Iterator[AnyRecord]:
    """``media.json``: photos and videos (posts) and stories."""
    if not isinstance(data, dict):
        raise ShapeError("not an object of media lists")
    for key, subkind in (("photos", "post"), ("videos", "post"), ("stories", "story")):
        items = data.get(key)
        if not isinstance(items, list):
            continue
        entries = [
            {
                "title": item.get("caption") or "",
                "creation_timestamp": _epoch(item.get("taken_at")),
                "location": item.get("location") or "",
                "media": [{"uri": item.get("path") or ""}],
            }
            for item in items
            if isinstance(item, dict)
        ]
        yield from build.posts(entries, file.under(f"{file.path}:{key}"), subkind)


def profile_entries(data: Any) -> list[dict[str, Any]]:
    """``profile.json`` as a ``profile_user`` record."""
    if not isinstance(data, dict):
        raise ShapeError("not a profile object")
    keys = {
        "Username": "username",
        "Name": "name",
        "Bio": "biography",
        "Website": "website",
        "Email": "email",
        "Phone Number": "phone_number",
        "Private Account": "private_account",
    }
    smap = {label: {"value": data[key]} for label, key in keys.items() if data.get(key) not in (None, "")}
    if "Private Account" not in smap and "is_private" in data:
        smap["Private Account"] = {"value": data["is_private"]}
    return [{"title": "", "string_map_data": smap}]


def _split_row(row: list[Any]) -> tuple[int, list[str]]:
    when = 0
    rest: list[str] = []
    for cell in row:
        if isinstance(cell, str) and not when and parse_iso(cell):
            when = _epoch(cell)
        elif isinstance(cell, str):
            rest.append(cell)
    return when, rest


def comments(data: Any, file: SourceFile) -> Iterator[AnyRecord]:
    """``comments.json``: ``media_comments`` rows ``[time, text, owner]``."""
    if not isinstance(data, dict):
        raise ShapeError("not an object of comment lists")
    entries = []
    for row in data.get("media_comments") or ():
        if not isinstance(row, list):
            continue
        when, rest = _split_row(row)
        text, owner = [*rest, "", ""][:2]
        entries.append({"title": owner, "string_list_data": [{"value": text, "timestamp": when}]})
    yield from build.comments(entries, file)


def likes(data: Any, file: SourceFile) -> Iterator[AnyRecord]:
    """``likes.json``: ``media_likes`` / ``comment_likes`` rows ``[time, owner]``."""
    if not isinstance(data, dict):
        raise ShapeError("not an object of like lists")
    for key, what in (("media_likes", "post"), ("comment_likes", "comment")):
        entries = []
        for row in data.get(key) or ():
            if isinstance(row, list):
                when, rest = _split_row(row)
                entries.append({"title": rest[0] if rest else "", "string_list_data": [{"timestamp": when}]})
        yield from build.likes(entries, file.under(f"{file.path}:{key}"), what)


def searches(data: Any, file: SourceFile) -> Iterator[AnyRecord]:
    """``searches.json``: ``[{"search_click", "time", "type"}]`` (type ``user`` is a profile search)."""
    rows = data if isinstance(data, list) else None
    if rows is None:
        raise ShapeError("not a list of searches")
    for profiles in (True, False):
        entries = [
            {"title": r.get("search_click") or "", "timestamp": _epoch(r.get("time"))}
            for r in rows
            if isinstance(r, dict) and (r.get("type") == "user") is profiles
        ]
        yield from build.searches(entries, file, profiles)


def contacts(data: Any) -> list[dict[str, Any]]:
    """``contacts.json`` rows (a list, or a dict holding one)."""
    rows = data if isinstance(data, list) else next((v for v in data.values() if isinstance(v, list)), None)
    if rows is None:
        raise ShapeError("not a list of contacts")
    return [r for r in rows if isinstance(r, dict)]


def settings(data: Any, file: SourceFile) -> Iterator[AnyRecord]:
    """``settings.json``: ``allow_comments_from``."""
    if not isinstance(data, dict):
        raise ShapeError("not a settings object")
    yield from build.comment_permissions([{"allow_comments_from": data.get("allow_comments_from") or ""}], file)


def account_history(data: Any, file: SourceFile) -> Iterator[AnyRecord]:
    """``account_history.json``: ``login_history`` rows with ISO ``timestamp``, ``ip_address``, ``user_agent``."""
    if not isinstance(data, dict):
        raise ShapeError("not an account-history object")
    rows = [r for r in data.get("login_history") or () if isinstance(r, dict)]
    entries = [{**r, "timestamp": _epoch(r.get("timestamp"))} for r in rows]
    yield from build.logins(entries, file)
