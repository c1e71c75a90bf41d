"""Whether a long text's work vocabulary is about the owner's own work, or about medicine in general.

A post of a few lines that says "patients" or "the ICU" is, in a clinician's account, most often about her own
day. A long text (an essay, a question to colleagues, a summary of a study or of the news) collects the
profession's vocabulary whatever its subject: "patients", "staff", "supervision", "the clinic" spread over
paragraphs about policy, pay, careers or other people's care. There, a work cue counts as the owner's work only
where the owner speaks of themselves ("I", "my", "we", "our") in its sentence or the sentence either side: "I've
had a handful of patients with…", "our ICUs are filling up", "The team worked on her for an hour. I held her
hand." A long text whose work cues all sit among sentences about others is about medicine, not about the owner's
practice.

A text of any length that speaks of "patients" as a population ("Medicare patients", "treatment of hospitalized
COVID-19 patients", "orders for coronavirus patients": a headline, a study's title, an opinion), with no first or
second person, no day of the owner's own and no workplace word, is not about the owner's work either: a clinician's
own patients are counted, owned or placed in her day ("3 covid patients tonight", "my COVID patients", "the patients
on the unit").

A headline (HEADLINE_CAPITALS of its common words capitalised: "Regional Hospital Cuts Night Staff"), with no first
or second person, no day of the owner's own and none of a status update's marks (an emoji, a hashtag, a mention,
"!"), is not the owner's work either.
"""

from __future__ import annotations

import math
import re

from checks.analysis.normalize import fold
from checks.language import word_frequency
from checks.text import (
    HEALTH_LEXICONS,
    WORK_POOL,
    TextAnalysis,
    lexicons,
    owner_text,
    sentences_around,
    starts_with_phrase,
    words_after,
)

FIRST_PERSON = re.compile(
    r"(?<!\w)(?:i|i'm|i've|i'd|i'll|im|ive|me|my|mine|we|we're|our|ours|us|je|j'ai|j'|moi|mon|ma|mes|nous|nos|notre)"
    r"(?!\w)"
)
"""The owner speaking of themselves, in a folded text (English and French)."""

LONG_TEXT = 600
"""Characters of the owner's own words from which a text is long: more than two tweets, the length of an essay or
a forum post (the labelled corpora's posts, written as status updates, are all shorter)."""
OWNED_MIN = 1.0
"""The weight of work cues next to the owner's first person that a long text needs (one work term such as
"my patients" or "our unit"; two weak ones)."""


SECOND_PERSON = re.compile(
    r"(?<!\w)(?:you|you're|youre|you've|you'd|your|yours|yourself|y'all|ya|u|ur|m'|tu|te|toi|vous|votre|vos|ton|ta|tes)"
    r"(?!\w)"
)
"""The owner speaking to a reader ("you'd think…", "love you all"; French "tu", "vous"), in a folded text, and the
French object "m'" ("m'apprennent") that FIRST_PERSON leaves out."""
OWN_TIME = re.compile(
    r"(?<!\w)(?:today|tonight|tomorrow|tmrw|yesterday|this (?:morning|afternoon|evening)|last night|again|"
    r"another (?:day|night|shift|week)|(?:day|night|late|early) shifts?|aujourd'hui|ce (?:matin|soir)|cette nuit|hier|"
    r"demain|de garde|garde de (?:nuit|jour))(?!\w)"
)
"""A day or a shift of the owner's own ("3 covid patients tonight", "another night of covid patients", "garde de
nuit"): a headline's patients have no "today" of the writer."""
HEADLINE_CAPITALS = 0.7
"""The share of a text's common words (HEADLINE_WORD_ZIPF; not opening a sentence, not in capitals) written with a
capital from which it is a headline's title case ("Regional Hospital Cuts Night Staff as Admissions Rise"). Status
updates in sentence case that name places, teams and the title of a talk reach 0.62 at most on the labelled
corpora."""
HEADLINE_WORD_ZIPF = 4.0
"""How common a word must be (wordfreq's Zipf scale) to count for HEADLINE_CAPITALS: names of places, people and
firms are capitalised in any case."""
HEADLINE_MIN_WORDS = 4
_HEADLINE_MIN_CAPITALS = math.ceil(HEADLINE_CAPITALS * HEADLINE_MIN_WORDS)
_STATUS_MARKS = re.compile(r"[\U0001F000-\U0001FFFF\u2600-\u27BF#@!]")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_OPENS = re.compile(r"(?:^|[.!?:|\-–—]\s+|\[\w+\]\s*)(?=\S)")
_PATIENTS = re.compile(r"(?<!\w)patient(?:e)?s(?!\w)")
_TOKEN = re.compile(r"\S+")
_NUMBER = re.compile(r"\d[\d,.]*")
_SENTENCE_END = (".", "?", "!")


def _bare(token: str) -> str:
    """A word without the punctuation around it, and without an ellipsis or quotation mark that opens it
    ('"...Medicaid patients' is qualified by "Medicaid"); a full stop that ends it stays (a sentence's end)."""
    return token.strip(",;:()\"'").lstrip(".…“‘")


def _patients_in_general(a: TextAnalysis) -> bool:
    """Whether the text speaks of "patients" as a population: qualified by a condition, a care setting or an insurer
    ("COVID-19 patients", "hospitalized patients", "Medicare patients": a term of the health lexicons or of
    ``patients_qualifiers``) or after a preposition ("orders for patients", "access to patients"), with no count,
    article or possessive in the three words before them (``patients_determiners``: "my COVID patients", "14 vented
    patients"); word lists in negative_contexts.toml. A status update's own patients, their article dropped, open a
    clause ("Patients raging tonight"), as a headline's seldom do."""
    words = lexicons().people
    qualifiers, determiners = words.get("patients_qualifiers", ()), words.get("patients_determiners", ())
    prepositions, claims = words.get("patients_prepositions", ()), words.get("patients_general_claims", ())
    health_ends = {h.fend for h in a.kept(HEALTH_LEXICONS)}
    f = a.folded
    for m in _PATIENTS.finditer(f):
        tokens = list(_TOKEN.finditer(f, max(0, m.start() - 80), m.start()))
        opens = max((i + 1 for i, t in enumerate(tokens) if t.group().endswith(_SENTENCE_END)), default=0)
        before = [(_bare(t.group()), t.end()) for t in tokens[opens:]]  # the words of its own sentence
        if any(w in determiners or _NUMBER.fullmatch(w) for w, _ in before[-3:]):
            continue
        if starts_with_phrase(words_after(f, m.end()), claims):
            return True  # "Patients should…", "Patients need to know…": an opinion about patients at large
        qualified = False
        for w, end in reversed(before):
            if w in qualifiers or end in health_ends:
                qualified = True
                continue
            if qualified or w in prepositions:
                return True
            break
        else:
            if qualified:
                return True
    return False


def speaks_of_patients_in_general(a: TextAnalysis) -> bool:
    """Whether a text speaks of patients in general (a headline, a study's title, an opinion: "FDA authorizes … for
    hospitalized COVID-19 patients", "orders for coronavirus patients") and not of the owner's own: patients as a
    population (_patients_in_general), and no first or second person, no day or shift of the owner's (OWN_TIME) and
    no workplace word ("on the unit", "at work") anywhere in it. A clinician who writes of her own patients counts
    them, owns them or places them in her day ("my COVID patients", "3 covid patients tonight")."""
    if "patient" not in a.folded:
        return False  # most texts: no regular expression run
    f = fold(owner_text(a)) if len(a.segments) > 1 else a.folded
    if _speaks_as_owner(f):
        return False
    if a.kept(("workplace", "job", "workplace_name")):
        return False
    return _patients_in_general(a)


def _speaks_as_owner(folded: str) -> bool:
    """Whether the owner speaks of or to someone (first or second person) or of a day of their own."""
    return bool(FIRST_PERSON.search(folded) or SECOND_PERSON.search(folded) or OWN_TIME.search(folded))


def _capitalised_share(text: str, lang: str) -> float:
    """The share of the text's common words (HEADLINE_WORD_ZIPF) that are capitalised, leaving out a sentence's first
    word and words in capitals; 0 when fewer than HEADLINE_MIN_WORDS are counted."""
    opens = {m.end() for m in _OPENS.finditer(text)}
    counted = capitalised = 0
    for m in _WORD.finditer(text):
        w = m.group()
        if m.start() in opens or len(w) < 3 or w.isupper() or word_frequency(w.lower(), lang) < HEADLINE_WORD_ZIPF:
            continue
        counted += 1
        capitalised += w[0].isupper()
    return capitalised / counted if counted >= HEADLINE_MIN_WORDS else 0.0


def is_headline(a: TextAnalysis) -> bool:
    """Whether the owner's words are a headline or a title ("Regional Hospital Cuts Night Staff", "[JAMA] Effect of
    Shorter Shifts on…"): title case (HEADLINE_CAPITALS), no first or second person, no day of the owner's own and no
    mark of a status update (an emoji, a hashtag, a mention, "!")."""
    text = owner_text(a)
    if len(text) >= LONG_TEXT or sum(w[:1].isupper() for w in text.split()) < _HEADLINE_MIN_CAPITALS:
        return False  # most texts: sentence case, too few capitals to be counted
    if _STATUS_MARKS.search(text):
        return False
    f = fold(text) if len(a.segments) > 1 else a.folded
    if _speaks_as_owner(f):
        return False
    return _capitalised_share(text, a.lang or "en") >= HEADLINE_CAPITALS


def owns_its_work(a: TextAnalysis) -> bool:
    """Whether the work vocabulary of the owner's words is about their own work: not when the text speaks of
    patients in general (speaks_of_patients_in_general) or is a headline (is_headline); otherwise always for a short
    text; for a long one (LONG_TEXT), when its work cues with the first person in or next to their sentence weigh
    OWNED_MIN or more."""
    if speaks_of_patients_in_general(a) or is_headline(a):
        return False
    if len(owner_text(a)) < LONG_TEXT:
        return True
    owned: dict[str, float] = {}
    for h in a.kept(WORK_POOL, own=True):
        if FIRST_PERSON.search(sentences_around(a, h)):
            owned[h.term] = max(owned.get(h.term, 0.0), h.weight)
    return sum(owned.values()) >= OWNED_MIN
