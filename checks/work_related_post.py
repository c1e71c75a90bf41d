"""work-related-post: something you wrote is about your clinical work.

Reads your posts, replies, captions, comments and check-ins, and message threads with people who are
not on your client list (a profile that names your job is profile-exposure's finding). The text is
scored with weighted lexicons (checks/lexicons/): work terms (clients or patients as a group, sessions,
caseload, intakes, notes and paperwork, shifts, the unit), clinical terms (supervision, safety plans,
crisis assessments), workplace terms and the workplace's names, aliases and street from policy.toml,
health details about others, a client named in the text, and venting (which only counts next to
another work term). Other senses are left out: a gym or jam session, a legislature in session, "be
patient", "my therapist" (your own therapy), a friend's or a salon's clients, general mental-health
advocacy (articles, awareness days) and peer-recovery community posts. A text is reported when its
score reaches 2.0; the evidence names every term that counted. Severity: high in public, medium
friends-only / unknown audience / messages, low only-me. Even without names, venting about a session
or a client does not belong on a personal account.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from checks.base import Category, Check, CheckContext, Finding, Severity, record_ref
from checks.client_mention import describe_where, mentions_for, ref_name, thread_partner_clients
from checks.remediation import remediation_for
from checks.text import WORK_THRESHOLD, analysis_for, written_by_owner
from scanner.records import AnyRecord, Audience, Kind, Post

NAMED_CLIENT = 2.0
"""Added to the work score when the text names a client (writing about a client is writing about the work)."""


def work_severity(audience: Audience) -> Severity:
    """High in public, low only-me, medium otherwise."""
    return {
        Audience.PUBLIC: Severity.HIGH,
        Audience.UNLISTED: Severity.HIGH,
        Audience.PRIVATE: Severity.LOW,
    }.get(audience, Severity.MEDIUM)


class WorkRelatedPostCheck(Check):
    __doc__ = __doc__
    id: ClassVar[str] = "work-related-post"
    category: ClassVar[Category] = Category.WORK_RELATED_POST
    kinds: ClassVar[frozenset[Kind]] = frozenset({Kind.POST, Kind.COMMENT, Kind.THREAD, Kind.PLACE})

    def run(self, record: AnyRecord, ctx: CheckContext) -> Iterable[Finding]:
        """One finding when the record's text scores as work-related."""
        a = analysis_for(record, ctx)
        if not a.text.strip() and not a.place_hit:
            return ()
        if not written_by_owner(record) and not (isinstance(record, Post) and a.place_hit):
            return ()  # somebody else's post tagging you: only when it tags you at your workplace
        if thread_partner_clients(record, ctx):
            return ()  # a thread with a client is a client-message finding
        score, evidence = a.work_score()
        mentions = mentions_for(record, ctx)
        if mentions.named:
            score += NAMED_CLIENT
            evidence += [e for e in mentions.evidence if e.end > e.start][:3]
        if score < WORK_THRESHOLD:
            return ()
        counted = [e.text for e in evidence if "(-" not in e.reason]
        where = describe_where(record, a.audience)
        name, handle = ref_name(record)
        vent = any(e.reason.startswith("venting") for e in evidence)
        return (
            Finding(
                check=self.id,
                category=self.category,
                severity=work_severity(a.audience),
                confidence=round(min(0.95, 0.45 + 0.1 * score), 2),
                title=f"Work-related content in {where}",
                message=f"This text is about your clinical work (score {score:.1f}: {', '.join(counted)})."
                + (" It vents about work, which readers may connect to your clients." if vent else ""),
                platform=record.platform,
                record=record_ref(record, name=name, handle=handle, text=a.text or (a.place_hit or "")),
                evidence=tuple(evidence),
                remediation=remediation_for(self.category, record.platform),
            ),
        )
