"""``boundary-audit triage``: review a report's open findings and record verdicts in the triage file."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

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
@click.option("--triage-file", type=click.Path(path_type=Path),
              help="The triage file to update (default: boundary-audit-triage.json beside the report).")
@click.option("--set", "assignments", multiple=True, metavar="FINGERPRINT=VERDICT",
              help="Record a verdict without prompts (false-positive, accepted or fixed); repeatable.")
@click.option("--note", default="", help="A note for the verdicts given with --set (no client names, please).")
def triage_command(report: Path, triage_file: Path | None, assignments: Sequence[str], note: str) -> None:
    """Review the open findings of a JSON report one by one, or record verdicts with --set.

    Each verdict (false positive, accepted risk, fixed) is stored by the finding's fingerprint in the
    triage file, with your note and the date — never names, handles or post text. Scan again with
    `--triage FILE` and reviewed findings are marked and no longer counted as open. The walk is
    resumable: quit at any time and run the command again to continue.
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
                raise click.ClickException(f"--set {item!r}: write it as FINGERPRINT=VERDICT")
            try:
                fingerprint = fingerprint.strip()
                triage.set(fingerprint, verdict.strip(), scrub_note(note, names), categories.get(fingerprint, ""))
            except TriageError as exc:
                raise click.ClickException(str(exc)) from None
        save_triage(triage, path)
        click.echo(f"Recorded {len(assignments)} verdict(s) in {path}")
        return
    _walk(doc, triage, path, names)


def _walk(doc: dict[str, Any], triage: TriageFile, path: Path, names: list[str]) -> None:
    todo = [f for f in doc.get("findings", []) if f.get("status", "open") == "open" and f["id"] not in triage.entries]
    if not todo:
        click.echo("Nothing left to review: every open finding has a verdict.")
        return
    click.echo(f"{len(todo)} finding(s) to review. Verdicts are saved to {path} as you go.\n")
    index = 0
    while 0 <= index < len(todo):
        finding = todo[index]
        _show(finding, index, len(todo))
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
            triage.set(finding["id"], _KEYS[choice], scrub_note(note, names), str(finding.get("category", "")))
            save_triage(triage, path)
        index += 1
    reviewed = sum(1 for f in todo if f["id"] in triage.entries)
    click.echo(f"\nReviewed {reviewed} of {len(todo)}. Triage file: {path}")


def _show(finding: dict[str, Any], index: int, total: int) -> None:
    record = finding.get("record") or {}
    click.echo(click.style(f"[{index + 1}/{total}] {finding['severity'].upper()}  {finding['category']}", bold=True))
    click.echo(f"  {finding.get('title', '')}  ({finding.get('platform', '')}, {record.get('timestamp') or 'no date'})")
    if record.get("excerpt"):
        click.echo(f"  “{record['excerpt']}”")
    click.echo(f"  id: {finding['id']}")
