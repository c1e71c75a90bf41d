"""The terminal summary: what was read, counts by kind and severity, and the most urgent items.

Titles and names come from exports (untrusted): they are printed as :class:`rich.text.Text`, never
parsed as rich markup.
"""

from __future__ import annotations

from collections import Counter

from rich.console import Console
from rich.table import Table
from rich.text import Text

from checks.base import Severity, sort_findings
from reports.cards import group_by_record
from reports.view import NO_CLIENT_LIST, SEVERITY_LABELS, category_label, reviewed
from scanner.platforms import platform_label
from scanner.result import ScanResult

SEVERITY_STYLES: dict[str, str] = {
    Severity.CRITICAL: "bold white on red",
    Severity.HIGH: "bold red",
    Severity.MEDIUM: "yellow",
    Severity.LOW: "cyan",
    Severity.INFO: "dim",
}


def _severity(sev: str) -> Text:
    return Text(SEVERITY_LABELS.get(sev, sev), style=SEVERITY_STYLES.get(sev, ""))


def print_summary(result: ScanResult, console: Console, *, top: int = 10) -> None:
    """Print what was scanned, open items per kind and severity, and the ``top`` most urgent items."""
    for s in result.sources:
        counts = ", ".join(f"{n:,} {k}" for k, n in s.counts.items()) or "no records"
        account = s.account_handle or s.account_name or ""
        line = Text.assemble((platform_label(s.platform), "bold"), " ", account, ": ")
        line.append(counts)
        if s.skipped:
            line.append(f" — {len(s.skipped)} file(s) not read", style="yellow")
        console.print(line)

    if not result.client_checks:
        console.print(Text(NO_CLIENT_LIST, style="yellow"))
    open_findings = result.open_findings
    done = len(reviewed(result))
    items = len(group_by_record(open_findings))
    heading = f"{items} item(s) to review"
    heading += f" ({len(open_findings)} findings)" if items != len(open_findings) else ""
    heading += f", {done} already reviewed" if done else ""
    if not open_findings:
        console.print(Text(f"No open items. {heading}.", style="green"))
        return

    present = [s for s in Severity if any(f.severity == s for f in open_findings)]
    table = Table(title=heading, title_justify="left", show_edge=False)
    table.add_column("What")
    for sev in present:
        table.add_column(Text(sev.value.capitalize(), style=SEVERITY_STYLES[sev]), justify="right")
    table.add_column("Total", justify="right", style="bold")
    cells: Counter[tuple[str, str]] = Counter((str(f.category), str(f.severity)) for f in open_findings)
    worst = {c: min(Severity(s).rank for (cat, s) in cells if cat == c) for c in result.by_category}
    for category, total in sorted(result.by_category.items(), key=lambda kv: (worst[kv[0]], -kv[1], kv[0])):
        row = [Text(category_label(category))]
        row += [Text(str(cells[(category, s)] or "")) for s in present]
        row.append(Text(str(total)))
        table.add_row(*row)
    console.print(table)

    urgent = Table(title="Most urgent", title_justify="left", show_edge=False, show_header=False)
    urgent.add_column("severity")
    urgent.add_column("platform")
    urgent.add_column("item", overflow="fold")
    for f in list(sort_findings(open_findings))[:top]:
        urgent.add_row(_severity(f.severity.value), Text(platform_label(f.platform)), Text(f.title))
    console.print(urgent)
    if result.partial:
        console.print(Text("The scan is incomplete: some files could not be read (the report lists them).", "yellow"))
