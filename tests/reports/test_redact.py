"""Redaction levels: supervision masks client names and keeps initials + ids; agency keeps counts only."""

from __future__ import annotations

import pytest

from checks.analysis.masking import ClientMasker
from checks.base import Status
from reports.redact import redact
from reports.writer import Format, report_name
from scanner.clients import Client, ClientList
from scanner.redaction import Redaction
from scanner.result import ScanResult
from tests.reports.conftest import masker_for

JD = "[J.D. (C1)]"


def masker(*clients: Client) -> ClientMasker:
    return ClientMasker(ClientList(clients))


@pytest.mark.parametrize(
    ("client", "text", "expected"),
    [
        (Client("C1", "Jane Doe"), "Saw jane DOE today", f"Saw {JD} today"),
        (Client("C1", "Jane Doe"), "Doe, Jane called", f"{JD} called"),
        (Client("C1", "Jane Doe"), "inbox/janedoe_1234/message_1.json", f"inbox/{JD}_1234/message_1.json"),
        (Client("C1", "Jane Doe"), "jane.doe and Jane-Doe", f"{JD} and {JD}"),
        (Client("C1", "Ann Lee"), "Ann's annual review", "[A.L. (C1)]'s annual review"),
        (Client("C1", "Ann Lee"), "ANN", "[A.L. (C1)]"),
        (Client("C1", "Jane Doe", handles=(("x", "@jdoe_22"),)), "thanks @jdoe_22!", f"thanks @{JD}!"),
        (Client("C1", "José Núñez"), "jose nunez and José Núñez", "[J.N. (C1)] and [J.N. (C1)]"),
        (Client("C1", "Anne-Marie O'Neil"), "anne marie oneil came", "[A.O. (C1)] came"),
        (Client("C1", "Robert Lee"), "In session today Bob told me", "In session today [R.L. (C1)] told me"),
        (Client("C1", "Søren Ødegård"), "Session with Soren Odegard ran long", "Session with [S.Ø. (C1)] ran long"),
        (Client("C1", "Hope Alvarado"), "𝓗𝓸𝓹𝓮 𝓐𝓵𝓿𝓪𝓻𝓪𝓭𝓸 and Alvarado, Hope", "[H.A. (C1)] and [H.A. (C1)]"),
        # a name that is also a word is masked when written as a name, not as an ordinary word
        (
            Client("C1", "Hope Alvarado"),
            "Hope did well; I hope so. ALVARADO!",
            "[H.A. (C1)] did well; I hope so. [H.A. (C1)]!",
        ),
        (Client("C1", "Jane Doe"), "Jane Smith and Ms. Doe", "[J.D. (C1)] Smith and [J.D. (C1)]"),
        (Client("C1", "Al Li"), "Al Green", "[A.L. (C1)] Green"),
        (Client("C1", "Jo Li", notes="cell 319-555-0143"), "call (319) 555 0143 or 5550143", "call [phone] or [phone]"),
        (Client("C1", "Jane Doe"), "write to someone@example.org", "write to [e-mail]"),
    ],
)
def test_masker(client: Client, text: str, expected: str) -> None:
    assert masker(client)(text) == expected


def test_a_name_two_clients_share_is_masked_without_an_id() -> None:
    mask = masker(Client("C1", "Jane Doe"), Client("C2", "Jane Roe"))
    assert mask("Jane came, then Jane Roe") == "[client] came, then [J.R. (C2)]"


def test_no_client_list_masks_what_the_findings_matched(result: ScanResult) -> None:
    mask = ClientMasker(ClientList(), result.findings)
    assert mask("Marisol Quintero and QUINTERO, marisol") == "[M.Q. (C001)] and [M.Q. (C001)]"


def test_unknown_level_is_refused(result: ScanResult) -> None:
    with pytest.raises(ValueError, match="unknown redaction level"):
        redact(result, "public")


def test_full_keeps_everything(result: ScanResult) -> None:
    full = redact(result, "full", masker_for(result))
    assert full.findings == result.findings
    assert full.redaction == "full"


def test_supervision_shows_initials_and_ids(result: ScanResult) -> None:
    sup = redact(result, "supervision", masker_for(result))
    assert sup.redaction == "supervision"
    request = next(f for f in sup.findings if f.record.id == "fr1")
    assert [(c.id, c.name, c.initials) for c in request.clients] == [("C001", None, "M.Q.")]
    assert request.record.name == "M.Q. (C001)"
    assert request.record.handle is None and request.record.url is None
    assert request.title == "Friend request from [M.Q. (C001)]"
    thread = next(f for f in sup.findings if f.record.kind == "thread")
    assert thread.record.source == "message_1.json#0"
    assert "[M.Q. (C001)]: can we move" in thread.record.excerpt  # an alias is masked too


def test_supervision_keeps_non_client_findings_readable(result: ScanResult) -> None:
    sup = redact(result, "supervision", masker_for(result))
    group = next(f for f in sup.findings if f.record.id == "g1")
    assert group.record.name == "Riverside Recovery Circle"
    work = next(f for f in sup.findings if f.record.id == "w1")
    assert work.record.excerpt.startswith("Long day of intakes")
    assert [s.account_name for s in sup.sources] == [s.account_name for s in result.sources]


def test_redacted_findings_keep_the_full_report_ids(result: ScanResult) -> None:
    ids = [f.fingerprint for f in result.findings]
    for level in ("supervision", "agency"):
        assert [f.fingerprint for f in redact(result, level, masker_for(result)).findings] == ids


def test_agency_keeps_only_counts_and_status(result: ScanResult) -> None:
    agency = redact(result, "agency", masker_for(result))
    assert agency.by_category == result.by_category
    assert agency.by_severity == result.by_severity
    assert agency.clients_total == 0
    for before, after in zip(result.findings, agency.findings, strict=True):
        assert (after.category, after.severity, after.platform, after.status) == (
            before.category, before.severity, before.platform, before.status,
        )  # fmt: skip
        assert after.remediation.summary == before.remediation.summary
        assert not (after.message or after.evidence or after.clients or after.note)
        rec = after.record
        assert (rec.id, rec.name, rec.handle, rec.url, rec.excerpt, rec.source, rec.timestamp) == (
            "", None, None, None, "", "", None,
        )  # fmt: skip
    for source in agency.sources:
        assert source.account_name is None and source.account_handle is None
        assert source.path == f"{source.platform} export"
        assert all("/" not in k.path for k in source.skipped)
    assert {f.status for f in agency.findings} >= {Status.FIXED, Status.FALSE_POSITIVE}


def test_masking_with_a_long_client_list_finds_every_listed_name_and_only_those() -> None:
    listed = [Client(f"C{i}", f"Client{i:04d} Surname{i:04d}") for i in range(3000)]
    mask = masker(*listed, Client("CI", "İpek Ağaoğlu"), Client("CJ", "Jane Doe"))
    text = "Saw surname0042, CLIENT0042 and IPEK AGAOGLU; Doe, Jane too. Client9999 Surname9999 is not listed."
    assert mask(text) == ("Saw [C.S. (C42)] and [İ.A. (CI)]; [J.D. (CJ)] too. Client9999 Surname9999 is not listed.")
    assert mask("Surname0042 called.") == "[C.S. (C42)] called."  # a surname alone, written as a name


@pytest.mark.parametrize("level", list(Redaction))
def test_a_copy_shows_what_its_level_allows(result: ScanResult, level: Redaction) -> None:
    shows = redact(result, level, masker_for(result)).redaction.shows
    assert shows is level.shows
    copy = redact(result, level.value, masker_for(result))
    named = any(c.name for f in copy.findings for c in f.clients)
    assert named == shows.client_names
    assert any(f.message for f in copy.findings) == shows.finding_details
    assert any(s.account_name for s in copy.sources) == shows.accounts
    assert report_name(Format.HTML, level).endswith(f"report{shows.file_suffix}.html")
