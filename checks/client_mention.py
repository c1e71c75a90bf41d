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
from typing import Any, ClassVar

from checks.analysis.household import Household
from checks.analysis.mentions import describe_where, mentions_for, ref_name
from checks.analysis.people import followed_public_figure
from checks.base import Category, Check, CheckContext, Evidence, Finding, Severity, record_ref
from checks.remediation import remediation_for
from checks.text import analysis_for
from scanner.records import AnyRecord, Audience, Connection, Kind


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
    kinds: ClassVar[frozenset[Kind]] = frozenset(
        {Kind.POST, Kind.COMMENT, Kind.THREAD, Kind.PLACE, Kind.PROFILE, Kind.CONNECTION}
    )

    def run(self, record: AnyRecord, ctx: CheckContext) -> Iterable[Finding]:
        """One finding when the record's text names or describes one or more clients.

        A finding that rests on first names alone waits for :meth:`finish`: a first name the owner writes in
        many texts with no work or health word at all is someone in the owner's life (a daughter, a husband,
        a friend), and a text that uses it is most likely about them, not about the client of that name.
        """
        household: Household[Finding] = ctx.memo.setdefault(_HOUSEHOLD, Household())
        if isinstance(record, Connection):
            if (client_id := followed_public_figure(ctx, record)) is not None:
                household.public.add(client_id)
            return ()
        m = mentions_for(record, ctx)
        first_names = household.votes.see(m)
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
        finding = Finding(
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
        )
        if first_names is not None:
            household.waiting.append((first_names, finding))
        elif (ids := m.full_names_alone()) is not None:
            household.namesakes.append((ids, finding))
        else:
            return (finding,)
        return ()

    def finish(self, ctx: CheckContext) -> Iterable[Finding]:
        """Nothing yet: the account's first names and waiting findings go to :meth:`finish_scan`, because the
        owner's household is the same in each of their archives (a daughter named on Facebook and on X)."""
        ctx.scan_memo.setdefault(_SCAN_STATE, Household()).add(ctx.memo.pop(_HOUSEHOLD, Household()))
        return ()

    def finish_scan(self, scan_memo: dict[str, Any]) -> Iterable[Finding]:
        """Findings on first names alone, but for names the owner often writes about their own life, counted
        over every archive of the scan."""
        household: Household[Finding] = scan_memo.pop(_SCAN_STATE, Household())
        return household.split()[0]

    def batch_state(self, ctx: CheckContext) -> Household[Finding] | None:
        """The first-name votes and waiting findings of one batch of records, taken out of ``ctx.memo``."""
        return ctx.memo.pop(_HOUSEHOLD, None)

    def merge_state(self, ctx: CheckContext, state: Household[Finding]) -> None:
        """Add a batch's first-name votes and waiting findings (in record order)."""
        ctx.memo.setdefault(_HOUSEHOLD, Household()).add(state)


_HOUSEHOLD = ("client-mention", "household")
_SCAN_STATE = "client-mention: personal first names and waiting findings of every archive"


def _dedupe(evidence: Sequence[Evidence]) -> list[Evidence]:
    seen: set[tuple[int, int, str]] = set()
    out = []
    for e in evidence:
        if (e.start, e.end, e.reason) not in seen:
            seen.add((e.start, e.end, e.reason))
            out.append(e)
    return out


__all__ = ["ClientMentionCheck"]
