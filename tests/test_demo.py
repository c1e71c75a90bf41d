"""The bundled demo runs end to end, and --fail-on exits non-zero exactly when it should."""

from __future__ import annotations

import json

from click.testing import CliRunner

from scanner.cli import EXIT_FINDINGS, EXIT_OK, cli
from tests.conftest import demo_scan_args


def test_demo_writes_a_report_with_findings(tmp_path):
    out = tmp_path / "demo"
    result = CliRunner().invoke(cli, ["demo", "--out", str(out), "--format", "json"])
    assert result.exit_code == 0, result.output
    [report] = list(out.glob("*.json"))
    doc = json.loads(report.read_text())
    assert doc["schema"] == "boundary-audit/report" and doc["schema_version"] == 1
    assert doc["sources"][0]["platform"] == "x"
    categories = {f["category"] for f in doc["findings"]}
    assert {"client-connection", "client-message", "work-related-post"} <= categories
    assert report.stat().st_mode & 0o077 == 0


def _scan(tmp_path, *extra: str):
    args = demo_scan_args(tmp_path / "out", *extra)
    return CliRunner().invoke(cli, args)


def test_fail_on_exits_one_only_when_findings_reach_the_threshold(tmp_path):
    plain = _scan(tmp_path)
    doc = json.loads(next((tmp_path / "out").glob("*.json")).read_text())
    severities = {f["severity"] for f in doc["findings"] if f["status"] == "open"}
    assert plain.exit_code == EXIT_OK
    assert _scan(tmp_path, "--fail-on", "info").exit_code == EXIT_FINDINGS
    for level in ("critical", "high"):
        expected = EXIT_FINDINGS if (level in severities or (level == "high" and "critical" in severities)) else EXIT_OK
        assert _scan(tmp_path, "--fail-on", level).exit_code == expected
