"""X (Twitter) archive reader: every generation from the classic Tweet archive to today's ``data/tweets.js``.

Reading order matters because the reader is a generator: the owner (manifest, ``account.js``) and the
protected state come first, then the tweets -- which also teach the offline account directory which numeric
id belongs to which handle -- and only then the followers, following, blocks, mutes and message threads,
whose people X lists by number only. Layout detection lives in :mod:`scanner.readers.x.layout`, the JS
wrapper in :mod:`scanner.readers.x.js`, tweets in :mod:`scanner.readers.x.tweets` and everything else in
:mod:`scanner.readers.x.records`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import Any, TypeVar

from scanner.archive import Archive, Member, MemberError
from scanner.readers.base import REPEATED, Detection, ReadContext
from scanner.readers.guard import SHAPE_ERRORS, EntryTally, ShapeError, Wording, raise_bug, read_file
from scanner.readers.x import js as x_js
from scanner.readers.x.js import JsDataError, iter_js_items, load_js
from scanner.readers.x.layout import Layout, classify, survey
from scanner.readers.x.records import (
    RELATIONS,
    LikeContext,
    account_connection,
    app_setting,
    build_profile,
    contact_connection,
    conversation_ids,
    dm_thread,
    inner,
    like_reaction,
    protected_setting,
    protected_state,
    setting,
    two_factor_setting,
)
from scanner.readers.x.timezones import iana_zone
from scanner.readers.x.tweets import (
    PLATFORM,
    AccountDirectory,
    Owner,
    as_dict,
    clean,
    csv_post,
    id_text,
    tweet_post,
    tweet_sightings,
    unwrap_tweet,
)
from scanner.records import AnyRecord, Audience, Connection, Person, Post, Relation

_NO_AUDIENCE = (
    "X archives do not say who could see each post; whether the account is protected is known only from "
    "changes in the six months before the archive was made."
)
_NO_LIKE_AUTHOR = "X likes record neither when the post was liked nor, usually, whose post it was."
_CSV_FIELD_LIMIT = 16 * 1024 * 1024
_CSV_WORDING = Wording(unreadable="{reason}; download the archive again")
R = TypeVar("R")
B = TypeVar("B")
_BuiltTweet = tuple[Post | None, list[tuple[object, object, object]], object]
"""A tweet as built (its Post, what it shows about accounts, the id of the tweet it replies to), before it
is settled into the run's state."""
_UNREADABLE: _BuiltTweet = (None, [], None)
"""Built for an item that holds no tweet object (counted when settled)."""


def _audience(protected: bool | None) -> Audience:
    """Who can see the account's posts now: protected -> followers only."""
    if protected is None:
        return Audience.UNKNOWN
    return Audience.FRIENDS if protected else Audience.PUBLIC


class XReader:
    """Reads X archives (``x-classic``, ``x-v1-2019``, ``x-v2-2020``, ``x-v2``, loose data files)."""

    platform = PLATFORM

    def detect(self, archive: Archive) -> Detection | None:
        """Identify an X archive by its member paths (sniffing the first bytes of at most a few files)."""
        layout = survey(archive)
        if not layout.is_x:
            return None
        fmt = "csv" if layout.generation == "x-classic" and not layout.classic_js else "js"
        return Detection(PLATFORM, layout.generation, fmt, 0.6 if layout.loose else 1.0, layout.evidence)

    def read(self, archive: Archive, detection: Detection, ctx: ReadContext) -> Iterator[AnyRecord]:
        """Yield every record the archive holds (see the module docstring for the order)."""
        yield from _Run(archive, ctx, survey(archive)).records()


def _build_all(items: Iterable[Any], path: str, build: Callable[..., Any]) -> tuple[int, list[Any]]:
    """``build(item, source=...)`` of every item: (how many raised a shape error or gave nothing -- a ``{}``
    or ``null`` item -- and what was built)."""
    failed = 0
    built = []
    for index, item in enumerate(items):
        try:
            made = build(item, source=f"{path}#{index}")
        except SHAPE_ERRORS as exc:
            raise_bug(exc)
            made = None
        if made is None:
            failed += 1
        else:
            built.append(made)
    return failed, built


def _settle(settle: Callable[[Any], Any], built: Any, tally: EntryTally) -> Any:
    """``settle(built)``; ``None`` (and one more bad entry) when the item's content makes it raise."""
    try:
        return settle(built)
    except SHAPE_ERRORS as exc:
        raise_bug(exc)
        tally.failed()
        return None


class _Run:
    """The state of reading one archive."""

    def __init__(self, archive: Archive, ctx: ReadContext, layout: Layout) -> None:
        self.archive = archive
        self.ctx = ctx
        self.layout = layout
        self.owner = Owner()
        self.directory = AccountDirectory()
        self.reply_targets: dict[str, Person] = {}
        self.own_tweet_ids: set[int] = set()
        self.audience = Audience.UNKNOWN
        self.protected: bool | None = None
        self.people_seen: set[str] = set()

    # ------------------------------------------------------------------ plumbing
    def items(self, member: Member) -> Iterator[tuple[int, Any]]:
        """``(index, item)`` of a data file; a file that cannot be read is skipped with its reason."""
        try:
            yield from enumerate(iter_js_items(self.archive, member))
        except (JsDataError, MemberError) as exc:
            self.ctx.skip(member, exc.reason)
            return
        self.ctx.understood(member)

    def each(self, member: Member, build: Callable[..., R | None]) -> Iterator[R]:
        """``build(item, source=...)`` for every item of a data file; an item of an unexpected shape is
        left out and counted (one note per file), and the rest of the file is still read. ``build`` must
        leave the run's state alone (see :meth:`settled`)."""
        return self._built(member, build, None)

    def settled(self, member: Member, build: Callable[..., B | None], settle: Callable[[B], R | None]) -> Iterator[R]:
        """:meth:`each` for builds that teach the run something: ``build`` leaves the run's state alone and
        ``settle(built)`` applies what the built value teaches (the account directory, the ids seen) and
        returns the record to hand on, or ``None``."""
        return self._built(member, build, settle)

    def _built(self, member: Member, build: Callable[..., Any], settle: Callable[[Any], Any] | None) -> Iterator[Any]:
        """The records of one data file, read through the guarded file-runner (:func:`read_file`)."""
        return read_file(self.ctx, member, partial(self._file_records, member, build, settle))

    def _file_records(
        self, member: Member, build: Callable[..., Any], settle: Callable[[Any], Any] | None, tally: EntryTally
    ) -> Iterator[Any]:
        """A file up to ``x_js.STREAM_THRESHOLD`` is parsed item by item (no tree of the whole file is
        kept) but hands on its records, and settles them, only once all of it has been read: a broken small
        file gives nothing and changes nothing, as when it was read with one ``json.loads``. A bigger file
        hands each record on as soon as it is built."""
        if member.size > x_js.STREAM_THRESHOLD:
            yield from self._each_streamed(member, build, settle, tally)
            return
        try:
            failed, built = _build_all(x_js.strict_items(self.archive, member), member.path, build)
        except x_js.NotPlain:  # json.loads of the whole file reads it (or says why not): start again with that
            try:
                items = x_js.plain_items(self.archive, member)
            except (JsDataError, MemberError) as exc:
                self.ctx.skip(member, exc.reason)
                return
            failed, built = _build_all(items, member.path, build)
        for _ in range(failed):
            tally.failed()
        for made in built:
            record = made if settle is None else _settle(settle, made, tally)
            if record is not None:
                tally.ok()
                yield record

    def _each_streamed(
        self, member: Member, build: Callable[..., Any], settle: Callable[[Any], Any] | None, tally: EntryTally
    ) -> Iterator[Any]:
        path = member.path
        for index, item in self.items(member):
            try:  # EntryTally.build, inline: this runs once per item
                made = build(item, source=f"{path}#{index}")
            except SHAPE_ERRORS as exc:
                raise_bug(exc)
                made = None
            if made is None:  # a shape error, or an item that gives nothing ({} or null): left out, counted
                tally.failed()
                continue
            record = made if settle is None else _settle(settle, made, tally)
            if record is not None:
                tally.ok()
                yield record

    def objects(self, data_type: str) -> list[tuple[str, dict[str, Any]]]:
        """``(source, inner object)`` for every item of a (small) data type; an item that is no object is
        left out and counted."""
        out = []
        for member in self.layout.of(data_type):
            tally = EntryTally(self.ctx, member)
            for index, item in self.items(member):
                value = inner(item)
                if value:
                    out.append((f"{member.path}#{index}", value))
                    tally.ok()
                else:
                    tally.failed()
            tally.close()
        return out

    def guarded(self, member: Member | None, records: Iterator[AnyRecord]) -> Iterator[AnyRecord]:
        """Records of one step; a shape error skips the step's file (records already read stay)."""
        if member is not None:
            yield from read_file(self.ctx, member, lambda _tally: records)
            return
        try:
            yield from records
        except SHAPE_ERRORS as exc:
            raise_bug(exc)
            self.ctx.count("x_unreadable_steps")

    def read_cleanly(self, data_type: str) -> bool:
        """True when ``data_type`` has files and none of them was skipped (so an empty list means empty)."""
        members = self.layout.of(data_type)
        skipped = {s.path for s in self.ctx.skipped}
        return bool(members) and not any(m.display in skipped for m in members)

    # ------------------------------------------------------------------ the run
    def records(self) -> Iterator[AnyRecord]:
        """All records, in dependency order."""
        self._read_manifest()
        account = self._first("account")
        profile = self._first("profile")
        phones = [p for _, o in self.objects("phone_number") if (p := clean(o.get("phoneNumber")))]
        details = self._user_details()
        self._set_owner(account[1], details[1])
        yield from self.guarded(self._first_member("protected_history"), self._protected())
        yield from self._tweets()
        yield from self._classic()
        if account[0] or profile[0] or details[0] or phones:
            yield from self.guarded(
                self._first_member("profile", "account"),
                iter(
                    self.tally_one(
                        build_profile,
                        owner=self.owner,
                        account=account[1],
                        profile=profile[1] or details[1],
                        phones=phones,
                        source=profile[0] or account[0] or details[0] or "",
                        private=self.protected,
                    )
                ),
            )
        yield from self._likes()
        yield from self._connections()
        yield from self._threads()
        yield from self._settings()
        self._finish()

    def _first_member(self, *data_types: str) -> Member | None:
        for data_type in data_types:
            if self.layout.of(data_type):
                return self.layout.of(data_type)[0]
        return None

    def tally_one(self, make: Callable[..., AnyRecord], **kwargs: Any) -> list[AnyRecord]:
        """One aggregate record (profile, setting), or none when its parts have an unexpected shape."""
        try:
            return [make(**kwargs)]
        except SHAPE_ERRORS as exc:
            raise_bug(exc)
            self.ctx.count("unreadable_entries")
            return []

    def _protected(self) -> Iterator[AnyRecord]:
        history = self.objects("protected_history")
        self.protected, _, _ = protected_state([o for _, o in history])
        self.audience = _audience(self.protected)
        if self.read_cleanly("protected_history"):
            source = history[-1][0] if history else f"{self.layout.of('protected_history')[0].path}#0"
            yield protected_setting([o for _, o in history], owner=self.owner, source=source)

    def _read_manifest(self) -> None:
        manifest = self.layout.manifest
        if manifest is None:
            return
        try:
            config = load_js(self.archive, manifest)
        except (JsDataError, MemberError) as exc:
            self.ctx.skip(manifest, exc.reason + "; the other files are read without it")
            return
        self.ctx.understood(manifest)
        if not isinstance(config, dict):
            return
        user = as_dict(config.get("userInfo"))
        self.owner = Owner(
            handle=(clean(user.get("userName")) or "").lstrip("@") or None,
            account_id=id_text(user.get("accountId")),
            name=clean(user.get("displayName")),
        )
        missing = []
        data_types = as_dict(config.get("dataTypes"))
        for data_type in data_types.values():
            files = as_dict(data_type).get("files")
            for entry in files if isinstance(files, list) else ():
                name = str(entry.get("fileName") or "") if isinstance(entry, dict) else ""
                found = classify(name.rsplit("/", 1)[-1].lower()) if name else None
                if found is None:
                    continue
                members = self.archive.find(name)
                if not members:
                    missing.append(name)
                for member in members:
                    self.layout.add(found[0], member, found[1])
        if missing:
            self.ctx.note(
                f"The archive's manifest lists {len(missing)} data file(s) this tool reads that are not in "
                f"the archive (for example {missing[0]}); download the complete archive to include them."
            )

    def _first(self, data_type: str) -> tuple[str, dict[str, Any]]:
        found = self.objects(data_type)
        return found[0] if found else ("", {})

    def _user_details(self) -> tuple[str, dict[str, Any]]:
        member = self.layout.user_details
        if member is None:
            return "", {}
        try:
            value = load_js(self.archive, member)
        except (JsDataError, MemberError) as exc:
            self.ctx.skip(member, exc.reason)
            return "", {}
        if not isinstance(value, dict):
            self.ctx.skip(member, "does not hold the account details object a Twitter archive writes there")
            return "", {}
        self.ctx.understood(member)
        profile = {
            "bio": value.get("bio"),
            "website": value.get("expanded_url") or value.get("url"),
            "location": value.get("location"),
        }
        return f"{member.path}#0", {**value, "description": profile}

    def _set_owner(self, account: dict[str, Any], details: dict[str, Any]) -> None:
        owner = self.owner
        handle = owner.handle or clean(account.get("username")) or clean(details.get("screen_name"))
        self.owner = Owner(
            handle=handle.lstrip("@") if handle else None,
            account_id=owner.account_id or id_text(account.get("accountId")) or id_text(details.get("id")),
            name=owner.name or clean(account.get("accountDisplayName")) or clean(details.get("full_name")),
        )
        self._publish_owner()

    def _publish_owner(self) -> None:
        self.ctx.account.name = self.owner.name
        self.ctx.account.handle = self.owner.handle
        self.ctx.account.account_id = self.owner.account_id
        if self.owner.account_id and self.owner.handle:
            self.directory.learn(self.owner.account_id, self.owner.handle, self.owner.name, None)

    # ------------------------------------------------------------------ tweets
    def _tweet_records(self, member: Member, seen: set[str] | None = None) -> Iterator[Post]:
        owner, audience = self.owner, self.audience

        def build(item: Any, *, source: str) -> _BuiltTweet | None:
            raw = unwrap_tweet(item)
            if raw is None:
                return _UNREADABLE
            post = tweet_post(raw, source=source, owner=owner, audience=audience)
            if post is None:
                return None
            replied = raw.get("in_reply_to_status_id_str") or raw.get("in_reply_to_status_id")
            return post, tweet_sightings(raw, post.mentions), replied

        def settle(built: _BuiltTweet) -> Post | None:
            post, sightings, replied = built
            if post is None:  # an item that is no tweet: left out, and counted by the file's tally
                raise ShapeError("not a tweet")
            if seen is not None:
                if post.id in seen:
                    self.ctx.count(REPEATED)
                    return None
                seen.add(post.id)
            learn = self.directory.learn
            for account_id, handle, name in sightings:
                learn(account_id, handle, name, post.timestamp)
            self._remember(post, replied)
            return post

        yield from self.settled(member, build, settle)

    def _remember(self, post: Post, replied_status: object) -> None:
        if post.id.isdigit():
            self.own_tweet_ids.add(int(post.id))
        status = id_text(replied_status)
        if status is not None and post.in_reply_to is not None:
            self.reply_targets[status] = post.in_reply_to

    def _tweets(self) -> Iterator[AnyRecord]:
        for member in self.layout.of("tweets"):
            yield from self._tweet_records(member)

    def _classic(self) -> Iterator[AnyRecord]:
        seen: set[str] = set()
        latest: tuple[Any, bool, str] | None = None
        for member in self.layout.classic_js:
            for post in self._tweet_records(member, seen):
                known = post.audience is not Audience.UNKNOWN and post.timestamp is not None
                if known and (latest is None or post.timestamp > latest[0]):
                    latest = (post.timestamp, post.audience is Audience.FRIENDS, post.source)
                yield post
        if latest is not None and self.protected is None:
            self.protected = latest[1]
            self.audience = _audience(self.protected)
        if self.layout.classic_csv is not None:
            yield from self._classic_csv(self.layout.classic_csv, seen)
        if latest is not None and not self.layout.of("protected_history"):
            when, protected, source = latest
            yield setting(
                self.owner,
                "protected",
                source=source,
                timestamp=when,
                value=str(protected).lower(),
                enabled=protected,
                detail=f"As of the newest tweet in this archive ({when.date().isoformat()}) the account was "
                + ("protected (followers only)." if protected else "public."),
            )

    def _classic_csv(self, member: Member, seen: set[str]) -> Iterator[AnyRecord]:
        return read_file(self.ctx, member, partial(self._classic_rows, member, seen), _CSV_WORDING)

    def _classic_rows(self, member: Member, seen: set[str], tally: EntryTally) -> Iterator[AnyRecord]:
        csv.field_size_limit(max(csv.field_size_limit(), _CSV_FIELD_LIMIT))
        try:
            with self.archive.open(member) as raw:
                text = io.TextIOWrapper(raw, encoding="utf-8-sig", errors="replace", newline="")
                reader = csv.DictReader(text)
                if not reader.fieldnames or "tweet_id" not in reader.fieldnames:
                    raise ShapeError("has no tweet_id column, so it is not a Twitter tweets.csv")
                for index, row in enumerate(reader):
                    post = tally.build(
                        csv_post, row, source=f"{member.path}#{index}", owner=self.owner, audience=self.audience
                    )
                    if post is None or post.id in seen:
                        continue
                    seen.add(post.id)
                    self._remember(post, row.get("in_reply_to_status_id"))
                    yield post
        except (csv.Error, UnicodeError) as exc:
            raise ShapeError(f"is not a readable CSV file ({exc}); download the archive again") from None

    # ------------------------------------------------------------------ likes, lists, messages
    def _likes(self) -> Iterator[AnyRecord]:
        known = LikeContext(self.owner, self.directory, self.reply_targets, self.own_tweet_ids)
        for member in self.layout.of("like"):
            self.ctx.note(_NO_LIKE_AUTHOR)
            yield from self.each(member, partial(like_reaction, known=known))

    def _connections(self) -> Iterator[AnyRecord]:
        for data_type, relation in RELATIONS.items():
            for member in self.layout.of(data_type):
                build = partial(self._connection, relation=relation)
                for found in self.each(member, build):
                    if found.person.account_id:
                        self.people_seen.add(found.person.account_id)
                    yield found

    def _connection(self, item: Any, *, relation: Relation, source: str) -> Connection | None:
        return account_connection(item, relation, source=source, directory=self.directory)

    def _threads(self) -> Iterator[AnyRecord]:
        members = [*self.layout.of("dm"), *self.layout.of("dm_group")]
        if members and self.owner.account_id is None:
            self._infer_owner(self.layout.of("dm"))
        directory = self.directory
        build = partial(dm_thread, owner_id=self.owner.account_id, directory=directory)
        for member in members:
            for thread in self.each(member, build):
                self.people_seen.update(p.account_id for p in thread.participants if p.account_id)
                yield thread

    def _infer_owner(self, members: list[Member]) -> None:
        """Without account.js: the owner is the one id in every one-to-one conversation."""
        common: set[str] | None = None
        conversations = 0
        for member in members:
            try:
                for item in iter_js_items(self.archive, member):
                    ids = set(conversation_ids(item))
                    if ids:
                        conversations += 1
                        common = ids if common is None else common & ids
            except (JsDataError, MemberError):
                return  # the real pass reports the problem
            except SHAPE_ERRORS as exc:
                raise_bug(exc)
                return
        if common is not None and len(common) == 1 and conversations >= 2:
            self.owner = Owner(handle=self.owner.handle, account_id=common.pop(), name=self.owner.name)
            self._publish_owner()

    # ------------------------------------------------------------------ settings
    def _settings(self) -> Iterator[AnyRecord]:
        devices = self.objects("ni_devices")
        if self.read_cleanly("ni_devices"):
            source = devices[0][0] if devices else f"{self.layout.of('ni_devices')[0].path}#0"
            yield from self.tally_one(
                two_factor_setting, items=[o for _, o in devices], owner=self.owner, source=source
            )
        for member in self.layout.of("connected_application"):
            yield from self.each(member, partial(app_setting, owner=self.owner))
        yield from self._contacts()
        for source, value in self.objects("account_timezone"):
            zone = clean(value.get("timeZone"))
            self.ctx.account.timezone = self.ctx.account.timezone or iana_zone(zone)
            yield setting(
                self.owner,
                "account_timezone",
                source=source,
                value=zone,
                enabled=None,
                detail=None if zone else "The archive lists no time zone for the account.",
            )

    def _contacts(self) -> Iterator[AnyRecord]:
        members = self.layout.of("contact")
        if not members:
            return
        count = 0
        for member in members:
            for contact in self.each(member, contact_connection):
                count += 1
                yield contact
        if not self.read_cleanly("contact"):
            return
        yield setting(
            self.owner,
            "synced_contacts",
            source=f"{members[0].path}#0",
            value=str(count),
            enabled=count > 0,
            detail=f"{count} address-book entries were uploaded to X." if count else "No address book.",
        )

    def _finish(self) -> None:
        wrote = self.layout.of("tweets") or self.layout.of("protected_history")
        if self.audience is Audience.UNKNOWN and wrote:
            self.ctx.note(_NO_AUDIENCE)
        unresolved = sum(1 for account_id in self.people_seen if not self.directory.resolves(account_id))
        if self.people_seen:
            self.ctx.count("unresolved_account_ids", unresolved)
            self.ctx.count("account_ids", len(self.people_seen))
            self.ctx.note(
                "X lists followers, following and message partners by number only; "
                f"{unresolved} of {len(self.people_seen)} could not be matched to a username from this "
                "archive."
            )
