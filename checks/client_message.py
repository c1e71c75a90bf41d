"""client-message: a direct-message conversation with someone on the client list.

Messaging a client on a personal account puts clinical communication outside the clinical record and
outside the agency's secure, documented channels, and it sets expectations about when you answer.
Every thread (one-to-one or group) with a matched client is reported: high for a current client,
lower for a former one per the policy. When the policy gives work hours, the finding says how many
messages were sent outside them, and whether you answered outside them. Move the conversation to the
agency's secure channel, document it in the clinical record, and set expectations about response times.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import ClassVar

from checks.analysis.people import (
    client_match,
    confidence,
    is_former,
    match_person,
    possible_note,
    shown_as,
    status_severity,
)
from checks.analysis.work_hours import local_time, within_work_hours
from checks.base import Category, Check, CheckContext, Evidence, Finding, Severity, record_ref
from checks.matching import PersonMatch, normalize
from checks.remediation import remediation_for
from scanner.platforms import platform_label
from scanner.records import AnyRecord, Kind, Person, Thread


def is_owner(person: Person, ctx: CheckContext) -> bool:
    """True when ``person`` is the account owner as the source names them."""
    source = ctx.source
    handle, own = (person.handle or "").lstrip("@").casefold(), (source.account_handle or "").lstrip("@").casefold()
    if handle and handle == own:
        return True
    return bool(person.name and source.account_name and normalize(person.name) == normalize(source.account_name))


def _thread_people(thread: Thread, ctx: CheckContext) -> list[Person]:
    people: list[Person] = []
    seen: set[tuple[str | None, str | None, str | None]] = set()
    for person in thread.others():
        key = (person.name, person.handle, person.account_id)
        if person.is_empty or key in seen or is_owner(person, ctx):
            continue
        seen.add(key)
        people.append(person)
    return people


class ClientMessageCheck(Check):
    """A direct-message thread (one-to-one or group) with someone on the client list."""

    id: ClassVar[str] = "client-message"
    category: ClassVar[Category] = Category.CLIENT_MESSAGE
    kinds: ClassVar[frozenset[Kind]] = frozenset({Kind.THREAD})

    def run(self, record: AnyRecord, ctx: CheckContext) -> Iterable[Finding]:
        """One finding per thread with at least one matched client."""
        if not isinstance(record, Thread):
            return
        matched: list[tuple[Person, PersonMatch]] = []
        for person in _thread_people(record, ctx):
            match = match_person(ctx, person, record.platform, record.timestamp, incoming=True)
            if match is not None and all(m.client.id != match.client.id for _, m in matched):
                matched.append((person, match))
        if not matched:
            return
        severity = status_severity(Severity.HIGH, [m for _, m in matched], ctx.policy)
        if severity is None:
            return
        platform = platform_label(record.platform)
        group = len(_thread_people(record, ctx)) > 1
        outside, owner_outside, evidence = _after_hours(record, ctx)
        kind = "group conversation" if group else "conversation"
        someone = "a former client" if all(is_former(m) for _, m in matched) else "a current client"
        if len(matched) > 1:
            someone = f"{len(matched)} clients"
        message = f"A {platform} {kind} with {someone}: {len(record.messages)} message(s). "
        message += possible_note(m for _, m in matched)
        if outside:
            message += f"{outside} were sent outside your work hours"
            message += f", {owner_outside} of them by you. " if owner_outside else ". "
        message += (
            "Move the conversation to the agency's secure channel, document it in the clinical record, and "
            "tell the client when and how you can be reached."
        )
        person = matched[0][0]
        name, handle = shown_as(person)
        yield Finding(
            check=self.id,
            category=self.category,
            severity=severity,
            confidence=confidence(m for _, m in matched),
            title=f"{platform} messages with a client" + (" (outside work hours)" if outside else ""),
            message=message,
            platform=record.platform,
            record=record_ref(record, name=name, handle=handle),
            evidence=tuple(evidence),
            clients=tuple(client_match(m) for _, m in matched),
            remediation=remediation_for(self.category, record.platform),
        )


def _after_hours(thread: Thread, ctx: CheckContext) -> tuple[int, int, Sequence[Evidence]]:
    """(messages outside work hours, of which sent by the owner, evidence naming up to five of them)."""
    hours = ctx.policy.work_hours
    if not hours.known:
        return 0, 0, ()
    outside = owner = 0
    evidence: list[Evidence] = []
    for message in thread.messages:
        if message.timestamp is None or within_work_hours(message.timestamp, hours) is not False:
            continue
        outside += 1
        owner += int(message.from_owner)
        if len(evidence) < 5:
            local = local_time(message.timestamp, hours)
            who = "you" if message.from_owner else "the other person"
            evidence.append(Evidence(0, 0, local.strftime("%a %Y-%m-%d %H:%M"), f"sent by {who} outside work hours"))
    return outside, owner, evidence
