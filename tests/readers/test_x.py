"""X reader: every archive generation, written in its real format and zipped on the fly."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from checks.base import Severity
from scanner.archive import Archive
from scanner.clients import Client, ClientList
from scanner.demo import demo_paths
from scanner.pipeline import ScanOptions, scan
from scanner.readers.base import ReadContext
from scanner.readers.x import js as x_js
from scanner.readers.x.reader import XReader
from scanner.readers.x.tweets import parse_time
from scanner.records import (
    AnyRecord,
    Audience,
    Connection,
    Person,
    Post,
    Profile,
    Reaction,
    Relation,
    Setting,
    Thread,
)
from tests.conftest import EVAL_DEV, FORMATS, TOOLS, requires_shared

OWNER_ID = "900000000000000001"
OWNER = "jdoe_counsels"
READER = XReader()

# ----------------------------------------------------------------------------- writers of the real formats


def ytd(global_name: str, items: list[Any], *, style: str = "v2") -> str:
    """``window.YTD.<global>.part0 = [...]`` in X's Jackson style (2021+ or the inline 2019-2020 style)."""

    def dump(value: Any) -> str:
        return json.dumps(value, indent=2, ensure_ascii=False, separators=(",", " : "))

    body = "[ " + ", ".join(dump(i) for i in items) + " ]" if style == "2019" and items else dump(items)
    return f"window.YTD.{global_name}.part0 = {body}"


def tweet(
    tweet_id: str,
    text: str,
    created: str = "Sat Aug 12 16:10:37 +0000 2023",
    *,
    mentions: Iterable[tuple[str, str, str]] = (),
    reply: tuple[str, str | None] | None = None,
    urls: Iterable[tuple[str, str]] = (),
    wrapped: bool = True,
) -> dict[str, Any]:
    """A v2 tweet item: every number a string; reply keys absent unless ``reply=(user id, screen name)``."""
    body: dict[str, Any] = {
        "retweeted": False,
        "source": '<a href="https://mobile.twitter.com" rel="nofollow">Twitter Web App</a>',
        "entities": {
            "hashtags": [],
            "symbols": [],
            "user_mentions": [
                {"name": name, "screen_name": handle, "indices": ["0", str(len(handle) + 1)], "id_str": uid, "id": uid}
                for handle, name, uid in mentions
            ],
            "urls": [
                {"url": short, "expanded_url": long, "display_url": long[8:30], "indices": ["0", "23"]}
                for short, long in urls
            ],
        },
        "display_text_range": ["0", str(len(text))],
        "favorite_count": "3",
        "id_str": tweet_id,
        "truncated": False,
        "retweet_count": "0",
        "id": tweet_id,
        "created_at": created,
        "favorited": False,
        "full_text": text,
        "lang": "en",
    }
    if reply is not None:
        user_id, screen_name = reply
        body["in_reply_to_status_id_str"] = "1111111111111111111"
        body["in_reply_to_status_id"] = "1111111111111111111"
        body["in_reply_to_user_id"] = user_id
        body["in_reply_to_user_id_str"] = user_id
        if screen_name is not None:
            body["in_reply_to_screen_name"] = screen_name
    return {"tweet": body} if wrapped else body


def accounts(key: str, ids: Iterable[str]) -> list[dict[str, Any]]:
    return [{key: {"accountId": i, "userLink": f"https://twitter.com/intent/user?user_id={i}"}} for i in ids]


def manifest(files: dict[str, list[str]], *, user: bool = True) -> str:
    """``window.__THAR_CONFIG`` with ``dataTypes.<type>.files[].fileName``."""
    data_types = {
        key: {"files": [{"fileName": f, "globalName": f"YTD.{key}.part{i}", "count": "1"} for i, f in enumerate(fs)]}
        for key, fs in files.items()
    }
    config: dict[str, Any] = {
        "archiveInfo": {"generationDate": "2025-10-28T09:58:26.037Z", "isPartialArchive": False},
        "dataTypes": data_types,
    }
    if user:
        config["userInfo"] = {"accountId": OWNER_ID, "userName": OWNER, "displayName": "Jane Doe"}
    return "window.__THAR_CONFIG = " + json.dumps(config, indent=2, separators=(",", " : "))


ACCOUNT = {
    "account": {
        "email": "jd@example.com",
        "createdVia": "web",
        "username": OWNER,
        "accountId": OWNER_ID,
        "createdAt": "2016-02-01T14:48:13.167Z",
        "accountDisplayName": "Jane Doe",
    }
}
PROFILE = {
    "profile": {"description": {"bio": "Counsellor. Runner.", "website": "https://t.co/abc", "location": "Millbrook"}}
}
CLIENT_ID, FRIEND_ID, STRANGER_ID = "1344769376146689503", "2222222222", "3333333333"


def dm_conversation(other: str, texts: list[tuple[str, str, str]]) -> dict[str, Any]:
    """A one-to-one ``dmConversation``; ``texts`` = (sender, createdAt, text), written newest first."""
    ordered = sorted(texts, key=lambda t: t[1], reverse=True)
    a, b = sorted([OWNER_ID, other], key=int)
    return {
        "dmConversation": {
            "conversationId": f"{a}-{b}",
            "messages": [
                {
                    "messageCreate": {
                        "recipientId": other if sender == OWNER_ID else OWNER_ID,
                        "reactions": [],
                        "urls": [],
                        "text": text,
                        "mediaUrls": [],
                        "senderId": sender,
                        "id": str(9000 + n),
                        "createdAt": when,
                    }
                }
                for n, (sender, when, text) in enumerate(ordered)
            ],
        }
    }


def base_files(
    prefix: str,
    tweets_name: str,
    tweets_global: str,
    *,
    wrapped: bool = True,
    style: str = "v2",
    dm_name: str = "direct-messages",
) -> dict[str, str]:
    """One small account in a GDPR-era layout: 3 tweets, 2 followers, 1 following, 1 like, 1 DM thread."""
    tweets = [
        tweet("1690395372546301952", "Long day of intakes. Coffee &amp; notes.", wrapped=wrapped),
        tweet(
            "1690395372546301953",
            "@dee_w see you Tuesday!",
            "Sun Aug 13 09:00:00 +0000 2023",
            mentions=[("dee_w", "Dee W", CLIENT_ID)],
            reply=(CLIENT_ID, "dee_w"),
            wrapped=wrapped,
        ),
        tweet(
            "1690395372546301954",
            "Gym then jam https://t.co/x1",
            "Mon Aug 14 19:30:05 +0000 2023",
            urls=[("https://t.co/x1", "https://example.org/jam")],
            wrapped=wrapped,
        ),
    ]
    dm_global = dm_name.replace("-", "_")
    return {
        f"{prefix}{tweets_name}": ytd(tweets_global, tweets, style=style),
        f"{prefix}follower.js": ytd("follower", accounts("follower", [CLIENT_ID, STRANGER_ID]), style=style),
        f"{prefix}following.js": ytd("following", accounts("following", [FRIEND_ID]), style=style),
        f"{prefix}like.js": ytd(
            "like",
            [
                {
                    "like": {
                        "tweetId": "1626703850622304256",
                        "fullText": "hello",
                        "expandedUrl": "https://twitter.com/i/web/status/1",
                    }
                }
            ],
            style=style,
        ),
        f"{prefix}{dm_name}.js": ytd(
            dm_global,
            [
                dm_conversation(
                    CLIENT_ID,
                    [(CLIENT_ID, "2023-01-09T06:30:00.187Z", "hi"), (OWNER_ID, "2023-01-09T13:15:00.125Z", "hello")],
                )
            ],
            style=style,
        ),
        f"{prefix}account.js": ytd("account", [ACCOUNT], style=style),
        f"{prefix}profile.js": ytd("profile", [PROFILE], style=style),
    }


def v2_files(prefix: str = "", tweets_name: str = "tweets") -> dict[str, str]:
    files = base_files(f"{prefix}data/", f"{tweets_name}.js", tweets_name)
    files[f"{prefix}data/manifest.js"] = manifest({tweets_name: [f"data/{tweets_name}.js"]})
    files[f"{prefix}Your archive.html"] = "<html></html>"
    return files


def grailbird(tweets: list[dict[str, Any]], month: str = "2014_12") -> str:
    return f"Grailbird.data.tweets_{month} = \n" + json.dumps(tweets, indent=2, separators=(",", " : "))


def classic_tweet(tweet_id: int, text: str, created: str, *, protected: bool = False, **extra: Any) -> dict[str, Any]:
    return {
        "source": "web",
        "entities": {"user_mentions": extra.pop("mentions", []), "media": [], "hashtags": [], "urls": []},
        "geo": {},
        "id_str": str(tweet_id),
        "text": text,
        "id": tweet_id,
        "created_at": created,
        "user": {
            "name": "Jane Doe",
            "screen_name": OWNER,
            "protected": protected,
            "id_str": OWNER_ID,
            "id": int(OWNER_ID),
            "verified": False,
        },
        **extra,
    }


def classic_csv(rows: list[dict[str, str]]) -> str:
    out = io.StringIO()
    fields = [
        "tweet_id",
        "in_reply_to_status_id",
        "in_reply_to_user_id",
        "timestamp",
        "source",
        "text",
        "retweeted_status_id",
        "retweeted_status_user_id",
        "retweeted_status_timestamp",
        "expanded_urls",
    ]
    writer = csv.DictWriter(out, fields, quoting=csv.QUOTE_ALL)
    writer.writeheader()
    for row in rows:
        writer.writerow({f: row.get(f, "") for f in fields})
    return out.getvalue()


def classic_files() -> dict[str, str]:
    tweets_js = [
        classic_tweet(550045400221356034, "Newest tweet", "2014-12-30 21:46:57 +0000", protected=True),
        classic_tweet(
            545300935158030336,
            "@pal hi",
            "2014-12-17 19:34:08 +0000",
            in_reply_to_user_id=4444,
            in_reply_to_user_id_str="4444",
            in_reply_to_screen_name="pal",
            in_reply_to_status_id_str="545300935158030000",
            mentions=[{"name": "Pal", "screen_name": "pal", "id_str": "4444", "id": 4444, "indices": [0, 4]}],
        ),
    ]
    csv_rows = [
        {"tweet_id": "550045400221356034", "timestamp": "2014-12-30 21:46:57 +0000", "text": "Newest tweet"},
        {
            "tweet_id": "545300935158030336",
            "timestamp": "2014-12-17 19:34:08 +0000",
            "text": "@pal hi",
            "in_reply_to_user_id": "4444",
            "in_reply_to_status_id": "545300935158030000",
        },
        {
            "tweet_id": "530000000000000001",
            "timestamp": "2014-11-02 08:00:00 +0000",
            "text": "Read this http://t.co/abc, it's good",
            "expanded_urls": "https://example.org/read",
        },
        {
            "tweet_id": "530000000000000002",
            "timestamp": "2014-11-01 08:00:00 +0000",
            "text": "RT @news: big story",
            "retweeted_status_id": "529999999999999999",
        },
    ]
    return {
        "tweets.csv": classic_csv(csv_rows),
        "index.html": "<title>Your Twitter archive</title>",
        "data/js/tweet_index.js": "var tweet_index = []",
        "data/js/user_details.js": 'var user_details = {"screen_name" : "' + OWNER + '", "full_name" : "Jane Doe", '
        '"bio" : "Counsellor", "id" : "' + OWNER_ID + '", "expanded_url" : "https://example.org"}',
        "data/js/tweets/2014_12.js": grailbird(tweets_js),
    }


# ----------------------------------------------------------------------------- helpers


def read(path: Path) -> tuple[list[AnyRecord], ReadContext, str]:
    with Archive([path]) as archive:
        detection = READER.detect(archive)
        assert detection is not None, "not detected as X"
        ctx = ReadContext()
        records = list(READER.read(archive, detection, ctx))
    return records, ctx, detection.generation


def kinds(records: Iterable[AnyRecord]) -> Counter[str]:
    return Counter(r.kind.value for r in records)


def of(records: Iterable[AnyRecord], cls: type) -> list[Any]:
    return [r for r in records if isinstance(r, cls)]


MakeZip = Callable[..., Path]

# ----------------------------------------------------------------------------- detection


@pytest.mark.parametrize(
    ("files", "generation", "fmt"),
    [
        (v2_files(), "x-v2", "js"),
        (v2_files(tweets_name="tweet"), "x-v2-2020", "js"),
        (v2_files(prefix="twitter-2025-10-28-abc/"), "x-v2", "js"),
        (base_files("", "tweet.js", "tweet", wrapped=False, style="2019", dm_name="direct-message"), "x-v1-2019", "js"),
        (base_files("my-export/", "tweet.js", "tweet", wrapped=False, style="2019"), "x-v1-2019", "js"),
        (classic_files(), "x-classic", "js"),
        (
            {"tweets.csv": classic_csv([{"tweet_id": "1", "timestamp": "2014-12-30 21:46:57 +0000"}])},
            "x-classic",
            "csv",
        ),
        ({"tweets.js": ytd("tweets", [tweet("1690395372546301952", "hi")])}, "x-v2", "js"),
        ({"downloads/whatever.js": ytd("like", [{"like": {"tweetId": "12345"}}])}, "x-v2", "js"),
    ],
    ids=[
        "v2",
        "v2-2020",
        "v2-wrapper-folder",
        "v1-2019",
        "v1-2019-wrapper",
        "classic",
        "classic-csv-only",
        "loose-tweets",
        "loose-sniffed",
    ],
)
def test_detects_every_generation(make_zip: MakeZip, files: dict[str, str], generation: str, fmt: str) -> None:
    with Archive([make_zip(files)]) as archive:
        detection = READER.detect(archive)
    assert detection is not None
    assert (detection.platform, detection.generation, detection.format) == ("x", generation, fmt)


@pytest.mark.parametrize(
    "files",
    [
        {"your_facebook_activity/posts/your_posts_1.json": "[]", "personal_information/profile.json": "{}"},
        {"site/account.js": "export const account = {};", "site/profile.js": "console.log(1)"},
        {"outbox.json": "{}", "actor.json": "{}"},
        {"notes/readme.txt": "window.YTD is mentioned here"},
    ],
    ids=["facebook", "web-project", "mastodon", "text"],
)
def test_does_not_claim_other_archives(make_zip: MakeZip, files: dict[str, str]) -> None:
    with Archive([make_zip(files)]) as archive:
        assert READER.detect(archive) is None


# ----------------------------------------------------------------------------- reading each generation


@pytest.mark.parametrize(
    "files",
    [
        v2_files(),
        v2_files(tweets_name="tweet"),
        v2_files(prefix="wrapper/"),
        base_files("", "tweet.js", "tweet", wrapped=False, style="2019", dm_name="direct-message"),
    ],
    ids=["v2", "v2-2020", "wrapper", "v1-2019"],
)
def test_same_records_in_every_gdpr_generation(make_zip: MakeZip, files: dict[str, str]) -> None:
    records, ctx, _ = read(make_zip(files))
    assert kinds(records) == Counter(post=3, connection=3, reaction=1, thread=1, profile=1)
    assert ctx.skipped == []
    assert (ctx.account.handle, ctx.account.account_id, ctx.account.name) == (OWNER, OWNER_ID, "Jane Doe")
    posts = {p.id: p for p in of(records, Post)}
    first = posts["1690395372546301952"]
    assert first.text == "Long day of intakes. Coffee & notes."
    assert first.timestamp == datetime(2023, 8, 12, 16, 10, 37, tzinfo=UTC)
    assert first.url == f"https://x.com/{OWNER}/status/1690395372546301952"
    assert (first.subkind, first.in_reply_to) == ("tweet", None)  # reply keys are absent, not null
    reply = posts["1690395372546301953"]
    assert reply.subkind == "reply"
    assert reply.in_reply_to == Person(name="Dee W", handle="dee_w", account_id=CLIENT_ID)
    assert reply.mentions == (Person(name="Dee W", handle="dee_w", account_id=CLIENT_ID),)
    assert posts["1690395372546301954"].text == "Gym then jam https://example.org/jam"
    assert posts["1690395372546301954"].timestamp == datetime(2023, 8, 14, 19, 30, 5, tzinfo=UTC)


def test_followers_resolved_offline_and_unresolved_counted(make_zip: MakeZip) -> None:
    records, ctx, _ = read(make_zip(v2_files()))
    people = {c.person.account_id: c for c in of(records, Connection)}
    assert people[CLIENT_ID].person == Person(name="Dee W", handle="dee_w", account_id=CLIENT_ID)
    assert people[CLIENT_ID].relation is Relation.FOLLOWER
    assert people[CLIENT_ID].url == f"https://x.com/i/user/{CLIENT_ID}"
    assert people[STRANGER_ID].person == Person(account_id=STRANGER_ID)
    assert people[FRIEND_ID].relation is Relation.FOLLOWING
    # distinct ids across followers, following and DM partners: client (resolved), stranger, friend
    assert ctx.stats["unresolved_account_ids"] == 2
    assert any("2 of 3 could not be matched to a username" in note for note in ctx.notes)


def test_a_client_followed_and_following_is_two_findings(make_zip: MakeZip, tmp_path: Path) -> None:
    files = v2_files()
    files["data/following.js"] = ytd("following", accounts("following", [FRIEND_ID, CLIENT_ID]))
    archive = make_zip(files)
    records, _, _ = read(archive)
    ties = [c for c in of(records, Connection) if c.person.account_id == CLIENT_ID]
    assert {c.relation for c in ties} == {Relation.FOLLOWER, Relation.FOLLOWING}
    assert len({c.id for c in ties}) == 2  # one record id per tie, so neither finding hides the other
    clients = ClientList((Client("C1", "Dee Whitaker", handles=(("x", "dee_w"),)),))
    result = scan([archive], ScanOptions(clients=clients))
    found = [f for f in result.findings if f.category == "client-connection"]
    assert sorted(f.severity for f in found) == sorted([Severity.HIGH, Severity.MEDIUM])


def test_dm_thread_participants_order_and_owner(make_zip: MakeZip) -> None:
    records, _, _ = read(make_zip(v2_files()))
    (thread,) = of(records, Thread)
    assert thread.id == f"{OWNER_ID}-{CLIENT_ID}"
    assert thread.participants == (Person(name="Dee W", handle="dee_w", account_id=CLIENT_ID),)
    assert [m.text for m in thread.messages] == ["hi", "hello"]  # chronological although X writes newest first
    assert [m.from_owner for m in thread.messages] == [False, True]
    assert thread.timestamp == datetime(2023, 1, 9, 6, 30, tzinfo=UTC)


def test_group_dm_title_participants_and_owner_inferred_without_account(make_zip: MakeZip) -> None:
    group = {
        "dmConversation": {
            "conversationId": "1582000000000000000",
            "messages": [
                {
                    "conversationNameUpdate": {
                        "initiatingUserId": FRIEND_ID,
                        "name": "Run club",
                        "createdAt": "2023-03-01T10:00:00.000Z",
                    }
                },
                {
                    "messageCreate": {
                        "senderId": FRIEND_ID,
                        "text": "5k Sunday?",
                        "createdAt": "2023-03-01T10:05:00.000Z",
                        "id": "1",
                        "mediaUrls": [],
                        "reactions": [],
                    }
                },
                {
                    "joinConversation": {
                        "initiatingUserId": FRIEND_ID,
                        "participantsSnapshot": [OWNER_ID, FRIEND_ID, STRANGER_ID],
                        "createdAt": "2023-02-01T10:00:00.000Z",
                    }
                },
            ],
        }
    }
    one_to_one = [
        dm_conversation(CLIENT_ID, [(CLIENT_ID, "2023-01-09T06:30:00.187Z", "hi")]),
        dm_conversation(FRIEND_ID, [(OWNER_ID, "2023-01-10T06:30:00.187Z", "yo")]),
    ]
    records, ctx, _ = read(
        make_zip(
            {
                "data/direct-messages.js": ytd("direct_messages", one_to_one),
                "data/direct-messages-group.js": ytd("direct_messages_group", [group]),
            }
        )
    )
    assert ctx.account.account_id == OWNER_ID  # the id common to every one-to-one conversation
    threads = {t.id: t for t in of(records, Thread)}
    assert threads["1582000000000000000"].title == "Run club"
    assert {p.account_id for p in threads["1582000000000000000"].participants} == {FRIEND_ID, STRANGER_ID}
    assert threads[f"{FRIEND_ID}-{OWNER_ID}"].messages[0].from_owner is True


def test_part_files_out_of_order_via_manifest_and_glob(make_zip: MakeZip) -> None:
    newest = tweet("1500000000000000003", "newest", "Mon Mar 07 10:00:00 +0000 2022")
    oldest = tweet("1200000000000000001", "oldest", "Wed Jan 01 10:00:00 +0000 2020")
    middle = tweet("1400000000000000002", "middle", "Wed Jun 02 10:00:00 +0000 2021")
    parts = {
        "data/tweets.js": ytd("tweets", [newest]),
        "data/tweets-part1.js": ytd("tweets", [oldest]).replace("part0", "part1"),
        "data/tweets-part2.js": ytd("tweets", [middle]).replace("part0", "part2"),
        "data/direct-messages-part1.js": ytd(
            "direct_messages", [dm_conversation(CLIENT_ID, [(CLIENT_ID, "2021-01-01T00:00:00.000Z", "part one")])]
        ).replace("part0", "part1"),
    }
    listed = {
        **parts,
        "data/manifest.js": manifest({"tweets": ["data/tweets.js", "data/tweets-part2.js", "data/tweets-part1.js"]}),
    }
    for files in (listed, parts):
        records, ctx, generation = read(make_zip(files, name=f"{len(files)}.zip"))
        assert generation == "x-v2"
        assert sorted(p.text for p in of(records, Post)) == ["middle", "newest", "oldest"]
        assert len(of(records, Thread)) == 1
        assert ctx.skipped == []


def test_old_part_naming_tweet_part1(make_zip: MakeZip) -> None:
    records, _, generation = read(
        make_zip(
            {
                "data/manifest.js": manifest({}),
                "data/tweet.js": ytd("tweet", [tweet("1300000000000000001", "a")]),
                "data/tweet-part1.js": ytd("tweet", [tweet("1300000000000000002", "b")]).replace("part0", "part1"),
            }
        )
    )
    assert generation == "x-v2-2020"
    assert len(of(records, Post)) == 2


def test_unwrapped_2019_tweets_with_number_strings_and_bad_mention_ids(make_zip: MakeZip) -> None:
    bare = tweet(
        "1100000000000000001",
        "@ghost @pal hello",
        "Wed Oct 10 20:19:24 +0000 2018",
        mentions=[("ghost", "Ghost", "-1"), ("pal", "Pal", "4444")],
        wrapped=False,
    )
    records, _, generation = read(
        make_zip(
            {
                "tweet.js": ytd("tweet", [bare], style="2019"),
                "account.js": ytd("account", [ACCOUNT], style="2019"),
            }
        )
    )
    assert generation == "x-v1-2019"
    (post,) = of(records, Post)
    assert post.id == "1100000000000000001"
    assert post.timestamp == datetime(2018, 10, 10, 20, 19, 24, tzinfo=UTC)
    assert post.mentions == (Person(name="Ghost", handle="ghost"), Person(name="Pal", handle="pal", account_id="4444"))


def test_reply_without_screen_name_and_retweet(make_zip: MakeZip) -> None:
    records, _, _ = read(
        make_zip(
            {
                "data/manifest.js": manifest({}),
                "data/tweets.js": ytd(
                    "tweets",
                    [
                        tweet("1600000000000000001", "thanks!", reply=("5555", None)),
                        tweet("1600000000000000002", "RT @news: big story", mentions=[("news", "News", "7777")]),
                    ],
                ),
            }
        )
    )
    posts = {p.id: p for p in of(records, Post)}
    assert posts["1600000000000000001"].subkind == "reply"
    assert posts["1600000000000000001"].in_reply_to == Person(account_id="5555")
    assert posts["1600000000000000002"].subkind == "retweet"
    assert posts["1600000000000000002"].author == Person(name="News", handle="news", account_id="7777")


def test_classic_grailbird_and_csv(make_zip: MakeZip) -> None:
    records, ctx, generation = read(make_zip(classic_files()))
    assert generation == "x-classic"
    posts = {p.id: p for p in of(records, Post)}
    assert len(posts) == len(of(records, Post)) == 4  # JS and CSV rows for the same tweet are one post
    assert posts["550045400221356034"].timestamp == datetime(2014, 12, 30, 21, 46, 57, tzinfo=UTC)
    assert posts["550045400221356034"].audience is Audience.FRIENDS  # user.protected at the time
    assert posts["545300935158030336"].in_reply_to == Person(name="Pal", handle="pal", account_id="4444")
    assert posts["530000000000000001"].text == "Read this https://example.org/read, it's good"
    assert posts["530000000000000002"].subkind == "retweet"
    (protected,) = of(records, Setting)
    assert (protected.name, protected.enabled) == ("protected", True)
    (profile,) = of(records, Profile)
    assert (profile.handle, profile.name, profile.bio, profile.private) == (OWNER, "Jane Doe", "Counsellor", True)
    assert ctx.account.handle == OWNER
    assert ctx.skipped == []


@pytest.mark.parametrize(
    ("entries", "enabled", "audience"),
    [
        ([], None, Audience.UNKNOWN),
        ([("2024-10-19T05:42:07.000Z", "Protect")], True, Audience.FRIENDS),
        ([("2024-10-19T05:42:07.000Z", "Protect"), ("2024-12-08T06:19:00.000Z", "Unprotect")], False, Audience.PUBLIC),
    ],
    ids=["empty-is-unknown", "protect", "protect-then-unprotect"],
)
def test_protected_history(
    make_zip: MakeZip, entries: list[tuple[str, str]], enabled: bool | None, audience: Audience
) -> None:
    history = [{"protectedHistory": {"protectedAt": at, "action": action}} for at, action in entries]
    records, ctx, _ = read(
        make_zip(
            {
                "data/manifest.js": manifest({}),
                "data/protected-history.js": ytd("protected_history", history),
                "data/tweets.js": ytd("tweets", [tweet("1600000000000000001", "hi")]),
            }
        )
    )
    (setting,) = of(records, Setting)
    assert (setting.name, setting.enabled) == ("protected", enabled)
    assert of(records, Post)[0].audience is audience
    if enabled is None:
        assert setting.detail is not None and "six months" in setting.detail
        assert "public" not in (setting.value or "")
        assert any("who could see each post" in note for note in ctx.notes)


def test_security_files(make_zip: MakeZip) -> None:
    records, ctx, _ = read(
        make_zip(
            {
                "data/manifest.js": manifest({}),
                "data/ni-devices.js": ytd(
                    "ni_devices",
                    [
                        {
                            "niDeviceResponse": {
                                "pushDevice": {"deviceType": "Twitter for iOS", "updatedDate": "2023.05.01"}
                            }
                        },
                        {
                            "niDeviceResponse": {
                                "messagingDevice": {
                                    "phoneNumber": "+15555550100",
                                    "carrier": "x",
                                    "deviceType": "Auth",
                                    "updatedDate": "2023.05.30",
                                    "createdDate": "2020.01.02",
                                }
                            }
                        },
                    ],
                ),
                "data/connected-application.js": ytd(
                    "connected_application",
                    [
                        {
                            "connectedApplication": {
                                "organization": {"name": "Tweet Tools Ltd"},
                                "name": "Scheduler",
                                "permissions": ["read", "write"],
                                "approvedAt": "2021-04-01T10:00:00.000Z",
                                "id": "12345",
                            }
                        }
                    ],
                ),
                "data/contact.js": ytd(
                    "contact",
                    [{"contact": {"id": "77", "emails": ["a@example.com"], "phoneNumbers": ["+15555550111"]}}],
                ),
                "data/account-timezone.js": ytd(
                    "account_timezone", [{"accountTimezone": {"accountId": OWNER_ID, "timeZone": "London"}}]
                ),
            }
        )
    )
    settings = {s.name: s for s in of(records, Setting)}
    assert settings["two_factor"].enabled is True
    assert settings["two_factor"].timestamp == datetime(2023, 5, 30, tzinfo=UTC)
    assert (settings["connected_app"].value, settings["connected_app"].enabled) == ("Scheduler", True)
    assert settings["connected_app"].detail == "by Tweet Tools Ltd; permissions: read, write"
    assert settings["synced_contacts"].enabled is True
    assert settings["account_timezone"].value == "London"
    assert ctx.account.timezone == "Europe/London"  # Rails' name, as X writes it, to the IANA name
    (contact,) = of(records, Connection)
    assert (contact.relation, contact.id, contact.person.name) == (
        Relation.CONTACT,
        "77",
        "a@example.com, +15555550111",
    )


def test_two_factor_unknown_without_auth_device(make_zip: MakeZip) -> None:
    records, _, _ = read(
        make_zip(
            {
                "data/manifest.js": manifest({}),
                "data/ni-devices.js": ytd(
                    "ni_devices", [{"niDeviceResponse": {"pushDevice": {"deviceType": "Twitter for iOS"}}}]
                ),
            }
        )
    )
    (setting,) = of(records, Setting)
    assert (setting.name, setting.enabled) == ("two_factor", None)


def test_blocks_mutes_and_likes(make_zip: MakeZip) -> None:
    records, ctx, _ = read(
        make_zip(
            {
                "data/manifest.js": manifest({}),
                "data/tweets.js": ytd(
                    "tweets",
                    [
                        tweet("1600000000000000001", "@dee_w yes", reply=(CLIENT_ID, "dee_w")),
                        tweet("1600000000000000009", "my own"),
                    ],
                ),
                "data/block.js": ytd("block", [{"blocking": {"accountId": "8888"}}]),
                "data/mute.js": ytd("mute", [{"muting": {"accountId": "9999"}}]),
                "data/like.js": ytd(
                    "like",
                    [
                        {"like": {"tweetId": "1111111111111111111", "fullText": "the post replied to"}},
                        {
                            "like": {
                                "tweetId": "1626703850622304256",
                                "fullText": "a &amp; b",
                                "expandedUrl": "https://twitter.com/some_author/status/1626703850622304256",
                            }
                        },
                        {"like": {"tweetId": "1600000000000000009", "fullText": "my own"}},
                        {"like": {"tweetId": "1626703850622304257"}},
                    ],
                ),
            }
        )
    )
    relations = {c.person.account_id: c.relation for c in of(records, Connection)}
    assert relations == {"8888": Relation.BLOCKED, "9999": Relation.MUTED}
    likes = {r.id: r for r in of(records, Reaction)}
    assert likes["1111111111111111111"].target_owner == Person(handle="dee_w", account_id=CLIENT_ID)
    assert likes["1626703850622304256"].target_owner == Person(handle="some_author")
    assert likes["1626703850622304256"].target_text == "a & b"
    assert likes["1600000000000000009"].target_owner == Person(name="Jane Doe", handle=OWNER, account_id=OWNER_ID)
    unknown = likes["1626703850622304257"]
    assert (unknown.target_owner, unknown.timestamp, unknown.target_url) == (
        None,
        None,
        "https://x.com/i/web/status/1626703850622304257",
    )
    assert any("whose post" in note for note in ctx.notes)


def test_malformed_file_is_skipped_and_the_rest_read(make_zip: MakeZip) -> None:
    files = v2_files()
    files["data/follower.js"] = 'window.YTD.follower.part0 = [ { "follower" : { "accountId" : "1" } '
    records, ctx, _ = read(make_zip(files))
    assert [s.path.endswith("data/follower.js") for s in ctx.skipped] == [True]
    assert "not valid X archive data" in ctx.skipped[0].reason
    assert kinds(records)["post"] == 3 and kinds(records)["thread"] == 1
    assert [c.relation for c in of(records, Connection)] == [Relation.FOLLOWING]


@pytest.mark.parametrize("name", ["protected-history", "ni-devices", "contact"])
def test_unreadable_settings_file_gives_no_guess(make_zip: MakeZip, name: str) -> None:
    records, ctx, _ = read(make_zip({"data/manifest.js": manifest({}), f"data/{name}.js": "window.YTD.x.part0 = [ {"}))
    assert len(ctx.skipped) == 1
    assert of(records, Setting) == []


def test_manifest_listing_absent_files_is_a_note_not_a_skip(make_zip: MakeZip) -> None:
    records, ctx, _ = read(
        make_zip({"data/manifest.js": manifest({"tweets": ["data/tweets.js"], "follower": ["data/follower.js"]})})
    )
    assert records == [] and ctx.skipped == []
    assert any("manifest lists 2 data file(s)" in note for note in ctx.notes)
    assert ctx.account.handle == OWNER


def test_streaming_gives_the_same_records(make_zip: MakeZip, monkeypatch: pytest.MonkeyPatch) -> None:
    files = v2_files()
    files["data/tweets.js"] += ";\n"  # a trailing semicolon some copies have
    path = make_zip(files)
    plain, _, _ = read(path)
    monkeypatch.setattr(x_js, "STREAM_THRESHOLD", 0)
    streamed, ctx, _ = read(path)
    assert streamed == plain
    assert ctx.skipped == []


def test_streaming_reports_a_truncated_file(make_zip: MakeZip, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(x_js, "STREAM_THRESHOLD", 0)
    text = ytd("tweets", [tweet("1600000000000000001", "one"), tweet("1600000000000000002", "two")])
    records, ctx, _ = read(make_zip({"data/manifest.js": manifest({}), "data/tweets.js": text[: len(text) - 200]}))
    assert len(of(records, Post)) == 1
    assert ctx.skipped and "after item 1" in ctx.skipped[0].reason


def test_record_ids_survive_a_change_of_generation(make_zip: MakeZip) -> None:
    new, _, _ = read(make_zip(v2_files(), name="new.zip"))
    old, _, _ = read(
        make_zip(
            base_files("", "tweet.js", "tweet", wrapped=False, style="2019", dm_name="direct-message"), name="old.zip"
        )
    )
    assert sorted((r.kind, r.id) for r in new) == sorted((r.kind, r.id) for r in old)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sat Aug 12 16:10:37 +0000 2023", datetime(2023, 8, 12, 16, 10, 37, tzinfo=UTC)),
        ("Wed Oct 10 20:19:24 -0500 2018", datetime(2018, 10, 11, 1, 19, 24, tzinfo=UTC)),
        ("2014-12-30 21:46:57 +0000", datetime(2014, 12, 30, 21, 46, 57, tzinfo=UTC)),
        ("2020-01-20T21:42:09.068Z", datetime(2020, 1, 20, 21, 42, 9, tzinfo=UTC)),
        ("2023.05.30", datetime(2023, 5, 30, tzinfo=UTC)),
        ("1700000000000", datetime(2023, 11, 14, 22, 13, 20, tzinfo=UTC)),
        ("not a date", None),
        ("", None),
    ],
)
def test_parse_time(text: str, expected: datetime | None) -> None:
    assert parse_time(text) == expected


# ----------------------------------------------------------------------------- the bundled demo


def test_demo_archive_reads_without_skips() -> None:
    archive_dir, clients, policy = demo_paths()
    assert clients.is_file() and policy.is_file()
    records, ctx, generation = read(archive_dir)
    assert generation == "x-v2"
    assert ctx.skipped == []
    counts = kinds(records)
    assert counts["post"] == 40 and counts["thread"] == 2 and counts["profile"] == 1
    handles_from_csv = {
        h.split(":", 1)[1].lstrip("@")
        for line in clients.read_text().splitlines()[1:]
        for h in line.split(",")[4].split(";")
        if h.startswith("x:")
    }
    followers = [c.person for c in of(records, Connection) if c.relation is Relation.FOLLOWER]
    assert len(handles_from_csv & {p.handle for p in followers}) == 2  # two clients resolved from mentions
    client_ids = {
        h.split(":", 1)[1]
        for line in clients.read_text().splitlines()[1:]
        for h in line.split(",")[4].split(";")
        if h.startswith("x_id:")
    }
    assert client_ids & {p.account_id for p in followers}
    settings = {s.name: s.enabled for s in of(records, Setting)}
    assert settings == {"protected": None, "two_factor": None}


# ----------------------------------------------------------------------------- real samples and the corpus

X_SAMPLES = FORMATS / "x"


@requires_shared(X_SAMPLES)
@pytest.mark.parametrize(
    "folder", sorted(p.name for p in X_SAMPLES.iterdir() if p.is_dir()) if X_SAMPLES.exists() else []
)
def test_real_samples_conform(folder: str) -> None:
    records, ctx, generation = read(X_SAMPLES / folder)
    assert generation in {"x-classic", "x-v1-2019", "x-v2-2020", "x-v2"}
    assert ctx.skipped == []
    assert records, "a real sample produced no records"
    for post in of(records, Post):
        assert post.timestamp is not None and post.id.isdigit() and post.text
    for setting in of(records, Setting):
        if setting.name == "protected":
            assert setting.enabled in (True, False) and setting.timestamp is not None
    if (X_SAMPLES / folder / "tweets.csv").exists():
        rows = list(csv.DictReader((X_SAMPLES / folder / "tweets.csv").open(encoding="utf-8")))
        assert len(of(records, Post)) == len(rows)
    if (X_SAMPLES / folder / "follower.js").exists():
        assert Counter(c.relation for c in of(records, Connection)) == {Relation.FOLLOWER: 2, Relation.FOLLOWING: 2}


@requires_shared(TOOLS / "render_corpus.py")
@requires_shared(EVAL_DEV)
def test_rendered_corpus_counts_and_keys(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, str(TOOLS / "render_corpus.py"), str(EVAL_DEV), str(tmp_path), "--variants", "all"],
        check=True,
        capture_output=True,
    )
    expected = json.loads((tmp_path / "expected.json").read_text(encoding="utf-8"))
    corpus: Counter[str] = Counter()
    for name, kind in (
        ("posts", "post"),
        ("messages", "thread"),
        ("engagement", "reaction"),
        ("connections", "connection"),
    ):
        items = json.loads((EVAL_DEV / f"{name}.json").read_text(encoding="utf-8"))
        rendered = [i for i in items if i.get("platform") == "x" and i.get("kind") != "follow_request_received"]
        corpus[kind] = len(rendered)
    keys = [e for section in ("expected", "decoys") for e in expected[section] if e["platform"] == "x"]
    zips = sorted(tmp_path.glob("archives/twitter-*.zip"))
    assert len(zips) == 4
    for path in zips:
        records, ctx, _ = read(path)
        assert ctx.skipped == []
        counts = kinds(records)
        assert {k: counts[k] for k in corpus} == dict(corpus)
        by_id: dict[str, list[AnyRecord]] = {}
        for record in records:
            by_id.setdefault(record.id, []).append(record)
            if isinstance(record, Connection) and record.person.account_id:  # a tie's id ends with the account id
                by_id.setdefault(record.person.account_id, []).append(record)
        for entry in keys:
            if path.name not in entry["archives"]:
                continue
            key = entry["key"]
            assert key["id"] in by_id, entry["item"]
            assert any(_agrees(r, key) for r in by_id[key["id"]]), entry["item"]


def _agrees(record: AnyRecord, key: dict[str, Any]) -> bool:
    if "timestamp" in key and (
        record.timestamp is None or record.timestamp.strftime("%Y-%m-%dT%H:%M:%SZ") != key["timestamp"]
    ):
        return False
    people: list[Person] = []
    if isinstance(record, Connection):
        people = [record.person]
    elif isinstance(record, Thread):
        people = list(record.participants)
    if "handle" in key or "name" in key:
        return any(p.handle == key.get("handle", p.handle) and p.name == key.get("name", p.name) for p in people)
    return True
