"""Generate large synthetic archives in the real export formats, and client lists, for the benchmarks.

    python bench/generate.py --out bench/data            # X 100k + 500k, Facebook 100k, Instagram 100k, clients

Everything is synthetic and deterministic (seeded). Sizes follow the issue: X with 100k and 500k tweets split
over part files (not in date order), Facebook with 100k posts, 5,000 friends and 2,000 message threads,
Instagram likewise, and client lists of 100, 2,000 and 10,000 names.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

FIRST = ["James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
         "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen",
         "Christopher", "Lisa", "Daniel", "Nancy", "Matthew", "Betty", "Anthony", "Sandra", "Mark", "Ashley",
         "Donald", "Kimberly", "Steven", "Emily", "Andrew", "Donna", "Paul", "Michelle", "Joshua", "Carol",
         "Kenneth", "Amanda", "Kevin", "Melissa", "Brian", "Deborah", "George", "Stephanie", "Timothy", "Rebecca",
         "Zoë", "José", "Siobhán", "Björn", "Mai", "Aaliyah", "Mateo", "Priya", "Kwame", "Yuki"]
LAST = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
        "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
        "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson",
        "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores", "O'Neil",
        "McAllister", "Núñez", "Okonkwo", "Dombrowski", "Fairweather", "Kowalski", "Haddad", "Petrov", "Sato"]
SENTENCES = [
    "Long day at the clinic, three back-to-back sessions and a pile of notes to finish.",
    "Sunday farmers market haul: tomatoes, peaches and far too much bread.",
    "Anyone have a good recipe for pierogi? Asking for my whole family.",
    "Rough shift on the unit tonight, so tired of short staffing.",
    "New quilt pattern finished! Took me three months.",
    "Gym session this morning, legs are done.",
    "My caseload is out of control this month and paperwork never ends.",
    "Coffee, then a long walk by the river with the dog.",
    "Had a client cancel again, third time this month.",
    "Election day tomorrow, go vote!",
    "Team meeting ran long, supervision moved to Thursday.",
    "Watching the game with my brother and his kids.",
]

EPOCH = datetime(2012, 1, 1, tzinfo=UTC)


def _people(rng: random.Random, n: int) -> list[str]:
    return [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(n)]


def _text(rng: random.Random, names: list[str]) -> str:
    text = rng.choice(SENTENCES)
    if rng.random() < 0.05:
        text += f" Saw {rng.choice(names)} at the store."
    return text


def _times(rng: random.Random, n: int) -> Iterator[datetime]:
    for _ in range(n):
        yield EPOCH + timedelta(seconds=rng.randrange(0, 13 * 365 * 86400))


def x_archive(path: Path, tweets: int, seed: int = 1) -> None:
    """An X archive (2022+ layout) with ``tweets`` tweets split over part files, plus follows and DMs."""
    rng = random.Random(seed)
    names = _people(rng, 3000)
    per_part = 100_000
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        manifest = {"userInfo": {"accountId": "100", "userName": "bench_clinician", "displayName": "Bench Clinician"}}
        zf.writestr("data/manifest.js", "window.__THAR_CONFIG = " + json.dumps(manifest))
        times = list(_times(rng, tweets))
        parts = [times[i:i + per_part] for i in range(0, tweets, per_part)]
        rng.shuffle(parts)  # real part files are not in date order
        counter = 0
        for index, chunk in enumerate(parts):
            items = []
            for ts in chunk:
                counter += 1
                mention = rng.random() < 0.1
                handle = f"user{rng.randrange(5000)}"
                text = (f"@{handle} " if mention else "") + _text(rng, names)
                tweet = {"id_str": str(1_000_000_000_000 + counter), "id": str(1_000_000_000_000 + counter),
                         "full_text": text, "created_at": ts.strftime("%a %b %d %H:%M:%S +0000 %Y"),
                         "favorite_count": "0", "retweet_count": "0", "lang": "en",
                         "entities": {"user_mentions": [{"screen_name": handle, "name": rng.choice(names),
                                                         "id_str": str(10_000 + int(handle[4:])),
                                                         "indices": ["0", str(len(handle) + 1)]}] if mention else [],
                                      "hashtags": [], "urls": []}}
                items.append({"tweet": tweet})
            name = "tweets.js" if index == 0 else f"tweets-part{index}.js"
            var = "tweets.part0" if index == 0 else f"tweets.part{index}"
            zf.writestr(f"data/{name}", f"window.YTD.{var} = " + json.dumps(items, indent=1))
        followers = [{"follower": {"accountId": str(10_000 + i),
                                   "userLink": f"https://twitter.com/intent/user?user_id={10_000 + i}"}}
                     for i in range(5000)]
        zf.writestr("data/follower.js", "window.YTD.follower.part0 = " + json.dumps(followers))
        zf.writestr("data/protected-history.js", "window.YTD.protected_history.part0 = []")


def _mojibake(text: str) -> str:
    return text.encode("utf-8").decode("latin-1")


def facebook_archive(path: Path, posts: int, friends: int, threads: int, seed: int = 2) -> None:
    """A Facebook 2024+ JSON export with mojibake-encoded strings."""
    rng = random.Random(seed)
    names = _people(rng, friends)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        items = [{"timestamp": int(ts.timestamp()), "data": [{"post": _mojibake(_text(rng, names))}],
                  "title": "Bench Clinician updated her status."} for ts in _times(rng, posts)]
        zf.writestr("your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json", json.dumps(items))
        zf.writestr("connections/friends/your_friends.json", json.dumps(
            {"friends_v2": [{"name": _mojibake(n), "timestamp": int(t.timestamp())}
                            for n, t in zip(names, _times(rng, friends), strict=True)]}))
        zf.writestr("personal_information/profile_information/profile_information.json", json.dumps(
            {"profile_v2": {"name": {"full_name": "Bench Clinician"}}}))
        for i in range(threads):
            partner = names[i % len(names)]
            messages = [{"sender_name": _mojibake(rng.choice([partner, "Bench Clinician"])),
                         "timestamp_ms": int(t.timestamp() * 1000), "content": _mojibake(_text(rng, names))}
                        for t in sorted(_times(rng, 5), reverse=True)]
            folder = f"{partner.lower().replace(' ', '')}_{1000 + i}"
            zf.writestr(f"your_facebook_activity/messages/inbox/{folder}/message_1.json", json.dumps(
                {"participants": [{"name": _mojibake(partner)}, {"name": "Bench Clinician"}],
                 "messages": messages, "title": _mojibake(partner), "thread_path": f"inbox/{folder}"}))


def instagram_archive(path: Path, posts: int, followers: int, threads: int, seed: int = 3) -> None:
    """An Instagram 2025 JSON export."""
    rng = random.Random(seed)
    names = _people(rng, followers)
    handles = [n.lower().replace(" ", ".").replace("'", "") + str(rng.randrange(99)) for n in names]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        media = [{"media": [{"uri": f"media/posts/{i}.jpg", "creation_timestamp": int(t.timestamp()),
                             "title": _mojibake(_text(rng, names))}]} for i, t in enumerate(_times(rng, posts))]
        zf.writestr("your_instagram_activity/media/posts_1.json", json.dumps(media))
        zf.writestr("connections/followers_and_following/followers_1.json", json.dumps(
            [{"title": "", "media_list_data": [], "string_list_data": [
                {"href": f"https://www.instagram.com/{h}", "value": h, "timestamp": int(t.timestamp())}]}
             for h, t in zip(handles, _times(rng, followers), strict=True)]))
        zf.writestr("personal_information/personal_information/personal_information.json", json.dumps(
            {"profile_user": [{"string_map_data": {"Username": {"value": "bench.clinician"},
                                                   "Private Account": {"value": "False"}}}]}))
        for i in range(threads):
            partner = names[i % len(names)]
            messages = [{"sender_name": _mojibake(rng.choice([partner, "Bench Clinician"])),
                         "timestamp_ms": int(t.timestamp() * 1000), "content": _mojibake(_text(rng, names))}
                        for t in sorted(_times(rng, 5), reverse=True)]
            zf.writestr(f"your_instagram_activity/messages/inbox/{handles[i]}_{i}/message_1.json", json.dumps(
                {"participants": [{"name": _mojibake(partner)}, {"name": "Bench Clinician"}], "messages": messages,
                 "title": _mojibake(partner)}))


def client_list(path: Path, n: int, seed: int = 4) -> None:
    """A clients.csv with ``n`` synthetic clients (some with aliases and handles)."""
    rng = random.Random(seed)
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "name", "aliases", "status", "handles", "notes"])
        for i in range(n):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            handle = f"instagram:{first.lower()}.{last.lower()}{i}" if rng.random() < 0.3 else ""
            writer.writerow([f"C{i:05d}", f"{first} {last}", "", rng.choice(["current", "former"]), handle, ""])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "data")
    parser.add_argument("--small", action="store_true", help="10x smaller archives (quick runs)")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    scale = 10 if args.small else 1
    x_archive(args.out / "x-100k.zip", 100_000 // scale)
    x_archive(args.out / "x-500k.zip", 500_000 // scale)
    facebook_archive(args.out / "facebook-100k.zip", 100_000 // scale, 5000 // scale, 2000 // scale)
    instagram_archive(args.out / "instagram-100k.zip", 100_000 // scale, 5000 // scale, 2000 // scale)
    for n in (100, 2000, 10_000):
        client_list(args.out / f"clients-{n}.csv", n)
    print(f"benchmark data written to {args.out}")


if __name__ == "__main__":
    main()
