"""Redaction levels: supervision masks client names and keeps initials + ids; agency keeps counts only."""

from __future__ import annotations

import pytest

from checks.base import Status
from reports.model import ScanResult
from reports.redact import MASK, NameMasker, redact
from tests.reports.conftest import CLIENT_NAMES


@pytest.mark.parametrize(
    ("names", "text", "expected"),
    [
        (["Jane Doe"], "Saw jane DOE today", f"Saw {MASK} today"),
        (["Jane Doe"], "Doe, Jane called", f"{MASK} called"),
        (["Jane Doe"], "messages/inbox/janedoe_1234/message_1.json", f"messages/inbox/{MASK}_1234/message_1.json"),
        (["Jane Doe"], "jane.doe and Jane-Doe", f"{MASK} and {MASK}"),
        (["Ann"], "Ann's annual review", f"{MASK}'s annual review"),
        (["Ann"], "ANN", MASK),
        (["@jdoe_22"], "thanks @jdoe_22!", f"thanks {MASK}!"),
        (["jdoe_22"], "thanks @jdoe_22!", f"thanks {MASK}!"),
        (["José Núñez"], "jose nunez and José Núñez", f"{MASK} and {MASK}"),
        (["Anne-Marie O'Neil"], "anne marie oneil came", f"{MASK} came"),
        (["Bob"], "Bobby and bob", f"Bobby and {MASK}"),
        ([], "Jane Doe", "Jane Doe"),
        (["J"], "J went home", "J went home"),  # a single letter is never masked
        # a part of a longer name is masked when written as a name, not as an ordinary word
        (["Hope Alvarado"], "Hope did well; I hope so. ALVARADO!", f"{MASK} did well; I hope so. {MASK}!"),
        (["Anne-Marie Lee"], "Marie and Anne", f"{MASK} and {MASK}"),
        (["Al Li"], "Al and Li", "Al and Li"),  # parts shorter than three letters stay
    ],
)
def test_masker(names: list[str], text: str, expected: str) -> None:
    assert NameMasker(names)(text) == expected


def test_masker_uses_labels_for_known_clients() -> None:
    mask = NameMasker(["Jane Doe", "Janie"], {"Jane Doe": "[J.D. (C1)]"})
    assert mask("Jane Doe and DOE, JANE and Janie") == f"[J.D. (C1)] and [J.D. (C1)] and {MASK}"


def test_unknown_level_is_refused(result: ScanResult) -> None:
    with pytest.raises(ValueError, match="unknown redaction level"):
        redact(result, "public")


def test_full_keeps_everything(result: ScanResult) -> None:
    full = redact(result, "full", CLIENT_NAMES)
    assert full.findings == result.findings
    assert full.redaction == "full"


def test_supervision_shows_initials_and_ids(result: ScanResult) -> None:
    sup = redact(result, "supervision", CLIENT_NAMES)
    assert sup.redaction == "supervision"
    request = next(f for f in sup.findings if f.record.id == "fr1")
    assert [(c.id, c.name, c.initials) for c in request.clients] == [("C001", None, "M.Q.")]
    assert request.record.name == "M.Q. (C001)"
    assert request.record.handle is None and request.record.url is None
    assert request.title == "Friend request from [M.Q. (C001)]"
    thread = next(f for f in sup.findings if f.record.kind == "thread")
    assert thread.record.source == "message_1.json#0"
    assert "[client]: can we move" in thread.record.excerpt  # an alias is masked too


def test_supervision_keeps_non_client_findings_readable(result: ScanResult) -> None:
    sup = redact(result, "supervision", CLIENT_NAMES)
    group = next(f for f in sup.findings if f.record.id == "g1")
    assert group.record.name == "Riverside Recovery Circle"
    work = next(f for f in sup.findings if f.record.id == "w1")
    assert work.record.excerpt.startswith("Long day of intakes")
    assert [s.account_name for s in sup.sources] == [s.account_name for s in result.sources]


def test_redacted_findings_keep_the_full_report_ids(result: ScanResult) -> None:
    ids = [f.fingerprint for f in result.findings]
    for level in ("supervision", "agency"):
        assert [f.fingerprint for f in redact(result, level, CLIENT_NAMES).findings] == ids


def test_agency_keeps_only_counts_and_status(result: ScanResult) -> None:
    agency = redact(result, "agency", CLIENT_NAMES)
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
    listed = [f"Client{i:04d} Surname{i:04d}" for i in range(3000)] + ["İpek Ağaoğlu", "Jane Doe"]
    mask = NameMasker(listed)
    text = "Saw surname0042, CLIENT0042 and IPEK AGAOGLU; Doe, Jane too. Client9999 Surname9999 is not listed."
    assert mask(text) == f"Saw {MASK} and {MASK}; {MASK} too. Client9999 Surname9999 is not listed."
    assert mask("Surname0042 called.") == f"{MASK} called."  # one word of a listed name, written as a name
