"""eval/realtext: posts wrapped by wrap_x.py read back as the owner's tweets; run.py loads its inputs."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from scanner.archive import Archive
from scanner.readers.base import ReadContext
from scanner.readers.x import XReader
from scanner.records import Post

REALTEXT = Path(__file__).resolve().parent.parent / "eval" / "realtext"
sys.path.insert(0, str(REALTEXT))

import run  # noqa: E402
import wrap_x  # noqa: E402

POSTS = [
    wrap_x.Post("a-1", "Great flight today, thanks for the upgrade & the snacks <3"),
    wrap_x.Post("a-2", "@united @JetBlue my bag is still in Denver"),
    wrap_x.Post("a-3", "Réunion à 14h, puis le cabinet #lundi"),
]


def read_posts(path: Path) -> list[Post]:
    reader = XReader()
    with Archive([path]) as archive:
        detection = reader.detect(archive)
        assert detection is not None and detection.generation == "x-v2"
        return [r for r in reader.read(archive, detection, ReadContext()) if isinstance(r, Post)]


def test_wrapped_posts_read_back_as_tweets_and_replies(tmp_path: Path) -> None:
    records = read_posts(wrap_x.write_archive(POSTS, tmp_path / "x.zip"))
    by_id = {r.id: r for r in records}
    assert set(by_id) == {wrap_x.tweet_id(p) for p in POSTS}
    first, reply, french = (by_id[wrap_x.tweet_id(p)] for p in POSTS)
    assert first.text == POSTS[0].text  # X's HTML escaping undone by the reader
    assert french.text == POSTS[2].text
    assert reply.subkind == "reply" and reply.in_reply_to is not None
    assert {m.handle for m in reply.mentions} >= {"united", "JetBlue"}


def test_archive_is_deterministic(tmp_path: Path) -> None:
    a = wrap_x.write_archive(POSTS, tmp_path / "a.zip").read_bytes()
    b = wrap_x.write_archive(list(reversed(POSTS)), tmp_path / "b.zip").read_bytes()
    assert a == b


@pytest.mark.parametrize(
    ("name", "body", "column", "texts"),
    [
        ("p.txt", "one &amp; two\n\nthree\none &amp; two\n", None, ["one & two", "three"]),
        ("p.csv", "id,Tweet\n1,hello there\n2,\n3,bye\n", "Tweet", ["hello there", "bye"]),
        ("p.csv", "id,text\n1,auto column\n", None, ["auto column"]),
        ("p.jsonl", '{"id": "x", "text": "from json"}\n', None, ["from json"]),
    ],
)
def test_load_drops_blank_and_duplicate_posts(
    tmp_path: Path, name: str, body: str, column: str | None, texts: list[str]
) -> None:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    spec = f"en:set:{path}" + (f":{column}" if column else "")
    ds = run.load(spec, limit=None, seed=1)
    assert [p.text for p in ds.posts] == texts
    assert ds.lang == "en" and all(p.id.startswith("set-") for p in ds.posts)


@pytest.mark.parametrize(
    ("spec", "body"), [("en:set", None), ("en:set:{path}:nope", "id,text\n1,a\n"), ("en:set:{path}", "{bad\n")]
)
def test_bad_inputs_are_input_errors(tmp_path: Path, spec: str, body: str | None) -> None:
    path = tmp_path / ("p.jsonl" if body and body.startswith("{") else "p.csv")
    if body is not None:
        path.write_text(body, encoding="utf-8")
    with pytest.raises(run.InputError):
        run.load(spec.format(path=path), limit=None, seed=1)
