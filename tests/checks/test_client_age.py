"""A client's age from the notes column: only what surely makes them a child at a given time."""

from __future__ import annotations

import pytest

from checks.analysis.client_age import earliest_birth_year


@pytest.mark.parametrize(
    ("notes", "year"),
    [
        ("clinic program from 2019; 5 in 2019; Sandy Springs", 2013),  # 5 in 2019: born 2013 or 2014
        ("aged 7 in 2021", 2013),
        ("6 ans en 2022; Lille", 2015),
        ("DOB 02/03/2014", 2014),
        ("born 2014; autism", 2014),
        ("DOB 2014-03-02", 2014),
        ("34 in 2013; plasterer; mum 61 in 2013", 1978),
        ("5 in 2019; mum Rachel born 1984", 2013),  # the mother's birth year is hers
        ("5 in 2019; born 2012", 2012),  # the earliest the notes allow: never younger than said
        ("plasterer from Mayfield; 34", None),  # an age without a year says nothing of other years
        ("from 2019; dad 45 in 2020", None),  # someone else's age
        ("28; perinatal depression; son Kuba born 2021", None),  # the son's birth, not the client's
    ],
)
def test_earliest_birth_year(notes: str, year: int | None) -> None:
    assert earliest_birth_year(notes) == year


@pytest.mark.parametrize(
    ("notes", "year"),
    [
        ("born 3 March 2014", 2014),
        ("born March 3, 2014; autism", 2014),
        ("nee le 3 mars 2015", 2015),
        ("born 03.02.14", None),  # a two-digit year says too little
    ],
)
def test_birth_dates_written_out(notes: str, year: int | None) -> None:
    assert earliest_birth_year(notes) == year
