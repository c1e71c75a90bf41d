"""Employment statements: where the owner's own words say they work or worked.

"First day at Harakeke House", "Last shift at Magnolia Terrace", "3 years at Cartref Helyg", "leaving Banksia
Grove after 7 years", "staff party at Carrick St", "Dernier jour au Relais Saint-Éloi", "Après deux années à la
Clinique du Moulin": a clinician's archive names the places of earlier jobs (and of a second work site) that
the policy does not list. :func:`employment_names` gives the proper names such a statement puts after the
cue; :func:`states_employment` says whether a text holds a cue at all (a check-in carrying "First day." names
its place as the workplace without naming it in the text).

A cue needs a job word (day, shift, years, job, staff party...), not "at" alone, and the name must be written
as a proper name (capitalised); a child's "first day at Westfield Primary" is told apart by the possessive
before it ("Emma's first day").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from checks.analysis.normalize import normalize
from checks.analysis.word_lists import word_set
from checks.language import is_rare_word

_NUM = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+few|several)"
_NUM_FR = r"(?:\d+|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quelques)"
_AT_FR = r"(?:aux|au(?!\w)|à\s+la(?!\w)|à\s+l'|chez)"  # not "à" alone: "à Lyon" is a town
_ROLE = (
    r"(?:nurse|counsel+or|therapist|worker|psychologist|clinician|practitioner|aide|cna|lpn|rn|np|intern|"
    r"psychiatrist|supervisor|coordinator|manager|advocate|registrar|resident|midwife|technician|specialist|"
    r"volunteer|new\s+grad)"
)
_MONTH_FR = r"(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre)"
_PARS = (
    # "je pars du cabinet de Port-Sud fin mars", "je quitte le service de Y en juin": leaving a service on a date
    # (not "je pars du bureau à 18h", a day's end)
    r"je\s+(?:pars|quitte)\s+(?:du|de\s+la|de\s+l['’]|des|le|la|l['’])\s*(?=[a-zà-ÿ][\w'’-]*\s+(?:de\s+la\s+|de\s+l['’]|de\s+"
    rf"|du\s+|des\s+|d['’])[A-ZÀ-ÖØ-Þ][^.!?\n]{{0,40}}?\b(?:fin|d[ée]but|mi|en|le\s+\d+\w*)[\s-]+{_MONTH_FR})"
)
_OWNED_CUES = (
    # taking, holding or leaving a job: said of other people's jobs too, so only in the owner's own sentence
    r"(?:new\s+(?:job|post|role|position)|hired\s+on|internship|placement|employed)\s+(?:[\w']+\s+){0,4}?(?:at|with)",
    r"(?:(?<!at\s)work(?:ing|ed)?|hired|employed)\s+at",
    rf"(?:as\s+)?(?:an?\s+(?:[\w-]+\s+){{0,3}}?)?{_ROLE}\s+at",  # "Officially a phone counselor at"
    # "7 years at X", "seven years on the adolescent unit at X"; not "10 years in San Antonio"
    rf"{_NUM}\s+(?:[a-z]+\s+)?years?\s+(?:(?:on|in)\s+(?:the\s+)?(?:[a-z]+\s+){{0,4}}?at|at|on)",
    # "joined the crisis team at X", "joining the Adult Day Treatment Program at X" (not "joined X": a gym, a club,
    # an airline's loyalty tier)
    r"join(?:ed|ing)?\s+(?:the\s+|a\s+|our\s+)?(?:[\w-]+\s+){0,4}?(?:team|program|programme|service|unit|ward|practice)\s+at",
    # "joined Cascadia Hospice as their first music therapist": the name comes before the role
    rf"join(?:ed|ing)?(?=\s+[^.!?]{{3,60}}?\s+as\s+(?:their|our|an?|the)\s+(?:[\w-]+\s+){{0,3}}?{_ROLE}\b)",
    rf"start(?:ed|ing)?\s+as\s+(?:an?\s+)?(?:[\w-]+\s+){{0,3}}?{_ROLE}\s+(?:at|with)",
    r"year\s+\d+\s+at",
    rf"leaving(?=\s+\S+(?:\s+\S+){{0,4}}\s+after\s+{_NUM}\s+(?:\w+\s+)?(?:years?|months?)\b)",
    # "After six and a half years I'm leaving X": the years before the leaving
    rf"after\s+{_NUM}(?:\s+and\s+a\s+half)?\s+(?:\w+\s+)?years?,?\s+(?:i['’]?m\s+|i\s+am\s+|we['’]re\s+)?leaving",
    rf"{_NUM_FR}\s+(?:\w+\s+)?(?:ans|ann[ée]es)\s+{_AT_FR}",
    rf"je\s+commence\s+(?:[\w']+\s+){{0,2}}?{_AT_FR}",
    # "je rejoins le 1er octobre la Résidence X", "je rejoins à mi-temps le service de Y": joining a team
    r"je\s+rejoins\s+(?:(?:le\s+\d+\w*\s+\w+|à\s+mi-temps|à\s+temps\s+(?:plein|partiel)|en\s+\w+)\s+)?(?=l)",
    # "Après presque six ans, je quitte X": the years before the leaving, as in English
    rf"apr[eè]s\s+(?:presque\s+|plus\s+de\s+)?{_NUM_FR}\s+(?:ans|ann[ée]es),?\s+je\s+quitte\s+(?=l)",
    _PARS,
)
_WEAK_OWNED_CUES = (
    # "Starting at Harbourview in Feb": a new job, or a race, a concert, a price ("starting at Walmart" is both):
    # only in the owner's own sentence, and a place only with a second record there
    r"start(?:ed|ing|s)?\s+at",
)
_STRONG_CUES = (
    # a shift, an on-call night: said only of a job
    r"(?:first|last|final)\s+(?:[a-z]+\s+){0,2}?shift\s+(?:[a-z]+\s+)?"
    r"(?:(?:on|in)\s+(?:the\s+)?(?:[a-z]+\s+){0,3}?at|at|on|in)",  # "last shift on the unit at X"
    rf"(?:premi[eè]re|derni[eè]re|1(?:re|ère))\s+garde\s+(?:[\w']+\s+){{0,3}}?{_AT_FR}",
    # Québec's "quart" is a shift: "Premier quart à l'urgence de X", "Dernier quart au CLSC X"
    rf"(?:premier|dernier|1er)\s+quart\s+(?:[\w']+\s+){{0,3}}?{_AT_FR}",
)
_WEAK_CUES = (
    # a staff party, a team lunch: at the workplace, or as often at a pub or a restaurant ("team Christmas lunch
    # at the Dirty Onion")
    r"(?:staff|work|team|unit|ward|office)\s+(?:christmas\s+|xmas\s+|chrissy\s+|holiday\s+|summer\s+)?"
    r"(?:party|do|lunch|dinner|fete|bbq)\s+at",
    rf"(?:party|f[êe]te|repas|souper|soir[ée]e)\s+de\s+no[eë]l\s+(?:du|de\s+la(?!\w)|de\s+l'|{_AT_FR})",
    # a first or last day, week, month: also said of holidays and schools
    r"(?:first|last|final)\s+(?:[a-z]+\s+){0,2}?(?:day|week|month|placement|rotation)\s+(?:[a-z]+\s+)?(?:at|on)",
    # "First day as practice nurse at", "First week doing in-home family therapy for"
    r"(?:first|last|final)\s+(?:day|week|month|shift)\s+(?:as|doing|working)\s+(?:[\w-]+\s+){1,5}?(?:at|for|with)",
    rf"(?:premier|dernier|1er)\s+(?:[\w']+\s+){{0,3}}?(?:jour|stage)\s+(?:[\w']+\s+){{0,3}}?{_AT_FR}",
    rf"(?:premi[eè]re|derni[eè]re|1(?:re|ère))\s+(?:[\w']+\s+){{0,3}}?(?:journ[ée]e|semaine)\s+(?:[\w']+\s+){{0,3}}?{_AT_FR}",
    rf"(?:rentr[ée]e|reprise)\s+{_AT_FR}",
    # a leaving do: the owner's or a colleague's, at the workplace or at a pub
    rf"(?:leaving|farewell)\s+(?:do|drinks|party|lunch|tea)\s+at|pot\s+de\s+d[ée]part\s+{_AT_FR}",
)
STRONG, WEAK = 2, 1
"""Points a statement gives the place it names: a job word says it is a workplace; a first or last day may not."""


def _cue(parts: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?i)(?<![\w'’])(?:" + "|".join(parts) + r")\s*")


_CUES = (
    (_cue(_OWNED_CUES), STRONG, True),
    (_cue(_STRONG_CUES), STRONG, False),
    (_cue(_WEAK_CUES), WEAK, False),
    (_cue(_WEAK_OWNED_CUES), WEAK, True),
)
_THIRD = re.compile(
    r"(?i)(?<![\w'’])(?:he|she|they|his|her|their|him|them|il|elle|ils|elles|son|sa|ses)(?![\w'’])|\w['’]s\b"
    r"|(?<![\w'’])(?:my|mon|ma|our)\s+(?:husband|wife|partner|son|daughter|sister|brother|mum|mom|dad|mother|"
    r"father|friend|cousin|aunt|uncle|niece|nephew|kids?|boy|girl|mari|femme|fils|fille|s[oœ]eur|fr[èe]re|"
    r"m[èe]re|p[èe]re|amie?|copain|copine)(?![\w'’])"
)
_CLAUSE_END = re.compile(r"[.!?;:…\n\u2600-\u27bf\U0001f300-\U0001faff]")


def someone_else_before(text: str, end: int) -> bool:
    """True when the clause before ``end`` (back to a full stop, a line break or an emoji) has someone else as its
    subject or a relative in it ("my mum is at the General", "she did a night shift at the Royal")."""
    clause = _CLAUSE_END.split(text[max(0, end - 80) : end])[-1]
    return bool(_THIRD.search(clause) or _THIRD_VERB.search(clause))


_FIRST = re.compile(
    r"(?i)(?<![\w'’])(?:i|i'm|im|i've|i'll|i'd|my|me|we|we're|we've|our|je|j|moi|mon|ma|mes|nous)(?![\w])"
)
_THIRD_VERB = re.compile(r"(?i)(?<![\w'’])(?:is|was|works|worked|has\s+been|est|était|travaille)\s*$")
_OPENERS = word_set("employment", "openers")


def _owner_says(text: str, start: int, owned: bool) -> bool:
    """True when the cue at ``start`` is the owner's: no one else is the subject of its sentence ("Nate started
    at", "Emma's first day", "my husband's 10 years at"), and, for ``owned`` cues, the owner is ("I started
    at", "my 10 years at", "after 7 years at X, I'm") or the cue opens the sentence, or follows a few words
    that start with an opening word ("Finally hired at", "Excited to have joined")."""
    sentence = re.split(r"[.!?;:…\n]", text[max(0, start - 60) : start])[-1]
    if _THIRD.search(sentence) or _THIRD_VERB.search(sentence):
        return False  # "Emma's first day", "Nate is a nurse at"
    rest = re.split(r"[.!?;…\n]", text[start : start + 120])[0]
    if not owned or _FIRST.search(sentence) or _FIRST.search(rest):
        return True  # "After 7 years at X, I'm moving on"
    if _DAY_IN.search(sentence):
        return True  # "First day in the new job at X": the owner's own first day
    words = sentence.split()
    return not words or (len(words) <= 4 and normalize(words[0]) in _OPENERS)  # "Excited to have joined X"


_DAY_IN = re.compile(
    r"(?i)^\s*(?:my\s+)?(?:first|last|final)\s+(?:day|week|month|shift)\s+(?:in|at|of|on)\s+(?:the|my|a)\s*$"
)
"""A first or last day opening the sentence before an owned cue ("First day in the new job at X"): the job is the
owner's (nobody else is named, :data:`_THIRD` having been checked)."""


_NAME_WORD = r"(?:(?:St|Ste|Mt)\.(?=\s)|[A-ZÀ-ÖØ-Þ][\w'’-]*)"
_LOWER_INSIDE = r"(?:\s+[a-zà-öø-ÿ][\w'’-]*){1,2}\s+(?:de\s+la\s+|de\s+l['’]\s*|de\s+|du\s+|des\s+|d['’]\s*)"
"""One or two lower-case words and a French particle inside a name, before a capitalised word: the ``secondaire du``
of ``École secondaire du Rocher``, the ``hospitalier de`` of ``Centre hospitalier de Rouffach``."""
_NAME = re.compile(
    r"(?:(?:the|The|le|Le|la|La|les|Les|l['’]|L['’])\s*)?"
    rf"({_NAME_WORD}(?:(?:{_LOWER_INSIDE}|\s+(?:(?:de|du|des|of|la|le|d['’])\s*)?|\s*&\s*){_NAME_WORD})*)"
)
_STOP = word_set("employment", "not_names")
_INSTITUTION = word_set("employment", "institution_words")


_KIND_LEAD = re.compile(
    r"(?:(?:le|la|les|l['’])\s*)?(?:foyer|service|urgence|unit[ée]|h[ôo]pital|clinique|centre|r[ée]sidence|cabinet|"
    r"maison\s+de\s+(?:repos|retraite)|ehpad)(?:\s+[a-zà-öø-ÿ][\w'’-]*){0,2}?\s+"
    r"(?:de\s+la\s+|de\s+l['’]\s*|de\s+|du\s+|des\s+|d['’]\s*)?(?=[A-ZÀ-ÖØ-Þ]|(?:le|la|les|l['’])\s*[A-ZÀ-ÖØ-Þ])"
)
"""The kind of a French workplace written in lower case between a statement's cue and the name: "1er jour au foyer Les
Sorbiers", "Premier quart à l'urgence pédopsy de Lapierre-Dorion", "je rejoins le service de gériatrie de l'Hôpital
Saint-Fiacre"."""
_WARD = re.compile(r"\s(?:Ward|Unit|Wing)$")
"""A hospital ward's name ("Fane Ward", "Hollydene Unit"): a first or last day or week there is one at work."""
_HINT = re.compile(
    r"first|last|final|new|job|hired|intern|placement|employ|work|year|leaving|staff|team|unit|ward|office|party|join|start|"
    r"premi|derni|ans\b|ann[ée]es|1er|1re|1ère|quart|rejoins|quitte|je\s+pars|pot\s+de|farewell|"
    r"commence|rentr|reprise|no[eë]l|garde|shift|nurse|counsel|therap|psych|clinic|practi|aide|\b(?:cna|lpn|rn|np)\b"
)
"""Words one of which every cue holds: most texts hold none and are passed over at once."""
_NAME_AFTER = re.compile(
    r"\b(?:[Aa]t|[Oo]n|[Ii]n|[Ww]ith|[Ff]or|au|aux|chez|la|l['’]|du|de|d['’]|[Ll]eaving|[Jj]oin(?:ed|ing)?|"
    r"foyer|urgence|service)\s*(?:(?:the|The|le|Le|la|La|les|Les|l['’]|L['’])\s*)?[A-ZÀ-ÖØ-Þ]"
)
"""Where a cue's name may start (a capital after "at", "au", "leaving"...): a text without one names no place."""


def employment_names(text: str) -> list[tuple[str, int]]:
    """The proper names the text's employment statements put after their cue, each with its points
    (:data:`STRONG` or :data:`WEAK`), in order (may be empty)."""
    found: list[tuple[str, int]] = []
    if not _NAME_AFTER.search(text) or not _HINT.search(text.lower()):
        return found
    for pattern, points, owned in _CUES:
        found.extend((name, STRONG if _WARD.search(name) else points) for name in _names_after(pattern, text, owned))
    return found


_ROOM = re.compile(
    # "New room in Bray", "my second practice in Howth", "our new counselling rooms at Ranelagh": a room of one's own
    # named by its town (not "my clients in Cork": anyone's clients; not "new room in the house")
    r"(?<![\w'’])(?i:my|our|new)\s+(?:(?i:new|second|other|therapy|counselling|counseling|consulting)\s+){0,2}"
    r"(?i:rooms?|practice|office)\s+(?i:in|at)\s+(?P<place>[A-Z][a-z'’-]{2,}(?:\s+[A-Z][a-z'’-]{2,})?)\b"
)


def room_places(text: str) -> list[str]:
    """The towns or suburbs the owner's words say she has a room, a practice or an office in ("New room in Bray 🌊",
    "my second practice in Howth"): a second work site named only by its place."""
    if "room" not in text and "practice" not in text and "office" not in text and "Room" not in text:
        return []
    return [m.group("place") for m in _ROOM.finditer(text) if normalize(m.group("place")) not in _STOP]


def leaving_names(text: str) -> list[str]:
    """The proper names the owner's own words say she is leaving or has her last day at ("Last day at Lantern
    Bereavement Service", "Leaving Fane after nearly 4 years", "Dernier jour aux Sorbiers", "je quitte la Résidence
    La Closière"): after that day the place is a former workplace."""
    if not _NAME_AFTER.search(text) or not _LEAVING_HINT.search(text.lower()):
        return []
    return _names_after(_LEAVING, text, False)


def _names_after(pattern: re.Pattern[str], text: str, owned: bool) -> list[str]:
    """The names written right after the owner's own cues of ``pattern`` (or after a French kind in lower case)."""
    found: list[str] = []
    for cue in pattern.finditer(text):
        if not _owner_says(text, cue.start(), owned):
            continue  # "Emma's first day at ...", "Nate started at ...": someone else's
        m = _NAME.match(text, cue.end())
        if not m and (lead := _KIND_LEAD.match(text, cue.end())):
            m = _NAME.match(text, lead.end())  # "1er jour au foyer Les Sorbiers"
        if m and (name := _clean(m.group(1))):
            found.append(name)
    return found


_LEAVING = re.compile(
    # not "Last day at the clinic before my leave", "Dernier jour au CMP avant les vacances": a break, not a leaving
    r"(?i)(?<![\w'’])(?![^.!?\n]{0,100}\b(?:avant|before|until|till|jusqu))(?:"
    + "|".join(
        (
            # a last day, not "last shift" or "last week": also the one before this one
            r"(?:last|final)\s+(?:working\s+|ever\s+)?day\s+(?:at|on|with)",
            r"final\s+shift\s+(?:at|on)",
            # "Last shift at Harakeke House tonight. 4 years.": a last shift with the years there is a leaving
            rf"last\s+shift\s+(?:at|on)(?=[^\n]{{0,120}}?\b{_NUM}\s+(?:years?|ans)\b)",
            rf"leaving(?=\s+\S+(?:\s+\S+){{0,4}}\s+after\s+(?:nearly\s+|almost\s+|over\s+)?{_NUM}\s+(?:\w+\s+)?"
            r"(?:years?|months?)\b)",
            rf"after\s+{_NUM}(?:\s+and\s+a\s+half)?\s+(?:\w+\s+)?years?,?\s+(?:i['’]?m\s+|i\s+am\s+)?leaving",
            rf"apr[eè]s\s+(?:presque\s+|plus\s+de\s+)?{_NUM_FR}\s+(?:ans|ann[ée]es),?\s+je\s+quitte\s+(?=l)",
            rf"(?:dernier|derni[eè]re)\s+(?:jour|journ[ée]e|garde|quart)\s+(?:[\w']+\s+){{0,2}}?{_AT_FR}",
        )
    )
    + r")\s*"
)
_LEAVING_HINT = re.compile(r"(?:last|final)\s+(?:working\s+|ever\s+)?day|(?:last|final)\s+shift|leaving|quitte|derni")
"""What every cue of :data:`_LEAVING` holds (lower case): most texts hold none and are passed over at once."""


def stated_points(text: str) -> int:
    """The points of the text's own employment cue, named place or not ("Last shift on Calder Ward",
    "First day.", "Survived my first month"): :data:`STRONG`, :data:`WEAK` or 0. The cue must open a sentence
    (after one word at most: "MSW internship day 1") or follow "my" ("the clients of the first day" is no
    one's first day). A check-in carrying it names its
    place."""
    best = 0
    if not (_HINT.search(low := text.lower()) or _COUNTED.search(low)):
        return best
    for pattern, points in _BARE:
        for cue in pattern.finditer(text):
            sentence = re.split(r"[.!?:;…\n]", text[max(0, cue.start() - 40) : cue.start()])[-1]
            if _THIRD.search(sentence):
                continue  # "Emma's first day!"
            if len(sentence.split()) <= 1 or _OWN.search(sentence.rstrip()):
                best = max(best, points)
    return best


_OWN = re.compile(r"(?i)(?<![\w'’])(?:my|mon|ma)$")
_BARE = (
    (
        _cue(
            (
                r"(?:first|last|final)\s+(?:[a-z]+\s+){0,2}?shift",
                r"new\s+job|internship|(?:premi[eè]re|derni[eè]re)\s+garde|je\s+commence",
            )
        ),
        STRONG,
    ),
    (
        _cue(
            (
                r"(?:first|last|final)\s+(?:[a-z]+\s+){0,2}?(?:day|week|month|placement)",
                r"(?:premier|dernier)\s+(?:[\w']+\s+){0,2}?jour|(?:premi[eè]re|derni[eè]re)\s+(?:journ[ée]e|semaine)",
                # "Day one", "Jour 1", "2e semaine", "Week 2" at a place: the owner counting days in a new job
                r"(?:day|jour)\s+(?:one|1|un)(?!\w)|(?:\d+(?:e|ème|eme|nd|rd|th)|second|deuxi[eè]me)\s+(?:semaine|week)"
                r"|week\s+(?:two|2)(?!\w)",
            )
        ),
        WEAK,
    ),
)
_COUNTED = re.compile(r"\b(?:day|jour|week|semaine)\b")
"""The words of the counted cues of :data:`_BARE`, which :data:`_HINT` does not hold."""


def _clean(name: str) -> str | None:
    """The name without trailing words that are not part of it; ``None`` when it is no place's name."""
    words = name.split()
    while words and (normalize(words[-1]) in _STOP or _shouted(words[-1])):
        words.pop()
    while words and normalize(words[0]) in _STOP:
        words.pop(0)
    if not words:
        return None
    cleaned = " ".join(words).rstrip("'’-")
    norm = normalize(cleaned)
    if not norm or all(w in _STOP or w in _INSTITUTION for w in norm.split()):
        return None  # "Christmas", "Monday", "the Hospital": no particular place
    if (" " not in norm and len(norm) < 4) or (" " not in cleaned and cleaned.isupper()):
        return None  # "CMP", "ED": a kind of service, not one place
    return cleaned


COMMON_ZIPF = 4.0
"""How common a word in capitals after a name must be to be an ordinary word shouted ("DONE", "TODAY"), not a team's
or a programme's initials ("CMHT", "ABA")."""


def _shouted(word: str) -> bool:
    """True for a common word written in capitals after a name ("First week on Fane Ward DONE"), not a unit's
    initials ("CMHT")."""
    return len(word) >= 4 and word.isupper() and word.isalpha() and not is_rare_word(normalize(word), COMMON_ZIPF)


def core_name(place: str) -> str:
    """A place's name without its town and trailing kind of institution: ``Banksia Grove Aged Care`` → ``Banksia
    Grove``; ``Coláiste Threasa, Fermoy`` → ``Coláiste Threasa``. The name itself when nothing is left."""
    head = re.split(r"\s*[,–—(]\s*|\s+-\s+", place.strip())[0]
    words = head.split()
    while len(words) > 1 and normalize(words[-1]) in _INSTITUTION | {"", "and", "et"}:
        words.pop()
    return " ".join(words) or place


_CARE = word_set("employment", "care_words")


def care_setting(place: str) -> bool:
    """True when the place's name says it is a place of care (``St. Brendan's Hospital``, ``Harbour Youth
    Counselling``, ``Résidence Les Aubépines``), not a park, a shop or a theme park."""
    return any(w in _CARE for w in normalize(place).split())


_KIND = _INSTITUTION | _CARE | word_set("employment", "kind_words")


def name_head(name: str) -> str | None:
    """The words a place's name opens with before the first that tells its kind: ``Kilbride`` of ``Kilbride
    Cancer Center``, ``Scioto Heights`` of ``Scioto Heights City Schools``, ``Bramble Creek`` of ``Bramble Creek
    Community Mental Health Service``. ``None`` when the name opens with its kind (``Centre Hospitalier
    Saint-Cyprien``), has no kind word (``Mercy Ridge``) or is a single word."""
    words = re.split(r"\s*[,–—(&]\s*|\s+-\s+", name.strip())[0].split()
    for i, word in enumerate(words):
        if normalize(word) in _KIND:
            return " ".join(words[:i]) if i and words[0][:1].isupper() else None
    return None


_ARTICLE = re.compile(r"^(?:the|le|la|les|l)\s+")


def place_key(name: str) -> str:
    """The normalized core of a place's name, without a leading article: what statements and places share."""
    return _ARTICLE.sub("", normalize(core_name(name)))


@dataclass
class Employers:
    """Places the owner's own posts say they work or worked at, with the points each record gave them.

    A place is taken as a workplace when its records add up to :data:`STRONG` points and at least one of
    them is a statement: one job statement ("Last shift at Magnolia Terrace"), or a first or last day
    there together with a check-in whose text is about clinical work or at a place of care. A longer name
    counts for the shorter one it starts with ("Carrick Street Community Health Centre" for "Carrick Street").
    A place of care the owner checked in at on two different weekdays in the daytime is one too, with no
    statement (:meth:`visit`).
    """

    points: dict[str, dict[str, int]] = field(default_factory=dict)  # place key -> record key -> points
    names: dict[str, str] = field(default_factory=dict)  # place key -> the name as first written
    stated: set[str] = field(default_factory=set)  # place keys some statement named
    visits: dict[str, set[str]] = field(default_factory=dict)  # place key -> the weekdays checked in there
    left: dict[str, str] = field(default_factory=dict)  # place key -> the last day the owner's posts say she was there
    led: dict[str, str] = field(default_factory=dict)  # place key -> its key without a French kind before the name
    rooms: set[str] = field(default_factory=set)  # towns or suburbs the owner says she has a room or practice in

    def leave(self, name: str, day: str) -> None:
        """Note the owner's last day at the place ``name`` (``day``: its ISO date; the latest one counts)."""
        if (key := place_key(name)) and day > self.left.get(key, ""):
            self.left[key] = day

    def last_days(self, keys: Iterable[str]) -> dict[str, str]:
        """The last day the owner's posts say she was at each of the places ``keys`` (a leaving statement naming
        the place, or a name it overlaps: "Dernier jour aux Aubépines" for "Résidence Les Aubépines"); places with
        none are left out."""
        found: dict[str, str] = {}
        for key in keys if self.left else ():
            bare = _without_kind(key)
            if days := [day for k, day in self.left.items() if overlaps(_without_kind(k), {bare})]:
                found[key] = max(days)
        return found

    def visit(self, name: str, day: str) -> None:
        """Count a check-in at the place of care ``name`` on a weekday in the daytime (``day``: its date)."""
        if key := place_key(name):
            self.visits.setdefault(key, set()).add(day)
            self.names.setdefault(key, name)

    def add(self, name: str, record: str, points: int, *, statement: bool) -> None:
        """Count ``points`` for the place ``name`` from the record keyed ``record`` (its best points only)."""
        key = place_key(name)
        if not key:
            return
        by_record = self.points.setdefault(key, {})
        by_record[record] = max(points, by_record.get(record, 0))
        self.names.setdefault(key, name)
        if (led := place_key(after_kind_lead(name))) != key:
            self.led[key] = led  # a check-in at "Clinique du Pont-Vieux" counts for "Pont-Vieux"
        if statement:
            self.stated.add(key)

    def merge(self, other: Employers, source: str) -> None:
        """Add ``other``'s points (another source of the same scan: its record keys prefixed with ``source``)."""
        for key, by_record in other.points.items():
            mine = self.points.setdefault(key, {})
            for record, points in by_record.items():
                mine[f"{source}|{record}"] = max(points, mine.get(f"{source}|{record}", 0))
            self.names.setdefault(key, other.names[key])
        for key, days in other.visits.items():
            self.visits.setdefault(key, set()).update(days)
            self.names.setdefault(key, other.names[key])
        self.stated |= other.stated
        self.led.update(other.led)
        self.rooms |= other.rooms
        for key, day in other.left.items():
            if day > self.left.get(key, ""):
                self.left[key] = day

    def known(self) -> dict[str, str]:
        """The places taken as workplaces: key -> name."""
        found: dict[str, str] = {}
        for key, name in self.names.items():
            longer = [k for k in self.points if k == key or k.startswith(key + " ") or self.led.get(k) == key]
            records: dict[str, int] = {}
            for k in longer:
                for record, points in self.points[k].items():
                    records[record] = max(points, records.get(record, 0))
            if sum(records.values()) >= STRONG and any(k in self.stated for k in longer):
                found[key] = name
            elif len(self.visits.get(key, ())) >= 2:
                found[key] = name  # a hospital, a clinic, a care home on two working days
        return found


LEFT_SLACK_DAYS = 30
"""Days after the owner's last day at a place during which a text naming it is still about her time there (a
leaving do, a thank-you)."""


def left_long_before(last: str, day: str) -> bool:
    """True when the ISO date ``day`` is more than :data:`LEFT_SLACK_DAYS` after the owner's last day ``last`` at a
    place: a text of that day naming it is about a former workplace."""
    return (date.fromisoformat(day[:10]) - date.fromisoformat(last[:10])).days > LEFT_SLACK_DAYS


def names_place(place: str, known: dict[str, str]) -> str | None:
    """The known workplace whose name ``place`` starts with (``Banksia Grove Aged Care`` for ``Banksia Grove``)
    or holds word by word in the same order from its first word (``Midland Community CAMHS`` for ``Midland
    CAMHS``, ``Harbour Youth Counselling`` for ``Harbour Youth``); a one-word name only as the whole name
    (``Riverbend Park`` is not ``Riverbend``)."""
    key = place_key(place)
    words = _ARTICLE.sub("", normalize(place)).split()
    bare = _without_kind(key)  # "Hôpital Lapierre-Dorion" for "Lapierre-Dorion": French puts the kind first
    led = place_key(after_kind_lead(place))  # "Foyer de l'enfance Les Sorbiers" for "Sorbiers"
    for k, name in known.items():
        if key == k or (" " in k and key.startswith(k + " ")) or bare == k or (" " in k and bare.startswith(k + " ")):
            return name
        if led == k:
            return name
        if any(_in_order(w, words) for w in (k.split(), _ARTICLE.sub("", normalize(name)).split()) if len(w) > 1):
            return name
    return None


def after_kind_lead(place: str) -> str:
    """A French place's name without the kind written before it and its words in lower case (``Foyer de l'enfance Les
    Sorbiers`` → ``Les Sorbiers``, ``Clinique du Pont-Vieux`` → ``Pont-Vieux``); the name itself when it opens with no
    such kind."""
    lowered = place[:1].lower() + place[1:]
    m = _KIND_LEAD.match(lowered) or _SCHOOL_LEAD.match(lowered)
    return place[m.end() :] if m else place


_SCHOOL_LEAD = re.compile(
    r"(?:[ée]cole|coll[èe]ge|lyc[ée]e)(?:\s+[a-zà-öø-ÿ][\w'’-]*){0,2}?\s+(?:de\s+la\s+|de\s+l['’]\s*|de\s+|du\s+|des\s+|d['’]\s*)"
    r"(?=[A-ZÀ-ÖØ-Þ])"
)
"""A French school's kind before its name (``École secondaire du`` of ``École secondaire du Rocher``): only in a place's
name, not after a statement's cue (a child's "premier jour à l'école de …")."""


_LEADING = _INSTITUTION | _CARE | {"d", "l"}


def _without_kind(key: str) -> str:
    """A place key without the kind of institution and the particles it opens with (``hopital lapierre dorion`` →
    ``lapierre dorion``, ``residence la closiere`` → ``closiere``); the key itself when nothing else is left."""
    words = key.split()
    while len(words) > 1 and words[0] in _LEADING:
        words.pop(0)
    return " ".join(words)


def bare_name(name: str) -> str:
    """A place's name without the kind of institution and the articles it opens with, as written: ``Résidence La
    Closière`` → ``Closière``, ``Hôpital Saint-Fiacre`` → ``Saint-Fiacre``; the name itself when it opens with none."""
    words = name.split()
    i = 0
    while i < len(words) - 1 and normalize(words[i]) in _LEADING:
        i += 1
    return " ".join(words[i:]) if i and words[i][:1].isupper() else name


def _in_order(name: list[str], words: list[str]) -> bool:
    """True when ``words`` start with the first of ``name`` and hold the others after it, in order."""
    if not words or words[0] != name[0]:
        return False
    rest = iter(words[1:])
    return all(w in rest for w in name[1:])


def overlaps(key: str, keys: set[str]) -> bool:
    """True when the place key is one of ``keys`` or starts, or is started by, one of them."""
    return any(key == k or key.startswith(k + " ") or k.startswith(key + " ") for k in keys)
