"""Language of a text (py3langid, restricted and thresholded) and common words (wordfreq)."""

from __future__ import annotations

import pytest

from checks.language import (
    CANDIDATES,
    LANGUAGE_NAMES,
    SUPPORTED,
    clean_for_language,
    identify,
    is_common_word,
    is_supported,
    language_name,
    language_of,
    lexicon_languages,
    read_language,
)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # posts long enough to tell, in the languages the guard corpora hold
        ("Had a rough session today, my client cried and I felt useless", "en"),
        ("@united thanks for losing my bag again, third time this year!! #fail", "en"),
        ("Je suis crevée après cette longue journée au cabinet, vivement les vacances", "fr"),
        ("Ich habe heute meinen Twitter-Client aktualisiert und es läuft wieder", "de"),
        ("Het dossier van de gemeente is eindelijk rond, nu op naar het weekend", "nl"),
        ("Hoy fue un día muy largo en el trabajo pero ya estoy en casa", "es"),
        ("Hoje foi um dia muito longo no trabalho mas já estou em casa", "pt"),
        ("Oggi è stata una giornata lunghissima al lavoro, finalmente a casa", "it"),
        # too short, or nothing but handles, hashtags, links, names and emoji: unknown
        ("ok", None),
        ("Thanks!! 😍😍", None),
        ("#therapy #selfcare #mondaymotivation @janedoe https://t.co/abc123", None),
        ("Sarah Johnson Mike Brown Emily Davis", None),
        ("@user @user @user 12:30 😂😂", None),
        ("", None),
    ],
)
def test_language_of(text: str, lang: str | None) -> None:
    assert language_of(text) == lang


def test_handles_and_links_do_not_count_towards_length() -> None:
    # 60 characters, but only "see you" is language
    assert clean_for_language("@someone_long_handle see you https://example.org/a/very/long/link") == "see you"
    assert identify("@someone_long_handle see you https://example.org/a/very/long/link") == (None, 0.0)


def test_probability_is_reported_and_bounded() -> None:
    lang, prob = identify("The weather in Lyon was lovely this weekend, we walked for hours")
    assert lang == "en"
    assert 0.7 <= prob <= 1.0


@pytest.mark.parametrize(
    ("lang", "supported"), [("en", True), ("fr", True), ("de", False), ("nl", False), (None, True)]
)
def test_is_supported(lang: str | None, supported: bool) -> None:
    assert is_supported(lang) is supported
    assert set(SUPPORTED) == {"en", "fr"}


@pytest.mark.parametrize(("lang", "lexicons"), [("en", ("en",)), ("fr", ("fr",)), (None, ("en", "fr")), ("de", ())])
def test_lexicon_languages(lang: str | None, lexicons: tuple[str, ...]) -> None:
    assert lexicon_languages(lang) == lexicons


def test_every_candidate_has_a_name() -> None:
    assert set(LANGUAGE_NAMES) == set(CANDIDATES)
    assert language_name("de") == "German"
    assert language_name("xx") == "xx"


@pytest.mark.parametrize(
    ("word", "lang", "common"),
    [
        # nicknames that are ordinary English words: the false alarms of issue 18
        ("day", "en", True),  # David
        ("will", "en", True),  # William
        ("em", "en", True),  # Emily, Emma ("them")
        ("dob", "en", True),  # Robert (date of birth)
        ("may", "en", True),
        ("hope", "en", True),
        ("summer", "en", True),
        ("bill", "en", True),
        ("rich", "en", True),
        ("green", "en", True),
        # nicknames and names that are mostly names
        ("mike", "en", False),
        ("chris", "en", False),
        ("tony", "en", False),
        ("megan", "en", False),
        ("sarah", "en", False),
        ("john", "en", False),
        ("jack", "en", False),
        ("lottie", "en", False),
        # names used mainly in English are more frequent in English, but less than words are
        ("katie", "en", False),
        ("josh", "en", False),
        ("debbie", "en", False),
        ("isaiah", "en", False),
        ("william", "en", False),
        # ambiguous, left as names
        ("dawn", "en", False),
        ("sue", "en", False),
        # French: "les" (Leslie) is a French word; "em" is not
        ("les", "fr", True),
        ("jour", "fr", True),
        ("em", "fr", False),
        ("rdv", "fr", True),
        # French given names are frequent in French only, like words: not common words all the same
        ("stéphane", "fr", False),
        ("Julien", "fr", False),
        ("jean", "fr", False),
        # not a word at all, or a language without lists
        ("", "en", False),
        ("qwzx", "en", False),
        ("day", "xx", False),
    ],
)
def test_is_common_word(word: str, lang: str, common: bool) -> None:
    assert is_common_word(word, lang) is common


def test_language_is_identified_only_where_a_languages_own_term_was_found(monkeypatch: pytest.MonkeyPatch) -> None:
    """Language identification costs as much as the rest of a text's analysis: a text with no term of any
    language's lexicon is not identified (its answer would change nothing)."""
    import checks.text as text_module

    calls: list[str] = []
    real = text_module.read_language

    def counting(text: str) -> tuple[str | None, tuple[str, ...]]:
        calls.append(text)
        return real(text)

    monkeypatch.setattr(text_module, "read_language", counting)
    plain = text_module.analyze("Lovely walk by the river with the dog this morning, the light was unreal")
    assert plain.lang is None and not calls
    german = text_module.analyze("Heute drei neue Klienten in der Praxis und die session war lang, total müde")
    assert calls and german.lang == "de" and not german.kept(("work",))


@pytest.mark.parametrize(
    ("text", "lexicons"),
    [
        ("Had a rough session today, my client cried and I felt useless", ("en",)),  # told: its own
        ("Hoje a cliente chegou toda molhada da chuva kkkkk", ()),  # told, unsupported: none
        ("ok client", ("en", "fr")),  # too short to tell: every lexicon
        # uncertain: the supported languages that are a plausible reading, not those that only share a word
        ("3 intakes, 2 DNAs, 1 cancellation. monday", ("en", "fr")),
        ("3 consults, 1 staff, 2 appels de la PMI. Mardi.", ("en", "fr")),  # French with English words
        ("Mas a cliente tá toda zoada kkkkkk", ()),
    ],
)
def test_read_language_applies_the_lexicons_of_plausible_readings(text: str, lexicons: tuple[str, ...]) -> None:
    assert read_language(text)[1] == lexicons


def test_a_word_french_shares_does_not_make_an_uncertain_portuguese_text_french() -> None:
    import checks.text as text_module

    assert language_of("Mas a cliente tá toda zoada kkkkkk") is None  # uncertain...
    assert not text_module.analyze("Mas a cliente tá toda zoada kkkkkk").kept(("work",))  # ...yet not French
    assert text_module.analyze("2 entretiens, 1 VAD, 1 absent. Jeudi.").kept(("work",))
