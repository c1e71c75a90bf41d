"""profile-exposure: your personal profile shows your workplace, credentials or work contact details.

A personal Facebook, Instagram, X or Mastodon profile that names your employer or job title, lists a
clinical credential (LCSW, LPC, LMFT, RN, PsyD, ...), or shows a work e-mail address or phone number makes
it easy for clients to find your personal account, and ties what you post there to your practice.
Reported as medium on personal profiles. LinkedIn is a professional profile, where this is expected: it
is listed for information only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import ClassVar

from checks.analysis.places import build_terms, names_workplace
from checks.base import Category, Check, CheckContext, Evidence, Finding, Severity, record_ref
from checks.matching import normalize
from checks.remediation import remediation_for
from scanner.platforms import PROFESSIONAL_PLATFORMS, platform_label
from scanner.records import AnyRecord, Kind, Profile

CREDENTIALS = re.compile(
    r"\b(?:LCSW|LICSW|LISW|LISW-S|LMSW|LSW|MSW|DSW|LPC|LPCC|LPC-S|LMHC|LCPC|LPCA|NCC|LMFT|LMFTA|MFT|LCMHC|"
    r"PsyD|Psy\.D\.|PhD|Ph\.D\.|EdD|RN|BSN|MSN|APRN|PMHNP|PMHNP-BC|NP|LPN|CADC|LADC|LCADC|LCDC|CASAC|CPRS|"
    r"BCBA|LMHP|LCAT|ATR|MD)\b"
)
ROLES = re.compile(
    r"(?i)\b(?:licensed\s+clinical\s+social\s+worker|social\s+worker|therapist|psychotherapist|counsel(?:l)?or|"
    r"psychologist|psychiatrist|clinician|case\s+manager|nurse\s+practitioner|psychiatric\s+nurse|"
    r"travailleu(?:r|se)\s+social(?:e)?|th[ée]rapeute|psychologue|infirmi[èe]re?)\b"
)
_FREE_MAIL = {
    "gmail.com",
    "yahoo.com",
    "hotmail.com",
    "outlook.com",
    "icloud.com",
    "aol.com",
    "proton.me",
    "protonmail.com",
    "live.com",
    "msn.com",
    "me.com",
    "example.com",
}


def _work_domain(email: str, workplace_words: set[str], acronyms: set[str]) -> bool:
    """True when an e-mail address is on a work domain (names the workplace, or is a .gov/.edu/NHS one)."""
    domain = email.rsplit("@", 1)[-1].strip().lower()
    if not domain or domain in _FREE_MAIL:
        return False
    label = domain.split(".")[0]
    if label in acronyms or any(w in label for w in workplace_words if len(w) >= 5):
        return True
    return domain.endswith((".gov", ".edu")) or ".nhs." in domain


class ProfileExposureCheck(Check):
    """Workplace, credentials or work contact details on a personal profile."""

    id: ClassVar[str] = "profile-exposure"
    category: ClassVar[Category] = Category.PROFILE_EXPOSURE
    kinds: ClassVar[frozenset[Kind]] = frozenset({Kind.PROFILE})

    def run(self, record: AnyRecord, ctx: CheckContext) -> Iterable[Finding]:
        """One finding per profile that shows workplace, credentials or work contact details."""
        if not isinstance(record, Profile):
            return
        workplace = ctx.policy.workplace
        terms = build_terms(workplace)
        words = {w for n in workplace.names for w in normalize(n).split()}
        acronyms = {normalize(n) for n in workplace.names if n.isupper()}
        shown: list[Evidence] = []
        for job in record.work:
            if job.employer:
                shown.append(Evidence(0, 0, job.employer, "employer on the profile"))
            if job.title:
                shown.append(Evidence(0, 0, job.title, "job title on the profile"))
        for label, text in (("name", record.name), ("bio", record.bio)):
            if not text:
                continue
            for m in CREDENTIALS.finditer(text):
                shown.append(Evidence(m.start(), m.end(), m.group(0), f"credential in the profile {label}"))
            if label == "bio":
                for m in ROLES.finditer(text):
                    shown.append(Evidence(m.start(), m.end(), m.group(0), "clinical role in the bio"))
                if not terms.empty and (hit := names_workplace(text, terms)):
                    shown.append(Evidence(0, 0, hit, "workplace in the bio"))
        if record.handle:
            for m in CREDENTIALS.finditer(record.handle.upper().replace("-", " ").replace("_", " ").replace(".", " ")):
                if not any(e.text.upper() == m.group(0) for e in shown):
                    shown.append(Evidence(0, 0, m.group(0), "credential in the profile handle"))
        for email in record.emails:
            if _work_domain(email, words, acronyms):
                shown.append(Evidence(0, 0, email, "work e-mail address on the profile"))
        if not shown:
            return
        professional = record.platform in PROFESSIONAL_PLATFORMS or (ctx.policy.allow_professional_page and record.page)
        strong = any(e.reason.startswith(("employer", "workplace", "work e-mail")) for e in shown)
        severity = Severity.INFO if professional else Severity.MEDIUM if strong else Severity.LOW
        platform = platform_label(record.platform)
        reasons = sorted({e.reason.split(" on the ")[0].split(" in the ")[0] for e in shown})
        if professional:
            message = (
                f"Your {platform} profile shows " + ", ".join(reasons) + ". That is expected on a professional "
                "profile; keep personal content and client contact off it."
            )
        else:
            message = (
                f"Your personal {platform} profile shows " + ", ".join(reasons) + ". Clients can find and "
                "recognise your personal account from it. Remove them, or limit who can see them."
            )
        yield Finding(
            check=self.id,
            category=self.category,
            severity=severity,
            confidence=0.9 if strong else 0.7,
            title=f"{platform} profile shows your {'work details' if strong else 'credentials'}",
            message=message,
            platform=record.platform,
            record=record_ref(record, name=record.name, handle=record.handle),
            evidence=tuple(shown),
            remediation=remediation_for(self.category, record.platform),
        )
