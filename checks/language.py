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
    "en", "fr", "de", "nl", "es", "pt", "it", "ca", "gl", "eu", "oc", "da", "sv", "no", "fi", "is", "pl", "cs", "sk",
    "sl", "hr", "sr", "bs", "hu", "ro", "bg", "mk", "sq", "el", "tr", "lt", "lv", "et", "ga", "cy", "mt", "lb", "af",
    "ru", "uk", "be", "ar", "he", "fa", "ur", "hi", "bn", "ta", "ja", "zh", "ko", "th", "vi", "id", "ms", "tl", "sw",
)

#: Fewer letters than this (after links, handles, hashtags, digits and symbols are removed) → ``None``.
MIN_CHARS = 25
#: Fewer words than this → ``None``.
MIN_WORDS = 3
#: A normalized probability below this → ``None``.
MIN_PROBABILITY = 0.7
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


def identify(text: str) -> tuple[str | None, float]:
    """The most likely language of ``text`` and its probability; ``(None, 0.0)`` when the text is too short."""
    cleaned = clean_for_language(text[: 3 * MAX_CHARS])  # links and handles go: read a little more than needed
    if len(cleaned) < MIN_CHARS or cleaned.count(" ") + 1 < MIN_WORDS:
        return None, 0.0
    lang, prob = _identifier().classify(cleaned[:MAX_CHARS])
    return str(lang), float(prob)


def language_of(text: str) -> str | None:
    """ISO 639-1 code of the language ``text`` is written in, or ``None`` when it cannot be told with confidence."""
    lang, prob = identify(text)
    return lang if lang is not None and prob >= MIN_PROBABILITY else None


def is_supported(lang: str | None) -> bool:
    """Whether the text checks have lexicons for ``lang`` (``None``, unknown, counts as checkable with all)."""
    return lang is None or lang in SUPPORTED


# ------------------------------------------------------------------------------------------------ common words

#: Zipf frequency (log10 of occurrences per billion words) from which a word counts as common *whatever else it
#: is*: above every given name in wordfreq's English list (John 5.38, David 5.13), below "day" 5.95, "may" 5.98,
#: "will" 6.45.
VERY_COMMON_ZIPF = 5.5
#: From this Zipf frequency an English word counts as common when it is also much more frequent in English than in
#: the other languages (:data:`LANGUAGE_GAP`): "hope" 5.44, "summer" 5.23, "dawn" 4.27, "bill" 5.15, "autumn" 4.26.
COMMON_ZIPF = 3.0
#: English given names travel: "sarah", "mike", "john", "megan" are about as frequent in French, German, Dutch,
#: Spanish, Portuguese and Italian text as in English (gap 0.15-0.5). Ordinary words do not: "hope" +1.6, "day" +1.5,
#: "summer" +1.4, "bill" +0.8, "dawn" +0.65. The gap is the word's Zipf frequency minus its median in the others.
LANGUAGE_GAP = 0.6
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


@cache
def _wordfreq_languages() -> frozenset[str]:
    from wordfreq import available_languages

    return frozenset(available_languages())


def _zipf(word: str, lang: str) -> float:
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, lang))


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
    others = [_zipf(w, other) for other in _REFERENCE if other != lang]
    return zipf - statistics.median(others) >= LANGUAGE_GAP
