"""Facebook "Download your information" reader: every layout generation, JSON and HTML, multi-part.

``detect`` looks at member paths only (:mod:`scanner.readers.facebook.layout`). ``read`` routes each file
to a JSON (:mod:`~scanner.readers.facebook.json_files`) or HTML (:mod:`~scanner.readers.facebook.html_pages`) parser;
both reduce entries to the same facts and build records in :mod:`~scanner.readers.facebook.records`, so
ids agree across formats, generations and the parts of a multi-part export. Records are de-duplicated by
id (the same file in two parts yields once); Messenger threads are merged across ``message_N`` files and
parts, made chronological, and the owner is left out of the participants.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterator

from scanner.archive import Archive, MemberError
from scanner.readers.base import Detection, Distinct, ReadContext
from scanner.readers.facebook import html_pages as fb_html
from scanner.readers.facebook import json_files as fb_json
from scanner.readers.facebook import legacy as fb_legacy
from scanner.readers.facebook import media as fb_media
from scanner.readers.facebook import security as fb_security
from scanner.readers.facebook.layout import RELATIONS, Routed, detect_layout, route
from scanner.readers.facebook.records import MessageFacts, Owner, thread_folder, thread_record
from scanner.readers.guard import (
    SHAPE_ERRORS,
    EntryTally,
    Wording,
    empty_entries,
    raise_bug,
    read_file,
    skip_file,
)
from scanner.readers.meta import HtmlPage, fix_mojibake, parse_html_page, part_number, zone_from_text
from scanner.records import AnyRecord

NOTE_AUDIENCE = (
    "Facebook exports do not record who could see each post, comment or photo, so every post's audience "
    "is reported as unknown; check each post's audience on Facebook itself."
)
NOTE_NAMES = (
    "Facebook exports show other people by display name only (no usernames or account ids), so friends, "
    "requests, message partners and tagged people are matched to clients by name."
)
NOTE_HTML_UTC = (
    "This is an HTML export: its times are display times in the account's time zone, and no time-zone file "
    "was found, so they were read as UTC (they may be off by the account's UTC offset)."
)
NOTE_HTML_MINUTES = "This HTML export shows some times to the minute only; those records carry :00 seconds."
NOTE_NO_OWNER = (
    "The account owner's name was not found (no profile file), so the owner could not be told apart from "
    "other people in message threads."
)

_WORDING = Wording(
    unreadable="{reason}; export it again if you need this file",
    shape="{reason}; it was left out (is it from a Facebook export?)",
)
_THREAD_WORDING = Wording(unreadable=_WORDING.unreadable, shape="{reason}; it was left out")

# Read first: they tell who the owner is, which later parsers need.
_FIRST = ("timezone", "profile", "comments", "reactions")


class FacebookReader:
    """Reads Facebook exports (2018–2020, 2020–22, 2023 and 2024+ layouts, JSON and HTML; and the legacy
    ``index.htm`` downloads of about 2010–2017)."""

    platform = "facebook"

    def detect(self, archive: Archive) -> Detection | None:
        """Facebook generation and format from member paths, or ``None`` when not a Facebook export."""
        layout = detect_layout(archive)
        if layout is None:
            legacy = fb_legacy.legacy_pages(archive)
            if legacy:
                return Detection(self.platform, fb_legacy.GENERATION, "html", 0.9, legacy[0].path)
            return None
        return Detection(self.platform, layout.generation, layout.format, layout.score, layout.evidence)

    def read(self, archive: Archive, detection: Detection, ctx: ReadContext) -> Iterator[AnyRecord]:
        """Yield the export's records once each (see the module docstring)."""
        if detection.generation == fb_legacy.GENERATION:
            ctx.note(NOTE_AUDIENCE)
            ctx.note(NOTE_NAMES)
            return fb_legacy.read_legacy(archive, ctx, Owner())
        return _Read(archive, detection, ctx).records()


class _Read:
    """One reading pass over one archive."""

    def __init__(self, archive: Archive, detection: Detection, ctx: ReadContext) -> None:
        self.archive = archive
        self.ctx = ctx
        self.html = detection.format == "html"
        self.owner = Owner()
        self.html_ctx = fb_html.HtmlContext(self.owner)
        self.distinct = Distinct(ctx)
        self.by_route: dict[str, list[Routed]] = defaultdict(list)
        self.threads: dict[str, list[Routed]] = defaultdict(list)
        self.minutes_only = False
        for member in archive.members:
            routed = route(member)
            if routed is None:
                continue
            if routed.route != "timezone" and self.html != member.path.lower().endswith(".html"):
                continue
            if routed.route == "thread":
                self.threads[routed.thread_key].append(routed)
            else:
                self.by_route[routed.route].append(routed)

    # ------------------------------------------------------------------ orchestration
    def records(self) -> Iterator[AnyRecord]:
        ctx = self.ctx
        ctx.note(NOTE_AUDIENCE)
        ctx.note(NOTE_NAMES)
        for name in _FIRST:
            yield from self._route(name)
        if len(self.threads) >= 2:
            self.owner.add(self._owner_from_threads())
        if self.owner.name:
            ctx.account.name = ctx.account.name or self.owner.name
        for name in list(self.by_route):
            if name not in _FIRST:
                yield from self._route(name)
        yield from self._threads()
        if self.html and self.html_ctx.tz is None:
            ctx.note(NOTE_HTML_UTC)
        if self.minutes_only:
            ctx.note(NOTE_HTML_MINUTES)
        if self.owner.name is None:
            ctx.note(NOTE_NO_OWNER)

    def _emit(self, records: Iterator[AnyRecord]) -> Iterator[AnyRecord]:
        for found in records:
            record = self.distinct(found)
            if record is None:
                continue
            if record.kind == "profile" and not self.ctx.account.handle:
                self.ctx.account.handle = getattr(record, "handle", None)
            yield record

    def _route(self, name: str) -> Iterator[AnyRecord]:
        for routed in sorted(self.by_route.get(name, []), key=lambda r: (part_number(r.member.path), r.member.path)):
            if name == "timezone":
                self._timezone(routed)
            elif self.html:
                yield from self._html_file(name, routed)
            else:
                yield from self._json_file(name, routed)

    def _html_file(self, name: str, routed: Routed) -> Iterator[AnyRecord]:
        parser = _html_parser(name)
        if parser is None:
            return

        def work(tally: EntryTally) -> Iterator[AnyRecord]:
            page = self._page(routed, tally)
            return parser(page, routed.member.path, self.html_ctx, tally)

        yield from self._emit(read_file(self.ctx, routed.member, work, _WORDING))

    def _json_file(self, name: str, routed: Routed) -> Iterator[AnyRecord]:
        parser = _json_parser(name)
        if parser is None:
            return

        def work(tally: EntryTally) -> Iterator[AnyRecord]:
            data = self.archive.read_json(routed.member)  # as it is: parsers repair the strings they take out
            if name == "profile":
                self.owner.add(fb_json.owner_name(data))
            for _ in range(empty_entries(data)):
                tally.failed()
            return parser(data, routed.member.path, self.owner, tally)

        yield from self._emit(read_file(self.ctx, routed.member, work, _WORDING))

    # ------------------------------------------------------------------ loading
    def _page(self, routed: Routed, tally: EntryTally | None = None) -> HtmlPage:
        """The parsed page (boxes that damage hides are counted in ``tally``)."""
        page = parse_html_page(self.archive.read_text(routed.member))
        if tally is not None:
            self._check_minutes(page)
            tally.lost(page.missing)
        return page

    def _timezone(self, routed: Routed) -> None:
        try:
            text = self.archive.read_text(routed.member)
        except MemberError as exc:
            self.ctx.skip(routed.member, f"{exc.reason}; times in HTML files are read as UTC")
            return
        if routed.member.path.lower().endswith(".json"):
            try:
                text = fb_json.timezone_name(self.archive.read_json(routed.member)) or text
            except MemberError:
                pass
            except SHAPE_ERRORS as exc:
                raise_bug(exc)
        zone = zone_from_text(text)
        if zone is not None:
            self.html_ctx.tz = self.html_ctx.tz or zone
            self.ctx.account.timezone = self.ctx.account.timezone or str(zone)
            if self.html:
                self.ctx.note(f"HTML times were read in the account's time zone ({zone}) and converted to UTC.")
        self.ctx.understood(routed.member)

    def _check_minutes(self, page: HtmlPage) -> None:
        if not self.minutes_only and any(r.date and not _SECONDS.search(r.date) for r in page.records):
            self.minutes_only = True

    # ------------------------------------------------------------------ Messenger
    def _thread_files(self, key: str) -> list[Routed]:
        return sorted(self.threads[key], key=lambda r: (part_number(r.member.path), r.member.container))

    def _owner_from_threads(self) -> str | None:
        """The one name present in every thread (Meta exports do not mark the owner in threads).

        Several such names (two threads with the same friend) are resolved only when one of them is
        already known as the owner's; otherwise nothing is guessed.
        """
        counts: Counter[str] = Counter()
        spelling: dict[str, str] = {}
        for key in self.threads:
            names: set[str] = set()
            for routed in self._thread_files(key)[:1]:
                for name in self._participants(routed):
                    spelling.setdefault(name.casefold(), name)
                    names.add(name.casefold())
            counts.update(names)
        common = [name for name, n in counts.items() if n == len(self.threads)]
        if len(common) > 1:
            common = [name for name in common if self.owner.is_owner(name)]
        return spelling[common[0]] if len(common) == 1 else None

    def _participants(self, routed: Routed) -> list[str]:
        """Participant names of one thread file, read cheaply (the list sits at the top of the file)."""
        try:
            if self.html:
                page = self._page(routed)
                return fb_html.thread_participants(page) or fb_html.sender_names(page)
            with self.archive.open(routed.member) as fh:
                head = fh.read(_HEAD_BYTES).decode("utf-8", errors="ignore")
            block = _PARTICIPANTS_JSON.search(head)
            if block:
                return [fix_mojibake(json.loads(f'"{n}"')) for n in _NAME_JSON.findall(block.group(1))]
            return fb_json.thread_parts(self.archive.read_json(routed.member))[1]
        except MemberError:
            return []
        except SHAPE_ERRORS as exc:  # the real reading reports it
            raise_bug(exc)
            return []

    def _threads(self) -> Iterator[AnyRecord]:
        for key in sorted(self.threads):
            files = self._thread_files(key)
            title = ""
            names: list[str] = []
            messages: list[MessageFacts] = []
            used: list[Routed] = []
            for routed in files:
                parts = self._thread_file(routed, len(messages))
                if parts is None:
                    continue
                file_title, file_names, file_messages = parts
                title = title or file_title
                names.extend(file_names)
                messages.extend(file_messages)
                used.append(routed)
            if not used:
                continue
            try:
                record = thread_record(
                    title, names, messages, thread_folder(files[0].folder), self.owner, f"{used[0].member.path}#0"
                )
            except Exception as exc:
                skip_file(self.ctx, used[0].member, exc)
                continue
            yield from self._emit(iter((record,)))

    def _thread_file(self, routed: Routed, start: int) -> ThreadParts | None:
        """Title, participant names and messages of one thread file (``None`` when it was skipped)."""
        return self._html_thread_file(routed, start) if self.html else self._json_thread_file(routed, start)

    def _html_thread_file(self, routed: Routed, start: int) -> ThreadParts | None:
        def work(tally: EntryTally) -> list[ThreadParts]:
            page = self._page(routed, tally)
            names = fb_html.thread_participants(page) or fb_html.sender_names(page)
            return [(fb_html.thread_title(page), names, fb_html.thread_messages(page, self.html_ctx, start, tally))]

        return next(read_file(self.ctx, routed.member, work, _WORDING, whole=True), None)

    def _json_thread_file(self, routed: Routed, start: int) -> ThreadParts | None:
        def work(tally: EntryTally) -> list[ThreadParts]:
            title, names, raw = fb_json.thread_parts(self.archive.read_json(routed.member))
            messages = [
                m
                for i, raw_message in enumerate(raw)
                if (m := tally.build(fb_json.message_facts, raw_message, start + i)) is not None
            ]
            return [(title, names, messages)]

        return next(read_file(self.ctx, routed.member, work, _THREAD_WORDING, whole=True), None)


ThreadParts = tuple[str, list[str], list[MessageFacts]]
_SECONDS = re.compile(r"\d:\d\d:\d\d")
_HEAD_BYTES = 64 * 1024
_PARTICIPANTS_JSON = re.compile(r'"participants"\s*:\s*\[(.*?)\]', re.DOTALL)
_NAME_JSON = re.compile(r'"name"\s*:\s*"((?:[^"\\]|\\.)*)"')


def _json_parser(name: str) -> fb_json.Parser | None:
    if name in RELATIONS:
        return fb_json.connections(RELATIONS[name])
    return fb_json.PARSERS.get(name) or fb_media.JSON_PARSERS.get(name) or fb_security.JSON_PARSERS.get(name)


def _html_parser(name: str) -> fb_html.HtmlParser | None:
    if name in RELATIONS:
        return fb_html.connections(RELATIONS[name])
    return fb_html.PARSERS.get(name) or fb_media.HTML_PARSERS.get(name) or fb_security.HTML_PARSERS.get(name)
