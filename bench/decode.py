"""Decoding cost of each platform's largest data file, four ways (issue 22, item 1).

``json.loads``, the depth walk the readers run after it, msgspec into dicts and msgspec into typed structs that
name only the fields the readers use (``gc=False``). CPU seconds, best of ``--runs``. msgspec is a developer
tool here, not a dependency of the project (``pip install msgspec``).

    python bench/decode.py --data /tmp/bench-data
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scanner.archive import Archive, decode_text, json_too_deep  # noqa: E402

try:
    import msgspec
except ImportError:  # pragma: no cover - a developer tool
    sys.exit("bench/decode.py needs msgspec: pip install msgspec")


class FbData(msgspec.Struct, gc=False):
    post: Any = None


class FbPost(msgspec.Struct, gc=False):
    timestamp: Any = None
    title: Any = None
    data: list[FbData] = []
    attachments: Any = None
    tags: Any = None


class IgMedia(msgspec.Struct, gc=False):
    uri: Any = None
    creation_timestamp: Any = None
    title: Any = None


class IgPost(msgspec.Struct, gc=False):
    media: list[IgMedia] = []
    title: Any = None
    creation_timestamp: Any = None


class Tweet(msgspec.Struct, gc=False):
    id_str: Any = None
    id: Any = None
    full_text: Any = None
    text: Any = None
    created_at: Any = None
    entities: Any = None
    in_reply_to_screen_name: Any = None
    in_reply_to_status_id: Any = None
    in_reply_to_status_id_str: Any = None
    in_reply_to_user_id: Any = None
    in_reply_to_user_id_str: Any = None
    retweeted_status: Any = None
    user: Any = None


class TweetItem(msgspec.Struct, gc=False):
    tweet: Tweet | None = None


CASES: tuple[tuple[str, Any], ...] = (
    ("facebook-100k.zip", list[FbPost]),
    ("instagram-100k.zip", list[IgPost]),
    ("x-100k.zip", list[TweetItem]),
)


def best(fn: Callable[[], object], runs: int) -> float:
    """The lowest CPU time of ``runs`` calls."""
    times = []
    for _ in range(runs):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT / "bench" / "data")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    for name, typed in CASES:
        print(measure(args.data / name, typed, args.runs), flush=True)


def measure(path: Path, typed: Any, runs: int) -> str:
    """One line of figures for the largest data file of the archive at ``path``."""
    with Archive([path]) as archive:
        member = max(archive.members, key=lambda m: m.size)
        raw = archive.read_bytes(member)
    if member.name.endswith(".js"):
        raw = raw[raw.index(b"=") + 1 :]
    text = decode_text(raw)
    tree = json.loads(text)
    plain, structs = msgspec.json.Decoder(), msgspec.json.Decoder(typed)
    return (
        f"{path.name} {member.path} ({len(raw) / 1e6:.1f} MB)\n"
        f"  json.loads {best(lambda: json.loads(text), runs):.3f} s, "
        f"depth walk {best(lambda: json_too_deep(tree, 200), runs):.3f} s, "
        f"msgspec dicts {best(lambda: plain.decode(raw), runs):.3f} s, "
        f"msgspec typed {best(lambda: structs.decode(raw), runs):.3f} s"
    )


if __name__ == "__main__":
    main()
