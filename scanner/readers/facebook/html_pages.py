"""Facebook HTML files → records, parsed by structure (record boxes, headings, tables, footers).

HTML text is real UTF-8 (no mojibake repair). Dates are display strings in the account's language and
time zone; :class:`HtmlContext` carries the zone (from ``timezone.json|html``, else UTC). Record boxes are
read one by one through the file's :class:`~scanner.readers.guard.EntryTally`: a box that fails is left out
and counted, the rest of the page is read.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, tzinfo

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
    group_record,
    left_group,
    post_records,
    reaction_record,
)
from scanner.readers.guard import EntryTally
from scanner.readers.meta import HtmlPage, HtmlRecord, parse_bool, parse_display_date
from scanner.records import AnyRecord, Profile, Relation, Search, Setting, WorkEntry


@dataclass
class HtmlContext:
    """What HTML parsing needs besides the page: the owner and the account's time zone."""

    owner: Owner
    tz: tzinfo | None = None

    def when(self, record: HtmlRecord) -> datetime | None:
        return parse_display_date(record.date, self.tz) if record.date else None


HtmlParser = Callable[[HtmlPage, str, HtmlContext, EntryTally], Iterator[AnyRecord]]
BoxParser = Callable[[HtmlRecord, str], Iterable[AnyRecord]]

_PLACE_ROWS = (
    "Place",
    "Location",
    "Check-in",
    "Checked in at",
    "Luogo",
    "Plaats",
    "Locatie",
    "Ort",
    "Lieu",
    "Lugar",
    "Local",
    "Miejsce",
)
_TAG_ROWS = (
    "Tags",
    "Tagged",
    "Tagged people",
    "With",
    "Tag",
    "Getagd",
    "Markiert",
    "Identifications",
    "Etiquetas",
    "Persone taggate",
    "Oznaczenia",
)


def _split_names(text: str | None) -> list[str]:
    if not text:
        return []
    return [n.strip() for n in re.split(r",\s*|\s+and\s+|\n", text) if n.strip()]


def _each(page: HtmlPage, source: str, tally: EntryTally, parse: BoxParser) -> Iterator[AnyRecord]:
    """``parse(box, "source#index")``'s records for every record box; a box that raises is counted and left out."""
    return tally.each(page.records, lambda i, record: parse(record, f"{source}#{i}"))


def posts(page: HtmlPage, source: str, ctx: HtmlContext, tally: EntryTally) -> Iterator[AnyRecord]:
    """Your posts page: title, text, optional place / tags rows, footer date."""
    yield from _each(page, source, tally, lambda record, src: _post(record, src, ctx))


def _post(record: HtmlRecord, source: str, ctx: HtmlContext) -> Iterator[AnyRecord]:
    return post_records(post_facts(record, ctx), ctx.owner, source)


def post_facts(record: HtmlRecord, ctx: HtmlContext) -> PostFacts:
    """One post-like box → :class:`PostFacts` (title, text, place and tags rows, footer date, links)."""
    place_name = record.row(*_PLACE_ROWS)
    return PostFacts(
        timestamp=ctx.when(record),
        title=record.title,
        text=record.text,
        place=PlaceFacts(place_name, record.row("Address", "Adres", "Adresse", "Indirizzo", "Dirección"))
        if place_name
        else None,
        tags=_split_names(record.row(*_TAG_ROWS)),
        has_attachment=bool(record.links),
    )


def comments(page: HtmlPage, source: str, ctx: HtmlContext, tally: EntryTally) -> Iterator[AnyRecord]:
    """Comments page: title (whose post), the comment text, footer date."""
    yield from _each(page, source, tally, lambda record, src: (_comment(record, src, ctx),))


def _comment(record: HtmlRecord, source: str, ctx: HtmlContext) -> AnyRecord:
    group = record.row("Group", "Groep", "Gruppe", "Gruppo", "Grupo", "Groupe")
    return comment_record(ctx.when(record), record.text, record.title, ctx.owner, source, group)


def reactions(page: HtmlPage, source: str, ctx: HtmlContext, tally: EntryTally) -> Iterator[AnyRecord]:
    """Likes and reactions page: the title names whose content it was. Boxes without a date (story
    reactions) that read the same are counted apart, so each reaction stays a record of its own."""
    repeats: Counter[tuple[str, str]] = Counter()
    yield from _each(page, source, tally, lambda record, src: (_reaction(record, src, ctx, repeats),))


def _reaction(record: HtmlRecord, source: str, ctx: HtmlContext, repeats: Counter[tuple[str, str]]) -> AnyRecord:
    word = record.row("Reaction", "Type") or _reaction_word(record.text) or "like"
    when = ctx.when(record)
    occurrence = 0
    if when is None:
        key = (word.casefold(), " ".join(record.title.split()).casefold())
        occurrence = repeats[key]
        repeats[key] += 1
    return reaction_record(when, word, record.title, ctx.owner, source, occurrence=occurrence)


def _reaction_word(text: str) -> str | None:
    word = text.strip().split("\n")[0] if text else ""
    return word if word.isalpha() and word.upper() == word and len(word) <= 10 else None


def connections(relation: Relation) -> HtmlParser:
    """A parser for a friends-family page (one box per person: name heading, date footer)."""

    def entry_records(record: HtmlRecord, source: str, ctx: HtmlContext) -> Iterable[AnyRecord]:
        name = record.title or record.text.split("\n")[0]
        return (connection_record(relation, name, ctx.when(record), source),) if name else ()

    def parse(page: HtmlPage, source: str, ctx: HtmlContext, tally: EntryTally) -> Iterator[AnyRecord]:
        yield from _each(page, source, tally, lambda record, src: entry_records(record, src, ctx))

    return parse


def groups(page: HtmlPage, source: str, ctx: HtmlContext, tally: EntryTally) -> Iterator[AnyRecord]:
    """Group membership page: the group name is only in the title (``You became a member of X.``)."""
    yield from _each(page, source, tally, lambda record, src: _group(record, src, ctx))


def _group(record: HtmlRecord, source: str, ctx: HtmlContext) -> Iterable[AnyRecord]:
    if left_group(record.title):
        return ()
    name = record.row("Name", "Group", "Groep", "Gruppe", "Gruppo", "Grupo") or group_from_title(record.title)
    return (group_record(name, ctx.when(record), source),) if name else ()


def groups_admin(page: HtmlPage, source: str, ctx: HtmlContext, tally: EntryTally) -> Iterator[AnyRecord]:
    """Groups you administer."""
    yield from _each(page, source, tally, lambda record, src: _admined_group(record, src, ctx))


def _admined_group(record: HtmlRecord, source: str, ctx: HtmlContext) -> Iterable[AnyRecord]:
    name = group_from_title(record.title) if "member" in record.title.lower() else record.title
    return (group_record(name, ctx.when(record), source, role="admin"),) if name else ()


def search(page: HtmlPage, source: str, ctx: HtmlContext, tally: EntryTally) -> Iterator[AnyRecord]:
    """Search history page: the searched text is the body (or the quoted part of the title)."""
    yield from _each(page, source, tally, lambda record, src: _search(record, src, ctx))


def _search(record: HtmlRecord, source: str, ctx: HtmlContext) -> Iterable[AnyRecord]:
    quoted = re.search(r"[\"“](.+?)[\"”]", record.title)
    query = record.text.split("\n")[0] if record.text else (quoted.group(1) if quoted else "")
    query = query.strip('"“”')
    if not query:
        return ()
    when = ctx.when(record)
    return (Search(platform=PLATFORM, id=fb_id("search", when, query), source=source, timestamp=when, query=query),)


def two_factor(page: HtmlPage, source: str, ctx: HtmlContext, tally: EntryTally) -> Iterator[AnyRecord]:
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
    yield Setting(
        platform=PLATFORM,
        id=fb_id("setting", "two_factor"),
        source=f"{source}#0",
        name="two_factor",
        value=value,
        enabled=enabled,
    )


# Profile labels in the languages Meta exports in (en, es, fr, de, pt, it, nl): a full name first, else a first
# and a last name, else a plain "Name" row (which some languages use for the first name alone).
_FULL_NAME = ("Full name", "Nombre completo", "Nom complet", "Vollständiger Name", "Nome completo", "Volledige naam")
_FIRST_NAME = ("First name", "Nombre de pila", "Prénom", "Vorname", "Primeiro nome", "Voornaam")
_LAST_NAME = (
    "Last name",
    "Surname",
    "Apellido",
    "Apellidos",
    "Nom de famille",
    "Nachname",
    "Sobrenome",
    "Apelido",
    "Cognome",
    "Achternaam",
)
_NAME = ("Name", "Nombre", "Nom", "Nome", "Naam")
_USERNAME = (
    "Username",
    "Nombre de usuario",
    "Nom d'utilisateur",
    "Benutzername",
    "Nome de usuário",
    "Nome utente",
    "Gebruikersnaam",
)
_CITY = (
    "Current city",
    "Ciudad actual",
    "Ville actuelle",
    "Aktueller Wohnort",
    "Wohnort",
    "Cidade atual",
    "Città attuale",
    "Huidige woonplaats",
)
_EMPLOYER = {
    "employer",
    "company",
    "empresa",
    "empleador",
    "employeur",
    "entreprise",
    "arbeitgeber",
    "unternehmen",
    "empregador",
    "datore di lavoro",
    "azienda",
    "werkgever",
    "bedrijf",
}


def profile(page: HtmlPage, source: str, ctx: HtmlContext, tally: EntryTally) -> Iterator[AnyRecord]:
    """Profile page (rows such as Name / Username / Email / Current city / Employer, in any export language)."""
    rows = _paired([row for record in page.records for row in record.rows] + page.rows)
    holder = HtmlRecord(rows=rows)
    name = holder.row(*_FULL_NAME) or _first_last(holder) or holder.row(*_NAME)
    ctx.owner.add(name)
    handle = holder.row(*_USERNAME)
    employers = [v for label, v in rows if label.strip().rstrip(":").casefold() in _EMPLOYER]
    emails = tuple(v for label, v in rows if "mail" in label.casefold() and "@" in v)
    yield Profile(
        platform=PLATFORM,
        id=fb_id("profile", handle or name or ""),
        source=f"{source}#0",
        name=name,
        handle=handle,
        emails=emails,
        city=holder.row(*_CITY),
        work=tuple(WorkEntry(employer=e) for e in employers),
    )


def _first_last(holder: HtmlRecord) -> str | None:
    """A first and a last name given apart: ``Prénom`` + ``Nom``, ``Nombre`` + ``Apellidos``, …"""
    first, last, plain = holder.row(*_FIRST_NAME), holder.row(*_LAST_NAME), holder.row(*_NAME)
    if first and last:
        return f"{first} {last}"
    if first and plain and first.casefold() not in plain.casefold():
        return f"{first} {plain}"
    if plain and last and last.casefold() not in plain.casefold():
        return f"{plain} {last}"
    return None


def _paired(rows: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Rows with a one-cell label row joined to the one-cell row under it (``<th>Nombre</th>`` then the value)."""
    out: list[tuple[str, str]] = []
    labels = {label.casefold() for label in (*_FULL_NAME, *_FIRST_NAME, *_LAST_NAME, *_NAME, *_USERNAME, *_CITY)}
    index = 0
    while index < len(rows):
        label, value = rows[index]
        if (
            not value
            and label.strip().rstrip(":").casefold() in labels
            and index + 1 < len(rows)
            and not rows[index + 1][1]
        ):
            out.append((label, rows[index + 1][0]))
            index += 2
            continue
        out.append((label, value))
        index += 1
    return out


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
            return [n.strip() for n in _LIST_SEPARATORS.split(match.group(1)) if n.strip()]
    return []


# ", " and the word for "and" in the export languages (en, es, fr, de, pt / it, nl) between participant names.
_LIST_SEPARATORS = re.compile(r",\s*|\s+(?:and|y|et|und|e|en)\s+")


def thread_messages(page: HtmlPage, ctx: HtmlContext, start: int, tally: EntryTally) -> list[MessageFacts]:
    """Messages of one thread page (one box per message: sender heading, text, date footer)."""
    return list(tally.each(page.records, lambda i, record: (_message(record, ctx, start + i),)))


def _message(record: HtmlRecord, ctx: HtmlContext, order: int) -> MessageFacts:
    when = ctx.when(record)
    millis = int(when.timestamp() * 1000) if when else 0
    return MessageFacts(sender=record.title, timestamp=when, text=record.text, millis=millis, order=order)


def thread_title(page: HtmlPage) -> str:
    """The thread's title (page ``<title>``, else the first header line)."""
    return page.title or (page.header[0] if page.header else "")


def sender_names(page: HtmlPage) -> list[str]:
    """Distinct sender names in a thread page."""
    return list(dict.fromkeys(r.title for r in page.records if r.title))
