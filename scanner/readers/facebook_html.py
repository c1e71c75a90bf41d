"""Facebook HTML files → records, parsed by structure (record boxes, headings, tables, footers).

HTML text is real UTF-8 (no mojibake repair). Dates are display strings in the account's language and
time zone; :class:`HtmlContext` carries the zone (from ``timezone.json|html``, else UTC).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, tzinfo

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
    group_record,
    left_group,
    post_records,
    reaction_record,
)
from scanner.readers.meta import HtmlPage, HtmlRecord, parse_bool, parse_display_date
from scanner.records import AnyRecord, Profile, Relation, Search, Setting, WorkEntry


@dataclass
class HtmlContext:
    """What HTML parsing needs besides the page: the owner and the account's time zone."""

    owner: Owner
    tz: tzinfo | None = None

    def when(self, record: HtmlRecord) -> datetime | None:
        return parse_display_date(record.date, self.tz) if record.date else None


HtmlParser = Callable[[HtmlPage, str, HtmlContext], Iterator[AnyRecord]]

_PLACE_ROWS = ("Place", "Location", "Check-in", "Checked in at", "Luogo", "Plaats", "Locatie", "Ort", "Lieu",
               "Lugar", "Local", "Miejsce")
_TAG_ROWS = ("Tags", "Tagged", "Tagged people", "With", "Tag", "Getagd", "Markiert", "Identifications",
             "Etiquetas", "Persone taggate", "Oznaczenia")


def _split_names(text: str | None) -> list[str]:
    if not text:
        return []
    return [n.strip() for n in re.split(r",\s*|\s+and\s+|\n", text) if n.strip()]


def posts(page: HtmlPage, source: str, ctx: HtmlContext) -> Iterator[AnyRecord]:
    """Your posts page: title, text, optional place / tags rows, footer date."""
    for i, record in enumerate(page.records):
        place_name = record.row(*_PLACE_ROWS)
        facts = PostFacts(
            timestamp=ctx.when(record),
            title=record.title,
            text=record.text,
            place=PlaceFacts(place_name, record.row("Address", "Adres", "Adresse", "Indirizzo", "Dirección"))
            if place_name else None,
            tags=_split_names(record.row(*_TAG_ROWS)),
            has_attachment=bool(record.links),
        )
        yield from post_records(facts, ctx.owner, f"{source}#{i}")


def comments(page: HtmlPage, source: str, ctx: HtmlContext) -> Iterator[AnyRecord]:
    """Comments page: title (whose post), the comment text, footer date."""
    for i, record in enumerate(page.records):
        group = record.row("Group", "Groep", "Gruppe", "Gruppo", "Grupo", "Groupe")
        yield comment_record(ctx.when(record), record.text, record.title, ctx.owner, f"{source}#{i}", group)


def reactions(page: HtmlPage, source: str, ctx: HtmlContext) -> Iterator[AnyRecord]:
    """Likes and reactions page: the title names whose content it was."""
    for i, record in enumerate(page.records):
        word = record.row("Reaction", "Type") or _reaction_word(record.text) or "like"
        yield reaction_record(ctx.when(record), word, record.title, ctx.owner, f"{source}#{i}")


def _reaction_word(text: str) -> str | None:
    word = text.strip().split("\n")[0] if text else ""
    return word if word.isalpha() and word.upper() == word and len(word) <= 10 else None


def connections(relation: Relation) -> HtmlParser:
    """A parser for a friends-family page (one box per person: name heading, date footer)."""

    def parse(page: HtmlPage, source: str, ctx: HtmlContext) -> Iterator[AnyRecord]:
        for i, record in enumerate(page.records):
            name = record.title or record.text.split("\n")[0]
            if name:
                yield connection_record(relation, name, ctx.when(record), f"{source}#{i}")

    return parse


def groups(page: HtmlPage, source: str, ctx: HtmlContext) -> Iterator[AnyRecord]:
    """Group membership page: the group name is only in the title (``You became a member of X.``)."""
    for i, record in enumerate(page.records):
        if left_group(record.title):
            continue
        name = record.row("Name", "Group", "Groep", "Gruppe", "Gruppo", "Grupo") or group_from_title(record.title)
        if name:
            yield group_record(name, ctx.when(record), f"{source}#{i}")


def groups_admin(page: HtmlPage, source: str, ctx: HtmlContext) -> Iterator[AnyRecord]:
    """Groups you administer."""
    for i, record in enumerate(page.records):
        name = group_from_title(record.title) if "member" in record.title.lower() else record.title
        if name:
            yield group_record(name, ctx.when(record), f"{source}#{i}", role="admin")


def search(page: HtmlPage, source: str, ctx: HtmlContext) -> Iterator[AnyRecord]:
    """Search history page: the searched text is the body (or the quoted part of the title)."""
    for i, record in enumerate(page.records):
        quoted = re.search(r"[\"“](.+?)[\"”]", record.title)
        query = record.text.split("\n")[0] if record.text else (quoted.group(1) if quoted else "")
        query = query.strip('"“”')
        if query:
            when = ctx.when(record)
            yield Search(platform=PLATFORM, id=fb_id("search", when, query), source=f"{source}#{i}",
                         timestamp=when, query=query)


def two_factor(page: HtmlPage, source: str, ctx: HtmlContext) -> Iterator[AnyRecord]:
    """Two-factor page: the first on/off value found in its rows or text."""
    value: str | None = None
    enabled: bool | None = None
    for record in page.records:
        for candidate in [v for _, v in record.rows] + record.text.split("\n"):
            enabled = parse_bool(candidate)
            if enabled is not None:
                value = candidate
                break
        if enabled is not None:
            break
    yield Setting(platform=PLATFORM, id=fb_id("setting", "two_factor"), source=f"{source}#0",
                  name="two_factor", value=value, enabled=enabled)


def profile(page: HtmlPage, source: str, ctx: HtmlContext) -> Iterator[AnyRecord]:
    """Profile page (rows such as Name / Username / Email / Current city / Employer)."""
    rows = [row for record in page.records for row in record.rows]
    holder = HtmlRecord(rows=rows)
    name = holder.row("Name", "Full name", "Naam", "Nome", "Nombre", "Nom")
    ctx.owner.add(name)
    handle = holder.row("Username", "Gebruikersnaam", "Nome utente", "Nombre de usuario", "Benutzername")
    employers = [v for label, v in rows if label.strip().rstrip(":").casefold() in {"employer", "company", "werkgever"}]
    emails = tuple(v for label, v in rows if "mail" in label.casefold() and "@" in v)
    yield Profile(
        platform=PLATFORM,
        id=fb_id("profile", handle or name or ""),
        source=f"{source}#0",
        name=name,
        handle=handle,
        emails=emails,
        city=holder.row("Current city", "Huidige woonplaats", "Città attuale", "Ciudad actual", "Wohnort"),
        work=tuple(WorkEntry(employer=e) for e in employers),
    )


PARSERS: dict[str, HtmlParser] = {
    "profile": profile,
    "posts": posts,
    "group_posts": posts,
    "comments": comments,
    "group_comments": comments,
    "reactions": reactions,
    "groups": groups,
    "groups_admin": groups_admin,
    "search": search,
    "two_factor": two_factor,
}


# --------------------------------------------------------------------------- Messenger

_PARTICIPANTS = re.compile(
    r"^\s*(?:Participants|Partecipanti|Deelnemers|Teilnehmer(?:innen)?|Participantes|Uczestnicy)\s*:\s*(.+)$",
    re.IGNORECASE,
)


def thread_participants(page: HtmlPage) -> list[str]:
    """Participant names from the ``Participants: A, B and C`` line, else the message senders."""
    for line in page.header:
        match = _PARTICIPANTS.match(line)
        if match:
            return _split_names(match.group(1))
    return []


def thread_messages(page: HtmlPage, ctx: HtmlContext, start: int) -> list[MessageFacts]:
    """Messages of one thread page (one box per message: sender heading, text, date footer)."""
    out: list[MessageFacts] = []
    for i, record in enumerate(page.records):
        when = ctx.when(record)
        millis = int(when.timestamp() * 1000) if when else 0
        out.append(MessageFacts(sender=record.title, timestamp=when, text=record.text, millis=millis,
                                order=start + i))
    return out


def thread_title(page: HtmlPage) -> str:
    """The thread's title (page ``<title>``, else the first header line)."""
    return page.title or (page.header[0] if page.header else "")


def sender_names(page: HtmlPage) -> list[str]:
    """Distinct sender names in a thread page."""
    return list(dict.fromkeys(r.title for r in page.records if r.title))


