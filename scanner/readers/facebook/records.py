"""Facebook record builders shared by the JSON and HTML readers.

Both formats reduce a file entry to plain facts (time, title, text, names) and hand them to these
builders, so the same content gets the same record and the same :func:`fb_id` whichever format or layout
generation it came from. Titles are parsed here too (whose post a comment or like was on, who tagged
the owner, which group was joined); English wording first, with a few common localized forms.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime

from scanner.records import (
    AnyRecord,
    Comment,
    Connection,
    Group,
    Message,
    Person,
    Place,
    Post,
    Reaction,
    Relation,
    Thread,
    stable_id,
)

PLATFORM = "facebook"


_ID_CHARS = 100_000  # of one text part: no real field is longer, and a hostile one must not cost a word list


def fb_id(kind: str, *parts: object) -> str:
    """A stable id from content that survives a re-export; text parts are whitespace-normalized."""
    return stable_id(PLATFORM, kind, *[" ".join(p[:_ID_CHARS].split()) if isinstance(p, str) else p for p in parts])


def norm_space(text: str) -> str:
    """Collapse all whitespace runs to one space (HTML and JSON renderings of one text then agree)."""
    return " ".join(text.split())


def same_name(a: str | None, b: str | None) -> bool:
    """Case- and space-insensitive name equality."""
    return bool(a and b) and norm_space(a or "").casefold() == norm_space(b or "").casefold()


TitleParser = Callable[[str | None, "Owner"], Person | None]
_TITLE_MEMO_SIZE = 4096


@dataclass
class Owner:
    """What the reader knows about the account owner: the profile name first, plus the other names the
    owner shows under (Messenger display name, comment author, reaction actor)."""

    name: str | None = None
    aliases: set[str] = field(default_factory=set)
    _titles: dict[tuple[TitleParser, str], Person | None] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def add(self, name: str | None) -> None:
        """Record a name the owner is known by (the first one becomes :attr:`name`)."""
        name = norm_space(name or "")
        if not name:
            return
        folded = name.casefold()
        if self.name is None or folded not in self.aliases:
            self._titles.clear()  # what titles say about the owner may change
        if self.name is None:
            self.name = name
        self.aliases.add(folded)

    def from_title(self, parse: TitleParser, title: str) -> Person | None:
        """``parse(title, self)``, remembered until the owner's names change: exports repeat the same
        titles (``X updated her status.``) on thousands of entries."""
        key = (parse, title)
        if key in self._titles:
            return self._titles[key]
        if len(self._titles) >= _TITLE_MEMO_SIZE:
            self._titles.clear()
        person = self._titles[key] = parse(title, self)
        return person

    def is_owner(self, name: str | None) -> bool:
        if same_name(self.name, name):
            return True
        return bool(name) and norm_space(name or "").casefold() in self.aliases


# --------------------------------------------------------------------------- titles

_OWN = re.compile(r"\b(?:his|her|their|your|its)\s+own\b|\b(?:on|to|likes|liked)\s+your\b", re.IGNORECASE)
_POSSESSIVE = re.compile(
    r"\b(?:commented on|replied to|likes|liked|reacted(?:\s+\S+)?\s+to|reacted to)\s+(?P<who>.+?)['’]s?\s+"
    r"(?P<what>[\w-]+(?:\s[\w-]+)?)\.?\s*$",
    re.IGNORECASE,
)
_OF_FORM = re.compile(
    r"\b(?:post|posts|foto|photo|photos|commento|comentario|comentário|commentaire|publicación|publicação|"
    r"publication|bericht|beitrag|kommentar|reactie|video|vídeo|vidéo|status|storia|story|historia|reel|link|"
    r"album|álbum)\s+(?:di|de|del|de la|della|dello|dei|van|von|da|do|dos|das)\s+(?P<who>.+?)\.?\s*$",
    re.IGNORECASE,
)
_INDEFINITE = re.compile(r"^(?:a|an|the|one|this|that)\b", re.IGNORECASE)


def target_from_title(title: str | None, owner: Owner) -> Person | None:
    """Whose content a comment / like was on, from a title such as ``X likes Jane Doe's post.``.

    ``… his own post`` / ``… your post`` give the owner; ``… a post`` and unknown wording give ``None``.
    """
    if not title:
        return None
    text = norm_space(title)
    if _OWN.search(text):
        return Person(name=owner.name) if owner.name else None
    match = _POSSESSIVE.search(text) or _OF_FORM.search(text)
    if not match:
        return None
    who = match.group("who").strip().strip('"“”')
    if not who or _INDEFINITE.match(who) or len(who) > 80:
        return None
    return Person(name=who)


_AUTHOR = re.compile(
    r"^(?P<who>.+?)\s+(?:tagged|wrote on|posted on|posted to|mentioned|shared .+? (?:on|to))\s", re.IGNORECASE
)
_TIMELINE = re.compile(r"\bwrote on\s+(?P<who>.+?)['’]s?\s+(?:timeline|wall)\.?\s*$", re.IGNORECASE)


def author_from_title(title: str | None, owner: Owner) -> Person | None:
    """The other person who wrote a post that sits in the owner's file (``Jane tagged X in a post.``)."""
    if not title or not owner.name:
        return None
    match = _AUTHOR.match(norm_space(title))
    if not match or owner.is_owner(match.group("who")):
        return None
    who = match.group("who").strip()
    return Person(name=who) if who and len(who) <= 80 else None


def timeline_owner_from_title(title: str | None, owner: Owner) -> Person | None:
    """Whose timeline a post was written on (``X wrote on Jane Doe's timeline.``), unless the owner's."""
    match = _TIMELINE.search(norm_space(title or ""))
    if not match or owner.is_owner(match.group("who")) or _INDEFINITE.match(match.group("who")):
        return None
    return Person(name=match.group("who").strip())


_GROUP_TITLE = re.compile(
    r"(?:became a member of|joined the group|is now a member of|joined|member of(?: the group)?|"
    r"membro d(?:el|i|ella)?(?: gruppo)?|lid van(?: de groep)?|mitglied (?:der gruppe|von|in)|"
    r"miembro de(?:l grupo)?|membre (?:du groupe|de)|membro do grupo|membro de)\s+(?P<group>.+)$",
    re.IGNORECASE,
)
_LEFT_GROUP = re.compile(r"\b(?:left the group|are no longer a member)\b", re.IGNORECASE)


def group_from_title(title: str | None) -> str | None:
    """The group name in a membership title (``You became a member of A Group.``)."""
    if not title:
        return None
    text = norm_space(title)
    match = _GROUP_TITLE.search(text)
    name = match.group("group") if match else text
    return _strip_period(name) or None


def left_group(title: str | None) -> bool:
    """True for membership-activity entries that record leaving a group."""
    return bool(title and _LEFT_GROUP.search(title))


_POSTED_IN = re.compile(r"\b(?:posted in|shared .+? in|wrote in|commented in)\s+(?P<group>.+)$", re.IGNORECASE)


def group_of_post_title(title: str | None) -> str | None:
    """The group a group post was made in (``X posted in Sourdough Nerds.``)."""
    match = _POSTED_IN.search(norm_space(title or ""))
    return _strip_period(match.group("group")) if match else None


def _strip_period(text: str) -> str:
    text = text.strip()
    return text[:-1].rstrip() if text.endswith(".") else text


# --------------------------------------------------------------------------- builders


@dataclass
class PlaceFacts:
    """A place attached to a post or check-in."""

    name: str
    address: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    url: str | None = None


@dataclass
class PostFacts:
    """The parts of a post entry both formats can show."""

    timestamp: datetime | None
    title: str = ""
    text: str = ""
    place: PlaceFacts | None = None
    tags: list[str] = field(default_factory=list)
    subkind: str = "status"
    group: str | None = None
    author: str | None = None  # set when the file itself says another person wrote it
    url: str | None = None
    has_attachment: bool = False


def post_records(facts: PostFacts, owner: Owner, source: str) -> Iterator[AnyRecord]:
    """The Post (and Place, for a check-in or location tag) records of one post entry."""
    tags = tuple(Person(name=n) for n in _unique(facts.tags) if n) if facts.tags else ()
    author = Person(name=facts.author) if facts.author else owner.from_title(author_from_title, facts.title)
    timeline = owner.from_title(timeline_owner_from_title, facts.title)
    subkind = facts.subkind
    if facts.place and subkind == "status":
        subkind = "checkin"
    if timeline and subkind == "status":
        subkind = "timeline_post"
    if author and subkind in ("status", "checkin"):
        subkind = "tagged"
    if facts.place:
        place = facts.place
        yield Place(
            platform=PLATFORM,
            id=fb_id("place", facts.timestamp, place.name),
            source=source,
            timestamp=facts.timestamp,
            url=place.url,
            name=place.name,
            address=place.address or None,
            latitude=place.latitude,
            longitude=place.longitude,
            text=facts.text,
        )
    if not (facts.text or tags or author or timeline or (facts.has_attachment and not facts.place)):
        return
    basis = facts.text or facts.title or (facts.place.name if facts.place else "")
    yield Post(
        platform=PLATFORM,
        id=fb_id("post", facts.timestamp, basis),
        source=source,
        timestamp=facts.timestamp,
        url=facts.url,
        text=facts.text,
        subkind=subkind,
        place=facts.place.name if facts.place else None,
        tags=tags,
        in_reply_to=timeline,
        author=author,
        group=facts.group,
    )


def comment_record(
    timestamp: datetime | None, text: str, title: str, owner: Owner, source: str, group: str | None = None
) -> Comment:
    """A comment the owner wrote; the target's owner comes from the title."""
    return Comment(
        platform=PLATFORM,
        id=fb_id("comment", timestamp, text or title),
        source=source,
        timestamp=timestamp,
        text=text,
        target_owner=owner.from_title(target_from_title, title),
        group=group or None,
    )


def reaction_record(
    timestamp: datetime | None,
    reaction: str,
    title: str,
    owner: Owner,
    source: str,
    target: Person | None = None,
    target_url: str | None = None,
    occurrence: int = 0,
) -> Reaction:
    """A like or reaction by the owner. ``occurrence`` tells apart identical reactions without a time (the
    n-th reaction to the same person's story in a file); 0 leaves the id as it always was."""
    target = target or owner.from_title(target_from_title, title)
    word = (reaction or "like").strip().lower() or "like"
    basis = target.name if target and target.name else title
    return Reaction(
        platform=PLATFORM,
        id=fb_id("reaction", timestamp, word, basis, occurrence)
        if occurrence
        else fb_id("reaction", timestamp, word, basis),
        source=source,
        timestamp=timestamp,
        reaction=word,
        title=title,
        target_owner=target,
        target_url=target_url,
    )


def connection_record(relation: Relation, name: str, timestamp: datetime | None, source: str) -> Connection:
    """A person in one of the owner's lists (display name only: Facebook exports show no ids)."""
    return Connection(
        platform=PLATFORM,
        id=fb_id("connection", relation.value, name, timestamp),
        source=source,
        timestamp=timestamp,
        person=Person(name=name),
        relation=relation,
    )


def group_record(name: str, timestamp: datetime | None, source: str, role: str = "member") -> Group:
    """Membership of a group."""
    return Group(
        platform=PLATFORM,
        id=fb_id("group", role, name, timestamp),
        source=source,
        timestamp=timestamp,
        name=name,
        role=role,
    )


@dataclass
class MessageFacts:
    """One message as a file shows it; ``order`` is its position in file order (newest first)."""

    sender: str
    timestamp: datetime | None
    text: str
    millis: int
    order: int


_FOLDERS = {
    "inbox": "inbox",
    "archived_threads": "archived",
    "filtered_threads": "filtered",
    "message_requests": "message_requests",
    "e2ee_cutover": "e2ee_cutover",
}


def thread_folder(raw: str) -> str:
    """The Thread.folder word for a Messenger folder name."""
    return _FOLDERS.get(raw.lower(), raw.lower())


def thread_record(
    title: str,
    participants: Iterable[str],
    messages: Iterable[MessageFacts],
    folder: str,
    owner: Owner,
    source: str,
) -> Thread:
    """A Messenger thread: messages de-duplicated and made chronological, the owner left out."""
    seen: set[tuple[str, int, str]] = set()
    unique: list[MessageFacts] = []
    for msg in messages:
        key = (msg.sender, msg.millis, msg.text)
        if key not in seen:
            seen.add(key)
            unique.append(msg)
    unique.sort(key=lambda m: (m.millis, -m.order))
    names = _unique(participants) or _unique(m.sender for m in unique)
    others = [n for n in names if not owner.is_owner(n)] if owner.name else names
    first = unique[0].timestamp if unique else None
    senders = {m.sender: (Person(name=m.sender), owner.is_owner(m.sender)) for m in unique}  # a few per thread
    return Thread(
        platform=PLATFORM,
        id=fb_id("thread", "|".join(sorted(norm_space(n).casefold() for n in others)), first, "" if unique else title),
        source=source,
        timestamp=first,
        title=title,
        participants=tuple(Person(name=n) for n in others),
        messages=tuple(
            Message(sender=senders[m.sender][0], timestamp=m.timestamp, text=m.text, from_owner=senders[m.sender][1])
            for m in unique
        ),
        folder=folder,
    )


def _unique(names: Iterable[str]) -> list[str]:
    out: list[str] = []
    seen: set[str] = set()
    for name in names:
        name = norm_space(name or "")
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            out.append(name)
    return out
