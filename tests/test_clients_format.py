"""Client lists as spreadsheets write them: delimiters, header spellings, encodings, binary files, and the
same findings from a semicolon list as from the comma one on the dev corpus."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from checks.policy import load_policy
from scanner.cli import cli
from scanner.clients import ClientListError, load_clients
from scanner.pipeline import ScanOptions, scan
from tests.conftest import EVAL_DEV, TOOLS, requires_shared


def write(tmp_path: Path, data: str | bytes, name: str = "clients.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    path.chmod(0o600)
    return path


def people(path: Path) -> list[tuple[str, str, tuple[str, ...], str]]:
    return [(c.id, c.name, c.aliases, c.status) for c in load_clients(path).clients]


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_every_delimiter_gives_the_same_list(tmp_path: Path, delimiter: str) -> None:
    rows = [
        ["id", "name", "aliases", "status", "handles", "notes"],
        ["C001", "Jane Doe", "Janie;Jane Smith", "current", "instagram:jdoe_22;x:@jdoe", "a; b, c"],
        ["C002", "Robert Lee", "Bob", "former", "", ""],
    ]
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter).writerows(rows)
    assert people(write(tmp_path, out.getvalue())) == [
        ("C001", "Jane Doe", ("Janie", "Jane Smith"), "current"),
        ("C002", "Robert Lee", ("Bob",), "former"),
    ]


@pytest.mark.parametrize(
    ("header", "row", "name"),
    [
        ("First Name,Last Name,Status", "Jane,Doe,former", "Jane Doe"),
        ("Last Name;First Name", "Doe;Jane", "Jane Doe"),
        ("Nom;Prénom;Statut", "Doe;Jane;former", "Jane Doe"),
        ("PRÉNOM,NOM DE FAMILLE,Middle name", "Jane,Doe,Q.", "Jane Q. Doe"),
        ("Full Name,Nickname,status", "Jane Doe,Janie,former", "Jane Doe"),
        ("Nom,Surnom", "Jane Doe,Janie", "Jane Doe"),
        ("Client ID;Client Name;Given name", "7;Jane Doe;ignored", "Jane Doe"),
    ],
)
def test_common_header_spellings(tmp_path: Path, header: str, row: str, name: str) -> None:
    [client] = load_clients(write(tmp_path, f"{header}\n{row}\n")).clients
    assert client.name == name
    assert client.status == ("former" if "former" in row else "current")


@pytest.mark.parametrize(
    ("header", "row", "born"),
    [
        ("First Name,Last Name,Date of Birth,Notes", "Noah,Goldberg,2013-05-14,clinic program", 2013),
        ("Nom;Prénom;Date de naissance", "Goldberg;Noah;14/05/2013", 2013),
        ("name,DOB", "Noah Goldberg,", None),  # an empty cell adds nothing
    ],
)
def test_a_date_of_birth_column_gives_a_child_clients_age(tmp_path: Path, header: str, row: str, born: int) -> None:
    """A spreadsheet's date-of-birth column is read (not warned about) and kept with the notes, where the people
    checks find a child client's age: a friend named like a 6-year-old client is not the child."""
    from checks.analysis.client_age import earliest_birth_year

    listed = load_clients(write(tmp_path, f"{header}\n{row}\n"))
    [client] = listed.clients
    assert listed.warnings == () and earliest_birth_year(client.notes) == born
    assert "clinic program" in client.notes or "clinic" not in row


def test_header_with_extra_columns_warns_without_names(tmp_path: Path) -> None:
    clients = load_clients(write(tmp_path, "First Name,Last Name,Phone\nJane,Doe,555-0101\n"))
    assert clients.clients[0].name == "Jane Doe"
    assert len(clients.warnings) == 1 and "Phone" in clients.warnings[0] and "Jane" not in clients.warnings[0]


@pytest.mark.parametrize(
    "text", ["Jane,Doe,current\nJohn,Roe,former\n", "C001;Jane Doe;;current\n", "Jane\tDoe\n", "Jane Doe,current\n"]
)
def test_headerless_table_stops_with_the_expected_header(tmp_path: Path, text: str) -> None:
    with pytest.raises(ClientListError) as exc:
        load_clients(write(tmp_path, text))
    message = str(exc.value)
    assert "without a header" in message and "id,name,aliases,status,handles,notes" in message
    assert "Jane" not in message and "Doe" not in message


def test_header_without_a_name_column(tmp_path: Path) -> None:
    with pytest.raises(ClientListError, match="no name column"):
        load_clients(write(tmp_path, "id,status,notes\nC1,current,\n"))


def test_plain_list_with_last_first_stays_a_plain_list(tmp_path: Path) -> None:
    assert [c.name for c in load_clients(write(tmp_path, "Doe, Jane\nRoe, John\nAnn Lee\n")).clients] == [
        "Doe, Jane",
        "Roe, John",
        "Ann Lee",
    ]


def test_windows_1252_says_how_to_save_as_utf8(tmp_path: Path) -> None:
    path = write(tmp_path, "name\nZoë Ärling\n".encode("cp1252"))
    with pytest.raises(ClientListError) as exc:
        load_clients(path)
    message = str(exc.value)
    assert "not UTF-8" in message and "Windows-1252" in message
    assert "CSV UTF-8" in message and "Numbers" in message


def test_utf16_unicode_text_from_excel(tmp_path: Path) -> None:
    path = write(tmp_path, "name\tstatus\r\nZoë Ärling\tformer\r\n".encode("utf-16"))
    assert people(path) == [("L002", "Zoë Ärling", (), "former")]


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00", "xlsx"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", ".xls"),
        (b"Jane Doe\n\x00\x01\x02binary", "binary"),
    ],
)
def test_binary_files_are_refused(tmp_path: Path, data: bytes, what: str) -> None:
    with pytest.raises(ClientListError, match=what):
        load_clients(write(tmp_path, data, "statement.pdf"))


def test_scan_with_a_binary_client_list_exits_2(tmp_path: Path) -> None:
    archive = tmp_path / "empty"
    archive.mkdir()
    clients = write(tmp_path, b"%PDF-1.4 fake", "statement.pdf")
    result = CliRunner().invoke(cli, ["scan", str(archive), "--clients", str(clients), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2 and "PDF" in result.output and "Traceback" not in result.output


def _finding_keys(archives: list[Path], clients: Path, policy: Path) -> list[tuple[str, str, str]]:
    options = ScanOptions(clients=load_clients(clients), policy=load_policy(policy))
    result = scan(archives, options)
    return sorted((f.fingerprint, f.category.value, ",".join(c.id for c in f.clients)) for f in result.findings)


@requires_shared(TOOLS)
def test_semicolon_list_gives_the_same_findings_on_the_dev_corpus(tmp_path: Path) -> None:
    out = tmp_path / "render"
    subprocess.run(
        [sys.executable, str(TOOLS / "render_corpus.py"), str(EVAL_DEV), str(out)], check=True, capture_output=True
    )
    comma = out / "clients.csv"
    rows = list(csv.reader(comma.open(encoding="utf-8", newline="")))
    semicolon = tmp_path / "clients-semicolon.csv"
    with semicolon.open("w", encoding="utf-8-sig", newline="") as fh:  # as Excel writes it: BOM, CRLF, ';'
        csv.writer(fh, delimiter=";").writerows(rows)
    semicolon.chmod(0o600)
    archives = sorted((out / "archives").glob("*.zip"))
    expected = _finding_keys(archives, comma, out / "policy.toml")
    assert sum(1 for _, category, _ in expected if category == "client-connection") > 10
    assert _finding_keys(archives, semicolon, out / "policy.toml") == expected
