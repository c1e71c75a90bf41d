"""Batch mode: one report per person, one clear error for a bad archive, a counts-only summary."""

from __future__ import annotations

import csv
import io
import json
import os

from click.testing import CliRunner

from scanner.cli import cli
from tests.conftest import zip_tree

TWEETS = "window.YTD.tweets.part0 = " + json.dumps([{"tweet": {
    "id_str": "1700000000000000001", "id": "1700000000000000001", "full_text": "Lovely walk by the river today",
    "created_at": "Sat Aug 12 16:10:37 +0000 2023", "entities": {"user_mentions": []}}}])


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
    assert [(r["person"], r["status"]) for r in rows] == [("alex", "complete"), ("blake", "complete"),
                                                          ("casey", "failed")]
    summary = (out / "batch-summary.html").read_text()
    assert "Lovely walk" not in summary and "casey" in summary
    assert (out / "batch-summary.csv").stat().st_mode & 0o077 == 0
