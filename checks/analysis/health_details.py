"""Health details that no single word carries: a person's change measured against a past state.

A clinician rarely names the condition when she celebrates a client's progress; she says what the person
could not do before and when ("six months ago he couldn't leave the car", "first time in four years",
"she hasn't cried in a week", "her first words since she came in", "il y a six mois elle ne sortait plus de
sa chambre"). The sentence is about the course of an illness or a treatment — a recovery milestone, health
information under HIPAA — without any word of the health lexicons. These are found by their construction (a
span of time, then a negation or a "first ... in/since"), not by a list of phrases, so they hold for the
symptoms and trades no lexicon has seen. The owner's own past ("a year ago I couldn't ...") is left out.

Used by phi-identifier only: a milestone matters next to an identifiable client, and says nothing about
whether a text is about clinical work.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from checks.base import Evidence
from checks.text import TextAnalysis

_NUM = (
    r"(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|"
    r"a few|a couple of|several|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt|"
    r"quelques)"
)
_UNIT = r"(?:days?|weeks?|months?|years?|yrs?|jours?|semaines?|mois|ans?|annees?)"  # French "un an", "deux ans"
_SPAN = rf"(?:{_NUM} {_UNIT}|(?:days|weeks|months|years|ages|des semaines|des mois|des annees))"
_MONTH = (
    r"(?:january|february|march|april|june|july|august|september|october|november|december|janvier|fevrier|mars|"
    r"avril|juin|juillet|aout|septembre|octobre|novembre|decembre)"
)
_EVENT = (  # a life event a person's course is counted from
    r"(?:funeral|accident|crash|diagnosis|surgery|operation|stroke|overdose|attempt|admission|fire|fall|birth|loss|"
    r"death|divorce|assault|injury|relapse)"
)
_EVENT_FR = (
    r"(?:funerailles|enterrement|accident|diagnostic|operation|avc|overdose|tentative|hospitalisation|incendie|chute|"
    r"accouchement|deces|divorce|agression|rechute|deuil)"
)
# what the person could not do, or did instead, back then
_NOT_THEN = (
    r"(?:(?:s?he|they|he) (?:couldn'?t|could not|wouldn'?t|would not|didn'?t|did not|hadn'?t|had not|"
    r"was(?:n'?t| not)?|thought|never|barely|only)"
    r"|(?:il|elle|ils|elles) (?:ne|n'|n')?\s?\w+ (?:pas|plus|jamais|rien|que)"
    r"|qui (?:ne |n')?(?:pouvait|sortait|parlait|mangeait|dormait|voulait) (?:pas|plus|jamais|rien))"
)
_PATTERNS: tuple[re.Pattern[str], ...] = (
    # "six months ago he couldn't leave the car", "il y a six mois elle ne sortait plus"
    re.compile(rf"\b{_SPAN} ago\b,? {_NOT_THEN}"),
    re.compile(rf"\b(?:il y a|y a) {_SPAN}\b,? {_NOT_THEN}"),
    re.compile(rf"\b(?:in|en|back in|last) {_MONTH}\b,? {_NOT_THEN}"),
    # "last year she wouldn't go in the pool", "this time last year he was on the ward"
    re.compile(rf"\b(?:(?:this time )?last (?:year|spring|summer|autumn|fall|winter)|a year ago),? {_NOT_THEN}"),
    # "a nursing student who two years ago couldn't leave her apartment", "the girl who couldn't get on a bus in
    # February"
    re.compile(rf"\bwho {_SPAN} ago (?:couldn'?t|could not|wouldn'?t|would not|was too \w+ to|never)\b"),
    re.compile(
        rf"\bwho (?:couldn'?t|could not|wouldn'?t|would not|was too \w+ to)\b[^.!?\n]{{0,40}}?"
        rf"\b(?:in {_MONTH}|{_SPAN} ago)\b"
    ),
    # "qui ne pouvait pas commander un café il y a un an", "elle qui pouvait pas se lever du lit il y a deux ans"
    re.compile(rf"\bqui (?:ne |n')?\w+ (?:pas|plus|jamais) [^.!?\n]{{0,40}}\bil y a {_SPAN}\b"),
    # "8 mois qu'il ne sortait plus"
    re.compile(rf"\b{_SPAN} qu'(?:il|elle) (?:ne |n')"),
    # "first time in four years", "first door in 8 months of sessions", "her first slice of birthday cake in 9 years"
    re.compile(rf"\bfirst (?:time|\w+(?: \w+){{0,3}}) (?:in|for) (?:over |more than |about )?{_SPAN}\b"),
    re.compile(
        r"\bfirst (?:time|\w+(?: time)?) since (?:s?he |they )?(?:came in|came to us|got here|arrived|"
        r"was admitted|admit|admission|(?:her|his|their) (?:admission|diagnosis|accident|overdose|attempt))\b"
    ),
    re.compile(
        rf"\bpremiere fois depuis (?:{_SPAN}|{_MONTH}|la rentree"
        r"|(?:son|sa) (?:arrivee|admission|entree|hospitalisation))\b"
    ),
    # "pour la première fois en 3 mois de suivi", "first time kobby has smiled all week"
    re.compile(rf"\bpremiere fois en {_SPAN}\b"),
    re.compile(r"\bfirst time (?:s?he|they|\w+) (?:has|had|have) \w+ (?:all|this) (?:week|month|year|term)\b"),
    # "sat through dinner for the first time in his life", "first time since the funeral", "première fois sur
    # l'autoroute depuis son accident"
    re.compile(r"\bfirst time in (?:his|her|their) (?:life|lives)\b"),
    re.compile(rf"\bfirst (?:time|\w+) since (?:the|her|his|their) {_EVENT}\b"),
    re.compile(rf"\bpremiere fois\b[^.!?\n]{{0,40}}?\bdepuis (?:son|sa|ses|les|le|la|l') ?{_EVENT_FR}\b"),
    # "she hasn't cried in a week", "he hadn't left the flat for two years", "n'a pas bu depuis six mois"
    re.compile(rf"\b(?:hasn'?t|has not|hadn'?t|had not) \w+(?: \w+){{0,4}} (?:in|for) (?:over )?{_SPAN}\b"),
    re.compile(rf"\b(?:n'?a|n'avait|a) (?:pas|plus|jamais) [\w']+(?: [\w']+){{0,4}} depuis {_SPAN}\b"),
    # "her first words since she came in catatonic", "since he came to us"
    re.compile(r"\bsince (?:s?he|they) (?:came in|came to us|was admitted|got admitted)\b"),
)


def milestone_details(a: TextAnalysis) -> list[Evidence]:
    """Each recovery milestone measured against a past state in ``a``'s text, as evidence (original offsets)."""
    found: list[Evidence] = []
    for rx in _PATTERNS:
        for m in rx.finditer(a.folded):
            start, end = a.index[m.start()], a.index[m.end() - 1] + 1
            if any(e.start < end and start < e.end for e in found):
                continue
            found.append(Evidence(start, end, a.text[start:end], "a change against a past state (health detail)"))
    return sorted(found, key=lambda e: (e.start, e.end))


_CRISIS_NUMBER = r"(?:988|999|911|112|000|111|15|17|3114|116 ?123|13 ?11 ?14|1737)"
_REFERRAL = re.compile(
    # "call or text 988", "ring 999", "appelez le 15 tout de suite"
    rf"\b(?:call|ring|text|phone|dial|appel(?:le|lez|ez|er)|compose[zr]?|faites le|fais le)(?: or (?:call|text|ring))?"
    rf"(?: le| the)? {_CRISIS_NUMBER}\b"
    rf"|\bor {_CRISIS_NUMBER}\b(?= if| tout| right| now|$|[.!,])"
    # "use your crisis plan", "go to A&E", "the ED if you need help now", "si vous êtes en danger"
    r"|\bcrisis (?:line|plan|team|number|numbers)\b|\bsamaritans\b|\blifeline\b|\bout[- ]of[- ]hours (?:line|team)\b"
    r"|\b(?:go to|attend|or) (?:a&e|the ed|the er|emergency|les urgences|aux urgences)\b"
    r"|\bif (?:you(?:'re| are)|you feel|it feels|it's|it gets) (?:not safe|unsafe|in danger|urgent|bad|worse)\b"
    r"|\bsi (?:vous etes|tu es) en danger\b|\b(?:previens|previendrai|appelle|appellerai) les secours\b"
)


def crisis_referrals(a: TextAnalysis) -> list[Evidence]:
    """A safety referral in the owner's own messages ("if you're not safe, ring 999", "appelez le 15"): what the
    other person wrote is a crisis, health information about them, whatever words they used for it."""
    return _in_messages(a, _REFERRAL, owner=True, reason="a safety referral in your reply (a crisis)")


def _in_messages(a: TextAnalysis, rx: re.Pattern[str], *, owner: bool, reason: str) -> list[Evidence]:
    """Matches of ``rx`` in a thread's messages by the owner (``owner``) or by the others, as evidence."""
    found: list[Evidence] = []
    for seg in a.segments:
        if seg.owner is not owner or len(a.segments) < 2:
            continue
        lo, hi = bisect_left(a.index, seg.start), bisect_left(a.index, seg.end)
        for m in rx.finditer(a.folded, lo, hi):
            start, end = a.index[m.start()], a.index[m.end() - 1] + 1
            found.append(Evidence(start, end, a.text[start:end], reason))
    return found


_ANNIVERSARY = re.compile(
    # "3 years today", "4 years tmrw", "2 years out of Calder now", "ça fait un an aujourd'hui"
    rf"\b{_SPAN} (?:today|tomorrow|tmrw|tmw|aujourd'hui|demain)\b|\b{_SPAN} out of\b"
    rf"|\b(?:ca|ça) fait {_SPAN} (?:aujourd'hui|demain)\b"
)


def own_anniversaries(a: TextAnalysis) -> list[Evidence]:
    """A span of time counted to today in the other person's own messages ("3 years today 🖤", "4 years tmrw"):
    a client marking the anniversary of their sobriety, a discharge or a loss."""
    return _in_messages(a, _ANNIVERSARY, owner=False, reason="an anniversary the client counts (health detail)")


_SOCIAL = r"(?:seen|saw|talked|spoken|spoke|heard|chatted|caught|messaged|texted|posted|been on|had a chance|had time)"
_OWN_MILESTONE = re.compile(
    # what a client says in the first person: "i havent cut in ages", "I haven't hit my head since I was 14",
    # "je n'ai pas bu depuis six mois" (not a greeting: "haven't seen you in ages")
    rf"\b(?:haven'?t|havent|have not|hadn'?t|hadnt) (?!{_SOCIAL}\b)\w+(?: \w+){{0,4}} (?:in|for|since) (?:over )?"
    rf"(?:{_SPAN}|i was \d{{1,2}})\b"
    rf"|\b(?:n'ai|j'ai) (?:pas|plus|jamais) \w+(?: \w+){{0,4}} depuis {_SPAN}\b"
    # a span counted from a care episode or a place of treatment: "two years since Larkspur", "8 years since rehab"
    rf"|\b{_SPAN} since (?!(?:we|i|you) (?:met|last|talked|spoke)\b)\w"
    rf"|\bfirst (?:time|\w+(?: time)?) (?:in|for) (?:over |more than )?{_SPAN}\b"
)


def own_milestones(a: TextAnalysis) -> list[Evidence]:
    """A recovery milestone the other person of a thread tells in the first person ("i havent cut in ages", "two
    years since Larkspur and I just ate at a buffet"): in a client's own message, "I" is the client, and the change
    against a past state is the course of their illness, as the owner's third-person milestones are."""
    return _in_messages(a, _OWN_MILESTONE, owner=False, reason="a change the client tells (health detail)")
