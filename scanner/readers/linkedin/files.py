"""Row-to-record mapping for the LinkedIn export's CSV files (one function per file).

Each function takes a parsed :class:`~scanner.readers.csvsniff.Table` and yields normalized records.
Ids are content hashes over what survives a re-export *and* reads the same in the 2018 and 2020+ layouts
(names, the day a connection was made, times to the minute where the old layout shows only minutes),
so the same record gets the same id in either generation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import unquote, urlparse

from scanner.postnominals import is_postnominal, strip_postnominals
from scanner.readers.base import ReadContext
from scanner.readers.csvsniff import Row, Table, column_key
from scanner.readers.linkedin.dates import parse_when
from scanner.records import (
    Audience,
    Comment,
    Connection,
    Message,
    Person,
    Post,
    Reaction,
    Relation,
    Setting,
    Thread,
    stable_id,
    synced_contacts_setting,
)

PLATFORM = "linkedin"


@dataclass(frozen=True)
class Spec:
    """What a file's columns may be called: ``known`` locate the header; each ``required`` group must be
    present (any one name of the group); a missing ``optional`` group only produces a note."""

    known: tuple[str, ...]
    required: tuple[tuple[str, ...], ...] = ()
    optional: tuple[tuple[tuple[str, ...], str], ...] = ()


@dataclass
class Owner:
    """The account owner as far as the files read so far tell."""

    name: str | None = None
    slug: str | None = None
    url: str | None = None

    def is_owner(self, name: str) -> bool:
        """True when ``name`` is the owner's display name (case and spacing ignored)."""
        return bool(self.name) and norm_name(name) == norm_name(self.name or "")


# ---------------------------------------------------------------------------------------------- helpers
def norm_name(name: str) -> str:
    """A display name reduced for comparison (credentials after a comma dropped, case-folded, single spaces)."""
    return " ".join(strip_postnominals(name).split()).casefold()


def full_name(first: str, last: str) -> str:
    """``First Last`` with single spaces and without the credentials LinkedIn members put in the last name
    (``Doe, LCSW``)."""
    return strip_postnominals(" ".join(f"{first} {last}".split()))


def profile_slug(url: str | None) -> str | None:
    """The public-profile slug of a ``linkedin.com/in/<slug>`` URL, else ``None``."""
    if not url:
        return None
    parts = [p for p in urlparse(url.strip()).path.split("/") if p]
    if len(parts) >= 2 and parts[0].lower() in ("in", "pub"):
        return unquote(parts[1]) or None
    return None


def _person(name: str, url: str | None) -> Person:
    url = url or None
    return Person(name=strip_postnominals(name) or None, handle=profile_slug(url), url=url)


def _minute(when: datetime | None) -> datetime | None:
    return when.replace(second=0) if when else None


def split_names(value: str, expected: int = 0) -> list[str]:
    """Split a LinkedIn ``TO`` field into names.

    Names themselves contain commas (``Jane Doe, LCSW``), so a part that looks like a credential is joined
    back to the name before it. When ``expected`` (the number of recipient URLs) disagrees, the whole
    value is kept as one name rather than guessed.
    """
    value = value.strip()
    if not value:
        return []
    names: list[str] = []
    for part in (p.strip() for p in value.split(",")):
        if not part:
            continue
        if names and is_postnominal(part):
            names[-1] = f"{names[-1]}, {part}"
        else:
            names.append(part)
    if expected and len(names) != expected:
        return [value]
    return names


def _urls(value: str) -> list[str]:
    return [u for u in re.split(r"[\s,;]+", value) if u.startswith("http")]


# ---------------------------------------------------------------------------------------------- connections
CONNECTIONS = Spec(
    known=("First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"),
    required=(("First Name", "Last Name", "Full Name", "Name"),),
    optional=(
        (("URL", "Profile URL"), "has no URL column: connections are matched by name only"),
        (("Connected On",), "has no 'Connected On' column: connection dates are unknown"),
    ),
)


def connections(table: Table, path: str) -> Iterator[Connection]:
    """``Connections.csv`` → one CONNECTION per row; the time is the day connected (midnight UTC when the
    export shows only a date) and the id hashes that day with the name, so both layouts agree."""
    for row in table.rows:
        name = full_name(row.get("First Name", "FirstName"), row.get("Last Name", "LastName")) or row.get(
            "Full Name", "Name"
        )
        if not name:
            continue
        when = parse_when(row.get("Connected On", "ConnectedOn"))
        day = when.date().isoformat() if when else None
        person = _person(name, row.get("URL", "Profile URL"))
        yield Connection(
            platform=PLATFORM,
            id=stable_id(PLATFORM, "connection", Relation.CONNECTION, day, norm_name(name)),
            source=f"{path}#{row.index}",
            timestamp=when,
            url=person.url,
            person=person,
            relation=Relation.CONNECTION,
        )


# ---------------------------------------------------------------------------------------------- invitations
INVITATIONS = Spec(
    known=("From", "To", "Sent At", "Message", "Direction", "inviterProfileUrl", "inviteeProfileUrl"),
    required=(("From",), ("To",)),
)


def invitations(table: Table, path: str, owner: Owner, ctx: ReadContext) -> Iterator[Connection]:
    """``Invitations.csv`` → REQUEST_RECEIVED / REQUEST_SENT, by ``Direction`` or by who the owner is."""
    for row in table.rows:
        sender, recipient = row.get("From"), row.get("To")
        direction = row.get("Direction").upper()
        if direction not in ("INCOMING", "OUTGOING"):
            if owner.is_owner(recipient):
                direction = "INCOMING"
            elif owner.is_owner(sender):
                direction = "OUTGOING"
            else:
                ctx.count("linkedin_invitations_direction_unknown")
                continue
        if direction == "INCOMING":
            relation, person = Relation.REQUEST_RECEIVED, _person(sender, row.get("inviterProfileUrl"))
            owner_url = row.get("inviteeProfileUrl")
        else:
            relation, person = Relation.REQUEST_SENT, _person(recipient, row.get("inviteeProfileUrl"))
            owner_url = row.get("inviterProfileUrl")
        if owner_url and not owner.slug:
            owner.slug, owner.url = profile_slug(owner_url), owner_url
        if person.is_empty:
            continue
        when = parse_when(row.get("Sent At", "SentAt", "Date"))
        yield Connection(
            platform=PLATFORM,
            id=stable_id(PLATFORM, "connection", relation, _minute(when), norm_name(person.name or "")),
            source=f"{path}#{row.index}",
            timestamp=when,
            url=person.url,
            person=person,
            relation=relation,
        )


# ---------------------------------------------------------------------------------------------- contacts
CONTACTS = Spec(
    known=(
        "Source",
        "FirstName",
        "LastName",
        "Companies",
        "Title",
        "Emails",
        "PhoneNumbers",
        "CreatedAt",
        "First Name",
        "Last Name",
        "Email Address",
    ),
    required=(("FirstName", "First Name", "LastName", "Last Name", "FullName", "Full Name", "Name"),),
)


def contacts(table: Table, path: str) -> Iterator[Connection | Setting]:
    """``Contacts.csv`` / ``ImportedContacts.csv`` (address books synced to LinkedIn) → one CONTACT per row,
    then a ``synced_contacts`` setting when there was any."""
    count = 0
    for row in table.rows:
        name = full_name(row.get("FirstName", "First Name"), row.get("LastName", "Last Name")) or strip_postnominals(
            row.get("FullName", "Full Name", "Name")
        )
        if not name:
            continue
        detail = row.get("Emails", "Email Address", "PhoneNumbers", "Phone Numbers")
        count += 1
        yield Connection(
            platform=PLATFORM,
            id=stable_id(PLATFORM, "connection", Relation.CONTACT, norm_name(name), detail),
            source=f"{path}#{row.index}",
            timestamp=parse_when(row.get("CreatedAt", "Created At")),
            person=Person(name=name),
            relation=Relation.CONTACT,
        )
    if count:
        yield synced_contacts_setting(PLATFORM, count, path, f"{count} address-book contact(s) synced to LinkedIn")


# ---------------------------------------------------------------------------------------------- follows
MEMBER_FOLLOWS = Spec(known=("Date", "Status", "FullName"), required=(("FullName", "Full Name", "Name"),))
COMPANY_FOLLOWS = Spec(known=("Organization", "Followed On"), required=(("Organization", "Company", "Name"),))
_INACTIVE = {"inactive", "unfollowed", "removed"}


def follows(table: Table, path: str, ctx: ReadContext) -> Iterator[Connection]:
    """``Member_Follows.csv`` / ``Company Follows.csv`` → FOLLOWING (inactive follows are left out)."""
    for row in table.rows:
        name = row.get("FullName", "Full Name", "Organization", "Company", "Name")
        if not name:
            continue
        if row.get("Status").casefold() in _INACTIVE:
            ctx.count("linkedin_inactive_follows")
            continue
        when = parse_when(row.get("Date", "Followed On", "FollowedOn"))
        yield Connection(
            platform=PLATFORM,
            id=stable_id(PLATFORM, "connection", Relation.FOLLOWING, _minute(when), norm_name(name)),
            source=f"{path}#{row.index}",
            timestamp=when,
            person=Person(name=name),
            relation=Relation.FOLLOWING,
        )


# ---------------------------------------------------------------------------------------------- shares
SHARES = Spec(
    known=("Date", "ShareLink", "ShareCommentary", "SharedUrl", "MediaUrl", "Visibility", "Share Title"),
    required=(("ShareCommentary", "Commentary", "Text"),),
    optional=(
        (("Visibility",), "has no Visibility column: who could see each post is unknown"),
        (("Date",), "has no Date column: post times are unknown"),
    ),
)

_VISIBILITY = {
    "public": Audience.PUBLIC,
    "anyone": Audience.PUBLIC,
    "loggedin": Audience.PUBLIC,
    "loggedinmembers": Audience.PUBLIC,
    "membernetwork": Audience.FRIENDS,
    "connections": Audience.FRIENDS,
    "connectionsonly": Audience.FRIENDS,
    "network": Audience.FRIENDS,
}


def audience(visibility: str) -> Audience:
    """LinkedIn's ``Visibility`` value → :class:`Audience` (``UNKNOWN`` when empty or unfamiliar)."""
    return _VISIBILITY.get(column_key(visibility), Audience.UNKNOWN)


def shares(table: Table, path: str, ctx: ReadContext) -> Iterator[Post]:
    """``Shares.csv`` → POST (subkind ``share``) with ``ShareCommentary`` as text and the audience."""
    for row in table.rows:
        text = row.get("ShareCommentary", "Commentary", "Text")
        when = parse_when(row.get("Date"))
        visibility = row.get("Visibility")
        aud = audience(visibility)
        if visibility and aud is Audience.UNKNOWN:
            ctx.count("linkedin_unknown_visibility")
        yield Post(
            platform=PLATFORM,
            id=stable_id(PLATFORM, "post", when, text),
            source=f"{path}#{row.index}",
            timestamp=when,
            url=row.get("ShareLink", "Link") or None,
            text=text,
            subkind="share",
            audience=aud,
        )


# ---------------------------------------------------------------------------------------------- comments
COMMENTS = Spec(known=("Date", "Link", "Message"), required=(("Message", "Comment", "Text"),))


def comments(table: Table, path: str) -> Iterator[Comment]:
    """``Comments.csv`` → COMMENT (LinkedIn does not say whose post it was on)."""
    for row in table.rows:
        text = row.get("Message", "Comment", "Text")
        when = parse_when(row.get("Date"))
        yield Comment(
            platform=PLATFORM,
            id=stable_id(PLATFORM, "comment", when, text),
            source=f"{path}#{row.index}",
            timestamp=when,
            url=row.get("Link") or None,
            text=text,
        )


# ---------------------------------------------------------------------------------------------- reactions
REACTIONS = Spec(known=("Date", "Type", "Link"), required=(("Link", "URL"),))


def reactions(table: Table, path: str) -> Iterator[Reaction]:
    """``Reactions.csv`` → REACTION (type lower-cased; no target owner in the export)."""
    for row in table.rows:
        link = row.get("Link", "URL")
        kind = row.get("Type").lower() or "like"
        when = parse_when(row.get("Date"))
        yield Reaction(
            platform=PLATFORM,
            id=stable_id(PLATFORM, "reaction", when, kind, link),
            source=f"{path}#{row.index}",
            timestamp=when,
            url=link or None,
            reaction=kind,
            target_url=link or None,
        )


# ---------------------------------------------------------------------------------------------- messages
MESSAGES = Spec(
    known=("CONVERSATION ID", "FROM", "TO", "DATE", "CONTENT", "Direction", "Subject", "Folder"),
    required=(("From",),),
    optional=(
        (("Content", "Body"), "has no CONTENT column: message text is unknown"),
        (("Date",), "has no DATE column: message times are unknown"),
    ),
)

_THREAD_URL = "https://www.linkedin.com/messaging/thread/"
_FOLDERS = {"inbox": "inbox", "archive": "archived", "archived": "archived", "spam": "filtered"}


@dataclass
class _Conversation:
    key: str
    conversation_id: str = ""
    title: str = ""
    rows: list[tuple[Row, datetime | None]] = field(default_factory=list)
    people: dict[str, Person] = field(default_factory=dict)  # normalized name -> Person


def _row_people(row: Row) -> list[Person]:
    sender = row.get("From")
    out = [_person(sender, row.get("Sender Profile URL"))] if sender else []
    urls = _urls(row.get("Recipient Profile URLs", "Recipient Profile URL"))
    names = split_names(row.get("To"), len(urls))
    for i, name in enumerate(names):
        out.append(_person(name, urls[i] if len(urls) == len(names) else None))
    return out


def infer_owner(table: Table) -> str | None:
    """The owner's name from a messages file: the sender of OUTGOING rows, or the one name present in
    every conversation."""
    for row in table.rows:
        if row.get("Direction").upper() == "OUTGOING" and row.get("From"):
            return row.get("From")
    groups: dict[str, set[str]] = {}
    shown: dict[str, str] = {}
    for row in table.rows:
        key = row.get("Conversation ID")
        if not key:
            return None
        for person in _row_people(row):
            if person.name:
                groups.setdefault(key, set()).add(norm_name(person.name))
                shown.setdefault(norm_name(person.name), person.name)
    if len(groups) < 2:
        return None
    common = set.intersection(*groups.values())
    return shown[common.pop()] if len(common) == 1 else None


def shows_owner(table: Table, owner: Owner) -> bool:
    """True when the owner's name appears as a sender or recipient in the messages file."""
    return any(p.name and owner.is_owner(p.name) for row in table.rows for p in _row_people(row))


def messages(table: Table, path: str, owner: Owner) -> Iterator[Thread]:
    """``messages.csv`` / ``Messages.csv`` → one THREAD per conversation.

    2020+ files group by ``CONVERSATION ID``; the 2018 file has none, so rows are grouped by the people
    other than the owner. Participants exclude the owner; messages are chronological.
    """
    conversations: dict[str, _Conversation] = {}
    for row in table.rows:
        people = _row_people(row)
        others = [p for p in people if p.name and not owner.is_owner(p.name)]
        for p in people:
            if p.name and owner.is_owner(p.name) and p.url and not owner.slug:
                owner.slug, owner.url = p.handle, p.url
        conv_id = row.get("Conversation ID")
        key = conv_id or "|".join(sorted({norm_name(p.name or "") for p in others}))
        conv = conversations.setdefault(key, _Conversation(key, conv_id))
        conv.title = conv.title or row.get("Conversation Title")
        for p in others:
            name = norm_name(p.name or "")
            if name not in conv.people or (p.url and not conv.people[name].url):
                conv.people[name] = p
        conv.rows.append((row, parse_when(row.get("Date"))))
    for conv in conversations.values():
        yield _thread(conv, path, owner)


def _thread(conv: _Conversation, path: str, owner: Owner) -> Thread:
    ordered = sorted(conv.rows, key=lambda rw: (rw[1] is None, rw[1] or datetime.min, rw[0].index))
    msgs = []
    for row, when in ordered:
        sender = row.get("From")
        direction = row.get("Direction").upper()
        from_owner = direction == "OUTGOING" if direction else owner.is_owner(sender)
        msgs.append(
            Message(
                sender=_person(sender, row.get("Sender Profile URL")),
                timestamp=when,
                text=row.get("Content", "Body"),
                from_owner=from_owner,
            )
        )
    first_row, first_time = ordered[0]
    subject = next((r.get("Subject") for r, _ in ordered if r.get("Subject")), "")
    folder = first_row.get("Folder").casefold()
    participants = tuple(sorted(conv.people.values(), key=lambda p: norm_name(p.name or "")))
    names = "|".join(norm_name(p.name or "") for p in participants)
    return Thread(
        platform=PLATFORM,
        id=stable_id(PLATFORM, "thread", names, _minute(first_time)),
        source=f"{path}#{first_row.index}",
        timestamp=first_time,
        url=f"{_THREAD_URL}{conv.conversation_id}/" if conv.conversation_id else None,
        title=conv.title or subject,
        participants=participants,
        messages=tuple(msgs),
        folder=_FOLDERS.get(folder, folder or "inbox"),
    )
