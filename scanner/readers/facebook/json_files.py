"""Facebook JSON files → records.

One function per kind of file, each taking the parsed JSON, the member path (for ``source``), the
:class:`Owner` and the file's :class:`~scanner.readers.guard.EntryTally`; they raise :class:`ShapeError` for a
file whose shape is not a Facebook one. Entries are built one by one through the tally, so an entry of an
unexpected shape is left out (and counted) while the rest of the file is read.

The parsed JSON is used as it is: strings are mojibake-repaired (:func:`~scanner.readers.meta.fix_mojibake`)
only when a parser takes them out (:func:`_str`, :func:`~scanner.readers.meta.repaired`, the label helpers).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from scanner.readers.facebook.records import (
    PLATFORM,
    MessageFacts,
    Owner,
    PlaceFacts,
    PostFacts,
    comment_record,
    connection_record,
    fb_id,
    group_from_title,
    group_of_post_title,
    group_record,
    left_group,
    post_records,
    reaction_record,
)
from scanner.readers.guard import EntryTally, ShapeError, safe_int
from scanner.readers.meta import fix_mojibake, label_lookup, label_text, label_values, parse_bool, records_of, repaired
from scanner.records import (
    AnyRecord,
    Person,
    Post,
    Profile,
    Relation,
    Search,
    Setting,
    WorkEntry,
    from_epoch,
)

Parser = Callable[[Any, str, Owner, EntryTally], Iterator[AnyRecord]]
EntryParser = Callable[[dict[str, Any], str], Iterable[AnyRecord]]


def _require(records: list[dict[str, Any]], data: Any) -> list[dict[str, Any]]:
    if not records and data not in ([], {}, None) and not (isinstance(data, dict) and _all_empty(data)):
        raise ShapeError("does not hold the list of entries Facebook writes there")
    return records


def _all_empty(data: dict[str, Any]) -> bool:
    return all(v in ([], {}, None, "") for v in data.values())


def _each(entries: list[dict[str, Any]], source: str, tally: EntryTally, parse: EntryParser) -> Iterator[AnyRecord]:
    """``parse(entry, "source#index")``'s records for every entry; an entry that raises is counted and left out."""
    return tally.each(entries, lambda i, entry: parse(entry, f"{source}#{i}"))


def _str(value: Any) -> str:
    """A JSON string value, stripped and mojibake-repaired; ``""`` for anything else."""
    if not isinstance(value, str):
        return ""
    return value.strip() if value.isascii() else fix_mojibake(value).strip()


def _data_items(entry: dict[str, Any]) -> list[dict[str, Any]]:
    data = entry.get("data")
    if type(data) is list:  # the usual shape, without records_of's unwrapping
        return [d for d in data if isinstance(d, dict)]
    return records_of(data) if isinstance(data, dict) else []


def _attachment_items(entry: dict[str, Any]) -> list[dict[str, Any]]:
    attachments = entry.get("attachments")
    if not attachments:
        return []
    out: list[dict[str, Any]] = []
    for attachment in records_of(attachments):
        out.extend(_data_items(attachment))
    return out


# --------------------------------------------------------------------------- profile


def owner_name(data: Any) -> str | None:
    """The account owner's full name from ``profile_information.json`` (``profile_v2`` or ``profile``)."""
    profile = _profile_body(data)
    name = profile.get("name") if profile else None
    if isinstance(name, dict):
        full = _str(name.get("full_name")) or " ".join(
            _str(name.get(k)) for k in ("first_name", "middle_name", "last_name") if _str(name.get(k))
        )
        return full or None
    return _str(name) or None


def _profile_body(data: Any) -> dict[str, Any] | None:
    if isinstance(data, dict):
        for key in ("profile_v2", "profile"):
            if isinstance(data.get(key), dict):
                return data[key]
        if "name" in data and ("emails" in data or "username" in data):
            return data
    return None


def profile(data: Any, source: str, owner: Owner, tally: EntryTally) -> Iterator[AnyRecord]:
    """Profile information: name, username, contacts, city, work and education; G1 also lists groups."""
    body = _profile_body(data)
    if body is None:
        raise ShapeError("has no profile section")
    emails = body.get("emails")
    email_list: list[str] = []
    if isinstance(emails, dict):
        email_list = [fix_mojibake(e) for e in emails.get("emails") or [] if isinstance(e, str)]
    elif isinstance(emails, list):
        email_list = [fix_mojibake(e) for e in emails if isinstance(e, str)]
    phones = tuple(
        _str(p.get("phone_number")) for p in records_of(body.get("phone_numbers")) if _str(p.get("phone_number"))
    )
    websites = tuple(_str(w.get("address")) for w in records_of(body.get("websites")) if _str(w.get("address")))
    work = tuple(
        WorkEntry(
            employer=_str(w.get("employer")),
            title=_str(w.get("title")) or None,
            location=_str(w.get("location")) or None,
            current=not w.get("end_timestamp"),
        )
        for w in records_of(body.get("work_experiences"))
        if _str(w.get("employer"))
    )
    education = tuple(_str(e.get("name")) for e in records_of(body.get("education_experiences")) if _str(e.get("name")))
    city = body.get("current_city")
    bio = body.get("intro_bio")
    name = owner_name(data)
    handle = _str(body.get("username")) or None
    yield Profile(
        platform=PLATFORM,
        id=fb_id("profile", handle or name or ""),
        source=source,
        timestamp=from_epoch(body.get("registration_timestamp")),
        url=_str(body.get("profile_uri")) or None,
        name=name,
        handle=handle,
        bio=_str(bio.get("name")) or None if isinstance(bio, dict) else _str(bio) or None,
        websites=websites,
        emails=tuple(email_list),
        phones=phones,
        city=(_str(city.get("name")) or None) if isinstance(city, dict) else None,
        work=work,
        education=education,
        private=None,
    )
    groups_ = records_of(body.get("groups"))
    yield from tally.each(groups_, lambda i, group: _profile_group(group, f"{source}#groups{i}"))


def _profile_group(group: dict[str, Any], source: str) -> Iterator[AnyRecord]:
    name = _str(group.get("name"))
    if name:
        yield group_record(name, from_epoch(group.get("timestamp")), source)


def timezone_name(data: Any) -> str | None:
    """The zone name of ``timezone.json`` (``{"timezone_v2": "Europe/Rome"}`` or similar)."""
    if isinstance(data, str):
        return fix_mojibake(data)
    if isinstance(data, dict):
        for value in data.values():
            if isinstance(value, str) and "/" in value:
                return fix_mojibake(value)
    return None


# --------------------------------------------------------------------------- posts


def _place(item: dict[str, Any]) -> PlaceFacts | None:
    place = item.get("place")
    if not isinstance(place, dict):
        return None
    name = _str(place.get("name"))
    if not name:
        return None
    raw = place.get("coordinate")
    coordinate: dict[str, Any] = raw if isinstance(raw, dict) else {}
    return PlaceFacts(
        name=name,
        address=_str(place.get("address")) or None,
        latitude=_float(coordinate.get("latitude")),
        longitude=_float(coordinate.get("longitude")),
        url=_str(place.get("url")) or None,
    )


def _float(value: Any) -> float | None:
    try:
        return float(value) if value is not None and value != "" else None
    except (TypeError, ValueError):
        return None


def post_facts(entry: dict[str, Any]) -> PostFacts:
    """Reduce one post object (skeleton A) to :class:`PostFacts`."""
    texts = [text for d in _data_items(entry) if (text := _str(d.get("post")))]
    facts = PostFacts(
        timestamp=from_epoch(entry.get("timestamp")), title=_str(entry.get("title")), text="\n".join(texts)
    )
    for item in _attachment_items(entry):
        _add_attachment(facts, item)
    for tag in entry.get("tags") or ():
        name = _str(tag.get("name")) if isinstance(tag, dict) else _str(tag)
        if name:
            facts.tags.append(name)
    return facts


def _add_attachment(facts: PostFacts, item: dict[str, Any]) -> None:
    """Fold one attachment item (place, life event, link, media) into the post's facts."""
    if facts.place is None:
        facts.place = _place(item)
    life = item.get("life_event")
    if isinstance(life, dict):
        facts.subkind = "life_event"
        if not facts.text:
            facts.text = _str(life.get("title"))
    if "external_context" in item or "media" in item or "event" in item:
        facts.has_attachment = True
        if facts.subkind == "status" and "external_context" in item:
            facts.subkind = "share"
    if not facts.text:
        facts.text = _str(item.get("text"))


def posts(data: Any, source: str, owner: Owner, tally: EntryTally) -> Iterator[AnyRecord]:
    """Your posts (statuses, shares, check-ins, life events, tags)."""
    entries = _require(records_of(data, "status_updates", "status_updates_v2"), data)
    yield from _each(entries, source, tally, lambda entry, src: post_records(post_facts(entry), owner, src))


def posts_by_others(data: Any, source: str, owner: Owner, tally: EntryTally) -> Iterator[AnyRecord]:
    """Posts other people wrote on the owner's timeline (``X wrote on your timeline.``)."""
    entries = _require(records_of(data, "wall_posts_sent_to_you", "wall_posts_sent_to_you_v2"), data)
    yield from _each(entries, source, tally, lambda entry, src: _timeline_post(entry, src, owner))


def _timeline_post(entry: dict[str, Any], source: str, owner: Owner) -> Iterator[AnyRecord]:
    facts = post_facts(entry)
    who = re.match(r"^(.+?)\s+(?:wrote on|posted on|shared)\s", facts.title)
    if who and not owner.is_owner(who.group(1)):
        facts.author = who.group(1).strip()
    facts.subkind = "timeline_post"
    return post_records(facts, owner, source)


_TEXT_LABELS = ("Text", "Post", "Message", "Status", "Content", "Description", "Caption")
_PLACE_LABELS = ("Place", "Place name", "Place tags", "Location", "Name", "Place Name")


def posts_elsewhere(data: Any, source: str, owner: Owner, tally: EntryTally) -> Iterator[AnyRecord]:
    """Posts on other pages and profiles (2024+ label_values records)."""
    entries = _require(records_of(data), data)
    yield from _each(entries, source, tally, lambda entry, src: _post_elsewhere(entry, src, owner, tally))


def _post_elsewhere(entry: dict[str, Any], source: str, owner: Owner, tally: EntryTally) -> Iterable[AnyRecord]:
    if "label_values" not in entry:
        return posts(entry, source, owner, tally)
    values = label_values(entry)
    text = label_text(values, *_TEXT_LABELS) or ""
    target = label_text(values, "Timeline", "Profile", "Page", "Posted to", "Name", "Owner")
    fbid = _str(entry.get("fbid"))
    timestamp = from_epoch(entry.get("timestamp"))
    return (
        Post(
            platform=PLATFORM,
            id=fb_id("post", timestamp, text or fbid),
            source=source,
            timestamp=timestamp,
            url=f"https://www.facebook.com/{fbid}" if fbid.isdigit() else None,
            text=text,
            subkind="timeline_post",
            in_reply_to=Person(name=target) if target else None,
        ),
    )


def checkins(data: Any, source: str, owner: Owner, tally: EntryTally) -> Iterator[AnyRecord]:
    """Check-ins and places you were tagged in (label_values; a bare object when there is only one)."""
    entries = _require(records_of(data, "checkins_v2", "places_v2"), data)
    yield from _each(entries, source, tally, lambda entry, src: _checkin(entry, src, owner))


def _checkin(entry: dict[str, Any], source: str, owner: Owner) -> Iterator[AnyRecord]:
    if "label_values" not in entry:
        return post_records(post_facts(entry), owner, source)
    values = label_values(entry)
    timestamp = from_epoch(entry.get("timestamp"))
    place = _labelled_place(values)
    visit = label_lookup(values, "Visit time", "Time", "Date")
    if timestamp is None and visit:
        timestamp = from_epoch(visit.get("timestamp_value"))
    if place is None:
        return iter(())
    facts = PostFacts(
        timestamp=timestamp,
        title=_str(entry.get("title")),
        text=label_text(values, "Message", *_TEXT_LABELS) or "",
        place=place,
    )
    return post_records(facts, owner, source)


def _labelled_place(values: list[dict[str, Any]]) -> PlaceFacts | None:
    """The place of a label_values check-in: a nested ``dict`` with a name first, else the flat labels."""
    for value in values:
        nested = value.get("dict")
        if isinstance(nested, list) and nested:
            name = label_text(records_of(nested), "Name", "Place name", "Place")
            if name:
                lat, lon = _coordinates(label_text(records_of(nested), "Coordinates", "Location"))
                return PlaceFacts(name, label_text(records_of(nested), "Address"), lat, lon)
    name = label_text(values, *_PLACE_LABELS)
    return PlaceFacts(name, label_text(values, "Address")) if name else None


def _coordinates(text: str | None) -> tuple[float | None, float | None]:
    numbers = re.findall(r"-?\d+(?:\.\d+)?", text or "")
    if len(numbers) >= 2:
        return float(numbers[0]), float(numbers[1])
    return None, None


def life_events(data: Any, source: str, owner: Owner, tally: EntryTally) -> Iterator[AnyRecord]:
    """Life events recorded in the profile update history (other profile edits are not posts)."""
    entries = _require(records_of(data, "profile_updates_v2", "profile_updates"), data)
    yield from _each(entries, source, tally, lambda entry, src: _life_event(entry, src, owner))


def _life_event(entry: dict[str, Any], source: str, owner: Owner) -> Iterable[AnyRecord]:
    facts = post_facts(entry)
    return post_records(facts, owner, source) if facts.subkind == "life_event" else ()


# --------------------------------------------------------------------------- comments and reactions


def comments(data: Any, source: str, owner: Owner, tally: EntryTally) -> Iterator[AnyRecord]:
    """Comments you wrote (``comments_v2`` / ``comments``); entries without text are kept (title only)."""
    entries = _require(records_of(data, "comments_v2", "comments"), data)
    yield from _each(entries, source, tally, lambda entry, src: (_comment(entry, src, owner),))


def _comment(entry: dict[str, Any], source: str, owner: Owner) -> AnyRecord:
    body: dict[str, Any] = next((d["comment"] for d in _data_items(entry) if isinstance(d.get("comment"), dict)), {})
    owner.add(_str(body.get("author")))
    timestamp = from_epoch(entry.get("timestamp") or body.get("timestamp"))
    return comment_record(
        timestamp, _str(body.get("comment")), _str(entry.get("title")), owner, source, _str(body.get("group")) or None
    )


def reactions(data: Any, source: str, owner: Owner, tally: EntryTally) -> Iterator[AnyRecord]:
    """Likes and reactions: titled entries (``X likes Jane's post.``) or label_values entries (2024+)."""
    entries = _require(records_of(data, "reactions_v2", "reactions", "stories_feedback_v2", "stories_feedback"), data)
    yield from _each(entries, source, tally, lambda entry, src: (_reaction(entry, src, owner),))


def _reaction(entry: dict[str, Any], source: str, owner: Owner) -> AnyRecord:
    timestamp = from_epoch(entry.get("timestamp"))
    title = _str(entry.get("title"))
    if "label_values" in entry:
        values = label_values(entry)
        name = label_text(values, "Name", "Owner", "Author", "Username")
        url = label_lookup(values, "URL", "Link") or {}
        return reaction_record(
            timestamp,
            label_text(values, "Reaction", "Type") or "like",
            title,
            owner,
            source,
            target=Person(name=name) if name else None,
            target_url=_str(url.get("href") or url.get("value")) or None,
        )
    body: dict[str, Any] = next((d["reaction"] for d in _data_items(entry) if isinstance(d.get("reaction"), dict)), {})
    owner.add(_str(body.get("actor")))
    word = _str(body.get("reaction")) or _quoted(title) or "like"
    return reaction_record(timestamp, word, title, owner, source)


def _quoted(title: str) -> str | None:
    match = re.search(r"[\"“](\w+)[\"”]", title)
    return match.group(1) if match else None


def page_likes(data: Any, source: str, owner: Owner, tally: EntryTally) -> Iterator[AnyRecord]:
    """Pages you liked: a like whose target is the page."""
    entries = _require(records_of(data, "page_likes_v2", "page_likes"), data)
    yield from _each(entries, source, tally, lambda entry, src: _page_like(entry, src, owner))


def _page_like(entry: dict[str, Any], source: str, owner: Owner) -> Iterable[AnyRecord]:
    name = _str(entry.get("name")) or next((_str(d.get("name")) for d in _data_items(entry)), "")
    if not name:
        return ()
    url = _str(entry.get("url")) or None
    return (
        reaction_record(
            from_epoch(entry.get("timestamp")),
            "page_like",
            name,
            owner,
            source,
            target=Person(name=name, url=url),
            target_url=url,
        ),
    )


# --------------------------------------------------------------------------- people and groups

_CONNECTION_KEYS = (
    "friends_v2",
    "friends",
    "received_requests_v2",
    "received_requests",
    "sent_requests_v2",
    "sent_requests",
    "rejected_requests_v2",
    "rejected_requests",
    "deleted_friends_v2",
    "deleted_friends",
    "following_v3",
    "following_v2",
    "following",
    "followers_v2",
    "followers",
    "pages_followed_v2",
    "pages_followed",
    "relationships_followers",
)


def connections(relation: Relation) -> Parser:
    """A parser for one friends-family file (``[{name, timestamp}]`` under any of the known keys)."""

    def entry_records(entry: dict[str, Any], source: str) -> Iterable[AnyRecord]:
        name, timestamp = _person_entry(entry)
        return (connection_record(relation, name, timestamp, source),) if name else ()

    def parse(data: Any, source: str, owner: Owner, tally: EntryTally) -> Iterator[AnyRecord]:
        yield from _each(_require(records_of(data, *_CONNECTION_KEYS), data), source, tally, entry_records)

    return parse


def _person_entry(entry: dict[str, Any]) -> tuple[str, Any]:
    name = _str(entry.get("name"))
    timestamp = from_epoch(entry.get("timestamp"))
    if not name:
        for item in records_of(entry.get("string_list_data")) + _data_items(entry):
            name = _str(item.get("value")) or _str(item.get("name"))
            timestamp = timestamp or from_epoch(item.get("timestamp"))
            if name:
                break
    return name or _str(entry.get("title")), timestamp


def groups(data: Any, source: str, owner: Owner, tally: EntryTally) -> Iterator[AnyRecord]:
    """Groups joined (``groups_joined_v2`` / ``groups_joined``); the name from ``data`` or the title."""
    yield from _each(_require(records_of(data, "groups_joined_v2", "groups_joined"), data), source, tally, _group)


def _group(entry: dict[str, Any], source: str) -> Iterable[AnyRecord]:
    title = _str(entry.get("title"))
    if left_group(title):
        return ()
    name = next((name for d in _data_items(entry) if (name := _str(d.get("name")))), "")
    name = name or _str(entry.get("name")) or (group_from_title(title) or "")
    return (group_record(name, from_epoch(entry.get("timestamp")), source),) if name else ()


def groups_admin(data: Any, source: str, owner: Owner, tally: EntryTally) -> Iterator[AnyRecord]:
    """Groups you administer (``groups_admined_v2``)."""
    entries = _require(records_of(data, "groups_admined_v2", "groups_admined"), data)
    yield from _each(entries, source, tally, _admined_group)


def _admined_group(entry: dict[str, Any], source: str) -> Iterable[AnyRecord]:
    name = _str(entry.get("name")) or (group_from_title(_str(entry.get("title"))) or "")
    return (group_record(name, from_epoch(entry.get("timestamp")), source, role="admin"),) if name else ()


def group_posts(data: Any, source: str, owner: Owner, tally: EntryTally) -> Iterator[AnyRecord]:
    """Posts (and, in older exports, comments) you wrote in groups."""
    entries = _require(records_of(data, "group_posts_v2", "group_posts", "group_comments_v2", "group_comments"), data)
    yield from _each(entries, source, tally, lambda entry, src: _group_post(entry, src, owner))


def _group_post(entry: dict[str, Any], source: str, owner: Owner) -> Iterable[AnyRecord]:
    body = next((d["comment"] for d in _data_items(entry) if isinstance(d.get("comment"), dict)), None)
    if body is not None:
        title = _str(entry.get("title"))
        return (
            comment_record(
                from_epoch(entry.get("timestamp") or body.get("timestamp")),
                _str(body.get("comment")),
                title,
                owner,
                source,
                _str(body.get("group")) or group_of_post_title(title),
            ),
        )
    facts = post_facts(entry)
    facts.subkind = "group_post"
    facts.group = group_of_post_title(facts.title)
    return post_records(facts, owner, source)


# --------------------------------------------------------------------------- Messenger


def thread_parts(data: Any) -> tuple[str, list[str], list[dict[str, Any]]]:
    """Title, participant names and raw message objects of one ``message_N.json``."""
    if not isinstance(data, dict) or not isinstance(data.get("messages"), list):
        raise ShapeError("is not a Messenger thread (no messages list)")
    names = [_str(p.get("name")) if isinstance(p, dict) else _str(p) for p in data.get("participants") or []]
    return _str(data.get("title")), [n for n in names if n], records_of(data["messages"])


def message_facts(raw: dict[str, Any], order: int) -> MessageFacts:
    """One raw message object → :class:`MessageFacts` (``timestamp_ms``, sender, content)."""
    stamp = raw.get("timestamp_ms")
    millis = safe_int(stamp) if isinstance(stamp, int | float) else None
    if millis is None:
        seconds = raw.get("timestamp")
        millis = (safe_int(seconds * 1000) if isinstance(seconds, int | float) else None) or 0
    text = _str(raw.get("content"))
    share = raw.get("share")
    if not text and isinstance(share, dict):
        text = _str(share.get("share_text"))
    return MessageFacts(
        sender=_str(raw.get("sender_name")), timestamp=from_epoch(millis), text=text, millis=millis, order=order
    )


# --------------------------------------------------------------------------- settings and searches


def search(data: Any, source: str, owner: Owner, tally: EntryTally) -> Iterator[AnyRecord]:
    """Search history: the text searched for."""
    yield from _each(_require(records_of(data, "searches_v2", "searches"), data), source, tally, _search)


def _search(entry: dict[str, Any], source: str) -> Iterable[AnyRecord]:
    texts = [text for d in _data_items(entry) + _attachment_items(entry) if (text := _str(d.get("text")))]
    if "label_values" in entry:
        texts.append(label_text(label_values(entry), "Search", "Text", "Query") or "")
    query = next((t.strip('"“”') for t in texts if t), "")
    if not query:
        return ()
    timestamp = from_epoch(entry.get("timestamp"))
    return (
        Search(
            platform=PLATFORM, id=fb_id("search", timestamp, query), source=source, timestamp=timestamp, query=query
        ),
    )


def two_factor(data: Any, source: str, owner: Owner, tally: EntryTally) -> Iterator[AnyRecord]:
    """Two-factor authentication status (label_values; labels localized, so read by structure)."""
    entries = _require(records_of(data, "two_factor_authentication_v2"), data)
    yield from _each(entries, source, tally, _two_factor)


def _two_factor(entry: dict[str, Any], source: str) -> Iterable[AnyRecord]:
    values = label_values(entry)
    status = label_lookup(values, "two_factor_status", "Two-factor authentication", "Status", "Enabled")
    candidates = [status] if status else [v for v in values if isinstance(v.get("value"), str | bool)]
    value: Any = None
    enabled: bool | None = None
    for candidate in candidates:
        value = repaired(candidate.get("value"))
        enabled = parse_bool(value)
        if enabled is not None:
            break
    stamp = next((from_epoch(v.get("timestamp_value")) for v in values if v.get("timestamp_value")), None)
    return (
        Setting(
            platform=PLATFORM,
            id=fb_id("setting", "two_factor"),
            source=source,
            timestamp=stamp,
            name="two_factor",
            value=str(value) if value is not None else None,
            enabled=enabled,
        ),
    )


def login_alerts(data: Any, source: str, owner: Owner, tally: EntryTally) -> Iterator[AnyRecord]:
    """Login-alert settings: enabled when any alert channel is on."""
    entries = _require(records_of(data, "login_alerts_v2", "login_alerts"), data)
    found = [pair for entry in entries for pair in tally.build(_alert_states, entry) or ()]
    states = [state for state, _ in found]
    yield Setting(
        platform=PLATFORM,
        id=fb_id("setting", "login_alerts"),
        source=f"{source}#0",
        name="login_alerts",
        value="; ".join(shown for _, shown in found) or None,
        enabled=any(states) if states else None,
    )


def _alert_states(entry: dict[str, Any]) -> list[tuple[bool, str]]:
    """``(on?, "label: value")`` of every on/off value of one login-alerts entry."""
    found: list[tuple[bool, str]] = []
    for value in label_values(entry) + records_of(entry.get("data")):
        raw = repaired(value.get("value"))
        state = parse_bool(raw)
        if state is not None:
            found.append((state, f"{_str(value.get('label')) or 'alert'}: {raw}"))
    for key, raw in entry.items():
        raw = repaired(raw)
        state = parse_bool(raw) if key not in ("label_values", "media") else None
        if state is not None:
            found.append((state, f"{fix_mojibake(key)}: {raw}"))
    return found


def sessions(data: Any, source: str, owner: Owner, tally: EntryTally) -> Iterator[AnyRecord]:
    """Where you're logged in: one ``active_session`` setting per session."""
    yield from _each(_require(records_of(data, "active_sessions_v2", "active_sessions"), data), source, tally, _session)


def _session(entry: dict[str, Any], source: str) -> Iterable[AnyRecord]:
    created = from_epoch(entry.get("created_timestamp") or entry.get("timestamp"))
    device = _str(entry.get("device")) or _str(entry.get("user_agent"))
    app = _str(entry.get("app")) or _str(entry.get("session_type"))
    detail = ", ".join(x for x in (app, _str(entry.get("location"))) if x) or None
    return (
        Setting(
            platform=PLATFORM,
            id=fb_id("setting", "active_session", created, device, app),
            source=source,
            timestamp=created,
            name="active_session",
            value=device or None,
            enabled=True,
            detail=detail,
        ),
    )


def privacy(data: Any, source: str, owner: Owner, tally: EntryTally) -> Iterator[AnyRecord]:
    """Privacy settings (label_values with nested dicts): one ``privacy_setting`` per labelled value."""
    yield from _each(_require(records_of(data, "privacy_settings_v2"), data), source, tally, _privacy)


def _privacy(entry: dict[str, Any], source: str) -> Iterator[AnyRecord]:
    timestamp = from_epoch(entry.get("timestamp"))
    for value in _flatten(label_values(entry) + records_of(entry.get("dict"))):
        label, text = _str(value.get("label")), repaired(value.get("value"))
        if not label or not isinstance(text, str | bool):
            continue
        yield Setting(
            platform=PLATFORM,
            id=fb_id("setting", "privacy", label),
            source=source,
            timestamp=timestamp,
            name="privacy_setting",
            value=str(text),
            enabled=parse_bool(text),
            detail=label,
        )


def _flatten(values: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for value in values:
        yield value
        for key in ("dict", "vec"):
            nested = value.get(key)
            if isinstance(nested, list):
                yield from _flatten(records_of(nested))


def apps(data: Any, source: str, owner: Owner, tally: EntryTally) -> Iterator[AnyRecord]:
    """Connected apps and websites: ``connected_app`` settings (enabled while not removed)."""
    if isinstance(data, dict) and not any("app" in k for k in data):
        raise ShapeError("does not list apps")
    groups_: list[tuple[bool, list[dict[str, Any]]]] = []
    if isinstance(data, dict):
        for key, value in data.items():
            if "app" in key:
                groups_.append(("removed" not in key and "expired" not in key, records_of(value)))
    else:
        groups_.append((True, records_of(data)))
    index = 0
    for active, entries in groups_:
        for entry in entries:
            setting = tally.build(_app, entry, active, f"{source}#{index}")
            if setting is not None:
                yield setting
                index += 1


def _app(entry: dict[str, Any], active: bool, source: str) -> Setting | None:
    name = _str(entry.get("name"))
    if not name:
        return None
    removed = bool(entry.get("removed_timestamp"))
    added = from_epoch(entry.get("added_timestamp") or entry.get("timestamp"))
    return Setting(
        platform=PLATFORM,
        id=fb_id("setting", "connected_app", name),
        source=source,
        timestamp=added,
        name="connected_app",
        value=name,
        enabled=active and not removed,
        detail=_str(entry.get("category")) or None,
    )


# The helpers the other Facebook JSON parsers (media captions, security files) share with this module.
text_of = _str
place_of = _place
require = _require

PARSERS: dict[str, Parser] = {
    "profile": profile,
    "posts": posts,
    "posts_by_others": posts_by_others,
    "posts_elsewhere": posts_elsewhere,
    "checkins": checkins,
    "life_events": life_events,
    "comments": comments,
    "reactions": reactions,
    "page_likes": page_likes,
    "groups": groups,
    "groups_admin": groups_admin,
    "group_posts": group_posts,
    "group_comments": group_posts,
    "search": search,
    "two_factor": two_factor,
    "login_alerts": login_alerts,
    "sessions": sessions,
    "privacy": privacy,
    "apps": apps,
}
