"""account-security: two-factor, alerts, apps, sessions, synced contacts."""

from __future__ import annotations

import pytest

from checks.account_security import AccountSecurityCheck
from checks.base import CheckContext, Severity, SourceInfo
from checks.matching import Matcher
from checks.policy import Policy
from scanner.clients import Client, ClientList
from scanner.records import AnyRecord, Connection, Person, Relation, Setting

CLIENTS = ClientList((Client("C1", "Grace Hollis"),))


def scan(platform: str, records: list[AnyRecord]) -> list:
    ctx = CheckContext(policy=Policy(), matcher=Matcher(CLIENTS), source=SourceInfo(platform))
    check = AccountSecurityCheck()
    found = [f for r in records for f in check.run(r, ctx)]
    return found + list(check.finish(ctx))


def setting(name: str, enabled: bool | None = None, value: str | None = None, i: int = 0) -> Setting:
    return Setting(platform="x", id=f"{name}{i}", source="s", name=name, enabled=enabled, value=value)


@pytest.mark.parametrize(
    ("records", "titles"),
    [
        ([setting("two_factor", False)], ["X (Twitter) two-factor authentication is off"]),
        ([setting("two_factor", True)], []),
        ([setting("two_factor", None)], ["X (Twitter) two-factor status unclear"]),
        ([setting("login_alerts", False)], ["X (Twitter) login alerts are off"]),
        ([setting("synced_contacts", True)], ["X (Twitter) is syncing your phone contacts"]),
        (
            [setting("connected_app", value="Quizzly"), setting("connected_app", value="Tweetdeck", i=1)],
            ["2 app(s) connected to your X (Twitter) account"],
        ),
        ([setting("active_session", i=i) for i in range(6)], ["6 active X (Twitter) sessions"]),
        ([setting("active_session", i=i) for i in range(5)], []),
    ],
)
def test_settings(records: list[AnyRecord], titles: list[str]) -> None:
    assert [f.title for f in scan("x", records)] == titles


def test_setting_path_in_message() -> None:
    (finding,) = scan("x", [setting("two_factor", False)])
    assert "Security and account access" in finding.message


@pytest.mark.parametrize(("name", "severity"), [("Grace Hollis", Severity.HIGH), ("Grace Hollins", None)])
def test_clients_in_uploaded_contacts(name: str, severity: Severity | None) -> None:
    contact = Connection(platform="x", id="c", source="contacts#0", person=Person(name=name), relation=Relation.CONTACT)
    found = scan("x", [contact])
    assert [f.severity for f in found] == ([severity] if severity else [])


def test_missing_two_factor_on_meta_is_a_reminder() -> None:
    (finding,) = scan("facebook", [])
    assert finding.severity is Severity.INFO
