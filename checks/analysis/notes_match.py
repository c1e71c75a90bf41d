"""A client described by the client list's notes column: what a text must share with one client's notes.

The notes hold what identifies a client besides the name ("Polish; works at the bakery on Dumbarton Road",
"24 in 2013; from Bandon"). Each note word that is no generic or lexicon word, and no word of several clients'
notes or of the workplace's names, is a token (stemmed, French elision dropped, "ex-chef" a chef); an age the
notes give is a token only an age matches. A text sharing two tokens with one client's notes, and reading as
about the work (its lexicon score, or the vocabulary model when the tokens are separate details of one person,
:func:`separate_details`), describes that client; three from two separate facts describe them on their own. One
uncommon token or the age next to a client's first name confirms the name (:func:`confirms_name`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from checks.analysis.embedding import DIMENSIONS, mean_embedding
from checks.analysis.normalize import fold
from checks.analysis.weekdays import DAY_NAMES, WEEKDAYS
from checks.base import CheckContext
from checks.language import language_of, word_frequency
from checks.text import Segment, TextAnalysis, lexicon_words, lexicons, words
from scanner.clients import Client

if TYPE_CHECKING:
    import numpy as np

SELF_EVIDENT_DESCRIPTION = 3
"""Words of one client's notes, from at least two separate facts, that a text must share to describe that client
without any work context ("the Polish lassie from the bakery on Dumbarton Road"); with fewer, the text must also
read as about the work."""


def listed_clients(ctx: CheckContext) -> tuple[Client, ...]:
    """The clients of the scan's client list."""
    clients: tuple[Client, ...] = getattr(getattr(ctx.matcher, "clients", None), "clients", None) or ()
    return clients


_SHARED_NOTES = 3  # clients whose notes hold a word for it to be no description of one client


def _notes_index(ctx: CheckContext) -> list[tuple[Client, frozenset[str]]]:
    key = ("client-notes", "*")
    if key not in ctx.memo:
        notes = [(c, fold(c.notes)) for c in listed_clients(ctx) if c.notes]
        written = [(c, folded, frozenset(_notes_tokens(folded, as_written=True))) for c, folded in notes]
        # A word in several clients' notes ("student", the school's name) or in the workplace's names says
        # where they were seen, not who they are. Counted as written: "widow", "widowed" and "widower" in three
        # clients' notes are each still one client's, said in other words by "lost his wife".
        common = {w for w, n in Counter(w for _, _, tokens in written for w in tokens).items() if n >= _SHARED_NOTES}
        wp = ctx.policy.workplace
        place = _stems(fold(" ".join((*wp.names, wp.address or "", wp.city or "")) if wp else ""))
        index: list[tuple[Client, frozenset[str]]] = []
        ages: list[frozenset[str]] = []
        for c, folded, tokens in written:
            own = frozenset(_canonical(tokens - common - place, folded))
            if len(own) >= 2:
                index.append((c, own))
                ages.append(frozenset(t for t in tokens & common if t.startswith("age:")))
        ctx.memo[key] = index
        ctx.memo[("client-notes-shared-ages", "*")] = ages
    result: list[tuple[Client, frozenset[str]]] = ctx.memo[key]
    return result


def _shared_ages(ctx: CheckContext) -> list[frozenset[str]]:
    """Per client of :func:`_notes_index`, the ages of their notes that several clients' notes give (three clients of
    15 on a youth caseload): no description alone, but one with a detail that is the client's own ("15, Wembley")."""
    _notes_index(ctx)
    result: list[frozenset[str]] = ctx.memo[("client-notes-shared-ages", "*")]
    return result


_ELISION = re.compile(r"^(?:d|l|qu|j|m|t|s|n|c|jusqu|lorsqu|puisqu)'(?=\w)")


@lru_cache(maxsize=1 << 16)
def _stem(w: str) -> str:
    w = _ELISION.sub("", w.strip("'").removesuffix("'s"))  # French elision: "d'Arcachon" is Arcachon
    return w[:-1] if len(w) > 4 and w.endswith("s") and not w.endswith("ss") else w


def _stems(folded: str) -> set[str]:
    """The stems (:func:`_stem`) of a folded text's words: how notes and texts are compared."""
    return {_stem(w) for w in set(words(folded))}


EQUIVALENT = "eq:"
"""The prefix of a token that stands for a class of words saying one fact (:func:`_equivalents`)."""


@lru_cache(maxsize=1)
def _equivalents() -> tuple[dict[str, str], re.Pattern[str] | None, dict[str, str], dict[str, tuple[str, ...]]]:
    """The classes of ``notes_equivalents.txt``: a one-word member's stem → its class token, the phrases'
    pattern and phrase → class token, and class token → its members (for their frequency)."""
    single: dict[str, str] = {}
    phrases: dict[str, str] = {}
    members: dict[str, tuple[str, ...]] = {}
    text = resources.files("checks.lexicons").joinpath("notes_equivalents.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        forms = [fold(m.strip()) for m in line.split(",") if m.strip()]
        token = EQUIVALENT + forms[0]
        members[token] = tuple(forms)
        for form in forms:
            if len(words(form)) == 1 and "'" not in form:
                single[_stem(form)] = token
            else:
                phrases[form] = token
    rx = (
        re.compile(r"(?<!\w)(?:" + "|".join(re.escape(f) for f in sorted(phrases, key=len, reverse=True)) + r")(?!\w)")
        if phrases
        else None
    )
    return single, rx, phrases, members


def _canonical(stems: Iterable[str], folded: str) -> set[str]:
    """Stems with each member of a class of :func:`_equivalents` replaced by the class's token, and the tokens of
    the classes whose phrases the folded text says ("lost his wife" → ``eq:widow``)."""
    single, rx, phrases, _ = _equivalents()
    found = {single.get(s, s) for s in stems}
    if rx is not None:
        found.update(phrases[m.group()] for m in rx.finditer(folded))
    return found


def _frequency(token: str, lang: str) -> float:
    """How common a token's word is in ``lang`` (wordfreq's Zipf scale); a class's is its most common one-word
    member's (a phrase's frequency is no word's), an age's, a slot's or a number's 0 (each is a detail of its own)."""
    if token.startswith(EQUIVALENT):
        forms = [m for m in _equivalents()[3].get(token, ()) if " " not in m] or [token[len(EQUIVALENT) :]]
        return max(word_frequency(m, lang) for m in forms)
    if ":" in token:
        return 0.0
    return word_frequency(token, lang)


NUMBER = "num:"
_NUMBER_AFTER = re.compile(r"(?<![\w.,/:-])([1-9]\d{0,3}(?:[.,]\d+)?)\s?([a-z][a-z'-]+)")
_NUMBER_BEFORE = re.compile(r"\b([a-z][a-z0-9'-]+)\s([1-9]\d{0,3}(?:[.,]\d+)?)(?![\w/:.,-]?\d)")
_NOT_A_LABEL = frozenset(
    " ".join(
        (
            "am pm h hr hrs min mins minutes ans an years year yrs yr yo old aged age o'clock oclock th st nd rd er e",
            "eme and or the to in on at of for from by with is was are were be been had has have it its this that x",
            "times et ou le la les un une des du de en au aux a par pour sur avec",
        )
    ).split()
)

_SPAN_UNIT = re.compile(r"(?:days?|weeks?|months?|hours?|nights?|jours?|semaines?|mois|heures?|nuits?)")
_FEW = 10
"""A span of time under this many units ("5 weeks") is no detail of one person; "born at 29 weeks" is."""
_WEEKDAY_LABEL = re.compile(rf"(?:{DAY_NAMES})s?")  # "Tuesdays 6pm" is a weekly slot (:func:`_slots`)


def _numbers(folded: str) -> set[str]:
    """A number with its label, as tokens only the same number and label match (``num:29|week`` for "born at 29
    weeks", ``num:19|epds`` for "EPDS 19", ``num:38|kg`` for "38kg"): a count, a score or a measure that the notes
    give is one client's detail. Years, ages, times and phone numbers are not (the label must be a word of its own,
    the number one to four digits, not starting with 0)."""
    found: set[str] = set()
    for rx, n_at, w_at in ((_NUMBER_AFTER, 1, 2), (_NUMBER_BEFORE, 2, 1)):
        for m in rx.finditer(folded):
            number, label = m.group(n_at).replace(",", "."), m.group(w_at)
            if label in _NOT_A_LABEL or _WEEKDAY_LABEL.fullmatch(label) or re.fullmatch(r"(?:19|20)\d\d", number):
                continue
            if _SPAN_UNIT.fullmatch(label) and float(number) < _FEW:
                continue  # "5 weeks", "3 jours": a span anyone's week holds
            found.add(f"{NUMBER}{number}|{_stem(label)}")
    return found


_AGE_WORDS = r"(?:-?\s?(?:years?[- ]old|yrs?(?: old)?|y/?o|yo)\b|\s+ans\b)"
_TEXT_AGE = re.compile(
    # "a 22 y/o", "11yo", "de 84 ans", "aged 14", "he's 8", "she was 8.", "bed 6 is 14,", "Girl from Bandon, 24,",
    # "Kitty (82,"
    rf"\b(\d{{1,3}}){_AGE_WORDS}"
    r"|\b(?:aged?|he'?s|she'?s|is|(?:he|she) was|turned|turns)\s+(\d{1,3})(?=\s*[,.;)!]|\s*$)"
    r"|(?:^|[,(])\s*(\d{1,3})\s*(?=[,)])"
)
_ALONE_AGE = re.compile(r"[.!?]\s+([1-9]\d)\.(?=\s|$)")
"""A two-digit number as a sentence of its own ("came in from a festival. 22. gorgeous manners"): an age when the
text says that number nowhere else ("40 degrees. 40." is the heat said twice)."""


def _text_ages(folded: str) -> set[str]:
    """The ages a folded text states (:data:`_TEXT_AGE`, :data:`_ALONE_AGE`), as ``age:<n>`` tokens."""
    alone = {m.group(1) for m in _ALONE_AGE.finditer(folded)}
    once = {n for n in alone if len(re.findall(rf"(?<!\d){n}(?!\d)", folded)) == 1}
    return _ages(_TEXT_AGE, folded) | {f"age:{n}" for n in once}


_NOTES_AGE = re.compile(
    # a fact that is an age: "22", "24 in 2013", "58 ans en 2012", "aged 14", "foster teen (13)", "at 55 in 2020"
    rf"^\s*(\d{{1,3}})(?:{_AGE_WORDS})?\s*(?:(?:in|en)\s+(?:19|20)\d\d)?\s*$"
    rf"|\baged?\s+(\d{{1,3}})\b|\b(\d{{1,3}}){_AGE_WORDS}|\((\d{{1,3}})\)|\bat\s+(\d{{1,3}})\s+in\s+(?:19|20)\d\d"
)


_EX = re.compile(r"^(?:ex|former|retired|ancien|ancienne)-(?=\w{3})")

_SLOT = re.compile(  # a weekly slot, in folded text: "Tuesdays 6pm", "my Thursday 4:30", "jeudi 16h", "Sunday at 2"
    rf"\b({DAY_NAMES})s?\.?\s+"
    r"(?:(?:at|a)\s+(\d{1,2})(?:[:h.](\d\d))?|(\d{1,2})(?:[:.](\d\d)\s*(?:am|pm|h)?|\s*(?:am|pm)|h(\d\d)?))(?![\d%])"
)
SLOT_WEIGHT = 2
"""A weekly slot the notes give ("Tuesdays 6pm") and the text names ("my Tuesday 6pm") is a weekday and an hour at
once: it counts as two shared details (an hour of the clinician's week is one client's)."""


def _slots(folded: str) -> set[str]:
    """Weekly slots, as tokens only another slot matches (``slot:tue 6:00``; the hour on a 12-hour dial)."""
    found = set()
    for m in _SLOT.finditer(folded):
        day, at_h, at_m, h, mm, hh = m.groups()
        hour, minutes = (at_h, at_m) if at_h else (h, mm or hh)
        found.add(f"slot:{WEEKDAYS[day]} {int(hour) % 12}:{minutes or '00'}")
    return found


def _weight(tokens: Iterable[str]) -> int:
    """How many details shared tokens are (a weekly slot is two: :data:`SLOT_WEIGHT`)."""
    return sum(SLOT_WEIGHT if t.startswith("slot:") else 1 for t in tokens)


def _ages(rx: re.Pattern[str], folded: str) -> set[str]:
    """Ages (1 to 110) the pattern finds, as tokens that only another age can match (``age:24``)."""
    found = (next(g for g in m.groups() if g) for m in rx.finditer(folded))
    return {f"age:{int(n)}" for n in found if 0 < int(n) <= 110}


def _text_tokens(folded: str) -> set[str]:
    """What a text offers to a client's notes: its words' stems ("ex-chef" is a chef), the ages it states ("a 22
    y/o", "Bandon, 24,") and the weekly slots it names ("my Tuesday 6pm")."""
    stems = {_stem(_EX.sub("", w)) for w in set(words(folded))}
    return _canonical(stems, folded) | _text_ages(folded) | _slots(folded) | _numbers(folded)


def _notes_tokens(folded: str, *, as_written: bool = False) -> set[str]:
    """The identifying tokens of (a fact of) a client's notes: content words' stems ("ex-chef" is a chef), or their
    classes' (:func:`_canonical`) unless ``as_written``, the ages the notes give ("22", "24 in 2013", "aged 14"),
    weekly slots ("Tuesdays 6pm") and numbers with their labels ("born at 29 weeks")."""
    found = [w for w in (_EX.sub("", w) for w in words(folded)) if _content(w)]
    ages = (a for fact in folded.split(";") for a in _ages(_NOTES_AGE, fact))
    stems = {_stem(w) for w in found}
    return (stems if as_written else _canonical(stems, folded)) | set(ages) | _slots(folded) | _numbers(folded)


def _content(w: str) -> bool:
    """A notes word that can identify someone: not generic, not a weekday or a number, and not a word of the
    vocabularies unless it is a rare one ("postpartum", "miscarriage", "hospice" say something about one client;
    "anxiety", "panic" about anyone)."""
    w = w.removesuffix("'s")
    stop = lexicons().people.get("notes_stop", ())
    return (
        len(w) > 2
        and w not in stop
        and _stem(w) not in stop
        and (_rare(w) or (_stem(w) not in lexicon_words() and w not in lexicon_words()))
        and not any(ch.isdigit() for ch in w)
    )


RARE_LEXICON_ZIPF = 3.5
"""A vocabulary word rarer than this in English and in French (wordfreq's Zipf scale: "postpartum" 3.0,
"miscarriage" 3.3, "hospice" 3.4; "panic" 4.3, "anxiety" 4.5) identifies a client as the notes' other words do."""


@lru_cache(maxsize=1 << 14)
def _rare(w: str) -> bool:
    return max(word_frequency(w, lang) for lang in ("en", "fr")) < RARE_LEXICON_ZIPF


def described_by_notes(a: TextAnalysis, ctx: CheckContext, seg: Segment | None) -> list[tuple[Client, list[str]]]:
    """The clients whose notes the text (or segment) shares at least two details with, and the shared tokens (an
    age several clients' notes give counts next to one of the client's own details: :func:`_shared_ages`)."""
    index = _notes_index(ctx)
    if not index:
        return []
    text = a.folded if seg is None else fold(a.text[seg.start : seg.end])
    tokens = _text_tokens(text)
    by_token = _notes_by_token(ctx)
    shared = Counter(i for t in tokens for i in by_token.get(t, ()))  # cost follows the text, not the list
    for t in tokens:
        if t.startswith("slot:"):
            shared.update(dict.fromkeys(by_token.get(t, ()), SLOT_WEIGHT - 1))
    # Words in another form only where a notes word is shared already: a description needs two details, and
    # embedding every word of every text cost the X benchmark 12 % (with it: 2 of phi6's right findings lost).
    near = (
        {t: ns for t in tokens if t not in by_token and (ns := _near_notes_tokens(ctx, t) - tokens)} if shared else {}
    )
    for ns in near.values():
        shared.update({i for n in ns for i in by_token[n]})
    # An age several clients' notes give counts next to a detail that is the client's own ("15, Wembley").
    ages = _shared_ages(ctx)
    backed = {i: b for i in shared if (b := ages[i] & tokens)}
    for i, b in backed.items():
        shared[i] += len(b)
    found = []
    for i in sorted(i for i, n in shared.items() if n >= 2):
        client, note_tokens = index[i]
        names = _name_tokens(client.name, client.aliases)
        common = note_tokens & tokens | {t for t, ns in near.items() if ns & note_tokens and not ns <= names}
        common |= backed.get(i, frozenset())
        labels = {t.rsplit("|", 1)[1] for t in common if t.startswith(NUMBER)}  # "29 weeks" is one detail
        common -= names | labels
        if _weight(common) >= 2:
            found.append((client, sorted(common)))
    return found


NEAR_SIMILARITY = 0.7
"""How close (cosine of the static embeddings, :mod:`checks.analysis.embedding`) a text's word must be to a notes word
to say the same fact in other words or another form: "truckie" for "truck driver" 0.84, "drew" for "draws" 0.75,
"lullaby" for "lullabies" 0.77, "mother" for "mom" 0.81; "killed" and "fatal" 0.61, "dad" and "father" 0.62 are
below."""
NEAR_MIN_LENGTH = 4


def _near_notes_tokens(ctx: CheckContext, token: str) -> frozenset[str]:
    """The notes tokens a text token (a stem that is no notes token itself) says in other words or another form:
    a content word at least :data:`NEAR_MIN_LENGTH` letters long whose embedding is within
    :data:`NEAR_SIMILARITY` of a notes word's."""
    cache: dict[str, frozenset[str]] = ctx.memo.setdefault(("client-notes-near", "*"), {})
    found = cache.get(token)
    if found is None:
        found = frozenset()
        if len(token) >= NEAR_MIN_LENGTH and ":" not in token and _content(token):
            import numpy as np

            vocab, table = _notes_vectors(ctx)
            if vocab:
                sims = table @ _unit_vector(token)
                found = frozenset(vocab[k] for k in np.flatnonzero(sims >= NEAR_SIMILARITY))
        cache[token] = found
    return found


def _notes_vectors(ctx: CheckContext) -> tuple[list[str], np.ndarray]:
    """The notes' word tokens (no ages or slots) and their unit embeddings, one row each."""
    import numpy as np

    key = ("client-notes-vectors", "*")
    if key not in ctx.memo:
        vocab = sorted(t for t in _notes_by_token(ctx) if ":" not in t and len(t) >= NEAR_MIN_LENGTH - 1)
        table = np.array([_unit_vector(t) for t in vocab], dtype=np.float32).reshape(len(vocab), DIMENSIONS)
        ctx.memo[key] = (vocab, table)
    result: tuple[list[str], np.ndarray] = ctx.memo[key]
    return result


@lru_cache(maxsize=1 << 16)
def _unit_vector(word: str) -> np.ndarray:
    import numpy as np

    v = mean_embedding(word)
    n = float(np.linalg.norm(v))
    return v / n if n else v


@lru_cache(maxsize=4096)
def _name_tokens(name: str, aliases: tuple[str, ...]) -> frozenset[str]:
    """The words of a client's own name and aliases: no description of the client, since the name is judged on
    its own (a public figure's namesake, a first name with no context): notes "father Dan Carter Snr is a mate"
    do not make "Dan Carter you legend" a description."""
    folded = fold(" ".join((name, *aliases)))
    return frozenset(_canonical(_stems(folded), folded))


def self_evident(a: TextAnalysis, client: Client, common: list[str]) -> bool:
    """Whether the notes words a text shares describe the client with no work context: enough of them, from two
    separate facts, not counting health words (the owner's own "arrêt maladie, burn-out" is not a client's)."""
    health = _stems(" ".join(fold(h.text) for h in (*a.hits, *a.dropped) if h.lexicon == "health"))
    who = [t for t in common if t not in health]
    return len(who) >= SELF_EVIDENT_DESCRIPTION and _facts_holding(client, who) >= 2


def _facts_holding(client: Client, tokens: list[str]) -> int:
    """How many separate facts of the client's notes (``;``-separated) hold at least one of ``tokens``: three
    words of one agency's name are one fact ("Chippewa Valley Family Services"), not three."""
    facts = [_notes_tokens(fold(f)) for f in (client.notes or "").split(";")]
    return sum(1 for f in facts if f & set(tokens))


def notes_overlap(a: TextAnalysis, ctx: CheckContext, seg: Segment | None, client_id: str) -> int:
    """How many identifying words of one client's notes the text (or segment) holds."""
    notes = _notes_of(ctx).get(client_id)
    if not notes:
        return 0
    text = a.folded if seg is None else fold(a.text[seg.start : seg.end])
    return len(notes & _text_tokens(text))


def _notes_of(ctx: CheckContext) -> dict[str, frozenset[str]]:
    """Client id → the identifying tokens of their notes (:func:`_notes_index`)."""
    key = ("client-notes-by-id", "*")
    if key not in ctx.memo:
        ctx.memo[key] = {client.id: tokens for client, tokens in _notes_index(ctx)}
    result: dict[str, frozenset[str]] = ctx.memo[key]
    return result


def _notes_by_token(ctx: CheckContext) -> dict[str, tuple[int, ...]]:
    """Notes token → positions in :func:`_notes_index` of the clients whose notes hold it."""
    key = ("client-notes-by-token", "*")
    if key not in ctx.memo:
        by_token: dict[str, list[int]] = {}
        for i, (_, note_tokens) in enumerate(_notes_index(ctx)):
            for t in note_tokens:
                by_token.setdefault(t, []).append(i)
        ctx.memo[key] = {t: tuple(v) for t, v in by_token.items()}
    result: dict[str, tuple[int, ...]] = ctx.memo[key]
    return result


UNCOMMON_ZIPF = 4.5
"""A notes word rarer than this in the text's language (wordfreq's Zipf scale: "twin" 4.3, "widower" 3.0, a suburb
below 3) says something about one person; "parent" (4.6), "hall" (4.9) are anyone's."""
EVERYDAY_ZIPF = 5.5
"""A notes word at least this common ("after", "two", "down", French "son", "mois") is no detail at all."""
_CONNECTOR = 3
"""The longest lower-case word inside a capitalised name ("Church of God", "Town 'n' Country")."""


def _one_name(run: list[str]) -> bool:
    """Whether written words are one capitalised name ("Parkdale Newcomer Wellness", "Church of God"): shared words
    inside one are one detail (a place, a programme), not two facts about a person."""
    if len(run) < 2 or not (run[0][:1].isupper() and run[-1][:1].isupper()):
        return False
    return all(w[:1].isupper() or (w.islower() and len(w) <= _CONNECTOR) for w in run)


_ONE_PERSON = re.compile(  # a person written about (folded text): third-person pronouns, nouns for a person, a slot
    r"\b(?:he|she|him|her|his|hers|he's|she's|he'd|she'd|elle|lui|man|woman|lady|fella|bloke|lad|lass|boy|girl|"
    r"kid|guy|mum|mam|mom|dad|patient|client|resident|student|homme|femme|dame|monsieur|gar[cç]on|fille|patiente?|"
    r"cliente?|r[ée]sidente?|[ée]tudiante?|[ée]l[eè]ve)\b"
    r"|\b(?:my|mon|ma) (?:[a-z]+ )?\d{1,2}(?:[:h.]\d\d)?(?:am|pm|h)?\b"  # "my Friday 2pm", "my 10am", "mon 16h"
)


def _one_token(single: dict[str, str], folded_word: str) -> str:
    """A written word's token: its stem, or its class's (:func:`_equivalents`)."""
    stem = _stem(_EX.sub("", folded_word))
    return single.get(stem, stem)


def separate_details(a: TextAnalysis, seg: Segment | None, common: list[str]) -> bool:
    """Whether the notes words a text shares with a client are two separate details of one person, one of them
    uncommon: an age or a word apart from another ("a widower from armley", "Girl from Bandon, 24"), not the
    words of one name ("REACH VET", "Sulphur Springs") nor everyday words ("dad", "parents", "after"), in a text
    about someone (a person's pronoun or noun, or an age)."""
    text = a.text if seg is None else a.text[seg.start : seg.end]
    lang = a.lang or language_of(text) or "en"
    health = _stems(" ".join(fold(h.text) for h in (*a.hits, *a.dropped) if h.lexicon == "health"))
    wanted = {t for t in common if not t.startswith("age:") and _frequency(t, lang) < EVERYDAY_ZIPF}
    if not any(_frequency(t, lang) < UNCOMMON_ZIPF and t not in health for t in wanted):
        return False
    folded = fold(text)
    if not _ONE_PERSON.search(folded) and not _text_ages(folded):
        return False  # "visiting people on clozapine", "my friend's dental practice is hiring": nobody in particular
    if any(t.startswith(("age:", "slot:", NUMBER)) for t in common):
        return True  # an age, a weekly slot or a number with its label is a detail of its own
    written = words(text)
    single = _equivalents()[0]
    where = [(i, t) for i, w in enumerate(written) if (t := _one_token(single, fold(w))) in wanted]
    details: list[set[str]] = []
    last = -2
    for i, t in where:
        if not (i == last + 1 or _one_name(written[last : i + 1])):
            details.append(set())
        details[-1].add(t)
        last = i
    return any(not (d & e) for k, d in enumerate(details) for e in details[k + 1 :])


def details_of_someone(a: TextAnalysis, seg: Segment | None, common: list[str]) -> bool:
    """Whether the notes words a text shares with a client are two details, not everyday words, at least one of
    them no health word of the text, in a text about one person (a person's pronoun or noun, or an age): "bus driver
    ... night sweats ... first chemo" for notes "MBTA bus operator (drives the 28); Hodgkin lymphoma"; not a talk on
    "refus scolaire" nor "easy-read letters" going out to a whole caseload. Read by phi-identifier next to a health
    detail, where client-mention would also want the text to read as about the work."""
    text = a.text if seg is None else a.text[seg.start : seg.end]
    lang = a.lang or language_of(text) or "en"
    wanted = [t for t in common if _frequency(t, lang) < EVERYDAY_ZIPF]
    if _weight(wanted) < 2:
        return False
    health = _stems(" ".join(fold(h.text) for h in (*a.hits, *a.dropped) if h.lexicon == "health"))
    if all(t in health for t in wanted):
        return False
    folded = fold(text)
    return bool(_ONE_PERSON.search(folded) or _text_ages(folded))


@lru_cache(maxsize=64)
def _tokens_of(text: str) -> frozenset[str]:
    """:func:`_text_tokens` of a text as written, kept for the few texts in a row that ask again: a name's notes
    check looks at the same text once per candidate client and once more per segment."""
    return frozenset(_text_tokens(fold(text)))


def clients_with_notes_in(a: TextAnalysis, ctx: CheckContext) -> frozenset[str]:
    """Ids of the clients whose notes hold a token of the whole text: the only ones whose notes can back a name
    there. One index look-up per token of the text, where :func:`fact_beside_name` per candidate client costs one
    notes check per client sharing the name (thousands for "Will" on a long list)."""
    index, by_token = _notes_index(ctx), _notes_by_token(ctx)
    if not by_token:
        return frozenset()  # no client has notes (a hashed list has none): no need to read the text's tokens
    return frozenset(index[i][0].id for t in _tokens_of(a.text) for i in by_token.get(t, ()))


def confirms_name(a: TextAnalysis, ctx: CheckContext, seg: Segment | None, client_id: str, name: str) -> bool:
    """Whether the text holds, next to a client's first name (``name``, as written), an uncommon word or the age
    the client's notes give ("Ozzie came dressed as a Lego minifig", notes "loves Lego"; "Willow aged 7", notes
    "aged 7"): a fact of that client, so the name is theirs. The name itself is no fact ("no relation to the
    clinician's daughter Holly")."""
    notes = _notes_of(ctx).get(client_id)
    if not notes:
        return False
    text = a.text if seg is None else a.text[seg.start : seg.end]
    shared = notes & _tokens_of(text) - _tokens_of(name)
    if not shared:
        return False
    lang = a.lang or language_of(text) or "en"
    return any(not t.startswith(NUMBER) and _frequency(t, lang) < UNCOMMON_ZIPF for t in shared)


def fact_beside_name(a: TextAnalysis, ctx: CheckContext, seg: Segment | None, client_id: str, name: str) -> list[str]:
    """The client's notes details a text holds next to their first name (``name``, as written), other than the name
    itself and everyday words (Zipf ≥ :data:`EVERYDAY_ZIPF`): "Joy … the sertraline is finally doing something" for
    notes "sertraline". A health word of the notes counts here: phi-identifier reads this next to a health detail,
    where the name and the detail are already two signs of the client."""
    notes = _notes_of(ctx).get(client_id)
    if not notes:
        return []
    text = a.text if seg is None else a.text[seg.start : seg.end]
    shared = notes & _tokens_of(text) - _tokens_of(name)
    lang = a.lang or language_of(text) or "en"
    return sorted(t for t in shared if _frequency(t, lang) < EVERYDAY_ZIPF)
