"""The agency's aggregate summary of a batch scan: counts only (no names, handles or post text)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from jinja2 import Environment

from checks.base import Severity

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
