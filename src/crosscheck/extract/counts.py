"""Counts: numbers and vague quantities in English, Russian and Ukrainian, read as intervals.

`find_counts` returns each quantity of things in a text as a `Quantity` (a span into the text
and a `model.Count`). `find_numbers` also returns the numbers that are *not* counts as
`NotCount` with a `Reason` (years, dates, clock times, ages, ordinals and unit numbers such as
"155th"/"37-я"/"Т-72"/"в/ч 12345", phone numbers, percentages, money, measures, decimals), so a
later stage can tell "not a count" from "not seen". `parse_count` reads one phrase. What is
counted (killed, wounded...) is the claims stage's business, not this one's.

The cascade, at each token of the text:

1. Patterns over the raw text take out whole: dates (22.10.2023), clock times (14:05),
   fractions (24/7) and phone numbers.
2. A modifier, longest first ("more than", "не менее", "понад", "до", "between", "от").
3. The core: a vague word, scaled by a number noun after it ("tens of thousands", "кілька
   десятків"), or a number in digits ("1,200", "1 204", "1,5 тыс.") or words ("a hundred and
   five", "двадцяти трьох", "полтора десятка"), then a range end ("10-15", "два-три",
   "от 10 до 15", "20-30 тысяч"). "Rose from 20 to 25" / "с 20 до 25" gives two exact figures.
4. The context: what follows (%, "dollars", "km", "years old", "года", a month, "a.m."), letters
   glued to the digits ("155th", "37-я", "2С19"; the case endings "5-ти", "3-х" are kept as
   counts), what precedes ("$", "№", "aged", "в/ч", a month), the year rule, and an ordinal word
   after a numeral ("двадцать пятая"). Any of these makes the core a `NotCount`.
5. A postfix modifier when there was no prefix ("20+", "or more", "с лишним", "з гаком").
6. The rule turns the figures into low/best/high (N, M the numbers; d = ceil(N/10)):

| rule        | phrases                                                  | low  | best | high |
|-------------|----------------------------------------------------------|------|------|------|
| exact       | 20, twenty, двадцати, п'ятеро, a dozen, полтора десятка  | N    | N    | N    |
| between     | 10-15, between 10 and 15, от/від 10 до 15, два-три       | N    | -    | M    |
| more_than   | more than, over, более, больше, свыше, понад, більше, більш як, N с лишним | N+1 | - | - |
| at_least    | at least, no fewer than, не менее, по меньшей мере, щонайменше, принаймні, N+ | N | - | - |
| at_most     | at most, no more than, не более, не більше, щонайбільше  | -    | -    | N    |
| less_than   | less than, fewer than, менее, меньше, менше              | -    | -    | N-1  |
| up_to       | up to, as many as, до N, вплоть до, аж до                | -    | -    | N    |
| about       | about, around, roughly, some, approximately, ~, около, порядка, примерно, близько, приблизно | N-d | N | N+d |
| nearly      | nearly, almost, close to, почти, без малого, майже       | N-d  | -    | N-1  |
| vague:K@P   | dozens, десятки, кілька десятків, several, a few, many   | from profile P for word K |

A modifier before a range applies to its ends ("about 10-15" -> 9..17). Modifiers before a
vague word are left out of the phrase ("over hundreds" reads as "hundreds").

The year rule: a bare four-digit 1900..2099 is a year after "in/since/the/в/у/з..." or before
"year/года/року"; after a count modifier other than "до" it is a count; otherwise it is a count
only when a lower-case word follows ("до 2000 человек", "killed 1950 soldiers"). A phrase that
is only the number ("1950") reads as a count.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

from crosscheck.extract.numerals import Kind, Numeral, Reader, normalize
from crosscheck.extract.rules import Lexicon, language_key, lexicon
from crosscheck.model import Count, Span

__all__ = [
    "ACLED",
    "NAME",
    "PROFILES",
    "RANGE",
    "NotCount",
    "Profile",
    "Quantity",
    "Reason",
    "find_counts",
    "find_numbers",
    "parse_count",
]

NAME = "extract.counts.v1"

Band = tuple[int | None, int | None, int | None]


@dataclass(frozen=True, slots=True, kw_only=True)
class Profile:
    """How vague words become figures, as (low, best, high) per word.

    A scale after the word multiplies low and best, and stretches high to the scale's top:
    "кілька сотень" under RANGE is 200/300/599. Russian/Ukrainian десятки are "tens";
    несколько/кілька are "few"; "multiple" is "several"; багато/много/numerous are "many".

    | word      | ACLED (low=best, no high) | RANGE low/best/high |
    |-----------|---------------------------|---------------------|
    | couple    | 2                         | 2 / 2 / 3           |
    | few       | 2                         | 2 / 3 / 5           |
    | several   | 3                         | 3 / 5 / 9           |
    | many      | 3                         | 3 / - / -           |
    | tens      | 10                        | 20 / 30 / 99        |
    | dozens    | 12                        | 24 / 36 / 99        |
    | scores    | 20                        | 40 / 60 / 199       |
    | hundreds  | 100                       | 200 / 300 / 999     |
    | thousands | 1000                      | 2000 / 3000 / 9999  |

    ACLED is ACLED's published rule (tens 10, dozens 12, hundreds 100, "the most conservative
    estimate"), extended the same way: the singular of the word (a score is 20), and for the
    words ACLED does not list the smallest number the word can mean ("a few" 2, "several" 3)
    and its "no number given" floor of 3 for "many". It names no upper bound. RANGE reads the
    plural literally for the floor (dozens is at least two dozen), takes the next step up as
    the best guess (three dozen), and stops below the next word ("hundreds" would be used
    above 99).
    """

    name: str
    couple: Band
    few: Band
    several: Band
    many: Band
    tens: Band
    dozens: Band
    scores: Band
    hundreds: Band
    thousands: Band

    def band(self, word: str) -> Band:
        band: Band = getattr(self, word)
        return band


ACLED = Profile(
    name="acled", couple=(2, 2, None), few=(2, 2, None), several=(3, 3, None),
    many=(3, 3, None), tens=(10, 10, None), dozens=(12, 12, None), scores=(20, 20, None),
    hundreds=(100, 100, None), thousands=(1000, 1000, None),
)  # fmt: skip
RANGE = Profile(
    name="range", couple=(2, 2, 3), few=(2, 3, 5), several=(3, 5, 9), many=(3, None, None),
    tens=(20, 30, 99), dozens=(24, 36, 99), scores=(40, 60, 199), hundreds=(200, 300, 999),
    thousands=(2000, 3000, 9999),
)  # fmt: skip
PROFILES = {profile.name: profile for profile in (ACLED, RANGE)}


class Reason(StrEnum):
    """Why a number is not a count."""

    YEAR = "year"
    DATE = "date"
    TIME = "time"
    AGE = "age"
    ORDINAL = "ordinal"
    IDENTIFIER = "identifier"
    PHONE = "phone"
    PERCENT = "percent"
    MONEY = "money"
    MEASURE = "measure"
    DECIMAL = "decimal"
    FRACTION = "fraction"


@dataclass(frozen=True, slots=True, kw_only=True)
class Quantity:
    """A count of things: ``text[span.start:span.end] == count.phrase``."""

    span: Span
    count: Count


@dataclass(frozen=True, slots=True, kw_only=True)
class NotCount:
    """A number that counts nothing: a year, a date, "155th", "20%"..."""

    span: Span
    reason: Reason


Reading = Quantity | NotCount


def find_counts(text: str, language: str | None, *, profile: Profile = ACLED) -> list[Quantity]:
    """Every quantity of things in ``text``, in text order."""
    return [r for r in find_numbers(text, language, profile=profile) if isinstance(r, Quantity)]


def parse_count(phrase: str, language: str | None, *, profile: Profile = ACLED) -> Count | None:
    """The count of a phrase that holds exactly one number, None when it holds none, several,
    or one that is not a count ("more than 20 dead" -> low 21; "20%" -> None)."""
    readings = find_numbers(phrase, language, profile=profile)
    if len(readings) == 1 and isinstance(readings[0], Quantity):
        return readings[0].count
    return None


def find_numbers(text: str, language: str | None, *, profile: Profile = ACLED) -> list[Reading]:
    """Counts and not-counts alike, in text order, spans not overlapping."""
    scan = _scan(text, language, profile)
    found: list[Reading] = []
    i = 0
    while i < len(scan.tokens):
        got = _read(scan, i)
        if got is None:
            i += 1
            continue
        readings, i = got
        found.extend(_age_list(scan, found, reading) for reading in readings)
    return sorted([*scan.whole, *found], key=lambda reading: reading.span.start)
