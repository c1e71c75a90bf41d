"""Generate checks/lexicons/health_vocab.txt: a broad health-condition vocabulary from ICD-10-CM.

Source: the ICD-10-CM Tabular List of Diseases and Injuries (US CDC / National Center for Health Statistics,
a work of the US Government: public domain), April 2026 edition, as shipped inside the ``simple-icd-10-cm``
package (MIT; the ``test`` extra installs the pinned version). Nothing is read from the labelled
corpora: the vocabulary is what a classification of diseases and injuries names, not what our corpora say.

Each code title and inclusion term becomes a short phrase: the qualifiers and the parts after a comma, "with",
"due to" ... are cut ("Cystic fibrosis with pulmonary manifestations" → "cystic fibrosis"), a leading
"acute"/"chronic"/"other" ... is also dropped, and phrases of one to three plain words without "of", "and" ...
are kept. A single word must be a whole title ("Measles") or end like a condition ("-itis", "-oma", "-ectomy"),
and not be everyday English (wordfreq Zipf ≥ ``EVERYDAY_ZIPF``: "cold", "fall", "stroke", "fever"), a given name
("Amelia") or a word of ``_STOP_PHRASES``: those need context a word list cannot give. British spellings are
added ("leukaemia"). Chapter 20 (external causes: "pedestrian injured in ...") and 21 (contact with health
services, social circumstances) are left out: they are circumstances, not health details; from chapter 21 only
the treatments, devices and operations a status names are read ("kidney transplant", "gastrostomy", "cardiac
pacemaker", "renal dialysis").

    .venv/bin/python eval/textlab/build_health_vocab.py            # writes checks/lexicons/health_vocab.txt
    .venv/bin/python eval/textlab/build_health_vocab.py --check    # exit 1 when the file is out of date
"""

from __future__ import annotations

import argparse
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from importlib import metadata, resources
from pathlib import Path

from wordfreq import zipf_frequency

from checks.names import is_known_given_name

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "checks/lexicons/health_vocab.txt"
PACKAGE = "simple-icd-10-cm"
EVERYDAY_ZIPF = 3.8
"""A single word at or above this Zipf frequency in English is an everyday word ("flu" 4.3, "headache" 4.0,
"fever" 4.2), below it a health word ("asthma" 3.7, "epilepsy" 3.5, "leukemia" 3.5)."""
SKIP_CHAPTERS = frozenset({"20", "21"})
STATUS_CHAPTER = "21"
_STATUS = re.compile(r"^(?:presence of|dependence on|attention to) ([a-z' -]+)$|^([a-z' -]+) status$")
_CUTS = re.compile(
    r",|;|:| with | without | due to | in diseases | in (?:other )?conditions | not elsewhere | nec\b| nos\b"
    r"| of unspecified | unspecified | complicating | affecting | following | associated with | related to"
    r" | in pregnancy| in childbirth| in the puerperium| of newborn| in newborn| of other | of multiple | of right"
    r" | of left | of bilateral | of unsp | classified | elsewhere| initial encounter| subsequent encounter| sequela"
    r"| by | from | at | involving | except | other than "
)
_ASIDE = re.compile(r"\s*(?:\([^)]*\)|\[[^\]]*\])")
_SUFFIX = re.compile(
    r"(?:itis|osis|oses|emia|aemia|oma|omas|pathy|algia|plegia|paresis|phobia|philia|rrhea|rrhoea|trophy|plasia|"
    r"penia|cele|uria|ismus|iasis|ectomy|otomy|ostomy|mania|lepsy|spasm|kinesia|phagia|phasia|esthesia|aesthesia|"
    r"lexia|praxia)$"
)
"""Endings that make a single word a condition name ("nephritis", "lymphoma", "neuropathy")."""
_LEADING = frozenset(
    {
        "other", "unspecified", "acute", "chronic", "mild", "moderate", "severe", "primary", "secondary",
        "recurrent", "single", "multiple", "specified", "unsp", "essential", "idiopathic", "congenital",
        "acquired", "simple", "subacute", "malignant", "benign", "major", "minor", "right", "left", "bilateral",
        "personal", "history", "obstructed", "partial", "complete", "total", "transient", "persistent",
    }
)  # fmt: skip
_NOT_FIRST = frozenset({"other", "specified", "unspecified", "unsp", "personal", "history", "certain", "toxic"})
_PLAIN = re.compile(r"^[a-z][a-z'-]*(?: [a-z0-9][a-z0-9'-]*){0,2}$")
_PAIR = re.compile(r"^([a-z'-]+(?: [a-z'-]+)?) and ([a-z'-]+(?: [a-z'-]+)?)$")
_EPONYM = re.compile(r"^([a-z]{4,})'s (?:disease|syndrome|disorder|palsy)$")
EPONYM_ZIPF = 2.7
"""An eponym alone names its disease ("tourette's", "crohn's") only when the name is rare: "Lowe's", "Schmidt's",
"Bell's" are shops, surnames and words far more often."""
_VAGUE = frozenset(
    {
        "disease", "diseases", "disorder", "disorders", "condition", "conditions", "syndrome", "injury", "injuries",
        "abnormality", "abnormalities", "findings", "problems", "symptoms", "signs", "complications", "effects",
        "sequelae", "encounter", "status", "type", "stage", "part", "site", "region", "area", "organ", "organs",
        "unspecified", "other", "person", "persons", "effect", "deficit", "contact", "exposure", "history",
        "examination", "screening",
    }
)  # fmt: skip
"""Phrases whose last word is one of these name a class, not a health detail ("other disorders", "injury")
unless a more specific word comes first; single words among them are left out."""
_STOP_PHRASES = frozenset(
    {
        # an everyday sense more common than the health one ("food coma", "snoring through the match")
        "fall", "falls", "burn", "burns", "crushing", "cut", "bite", "sting", "coma", "plague", "blackout",
        "immersion", "starvation", "unhappiness", "nervousness", "freckles", "sighing", "tiredness", "snoring",
        "flushing", "chills", "sunburn", "loneliness", "hostility", "worries", "screaming", "weakness", "overweight",
        "nose-picking", "lisping", "senescence", "callus", "ganglion", "trance", "hereditary", "obstruction",
        "needles", "sinus", "cramp", "underweight", "contact lenses", "apathy", "slowness", "flutter", "alexia",
        # a name, a place or another word spelled like a rare condition
        "taco", "atlas", "axis", "felon", "noma", "pinta", "tokelau", "malleus", "astragalus", "denticles", "kuru",
        "pig-bel", "mis-a", "lad-i", "lad-ii", "lad-iii", "h-abc",
        # not a health condition about a person
        "transgender",
    }
)  # fmt: skip
_BRITISH = (
    ("leukemia", "leukaemia"), ("anemia", "anaemia"), ("hemorrhag", "haemorrhag"), ("edema", "oedema"),
    ("esophag", "oesophag"), ("tumor", "tumour"), ("pediatric", "paediatric"), ("diarrhea", "diarrhoea"),
    ("fetal", "foetal"), ("hemophilia", "haemophilia"), ("hemoglobin", "haemoglobin"), ("ischemi", "ischaemi"),
    ("orthopedic", "orthopaedic"), ("hematoma", "haematoma"), ("celiac", "coeliac"), ("estrogen", "oestrogen"),
    ("anesthe", "anaesthe"), ("dyspnea", "dyspnoea"), ("apnea", "apnoea"), ("gonorrhea", "gonorrhoea"),
    ("hemorrhoid", "haemorrhoid"), ("hemato", "haemato"), ("hemi", "haemi"),
)  # fmt: skip


def _xml() -> ET.Element:
    data = resources.files("simple_icd_10_cm").joinpath("data")
    name = next(p.name for p in data.iterdir() if p.name.startswith("icd10c-tabular") and p.name.endswith(".xml"))
    return ET.fromstring(data.joinpath(name).read_bytes())


def titles(root: ET.Element) -> Iterator[str]:
    """Every code title and inclusion term of the kept chapters, and from chapter 21 the treatment, device or
    procedure that a status names ("Kidney transplant status", "Presence of cardiac pacemaker", "Dependence on
    renal dialysis", "Attention to gastrostomy")."""
    for chapter in root.iter("chapter"):
        number = (chapter.findtext("name") or "").strip()
        if number in SKIP_CHAPTERS and number != STATUS_CHAPTER:
            continue
        for diag in chapter.iter("diag"):
            for title in [diag.findtext("desc") or "", *(n.text or "" for n in diag.iterfind("inclusionTerm/note"))]:
                if number != STATUS_CHAPTER:
                    yield title
                elif m := _STATUS.match(_ASIDE.sub("", title.lower()).strip()):
                    yield m.group(1) or m.group(2)


def phrases(title: str) -> Iterator[tuple[str, bool]]:
    """The short phrases a title names: its head before any qualifier, with and without a leading adjective, each
    with whether it is the whole title (not a part cut from a longer one). A title of two short names joined by
    "and" names both ("Dyslexia and alexia"); "diabetes mellitus" is also "diabetes"; an eponym names its
    disease ("Tourette's disorder" → "tourette's")."""
    plain = re.sub(r"\s+", " ", _ASIDE.sub("", title.lower().replace("\u2019", "'"))).strip()
    if " or " in f" {plain} ":
        return  # "chronic motor or vocal tic disorder": no cut gives a phrase that means one thing
    if m := _PAIR.match(plain):
        for part in m.groups():  # one word of a pair must end like a condition: "trance and possession disorder"
            yield from ((p, whole and " " in p) for p, whole in phrases(part))
        return
    head = _CUTS.split(f" {plain} ")[0].strip()
    whole = head == plain
    words = head.split()
    while words:
        phrase = " ".join(words)
        yield phrase, whole
        if phrase.endswith(" mellitus"):
            yield phrase.removesuffix(" mellitus"), whole
        if (e := _EPONYM.match(phrase)) and zipf_frequency(e.group(1), "en") < EPONYM_ZIPF:
            yield e.group(1) + "'s", True  # not "bell's" (palsy), "lowe's" (syndrome): a word, a shop, a surname
        if words[0] not in _LEADING:
            break
        words = words[1:]  # "unspecified dementia" → "dementia": still the head of the whole title


def keep(phrase: str, whole: bool) -> bool:
    """Whether a phrase is a plain, specific health term that is not an everyday word or a given name. A single
    word must be a whole title ("Measles") or end like a condition ("nephritis"): a word left over from a cut
    title ("superficial", "cloudy") is not a health detail."""
    if not _PLAIN.match(phrase) or len(phrase) < 4 or phrase in _STOP_PHRASES:
        return False
    words = phrase.split()
    if words[-1] in _VAGUE and (len(words) == 1 or all(w in _LEADING or w in _VAGUE for w in words[:-1])):
        return False
    if words[0] in _NOT_FIRST or any(w in ("of", "and", "in", "to", "the", "a", "an", "for") for w in words):
        return False  # "other anemias" is "anemias"; "neoplasm of nose", "injury of lung": an anatomical catalogue
    if len(words) > 1:
        return True
    if not (whole or _SUFFIX.search(phrase)) or is_known_given_name(phrase):
        return False  # "amelia", "albright": a person more often than a condition
    return zipf_frequency(phrase, "en") < EVERYDAY_ZIPF


def british(phrase: str) -> Iterable[str]:
    """The phrase and its British spelling, when it has one."""
    yield phrase
    uk = phrase
    for us, gb in _BRITISH:
        uk = re.sub(rf"\b{us}" if us == "hemi" else us, gb, uk)
    if uk != phrase:
        yield uk


def vocabulary() -> list[str]:
    """The sorted, de-duplicated vocabulary."""
    found: set[str] = set()
    for title in titles(_xml()):
        for p, whole in phrases(title):
            if keep(p, whole):
                found.update(british(p))
    return sorted(found)


def render(terms: list[str]) -> str:
    """The lexicon file's text."""
    version = metadata.version(PACKAGE)
    header = f"""# GENERATED by eval/textlab/build_health_vocab.py -- do not edit by hand; rerun the script.
# Health conditions and injuries named by ICD-10-CM (Tabular List, April 2026 edition; US CDC / National Center
# for Health Statistics, a work of the US Government in the public domain), read from the {PACKAGE}
# {version} package. Code titles and inclusion terms cut to their head phrase; single words that are everyday
# English (wordfreq Zipf >= {EVERYDAY_ZIPF}) left out; British spellings added. Read by phi-identifier only
# (lexicon "health_vocab" in checks/text.py): a condition next to an identifiable client is a health detail;
# these terms add nothing to the work score or the work model. Format of work_terms.txt.
@lang en
"""
    return header + "".join(f"1.0\t{t}\n" for t in terms)


def main(argv: list[str] | None = None) -> int:
    """Write (or ``--check``) the generated lexicon."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if the file differs from what would be written")
    args = ap.parse_args(argv)
    text = render(vocabulary())
    if args.check:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{OUT.relative_to(ROOT)} is out of date")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {text.count(chr(10)) - 8} terms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
