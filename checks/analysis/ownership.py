"""Whether a long text's work vocabulary is about the owner's own work, or about medicine in general.

A post of a few lines that says "patients" or "the ICU" is, in a clinician's account, most often about her own
day. A long text (an essay, a question to colleagues, a summary of a study or of the news) collects the
profession's vocabulary whatever its subject: "patients", "staff", "supervision", "the clinic" spread over
paragraphs about policy, pay, careers or other people's care. There, a work cue counts as the owner's work only
where the owner speaks of themselves ("I", "my", "we", "our") in its sentence or the sentence either side: "I've
had a handful of patients with…", "our ICUs are filling up", "The team worked on her for an hour. I held her
hand." A long text whose work cues all sit among sentences about others is about medicine, not about the owner's
practice.
"""

from __future__ import annotations

import re

from checks.text import WORK_POOL, TextAnalysis, owner_text, sentences_around

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


def owns_its_work(a: TextAnalysis) -> bool:
    """Whether the work vocabulary of the owner's words is about their own work: always for a short text; for a
    long one (LONG_TEXT), when its work cues with the first person in or next to their sentence weigh OWNED_MIN or
    more."""
    if len(owner_text(a)) < LONG_TEXT:
        return True
    owned: dict[str, float] = {}
    for h in a.kept(WORK_POOL, own=True):
        if FIRST_PERSON.search(sentences_around(a, h)):
            owned[h.term] = max(owned.get(h.term, 0.0), h.weight)
    return sum(owned.values()) >= OWNED_MIN
