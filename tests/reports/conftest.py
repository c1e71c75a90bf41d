"""A hand-made ScanResult for the report tests: every category, several platforms, hostile post text."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from checks.analysis.masking import ClientMasker
from checks.base import (
    Category,
    ClientMatch,
    Evidence,
    Finding,
    RecordRef,
    Severity,
    Status,
)
from checks.remediation import remediation_for
from scanner.clients import Client, ClientList
from scanner.result import ErrorEntry, ScanResult, SkippedFile, SourceReport

# name, aliases, handles — none of them is an ordinary English word, so a plain search finds only leaks.
CLIENTS: list[tuple[str, str, tuple[str, ...], tuple[str, ...]]] = [
    ("C001", "Marisol Quintero", ("Mari",), ("mquintero_88",)),
    ("C002", "Bartholomew Okafor", ("Bart", "Barty"), ("bokafor",)),
    ("C003", "Zofia Wrzesniewska", (), ("zofiaw",)),
]
CLIENT_NAMES: list[str] = [v for _, name, aliases, handles in CLIENTS for v in (name, *aliases, *handles)]
CLIENT_LIST = ClientList(
    tuple(
        Client(id=cid, name=name, aliases=aliases, handles=tuple(("instagram", h) for h in handles))
        for cid, name, aliases, handles in CLIENTS
    )
)


def masker_for(result: ScanResult) -> ClientMasker:
    """The masker the CLI builds for ``result`` from the client list above."""
    return ClientMasker(CLIENT_LIST, result.findings)


XSS_SCRIPT = "<script>document.title='PWNED';window.pwned=1</script>"
XSS_IMG = "<img src=x onerror=\"document.title='PWNED2';window.pwned=2\">"


def ts(year: int, month: int = 6, day: int = 1, hour: int = 12) -> datetime:
    return datetime(year, month, day, hour, 0, 0, tzinfo=UTC)


def client(n: int, match: str = "full-name", score: float = 0.97) -> ClientMatch:
    cid, name, _, _ = CLIENTS[n]
    return ClientMatch(id=cid, match=match, score=score, name=name)


def finding(
    category: Category,
    platform: str,
    *,
    severity: Severity = Severity.MEDIUM,
    title: str = "",
    message: str = "",
    kind: str = "post",
    rid: str = "r1",
    when: datetime | None = None,
    name: str | None = None,
    handle: str | None = None,
    excerpt: str = "",
    evidence: tuple[Evidence, ...] = (),
    clients: tuple[ClientMatch, ...] = (),
    status: Status = Status.OPEN,
    note: str | None = None,
    source: str = "data/file.json#0",
    url: str | None = None,
) -> Finding:
    return Finding(
        check=f"{category.value}-check",
        category=category,
        severity=severity,
        confidence=0.9,
        title=title or f"{category.value} on {platform}",
        message=message,
        platform=platform,
        record=RecordRef(
            kind=kind, id=rid, timestamp=when, name=name, handle=handle, source=source, url=url, excerpt=excerpt
        ),
        evidence=evidence,
        clients=clients,
        remediation=remediation_for(category, platform),
        status=status,
        note=note,
    )


def ev(text: str, reason: str, start: int = 0) -> Evidence:
    return Evidence(start, start + len(text), text, reason)


def make_result() -> ScanResult:
    """Findings in every category, with client names and hostile text where a real export could have them."""
    F = finding
    findings = (
        F(
            Category.CLIENT_FRIEND_REQUEST,
            "facebook",
            severity=Severity.HIGH,
            kind="connection",
            rid="fr1",
            title="Friend request from Marisol Quintero",
            message="Marisol Quintero sent you a friend request.",
            name="Marisol Quintero",
            handle="mquintero_88",
            when=ts(2024, 3, 2),
            clients=(client(0),),
            source="connections/friends/received_friend_requests.json#3",
            url="https://www.facebook.com/mquintero_88",
        ),
        F(
            Category.CLIENT_CONNECTION,
            "instagram",
            severity=Severity.HIGH,
            kind="connection",
            rid="ic1",
            title="Bart (@bokafor) follows you",
            name="Barty O.",
            handle="bokafor",
            when=ts(2022),
            clients=(client(1, "handle"),),
            source="connections/followers_and_following/followers_1.json#12",
        ),
        F(
            Category.CLIENT_MESSAGE,
            "facebook",
            severity=Severity.CRITICAL,
            kind="thread",
            rid="marisolquintero_1029",
            title="Messages with Marisol Quintero",
            name="Marisol Quintero",
            when=ts(2023, 11, 5),
            excerpt="Mari: can we move Thursday's session? I had a rough night " + XSS_SCRIPT,
            evidence=(ev("Thursday's session", "work context"),),
            clients=(client(0, "nickname"),),
            source="your_facebook_activity/messages/inbox/marisolquintero_1029/message_1.json#0",
        ),
        F(
            Category.CLIENT_MENTION,
            "x",
            severity=Severity.CRITICAL,
            rid="1700000000000000001",
            when=ts(2023, 7, 9),
            title="Post names a client (Zofia Wrzesniewska)",
            excerpt="So proud of Zofia W. and zofiaw today — huge step in group " + XSS_IMG,
            evidence=(ev("zofiaw", "client handle"), ev("group", "work term")),
            clients=(client(2, "handle"),),
            url="https://x.com/me/status/1700000000000000001",
        ),
        F(
            Category.PHI_IDENTIFIER,
            "x",
            severity=Severity.CRITICAL,
            rid="1700000000000000002",
            when=ts(2021, 2, 1),
            title="Health detail with a phone number",
            excerpt="Call Bartholomew at 555-0134 about his relapse <b>now</b>",
            evidence=(ev("555-0134", "phone number"), ev("relapse", "clinical term")),
            clients=(client(1),),
        ),
        F(
            Category.CLIENT_ENGAGEMENT,
            "linkedin",
            severity=Severity.MEDIUM,
            kind="reaction",
            rid="lr1",
            title="You liked a post by Zofia Wrzesniewska",
            name="Zofia Wrzesniewska",
            when=ts(2020),
            clients=(client(2),),
        ),
        F(
            Category.WORK_RELATED_POST,
            "facebook",
            rid="w1",
            when=ts(2019),
            severity=Severity.MEDIUM,
            excerpt="Long day of intakes at the clinic. Group tonight was heavy.",
            evidence=(ev("intakes", "clinical work term"), ev("Group tonight", "session")),
        ),
        F(
            Category.WORK_RELATED_POST,
            "facebook",
            rid="w2",
            when=ts(2021),
            severity=Severity.LOW,
            excerpt='Another shift done 😅 — =HYPERLINK("http://evil") & friends',
        ),
        F(
            Category.WORK_RELATED_POST,
            "mastodon",
            rid="w3",
            when=ts(2023),
            severity=Severity.LOW,
            excerpt="Supervision today helped.",
        ),
        F(
            Category.SENSITIVE_GROUP,
            "facebook",
            rid="g1",
            kind="group",
            name="Riverside Recovery Circle",
            severity=Severity.MEDIUM,
        ),
        F(
            Category.WORKPLACE_LOCATION,
            "facebook",
            rid="pl1",
            kind="place",
            name="Riverbend Clinic",
            when=ts(2022, 1, 4, 8),
            severity=Severity.MEDIUM,
        ),
        F(
            Category.PUBLIC_VISIBILITY,
            "x",
            rid="set1",
            kind="setting",
            severity=Severity.HIGH,
            title="Your X posts are public",
        ),
        F(
            Category.PROFILE_EXPOSURE,
            "linkedin",
            rid="prof1",
            kind="profile",
            severity=Severity.LOW,
            excerpt="Therapist at Riverbend Clinic",
        ),
        F(
            Category.ACCOUNT_SECURITY,
            "instagram",
            rid="sec1",
            kind="setting",
            severity=Severity.INFO,
            title="Two-factor authentication is off",
        ),
        F(
            Category.CLIENT_CONNECTION,
            "x",
            rid="xc9",
            kind="connection",
            handle="someone_else",
            status=Status.FALSE_POSITIVE,
            note="Same name, not my client",
            title="Follower @someone_else",
        ),
        F(Category.WORK_RELATED_POST, "x", rid="w9", status=Status.FIXED, note="deleted", when=ts(2018)),
    )
    sources = (
        SourceReport(
            path="/home/me/facebook-me-2025.zip",
            platform="facebook",
            generation="g4",
            format="json",
            account_name="Tess Example",
            account_handle="tess.example",
            counts={"post": 120, "thread": 4},
            skipped=(
                SkippedFile(
                    "your_facebook_activity/messages/inbox/bokafor_77/message_1.json",
                    "not valid JSON; download the export again",
                ),
            ),
            notes=("Friend requests older than 2020 are not in this export.",),
        ),
        SourceReport(
            path="/home/me/twitter-2025.zip",
            platform="x",
            generation="v2",
            format="json",
            account_handle="tess_x",
            counts={"post": 300, "connection": 40},
            notes=("12 follower ids could not be resolved to handles.",),
        ),
    )
    return ScanResult(
        findings=findings,
        sources=sources,
        errors=(ErrorEntry("/home/me/broken.zip", "not a zip file"),),
        generated_at=ts(2025, 10, 28),
        tool_version="0.1.0",
        clients_total=3,
    )


@pytest.fixture
def result() -> ScanResult:
    """The hand-made scan result."""
    return make_result()
