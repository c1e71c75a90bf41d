"""account-security: weak account security that could expose your clients' information.

Reported: two-factor authentication off (high) or not recorded in the export (a reminder to check);
login alerts off; third-party apps connected to the account (one finding listing them); more than five
active sessions; contact syncing turned on; and, above all, clients in an address book you uploaded to
the platform (high: the platform may suggest you to them, and them to others, as people you know).
Each finding names the setting to change on that platform.

Read from: uploaded contacts in Facebook address books (``your_address_books``), LinkedIn ``Contacts.csv``,
X and Instagram synced contacts; sessions from Facebook "Where you're logged in" and recognized devices
(``authorized_logins``), Instagram and X logins; two-factor, login alerts and apps where the export has them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import ClassVar

from checks.analysis.people import client_match, match_person, shown_as, status_severity, who
from checks.base import Category, Check, CheckContext, Finding, RecordRef, Severity, record_ref
from checks.remediation import remediation_for
from scanner.platforms import platform_label
from scanner.platforms import setting_path as declared_path
from scanner.records import AnyRecord, Connection, Kind, Relation, Setting

MAX_SESSIONS = 5
_MEMO = ("account-security", "state")


def setting_path(issue: str, platform: str) -> str:
    """Where the setting for ``issue`` lives on ``platform`` (a generic hint when unknown)."""
    return declared_path(issue, platform) or "the platform's security settings"


@dataclass
class _State:
    two_factor_seen: bool = False
    apps: list[Setting] = field(default_factory=list)
    sessions: list[Setting] = field(default_factory=list)


class AccountSecurityCheck(Check):
    """Two-factor off or unknown, login alerts off, connected apps, many sessions, clients in synced contacts."""

    id: ClassVar[str] = "account-security"
    category: ClassVar[Category] = Category.ACCOUNT_SECURITY
    kinds: ClassVar[frozenset[Kind]] = frozenset({Kind.SETTING, Kind.CONNECTION})
    ordered: ClassVar[bool] = True  # its state in ctx.memo depends on the order of the records

    def run(self, record: AnyRecord, ctx: CheckContext) -> Iterable[Finding]:
        """Per-record findings (two-factor, alerts, contact sync, clients in contacts); apps and sessions wait."""
        state: _State = ctx.memo.setdefault(_MEMO, _State())
        if isinstance(record, Connection):
            if record.relation is Relation.CONTACT:
                yield from self._contact(record, ctx)
            return
        if not isinstance(record, Setting):
            return
        name = record.name.strip().lower()
        platform = platform_label(record.platform)
        if name == "two_factor":
            state.two_factor_seen = True
            if record.enabled is False:
                yield self._finding(
                    record,
                    Severity.HIGH,
                    f"{platform} two-factor authentication is off",
                    "Anyone with your password can sign in and read your messages, which may include clients. "
                    f"Turn on two-factor authentication: {setting_path(name, record.platform)}.",
                )
            elif record.enabled is None:
                yield self._finding(
                    record,
                    Severity.LOW,
                    f"{platform} two-factor status unclear",
                    f"The export does not say clearly whether two-factor authentication is on. Check: "
                    f"{setting_path(name, record.platform)}.",
                    confidence=0.5,
                )
        elif name == "login_alerts" and record.enabled is False:
            yield self._finding(
                record,
                Severity.MEDIUM,
                f"{platform} login alerts are off",
                f"You would not hear of a sign-in from a new device. Turn alerts on: "
                f"{setting_path(name, record.platform)}.",
            )
        elif name == "synced_contacts" and record.enabled:
            yield self._finding(
                record,
                Severity.MEDIUM,
                f"{platform} is syncing your phone contacts",
                "Uploaded contacts (which may include clients) are used to suggest people you may know. Turn "
                f"syncing off and delete what was uploaded: {setting_path(name, record.platform)}.",
            )
        elif name == "connected_app":
            state.apps.append(record)
        elif name == "active_session":
            state.sessions.append(record)

    def finish(self, ctx: CheckContext) -> Iterable[Finding]:
        """Account-level findings: connected apps, many sessions, two-factor status missing from the export."""
        state: _State = ctx.memo.pop(_MEMO, None) or _State()
        platform = ctx.source.platform
        label = platform_label(platform)
        if state.apps:
            names = sorted({a.value or a.detail or "unnamed app" for a in state.apps})
            shown = ", ".join(names[:8]) + (f" and {len(names) - 8} more" if len(names) > 8 else "")
            yield self._finding(
                state.apps[0],
                Severity.LOW if len(names) < 5 else Severity.MEDIUM,
                f"{len(names)} app(s) connected to your {label} account",
                f"Connected apps can read parts of your account: {shown}. Remove the ones you do not use: "
                f"{setting_path('connected_app', platform)}.",
            )
        if len(state.sessions) > MAX_SESSIONS:
            yield self._finding(
                state.sessions[0],
                Severity.MEDIUM,
                f"{len(state.sessions)} active {label} sessions",
                "Your account is signed in on many devices or browsers. Sign out of the ones you do not "
                f"recognise or no longer use: {setting_path('active_session', platform)}.",
            )
        if not state.two_factor_seen and platform in {"facebook", "instagram"}:
            anchor = RecordRef(kind="setting", id="two_factor", name="two_factor")
            yield Finding(
                check=self.id,
                category=self.category,
                severity=Severity.INFO,
                confidence=0.4,
                title=f"{label} two-factor status is not in the export",
                message="The export does not say whether two-factor authentication is on. Check: "
                f"{setting_path('two_factor', platform)}.",
                platform=platform,
                record=anchor,
                remediation=remediation_for(self.category, platform),
            )

    def _contact(self, record: Connection, ctx: CheckContext) -> Iterable[Finding]:
        match = match_person(ctx, record.person, record.platform)
        if match is None:
            return
        severity = status_severity(Severity.HIGH, [match], ctx.policy)
        if severity is None:
            return
        name, handle = shown_as(record.person)
        platform = platform_label(record.platform)
        yield Finding(
            check=self.id,
            category=self.category,
            severity=severity,
            confidence=round(match.score, 3),
            title=f"A client is in the contacts you uploaded to {platform}",
            message=(
                f"An address-book entry you uploaded to {platform} matches {who(match)}. The platform can use "
                "it to suggest you to each other. Delete the uploaded contacts and turn syncing off: "
                f"{setting_path('synced_contacts', record.platform)}."
            ),
            platform=record.platform,
            record=record_ref(record, name=name, handle=handle),
            clients=(client_match(match),),
            remediation=remediation_for(self.category, record.platform),
        )

    def _finding(
        self, record: Setting, severity: Severity, title: str, message: str, confidence: float = 0.9
    ) -> Finding:
        return Finding(
            check=self.id,
            category=self.category,
            severity=severity,
            confidence=confidence,
            title=title,
            message=message,
            platform=record.platform,
            record=record_ref(record, name=record.name),
            remediation=remediation_for(self.category, record.platform),
        )
