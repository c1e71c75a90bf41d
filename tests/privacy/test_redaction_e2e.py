"""Redacted copies, end to end: real-format archives → scan → every redaction level → every format.

The leak finder (tests/privacy/leaks.py) looks for every variant of every client the matcher knows, so a
redacted copy passes only when nothing of the client list can be read in it, whatever the spelling.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checks.analysis.masking import ClientMasker
from checks.names import hashed_list_text
from reports.writer import Format, write_reports
from scanner.cli import cli
from scanner.clients import Client, load_clients
from scanner.pipeline import ScanOptions, scan
from tests.conftest import zip_tree
from tests.privacy.leaks import leaks
from tests.readers.test_x import manifest, tweet, v2_files, ytd

CLIENTS_CSV = """id,name,aliases,status,handles,notes
C001,Søren Ødegård,,current,x:@soren_od,
C002,Robert Lee,Bob,current,,
C003,Hope Alvarado,,current,,"cell 319-555-0143; hopealvarado2020@gmail.com"
C004,Anne-Marie O'Neil,,former,,
"""
TEXTS = [
    "Session with Soren Odegard ran long today, my 3pm client waited.",
    "In session today Bob Lee told me about his week at the clinic.",
    "In session today Bob told me he got the job. Proud of my client.",
    "𝓗𝓸𝓹𝓮 𝓐𝓵𝓿𝓪𝓻𝓪𝓭𝓸 finally finished her intake paperwork with me this session.",
    "Alvarado, Hope — intake at 2pm, client said call 319-555-0143 or hopealvarado2020@gmail.com",
    "@soren_od great session today, see you next week at the clinic",
    "My client anne marie oneil relapsed, second session this week. Rough shift.",
]
LEVELS = ("supervision", "agency")


def x_archive(path: Path, texts: list[str]) -> Path:
    """A 2023-layout X archive whose tweets are ``texts``."""
    files = v2_files()
    tweets = [tweet(str(1690395372546301000 + i), text) for i, text in enumerate(texts)]
    files["data/tweets.js"] = ytd("tweets", tweets)
    files["data/manifest.js"] = manifest({"tweets": ["data/tweets.js"]})
    return zip_tree(path, files)


def report_texts(folder: Path, level: str) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in folder.iterdir() if f"-{level}." in p.name}


def test_the_reported_cases_leave_nothing_readable(tmp_path: Path) -> None:
    archive = x_archive(tmp_path / "twitter.zip", TEXTS)
    (tmp_path / "clients.csv").write_text(CLIENTS_CSV, encoding="utf-8")
    clients = list(load_clients(tmp_path / "clients.csv").clients)
    out = tmp_path / "out"
    for level in ("full", *LEVELS):
        result = CliRunner().invoke(
            cli,
            [
                "scan",
                str(archive),
                "--clients",
                str(tmp_path / "clients.csv"),
                "--redact",
                level,
                "--out",
                str(out),
                "--quiet",
                *[a for f in Format for a in ("--format", f.value)],
            ],
        )
        assert result.exit_code == 0, result.output
        if level != "full":
            assert not leaks(result.output, clients), "terminal output"
    full = json.loads((out / "boundary-audit-report.json").read_text(encoding="utf-8"))
    mentioned = {
        f["client"]["id"]
        for f in full["findings"]
        if f["category"] == "client-mention"
        for _ in [0]
        if isinstance(f["client"], dict)
    }
    assert {"C001", "C002", "C003"} <= mentioned  # guard: the matcher found them, so there is something to hide
    assert leaks((out / "boundary-audit-report.json").read_text(encoding="utf-8"), clients)
    for level in LEVELS:
        texts = report_texts(out, level)
        assert len(texts) == len(Format)
        for name, text in texts.items():
            assert not leaks(text, clients), f"{name} shows {leaks(text, clients)}"
    supervision = (out / "boundary-audit-report-supervision.json").read_text(encoding="utf-8")
    assert "S.Ø. (C001)" in supervision and "[phone]" in supervision and "[e-mail]" in supervision


def test_a_hashed_list_gives_the_same_guarantee(tmp_path: Path) -> None:
    (tmp_path / "clients.csv").write_text(CLIENTS_CSV, encoding="utf-8")
    plain = load_clients(tmp_path / "clients.csv")
    key = b"k" * 32
    (tmp_path / "hashed.txt").write_text(hashed_list_text(plain.clients, key), encoding="utf-8")
    hashed = load_clients(tmp_path / "hashed.txt", key=key)
    result = scan([x_archive(tmp_path / "twitter.zip", TEXTS)], ScanOptions(clients=hashed))
    assert any(f.category == "client-mention" for f in result.findings)
    for level in LEVELS:
        for path in write_reports(
            result, list(Format), tmp_path / level, level, masker=ClientMasker(hashed, result.findings)
        ):
            text = path.read_text(encoding="utf-8")
            found = [x for x in leaks(text, list(plain.clients)) if not x.endswith((":e-mail", ":phone"))]
            assert not found, f"{path.name} shows {found}"


_STYLISED = {c: chr(0x1D4D0 + i) for i, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZ")} | {
    c: chr(0x1D4EA + i) for i, c in enumerate("abcdefghijklmnopqrstuvwxyz")
}
GIVEN = [
    "Søren",
    "José",
    "Zoë",
    "Siobhán",
    "Björn",
    "Łukasz",
    "Anne-Marie",
    "Robert",
    "William",
    "Elizabeth",
    "Hope",
    "Grace",
    "Nguyễn Thị",
    "Đức",
    "Gwendolyn",
    "Marie-Ève",
]
SURNAMES = [
    "Ødegård",
    "Núñez",
    "O'Neil",
    "Dubois-Chevalier",
    "Wrześniewska",
    "Lindqvist",
    "Kowalczyk",
    "Bélanger",
    "MacGiolla",
    "Straße",
    "Alvarado",
    "Okonkwo",
]
NICKNAMES = {"Robert": "Bob", "William": "Bill", "Elizabeth": "Liz", "Gwendolyn": "Gwen"}


def _plain(s: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).replace("ø", "o")


WRITTEN = {
    "as listed": lambda g, s: f"{g} {s}",
    "no accents": lambda g, s: _plain(f"{g} {s}"),
    "upper": lambda g, s: f"{g} {s}".upper(),
    "lower": lambda g, s: f"{g} {s}".lower(),
    "reversed": lambda g, s: f"{s}, {g}",
    "stylised": lambda g, s: "".join(_STYLISED.get(c, c) for c in _plain(f"{g} {s}")),
    "nickname": lambda g, s: f"{NICKNAMES.get(g, g)} {s}",
    "no hyphen": lambda g, s: f"{g} {s}".replace("-", " "),
}
TEMPLATES = [
    "Session with {} ran long today.",
    "My client {} missed group again, third no-show on my caseload this month.",
    "Intake for {} done, chart notes after my shift.",
]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    given_name=st.sampled_from(GIVEN),
    surname=st.sampled_from(SURNAMES),
    written=st.sampled_from(sorted(WRITTEN)),
    template=st.sampled_from(TEMPLATES),
    handle=st.from_regex(r"[a-z]{4,8}_[a-z0-9]{2,4}", fullmatch=True),
    phone=st.from_regex(r"\([2-9]\d\d\) [2-9]\d\d-\d{4}", fullmatch=True),
)
def test_no_spelling_survives_a_redacted_copy(
    tmp_path_factory: pytest.TempPathFactory,
    given_name: str,
    surname: str,
    written: str,
    template: str,
    handle: str,
    phone: str,
) -> None:
    tmp = tmp_path_factory.mktemp("case")
    client = Client("C9", f"{given_name} {surname}", handles=(("x", f"@{handle}"),), notes=f"mobile {phone}")
    name = WRITTEN[written](given_name, surname)
    texts = [template.format(name), f"@{handle} see you at your session", f"client called from {phone} after hours"]
    clients_csv = tmp / "clients.csv"
    clients_csv.write_text(f'id,name,handles,notes\nC9,{client.name},x:@{handle},"{client.notes}"\n', encoding="utf-8")
    listed = load_clients(clients_csv)
    result = scan([x_archive(tmp / "twitter.zip", texts)], ScanOptions(clients=listed))
    masker = ClientMasker(listed, result.findings)
    for level in LEVELS:
        for path in write_reports(result, list(Format), tmp / level, level, masker=masker):
            text = path.read_text(encoding="utf-8")
            assert not leaks(text, list(listed.clients)), (name, path.name, leaks(text, list(listed.clients)))
