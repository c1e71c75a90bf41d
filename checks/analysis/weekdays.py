"""Weekday names as the text checks read them: English, French and Spanish, full and short."""

from __future__ import annotations

WEEKDAYS: dict[str, str] = {
    **{d: d[:3] for d in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")},
    **{d: d for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")},
    "tues": "tue", "thur": "thu", "thurs": "thu",
    "lundi": "mon", "mardi": "tue", "mercredi": "wed", "jeudi": "thu", "vendredi": "fri", "samedi": "sat",
    "dimanche": "sun",
    "lunes": "mon", "martes": "tue", "miercoles": "wed", "miércoles": "wed", "jueves": "thu", "viernes": "fri",
    "sabado": "sat", "sábado": "sat", "domingo": "sun",
}  # fmt: skip
"""A weekday as written (lower case) → its day ("thurs" → "thu", "jeudi" → "thu")."""

DAY_NAMES = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
"""A regular-expression alternation of every written weekday, longest first."""

__all__ = ["DAY_NAMES", "WEEKDAYS"]
