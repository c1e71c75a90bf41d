"""Experiment (issue 22, item 1): Facebook posts decoded by msgspec into typed structs, records built from them.

Not used by the tool. The posts files are decoded into structs that name only the fields the reader uses
(``gc=False``); ``attachments`` and ``tags`` stay plain values, walked for depth as before, and a file the structs
refuse falls back to the dict path. The records are built by the reader's own helpers and compared with the
dict path's; reader-alone CPU seconds, best of ``--runs``. Needs msgspec (``pip install msgspec``).

    python bench/typed_facebook.py --data /tmp/bench-data
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from decode import FbPost, msgspec  # noqa: E402  (bench/decode.py: the same structs; it needs msgspec too)

from scanner.archive import Archive, Member, json_too_deep  # noqa: E402
from scanner.detect import detect  # noqa: E402
from scanner.readers import ReadContext  # noqa: E402
from scanner.readers.facebook import json_files as fb_json  # noqa: E402
from scanner.readers.facebook.records import Owner, PostFacts, post_records  # noqa: E402
from scanner.readers.guard import EntryTally  # noqa: E402
from scanner.records import AnyRecord, from_epoch  # noqa: E402


class Typed(list[FbPost]):
    """A posts file decoded into structs."""


DECODER = msgspec.json.Decoder(list[FbPost])
DICT_READ_JSON = Archive.read_json
DICT_POSTS = fb_json.PARSERS["posts"]


def typed_read_json(archive: Archive, member: Member) -> Any:
    """Posts files as :class:`Typed` when the structs take them, every other file as before."""
    if "your_posts" not in member.path or not member.path.endswith(".json"):
        return DICT_READ_JSON(archive, member)
    try:
        posts = DECODER.decode(archive.read_bytes(member))
    except (msgspec.DecodeError, RecursionError):
        return DICT_READ_JSON(archive, member)
    limit = archive.limits.max_json_depth - 3  # list > post > attachments
    if any(json_too_deep(value, limit) for post in posts for value in (post.attachments, post.tags) if value):
        return DICT_READ_JSON(archive, member)
    return Typed(posts)


def facts(post: FbPost) -> PostFacts:
    """:func:`fb_json.post_facts` for a struct."""
    texts = [text for d in post.data if (text := fb_json._str(d.post))]
    found = PostFacts(timestamp=from_epoch(post.timestamp), title=fb_json._str(post.title), text="\n".join(texts))
    for item in fb_json._attachment_items({"attachments": post.attachments}):
        fb_json._add_attachment(found, item)
    for tag in post.tags or ():
        name = fb_json._str(tag.get("name")) if isinstance(tag, dict) else fb_json._str(tag)
        if name:
            found.tags.append(name)
    return found


def typed_posts(data: Any, source: str, owner: Owner, tally: EntryTally) -> Iterator[AnyRecord]:
    """The posts parser: structs when the file was decoded into them, else the reader's own."""
    if not isinstance(data, Typed):
        yield from DICT_POSTS(data, source, owner, tally)
        return
    yield from tally.each(data, lambda i, post: post_records(facts(post), owner, f"{source}#{i}"))


def read(path: Path) -> tuple[float, list[str]]:
    """Reader-alone CPU seconds and every record's repr."""
    start = time.process_time()
    with Archive([path]) as archive:
        found = detect(archive)
        records = [repr(r) for r in found.reader.read(archive, found.detection, ReadContext())]
    return time.process_time() - start, records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT / "bench" / "data")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    path = args.data / "facebook-100k.zip"
    dicts = [read(path) for _ in range(args.runs)]
    Archive.read_json = typed_read_json  # type: ignore[method-assign]
    fb_json.PARSERS["posts"] = typed_posts
    typed = [read(path) for _ in range(args.runs)]
    same = dicts[0][1] == typed[0][1]
    print(
        f"{path.name}: dict path {min(t for t, _ in dicts):.2f} s, typed posts {min(t for t, _ in typed):.2f} s "
        f"CPU (best of {args.runs}); {len(typed[0][1])} records, identical: {same}"
    )


if __name__ == "__main__":
    main()
