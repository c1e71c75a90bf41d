"""ActivityPub pieces of a Mastodon archive: HTML text, handles from URIs, visibility, outbox items.

Visibility is encoded only in a status's ``to``/``cc`` (``mastodon:app/lib/activitypub/tag_manager.rb``):
public = the Public collection in ``to``; unlisted = Public in ``cc``; followers-only = the owner's followers
collection without Public; direct = only the mentioned accounts.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlparse

from bs4 import BeautifulSoup

from scanner.records import Audience, Person, Post

PLATFORM = "mastodon"
PUBLIC_MARKERS = {"https://www.w3.org/ns/activitystreams#Public", "as:Public", "Public"}
_NOTE_TYPES = {"Note": "status", "Question": "poll", "Article": "article", "Page": "page"}


def html_to_text(html: str | None) -> str:
    """Mastodon's status/bio HTML as plain text: paragraphs and ``<br>`` kept as line breaks, entities
    unescaped, link text kept whole (Mastodon hides URL parts in ``invisible`` spans)."""
    if not html:
        return ""
    if "<" not in html and "&" not in html:
        return html.strip()
    soup = BeautifulSoup(html, "html.parser")
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for para in soup.find_all("p"):
        para.append("\n\n")
    text = soup.get_text()
    text = re.sub(r"[ \t]+\n", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def when(value: object) -> datetime | None:
    """An ActivityPub ``published`` value (ISO-8601) as aware UTC, to the second."""
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC).replace(microsecond=0)


_USER_PATHS = (
    re.compile(r"^/users/([^/]+)"),  # /users/name[/statuses/id]
    re.compile(r"^/@([^/]+)"),  # /@name[/id]
    re.compile(r"^/u/([^/]+)"),  # other servers
    re.compile(r"^/profile/([^/]+)"),
)


def account_of(uri: str | None) -> Person | None:
    """The account a status or actor URI belongs to: ``Person(handle="user@server", url=actor URL)``;
    ``None`` when the URI does not name its account (e.g. ``/objects/<uuid>``)."""
    if not uri or not isinstance(uri, str):
        return None
    parsed = urlparse(uri.strip())
    if not parsed.hostname:
        return None
    for pattern in _USER_PATHS:
        match = pattern.match(parsed.path)
        if match:
            user = match.group(1).lstrip("@")
            if "@" in user:  # /@user@remote.server
                return Person(handle=user, url=f"{parsed.scheme}://{parsed.hostname}/@{user}")
            return Person(handle=f"{user}@{parsed.hostname}", url=f"{parsed.scheme}://{parsed.hostname}/@{user}")
    return None


def address_person(address: str) -> Person | None:
    """An ``user@server`` account address (as the CSV exports write it) as a :class:`Person`."""
    value = address.strip().lstrip("@")
    if not re.fullmatch(r"[^@\s/,]+(@[^@\s/,]+\.[^@\s/,]+)?", value):
        return None
    user, _, server = value.partition("@")
    return Person(handle=value, url=f"https://{server}/@{user}" if server else None)


def _list(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v if isinstance(v, str) else str(v.get("id", "")) for v in value if isinstance(v, str | dict)]
    return []


def visibility(item: Mapping[str, Any], followers: str | None) -> Audience:
    """The audience of a status from its ``to``/``cc`` (see the module docstring)."""
    to, cc = _list(item.get("to")), _list(item.get("cc"))
    if not to and not cc:
        return Audience.UNKNOWN
    if PUBLIC_MARKERS & set(to):
        return Audience.PUBLIC
    if PUBLIC_MARKERS & set(cc):
        return Audience.UNLISTED
    if followers:
        if followers in to or followers in cc:
            return Audience.FRIENDS
    elif any(a.endswith("/followers") for a in to):
        return Audience.FRIENDS
    return Audience.DIRECT


def mentions(note: Mapping[str, Any]) -> tuple[Person, ...]:
    """``tag[]`` entries of type Mention as ``Person(handle="user@server", url=href)``."""
    out = []
    tags = note.get("tag")
    for tag in tags if isinstance(tags, list) else []:
        if not isinstance(tag, dict) or tag.get("type") != "Mention":
            continue
        href = tag.get("href") if isinstance(tag.get("href"), str) else None
        handle = str(tag.get("name") or "").lstrip("@")
        if handle and "@" not in handle and href:
            host = urlparse(href).hostname
            handle = f"{handle}@{host}" if host else handle
        if not handle:
            account = account_of(href)
            handle = account.handle if account and account.handle else ""
        if handle or href:
            out.append(Person(handle=handle or None, url=href))
    return tuple(out)


def _first_url(value: object) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        href = value.get("href")
        return href if isinstance(href, str) else None
    if isinstance(value, list):
        for entry in value:
            found = _first_url(entry)
            if found:
                return found
    return None


def _content(note: Mapping[str, Any]) -> str:
    content = note.get("content")
    if not isinstance(content, str) or not content:
        content_map = note.get("contentMap")
        if isinstance(content_map, dict):
            content = next((v for v in content_map.values() if isinstance(v, str)), "")
    text = html_to_text(content if isinstance(content, str) else "")
    warning = note.get("summary")
    if isinstance(warning, str) and warning.strip():
        text = f"{html_to_text(warning)}\n\n{text}".strip()
    return text


def outbox_item(item: Any, followers: str | None, source: str) -> Post | str:
    """One ``orderedItems`` entry → a :class:`Post`, or a short word saying why it was left out."""
    if not isinstance(item, dict):
        return "not an activity"
    kind = item.get("type")
    if kind == "Create":
        note = item.get("object")
        if not isinstance(note, dict) or note.get("type") not in _NOTE_TYPES:
            return "unsupported object"
        note_id = note.get("id") if isinstance(note.get("id"), str) else item.get("id")
        if not isinstance(note_id, str) or not note_id:
            return "no id"
        reply_to = note.get("inReplyTo")
        reply_uri = reply_to if isinstance(reply_to, str) else _first_url(reply_to)
        subkind = _NOTE_TYPES[str(note.get("type"))]
        return Post(
            platform=PLATFORM,
            id=note_id,
            source=source,
            timestamp=when(note.get("published")) or when(item.get("published")),
            url=_first_url(note.get("url")) or note_id,
            text=_content(note),
            subkind="reply" if reply_uri and subkind == "status" else subkind,
            audience=visibility(note if ("to" in note or "cc" in note) else item, followers),
            mentions=mentions(note),
            in_reply_to=(account_of(reply_uri) or Person(url=reply_uri)) if reply_uri else None,
        )
    if kind == "Announce":
        boosted = _first_url(item.get("object"))
        activity_id = item.get("id")
        if not isinstance(activity_id, str) or not activity_id:
            return "no id"
        return Post(
            platform=PLATFORM,
            id=activity_id,
            source=source,
            timestamp=when(item.get("published")),
            url=boosted,
            subkind="boost",
            audience=visibility(item, followers),
            author=account_of(boosted),
        )
    return f"{kind} activity" if isinstance(kind, str) else "not an activity"
