"""The Markdown report: the same content as the HTML report, for notes and supervision files.

Post text is untrusted: Markdown and HTML syntax in it is backslash-escaped (CommonMark), so that a post
containing ``<script>``, links or emphasis shows as the characters it is in any Markdown viewer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from checks.base import Evidence, Finding, Remediation
from checks.remediation import remediation_for, why_it_matters
from reports.cards import RecordGroup, group_by_record, safe_url
from reports.view import (
    CATEGORY_SINGULAR,
    NO_CLIENT_LIST,
    SEVERITY_LABELS,
    STATUS_LABELS,
    category_label,
    checklist,
    client_label,
    format_time,
    highlight,
    match_label,
    reviewed,
    severity_counts,
)
from scanner.platforms import platform_label
from scanner.result import ScanResult

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
_LINE_START = re.compile(r"^(\s*)([-+#=>:]|\d+[.)])")


def md(text: str | None, *, line_start: bool = False) -> str:
    """Untrusted ``text`` on one line with Markdown/HTML syntax escaped (also block syntax if it starts a line)."""
    flat = " ".join((text or "").split())
    escaped = _SPECIAL.sub(r"\\\1", flat)
    if line_start:
        escaped = _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), escaped)
    return escaped


def prose(text: str | None) -> str:
    """The tool's own guidance text on one line (only angle brackets escaped)."""
    return " ".join((text or "").split()).replace("<", "\\<").replace(">", "\\>")


def _code(text: str) -> str:
    """``text`` as inline code (backticks inside are replaced)."""
    return "`" + text.replace("`", "'") + "`" if text else ""


def _remediation(f: Finding) -> Remediation:
    rem = f.remediation
    return rem if (rem.summary or rem.steps) else remediation_for(f.category, f.platform)


def _steps(rem: Remediation, indent: str = "") -> Iterable[str]:
    for n, step in enumerate(rem.steps, start=1):
        yield f"{indent}{n}. {prose(step)}"
    if rem.script:
        yield ""
        yield f"{indent}*What you might say:* {prose(rem.script)}"
    if rem.supervision_questions:
        yield ""
        yield f"{indent}*Questions for supervision:*"
        yield ""
        yield from (f"{indent}- {prose(q)}" for q in rem.supervision_questions)


def _excerpt(text: str, evidence: list[Evidence]) -> str:
    parts = []
    for piece, reason in highlight(" ".join(text.split()), evidence):
        escaped = _SPECIAL.sub(r"\\\1", piece)
        parts.append(f"**{escaped}**" if reason and escaped.strip() == escaped else escaped)
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), "".join(parts))


def _card(group: RecordGroup, *, show_names: bool, tz: str) -> Iterable[str]:
    """One record: every finding about it, most severe first."""
    f = group.first
    rec = f.record
    yield f"### {md(f.title)}"
    yield ""
    meta = [SEVERITY_LABELS.get(f.severity.value, f.severity.value), platform_label(f.platform), rec.kind]
    if rec.timestamp:
        meta.append(format_time(rec.timestamp, tz))
    ids = ", ".join(_code(x.fingerprint) for x in group.findings)
    yield f"*{' · '.join(md(m) for m in meta)}* — id{'s' if len(group.findings) > 1 else ''} {ids}"
    yield ""
    who = " ".join(x for x in (rec.name or "", f"@{rec.handle.lstrip('@')}" if rec.handle else "") if x)
    if who:
        yield f"- **Who:** {md(who)}"
    clients = dict.fromkeys(
        f"{client_label(c, with_name=show_names)}, matched by {match_label(c.match)}"
        for x in group.findings
        for c in x.clients
    )
    if clients:
        yield f"- **On your client list:** {md('; '.join(clients))}"
    if rec.source:
        yield f"- **Found in:** {_code(rec.source)}"
    url = next((u for x in group.findings if (u := safe_url(x.record.url))), None)
    if url:
        yield f"- **Link:** {_code(url)}"
    yield ""
    excerpt = next((x.record.excerpt for x in group.findings if x.record.excerpt), "")
    if excerpt:
        yield f"> {_excerpt(excerpt, [e for x in group.findings for e in x.evidence])}"
        yield ""
    for x in group.findings:
        rem = _remediation(x)
        kind = CATEGORY_SINGULAR.get(x.category, category_label(x.category))
        lead = f"**{kind}** " if len(group.findings) > 1 else ""
        yield f"- {lead}({round(x.confidence * 100)}% sure) {md(x.message)} *What to do:* {prose(rem.summary)}"
    yield ""
    refs = list(dict.fromkeys(r for x in group.findings for r in _remediation(x).references))
    if refs:
        yield f"*References:* {prose('; '.join(refs))}"
        yield ""


def _lines(result: ScanResult) -> Iterator[str]:
    """The report's lines, without line breaks."""
    shows = result.redaction.shows
    show_names = shows.client_names
    yield from ["# Social-media boundary audit", ""]
    when = format_time(result.generated_at, result.timezone)
    yield from [f"Generated {when} by boundary-audit {md(result.tool_version)}. "
                f"{md(shows.label)}.", ""]  # fmt: skip
    open_findings = list(result.open_findings)
    done = reviewed(result)
    items_count = len(group_by_record(open_findings))
    yield from [
        "## At a glance",
        "",
        f"{items_count} items to review ({len(open_findings)} findings); "
        f"{len(done)} already reviewed. Times are in the {md(result.timezone)} time zone.",
        "",
    ]
    yield from ["| Severity | Items |", "|---|---:|"]
    yield from (f"| {SEVERITY_LABELS[s]} | {n} |" for s, n in severity_counts(open_findings).items())
    yield ""
    if result.by_category:
        yield from ["| Kind | Items |", "|---|---:|"]
        yield from (f"| {category_label(c)} | {n} |" for c, n in result.by_category.items())
        yield ""
    if not result.client_checks:
        yield from [f"**The client checks did not run.** {prose(NO_CLIENT_LIST)}", ""]
    if result.partial:
        yield from ["**The scan is incomplete:** some files could not be read (listed at the end).", ""]

    items = checklist(open_findings)
    if items:
        yield from ["## Checklist, most urgent first", ""]
        for item in items:
            rem = _remediation(item.findings[0])
            yield (
                f"- [ ] **{SEVERITY_LABELS[item.severity.value]} — {platform_label(item.platform)}: "
                f"{category_label(item.category)}** ({item.count}). {prose(rem.summary)}"
            )
            steps = list(_steps(rem, indent="    "))
            if steps:
                yield from ["", *steps, ""]
        yield ""

    if shows.finding_details:
        grouped: dict[str, list[RecordGroup]] = {}
        for group in group_by_record(open_findings):
            grouped.setdefault(str(group.first.category), []).append(group)
        for category, groups in grouped.items():
            yield from [f"## {category_label(category)} ({len(groups)})", ""]
            why = why_it_matters(category)
            if why:
                yield from [f"*Why it matters:* {prose(why)}", ""]
            for group in groups:
                yield from _card(group, show_names=show_names, tz=result.timezone)

    if done:
        yield from ["## Already reviewed", "", "| Status | Item | Platform | Note | Id |", "|---|---|---|---|---|"]
        for f in done:
            row = [STATUS_LABELS.get(f.status.value, f.status.value), f.title, platform_label(f.platform), f.note or ""]
            yield "| " + " | ".join(md(c) for c in row) + f" | {_code(f.fingerprint)} |"
        yield ""

    yield from ["## What was scanned", ""]
    for s in result.sources:
        account = " ".join(x for x in (s.account_name or "", f"@{s.account_handle}" if s.account_handle else "") if x)
        counts = ", ".join(f"{n} {k}" for k, n in s.counts.items()) or "no records"
        yield (f"- **{platform_label(s.platform)}** {md(account)} — {_code(s.path)}, layout "
               f"{md(s.generation or 'unknown')} ({md(s.format)}): {md(counts)}")  # fmt: skip
        yield from (f"    - Note: {md(n)}" for n in s.notes)
        yield from (f"    - Not read: {_code(k.path)} — {md(k.reason)}" for k in s.skipped)
    yield from (f"- Problem: {_code(e.where)} — {md(e.message)}" for e in result.errors)
    yield ""


def iter_markdown(result: ScanResult) -> Iterator[str]:
    """The Markdown report (see :func:`render_markdown`) in pieces.

    The lines are joined with line breaks and the text ends in exactly one: line breaks are held back
    until more text follows, so that the trailing ones can be dropped.
    """
    held = ""
    lead = ""
    for line in _lines(result):
        piece = lead + line
        lead = "\n"
        body = piece.rstrip("\n")
        if body:
            yield held + body
            held = piece[len(body) :]
        else:
            held += piece
    yield "\n"


def render_markdown(result: ScanResult) -> str:
    """The Markdown report."""
    return "".join(iter_markdown(result))
