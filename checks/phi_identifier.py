"""phi-identifier: health information or identifiers tied to a client you can identify.

Reads your posts, replies, captions, comments and message threads. A finding needs an identifiable client
— named or described in the same text (see client-mention), or the other person in a message thread who
is on your client list — together with either a health detail (diagnosis, medication, substance use,
sobriety or relapse, hospitalization, pregnancy, self-harm, any condition, treatment, operation, device, injury
or disability of the broad vocabulary, and details of a person's care: a questionnaire or test and its score,
session and cycle counts, a discharge, detention, leave or placement in care, a school support plan, hospice care,
a death and its day; what the person can do again or no longer: sleeping, eating, speaking, walking, knowing their
people; abstinence counted; a hospital episode in lay words) or one of the HIPAA Safe Harbor identifiers
(45 CFR 164.514(b)(2)): a phone number, an e-mail address, a date other than the year ("her intake was
March 3", "8/29"), the weekday and time of an appointment ("my Thursday 3pm") or its day ("her appointment
today"), a record or account number, a URL, an age over 89. Your own health ("my meds", "my relapse") and your
family's are not a client's. Severity: critical in public, high friends-only / unknown audience / in messages,
medium in an only-me post.

A health detail need not be a health word: a change measured against a past state ("six months ago he couldn't
leave the car", "first time in four years", "she hasn't cried in a week") is the course of an illness, and a
safety referral in your reply to a client ("ring 999 if you're not safe") says they disclosed a crisis, as a span
they count to today ("3 years today") marks an anniversary of their recovery, and a change they tell in their own
words ("i havent cut in ages", "two years since Larkspur") is the course of their illness. Where a client is
identified and none of this is found, a model learned from labelled corpora (``checks.analysis.phi_model``) reads the
narrative ("went home today", "her celebration of life") and names the words that counted. A client is identifiable
without a name when you comment on their post (the comment is addressed to them) or when a weekly slot stands
for them next to a health detail ("my Thursday 7pm fella hit six months without a bet"), by first
name in a thread with their parent or carer, in a message about their health ("Hunter had another panic attack"),
by a first name that is also a word next to a detail of that client's notes and a health detail ("Joy was brighter
today, the sertraline is finally doing something", notes "sertraline"), and by two details of the client list's notes
in a text about one person that holds a health detail ("bus driver … night sweats … first chemo wednesday", notes
"drives the 28 bus"), even when the text does not read as about work.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import ClassVar

from checks.analysis.health_details import crisis_referrals, milestone_details, own_anniversaries, own_milestones
from checks.analysis.identifiers import EMAIL, find_phones
from checks.analysis.mentions import (
    Mentions,
    client_match,
    describe_where,
    judge_weak,
    mentions_for,
    ref_name,
    relative_of,
    thread_partner_clients,
)
from checks.analysis.normalize import fold
from checks.analysis.notes_match import described_by_notes, details_of_someone, fact_beside_name
from checks.analysis.people import match_person
from checks.analysis.phi_model import narrative_health
from checks.analysis.weekdays import DAY_NAMES
from checks.base import Category, Check, CheckContext, ClientMatch, Evidence, Finding, Severity, record_ref
from checks.remediation import remediation_for
from checks.text import TextAnalysis, analysis_for, written_by_owner
from scanner.records import AnyRecord, Audience, Comment, Kind, Thread

_MONTHS = (
    r"jan(?:uary|vier)?|feb(?:ruary)?|f[eé]v(?:rier)?|mar(?:ch|s)?|apr(?:il)?|avr(?:il)?|may|mai|june?|juin|"
    r"july?|juil(?:let)?|aug(?:ust)?|ao[uû]t|sep(?:t(?:ember|embre)?)?|oct(?:ober|obre)?|nov(?:ember|embre)?|"
    r"dec(?:ember)?|d[eé]c(?:embre)?|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|"
    r"noviembre|diciembre"
)
_FULL_DAYS_EN_FR = (
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)days?|lundis?|mardis?|mercredis?|jeudis?|vendredis?|samedis?|dimanches?"
)
WEEKDAY = re.compile(_FULL_DAYS_EN_FR + r"|lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bados?|domingos?", re.I)
"""A weekday's full name, English, French or Spanish (``WEEKDAY.fullmatch(word)``; "mon" and "sat" are words)."""
_TIME = r"\d{1,2}(?:[:.][0-5]\d|h\d\d|h)?\s*(?:am|pm|a\.m\.|p\.m\.)?"
_NOT_A_COUNT = r"(?!\s*(?:years?|yrs?|y/?o|ans|months?|mois|weeks?|semaines|days?|jours|%|kg|lbs?|mins?|minutes))"
IDENTIFIER_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("e-mail address", EMAIL),
    ("URL", re.compile(r"\bhttps?://\S+|\bwww\.\S+", re.I)),
    ("exact date", re.compile(rf"\b(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?!\s*(?:%|am|pm))", re.I)),
    ("exact date", re.compile(rf"\b\d{{1,2}}(?:er|st|nd|rd|th)?\s+(?:de\s+)?(?:{_MONTHS})\b", re.I)),
    (
        "exact date",
        re.compile(r"(?<![\d/])(?:0?[1-9]|1[0-2])/(?:0?[1-9]|1[1-9]|2\d|3[01])(?:/(?:\d{4}|\d{2}))?(?![\d/])"),
    ),  # "n/10" is left out: a rating ("10/10 co-therapist") far more often than the 10th
    ("exact date", re.compile(r"(?<![\d/])(?:0?[1-9]|1[0-2])/10/(?:\d{4}|\d{2})(?![\d/])")),
    # day first (Europe and most of the world): 20/12, 31/03/2024; a day over 12 cannot be a US month
    (
        "exact date",
        re.compile(r"(?<![\d/])(?!24/7(?![\d/]))(?:1[3-9]|2\d|3[01])/(?:0?[1-9]|1[0-2])(?:/(?:\d{4}|\d{2}))?(?![\d/])"),
    ),
    ("exact date", re.compile(r"(?<![\d/.])(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])\.(?:\d{4}|\d{2})(?![\d.])")),
    ("exact date", re.compile(r"\b(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])\b")),
    # a day of the month alone is an element of a date (Safe Harbor): "discharged on the 14th"
    (
        "exact date",
        re.compile(
            r"\b(?:on|by|until|till|from|since|for|before|after) the (?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b"
            r"(?! (?:time|times|attempt|try|round|go|one|floor|grade|year|week|day|session)\b)",  # a count, not a date
            re.I,
        ),
    ),
    (
        "appointment day and time",
        re.compile(
            rf"\b(?:{DAY_NAMES})s?\b\.?,?\s+(?:at\s+|@\s*|à\s+|a las\s+)?"
            r"\d{1,2}(?:[:.][0-5]\d|h\d\d|h|\s*(?:am|pm))\b",
            re.I,
        ),
    ),
    ("appointment day and time", re.compile(rf"\b(?:{DAY_NAMES})s?\b\.?,?\s+(?:at|@|à|a las)\s+\d{{1,2}}\b", re.I)),
    ("appointment day and time", re.compile(rf"\b(?:{DAY_NAMES})s?\b\.?,?\s+(?:at\s+)?\d{{1,2}} o'?clock\b", re.I)),
    (
        "appointment day and time",  # a few words between: "Mercredi atelier cuisine 10h", "Thursday group at 3pm"
        re.compile(
            rf"\b(?:{_FULL_DAYS_EN_FR})(?: [a-zà-ÿ'-]+){{1,3}},? (?:at |@ ?|à )?"
            r"\d{1,2}(?:h\d\d|h|:\d\d|\s?(?:am|pm))(?!\w)",
            re.I,
        ),
    ),
    (
        "appointment day and time",  # the time first: "Jade at 5 on Wednesday", "à 14h ce jeudi"
        re.compile(
            rf"\b(?:at|@|à)\s*\d{{1,2}}(?:[:.h][0-5]\d|h)?\s*(?:am|pm)?\s+(?:on|this|next|ce|le)\s+(?:{DAY_NAMES})\b",
            re.I,
        ),
    ),
    (
        "appointment day and time",  # "jeudi 10/10 à 14h30", "Tuesday 3 March at 2pm"
        re.compile(
            rf"\b(?:{DAY_NAMES})\b\.?,?\s+(?:\d{{1,2}}(?:/\d{{1,2}})?|\d{{1,2}}\s+\w+)\s*,?\s+(?:at|@|à|a las)\s+"
            rf"\d{{1,2}}(?::\d\d|h\d\d|h|\s*(?:am|pm))?",
            re.I,
        ),
    ),
    (
        "appointment time",
        re.compile(
            rf"\b(?:appointment|appt|session|cita|rendez-vous|rdv|consultation|consult)\b[^.!?\n]{{0,30}}?"
            rf"\b(?:at|a las|de las|à|a)\s+{_TIME}",
            re.I,
        ),
    ),
    (
        "date of birth",  # a birthday post: "turned 100 today", "happy 21st birthday", "would have been 90 today"
        re.compile(
            r"\b(?:turn(?:ed|s|ing)|would have been|will be|is) \d{1,3} (?:today|tomorrow|yesterday|this week)\b"
            r"|\bhappy (?:\d{1,3}(?:st|nd|rd|th)|[a-z]+(?:first|second|third|th)) (?:birthday|bday)\b"
            r"|\b(?:his|her|their) \d{1,3}(?:st|nd|rd|th)(?: birthday| bday)?(?= today| tonight| this week)"
            r"|\b(?:a eu|aura|vient d'avoir|a f[eê]t[eé] ses|f[eê]te ses|f[eê]tera ses) \d{1,3} ans "
            r"(?:aujourd'hui|demain|hier|cette semaine|ce week-end)",
            re.I,
        ),
    ),
    (
        "age over 89",  # Safe Harbor: an age over 89 identifies ("turned 100", "Léon, nonante-deux ans")
        re.compile(
            r"\b(?:9\d|1[01]\d) ?(?:years? old|yrs? old|y/?o|yo|ans)\b"
            r"|\b(?:turned|fête ses|fete ses|ses) (?:9\d|1[01]\d)\b"
            r"|\b(?:nonante|quatre-vingt-dix)(?:[- ](?:et[- ])?(?:un|deux|trois|quatre|cinq|six|sept|huit|neuf))? ans\b"
            r"|\b(?:9\d|1[01]\d)(?:st|nd|rd|th) (?:birthday|bday)\b|\b(?:9\d|1[01]\d)(?:e|ème|eme) anniversaire\b",
            re.I,
        ),
    ),
    (
        "appointment day and time",  # "today at 4", "tonight at 6:30", a birth "yesterday at 10"
        re.compile(
            r"\b(?:today|tonight|tomorrow|yesterday|this (?:morning|afternoon|evening))\b[^.!?\n]{0,50}?"
            r"\b(?:at|@)\s*\d{1,2}(?::\d\d)?\s*(?:am|pm)?\b"
            r"|\b(?:aujourd'hui|ce matin|cet aprem|cet apr[eè]s-midi|ce soir|demain|hier)\b[^.!?\n]{0,15}?"
            r"(?:\b(?:à|a|vers|dès|des)\s+)?\b\d{1,2}\s?h(?:\d\d)?\b"
            r"|\b(?:hoy|ma[nñ]ana|esta (?:ma[nñ]ana|tarde|noche))\b[^.!?\n]{0,50}?\ba las\s+\d{1,2}(?::\d\d)?\b",
            re.I,
        ),
    ),
    (
        "appointment time",  # a visit or a call arranged at an hour: "I'll see you at 11", "je passe vous voir à 21h"
        re.compile(
            r"\b(?:see (?:you|u|ya|him|her|them)|come|coming|pop (?:in|round|by)"
            r"|(?:call|ring)(?:ing)? (?:you|u|him|her)|je (?:passe|viens|repasse)"
            r"|passer (?:la|le|vous|te) voir|(?:vous|te|la|le) voir)\b"
            r"(?:(?!\b(?:today|tonight|tomorrow|demain|aujourd'hui|ce soir)\b)[^.!?\n]){0,25}?"  # not "today at 4"
            rf"\b(?:at|@|à|vers)\s*{_TIME}\b{_NOT_A_COUNT}",
            re.I,
        ),
    ),
    (
        "appointment time",  # a care event at an hour: "her first exposure at 11", "the 2pm family meeting"
        re.compile(
            r"\b(?:exposure|review|home visit|visit|meeting|court|hearing|scan|injection|infusion|chemo|housing"
            r"|r[ée]union|bilan|audience|visite|prise de sang|pansement|synth[èe]se)\b[^.!?\n]{0,20}?"
            rf"\b(?:at|@|à)\s*{_TIME}\b{_NOT_A_COUNT}"
            r"|\b\d{1,2}(?::\d\d)?\s?(?:am|pm) (?:family meeting|meeting|review|visit|appointment|appt|session|clinic"
            r"|court|hearing)\b",
            re.I,
        ),
    ),
    (
        "appointment day and time",  # the hour before its day: "housing at 4 tomorrow", "à 14h demain"
        re.compile(
            rf"\b(?:at|@|à)\s*{_TIME}\s+(?:tomorrow|tmrw|tmw|tonight|today|demain|ce soir|aujourd'hui)\b",
            re.I,
        ),
    ),
    (
        "appointment day and time",  # moving an appointment: "move thurs to 4", "do 4 instead of 3:30 tmrw"
        re.compile(
            rf"\b(?:move|moved|moving|change|changed|switch|swap|push|bump|reschedule|rescheduled)\b[^.!?\n]{{0,25}}?"
            rf"\b(?:{DAY_NAMES}|tomorrow|tmrw|tmw|next week)(?:'s)?\b[^.!?\n]{{0,20}}?"
            r"\b(?:to|till|until)\s+\d{1,2}(?:[:.][0-5]\d)?(?:\s*(?:am|pm))?\b"
            rf"|\b(?:do|make it|come at)\s+\d{{1,2}}(?:[:.][0-5]\d)?\s*(?:am|pm)?\s+instead of\s+\d{{1,2}}",
            re.I,
        ),
    ),
    (
        "appointment day",  # "her appointment today", "votre consultation de mardi", "the ward round the morn"
        re.compile(
            r"\b(?:appointment|appt|rdv|rendez-vous|consultation|follow-up|intake|ward round)s?\b"
            r"(?: (?:is|was|on|de|du|for|this|ce|le))? (?:today|tonight|tomorrow|tmrw|this morning|this afternoon|"
            rf"the morn|aujourd'hui|ce matin|cet apr[eè]s-midi|ce soir|demain|(?:{DAY_NAMES})s?)\b"
            r"|\b(?:today|tonight|tomorrow)'s (?:appointment|appt|consultation|follow-up|intake)\b",
            re.I,
        ),
    ),
    (
        "record number",
        re.compile(
            r"\b(?:mrn|medical record|record|chart|case|account|acct|member|policy|patient id|client id|dossier|dob)"
            r"\s*(?:no\.?|number|#|n°|num)?\s*[:#]?\s*(?=[\w-]*\d)[A-Z0-9-]{4,}\b",
            re.I,
        ),
    ),
)


_SLOT_TIME = r"(?:\d{1,2}(?::\d\d)?\s?(?:am|pm|o'?clock)|\d{1,2}:\d\d|\d{1,2}h(?:\d\d)?)"
_SLOT_DAY = rf"(?:{DAY_NAMES})s?"
_SLOT = re.compile(
    # the slot: "my Thursday 4pm", "my 4:00 on tuesdays", "my 10am Thursday", "my Thursday 2 is"
    rf"\b(?:my|mon|ma) (?:{_SLOT_DAY} (?:at )?(?:{_SLOT_TIME}|\d{{1,2}}(?= (?:is|was|has|had)\b))"
    rf"|{_SLOT_TIME},? (?:on )?{_SLOT_DAY})"
    # ... used as a person: a verb or a person noun follows ("is a carer", "fella hit", "depot lady")
    r"(?= (?:is|was|has|had|just|cancel+ed|no-showed|didn'?t|brought|told|said|asked|came|hit|got|est|a|vient"
    r"|fella|lady|guy|gent|man|woman|kid|girl|boy|lad|lass|client|patient|couple|family|mum|mom|dad|teen|student"
    r"|vet|regular|home visit|depot|patiente|cliente)\b|\s?:)"
    # or named as one: "the Tollefsons are my wednesday 6pm"
    rf"|\b(?:are|is|was|were) my {_SLOT_DAY} {_SLOT_TIME}",
    re.I,
)


def client_slots(text: str) -> list[Evidence]:
    """Weekly appointment slots that stand for a client ("my Thursday 4pm is a carer", "my 10am Thursday depot
    lady", "the Tollefsons are my wednesday 6pm"): the slot points at one person on the owner's caseload, and
    its weekday and time are a Safe Harbor identifier of that person. A time without a weekday ("my 9am
    cancelled") is a day's schedule, not a person's identifier."""
    return [
        Evidence(m.start(), m.end(), m.group(), "appointment day and time (a client's slot)")
        for m in _SLOT.finditer(text)
    ]


def addressed_clients(record: AnyRecord, ctx: CheckContext) -> list[ClientMatch]:
    """The client whose post a comment answers: the comment is addressed to them ("see you Thursday at 10")."""
    owner = record.target_owner if isinstance(record, Comment) else None
    if owner is None or owner.is_empty:
        return []
    found = match_person(ctx, owner, record.platform)
    return [client_match(found.client, f"comment on the client's post ({found.how})", found.score)] if found else []


def addressed_relatives(record: AnyRecord, ctx: CheckContext) -> list[ClientMatch]:
    """The client whose relative's post a comment answers, the notes naming that relative ("mum Lupe"): "He's doing
    so well Lupe. See you both Thursday at 10 for his injection" is about the client's care. Read only with a health
    detail or an identifier the rules find (a birthday wish to the mother is not)."""
    owner = record.target_owner if isinstance(record, Comment) else None
    if owner is None or owner.is_empty:
        return []
    return [
        client_match(c, "comment on a relative's post (named in the notes)", 0.7)
        for c in relative_of(ctx, owner, record.platform)
    ]


def named_in_care_thread(
    record: AnyRecord, a: TextAnalysis, ctx: CheckContext, partners: set[str]
) -> list[ClientMatch]:
    """Clients named by first name in a message that holds a health detail about them, in a thread with someone
    who is not a client (a parent or carer writing "Hunter had another panic attack", the owner answering "Can
    you bring Kacey-Leigh Thursday at 3.30?"). The message is about that person's care; in a thread the words
    around a first name are too few for client-mention to confirm it."""
    if not isinstance(record, Thread) or not a.phi_health_hits():
        return []  # no health detail anywhere: no second name scan of the thread
    found: list[ClientMatch] = []
    for hit in ctx.matcher.find_in_text(a.text, record.platform):
        if hit.client.id in partners or any(c.id == hit.client.id for c in found):
            continue
        if not a.text[hit.start : hit.start + 1].isupper() or judge_weak(a, hit)[0]:
            continue  # a word, or somebody else ("my sister Hope", "Ruby (my daughter)")
        if a.phi_health_hits(a.segment_of(hit.start)):
            found.append(client_match(hit.client, f"{hit.how} in a message about their care", 0.7))
    return found


def named_beside_a_fact(a: TextAnalysis, ctx: CheckContext) -> list[ClientMatch]:
    """Clients named by a capitalised first name that client-mention did not confirm ("Joy", "Hazel", "Autumn" read
    as words), in a segment that holds a health detail and a detail of that client's notes besides the name ("Joy
    was brighter today, the sertraline is finally doing something", notes "sertraline"; "Hazel in room 9 … her
    sodium was 128", notes "room 9"): the name, a fact of the notes and a health detail are three signs of one
    client. A name that fits two clients with such a fact identifies neither."""
    found: dict[str, ClientMatch] = {}
    ambiguous: set[str] = set()
    if not a.phi_health_hits():
        return []
    for hit in ctx.matcher.hits_to_hide(a.text):  # the scan's own hits leave out a first name read as a word
        if hit.how != "first_name" or not a.text[hit.start : hit.start + 1].isupper() or judge_weak(a, hit)[0]:
            continue
        seg = a.segment_of(hit.start)
        part = seg if len(a.segments) > 1 else None
        if not a.phi_health_hits(part):
            continue
        key = fold(hit.text)
        for client in hit.candidates or (hit.client,):
            if not fact_beside_name(a, ctx, part, client.id, hit.text):
                continue
            if key in found and found[key].id != client.id:
                ambiguous.add(key)
            how = f"{hit.how} next to a detail of the notes and a health detail"
            found.setdefault(key, client_match(client, how, 0.6))
    return [c for k, c in found.items() if k not in ambiguous]


def described_in_care(a: TextAnalysis, ctx: CheckContext) -> list[ClientMatch]:
    """Clients whose notes a text shares two details with, in a segment that holds a health detail: too little for
    client-mention without work context, but the notes and a health detail of the same person. Details that fit
    two clients' notes identify neither."""
    found: list[ClientMatch] = []
    for seg in a.segments:
        part = seg if len(a.segments) > 1 else None
        if not a.phi_health_hits(part):
            continue
        fits = [client for client, common in described_by_notes(a, ctx, part) if details_of_someone(a, part, common)]
        if len(fits) == 1 and fits[0].id not in {c.id for c in found}:  # details that fit two clients fit neither
            found.append(client_match(fits[0], "described by the notes next to a health detail", 0.5))
    return found


def identified_clients(
    record: AnyRecord, a: TextAnalysis, ctx: CheckContext
) -> tuple[Mentions, list[ClientMatch], list[ClientMatch]]:
    """Who the record's text is about: the client-mention findings, every identifiable client (named or
    described, the thread partner, the owner of the post a comment answers, a client named in a care thread, or
    else a client the notes describe next to a health detail) and the thread partners among them."""
    mentions = mentions_for(record, ctx)
    clients = list(mentions.clients)
    partners = thread_partner_clients(record, ctx)
    named = [] if partners else named_in_care_thread(record, a, ctx, {c.id for c in clients})
    addressed = addressed_clients(record, ctx)
    if not (clients or partners or named or addressed or mentions.described):
        named = named_beside_a_fact(a, ctx)
    if not (clients or partners or named or addressed or mentions.described):
        named = described_in_care(a, ctx)
    for c in partners + addressed + named:
        if c.id not in {m.id for m in clients}:
            clients.append(c)
    return mentions, clients, partners


def find_identifiers(text: str, region: str = "US") -> list[Evidence]:
    """Safe Harbor identifiers in ``text``: phones (phonenumbers), e-mails, dates, appointment times, numbers, URLs."""
    found: list[Evidence] = find_phones(text, region)
    for label, rx in IDENTIFIER_PATTERNS:
        for mm in rx.finditer(text):
            if any(e.start <= mm.start() < e.end for e in found):
                continue
            written = mm.group().rstrip()  # "today at 4 " (a time's optional "am"/"pm" lets the space in)
            found.append(Evidence(mm.start(), mm.start() + len(written), written, label))
    return sorted(found, key=lambda e: (e.start, e.end))


def _covered(e: Evidence, found: list[Evidence]) -> bool:
    return any(f.start < e.end and e.start < f.end for f in found)


def phi_severity(audience: Audience) -> Severity:
    """Critical in public, medium only-me, high otherwise (friends, unknown, messages)."""
    return {
        Audience.PUBLIC: Severity.CRITICAL,
        Audience.UNLISTED: Severity.CRITICAL,
        Audience.PRIVATE: Severity.MEDIUM,
    }.get(audience, Severity.HIGH)


_COUNTRY_REGIONS = (
    (r"france|\b(?:paris|lyon|marseille|toulouse|lille|bordeaux|nantes|strasbourg)\b", "FR"),
    (r"united kingdom|\buk\b|england|scotland|wales|northern ireland|\b(?:london|manchester|salford|glasgow)\b", "GB"),
    (r"canada|qu[eé]bec|montr[eé]al|ontario|toronto", "CA"),
    (r"belgi(?:que|um|e)|bruxelles|brussels", "BE"),
    (r"suisse|switzerland|schweiz|gen[eè]ve|geneva|lausanne", "CH"),
    (r"ireland|[eé]ire|dublin", "IE"),
    (r"australia|sydney|melbourne", "AU"),
    (r"deutschland|germany|berlin", "DE"),
    (r"espa[nñ]a|spain|madrid|barcelona", "ES"),
)


def region_from_workplace(address: str | None, city: str | None) -> str | None:
    """The phone region the workplace's address or city names (``Lyon, France`` → ``FR``), or ``None``."""
    where = f"{address or ''}, {city or ''}".casefold()
    return next((code for rx, code in _COUNTRY_REGIONS if re.search(rx, where)), None)


def _region(ctx: CheckContext) -> str:
    region = ctx.policy.extra.get("region") or ctx.policy.extra.get("country")
    if not region:
        wp = ctx.policy.workplace
        region = region_from_workplace(wp.address, wp.city)
    return str(region or "US").upper()


class PhiIdentifierCheck(Check):
    __doc__ = __doc__
    id: ClassVar[str] = "phi-identifier"
    category: ClassVar[Category] = Category.PHI_IDENTIFIER
    kinds: ClassVar[frozenset[Kind]] = frozenset({Kind.POST, Kind.COMMENT, Kind.THREAD, Kind.PLACE, Kind.PROFILE})

    def run(self, record: AnyRecord, ctx: CheckContext) -> Iterable[Finding]:
        """One finding when an identifiable client's health detail or identifiers are in the record's text."""
        if not written_by_owner(record):
            return ()
        a: TextAnalysis = analysis_for(record, ctx)
        if not a.text.strip():
            return ()
        mentions, clients, partners = identified_clients(record, a, ctx)
        slots = client_slots(a.text)
        kin = [] if clients or mentions.described else addressed_relatives(record, ctx)
        if not clients and not mentions.described and not slots and not kin:
            return ()
        health = [h.evidence("health information about the client") for h in a.phi_health_hits()]
        health += milestone_details(a)
        if partners:  # the client's own messages and the owner's answer to them
            health += crisis_referrals(a) + own_anniversaries(a) + own_milestones(a)
        if not health:
            slots = []  # a slot identifies the person a health detail is about; alone it is a day's schedule
            if not clients and not mentions.described and not kin:
                return ()
        identifiers = find_identifiers(a.text, _region(ctx))
        identifiers += [e for e in slots if not _covered(e, identifiers)]
        if kin:  # a relative's post: the rules' details only, never the learned model's reading
            if not health and not identifiers:
                return ()
            clients = kin
        learned = [] if health or identifiers else narrative_health(record, a, ctx, partner=bool(partners))
        if not health and not identifiers and not learned:
            return ()
        health += learned
        kinds = sorted({e.reason for e in identifiers} | ({"health detail"} if health else set()))
        where = describe_where(record, a.audience)
        name, handle = ref_name(record)
        conf = max((c.score for c in clients), default=0.5) * (0.7 if learned else 0.95)
        return (
            Finding(
                check=self.id,
                category=self.category,
                severity=phi_severity(a.audience),
                confidence=round(conf, 2),
                title=f"Client health information or identifiers in {where}",
                message=f"{', '.join(kinds).capitalize()} tied to an identifiable client in {where}. "
                "This is protected health information: remove it from the platform.",
                platform=record.platform,
                record=record_ref(record, name=name, handle=handle, text=a.text),
                evidence=tuple(sorted(health + identifiers + mentions.evidence, key=lambda e: (e.start, e.end))),
                clients=tuple(clients),
                remediation=remediation_for(self.category, record.platform),
            ),
        )
