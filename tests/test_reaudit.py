"""Re-audits end to end: triage two findings, re-scan (same archive and a fresh re-export), --compare."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

from click.testing import CliRunner

from scanner.cli import cli
from scanner.demo import demo_paths
from tests.conftest import demo_scan_args


def _scan(archive: Path, out: Path, *extra: str) -> dict:
    result = CliRunner().invoke(cli, demo_scan_args(out, *extra, archive=archive))
    assert result.exit_code == 0, result.output
    return json.loads((out / "boundary-audit-report.json").read_text())


def _rezip(folder: Path, target: Path) -> Path:
    """A fresh 'download' of the same account: same records, another container and a wrapper folder."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                zf.write(path, f"twitter-2026-01-01-fresh/{path.relative_to(folder).as_posix()}")
    return target


def test_triaged_findings_stay_reviewed_across_rescans_and_reexports(tmp_path):
    archive, clients, _ = demo_paths()
    first = _scan(archive, tmp_path / "r1")
    open_before = first["summary"]["findings"]
    chosen = [f["id"] for f in first["findings"][:2]]
    triage_file = tmp_path / "triage.json"
    runner = CliRunner()
    for fingerprint, verdict in zip(chosen, ("false-positive", "accepted"), strict=True):
        result = runner.invoke(
            cli,
            [
                "triage",
                str(tmp_path / "r1" / "boundary-audit-report.json"),
                "--triage-file",
                str(triage_file),
                "--set",
                f"{fingerprint}={verdict}",
            ],
        )
        assert result.exit_code == 0, result.output

    stored = triage_file.read_text()
    names = [row.split(",")[1] for row in clients.read_text().splitlines()[1:] if row.strip()]
    assert not any(part in stored for name in names for part in name.split())
    texts = [f["record"]["excerpt"] for f in first["findings"] if f["record"]["excerpt"]]
    assert not any(text[:30] in stored for text in texts)

    for target in (archive, _rezip(archive, tmp_path / "fresh.zip")):
        again = _scan(target, tmp_path / f"r-{target.name}", "--triage", str(triage_file))
        assert again["summary"]["findings"] == open_before - 2
        status = {f["id"]: f["status"] for f in again["findings"]}
        assert status[chosen[0]] == "false-positive" and status[chosen[1]] == "accepted"


def test_compare_reports_new_fixed_and_remaining(tmp_path):
    archive, _, _ = demo_paths()
    before = _scan(archive, tmp_path / "before")
    modified = tmp_path / "modified"
    shutil.copytree(archive, modified)
    tweets_path = modified / "data" / "tweets.js"
    prefix, _, body = tweets_path.read_text().partition("=")
    tweets = json.loads(body)
    flagged_ids = {f["record"]["id"] for f in before["findings"] if f["record"]["kind"] == "post"}
    removed = next(t for t in tweets if t["tweet"]["id_str"] in flagged_ids)
    tweets.remove(removed)
    new_tweet = json.loads(json.dumps(tweets[0]))
    new_tweet["tweet"].update(
        {
            "id_str": "1999999999999999999",
            "id": "1999999999999999999",
            "full_text": "Three back-to-back therapy sessions and my progress notes are "
            "still not done. Caseload is brutal this month.",
        }
    )
    tweets.append(new_tweet)
    tweets_path.write_text(prefix + "= " + json.dumps(tweets))
    after = _scan(modified, tmp_path / "after", "--compare", str(tmp_path / "before" / "boundary-audit-report.json"))
    diff = after["compare"]
    gone = {f["id"] for f in before["findings"] if f["record"]["id"] == removed["tweet"]["id_str"]}
    added = {f["id"] for f in after["findings"] if f["record"]["id"] == "1999999999999999999"}
    assert gone and set(diff["fixed"]) == gone
    assert added and set(diff["new"]) == added
    assert len(diff["remaining"]) == before["summary"]["findings"] - len(gone)


def test_compare_counts_nothing_fixed_on_platforms_this_scan_did_not_read(tmp_path):
    archive, _, _ = demo_paths()
    before = _scan(archive, tmp_path / "before")
    doc_path = tmp_path / "before" / "boundary-audit-report.json"
    doc = json.loads(doc_path.read_text())
    # the earlier audit also covered a Facebook account, with two open findings
    doc["sources"].append(
        {
            "path": "facebook.zip",
            "platform": "facebook",
            "generation": "g4",
            "format": "json",
            "account": {"name": "Tess", "handle": None},
            "counts": {},
            "skipped": [],
            "notes": [],
        }
    )
    extra = [dict(before["findings"][0], id=f"{n:016x}", platform="facebook") for n in (1, 2)]
    doc["findings"].extend(extra)
    doc_path.write_text(json.dumps(doc))
    after = _scan(archive, tmp_path / "after", "--compare", str(doc_path))
    diff = after["compare"]
    assert diff["fixed"] == [] and len(diff["remaining"]) == before["summary"]["findings"]
    assert set(diff["not_compared"]) == {f["id"] for f in extra}
    assert diff["not_compared_scopes"] == ["Facebook: only in the earlier report (not scanned this time)"]


def test_compare_skips_a_platform_read_for_another_account(tmp_path):
    archive, _, _ = demo_paths()
    before = _scan(archive, tmp_path / "before")
    doc_path = tmp_path / "before" / "boundary-audit-report.json"
    doc = json.loads(doc_path.read_text())
    for source in doc["sources"]:
        source["account"] = {"name": "Someone Else", "handle": "someone_else"}
    doc_path.write_text(json.dumps(doc))
    after = _scan(archive, tmp_path / "after", "--compare", str(doc_path))
    diff = after["compare"]
    assert diff["fixed"] == diff["new"] == diff["remaining"] == []
    assert len(diff["not_compared"]) == before["summary"]["findings"]
    assert "different accounts" in diff["not_compared_scopes"][0]


def test_compare_with_the_html_report_says_so(tmp_path):
    archive, _, _ = demo_paths()
    html = tmp_path / "report.html"
    html.write_text("<!DOCTYPE html><html></html>")
    result = CliRunner().invoke(cli, ["scan", str(archive), "--compare", str(html), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2 and "HTML report" in result.output and ".json" in result.output
