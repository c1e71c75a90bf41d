"""Instagram "Download your information" exports, JSON and HTML, every layout generation.

Generations (FORMATS-meta.md §5), told apart by paths alone:

* ``instagram-2025`` -- ``your_instagram_activity/media/…`` (``following.json`` has the username in ``title``);
* ``instagram-2023`` -- ``your_instagram_activity/…``, ``connections/followers_and_following/…``,
  ``personal_information/personal_information/…``;
* ``instagram-2022`` -- ``personal_information/personal_information.json``,
  ``followers_and_following/followers_1.json``;
* ``instagram-2021`` -- ``account_information/…``, ``followers_and_following/followers.json`` (keys possibly
  in the account's language);
* ``instagram-2020`` -- ``connections.json``, ``media.json``, ``profile.json`` at the root.

Files are read by what they are (:mod:`.files`), not by generation, so mixed and multi-part exports
work; records seen twice (same stable id) are yielded once. A file that cannot be read, or whose shape is not
the expected one, is skipped with a reason; inside a file, entries are read one by one through an
:class:`~scanner.readers.guard.EntryTally`, so one odd entry is left out (and counted) without losing the rest.
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

from scanner.archive import Archive, Member, MemberError
from scanner.readers.base import Detection, Distinct, ReadContext
from scanner.readers.guard import SHAPE_ERRORS, EntryTally, ShapeError, Wording, raise_bug, read_file
from scanner.readers.instagram import html_pages as html
from scanner.readers.instagram import legacy as legacy
from scanner.readers.instagram import records as build
from scanner.readers.instagram.common import unwrap_list
from scanner.readers.instagram.files import SIGNATURES, Route, is_foreign, is_html, route_of
from scanner.readers.instagram.messages import ThreadCollector, thread_key
from scanner.readers.instagram.records import SourceFile
from scanner.records import AnyRecord, Relation, Setting

PLATFORM = "instagram"

_GENERATIONS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        ("instagram-2025", r"(?:^|/)your_instagram_activity/media/"),
        (
            "instagram-2023",
            r"(?:^|/)(?:your_instagram_activity/|connections/followers_and_following/"
            r"|personal_information/personal_information/personal_information\.(?:json|html)$)",
        ),
        (
            "instagram-2022",
            r"(?:^|/)(?:personal_information/personal_information\.(?:json|html)$"
            r"|followers_and_following/followers_\d+\.(?:json|html)$)",
        ),
        (
            "instagram-2021",
            r"(?:^|/)(?:account_information/personal_information\.(?:json|html)$"
            r"|followers_and_following/followers\.(?:json|html)$)",
        ),
    )
)
# Route kinds that only Instagram exports have (messages and settings files exist on Facebook too).
_OWN_KINDS = frozenset({"posts", "comments", "likes", "relation", "contacts", "profile"})


def legacy_roots(archive: Archive) -> set[str]:
    """Folders holding the <= 2020 root files (``connections.json`` or ``media.json`` plus another one)."""
    by_dir: dict[str, set[str]] = {}
    for member in archive.members:
        name = member.name.lower()
        if name in legacy.LEGACY_FILES and not is_foreign(member.path):
            by_dir.setdefault(posixpath.dirname(member.path), set()).add(name)
    return {
        folder
        for folder, names in by_dir.items()
        if names & {"connections.json", "media.json"} and len(names) >= 2 and folder.count("/") <= 1
    }


def detect_instagram(archive: Archive) -> Detection | None:
    """Recognize an Instagram export by its paths; ``None`` when it is not one."""
    paths = [m.path for m in archive.members if not is_foreign(m.path)]
    routed = [(p, route_of(p)) for p in paths]
    formats = Counter("html" if is_html(p) else "json" for p, r in routed if r is not None)
    fmt = "html" if formats["html"] > formats["json"] else "json"
    for generation, pattern in _GENERATIONS:
        hit = next((p for p in paths if pattern.search(p.lower())), None)
        if hit is not None:
            return Detection(PLATFORM, generation, fmt, 1.0, evidence=hit)
    roots = legacy_roots(archive)
    if roots:
        evidence = f"{sorted(roots)[0] or '.'}/connections.json"
        return Detection(PLATFORM, "instagram-2020", "json", 0.8, evidence=evidence)
    own = next((p for p, r in routed if r is not None and not r.loose and r.kind in _OWN_KINDS), None)
    if own is not None:
        return Detection(PLATFORM, "instagram-2022", fmt, 0.6, evidence=own)
    signed = _signed_member(archive)
    if signed is not None:
        return Detection(PLATFORM, "instagram-2025", "json", 0.5, evidence=signed)
    return None


def _signed_member(archive: Archive, limit: int = 5) -> str | None:
    """A lifted ``reels.json`` / ``stories.json`` whose first bytes name Instagram's key (a few members at most)."""
    candidates = [m for m in archive.members if m.name.lower() in SIGNATURES and not is_foreign(m.path)]
    for member in candidates[:limit]:
        try:
            with archive.open(member) as handle:
                head = handle.read(256)
        except (MemberError, OSError):
            continue
        if SIGNATURES[member.name.lower()] in head:
            return member.path
    return None


class InstagramReader:
    """Reads Instagram exports (see the module docstring)."""

    platform = PLATFORM

    def detect(self, archive: Archive) -> Detection | None:
        """Generation and format from member paths."""
        return detect_instagram(archive)

    def read(self, archive: Archive, detection: Detection, ctx: ReadContext) -> Iterator[AnyRecord]:
        """Stream the export's records, each stable id once."""
        yield from _Reading(archive, ctx).run()


_WORDING = Wording(
    unreadable="{reason}; export the data again or unpack and re-zip it",
    shape="has a layout this version does not understand ({reason}); please report it",
)

ROUTES: dict[str, Callable[[list[Any], SourceFile, str], Iterator[AnyRecord]]] = {
    "posts": build.posts,
    "comments": lambda entries, file, _: build.comments(entries, file),
    "likes": build.likes,
    "relation": lambda entries, file, detail: build.relations(entries, file, Relation(detail)),
    "privacy": lambda entries, file, _: build.privacy_changes(entries, file),
    "profile_changes": lambda entries, file, _: build.profile_changes(entries, file),
    "comment_permission": lambda entries, file, _: build.comment_permissions(entries, file),
    "two_factor": lambda entries, file, _: build.two_factor(entries, file),
    "logins": lambda entries, file, _: build.logins(entries, file),
    "searches": lambda entries, file, detail: build.searches(entries, file, detail == "profile"),
}
"""Route kind (:mod:`.files`) -> the function that builds its records from the file's entries and the route's
detail (the reader's route table); the kinds that feed the reading pass's own state are its methods."""

_LEGACY_HANDLERS: dict[str, Callable[[Any, SourceFile], Iterator[AnyRecord]]] = {
    "connections.json": legacy.connections,
    "media.json": legacy.media,
    "comments.json": legacy.comments,
    "likes.json": legacy.likes,
    "searches.json": legacy.searches,
    "settings.json": legacy.settings,
    "account_history.json": legacy.account_history,
}


class _Reading:
    """One pass over an archive."""

    def __init__(self, archive: Archive, ctx: ReadContext) -> None:
        self.archive = archive
        self.ctx = ctx
        self.distinct = Distinct(ctx)
        self.threads = ThreadCollector()
        self.contact_ids: set[str] = set()
        self.contact_source = ""
        self.syncing: Setting | None = None
        self.profile_names: list[str | None] = []

    def run(self) -> Iterator[AnyRecord]:
        routed: list[tuple[Member, Route]] = []
        for member in self.archive.members:
            route = route_of(member.path)
            if route is not None:
                routed.append((member, route))
        roots = legacy_roots(self.archive)
        old = [
            m
            for m in self.archive.members
            if posixpath.dirname(m.path) in roots and m.name.lower() in legacy.LEGACY_FILES
        ]
        routed.sort(key=lambda mr: mr[1].kind != "profile")
        old.sort(key=lambda m: m.name.lower() != "profile.json")
        self.ctx.note("Instagram exports do not record who could see each post; only whether the account was private.")
        if any(is_html(m.path) for m, _ in routed):
            self.ctx.note(
                "Instagram HTML exports show times in the account's time zone; they were read as UTC "
                "and may be off by that zone's offset."
            )
        for member in old:
            yield from self._unique(self._guard(member, partial(self._legacy, member)))
        for member, route in routed:
            yield from self._unique(self._guard(member, partial(self._file, member, route)))
        yield from self._unique(self._finish())

    def _unique(self, records: Iterator[AnyRecord]) -> Iterator[AnyRecord]:
        for found in records:
            record = self.distinct(found)
            if record is not None:
                yield record

    def _guard(self, member: Member, work: Callable[[SourceFile], Iterator[AnyRecord]]) -> Iterator[AnyRecord]:
        """Run one file's reading; an unreadable or oddly shaped file is skipped with a reason (and none of its
        records kept), entries that fail on their own are left out and counted (one note per file)."""

        def run(tally: EntryTally) -> Iterator[AnyRecord]:
            html_file = is_html(member.path)
            return work(SourceFile.html(member.path, tally) if html_file else SourceFile.json(member.path, tally))

        return read_file(self.ctx, member, run, _WORDING, whole=True)

    # ------------------------------------------------------------------------------------------ files
    def _load(self, member: Member, route: Route, file: SourceFile) -> list[Any]:
        if is_html(member.path):
            text = self.archive.read_text(member)
            file.tally.lost(html.parse_page(text).missing)
            if route.kind == "profile":
                return html.profile_entries(text)
            if route.kind == "posts":
                return html.media_entries(text)
            return html.page_entries(text)
        entries = unwrap_list(self.archive.read_json(member), route.keys)
        if entries is None or (entries and not any(isinstance(e, dict) and e for e in entries)):
            raise ShapeError(f"expected a list of {route.kind} records")
        return entries

    def _file(self, member: Member, route: Route, file: SourceFile) -> Iterator[AnyRecord]:
        if route.kind == "messages":
            self._messages(member, file)
            return
        if route.kind == "ignore":
            return
        entries = self._load(member, route, file)
        own = {"profile": self._profile, "contacts": self._contacts}.get(route.kind)
        if own is not None:
            yield from own(entries, file)
        elif route.kind == "insights":
            self.syncing = self.syncing or build.contact_syncing(entries, file)
        elif route.kind in ROUTES:
            yield from ROUTES[route.kind](entries, file, route.detail)

    def _legacy(self, member: Member, file: SourceFile) -> Iterator[AnyRecord]:
        name = member.name.lower()
        data = self.archive.read_json(member)
        if name == "profile.json":
            yield from self._profile(legacy.profile_entries(data), file)
        elif name == "messages.json":
            if not isinstance(data, list):
                raise ShapeError("expected a list of conversations")
            self.threads.add_legacy(file, data)
        elif name == "contacts.json":
            yield from self._contacts(legacy.contacts(data), file)
        else:
            yield from _LEGACY_HANDLERS[name](data, file)

    def _profile(self, entries: list[Any], file: SourceFile) -> Iterator[AnyRecord]:
        profile, setting = build.profile(entries, file)
        if profile is None:
            return
        self.ctx.account.name = self.ctx.account.name or profile.name
        self.ctx.account.handle = self.ctx.account.handle or profile.handle
        self.profile_names.extend((profile.name, profile.handle))
        yield profile
        if setting is not None:
            yield setting

    def _contacts(self, entries: list[Any], file: SourceFile) -> Iterator[AnyRecord]:
        for record in build.contacts(entries, file):
            self.contact_ids.add(record.id)
            self.contact_source = self.contact_source or file.path
            yield record

    def _messages(self, member: Member, file: SourceFile) -> None:
        found = thread_key(member.path)
        if found is None:
            raise ShapeError("message file outside a thread folder")
        if is_html(member.path):
            text = self.archive.read_text(member)
            file.tally.lost(html.parse_page(text).missing)
            data: Any = html.thread_from_html(text)
        else:
            data = self.archive.read_json(member)
        if not isinstance(data, dict):
            raise ShapeError("expected a message thread object")
        self.threads.add(found[0], found[1], file, data)

    def _finish(self) -> Iterator[AnyRecord]:
        if self.contact_ids:
            yield build.synced_contacts_setting(len(self.contact_ids), self.contact_source)
        elif self.syncing is not None:
            yield self.syncing
        if not self.profile_names:
            self.ctx.note(
                "This Instagram export has no personal information file (it may be one part of a multi-part "
                "export): the profile and the private-account setting are unknown."
            )
        try:
            owner = self.threads.owner(self.profile_names)
            threads = list(self.threads.threads(owner))
        except SHAPE_ERRORS as exc:
            raise_bug(exc)
            self.ctx.count("unreadable_entries")
            self.ctx.note(
                "Message threads could not be assembled: the message files have an unexpected "
                f"structure ({type(exc).__name__}); the other files were read."
            )
            return
        yield from threads
