"""The client list: CSV, plain list and hashed list loading, validation, and the `clients` commands."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from scanner.cli_clients import clients_group
from scanner.clients import ClientListError, load_clients

GOOD = """\
id,name,aliases,status,handles,notes
C001,Jane Doe,Janie;Jane Smith,current,instagram:jdoe_22;x:@jdoe;x_id:123456,note
,Robert Roe,,former,facebook:robert.roe.9,
C003,Zoë Ärling,,,,
"""


def write(tmp_path: Path, text: str, name: str = "clients.csv", mode: int = 0o600) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    path.chmod(mode)
    return path


def test_csv_rows(tmp_path: Path) -> None:
    clients = load_clients(write(tmp_path, GOOD))
    jane, robert, zoe = clients.clients
    assert (jane.id, jane.aliases, jane.status) == ("C001", ("Janie", "Jane Smith"), "current")
    assert jane.handles == (("instagram", "jdoe_22"), ("x", "jdoe"), ("x_id", "123456"))
    assert robert.id == "L003" and robert.status == "former"
    assert zoe.status == "current" and zoe.name == "Zoë Ärling"
    assert clients.warnings == () and not clients.hashed


def test_columns_in_any_order_and_only_name(tmp_path: Path) -> None:
    clients = load_clients(write(tmp_path, "name,status\nJane Doe,former\n"))
    assert [(c.id, c.name, c.status) for c in clients.clients] == [("L002", "Jane Doe", "former")]
    assert load_clients(write(tmp_path, "name\nJane Doe\n", "one.csv")).clients[0].name == "Jane Doe"


def test_plain_list(tmp_path: Path) -> None:
    clients = load_clients(write(tmp_path, "# my clients\nJane Doe\n\n  Whitfield, D'Angelo  \n"))
    assert [(c.id, c.name) for c in clients.clients] == [("L002", "Jane Doe"), ("L004", "Whitfield, D'Angelo")]


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ("C1,,,current,,", "line 2: empty name"),
        ("C1,Jane Doe,,active,,", "unknown status 'active'"),
        ("C1,Jane Doe,,current,jdoe,", "malformed handle 'jdoe'"),
        ("C1,Jane Doe,,current,myspace:jdoe,", "unknown platform 'myspace'"),
        ("C1,Jane Doe,,current,x_id:@jdoe,", "x_id must be the numeric"),
        ("C1,Jane Doe,,current,instagram:jane doe,", "malformed handle"),
    ],
)
def test_bad_rows_name_file_and_line(tmp_path: Path, row: str, problem: str) -> None:
    path = write(tmp_path, f"id,name,aliases,status,handles,notes\n{row}\n")
    with pytest.raises(ClientListError) as exc:
        load_clients(path)
    assert str(path) in str(exc.value) and problem in str(exc.value)


def test_duplicate_id(tmp_path: Path) -> None:
    path = write(tmp_path, "id,name\nC1,Jane Doe\nC1,John Roe\n")
    with pytest.raises(ClientListError, match="line 3: duplicate id 'C1' \\(first on line 2\\)"):
        load_clients(path)


def test_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(ClientListError, match="file not found"):
        load_clients(tmp_path / "missing.csv")
    bad = tmp_path / "latin1.csv"
    bad.write_bytes("name\nZo\xeb\n".encode("latin-1"))
    with pytest.raises(ClientListError, match="not UTF-8"):
        load_clients(bad)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_permission_warning(tmp_path: Path) -> None:
    assert load_clients(write(tmp_path, GOOD, mode=0o600)).warnings == ()
    warnings = load_clients(write(tmp_path, GOOD, "open.csv", mode=0o644)).warnings
    assert len(warnings) == 1 and "chmod 600" in warnings[0]


# ------------------------------------------------------------------------------------------ commands


def test_every_command_has_help() -> None:
    runner = CliRunner()
    for command in ("init", "check", "hash", "keygen"):
        result = runner.invoke(clients_group, [command, "--help"])
        assert result.exit_code == 0 and "Usage" in result.output


def test_init_writes_private_template_and_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "clients.csv"
    runner = CliRunner()
    assert runner.invoke(clients_group, ["init", str(target)]).exit_code == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert len(load_clients(target)) == 1
    again = runner.invoke(clients_group, ["init", str(target)])
    assert again.exit_code != 0 and "already exists" in again.output


def test_check_shows_variants_and_errors(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(clients_group, ["check", str(write(tmp_path, GOOD))])
    assert result.exit_code == 0, result.output
    assert "jane doe" in result.output and "is valid: 3 client(s)" in result.output
    bad = runner.invoke(clients_group, ["check", str(write(tmp_path, "id,name\nC1,\n", "bad.csv"))])
    assert bad.exit_code != 0 and "empty name" in bad.output


def test_check_says_which_clients_share_a_public_figures_name(tmp_path: Path) -> None:
    listing = "id,name,notes\nC1,Luke Bryan,adult; same name as the country singer\nC2,Ann Lee,anxiety\n"
    result = CliRunner().invoke(clients_group, ["check", str(write(tmp_path, listing))])
    assert result.exit_code == 0, result.output
    assert "C1 shares a public figure's name" in result.output and "C2 shares" not in result.output


def test_hash_round_trip(tmp_path: Path) -> None:
    source = write(tmp_path, GOOD)
    key = write(tmp_path, "k" * 32, "agency.key")
    out = tmp_path / "hashed.csv"
    runner = CliRunner()
    result = runner.invoke(clients_group, ["hash", str(source), "--key-file", str(key), "--out", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    for secret in ("jane", "doe", "robert", "jdoe", "123456", "note", "zoe"):
        assert secret not in text.lower()
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    hashed = load_clients(out, key=b"k" * 32)
    assert hashed.hashed and [c.id for c in hashed.clients] == ["C001", "L003", "C003"]
    assert all(c.name == "" and c.hashed for c in hashed.clients)
    with pytest.raises(ClientListError, match="hashed client list"):
        load_clients(out)
    with pytest.raises(ClientListError, match="key does not match"):
        load_clients(out, key=b"x" * 32)
    again = runner.invoke(clients_group, ["hash", str(source), "--key-file", str(key), "--out", str(out)])
    assert again.exit_code != 0


def test_short_key_refused(tmp_path: Path) -> None:
    key = write(tmp_path, "short", "k")
    args = ["hash", str(write(tmp_path, GOOD)), "--key-file", str(key), "--out", str(tmp_path / "o")]
    result = CliRunner().invoke(clients_group, args)
    assert result.exit_code != 0 and "too short" in result.output


def test_keygen_writes_a_private_key_that_hashes_and_never_overwrites(tmp_path: Path) -> None:
    key = tmp_path / "agency.key"
    runner = CliRunner()
    result = runner.invoke(clients_group, ["keygen", str(key)])
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(key.stat().st_mode) == 0o600 and len(key.read_text().strip()) == 64
    out = tmp_path / "hashed.csv"
    source = write(tmp_path, GOOD)
    hashed = runner.invoke(clients_group, ["hash", str(source), "--key-file", str(key), "--out", str(out)])
    assert hashed.exit_code == 0, hashed.output
    assert len(load_clients(out, key=key.read_bytes().strip())) == 3
    again = runner.invoke(clients_group, ["keygen", str(key)])
    assert again.exit_code != 0 and "already exists" in again.output
    other = tmp_path / "other.key"
    assert runner.invoke(clients_group, ["keygen", str(other)]).exit_code == 0
    assert other.read_text() != key.read_text()


HASHED_HEADER_KEY = b"k" * 32


def _hashed_list(tmp_path: Path, *rows: str) -> Path:
    from scanner.clients import HASHED_MAGIC, HASHED_VERSION, key_fingerprint

    header = f"{HASHED_MAGIC} version={HASHED_VERSION} hash=hmac-sha256-128 key={key_fingerprint(HASHED_HEADER_KEY)}"
    return write(tmp_path, "\n".join([header, "id,status,variants", *rows]) + "\n", "hashed.csv")


def test_hashed_variants_parsed_into_kind_platform_flags_digest(tmp_path: Path) -> None:
    d1, d2 = "0123456789abcdef" * 2, "fedcba9876543210" * 2
    path = _hashed_list(tmp_path, f"C1,current,full_name:::{d1};handle:instagram:w:{d2}", f"C2,former,surname:::{d1}")
    clients = load_clients(path, key=HASHED_HEADER_KEY).clients
    assert clients[0].hashed == (("full_name", "", "", d1), ("handle", "instagram", "w", d2))
    assert clients[1].hashed == (("surname", "", "", d1),) and clients[1].status == "former"


@pytest.mark.parametrize(
    "variants",
    [
        "",  # no variant
        "full_name::" + "a" * 32,  # three parts
        "full_name:::x:" + "a" * 32,  # five parts
        "full_name:::" + "a" * 31,  # digest too short
        "full_name:::" + "a" * 33,  # too long
        "full_name:::" + "A" * 32,  # upper-case hex
        "full_name:::" + "a" * 32 + ";",  # an empty variant after the last
        "full_name:::" + "a" * 32 + ";;surname:::" + "b" * 32,
    ],
)
def test_malformed_hashed_variant_refused_with_its_line(tmp_path: Path, variants: str) -> None:
    path = _hashed_list(tmp_path, "C1,current,surname:::" + "b" * 32, f'C2,current,"{variants}"')
    with pytest.raises(ClientListError, match="line 4: malformed hashed variant"):
        load_clients(path, key=HASHED_HEADER_KEY)
