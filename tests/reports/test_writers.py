"""The writer interface, CSV, Markdown and the terminal summary."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import stat
import warnings
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from rich.console import Console

from checks.base import Category
from reports.csv import COLUMNS, render_csv, safe_cell
from reports.json import render_json, to_dict
from reports.markdown import md, render_markdown
from reports.redact import redact
from reports.terminal import print_summary
from reports.writer import (
    CloudSyncWarning,
    Format,
    cloud_sync_service,
    render,
    render_stream,
    report_name,
    write_reports,
)
from scanner.result import ScanResult
from tests.reports.conftest import XSS_SCRIPT, finding


def test_write_reports_atomic_owner_only(result: ScanResult, tmp_path: Path) -> None:
    out = tmp_path / "new" / "reports"
    paths = write_reports(result, ["json", Format.HTML, "markdown", "csv", "html"], out)
    assert [p.name for p in paths] == [report_name(f) for f in (Format.JSON, Format.HTML, Format.MARKDOWN, Format.CSV)]
    for path in paths:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert sorted(os.listdir(out)) == sorted(p.name for p in paths)  # no temporary file left behind


def test_write_replaces_an_existing_report(result: ScanResult, tmp_path: Path) -> None:
    old = tmp_path / "boundary-audit-report.csv"
    old.write_text("old", encoding="utf-8")
    old.chmod(0o644)
    [path] = write_reports(result, ["csv"], tmp_path)
    assert path == old and path.read_text(encoding="utf-8-sig").startswith("id,severity")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_failed_write_leaves_nothing(result: ScanResult, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import reports.writer as writer

    def boom(*_: object) -> Iterator[str]:
        yield "<!DOCTYPE html>" * 10_000  # part of the report reaches the temporary file first
        raise RuntimeError("render failed")

    monkeypatch.setattr(writer, "render_stream", boom)
    with pytest.raises(RuntimeError):
        write_reports(result, ["html"], tmp_path)
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("fmt", list(Format))
def test_streamed_reports_match_the_rendered_text(result: ScanResult, fmt: Format, tmp_path: Path) -> None:
    for redaction in ("full", "supervision", "agency"):
        [path] = write_reports(result, [fmt], tmp_path, redaction)
        assert path.read_bytes() == render(redact(result, redaction), fmt).encode("utf-8")


@pytest.mark.parametrize("fmt", list(Format))
def test_streamed_report_without_findings(fmt: Format) -> None:
    empty = ScanResult(findings=(), sources=())
    assert "".join(render_stream(empty, fmt)) == render(empty, fmt)
    if fmt is Format.JSON:
        assert json.loads(render(empty, fmt))["findings"] == []


def test_json_report_streams_the_same_text_as_dumps(result: ScanResult) -> None:
    for redaction in ("full", "supervision", "agency"):
        view = redact(result, redaction)
        assert render_json(view) == json.dumps(to_dict(view), indent=2, ensure_ascii=False) + "\n"


def test_markdown_ends_with_one_line_break(result: ScanResult) -> None:
    text = render_markdown(result)
    assert text.endswith("\n") and not text.endswith("\n\n")


@pytest.mark.parametrize(
    ("path", "service"),
    [
        ("~/Dropbox/reports", "Dropbox"),
        ("/Users/me/Dropbox (Personal)/audit", "Dropbox"),
        ("/Users/me/OneDrive - Riverbend Health/audit", "OneDrive"),
        ("/Users/me/Library/Mobile Documents/com~apple~CloudDocs/audit", "iCloud Drive"),
        ("/Users/me/Library/CloudStorage/GoogleDrive-me@example.org/My Drive/x", "Google Drive"),
        ("/mnt/c/Users/me/Google Drive/audit", "Google Drive"),
        ("/Users/me/Library/CloudStorage/Box-Box/audit", "a cloud-storage service"),
        ("/home/me/reports", None),
        ("/home/me/dropboxes-are-not-synced", None),
    ],
)
def test_cloud_sync_service(path: str, service: str | None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", "/home/me")
    assert cloud_sync_service(path) == service


def test_cloud_folder_warns_but_writes(result: ScanResult, tmp_path: Path) -> None:
    out = tmp_path / "Dropbox" / "audit"
    messages: list[str] = []
    [path] = write_reports(result, ["csv"], out, on_warning=messages.append)
    assert path.exists() and len(messages) == 1 and "Dropbox" in messages[0]
    with pytest.warns(CloudSyncWarning):
        write_reports(result, ["csv"], out)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        write_reports(result, ["csv"], tmp_path / "local")


def read_csv(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


def test_csv_one_row_per_finding_fixed_columns(result: ScanResult) -> None:
    text = render_csv(result)
    assert text[1:].split("\r\n", 1)[0] == ",".join(COLUMNS)
    rows = read_csv(text)
    assert len(rows) == len(result.findings)
    assert {r["id"] for r in rows} == {f.fingerprint for f in result.findings}
    request = next(r for r in rows if r["title"] == "Friend request from Marisol Quintero")
    assert request["client_ids"] == "C001"
    assert request["record_time"] == "2024-03-02T12:00:00Z"
    assert request["record_handle"] == "mquintero_88"
    assert request["status"] == "open" and request["severity"] == "high"
    assert request["remediation_summary"].startswith("Leave the request unanswered")
    assert rows[0]["severity"] == "critical"


@pytest.mark.parametrize(
    ("value", "expected"),
    [("=SUM(A1)", "'=SUM(A1)"), ("+1", "'+1"), ("-2", "'-2"), ("@bob", "'@bob"), ("\tx", "'\tx"),
     ("plain", "plain"), (None, ""), ("a=b", "a=b")],
)  # fmt: skip
def test_csv_cells_cannot_be_formulas(value: str | None, expected: str) -> None:
    assert safe_cell(value) == expected


def test_csv_escapes_formula_in_excerpt(result: ScanResult) -> None:
    evil = finding(Category.WORK_RELATED_POST, "x", rid="f", excerpt='=HYPERLINK("http://evil","x")')
    [row] = read_csv(render_csv(replace(result, findings=(evil,))))
    assert row["excerpt"] == "'" + '=HYPERLINK("http://evil","x")'


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<script>x</script>", "\\<script\\>x\\</script\\>"),
        ("[link](http://e)", "\\[link\\](http://e)"),
        ("*bold* _it_ `code` | pipe", "\\*bold\\* \\_it\\_ \\`code\\` \\| pipe"),
        ("two\nlines", "two lines"),
        ("plain words", "plain words"),
    ],
)
def test_markdown_escape(text: str, expected: str) -> None:
    assert md(text) == expected


def test_markdown_report(result: ScanResult) -> None:
    text = render_markdown(result)
    assert XSS_SCRIPT not in text
    assert "\\<img src=x" in text and not re.search(r"(?<!\\)<(img|script)", text)
    assert "- [ ] **Critical" in text
    assert "**555-0134**" in text
    assert "## Already reviewed" in text and "Same name, not my client" in text
    assert "not valid JSON; download the export again" in text
    assert text.index("## Checklist") < text.index("## Already reviewed") < text.index("## What was scanned")


def test_terminal_summary(result: ScanResult) -> None:
    out = io.StringIO()
    print_summary(result, Console(file=out, width=160, color_system=None))
    text = out.getvalue()
    assert "14 item(s) to review, 2 already reviewed" in text
    assert "Private messages with clients" in text
    assert "Post names a client (Zofia Wrzesniewska)" in text
    assert "incomplete" in text


def test_terminal_does_not_interpret_markup(result: ScanResult) -> None:
    evil = finding(Category.WORK_RELATED_POST, "x", rid="m", title="[bold red]boom[/] [link=http://e]x[/link]")
    out = io.StringIO()
    print_summary(replace(result, findings=(evil,)), Console(file=out, width=160, color_system=None))
    assert "[bold red]boom[/] [link=http://e]x[/link]" in out.getvalue()


def test_terminal_with_nothing_open() -> None:
    out = io.StringIO()
    print_summary(ScanResult(findings=(), sources=()), Console(file=out, width=120))
    assert "No open items" in out.getvalue()


@pytest.mark.parametrize("fmt", list(Format))
def test_every_format_has_its_own_writer(result: ScanResult, fmt: Format) -> None:
    text = render(result, fmt)
    others = {render(result, other) for other in Format if other is not fmt}
    assert text and text not in others
