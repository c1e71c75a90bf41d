"""Facebook JSON files → records. Every string has been mojibake-repaired (``fix_tree``) before it gets here.

One function per kind of file, each taking the parsed JSON, the member path (for ``source``) and the
:class:`Owner`; they raise :class:`ShapeError` for a file whose shape is not a Facebook one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from scanner.readers.facebook_records import (
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
from scanner.readers.guard import safe_int
from scanner.readers.meta import label_lookup, label_text, label_values, parse_bool, records_of
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


class ShapeError(ValueError):
    """A file at a known path whose content is not shaped like the Facebook file it should be."""


Parser = Callable[[Any, str, Owner], Iterator[AnyRecord]]


def _require(records: list[dict[str, Any]], data: Any) -> list[dict[str, Any]]:
    if not records and data not in ([], {}, None) and not (isinstance(data, dict) and _all_empty(data)):
        raise ShapeError("does not hold the list of entries Facebook writes there")
    return records


def _all_empty(data: dict[str, Any]) -> bool:
    return all(v in ([], {}, None, "") for v in data.values())


def _str(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _data_items(entry: dict[str, Any]) -> list[dict[str, Any]]:
    data = entry.get("data")
    return records_of(data) if isinstance(data, list | dict) else []


def _attachment_items(entry: dict[str, Any]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for attachment in records_of(entry.get("attachments")):
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


def profile(data: Any, source: str, owner: Owner) -> Iterator[AnyRecord]:
    """Profile information: name, username, contacts, city, work and education; G1 also lists groups."""
    body = _profile_body(data)
    if body is None:
        raise ShapeError("has no profile section")
    emails = body.get("emails")
    email_list: list[str] = []
    if isinstance(emails, dict):
        email_list = [e for e in emails.get("emails") or [] if isinstance(e, str)]
    elif isinstance(emails, list):
        email_list = [e for e in emails if isinstance(e, str)]
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
    for i, group in enumerate(records_of(body.get("groups"))):
        if _str(group.get("name")):
            yield group_record(_str(group["name"]), from_epoch(group.get("timestamp")), f"{source}#groups{i}")


def timezone_name(data: Any) -> str | None:
    """The zone name of ``timezone.json`` (``{"timezone_v2": "Europe/Rome"}`` or similar)."""
    if isinstance(data, str):
        return data
    if isinstance(data, dict):
        for value in data.values():
            if isinstance(value, str) and "/" in value:
                return value
    return None


# --------------------------------------------------------------------------- posts


def _place(item: dict[str, Any]) -> PlaceFacts | None:
    place = item.get("place")
    if not isinstance(place, dict) or not _str(place.get("name")):
        return None
    raw = place.get("coordinate")
    coordinate: dict[str, Any] = raw if isinstance(raw, dict) else {}
    return PlaceFacts(
        name=_str(place["name"]),
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
    title = _str(entry.get("title"))
    texts = [_str(d.get("post")) for d in _data_items(entry) if _str(d.get("post"))]
    facts = PostFacts(timestamp=from_epoch(entry.get("timestamp")), title=title, text="\n".join(texts))
    for item in _attachment_items(entry):
        place = _place(item)
        if place and facts.place is None:
            facts.place = place
        life = item.get("life_event")
        if isinstance(life, dict):
            facts.subkind = "life_event"
            if not facts.text and _str(life.get("title")):
                facts.text = _str(life["title"])
        if "external_context" in item or "media" in item or "event" in item:
            facts.has_attachment = True
            if facts.subkind == "status" and "external_context" in item:
                facts.subkind = "share"
        if not facts.text and _str(item.get("text")):
            facts.text = _str(item["text"])
    for tag in entry.get("tags") or []:
        name = _str(tag.get("name")) if isinstance(tag, dict) else _str(tag)
        if name:
            facts.tags.append(name)
    return facts


def posts(data: Any, source: str, owner: Owner) -> Iterator[AnyRecord]:
    """Your posts (statuses, shares, check-ins, life events, tags)."""
    for i, entry in enumerate(_require(records_of(data, "status_updates", "status_updates_v2"), data)):
        yield from post_records(post_facts(entry), owner, f"{source}#{i}")


def posts_by_others(data: Any, source: str, owner: Owner) -> Iterator[AnyRecord]:
    """Posts other people wrote on the owner's timeline (``X wrote on your timeline.``)."""
    for i, entry in enumerate(_require(records_of(data, "wall_posts_sent_to_you", "wall_posts_sent_to_you_v2"), data)):
        facts = post_facts(entry)
        who = re.match(r"^(.+?)\s+(?:wrote on|posted on|shared)\s", facts.title)
        if who and not owner.is_owner(who.group(1)):
            facts.author = who.group(1).strip()
        facts.subkind = "timeline_post"
        yield from post_records(facts, owner, f"{source}#{i}")


_TEXT_LABELS = ("Text", "Post", "Message", "Status", "Content", "Description", "Caption")
_PLACE_LABELS = ("Place", "Place name", "Place tags", "Location", "Name", "Place Name")


def posts_elsewhere(data: Any, source: str, owner: Owner) -> Iterator[AnyRecord]:
    """Posts on other pages and profiles (2024+ label_values records)."""
    for i, entry in enumerate(_require(records_of(data), data)):
        if "label_values" not in entry:
            yield from posts(entry, f"{source}#{i}", owner)
            continue
        values = label_values(entry)
        text = label_text(values, *_TEXT_LABELS) or ""
        target = label_text(values, "Timeline", "Profile", "Page", "Posted to", "Name", "Owner")
        fbid = _str(entry.get("fbid"))
        yield Post(
            platform=PLATFORM,
            id=fb_id("post", from_epoch(entry.get("timestamp")), text or fbid),
            source=f"{source}#{i}",
            timestamp=from_epoch(entry.get("timestamp")),
            url=f"https://www.facebook.com/{fbid}" if fbid.isdigit() else None,
            text=text,
            subkind="timeline_post",
            in_reply_to=Person(name=target) if target else None,
        )


def checkins(data: Any, source: str, owner: Owner) -> Iterator[AnyRecord]:
    """Check-ins and places you were tagged in (label_values; a bare object when there is only one)."""
    for i, entry in enumerate(_require(records_of(data, "checkins_v2", "places_v2"), data)):
        if "label_values" not in entry:
            yield from post_records(post_facts(entry), owner, f"{source}#{i}")
            continue
        values = label_values(entry)
        timestamp = from_epoch(entry.get("timestamp"))
        place: PlaceFacts | None = None
        for value in values:
            nested = value.get("dict")
            if isinstance(nested, list) and nested:
                name = label_text(records_of(nested), "Name", "Place name", "Place")
                if name:
                    lat, lon = _coordinates(label_text(records_of(nested), "Coordinates", "Location"))
                    place = PlaceFacts(name, label_text(records_of(nested), "Address"), lat, lon)
                    break
        if place is None:
            name = label_text(values, *_PLACE_LABELS)
            if name:
                place = PlaceFacts(name, label_text(values, "Address"))
        visit = label_lookup(values, "Visit time", "Time", "Date")
        if timestamp is None and visit:
            timestamp = from_epoch(visit.get("timestamp_value"))
        if place is None:
            continue
        facts = PostFacts(timestamp=timestamp, title=_str(entry.get("title")),
                          text=label_text(values, "Message", *_TEXT_LABELS) or "", place=place)
        yield from post_records(facts, owner, f"{source}#{i}")


def _coordinates(text: str | None) -> tuple[float | None, float | None]:
    numbers = re.findall(r"-?\d+(?:\.\d+)?", text or "")
    if len(numbers) >= 2:
        return float(numbers[0]), float(numbers[1])
    return None, None


def life_events(data: Any, source: str, owner: Owner) -> Iterator[AnyRecord]:
    """Life events recorded in the profile update history (other profile edits are not posts)."""
    for i, entry in enumerate(_require(records_of(data, "profile_updates_v2", "profile_updates"), data)):
        facts = post_facts(entry)
        if facts.subkind == "life_event":
            yield from post_records(facts, owner, f"{source}#{i}")


# --------------------------------------------------------------------------- comments and reactions


def comments(data: Any, source: str, owner: Owner) -> Iterator[AnyRecord]:
    """Comments you wrote (``comments_v2`` / ``comments``); entries without text are kept (title only)."""
    for i, entry in enumerate(_require(records_of(data, "comments_v2", "comments"), data)):
        title = _str(entry.get("title"))
        body: dict[str, Any] = next(
            (d["comment"] for d in _data_items(entry) if isinstance(d.get("comment"), dict)), {}
        )
        owner.add(_str(body.get("author")))
        timestamp = from_epoch(entry.get("timestamp") or body.get("timestamp"))
        yield comment_record(timestamp, _str(body.get("comment")), title, owner, f"{source}#{i}",
                             _str(body.get("group")) or None)


def reactions(data: Any, source: str, owner: Owner) -> Iterator[AnyRecord]:
    """Likes and reactions: titled entries (``X likes Jane's post.``) or label_values entries (2024+)."""
    keys = ("reactions_v2", "reactions", "stories_feedback_v2", "stories_feedback")
    for i, entry in enumerate(_require(records_of(data, *keys), data)):
        timestamp = from_epoch(entry.get("timestamp"))
        if "label_values" in entry:
            values = label_values(entry)
            name = label_text(values, "Name", "Owner", "Author", "Username")
            url = label_lookup(values, "URL", "Link")
            yield reaction_record(timestamp, label_text(values, "Reaction", "Type") or "like",
                                  _str(entry.get("title")), owner, f"{source}#{i}",
                                  target=Person(name=name) if name else None,
                                  target_url=_str((url or {}).get("href") or (url or {}).get("value")) or None)
            continue
        body: dict[str, Any] = next(
            (d["reaction"] for d in _data_items(entry) if isinstance(d.get("reaction"), dict)), {}
        )
        owner.add(_str(body.get("actor")))
        title = _str(entry.get("title"))
        word = _str(body.get("reaction")) or _quoted(title) or "like"
        yield reaction_record(timestamp, word, title, owner, f"{source}#{i}")


def _quoted(title: str) -> str | None:
    match = re.search(r"[\"“](\w+)[\"”]", title)
    return match.group(1) if match else None


def page_likes(data: Any, source: str, owner: Owner) -> Iterator[AnyRecord]:
    """Pages you liked: a like whose target is the page."""
    for i, entry in enumerate(_require(records_of(data, "page_likes_v2", "page_likes"), data)):
        name = _str(entry.get("name")) or next((_str(d.get("name")) for d in _data_items(entry)), "")
        if not name:
            continue
        yield reaction_record(from_epoch(entry.get("timestamp")), "page_like", name, owner, f"{source}#{i}",
                              target=Person(name=name, url=_str(entry.get("url")) or None),
                              target_url=_str(entry.get("url")) or None)


# --------------------------------------------------------------------------- people and groups

_CONNECTION_KEYS = ("friends_v2", "friends", "received_requests_v2", "received_requests", "sent_requests_v2",
                    "sent_requests", "rejected_requests_v2", "rejected_requests", "deleted_friends_v2",
                    "deleted_friends", "following_v3", "following_v2", "following", "followers_v2", "followers",
                    "pages_followed_v2", "pages_followed", "relationships_followers")


def connections(relation: Relation) -> Parser:
    """A parser for one friends-family file (``[{name, timestamp}]`` under any of the known keys)."""

    def parse(data: Any, source: str, owner: Owner) -> Iterator[AnyRecord]:
        for i, entry in enumerate(_require(records_of(data, *_CONNECTION_KEYS), data)):
            name, timestamp = _person_entry(entry)
            if name:
                yield connection_record(relation, name, timestamp, f"{source}#{i}")

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


def groups(data: Any, source: str, owner: Owner) -> Iterator[AnyRecord]:
    """Groups joined (``groups_joined_v2`` / ``groups_joined``); the name from ``data`` or the title."""
    for i, entry in enumerate(_require(records_of(data, "groups_joined_v2", "groups_joined"), data)):
        title = _str(entry.get("title"))
        if left_group(title):
            continue
        name = next((_str(d.get("name")) for d in _data_items(entry) if _str(d.get("name"))), "")
        name = name or _str(entry.get("name")) or (group_from_title(title) or "")
        if name:
            yield group_record(name, from_epoch(entry.get("timestamp")), f"{source}#{i}")


def groups_admin(data: Any, source: str, owner: Owner) -> Iterator[AnyRecord]:
    """Groups you administer (``groups_admined_v2``)."""
    for i, entry in enumerate(_require(records_of(data, "groups_admined_v2", "groups_admined"), data)):
        name = _str(entry.get("name")) or (group_from_title(_str(entry.get("title"))) or "")
        if name:
            yield group_record(name, from_epoch(entry.get("timestamp")), f"{source}#{i}", role="admin")


def group_posts(data: Any, source: str, owner: Owner) -> Iterator[AnyRecord]:
    """Posts (and, in older exports, comments) you wrote in groups."""
    keys = ("group_posts_v2", "group_posts", "group_comments_v2", "group_comments")
    for i, entry in enumerate(_require(records_of(data, *keys), data)):
        body = next((d["comment"] for d in _data_items(entry) if isinstance(d.get("comment"), dict)), None)
        if body is not None:
            yield comment_record(from_epoch(entry.get("timestamp") or body.get("timestamp")),
                                 _str(body.get("comment")), _str(entry.get("title")), owner, f"{source}#{i}",
                                 _str(body.get("group")) or group_of_post_title(_str(entry.get("title"))))
            continue
        facts = post_facts(entry)
        facts.subkind = "group_post"
        facts.group = group_of_post_title(facts.title)
        yield from post_records(facts, owner, f"{source}#{i}")


# --------------------------------------------------------------------------- Messenger


def thread_parts(data: Any) -> tuple[str, list[str], list[dict[str, Any]]]:
    """Title, participant names and raw message objects of one ``message_N.json``."""
    if not isinstance(data, dict) or not isinstance(data.get("messages"), list):
        raise ShapeError("is not a Messenger thread (no messages list)")
    names = [_str(p.get("name")) if isinstance(p, dict) else _str(p) for p in data.get("participants") or []]
    return _str(data.get("title")), [n for n in names if n], records_of(data["messages"])


def message_facts(raw: dict[str, Any], order: int) -> MessageFacts:
    """One raw message object → :class:`MessageFacts` (``timestamp_ms``, sender, content)."""
    millis = safe_int(raw.get("timestamp_ms")) if isinstance(raw.get("timestamp_ms"), int | float) else None
    if millis is None:
        seconds = raw.get("timestamp")
        millis = (safe_int(seconds * 1000) if isinstance(seconds, int | float) else None) or 0
    text = _str(raw.get("content"))
    share = raw.get("share")
    if not text and isinstance(share, dict):
        text = _str(share.get("share_text"))
    return MessageFacts(sender=_str(raw.get("sender_name")), timestamp=from_epoch(millis),
                        text=text, millis=millis, order=order)


# --------------------------------------------------------------------------- settings and searches


def search(data: Any, source: str, owner: Owner) -> Iterator[AnyRecord]:
    """Search history: the text searched for."""
    for i, entry in enumerate(_require(records_of(data, "searches_v2", "searches"), data)):
        texts = [_str(d.get("text")) for d in _data_items(entry) + _attachment_items(entry) if _str(d.get("text"))]
        if "label_values" in entry:
            texts.append(label_text(label_values(entry), "Search", "Text", "Query") or "")
        query = next((t.strip('"“”') for t in texts if t), "")
        if not query:
            continue
        timestamp = from_epoch(entry.get("timestamp"))
        yield Search(platform=PLATFORM, id=fb_id("search", timestamp, query), source=f"{source}#{i}",
                     timestamp=timestamp, query=query)


def two_factor(data: Any, source: str, owner: Owner) -> Iterator[AnyRecord]:
    """Two-factor authentication status (label_values; labels localized, so read by structure)."""
    entries = _require(records_of(data, "two_factor_authentication_v2"), data)
    for i, entry in enumerate(entries):
        values = label_values(entry)
        status = label_lookup(values, "two_factor_status", "Two-factor authentication", "Status", "Enabled")
        candidates = [status] if status else [v for v in values if isinstance(v.get("value"), str | bool)]
        value: Any = None
        enabled: bool | None = None
        for candidate in candidates:
            value = candidate.get("value")
            enabled = parse_bool(value)
            if enabled is not None:
                break
        stamp = next((from_epoch(v.get("timestamp_value")) for v in values if v.get("timestamp_value")), None)
        yield Setting(platform=PLATFORM, id=fb_id("setting", "two_factor"), source=f"{source}#{i}",
                      timestamp=stamp, name="two_factor", value=str(value) if value is not None else None,
                      enabled=enabled)


def login_alerts(data: Any, source: str, owner: Owner) -> Iterator[AnyRecord]:
    """Login-alert settings: enabled when any alert channel is on."""
    entries = _require(records_of(data, "login_alerts_v2", "login_alerts"), data)
    states: list[bool] = []
    shown: list[str] = []
    for entry in entries:
        for value in label_values(entry) + records_of(entry.get("data")):
            state = parse_bool(value.get("value"))
            if state is not None:
                states.append(state)
                shown.append(f"{_str(value.get('label')) or 'alert'}: {value.get('value')}")
        for key, raw in entry.items():
            state = parse_bool(raw) if key not in ("label_values", "media") else None
            if state is not None:
                states.append(state)
                shown.append(f"{key}: {raw}")
    yield Setting(platform=PLATFORM, id=fb_id("setting", "login_alerts"), source=f"{source}#0",
                  name="login_alerts", value="; ".join(shown) or None,
                  enabled=any(states) if states else None)


def sessions(data: Any, source: str, owner: Owner) -> Iterator[AnyRecord]:
    """Where you're logged in: one ``active_session`` setting per session."""
    for i, entry in enumerate(_require(records_of(data, "active_sessions_v2", "active_sessions"), data)):
        created = from_epoch(entry.get("created_timestamp") or entry.get("timestamp"))
        device = _str(entry.get("device")) or _str(entry.get("user_agent"))
        app = _str(entry.get("app")) or _str(entry.get("session_type"))
        detail = ", ".join(x for x in (app, _str(entry.get("location"))) if x) or None
        yield Setting(platform=PLATFORM, id=fb_id("setting", "active_session", created, device, app),
                      source=f"{source}#{i}", timestamp=created, name="active_session",
                      value=device or None, enabled=True, detail=detail)


def privacy(data: Any, source: str, owner: Owner) -> Iterator[AnyRecord]:
    """Privacy settings (label_values with nested dicts): one ``privacy_setting`` per labelled value."""
    for i, entry in enumerate(_require(records_of(data, "privacy_settings_v2"), data)):
        for value in _flatten(label_values(entry) + records_of(entry.get("dict"))):
            label, text = _str(value.get("label")), value.get("value")
            if not label or not isinstance(text, str | bool):
                continue
            yield Setting(platform=PLATFORM, id=fb_id("setting", "privacy", label), source=f"{source}#{i}",
                          timestamp=from_epoch(entry.get("timestamp")), name="privacy_setting",
                          value=str(text), enabled=parse_bool(text), detail=label)


def _flatten(values: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for value in values:
        yield value
        for key in ("dict", "vec"):
            nested = value.get(key)
            if isinstance(nested, list):
                yield from _flatten(records_of(nested))


def apps(data: Any, source: str, owner: Owner) -> Iterator[AnyRecord]:
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
            name = _str(entry.get("name"))
            if not name:
                continue
            removed = bool(entry.get("removed_timestamp"))
            added = from_epoch(entry.get("added_timestamp") or entry.get("timestamp"))
            yield Setting(platform=PLATFORM, id=fb_id("setting", "connected_app", name), source=f"{source}#{index}",
                          timestamp=added, name="connected_app", value=name,
                          enabled=active and not removed, detail=_str(entry.get("category")) or None)
            index += 1


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
