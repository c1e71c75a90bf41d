"""X data items other than tweets as records: likes, account lists, DMs, profile and settings."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from scanner.readers.x.tweets import PLATFORM, AccountDirectory, Owner, as_dict, as_list, clean, id_text, parse_time
from scanner.records import (
    Connection,
    Message,
    Person,
    Profile,
    Reaction,
    Relation,
    Setting,
    Thread,
    stable_id,
)

RELATIONS = {
    "follower": Relation.FOLLOWER,
    "following": Relation.FOLLOWING,
    "block": Relation.BLOCKED,
    "mute": Relation.MUTED,
}
_STATUS_URL = re.compile(r"https?://(?:www\.|mobile\.)?(?:twitter|x)\.com/([A-Za-z0-9_]{1,15})/status(?:es)?/\d+")


def inner(item: Any) -> dict[str, Any] | None:
    """The object inside a one-key wrapper item (``{"like": {...}}``), or the item itself."""
    if not isinstance(item, dict):
        return None
    if len(item) == 1:
        value = next(iter(item.values()))
        if isinstance(value, dict):
            return value
    return item


def user_url(account_id: str) -> str:
    """The permalink of an account known by its numeric id."""
    return f"https://x.com/i/user/{account_id}"


# --------------------------------------------------------------------------------- likes
@dataclass
class LikeContext:
    """What the tweets told us that can name the author of a liked tweet."""

    owner: Owner
    directory: AccountDirectory
    reply_targets: dict[str, Person]  # replied-to tweet id -> its author
    own_tweet_ids: set[int]


def like_reaction(item: Any, *, source: str, known: LikeContext) -> Reaction | None:
    """A ``like.js`` item (tweetId, fullText, expandedUrl; no author, no time)."""
    like = inner(item)
    tweet_id = id_text(like.get("tweetId")) if like else None
    if like is None or tweet_id is None:
        return None
    text = html.unescape(str(like.get("fullText") or ""))
    target_url = clean(like.get("expandedUrl")) or f"https://x.com/i/web/status/{tweet_id}"
    return Reaction(
        platform=PLATFORM,
        id=tweet_id,
        source=source,
        url=target_url,
        reaction="like",
        title=text,
        target_text=text,
        target_url=target_url,
        target_owner=_liked_author(tweet_id, target_url, known),
    )


def _liked_author(tweet_id: str, target_url: str, known: LikeContext) -> Person | None:
    if tweet_id.isdigit() and int(tweet_id) in known.own_tweet_ids:
        owner = known.owner
        return Person(name=owner.name, handle=owner.handle, account_id=owner.account_id)
    if tweet_id in known.reply_targets:
        return known.reply_targets[tweet_id]
    match = _STATUS_URL.match(target_url)
    if match and match.group(1).lower() not in ("i", "intent"):
        handle = match.group(1)
        account_id = known.directory.id_for_handle(handle)
        return known.directory.person(account_id) if account_id else Person(handle=handle)
    return None


# --------------------------------------------------------------------------------- account lists
def account_connection(item: Any, relation: Relation, *, source: str, directory: AccountDirectory) -> Connection | None:
    """A follower / following / block / mute item (numeric ``accountId`` only).

    The record id is the relation and the account id: one account is often both a follower and followed, and
    each tie is its own finding (following a client is more severe than being followed by one)."""
    value = inner(item)
    account_id = id_text(value.get("accountId")) if value else None
    if account_id is None:
        return None
    return Connection(
        platform=PLATFORM,
        id=f"{relation.value}:{account_id}",
        source=source,
        url=user_url(account_id),
        person=directory.person(account_id),
        relation=relation,
    )


def contact_connection(item: Any, *, source: str) -> Connection | None:
    """A ``contact.js`` item: an uploaded address-book entry (emails, phone numbers)."""
    value = inner(item)
    if value is None:
        return None
    raw_details = [*(value.get("emails") or ()), *(value.get("phoneNumbers") or ())]
    details = [str(v).strip() for v in raw_details if str(v).strip()]
    contact_id = id_text(value.get("id"))
    if not details and contact_id is None:
        return None
    return Connection(
        platform=PLATFORM,
        id=contact_id or stable_id(PLATFORM, "contact", *details),
        source=source,
        person=Person(name=", ".join(details) or None),
        relation=Relation.CONTACT,
    )


# --------------------------------------------------------------------------------- direct messages
def conversation_ids(item: Any) -> list[str]:
    """The numeric ids in a one-to-one ``conversationId`` (``"111-222"``)."""
    conv = inner(item)
    conv_id = str(conv.get("conversationId") or "") if conv else ""
    parts = conv_id.split("-")
    return parts if len(parts) == 2 and all(p.isdigit() for p in parts) else []


def dm_thread(item: Any, *, source: str, owner_id: str | None, directory: AccountDirectory) -> Thread | None:
    """A ``dmConversation`` (one-to-one or group) as a Thread, messages oldest first."""
    conv = inner(item)
    if conv is None or not clean(conv.get("conversationId")):
        return None
    conv_id = str(conv["conversationId"]).strip()
    people: dict[str, None] = dict.fromkeys(conversation_ids(item))
    messages: list[Message] = []
    title = ""
    title_time: datetime | None = None
    for event in as_list(conv.get("messages")):
        if not isinstance(event, dict) or len(event) != 1:
            continue
        kind, body = next(iter(event.items()))
        if not isinstance(body, dict):
            continue
        sender_id = id_text(body.get("senderId"))
        for person_id in (sender_id, id_text(body.get("recipientId")), id_text(body.get("initiatingUserId"))):
            if person_id:
                people[person_id] = None
        for key in ("participantsSnapshot", "userIds"):
            listed = body.get(key)
            if listed and isinstance(listed, list):
                for user_id in listed:
                    if found := id_text(user_id):
                        people[found] = None
        if kind == "messageCreate":
            messages.append(_message(body, sender_id, owner_id, directory))
        elif kind == "conversationNameUpdate" and clean(body.get("name")):
            when = parse_time(body.get("createdAt"))
            if title_time is None or (when is not None and when >= title_time):
                title, title_time = str(body["name"]).strip(), when
    messages.sort(key=lambda m: (m.timestamp is None, m.timestamp or datetime.min))
    participants = tuple(directory.person(p) for p in people if p != owner_id)
    first = next((m.timestamp for m in messages if m.timestamp is not None), None)
    return Thread(
        platform=PLATFORM,
        id=conv_id,
        source=source,
        timestamp=first,
        url=f"https://x.com/messages/{conv_id}",
        title=title,
        participants=participants,
        messages=tuple(messages),
    )


def _message(body: dict[str, Any], sender_id: str | None, owner_id: str | None, directory: AccountDirectory) -> Message:
    text = str(body.get("text") or "")
    urls = body.get("urls")
    if urls and isinstance(urls, list):
        for url in urls:
            if isinstance(url, dict) and url.get("url") and url.get("expanded"):
                text = text.replace(str(url["url"]), str(url["expanded"]))
    return Message(
        sender=directory.person(sender_id) if sender_id else Person(),
        timestamp=parse_time(body.get("createdAt")),
        text=html.unescape(text) if "&" in text else text,
        from_owner=sender_id is not None and sender_id == owner_id,
    )


# --------------------------------------------------------------------------------- profile
def build_profile(
    *,
    owner: Owner,
    account: dict[str, Any],
    profile: dict[str, Any],
    phones: Iterable[str],
    source: str,
    private: bool | None,
) -> Profile:
    """The owner's profile from ``account.js``, ``profile.js``, ``phone-number.js`` or classic details."""
    description = as_dict(profile.get("description")) or profile
    website = clean(description.get("website"))
    phone_list = [p for p in (clean(account.get("phoneNumber")), *phones) if p]
    handle = owner.handle
    return Profile(
        platform=PLATFORM,
        id=stable_id(PLATFORM, "profile", owner.account_id or handle),
        source=source,
        timestamp=None,
        url=f"https://x.com/{handle}" if handle else None,
        name=owner.name,
        handle=handle,
        bio=clean(description.get("bio")),
        websites=(website,) if website else (),
        emails=tuple(e for e in (clean(account.get("email")),) if e),
        phones=tuple(dict.fromkeys(phone_list)),
        city=clean(description.get("location")),
        private=private,
    )


# --------------------------------------------------------------------------------- settings
def setting(owner: Owner, name: str, *, source: str, key: object = "", **fields: Any) -> Setting:
    """A Setting whose id survives a re-export (owner, setting name, item key)."""
    return Setting(
        platform=PLATFORM,
        id=stable_id(PLATFORM, "setting", owner.account_id or owner.handle, name, key),
        source=source,
        name=name,
        **fields,
    )


PROTECTED_UNKNOWN = (
    "X records changes to 'Protect your posts' only for the six months before the archive was made; this "
    "archive shows none, so it cannot tell whether the account is protected or public."
)


def protected_state(entries: list[dict[str, Any]]) -> tuple[bool | None, str | None, datetime | None]:
    """``(protected, action, when)`` from the last ``protected-history.js`` entry; ``None``s when empty."""
    dated = []
    for index, entry in enumerate(entries):
        action = str(entry.get("action") or "").strip()
        if action.lower() in ("protect", "unprotect"):
            dated.append((parse_time(entry.get("protectedAt")), index, action))
    if not dated:
        return None, None, None
    dated.sort(key=lambda d: (d[0] is not None, d[0] or datetime.min, d[1]))
    when, _, action = dated[-1]
    return action.lower() == "protect", action, when


def protected_setting(entries: list[dict[str, Any]], *, owner: Owner, source: str) -> Setting:
    """Setting ``protected`` from ``protected-history.js``: the last entry's action, or unknown."""
    enabled, action, when = protected_state(entries)
    if enabled is None:
        return setting(owner, "protected", source=source, value=None, enabled=None, detail=PROTECTED_UNKNOWN)
    state = "protected (followers only)" if enabled else "public"
    day = when.date().isoformat() if when else "an unknown date"
    return setting(
        owner,
        "protected",
        source=source,
        timestamp=when,
        value=action,
        enabled=enabled,
        detail=f"The last change, on {day}, made the account's posts {state}.",
    )


def two_factor_setting(items: list[dict[str, Any]], *, owner: Owner, source: str) -> Setting:
    """Setting ``two_factor`` from ``ni-devices.js``: a messaging device of type ``Auth`` means SMS codes."""
    for device in items:
        messaging = device.get("messagingDevice")
        if isinstance(messaging, dict) and str(messaging.get("deviceType") or "").lower() == "auth":
            return setting(
                owner,
                "two_factor",
                source=source,
                value="sms",
                enabled=True,
                timestamp=parse_time(messaging.get("updatedDate") or messaging.get("createdDate")),
                detail="A phone is registered for two-factor codes by text message.",
            )
    return setting(
        owner,
        "two_factor",
        source=source,
        value=None,
        enabled=None,
        detail="The archive shows no phone used for two-factor codes; X does not list authenticator-app or "
        "security-key two-factor, so whether it is on cannot be told from the archive.",
    )


def app_setting(item: Any, *, owner: Owner, source: str) -> Setting | None:
    """Setting ``connected_app`` for one ``connected-application.js`` entry."""
    app = inner(item)
    if app is None:
        return None
    org = as_dict(app.get("organization"))
    name = clean(app.get("name")) or clean(org.get("name"))
    if name is None:
        return None
    permissions = [str(p) for p in app.get("permissions") or () if str(p).strip()]
    detail = f"permissions: {', '.join(permissions)}" if permissions else None
    if clean(org.get("name")) and clean(org.get("name")) != name:
        detail = f"by {org['name']}" + (f"; {detail}" if detail else "")
    return setting(
        owner,
        "connected_app",
        source=source,
        key=app.get("id") or name,
        value=name,
        enabled=True,
        timestamp=parse_time(app.get("approvedAt")),
        detail=detail,
    )
