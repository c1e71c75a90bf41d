"""``boundary-audit triage``: review a report's open findings and record verdicts in the triage file."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from reports.view import category_label, match_label
from scanner.platforms import platform_label
from scanner.triage import TriageError, TriageFile, default_triage_path, load_triage, save_triage, scrub_note

_KEYS = {"f": "false-positive", "a": "accepted", "x": "fixed"}


def _load_report(path: Path) -> dict[str, Any]:
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise click.ClickException(f"{path}: file not found") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise click.ClickException(f"{path}: not a JSON report ({exc}); give the .json report of a scan") from None
    if not isinstance(doc, dict) or doc.get("schema") != "boundary-audit/report":
        raise click.ClickException(f"{path}: not a boundary-audit JSON report")
    return doc


def _client_names(doc: dict[str, Any]) -> list[str]:
    """Names and handles in the report, to keep them out of stored notes."""
    names: list[str] = []
    for finding in doc.get("findings", []):
        clients = finding.get("client") or []
        for client in clients if isinstance(clients, list) else [clients]:
            if isinstance(client, dict) and client.get("name"):
                name = str(client["name"])
                names.append(name)
                names.extend(name.split())
        record = finding.get("record") or {}
        if finding.get("client"):
            names.extend(str(record[k]) for k in ("name", "handle") if record.get(k))
    return names


@click.command("triage")
@click.argument("report", type=click.Path(path_type=Path))
@click.option(
    "--triage-file",
    type=click.Path(path_type=Path),
    help="The triage file to update (default: boundary-audit-triage.json beside the report).",
)
@click.option(
    "--set",
    "assignments",
    multiple=True,
    metavar="ID=VERDICT",
    help="Record a verdict without prompts (false-positive, accepted or fixed); repeatable.",
)
@click.option("--note", default="", help="A note for the verdicts given with --set (no client names, please).")
def triage_command(report: Path, triage_file: Path | None, assignments: Sequence[str], note: str) -> None:
    """Review the open findings of a JSON report one by one, or record verdicts with --set.

    The walk shows one item per record (a post, a connection, a message thread) with every reason it was
    flagged, who it is about and which client it matched; one verdict covers all of them. Each verdict
    (false positive, accepted risk, fixed) is stored by finding id in the triage file, with your note and
    the date — never names, handles or post text. Scan again with `--triage FILE` and reviewed findings
    are marked and no longer counted as open. The walk is resumable: quit at any time and run the command
    again to continue.
    """
    doc = _load_report(report)
    path = triage_file or default_triage_path(report)
    try:
        triage = load_triage(path)
    except TriageError as exc:
        raise click.ClickException(str(exc)) from None
    names = _client_names(doc)
    categories = {str(f.get("id")): str(f.get("category", "")) for f in doc.get("findings", [])}
    if assignments:
        for item in assignments:
            fingerprint, sep, verdict = item.partition("=")
            if not sep:
                raise click.ClickException(f"--set {item!r}: write it as ID=VERDICT (the id is shown on each item)")
            fingerprint = fingerprint.strip()
            if fingerprint not in categories:
                raise click.ClickException(
                    f"--set: {fingerprint!r} is not the id of a finding in {report}; copy the id from that report"
                )
            try:
                triage.set(fingerprint, verdict.strip(), scrub_note(note, names), categories.get(fingerprint, ""))
            except TriageError as exc:
                raise click.ClickException(str(exc)) from None
        save_triage(triage, path)
        click.echo(f"Recorded {len(assignments)} verdict(s) in {path}")
        return
    _walk(doc, triage, path, names)


def _record_key(finding: dict[str, Any]) -> tuple[str, str, str]:
    record = finding.get("record") or {}
    return (str(finding.get("platform", "")), str(record.get("kind", "")), str(record.get("id", "")))


def _walk(doc: dict[str, Any], triage: TriageFile, path: Path, names: list[str]) -> None:
    """Review open findings one record at a time; a verdict is stored for each finding of the record."""
    groups: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for f in doc.get("findings", []):
        if f.get("status", "open") == "open" and f["id"] not in triage.entries:
            groups.setdefault(_record_key(f), []).append(f)
    todo = list(groups.values())
    if not todo:
        click.echo("Nothing left to review: every open finding has a verdict.")
        return
    total = sum(len(g) for g in todo)
    click.echo(f"{len(todo)} item(s) to review ({total} finding(s)). Verdicts are saved to {path} as you go.\n")
    index = 0
    while 0 <= index < len(todo):
        group = todo[index]
        _show(group, index, len(todo))
        choice = click.prompt(
            "[f]alse positive, [a]ccepted risk, fi[x]ed, [s]kip, [b]ack, [q]uit",
            type=click.Choice(["f", "a", "x", "s", "b", "q"]),
            show_choices=False,
        )
        if choice == "q":
            break
        if choice == "b":
            index = max(index - 1, 0)
            continue
        if choice in _KEYS:
            note = click.prompt("Note (optional, no client names)", default="", show_default=False)
            for finding in group:
                triage.set(finding["id"], _KEYS[choice], scrub_note(note, names), str(finding.get("category", "")))
            save_triage(triage, path)
        index += 1
    reviewed = sum(1 for g in todo if all(f["id"] in triage.entries for f in g))
    click.echo(f"\nReviewed {reviewed} of {len(todo)}. Triage file: {path}")


def _clients_of(finding: dict[str, Any]) -> list[dict[str, Any]]:
    clients = finding.get("client") or []
    return [c for c in (clients if isinstance(clients, list) else [clients]) if isinstance(c, dict)]


def _show(group: list[dict[str, Any]], index: int, total: int) -> None:
    """One record: severity, platform, date, who, the clients matched and how, the text, every reason."""
    first = group[0]
    record = first.get("record") or {}
    severity = min((f.get("severity", "info") for f in group), key=_SEVERITY_ORDER.index)
    click.echo(
        click.style(
            f"[{index + 1}/{total}] {severity.upper()}  {platform_label(first.get('platform', ''))} "
            f"{record.get('kind', '')}, {record.get('timestamp') or 'no date'}",
            bold=True,
        )
    )
    handle = f"@{str(record['handle']).lstrip('@')}" if record.get("handle") else ""
    who = " ".join(x for x in (record.get("name") or "", handle) if x)
    if who:
        click.echo(f"  Who: {who}")
    seen: set[str] = set()
    for finding in group:
        for client in _clients_of(finding):
            label = client.get("name") or client.get("initials") or "client"
            line = f"{label} ({client.get('id')}), matched by {match_label(str(client.get('match', '')))}"
            if line not in seen:
                seen.add(line)
                click.echo(f"  On your client list: {line}")
    if record.get("excerpt"):
        click.echo(f"  “{record['excerpt']}”")
    for finding in group:
        click.echo(f"  - {category_label(str(finding.get('category', '')))}: {finding.get('title', '')}")
    click.echo(f"  id{'s' if len(group) > 1 else ''}: {', '.join(f['id'] for f in group)}")


_SEVERITY_ORDER = ["critical", "high", "medium", "low", "info"]
