"""Which language a text is written in, and whether a word is an ordinary word of a language.

:func:`language_of` tells the text checks which lexicons to apply: an ISO 639-1 code, or ``None`` when the text
is too short or too uncertain to tell (hashtags, handles, names, a few words), which the checks treat as
"check with every lexicon". It uses py3langid (langid.py's model, shipped inside the package, no download),
restricted to :data:`CANDIDATES` so that rare languages close to common ones (Galician, Occitan, Nigerian
Pidgin…) do not take a post in Spanish or English from its own language; see eval/realtext/README.md for the
measurements behind :data:`MIN_CHARS`, :data:`MIN_WORDS` and :data:`MIN_PROBABILITY`.

:func:`is_common_word` tells whether a nickname is an ordinary word of the text's language ("day" for David,
"will" for William, "em" for Emily), from wordfreq's frequency lists (shipped inside the package).
"""

from __future__ import annotations

import re
import statistics
from functools import cache, lru_cache
from typing import Any

#: Languages whose lexicons the text checks have.
SUPPORTED: tuple[str, ...] = ("en", "fr")

#: The languages the identifier may answer: the main languages of Europe and the most used on social media
#: elsewhere. Closer neighbours of supported languages (Catalan, Galician, Afrikaans, Luxembourgish,
#: Irish…) stay in, so that text in them is not forced into English or French.
CANDIDATES: tuple[str, ...] = (
    "en",
    "fr",
    "de",
    "nl",
    "es",
    "pt",
    "it",
    "ca",
    "gl",
    "eu",
    "oc",
    "da",
    "sv",
    "no",
    "fi",
    "is",
    "pl",
    "cs",
    "sk",
    "sl",
    "hr",
    "sr",
    "bs",
    "hu",
    "ro",
    "bg",
    "mk",
    "sq",
    "el",
    "tr",
    "lt",
    "lv",
    "et",
    "ga",
    "cy",
    "mt",
    "lb",
    "af",
    "ru",
    "uk",
    "be",
    "ar",
    "he",
    "fa",
    "ur",
    "hi",
    "bn",
    "ta",
    "ja",
    "zh",
    "ko",
    "th",
    "vi",
    "id",
    "ms",
    "tl",
    "sw",
)

#: Fewer characters than this (after links, handles, hashtags, digits and symbols are removed) → ``None``.
MIN_CHARS = 25
#: Fewer words than this → ``None``.
MIN_WORDS = 3
#: A normalized probability below this → ``None``.
MIN_PROBABILITY = 0.7
#: An uncertain text whose likeliest reading is an unsupported language is still read with a supported
#: language's lexicons when that language is at least this likely: "Mas a cliente tá toda zoada kkkkkk" (0.5
#: Portuguese) is not French for sharing "cliente" with it (0.001). Among the labelled corpora's work posts, the one
#: read likeliest as another language ("I AM AN RN!!!!…", 0.45 Italian) is 0.34 English.
MIN_PLAUSIBLE = 0.1
#: Only this many characters of a cleaned text are read: enough to tell, and a long post costs what a short one does.
MAX_CHARS = 240

_STRIP = re.compile(
    r"https?://\S+|www\.\S+|\S+@\S+\.\w+"  # links and e-mail addresses
    r"|[@#][\w.]+"  # handles and hashtags: names, not sentences
    r"|\(LINK\)|\bhttp\b"  # placeholders left by anonymized datasets
)
_NOT_LETTERS = re.compile(r"[^\w\s'’-]|[\d_]")


def clean_for_language(text: str) -> str:
    """The words of ``text`` that say something about its language: no links, handles, hashtags, digits, emoji."""
    return " ".join(_NOT_LETTERS.sub(" ", _STRIP.sub(" ", text)).split())


@cache
def _identifier() -> Any:
    """py3langid's identifier with normalized probabilities, loaded on first use (about 0.4 s)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages(list(CANDIDATES))
    return ident


def _ranked(text: str) -> list[tuple[str, float]] | None:
    """Every candidate language of ``text`` with its probability, most likely first; ``None`` when too short."""
    cleaned = clean_for_language(text[: 3 * MAX_CHARS])  # links and handles go: read a little more than needed
    if len(cleaned) < MIN_CHARS or cleaned.count(" ") + 1 < MIN_WORDS:
        return None
    return [(str(lang), float(prob)) for lang, prob in _identifier().rank(cleaned[:MAX_CHARS])]


def identify(text: str) -> tuple[str | None, float]:
    """The most likely language of ``text`` and its probability; ``(None, 0.0)`` when the text is too short."""
    ranked = _ranked(text)
    return ranked[0] if ranked else (None, 0.0)


def language_of(text: str) -> str | None:
    """ISO 639-1 code of the language ``text`` is written in, or ``None`` when it cannot be told with confidence."""
    lang, prob = identify(text)
    return lang if lang is not None and prob >= MIN_PROBABILITY else None


def read_language(text: str) -> tuple[str | None, tuple[str, ...]]:
    """The language of ``text`` (as :func:`language_of`) and the lexicons to apply to it: its own when it is
    told; every supported language's when the text is too short to tell or uncertain with a supported language
    the likeliest (a clinician's French holds English words); when an unsupported language is the likeliest,
    those of the supported languages that are still a plausible reading (:data:`MIN_PLAUSIBLE`)."""
    ranked = _ranked(text)
    if ranked is None:
        return None, SUPPORTED
    lang, prob = ranked[0]
    if prob >= MIN_PROBABILITY:
        return lang, lexicon_languages(lang)
    if lang in SUPPORTED:  # "3 consults, 1 staff, 2 appels de la PMI": French, with English words in it
        return None, SUPPORTED
    return None, tuple(code for code, p in ranked if code in SUPPORTED and p >= MIN_PLAUSIBLE)


def is_supported(lang: str | None) -> bool:
    """Whether the text checks have lexicons for ``lang`` (``None``, unknown, counts as checkable with all)."""
    return lang is None or lang in SUPPORTED


def lexicon_languages(lang: str | None) -> tuple[str, ...]:
    """The lexicons to apply to a text in ``lang``: its own, every one when unknown, none when unsupported."""
    if lang is None:
        return SUPPORTED
    return (lang,) if lang in SUPPORTED else ()


def language_name(lang: str) -> str:
    """English name of a language code, for the report ("German"); the code itself when unknown."""
    return LANGUAGE_NAMES.get(lang, lang)


#: English names of :data:`CANDIDATES`.
LANGUAGE_NAMES: dict[str, str] = {
    "en": "English",
    "fr": "French",
    "de": "German",
    "nl": "Dutch",
    "es": "Spanish",
    "pt": "Portuguese",
    "it": "Italian",
    "ca": "Catalan",
    "gl": "Galician",
    "eu": "Basque",
    "oc": "Occitan",
    "da": "Danish",
    "sv": "Swedish",
    "no": "Norwegian",
    "fi": "Finnish",
    "is": "Icelandic",
    "pl": "Polish",
    "cs": "Czech",
    "sk": "Slovak",
    "sl": "Slovenian",
    "hr": "Croatian",
    "sr": "Serbian",
    "bs": "Bosnian",
    "hu": "Hungarian",
    "ro": "Romanian",
    "bg": "Bulgarian",
    "mk": "Macedonian",
    "sq": "Albanian",
    "el": "Greek",
    "tr": "Turkish",
    "lt": "Lithuanian",
    "lv": "Latvian",
    "et": "Estonian",
    "ga": "Irish",
    "cy": "Welsh",
    "mt": "Maltese",
    "lb": "Luxembourgish",
    "af": "Afrikaans",
    "ru": "Russian",
    "uk": "Ukrainian",
    "be": "Belarusian",
    "ar": "Arabic",
    "he": "Hebrew",
    "fa": "Persian",
    "ur": "Urdu",
    "hi": "Hindi",
    "bn": "Bengali",
    "ta": "Tamil",
    "ja": "Japanese",
    "zh": "Chinese",
    "ko": "Korean",
    "th": "Thai",
    "vi": "Vietnamese",
    "id": "Indonesian",
    "ms": "Malay",
    "tl": "Tagalog",
    "sw": "Swahili",
}


# ------------------------------------------------------------------------------------------------ common words

#: Zipf frequency (log10 of occurrences per billion words) from which a word counts as common *whatever else it
#: is*: above every given name in wordfreq's English list (John 5.38, David 5.13), below "day" 5.95, "may" 5.98,
#: "will" 6.45.
VERY_COMMON_ZIPF = 5.5
#: English given names travel: "sarah" +0.15, "john" +0.5, "mike" +0.5 above their median frequency in French,
#: German, Dutch, Spanish, Portuguese and Italian text. Ordinary words do not: "hope" +1.6, "day" +1.5, "summer"
#: +1.4, "rich" +1.25, "green" +0.9, "bill" +0.8. Names used mainly in English sit in between ("katie", "josh",
#: "debbie", "stacey", "mitch" +0.6 to +0.8, "isaiah" +0.98), nearly all of them below Zipf 4.0, so two bars:
#: a gap of :data:`LANGUAGE_GAP` from Zipf :data:`COMMON_ZIPF`, or of :data:`FREQUENT_GAP` from :data:`FREQUENT_ZIPF`.
#: Missed on purpose, as ambiguous: "dawn" +0.65, "sue" +0.71, "dot" +0.69 ("sue" and "dot" are names first).
COMMON_ZIPF = 3.0
LANGUAGE_GAP = 1.0
FREQUENT_ZIPF = 4.0
FREQUENT_GAP = 0.8
#: Languages whose names travel enough for the gap test. French names do not ("Stéphane" +1.3, "Julien" +1.0, as
#: much as the word "dossier" +1.5), so in French only :data:`VERY_COMMON_ZIPF` counts ("jour" 5.75, "les" 7.25,
#: "mais" 6.62 are common; "Jean" 5.48, "Pierre" 5.28, "Marie" 5.03 are not).
GAP_LANGUAGES = frozenset({"en"})
_REFERENCE = ("en", "fr", "de", "nl", "es", "pt", "it")

#: Short forms that are ordinary in posts and records though rare in the general lists, or whose frequency a given
#: name hides: "em" (them), "dob" (date of birth), "ed"/"er" (emergency department/room), "pt" (patient).
EXTRA_COMMON: dict[str, frozenset[str]] = {
    "en": frozenset({"em", "dob", "ed", "er", "pt", "pts", "dx", "hx", "rx", "sx", "tx", "fu", "doc", "mom", "bro"}),
    "fr": frozenset({"rdv", "dr", "ddn"}),
}


#: Zipf frequency under which a word is rare in English and French alike (fewer than one in a million words):
#: "Boren" (2.3), "Scioto" (2.2), "Causewayside" (0); not "Lantern" (3.6) or "Harbour" (3.9).
RARE_ZIPF = 3.0
#: Under this, a word is hardly a word at all but a made-up or local name: "Lammerlaw", "Rowanbank",
#: "Harbourview" (0); not the plant "Fireweed" (1.6) or the bird "Puffin" (2.7).
NAME_ONLY_ZIPF = 1.5


@cache
def _wordfreq_languages() -> frozenset[str]:
    from wordfreq import available_languages

    return frozenset(available_languages())


def _zipf(word: str, lang: str) -> float:
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, lang))


@lru_cache(maxsize=1 << 14)
def word_frequency(word: str, lang: str) -> float:
    """How common ``word`` is in ``lang`` on wordfreq's Zipf scale (0 unknown, 3 rare, 5 common, 7 "the"); 0 for a
    language wordfreq does not have."""
    return _zipf(word, lang) if lang in _wordfreq_languages() else 0.0


def is_rare_word(word: str, below: float = RARE_ZIPF) -> bool:
    """Whether ``word`` is rarer than Zipf ``below`` in English and in French: a local name ("Boren",
    "Causewayside") rather than a word people write for something else."""
    w = word.strip().lower()
    return bool(w) and all(word_frequency(w, lang) < below for lang in ("en", "fr"))


@lru_cache(maxsize=1 << 14)
def is_common_word(word: str, lang: str) -> bool:
    """Whether ``word`` is an ordinary word of ``lang`` rather than mostly a name (see the thresholds above).

    Meant for nickname data: a nickname that is an ordinary word ("day", "will", "em", "dob", "hope") should not be
    taken alone as a person. Names that are also rarer words ("mark", "jack", "pat") stay names; the client's own
    listed names are not meant to be filtered with this.
    """
    w = word.strip().lower()
    if not w:
        return False
    if w in EXTRA_COMMON.get(lang, frozenset()):
        return True
    if lang not in _wordfreq_languages():
        return False
    zipf = _zipf(w, lang)
    if zipf >= VERY_COMMON_ZIPF:
        return True
    if zipf < COMMON_ZIPF or lang not in GAP_LANGUAGES:
        return False
    gap = zipf - statistics.median(_zipf(w, other) for other in _REFERENCE if other != lang)
    return gap >= LANGUAGE_GAP or (zipf >= FREQUENT_ZIPF and gap >= FREQUENT_GAP)
