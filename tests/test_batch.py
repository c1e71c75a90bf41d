"""Batch mode: one report per person, one clear error for a bad archive, a counts-only summary."""

from __future__ import annotations

import csv
import io
import json
import os

from click.testing import CliRunner

from scanner.cli import cli
from tests.conftest import zip_tree

TWEETS = "window.YTD.tweets.part0 = " + json.dumps(
    [
        {
            "tweet": {
                "id_str": "1700000000000000001",
                "id": "1700000000000000001",
                "full_text": "Lovely walk by the river today",
                "created_at": "Sat Aug 12 16:10:37 +0000 2023",
                "entities": {"user_mentions": []},
            }
        }
    ]
)


def test_batch_of_three_with_one_corrupt_archive(tmp_path):
    root = tmp_path / "candidates"
    for person in ("alex", "blake"):
        (root / person).mkdir(parents=True)
        zip_tree(root / person / "twitter-2024-01-01-abc.zip", {"data/tweets.js": TWEETS})
    (root / "casey").mkdir()
    (root / "casey" / "twitter-2024-01-01-def.zip").write_bytes(b"PK\x03\x04" + os.urandom(64))
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["batch", str(root), "--out", str(out), "--format", "json", "--workers", "2"])
    assert result.exit_code == 3, result.output
    assert len(list((out / "alex").glob("boundary-audit-report*.json"))) == 1
    assert len(list((out / "blake").glob("boundary-audit-report*.json"))) == 1
    assert not (out / "casey").exists()
    assert "casey: failed" in result.output and "truncated or corrupt" in result.output
    rows = list(csv.DictReader(io.StringIO((out / "batch-summary.csv").read_text())))
    assert [(r["person"], r["status"]) for r in rows] == [
        ("alex", "complete"),
        ("blake", "complete"),
        ("casey", "failed"),
    ]
    summary = (out / "batch-summary.html").read_text()
    assert "Lovely walk" not in summary and "casey" in summary
    assert (out / "batch-summary.csv").stat().st_mode & 0o077 == 0


WORK = "window.YTD.tweets.part0 = " + json.dumps(
    [
        {
            "tweet": {
                "id_str": "1700000000000000002",
                "id": "1700000000000000002",
                "full_text": "Three back-to-back therapy sessions and my progress notes are still not done. "
                "Caseload is brutal.",
                "created_at": "Sat Aug 12 16:10:37 +0000 2023",
                "entities": {"user_mentions": []},
            }
        }
    ]
)


def test_batch_on_a_folder_of_zips_scans_one_person_per_zip(tmp_path):
    root = tmp_path / "candidates"
    root.mkdir()
    zip_tree(root / "alex.zip", {"data/tweets.js": TWEETS})
    zip_tree(root / "blake.zip", {"data/tweets.js": WORK})
    out = tmp_path / "reports" / "2025"
    result = CliRunner().invoke(cli, ["batch", str(root), "--out", str(out), "--format", "json", "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "[1/2] alex: complete" in result.output and "[2/2] blake: complete" in result.output
    assert len(list((out / "alex").glob("*.json"))) == 1 and len(list((out / "blake").glob("*.json"))) == 1


def test_batch_on_an_empty_folder_is_a_clear_error(tmp_path):
    root = tmp_path / "empty"
    root.mkdir()
    result = CliRunner().invoke(cli, ["batch", str(root), "--out", str(tmp_path / "out"), "--debug"])
    assert result.exit_code == 2
    assert "holds no person folders and no archives" in result.output and "internal error" not in result.output


def test_batch_since_fail_on_and_triage(tmp_path):
    root = tmp_path / "candidates"
    root.mkdir()
    zip_tree(root / "blake.zip", {"data/tweets.js": WORK})
    runner = CliRunner()
    out = tmp_path / "out"
    args = ["batch", str(root), "--format", "json", "--workers", "1", "--fail-on", "medium"]
    first = runner.invoke(cli, [*args, "--out", str(out), "--redact", "full"])
    assert first.exit_code == 1, first.output
    assert "--fail-on medium" in first.output and "blake" in first.output
    later = runner.invoke(cli, [*args, "--out", str(tmp_path / "later"), "--since", "2024-01-01"])
    assert later.exit_code == 0, later.output
    report = next((out / "blake").glob("*.json"))
    ids = [f["id"] for f in json.loads(report.read_text())["findings"]]
    assert ids
    sets = [x for i in ids for x in ("--set", f"{i}=accepted")]
    assert runner.invoke(cli, ["triage", str(report), "--triage-file", str(tmp_path / "t.json"), *sets]).exit_code == 0
    triaged = runner.invoke(cli, [*args, "--out", str(tmp_path / "triaged"), "--triage", str(tmp_path / "t.json")])
    assert triaged.exit_code == 0, triaged.output
    missing = runner.invoke(cli, [*args, "--out", str(tmp_path / "x"), "--triage", str(tmp_path / "nope.json")])
    assert missing.exit_code == 2 and "not found" in missing.output
