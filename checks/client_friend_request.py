"""client-friend-request: a pending friend / follow request or invitation from, or to, a client.

A request the clinician sent to a client is critical: it starts a personal relationship from the
clinician's side. A request received from a client is high: the recommended response is not to accept,
to note the request and your plan in the clinical record, to raise it kindly at the next session
(explain your social-media policy, acknowledge the client's feelings, offer the proper channels), to
record that conversation and then to decline. A request you already declined is listed for
information, so the clinical record can show it was handled. Former clients follow the policy's
``former_clients`` setting.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from checks.analysis.people import (
    client_match,
    confidence,
    how,
    match_person,
    possible_note,
    shown_as,
    status_severity,
    who,
)
from checks.base import Category, Check, CheckContext, Finding, Severity, record_ref
from checks.remediation import remediation_for
from scanner.platforms import platform_label
from scanner.records import AnyRecord, Connection, Kind, Relation

_SEVERITY: dict[Relation, Severity] = {
    Relation.REQUEST_SENT: Severity.CRITICAL,
    Relation.REQUEST_RECEIVED: Severity.HIGH,
    Relation.REQUEST_REJECTED: Severity.INFO,
}

_REQUEST_WORD = {"facebook": "friend request", "instagram": "follow request", "linkedin": "invitation"}


class ClientFriendRequestCheck(Check):
    """A pending friend or follow request (or LinkedIn invitation) received from, or sent to, a client."""

    id: ClassVar[str] = "client-friend-request"
    category: ClassVar[Category] = Category.CLIENT_FRIEND_REQUEST
    kinds: ClassVar[frozenset[Kind]] = frozenset({Kind.CONNECTION})

    def run(self, record: AnyRecord, ctx: CheckContext) -> Iterable[Finding]:
        """One finding per request record whose person matches a client."""
        if not isinstance(record, Connection) or record.relation not in _SEVERITY:
            return
        incoming = record.relation is not Relation.REQUEST_SENT
        match = match_person(ctx, record.person, record.platform, record.timestamp, incoming=incoming)
        if match is None:
            return
        severity = status_severity(_SEVERITY[record.relation], [match], ctx.policy)
        if severity is None:
            return
        platform = platform_label(record.platform)
        word = _REQUEST_WORD.get(record.platform, "request")
        client = f"{who(match)} ({how(match)})"
        if record.relation is Relation.REQUEST_SENT:
            title = f"{platform} {word} sent to a client"
            message = (
                f"You sent a {platform} {word} to {client}, and it is still pending. Withdraw it now, before it "
                "is accepted. If the client may have seen it, acknowledge it at the next session, explain your "
                "social-media policy, and take it to supervision."
            )
        elif record.relation is Relation.REQUEST_RECEIVED:
            title = f"{platform} {word} from a client"
            message = (
                f"A {platform} {word} from {client} is waiting for an answer. Reaching out like this is "
                "understandable and says something about the relationship you have built. Please don't accept "
                "it: note the request and your plan in the clinical record, talk it through kindly at the next "
                "session, and decline it after that conversation."
            )
        else:
            title = f"Declined {platform} {word} from a client"
            message = (
                f"You declined a {platform} {word} from {client}. Make sure the clinical record notes the "
                "request and how it was discussed with the client."
            )
        message = possible_note([match]) + message
        name, handle = shown_as(record.person)
        yield Finding(
            check=self.id,
            category=self.category,
            severity=severity,
            confidence=confidence([match]),
            title=title,
            message=message,
            platform=record.platform,
            record=record_ref(record, name=name, handle=handle),
            clients=(client_match(match),),
            remediation=remediation_for(self.category, record.platform),
        )
