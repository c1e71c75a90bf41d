"""workplace-location: a check-in or post that shows where, and when, you work.

Reported: check-ins and location tags at the workplace (its name, an alias or its street address from
the policy ``[workplace]``, or the employer on your profile when the policy names none); check-ins on
the workplace's street during work hours (the coffee shop across the road at 8:15 on a Tuesday); posts
whose text names the workplace, an alias or the street address, or the street with a clock time ("7h52,
rue des Houilleurs"); posts that tell people when you are at work ("here till 8 for evening group", "I'll
be at the clinic every Wednesday"); and check-ins at, and posts naming, a place your own posts say you work or
worked at ("Last shift at Magnolia Terrace", "3 years at Cartref Helyg", "First day." checked in at a hospital; a
hospital, clinic or care home checked in at on two weekdays in the daytime), until a month after the day they say
you left it ("Last day at Banksia Grove"), which the policy need not list (``former_workplaces`` names them for
certain). A client, or someone looking for a client, can use this to find you. Consider removing the location,
limiting the audience of such posts, and turning off location tagging.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any, ClassVar

from checks.analysis.employment import (
    Employers,
    after_kind_lead,
    bare_name,
    care_setting,
    core_name,
    employment_names,
    leaving_names,
    left_long_before,
    name_head,
    names_place,
    overlaps,
    place_key,
    room_places,
    someone_else_before,
    stated_points,
)
from checks.analysis.places import (
    FOLLOWERS,
    NOT_NAMES,
    UNIT_WORDS,
    Terms,
    build_terms,
    districts,
    names_as_proper_noun,
    names_unit,
    names_with_article,
    names_workplace,
)
from checks.analysis.places import find_phrase as _find
from checks.analysis.work_hours import local_time, within_work_hours
from checks.base import Category, Check, CheckContext, Evidence, Finding, Severity, record_ref
from checks.language import is_rare_word
from checks.matching import normalize
from checks.policy import Workplace
from checks.prefilter import lowered_twin
from checks.remediation import remediation_for
from checks.text import WORK_THRESHOLD, analysis_for, own_words
from scanner.platforms import platform_label
from scanner.records import AnyRecord, Comment, Kind, Place, Post, Profile

NEAR_SLACK = timedelta(minutes=60)
NEAR_METRES = 300.0
AT_METRES = 60.0

_DAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)"
_DAYS = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?"
_MONTHS = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
_MONTH_ABBR = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
TIME_CUE = re.compile(
    r"(?ix)\b(?:"
    r"(?:till|til|until|’til|'til)\s+\d{1,2}(?::\d\d)?\s*(?:am|pm|a|p)?\b"
    rf"|(?:every|each)\s+(?:other\s+)?{_DAYS}"
    rf"|{_DAY}(?:day)?s?\s*/\s*{_DAY}(?:day)?s?"
    r"|\d{1,2}(?::\d\d)?\s*(?:[–-]\s*\d{1,2}(?::\d\d)?\s*)?(?:am|pm|a\.m\.|p\.m\.)"
    r"|\d{1,2}(?::\d\d)?\s*[–-]\s*\d{1,2}(?::\d\d)?"
    r"|\d{1,2}[ap]\b"
    r"|tonight|right\s+now|this\s+(?:morning|afternoon|evening)|tomorrow"
    rf"|{_DAY}(?:day)?s?\s+at\s+\d{{1,2}}(?::\d\d)?\b"
    r"|(?:jusqu'?(?:à|a)|d(?:è|e)s|avant|apr(?:è|e)s)\s+\d{1,2}\s*h(?:\d\d)?"
    r"|\d{1,2}h\d\d|\d{1,2}\s?h\b|ce\s+(?:soir|matin|midi)|cette\s+nuit|demain|aujourd'?hui"
    r"|(?:tous\s+les|chaque)\s+(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)s?"
    r"|(?:à|a)\s+partir\s+(?:du|de)\b"
    rf"|(?:this|next)\s+(?:week|{_DAYS})"
    rf"|starting\s+(?:next\s+week|on\s+)?(?:{_DAYS}|{_MONTHS}|in\s+\w+)"
    rf"|{_MONTH_ABBR}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b"
    r")"
)
CLOCK = re.compile(
    r"(?i)\b\d{1,2}(?::\d\d|h\d\d\b|h\b|(?:[.:]\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.)(?!\w))"
    # "7.55" as written in the UK and Ireland; not £7.55, 7.55 %, 3.14159
    r"|(?<![\d.,£$€])\b(?:[01]?\d|2[0-3])\.[0-5]\d\b(?![.,]?\d|\s*%)"
)
"""A clock time ("7h52", "9:15", "8.05 am", "7.55"): the workplace's street with one says when you are there."""
STREET_CUE = re.compile(
    r"(?i)\b(?:before|after|by|from|at|till|until|til)\s+(?:[1-9]|1[0-2])\b(?![\d:,%/]|\.\d|\s*(?:years?|months?|"
    r"weeks?|days?|hours?|hrs?|mins?|minutes?|kids?|people|patients|clients|families|of|x)\b)|\bo['’]clock\b"
    r"|\b(?:long\s+day|team\s+meeting|handover|waiting\s+room|hospital|ward\s+round|MDT)\b"
    r"|\b(?:referrals?|review|group|the\s+practice|mental\s+health)\b|\bbetween\s+my\s+\d{1,2}\b"
    # on call, intensive care; French: the office, the day's work, the service by its kind
    r"|\b(?:on[\s-]call|ICU|bureau|au\s+travail|ma\s+journ[ée]e|CLSC|CMP|CHS|CHU|CPAS)\b"
    # the place of work on the street: "march past the centre on Lower Main Road", "our clinic on Bell St"
    r"|\b(?:the|our|my)\s+(?:centre|center|clinic|office|service|practice|rooms?)\s+(?:on|in|off)\b"
)
"""What else puts the owner on the workplace's street for work: an hour ("before 9", "we ride at 8", "my 9
o'clock", "between my 11 and my 1"), a long day, a team meeting, the waiting room ("Ardcarn Road before a long
day"), the work itself ("straight into a review", "14 referrals", "the mental health place on Guyton St"), being on
call, the office or the service in French ("on range le bureau … rue de Pfastatt", "ma journée au CLSC"), the place
of work itself on it ("march past the centre on Lower Main Road")."""
LOCATION_CUE = re.compile(
    r"(?i)\b(?:here|outside|in\s+front\s+of|parking|come\s+(?:see|visit)|stop\s+by|drop[\s-]?off|"
    r"(?:i'?m|i\s+am|we'?re|i'?ll\s+be|back)\s+(?:at|in)|ici|devant|sur\s+le\s+parking|venez|passez|"
    r"je\s+suis\s+(?:à|a|au|aux)|je\s+serai)\b"
)
PRESENCE = re.compile(
    r"(?i)\b(?:i'?ll\s+be|i\s+will\s+be|i'?m|i\s+am|here|be)\s+(?:at|in|on)\b|\bback\s+(?:at|in)\b"
    r"|\bback\s+on\s+(?:the\s+)?(?:unit|ward|floor|shift|nights|days|call|duty)\b"  # not "back on the lithium"
    r"|\bhere\s+(?:till|til|until)\b"
    r"|\b(?:at|to)\s+the\s+(?:clinic|office|unit|ward|practice)\b"
    r"|\bau\s+(?:bureau|cabinet|service)\b"
)
PLACE_TIME = re.compile(
    rf"(?i)(?:^|[.!?]\s+|{_DAY}(?:day)?s?\s+|\b(?:at|in|to)\s+the\s+|\bau\s+)(?P<cue>(?:clinic|service|unit|ward|office|practice|day\s+hospital|cabinet|bureau|consultation)\s+"
    r"(?:until|till|til|at|from|à|jusqu'à|dès)\s+\d{1,2}(?:[:h.]\d\d|h\b|\s*(?:am|pm)\b)?)"
    r"|(?P<opens>\b(?:clinic|office|practice|unit|ward|cabinet|bureau|service)\s+(?:opens?|closes?|ouvre|ferme)\s+"
    r"(?:at\s+|à\s+)?\d{1,2}(?:[:h.]\d\d|h\b|\s*(?:am|pm)\b)?)"
)
"""A place of work and a time with nothing between, the place opening a sentence or after a weekday or "at the":
"Thursday clinic until 7", "Day hospital at 10", "Cabinet à 8h" (not "She rang the ward at 3am"); or its opening
time ("the clinic opens at 7:30")."""
_PLACE_NOUN = re.compile(r"clinic|service|unit|ward|office|practice|hospital|cabinet|bureau|consultation")
"""The nouns of :data:`PLACE_TIME`, one of which a text must hold before that slower pattern is tried."""
# PRESENCE's one branch with no word boundary before it, apart: in the same alternation it made every search
# try every branch at every position (30 instead of 6 µs on a 230-character text). Only whether either matches
# is read (``schedule_cue``), so the two searched one after the other say what the joined pattern said.
PRESENCE_CLINIQUE = re.compile(r"(?i)(?:à|a)\s+la\s+clinique\b")
WORK_CONTEXT = re.compile(
    r"(?i)\b(?:clinic|office|unit|ward|agency|work|therapists?|clinicians?|sessions?|caseload|clients?|"
    r"patients?|shift|intake|staff|(?:evening|therapy|group)\s+(?:group|session)s?|"
    r"service|unité|unite|urgences|garde|patientes?|équipe|equipe|boulot|taf|consultations?|clinique|cabinet|"
    r"rdv|rendez-vous|consults?|appointments?|visits?|séances?|seances?|rencontres?|permanence)\b"
)
MEMBER_CUE = re.compile(
    r"(?i)\b(?:join(?:ing|ed)?|i\s+work\s+(?:at|for|in)|working\s+at|our\s+team|my\s+team|my\s+(?:\w+\s+)?colleagues|"
    r"(?:we'?re|we\s+are|is)\s+hiring|rejoindre|rejoins|rejoint|je\s+travaille|notre\s+(?:équipe|equipe|service)|"
    r"mon\s+(?:équipe|equipe|service)|mes\s+coll(?:è|e)gues|nos\s+coll(?:è|e)gues|recrute|recrutons|"
    r"je\s+prends\s+le\s+poste|en\s+tant\s+qu|"
    r"(?:christmas|xmas|holiday|chrissy|staff|team)\s+(?:party|do|lunch|night\s+out)|proud\s+of\s+(?:this|our|my)\s+team|"
    # "8 years at the Crest this month", "Year 6 in Scioto Heights": the owner's time there
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+years?\s+(?:at|with)|year\s+\d+\s+(?:at|in|with)|"
    # "Excited to start as a practice supervisor at", "my new position at": the owner's job there
    r"start(?:ed|ing)?\s+as|new\s+(?:job|position|role|post)\s+(?:at|with))"
)

NEAR_WORK = re.compile(
    r"(?i)\b(?:at|in)\s+(?:the\s+)?(?-i:[A-Z])[^.!?\n]{0,60}?\b(?P<near>(?:(?:\d|one|two|three|four|five|a\s+few|a\s+couple"
    r"(?:\s+of)?)\s+(?:blocks?|doors?|streets?|min(?:ute)?s?(?:\s+walk)?)|(?:a|round|around)\s+the\s+corner|across"
    r"\s+the\s+(?:road|street)|next\s+door|down\s+the\s+road)\s+from\s+(?:work|the\s+(?:office|clinic|hospital|ward|"
    r"unit)|my\s+(?:office|clinic|work))\b)"
)
"""A named place the writer says is near their work ("Lunch at Pho Thanh on 35th Ave, two blocks from work", "in the
Grand Canal café round the corner from work"): it gives the workplace's street."""


Reason = tuple[str, str, int]  # (matched phrase, why it counts, weight: 3 at work, 2 text, 1 near)


def on_workplace_street(place: str | None, address: str | None, terms: Terms) -> str | None:
    """The workplace street when the place (name or address) is on it and names no other town, else ``None``."""
    for value in (place, address):
        if not value:
            continue
        norm = normalize(value)
        for street in terms.streets:
            if _find(street, norm):
                # the parts after the place's name that are not the street itself ("Yellow Bench Café, Guyton
                # St" is on it; "Elm Street, Columbus" names another town)
                extra = [p for p in (normalize(p) for p in value.split(",")[1:]) if not _find(street, p)]
                other_town = any(p and not set(p.split()) <= set(terms.city) for p in extra)
                return None if other_town else street
    return None


def schedule_cue(text: str) -> str | None:
    """A phrase telling when the writer is at work (``here till 8``, ``clinic until 7``), or ``None``."""
    if _PLACE_NOUN.search(text.lower()) and (m := PLACE_TIME.search(text)) is not None:
        return m.group("cue") or m.group("opens")
    if not ((_search(PRESENCE, text) or _search(PRESENCE_CLINIQUE, text)) and _search(WORK_CONTEXT, text)):
        return None  # the cheaper two first: most texts fail them
    time = _search(TIME_CUE, text)
    return text[time[0] : time[1]] if time else None


_TWINS = {
    rx: lowered_twin(rx) for rx in (PRESENCE, PRESENCE_CLINIQUE, WORK_CONTEXT, TIME_CUE, LOCATION_CUE, MEMBER_CUE)
}


def _search(pattern: re.Pattern[str], text: str) -> tuple[int, int] | None:
    """The span of the first match of case-insensitive ``pattern`` in ``text`` (an ASCII text is searched
    lower-cased with the pattern's case-sensitive twin: same spans, two to three times faster)."""
    twin = _TWINS.get(pattern)
    m = twin.search(text.lower()) if twin is not None and text.isascii() else pattern.search(text)
    return m.span() if m else None


def _distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = 6371000.0
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(a))


def _policy_coordinates(extra: dict[str, Any]) -> tuple[float, float] | None:
    wp = extra.get("workplace", {})
    try:
        return float(wp["latitude"]), float(wp["longitude"])
    except (KeyError, TypeError, ValueError):
        return None


CLINICAL_CONTEXT = 1.0
"""The work score a text needs for a bare schedule ("on till 8") to say when you are at your clinical job, from
work and clinical terms: "I'm at work right now" says that the owner has a job, not that it is the clinical one."""


class WorkplaceLocationCheck(Check):
    """Check-ins, location tags and posts that reveal where and when you work."""

    id: ClassVar[str] = "workplace-location"
    category: ClassVar[Category] = Category.WORKPLACE_LOCATION
    kinds: ClassVar[frozenset[Kind]] = frozenset({Kind.POST, Kind.PLACE, Kind.COMMENT, Kind.PROFILE})
    ordered: ClassVar[bool] = True  # its state in ctx.memo depends on the order of the records

    def run(self, record: AnyRecord, ctx: CheckContext) -> Iterable[Finding]:
        """One finding per post, comment or place that reveals the workplace."""
        if isinstance(record, Profile):
            employers = ctx.memo.setdefault(("workplace-location", "employers"), [])
            employers.extend(w.employer for w in record.work if w.employer)
            if (learned := ctx.memo.get(_LEARNED)) is not None:
                learned.forget()  # the profile's employers are the current workplace's names too
            return
        employers = _employers(ctx)
        terms = build_terms(ctx.policy.workplace, employers)
        place_name, address, text = _parts(record)
        reasons = _place_reasons(record, place_name, address, terms, ctx) if (place_name or address) else []
        if text and not terms.empty and (hit := _text_names(own_words(text, any_quote=True), terms)):
            reasons.append((hit, "the text names the workplace", 2))
        if not reasons:
            reasons = _former_reasons(record, place_name, address, text, ctx)
        if not reasons and text and " from " in text and (near := NEAR_WORK.search(own_words(text))):
            reasons.append((near.group("near"), "a place you say is near your workplace", 1))
        cue = schedule_cue(text) if text else None
        if cue and not reasons and analysis_for(record, ctx).specific_work_score() < CLINICAL_CONTEXT:
            cue = None  # "I need to be at work tomorrow at 8am" from anyone: it must be about clinical work
        if text and not cue and any(w == 3 for _, _, w in reasons) and (time := _search(TIME_CUE, text)):
            cue = text[time[0] : time[1]]  # at the workplace already: any time phrase says when
        if cue:
            reasons.append((cue, "the text says when you are at work", 2))
        if not reasons:
            reasons = _learn(record, place_name, text, ctx)
        else:
            _learn(record, place_name, text, ctx, reported=True)
        if not reasons or _seen(record, place_name, text, ctx):
            return
        yield self._finding(record, reasons, place_name, text)

    def finish(self, ctx: CheckContext) -> Iterable[Finding]:
        """The records kept back that name a place the account's own posts say the owner works or worked at; the
        account's statements and the records that name no such place go on to :meth:`finish_scan`."""
        state: _Learned | None = ctx.memo.get(_LEARNED)
        if state is None:
            return
        known = state.known(ctx)
        scan: _ScanLearned = ctx.scan_memo.setdefault(_SCAN_LEARNED, _ScanLearned())
        scan.employers.merge(state.employers, ctx.source.platform)
        scan.current |= _current_keys(ctx)
        last_days = state.employers.last_days(known)
        rooms = _rooms(state.employers, scan.current)
        for record, place, text in state.pending:
            if reasons := _learned_reasons(place, text, _known_at(known, last_days, record), rooms):
                if not _seen(record, place, text, ctx):
                    yield self._finding(record, reasons, place, text)
            elif len(scan.pending) < PENDING_MAX:
                scan.pending.append((record, place, text))

    def finish_scan(self, scan_memo: dict[str, Any]) -> Iterable[Finding]:
        """The records of one account that name a place another account of the same person says the owner works
        or worked at ("Last shift at Magnolia Terrace" on Facebook, a check-in there on Instagram)."""
        scan: _ScanLearned | None = scan_memo.pop(_SCAN_LEARNED, None)
        if scan is None or not scan.pending:
            return
        known = {k: n for k, n in scan.employers.known().items() if not _is_current(k, scan.current)}
        seen: set[str] = set()
        last_days = scan.employers.last_days(known)
        rooms = _rooms(scan.employers, scan.current)
        for record, place, text in scan.pending:
            key = _seen_key(record, place, text)
            reasons = _learned_reasons(place, text, _known_at(known, last_days, record), rooms)
            if reasons and key not in seen:
                seen.add(key)
                yield self._finding(record, reasons, place, text)

    def _finding(self, record: AnyRecord, reasons: list[Reason], place: str | None, text: str) -> Finding:
        weight = sum(w for _, _, w in reasons)
        at_work = any(w == 3 for _, _, w in reasons)
        when = any("when" in why for _, why, _ in reasons)
        severity = Severity.HIGH if at_work and when else Severity.MEDIUM if weight >= 2 else Severity.LOW
        platform = platform_label(record.platform)
        if at_work:
            what = "checks you in at your workplace"
        elif any(w == 1 for _, _, w in reasons):
            what = "places you next to your workplace during work hours"
        elif any("former workplace" in why for _, why, _ in reasons):
            what = "names a place where you used to work"
        elif any("own posts name" in why for _, why, _ in reasons):
            what = "names a place where, by your own posts, you work or worked"
        else:
            what = "names your workplace" if any("names" in why for _, why, _ in reasons) else "tells when you work"
        message = f"This {platform} {record.kind.value} {what}"
        message += " and says when you are there. " if when and "when" not in what else ". "
        message += (
            "Clients, or people looking for a client, can use it to find you or to guess who your clients are. "
            "Remove the location or limit who can see the post, and turn off location tagging."
        )
        evidence = tuple(_evidence(text, place, phrase, why) for phrase, why, _ in reasons)
        return Finding(
            check=self.id,
            category=self.category,
            severity=severity,
            confidence=round(min(0.95, 0.55 + 0.12 * weight), 2),
            title=f"{platform} {record.kind.value} reveals your workplace" + (" and hours" if when else ""),
            message=message,
            platform=record.platform,
            record=record_ref(record, name=place or None, text=text),
            evidence=evidence,
            remediation=remediation_for(self.category, record.platform),
        )


_LEARNED = ("workplace-location", "learned workplaces")
_SCAN_LEARNED = "workplace-location: learned workplaces of every account"
PENDING_MAX = 5_000
"""Records kept back for :meth:`WorkplaceLocationCheck.finish` (those read before the posts that name their
place as a workplace): beyond it, memory stays flat and only the records read after those posts are checked."""


@dataclass
class _Learned:
    """The account's employment statements so far and the records kept back until its end."""

    employers: Employers = field(default_factory=Employers)
    pending: list[tuple[AnyRecord, str | None, str]] = field(default_factory=list)
    _known: dict[str, str] | None = None

    def add(self, name: str, record: str, points: int, *, statement: bool) -> None:
        """Count a statement or a clinical text at a place (see :class:`Employers`)."""
        self.employers.add(name, record, points, statement=statement)
        self.forget()

    def visit(self, place: str, when: datetime) -> None:
        """Count a check-in at a place of care on a working day (see :meth:`Employers.visit`)."""
        self.employers.visit(place, when.date().isoformat())
        self.forget()

    def forget(self) -> None:
        """Drop the workplaces worked out so far (the current workplace's names changed)."""
        self._known = None

    def known(self, ctx: CheckContext) -> dict[str, str]:
        """The workplaces the posts name so far, without the current workplace's own names, town and districts
        (its park and its golf club stay with the rules above)."""
        if self._known is None:
            current = _current_keys(ctx)
            self._known = {k: n for k, n in self.employers.known().items() if not _is_current(k, current)}
        return self._known


@dataclass
class _ScanLearned:
    """Every account's employment statements, the current workplace's keys and the records no account's own
    statements explained, for the scan as a whole."""

    employers: Employers = field(default_factory=Employers)
    current: set[str] = field(default_factory=set)
    pending: list[tuple[AnyRecord, str | None, str]] = field(default_factory=list)


_AREA = "="
"""The mark of an area's key among the current keys (:func:`_current_keys`)."""


def _current_keys(ctx: CheckContext) -> set[str]:
    """The current workplace's names and the profile's employers, as place keys, and its districts and town, as
    place keys marked with :data:`_AREA`."""
    workplace = ctx.policy.workplace
    areas = {*districts(workplace), *([normalize(workplace.city.split(",")[0])] if workplace.city else [])}
    names = {place_key(n) for n in (*workplace.names, *_employers(ctx))} - areas  # "Newry home treatment team": Newry
    return names | {_AREA + a for a in areas}


def _is_current(key: str, current: set[str]) -> bool:
    """True when a learned place key is one of the current workplace's names (or starts, or is started by, one), or
    is its town or a district itself: "Newry Support and Recovery Team" is another workplace in the same town."""
    return f"{_AREA}{key}" in current or overlaps(key, {k for k in current if not k.startswith(_AREA)})


def _employers(ctx: CheckContext) -> tuple[str, ...]:
    """The employers the profile names (the workplace when the policy names none)."""
    return tuple(ctx.memo.get(("workplace-location", "employers"), ()))


def _learn(
    record: AnyRecord, place: str | None, text: str, ctx: CheckContext, *, reported: bool = False
) -> list[Reason]:
    """Count the record's employment statements, the places the owner says she leaves (and clinical text at a
    place); unless already ``reported``, keep the record back for ``finish``, which knows every statement and every
    last day (when too many are kept back, the reasons it names a workplace learned so far)."""
    state: _Learned = ctx.memo.setdefault(_LEARNED, _Learned())
    rid = f"{record.kind.value}|{record.id}"
    for name, points in employment_names(text) if text else ():
        state.add(name, rid, points, statement=True)
    for room in room_places(text) if text else ():
        if analysis_for(record, ctx).work_score()[0] >= WORK_THRESHOLD:  # not "a new room in Paris for our honeymoon"
            state.employers.rooms.add(normalize(room))
    for name in leaving_names(text) if text and record.timestamp else ():
        state.employers.leave(name, record.timestamp.date().isoformat() if record.timestamp else "")
    if place:
        care = care_setting(place)
        if points := stated_points(text) if text else 0:
            state.add(place, rid, points, statement=True)
        elif care or (text and analysis_for(record, ctx).work_score()[0] >= WORK_THRESHOLD):
            state.add(place, rid, 1, statement=False)  # at a place of care, or clinical work written at the place
        if care and record.timestamp and _working_day(local_time(record.timestamp, ctx.policy.work_hours)):
            state.visit(place, record.timestamp)
    if reported or not (place or text):
        return []  # a text in lower case too: "happy new year from larkspur"
    if len(state.pending) >= PENDING_MAX:
        return _learned_reasons(place, text, known) if (known := state.known(ctx)) else []
    # kept back even when it names a known workplace: a later record may say the owner left it before this one
    state.pending.append((record, place, text))
    return []


def _known_at(known: dict[str, str], last_days: dict[str, str], record: AnyRecord) -> dict[str, str]:
    """The known workplaces the owner had not left a month before the record (``last_days``: :meth:`Employers.
    last_days`; "ex-Aubépines", "drove past Ards Valley", a check-in there years later name a former workplace, not
    where she works)."""
    if not record.timestamp or not last_days:
        return known
    day = record.timestamp.date().isoformat()
    return {k: n for k, n in known.items() if k not in last_days or not left_long_before(last_days[k], day)}


def _working_day(local: datetime) -> bool:
    """True on a weekday between 6:00 and 19:00: when a check-in at a place of care is a day at work there."""
    return local.weekday() < 5 and 6 <= local.hour < 19


def _rooms(employers: Employers, current: set[str]) -> tuple[str, ...]:
    """The towns or suburbs the owner's posts say she has a room in, without the current workplace's own town and
    districts (left to the policy's rules: "my Dublin clients" is the town)."""
    return tuple(sorted(r for r in employers.rooms if f"{_AREA}{r}" not in current))


def _learned_reasons(place: str | None, text: str, known: dict[str, str], rooms: tuple[str, ...] = ()) -> list[Reason]:
    """Why a kept-back record is at, or names, a workplace the account's posts name, or names a town the owner
    has a room in next to her clients or rooms (``rooms``: "Bray clients", "Tuesday in the Bray room"); empty
    when it is none of these."""
    if place and (name := names_place(place, known)):
        return [(place, f"the place is a workplace your own posts name ({name})", 2)]
    for stated, _ in employment_names(text) if text else ():
        # "Last shift on Larkspur. 6 years.": the statement itself (not "2 years on Forth", a river too)
        if (name := names_place(stated, known)) and _specific_name(place_key(name)):
            return [(stated, f"the text names a workplace your own posts name ({name})", 2)]
    for name in known.values():
        own = own_words(text, any_quote=True) if text else ""
        if own and (hit := _text_names(own, _learned_terms(name)) or names_with_article(own, _short_names(name))):
            return [(hit, "the text names a workplace your own posts name", 2)]
        if own and (pattern := _ward_pattern(name)) and (hit := _ward_hit(pattern, own)):
            return [(hit, "the text names a workplace your own posts name", 2)]
    if rooms and text and (hit := _area_at_work(own_words(text, any_quote=True), rooms)):
        return [(hit, "the text names a town your own posts say you have a room in", 2)]
    return []


_WARD_FOLLOWERS = FOLLOWERS | NOT_NAMES | UNIT_WORDS | {"team", "staff", "crew"}


def _ward_hit(pattern: re.Pattern[str], text: str) -> str | None:
    """The first match of :func:`_ward_pattern` not followed by a word that makes it another place ("at the
    Parkdale library"): the end of a clause, a verb, a preposition, a time or a ward's word may follow."""
    for m in pattern.finditer(text):
        after = re.match(r"[\s'’-]*([\w'’]*)", text[m.end() :])
        follower = re.split(r"['’]", after.group(1) if after else "")[0].lower()
        if not follower or m.group("unit") or normalize(follower) in _WARD_FOLLOWERS:
            return m.group(0)
    return None


@lru_cache(maxsize=256)
def _ward_pattern(name: str) -> re.Pattern[str] | None:
    """How a learned workplace whose name is one rare word before its kind ("Fane Ward", "Larkspur", "Hollydene
    Unit") is written in any case: after "on", as a ward is ("Working Christmas Day on Fane", "deputy charge nurse on
    larkspur"), after "at", "from" or "to" only when the learned name is a ward's ("happy new year from fane"; not "to
    Dunkin today", a coffee shop learned from "work at Dunkin"), or before a ward's or building's word ("on the fane
    ward minibus"); ``None`` for a name of several words or of a common word ("Forth", "Lantern")."""
    word = core_name(name)
    if " " in word or len(word) < 4 or not is_rare_word(normalize(word)):
        return None
    units = "|".join(sorted(UNIT_WORDS))
    w = re.escape(word)
    ward = normalize(name).split()[-1] in UNIT_WORDS
    at = rf"(?:{'on|from|at|to' if ward else 'on'})\s+(?:the\s+)?{w}(?![\w'’-])(?!\s+(?-i:[A-Z]))"
    return re.compile(rf"(?i)\b(?:{at}|{w}\s+(?P<unit>{units})\b)")


@lru_cache(maxsize=256)
def _short_names(name: str) -> tuple[str, ...]:
    """The one-word names a learned workplace of several words goes by: the word its name opens with before its
    kind ("Lantern" of "Lantern Bereavement Service") or the name after a French kind ("Rocher" of "École secondaire
    du Rocher"), capitalised and of four letters or more."""
    head = name_head(name)
    led = re.sub(r"^(?:les|le|la|l['’])\s*", "", after_kind_lead(name), flags=re.IGNORECASE)  # "Rocher"
    words = tuple(w for w in (head, led) if w and w != name and " " not in w)  # not a one-word name whole: "the Cross"
    return tuple(
        w for w in dict.fromkeys(words) if " " not in w and len(w) >= 4 and w[:1].isupper() and not w.isupper()
    )


@lru_cache(maxsize=256)
def _learned_terms(name: str) -> Terms:
    """The terms of a workplace the posts name: its name, its core without the kind after it ("Lantern Bereavement"
    of "Lantern Bereavement Service") and its name without the kind before it ("Closière" of "Résidence La
    Closière")."""
    core, bare = core_name(name), bare_name(name)
    aliases = tuple(a for a in dict.fromkeys((core, bare)) if a != name and (" " in a or a == bare))
    return build_terms(Workplace(name=name, aliases=aliases), listed=False)


def _specific_name(key: str) -> bool:
    """True for a place name of several words or one rare word ("Larkspur", "Harbourview"; not "Forth")."""
    return " " in key or is_rare_word(key)


def _seen_key(record: AnyRecord, place: str | None, text: str) -> str:
    """What makes two records one sighting: the same time, place and text (a post and its check-in)."""
    return f"{record.timestamp}|{normalize(place or '')}|{normalize(text)[:80]}"


def _seen(record: AnyRecord, place: str | None, text: str, ctx: CheckContext) -> bool:
    """True when a finding was already made for the same time, place and text (a post and its check-in)."""
    key = ("workplace-location:seen", _seen_key(record, place, text))
    if key in ctx.memo:
        return True
    ctx.memo[key] = True
    return False


def _text_names(text: str, terms: Terms) -> str | None:
    """The workplace name, alias or street the text names in a way that tells where you work.

    A full name, a multi-word alias, an acronym or the street number is specific on its own ("Mercy Ridge is
    on generator, night crew hanging in"); a one-word alias needs a time, a place or a membership cue; the
    street alone needs work context, a clock time or an hour ("Pine Hollow Rd traffic at 6:45. Every. Single.
    Shift.", "parked on Gloucester Rd. £8 in the meter before 9").
    """
    hit = names_workplace(text, terms)
    if hit and (hit in terms.strong or hit in terms.acronyms or hit in terms.numbered):
        return hit
    if hit and (proper := names_as_proper_noun(text, terms)):
        return proper  # "back at Fireweed after lunch": a rare word written as a name
    if unit := names_unit(text, terms):
        return unit  # "Larkspur Ward is not for the faint hearted": the name and its kind
    called = names_with_article(text, terms.article, short_forms=False) if terms.article else None
    if called and not someone_else_before(text, text.find(called)):  # not "my mum is at the General"
        return called  # "applied for the post at the Royal 🤞", "parking at the Foothills till 7"
    if hit and (_search(TIME_CUE, text) or _search(LOCATION_CUE, text) or _search(MEMBER_CUE, text)):
        return hit
    if terms.areas and (area := _area_at_work(text, terms.areas)):
        return area  # "my Rathmines clients", "my therapy room in Rathmines": the practice's suburb
    if terms.streets and (_search(WORK_CONTEXT, text) or CLOCK.search(text) or STREET_CUE.search(text)):
        norm = normalize(text)
        return next((street for street in terms.streets if _find(street, norm)), None)
    return None


_AREA_NOUNS = r"(?:clients?|patients?|(?:therapy\s+|consulting\s+|counselling\s+)?rooms?|practice|caseload|diary)"


@lru_cache(maxsize=64)
def _area_pattern(area: str) -> re.Pattern[str]:
    """The workplace's suburb written next to the owner's clients or rooms: "my Rathmines clients", "clients in
    Rathmines", "spaces for EMDR on Mondays in Rathmines" (not "Brunch in Rathmines", "best clients in Cork" of the
    town, which is left out)."""
    words = r"[\s-]+".join(re.escape(w.capitalize()) for w in area.split())
    return re.compile(
        rf"\b{words}\s+{_AREA_NOUNS}\b"
        rf"|\b(?i:my|our|new)\s+(?:\w+\s+)?{_AREA_NOUNS}\s+(?:in|at)\s+{words}\b"
        rf"|\b(?:spaces?|slots?|appointments?|sessions?)\s+(?:[\w-]+\s+){{0,4}}?in\s+{words}\b"
    )


def _area_at_work(text: str, areas: tuple[str, ...]) -> str | None:
    """The workplace's suburb the text names as where the owner sees clients (:func:`_area_pattern`), or ``None``."""
    for area in areas:
        if (m := _area_pattern(area).search(text)) is not None:
            return m.group(0)
    return None


def _former_reasons(
    record: AnyRecord, place: str | None, address: str | None, text: str, ctx: CheckContext
) -> list[Reason]:
    """Why the record names or checks in at a former workplace (policy ``[[former_workplaces]]``)."""
    for former in ctx.policy.former_workplaces:
        terms = build_terms(former)
        until = f" (until {former.left:%Y})" if former.left else ""
        if (place or address) and (names_workplace(place or "", terms) or _address_hit(address, terms)):
            return [(place or address or "", f"the place is a former workplace{until}", 2)]
        if text and (hit := _text_names(text, terms)):
            return [(hit, f"the text names a former workplace{until}", 2)]
    return []


def _place_reasons(
    record: AnyRecord, name: str | None, address: str | None, terms: Terms, ctx: CheckContext
) -> list[Reason]:
    """Why the record's place is at, or near, the workplace (empty when it is not)."""
    hours = ctx.policy.work_hours
    in_hours = record.timestamp is not None and bool(within_work_hours(record.timestamp, hours, NEAR_SLACK))
    if not terms.empty and (hit := names_workplace(name or "", terms) or _address_hit(address, terms)):
        return [(hit, "the place is the workplace", 3)]
    if (street := on_workplace_street(name, address, terms)) and (in_hours or _work_text(record)):
        return [(street, "a place on the workplace's street, during work hours or with work", 1)]
    target = _policy_coordinates(ctx.policy.extra)
    lat, lon = getattr(record, "latitude", None), getattr(record, "longitude", None)
    if target and lat is not None and lon is not None:
        metres = _distance_m(target[0], target[1], float(lat), float(lon))
        if metres <= AT_METRES:
            return [(name or "coordinates", "the place is at the workplace", 3)]
        if metres <= NEAR_METRES and in_hours:
            return [(name or "coordinates", "a place near the workplace, in work hours", 1)]
    return []


def _work_text(record: AnyRecord) -> bool:
    """True when the record's text is about work ("fuel for an 8-session day", "café avant les patients"): a place
    on the workplace's street out of its hours is then on the way there."""
    text = _parts(record)[2]
    return bool(text) and bool(_search(WORK_CONTEXT, text) or STREET_CUE.search(text))


def _parts(record: AnyRecord) -> tuple[str | None, str | None, str]:
    """(place name, place address, text) of a post, comment or place."""
    if isinstance(record, Place):
        return record.name or None, record.address, record.text
    if isinstance(record, Post):
        return record.place, None, record.text
    if isinstance(record, Comment):
        return None, None, record.text
    return None, None, ""


def _address_hit(address: str | None, terms: Terms) -> str | None:
    if not address:
        return None
    norm = normalize(address)
    return next((n for n in terms.numbered if _find(n, norm)), None)


def _evidence(text: str, place: str | None, phrase: str, why: str) -> Evidence:
    """A span over the text when the phrase is in it (case-insensitive), else the phrase alone."""
    if text:
        m = re.search(re.escape(phrase).replace(r"\ ", r"[\s\W]+"), text, re.IGNORECASE)
        if m:
            return Evidence(m.start(), m.end(), m.group(0), why)
    return Evidence(0, 0, place or phrase, why)
