"""Instagram HTML exports turned into the same record shapes as the JSON files.

HTML exports use the JSON paths with ``.html``. Each record is a box with the class ``_a6-g`` (older
exports: ``pam _3-95 _2ph- _a6-g uiBoxWhite noborder``; newer: ``section._a6-g``) holding a title (``h2`` or
``._a6-h``), a body (``._a6-p``: links, text, key/value tables with the label cell ``td._a6_q``) and a date
(``._a6-o``, e.g. ``Jun 04, 2025 6:46:10 pm``). Class names are obfuscated and drift, so parsing relies on
structure: the innermost ``_a6-g`` boxes, their first heading, their tables, links and date.

Every box becomes a dict shaped like a JSON record (``title``, ``string_list_data``, ``string_map_data``,
``timestamp``), so the JSON record builders read both formats. HTML text is real UTF-8 (no mojibake repair).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import Any

from bs4 import BeautifulSoup, NavigableString, Tag

from scanner.readers.instagram.common import parse_display_date
from scanner.readers.instagram.keys import fields_of
from scanner.readers.meta import lost_boxes


@dataclass
class Section:
    """One record box of an HTML export page."""

    title: str = ""
    when: datetime | None = None
    fields: dict[str, tuple[str, str]] = field(default_factory=dict)  # label -> (value, href)
    links: list[tuple[str, str]] = field(default_factory=list)  # (href, text)
    texts: list[str] = field(default_factory=list)


@dataclass
class Page:
    """A parsed HTML export page: its title and record boxes."""

    title: str
    sections: list[Section]
    participants: list[str]
    missing: int = 0  # record boxes the markup announces that the parse could not find (damaged markup)


def _classes(tag: Tag) -> list[str]:
    value = tag.get("class")
    if isinstance(value, str):
        return value.split()
    return list(value or [])


def _has_class(tag: Tag, name: str) -> bool:
    return name in _classes(tag)


def _text(tag: Tag | None) -> str:
    return " ".join(tag.get_text(" ", strip=True).split()) if tag is not None else ""


@lru_cache(maxsize=1)  # the reader counts the boxes, then builds entries from the same page
def parse_page(html: str) -> Page:
    """Split an export page into record sections."""
    soup = BeautifulSoup(html, "html.parser")
    boxes = [t for t in soup.find_all(class_="_a6-g") if isinstance(t, Tag)]
    if not boxes:
        boxes = [t for t in soup.find_all(class_="uiBoxWhite") if isinstance(t, Tag)]
    innermost = [b for b in boxes if not b.find(class_=["_a6-g", "uiBoxWhite"])]
    title_tag = soup.find("title") or soup.find("h1")
    page_title = _text(title_tag if isinstance(title_tag, Tag) else None)
    participants: list[str] = []
    for string in soup.find_all(string=True):
        text = str(string).strip()
        for prefix in ("Participants:", "Partecipanti:", "Teilnehmer:", "Participantes:", "Deelnemers:"):
            if text.startswith(prefix):
                participants = [p.strip() for p in text[len(prefix) :].split(",") if p.strip()]
    missing = lost_boxes(html, len(innermost))
    return Page(page_title, [_section(box) for box in innermost], participants, missing)


def _section(box: Tag) -> Section:
    section = Section()
    consumed: list[Tag] = []
    heading = box.find("h2") or box.find(class_="_a6-h")
    if isinstance(heading, Tag):
        section.title = _text(heading)
        consumed.append(heading)
    date_tag = box.find(class_="_a6-o")
    if isinstance(date_tag, Tag):
        inner = date_tag.find(class_="_a72d")
        section.when = parse_display_date(_text(inner if isinstance(inner, Tag) else date_tag))
        consumed.append(date_tag)
    for cell in box.find_all("td"):
        if not isinstance(cell, Tag) or _inside(cell, consumed):
            continue
        label_value = _field(cell)
        if label_value is None:
            continue
        label, value, href, used = label_value
        section.fields.setdefault(label, (value, href))
        consumed.extend(used)
    for link in box.find_all("a", href=True):
        if isinstance(link, Tag) and not _inside(link, consumed):
            section.links.append((str(link.get("href") or ""), _text(link)))
            consumed.append(link)
    for string in box.find_all(string=True):
        if not isinstance(string, NavigableString) or string.parent is None:
            continue
        if string.parent.name in ("script", "style") or _inside(string, consumed):
            continue
        text = " ".join(str(string).split())
        if text:
            section.texts.append(text)
    if section.when is None:
        for text in section.texts:
            when = parse_display_date(text)
            if when is not None:
                section.when = when
                section.texts.remove(text)
                break
    return section


def _inside(node: Any, consumed: list[Tag]) -> bool:
    parents = set(map(id, getattr(node, "parents", ())))
    return any(id(tag) in parents or tag is node for tag in consumed)


def _field(cell: Tag) -> tuple[str, str, str, list[Tag]] | None:
    """``(label, value, href, cells used)`` for a key/value table cell, else ``None``."""
    labelled = _has_class(cell, "_a6_q")
    sibling = cell.find_next_sibling("td")
    direct = " ".join(" ".join(str(s) for s in cell.find_all(string=True, recursive=False)).split())
    if labelled and cell.find("div"):
        divs = [d for d in cell.find_all("div") if isinstance(d, Tag) and not d.find("div")]
        value = " ".join(_text(d) for d in divs if _text(d))
        link = cell.find("a", href=True)
        href = str(link.get("href") or "") if isinstance(link, Tag) else ""
        return (direct or _text(cell)), value, href, [cell]
    if (labelled or fields_of(direct)) and isinstance(sibling, Tag):
        link = sibling.find("a", href=True) or cell.find("a", href=True)
        href = str(link.get("href") or "") if isinstance(link, Tag) else ""
        return direct or _text(cell), _text(sibling), href, [cell, sibling]
    return None


def section_entry(section: Section) -> dict[str, Any]:
    """A JSON-shaped record for one section (``title``, ``string_list_data``, ``string_map_data``)."""
    stamp = int(section.when.timestamp()) if section.when else 0
    string_map: dict[str, dict[str, Any]] = {}
    for label, (value, href) in section.fields.items():
        when = parse_display_date(value) if "time" in fields_of(label) else None
        string_map[label] = {
            "value": "" if when else value,
            "href": href,
            "timestamp": int(when.timestamp()) if when else 0,
        }
    web_links = [(h, t) for h, t in section.links if h.startswith(("http://", "https://"))]
    string_list: list[dict[str, Any]] = []
    if web_links:
        href, text = web_links[0]
        string_list.append({"href": href, "value": text, "timestamp": stamp})
    elif section.texts and not section.fields:
        string_list.append({"href": "", "value": section.texts[0], "timestamp": stamp})
    return {
        "title": section.title,
        "timestamp": stamp,
        "string_list_data": string_list,
        "string_map_data": string_map,
    }


def page_entries(html: str) -> list[dict[str, Any]]:
    """Every section of a list-style page (followers, likes, comments, searches, settings) as a record."""
    return [section_entry(s) for s in parse_page(html).sections]


def media_entries(html: str) -> list[dict[str, Any]]:
    """Posts / stories / reels pages as JSON-shaped media records (caption, time, EXIF coordinates)."""
    entries = []
    for section in parse_page(html).sections:
        caption = section.title or " ".join(section.texts)
        stamp = int(section.when.timestamp()) if section.when else 0
        media: dict[str, Any] = {"title": caption, "creation_timestamp": stamp}
        coords = {k.casefold(): v for k, (v, _) in section.fields.items()}
        if "latitude" in coords and "longitude" in coords:
            media["media_metadata"] = {
                "photo_metadata": {"exif_data": [{"latitude": coords["latitude"], "longitude": coords["longitude"]}]}
            }
        entries.append({"media": [media], "title": caption, "creation_timestamp": media["creation_timestamp"]})
    return entries


def profile_entries(html: str) -> list[dict[str, Any]]:
    """A personal-information page as one ``profile_user`` record (all label/value rows merged)."""
    string_map: dict[str, dict[str, Any]] = {}
    for section in parse_page(html).sections:
        for label, (value, href) in section.fields.items():
            string_map.setdefault(label, {"value": value, "href": href, "timestamp": 0})
    return [{"title": "", "string_map_data": string_map}] if string_map else []


def thread_from_html(html: str) -> dict[str, Any]:
    """A message page as a JSON-shaped thread (``participants``, ``title``, ``messages``)."""
    page = parse_page(html)
    messages = []
    senders: list[str] = []
    for section in page.sections:
        if not section.title:
            continue
        body = " ".join(section.texts + [h for h, t in section.links if not t])
        messages.append(
            {
                "sender_name": section.title,
                "timestamp_ms": int(section.when.timestamp() * 1000) if section.when else 0,
                "content": body or " ".join(t for _, t in section.links),
            }
        )
        if section.title not in senders:
            senders.append(section.title)
    names = page.participants or senders
    if page.title and not page.participants and page.title not in names:
        names = [*names, page.title]
    return {"title": page.title, "participants": [{"name": n} for n in names], "messages": messages}
