"""Bluesky (AT Protocol) lexicon records → normalized records.

One mapping for both sources of Bluesky records: the "Export my data" CAR file (:mod:`scanner.readers.bluesky.reader`)
and the public API the opt-in online check reads (:mod:`scanner.online`). Both hand over the record value as
the lexicon defines it (``app.bsky.feed.post``: ``text``, ``createdAt``, ``reply``, ``facets``…) with its
``at://`` URI, so a post gets the same id (its URI) whichever way it was read.

Other accounts appear by DID only (``did:plc:…``); :class:`Handles` resolves DIDs to handles offline from
the mentions in the owner's own posts, as the X reader does with numeric ids.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from scanner.records import (
    Audience,
    Connection,
    Group,
    Person,
    Post,
    Profile,
    Reaction,
    Relation,
    stable_id,
)

PLATFORM = "bluesky"
WEB = "https://bsky.app"

POST = "app.bsky.feed.post"
LIKE = "app.bsky.feed.like"
REPOST = "app.bsky.feed.repost"
FOLLOW = "app.bsky.graph.follow"
BLOCK = "app.bsky.graph.block"
LIST = "app.bsky.graph.list"
LIST_ITEM = "app.bsky.graph.listitem"
PROFILE = "app.bsky.actor.profile"
_MENTION = "app.bsky.richtext.facet#mention"


def when(value: Any) -> datetime | None:
    """An AT Protocol datetime (``2024-03-01T12:00:00.000Z``) as aware UTC, else ``None``."""
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return (parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)).astimezone(UTC)


def split_uri(uri: str) -> tuple[str, str, str]:
    """``at://did/collection/rkey`` → ``(did, collection, rkey)`` (empty strings for missing parts)."""
    parts = uri.removeprefix("at://").split("/")
    parts += [""] * (3 - len(parts))
    return parts[0], parts[1], parts[2]


def web_url(uri: str, actor: str | None = None) -> str | None:
    """The bsky.app address of a post URI (``actor``, a handle, replaces the DID when known)."""
    did, collection, rkey = split_uri(uri)
    if collection != POST or not rkey or not (actor or did):
        return None
    return f"{WEB}/profile/{actor or did}/post/{rkey}"


@dataclass
class Handles:
    """DID → handle, learned from mention facets (``@jane.bsky.social`` over the bytes a mention covers)."""

    known: dict[str, str] = field(default_factory=dict)

    def learn(self, post: dict[str, Any]) -> None:
        """Remember the handle of every mention in one post record."""
        text = post.get("text")
        facets = post.get("facets")
        if not isinstance(text, str) or not isinstance(facets, list):
            return
        raw = text.encode("utf-8")
        for facet in facets:
            index = facet.get("index") if isinstance(facet, dict) else None
            if not isinstance(index, dict):
                continue
            start, end = index.get("byteStart"), index.get("byteEnd")
            if not isinstance(start, int) or not isinstance(end, int):
                continue
            handle = raw[start:end].decode("utf-8", errors="ignore").strip().lstrip("@")
            for feature in facet.get("features") or ():
                did = feature.get("did") if isinstance(feature, dict) else None
                if feature.get("$type") == _MENTION and isinstance(did, str) and handle:
                    self.known.setdefault(did, handle)

    def person(self, did: str | None) -> Person | None:
        """The account behind ``did``, with its handle when known."""
        if not did:
            return None
        handle = self.known.get(did)
        url = f"{WEB}/profile/{handle or did}"
        return Person(handle=handle, account_id=did, url=url)


def _subject_uri(value: dict[str, Any]) -> str:
    subject = value.get("subject")
    uri = subject.get("uri") if isinstance(subject, dict) else subject
    return uri if isinstance(uri, str) else ""


def post_record(
    value: dict[str, Any], uri: str, source: str, handles: Handles | None = None, actor: str | None = None
) -> Post:
    """An ``app.bsky.feed.post`` record: text, reply target, mentions, link or quoted post; always public."""
    handles = handles or Handles()
    reply = value.get("reply")
    parent = reply.get("parent") if isinstance(reply, dict) else None
    parent_uri = parent.get("uri") if isinstance(parent, dict) else None
    mentions = []
    for facet in value.get("facets") or ():
        for feature in facet.get("features") or () if isinstance(facet, dict) else ():
            if isinstance(feature, dict) and feature.get("$type") == _MENTION:
                person = handles.person(feature.get("did"))
                if person is not None:
                    mentions.append(person)
    raw_text = value.get("text")
    text = raw_text if isinstance(raw_text, str) else ""
    alts = _alt_texts(value.get("embed"))
    return Post(
        platform=PLATFORM,
        id=uri or stable_id(PLATFORM, "post", value.get("createdAt"), text),
        source=source,
        timestamp=when(value.get("createdAt")),
        url=web_url(uri, actor),
        text="\n".join([text, *alts]).strip(),
        subkind="reply" if parent_uri else "post",
        audience=Audience.PUBLIC,
        mentions=tuple(mentions),
        in_reply_to=handles.person(split_uri(parent_uri)[0]) if isinstance(parent_uri, str) else None,
    )


def _alt_texts(embed: Any) -> list[str]:
    """Image descriptions (alt text) the owner wrote, which readers see as much as the post text."""
    if not isinstance(embed, dict):
        return []
    images = embed.get("images")
    if not isinstance(images, list):
        media = embed.get("media")
        return _alt_texts(media) if isinstance(media, dict) else []
    return [alt for image in images if isinstance(image, dict) and isinstance(alt := image.get("alt"), str) and alt]


def repost_record(value: dict[str, Any], uri: str, source: str, handles: Handles) -> Post:
    """An ``app.bsky.feed.repost``: a share of someone's post (``subkind`` ``repost``)."""
    target = _subject_uri(value)
    return Post(
        platform=PLATFORM,
        id=uri,
        source=source,
        timestamp=when(value.get("createdAt")),
        url=web_url(target),
        subkind="repost",
        audience=Audience.PUBLIC,
        author=handles.person(split_uri(target)[0]) if target else None,
    )


def like_record(value: dict[str, Any], uri: str, source: str, handles: Handles) -> Reaction:
    """An ``app.bsky.feed.like``: the liked post's address and its author."""
    target = _subject_uri(value)
    return Reaction(
        platform=PLATFORM,
        id=uri,
        source=source,
        timestamp=when(value.get("createdAt")),
        reaction="like",
        target_url=web_url(target) or target or None,
        target_owner=handles.person(split_uri(target)[0]) if target else None,
    )


def graph_record(
    value: dict[str, Any], uri: str, source: str, handles: Handles, relation: Relation
) -> Connection | None:
    """A follow, block or list item (``subject`` is the other account's DID)."""
    subject = value.get("subject")
    person = handles.person(subject if isinstance(subject, str) else None)
    if person is None:
        return None
    return Connection(
        platform=PLATFORM,
        id=uri,
        source=source,
        timestamp=when(value.get("createdAt")),
        url=person.url,
        person=person,
        relation=relation,
    )


def list_record(value: dict[str, Any], uri: str, source: str) -> Group | None:
    """A list the owner made (``app.bsky.graph.list``: ``name``, ``purpose``), as a group they run."""
    name = value.get("name")
    if not isinstance(name, str) or not name.strip():
        return None
    return Group(
        platform=PLATFORM,
        id=uri,
        source=source,
        timestamp=when(value.get("createdAt")),
        name=name.strip(),
        role="admin",
    )


def list_item_relation(purpose: str | None) -> Relation:
    """Moderation lists hold muted or blocked accounts; other lists, accounts the owner follows closely."""
    return Relation.MUTED if purpose and purpose.endswith("#modlist") else Relation.FOLLOWING


def profile_record(value: dict[str, Any], did: str, source: str, handle: str | None = None) -> Profile:
    """``app.bsky.actor.profile`` (or the API's profile view): display name and description; never private."""
    name = value.get("displayName")
    bio = value.get("description")
    actor = handle or did
    return Profile(
        platform=PLATFORM,
        id=did or stable_id(PLATFORM, "profile", handle),
        source=source,
        timestamp=when(value.get("createdAt")),
        url=f"{WEB}/profile/{actor}" if actor else None,
        name=name if isinstance(name, str) and name else None,
        handle=handle,
        bio=bio if isinstance(bio, str) and bio else None,
        private=False,
    )
