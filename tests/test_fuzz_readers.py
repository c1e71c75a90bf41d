"""Fuzzing the readers (issue 23): properties that must hold whatever the input.

* **Nothing lost silently**: for a list of entries mixing good ones with junk (``null``, ``{}``, numbers,
  strings, objects with wrong or missing fields, lone surrogates, huge strings), the records read plus the
  entries counted as left out (or as repeats) equal the entries in the file.
* **Junk is never a bug**: no entry or file of junk is reported as an internal error (a reader bug).
* **A small mutation corpus** (truncation, flipped bytes, wrong roots, white space, ``null``, damaged tar,
  duplicate members, stray quotes, dropped ``<``): a scan never fails inside, always writes every report, and a
  file that lost records is named in the skipped list or in a note.

Kept to a few seconds: few examples, small files, fixed seeds.
"""

from __future__ import annotations

import io
import json
import random
import tarfile
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reports.writer import Format, write_reports
from scanner.archive import Archive
from scanner.detect import detect
from scanner.pipeline import scan
from scanner.readers import ReadContext
from scanner.readers.base import REPEATED
from scanner.readers.guard import EMPTY_ENTRIES, INTERNAL_ERRORS
from scanner.records import Kind

X_MANIFEST = 'window.__THAR_CONFIG = {"userInfo": {"accountId": "1", "userName": "me"}}'
IG_FOLLOWING = json.dumps({"relationships_following": []})
FB_POSTS = json.dumps([])


def _fb_friend(i: int, name: str) -> Any:
    return {"name": f"{name} {i}", "timestamp": 1_600_000_000 + i}


def _ig_follower(i: int, name: str) -> Any:
    handle = f"user{i}"
    return {
        "title": "",
        "string_list_data": [
            {"href": f"https://www.instagram.com/{handle}", "value": handle, "timestamp": 1_600_000_000 + i}
        ],
    }


def _x_follower(i: int, name: str) -> Any:
    return {"follower": {"accountId": str(1000 + i), "userLink": f"https://twitter.com/intent/user?user_id={1000 + i}"}}


# platform -> (good entry builder, path of the list file, how the list is written, other files, record kind)
LISTS: dict[str, tuple[Callable[[int, str], Any], str, Callable[[list[Any]], str], dict[str, str], Kind]] = {
    "facebook": (
        _fb_friend,
        "connections/friends/your_friends.json",
        lambda e: json.dumps({"friends_v2": e}),
        {"your_facebook_activity/posts/your_posts_1.json": FB_POSTS},
        Kind.CONNECTION,
    ),
    "instagram": (
        _ig_follower,
        "connections/followers_and_following/followers_1.json",
        json.dumps,
        {"connections/followers_and_following/following.json": IG_FOLLOWING},
        Kind.CONNECTION,
    ),
    "x": (
        _x_follower,
        "data/follower.js",
        lambda e: "window.YTD.follower.part0 = " + json.dumps(e),
        {"data/manifest.js": X_MANIFEST},
        Kind.CONNECTION,
    ),
}

LEAF = st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats() | st.text(max_size=8)
JUNK = st.one_of(
    st.none(),
    st.just({}),
    st.integers(),
    st.text(max_size=6),
    st.lists(LEAF, max_size=3),
    st.dictionaries(
        st.sampled_from(["name", "timestamp", "title", "string_list_data", "follower", "value"]),
        LEAF,
        min_size=1,
        max_size=3,
    ),
)
NAMES = st.sampled_from(["Sam Smith", "Zoë \ud83d Müller", "x" * 5000, "Ana-María O'Neil", "😀"])
ENTRIES = st.lists(st.one_of(st.tuples(st.just("good"), NAMES), st.tuples(st.just("junk"), JUNK)), max_size=12)

fuzz = settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def _read(files: dict[str, str | bytes]) -> tuple[list[Any], ReadContext]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "export.zip"
        with zipfile.ZipFile(path, "w") as zf:
            for name, content in files.items():
                zf.writestr(name, content if isinstance(content, bytes) else content.encode("utf-8", "surrogatepass"))
        with Archive([path]) as archive:
            found = detect(archive)
            ctx = ReadContext()
            records = list(found.reader.read(archive, found.detection, ctx))
    return records, ctx


@pytest.mark.parametrize("platform", sorted(LISTS))
@fuzz
@given(entries=ENTRIES)
def test_nothing_lost_silently(platform: str, entries: list[tuple[str, Any]]) -> None:
    good, path, write, others, kind = LISTS[platform]
    items = [good(i, value) if what == "good" else value for i, (what, value) in enumerate(entries)]
    records, ctx = _read({**others, path: write(items)})
    assert INTERNAL_ERRORS not in ctx.stats, ctx.skipped  # junk is a shape problem, never taken for a bug
    read = [r for r in records if r.kind == kind and r.source.split("#")[0].endswith(path.split("/")[-1])]
    assert len(read) >= sum(1 for what, _ in entries if what == "good")
    if any(s.path.endswith(path) for s in ctx.skipped):
        return  # the whole file was refused, and listed
    left_out = sum(ctx.stats.get(key, 0) for key in ("unreadable_entries", EMPTY_ENTRIES, REPEATED))
    assert len(read) + left_out == len(items), (len(read), left_out, items)


# ------------------------------------------------------------------------------------------ mutation corpus
TWEET = {
    "tweet": {
        "id_str": "17",
        "full_text": "Long session with Sam today",
        "created_at": "Sat Aug 12 16:10:37 +0000 2023",
        "entities": {"user_mentions": [{"screen_name": "Sam_1", "id_str": "5", "name": "Sam One"}]},
    }
}
CORPUS: dict[str, dict[str, str]] = {
    "x": {
        "data/manifest.js": X_MANIFEST,
        "data/tweets.js": "window.YTD.tweets.part0 = " + json.dumps([TWEET] * 1),
        "data/follower.js": "window.YTD.follower.part0 = " + json.dumps([_x_follower(i, "") for i in range(5)]),
    },
    "facebook": {
        "connections/friends/your_friends.json": json.dumps({"friends_v2": [_fb_friend(i, "Sam") for i in range(6)]}),
        "connections/friends/your_friends.html": "<html><body><main>"
        + "".join(f"<section><h2>Friend {i}</h2><footer>Jan 02, 2024 1:00:00 pm</footer></section>" for i in range(6))
        + "</main></body></html>",
    },
    "instagram": {
        "connections/followers_and_following/followers_1.json": json.dumps([_ig_follower(i, "") for i in range(6)]),
        "connections/followers_and_following/following.json": IG_FOLLOWING,
    },
    "linkedin": {
        "Connections.csv": "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        + "".join(f"Sam,Smith{i},https://www.linkedin.com/in/s{i},,,,12 Mar 2021\n" for i in range(6))
    },
}


def _mutations(name: str, data: str, rng: random.Random) -> dict[str, str | bytes]:
    raw = data.encode()
    out: dict[str, str | bytes] = {
        "truncated": raw[: len(raw) // 2],
        "flipped": bytes(b ^ 0x20 if rng.random() < 0.03 else b for b in raw),
        "white-space": b" \n\t ",
        "long-string": data.replace("Sam", "S" * 300_000, 1).replace("Friend 0", "F" * 300_000),
        "surrogate": data.replace("Sam", "Sam \\ud83d", 1),
    }
    if name.endswith((".json", ".js")):
        prefix = data[: data.index("=") + 1] if name.endswith(".js") else ""
        out.update(
            {
                f"root-{k}": prefix + v
                for k, v in (
                    ("null", "null"),
                    ("string", '"x"'),
                    ("number", "7"),
                    ("strings", '["a", "b"]'),
                    ("object", '{"a": {}}'),
                )
            }
        )
    if name.endswith(".html"):
        drop = set(rng.sample([i for i, c in enumerate(data) if c == "<"], 3))
        out["dropped-<"] = "".join(c for i, c in enumerate(data) if i not in drop)
    if name.endswith(".csv"):
        lines = data.split("\n")
        lines[2] = lines[2].replace(",", ',"', 1)
        out["stray-quote"] = "\n".join(lines)
    return out


def _counts(path: Path) -> tuple[dict[str, int], Any]:
    result = scan([path])
    counts: dict[str, int] = {}
    for source in result.sources:
        for k, v in source.counts.items():
            counts[k] = counts.get(k, 0) + v
    return counts, result


def _zip(path: Path, files: dict[str, str | bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, content in files.items():
            zf.writestr(name, content)
    return path


@pytest.mark.parametrize("platform", sorted(CORPUS))
def test_mutation_corpus(tmp_path: Path, platform: str) -> None:
    files = CORPUS[platform]
    base, _ = _counts(_zip(tmp_path / "base.zip", dict(files)))
    rng = random.Random(23)
    for name, data in files.items():
        for family, bad in _mutations(name, data, rng).items():
            path = _zip(tmp_path / f"{family}.zip", {**files, name: bad})
            counts, result = _counts(path)
            where = f"{platform} {name} {family}"
            assert not [e for e in result.errors if "stopped early" in e.message or "failed" in e.message], where
            assert not [s for src in result.sources for s in src.skipped if "internal error" in s.reason], where
            written = write_reports(result, list(Format), tmp_path / "out" / family)
            assert len(written) == len(Format), where
            lost = sum(max(v - counts.get(k, 0), 0) for k, v in base.items())
            if lost:
                named = [s for source in result.sources for s in source.skipped if s.path.endswith(name)]
                noted = [n for source in result.sources for n in source.notes if name in n]
                assert named or noted or result.errors, f"{where}: {lost} records lost without a word"


def test_damaged_tar_in_the_corpus(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        for name, body in (
            ("outbox.json", {"orderedItems": []}),
            ("actor.json", {"type": "Person"}),
            ("likes.json", {"orderedItems": [f"https://s.example/{i}" for i in range(300)]}),
        ):
            data = json.dumps(body).encode()
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    rng = random.Random(23)
    good = buffer.getvalue()
    for case in range(12):
        raw = bytearray(good)
        if case % 2:
            raw = raw[: rng.randrange(20, len(raw))]
        else:
            for _ in range(4):
                raw[rng.randrange(20, len(raw))] ^= rng.randrange(1, 256)
        path = tmp_path / f"archive-{case}.tar.gz"
        path.write_bytes(bytes(raw))
        result = scan([path])
        assert not [e for e in result.errors if "stopped early" in e.message or "failed" in e.message]
        assert all("\n" not in e.message for e in result.errors)
