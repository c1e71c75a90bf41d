"""Triage file, --set, the interactive walk, and the re-audit diff."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from click.testing import CliRunner

from checks.base import Category, ClientMatch, Finding, RecordRef, Severity, Status
from reports.json import render_json
from scanner.cli import cli
from scanner.compare import compare
from scanner.result import ScanResult
from scanner.triage import TriageError, TriageFile, load_triage, save_triage, scrub_note


def _finding(record_id: str, client: str | None = "C001", name: str = "Jane Doe") -> Finding:
    return Finding(
        check="client-connection",
        category=Category.CLIENT_CONNECTION,
        severity=Severity.HIGH,
        confidence=0.97,
        title="A client is among your friends",
        message="…",
        platform="facebook",
        record=RecordRef(kind="connection", id=record_id, timestamp=datetime(2024, 1, 2, tzinfo=UTC), name=name),
        clients=(ClientMatch(client, "full_name", 1.0, name=name),) if client else (),
    )


def _report(tmp_path, findings):
    path = tmp_path / "report.json"
    path.write_text(render_json(ScanResult(findings=tuple(findings), sources=())))
    return path


def test_fingerprint_ignores_volatile_fields():
    a = _finding("r1")
    b = Finding(
        **{
            **a.__dict__,
            "confidence": 0.5,
            "title": "other",
            "record": RecordRef(kind="connection", id="r1", excerpt="changed"),
        }
    )
    assert a.fingerprint == b.fingerprint
    assert a.fingerprint != _finding("r2").fingerprint
    assert a.fingerprint != _finding("r1", client="C002").fingerprint


def test_set_rejects_unknown_verdicts_and_ids():
    triage = TriageFile()
    with pytest.raises(TriageError, match="unknown verdict"):
        triage.set("0123456789abcdef", "maybe")
    with pytest.raises(TriageError, match="not a finding id"):
        triage.set("Jane Doe", "fixed")


def test_apply_marks_but_never_removes(tmp_path):
    findings = [_finding("r1"), _finding("r2")]
    triage = TriageFile()
    triage.set(findings[0].fingerprint, "accepted", "agency allows it")
    marked = triage.apply(findings)
    assert [f.status for f in marked] == [Status.ACCEPTED, Status.OPEN]
    result = ScanResult(findings=tuple(marked), sources=())
    assert len(result.open_findings) == 1


def test_cli_set_stores_no_names_and_rescan_counts_drop(tmp_path):
    findings = [_finding("r1"), _finding("r2"), _finding("r3")]
    report = _report(tmp_path, findings)
    runner = CliRunner()
    result = runner.invoke(
        cli,
        [
            "triage",
            str(report),
            "--set",
            f"{findings[0].fingerprint}=false-positive",
            "--set",
            f"{findings[1].fingerprint}=fixed",
            "--note",
            "Jane Doe is my cousin, not the client",
        ],
    )
    assert result.exit_code == 0, result.output
    stored = (tmp_path / "boundary-audit-triage.json").read_text()
    assert "Jane" not in stored and "Doe" not in stored
    assert (tmp_path / "boundary-audit-triage.json").stat().st_mode & 0o077 == 0
    triage = load_triage(tmp_path / "boundary-audit-triage.json")
    assert len([f for f in triage.apply(findings) if f.status == Status.OPEN]) == 1


def test_interactive_walk_is_resumable(tmp_path):
    findings = [_finding("r1"), _finding("r2"), _finding("r3")]
    report = _report(tmp_path, findings)
    runner = CliRunner()
    first = runner.invoke(cli, ["triage", str(report)], input="a\nreviewed in supervision\nq\n")
    assert first.exit_code == 0, first.output
    assert "Reviewed 1 of 3" in first.output
    second = runner.invoke(cli, ["triage", str(report)], input="s\nx\n\n")
    assert "2 item(s) to review (2 finding(s))" in second.output
    triage = load_triage(tmp_path / "boundary-audit-triage.json")
    assert sorted(v.verdict for v in triage.entries.values()) == ["accepted", "fixed"]


def test_triage_of_a_non_report_is_one_line_error(tmp_path):
    bad = tmp_path / "x.json"
    bad.write_text("[1,2")
    result = CliRunner().invoke(cli, ["triage", str(bad)])
    assert result.exit_code != 0
    assert "not a JSON report" in result.output


def test_versioned_file_round_trip(tmp_path):
    triage = TriageFile()
    triage.set("0123456789abcdef", "fixed", "done")
    save_triage(triage, tmp_path / "t.json")
    doc = json.loads((tmp_path / "t.json").read_text())
    assert doc["schema"] == "boundary-audit/triage" and doc["version"] == 1
    assert load_triage(tmp_path / "t.json").entries == triage.entries


def test_scrub_note():
    assert scrub_note("Talked with jane doe about it", ["Jane Doe"]) == "Talked with [client] about it"


def test_compare_new_fixed_remaining():
    old = {_finding("r1").fingerprint, _finding("r2").fingerprint}
    diff = compare(old, (_finding("r2"), _finding("r3")))
    assert diff == {
        "new": [_finding("r3").fingerprint],
        "remaining": [_finding("r2").fingerprint],
        "fixed": [_finding("r1").fingerprint],
    }


def _post_finding(check: str, category: Category, *, client: str | None = None) -> Finding:
    return Finding(
        check=check,
        category=category,
        severity=Severity.MEDIUM,
        confidence=0.9,
        title=f"{check} title",
        message="…",
        platform="facebook",
        record=RecordRef(kind="post", id="p1", excerpt="Session with Jane today", name="Tess", handle="tess.d"),
        clients=(ClientMatch(client, "first_initial+initial", 0.85, name="Jane Doe"),) if client else (),
    )


def test_set_refuses_ids_not_in_the_report(tmp_path):
    report = _report(tmp_path, [_finding("r1")])
    result = CliRunner().invoke(cli, ["triage", str(report), "--set", "0123456789abcdef=fixed"])
    assert result.exit_code != 0 and "not the id of a finding" in result.output
    assert not (tmp_path / "boundary-audit-triage.json").exists()


def test_walk_shows_who_and_client_and_takes_one_verdict_per_record(tmp_path):
    findings = [
        _post_finding("work-related-post", Category.WORK_RELATED_POST),
        _post_finding("client-mention", Category.CLIENT_MENTION, client="C001"),
        _post_finding("public-visibility", Category.PUBLIC_VISIBILITY),
    ]
    report = _report(tmp_path, findings)
    result = CliRunner().invoke(cli, ["triage", str(report)], input="f\n\n")
    assert result.exit_code == 0, result.output
    assert "1 item(s) to review (3 finding(s))" in result.output
    assert "Who: Tess @tess.d" in result.output
    assert "Jane Doe (C001), matched by first name and surname initial" in result.output
    assert "first_initial" not in result.output
    triage = load_triage(tmp_path / "boundary-audit-triage.json")
    assert {fp: v.verdict for fp, v in triage.entries.items()} == {f.fingerprint: "false-positive" for f in findings}


def test_scan_with_a_missing_triage_file_is_an_error(tmp_path):
    from scanner.demo import demo_paths

    archive, _, _ = demo_paths()
    result = CliRunner().invoke(
        cli, ["scan", str(archive), "--triage", str(tmp_path / "nope.json"), "--out", str(tmp_path / "out"), "--quiet"]
    )
    assert result.exit_code == 2 and "nope.json" in result.output and "not found" in result.output
    assert not (tmp_path / "out").exists()
