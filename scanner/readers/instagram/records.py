"""Instagram JSON-shaped records (JSON files, or HTML pages converted by :mod:`.html_pages`) → records.

Every builder takes the list of records of one file and a :class:`SourceFile` (the member path for ``source``,
the file's :class:`~scanner.readers.guard.EntryTally`, and whether its strings need Meta's mojibake repair),
and yields normalized records whose ids are :func:`scanner.records.stable_id` over content that every layout
generation and format shows the same way (kind, time, text, usernames) -- never the path.

Entries are built one by one through the tally: an entry of an unexpected shape is left out and counted, the
rest of the file is read. Strings are repaired when a builder takes them out (:meth:`SourceFile.text`), not
up front: JSON files carry the mojibake, HTML pages are real UTF-8 and are read as they are.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, TypeVar
from urllib.parse import urlparse

from scanner.readers.guard import EntryTally, entry_object
from scanner.readers.instagram.keys import map_fields, parse_flag, privacy_word
from scanner.readers.meta import fix_mojibake, keep_text
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
from scanner.records import synced_contacts_setting as contacts_setting

R = TypeVar("R")
Fields = dict[str, dict[str, Any]]  # canonical field -> string_map_data entry (see keys.map_fields)

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


@dataclass(frozen=True)
class SourceFile:
    """What the builders need to know about the file their entries come from.

    ``path`` prefixes each record's ``source`` (``path#index``); ``tally`` counts the entries that could not be
    read; ``fix`` repairs a string taken out of an entry (:func:`~scanner.readers.meta.fix_mojibake` for JSON,
    :func:`~scanner.readers.meta.keep_text` for HTML, see :meth:`json` / :meth:`html`).
    """

    path: str
    tally: EntryTally
    fix: Callable[[str], str] = fix_mojibake

    @classmethod
    def json(cls, path: str, tally: EntryTally) -> SourceFile:
        """A JSON file: strings carry Meta's mojibake and are repaired when read."""
        return cls(path, tally, fix_mojibake)

    @classmethod
    def html(cls, path: str, tally: EntryTally) -> SourceFile:
        """An HTML page converted to JSON-shaped entries: its text is real UTF-8, read as it is."""
        return cls(path, tally, keep_text)

    def under(self, path: str) -> SourceFile:
        """The same file, with records' ``source`` under another name (``connections.json:followers``)."""
        return replace(self, path=path)

    def text(self, value: Any) -> str:
        """``value`` as stripped, repaired text; ``""`` when it is not a string."""
        if not isinstance(value, str):
            return ""
        return value.strip() if value.isascii() else self.fix(value).strip()

    def raw(self, value: Any) -> Any:
        """``value`` repaired when it is a string (not stripped); any other value unchanged."""
        return self.fix(value) if isinstance(value, str) else value

    def fields(self, entry: dict[str, Any]) -> Fields:
        """The ``string_map_data`` entries of a record by canonical field (keys in any known language)."""
        return map_fields(entry.get("string_map_data"), self.fix)

    def value(self, fields: Fields, field: str) -> str:
        """The text value of ``field`` in :meth:`fields` (``""`` when absent)."""
        entry = fields.get(field)
        value = entry.get("value") if entry is not None else None
        if value is None:
            return ""
        return self.text(value) if isinstance(value, str) else str(value).strip()

    def each(self, entries: list[Any], make: Callable[[dict[str, Any], str], Iterable[R]]) -> Iterator[R]:
        """``make(entry, "path#index")``'s records for every object entry; an entry that raises, or is no
        object at all (``null``, ``{}``, a bare value), is left out and counted by the tally."""
        return self.tally.each(entries, lambda i, entry: make(entry_object(entry), f"{self.path}#{i}"))


def _first_list_item(entry: dict[str, Any]) -> dict[str, Any]:
    data = entry.get("string_list_data")
    if isinstance(data, list) and data and isinstance(data[0], dict):
        return data[0]
    return {}


def _label_values(entry: dict[str, Any], file: SourceFile) -> dict[str, str]:
    """``label -> value`` of the newer ``label_values`` records (nested ``dict`` lists flattened)."""
    found: dict[str, str] = {}
    labelled = entry.get("label_values")
    if labelled is None:
        return found

    def visit(node: Any) -> None:
        if isinstance(node, list):
            for item in node:
                visit(item)
        elif isinstance(node, dict):
            label = file.text(node.get("label"))
            value = file.text(node.get("value")) or file.text(node.get("href"))
            if label and value:
                found.setdefault(label.casefold(), value)
            for child in node.values():
                if isinstance(child, list | dict):
                    visit(child)

    visit(labelled)
    return found


def _entry_time(entry: dict[str, Any], first: dict[str, Any], fields: Fields) -> datetime | None:
    """The time of a record: ``string_list_data[0].timestamp``, the ``Time`` map entry, or ``timestamp``."""
    when = from_epoch(first.get("timestamp"))
    if when is None and (time_entry := fields.get("time")) is not None:
        when = from_epoch(time_entry.get("timestamp"))
    if when is None:
        when = from_epoch(entry.get("timestamp"))
    if when is None:
        for value in (entry.get("string_map_data") or {}).values():
            if isinstance(value, dict) and (found := from_epoch(value.get("timestamp"))):
                return found
    return when


def _person(entry: dict[str, Any], first: dict[str, Any], fields: Fields, file: SourceFile) -> Person | None:
    """The other account of a list record: username from ``value``, ``title`` or the link; display name kept."""
    value = file.text(first.get("value"))
    title = file.text(entry.get("title"))
    labels = _label_values(entry, file)
    if value and is_username(value):
        handle: str | None = value
    elif title and is_username(title):
        handle = title
    else:
        handle = file.value(fields, "username") or labels.get("username") or None
    if not handle:
        href = file.text(first.get("href"))
        handle = handle_from_url(href) or handle_from_url(value) or handle_from_url(labels.get("url", ""))
    name = file.value(fields, "name") or labels.get("name") or None
    if not name and title and title != handle and not is_username(title):
        name = title
    if not handle and not name:
        return None
    url = PROFILE_URL.format(handle) if handle else None
    return Person(name=name, handle=handle, url=url)


# ---------------------------------------------------------------------------------------------- connections
def relations(entries: list[Any], file: SourceFile, relation: Relation) -> Iterator[Connection]:
    """Followers, following, close friends, requests, blocked / restricted / hidden-story lists."""
    yield from file.each(entries, lambda entry, source: _relation(entry, source, file, relation))


def _relation(entry: dict[str, Any], source: str, file: SourceFile, relation: Relation) -> Iterable[Connection]:
    first = _first_list_item(entry)
    fields = file.fields(entry)
    person = _person(entry, first, fields, file)
    if person is None:
        return ()
    when = _entry_time(entry, first, fields)
    return (
        Connection(
            platform=PLATFORM,
            id=stable_id(PLATFORM, "connection", relation.value, person.handle or person.name, when),
            source=source,
            timestamp=when,
            url=person.url,
            person=person,
            relation=relation,
        ),
    )


def contacts(entries: list[Any], file: SourceFile) -> Iterator[Connection]:
    """Synced address-book contacts (first / last name and contact detail, keys possibly localized)."""
    yield from file.each(entries, lambda entry, source: _contact(entry, source, file))


def _contact(entry: dict[str, Any], source: str, file: SourceFile) -> Iterable[Connection]:
    fields = file.fields(entry)
    first = file.value(fields, "first_name") or file.text(entry.get("first_name"))
    last = file.value(fields, "last_name") or file.text(entry.get("last_name"))
    detail = file.value(fields, "contact") or file.text(entry.get("contact")) or file.text(entry.get("contact_info"))
    name = " ".join(p for p in (first, last) if p) or file.text(entry.get("name")) or file.text(entry.get("title"))
    if not name and not detail:
        return ()
    return (
        Connection(
            platform=PLATFORM,
            id=stable_id(PLATFORM, "connection", "contact", name, detail),
            source=source,
            person=Person(name=name or None),
            relation=Relation.CONTACT,
        ),
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


def posts(entries: list[Any], file: SourceFile, subkind: str) -> Iterator[Post | Place]:
    """Posts, reels, stories and archived posts; EXIF coordinates or a location name also give a Place."""
    family = "story" if subkind == "story" else "media"
    yield from file.each(entries, lambda item, source: _post(item, source, file, subkind, family))


def _post(item: dict[str, Any], source: str, file: SourceFile, subkind: str, family: str) -> Iterable[Post | Place]:
    media = _media_items(item)
    text = file.text(item.get("title")) or next((t for m in media if (t := file.text(m.get("title")))), "")
    when = from_epoch(item.get("creation_timestamp"))
    if when is None:
        times = [t for t in (from_epoch(m.get("creation_timestamp")) for m in media) if t]
        when = min(times) if times else None
    coords = _coordinates(media)
    location = file.text(item.get("location"))
    if when is None and not text and not coords and not location:
        return ()  # nothing to check: the tally counts it as passed over
    post = Post(
        platform=PLATFORM,
        id=stable_id(PLATFORM, "post", family, when, text),
        source=source,
        timestamp=when,
        text=text,
        subkind=subkind,
        place=location or (f"{coords[0]:.5f}, {coords[1]:.5f}" if coords else None),
    )
    if not coords and not location:
        return (post,)
    return post, Place(
        platform=PLATFORM,
        id=stable_id(PLATFORM, "place", when, location, *(coords or ())),
        source=source,
        timestamp=when,
        name=location,
        latitude=coords[0] if coords else None,
        longitude=coords[1] if coords else None,
        text=text,
    )


def comments(entries: list[Any], file: SourceFile) -> Iterator[Comment]:
    """Comments the owner wrote: ``{title: owner, string_list_data: [{value}]}`` or the ``string_map_data`` form."""
    yield from file.each(entries, lambda entry, source: _comment(entry, source, file))


def _comment(entry: dict[str, Any], source: str, file: SourceFile) -> Iterable[Comment]:
    first = _first_list_item(entry)
    fields = file.fields(entry)
    text = file.value(fields, "comment")
    owner = file.value(fields, "media_owner")
    if not text and not owner:
        text = file.text(first.get("value"))
        owner = file.text(entry.get("title"))
    when = _entry_time(entry, first, fields)
    if not text and when is None:
        return ()
    target = Person(handle=owner, url=PROFILE_URL.format(owner)) if owner and is_username(owner) else None
    if owner and target is None:
        target = Person(name=owner)
    return (
        Comment(
            platform=PLATFORM,
            id=stable_id(PLATFORM, "comment", when, owner, text),
            source=source,
            timestamp=when,
            text=text,
            target_owner=target,
        ),
    )


def likes(entries: list[Any], file: SourceFile, what: str) -> Iterator[Reaction]:
    """Liked posts / comments / stories; ``title`` (or the ``Username`` label) is the content owner's username."""
    yield from file.each(entries, lambda entry, source: _like(entry, source, file, what))


def _like(entry: dict[str, Any], source: str, file: SourceFile, what: str) -> Iterable[Reaction]:
    first = _first_list_item(entry)
    fields = file.fields(entry)
    labels = _label_values(entry, file)
    owner = file.text(entry.get("title")) or file.value(fields, "username")
    owner = owner or labels.get("username", "") or labels.get("author", "")
    name = file.value(fields, "name") or labels.get("name") or None
    href = file.text(first.get("href")) or labels.get("url", "") or _map_href(entry, file)
    when = _entry_time(entry, first, fields)
    if not owner and not name and when is None:
        return ()
    if owner and is_username(owner):
        target: Person | None = Person(name=name, handle=owner, url=PROFILE_URL.format(owner))
    elif owner or name:
        target = Person(name=name or owner)
    else:
        target = None
    return (
        Reaction(
            platform=PLATFORM,
            id=stable_id(PLATFORM, "reaction", what, when, owner or name),
            source=source,
            timestamp=when,
            url=href or None,
            reaction="save" if what == "saved" else "like",
            title=owner or (name or ""),
            target_owner=target,
            target_url=href or None,
            target_text=what,
        ),
    )


def _map_href(entry: dict[str, Any], file: SourceFile) -> str:
    """The first link among the ``string_map_data`` values (saved posts keep theirs under ``Saved on``)."""
    for value in (entry.get("string_map_data") or {}).values():
        if isinstance(value, dict) and (href := file.text(value.get("href"))):
            return href
    return ""


# ---------------------------------------------------------------------------------------------- profile & settings
def profile(entries: list[Any], file: SourceFile) -> tuple[Profile | None, Setting | None]:
    """The owner's profile (``profile_user``), and the private-account flag as a Setting."""
    smap: dict[str, Any] = {}
    for entry in entries:
        if isinstance(entry, dict) and isinstance(entry.get("string_map_data"), dict):
            smap.update(entry["string_map_data"])
    if not smap:
        return None, None
    fields = map_fields(smap, file.fix)
    handle = file.value(fields, "username") or None
    name = file.value(fields, "name") or None
    private_entry = fields.get("private")
    private_raw = file.raw(private_entry.get("value")) if private_entry else None
    private = parse_flag(private_raw)
    source = f"{file.path}#0"
    record = Profile(
        platform=PLATFORM,
        id=stable_id(PLATFORM, "profile", handle or name),
        source=source,
        url=PROFILE_URL.format(handle) if handle else None,
        name=name,
        handle=handle,
        bio=file.value(fields, "bio") or None,
        websites=tuple(v for v in (file.value(fields, "website"),) if v),
        emails=tuple(v for v in (file.value(fields, "email"),) if v),
        phones=tuple(v for v in (file.value(fields, "phone"),) if v),
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


def privacy_changes(entries: list[Any], file: SourceFile) -> Iterator[Setting]:
    """Changes between public and private (``account_history_account_privacy_history``)."""
    yield from file.each(entries, lambda entry, source: _privacy_change(entry, source, file))


def _privacy_change(entry: dict[str, Any], source: str, file: SourceFile) -> Iterable[Setting]:
    first = _first_list_item(entry)
    title = file.text(entry.get("title")) or file.text(first.get("value"))
    when = _entry_time(entry, first, file.fields(entry))
    if not title and when is None:
        return ()
    return (
        Setting(
            platform=PLATFORM,
            id=stable_id(PLATFORM, "setting", "privacy_change", when, title),
            source=source,
            timestamp=when,
            name="privacy_change",
            value=title or None,
            enabled=privacy_word(title),
            detail="enabled=True means the account was made private",
        ),
    )


def profile_changes(entries: list[Any], file: SourceFile) -> Iterator[Setting]:
    """Changes to the profile (``profile_profile_change``: what changed, previous and new value, when)."""
    yield from file.each(entries, lambda entry, source: _profile_change(entry, source, file))


def _profile_change(entry: dict[str, Any], source: str, file: SourceFile) -> Iterable[Setting]:
    values = entry.get("string_map_data")
    if not isinstance(values, dict):
        return ()
    # keys are localized; their order is fixed: what changed, previous value, new value, change date
    texts = [file.text(v.get("value")) for v in values.values() if isinstance(v, dict) and "value" in v]
    texts += [""] * (3 - len(texts))
    changed, previous, new = texts[:3]
    when = _entry_time(entry, {}, file.fields(entry))
    if not changed and not new:
        return ()
    return (
        Setting(
            platform=PLATFORM,
            id=stable_id(PLATFORM, "setting", "profile_change", when, changed, new),
            source=source,
            timestamp=when,
            name="profile_change",
            value=new or None,
            detail=f"{changed}: {previous or '(empty)'} → {new or '(empty)'}",
        ),
    )


def comment_permissions(entries: list[Any], file: SourceFile) -> Iterator[Setting]:
    """Who may comment on the owner's posts (``settings_allow_comments_from``)."""
    yield from file.each(entries, lambda entry, source: _comment_permission(entry, source, file))


def _comment_permission(entry: dict[str, Any], source: str, file: SourceFile) -> Iterable[Setting]:
    fields = file.fields(entry)
    smap = entry.get("string_map_data")
    value = file.value(fields, "comments_allowed_from")
    if not value and isinstance(smap, dict):
        value = next((file.text(v.get("value")) for v in smap.values() if isinstance(v, dict) and v.get("value")), "")
    value = value or file.text(entry.get("allow_comments_from"))
    if not value:
        return ()
    return (
        Setting(
            platform=PLATFORM,
            id=stable_id(PLATFORM, "setting", "who_can_comment", value),
            source=source,
            timestamp=_entry_time(entry, _first_list_item(entry), fields),
            name="who_can_comment",
            value=value,
        ),
    )


def two_factor(entries: list[Any], file: SourceFile) -> Iterator[Setting]:
    """Trusted two-factor devices: their presence means two-factor login was set up."""
    devices = [e for e in entries if isinstance(e, dict)]
    if not devices:
        return
    yield Setting(
        platform=PLATFORM,
        id=stable_id(PLATFORM, "setting", "two_factor", len(devices)),
        source=f"{file.path}#0",
        name="two_factor",
        value=f"{len(devices)} trusted device(s)",
        enabled=True,
        detail="two-factor authentication devices listed in the export",
    )


def logins(entries: list[Any], file: SourceFile) -> Iterator[Setting]:
    """Login activity: one ``active_session`` setting per login (time, user agent, IP address)."""
    yield from file.each(entries, lambda entry, source: _login(entry, source, file))


def _login(entry: dict[str, Any], source: str, file: SourceFile) -> Iterable[Setting]:
    fields = file.fields(entry)
    agent = file.value(fields, "user_agent") or file.text(entry.get("user_agent"))
    address = file.value(fields, "ip_address") or file.text(entry.get("ip_address"))
    when = _entry_time(entry, _first_list_item(entry), fields)
    if when is None and not agent and not address:
        return ()
    return (
        Setting(
            platform=PLATFORM,
            id=stable_id(PLATFORM, "setting", "active_session", when, address, agent),
            source=source,
            timestamp=when,
            name="active_session",
            value=agent or None,
            detail=f"login from IP address {address}" if address else "login",
        ),
    )


def searches(entries: list[Any], file: SourceFile, profiles: bool) -> Iterator[Search]:
    """Profile searches (``searches_user``: the account looked up) and word / phrase searches."""
    yield from file.each(entries, lambda entry, source: _search(entry, source, file, profiles))


def _search(entry: dict[str, Any], source: str, file: SourceFile, profiles: bool) -> Iterable[Search]:
    first = _first_list_item(entry)
    fields = file.fields(entry)
    query = file.value(fields, "search") or file.text(first.get("value")) or file.text(entry.get("title"))
    if not query:
        return ()
    when = _entry_time(entry, first, fields)
    return (
        Search(
            platform=PLATFORM,
            id=stable_id(PLATFORM, "search", when, query),
            source=source,
            timestamp=when,
            query=query,
            person=_searched_person(query) if profiles else None,
        ),
    )


def _searched_person(query: str) -> Person:
    """The account a profile search looked up: by username when the query is one, else by name."""
    handle = query.lstrip("@")
    if is_username(handle):
        return Person(handle=handle, url=PROFILE_URL.format(handle))
    return Person(name=query)


def contact_syncing(entries: list[Any], file: SourceFile) -> Setting | None:
    """The ``Contact Syncing`` value of the account insights file, as a ``synced_contacts`` setting."""
    for entry in entries:
        if not isinstance(entry, dict):
            continue
        setting = file.tally.build(_syncing, entry, file)
        if setting is not None:
            return setting
    return None


def _syncing(entry: dict[str, Any], file: SourceFile) -> Setting | None:
    raw = file.value(file.fields(entry), "contact_syncing")
    if not raw:
        return None
    return Setting(
        platform=PLATFORM,
        id=stable_id(PLATFORM, "setting", "synced_contacts"),
        source=f"{file.path}#0",
        name="synced_contacts",
        value=raw,
        enabled=parse_flag(raw),
    )


def synced_contacts_setting(count: int, path: str) -> Setting:
    """A ``synced_contacts`` setting for an export that holds ``count`` uploaded contacts."""
    return contacts_setting(PLATFORM, count, path, f"{count} phone contact(s) uploaded to Instagram")
