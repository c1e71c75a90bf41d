"""client-connection: a friend, follower, followed account or connection is on the client list.

Being connected to a client on social media is a dual relationship: the client sees your personal
life, you see theirs, and anyone looking at either profile may infer the therapeutic relationship.
Current clients are reported as high (a client you follow, befriend or connect with) or medium (a
client who follows you). Former clients are reported one step lower by default; set
``former_clients = "lower"`` in the policy to lower them two steps, or ``"ignore"`` to leave them out.
LinkedIn connections are reported too unless ``[allow] linkedin_client_connections = true``, in which
case they are listed for information only. Blocked, restricted and muted accounts are not reported:
those are boundaries already in place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import ClassVar

from checks.base import (
    Category,
    Check,
    CheckContext,
    ClientMatch,
    Finding,
    Severity,
    record_ref,
)
from checks.matching import PersonMatch
from checks.policy import Policy
from checks.remediation import remediation_for
from scanner.records import AnyRecord, Connection, Kind, Person, Relation

PLATFORM_NAMES = {
    "facebook": "Facebook",
    "instagram": "Instagram",
    "x": "X",
    "linkedin": "LinkedIn",
    "mastodon": "Mastodon",
}

_RELATION_SEVERITY: dict[Relation, Severity] = {
    Relation.FRIEND: Severity.HIGH,
    Relation.CLOSE_FRIEND: Severity.HIGH,
    Relation.FOLLOWING: Severity.HIGH,
    Relation.CONNECTION: Severity.HIGH,
    Relation.FOLLOWER: Severity.MEDIUM,
}

_RELATION_TEXT: dict[Relation, str] = {
    Relation.FRIEND: "A friend",
    Relation.CLOSE_FRIEND: "Someone on your close-friends list",
    Relation.FOLLOWING: "An account you follow",
    Relation.CONNECTION: "One of your connections",
    Relation.FOLLOWER: "One of your followers",
}


def platform_label(platform: str) -> str:
    """The platform's display name (``x`` → ``X``)."""
    return PLATFORM_NAMES.get(platform, platform.title())


_USERNAME_LIKE = re.compile(r"^@?[\w.]{2,40}$")


def match_person(ctx: CheckContext, person: Person, platform: str) -> PersonMatch | None:
    """The matcher's answer for ``person``; a "display name" that is really a username is also tried as a handle.

    Some exports (Instagram message threads, for one) put the username where the display name goes.
    """
    found = ctx.matcher.match_person(person, platform)
    name = (person.name or "").strip()
    if found is not None or person.handle or not _USERNAME_LIKE.match(name):
        return found
    if name.startswith("@") or name.islower() or any(c in name for c in "._0123456789"):
        return ctx.matcher.match_person(Person(handle=name.lstrip("@"), account_id=person.account_id), platform)
    return None


def client_match(match: PersonMatch) -> ClientMatch:
    """A report-ready :class:`ClientMatch` from the matcher's answer."""
    client = match.client
    return ClientMatch(
        id=client.id,
        match=match.how,
        score=round(match.score, 3),
        status=client.status,
        name=client.name,
        initials=client.initials,
    )


def is_former(match: PersonMatch) -> bool:
    """True when the matched client is a former client."""
    return match.client.status.strip().lower() == "former"


def status_severity(severity: Severity, matches: Iterable[PersonMatch], policy: Policy) -> Severity | None:
    """The severity adjusted for former clients per ``policy.former_clients``; ``None`` = do not report.

    A finding involving at least one current client keeps ``severity``. One involving only former clients
    is lowered one step (``report``, the default), two steps (``lower``), or dropped (``ignore``).
    """
    matches = list(matches)
    if not matches or any(not is_former(m) for m in matches):
        return severity
    mode = policy.former_clients.strip().lower()
    if mode == "ignore":
        return None
    return severity.lowered(2 if mode == "lower" else 1)


def shown_as(person: Person) -> tuple[str | None, str | None]:
    """The (name, handle) of a person as the export shows them, for :func:`record_ref`."""
    handle = person.handle.lstrip("@") if person.handle else None
    name = person.name or handle or (person.account_id if not handle else None)
    return name, handle


def how(match: PersonMatch) -> str:
    """A short phrase saying how the person matched (``matched by nickname``)."""
    return "matched by " + match.how.replace("_", " ")


def who(match: PersonMatch) -> str:
    """How a finding message refers to the client: current or former client (no name)."""
    return "a former client" if is_former(match) else "a current client"


class ClientConnectionCheck(Check):
    """A friend, follower, followed account or connection is on the client list."""

    id: ClassVar[str] = "client-connection"
    category: ClassVar[Category] = Category.CLIENT_CONNECTION
    kinds: ClassVar[frozenset[Kind]] = frozenset({Kind.CONNECTION})

    def run(self, record: AnyRecord, ctx: CheckContext) -> Iterable[Finding]:
        """One finding per connection record whose person matches a client."""
        if not isinstance(record, Connection) or record.relation not in _RELATION_SEVERITY:
            return
        match = match_person(ctx, record.person, record.platform)
        if match is None:
            return
        base = _RELATION_SEVERITY[record.relation]
        linkedin_allowed = record.platform == "linkedin" and ctx.policy.allow_linkedin_client_connections
        severity = status_severity(base, [match], ctx.policy)
        if severity is None:
            return
        if linkedin_allowed:
            severity = Severity.INFO
        name, handle = shown_as(record.person)
        platform = platform_label(record.platform)
        relation = _RELATION_TEXT[record.relation]
        message = f"{relation} on {platform} matches {who(match)} ({how(match)}). "
        if linkedin_allowed:
            message += "Your policy allows LinkedIn connections with clients; listed for information."
        elif record.relation is Relation.FOLLOWER:
            message += (
                "A client following you sees what you share; consider removing the follower and making the "
                "account private, and talk about your social-media policy at the next session."
            )
        else:
            message += (
                "Consider ending the connection and, if the client may notice, explaining your social-media "
                "policy in session; note it in the clinical record."
            )
        yield Finding(
            check=self.id,
            category=self.category,
            severity=severity,
            confidence=round(match.score, 3),
            title=f"{platform} {record.relation.value.replace('_', ' ')} matches a client",
            message=message,
            platform=record.platform,
            record=record_ref(record, name=name, handle=handle),
            clients=(client_match(match),),
            remediation=remediation_for(self.category, record.platform),
        )
