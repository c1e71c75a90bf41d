"""Normalized records: what every platform reader produces and every check consumes.

A record is a frozen dataclass. All carry ``platform``, ``kind``, a stable ``id``, an aware-UTC
``timestamp`` (or ``None`` when the export has none), a ``source`` (member path inside the archive plus
an index, e.g. ``data/tweets.js#812``) and, where the platform gives one, a ``url``.

Record ids must survive a fresh export of the same account (the triage file relies on it): use the
platform's own id where there is one, otherwise :func:`stable_id` over content that does not change
between exports (kind, time, text, names) -- never the member path or an index.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime
from enum import StrEnum
from operator import attrgetter


class Kind(StrEnum):
    """The record kinds (DESIGN.md section 3)."""

    POST = "post"
    COMMENT = "comment"
    REACTION = "reaction"
    CONNECTION = "connection"
    THREAD = "thread"
    GROUP = "group"
    PLACE = "place"
    PROFILE = "profile"
    SETTING = "setting"
    SEARCH = "search"


class Relation(StrEnum):
    """How a person in a :class:`Connection` relates to the account owner."""

    FRIEND = "friend"
    FOLLOWER = "follower"
    FOLLOWING = "following"
    CONNECTION = "connection"
    CLOSE_FRIEND = "close_friend"
    REQUEST_RECEIVED = "request_received"
    REQUEST_SENT = "request_sent"
    REQUEST_REJECTED = "request_rejected"
    REMOVED = "removed"
    BLOCKED = "blocked"
    RESTRICTED = "restricted"
    MUTED = "muted"
    HIDDEN_STORY = "hidden_story"
    CONTACT = "contact"  # an uploaded / synced address-book entry

    @property
    def is_pending_request(self) -> bool:
        """True for requests that are still waiting (received or sent)."""
        return self in (Relation.REQUEST_RECEIVED, Relation.REQUEST_SENT)


class Audience(StrEnum):
    """Who can see a post, as far as the export says."""

    PUBLIC = "public"
    UNLISTED = "unlisted"
    FRIENDS = "friends"  # friends / followers / connections only
    DIRECT = "direct"
    PRIVATE = "private"  # only me
    UNKNOWN = "unknown"  # the export does not say (Facebook, Instagram)


@dataclass(frozen=True, slots=True)
class Person:
    """Another account as an export shows it: any of display name, handle, numeric account id."""

    name: str | None = None
    handle: str | None = None
    account_id: str | None = None
    url: str | None = None

    @property
    def label(self) -> str:
        """A short human label: name, else @handle, else the account id."""
        if self.name:
            return self.name
        if self.handle:
            return "@" + self.handle.lstrip("@")
        if self.account_id:
            return f"account {self.account_id}"
        return "unknown account"

    @property
    def is_empty(self) -> bool:
        return not (self.name or self.handle or self.account_id)


@dataclass(frozen=True, slots=True, kw_only=True)
class Record:
    """Fields shared by every record kind."""

    platform: str
    id: str
    source: str
    timestamp: datetime | None = None
    url: str | None = None

    kind: Kind = field(init=False, default=Kind.POST)

    def __post_init__(self) -> None:
        if self.timestamp is not None and self.timestamp.tzinfo is None:
            raise ValueError(f"{self.source}: timestamp must be timezone-aware")


@dataclass(frozen=True, slots=True, kw_only=True)
class Post(Record):
    """Something the account owner wrote or shared: a status, tweet, reply, caption, story, share.

    ``subkind`` keeps the platform's word (``tweet``, ``reply``, ``status``, ``checkin``, ``story``,
    ``reel``, ``group_post``, ``timeline_post``, ``life_event``, ``share``, ``caption``).
    ``author`` is set when somebody else wrote it (a post that tags the owner).
    """

    text: str = ""
    subkind: str = "post"
    audience: Audience = Audience.UNKNOWN
    place: str | None = None
    tags: tuple[Person, ...] = ()
    mentions: tuple[Person, ...] = ()
    in_reply_to: Person | None = None
    author: Person | None = None
    group: str | None = None
    kind: Kind = field(init=False, default=Kind.POST)


@dataclass(frozen=True, slots=True, kw_only=True)
class Comment(Record):
    """A comment the owner wrote, with the owner of the content commented on where known."""

    text: str = ""
    target_owner: Person | None = None
    group: str | None = None
    kind: Kind = field(init=False, default=Kind.COMMENT)


@dataclass(frozen=True, slots=True, kw_only=True)
class Reaction(Record):
    """A like or reaction by the owner. ``target_owner`` is whose content it was, where the export says."""

    reaction: str = "like"
    title: str = ""
    target_owner: Person | None = None
    target_url: str | None = None
    target_text: str = ""
    kind: Kind = field(init=False, default=Kind.REACTION)


@dataclass(frozen=True, slots=True, kw_only=True)
class Connection(Record):
    """A person in one of the owner's lists: friends, followers, requests, blocked, contacts."""

    person: Person
    relation: Relation
    kind: Kind = field(init=False, default=Kind.CONNECTION)


@dataclass(frozen=True, slots=True)
class Message:
    """One message in a thread. ``sender`` is a display name, handle or account id as the export gives it."""

    sender: Person
    timestamp: datetime | None
    text: str = ""
    from_owner: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Thread(Record):
    """A direct-message conversation. ``participants`` excludes the owner where the owner is known.

    ``folder`` is where the platform filed it (``inbox``, ``message_requests``, ``archived``, ``filtered``).
    Messages are in chronological order.
    """

    title: str = ""
    participants: tuple[Person, ...] = ()
    messages: tuple[Message, ...] = ()
    folder: str = "inbox"
    kind: Kind = field(init=False, default=Kind.THREAD)

    def others(self) -> list[Person]:
        """The people the owner talks with: the participants, then the senders of messages the owner did not
        send (an export may list a sender only on their messages); repeats kept, in that order."""
        return [*self.participants, *(m.sender for m in self.messages if not m.from_owner)]


@dataclass(frozen=True, slots=True, kw_only=True)
class Group(Record):
    """Membership of a group (``role`` is ``member`` or ``admin``)."""

    name: str
    role: str = "member"
    kind: Kind = field(init=False, default=Kind.GROUP)


@dataclass(frozen=True, slots=True, kw_only=True)
class Place(Record):
    """A check-in or location tag."""

    name: str = ""
    address: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    text: str = ""
    kind: Kind = field(init=False, default=Kind.PLACE)


@dataclass(frozen=True, slots=True)
class WorkEntry:
    """One job on a profile."""

    employer: str
    title: str | None = None
    location: str | None = None
    current: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Profile(Record):
    """What the account's own profile shows. ``private`` is ``None`` when the export does not say.

    ``page`` is true for a Page the account runs (a professional page beside the personal profile), as the
    reader knows from the file it read: checks read the flag, never the archive path.
    """

    name: str | None = None
    handle: str | None = None
    bio: str | None = None
    websites: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    city: str | None = None
    work: tuple[WorkEntry, ...] = ()
    education: tuple[str, ...] = ()
    private: bool | None = None
    page: bool = False
    kind: Kind = field(init=False, default=Kind.PROFILE)


@dataclass(frozen=True, slots=True, kw_only=True)
class Setting(Record):
    """A privacy or security setting, or a security-relevant item (a connected app, an active session).

    ``name`` is a stable key such as ``two_factor``, ``login_alerts``, ``protected``, ``private_account``,
    ``discoverable``, ``connected_app``, ``active_session``, ``synced_contacts``, ``who_can_comment``.
    ``value`` is the platform's value as text; ``enabled`` is its boolean reading, ``None`` when unknown.
    """

    name: str
    value: str | None = None
    enabled: bool | None = None
    detail: str | None = None
    kind: Kind = field(init=False, default=Kind.SETTING)


def synced_contacts_setting(platform: str, count: int, path: str, detail: str) -> Setting:
    """The ``synced_contacts`` setting of an export file holding ``count`` uploaded address-book contacts."""
    return Setting(
        platform=platform,
        id=stable_id(platform, "setting", "synced_contacts"),
        source=f"{path}#0",
        name="synced_contacts",
        value=str(count),
        enabled=True,
        detail=detail,
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class Search(Record):
    """A search the owner made (Instagram profile searches, Facebook search history)."""

    query: str = ""
    person: Person | None = None
    kind: Kind = field(init=False, default=Kind.SEARCH)


AnyRecord = Post | Comment | Reaction | Connection | Thread | Group | Place | Profile | Setting | Search


def stable_id(platform: str, kind: str, *parts: object) -> str:
    """A short content hash for records whose platform gives no id.

    Build it only from fields that survive a re-export (kind, time, text, names), so the same record gets
    the same id in a new archive, in another layout generation, or in another part of a multi-part export.
    """
    digest = hashlib.sha256("\x1f".join([platform, kind, *map(_part, parts)]).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:20]


def _part(value: object) -> str:
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S")
    return "" if value is None else str(value)


def from_epoch(seconds: float | int | str | None) -> datetime | None:
    """Unix seconds (or milliseconds, detected by size) to an aware UTC datetime; 0/None/garbage → None."""
    if seconds is None or seconds == "":
        return None
    try:
        value = float(seconds)
    except (TypeError, ValueError):
        return None
    if value <= 0:
        return None
    if value > 1e11:  # milliseconds
        value /= 1000.0
    try:
        return datetime.fromtimestamp(int(value), tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None


def _quick_pickle(cls: type) -> None:
    """Give a frozen slots dataclass a cheaper pickled state than the one ``dataclasses`` writes, which calls
    ``fields()`` for every object pickled and unpickled: records travel to the worker processes by the
    hundred thousand (:mod:`scanner.workers`)."""
    names = tuple(f.name for f in fields(cls))
    get = attrgetter(*names)

    def __getstate__(self: object) -> tuple[object, ...]:
        state: tuple[object, ...] = get(self)
        return state

    def __setstate__(self: object, state: tuple[object, ...]) -> None:
        for name, value in zip(names, state, strict=True):
            object.__setattr__(self, name, value)

    setattr(cls, "__getstate__", __getstate__)  # noqa: B010  (assigning a method: mypy refuses the plain form)
    setattr(cls, "__setstate__", __setstate__)  # noqa: B010


_PICKLED = (Person, Message, WorkEntry, Post, Comment, Reaction, Connection, Thread, Group, Place, Profile, Setting)
for _cls in (*_PICKLED, Search):
    _quick_pickle(_cls)
