"""Redaction levels and what each may show, as data (DESIGN.md section 8).

A report is written at one :class:`Redaction` level. What the level lets a report show is declared once,
in :data:`RULES`: :func:`reports.redact.redact` builds the redacted copy from it, and the writers read the
copy's ``result.redaction.shows`` instead of comparing level names.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType


class Redaction(StrEnum):
    """Who a report is for."""

    FULL = "full"
    """Everything, for the clinician alone."""
    SUPERVISION = "supervision"
    """For a clinical supervisor: clients as initials and id, clients masked in every text."""
    AGENCY = "agency"
    """For an agency or employer: counts and remediation status only."""

    @property
    def shows(self) -> Shows:
        """What a report at this level may show."""
        return RULES[self]

    @classmethod
    def parse(cls, value: Redaction | str) -> Redaction:
        """The level named ``value``; a ``ValueError`` naming the levels when there is none."""
        try:
            return cls(value)
        except ValueError:
            raise ValueError(f"unknown redaction level {value!r}; choose one of {', '.join(cls)}") from None


@dataclass(frozen=True)
class Shows:
    """What a report at one redaction level may show."""

    label: str
    """The line that says, at the top of the report, who the copy is for."""
    file_suffix: str
    """Added to the report's file name (``boundary-audit-report-supervision.html``)."""
    client_names: bool
    """Clients by name (otherwise as initials and id, or not at all)."""
    finding_details: bool
    """One entry per finding with its title, message, excerpt and evidence (texts masked unless ``full``)."""
    masked_text: bool
    """Every text passes through the client masker (names, handles, e-mail addresses, phone numbers)."""
    accounts: bool
    """Sources keep the account's name and handle and the archive's local path."""


RULES = MappingProxyType(
    {
        Redaction.FULL: Shows(
            label="Full report — for your eyes only",
            file_suffix="",
            client_names=True,
            finding_details=True,
            masked_text=False,
            accounts=True,
        ),
        Redaction.SUPERVISION: Shows(
            label="Supervision copy — clients shown as initials and ids",
            file_suffix="-supervision",
            client_names=False,
            finding_details=True,
            masked_text=True,
            accounts=True,
        ),
        Redaction.AGENCY: Shows(
            label="Agency copy — counts and remediation status only",
            file_suffix="-agency",
            client_names=False,
            finding_details=False,
            masked_text=True,
            accounts=False,
        ),
    }
)
