#!/usr/bin/env python3
"""Wrap a list of posts into a real-shaped X archive zip (the current ``x-v2`` layout), standard library only.

The layout follows real archives and ../shared/tools/render_corpus.py: ``Your archive.html``, ``data/manifest.js``
(``window.__THAR_CONFIG``), ``data/tweets.js`` (``window.YTD.tweets.part0``, each item wrapped in ``{"tweet": …}``,
every number a string, ``created_at`` like ``Sat Aug 12 16:10:37 +0000 2023``, ``entities.user_mentions``, replies
with ``in_reply_to_*``), ``account.js``, ``profile.js``, empty ``follower.js``, ``following.js``, ``like.js`` and
direct-message files. Output is deterministic: ids and times come from hashes of the post ids.

    python3 eval/realtext/wrap_x.py posts.txt out.zip      # one post per line
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import sys
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

_MENTION = re.compile(r"(?<![\w@])@(\w{1,15})")
_HASHTAG = re.compile(r"(?<![\w#])#(\w+)")
_LEADING_MENTIONS = re.compile(r"(\s*@\w{1,15}\s*)+")
_ZIP_TIME = (2024, 1, 1, 0, 0, 0)
_SPAN = timedelta(days=5 * 365)
_START = datetime(2015, 1, 1, tzinfo=UTC)
OWNER_ID = "1012345678901234567"


@dataclass(frozen=True)
class Post:
    """One post to wrap: an id unique in the list and its text."""

    id: str
    text: str


def _num(*parts: object) -> int:
    return int.from_bytes(hashlib.sha256("|".join(map(str, parts)).encode()).digest()[:8], "big")


def _iso_ms(dt: datetime) -> str:
    return dt.strftime("%Y-%m-%dT%H:%M:%S.") + f"{dt.microsecond // 1000:03d}Z"


def _ytd(name: str, items: list[Any]) -> bytes:
    body = json.dumps(items, ensure_ascii=False, indent=2).replace('": ', '" : ') if items else "[ ]"
    return f"window.YTD.{name}.part0 = {body}".encode()


def tweet_id(post: Post) -> str:
    """The tweet id ``post`` gets in the archive (from a hash of its id, so ids must be unique in a list)."""
    return str((_num("id", post.id) >> 2) % 10**18 + 10**18)


def _tweet(post: Post) -> dict[str, Any]:
    created = _START + timedelta(seconds=_num("t", post.id) % int(_SPAN.total_seconds()))
    tid = tweet_id(post)
    text = html.escape(post.text, quote=False)
    mentions = []
    for m in _MENTION.finditer(text):
        acct = str(_num("acct", m.group(1).lower()) % 10**17 + 10**17)
        mentions.append(
            {
                "name": m.group(1),
                "screen_name": m.group(1),
                "indices": [str(m.start()), str(m.end())],
                "id_str": acct,
                "id": acct,
            }
        )
    hashtags = [{"text": m.group(1), "indices": [str(m.start()), str(m.end())]} for m in _HASHTAG.finditer(text)]
    lead = _LEADING_MENTIONS.match(text)
    tweet: dict[str, Any] = {
        "edit_info": {
            "initial": {
                "editTweetIds": [tid],
                "editableUntil": _iso_ms(created + timedelta(hours=1)),
                "editsRemaining": "5",
                "isEditEligible": False,
            }
        },
        "retweeted": False,
        "source": '<a href="https://mobile.twitter.com" rel="nofollow">Twitter Web App</a>',
        "entities": {"hashtags": hashtags, "symbols": [], "user_mentions": mentions, "urls": []},
        "display_text_range": [str(lead.end() if lead else 0), str(len(text))],
        "favorite_count": str(_num("fav", post.id) % 17),
        "id_str": tid,
    }
    if lead and mentions:
        first = mentions[0]
        reply_to = str((_num("reply", post.id) >> 2) % 10**18 + 10**18)
        tweet.update(
            {
                "in_reply_to_status_id_str": reply_to,
                "in_reply_to_user_id": first["id_str"],
                "in_reply_to_status_id": reply_to,
                "in_reply_to_screen_name": first["screen_name"],
                "in_reply_to_user_id_str": first["id_str"],
            }
        )
    tweet.update(
        {
            "truncated": False,
            "retweet_count": str(_num("rt", post.id) % 4),
            "id": tid,
            "created_at": created.strftime("%a %b %d %H:%M:%S +0000 %Y"),
            "favorited": False,
            "full_text": text,
            "lang": "und",
        }
    )
    return {"tweet": tweet}


def archive_files(posts: Sequence[Post], username: str = "realtext_guard") -> dict[str, bytes]:
    """The members of an X archive holding ``posts`` as the owner's tweets, in the order X writes them."""
    tweets = sorted(
        (_tweet(p) for p in posts),
        key=lambda t: datetime.strptime(t["tweet"]["created_at"], "%a %b %d %H:%M:%S %z %Y"),
        reverse=True,
    )
    data: dict[str, tuple[str, str, list[Any]]] = {
        "account": (
            "account.js",
            "account",
            [
                {
                    "account": {
                        "email": f"{username}@example.com",
                        "createdVia": "web",
                        "username": username,
                        "accountId": OWNER_ID,
                        "createdAt": _iso_ms(_START - timedelta(days=40)),
                        "accountDisplayName": "Real Text Guard",
                    }
                }
            ],
        ),
        "tweets": ("tweets.js", "tweets", tweets),
        "follower": ("follower.js", "follower", []),
        "following": ("following.js", "following", []),
        "like": ("like.js", "like", []),
        "directMessages": ("direct-messages.js", "direct_messages", []),
        "directMessagesGroup": ("direct-messages-group.js", "direct_messages_group", []),
        "profile": (
            "profile.js",
            "profile",
            [
                {
                    "profile": {
                        "description": {"bio": "", "website": "", "location": ""},
                        "avatarMediaUrl": "https://abs.twimg.com/sticky/default_profile_images/default_profile.png",
                    }
                }
            ],
        ),
        "protectedHistory": ("protected-history.js", "protected_history", []),
    }
    members = {f"data/{fname}": _ytd(gname, items) for fname, gname, items in data.values()}
    types: dict[str, Any] = {}
    for dtype, (fname, gname, items) in sorted(data.items()):
        entry: dict[str, Any] = {
            "files": [{"fileName": f"data/{fname}", "globalName": f"YTD.{gname}.part0", "count": str(len(items))}]
        }
        if dtype == "tweets":
            entry["mediaDirectory"] = "data/tweets_media"
        types[dtype] = entry
    manifest = {
        "userInfo": {"accountId": OWNER_ID, "userName": username, "displayName": "Real Text Guard"},
        "archiveInfo": {
            "sizeBytes": str(sum(map(len, members.values()))),
            "generationDate": "2024-01-01T00:00:00.000Z",
            "isPartialArchive": False,
            "maxPartSizeBytes": "53687091200",
        },
        "readmeInfo": {"fileName": "data/README.txt", "directory": "data/", "name": "README.txt"},
        "dataTypes": types,
    }
    manifest_js = "window.__THAR_CONFIG = " + json.dumps(manifest, indent=2).replace('": ', '" : ')
    head = {
        "Your archive.html": b'<!doctype html><html><head><meta charset="utf-8"><title>Your X Data</title></head>'
        b'<body><div id="root"></div><script src="./data/manifest.js"></script></body></html>',
        "data/manifest.js": manifest_js.encode(),
        "data/README.txt": b"Your archive\n\nEach .js file under data/ sets window.YTD.<name>.part0\n",
    }
    return head | members


def write_archive(posts: Sequence[Post], out: Path, username: str = "realtext_guard") -> Path:
    """Write ``posts`` as an X archive zip at ``out`` (byte-identical for the same posts); return ``out``."""
    with zipfile.ZipFile(out, "w") as zf:
        for name, body in archive_files(posts, username).items():
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o100644 << 16
            zf.writestr(info, body)
    return out


def posts_from_lines(lines: Iterable[str], prefix: str = "p") -> list[Post]:
    """One post per non-empty line, ids ``<prefix>-<line number>``."""
    return [Post(f"{prefix}-{i}", line.strip()) for i, line in enumerate(lines, 1) if line.strip()]


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: wrap_x.py POSTS.txt OUT.zip   (one post per line)", file=sys.stderr)
        return 2
    src, out = Path(argv[0]), Path(argv[1])
    try:
        posts = posts_from_lines(src.read_text(encoding="utf-8").splitlines())
    except (OSError, UnicodeDecodeError) as exc:
        print(f"cannot read {src}: {exc}", file=sys.stderr)
        return 2
    write_archive(posts, out)
    print(f"{out}: {len(posts)} posts")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
