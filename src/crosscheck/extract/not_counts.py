"""Not counts: what around a number makes it a year, a date, a price or a unit's number rather
than a quantity of things (step 1 and step 4 of the cascade in ``extract.counts``).

In the order they are tried:

1. `whole`: patterns over the raw text, before tokenizing: dates (22.10.2023, 2023-10-22),
   clock times (14:05), phone numbers (+380..., "067 123 45 67") and fractions (24/7).
2. `reason`, for a number read from tokens:
   - what follows it (the lexicon's ``right`` patterns): "%", "dollars"/"грн", "km"/"мм",
     "years old"/"-летний"/"-річний", "года"/"року" (a year from 1000 to 2100, else a
     duration), a month ("22 октября"), "a.m."/"утра", "times"/"раз" (how often, not how
     many), a street address ("the 300 block", "1815 S. Grand St.");
   - letters glued to the digits: before ("Т-72", "М777", "F-16"), after ("155th", "37-я",
     "2С19"; a decade "1990s"/"90-х" is a year); cardinal case endings ("5-ти", "3-х") are
     part of the digit token (`numerals.tokenize`) and stay counts;
   - what precedes it (the lexicon's ``left`` patterns): "$", "№", "в/ч", "ст.", "aged",
     "у віці", a month ("October 22"; "октября 2022" is a year); a leading zero ("01");
   - an age set off by commas after a name ("Dmitry Yerokhin, 34, from ...", or a headline's
     "Josue Perez, 18 - The Homicide Report");
   - the year rule (see ``extract.counts``);
   - an ordinal word right after a numeral ("двадцать пятая бригада", "twenty-first").
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from crosscheck.extract.numerals import Number, Token
from crosscheck.extract.rules import lexicon

__all__ = ["Context", "Reason", "context", "overlaps", "reason", "right", "whole"]


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
    FREQUENCY = "frequency"  # "shot 18 times", "обстреляли 25 раз"


_WHOLE = [
    (Reason.DATE, r"(?<![\d.,/])(?:\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2})"
                  r"|\d{4}-\d{1,2}-\d{1,2})(?!\d)"),
    (Reason.TIME, r"(?<![\d.,:])\d{1,2}:\d{2}(?::\d{2})?(?![\d:])"),
    (Reason.PHONE, r"(?<![\w+])(?:\+\d{1,3}[ \u00a0-]?)?(?:\(\d{2,5}\)[ \u00a0-]?)?\d{1,4}"
                   r"(?:[ \u00a0-]\d{2,4}){2,5}(?!\w)"),
    # a bracketed area code needs one group less: "(213) 485-1383"
    (Reason.PHONE, r"(?<![\w+])\(\d{2,5}\)[ \u00a0-]?\d{2,4}(?:[ \u00a0-]\d{2,4}){1,4}(?!\w)"),
    (Reason.FRACTION, r"(?<![\d/])\d+/\d+(?![\d/])"),
]  # fmt: skip
_WHOLE_PATTERNS = [(reason, re.compile(source)) for reason, source in _WHOLE]
_RIGHT_ORDER = [Reason.PERCENT, Reason.MONEY, Reason.AGE, Reason.YEAR, Reason.DATE, Reason.TIME,
                Reason.MEASURE, Reason.FREQUENCY, Reason.IDENTIFIER]  # fmt: skip
_LEFT_ORDER = [Reason.MONEY, Reason.IDENTIFIER, Reason.AGE, Reason.DATE]
_SPACE = r"[\s\u00a0\u202f\u2009]"
_NAME_COMMA = re.compile(r"\b[A-ZА-ЯЁІЇЄҐ][\w'’-]+\.?,[ \u00a0]*$")  # "Perez Jr., 20"
_CLOSING = re.compile(r"[ \u00a0]*(?:,|\)|\.(?!\d)|$|[-–—|][ \u00a0])")
_ORDINAL_ENDINGS = frozenset(
    {"st", "nd", "rd", "th", "й", "я", "е", "го", "му", "м", "ой", "ый", "ий", "ая", "ое",
     "ые", "ых", "их", "ом", "ю", "ую", "ї", "ої", "ою", "ту", "та", "те", "ті", "ій", "ого",
     "ому", "ім", "им", "ше", "ге"}
)  # fmt: skip


def whole(text: str) -> list[tuple[int, int, Reason]]:
    """Step 1: (start, end, reason) of the dates, times, phones and fractions in ``text``."""
    taken: list[tuple[int, int, Reason]] = []
    for found, pattern in _WHOLE_PATTERNS:
        before = sorted(taken)  # earlier patterns win an overlap (a date over a phone)
        for m in pattern.finditer(text):
            if not overlaps(before, m.start(), m.end()) and (
                found is not Reason.PHONE or _is_phone(m.group())
            ):
                taken.append((m.start(), m.end(), found))
    return sorted(taken)


def overlaps(spans: Sequence[tuple[int, int, object]], start: int, end: int) -> bool:
    """Whether ``start..end`` overlaps one of ``spans`` (sorted, not overlapping each other)."""
    k = bisect.bisect_left(spans, end, key=lambda span: span[0])
    return k > 0 and spans[k - 1][1] > start


def _is_phone(candidate: str) -> bool:
    """Nine digits or more, and something a thousands grouping would not have: a +, a bracket
    or a group that is not three digits ("067 123 45 67"; "1 000 000 000" is a number)."""
    groups = re.findall(r"\d+", candidate)
    odd = any(len(group) != 3 for group in groups[1:])
    return sum(map(len, groups)) >= 9 and ("+" in candidate or "(" in candidate or odd)


@dataclass(frozen=True, slots=True)
class _Patterns:
    left: list[tuple[Reason, re.Pattern[str]]]
    right: list[tuple[Reason, re.Pattern[str]]]
    ordinal: re.Pattern[str]
    year_preps: frozenset[str]


@functools.cache
def _patterns() -> _Patterns:
    # Context words do not collide across the three languages, and an English report quotes
    # "в/ч 12345" or "5 тыс. грн" often enough: the context is read with all three tables.
    lex = lexicon("all")
    left = [(r, rf"(?:{lex.left[r]}){_SPACE}*$") for r in _LEFT_ORDER if r in lex.left]
    right = [(r, rf"\.?[-\s\u00a0\u202f\u2009]*(?:of\s+)?(?:{lex.right[r]})(?![\w'’])")
             for r in _RIGHT_ORDER if r in lex.right]  # fmt: skip
    return _Patterns(
        left=[(r, re.compile(source, re.IGNORECASE)) for r, source in left],
        right=[(r, re.compile(source, re.IGNORECASE)) for r, source in right],
        ordinal=re.compile(lex.ordinal),
        year_preps=lex.year_preps,
    )


@dataclass(frozen=True, slots=True)
class Context:
    """The text, its tokens and the compiled patterns of one language key."""

    text: str
    tokens: list[Token]
    patterns: _Patterns


def context(text: str, tokens: list[Token]) -> Context:
    return Context(text, tokens, _patterns())


def reason(ctx: Context, low: Number, high: Number, last: int, rule: str | None) -> Reason | None:
    """Step 2: why the number ``low`` (or the range ``low``..``high``), ending at token
    ``last``, is not a count; None when it is one. ``rule`` is the modifier before it."""
    start, end = ctx.tokens[low.first].start, ctx.tokens[last].end
    after, before = right(ctx, end, high.value), _left(ctx, start, low.value)
    if after is not None and not (after is Reason.MEASURE and before is Reason.AGE):
        return after  # "в возрасте 19 лет" is an age, not a duration
    return (
        _glued(ctx, low, high, last)
        or before
        or _apposition(ctx, start, end, high.value if high is low else None)
        or _year(ctx, low, high, rule)
        or _ordinal_after(ctx, last)
    )


def right(ctx: Context, end: int, value: int) -> Reason | None:
    """What follows: "%", "dollars", "km", "years old", "года", a month, "a.m."."""
    for found, pattern in ctx.patterns.right:
        # "года"/"г." after a small number is a duration or grams: the measure pattern has it.
        if pattern.match(ctx.text, end) and (found is not Reason.YEAR or 1000 <= value <= 2100):
            return found
    return None


def _left(ctx: Context, start: int, value: int) -> Reason | None:
    for found, pattern in ctx.patterns.left:
        if pattern.search(ctx.text, max(0, start - 40), start):
            return Reason.YEAR if found is Reason.DATE and value >= 1000 else found
    return None


def _apposition(ctx: Context, start: int, end: int, value: int | None) -> Reason | None:
    """ "Dmitry Yerokhin, 34, from ...": a small number set off by commas after a name."""
    if value is None or value > 120 or not _CLOSING.match(ctx.text, end):
        return None
    return Reason.AGE if _NAME_COMMA.search(ctx.text, max(0, start - 40), start) else None


def _glued(ctx: Context, low: Number, high: Number, last: int) -> Reason | None:
    if any(_letter_before(ctx, number) or _zero_led(ctx, number) for number in (low, high)):
        return Reason.IDENTIFIER
    suffix, _ = _suffix(ctx, last) if ctx.tokens[last].kind == "num" else (None, last)
    if suffix is None:
        return None
    if suffix in ("s", "х"):  # a decade: "1990s", "the 90s", "90-х годов"
        return Reason.YEAR
    return Reason.ORDINAL if suffix in _ORDINAL_ENDINGS else Reason.IDENTIFIER


def _letter_before(ctx: Context, number: Number) -> bool:
    """ "Т-72", "F-16", "TB2": digits glued to letters (optionally through "-" or "/")."""
    start = ctx.tokens[number.first].start
    if ctx.tokens[number.first].kind != "num" or start == 0:
        return False
    before = ctx.text[start - 1]
    return before.isalpha() or (before in "-/" and ctx.text[start - 2 : start - 1].isalpha())


def _zero_led(ctx: Context, number: Number) -> bool:
    """ "01", "0912": counts are not written with a leading zero; codes and dates are."""
    digits = ctx.tokens[number.first].norm
    return ctx.tokens[number.first].kind == "num" and digits[:1] == "0" and digits[1:2].isdigit()


def _suffix(ctx: Context, k: int) -> tuple[str | None, int]:
    """The word glued after token ``k`` ("th" in "155th", "я" in "37-я") and its index."""
    tokens, nxt = ctx.tokens, k + 1
    if nxt < len(tokens) and tokens[nxt].norm == "-" and tokens[nxt].start == tokens[k].end:
        k, nxt = nxt, nxt + 1
    if nxt < len(tokens) and tokens[nxt].kind == "word" and tokens[nxt].start == tokens[k].end:
        return tokens[nxt].norm, nxt
    return None, k


def _year(ctx: Context, low: Number, high: Number, rule: str | None) -> Reason | None:
    if high is not low:  # "2014-2022"
        return Reason.YEAR if _bare_year(ctx, low) and _bare_year(ctx, high) else None
    if not _bare_year(ctx, low) or rule not in (None, "up_to"):
        return None  # "more than 2000" is a count
    before = ctx.tokens[low.first - 1].norm if low.first else None
    if before in ctx.patterns.year_preps:
        return Reason.YEAR
    after = ctx.tokens[low.last + 1] if low.last + 1 < len(ctx.tokens) else None
    if after is not None and after.kind == "word" and after.text[:1].islower():
        return None  # "до 2000 человек", "killed 1950 soldiers"
    return Reason.YEAR if before is not None or after is not None else None


def _bare_year(ctx: Context, number: Number) -> bool:
    token = ctx.tokens[number.first]
    four_digits = (
        token.kind == "num" and not token.grouped and len(token.text) == 4 == len(token.norm)
    )
    return number.first == number.last and four_digits and 1800 <= number.value <= 2099


def _ordinal_after(ctx: Context, last: int) -> Reason | None:
    tokens, k = ctx.tokens, last + 1
    if k < len(tokens) and tokens[k].norm == "-":
        k += 1
    if tokens[last].kind != "word" or k >= len(tokens):
        return None
    return Reason.ORDINAL if ctx.patterns.ordinal.fullmatch(tokens[k].norm) else None
