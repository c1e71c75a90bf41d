"""Small command-line helpers shared by `scan`, `batch` and `demo`: the ``--since`` date, where the report is
and how to open it, and why ``--fail-on`` made the exit status 1."""

from __future__ import annotations

import os
import shlex
import sys
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import click

from checks.base import Finding, Severity


class SinceDate(click.ParamType):
    """A ``YYYY-MM-DD`` date; anything else is refused with the expected form, a future date is warned about."""

    name = "YYYY-MM-DD"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        if isinstance(value, date):
            return value
        try:
            parsed = datetime.strptime(str(value).strip(), "%Y-%m-%d").date()
        except ValueError:
            self.fail(f"{value!r} is not a date; use YYYY-MM-DD, e.g. 2021-01-31", param, ctx)
        if parsed > date.today():
            click.echo(
                f"boundary-audit: warning: --since {parsed.isoformat()} is in the future: no record is that "
                "recent, so only account-wide checks will report anything",
                err=True,
            )
        return parsed


SINCE = SinceDate()


def open_command(path: Path) -> str:
    """The command that opens ``path`` with the default application on this system."""
    quoted = shlex.quote(str(path))
    if sys.platform == "darwin":
        return f"open {quoted}"
    if os.name == "nt":
        return f'start "" "{path}"'
    return f"xdg-open {quoted}"


def announce(written: Sequence[Path], open_report: bool) -> None:
    """Print the absolute path of every report written, and how to open the HTML one (or open it)."""
    for path in written:
        click.echo(f"Report written: {path.resolve()}")
    html = next((p.resolve() for p in written if p.suffix == ".html"), None)
    if html is None:
        return
    if open_report:
        click.launch(str(html))  # the system's opener reports no failure back (xdg-open with no browser exits later)
        click.echo(
            "Opening the report in your browser (it reads the file on this computer; nothing is sent). If nothing "
            f"opens, double-click it or run  {open_command(html)}"
        )
    else:
        click.echo(
            f"To read it, open it in your browser: double-click it, or run  {open_command(html)}  "
            "(or add --open next time)."
        )


def fail_on_reason(findings: Iterable[Finding], fail_on: str | None) -> str | None:
    """Why ``--fail-on`` makes the exit status 1, or ``None`` when it does not."""
    if not fail_on:
        return None
    over = [f for f in findings if f.severity.at_least(Severity(fail_on))]
    if not over:
        return None
    return (
        f"exit status 1 because of --fail-on {fail_on}: {len(over)} open finding(s) at {fail_on} or above "
        "(review them, or record verdicts with `boundary-audit triage`)"
    )
