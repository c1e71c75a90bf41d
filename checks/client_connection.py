"""client-connection: a friend, follower, followed account or connection is on the client list.

Being connected to a client on social media is a dual relationship: the client sees your personal
life, you see theirs, and anyone looking at either profile may infer the therapeutic relationship.
Current clients are reported as high (a client you follow, befriend or connect with) or medium (a
client who follows you). Former clients are reported one step lower by default; set
``former_clients = "lower"`` in the policy to lower them two steps, or ``"ignore"`` to leave them out.
LinkedIn connections are reported too unless ``[allow] linkedin_client_connections = true``, in which
case they are listed for information only. Blocked, restricted and muted accounts are not reported:
those are boundaries already in place, and neither is a Facebook page or public profile you follow that only
shares a client's name, nor a friend whose name the client's notes say a relative shares ("same name as her
father"); the report's note counts them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from checks.analysis.people import (
    NAMESAKE_LEFT_OUT,
    client_match,
    confidence,
    family_namesake,
    followed_page,
    how,
    match_person,
    possible_note,
    public_namesake,
    shown_as,
    status_severity,
    who,
)
from checks.base import Category, Check, CheckContext, Finding, Severity, record_ref
from checks.remediation import remediation_for
from scanner.platforms import platform_label
from scanner.records import AnyRecord, Connection, Kind, Relation

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


class ClientConnectionCheck(Check):
    """A friend, follower, followed account or connection is on the client list."""

    id: ClassVar[str] = "client-connection"
    category: ClassVar[Category] = Category.CLIENT_CONNECTION
    kinds: ClassVar[frozenset[Kind]] = frozenset({Kind.CONNECTION})

    def run(self, record: AnyRecord, ctx: CheckContext) -> Iterable[Finding]:
        """One finding per connection record whose person matches a client."""
        if not isinstance(record, Connection) or record.relation not in _RELATION_SEVERITY:
            return
        incoming = record.relation is Relation.FOLLOWER
        match = match_person(ctx, record.person, record.platform, record.timestamp, incoming=incoming)
        if match is None:
            return
        one_way = record.relation in (Relation.FOLLOWING, Relation.FOLLOWER)
        if (one_way and public_namesake(match)) or followed_page(record, match.how) or family_namesake(match):
            ctx.tallies[NAMESAKE_LEFT_OUT, record.platform] += 1
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
        message = f"{relation} on {platform} matches {who(match)} ({how(match)}). " + possible_note([match])
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
            confidence=confidence([match]),
            title=f"{platform} {record.relation.value.replace('_', ' ')} matches a client",
            message=message,
            platform=record.platform,
            record=record_ref(record, name=name, handle=handle),
            clients=(client_match(match),),
            remediation=remediation_for(self.category, record.platform),
        )
