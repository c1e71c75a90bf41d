"""Contact identifiers in text: phone numbers (through ``phonenumbers``) and e-mail addresses.

Used by the phi-identifier check (a client's identifiers in a post) and by the masker of redacted
reports (no phone number or e-mail address survives a supervision copy).
"""

from __future__ import annotations

import re

import phonenumbers

from checks.base import Evidence

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", re.I)
"""An e-mail address."""

PHONE_REGIONS = ("US", "GB", "FR", "CA", "AU", "IE", "DE", "BE", "CH", "ES", "IT", "NL")
"""Regions whose national number formats are tried after the policy's own (a clinician may have moved)."""


def find_phones(text: str, region: str = "US") -> list[Evidence]:
    """Valid phone numbers in ``text``: national formats of ``region`` first, then of PHONE_REGIONS."""
    found: list[Evidence] = []
    for lo, hi in _digit_windows(text):  # phonenumbers scans each window, not a whole message thread
        window = text[lo:hi]
        for reg in dict.fromkeys((region, *PHONE_REGIONS)):
            for m in phonenumbers.PhoneNumberMatcher(window, reg):
                start, end = lo + m.start, lo + m.end
                if not any(e.start < end and start < e.end for e in found):
                    found.append(Evidence(start, end, m.raw_string, "phone number"))
    return found


_DIGIT_RUN = re.compile(r"\d[\d\s().-]{6,}\d")
_CONTEXT = 40  # characters around a run of digits: prefixes (+33, "tel"), extensions, the matcher's own checks


def _digit_windows(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` around each run of digits long enough to be a phone number (overlaps merged)."""
    windows: list[tuple[int, int]] = []
    for m in _DIGIT_RUN.finditer(text):
        lo, hi = max(0, m.start() - _CONTEXT), min(len(text), m.end() + _CONTEXT)
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], hi)
        else:
            windows.append((lo, hi))
    return windows


def digits_of(text: str) -> str:
    """The digits of ``text`` (``(319) 555-0143`` → ``3195550143``)."""
    return "".join(c for c in text if c.isdigit())


_SHORT_DIGIT_RUN = re.compile(r"\+?\d[\d\s().-]{5,}\d")


def digit_runs(text: str) -> list[tuple[int, int, str]]:
    """Every run of seven or more characters of digits and phone-number separators: ``(start, end, digits)``."""
    return [(m.start(), m.end(), digits_of(m.group())) for m in _SHORT_DIGIT_RUN.finditer(text)]


MIN_PHONE_DIGITS = 7
"""The fewest digits a phone number has (a local number without its area code)."""


def phones_in_notes(notes: str | None) -> set[str]:
    """The digits of every phone-like number in a client's notes (the last ten, enough to recognise it)."""
    return {digits[-10:] for _, _, digits in digit_runs(notes or "") if len(digits) >= MIN_PHONE_DIGITS}


def phone_key(digits: str) -> str:
    """What two writings of one number share, with or without a country prefix (``+61 412…`` and ``0412…``):
    the last nine digits, or all of a shorter local number."""
    return digits[-9:]
