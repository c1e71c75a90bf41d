"""LinkedIn gaps of issue 19: uploaded contacts, the URL-column note, credentials after a comma."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from checks.account_security import AccountSecurityCheck
from checks.client_connection import ClientConnectionCheck
from scanner.clients import load_clients
from scanner.pipeline import ScanOptions, scan
from scanner.postnominals import strip_postnominals
from scanner.records import Connection, Relation, Setting, Thread
from tests.readers.test_linkedin import NOTES, of, read

MakeZip = Callable[..., Path]

CONTACTS = (
    "Source,FirstName,LastName,Companies,Title,Emails,PhoneNumbers,CreatedAt,Addresses,Sites,InstantMessageHandles,"
    "FullName,Birthday,Location,BookmarkedAt,Profiles\n"
    'GOOGLE_CONTACTS,Jessica,Harper,,,jess@example.org,,"12/5/19, 2:03 PM",,,,,,,,\n'
    'PHONE,Tom,Lee,,,,+1 555 0101,"12/5/19, 2:03 PM",,,,,,,,\n'
    ",,,,,,,,,,,,,,,\n"
)
CONNECTIONS_2022 = (
    NOTES + "First Name,Last Name,Email Address,Company,Position,Connected On\n"
    'Jessica,"Harper, HCA",,Care Home,Assistant,12 Mar 2022\n'
)


@pytest.fixture
def clients(tmp_path: Path) -> Path:
    path = tmp_path / "clients.csv"
    path.write_text("id,name\nC1,Jessica Harper\nC2,Pat Nobody\n", encoding="utf-8")
    return path


def test_contacts_csv_is_read(make_zip: MakeZip) -> None:
    _, records, ctx = read(
        make_zip({"Connections.csv": CONNECTIONS_2022, "Contacts.csv": CONTACTS}, "Basic_LinkedInDataExport.zip")
    )
    contacts = [c for c in of(records, Connection) if c.relation is Relation.CONTACT]
    assert sorted(c.person.name for c in contacts) == ["Jessica Harper", "Tom Lee"]
    (synced,) = [s for s in of(records, Setting) if s.name == "synced_contacts"]
    assert synced.enabled and synced.value == "2"
    assert ctx.skipped == []


def test_client_in_linkedin_contacts_is_reported(make_zip: MakeZip, clients: Path) -> None:
    archive = make_zip({"Connections.csv": CONNECTIONS_2022, "Contacts.csv": CONTACTS}, "LinkedInDataExport.zip")
    result = scan([archive], ScanOptions(clients=load_clients(clients), checks=(AccountSecurityCheck,)))
    found = [f for f in result.findings if "contacts you uploaded" in f.title]
    assert [c.id for f in found for c in f.clients] == ["C1"]


def test_no_before_2020_note_for_a_2022_export_without_url(make_zip: MakeZip) -> None:
    _, _, ctx = read(
        make_zip({"Connections.csv": CONNECTIONS_2022, "Contacts.csv": CONTACTS}, "LinkedInDataExport.zip")
    )
    assert not [n for n in ctx.notes if "2020" in n]
    assert any("no URL column" in n for n in ctx.notes)


def test_connection_with_credentials_matches_the_client(make_zip: MakeZip, clients: Path) -> None:
    archive = make_zip({"Connections.csv": CONNECTIONS_2022, "Contacts.csv": CONTACTS}, "LinkedInDataExport.zip")
    _, records, _ = read(archive)
    (connection,) = [c for c in of(records, Connection) if c.relation is Relation.CONNECTION]
    assert connection.person.name == "Jessica Harper"
    result = scan([archive], ScanOptions(clients=load_clients(clients), checks=(ClientConnectionCheck,)))
    assert [c.id for f in result.findings for c in f.clients] == ["C1"]


def test_2018_messages_with_credentials_are_one_thread(make_zip: MakeZip) -> None:
    messages = (
        "From,To,Date,Subject,Content,Direction,Folder\n"
        '"Minh Nguyen, MD FRCPC",Jane Roe,"3/12/18, 3:00 PM",,Hello,INCOMING,INBOX\n'
        'Jane Roe,Minh Nguyen,"3/12/18, 9:00 PM",,Hi back,OUTGOING,INBOX\n'
        '"Minh Nguyen, MD FRCPC","Jane Roe, Ann Lee, PhD","3/13/18, 9:00 AM",,All three,INCOMING,INBOX\n'
    )
    files = {
        "Connections.csv": "First Name,Last Name,Email Address,Company,Position,Connected On\n",
        "Messages.csv": messages,
    }
    _, records, _ = read(make_zip(files, "LinkedInDataExport.zip"))
    threads = of(records, Thread)
    pairs = sorted(tuple(p.name for p in t.participants) for t in threads)
    assert pairs == [("Ann Lee", "Minh Nguyen"), ("Minh Nguyen",)]
    one = next(t for t in threads if len(t.participants) == 1)
    assert [m.text for m in one.messages] == ["Hello", "Hi back"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Minh Nguyen, MD FRCPC", "Minh Nguyen"),
        ("Jessica Harper, HCA", "Jessica Harper"),
        ("Jane Doe, LCSW-C", "Jane Doe"),
        ("Ann Lee, PhD, RN", "Ann Lee"),
        ("Ann Lee, R.N.", "Ann Lee"),
        ("Doe, Jane", "Doe, Jane"),  # last name first: not credentials
        ("Doe, JANE", "Doe, JANE"),  # one word would be left: kept whole
        ("Acme, Inc. Clinic", "Acme, Inc. Clinic"),
        ("Plain Name", "Plain Name"),
    ],
)
def test_strip_postnominals(name: str, expected: str) -> None:
    assert strip_postnominals(name) == expected
