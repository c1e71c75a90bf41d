"""work-related-post: something you wrote is about your clinical work.

Reads your posts, replies, captions, comments and check-ins, and message threads with people who are
not on your client list (a profile that names your job is profile-exposure's finding). The text is
scored with weighted lexicons (checks/lexicons/): work terms (clients or patients as a group, sessions,
caseload, intakes, notes and paperwork, shifts, the unit), clinical terms (supervision, safety plans,
crisis assessments), workplace terms and the workplace's names, aliases and street from policy.toml,
health details about others, a client named in the text, and venting (which only counts next to
another work term). Other senses are left out: a gym or jam session, a legislature in session, "be
patient", "my therapist" (your own therapy), a friend's or a salon's clients, general mental-health
advocacy (articles, awareness days) and peer-recovery community posts. In a long post (an essay, a forum post, a
study's or the news's summary) only the work words in or next to sentences in which you speak of yourself count
(checks/analysis/ownership.py): medicine in general is not your work, and neither is a headline in title case
with no "I", "you" or day of yours. A text is reported when its
score reaches 2.0; the evidence names every term that counted, and the confidence is the probability
that a model learned from labelled corpora and real posts gives the text (checks/analysis/work_model.py).
In an account that often posts about its clinical work (or when the archives of one scan, one person's
accounts, do so together), a text with a single cue (score 1.0) is reported too, and so is a text that the
vocabulary model (words learned from the labelled corpora) finds more likely than not about the work, or not
unlikely (TRADE_VOCABULARY_DECISION) when its lean rests on the trade's own uncommon words; both at a confidence of
at most 0.6, naming the terms or words that counted; so is a short tally of the day ("3 ROCs, 1 FGC, 0 lunch") that
the model reads at TALLY_DECISION or more. A text that reaches 2.0 through one term
alone ("session", "clients") that the vocabulary model reads as everyday is borderline in the same way.
Severity: high in public, medium friends-only / unknown audience / messages, low only-me. Even without
names, venting about a session or a client does not belong on a personal account.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from typing import Any, ClassVar

from checks.analysis.household import Household
from checks.analysis.mentions import describe_where, mentions_for, ref_name, thread_partner_clients
from checks.analysis.ownership import owns_its_work
from checks.analysis.work_hours import within_work_hours
from checks.analysis.work_model import (
    TextSignals,
    WordModel,
    features,
    folded_owner_text,
    gram_words,
    ngrams,
    record_kind,
    signals_of,
    word_model,
    work_model,
)
from checks.base import Category, Check, CheckContext, Evidence, Finding, Severity, record_ref
from checks.language import language_of, word_frequency
from checks.remediation import remediation_for
from checks.text import WORK_THRESHOLD, TextAnalysis, analysis_for, owner_text, written_by_owner
from scanner.records import AnyRecord, Audience, Kind, Post, Thread

NAMED_CLIENT = 2.0
"""Added to the work score when the text names a client (writing about a client is writing about the work)."""

ACCOUNT_THRESHOLD = 1.0
"""The score that is enough in an account that often posts about clinical work (see ACCOUNT_MIN_TEXTS)."""
ACCOUNT_MIN_TEXTS = 5
"""Texts reaching WORK_THRESHOLD that make an account one that often posts about clinical work..."""
ACCOUNT_MIN_SHARE = 0.03
"""...when they are also at least this share of the texts the account wrote."""
ACCOUNT_VOCABULARY_DECISION = 0.5
"""The vocabulary model's probability that makes a text borderline (reported only in such an account). Lower
values gained recall on the labelled corpora (0.3: tuning mean P/R 0.877 / 0.875 against 0.888 / 0.820) but
flagged everyday posts by the thousand in the benchmark's 100,000-post archive of a clinician ("Coffee, then a
long walk by the river with the dog" reads at 0.3): the corpora hold too few everyday posts to show it."""
TRADE_VOCABULARY_DECISION = 0.35
"""Below ACCOUNT_VOCABULARY_DECISION, down to this probability, a text is borderline too when the model's lean rests
on the trade's own words (TRADE_WORDS_MIN): "3 ODs on our route today", "duty today. 11 calls, 3 urgent". The
everyday texts of that band lean on common words ("today", "from", "long day": all 27 of Sentiment140 a's 10,000 at
0.4–0.5 do). 0.4 for every text instead: locked recall +17 for +8 false alarms, and the benchmark's everyday posts
reported by the hundred (eval/README.md)."""
TRADE_WORD_ZIPF = 4.5
"""An n-gram is one of the trade's words when its most common word is rarer than this (wordfreq's Zipf scale, in the
text's language): "depot", "obs", "caseload", not "today", "home", "work"."""
ELIDED_ZIPF = 7.0
"""The frequency given to a French elided article or pronoun ("l'", "d'", "m'"), a word of its own for the vocabulary
model: as common as words get, never one of the trade's words."""
TRADE_WORDS_MIN = 0.1
"""What the trade's words must add to the model's log-odds (the share the finding's evidence shows) for a text of
the TRADE_VOCABULARY_DECISION band."""
LONE_CUE_DECISION = 0.5
"""A text that reaches WORK_THRESHOLD through a single lexicon term (at most 2.5, the heaviest one term weighs: "my
clients") is borderline (reported only in an account that often posts about its clinical work) when the vocabulary
model reads it below this: one word ("session", "clients", "group today", "our clients") that the rest of the text
does not back ("so you can talk to some MemberClicks clients", a shop's "We love our clients! Happy Friday", a
photographer's "These 3 little cuties did so great at our session!"). 0.5, the model finding the text less likely than
not about clinical work, as for ACCOUNT_VOCABULARY_DECISION; at 0.3 (before) such texts were reported in every account:
on the real everyday posts of eval/realtext, the single term read at 0.3-0.5 was 64 of the 172 work-related findings
of three sets (eval/README.md)."""
LONE_CUE_FLOOR = 0.25
"""Below this vocabulary-model probability, a text resting on one lexicon term alone (see LONE_CUE_DECISION) is not
reported even as borderline: the rest of the text reads as another sense or someone else's trade ("Sunday session at
the Left Bank", "Kevin the greyhound is the best client you've got", "Séance de 20h au cinéma"). On the tuning corpora
(in-sample for the model) no right text of that shape reads under 0.36; 0.25 leaves a margin (eval/README.md)."""
TALLY_DECISION = 0.3
"""Below TRADE_VOCABULARY_DECISION, down to this probability, a short text that tallies its day (TALLY_MIN counts:
"4 immunisations, 2 wound dressings, 1 ECG, 0 lunch", "docket 8:30, 2 sanctions, 1 jail, 4 phase-ups", "4 rapports, 2
mois, 1 refus") is borderline too: the status update's shape of a working day. Everyday tallies ("14 kids, 1 oven, 0
regrets", "40 tomates, 2 courgettes") read under 0.26 on the tuning corpora (eval/README.md)."""
TALLY_MIN = 3
TALLY_MAX_CHARS = 400
_TALLY = re.compile(
    r"(?<![\w.,:/$£€-])\d{1,3}\s+"
    r"(?!(?:am|pm|h|min|mins|minutes|hours|hrs|hr|days|weeks|years|yrs|km|kg|lbs|lb|miles|mi|k|m|x|%)(?!\w))"
    r"[^\W\d_]"
)
"""A count before a word ("3 ROCs", "1 refus"), not a time, a date's day, a length, a weight or a price."""
_Waiting = tuple[Finding, Finding | None]
"""A finding a first name alone lifted to the threshold, and the text's finding without the name (``None`` when it
is not even borderline without it)."""
_BatchState = tuple[int, int, list[Finding], Household[_Waiting] | None]
_MAX_PENDING = 20_000  # borderline texts kept per source until the account is judged (bounded memory)
_CONFIDENT = ("work-related-post", "confident")
_WRITTEN = ("work-related-post", "texts")
_PENDING = ("work-related-post", "pending")
_HOUSEHOLD = ("work-related-post", "household")
_SCAN_COUNTS = "work-related-post: confident and written texts"
_SCAN_PENDING = "work-related-post: borderline texts of accounts that did not qualify"
_SCAN_HOUSEHOLD = "work-related-post: first-name votes and the findings a first name alone made"


def _often_posts_about_work(confident: int, written: int) -> bool:
    """Whether ``confident`` texts at the work threshold out of ``written`` make an account (or a person) one that
    often posts about clinical work (ACCOUNT_MIN_TEXTS and ACCOUNT_MIN_SHARE)."""
    return confident >= ACCOUNT_MIN_TEXTS and confident >= ACCOUNT_MIN_SHARE * written


def _health_alone(evidence: list[Evidence]) -> bool:
    """Whether health words are all that counted ("#anxiety #depression", "migraine and insomnia again"): a text
    about health, the owner's as often as anyone's, not a cue of clinical work; the vocabulary model still reads
    it."""
    counted = [e for e in evidence if (e.weight or 0) > 0]
    return bool(counted) and all(e.reason.startswith("health detail") for e in counted)


def _borderline(pending: list[Finding], who: str) -> list[Finding]:
    """The borderline findings as reported: confidence at most 0.6, and a message that says why they count."""
    note = f" On its own this text is borderline; {who} about your clinical work, so it is probably about the job too."
    return [replace(f, confidence=round(min(f.confidence, 0.6), 2), message=f.message + note) for f in pending]


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
        """One finding when the record's text scores as work-related.

        A finding that a client's first name alone lifted to the threshold waits for :meth:`finish_scan`: the
        name may be someone in the owner's life (checks/analysis/household.py), and then the text is not about a
        client at all.
        """
        mentions = mentions_for(record, ctx)
        household: Household[_Waiting] = ctx.memo.setdefault(_HOUSEHOLD, Household())
        first_names = household.votes.see(mentions)
        a = analysis_for(record, ctx)
        if not a.text.strip() and not a.place_hit:
            return ()
        if not written_by_owner(record) and not (isinstance(record, Post) and a.place_hit):
            return ()  # somebody else's post tagging you: only when it tags you at your workplace
        if thread_partner_clients(record, ctx):
            return ()  # a thread with a client is a client-message finding
        ctx.memo[_WRITTEN] = ctx.memo.get(_WRITTEN, 0) + 1
        score, evidence = own_score, own_evidence = a.work_score()
        if mentions.named:
            score += NAMED_CLIENT
            evidence = [*evidence, *[replace(e, weight=NAMED_CLIENT) for e in mentions.evidence if e.end > e.start][:3]]
        elif not isinstance(record, Thread) and not a.place_hit and not owns_its_work(a):
            return ()  # a long text about medicine in general, not about the owner's own work
        if score < ACCOUNT_THRESHOLD or _health_alone(evidence):
            finding = self._by_vocabulary(record, ctx)
            if finding is None:
                return ()
        else:
            finding = self._finding(record, ctx, score, evidence)
        lone = self._lone_cue(record, ctx, score, evidence)
        if lone is not None and lone < LONE_CUE_FLOOR:
            return ()  # one term that the rest of the text reads as another sense: not even borderline
        if score >= WORK_THRESHOLD and lone is None:
            ctx.memo[_CONFIDENT] = ctx.memo.get(_CONFIDENT, 0) + 1
            if first_names and own_score < WORK_THRESHOLD:
                without_name = None  # what the text is when the name is someone in the owner's life: borderline
                if own_score >= ACCOUNT_THRESHOLD and not _health_alone(own_evidence):
                    without_name = self._finding(record, ctx, own_score, own_evidence)
                household.waiting.append((first_names, (finding, without_name)))
                return ()
            return (finding,)
        pending: list[Finding] = ctx.memo.setdefault(_PENDING, [])
        if len(pending) < _MAX_PENDING:
            pending.append(finding)
        return ()

    def finish(self, ctx: CheckContext) -> Iterable[Finding]:
        """Borderline texts, when the account often posts about clinical work: there, a single work cue such
        as "back on nights Monday" or "the 6th years" is most likely about the job too. An account that does
        not on its own keeps them for :meth:`finish_scan`, with its counts."""
        pending: list[Finding] = ctx.memo.pop(_PENDING, [])
        confident, written = ctx.memo.pop(_CONFIDENT, 0), ctx.memo.pop(_WRITTEN, 0)
        totals = ctx.scan_memo.setdefault(_SCAN_COUNTS, [0, 0])
        totals[0] += confident
        totals[1] += written
        ctx.scan_memo.setdefault(_SCAN_HOUSEHOLD, Household()).add(ctx.memo.pop(_HOUSEHOLD, Household()))
        if _often_posts_about_work(confident, written):
            return _borderline(pending, "your account often posts")
        kept: list[Finding] = ctx.scan_memo.setdefault(_SCAN_PENDING, [])
        kept.extend(pending[: max(0, _MAX_PENDING - len(kept))])
        return ()

    def finish_scan(self, scan_memo: dict[str, Any]) -> Iterable[Finding]:
        """Borderline texts of the accounts that did not qualify on their own, when the scan's accounts together
        often post about clinical work (one person's Instagram with a few clinical posts, their Facebook with
        many): the person, not the platform, is the one who writes about the job. And the findings a client's
        first name alone made, but for names of people in the owner's life (then the text is borderline)."""
        household: Household[_Waiting] = scan_memo.pop(_SCAN_HOUSEHOLD, Household())
        clients, home = household.split()
        found = [finding for finding, _ in clients]
        pending: list[Finding] = scan_memo.pop(_SCAN_PENDING, [])
        pending += [without for _, without in home if without]
        confident, written = scan_memo.pop(_SCAN_COUNTS, (0, 0))
        if pending and _often_posts_about_work(confident, written):
            found += _borderline(pending, "your accounts together often post")
        return found

    def batch_state(self, ctx: CheckContext) -> _BatchState | None:
        """The counts, borderline findings and first-name votes of one batch of records, out of ``ctx.memo``."""
        if not any(key in ctx.memo for key in (_WRITTEN, _CONFIDENT, _PENDING, _HOUSEHOLD)):
            return None
        return (
            ctx.memo.pop(_WRITTEN, 0),
            ctx.memo.pop(_CONFIDENT, 0),
            ctx.memo.pop(_PENDING, []),
            ctx.memo.pop(_HOUSEHOLD, None),
        )

    def merge_state(self, ctx: CheckContext, state: _BatchState) -> None:
        """Add a batch's counts and votes; keep the first borderline findings, in record order, as one process
        does."""
        written, confident, pending, household = state
        ctx.memo[_WRITTEN] = ctx.memo.get(_WRITTEN, 0) + written
        ctx.memo[_CONFIDENT] = ctx.memo.get(_CONFIDENT, 0) + confident
        kept: list[Finding] = ctx.memo.setdefault(_PENDING, [])
        kept.extend(pending[: max(0, _MAX_PENDING - len(kept))])
        if household is not None:
            ctx.memo.setdefault(_HOUSEHOLD, Household()).add(household)

    def _lone_cue(self, record: AnyRecord, ctx: CheckContext, score: float, evidence: list[Evidence]) -> float | None:
        """The vocabulary model's probability when a text at the work threshold rests on one lexicon term alone (of
        2.5 at most) that the model does not back (below ``LONE_CUE_DECISION``): then it is borderline, not
        confident (and not reported under ``LONE_CUE_FLOOR``). ``None`` otherwise."""
        if score < WORK_THRESHOLD or score > WORK_THRESHOLD + 0.5:
            return None
        if sum(1 for e in evidence if (e.weight or 0) > 0) != 1:
            return None
        probability = vocabulary_probability(record, ctx)
        return probability if probability is not None and probability < LONE_CUE_DECISION else None

    def _by_vocabulary(self, record: AnyRecord, ctx: CheckContext) -> Finding | None:
        """A borderline finding when the vocabulary model puts the text at ``ACCOUNT_VOCABULARY_DECISION`` or more
        (reported only in an account that often posts about its clinical work, see :meth:`finish`)."""
        model = word_model()
        probability = vocabulary_probability(record, ctx)
        if model is None or probability is None or probability < min(TRADE_VOCABULARY_DECISION, TALLY_DECISION):
            return None
        present = ngrams(work_signals(record, ctx).owner_text, elisions=True)  # only to name the cues
        a = analysis_for(record, ctx)
        if probability < ACCOUNT_VOCABULARY_DECISION and not (
            (probability >= TRADE_VOCABULARY_DECISION and _leans_on_trade_words(model, present, a))
            or tallies_its_day(a)
        ):
            return None
        evidence = []
        for gram, weight in model.cues(present):
            start, end = a.find_phrase(gram) or (0, 0)
            reason = f"words of posts about clinical work (+{weight:.1f})"
            evidence.append(Evidence(start, end, a.text[start:end] or gram, reason, weight=round(weight, 2)))
        finding = self._finding(record, ctx, 0.0, evidence, probability)
        words = ", ".join(f"'{e.text}'" for e in evidence)
        return replace(finding, message=f"This text reads like posts about clinical work ({words}).")

    def _finding(
        self,
        record: AnyRecord,
        ctx: CheckContext,
        score: float,
        evidence: list[Evidence],
        probability: float | None = None,
    ) -> Finding:
        a = analysis_for(record, ctx)
        counted = [e.text for e in evidence if e.weight is None or e.weight > 0]
        where = describe_where(record, a.audience)
        name, handle = ref_name(record)
        vent = any(e.reason.startswith("venting") for e in evidence)
        if probability is None:
            probability = work_model().probability(features(work_signals(record, ctx)))
        return Finding(
            check=self.id,
            category=self.category,
            severity=work_severity(a.audience),
            confidence=round(min(0.97, max(0.05, probability)), 2),
            title=f"Work-related content in {where}",
            message=f"This text is about your clinical work (score {score:.1f}: {', '.join(counted)})."
            + (" It vents about work, which readers may connect to your clients." if vent else ""),
            platform=record.platform,
            record=record_ref(record, name=name, handle=handle, text=a.text or (a.place_hit or "")),
            evidence=tuple(evidence),
            remediation=remediation_for(self.category, record.platform),
        )


def _leans_on_trade_words(model: WordModel, present: set[str], a: TextAnalysis) -> bool:
    """Whether the n-grams of the trade's own words (TRADE_WORD_ZIPF) push the text towards work by TRADE_WORDS_MIN
    or more, in the model's share: the model then reads the job in the text, not an everyday day."""
    lang = a.lang or language_of(owner_text(a)) or "en"
    weight = 0.0
    for gram, share in model.cues(present, n=len(present)):
        if max(ELIDED_ZIPF if w.endswith("'") else word_frequency(w, lang) for w in gram.split()) < TRADE_WORD_ZIPF:
            weight += share
    return weight >= TRADE_WORDS_MIN


def tallies_its_day(a: TextAnalysis) -> bool:
    """Whether the owner's words are a short tally (TALLY_MIN counts before a word, in TALLY_MAX_CHARS at most):
    "3 ROCs, 1 FGC, 0 lunch", "47 emails, 3 voicemails, 1 very sad pot plant"."""
    text = owner_text(a)
    return len(text) <= TALLY_MAX_CHARS and len(_TALLY.findall(text)) >= TALLY_MIN


def vocabulary_probability(record: AnyRecord, ctx: CheckContext) -> float | None:
    """The vocabulary model's probability that the record's text is about clinical work (once per record; ``None``
    without a model)."""
    model = word_model()
    if model is None:
        return None

    def compute() -> float:
        signals = work_signals(record, ctx)
        tokens = gram_words(folded_owner_text(signals), elisions=True)
        return model.probability_of_words(features(signals), tokens, signals.owner_text)

    probability: float = ctx.cached("work-vocabulary-probability", record, compute)
    return probability


def work_signals(record: AnyRecord, ctx: CheckContext) -> TextSignals:
    """What the work model reads about one record: the owner's vocabulary, context and client mentions."""
    mentions = mentions_for(record, ctx)
    hours = ctx.policy.work_hours
    in_hours = within_work_hours(record.timestamp, hours) if record.timestamp is not None else None
    return signals_of(
        analysis_for(record, ctx),
        record_kind(record),
        client_named=mentions.named,
        client_described=mentions.described,
        in_work_hours=in_hours,
    )
