"""The agency's aggregate summary of a batch scan: counts only (no names, handles or post text)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from jinja2 import Environment

from checks.base import Severity
from reports.csv import iter_rows, safe_cell
from reports.writer import write_atomic

CSV_NAME = "batch-summary.csv"
HTML_NAME = "batch-summary.html"

_TEMPLATE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>boundary-audit batch summary</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;color:#222}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:.4rem .6rem;text-align:right}
th:first-child,td:first-child,td.status{text-align:left}.failed{color:#a40000}.partial{color:#8a5a00}
</style></head><body>
<h1>Privacy-hygiene check: batch summary</h1>
<p>Counts of open findings per person and severity. This summary holds no names, handles or post text; each
person's own report is in their folder.</p>
<table><thead><tr><th>person</th><th>status</th><th>open</th>
{% for s in severities %}<th>{{ s }}</th>{% endfor %}<th>problems</th></tr></thead><tbody>
{% for r in rows %}<tr><td>{{ r.person }}</td><td class="status {{ r.status }}">{{ r.status }}</td>
<td>{{ r.findings }}</td>{% for s in severities %}<td>{{ r.by_severity.get(s, 0) }}</td>{% endfor %}
<td>{{ r.errors }}</td></tr>{% endfor %}
</tbody></table></body></html>
"""


def render_batch_summary(rows: Sequence[Mapping[str, object]]) -> str:
    """HTML table of per-person counts; ``rows`` hold person, status, findings, by_severity, errors."""
    env = Environment(autoescape=True)
    return env.from_string(_TEMPLATE).render(rows=rows, severities=[s.value for s in Severity])


def iter_batch_csv(rows: Sequence[Mapping[str, Any]]) -> Iterator[str]:
    """CSV of per-person counts (the same rows as the HTML), through the CSV report's writer."""
    header = ["person", "status", "open_findings", *[s.value for s in Severity], "errors"]
    cells = (
        [
            safe_cell(str(r["person"])),
            str(r["status"]),
            str(r["findings"]),
            *[str(r["by_severity"].get(s.value, 0)) for s in Severity],
            str(r["errors"]),
        ]
        for r in rows
    )
    return iter_rows(header, cells, bom=False)


def write_batch_summary(rows: Sequence[Mapping[str, Any]], out_dir: Path) -> list[Path]:
    """Write the counts-only summary of a batch, as CSV and HTML (owner-only, atomically); the paths."""
    csv_path, html_path = out_dir / CSV_NAME, out_dir / HTML_NAME
    write_atomic(csv_path, iter_batch_csv(rows))
    write_atomic(html_path, render_batch_summary(rows))
    return [csv_path, html_path]
