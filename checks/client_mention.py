"""client-mention: a specific client is named or identifiable in something you wrote.

Reads your posts, replies, captions, comments and messages. A client's full name or handle is a mention
when the text has any work or health context (so a namesake celebrity in a post about basketball is
not); a first name or nickname alone counts only when the same text is about your clinical work
("Will finally opened up in group today"), and names that are also ordinary words (Hope, Will, Grace)
only when written as a name ("Hope A.", not "hope you" or "saying grace"). A first name right after a
relation word ("my nephew Will", "our intern Hunter") or followed by another surname ("Grace Kelly") is
somebody else. A description that points at one person — age, condition, school, team, employer, a
relative ("the 15-year-old whose dad coaches the wrestling team"), or facts from the client list's
notes column — is a mention too, with lower confidence and no client when none of your notes fits.
Several clients in one text give one finding. Severity: critical when the text is public, high when
friends-only or the audience is unknown (possibly public), medium in an only-me post.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import ClassVar

from checks.analysis.mentions import describe_where, mentions_for, ref_name
from checks.base import Category, Check, CheckContext, Evidence, Finding, Severity, record_ref
from checks.remediation import remediation_for
from checks.text import analysis_for
from scanner.records import AnyRecord, Audience, Kind


def mention_severity(audience: Audience, named: bool) -> Severity:
    """Critical in public, high friends-only / unknown / direct, medium only-me; one step lower unnamed."""
    sev = {
        Audience.PUBLIC: Severity.CRITICAL,
        Audience.UNLISTED: Severity.CRITICAL,
        Audience.PRIVATE: Severity.MEDIUM,
    }.get(audience, Severity.HIGH)
    return sev if named else sev.lowered()


class ClientMentionCheck(Check):
    __doc__ = __doc__
    id: ClassVar[str] = "client-mention"
    category: ClassVar[Category] = Category.CLIENT_MENTION
    kinds: ClassVar[frozenset[Kind]] = frozenset({Kind.POST, Kind.COMMENT, Kind.THREAD, Kind.PLACE, Kind.PROFILE})

    def run(self, record: AnyRecord, ctx: CheckContext) -> Iterable[Finding]:
        """One finding when the record's text names or describes one or more clients."""
        m = mentions_for(record, ctx)
        if not m.clients and not m.described:
            return ()
        a = analysis_for(record, ctx)
        where = describe_where(record, a.audience)
        n = len(m.clients)
        if m.named:
            what = f"{n} client{'s' if n > 1 else ''} named" if n else "a client named"
        else:
            what = "a client identifiable from a description"
        conf = max((c.score for c in m.clients), default=0.5)
        if not m.clients:
            conf = 0.5
        name, handle = ref_name(record)
        return (
            Finding(
                check=self.id,
                category=self.category,
                severity=mention_severity(a.audience, m.named),
                confidence=round(conf, 2),
                title=f"Client {'named' if m.named else 'identifiable'} in {where}",
                message=f"{what.capitalize()} in {where}. Anyone who sees it can learn that this person is "
                "(or was) in treatment with you.",
                platform=record.platform,
                record=record_ref(record, name=name, handle=handle, text=a.text),
                evidence=tuple(sorted(_dedupe(m.evidence), key=lambda e: (e.start, e.end))),
                clients=tuple(m.clients),
                remediation=remediation_for(self.category, record.platform),
            ),
        )


def _dedupe(evidence: Sequence[Evidence]) -> list[Evidence]:
    seen: set[tuple[int, int, str]] = set()
    out = []
    for e in evidence:
        if (e.start, e.end, e.reason) not in seen:
            seen.add((e.start, e.end, e.reason))
            out.append(e)
    return out


__all__ = ["ClientMentionCheck"]
