"""eval/realtext: posts wrapped by wrap_x.py read back as the owner's tweets; run.py loads its inputs."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import pytest

from scanner.archive import Archive
from scanner.readers.base import ReadContext
from scanner.readers.x.reader import XReader
from scanner.records import Post

REALTEXT = Path(__file__).resolve().parent.parent / "eval" / "realtext"
sys.path.insert(0, str(REALTEXT))

import health_sample  # noqa: E402
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


def test_health_sample_writes_flagged_and_unflagged_rows(tmp_path: Path) -> None:
    posts = tmp_path / "posts.jsonl"
    texts = [
        "Third night shift in a row on the ICU, two of my patients coded and my caseload is insane",
        "Charting until midnight again after a full clinic day, my patients deserve better than this",
        "Lovely walk by the river with the dog this morning",
        "Anyone watched the match last night? What a finish",
    ]
    posts.write_text("".join(json.dumps({"id": str(i), "text": t}) + "\n" for i, t in enumerate(texts)))
    out = tmp_path / "check.csv"
    summary = health_sample.sample(f"en:h:{posts}", 2, 1, out, REALTEXT / "clients.csv", REALTEXT / "policy.toml")
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert tuple(rows[0]) == health_sample.COLUMNS
    flagged = {r["post_id"] for r in rows if r["flagged"] == "y"}
    assert flagged >= {"h-0", "h-1"} and {r["post_id"] for r in rows} == {"h-0", "h-1", "h-2", "h-3"}
    assert all(r["cues"] for r in rows if r["flagged"] == "y") and "4 posts, 2 flagged" in summary


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([("y", "y"), ("y", "n"), ("n", "n"), ("n", "y")], "1/2 are the author's own clinical work (precision 0.50)"),
        ([("y", "Y"), ("n", "n")], "1/1 are the author's own clinical work (precision 1.00); unflagged: 0/1"),
    ],
)
def test_health_score(tmp_path: Path, rows: list[tuple[str, str]], expected: str) -> None:
    path = tmp_path / "filled.csv"
    body = "post_id,flagged,own_clinical_work,note\n" + "".join(f"p{i},{f},{o},x\n" for i, (f, o) in enumerate(rows))
    path.write_text(body, encoding="utf-8")
    assert expected in health_sample.score(path)


def test_health_score_refuses_unchecked_rows(tmp_path: Path) -> None:
    path = tmp_path / "half.csv"
    path.write_text("post_id,flagged,own_clinical_work,note\np1,y,y,\np2,y,,\n", encoding="utf-8")
    with pytest.raises(run.InputError, match="1 rows not checked"):
        health_sample.score(path)


@pytest.mark.parametrize(
    ("k", "n", "lo", "hi"), [(8, 10, 0.490, 0.943), (0, 10, 0.0, 0.278), (10, 10, 0.722, 1.0), (0, 0, 0.0, 1.0)]
)
def test_wilson_interval(k: int, n: int, lo: float, hi: float) -> None:
    got = health_sample.wilson(k, n)
    assert got == pytest.approx((lo, hi), abs=1e-3)


def write_posts(path: Path, texts: list[str]) -> Path:
    path.write_text("".join(json.dumps({"id": str(i), "text": t}) + "\n" for i, t in enumerate(texts)))
    return path


def test_health_draw_is_seeded_and_leaves_labels_blank(tmp_path: Path) -> None:
    posts = write_posts(tmp_path / "posts.jsonl", [f"post number {i}" for i in range(50)])
    ids = []
    for seed, name in ((7, "a.csv"), (7, "b.csv"), (8, "c.csv")):
        health_sample.draw(f"en:h:{posts}", 10, seed, tmp_path / name)
        rows = list(csv.DictReader((tmp_path / name).open(encoding="utf-8")))
        assert tuple(rows[0]) == health_sample.DRAW_COLUMNS and len(rows) == 10
        assert all(r["own_clinical_work"] == "" and r["text"].startswith("post number") for r in rows)
        ids.append([r["post_id"] for r in rows])
    assert ids[0] == ids[1] != ids[2] and len(set(ids[0])) == 10


def test_health_report_lists_wrong_flags_and_misses_with_notes() -> None:
    rows = [
        {"post_id": "p1", "own_clinical_work": "y", "note": "own patient"},
        {"post_id": "p2", "own_clinical_work": "n", "note": "news headline"},
        {"post_id": "p3", "own_clinical_work": "Y", "note": "own shift"},
        {"post_id": "p4", "own_clinical_work": "n", "note": "career question"},
    ]
    out = health_sample.report(rows, {"p1", "p2"})
    assert "4 labelled posts, 2 the author's own clinical work; 2 flagged" in out
    assert "precision 0.50 (1/2), 95 % Wilson interval 0.09-0.91" in out and "recall 0.50 (1/2)" in out
    wrong, missed = out.split("own clinical work not flagged")
    assert "p2  news headline" in wrong and "p4" not in wrong and "p1" not in wrong
    assert "p3  own shift" in missed and "p2" not in missed


def test_health_check_scans_only_the_labelled_posts(tmp_path: Path) -> None:
    posts = write_posts(
        tmp_path / "posts.jsonl",
        [
            "Third night shift in a row on the ICU, two of my patients coded and my caseload is insane",
            "Charting until midnight again after a full clinic day, my patients deserve better than this",
            "Lovely walk by the river with the dog this morning",
            "Anyone watched the match last night? What a finish",
        ],
    )
    labels = tmp_path / "labels.csv"
    labels.write_text("post_id,own_clinical_work,note\nh-0,y,own shift\nh-2,n,a walk\nh-3,n,football\n")
    out = health_sample.check(labels, f"en:h:{posts}", 18, REALTEXT / "clients.csv", REALTEXT / "policy.toml")
    assert out.startswith("3 labelled posts, 1 the author's own clinical work; 1 flagged")
    assert "precision 1.00 (1/1)" in out and "recall 1.00 (1/1)" in out
    labels.write_text("post_id,own_clinical_work,note\nh-0,y,own shift\nh-9,n,not in the data\n")
    with pytest.raises(run.InputError, match="1 labelled posts are not in"):
        health_sample.check(labels, f"en:h:{posts}", 18, REALTEXT / "clients.csv", REALTEXT / "policy.toml")


def test_clinician_posts_are_the_corpus_work_related_posts(tmp_path: Path) -> None:
    items = [
        {"id": "p1", "text": "Three intakes before lunch", "labels": [{"category": "work-related-post"}]},
        {"id": "p2", "text": "Beach day!", "labels": []},
        {"id": "p3", "text": "Grace asked about her  meds", "labels": [{"category": "client-mention"}]},
    ]
    (tmp_path / "posts.json").write_text(json.dumps(items), encoding="utf-8")
    posts = run.clinician_posts(tmp_path)
    assert [(p.id, p.text) for p in posts] == [("clinician-p1", "Three intakes before lunch")]
    with pytest.raises(run.InputError, match="--clinician"):
        run.clinician_posts(tmp_path / "missing")
