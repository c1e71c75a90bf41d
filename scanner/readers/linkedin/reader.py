"""LinkedIn export reader ("Get a copy of your data": a zip of CSV files, or its folder).

Two layouts are recognised: ``linkedin-2020`` (2020 onwards: ``Connections.csv`` opens with a ``Notes:``
preamble and has a ``URL`` column, ``messages.csv`` has conversation ids) and ``linkedin-2018`` (no
preamble, no URLs, ``Messages.csv`` with a ``Direction`` column, some files UTF-16 and TAB-separated).
Files are found by name whatever their case, spacing, underscores or numeric suffix; columns by name
whatever their case or spacing. A file that lacks a column it needs is skipped with a reason naming it.
"""

from __future__ import annotations

import codecs
import csv
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial

from scanner.archive import Archive, Member, MemberError, decode_text
from scanner.readers.base import Detection, ReadContext
from scanner.readers.csvsniff import Table, file_key, read_table
from scanner.readers.guard import SHAPE_ERRORS, EntryTally, raise_bug, read_file, skip_file
from scanner.readers.linkedin import files as files
from scanner.records import AnyRecord, Profile, WorkEntry, stable_id

PLATFORM = files.PLATFORM

# File keys (see csvsniff.file_key) that only LinkedIn exports have, and generic ones that count as
# further evidence once a distinctive one is present.
_DISTINCTIVE = {
    "connections", "profile", "positions", "shares", "invitations", "memberfollows", "companyfollows",
    "emailaddresses", "phonenumbers", "accountstatushistory", "endorsementreceivedinfo",
    "endorsementgiveninfo", "recommendationsreceived", "recommendationsgiven", "richmedia",
    "inferencesaboutyou", "importedcontacts", "whatsappphonenumbers", "registration", "securitychallenges",
    "adtargeting", "savedjobalerts", "jobseekerpreferences",
}  # fmt: skip
_GENERIC = {
    "messages", "comments", "reactions", "education", "skills", "logins", "searchqueries", "languages",
    "certifications", "courses", "projects", "honors", "publications", "volunteering", "learning",
    "receipts", "events", "votes", "causesyoucareabout", "coachmessages", "contacts",
}  # fmt: skip
_NEWER_NAMES = {"messages.csv", "phonenumbers.csv", "importedcontacts.csv", "endorsement_received_info.csv"}
_OLDER_NAMES = {"Messages.csv", "Phone Numbers.csv", "Imported Contacts.csv"}

PROFILE = files.Spec(
    known=("First Name", "Last Name", "Headline", "Summary", "Geo Location", "Websites"),
    required=(("First Name", "Last Name"),),
)
POSITIONS = files.Spec(known=("Company Name", "Title", "Started On"), required=(("Company Name", "Company"),))
EDUCATION = files.Spec(known=("School Name", "Degree Name", "Start Date"), required=(("School Name", "School"),))
EMAILS = files.Spec(known=("Email Address", "Confirmed", "Primary"), required=(("Email Address", "Email"),))
PHONES = files.Spec(known=("Extension", "Number", "Type"), required=(("Number", "Phone Number"),))

_NO_TARGET = "LinkedIn does not record whose post a comment or reaction was on, only the post's link."
_URL = re.compile(r"https?://[^\s,\]\[\"']+")


def _index(archive: Archive) -> dict[str, list[Member]]:
    out: dict[str, list[Member]] = {}
    for member in archive.members:
        if member.name.lower().endswith(".csv"):
            out.setdefault(file_key(member.name), []).append(member)
    return out


def _head(archive: Archive, member: Member, size: int = 4096) -> bytes | None:
    try:
        with archive.open(member) as fh:
            return fh.read(size)
    except MemberError:
        return None


@dataclass
class _ProfileParts:
    """What the profile files say, gathered before the one Profile record is built."""

    seen: bool = False
    name: str | None = None
    bio_parts: list[str] = field(default_factory=list)
    websites: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    city: str | None = None
    work: list[WorkEntry] = field(default_factory=list)
    education: list[str] = field(default_factory=list)
    source: str = ""


class LinkedInReader:
    """Reads LinkedIn data exports (2018 and 2020+ layouts)."""

    platform = PLATFORM

    def detect(self, archive: Archive) -> Detection | None:
        """LinkedIn when at least two of its CSV file names (one distinctive) are present, or one when the
        input's name says ``LinkedInDataExport``."""
        index = _index(archive)
        distinctive = _DISTINCTIVE & index.keys()
        hits = (_DISTINCTIVE | _GENERIC) & index.keys()
        named = any("linkedin" in p.name.lower() for p in archive.paths)
        if not ((distinctive and len(hits) >= 2) or (named and hits)):
            return None
        generation = self._generation(archive, index)
        score = min(1.0, 0.5 + 0.1 * len(hits) + (0.2 if named else 0.0))
        return Detection(PLATFORM, generation, "csv", score, evidence=", ".join(sorted(hits)[:6]))

    def _generation(self, archive: Archive, index: dict[str, list[Member]]) -> str:
        for member in index.get("connections", []):
            head = _head(archive, member)
            if head is None:
                continue
            text = decode_text(head).lstrip("\ufeff").lstrip()
            if text[:6].lower().startswith("notes"):
                return "linkedin-2020"
            first_line = text.split("\n", 1)[0]
            header = {c.strip().strip('"').lower() for c in re.split(r"[,\t]", first_line)}
            return "linkedin-2020" if "url" in header else "linkedin-2018"
        names = {m.name for members in index.values() for m in members}
        if names & _NEWER_NAMES:
            return "linkedin-2020"
        if names & _OLDER_NAMES:
            return "linkedin-2018"
        for member in index.get("shares", []):
            head = _head(archive, member, 4)
            if head and head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                return "linkedin-2018"
        return "linkedin-2020"

    # ------------------------------------------------------------------------------------------ reading
    def read(self, archive: Archive, detection: Detection, ctx: ReadContext) -> Iterator[AnyRecord]:
        """Yield the records of every LinkedIn file this reader knows; skip unreadable files with a reason."""
        index = _index(archive)
        owner = files.Owner()
        parts = _ProfileParts()

        def tables(keys: Iterable[str], spec: files.Spec) -> Iterator[tuple[Member, Table]]:
            for key in keys:
                for member in index.get(key, []):
                    table = _load(archive, member, spec, ctx)
                    if table is not None:
                        yield member, table

        for member, table in tables(["profile"], PROFILE):
            _profile_csv(table, member, parts, owner)
        for member, table in tables(["emailaddresses"], EMAILS):
            parts.seen = True
            parts.source = parts.source or f"{member.path}#0"
            parts.emails += [e for e in (r.get("Email Address", "Email") for r in table.rows) if e]
        for member, table in tables(["phonenumbers"], PHONES):
            parts.seen = True
            parts.source = parts.source or f"{member.path}#0"
            parts.phones += [_phone(r.get("Number", "Phone Number"), r.get("Extension")) for r in table.rows]
            parts.phones = [p for p in parts.phones if p]
        for member, table in tables(["positions"], POSITIONS):
            parts.seen = True
            parts.source = parts.source or f"{member.path}#0"
            parts.work += _positions(table)
        for member, table in tables(["education"], EDUCATION):
            parts.seen = True
            parts.source = parts.source or f"{member.path}#0"
            parts.education += _education(table)
        if owner.name:
            ctx.account.name = owner.name

        state = _State(owner, ctx)
        for keys, spec, read in ROUTES:
            for member, table in tables(keys, spec):
                yield from read_file(ctx, member, partial(_route, read, table, member.path, state))

        if owner.slug:
            ctx.account.handle = owner.slug
        if parts.seen:
            try:
                profile = _build_profile(parts, owner)
            except SHAPE_ERRORS as exc:
                raise_bug(exc)
                ctx.count("unreadable_entries")
            else:
                yield profile
        ctx.note(
            "LinkedIn exports do not include profile visibility or who can see your connections; "
            "only each post's Visibility is recorded."
        )


@dataclass
class _State:
    """What the record files are read with."""

    owner: files.Owner
    ctx: ReadContext


def _messages(table: Table, path: str, state: _State) -> Iterator[AnyRecord]:
    owner, ctx = state.owner, state.ctx
    if not owner.name or not files.shows_owner(table, owner):
        # no Profile.csv, or the profile name differs from the one messages show (e.g. credentials)
        owner.name = files.infer_owner(table) or owner.name
        ctx.account.name = ctx.account.name or owner.name
    return files.messages(table, path, owner)


def _no_target(read: Callable[[Table, str], Iterator[AnyRecord]]) -> _Read:
    """``read``, after the note that LinkedIn does not say whose post a comment or reaction was on."""

    def with_note(table: Table, path: str, state: _State) -> Iterator[AnyRecord]:
        state.ctx.note(_NO_TARGET)
        return read(table, path)

    return with_note


def _route(read: _Read, table: Table, path: str, state: _State, _tally: EntryTally) -> Iterator[AnyRecord]:
    return read(table, path, state)


_Read = Callable[[Table, str, _State], Iterator[AnyRecord]]
ROUTES: tuple[tuple[tuple[str, ...], files.Spec, _Read], ...] = (
    (("connections",), files.CONNECTIONS, lambda table, path, _: files.connections(table, path)),
    (("invitations",), files.INVITATIONS, lambda table, path, s: files.invitations(table, path, s.owner, s.ctx)),
    (("contacts", "importedcontacts"), files.CONTACTS, lambda table, path, _: files.contacts(table, path)),
    (("memberfollows",), files.MEMBER_FOLLOWS, lambda table, path, s: files.follows(table, path, s.ctx)),
    (("companyfollows",), files.COMPANY_FOLLOWS, lambda table, path, s: files.follows(table, path, s.ctx)),
    (("messages",), files.MESSAGES, _messages),
    (("shares",), files.SHARES, lambda table, path, s: files.shares(table, path, s.ctx)),
    (("comments",), files.COMMENTS, _no_target(files.comments)),
    (("reactions",), files.REACTIONS, _no_target(files.reactions)),
)
"""The reader's route table, in reading order: file keys (:func:`~scanner.readers.csvsniff.file_key`), the
columns they need, and the function that reads their records (the profile files are read first, above)."""


def _load(archive: Archive, member: Member, spec: files.Spec, ctx: ReadContext) -> Table | None:
    """Read and parse one CSV member; skip it (with the reason) when unreadable or missing a needed column."""
    try:
        table = read_table(archive.read_text(member), spec.known)
    except MemberError as exc:
        ctx.skip(member, f"{exc.reason}; download the export again")
        return None
    except csv.Error as exc:
        ctx.skip(member, f"is not a readable CSV file ({exc}); download the export again")
        return None
    except Exception as exc:
        skip_file(ctx, member, exc)
        return None
    ctx.understood(member)
    if table.swallowed or table.cut_short:
        tally = EntryTally(ctx, member)
        tally.lost(table.swallowed, "a stray quote character joined them to another row")
        tally.lost(int(table.cut_short), "the file ends in the middle of it")
        tally.close()
    missing = table.missing(*spec.required)
    if missing:
        names = " / ".join(f"'{m}'" for m in missing)
        ctx.skip(member, f"has no {names} column (the file layout changed); its rows were not read")
        return None
    for group, consequence in spec.optional:
        if table.rows and not table.has(*group):
            ctx.note(f"LinkedIn {member.name} {consequence}.")
    return table


def _profile_csv(table: Table, member: Member, parts: _ProfileParts, owner: files.Owner) -> None:
    if not table.rows:
        return
    row = table.rows[0]
    parts.seen = True
    parts.source = f"{member.path}#0"
    # the owner's own name keeps its credentials: profile-exposure reports them
    name = " ".join(f"{row.get('First Name')} {row.get('Last Name')}".split())
    parts.name = name or None
    owner.name = owner.name or parts.name
    url = row.get("Public Profile Url", "Profile URL", "URL")
    if url and not owner.slug:
        owner.slug, owner.url = files.profile_slug(url), url
    parts.bio_parts = [v for v in (row.get("Headline"), row.get("Summary")) if v]
    parts.city = row.get("Geo Location", "Location") or None
    parts.websites += _website_list(row.get("Websites"))
    for handle in re.findall(r"[A-Za-z0-9_]{1,15}", row.get("Twitter Handles")):
        parts.websites.append(f"https://x.com/{handle}")


def _website_list(value: str) -> list[str]:
    """LinkedIn writes websites as ``[PERSONAL:https://a.example,COMPANY:https://b.example]`` or plain."""
    found = _URL.findall(value)
    if found:
        return found
    cleaned = value.strip().strip("[]")
    return [re.sub(r"^[A-Z_]+:", "", v).strip() for v in cleaned.split(",") if v.strip()]


def _phone(number: str, extension: str) -> str:
    return f"{number} ext. {extension}" if number and extension else number


def _positions(table: Table) -> list[WorkEntry]:
    out = []
    for row in table.rows:
        employer = row.get("Company Name", "Company")
        if employer:
            out.append(
                WorkEntry(
                    employer=employer,
                    title=row.get("Title") or None,
                    location=row.get("Location") or None,
                    current=not row.get("Finished On", "End Date"),
                )
            )
    return out


def _education(table: Table) -> list[str]:
    out = []
    for row in table.rows:
        school, degree = row.get("School Name", "School"), row.get("Degree Name", "Degree")
        if school:
            out.append(f"{school} — {degree}" if degree else school)
    return out


def _build_profile(parts: _ProfileParts, owner: files.Owner) -> Profile:
    name = parts.name or owner.name
    return Profile(
        platform=PLATFORM,
        id=stable_id(PLATFORM, "profile", files.norm_name(name or "")),
        source=parts.source or "Profile.csv#0",
        url=f"https://www.linkedin.com/in/{owner.slug}" if owner.slug else None,
        name=name,
        handle=owner.slug,
        bio="\n\n".join(parts.bio_parts) or None,
        websites=tuple(dict.fromkeys(parts.websites)),
        emails=tuple(dict.fromkeys(parts.emails)),
        phones=tuple(dict.fromkeys(parts.phones)),
        city=parts.city,
        work=tuple(parts.work),
        education=tuple(parts.education),
    )
