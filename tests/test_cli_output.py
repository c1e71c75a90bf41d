"""What `scan` and `demo` say at the end: where the report is and how to open it, why --fail-on exits 1,
--since wording, and one error prefix for every error."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from scanner.cli import cli
from scanner.demo import demo_paths


def _scan(tmp_path: Path, *extra: str) -> click.testing.Result:
    archive, clients, policy = demo_paths()
    args = [
        "scan",
        str(archive),
        "--clients",
        str(clients),
        "--policy",
        str(policy),
        "--quiet",
        "--out",
        str(tmp_path / "out"),
        *extra,
    ]
    return CliRunner().invoke(cli, args)


def test_scan_prints_the_absolute_path_and_how_to_open_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    archive, clients, _ = demo_paths()
    result = CliRunner().invoke(cli, ["scan", str(archive), "--clients", str(clients), "--quiet", "--out", "rel"])
    assert result.exit_code == 0, result.output
    html = (tmp_path / "rel" / "boundary-audit-report.html").resolve()
    assert f"Report written: {html}" in result.output
    assert "open it in your browser" in result.output and str(html) in result.output.split("browser", 1)[1]


def test_open_launches_the_html_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    launched: list[str] = []
    monkeypatch.setattr(click, "launch", lambda url, **kw: launched.append(url) or 0)
    result = _scan(tmp_path, "--open")
    assert result.exit_code == 0, result.output
    html = str((tmp_path / "out" / "boundary-audit-report.html").resolve())
    assert launched == [html]
    assert "Opened" not in result.output and "If nothing opens" in result.output and html in result.output


def test_fail_on_says_why_it_exits_1(tmp_path: Path) -> None:
    result = _scan(tmp_path, "--fail-on", "high")
    assert result.exit_code == 1
    assert "exit status 1 because of --fail-on high" in result.output and "at high or above" in result.output
    calm = _scan(tmp_path, "--fail-on", "critical")
    assert calm.exit_code == 0 and "--fail-on" not in calm.output


@pytest.mark.parametrize("value", ["2020/01/01", "01-02-2020", "yesterday"])
def test_since_errors_say_the_format(tmp_path: Path, value: str) -> None:
    result = _scan(tmp_path, "--since", value)
    assert result.exit_code == 2 and "use YYYY-MM-DD" in result.output


def test_a_future_since_is_warned_about(tmp_path: Path) -> None:
    future = (date.today() + timedelta(days=30)).isoformat()
    result = _scan(tmp_path, "--since", future)
    assert result.exit_code == 0, result.output
    assert f"--since {future} is in the future" in result.output


def test_demo_previews_a_redacted_copy(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["demo", "--out", str(tmp_path / "demo"), "--redact", "supervision", "--format", "html"]
    )
    assert result.exit_code == 0, result.output
    [html] = (tmp_path / "demo").glob("*.html")
    assert "Supervision copy" in html.read_text()


def test_every_error_has_the_same_prefix(tmp_path: Path) -> None:
    archive, _, _ = demo_paths()
    run = [sys.executable, "-c", "from scanner.cli import main; main()"]
    cases = [
        ["scan", str(archive), "--since", "nope"],  # a bad option value
        ["scan", str(tmp_path / "missing.zip"), "--out", str(tmp_path / "o")],  # nothing to scan
        ["clients", "check", str(tmp_path / "none.csv")],  # a command's own error
        ["triage", str(tmp_path / "none.json")],
    ]
    for args in cases:
        done = subprocess.run([*run, *args], capture_output=True, text=True, cwd=Path(__file__).parents[1])
        assert done.returncode == 2, (args, done.stderr)
        errors = [line for line in done.stderr.splitlines() if "error:" in line.lower()]
        assert errors and all(line.startswith("boundary-audit: error: ") for line in errors), (args, done.stderr)
