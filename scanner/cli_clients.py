"""``boundary-audit clients``: create, check and hash the client list. Click commands only; thin."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from checks.analysis.people import shares_public_name
from checks.matching import Matcher
from checks.names import hashed_list_text
from scanner.clients import ClientListError, load_clients, read_key_file

TEMPLATE = """\
# boundary-audit client list. Keep this file private: it never leaves this computer.
# Columns: id,name,aliases,status,handles,notes - only name is required; lines starting with # are ignored.
#   aliases: other names and nicknames, separated by ;   (e.g. Bob;Bobby, or a married name)
#   status:  current or former
#   handles: platform:handle separated by ;   platforms: facebook, instagram, x, linkedin, mastodon;
#            an X account number as x_id:123456
# A spreadsheet works too: save it as "CSV UTF-8"; ; separators and First Name / Last Name columns are read.
# To use one of the commented examples, remove its "# ". Replace the example rows with your clients:
# boundary-audit warns while one is left in.
id,name,aliases,status,handles,notes
C001,Jane Example,Janie;Jane Sample,current,instagram:jane.example;x:@janeexample,example row - delete me
# C002,Robert Sample,Bob,former,x_id:123456789,a former client: reported at a lower severity if policy says so
# C003,Anne-Marie O'Example,,current,mastodon:amo@social.example;linkedin:anne-marie-oexample,
"""


def _fail(message: str) -> None:
    raise click.ClickException(message)


def _create_private(file: Path, text: str, exists_hint: str = "") -> None:
    """Write ``text`` to a new file readable by the owner only; never overwrites."""
    try:
        fd = os.open(file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        _fail(f"{file} already exists; not overwriting it{exists_hint}")
    except OSError as exc:
        _fail(f"{file}: cannot be created ({exc.strerror or exc})")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)


@click.group("clients")
def clients_group() -> None:
    """Create, check and hash your client list (clients.csv)."""


@clients_group.command("init")
@click.argument("file", type=click.Path(path_type=Path))
def init_command(file: Path) -> None:
    """Write a commented clients.csv template to FILE (owner-only permissions; never overwrites)."""
    _create_private(file, TEMPLATE)
    click.echo(f"Wrote a client-list template to {file} (readable by you only). Edit it, then run:")
    click.echo(f"  boundary-audit clients check {file}")


@clients_group.command("check")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--key-file", type=click.Path(path_type=Path), help="The agency key, for a hashed list.")
def check_command(file: Path, key_file: Path | None) -> None:
    """Validate FILE and show how each client will be matched (prints names: your terminal only)."""
    try:
        clients = load_clients(file, key=read_key_file(key_file) if key_file else None)
    except ClientListError as exc:
        _fail(str(exc))
    console = Console()
    for warning in clients.warnings:
        console.print(f"[yellow]warning:[/yellow] {warning}", highlight=False)
    matcher = Matcher(clients)
    table = Table(title=f"{len(clients)} client(s) in {file}" + (" (hashed)" if clients.hashed else ""))
    for column in ("id", "name", "status", "matched in lists by", "in text (strong)", "in text (needs context)"):
        table.add_column(column, overflow="fold")
    for client in clients.clients:
        if clients.hashed:
            kinds = sorted({h[0] for h in client.hashed})
            shown = f"{len(client.hashed)} hashed variants"
            table.add_row(client.id, "(hashed)", client.status, shown, ", ".join(kinds), "")
            continue
        variants = matcher.variants(client)
        person = sorted({_show(v.text, v.how, v.platform) for v in variants if v.for_person})
        strong = sorted({v.text for v in variants if v.text_role == "strong"})
        weak = sorted({v.text + (" (word)" if v.word_name else "") for v in variants if v.text_role == "weak"})
        table.add_row(client.id, client.name, client.status, "\n".join(person), "; ".join(strong), "; ".join(weak))
        if not any(v.how in ("full_name", "first_last", "alias") for v in variants):
            console.print(f"[yellow]note:[/yellow] {client.id} has a single name: found in text only with work context")
        if shares_public_name(client):
            console.print(
                f"[yellow]note:[/yellow] {client.id} shares a public figure's name (notes): accounts followed or "
                "following and likes that match only the name are taken for the public figure"
            )
    console.print(table)
    click.echo(f"{file} is valid: {len(clients)} client(s).")


def _show(text: str, how: str, platform: str) -> str:
    if how in ("handle", "x_id"):
        return f"{platform or 'any'}:{text} ({how})"
    return f"{text} ({how})"


@clients_group.command("keygen")
@click.argument("file", type=click.Path(path_type=Path))
def keygen_command(file: Path) -> None:
    """Write a new random agency key to FILE (256 bits, readable by you only; never overwrites).

    The agency hashes its client list with this key (`clients hash`) and gives the key, never the list,
    to the people who scan with the hashed list (`scan --key-file`).
    """
    _create_private(file, secrets.token_hex(32) + "\n", " (a new key would not match lists hashed with the old one)")
    click.echo(f"Wrote a new agency key to {file} (readable by you only). Keep it secret; hash the list with:")
    click.echo(f"  boundary-audit clients hash clients.csv --key-file {file} --out clients.hashed")


@clients_group.command("hash")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--key-file", required=True, type=click.Path(path_type=Path), help="The agency's secret key file.")
@click.option("--out", "out", required=True, type=click.Path(path_type=Path), help="Where to write the hashed list.")
def hash_command(file: Path, key_file: Path, out: Path) -> None:
    """Write a hashed copy of FILE: keyed hashes (HMAC-SHA256) of normalized name variants, no plaintext."""
    try:
        key = read_key_file(key_file)
        clients = load_clients(file)
    except ClientListError as exc:
        _fail(str(exc))
    if clients.hashed:
        _fail(f"{file} is already hashed")
    if out.exists():
        _fail(f"{out} already exists; not overwriting it")
    tmp = out.with_name(out.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(hashed_list_text(clients.clients, key))
    os.replace(tmp, out)
    click.echo(f"Wrote {len(clients)} hashed client(s) to {out}. Scan with it using the same key file.")
