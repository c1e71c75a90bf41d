"""Clients named or described in what the account owner wrote, found once per record and shared by the
checks that read text (client-mention, phi-identifier, work-related-post).

A client's full name or handle counts with any work or health context; a first name or nickname alone only
when the same text is about clinical work; a description that points at one person (age, condition,
school, team, relative, or facts from the client list's notes column) counts too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from checks.analysis.identifiers import EMAIL, MIN_PHONE_DIGITS, digit_runs, phone_key, phones_in_notes
from checks.analysis.normalize import fold
from checks.analysis.notes_match import (
    clients_with_notes_in,
    confirms_name,
    described_by_notes,
    fact_beside_name,
    listed_clients,
    notes_overlap,
    self_evident,
    separate_details,
)
from checks.analysis.people import match_person, public_name_words, shares_public_name
from checks.analysis.word_lists import word_set
from checks.analysis.work_model import record_kind, signals_of, work_probability
from checks.base import CLIENT_DETAIL, CLIENT_NAME, CheckContext, ClientMatch, Evidence
from checks.matching import NameHit, lowercase_name_use, other_generation_named
from checks.names import SURNAME_TITLES, TITLES, is_known_given_name, is_word, word_names
from checks.text import (
    WORK_THRESHOLD,
    Segment,
    TextAnalysis,
    analysis_for,
    ends_with_phrase,
    has_any_phrase,
    has_phrase,
    lexicons,
    words,
    words_before,
    written_by_owner,
)
from scanner.clients import Client
from scanner.records import AnyRecord, Audience, Comment, Person, Thread

WEAK_CONTEXT = 1.5
"""Work score a first name / nickname needs in its own text (message) to count as a client."""
STRONG_CONTEXT = 0.5
"""Work or health score a full name needs (a namesake in a text about something else is not a client)."""
NAME_DECISION = 0.65
"""The vocabulary model's probability, with the name counted as a client's, that confirms a first name or
nickname the lexicons alone do not (measured on the locked corpora: 0.5 gave more recall at 3 to 7 points of
precision, 0.75 gave half the recall gain; eval/README.md)."""
NOTES_NAME_DECISION = 0.4
"""The vocabulary model's probability that confirms a first name next to an uncommon word or the age that the
client's notes give (:func:`confirms_name`: "Ozzie came to his session dressed as a Lego minifig", notes "loves
Lego"). On the tuning corpora, at 0.4: 14 more right, 2 more false (one since fixed); at 0.5: 10 right, 1 false;
with no model at all, 19 right for 24 false (the owner's daughter sharing a client's first name and town)."""
FULL_NAME_KINDS = frozenset({"full_name", "first_last", "reversed", "alias", "nickname"})
"""Name hits that are a client's full name (a nickname with the surname too: "Momo El Khattabi"): mentions
wherever they appear, with or without work context."""
_NEAR = 200
"""Characters around a name that the judgement of a name reads (never the whole text: one text may hold
thousands of names)."""

_AGE = re.compile(r"(?i)\b(?:the|a|an|this|that|our)\s+\d{1,2}[- ]?(?:year[- ]old|y/?o|yo|ans)\b(?!s)")
_BARE_AGE = re.compile(r"(?i)\bde \d{1,2} ans\b|(?<=\w), \d{1,2}(?: ans)?,")  # "ma patiente de 84 ans", "Ty, 19,"
_ROLE = re.compile(  # a person the clinician serves, pointed at one by one ("my new participant", "ma patiente")
    r"(?i)\b(?:(?:my|our|a|one of (?:my|our|the))\s+(?:new\s+|old\s+|former\s+|current\s+)?"
    r"(?:[A-Z][\w'’-]+\s+)?(?:client|patient|participant|resident|student|service user|consumer|"
    r"boys|girls|lads|ladies|guys|regulars)s?"
    r"|(?:ma|mon|notre|une?)\s+(?:nouvelle?\s+|ancienne?\s+)?(?:patiente?|cliente?|r[ée]sidente?|[ée]l[eè]ve|"
    r"participante?|usag[eè]re?|b[ée]n[ée]ficiaire))\b"
)
_FROM_PLACE = re.compile(r"\bfrom (?:the )?[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?|\boriginaire d(?:e |')[A-Z][\w'’-]+")
_ORG = re.compile(
    r"\b(?:[A-Z][\w'&.-]+\s+){1,3}(?:High|Middle|Elementary|School|College|University|Academy|Steel|Inc|Corp|"
    r"Company|Foods|Bank|Hospital|Church|Team|Club|Lycée|Collège)\b"
)
_TEAM = re.compile(r"(?i)\b(?:varsity|jv|junior varsity|wrestling|football|basketball|soccer|hockey|swim)\s+team\b")
_RELATIVE = re.compile(
    r"(?i)\b(?:whose\s+(?:dad|mom|father|mother|husband|wife|son|daughter|parents?|brother|sister|spouse)|"
    r"the\s+\w+'s\s+(?:son|daughter|kid|wife|husband|mom|dad))\b"
)


@dataclass
class Mentions:
    """The clients found in one record's text, and how."""

    clients: list[ClientMatch] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    described: bool = False  # a unique description (with or without a listed client)
    named: bool = False  # at least one client by name or handle
    by_first_name: dict[str, str] = field(default_factory=dict)
    """Clients found by a first name alone and its context (client id → the name, folded)."""
    personal_first_names: frozenset[str] = frozenset()
    """Client first names (folded) in a text with no work or health words at all: the owner's own life."""
    by_words_only: set[str] = field(default_factory=set)
    """First names (folded) that the vocabulary model alone confirmed: no work or health word next to them."""
    by_full_name_alone: set[str] = field(default_factory=set)
    """Clients (ids) found by a full name or alias with no work or health word around it ("Tom Jones in Cardiff
    Bay tonight"): the person the name identifies, who may be a famous namesake."""

    def full_names_alone(self) -> frozenset[str] | None:
        """The client ids when every client here was found by a full name alone, with no work or health word, handle,
        first name in context or description; ``None`` otherwise."""
        ids = frozenset(c.id for c in self.clients)
        if not ids or self.named or self.described or not ids <= self.by_full_name_alone:
            return None
        return ids

    def add(self, match: ClientMatch, ev: Evidence) -> None:
        """Add a client (once; the best match wins) and its evidence."""
        for i, c in enumerate(self.clients):
            if c.id == match.id:
                if match.score > c.score:
                    self.clients[i] = match
                break
        else:
            self.clients.append(match)
        self.evidence.append(ev)

    def first_names_alone(self) -> frozenset[str] | None:
        """The first names (folded) when every client here was found by a first name alone, with no full name,
        handle or description (what the household rule may still set aside); ``None`` otherwise."""
        names = [self.by_first_name.get(c.id) for c in self.clients]
        if not names or self.described or not all(names):
            return None
        return frozenset(n for n in names if n)


def client_match(client: Client, how: str, score: float) -> ClientMatch:
    """A :class:`ClientMatch` for a client."""
    return ClientMatch(
        id=client.id, match=how, score=round(score, 2), status=client.status, name=client.name, initials=client.initials
    )


def _surname_initials(client: Client) -> set[str]:
    names = [client.name, *client.aliases]
    return {fold(n.split()[-1])[:1] for n in names if len(n.split()) > 1}


def _surnames(client: Client) -> set[str]:
    return {fold(n.split()[-1]) for n in (client.name, *client.aliases) if len(n.split()) > 1}


WORD_AT_START = "an ordinary word at the start of a sentence"
"""Why a name that is also a word is not a name when a pronoun or a determiner follows ("Will you", "Hope this")."""


def judge_weak(a: TextAnalysis, hit: NameHit) -> tuple[str | None, str]:
    """Whether a first-name / nickname hit is a client: (why not, or None) and the form ("name", "initial", "cue")."""
    lex = lexicons()
    text = a.text
    if (
        hit.word_name
        and not text[hit.start : hit.start + 1].isupper()
        and not lowercase_name_use(text, hit.start, hit.end)
    ):
        return "an ordinary word, not a name", "name"
    seg = a.segment_of(hit.start)
    if hit.how == "first_name" and text[hit.start : hit.start + 1].islower() and _capitalises_names(text, seg):
        return "a word: the writer capitalises names, not this one ('lots of aroha … on Monday')", "name"
    before = words_before(text, a.segment_of(hit.start).start, hit.start, folded=False)
    sentence_start = _sentence_start(text, hit.start)
    after_words = words(fold(text[hit.end : hit.end + 40]))
    # "Will you" (a word), not "Grace, she ..." (a name)
    joined = re.match(r"\s+\w", text[hit.end : hit.end + _NEAR]) is not None
    if hit.word_name and sentence_start and joined and after_words[0] in lex.people.get("word_use_after", ()):
        return WORD_AT_START, "name"
    if p := ends_with_phrase(before, lex.people.get("relations", ()), 3):
        return f"somebody else ('{p}' before the name)", "name"
    cue_before = ends_with_phrase(before, lex.people.get("client_cues", ()), 3)
    if not cue_before and (p := _apposition(text, hit.end)):  # "my client Elizabeth (my Liz, ...)": the client
        return f"somebody else ('{p}' after the name)", "name"
    if p := _possessive_before(text, hit.start):
        return f"somebody's or something's ('{p}' before the name)", "name"
    if _compound_part(text, hit.start, hit.end):
        return "part of a hyphenated name (a place, a saint, another person)", "name"
    if _VERSE.match(text, hit.end):
        return "a book of the Bible ('1 John 4:18')", "name"
    form = "name"
    nxt = re.match(r"(?:\s+|'s\s+)([A-Z][\w'’-]*)(\.)?", text[hit.end : hit.end + _NEAR])
    if nxt and text[hit.end : hit.end + 1] in "'’":
        nxt = None  # "Ossie's GP", "Nóra's GAD-7": a possessive, not a surname (shop names are the matcher's)
    if nxt:
        word = nxt.group(1)
        if len(word) == 1:
            if fold(word) not in _surname_initials(hit.client):
                return "another surname initial", "name"
            form = "initial"
        elif fold(word) in _surnames(hit.client):
            form = "initial"  # the matcher gave the first name only; the surname follows
        elif fold(word) not in _NOT_SURNAMES and not _looks_like_sentence_word(text, hit.end, nxt):
            return "followed by another surname", "name"
    if len(hit.text.split()) > 1 and len(hit.text.split()[-1].strip(".")) == 1:
        form = "initial"
    if cue_before or _lost_touch(a, hit):
        form = "cue"
    elif hit.how == "title_surname" or (before and _is_title(before[-1], text[max(0, hit.start - 20) : hit.start])):
        form = "titled"  # "Mme Collard", "Mr. Hollis", "Miss Opal": how carers speak of the people they look after
    return None, form


def _capitalises_names(text: str, seg: Segment) -> bool:
    """Whether the writer of a text (one message of a thread) capitalises a name inside a sentence ("in Wellington",
    "Abuela Chela"; not a weekday or a month, which many who write names in lower case capitalise): a name they write
    in lower case is then a word of the language ("lots of aroha to everyone"), not a person."""
    for m in _CAPITALISED.finditer(text, seg.start, seg.end):
        word = _WORD_AT.match(text, m.start())
        if word and fold(word.group()) not in _NOT_SURNAMES and not _sentence_start(text, m.start()):
            return True
    return False


_WORD_AT = re.compile(r"[\w'’]+")


_VERSE = re.compile(r"\s?\d{1,3}:\d{1,3}\b")
"""A chapter and verse after a name: "John 3:16", "Mark 10:45", "1 Samuel 16:7" are books of the Bible."""
_TITLES_ALSO_WORDS = word_set("names", "titles_also_words")


def _is_title(word: str, written_before: str) -> bool:
    """Whether the word before a first name (folded; ``written_before``: the text before the name as written) is a
    title ("Mr.", "Mme", "Miss"); a title that is also an ordinary word only with a capital ("I really miss john"
    is the verb)."""
    folded = word.rstrip(".").casefold()
    if folded not in SURNAME_TITLES:
        return False
    return folded not in _TITLES_ALSO_WORDS or written_before.rstrip(" .").endswith(folded.capitalize())


def _lost_touch(a: TextAnalysis, hit: NameHit) -> bool:
    """ "Kendra, if you ever see this": a public word to someone the clinician lost touch with."""
    after = " ".join(words(fold(a.text[hit.end : hit.end + 40])))
    return any(after.startswith(p) for p in lexicons().people.get("client_cues_after", ()))


def _sentence_start(text: str, pos: int) -> bool:
    """Whether ``pos`` opens the text or follows a sentence end, a line break or an opening quote / bracket."""
    lo = max(pos - _NEAR, 0)
    body = text[lo:pos].rstrip()
    if "\n" in text[lo + len(body) : pos]:
        return True
    return (pos == 0) if not body else body[-1] in '.!?…"“('


_APPOSITION = re.compile(r"\s*[,(]\s*((?:my|our|mon|ma|mes|notre|nos)\s+[^\d,.;:!?()\n]{1,25}?)\s*[,.;:!?)\n]")


_RELATION_APPOSITION = re.compile(
    r"(?i)\s*[,(]\s*((?:(?:the|le|la)\s+|l['’]|[^\W\d_]+['’]s\s+)[^\d,.;:!?()\n]{1,25}?)\s*[,.;:!?)\n]"
)
"""An apposition that may name someone's relation ("Luc, le copain de Zoé,", "Luc, Zoé's boyfriend,")."""


def _apposition(text: str, end: int) -> str | None:
    """What follows the name as an apposition with a possessive ("Ti-Guy, mon oncle,", "Nath (notre IC)", "Ruby
    (my daughter)"): someone the owner is related to or works with, unless it says the person is a client."""
    m = _APPOSITION.match(fold(text[end : end + 40]))
    if not m or has_any_phrase(m.group(1), lexicons().people.get("client_cues", ())):
        return None
    return m.group(1)


def _relative_of_someone(ctx: CheckContext, text: str, end: int, platform: str) -> bool:
    """Whether the name is followed by an apposition naming a relation of someone who is no client ("Luc, le
    copain de Zoé,", "Luc, Zoé's boyfriend,"): a person of the owner's circle. The relative of a client ("Inès,
    la maman de Tom,") may be a client too, and stays one."""
    m = _RELATION_APPOSITION.match(text, end)
    if not m:
        return False
    phrase = fold(m.group(1))
    relations = lexicons().people.get("relations", ())
    if not any(has_phrase(phrase, w) for w in relations if len(w) > 3):
        return False
    return not (
        has_any_phrase(phrase, lexicons().people.get("client_cues", ()))
        or ctx.matcher.find_in_text(m.group(1), platform)
    )


_OWNER_BEFORE = re.compile(r"(?<![\w'’])([^\W\d_][\w-]*['’]s)\s+$")


def _possessive_before(text: str, start: int) -> str | None:
    """A possessive right before the name ("Father's Day", "Dan's Will", "St Patrick's Day"): the name is a thing or
    a person of that owner, not someone the owner writes about as a client ("it's", "that's" are no possessives)."""
    m = _OWNER_BEFORE.search(text[max(0, start - 40) : start])
    if not m:
        return None
    word = m.group(1).replace("’", "'")
    contractions = lexicons().people.get("contractions", ())
    return None if fold(word) in contractions or fold(word) in ("client's", "patient's") else m.group(1)


def _compound_part(text: str, start: int, end: int) -> bool:
    """A first name glued by a hyphen to a capitalised word: ``Sainte-Aurore``, ``Marie-Claire`` for Claire."""
    before, after = text[max(start - 2, 0) : start], text[end : end + 2]
    return bool(re.search(r"[A-Za-zÀ-ÿ]-$", before) or re.match(r"-[A-ZÀ-Þ]", after))


_NOT_SURNAMES = word_set("text", "caps_ok") | {"i've"}
"""Capitalised words after a first name that are no surname ("Kacey Thursday at 3.30", "Ayaan Monday")."""


def _looks_like_sentence_word(text: str, end: int, nxt: re.Match[str]) -> bool:
    """A capitalised word after the name that starts a new clause rather than being a surname."""
    gap = text[end : end + nxt.start(1) - 0]
    return any(c in gap for c in ",;:!?()") or nxt.group(1) in ("If", "And", "But", "So", "The")


def _unique_description(a: TextAnalysis, start: int, end: int) -> list[tuple[str, Evidence]]:
    """Quasi-identifier features (age, condition, school/employer, team, relative, 'the only') in one sentence."""
    text = a.text[start:end]
    feats: list[tuple[str, Evidence]] = []
    features = (
        ("age", _AGE),
        ("bare age", _BARE_AGE),
        ("place", _ORG),
        ("place", _FROM_PLACE),
        ("team", _TEAM),
        ("relative", _RELATIVE),
        ("role", _ROLE),
    )
    for name, rx in features:
        m = rx.search(text)
        if m:
            why = f"identifying detail ({name})"
            feats.append((name, Evidence(start + m.start(), start + m.end(), m.group(), why, CLIENT_DETAIL)))
    for h in a.health_hits():
        if start <= h.start < end:
            feats.append(("condition", h.evidence("identifying detail (condition)")))
            break
    return feats


def _sentences(text: str) -> Iterable[tuple[int, int]]:
    start = 0
    for m in re.finditer(r"[.!?\n]+(?:\s+|$)", text):
        yield start, m.start()
        start = m.end()
    if start < len(text):
        yield start, len(text)


def thread_partner_clients(record: AnyRecord, ctx: CheckContext) -> list[ClientMatch]:
    """Clients who take part in a thread (their thread is a client-message, not a mention)."""
    if not isinstance(record, Thread):
        return []
    out: list[ClientMatch] = []
    for p in dict.fromkeys(record.others()):
        m = match_person(ctx, p, record.platform, incoming=True)
        if m is not None and m.client.id not in {c.id for c in out}:
            out.append(client_match(m.client, f"thread partner ({m.how})", m.score))
    return out


def mentions_for(record: AnyRecord, ctx: CheckContext) -> Mentions:
    """The clients named or described in the record's text (cached per record, shared with phi-identifier)."""

    def compute() -> Mentions:
        a = analysis_for(record, ctx)
        result = Mentions()
        if not a.text.strip() or not written_by_owner(record):
            return result
        partners = {c.id for c in thread_partner_clients(record, ctx)}
        described: set[str] | None = None  # clients the notes column describes here (worked out when needed)
        context: dict[Segment, tuple[float, bool]] = {}
        first_names: set[str] = set()
        writers: set[str] | None = None  # worked out at the first first-name hit (most texts have none)
        named_ids: set[str] = set()  # every client a name in the text may be, judged or not
        scan = ctx.matcher.scan(a.text, record.platform)
        # names read as words unless the notes back them (_backed_by_notes): only a client whose notes share a word
        # with the text can be backed, and most texts share none (a hashed list of 100,000 has no notes, yet nearly
        # every "Will" or "Hope" opening a sentence is one of its first names)
        noted = clients_with_notes_in(a, ctx) if scan.words_at_start else frozenset()
        backable = [
            h
            for h in (scan.words_at_start if noted else ())
            if any(c.id in noted and fact_beside_name(a, ctx, None, c.id, h.text) for c in h.candidates or (h.client,))
        ]
        at_start = {id(h) for h in backable}
        client_starts = {h.start for h in (*scan.names, *scan.words_at_start)}
        for hit in [*scan.names, *backable, *_lowercase_hits(a.text, ctx, record.platform)]:
            word_at_start = id(hit) in at_start
            if not word_at_start:
                named_ids.add(hit.client.id)
            if hit.client.id in partners:
                continue
            if hit.how == "first_name":
                writers = _writers_first_names(record, ctx) if writers is None else writers
                if _first_name_key(hit.text) in writers:
                    continue  # "kirsty its cal", "welcome back Amber lol", "— Jordan": a writer, not a client
                if not word_at_start:
                    first_names.add(_first_name_key(hit.text))
            if hit.how == "first_name" and paired_with_someone_else(a.text, hit, client_starts):
                continue  # "Karl and Nancy", "Jalen and Naomi built a snowman": two people of the owner's own life
            if not hit.strong and (
                _someone_elses_name(record, ctx, a.text, hit)
                or _addressed_in_reply(a.text, hit)
                or _cut_off(a.text, hit)
            ):
                continue
            seg = a.segment_of(hit.start)
            if (
                isinstance(record, Thread)
                and not hit.strong
                and (_vocative(a.text, seg, hit) or _introduces_self(a.text, seg, hit))
            ):
                continue  # greeting the person one writes to, or signing one's message: not a mention
            if seg not in context:  # once per segment, not once per name: a text may name many people
                context[seg] = _context(a, seg, isinstance(record, Thread))
            score, health = context[seg]
            if hit.strong:
                handle = "handle" in hit.how or hit.text.startswith("@")
                full = hit.how in FULL_NAME_KINDS  # a full name anywhere is a mention (DESIGN.md section 7)
                if (
                    full
                    and not (handle or score >= STRONG_CONTEXT or health or _lost_touch(a, hit))
                    and _about_public_figure(a, ctx, hit, seg)
                ):
                    continue  # "Michael Jordan would never have let this happen": the namesake, not the client
                if handle or full or score >= STRONG_CONTEXT or health:
                    in_context = score >= STRONG_CONTEXT or health
                    conf = 0.95 if (handle or health or score >= WORK_THRESHOLD) else 0.8 if in_context else 0.7
                    result.add(client_match(hit.client, hit.how, conf), _ev(hit, "client's name or handle"))
                    if full and not (handle or in_context or _said_local(a)):
                        result.by_full_name_alone.add(hit.client.id)
                    # a name or handle alone ("congrats Jane Doe!") identifies the client, but does not by
                    # itself make the text about your clinical work
                    result.named = result.named or in_context
                continue
            if _inside_handle(a.text, hit):
                continue  # "@Matthew_Day yeah...at work": another account (a listed handle is a strong hit)
            why_not, form = judge_weak(a, hit)
            if not why_not and score < WEAK_CONTEXT and not health and in_list_of_names(a.text, hit.start, hit.end):
                continue  # "1. Emily 2. Luke 3. Miss Patty": a ranking or a cast, not a client
            word_use = why_not == WORD_AT_START  # "Faith you legend": as "Will you", unless the notes say otherwise
            if why_not and not (word_at_start and word_use):
                continue
            if word_at_start:
                if _word_after(a.text, hit.end) in _WORD_PHRASE_NEXT:
                    continue  # "Grâce à Dieu"
                backed = _backed_by_notes(a, ctx, seg, hit, not word_use and (score >= WEAK_CONTEXT or health))
                if backed is None:
                    continue
                hit = replace(hit, client=backed)
                named_ids.add(backed.id)
                form = "described"  # the name and a fact of that client's notes: two signs of one person
            if described is None:
                described = {c.id for seg in a.segments for c, _ in described_by_notes(a, ctx, _seg(a, seg))}
            if hit.client.id in described:
                form = "described"
            elif form == "initial" and notes_overlap(a, ctx, _seg(a, seg), hit.client.id):
                form = "described"  # "Rowan D. ... exams in UCC": name, initial and a fact from the notes
            need = _NEED.get(form, WEAK_CONTEXT)
            # a name that is also a word ("Faith", "Hunter") with a health detail: in a message, where people
            # write about someone ("Faith came home smiling. First full day without a panic attack"), not in a
            # post, where the detail is as often the owner's own ("9 years clean today")
            confirmed_by_health = health and (form == "initial" or not hit.word_name or isinstance(record, Thread))
            by_context = score >= need or confirmed_by_health
            if by_context or _confirmed_by_words(record, a, ctx, hit, form == "name"):
                conf = {"cue": 0.85, "initial": 0.85, "described": 0.85}.get(form, 0.7)
                conf += 0.1 if score >= WORK_THRESHOLD + 1 else 0
                how = hit.how if form == "name" else f"{hit.how}+{form}"
                reason = (
                    _NOTES_REASON
                    if word_at_start
                    else "client's name in work context"
                    if by_context
                    else _BY_WORDS_REASON
                )
                result.add(client_match(hit.client, how, min(conf, 0.95)), _ev(hit, reason))
                result.named = True
                if how == "first_name" and not health:
                    result.by_first_name.setdefault(hit.client.id, _first_name_key(hit.text))
                    if not by_context:
                        result.by_words_only.add(_first_name_key(hit.text))
        _add_contacts(a, ctx, result, partners)
        _add_relatives(record, a, ctx, result, named_ids, partners)
        _add_descriptions(record, a, ctx, result, partners)
        if first_names and not _context_anywhere(a):
            result.personal_first_names = frozenset(first_names)
        return result

    mentions: Mentions = ctx.cached("client-mentions", record, compute)
    return mentions


_REPLY = re.compile(r"^\s*@\w+")
_ADDRESS_END = re.compile(r"\s*(?:[?!,]|\.(?:\s|$)|$)")
_TO_THE_READER = re.compile(r"(?i)(?:\b(?:you|your|you're|youre|u|ur|thanks|thank you|thx|hi|hey)\b[^.!?\n]*|,\s*)$")


_WORD_PHRASE_NEXT = word_set("text", "word_phrase_next")
_WORD_AFTER = re.compile(r"\s+([^\W\d_]+)")


def _word_after(text: str, end: int) -> str:
    """The word right after ``end`` in lower case, accents kept ("à" is not "a"), or ""."""
    m = _WORD_AFTER.match(text, end, end + 40)
    return m.group(1).casefold() if m else ""


def _backed_by_notes(a: TextAnalysis, ctx: CheckContext, seg: Segment, hit: NameHit, in_context: bool) -> Client | None:
    """The one client whose notes back a first name that opens a sentence and is also a word ("Joy was a bit brighter
    today, the sertraline is finally doing something", notes "sertraline"): an uncommon word or the age of their
    notes beside it, or (``in_context``: work words or a health detail around it) any detail of their notes but
    an everyday word ("Autumn in room 214", notes "room 214"). None when no client's notes, or two clients', fit."""
    part = _seg(a, seg)

    def backs(client: Client) -> bool:
        if confirms_name(a, ctx, part, client.id, hit.text):
            return True
        facts = fact_beside_name(a, ctx, part, client.id, hit.text)
        return any("|" in f for f in facts) or (in_context and bool(facts))  # "room 214", "PHQ-9 22": a labelled number

    fits = [c for c in hit.candidates or (hit.client,) if backs(c)]
    return fits[0] if len(fits) == 1 else None


def _addressed_in_reply(text: str, hit: NameHit) -> bool:
    """Whether a reply (a text opening with @handles) addresses the name to its reader: the name ends a clause and
    the words before it speak to "you" or set it off with a comma ("@user What are you doing Joe?", "… at the
    Border, Mr. Smith."). The person one replies to is the reader, not a client one writes about; a reply to a
    client carries the client's handle, a mention of its own."""
    if not _REPLY.match(text) or not _ADDRESS_END.match(text, hit.end):
        return False
    return bool(_TO_THE_READER.search(text[max(0, hit.start - 80) : hit.start]))


_CUT = re.compile(r"(?:…|\.\.\.)\s*$")


def _cut_off(text: str, hit: NameHit) -> bool:
    """Whether the text was cut off right after the name, with no space ("in need of Chris…"): the word may go on
    ("Christ", "Christmas"), as in a shared post or a tweet shortened by its export."""
    return _CUT.fullmatch(text, hit.end) is not None


_LIST_MARKER = re.compile(r"(?<!\d)(?:\d{1,2}\s?[.)]|\d\ufe0f?\u20e3)\s*(?=[^\W\d_])")
"""An item number of a numbered list: "1. Luke", "4) Sookie", "4️⃣Sookie", even glued to the item before
("Paris3. Emily")."""
_COMMA_ITEM = re.compile(r"[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*){0,2}")
_SHORT_ITEM = 3
"""The most words an item of a list of names holds (a title and a name, a first name and a surname)."""


_PAIRED_AFTER = re.compile(r"\s+(?:and|&|et)\s+([A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)(?:['’]s)?\b")
_PAIRED_BEFORE = re.compile(r"(?<![\w'’])([A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)\s+(?:and|&|et)\s+$")


def paired_with_someone_else(text: str, hit: NameHit, client_starts: set[int]) -> bool:
    """Whether a first name is joined by "and", "&" or "et" to a capitalised given name that is no client's ("Karl
    and Nancy", "Jalen and Naomi built a snowman", "Mariage de Kevin et Laura"): a couple, two children, two friends
    of the owner's own life. A client is written about alone or beside another client ("Sam and Jo both came to
    group" when both are clients), and a relative is written with a kin word ("Sam and his mum")."""
    after = _PAIRED_AFTER.match(text, hit.end)
    if after and after.start(1) not in client_starts and _someones_name(after.group(1)):
        return True
    lead = max(0, hit.start - 40)
    before = _PAIRED_BEFORE.search(text[lead : hit.start])
    return bool(before and lead + before.start(1) not in client_starts and _someones_name(before.group(1)))


def _someones_name(word: str) -> bool:
    """A capitalised word that reads as somebody's given name: one the nicknames dataset knows, or no ordinary word
    and no title ("Karl", "Naomi"; not "Mom", "Zoom", "Dr")."""
    key = fold(word)
    return key not in TITLES and (is_known_given_name(key) or not is_word(key))


def in_list_of_names(text: str, start: int, end: int) -> bool:
    """Whether the name at ``start:end`` is one item of a list of short items: a ranking or a cast ("1. Emily 2. Luke
    3. Miss Patty 4. Paris", "Lorelai, Rory, Lane, Sookie"), three items at least, each of a few words. Such a list
    names characters, players or favourites; a clinician writing about a client writes a sentence about them."""
    markers = list(_LIST_MARKER.finditer(text))
    if len(markers) >= 3:
        for i, m in enumerate(markers):
            item_end = markers[i + 1].start() if i + 1 < len(markers) else len(text)
            if m.end() <= start < item_end:
                item = re.sub(r"[#@]\w+", " ", text[m.end() : item_end])
                return len(re.findall(r"[^\W\d_]+", item)) <= _SHORT_ITEM
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    line = text[lo : hi if hi >= 0 else len(text)]
    items = [x.strip() for x in re.split(r",|&|\band\b|\bet\b", line)]
    items = [x for x in items if x]
    named = [x for x in items if _COMMA_ITEM.fullmatch(x) and all(w[:1].isupper() for w in x.split())]
    if len(named) < 3 or len(named) < len(items) - 1:  # a lead-in may open the list ("my top 4: Max, ...")
        return False
    here, pos = start - lo, 0
    for raw in re.split(r"(,|&|\band\b|\bet\b)", line):
        if pos <= here < pos + len(raw):
            return raw.strip() in named
        pos += len(raw)
    return False


_INDEFINITE = re.compile(r"(?i)(?<!\w)(?:un|une)\s+$")
"""An indefinite article before a first name ("avec une Lucie et un Karim"): some person of that name, not one the
writer knows as a client."""
_COUPLE = re.compile(r"(?i)\b(?:mr|mrs|m)\.?\s*(?:and|&|et|\+)\s*$")
"""The start of "Mr and Mrs Tan", "M. et Mme Dupont": a married couple (the owner's wedding), not a client by title."""


def _someone_elses_name(record: AnyRecord, ctx: CheckContext, text: str, hit: NameHit) -> bool:
    """Whether a first name or a title and surname is someone else's by what the text says of them: a couple ("Mr and
    Mrs Tan"), the author of the post one comments on ("Happy birthday Mr. Doyle!" on Frank Doyle Sr.'s
    post), or a father or son the text names in full ("Dale Ross Snr's 70th … Honk if you love Dale")."""
    if hit.how == "title_surname" and _COUPLE.search(text[max(0, hit.start - 12) : hit.start]):
        return True
    if _INDEFINITE.search(text[max(0, hit.start - 5) : hit.start]):
        return True
    if _relative_of_someone(ctx, text, hit.end, record.platform):
        return True
    if isinstance(record, Comment) and (author := record.target_owner) is not None and author.name:
        said = set(words(fold(hit.text))) - {fold(t) for t in SURNAME_TITLES}
        author_words = set(words(fold(author.name)))
        if said and said <= author_words:
            found = match_person(ctx, author, record.platform)
            if found is None or found.client.id != hit.client.id:
                return True
    return other_generation_named(text, hit.client)


_NEED = {"cue": 0.0, "described": 0.0, "titled": 0.0, "initial": STRONG_CONTEXT}
"""The work score a first name or a title and surname needs by its form (others: WEAK_CONTEXT)."""
_NOTES_REASON = "matches details in the client list's notes"
_BY_WORDS_REASON = "client's name; the words around it read as clinical work"


_WISHED = re.compile(
    r"(?i)\b(?:happy (?:birthday|bday|anniversary|retirement)|congrats|congratulations|thanks|thank you|cheers|"
    r"love you|miss you|hi|hey|hello|bon anniversaire|joyeux anniversaire|merci|bravo|félicitations)\W{0,3}$"
)


def _inside_handle(text: str, hit: NameHit) -> bool:
    """Whether a name is part of someone's @handle ("@andrew_1670", "@Matt_HG"): another account's name."""
    return re.search(r"@[\w.]*$", text[max(0, hit.start - 40) : hit.start]) is not None


def _words_may_confirm(text: str, hit: NameHit) -> bool:
    """Whether a first-name hit is one the vocabulary model may confirm: not a surname alone (anyone's), not a
    name wished a happy birthday or thanked (a friend: a client's first name needs the clinical words around it,
    not a greeting)."""
    if hit.how == "surname":
        return False
    return not _WISHED.search(text[max(0, hit.start - 40) : hit.start])


def _confirmed_by_words(record: AnyRecord, a: TextAnalysis, ctx: CheckContext, hit: NameHit, plain: bool) -> bool:
    """Whether the vocabulary model confirms a first name (``plain``: written alone, no initial or title): at
    NAME_DECISION, or at NOTES_NAME_DECISION next to a fact of that client's notes ("Ozzie ... Lego", notes "loves
    Lego"), which asks less of the words around the name."""
    if isinstance(record, Thread) or not _words_may_confirm(a.text, hit):
        return False
    fact = plain and confirms_name(a, ctx, _seg(a, a.segment_of(hit.start)), hit.client.id, hit.text)
    return _reads_as_work(record, a, ctx, NOTES_NAME_DECISION if fact else NAME_DECISION)


def _reads_as_work(record: AnyRecord, a: TextAnalysis, ctx: CheckContext, decision: float = NAME_DECISION) -> bool:
    """Whether the vocabulary model, told that the text names a client, reads a post or comment as about clinical
    work with probability ``decision`` or more (computed once per record). The model learned what a named client adds
    to the rest of the text; asking "if this is the client, is the text about the work?" confirms the name
    only where the words around it agree. Not a thread: a name is in one message, and the whole thread's
    words say nothing about that one."""
    if isinstance(record, Thread):
        return False
    p: float = ctx.cached(
        "name-work-probability", record, lambda: work_probability(signals_of(a, record_kind(record), client_named=True))
    )
    return p >= decision


_LOWERCASE_FORMS = frozenset(
    {"full_name", "first_last", "reversed", "alias", "nickname", "first_initial", "title_surname"}
)
"""The forms of a client's name that stay a name written in lower case ("sheila b", "mr akhtar", "dawn pickersgill")
and that the matcher finds only capitalised (a lower-case first name that is no word it finds itself)."""


_CAPITALISED = re.compile(r"(?<![\w'’])[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]")
"""A capitalised word ("Sheila", "Mr"): its writer capitalises names (acronyms such as "GP" do not tell)."""


def _lowercase_hits(text: str, ctx: CheckContext, platform: str) -> list[NameHit]:
    """In a text written in lower case, the client names of :data:`_LOWERCASE_FORMS` that are no ordinary words,
    found as if the words of the client list's names (a single letter after one, a title) were capitalised."""
    if _CAPITALISED.search(text):
        return []  # the writer capitalises names: the matcher has them already
    tokens = _name_tokens(ctx)
    if not tokens:
        return []
    shadow = list(text)
    after_name = False
    for m in re.finditer(r"[^\W\d_]+", text):
        word = m.group()
        initial = after_name and len(word) == 1  # "sheila b", "max l-b": a surname's initials
        title = word in SURNAME_TITLES and text[m.start() - 1 : m.start()] not in ("'", "’")  # not the m of "i'm"
        if word in tokens or title or initial:
            shadow[m.start()] = shadow[m.start()].upper()
        after_name = word in tokens or initial
    capitalised = "".join(shadow)
    if len(capitalised) != len(text):
        return []
    found = ctx.matcher.find_in_text(capitalised, platform)
    kept = []
    for h in found:
        if h.how not in _LOWERCASE_FORMS:
            continue
        if _initials_follow(h):
            kept.append(replace(h, word_name=False))  # "jack c": the initial says it is a name, not the word
        elif not (h.word_name or _starts_with_word(h.text)):
            kept.append(h)
    return kept


_TEXTING_LETTERS = frozenset("aiunry")
"""Single letters that are words in texting ("u", "r", "n", "y") or in English ("a", "i"): after a first name that
is also a word ("will u", "hope i") they are no surname initial."""


def _initials_follow(hit: NameHit) -> bool:
    """Whether a lower-case first name that is also a word is followed by its surname's initials ("jack c", "dawn p",
    "max l-b"): a name, written the way a clinician abbreviates one, not the word."""
    if hit.how != "first_initial" or " " not in hit.text:
        return False
    initials = re.findall(r"[^\W\d_]", hit.text.split(" ", 1)[1])
    return bool(initials) and not set(fold("".join(initials))) & _TEXTING_LETTERS


def _starts_with_word(name: str) -> bool:
    """Whether a name's first word is also an ordinary word ("hope underwood" in "i hope underwood wins")."""
    first = fold(name.split()[0]) if name.split() else ""
    return first in word_names() and first not in {fold(t) for t in SURNAME_TITLES}


def _name_tokens(ctx: CheckContext) -> frozenset[str]:
    """The lower-case words of the listed clients' names and aliases."""
    key = ("client-name-tokens", "*")
    if key not in ctx.memo:
        names = (n for c in listed_clients(ctx) for n in (c.name, *c.aliases))
        ctx.memo[key] = frozenset(w for n in names for w in re.findall(r"[^\W\d_]+", n.casefold()) if len(w) > 1)
    tokens: frozenset[str] = ctx.memo[key]
    return tokens


def _contact_index(ctx: CheckContext) -> tuple[dict[str, Client], dict[str, Client]]:
    """Phone numbers (by :func:`phone_key`) and e-mail addresses the client list's notes give, with their client."""
    key = ("client-contacts", "*")
    if key not in ctx.memo:
        noted = [c for c in listed_clients(ctx) if c.notes]
        phones = {phone_key(d): c for c in noted for d in sorted(phones_in_notes(c.notes))}
        emails = {m.group().casefold(): c for c in noted for m in EMAIL.finditer(c.notes)}
        ctx.memo[key] = (phones, emails)
    index: tuple[dict[str, Client], dict[str, Client]] = ctx.memo[key]
    return index


def _add_contacts(a: TextAnalysis, ctx: CheckContext, result: Mentions, partners: set[str]) -> None:
    """A client's own phone number or e-mail address (from the notes column) identifies them wherever it is."""
    phones, emails = _contact_index(ctx)
    found: list[tuple[Client, int, int]] = []
    if phones:
        for start, end, digits in digit_runs(a.text):
            if len(digits) >= MIN_PHONE_DIGITS and (c := phones.get(phone_key(digits))):
                found.append((c, start, end))
    if emails and "@" in a.text:
        found += [(c, m.start(), m.end()) for m in EMAIL.finditer(a.text) if (c := emails.get(m.group().casefold()))]
    for client, start, end in found:
        if client.id not in partners and a.segment_of(start).owner:  # not the client giving their own number
            ev = Evidence(start, end, a.text[start:end], "the client's phone number or e-mail address", CLIENT_DETAIL)
            result.add(client_match(client, "contact detail", 0.95), ev)
            result.named = True


_KIN = re.compile(
    r"(?i)\b(?:mum|mom|mam|mother|dad|father|son|daughter|husband|wife|partner|grand(?:ma|mother|pa|father|son|"
    r"daughter)|nan|nana|mamma|mammy|mummy|mommy|maman|papa|m[eè]re|p[eè]re|fils|fille|mari|femme|grand-m[eè]re|"
    r"grand-p[eè]re)'?s?\b"
)


def _relative_in_notes(notes: str, client: Client, name: str) -> bool:
    """Whether the client's notes (folded) name a person (``name``, folded): in full ("mum Colleen Harris"), or by a
    family tie and the first name when the person shares the client's surname ("mum Kate" for Kate Falconer, the
    mother of Sienna Falconer)."""
    if has_phrase(notes, name):
        return True
    first, *_, last = name.split()
    if last not in _surnames(client):
        return False
    return re.search(_KIN.pattern + r"\s+" + re.escape(first) + r"\b", notes) is not None


def _add_relatives(
    record: AnyRecord, a: TextAnalysis, ctx: CheckContext, result: Mentions, named: set[str], partners: set[str]
) -> None:
    """A thread with a client's relative whom the notes name ("mum Colleen Harris", "son Peter Nowicki"), or your
    comment on that relative's post: the client is who it is about when it names the client (``named``: any name
    hit) or a family tie ("Mum was agitated when I left", "je suis la maman d'Inès"). A partner who is a client is
    a client-message."""
    if isinstance(record, Thread):
        people = record.others()
    elif isinstance(record, Comment) and record.target_owner is not None:
        people = [record.target_owner]  # your comment on the relative's post ("Tell Jayden the talking lady…")
    else:
        return
    kin = bool(_KIN.search(a.text))
    index = _relatives_index(ctx) if kin or named else []
    for person in dict.fromkeys(people):
        name = fold(person.name or "")
        if not index or len(name.split()) < 2 or match_person(ctx, person, record.platform) is not None:
            continue
        for client, notes in index:
            # a client named in the thread, unless by the relative's own first name ("thanks Ross" to Ross Sr.)
            by_name = client.id in named and fold(client.name).split()[:1] != name.split()[:1]
            if (kin or by_name) and client.id not in partners and _relative_in_notes(notes, client, name):
                ev = Evidence(
                    0, 0, person.name or "", "writes to you about the client (named in their notes)", CLIENT_DETAIL
                )
                result.add(client_match(client, "relative in the notes", 0.8), ev)
                result.named = True


def _relatives_index(ctx: CheckContext) -> list[tuple[Client, str]]:
    """The listed clients with notes, each with the notes folded (where relatives' names are written)."""
    key = ("client-notes-folded", "*")
    if key not in ctx.memo:
        ctx.memo[key] = [(c, fold(c.notes)) for c in listed_clients(ctx) if c.notes]
    index: list[tuple[Client, str]] = ctx.memo[key]
    return index


def relative_of(ctx: CheckContext, person: Person, platform: str) -> list[Client]:
    """The clients whose notes name ``person`` as a relative ("mum Lupe" for Lupe Leota, mother of Sefa Leota), when
    ``person`` is no client themself: whose care a comment on that relative's post may be about."""
    name = fold(person.name or "")
    if len(name.split()) < 2 or match_person(ctx, person, platform) is not None:
        return []
    return [client for client, notes in _relatives_index(ctx) if _relative_in_notes(notes, client, name)]


def _context(a: TextAnalysis, seg: Segment, thread: bool) -> tuple[float, bool]:
    """The work score and whether there is a health detail around a name: its segment, and in a thread also the
    message before and after it (a reply about the client: "ring you by 10. Can you bring Kacey Thursday?")."""
    segments: tuple[Segment, ...] = (seg,)
    if thread:
        i = a.segments.index(seg)
        segments = tuple(a.segments[max(i - 1, 0) : i + 2])
    return (
        max(a.work_score(s, dampers=False)[0] for s in segments),
        any(a.health_hits(s) for s in segments),
    )


def _writers_first_names(record: AnyRecord, ctx: CheckContext) -> set[str]:
    """The first names (folded) of the account owner and, in a thread, of the other people writing in it."""
    names = [ctx.source.account_name or ""]
    if isinstance(record, Thread):
        names += [p.name or "" for p in record.participants]
    return {_first_name_key(name.split()[0]) for name in names if name.split()}


def _first_name_key(name: str) -> str:
    """A first name as written in a text, folded and without a possessive ("Ruby's" → "ruby")."""
    return _POSSESSIVE.sub("", fold(name))


_POSSESSIVE = re.compile(r"'s?$")


def _context_anywhere(a: TextAnalysis) -> bool:
    """Whether the text has any work or health word at all."""
    return a.work_score(None, dampers=False)[0] > 0 or bool(a.health_hits())


def _said_local(a: TextAnalysis) -> bool:
    """Whether the text says the person is someone local or amateur, not the famous one ("no, not that one", "a
    hat-trick for the Sunday league lads")."""
    return has_any_phrase(a.folded, lexicons().people.get("local_not_famous", ()))


def _about_public_figure(a: TextAnalysis, ctx: CheckContext, hit: NameHit, seg: Segment) -> bool:
    """A famous namesake is the likely reading: the client list says the client shares a public figure's name,
    or the text is about sport, music, film or politics and holds no uncommon fact of the client's notes ("Ollie
    Brandt taught me every Raffi song", notes "loved Raffi songs", is the client); unless the text says it is
    someone local or amateur ("a hat-trick for the Sunday league lads", "Roy Keane, no not that one")."""
    people = lexicons().people
    if _said_local(a):
        return False
    famous = shares_public_name(hit.client)
    if not famous and not has_any_phrase(a.folded, people.get("public_figure", ())):
        return False
    if famous and public_name_words(hit.client) & _with_singulars(words(a.folded)):
        return True  # the text says what the namesake is known for ("Hibs", "rugby", "the singer")
    # an uncommon fact or two facts of the client's notes next to the name ("Dewayne Clemmons got hired full-time
    # security at the stadium", notes "works security at ... Stadium"): the client, not a famous namesake
    part = _seg(a, seg)
    return not (confirms_name(a, ctx, part, hit.client.id, hit.text) or notes_overlap(a, ctx, part, hit.client.id) >= 2)


def _with_singulars(found: list[str]) -> set[str]:
    """Words and, for those ending in s, the word without it ("cricketers" for the notes' "cricketer")."""
    return set(found) | {w[:-1] for w in found if len(w) > 3 and w.endswith("s")}


def _add_descriptions(
    record: AnyRecord, a: TextAnalysis, ctx: CheckContext, result: Mentions, partners: set[str]
) -> None:
    """Clients the notes column describes in a text that reads as about the work, and descriptions that single
    out one person (:func:`_points_at_one`) whether or not a client's notes fit. A client who takes part in the
    thread (``partners``) is not described in it: their own news ("I got into the vet tech program") matches
    their notes, and the thread is a client-message.

    The words a text shares with one client's notes describe that client when they are enough on their own
    (:func:`self_evident`), or when they are separate details of one person (:func:`separate_details`: not the
    words of one name such as "Leaving Cert", nor everyday words) in a text about the work: by the lexicons' score,
    or by the vocabulary model told that a client is named."""
    for seg in a.segments:
        score, _ = a.work_score(seg)
        for client, common in described_by_notes(a, ctx, _seg(a, seg)):
            if client.id in partners:
                continue
            about_work = separate_details(a, _seg(a, seg), common) and (
                score >= WORK_THRESHOLD or _reads_as_work(record, a, ctx)
            )
            if not (about_work or self_evident(a, client, common)):
                continue
            result.add(
                client_match(client, "description", 0.6),
                Evidence(seg.start, seg.start, ", ".join(common), _NOTES_REASON, CLIENT_DETAIL),
            )
            result.described = True
        if score < WORK_THRESHOLD:
            continue
        for s0, s1 in _sentences(a.text[seg.start : seg.end]):
            feats = _unique_description(a, seg.start + s0, seg.start + s1)
            if _points_at_one(feats):
                result.described = True
                result.evidence += [e for _, e in feats]


def _points_at_one(feats: list[tuple[str, Evidence]]) -> bool:
    """Whether a sentence's quasi-identifiers single out one person: a person one serves with an age and one
    more detail ("ma patiente de 84 ans" and her ECT); or two details of which one is an age or a relative."""
    kinds = {f for f, _ in feats}
    others = kinds - {"role", "bare age"}
    if "role" in kinds and kinds & {"age", "bare age"} and others - {"age"}:
        return True
    return len(others) >= 2 and bool(others & {"age", "relative"})


_GREETING = re.compile(r"(?i)^\W*(?:(?:hi|hey|hello|dear|good (?:morning|evening)|bonjour|salut|hola)\W+)?$")


def _vocative(text: str, seg: Segment, hit: NameHit) -> bool:
    """A name that opens a message ("Hi Hunter!", "Grace, thank you") addresses the reader."""
    return bool(_GREETING.match(text[seg.start : hit.start])) and bool(re.match(r"\s*[,!.:—-]", text[hit.end :]))


_SELF_INTRODUCTION = re.compile(r"(?i)\b(?:it'?s|it is|this is|c'est|moi c'est)\s*$")


def _introduces_self(text: str, seg: Segment, hit: NameHit) -> bool:
    """A name the writer of a message gives as their own ("kirsty its cal", "Hi, it's Danny"): the sender (not
    "this is Aaliyah's grandma")."""
    possessive = text[hit.end : hit.end + 2] in ("'s", "’s")
    return not possessive and bool(_SELF_INTRODUCTION.search(fold(text[max(seg.start, hit.start - 20) : hit.start])))


def _seg(a: TextAnalysis, seg: Segment) -> Segment | None:
    return seg if len(a.segments) > 1 else None


def _ev(hit: NameHit, reason: str) -> Evidence:
    return Evidence(hit.start, hit.end, hit.text, reason, CLIENT_NAME)


def ref_name(record: AnyRecord) -> tuple[str | None, str | None]:
    """The display name / handle a finding on this record shows (thread partner, comment target)."""
    if isinstance(record, Thread) and record.participants:
        p = record.participants[0]
        return p.name or p.handle, p.handle
    if isinstance(record, Comment) and record.target_owner:
        return record.target_owner.name, record.target_owner.handle
    return None, None


def describe_where(record: AnyRecord, audience: Audience) -> str:
    """'a public post', 'a friends-only post', 'a message thread' ..."""
    if isinstance(record, Thread):
        return "a message thread"
    noun = "comment" if isinstance(record, Comment) else getattr(record, "subkind", "post")
    noun = {"tweet": "post", "status": "post", "caption": "caption", "reply": "reply"}.get(noun, noun)
    return {
        Audience.PUBLIC: f"a public {noun}",
        Audience.UNLISTED: f"an unlisted {noun}",
        Audience.FRIENDS: f"a friends-only {noun}",
        Audience.PRIVATE: f"an only-me {noun}",
    }.get(audience, f"a {noun} (audience unknown, possibly public)")
