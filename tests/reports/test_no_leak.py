"""No client name, alias or handle from the client list appears anywhere in supervision or agency reports."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from rich.console import Console

from reports.redact import redact
from reports.terminal import print_summary
from reports.writer import Format, write_reports
from scanner.result import ScanResult
from tests.reports.conftest import CLIENT_NAMES, CLIENTS, masker_for

# Display names the export showed for client records (not on the client list itself).
EXPORT_NAMES = ["Barty O."]


def leaks(text: str, names: list[str]) -> list[str]:
    """The names found in ``text`` on word boundaries, case-insensitively."""
    return [n for n in names if re.search(r"(?<!\w)" + re.escape(n) + r"(?!\w)", text, re.IGNORECASE)]


def test_the_full_report_does_contain_the_names(result: ScanResult, tmp_path: Path) -> None:
    """Guard: the fixture really carries names, so the checks below can fail."""
    paths = write_reports(result, list(Format), tmp_path, "full")
    text = "\n".join(p.read_text(encoding="utf-8") for p in paths)
    assert set(leaks(text, CLIENT_NAMES)) == set(CLIENT_NAMES)


@pytest.mark.parametrize("level", ["supervision", "agency"])
def test_no_client_name_in_any_format(result: ScanResult, tmp_path: Path, level: str) -> None:
    paths = write_reports(result, list(Format), tmp_path, level, masker=masker_for(result))
    assert {p.suffix for p in paths} == {".json", ".html", ".md", ".csv"}
    for path in paths:
        assert level in path.name
        found = leaks(path.read_text(encoding="utf-8"), CLIENT_NAMES + EXPORT_NAMES)
        assert not found, f"{path.name} shows {found}"


@pytest.mark.parametrize("level", ["supervision", "agency"])
def test_no_first_name_or_surname_alone(result: ScanResult, tmp_path: Path, level: str) -> None:
    parts = [p for _, name, _, _ in CLIENTS for p in name.split()]
    for path in write_reports(result, list(Format), tmp_path, level, masker=masker_for(result)):
        text = path.read_text(encoding="utf-8")
        found = [p for p in parts if re.search(r"(?<!\w)" + re.escape(p) + r"(?!\w)", text)]
        assert not found, f"{path.name} shows {found}"


@pytest.mark.parametrize("level", ["supervision", "agency"])
def test_no_client_name_in_terminal_summary(result: ScanResult, level: str) -> None:
    out = io.StringIO()
    print_summary(redact(result, level, masker_for(result)), Console(file=out, width=200))
    assert not leaks(out.getvalue(), CLIENT_NAMES + EXPORT_NAMES)


def test_supervision_shows_initials_and_client_ids(result: ScanResult, tmp_path: Path) -> None:
    [html] = write_reports(result, ["html"], tmp_path, "supervision", masker=masker_for(result))
    text = html.read_text(encoding="utf-8")
    for cid, name, _, _ in CLIENTS:
        initials = "".join(p[0] + "." for p in name.split())
        assert f"{initials} ({cid})" in text


def test_agency_report_has_no_post_text(result: ScanResult, tmp_path: Path) -> None:
    paths = write_reports(result, list(Format), tmp_path, "agency", masker=masker_for(result))
    excerpts = [f.record.excerpt for f in result.findings if f.record.excerpt]
    handles = [f.record.handle for f in result.findings if f.record.handle]
    accounts = [s.account_name for s in result.sources if s.account_name]
    for path in paths:
        text = path.read_text(encoding="utf-8")
        for fragment in [e[:20] for e in excerpts] + handles + accounts + ["Riverside Recovery Circle"]:
            assert fragment not in text, f"{path.name} shows {fragment!r}"
