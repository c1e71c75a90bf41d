"""Facebook photo, video, album and story files → caption posts (JSON and HTML).

A photo or video the owner uploaded carries a caption (``description``), sometimes people tagged in it and
a place; each becomes a :class:`~scanner.records.Post` with ``subkind`` ``caption`` (``story`` for archived
stories) through the same builder as ordinary posts, so a caption that also appears in the posts file gets
the same id and is read once. Media without caption, tags or place give no record.

JSON shapes: ``posts/your_uncategorized_photos.json`` (``other_photos_v2``), ``posts/your_videos.json``
(``videos_v2``), ``stories/archived_stories.json`` (``archived_stories_v2``), and ``posts/album/N.json``
(``{"name", "description", "photos": [...]}``). HTML: ``your_photos.html``, ``your_videos.html``,
``archived_stories.html``, ``album/N.html`` (one box per item: caption, optional place / tags rows, date).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from scanner.readers.facebook import html_pages as fb_html
from scanner.readers.facebook import json_files as fb_json
from scanner.readers.facebook.json_files import place_of, require, text_of
from scanner.readers.facebook.records import Owner, PostFacts, post_records
from scanner.readers.guard import EntryTally, ShapeError
from scanner.readers.meta import HtmlPage, HtmlRecord, records_of
from scanner.records import AnyRecord, from_epoch

_MEDIA_KEYS = (
    "other_photos_v2",
    "other_photos",
    "videos_v2",
    "videos",
    "archived_stories_v2",
    "archived_stories",
    "photos_v2",
    "photos",
)


def _media_facts(item: dict[str, Any], subkind: str) -> PostFacts:
    """One media object (``uri``, ``creation_timestamp``, ``description``, ``tags``, ``place``) → facts."""
    text = text_of(item.get("description")) or text_of(item.get("text"))
    facts = PostFacts(
        timestamp=from_epoch(item.get("creation_timestamp") or item.get("timestamp")),
        title=text_of(item.get("title")),
        text=text,
        subkind=subkind,
    )
    if subkind == "story" and not facts.text:
        facts.text = facts.title  # a story's own words are its title; a photo's title is its album's name
    facts.place = place_of(item)
    for tag in item.get("tags") or ():
        name = text_of(tag.get("name")) if isinstance(tag, dict) else text_of(tag)
        if name:
            facts.tags.append(name)
    return facts


def media(subkind: str) -> fb_json.Parser:
    """A JSON parser for one list-of-media file (photos, videos, archived stories)."""

    def entry_records(entry: dict[str, Any], source: str, owner: Owner) -> Iterable[AnyRecord]:
        return post_records(_media_facts(entry, subkind), owner, source)

    def parse(data: Any, source: str, owner: Owner, tally: EntryTally) -> Iterator[AnyRecord]:
        entries = require(records_of(data, *_MEDIA_KEYS), data)
        yield from tally.each(entries, lambda i, entry: entry_records(entry, f"{source}#{i}", owner))

    return parse


def album(data: Any, source: str, owner: Owner, tally: EntryTally) -> Iterator[AnyRecord]:
    """An album file: its description (as one post) and every photo's caption."""
    if not isinstance(data, dict) or not isinstance(data.get("photos", []), list):
        raise ShapeError("is not an album (no list of photos)")
    description = text_of(data.get("description"))
    if description:
        facts = PostFacts(
            timestamp=from_epoch(data.get("last_modified_timestamp")),
            title=text_of(data.get("name")),
            text=description,
            subkind="album",
        )
        yield from post_records(facts, owner, f"{source}#album")
    photos = records_of(data.get("photos") or [])
    yield from tally.each(photos, lambda i, photo: post_records(_media_facts(photo, "caption"), owner, f"{source}#{i}"))


def media_html(subkind: str) -> fb_html.HtmlParser:
    """An HTML parser for a page of media boxes: the caption is the box text (or its only line)."""

    def box_records(record: HtmlRecord, source: str, ctx: fb_html.HtmlContext) -> Iterable[AnyRecord]:
        facts = fb_html.post_facts(record, ctx)
        facts.text = facts.text or record.title  # 2020–22 boxes hold the caption as their first element
        facts.subkind = subkind
        facts.has_attachment = False
        return post_records(facts, ctx.owner, source)

    def parse(page: HtmlPage, source: str, ctx: fb_html.HtmlContext, tally: EntryTally) -> Iterator[AnyRecord]:
        yield from tally.each(page.records, lambda i, record: box_records(record, f"{source}#{i}", ctx))

    return parse


JSON_PARSERS: dict[str, fb_json.Parser] = {
    "photos": media("caption"),
    "videos": media("caption"),
    "stories": media("story"),
    "album": album,
}

HTML_PARSERS: dict[str, fb_html.HtmlParser] = {
    "photos": media_html("caption"),
    "videos": media_html("caption"),
    "stories": media_html("story"),
    "album": media_html("caption"),
}
