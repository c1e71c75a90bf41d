"""Generate large synthetic archives in the real export formats, and client lists, for the benchmarks.

    python bench/generate.py --out /tmp/bench-data           # X 100k + 500k, Facebook 100k, Instagram 100k, clients
    python bench/generate.py --out /tmp/bench-data --small   # 10x smaller (quick runs)

Everything is synthetic and deterministic (seeded). The archives follow the real formats closely, because
the cost of reading depends on it: X tweets are full v2 tweet objects (edit_info, source, entities,
display_text_range, string numbers) pretty-printed the way X writes them (``"key" : value``), split into
``tweets.js`` + ``tweets-partN.js`` at ~100 MiB the way X splits them, the parts not in date order; Facebook and
Instagram strings are mojibake-encoded as Meta writes them. Texts are unique (so nothing can be cached per
text), about one in eight carries emoji, and one in twenty names a person from the account's own friends /
followers. A policy.toml names a workplace and work hours. Client lists of 100, 2,000 and 10,000 names are drawn
from the same name space as the archives' people (about 120,000 first+last combinations), so a larger list
matches more people, as it would.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

FIRST = [
    "James",
    "Mary",
    "Robert",
    "Patricia",
    "John",
    "Jennifer",
    "Michael",
    "Linda",
    "David",
    "Elizabeth",
    "William",
    "Barbara",
    "Richard",
    "Susan",
    "Joseph",
    "Jessica",
    "Thomas",
    "Sarah",
    "Charles",
    "Karen",
    "Christopher",
    "Lisa",
    "Daniel",
    "Nancy",
    "Matthew",
    "Betty",
    "Anthony",
    "Sandra",
    "Mark",
    "Ashley",
    "Donald",
    "Kimberly",
    "Steven",
    "Emily",
    "Andrew",
    "Donna",
    "Paul",
    "Michelle",
    "Joshua",
    "Carol",
    "Kenneth",
    "Amanda",
    "Kevin",
    "Melissa",
    "Brian",
    "Deborah",
    "George",
    "Stephanie",
    "Timothy",
    "Rebecca",
    "Zoë",
    "José",
    "Siobhán",
    "Björn",
    "Mai",
    "Aaliyah",
    "Mateo",
    "Priya",
    "Kwame",
    "Yuki",
]
LAST = [
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Jones",
    "Garcia",
    "Miller",
    "Davis",
    "Rodriguez",
    "Martinez",
    "Hernandez",
    "Lopez",
    "Gonzalez",
    "Wilson",
    "Anderson",
    "Thomas",
    "Taylor",
    "Moore",
    "Jackson",
    "Martin",
    "Lee",
    "Perez",
    "Thompson",
    "White",
    "Harris",
    "Sanchez",
    "Clark",
    "Ramirez",
    "Lewis",
    "Robinson",
    "Walker",
    "Young",
    "Allen",
    "King",
    "Wright",
    "Scott",
    "Torres",
    "Nguyen",
    "Hill",
    "Flores",
    "O'Neil",
    "McAllister",
    "Núñez",
    "Okonkwo",
    "Dombrowski",
    "Fairweather",
    "Kowalski",
    "Haddad",
    "Petrov",
    "Sato",
]
_SYLLABLES = [
    "bar",
    "ken",
    "dal",
    "mor",
    "vin",
    "sha",
    "tor",
    "lin",
    "ber",
    "gar",
    "wick",
    "ston",
    "ley",
    "ford",
    "ham",
    "ton",
    "berg",
    "stein",
    "ova",
    "ski",
]
SURNAMES = LAST + [(a + b + c).capitalize() for a in _SYLLABLES[:10] for b in _SYLLABLES for c in _SYLLABLES[10:]]
NICKNAMES = {
    "Robert": "Bob",
    "William": "Bill",
    "Elizabeth": "Liz",
    "Richard": "Rick",
    "Michael": "Mike",
    "Jennifer": "Jen",
    "Christopher": "Chris",
    "Katherine": "Kate",
    "Joseph": "Joe",
    "Patricia": "Pat",
    "Daniel": "Dan",
    "Matthew": "Matt",
    "Anthony": "Tony",
    "Kimberly": "Kim",
    "Deborah": "Debbie",
}

WORK = [  # about one text in twenty-five is about work, as a clinician's account might show
    "Long day at the clinic, three back-to-back sessions and a pile of notes to finish.",
    "Rough shift on the unit tonight, so tired of short staffing.",
    "My caseload is out of control this month and paperwork never ends.",
    "Had a client cancel again, third time this month.",
    "Team meeting ran long, supervision moved to Thursday.",
]
SENTENCES = [
    "Sunday farmers market haul: tomatoes, peaches and far too much bread.",
    "Anyone have a good recipe for pierogi? Asking for my whole family.",
    "New quilt pattern finished! Took me three months.",
    "Gym session this morning, legs are done.",
    "Coffee, then a long walk by the river with the dog.",
    "Election day tomorrow, go vote!",
    "Watching the game with my brother and his kids.",
    "The library book sale is this weekend and I have no shelf space left.",
    "Finally fixed the leaky tap, only took four youtube videos.",
    "Reading on the porch while the rain comes down.",
    "Our choir concert went better than the dress rehearsal, thank goodness.",
    "Trying a new running route along the old railway line.",
    "Who else is counting down to the long weekend?",
    "Made soup from whatever was left in the fridge and it was great.",
    "The cat has claimed the new blanket, as expected.",
    "Traffic on the bridge again, left the house early for nothing.",
    "Garden update: the beans are winning, the lettuce is losing.",
    "So proud of my niece, she graduated today!",
    "Podcast recommendations for a long drive? Go.",
    "Snow day! The kids are thrilled, the dog less so.",
    "Trying to learn the ukulele, my neighbours are very patient.",
    "Best tacos in town are at the place by the station, fight me.",
    "Spent the afternoon sorting old photos, so many bad haircuts.",
    "Road trip playlist suggestions welcome.",
]
TAGS = [
    "#mondaymotivation",
    "#selfcare",
    "#running",
    "#bookclub",
    "#gardening",
    "#weekend",
    "#coffee",
    "#quilting",
    "#dogsofinstagram",
    "#localnews",
    "#baking",
    "#hiking",
    "#musiclover",
    "#tbt",
    "#rainyday",
    "#foodie",
]
EMOJI = ["😊", "🙌", "☕", "🏃\u200d♀️", "🌧️", "🎉", "❤️", "😂", "🐶", "🌱", "📚", "🍞"]
SOURCES = [
    '<a href="http://twitter.com/download/iphone" rel="nofollow">Twitter for iPhone</a>',
    '<a href="https://mobile.twitter.com" rel="nofollow">Twitter Web App</a>',
    '<a href="http://twitter.com/download/android" rel="nofollow">Twitter for Android</a>',
]

JOBS = [
    "teacher at Lincoln Elementary",
    "nurse at the county hospital",
    "plays hockey for the Millbrook Hawks",
    "works at the bakery on Main Street",
    "bus driver",
    "student at Westfield College",
    "retired firefighter",
    "runs the hardware store",
    "coaches the girls soccer team",
    "accountant at Pruitt and Sons",
]
DETAILS = [
    "twin brother",
    "three kids",
    "recently divorced",
    "lives with her mother",
    "new to town",
    "adopted daughter",
    "veteran",
    "wheelchair user",
    "moving to Ohio in spring",
    "grandson in the band",
]
EPOCH = datetime(2012, 1, 1, tzinfo=UTC)
SPAN = 13 * 365 * 86400
PART_BYTES = 100 * 1024 * 1024  # X splits big data types into ~100 MiB part files
ACCOUNT = "Bench Clinician"


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(SURNAMES)}"


def _people(rng: random.Random, n: int) -> list[str]:
    return [_person(rng) for _ in range(n)]


def _text(rng: random.Random, names: list[str]) -> str:
    """One unique post text: a sentence or two, maybe a number, a tag, an emoji, a link or a person's name."""
    parts = [rng.choice(WORK if rng.random() < 0.04 else SENTENCES)]
    if rng.random() < 0.4:
        parts.append(rng.choice(SENTENCES))
    roll = rng.random()
    if roll < 0.05:
        parts.append(
            rng.choice(
                [
                    f"Saw {rng.choice(names)} at the store.",
                    f"Lunch with {rng.choice(names)} today.",
                    f"Happy birthday {rng.choice(names).split()[0]}!",
                ]
            )
        )
    parts.append(
        rng.choice(
            [
                f"Day {rng.randrange(1, 999)}.",
                f"{rng.randrange(2, 60)} minutes.",
                f"({rng.randrange(1000, 99999)})",
                f"{rng.randrange(1, 12)}/{rng.randrange(1, 28)}",
            ]
        )
    )
    if rng.random() < 0.3:
        parts.append(rng.choice(TAGS))
    if rng.random() < 0.12:
        parts.append(rng.choice(EMOJI))
    if rng.random() < 0.1:
        parts.append(f"https://t.co/{rng.randrange(36**9):x}")
    return " ".join(parts)


def _times(rng: random.Random, n: int) -> list[datetime]:
    return [EPOCH + timedelta(seconds=rng.randrange(0, SPAN)) for _ in range(n)]


def _x_dump(value: Any) -> str:
    """JSON as X writes it (Jackson pretty-print: two-space indent, ``"key" : value``, non-ASCII unescaped)."""
    return json.dumps(value, indent=2, separators=(",", " : "), ensure_ascii=False)


def _x_file(zf: zipfile.ZipFile, name: str, var: str, items: list[Any]) -> None:
    zf.writestr(f"data/{name}", f"window.YTD.{var} = {_x_dump(items)}")


def _tweet(rng: random.Random, tid: int, ts: datetime, names: list[str], handles: list[str]) -> dict[str, Any]:
    text = _text(rng, names)
    mentions: list[dict[str, Any]] = []
    reply: dict[str, str] = {}
    roll = rng.random()
    if roll < 0.25:  # a reply
        who = rng.randrange(len(handles))
        text = f"@{handles[who]} {text}"
        mentions.append(
            {
                "name": names[who],
                "screen_name": handles[who],
                "indices": ["0", str(len(handles[who]) + 1)],
                "id_str": str(10_000 + who),
                "id": str(10_000 + who),
            }
        )
        reply = {
            "in_reply_to_status_id_str": str(tid - rng.randrange(1, 10_000)),
            "in_reply_to_status_id": str(tid - 1),
            "in_reply_to_user_id": str(10_000 + who),
            "in_reply_to_user_id_str": str(10_000 + who),
            "in_reply_to_screen_name": handles[who],
        }
    elif roll < 0.33:  # a retweet
        who = rng.randrange(len(handles))
        text = f"RT @{handles[who]}: {text}"
        mentions.append(
            {
                "name": names[who],
                "screen_name": handles[who],
                "indices": ["3", str(len(handles[who]) + 4)],
                "id_str": str(10_000 + who),
                "id": str(10_000 + who),
            }
        )
    until = (ts + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    tweet: dict[str, Any] = {
        "edit_info": {
            "initial": {
                "editTweetIds": [str(tid)],
                "editableUntil": until,
                "editsRemaining": "5",
                "isEditEligible": rng.random() < 0.3,
            }
        },
        "retweeted": False,
        "source": rng.choice(SOURCES),
        "entities": {"hashtags": [], "symbols": [], "user_mentions": mentions, "urls": []},
        "display_text_range": ["0", str(len(text))],
        "favorite_count": str(rng.randrange(0, 40)),
        "id_str": str(tid),
        "truncated": False,
        "retweet_count": str(rng.randrange(0, 5)),
        "id": str(tid),
        "created_at": ts.strftime("%a %b %d %H:%M:%S +0000 %Y"),
        "favorited": False,
        "full_text": text,
        "lang": "en",
        **reply,
    }
    if rng.random() < 0.2:
        tweet["possibly_sensitive"] = False
    return {"tweet": tweet}


def x_archive(path: Path, tweets: int, seed: int = 1) -> None:
    """An X archive (2022+ layout): ``tweets`` tweets in ~100 MiB part files, likes, follows, DMs, account files."""
    rng = random.Random(seed)
    names = _people(rng, 5000)
    handles = [f"{n.split()[0].lower()[:6]}_{i}" for i, n in enumerate(names)]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        times = sorted(_times(rng, tweets), reverse=True)
        parts: list[list[str]] = [[]]
        size = 0
        for i, ts in enumerate(times):
            item = "  " + _x_dump(_tweet(rng, 1_000_000_000_000 + tweets - i, ts, names, handles)).replace("\n", "\n  ")
            if size + len(item) > PART_BYTES and parts[-1]:
                parts.append([])
                size = 0
            parts[-1].append(item)
            size += len(item) + 2
        order = list(range(len(parts)))
        rng.shuffle(order)  # real part files are not in date order
        files = []
        for number, index in enumerate(order):
            name = "tweets.js" if number == 0 else f"tweets-part{number}.js"
            var = f"tweets.part{number}"
            zf.writestr(f"data/{name}", f"window.YTD.{var} = [\n" + ",\n".join(parts[index]) + "\n]")
            files.append({"fileName": f"data/{name}", "globalName": f"YTD.{var}", "count": str(len(parts[index]))})
        manifest = {
            "userInfo": {"accountId": "100", "userName": "bench_clinician", "displayName": ACCOUNT},
            "archiveInfo": {
                "sizeBytes": "0",
                "generationDate": "2025-06-01T00:00:00.000Z",
                "isPartialArchive": False,
                "maxPartSizeBytes": "53687091200",
            },
            "dataTypes": {"tweets": {"mediaDirectory": "data/tweets_media", "files": files}},
        }
        zf.writestr("data/manifest.js", "window.__THAR_CONFIG = " + _x_dump(manifest))
        _x_file(
            zf,
            "account.js",
            "account.part0",
            [
                {
                    "account": {
                        "email": "bench@example.com",
                        "createdVia": "web",
                        "username": "bench_clinician",
                        "accountId": "100",
                        "createdAt": "2011-05-01T10:00:00.000Z",
                        "accountDisplayName": ACCOUNT,
                    }
                }
            ],
        )
        _x_file(
            zf,
            "profile.js",
            "profile.part0",
            [
                {
                    "profile": {
                        "description": {
                            "bio": "Runner, reader, quilter. Views my own.",
                            "website": "",
                            "location": "Millbrook",
                        }
                    }
                }
            ],
        )
        likes = []
        for _ in range(tweets // 5):
            tid = str(rng.randrange(10**18, 2 * 10**18))
            likes.append(
                {
                    "like": {
                        "tweetId": tid,
                        "fullText": _text(rng, names),
                        "expandedUrl": f"https://twitter.com/i/web/status/{tid}",
                    }
                }
            )
        _x_file(zf, "like.js", "like.part0", likes)
        for file, key, count in (("follower.js", "follower", 5000), ("following.js", "following", 2000)):
            ids = rng.sample(range(len(names)), count)
            link = "https://twitter.com/intent/user?user_id="
            _x_file(
                zf,
                file,
                f"{key}.part0",
                [{key: {"accountId": str(10_000 + i), "userLink": f"{link}{10_000 + i}"}} for i in ids],
            )
        conversations = []
        for who in rng.sample(range(len(names)), 1000):
            partner = str(10_000 + who)
            messages = []
            for t in sorted(_times(rng, 10), reverse=True):
                mine = rng.random() < 0.5
                messages.append(
                    {
                        "messageCreate": {
                            "recipientId": partner if mine else "100",
                            "reactions": [],
                            "urls": [],
                            "text": _text(rng, names),
                            "mediaUrls": [],
                            "senderId": "100" if mine else partner,
                            "id": str(rng.randrange(10**18, 2 * 10**18)),
                            "createdAt": t.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
                        }
                    }
                )
            conversations.append({"dmConversation": {"conversationId": f"100-{partner}", "messages": messages}})
        _x_file(zf, "direct-messages.js", "direct_messages.part0", conversations)
        _x_file(zf, "protected-history.js", "protected_history.part0", [])


def _ascii(text: str) -> str:
    """A handle-safe form of a name: accents dropped, lower case, only letters, digits and dots."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9.]", "", plain)


def _mojibake(text: str) -> str:
    return text.encode("utf-8").decode("latin-1")


def _ts(t: datetime) -> int:
    return int(t.timestamp())


def _thread(rng: random.Random, partner: str, names: list[str], n: int) -> dict[str, Any]:
    messages = [
        {
            "sender_name": _mojibake(rng.choice([partner, ACCOUNT])),
            "timestamp_ms": _ts(t) * 1000,
            "content": _mojibake(_text(rng, names)),
            "is_geoblocked_for_viewer": False,
        }
        for t in sorted(_times(rng, n), reverse=True)
    ]
    return {
        "participants": [{"name": _mojibake(partner)}, {"name": ACCOUNT}],
        "messages": messages,
        "title": _mojibake(partner),
        "is_still_participant": True,
        "thread_type": "Regular",
    }


def facebook_archive(path: Path, posts: int, friends: int, threads: int, seed: int = 2) -> None:
    """A Facebook 2024+ JSON export: posts, comments, reactions, friends, message threads (mojibake strings)."""
    rng = random.Random(seed)
    names = _people(rng, friends)
    act = "your_facebook_activity"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        items = []
        for t in _times(rng, posts):
            item: dict[str, Any] = {
                "timestamp": _ts(t),
                "data": [{"post": _mojibake(_text(rng, names))}, {"update_timestamp": _ts(t)}],
                "title": f"{ACCOUNT} updated her status.",
            }
            if rng.random() < 0.2:
                item["attachments"] = [{"data": [{"external_context": {"url": "https://example.org/article"}}]}]
            items.append(item)
        zf.writestr(f"{act}/posts/your_posts__check_ins__photos_and_videos_1.json", json.dumps(items))
        comments = [
            {
                "timestamp": _ts(t),
                "title": _mojibake(f"{ACCOUNT} commented on {rng.choice(names)}'s post."),
                "data": [
                    {"comment": {"timestamp": _ts(t), "comment": _mojibake(_text(rng, names)), "author": ACCOUNT}}
                ],
            }
            for t in _times(rng, posts // 5)
        ]
        zf.writestr(f"{act}/comments_and_reactions/comments.json", json.dumps({"comments_v2": comments}))
        reactions = [
            {
                "timestamp": _ts(t),
                "title": _mojibake(f"{ACCOUNT} likes {rng.choice(names)}'s post."),
                "data": [{"reaction": {"reaction": "LIKE", "actor": ACCOUNT}}],
            }
            for t in _times(rng, posts // 5)
        ]
        zf.writestr(f"{act}/comments_and_reactions/likes_and_reactions_1.json", json.dumps(reactions))
        zf.writestr(
            "connections/friends/your_friends.json",
            json.dumps(
                {
                    "friends_v2": [
                        {"name": _mojibake(n), "timestamp": _ts(t)}
                        for n, t in zip(names, _times(rng, friends), strict=True)
                    ]
                }
            ),
        )
        zf.writestr(
            "personal_information/profile_information/profile_information.json",
            json.dumps({"profile_v2": {"name": {"full_name": ACCOUNT}, "current_city": {"name": "Millbrook"}}}),
        )
        for i in range(threads):
            partner = names[i % len(names)]
            folder = f"{partner.lower().replace(' ', '').replace(chr(39), '')}_{1000 + i}"
            thread = _thread(rng, partner, names, 20)
            thread["thread_path"] = f"inbox/{folder}"
            zf.writestr(f"{act}/messages/inbox/{folder}/message_1.json", json.dumps(thread))


def instagram_archive(path: Path, posts: int, followers: int, threads: int, seed: int = 3) -> None:
    """An Instagram 2025 JSON export: posts, comments, likes, followers / following, message threads."""
    rng = random.Random(seed)
    names = _people(rng, followers)
    handles = [_ascii(n.replace(" ", ".")) + str(rng.randrange(99)) for n in names]
    act = "your_instagram_activity"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        media = [
            {
                "media": [
                    {
                        "uri": f"media/posts/{i}.jpg",
                        "creation_timestamp": _ts(t),
                        "title": _mojibake(_text(rng, names)),
                        "media_metadata": {"camera_metadata": {"has_camera_metadata": False}},
                    }
                ]
            }
            for i, t in enumerate(_times(rng, posts))
        ]
        zf.writestr(f"{act}/media/posts_1.json", json.dumps(media))
        comments = [
            {
                "media_list_data": [{"uri": ""}],
                "string_map_data": {
                    "Comment": {"value": _mojibake(_text(rng, names))},
                    "Media Owner": {"value": rng.choice(handles)},
                    "Time": {"timestamp": _ts(t)},
                },
            }
            for t in _times(rng, posts // 5)
        ]
        zf.writestr(f"{act}/comments/post_comments_1.json", json.dumps(comments))
        likes = [
            {
                "title": rng.choice(handles),
                "string_list_data": [
                    {
                        "href": f"https://www.instagram.com/p/{rng.randrange(36**10):x}/",
                        "value": _mojibake("👍"),
                        "timestamp": _ts(t),
                    }
                ],
            }
            for t in _times(rng, posts // 5)
        ]
        zf.writestr(f"{act}/likes/liked_posts.json", json.dumps({"likes_media_likes": likes}))
        zf.writestr(
            "connections/followers_and_following/followers_1.json",
            json.dumps(
                [
                    {
                        "title": "",
                        "media_list_data": [],
                        "string_list_data": [
                            {"href": f"https://www.instagram.com/{h}", "value": h, "timestamp": _ts(t)}
                        ],
                    }
                    for h, t in zip(handles, _times(rng, followers), strict=True)
                ]
            ),
        )
        following = rng.sample(range(len(handles)), len(handles) // 2)
        zf.writestr(
            "connections/followers_and_following/following.json",
            json.dumps(
                {
                    "relationships_following": [
                        {
                            "title": handles[i],
                            "string_list_data": [
                                {"href": f"https://www.instagram.com/_u/{handles[i]}", "timestamp": _ts(EPOCH)}
                            ],
                        }
                        for i in following
                    ]
                }
            ),
        )
        zf.writestr(
            "personal_information/personal_information/personal_information.json",
            json.dumps(
                {
                    "profile_user": [
                        {
                            "string_map_data": {
                                "Username": {"value": "bench.clinician"},
                                "Name": {"value": ACCOUNT},
                                "Private Account": {"value": "False"},
                            }
                        }
                    ]
                }
            ),
        )
        for i in range(threads):
            thread = _thread(rng, names[i % len(names)], names, 20)
            zf.writestr(f"{act}/messages/inbox/{handles[i % len(handles)]}_{i}/message_1.json", json.dumps(thread))


def client_list(path: Path, n: int, seed: int = 4) -> None:
    """A clients.csv with ``n`` synthetic clients (some with a nickname alias, a handle or notes)."""
    rng = random.Random(seed)
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "name", "aliases", "status", "handles", "notes"])
        for i in range(n):
            first, last = rng.choice(FIRST), rng.choice(SURNAMES)
            alias = NICKNAMES.get(first, "") if rng.random() < 0.3 else ""
            handle = ""
            if rng.random() < 0.3:
                handle = "instagram:" + _ascii(f"{first}.{last}{i}")
            notes = ""
            if rng.random() < 0.2:  # a few identifying details, as clinicians note them
                notes = f"{rng.choice(JOBS)}; {rng.choice(DETAILS)}"
            writer.writerow([f"C{i:05d}", f"{first} {last}", alias, rng.choice(["current", "former"]), handle, notes])


BENCH_KEY = "62656e63682d6b65792d6e6f742d736563726574"  # a fixed key: the bench data is synthetic and deterministic


def hashed_list(plain: Path, out: Path, key_file: Path) -> None:
    """The agency's hashed copy of ``plain`` (as `boundary-audit clients hash` writes it) and its key file."""
    from checks.names import hashed_list_text
    from scanner.clients import load_clients

    key_file.write_text(BENCH_KEY + "\n", encoding="utf-8")
    key_file.chmod(0o600)
    out.write_text(hashed_list_text(load_clients(plain).clients, BENCH_KEY.encode()), encoding="utf-8")


POLICY = """# Benchmark policy (synthetic).
[workplace]
name = "Riverside Family Clinic"
aliases = ["Riverside", "RFC"]
address = "12 Mill Lane, Millbrook"
city = "Millbrook"

[work_hours]
timezone = "America/Chicago"
mon = ["08:30-17:00"]
tue = ["08:30-17:00"]
wed = ["08:30-17:00"]
thu = ["08:30-17:00"]
fri = ["08:30-15:00"]
"""


def _sizes(scale: int) -> Iterator[tuple[str, int]]:
    yield "x-100k.zip", 100_000 // scale
    yield "x-500k.zip", 500_000 // scale


def main() -> None:
    """Write every archive and client list into ``--out``."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "data")
    parser.add_argument("--small", action="store_true", help="10x smaller archives (quick runs)")
    parser.add_argument("--skip-500k", action="store_true", help="leave out the 500k-tweet X archive")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    scale = 10 if args.small else 1
    for name, tweets in _sizes(scale):
        if not (args.skip_500k and name == "x-500k.zip"):
            x_archive(args.out / name, tweets)
    facebook_archive(args.out / "facebook-100k.zip", 100_000 // scale, 5000 // scale, 2000 // scale)
    instagram_archive(args.out / "instagram-100k.zip", 100_000 // scale, 5000 // scale, 2000 // scale)
    for n in (100, 2000, 10_000, 100_000):
        client_list(args.out / f"clients-{n}.csv", n)
    hashed_list(args.out / "clients-100000.csv", args.out / "hashed-100000.txt", args.out / "agency.key")
    (args.out / "policy.toml").write_text(POLICY, encoding="utf-8")
    print(f"benchmark data written to {args.out}")


if __name__ == "__main__":
    main()
