"""Places: street-name variants and the terms that identify the workplace (its names, aliases and address).

Shared by the checks that look for the workplace or the clinic's area in names, places and text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from checks.analysis.employment import core_name, name_head
from checks.analysis.normalize import fold_with_map, normalize
from checks.analysis.word_lists import word_map, word_set
from checks.language import NAME_ONLY_ZIPF, RARE_ZIPF, is_rare_word
from checks.policy import Workplace

_STREET_TYPES = word_map("streets", "trailing")
_PARTICLES = frozenset({"de", "des", "du", "d", "la", "le", "les", "l", "della", "del", "da", "dos", "das"})
_DIRECTIONS = frozenset(
    {"n", "s", "e", "w", "north", "south", "east", "west", "ne", "nw", "se", "sw", "est", "ouest", "nord", "sud"}
)
LEADING_STREET_TYPES = word_set("streets", "leading")
_QUALIFIERS = frozenset({"upper", "lower"})
"""A part of a street written after its type, as Ireland and Britain do ("Rathmines Road Upper", "Leeson Street
Lower"): people drop it ("on Rathmines Road"). Not before the name: "Lower Main Road" is its own street."""


def street_variants(street: str) -> list[str]:
    """``grand avenue`` → [``grand avenue``, ``grand ave``]; ``rue des tanneurs`` → [it, ``des tanneurs``].

    A bare name (no street type) is not an area.
    """
    words = street.split()
    if len(words) < 2:
        return []
    if len(words) > 2 and words[0] in _DIRECTIONS:  # "w harrison st": people write "Harrison St"
        return [street, *street_variants(" ".join(words[1:]))]
    if len(words) > 2 and (words[-1] in _DIRECTIONS or words[-1] in _QUALIFIERS):
        return [street, *street_variants(" ".join(words[:-1]))]  # "dundas street west", "rathmines road upper"
    if words[0] in LEADING_STREET_TYPES:
        # "des tanneurs" is the street; "saint nicolas" alone is also a saint's day
        return [street] + ([" ".join(words[1:])] if len(words) > 2 and words[1] in _PARTICLES else [])
    last = words[-1]
    full = {v: k for k, v in _STREET_TYPES.items()}
    if last in _STREET_TYPES:
        return [street, " ".join([*words[:-1], _STREET_TYPES[last]])]
    if last in full:
        return [street, " ".join([*words[:-1], full[last]])]
    return [street]


WORK_NOUNS = r"(?:office|clinic|building|location|site|campus|agency|center|centre|offices)"


@dataclass(frozen=True)
class Terms:
    """What identifies the workplace, normalized for matching."""

    strong: tuple[str, ...]  # full names and multi-word aliases, normalized
    weak: tuple[str, ...]  # capitalised one-word aliases: only when not part of another proper name
    acronyms: tuple[str, ...]  # all-caps aliases, matched exactly as written
    numbered: tuple[str, ...]  # "1420 grand"
    streets: tuple[str, ...]  # "grand avenue", "grand ave"
    city: tuple[str, ...]  # normalized city / state / zip words of the workplace
    name_tokens: frozenset[str]
    words: frozenset[str] = frozenset()  # the longest word of each name, alias and street: a text naming one holds it
    proper: tuple[str, ...] = ()  # one-word aliases that are rare words: as a name inside a sentence, specific
    article: tuple[str, ...] = ()  # one-word names written after "the" ("the Royal", "the Foothills"): see below
    areas: tuple[str, ...] = ()  # the districts of the address other than the town ("rathmines"), normalized
    tagged: tuple[str, ...] | None = None  # the names a hashtag may write run together (None: every strong one)

    @property
    def empty(self) -> bool:
        return not (self.strong or self.weak or self.acronyms or self.numbered or self.streets)


@cache
def build_terms(workplace: Workplace, employers: tuple[str, ...] = (), *, listed: bool = True) -> Terms:
    """The workplace's identifying terms from the policy, or from the profile's employers when it has none.

    Multi-word names match anywhere (case-folded); a name that is one word before a kind of institution
    (``Rowanbank House``) also gives that word as a one-word alias. One-word aliases count only as written
    with a capital (an acronym such as ``RCMHC`` exactly as written) and, unless an acronym, not glued to
    another proper name (``Riverbend Park``). A one-word alias written in lower case (``clinic``) is too
    generic and ignored. ``listed`` is false for a workplace learned from the owner's posts rather than listed by
    the user.
    """
    names = list(workplace.names) or list(employers)
    strong: list[str] = []
    weak: list[str] = []
    proper: list[str] = []
    acronyms: list[str] = []
    tokens: set[str] = set()
    article: list[str] = _article_names(names) if listed else []
    towns = _towns(workplace)
    for raw in names:
        norm = re.sub(r"^(?:the|les|le|la|l)\s+", "", normalize(raw))
        if not norm:
            continue
        tokens.update(norm.split())
        word = re.sub(r"^(?:the\s+|les\s+|le\s+|la\s+|l')", "", raw.strip(), flags=re.IGNORECASE)
        if " " in norm:
            strong.append(norm)
            core = core_name(word)  # "Rowanbank House" is "Rowanbank" to the people who work there
            if " " not in core and core[:1].isupper() and not core.isupper() and len(normalize(core)) >= 5:
                if normalize(core) not in towns:  # "Newry" of "Newry HTT" is the town the team is named for
                    _add_one_word(core, strong, weak, proper, listed)
                tokens.add(normalize(core))
            elif (head := _head_alias(word)) and normalize(head) not in towns:
                weak.append(head)  # "Kilbride holiday party": the name's own words before its kind, with a cue
            if not listed and (initials := name_initials(word)):
                acronyms.append(initials)  # "KGH" for a learned "Kallang General Hospital" (a listed name's aliases
                # are the user's: "AHS", "DBT" of a listed name are as often the health system or a therapy)
        elif word.isupper() and len(word) >= 3:
            acronyms.append(word)
        elif word[:1].isupper() and len(norm) >= 4:
            _add_one_word(word, strong, weak, proper, listed)
    numbered: list[str] = []
    streets: list[str] = []
    city: list[str] = []
    if workplace.address:
        parts, street_at = address_parts(workplace.address)
        if street_at is not None:
            m = re.match(r"^(\d+\w?)\s+(.+)$", normalize(parts[street_at]))
            if m:
                name_words = [w for w in m.group(2).split() if w not in _STREET_WORDS]
                if m.group(2).split()[0] in LEADING_STREET_TYPES:
                    numbered.append(f"{m.group(1)} {m.group(2)}")  # "18 rue des tanneurs"
                    if len(m.group(2).split()) > 1:
                        numbered.append(f"{m.group(1)} {m.group(2).split(maxsplit=1)[1]}")  # "4521 saint denis"
                elif name_words:
                    numbered.append(f"{m.group(1)} {name_words[0]}")
                streets.extend(street_variants(m.group(2)) or [m.group(2)])
                area = set(districts(workplace))  # "Rathmines" of "Rathmines Road Upper, Rathmines": the suburb
                streets.extend(b for b in _bare_name(_without_direction(m.group(2))) if b not in area)
                streets.extend(_on_the_street(_without_direction(m.group(2))))
            for part in parts[street_at + 1 :]:
                city.extend(normalize(part).split())
        elif parts and _ends_with_street_type(normalize(parts[0])):
            streets.extend(street_variants(normalize(parts[0])))  # "Ballydaheen Road, Mallow": no house number
            for part in parts[1:]:
                city.extend(normalize(part).split())
    for raw in names:
        streets.extend(street_variants(street) if (street := _street_in_name(normalize(raw))) else ())
    if workplace.city:
        city.extend(normalize(workplace.city).split())
    numbered_t = tuple(numbered)
    streets_t = tuple(s for s in dict.fromkeys(streets) if " " in s or is_rare_word(s))  # "causewayside"
    return Terms(
        tuple(dict.fromkeys(strong)),
        tuple(dict.fromkeys(weak)),
        tuple(dict.fromkeys(acronyms)),
        numbered_t,
        streets_t,
        tuple(dict.fromkeys(city)),
        frozenset(tokens),
        frozenset(_longest_word(p) for p in (*strong, *weak, *acronyms, *numbered_t, *streets_t)),
        tuple(dict.fromkeys(proper)),
        tuple(dict.fromkeys(a for a in article if normalize(a) not in towns)),
        tuple(a for a in districts(workplace) if a not in towns and a not in city_names(workplace)),
        None if listed else tuple(strong[:1]),  # a learned name's core is often its town: "#alicesprings"
    )


def city_names(workplace: Workplace) -> frozenset[str]:
    """The normalized parts of the policy's ``city`` ("Dublin", "Cork, Ireland" → ``dublin``; ``cork``, ``ireland``)."""
    return frozenset(normalize(p) for p in workplace.city.split(",")) if workplace.city else frozenset()


_SHORT_WORDS = word_set("employment", "short_words")


def _article_names(names: list[str]) -> list[str]:
    """The one-word names the listed names are called by with "the": an alias listed with its article ("the Royal"),
    the one word a building's name opens with before its kind ("Foothills" of "Foothills Medical Centre"), a
    hospital's word such as "General" or "Royal" ("Rockyview General Hospital", "Royal Lagan Maternity Hospital");
    capitalised, of four letters or more. :func:`names_with_article` says when a text writes one as the name."""
    found: list[str] = []
    for raw in names:
        name = raw.strip()
        if m := re.fullmatch(r"(?i)the\s+([^\W\d_][\w'’-]+)", name):
            found.append(m.group(1))
            continue
        words = core_name_keep_kind(name).split()
        if len(words) < 2 or normalize(words[-1]) not in _BUILDINGS:
            continue  # a team or a service named for a river or a region: "the Derwent" is the river
        if (head := name_head(name)) and " " not in head:
            found.append(head)
        found.extend(w for w in words if normalize(w) in _SHORT_WORDS)
    return [w for w in found if len(w) >= 4 and w[:1].isupper() and not w.isupper()]


_BUILDINGS = frozenset({"hospital", "centre", "center", "clinic", "infirmary", "hospice", "house", "lodge"})
"""The last word of a name that makes it a building people call by its first word ("the Foothills" for "Foothills
Medical Centre"), not a team or a service ("Derwent Crisis & Assessment Team": "the Derwent" is the river)."""


_INITIAL_SKIP = frozenset({"of", "and", "for", "the", "de", "du", "des", "la", "le", "les", "et", "&"})


def name_initials(name: str) -> str | None:
    """The initials a name of three to five capitalised words is written as ("Kallang General Hospital" → ``KGH``,
    "Royal Victoria Hospital" → ``RVH``), skipping "of", "and" and French particles; ``None`` for a shorter or
    longer name, or one with a word in lower case, a digit or an acronym of its own."""
    words = [w for w in re.split(r"[\s-]+", core_name_keep_kind(name)) if w and w.lower() not in _INITIAL_SKIP]
    if not 3 <= len(words) <= 5 or not all(w[:1].isupper() and w[1:2].islower() for w in words):
        return None
    return "".join(w[0] for w in words)


def core_name_keep_kind(name: str) -> str:
    """A name without the town or the note after a comma, a dash or a bracket ("Kallang General Hospital, Singapore"
    → "Kallang General Hospital")."""
    return re.split(r"\s*[,–—(]\s*|\s+-\s+", name.strip())[0]


def _towns(workplace: Workplace) -> frozenset[str]:
    """The workplace's town, normalized: a name that opens with it ("Newry HTT", "Leeds Bereavement Service") does
    not make the town alone an alias of the workplace (a district's name may be the site's: "Te Aro site")."""
    return frozenset({normalize(workplace.city.split(",")[0])} if workplace.city else ())


def _head_alias(name: str) -> str | None:
    """The words a name opens with before its kind (:func:`employment.name_head`), as a one-word alias needs a
    cue: several words, or one rare word ("Kilbride", not "Cabinet"). Listed or learned ("Little Steps holiday
    party" for "After 3 years at Little Steps ABA")."""
    head = name_head(name)
    if not head or len(normalize(head)) < 4 or head.isupper():
        return None
    return head if " " in head or is_rare_word(normalize(head)) else None


def _add_one_word(word: str, strong: list[str], weak: list[str], proper: list[str], listed: bool) -> None:
    """A one-word name or alias. One the policy lists that is no word but a name ("Lammerlaw", "Rowanbank") names
    the workplace however it is written, like a full name; one that is a rare word ("Fireweed", "Puffin") where
    written as a name inside a sentence (:attr:`Terms.proper`), as is a name learned from posts that is no word at
    all ("Sorbiers", "Closière"); a common word ("Lantern"), or another learned name, only as :attr:`Terms.weak`
    says."""
    if listed and is_rare_word(normalize(word), NAME_ONLY_ZIPF):
        strong.append(normalize(word))
        return
    weak.append(word)
    if is_rare_word(normalize(word), RARE_ZIPF if listed else NAME_ONLY_ZIPF):
        proper.append(word)  # a learned one only when it is no word at all ("aux Sorbiers", "à La Closière")


_STREET_ENDINGS = frozenset(_STREET_TYPES) | frozenset(_STREET_TYPES.values()) | word_set("streets", "endings")


def _ends_with_street_type(part: str) -> bool:
    words = part.split()
    return len(words) >= 2 and words[-1] in _STREET_ENDINGS and not any(w.isdigit() for w in words)


def address_parts(address: str) -> tuple[list[str], int | None]:
    """The comma-separated parts of an address, each street part with its number first, and the index of the
    street part (the first that starts with a number and a word; ``None`` when no part does)."""
    parts = _joined_number([_number_first(p.strip()) for p in address.split(",")])
    return parts, next((i for i, p in enumerate(parts) if re.match(r"^\d+\w?\s+\S*[^\W\d]", p)), None)


def _number_first(part: str) -> str:
    """``Rue des Forgerons 37`` (the number after the street, as in Belgium or Switzerland) → ``37 Rue des
    Forgerons``; any other part as it is."""
    m = re.fullmatch(r"(\D+?)\s+(\d+[a-zA-Z]?)", part)
    words = normalize(m.group(1)).split() if m else []
    if m and words and (words[0] in LEADING_STREET_TYPES or words[-1] in _STREET_ENDINGS):
        return f"{m.group(2)} {m.group(1)}"
    return part


def _joined_number(parts: list[str]) -> list[str]:
    """``["4521", "rue Saint-Denis"]`` (Québec puts a comma after the number) → ``["4521 rue Saint-Denis"]``."""
    for i, part in enumerate(parts[:-1]):
        if re.fullmatch(r"\d+\w?", part):
            return [*parts[:i], f"{part} {parts[i + 1]}", *parts[i + 2 :]]
    return parts


def _bare_name(street: str) -> list[str]:
    """The street's name without its type when that is two words or more (``pine hollow road`` → ``pine
    hollow``) or one rare word (``boren avenue`` → ``boren``): people drop the type, and such a name is specific
    enough next to work context."""
    words = street.split()
    if words and words[-1] in _STREET_ENDINGS and (len(words) >= 3 or (len(words) == 2 and is_rare_word(words[0]))):
        return [" ".join(words[:-1])]
    return []


def _on_the_street(street: str) -> list[str]:
    """A street whose type comes first, as Québec names it without the type after "sur": ``rue saint denis`` →
    [``sur saint denis``] ("Sur Saint-Denis ce midi", "stationné sur Racine"); nothing for another street."""
    words = street.split()
    if len(words) < 2 or words[0] not in LEADING_STREET_TYPES:
        return []
    rest = words[1:]
    while len(rest) > 1 and rest[0] in _PARTICLES:
        rest = rest[1:]
    return [f"sur {' '.join(rest)}"]


def _without_direction(street: str) -> str:
    """The street without a trailing or leading direction or a trailing part (``dundas street west`` → ``dundas
    street``, ``w indian school rd`` → ``indian school rd``, ``rathmines road upper`` → ``rathmines road``)."""
    words = street.split()
    if len(words) > 2 and (words[-1] in _DIRECTIONS or words[-1] in _QUALIFIERS):
        return " ".join(words[:-1])
    return " ".join(words[1:]) if len(words) > 2 and words[0] in _DIRECTIONS else street


def _street_in_name(name: str) -> str | None:
    """The street a workplace name or alias holds: ``the main st clinic`` → ``main st``; ``bank place
    counselling`` → ``bank place``."""
    words = re.sub(r"^(?:the|les|le|la|l)\s+", "", name).split()
    for i, w in enumerate(words[1:], start=1):
        if w in _STREET_ENDINGS:
            return " ".join(words[: i + 1])
    return None


def _longest_word(phrase: str) -> str:
    return max(normalize(phrase).split() or [""], key=len)


_STREET_WORDS = word_set("streets", "address_words")
NOT_NAMES = word_set("employment", "not_names") | {"at"}  # "Rowanbank Thursday at 10" is Rowanbank


def find_phrase(phrase: str, text: str) -> re.Match[str] | None:
    """The first match of ``phrase`` in ``text`` as a whole word or words."""
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text)


def names_workplace(text: str, terms: Terms) -> str | None:
    """The workplace name, alias or street address that ``text`` names, or ``None``."""
    if text.isascii():  # normalizing an ASCII text lowers its letters and digits where they are: a word in the
        lowered = text.lower()  # normalized text is in the lowered one, so most texts are ruled out without it
        if not any(word in lowered for word in terms.words):
            return None
    norm = _normalized(text)
    if not any(word in norm for word in terms.words):
        return None  # every name, alias and street below leaves its longest word in the normalized text
    for phrase in terms.numbered:
        if find_phrase(phrase, norm):
            return phrase
    for phrase in terms.strong:
        if find_phrase(phrase, norm) and not _only_in_other_names(text, phrase, terms):
            return phrase
    for street in terms.streets:
        if re.search(rf"(?<!\w){re.escape(street)}\.?\s+(?:\w+\s+){{0,2}}?{WORK_NOUNS}\b", norm):
            return street
    for acronym in terms.acronyms:
        if re.search(rf"(?<!\w){re.escape(acronym)}(?!\w)", text):
            return acronym
    for alias in terms.weak:
        for m in re.finditer(rf"(?<!\w){re.escape(alias)}(?!\w)", text, re.IGNORECASE):
            if text[m.start()].isupper() and not _part_of_other_name(text, m.start(), m.end(), terms):
                return alias
    return _hashtag(text, terms)


def _hashtag(text: str, terms: Terms) -> str | None:
    """The name or street of several words that a hashtag writes run together (``#littlewattle``,
    ``#barstowstreet``), or that an account's handle opens with (``@mercyridgeMC``), or ``None``. For a workplace
    learned from the posts, only its full name: the core of "Alice Springs Hospital" is the town's own tag."""
    if "#" not in text and "@" not in text:
        return None
    tags = {normalize(tag) for tag in re.findall(r"#(\w+)", text)}
    handles = [normalize(h) for h in re.findall(r"(?<![\w.])@(\w+)", text)]
    for phrase in (*(terms.strong if terms.tagged is None else terms.tagged), *terms.streets):
        if (
            " " in phrase
            and (joined := phrase.replace(" ", ""))
            and (joined in tags or (len(joined) >= 8 and any(h.startswith(joined) for h in handles)))
        ):
            return phrase
    return None


UNIT_WORDS = word_set("employment", "unit_words")
_UNIT_AFTER = re.compile(r"[\s'’-]+(?:s\s+)?([A-Za-z]+)")


def names_unit(text: str, terms: Terms) -> str | None:
    """The one-word name of :attr:`Terms.weak` written as a name (capitalised) with a ward or building word after
    it ("Larkspur Ward", "Hollydene Unit"): the workplace, or a part of it, named in full. ``None`` when there is
    none ("Riverbend Park", "the lantern festival", "my Lakeside team"), and for a one-word name that is a common word
    ("Forth Ward")."""
    for alias in terms.weak:
        if alias not in text or (" " not in alias and not is_rare_word(normalize(alias))):
            continue  # "Forth Ward": a river's name too
        for m in re.finditer(rf"(?<!\w){re.escape(alias)}(?!\w)", text):
            after = _UNIT_AFTER.match(text, m.end())
            if after and after.group(1).lower() in UNIT_WORDS:
                return text[m.start() : after.end()]
    return None


def names_as_proper_noun(text: str, terms: Terms) -> str | None:
    """The one-word alias of :attr:`Terms.proper` that ``text`` writes as a name inside a sentence ("back to
    Fireweed after lunch"), not opening it ("Fireweed everywhere on the hike") nor as part of another proper name
    ("Puffin Island"); ``None`` when there is none."""
    for alias in terms.proper:
        for m in re.finditer(rf"(?<!\w){re.escape(alias)}(?!\w)", text):
            opening = re.search(r"(?:^|[.!?…:\n]|[^\w\s,;'’\"()&-])\s*$", text[: m.start()])
            if not opening and not _part_of_other_name(text, m.start(), m.end(), terms):
                return alias
    return None


_TEAM_WORDS = frozenset({"team", "staff", "crew", "equipe"})
FOLLOWERS = word_set("employment", "name_followers")
_ARTICLE_BEFORE = re.compile(r"(?<=[\w,] )(?:the|les|le|la|l['’]|au|aux)\s*$")
_LOWER_THE = re.compile(r"(?<!\S)the\s+$")
_OPENING = re.compile(r"(?:^|[.!?…:\n]|[^\w\s,;'’\"()&-])\s*$")


def names_with_article(text: str, words: tuple[str, ...], *, short_forms: bool = True) -> str | None:
    """The one-word name of ``words`` (a learned workplace's, "Lantern" of "Lantern Bereavement Service") that
    ``text`` writes capitalised after an article inside a sentence and before a punctuation mark, the team or a
    holiday ("Christmas do at the Lantern!", "thanks to the Lantern team", "at the Lantern Easter coffee morning"),
    not opening it ("The Lantern festival…"), nor before another word ("the Lantern Inn", "the Parkdale library", "the
    Royal wedding") other than a preposition or a time word ("night shift at the Royal again"); ``None`` when there is
    none. ``short_forms``: also a learned name's first syllable ("la Clo" for "Closière")."""
    for word in words:
        if re.search(rf"(?<!\w){re.escape(word)}['’]s(?!\w)", text):
            return word  # "Lantern's Christmas Eve candle service": a name, written as one
        # "la Clo" for "Closière"
        short = rf"|{re.escape(word[:3])}\w{{0,{len(word) - 5}}}" if len(word) >= 7 and short_forms else ""
        for m in re.finditer(rf"(?<!\w)(?:{re.escape(word)}{short})(?![\w-])", text):
            before = text[max(0, m.start() - 40) : m.start()]
            art = _ARTICLE_BEFORE.search(before)
            if not (art and not _OPENING.search(before[: art.start()])) and not _LOWER_THE.search(before):
                continue  # a lower-case "the" after an emoji is no sentence's opening: "💐 the Royal again"
            after = re.match(r"[\s'’-]*([\w'’]*)", text[m.end() :])
            follower = after.group(1) if after else ""
            base = re.split(r"['’]", follower)[0].lower()
            other = follower and normalize(follower) not in NOT_NAMES | _TEAM_WORDS and not _unit(follower)
            if other and not (follower.islower() and base in FOLLOWERS):
                continue  # "the Lantern Inn", "the Parkdale library"; not "the Lantern Easter coffee morning", "at
                # the Royal again"
            return word
    return None


@lru_cache(maxsize=4)
def _normalized(text: str) -> str:
    """``normalize(text)``, kept for the few checks that look at the same record's text one after another."""
    return normalize(text)


def _only_in_other_names(text: str, phrase: str, terms: Terms) -> bool:
    """True when every occurrence of a multi-word name in ``text`` is followed by another proper name that is
    not part of the workplace's names (``Clyda Valley Golf Club`` for the alias ``Clyda Valley``)."""
    folded, index = fold_with_map(text)
    pattern = r"(?<!\w)" + r"[\s\W]+".join(re.escape(w) for w in phrase.split()) + r"(?!\w)"
    found = False
    for m in re.finditer(pattern, folded):
        found = True
        after = re.match(r"[\s'’-]+([A-Z][\w'’]*)", text[index[m.end() - 1] + 1 :])
        if not (after and normalize(after.group(1)) not in terms.name_tokens | NOT_NAMES) or _unit(after.group(1)):
            return False  # "Rowanbank Thursday at 10", "our Maple Run MTSS team": Rowanbank, Maple Run; "Rowanbank
            # Park" is another place
    return found


def _part_of_other_name(text: str, start: int, end: int, terms: Terms) -> bool:
    """True when a one-word alias is glued to another proper name (``Riverbend Park``, ``Lake Riverbend``)."""
    after = re.match(r"[\s'’-]+([A-Z][\w'’]*)", text[end:])
    before = re.search(r"([A-Z][\w'’]*)[\s-]+$", text[:start])
    if after and _unit(after.group(1)):
        after = None  # "Kilbride AYA group": a team or unit of the workplace, written in capitals
    for word in (after.group(1) if after else None, before.group(1) if before else None):
        if word and normalize(word) not in terms.name_tokens and normalize(word) not in NOT_NAMES:
            return True
    return False


def _unit(word: str) -> bool:
    """True for a team's or unit's short name in capitals after the workplace's (``MTSS``, ``CMHT``, ``ED``)."""
    return 2 <= len(word) <= 6 and word.isalpha() and word.isupper()


_COUNTRIES = word_set("places", "countries")
_GENERIC = word_set("places", "not_areas")


@cache
def districts(workplace: Workplace) -> tuple[str, ...]:
    """The towns and districts the workplace's address names after its street, normalized, without post codes,
    state codes or the country: ``14 Redforge Road, Blackpool, Cork`` → (``blackpool``, ``cork``)."""
    if not workplace.address:
        return ()
    parts, street_at = address_parts(workplace.address)
    found: list[str] = []
    for part in parts[street_at + 1 :] if street_at is not None else parts[1:]:
        part = re.sub(r"\(.*?\)", " ", part)
        words = [w for w in part.split() if not any(c.isdigit() for c in w) and not (w.isupper() and len(w) <= 3)]
        norm = normalize(" ".join(words))
        if len(norm) >= 4 and norm not in _COUNTRIES and not norm.startswith(("suite", "bureau", "unit ")):
            found.append(norm)
    return tuple(dict.fromkeys(found))


@cache
def service_areas(workplace: Workplace) -> tuple[str, ...]:
    """The area a service is named for, when a name or alias is a kind of service and a place: ``CLSC
    Limoilou`` → ``limoilou``, ``CMP La Bastide`` → ``bastide``, ``North Lee CMHT`` → ``north lee``."""
    found: list[str] = []
    for name in workplace.names:
        words = name.split()
        if len(words) < 2 or not any(w.isupper() and 2 <= len(w) <= 6 and w.isalpha() for w in words):
            continue
        rest = [w for w in words if not (w.isupper() and w.isalpha())]
        norm = re.sub(r"^(?:the|les|le|la|l|de|du|des|d)\s+", "", normalize(" ".join(rest)))
        kept = [w for w in norm.split() if w not in _GENERIC]
        if kept and len(" ".join(kept)) >= 4:
            found.append(" ".join(kept))
    return tuple(dict.fromkeys(found))
