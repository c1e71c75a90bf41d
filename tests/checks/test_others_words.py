"""Someone else's words inside the owner's text: a retweet or a quoted headline is not the owner's clinical work."""

from __future__ import annotations

from checks.text import analyze, own_words


def test_a_retweet_is_not_the_owners_work() -> None:
    assert analyze("RT @nurses_now: 3 patients in the ED hallway again tonight").work_score()[0] == 0
    assert analyze("3 patients in the ED hallway again tonight").work_score()[0] >= 2.0


def test_a_quoted_headline_counts_only_for_the_words_around_it() -> None:
    shared = analyze("« Les urgences psychiatriques saturées partout en France » — Le Monde. Sans blague.")
    assert shared.work_score()[0] == 0
    assert any(h.dropped.startswith("someone else's words") for h in shared.dropped)
    mine = analyze("“Hospitals report record ED waits this winter” — BBC. And my patients waited 9 hours today")
    assert mine.work_score()[0] >= 2.0 and [h.text for h in mine.hits] == ["my patients"]
    said = analyze("« je vais mieux depuis le nouveau traitement » m'a dit ma patiente ce matin")
    assert not any(h.dropped.startswith("someone else's words") for h in said.dropped)  # a client's words: work


def test_own_words_blanks_only_the_quoted_part() -> None:
    assert own_words("“Hospital X opens a new ward for teens” — Gazette. Proud!").strip().startswith("— Gazette")
    assert own_words("“Hospital X opens a new ward for teens” she said") != " she said"  # no source: kept
    assert own_words("no quotes here") == "no quotes here"
    assert own_words("« court » is short") == "« court » is short"  # under 20 characters: a word in quotes


def test_a_headline_in_straight_quotes_with_its_source_before_or_after() -> None:
    before = "Irish Post: 'Psychiatric beds in Cork at record low, report finds' - tell us something new"
    after = '"Patients waited 9 hours in the ED hallway on Monday night" - Courier Mail. Yep.'
    for text in (before, after):
        assert analyze(text).hits == [] and analyze(text.replace("'", "").replace('"', "")).hits, text
    assert own_words("Bri's party 'our clients are family, always' - lovely speech") == "Bri's party   - lovely speech"
    assert own_words("Scotland's 'service users' and 'clients' — just say people").startswith("Scotland's 'service")


def test_a_quote_the_owner_answers_is_a_reported_dialogue_not_a_headline() -> None:
    dialogue = "Teacher: 'can you just test him for ADHD today?' Me: that's not how any of this works"
    assert own_words(dialogue) == dialogue
    words = "Jake said 'I slept through the night for the first time' and I nearly cried"
    assert own_words(words) == words  # a client's words, no source: the owner's work


def test_every_typeset_quote_but_not_every_straight_one_for_places() -> None:
    """For places every long quote in typographic quotes is blanked (a headline naming a hospital); a title in
    straight quotes without a source is as often the owner's own talk naming their service."""
    talk = "My talk this morning: 'What 60 teenagers at Point Jeunes taught us about school refusal'. Thanks all!"
    assert own_words(talk, any_quote=True) == talk
    headline = "“Teen waits 9 hours at St Mary's Hospital emergency” she told me"
    assert "St Mary" not in own_words(headline, any_quote=True) and "St Mary" in own_words(headline)
