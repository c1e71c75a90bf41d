"""Helpers shared by the Meta readers (Facebook, Instagram)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from pathlib import PurePosixPath
from typing import Any


def fix_mojibake(text: str) -> str:
    """Repair Meta's JSON encoding, where every UTF-8 byte was written as its own ``\\u00XX`` escape.

    ``"T\\u00c5\\u0091ke"`` arrives as ``'TÅ\\x91ke'`` and becomes ``'Tőke'``. Strings that are already
    correct (any character above U+00FF, or bytes that are not valid UTF-8) are returned unchanged.

    Readers call this on the values they use, when they use them (pure-ASCII strings, most of an export,
    return at once): repairing every string of a parsed file up front cost more than parsing it.
    """
    if text.isascii():
        return text
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def repaired(value: Any) -> Any:
    """``value`` with :func:`fix_mojibake` applied when it is a string; any other value unchanged."""
    return fix_mojibake(value) if isinstance(value, str) else value


def keep_text(text: str) -> str:
    """``text`` unchanged: the repair to use for HTML exports, whose text is real UTF-8."""
    return text


# --------------------------------------------------------------------------- JSON shapes


def records_of(data: Any, *keys: str) -> list[dict[str, Any]]:
    """The list of record objects in a Meta JSON file, whatever wrapping the export used.

    Meta writes the same records as a bare list (``[{...}]``), wrapped under a key
    (``{"friends_v2": [...]}``, key names vary by generation: pass the known ones in ``keys``), or as
    a single bare object when there is only one record. Non-dict items are dropped.
    """
    if isinstance(data, list):
        return [item for item in data if isinstance(item, dict)]
    if not isinstance(data, dict):
        return []
    for key in keys:
        if key in data:
            return records_of(data[key])
    if keys and not any(k in data for k in ("label_values", "timestamp", "title", "name")):
        lists = [v for v in data.values() if isinstance(v, list)]
        if len(lists) == 1:
            return records_of(lists[0])
        wrapped = [v for v in data.values() if isinstance(v, dict)]
        if not lists and len(wrapped) == 1:
            return records_of(wrapped[0])
        return []
    return [data]


def label_values(record: dict[str, Any]) -> list[dict[str, Any]]:
    """The ``label_values`` entries of a generic newer-format record (empty when absent)."""
    values = record.get("label_values")
    return [v for v in values if isinstance(v, dict)] if isinstance(values, list) else []


def label_lookup(entries: list[dict[str, Any]], *labels: str) -> dict[str, Any] | None:
    """The first entry whose ``label`` or ``ent_field_name`` equals one of ``labels`` (case-insensitive).

    Labels are localized in real exports: pass English hints and fall back on structure when absent.
    Entries are raw JSON: their labels are compared mojibake-repaired.
    """
    wanted = {label.casefold() for label in labels}
    for entry in entries:
        for key in ("label", "ent_field_name", "title"):
            value = entry.get(key)
            if isinstance(value, str) and fix_mojibake(value).casefold() in wanted:
                return entry
    return None


def label_text(entries: list[dict[str, Any]], *labels: str) -> str | None:
    """The string ``value`` (mojibake-repaired) of the first entry matching :func:`label_lookup`, else ``None``."""
    entry = label_lookup(entries, *labels)
    value = entry.get("value") if entry else None
    return fix_mojibake(value).strip() or None if isinstance(value, str) else None


_TRUE_WORDS = {
    "on",
    "true",
    "yes",
    "enabled",
    "active",
    "aan",
    "ja",
    "ein",
    "an",
    "aktiviert",
    "activé",
    "activado",
    "activo",
    "attivo",
    "attivato",
    "sí",
    "si",
    "oui",
    "ligado",
    "ativado",
    "włączone",
}
_FALSE_WORDS = {
    "off",
    "false",
    "no",
    "disabled",
    "inactive",
    "uit",
    "nee",
    "aus",
    "deaktiviert",
    "désactivé",
    "desactivado",
    "inactivo",
    "disattivato",
    "non",
    "desligado",
    "desativado",
    "wyłączone",
    "nein",
}


def parse_bool(value: Any) -> bool | None:
    """Read an on/off value as Meta writes it (``"On"``, ``"True"``, ``true``, some localized words)."""
    if isinstance(value, bool):
        return value
    if not isinstance(value, str):
        return None
    word = value.strip().casefold()
    if word in _TRUE_WORDS:
        return True
    if word in _FALSE_WORDS:
        return False
    return None


# --------------------------------------------------------------------------- member names

_NUMBERED = re.compile(r"_\d+$")


def canonical_name(path: str) -> str:
    """A member path reduced for matching: lower case, apostrophes as ``_``, no extension, no ``_N``.

    ``Who_You've_Followed.json`` and ``who_you_ve_followed.html`` both become ``who_you_ve_followed``;
    ``your_posts__check_ins__photos_and_videos_2.json`` becomes ``your_posts__check_ins__photos_and_videos``.
    """
    name = path.lower().replace("\u2019", "'").replace("'", "_")
    stem, dot, ext = name.rpartition(".")
    if dot and "/" not in ext:
        name = stem
    return _NUMBERED.sub("", name)


def tail_matches(path: str, tail: str) -> bool:
    """True when ``canonical_name(path)`` ends with ``canonical_name(tail)`` on a folder boundary.

    Matching by ending copes with wrapper folders (``facebook-jdoe-2024-…/``) and with trees nested
    one level deeper than usual.
    """
    name = canonical_name(path)
    want = canonical_name(tail).strip("/")
    return name == want or name.endswith("/" + want)


def part_number(path: str) -> int:
    """The ``_N`` part number of a numbered file (``message_3.json`` → 3); 0 when not numbered."""
    stem = PurePosixPath(path).stem
    match = re.search(r"_(\d+)$", stem)
    return int(match.group(1)) if match else 0


# --------------------------------------------------------------------------- dates in HTML exports

# Month names in languages Meta exports are commonly requested in, mapped to English abbreviations
# so python-dateutil can read them. Longer names first so "juni" wins over "jun".
_MONTHS: dict[str, str] = {}
for _english, _names in (
    ("Jan", "januari janvier januar enero gennaio janeiro stycznia styczeń január ianuarie ocak jänner"),
    ("Jan", "ene gen jan. janv."),
    ("Feb", "februari février februar febrero febbraio fevereiro lutego luty február februarie şubat"),
    ("Feb", "feb. févr. fev"),
    ("Mar", "maart mars märz marzo março marca marzec március martie mart mrt mär. mrz"),
    ("Apr", "april avril abril aprile kwietnia kwiecień április aprilie nisan avr. abr"),
    ("May", "mei mai mayo maggio maio maja maj május mayıs mag"),
    ("Jun", "juni juin junio giugno junho czerwca czerwiec június iunie haziran giu"),
    ("Jul", "juli juillet julio luglio julho lipca lipiec július iulie temmuz juil. lug"),
    ("Aug", "augustus août august agosto sierpnia sierpień augusztus ağustos ago aoû"),
    ("Sep", "september septembre septiembre settembre setembro września wrzesień szeptember septembrie"),
    ("Sep", "eylül set sept."),
    ("Oct", "oktober octobre octubre ottobre outubro października październik október octombrie ekim"),
    ("Oct", "okt ott out"),
    ("Nov", "november novembre noviembre novembro listopada listopad noiembrie kasım"),
    ("Dec", "december décembre dezember diciembre dicembre dezembro grudnia grudzień decembrie aralık"),
    ("Dec", "dez dic déc."),
):
    for _name in _names.split():
        _MONTHS[_name] = _english
_MONTH_ALTERNATION = "|".join(re.escape(m) for m in sorted(_MONTHS, key=len, reverse=True))
_MONTH_RE = re.compile(r"(?<![^\W\d_])(" + _MONTH_ALTERNATION + r")(?![^\W\d_])", re.IGNORECASE)
# Connecting words between date and time ("om", "um", "à", "alle", "a las", "at").
_CONNECTORS = re.compile(r"\b(?:om|um|à|às|alle|a las|a la|at|o|kl\.?|klo|в)\b", re.IGNORECASE)
_WEEKDAYS = re.compile(
    r"\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\b(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|"
    r"montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lunes|martes|miércoles|jueves|viernes|sábado|"
    r"domingo|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunedì|martedì|mercoledì|giovedì|venerdì|"
    r"sabato|domenica)\b",
    re.IGNORECASE,
)
_DAY_FIRST_HINT = re.compile(r"^\s*\d{1,2}\.?\s+[^\W\d_]", re.UNICODE)


def parse_display_date(text: str, tz: tzinfo | None = None) -> datetime | None:
    """Parse a date as Meta's HTML exports display it, in the account's zone ``tz`` (UTC when ``None``).

    Handles ``Nov 08, 2005 4:19:54 am``, ``Jun 4, 2025, 6:46 PM``, ``4 juni 2025 18:46``,
    ``26. Okt. 2025, 14:00`` and similar. Returns an aware UTC datetime, or ``None`` when the text is not
    a date. Numeric day/month order is ambiguous; ``12/03/2025`` is read month first.
    """
    from dateutil import parser as date_parser

    if not text or not any(ch.isdigit() for ch in text):
        return None
    cleaned = " ".join(text.replace("\u202f", " ").replace("\xa0", " ").split())
    cleaned = _WEEKDAYS.sub(" ", cleaned)
    cleaned = _MONTH_RE.sub(lambda m: _MONTHS.get(m.group(1).lower(), m.group(1)), cleaned)
    cleaned = _CONNECTORS.sub(" ", cleaned)
    cleaned = re.sub(r"(?<=\d)\.(?=\s)", "", cleaned)  # "26. Oct" → "26 Oct"
    cleaned = re.sub(r"\s*,\s*", " ", cleaned).strip()
    if not re.search(r"\d{4}", cleaned):  # Meta always shows the year; "5" or "12:30" alone is not a date
        return None
    try:
        parsed = date_parser.parse(cleaned, dayfirst=bool(_DAY_FIRST_HINT.match(cleaned)), fuzzy=False)
    except (ValueError, OverflowError, TypeError):
        return None
    if parsed.year < 1990:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=tz or UTC)
    return parsed.astimezone(UTC)


_ZONE_RE = re.compile(
    r"\b((?:Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)"
    r"/[A-Za-z0-9_+\-]+(?:/[A-Za-z0-9_+\-]+)?)\b"
)


def zone_from_text(text: str) -> tzinfo | None:
    """The first IANA time-zone name found in ``text`` (e.g. a ``timezone.json|html`` file), as a tzinfo."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    for match in _ZONE_RE.finditer(text or ""):
        try:
            return ZoneInfo(match.group(1))
        except (ZoneInfoNotFoundError, ValueError):
            continue
    return None


# --------------------------------------------------------------------------- HTML exports


@dataclass
class HtmlRecord:
    """One record box of a Meta HTML export page, found by structure rather than class names.

    ``title`` is the heading (or first line), ``text`` the body with ``<br>`` as newlines, ``rows`` the
    label/value pairs of any table, ``date`` the display string of its footer / last line, ``links`` the
    hrefs inside the box.
    """

    title: str = ""
    text: str = ""
    date: str = ""
    rows: list[tuple[str, str]] = field(default_factory=list)
    links: list[str] = field(default_factory=list)

    def row(self, *labels: str) -> str | None:
        """The value of the first row whose label is one of ``labels`` (case-insensitive)."""
        wanted = {label.casefold() for label in labels}
        for label, value in self.rows:
            if label.strip().rstrip(":").casefold() in wanted and value:
                return value
        return None


@dataclass
class HtmlPage:
    """A parsed Meta HTML page: its title, the text outside the record boxes, the records, and the label /
    value rows of tables that sit outside any record box (some profile pages hold only such a table)."""

    title: str = ""
    header: list[str] = field(default_factory=list)
    records: list[HtmlRecord] = field(default_factory=list)
    rows: list[tuple[str, str]] = field(default_factory=list)
    missing: int = 0  # record boxes the markup announces that the parse could not find (damaged markup)


_SECTION_TAG = re.compile(r"[<>]section(?=[\s>])[^<>]*>")  # "<section ...>", or ">section ...>" without its "<"
_SECTION_END = re.compile(r"/section\s*>")
_BOX_CLASS = re.compile(r'class\s*=\s*"[^"]*(?<![\w-])(?:_a6-g|uiBoxWhite)(?![\w-])')


def announced_boxes(markup: str) -> int:
    """How many record boxes a Meta HTML page announces, counted on the text rather than on the parsed tree:
    its ``<section>`` tags (2024+; opening or closing, whichever survived more), else its record-box classes
    (2018-23). A parse that finds fewer lost boxes to damaged markup: they are counted as left out."""
    sections = max(len(_SECTION_TAG.findall(markup)), len(_SECTION_END.findall(markup)))
    return sections or len(_BOX_CLASS.findall(markup))


def lost_boxes(markup: str, found: int) -> int:
    """Record boxes of a page the parse did not find: those the markup announces beyond ``found``, and the
    box a page cut short (it opens ``<html>`` but never closes it) was cut in."""
    cut_short = "<html" in markup[:1000].lower() and "</html>" not in markup[-4000:].lower()
    return max(announced_boxes(markup) - found, 0) + (1 if cut_short and found else 0)


_BLOCK_TAGS = {"div", "p", "li", "tr", "table", "section", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6"}


def html_text(node: Any) -> str:
    """Visible text of a BeautifulSoup node: ``<br>`` and block boundaries become newlines."""
    from bs4 import NavigableString, Tag

    parts: list[str] = []
    # An explicit stack rather than recursion: hostile HTML may nest tens of thousands of levels deep.
    # Items are nodes to visit, or a str to emit after a block element's children.
    stack: list[Any] = list(reversed(list(node.children)))
    while stack:
        child = stack.pop()
        if isinstance(child, str) and not isinstance(child, NavigableString):
            parts.append(child)
        elif isinstance(child, NavigableString):
            if type(child).__name__ in ("Comment", "Doctype", "Declaration", "ProcessingInstruction"):
                continue
            parts.append(str(child))
        elif isinstance(child, Tag):
            if child.name in ("script", "style", "head"):
                continue
            if child.name == "br":
                parts.append("\n")
                continue
            block = child.name in _BLOCK_TAGS
            if block:
                parts.append("\n")
                stack.append("\n")
            stack.extend(reversed(list(child.children)))
    lines = [" ".join(line.split()) for line in "".join(parts).split("\n")]
    return "\n".join(line for line in lines if line).strip()


def parse_html_page(markup: str) -> HtmlPage:
    """Split a Meta HTML export page into record boxes by structure.

    2024+ pages hold one ``<section>`` per record (innermost sections win when they nest) with an
    ``<h2>`` title, a body, an optional table and a ``<footer>`` date; 2018–23 pages hold one ``<div>``
    box per record under the ``role=main`` element (title first, date last). Class names are ignored.
    """
    from bs4 import BeautifulSoup, Tag

    soup = BeautifulSoup(markup, "html.parser")
    page = HtmlPage()
    if soup.title and soup.title.string:
        page.title = " ".join(soup.title.string.split())
    main = soup.find("main") or soup.find(lambda tag: tag.get("role") == "main") or soup.body or soup
    sections = [s for s in main.find_all("section") if not s.find("section")] if isinstance(main, Tag) else []
    if sections and len(sections) < announced_boxes(markup):  # a damaged tag closed <main> early: read on
        sections = [s for s in soup.find_all("section") if not s.find("section")]
    boxes = sections or [c for c in _elements(main) if c.name == "div" and len(_elements(c)) >= 2]
    page.missing = lost_boxes(markup, len(boxes))
    page.records = [_html_record(box) for box in boxes]
    for box in boxes:
        box.extract()
    page.rows = _table_rows(main)
    header = html_text(soup.body or soup)
    page.header = [line for line in header.split("\n") if line]
    return page


def _elements(tag: Any) -> list[Any]:
    from bs4 import Tag

    return [c for c in tag.children if isinstance(c, Tag)]


def _table_rows(node: Any) -> list[tuple[str, str]]:
    """``(label, value)`` of every table row under ``node`` (a one-cell row gives ``(text, "")``); the rows
    and tables are taken out of ``node``."""
    rows: list[tuple[str, str]] = []
    for tr in node.find_all("tr"):
        cells = tr.find_all(["td", "th"], recursive=False)
        if len(cells) >= 2:
            rows.append((html_text(cells[0]), html_text(cells[1])))
        elif len(cells) == 1:
            rows.append((html_text(cells[0]), ""))
        tr.extract()
    for table in node.find_all("table"):
        table.extract()
    return rows


def _html_record(box: Any) -> HtmlRecord:
    record = HtmlRecord(links=[a["href"] for a in box.find_all("a", href=True)])
    record.rows = _table_rows(box)
    heading = box.find(["h1", "h2", "h3", "h4", "h5", "h6"])
    footer = box.find("footer")
    children = _elements(box)
    if heading is not None:
        record.title = html_text(heading)
        heading.extract()
    elif children:
        record.title = html_text(children[0])
        children[0].extract()
    if footer is not None:
        record.date = html_text(footer)
        footer.extract()
    else:
        children = _elements(box)
        if children and parse_display_date(html_text(children[-1])):
            record.date = html_text(children[-1])
            children[-1].extract()
    record.text = html_text(box)
    return record
