"""Instagram JSON-shaped records (JSON files, or HTML pages converted by :mod:`instagram_html`) → records.

Every builder takes the list of records of one file and the member path (for ``source``), and yields
normalized records whose ids are :func:`scanner.records.stable_id` over content that every layout generation
and format shows the same way (kind, time, text, usernames) -- never the path.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from typing import Any
from urllib.parse import urlparse

from scanner.readers.instagram_keys import map_field, map_value, parse_flag, privacy_word
from scanner.records import (
    Comment,
    Connection,
    Person,
    Place,
    Post,
    Profile,
    Reaction,
    Relation,
    Search,
    Setting,
    from_epoch,
    stable_id,
)

PLATFORM = "instagram"
PROFILE_URL = "https://www.instagram.com/{}"
_USERNAME = re.compile(r"^[A-Za-z0-9._]{1,40}$")


def is_username(text: str) -> bool:
    """True when ``text`` can be an Instagram username (letters, digits, ``.`` and ``_`` only)."""
    return bool(_USERNAME.match(text))


def handle_from_url(url: str) -> str | None:
    """The username in a profile link (``instagram.com/jdoe``, ``instagram.com/_u/jdoe``), else ``None``."""
    if not url:
        return None
    parts = [p for p in urlparse(url.strip()).path.split("/") if p]
    if parts and parts[0] == "_u":
        parts = parts[1:]
    if len(parts) == 1 and is_username(parts[0]) and parts[0] not in ("p", "reel", "stories", "explore"):
        return parts[0]
    return None


def _str(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _first_list_item(entry: dict[str, Any]) -> dict[str, Any]:
    data = entry.get("string_list_data")
    if isinstance(data, list) and data and isinstance(data[0], dict):
        return data[0]
    return {}


def _label_values(entry: dict[str, Any]) -> dict[str, str]:
    """``label -> value`` of the newer ``label_values`` records (nested ``dict`` lists flattened)."""
    found: dict[str, str] = {}

    def visit(node: Any) -> None:
        if isinstance(node, list):
            for item in node:
                visit(item)
        elif isinstance(node, dict):
            label = _str(node.get("label"))
            value = _str(node.get("value")) or _str(node.get("href"))
            if label and value:
                found.setdefault(label.casefold(), value)
            for child in node.values():
                if isinstance(child, list | dict):
                    visit(child)

    visit(entry.get("label_values"))
    return found


def entry_time(entry: dict[str, Any]) -> datetime | None:
    """The time of a record: ``string_list_data[0].timestamp``, the ``Time`` map entry, or ``timestamp``."""
    first = _first_list_item(entry)
    when = from_epoch(first.get("timestamp"))
    if when is None:
        time_entry = map_field(entry.get("string_map_data"), "time")
        if time_entry is not None:
            when = from_epoch(time_entry.get("timestamp"))
    if when is None:
        when = from_epoch(entry.get("timestamp"))
    if when is None:
        for value in (entry.get("string_map_data") or {}).values():
            if isinstance(value, dict) and from_epoch(value.get("timestamp")):
                return from_epoch(value.get("timestamp"))
    return when


def person_from_entry(entry: dict[str, Any]) -> Person | None:
    """The other account of a list record: username from ``value``, ``title`` or the link; display name kept."""
    first = _first_list_item(entry)
    value = _str(first.get("value"))
    href = _str(first.get("href"))
    title = _str(entry.get("title"))
    labels = _label_values(entry)
    mapped_user = map_value(entry.get("string_map_data"), "username")
    mapped_name = map_value(entry.get("string_map_data"), "name")
    handle = None
    if value and is_username(value):
        handle = value
    elif title and is_username(title):
        handle = title
    elif mapped_user:
        handle = mapped_user
    elif labels.get("username"):
        handle = labels["username"]
    else:
        handle = handle_from_url(href) or handle_from_url(value) or handle_from_url(labels.get("url", ""))
    name = mapped_name or labels.get("name") or None
    if not name and title and title != handle and not is_username(title):
        name = title
    if not handle and not name:
        return None
    url = PROFILE_URL.format(handle) if handle else None
    return Person(name=name, handle=handle, url=url)


# ---------------------------------------------------------------------------------------------- connections
def relations(entries: list[Any], path: str, relation: Relation) -> Iterator[Connection]:
    """Followers, following, close friends, requests, blocked / restricted / hidden-story lists."""
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            continue
        person = person_from_entry(entry)
        if person is None:
            continue
        when = entry_time(entry)
        yield Connection(
            platform=PLATFORM,
            id=stable_id(PLATFORM, "connection", relation.value, person.handle or person.name, when),
            source=f"{path}#{index}",
            timestamp=when,
            url=person.url,
            person=person,
            relation=relation,
        )


def contacts(entries: list[Any], path: str) -> Iterator[Connection]:
    """Synced address-book contacts (first / last name and contact detail, keys possibly localized)."""
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            continue
        smap = entry.get("string_map_data")
        first = map_value(smap, "first_name") or _str(entry.get("first_name"))
        last = map_value(smap, "last_name") or _str(entry.get("last_name"))
        detail = map_value(smap, "contact") or _str(entry.get("contact")) or _str(entry.get("contact_info"))
        name = " ".join(p for p in (first, last) if p) or _str(entry.get("name")) or _str(entry.get("title"))
        if not name and not detail:
            continue
        yield Connection(
            platform=PLATFORM,
            id=stable_id(PLATFORM, "connection", "contact", name, detail),
            source=f"{path}#{index}",
            person=Person(name=name or None),
            relation=Relation.CONTACT,
        )


# ---------------------------------------------------------------------------------------------- own content
def _media_items(item: dict[str, Any]) -> list[dict[str, Any]]:
    media = item.get("media")
    if isinstance(media, dict):
        return [media]
    if isinstance(media, list):
        return [m for m in media if isinstance(m, dict)]
    if "uri" in item or "creation_timestamp" in item:
        return [item]
    return []


def _coordinates(media: list[dict[str, Any]]) -> tuple[float, float] | None:
    for one in media:
        metadata = one.get("media_metadata")
        if not isinstance(metadata, dict):
            continue
        for kind in metadata.values():
            exif = kind.get("exif_data") if isinstance(kind, dict) else None
            for row in exif if isinstance(exif, list) else ():
                if not isinstance(row, dict) or "latitude" not in row or "longitude" not in row:
                    continue
                try:
                    return float(row["latitude"]), float(row["longitude"])
                except (TypeError, ValueError):
                    continue
    return None


def posts(entries: list[Any], path: str, subkind: str) -> Iterator[Post | Place]:
    """Posts, reels, stories and archived posts; EXIF coordinates or a location name also give a Place."""
    family = "story" if subkind == "story" else "media"
    for index, item in enumerate(entries):
        if not isinstance(item, dict):
            continue
        media = _media_items(item)
        text = _str(item.get("title")) or next((_str(m.get("title")) for m in media if _str(m.get("title"))), "")
        when = from_epoch(item.get("creation_timestamp"))
        if when is None:
            times = [t for t in (from_epoch(m.get("creation_timestamp")) for m in media) if t]
            when = min(times) if times else None
        if when is None and not text:
            continue
        coords = _coordinates(media)
        location = _str(item.get("location"))
        place = location or (f"{coords[0]:.5f}, {coords[1]:.5f}" if coords else None)
        source = f"{path}#{index}"
        yield Post(
            platform=PLATFORM,
            id=stable_id(PLATFORM, "post", family, when, text),
            source=source,
            timestamp=when,
            text=text,
            subkind=subkind,
            place=place,
        )
        if coords or location:
            yield Place(
                platform=PLATFORM,
                id=stable_id(PLATFORM, "place", when, location, *(coords or ())),
                source=source,
                timestamp=when,
                name=location,
                latitude=coords[0] if coords else None,
                longitude=coords[1] if coords else None,
                text=text,
            )


def comments(entries: list[Any], path: str) -> Iterator[Comment]:
    """Comments the owner wrote: ``{title: owner, string_list_data: [{value}]}`` or the ``string_map_data`` form."""
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            continue
        smap = entry.get("string_map_data")
        text = map_value(smap, "comment")
        owner = map_value(smap, "media_owner")
        if not text and not owner:
            text = _str(_first_list_item(entry).get("value"))
            owner = _str(entry.get("title"))
        when = entry_time(entry)
        if not text and when is None:
            continue
        target = Person(handle=owner, url=PROFILE_URL.format(owner)) if owner and is_username(owner) else None
        if owner and target is None:
            target = Person(name=owner)
        yield Comment(
            platform=PLATFORM,
            id=stable_id(PLATFORM, "comment", when, owner, text),
            source=f"{path}#{index}",
            timestamp=when,
            text=text,
            target_owner=target,
        )


def likes(entries: list[Any], path: str, what: str) -> Iterator[Reaction]:
    """Liked posts / comments / stories; ``title`` (or the ``Username`` label) is the content owner's username."""
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            continue
        first = _first_list_item(entry)
        labels = _label_values(entry)
        owner = _str(entry.get("title")) or map_value(entry.get("string_map_data"), "username")
        owner = owner or labels.get("username", "") or labels.get("author", "")
        name = map_value(entry.get("string_map_data"), "name") or labels.get("name") or None
        href = _str(first.get("href")) or labels.get("url", "")
        when = entry_time(entry)
        if not owner and not name and when is None:
            continue
        if owner and is_username(owner):
            target = Person(name=name, handle=owner, url=PROFILE_URL.format(owner))
        elif owner or name:
            target = Person(name=name or owner)
        else:
            target = None
        yield Reaction(
            platform=PLATFORM,
            id=stable_id(PLATFORM, "reaction", what, when, owner or name),
            source=f"{path}#{index}",
            timestamp=when,
            url=href or None,
            reaction="like",
            title=owner or (name or ""),
            target_owner=target,
            target_url=href or None,
            target_text=what,
        )


# ---------------------------------------------------------------------------------------------- profile & settings
def profile(entries: list[Any], path: str) -> tuple[Profile | None, Setting | None]:
    """The owner's profile (``profile_user``), and the private-account flag as a Setting."""
    smap: dict[str, Any] = {}
    for entry in entries:
        if isinstance(entry, dict) and isinstance(entry.get("string_map_data"), dict):
            smap.update(entry["string_map_data"])
    if not smap:
        return None, None
    handle = map_value(smap, "username") or None
    name = map_value(smap, "name") or None
    private_entry = map_field(smap, "private")
    private_raw = private_entry.get("value") if private_entry else None
    private = parse_flag(private_raw)
    source = f"{path}#0"
    record = Profile(
        platform=PLATFORM,
        id=stable_id(PLATFORM, "profile", handle or name),
        source=source,
        url=PROFILE_URL.format(handle) if handle else None,
        name=name,
        handle=handle,
        bio=map_value(smap, "bio") or None,
        websites=tuple(v for v in (map_value(smap, "website"),) if v),
        emails=tuple(v for v in (map_value(smap, "email"),) if v),
        phones=tuple(v for v in (map_value(smap, "phone"),) if v),
        private=private,
    )
    setting = None
    if private_entry is not None:
        setting = Setting(
            platform=PLATFORM,
            id=stable_id(PLATFORM, "setting", "private_account", private),
            source=source,
            name="private_account",
            value=None if private_raw is None else str(private_raw),
            enabled=private,
            detail="Instagram account privacy (private accounts approve their followers)",
        )
    return record, setting


def privacy_changes(entries: list[Any], path: str) -> Iterator[Setting]:
    """Changes between public and private (``account_history_account_privacy_history``)."""
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            continue
        title = _str(entry.get("title")) or _str(_first_list_item(entry).get("value"))
        when = entry_time(entry)
        if not title and when is None:
            continue
        yield Setting(
            platform=PLATFORM,
            id=stable_id(PLATFORM, "setting", "privacy_change", when, title),
            source=f"{path}#{index}",
            timestamp=when,
            name="privacy_change",
            value=title or None,
            enabled=privacy_word(title),
            detail="enabled=True means the account was made private",
        )


def comment_permissions(entries: list[Any], path: str) -> Iterator[Setting]:
    """Who may comment on the owner's posts (``settings_allow_comments_from``)."""
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            continue
        smap = entry.get("string_map_data")
        value = map_value(smap, "comments_allowed_from")
        if not value and isinstance(smap, dict):
            value = next((_str(v.get("value")) for v in smap.values() if isinstance(v, dict) and v.get("value")), "")
        value = value or _str(entry.get("allow_comments_from"))
        if not value:
            continue
        yield Setting(
            platform=PLATFORM,
            id=stable_id(PLATFORM, "setting", "who_can_comment", value),
            source=f"{path}#{index}",
            timestamp=entry_time(entry),
            name="who_can_comment",
            value=value,
        )


def two_factor(entries: list[Any], path: str) -> Iterator[Setting]:
    """Trusted two-factor devices: their presence means two-factor login was set up."""
    devices = [e for e in entries if isinstance(e, dict)]
    if not devices:
        return
    yield Setting(
        platform=PLATFORM,
        id=stable_id(PLATFORM, "setting", "two_factor", len(devices)),
        source=f"{path}#0",
        name="two_factor",
        value=f"{len(devices)} trusted device(s)",
        enabled=True,
        detail="two-factor authentication devices listed in the export",
    )


def logins(entries: list[Any], path: str) -> Iterator[Setting]:
    """Login activity: one ``active_session`` setting per login (time, user agent, IP address)."""
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            continue
        smap = entry.get("string_map_data")
        agent = map_value(smap, "user_agent") or _str(entry.get("user_agent"))
        address = map_value(smap, "ip_address") or _str(entry.get("ip_address"))
        when = entry_time(entry)
        if when is None and not agent and not address:
            continue
        yield Setting(
            platform=PLATFORM,
            id=stable_id(PLATFORM, "setting", "active_session", when, address, agent),
            source=f"{path}#{index}",
            timestamp=when,
            name="active_session",
            value=agent or None,
            detail=f"login from IP address {address}" if address else "login",
        )


def searches(entries: list[Any], path: str, profiles: bool) -> Iterator[Search]:
    """Profile searches (``searches_user``: the account looked up) and word / phrase searches."""
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            continue
        query = map_value(entry.get("string_map_data"), "search")
        query = query or _str(_first_list_item(entry).get("value")) or _str(entry.get("title"))
        if not query:
            continue
        when = entry_time(entry)
        person = None
        if profiles:
            handle = query.lstrip("@")
            if is_username(handle):
                person = Person(handle=handle, url=PROFILE_URL.format(handle))
            else:
                person = Person(name=query)
        yield Search(
            platform=PLATFORM,
            id=stable_id(PLATFORM, "search", when, query),
            source=f"{path}#{index}",
            timestamp=when,
            query=query,
            person=person,
        )


def contact_syncing(entries: list[Any], path: str) -> Setting | None:
    """The ``Contact Syncing`` value of the account insights file, as a ``synced_contacts`` setting."""
    for entry in entries:
        if not isinstance(entry, dict):
            continue
        raw = map_value(entry.get("string_map_data"), "contact_syncing")
        if raw:
            return Setting(
                platform=PLATFORM,
                id=stable_id(PLATFORM, "setting", "synced_contacts"),
                source=f"{path}#0",
                name="synced_contacts",
                value=raw,
                enabled=parse_flag(raw),
            )
    return None


def synced_contacts_setting(count: int, path: str) -> Setting:
    """A ``synced_contacts`` setting for an export that holds ``count`` uploaded contacts."""
    return Setting(
        platform=PLATFORM,
        id=stable_id(PLATFORM, "setting", "synced_contacts"),
        source=f"{path}#0",
        name="synced_contacts",
        value=str(count),
        enabled=True,
        detail=f"{count} phone contact(s) uploaded to Instagram",
    )
