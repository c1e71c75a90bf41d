"""Which X archive generation an archive is, and which of its members hold which data.

Generations (see FORMATS-other.md section 1):

* ``x-classic`` -- the pre-2019 "Tweet archive": root ``tweets.csv``, Grailbird ``data/js/tweets/YYYY_MM.js``;
* ``x-v1-2019`` -- 2018-2020 "Your Twitter data": every ``.js`` at the archive root, ``tweet.js``;
* ``x-v2-2020`` -- ``data/`` + ``data/manifest.js``, tweets in ``data/tweet.js``;
* ``x-v2`` -- the same with ``data/tweets.js`` (since late 2022).

Big data types are split into part files (``tweets.js``, ``tweets-part1.js`` …, not in date order).
Detection looks at member paths and sniffs at most a few bytes of one or two files.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from scanner.archive import Archive, Member
from scanner.readers.x.js import read_head, ytd_global

# Base file name (without ``-partN.js``) -> the data type this reader understands.
FILE_TYPES: dict[str, str] = {
    "tweets": "tweets",
    "tweet": "tweets",
    "like": "like",
    "follower": "follower",
    "following": "following",
    "block": "block",
    "mute": "mute",
    "direct-messages": "dm",
    "direct-message": "dm",
    "direct-messages-group": "dm_group",
    "direct-message-group": "dm_group",
    "account": "account",
    "profile": "profile",
    "protected-history": "protected_history",
    "ni-devices": "ni_devices",
    "connected-application": "connected_application",
    "contact": "contact",
    "account-timezone": "account_timezone",
    "phone-number": "phone_number",
}

_PART_RE = re.compile(r"^(?P<base>[a-z0-9_-]+?)(?:-part(?P<part>\d+))?\.js$")
_GRAILBIRD_RE = re.compile(r"(^|/)data/js/tweets/\d{4}_\d{2}\.js$", re.IGNORECASE)
_MAX_SNIFF = 12


@dataclass
class Layout:
    """The X members of an archive, grouped by data type (part files in part order)."""

    generation: str = ""
    evidence: str = ""
    files: dict[str, list[Member]] = field(default_factory=dict)
    manifest: Member | None = None
    classic_csv: Member | None = None
    classic_js: list[Member] = field(default_factory=list)
    user_details: Member | None = None
    loose: bool = False

    def of(self, data_type: str) -> list[Member]:
        """Members holding ``data_type`` (empty list when none)."""
        return self.files.get(data_type, [])

    def add(self, data_type: str, member: Member, part: int) -> None:
        """Add a member unless it is already listed, keeping part order."""
        members = self.files.setdefault(data_type, [])
        if member not in members:
            members.append(member)
            members.sort(key=lambda m: (part_number(m.name), m.path))

    @property
    def is_x(self) -> bool:
        return bool(self.generation)


def part_number(name: str) -> int:
    """``tweets-part2.js`` -> 2; ``tweets.js`` -> 0."""
    match = _PART_RE.match(name.lower())
    return int(match.group("part")) if match and match.group("part") else 0


def classify(name: str) -> tuple[str, int] | None:
    """``(data type, part)`` for a known X data-file name, else ``None``."""
    match = _PART_RE.match(name.lower())
    if not match or match.group("base") not in FILE_TYPES:
        return None
    return FILE_TYPES[match.group("base")], int(match.group("part") or 0)


def type_of_global(global_name: str) -> str | None:
    """The data type for a ``window.YTD.<global>`` name (``direct_messages`` -> ``dm``)."""
    return FILE_TYPES.get(global_name.replace("_", "-"))


def _in_media_or_assets(member: Member) -> bool:
    parents = PurePosixPath(member.path.lower()).parts[:-1]
    return any(p.endswith("_media") or p == "assets" for p in parents)


def _parent(member: Member) -> str:
    parts = PurePosixPath(member.path.lower()).parts
    return parts[-2] if len(parts) > 1 else ""


def survey(archive: Archive) -> Layout:
    """Group the archive's X members by data type and name the generation ('' when not X)."""
    layout = Layout()
    js_members = [m for m in archive.members if m.path.lower().endswith(".js") and not _in_media_or_assets(m)]
    unknown_js: list[Member] = []
    for member in js_members:
        name = member.name.lower()
        if name == "manifest.js":
            layout.manifest = layout.manifest or member
        elif _GRAILBIRD_RE.search(member.path):
            layout.classic_js.append(member)
        elif member.endswith("data/js/user_details.js"):
            layout.user_details = member
        elif (found := classify(name)) is not None:
            layout.add(found[0], member, found[1])
        else:
            unknown_js.append(member)
    layout.classic_csv = next((m for m in archive.members if m.name.lower() == "tweets.csv"), None)
    layout.classic_js.sort(key=lambda m: m.path)
    _name_generation(archive, layout, unknown_js)
    return layout


def _name_generation(archive: Archive, layout: Layout, unknown_js: list[Member]) -> None:
    known = [m for members in layout.files.values() for m in members]
    tweets = layout.of("tweets")
    if layout.manifest is not None and read_head(archive, layout.manifest, 64).lstrip().startswith(
        b"window.__THAR_CONFIG"
    ):
        layout.generation = _v2_generation(tweets, default="x-v2")
        layout.evidence = f"{layout.manifest.path} (window.__THAR_CONFIG)"
        return
    if layout.classic_js or layout.user_details or (layout.classic_csv and not known):
        layout.generation = "x-classic"
        marker = layout.classic_js[0] if layout.classic_js else layout.user_details or layout.classic_csv
        layout.evidence = f"{marker.path if marker else 'tweets.csv'} (classic Tweet archive)"
        return
    if known and _sniff_any(archive, [*tweets, *known]):
        in_data = any(_parent(m) == "data" for m in known)
        if len(known) == 1:
            layout.loose = True
        if in_data:
            layout.generation = _v2_generation(tweets, default="x-v2")
        else:
            layout.generation = _v2_generation(tweets, default="x-v1-2019", old="x-v1-2019")
        layout.evidence = f"{known[0].path} (window.YTD data{' file' if layout.loose else ''})"
        return
    _sniff_loose(archive, layout, unknown_js)


def _v2_generation(tweets: Iterable[Member], default: str, old: str = "x-v2-2020") -> str:
    bases = {match.group("base") for m in tweets if (match := _PART_RE.match(m.name.lower()))}
    if "tweets" in bases:
        return "x-v2"
    if "tweet" in bases:
        return old
    return default


def _sniff_any(archive: Archive, members: list[Member]) -> bool:
    return any(ytd_global(read_head(archive, m)) for m in members[:2])


def _sniff_loose(archive: Archive, layout: Layout, candidates: list[Member]) -> None:
    """A lone data file under another name: identify it by its ``window.YTD.<global>``."""
    for member in candidates[:_MAX_SNIFF]:
        global_name = ytd_global(read_head(archive, member))
        data_type = type_of_global(global_name) if global_name else None
        if data_type is None:
            continue
        layout.add(data_type, member, part_number(member.name))
        layout.loose = True
        layout.evidence = f"{member.path} (window.YTD.{global_name})"
        if data_type == "tweets":
            layout.generation = "x-v2" if global_name == "tweets" else "x-v2-2020"
        else:
            layout.generation = layout.generation or "x-v2"
