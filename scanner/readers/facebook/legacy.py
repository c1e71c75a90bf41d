"""Legacy Facebook downloads (about 2010–2017): ``index.htm`` and ``html/*.htm`` pages.

Before the "Download your information" layouts, Facebook's archive was a small website: every page holds a
``div.contents`` whose ``<h1>`` is the owner's name, and

* ``html/friends.htm``: ``<h2>`` per list (Friends, Sent / Received Friend Requests, Removed Friends,
  Followers, Following) followed by a ``<ul>`` of names (sometimes ``Name (date)``);
* ``html/wall.htm`` / ``html/timeline.htm``: entries of a ``div.meta`` date, a title line (``Jane updated her
  status.``) and a ``div.comment`` text, grouped in a ``<p>`` or ``<div>`` or written one after another;
* ``html/messages.htm`` (or one ``messages/N.html`` per thread from 2016): ``div.thread`` holding the
  participant names, then per message a ``div.message`` header (``span.user``, ``span.meta`` date) followed by
  a ``<p>`` with the text.

Dates read ``Wednesday, November 12, 2008 at 8:53pm UTC+01``; the offset is applied as written.
Records go through the same builders as the newer layouts (:mod:`~scanner.readers.facebook.records`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import datetime
from functools import partial
from typing import Any

from scanner.archive import Archive, Member, MemberError
from scanner.readers.base import ReadContext
from scanner.readers.facebook.records import (
    MessageFacts,
    Owner,
    PostFacts,
    connection_record,
    post_records,
    thread_record,
)
from scanner.readers.guard import EntryTally, read_file, skip_file
from scanner.readers.meta import html_text, parse_display_date
from scanner.records import AnyRecord, Relation

GENERATION = "facebook-legacy"
_PAGES = ("friends", "wall", "timeline", "messages")
_PAGE_RE = re.compile(r"(?:^|/)html/(?P<page>[a-z_]+)\.htm$")
_THREAD_RE = re.compile(r"(?:^|/)messages/\d+\.html?$")
_LISTS: dict[str, Relation] = {
    "friends": Relation.FRIEND,
    "sent friend requests": Relation.REQUEST_SENT,
    "received friend requests": Relation.REQUEST_RECEIVED,
    "rejected friend requests": Relation.REQUEST_REJECTED,
    "declined friend requests": Relation.REQUEST_REJECTED,
    "removed friends": Relation.REMOVED,
    "followers": Relation.FOLLOWER,
    "following": Relation.FOLLOWING,
}
_UTC_OFFSET = re.compile(r"\bUTC\s*([+-])(\d{1,2})(?::?(\d{2}))?\b")
_US_ZONES = {
    "PST": "-08:00",
    "PDT": "-07:00",
    "MST": "-07:00",
    "MDT": "-06:00",
    "CST": "-06:00",
    "CDT": "-05:00",
    "EST": "-05:00",
    "EDT": "-04:00",
    "UTC": "+00:00",
    "GMT": "+00:00",
}
_ZONE_WORD = re.compile(r"\b(" + "|".join(_US_ZONES) + r")\b")
_TRAILING_PAREN = re.compile(r"\s*\(([^()]*)\)\s*$")


def legacy_pages(archive: Archive) -> list[Member]:
    """The legacy pages this reader reads (``html/friends.htm`` …, ``messages/N.html`` beside them)."""
    pages = [m for m in archive.members if (match := _PAGE_RE.search(m.path.lower())) and match["page"] in _PAGES]
    if not pages:
        return []
    extra = [m for m in archive.members if _THREAD_RE.search(m.path.lower()) or m.name.lower() == "index.htm"]
    return pages + extra


def when(text: str) -> datetime | None:
    """A legacy display date (``Tuesday, 3 June 2014 at 19:20 UTC+01``) as aware UTC."""
    text = _UTC_OFFSET.sub(lambda m: f" {m[1]}{int(m[2]):02d}:{m[3] or '00'}", text)
    text = _ZONE_WORD.sub(lambda m: _US_ZONES[m[1]], text)
    return parse_display_date(text)


def read_legacy(archive: Archive, ctx: ReadContext, owner: Owner) -> Iterator[AnyRecord]:
    """Every record of a legacy download (friends lists, wall / timeline posts, message threads)."""
    seen: set[str] = set()
    pages = legacy_pages(archive)
    soups = [(member, soup) for member in pages if (soup := _soup(archive, member, ctx)) is not None]
    for _, soup in soups:  # every page's heading is the owner's name
        heading = _contents(soup).find("h1")
        if heading is not None:
            owner.add(html_text(heading))
    ctx.account.name = ctx.account.name or owner.name
    for member, soup in soups:
        page = _PAGE_RE.search(member.path.lower())
        kind = page["page"] if page else "index" if member.name.lower() == "index.htm" else "messages"
        for record in read_file(ctx, member, partial(_page_records, kind, soup, member.path, owner), whole=True):
            if record.id not in seen:
                seen.add(record.id)
                yield record


def _page_records(kind: str, soup: Any, path: str, owner: Owner, tally: EntryTally) -> Iterator[AnyRecord]:
    """The records of one legacy page (the index, the profile page, is read for the owner's name only)."""
    if kind == "friends":
        return _friends(soup, path, tally)
    if kind == "messages":
        return _threads(soup, path, owner, tally)
    return iter(()) if kind == "index" else _wall(soup, path, owner, tally)


def _soup(archive: Archive, member: Member, ctx: ReadContext) -> Any:
    from bs4 import BeautifulSoup

    try:
        return BeautifulSoup(archive.read_text(member), "html.parser")
    except MemberError as exc:
        ctx.skip(member, f"{exc.reason}; download the archive again")
    except Exception as exc:
        skip_file(ctx, member, exc)
    return None


def _contents(soup: Any) -> Any:
    return soup.find("div", class_="contents") or soup.body or soup


def _friends(soup: Any, path: str, tally: EntryTally) -> Iterator[AnyRecord]:
    for heading in _contents(soup).find_all("h2"):
        relation = _LISTS.get(html_text(heading).strip().rstrip(":").casefold())
        listing = heading.find_next_sibling("ul")
        if relation is None or listing is None:
            continue
        yield from tally.each(listing.find_all("li"), _friend_maker(relation, path))


def _friend_maker(relation: Relation, path: str) -> Callable[[int, Any], list[AnyRecord]]:
    return lambda index, item: _friend(item, relation, f"{path}#{relation.value}{index}")


def _friend(item: Any, relation: Relation, source: str) -> list[AnyRecord]:
    text = html_text(item)
    stamp = None
    paren = _TRAILING_PAREN.search(text)
    if paren:
        stamp = when(paren[1])
        text = text[: paren.start()].strip()
    return [connection_record(relation, text, stamp, source)] if text else []


def _wall(soup: Any, path: str, owner: Owner, tally: EntryTally) -> Iterator[AnyRecord]:
    metas = _contents(soup).find_all("div", class_="meta")
    yield from tally.each(metas, lambda i, meta: post_records(_entry(meta), owner, f"{path}#{i}"))


def _entry(meta: Any) -> PostFacts:
    """The date, title and text of one wall entry: what follows its ``div.meta`` up to the next one."""
    from bs4 import Tag

    title: list[str] = []
    text = ""
    for sibling in meta.next_siblings:
        if isinstance(sibling, Tag):
            classes = sibling.get_attribute_list("class")
            if "meta" in classes:
                break
            if "comment" in classes:
                text = text or html_text(sibling)
            elif not text:
                title.append(html_text(sibling))
        elif not text:
            title.append(str(sibling).strip())
    return PostFacts(timestamp=when(html_text(meta)), title=" ".join(t for t in title if t), text=text)


def _threads(soup: Any, path: str, owner: Owner, tally: EntryTally) -> Iterator[AnyRecord]:
    for index, thread in enumerate(_contents(soup).find_all("div", class_="thread")):
        names = _participants(thread)
        messages = [
            m
            for i, header in enumerate(thread.find_all("div", class_="message"))
            if (m := tally.build(_message, header, i)) is not None
        ]
        if messages or names:
            yield thread_record(", ".join(names), names, messages, "inbox", owner, f"{path}#{index}")


def _participants(thread: Any) -> list[str]:
    direct = " ".join(s.strip() for s in thread.find_all(string=True, recursive=False) if s.strip())
    heading = thread.find("h3")
    line = direct or (html_text(heading) if heading is not None else "")
    line = re.sub(r"^(?:Conversation with|Participants:)\s*", "", line, flags=re.IGNORECASE)
    return [n.strip() for n in re.split(r",\s*", line) if n.strip()]


def _message(header: Any, order: int) -> MessageFacts:
    user = header.find("span", class_="user")
    meta = header.find("span", class_="meta")
    body = header.find_next_sibling()
    text = html_text(body) if body is not None and body.name == "p" else ""
    stamp = when(html_text(meta)) if meta is not None else None
    millis = int(stamp.timestamp() * 1000) if stamp else 0
    return MessageFacts(
        sender=html_text(user) if user is not None else "", timestamp=stamp, text=text, millis=millis, order=order
    )
