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
4. The context (``extract.not_counts``): what follows (%, "dollars", "km", "years old", "года",
   a month, "a.m."), letters glued to the digits ("155th", "37-я", "2С19", "Т-72"; the case
   endings "5-ти", "3-х" are kept as counts), a leading zero ("01"), what precedes ("$", "№",
   "aged", "в/ч", a month), an age after a name ("Yerokhin, 34,"), the year rule, and an
   ordinal word after a numeral ("двадцать пятая"). Any of these makes the core a `NotCount`.
5. A postfix modifier when there was no prefix ("20+", "or more", "с лишним", "з гаком").
6. The rule turns the figures into low/best/high (N, M the numbers; d = ceil(N/10)):

| rule      | phrases (more in ``rules/counts_<lang>.py``)                | low | best | high |
|-----------|-------------------------------------------------------------|-----|------|------|
| exact     | 20, twenty, двадцати, п'ятеро, a dozen, полтора десятка     | N   | N    | N    |
| between   | 10-15, between 10 and 15, от/від 10 до 15, два-три          | N   | -    | M    |
| more_than | more than, over, более, свыше, понад, більш як, N с лишним  | N+1 | -    | -    |
| at_least  | at least, no fewer than, не менее, щонайменше, N+           | N   | -    | -    |
| at_most   | at most, no more than, не более, не більше, щонайбільше     | -   | -    | N    |
| less_than | less than, fewer than, менее, меньше, менше                 | -   | -    | N-1  |
| up_to     | up to, as many as, до N, вплоть до, аж до                   | -   | -    | N    |
| about     | about, around, some, ~, около, порядка, близько, приблизно  | N-d | N    | N+d  |
| nearly    | nearly, almost, close to, почти, без малого, майже          | N-d | -    | N-1  |
| vague:K@P | dozens, десятки, кілька десятків, several, a few, many      | profile P, word K  |

A modifier before a range applies to its ends ("about 10-15" -> 9..17). Modifiers before a
vague word are left out of the phrase ("over hundreds" reads as "hundreds"). A symbol
modifier (">", "~") and a range do not cross a line break ("</i>\\n9" is just 9).

The year rule: a bare four-digit 1800..2099 is a year after "in/since/the/в/у/з..." or before
"year/года/року"; after a count modifier other than "до" it is a count; otherwise it is a count
only when a lower-case word follows ("до 2000 человек", "killed 1950 soldiers"). A phrase that
is only the number ("1950") reads as a count.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TypeVar

from crosscheck.extract import not_counts
from crosscheck.extract.not_counts import Context, Reason
from crosscheck.extract.numerals import Kind, Number, Numeral, Token, read_number, tokenize
from crosscheck.extract.profiles import ACLED, PROFILES, RANGE, Band, Profile
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

NAME = "extract.counts.v3"


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
    """Counts and not-counts alike, in text order, spans not overlapping.

    ``language`` picks the number words: "en"; "ru" and "uk" share one Cyrillic table; any
    other code or None tries all three. The context words (units, months...) are always all.
    """
    scan = _scan(text, language, profile)
    found: list[Reading] = []
    i = 0
    while i < len(scan.tokens):
        got = _read(scan, i)
        if got is None:
            i += 1
            continue
        readings, i = got
        for reading in readings:
            found.append(_age_list(scan, found, reading))
    return sorted([*scan.whole, *found], key=lambda reading: reading.span.start)


# -- the scan ------------------------------------------------------------------------------

_LIST_GAP = re.compile(r"\s*(?:,|and|or|и|или|і|й|та|або)?\s*", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Scan:
    text: str
    tokens: list[Token]
    whole: list[NotCount]
    lex: Lexicon
    ctx: Context
    phrases: tuple[int, frozenset[str]]  # most words in a modifier/vague phrase; first words
    profile: Profile


def _scan(text: str, language: str | None, profile: Profile) -> _Scan:
    key = language_key(language)
    taken = not_counts.whole(text)
    whole = [NotCount(span=Span(start, end), reason=why) for start, end, why in taken]
    tokens = tokenize(text, [(start, end) for start, end, _ in taken])
    ctx = not_counts.context(text, tokens)
    return _Scan(text, tokens, whole, lexicon(key), ctx, _phrases(key), profile)


@functools.cache
def _phrases(key: str) -> tuple[int, frozenset[str]]:
    lex = lexicon(key)
    tables: list[Mapping[tuple[str, ...], object]] = [
        lex.modifiers, lex.openers, lex.postfix, lex.vague]  # fmt: skip
    phrases = [words for table in tables for words in table]
    return max(map(len, phrases)), frozenset(words[0] for words in phrases)


# -- reading one phrase ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Core:
    low: Number
    high: Number  # the same object as low for one number
    floor: int  # low's value, scaled for "20-30 тысяч" (20000)


@dataclass(frozen=True, slots=True)
class _Vague:
    word: str
    scale: int
    first: int
    last: int


def _read(scan: _Scan, i: int) -> tuple[list[Reading], int] | None:
    """The readings that start at token ``i`` and the index after them, or None."""
    rule, joins, j = _prefix(scan, i)
    if j >= len(scan.tokens) or _cancelled(scan, j):
        return None
    vague = _vague(scan, j, after_modifier=rule is not None)
    if vague is not None:
        return [_vague_reading(scan, vague)], vague.last + 1
    low = _number(scan, j, after_modifier=rule is not None)
    if low is None:
        return _unreadable(scan, j)
    if rule is None and _before(scan, j) in scan.lex.changes:
        change = _range(scan, low, scan.lex.change_joins)
        if change is not None:
            return _change(scan, change)
    core = _range(scan, low, joins)
    if rule is None or (rule == "between" and core is None):
        rule, i = None, j  # an opener ("between", "от") without its second number is dropped
    return _finish(scan, i, core or _Core(low, low, low.value), rule)


def _finish(scan: _Scan, i: int, core: _Core, rule: str | None) -> tuple[list[Reading], int]:
    """Steps 4-6 for the core read at ``i`` (where its modifier, if any, starts)."""
    tokens = scan.tokens
    last = core.high.last
    why = not_counts.reason(scan.ctx, core.low, core.high, last, rule)
    if why is not None:
        span = Span(tokens[core.low.first].start, tokens[last].end)
        return [NotCount(span=span, reason=why)], last + 1
    if rule is None:
        rule, last = _postfix(scan, last)
    rule = rule or ("exact" if core.high is core.low else "between")
    span = Span(tokens[i].start, tokens[last].end)
    low, best, high = _RULES[rule](core.floor, core.high.value)
    phrase = scan.text[span.start : span.end]
    count = Count(low=low, best=best, high=high, phrase=phrase, rule=rule)
    return [Quantity(span=span, count=count)], last + 1


def _change(scan: _Scan, core: _Core) -> tuple[list[Reading], int]:
    """ "Rose from 20 to 25": two exact figures; a date or a measure on either end is on both."""
    one, _ = _finish(scan, core.low.first, _Core(core.low, core.low, core.low.value), None)
    two, after = _finish(scan, core.high.first, _Core(core.high, core.high, core.high.value), None)
    readings = one + two
    reasons = [r.reason for r in readings if isinstance(r, NotCount)]
    if reasons:
        readings = [NotCount(span=r.span, reason=reasons[0]) for r in readings]
    return readings, after


def _unreadable(scan: _Scan, j: int) -> tuple[list[Reading], int] | None:
    """Digits that make no count: a decimal with no scale after it, or an overlong run."""
    token = scan.tokens[j]
    if token.kind != "num":
        return None
    plain = Reason.DECIMAL if token.value is not None else Reason.IDENTIFIER
    why = not_counts.right(scan.ctx, token.end, 0) or plain
    return [NotCount(span=Span(token.start, token.end), reason=why)], j + 1


def _number(scan: _Scan, j: int, *, after_modifier: bool) -> Number | None:
    lex = scan.lex
    return read_number(scan.tokens, j, lex.numerals, lex.and_words, after_modifier=after_modifier)


def _range(scan: _Scan, low: Number, joins: frozenset[str]) -> _Core | None:
    """A second number after a join ("10-15", "two or three", "от 10 до 15")."""
    k = low.last + 1
    if k + 1 >= len(scan.tokens) or scan.tokens[k].norm not in joins:
        return None
    if "\n" in scan.text[scan.tokens[low.last].end : scan.tokens[k + 1].start]:
        return None  # a range does not wrap: "5\n-\n6" is two lines
    high = _number(scan, k + 1, after_modifier=True)
    if high is None:
        return None
    scaled = low.value * high.unit
    floor = scaled if low.unit == 1 < high.unit and scaled < high.value else low.value
    return _Core(low, high, floor) if floor < high.value else None


_V = TypeVar("_V")


def _longest(scan: _Scan, i: int, table: Mapping[tuple[str, ...], _V]) -> tuple[int, _V | None]:
    longest, firsts = scan.phrases
    if i >= len(scan.tokens) or scan.tokens[i].norm not in firsts:
        return 0, None  # most tokens start no phrase: skip building the tuples
    for size in range(min(longest, len(scan.tokens) - i), 0, -1):
        value = table.get(tuple(token.norm for token in scan.tokens[i : i + size]))
        if value is not None:
            return size, value
    return 0, None


def _prefix(scan: _Scan, i: int) -> tuple[str | None, frozenset[str], int]:
    """Step 2: the modifier at ``i``, the joins a range after it may use, where the core starts."""
    size, rule = _longest(scan, i, scan.lex.modifiers)
    if rule is not None and _attached(scan, i, i + size):
        return rule, scan.lex.joins, i + size
    size, joins = _longest(scan, i, scan.lex.openers)
    if joins is not None:
        return "between", joins, i + size
    return None, scan.lex.joins, i


def _attached(scan: _Scan, first: int, core: int) -> bool:
    """A symbol modifier (">", "~") must sit on the number's line and not close a tag or an
    arrow ("</i>", "-->"); a word modifier may wrap to the next line."""
    tokens = scan.tokens
    if any(t.kind != "sym" for t in tokens[first:core]) or core >= len(tokens):
        return True
    before = scan.text[tokens[first].start - 1 : tokens[first].start]
    gap = scan.text[tokens[core - 1].end : tokens[core].start]
    return "\n" not in gap and not (before.isalnum() or before in "/-<>")


def _postfix(scan: _Scan, last: int) -> tuple[str | None, int]:
    """Step 5: "20+", "or more", "с лишним"; a symbol must touch the number."""
    size, rule = _longest(scan, last + 1, scan.lex.postfix)
    if rule is None:
        return None, last
    after = scan.tokens[last + 1]
    if after.kind == "sym" and after.start != scan.tokens[last].end:
        return None, last
    return rule, last + size


def _cancelled(scan: _Scan, j: int) -> bool:
    """ "no one", "how many", "ни один": the word is no quantity after these."""
    return _before(scan, j) in scan.lex.not_after.get(scan.tokens[j].norm, frozenset())


def _before(scan: _Scan, k: int) -> str | None:
    return scan.tokens[k - 1].norm if k > 0 else None


def _word_numeral(scan: _Scan, k: int) -> Numeral | None:
    if k >= len(scan.tokens) or scan.tokens[k].kind != "word":
        return None
    return scan.lex.numerals.get(scan.tokens[k].norm)


def _vague(scan: _Scan, j: int, *, after_modifier: bool) -> _Vague | None:
    """A vague word at ``j`` ("dozens", "кілька", "сотни" with no modifier), with its scale."""
    size, word = _longest(scan, j, scan.lex.vague)
    last = j + size - 1
    if word is None:
        numeral = _word_numeral(scan, j)
        if numeral is None or numeral.vague is None or (after_modifier and numeral.alone):
            return None
        word, last = numeral.vague, j
    following = scan.tokens[last + 1].norm if last + 1 < len(scan.tokens) else None
    if scan.tokens[last].norm in scan.lex.needs_of and following not in scan.lex.of_words:
        return None
    scale, last = _vague_scale(scan, last)
    return _Vague(word, scale, j, last)


def _vague_scale(scan: _Scan, last: int) -> tuple[int, int]:
    """ "tens *of thousands*", "несколько *сотен*": the number noun that scales a vague word."""
    k = last + 1
    if k < len(scan.tokens) and scan.tokens[k].norm in scan.lex.of_words:
        k += 1
    numeral = _word_numeral(scan, k)
    if numeral is not None and numeral.kind in (Kind.MULT, Kind.SCALE):
        return numeral.value, k
    return 1, last


def _vague_reading(scan: _Scan, vague: _Vague) -> Reading:
    span = Span(scan.tokens[vague.first].start, scan.tokens[vague.last].end)
    why = not_counts.right(scan.ctx, span.end, 0)  # "several days", "hundreds of dollars"
    if why is not None:
        return NotCount(span=span, reason=why)
    low, best, high = scan.profile.band(vague.word, vague.scale)
    phrase, rule = scan.text[span.start : span.end], f"vague:{vague.word}@{scan.profile.name}"
    count = Count(low=low, best=best, high=high, phrase=phrase, rule=rule)
    return Quantity(span=span, count=count)


def _margin(n: int) -> int:
    """The margin of "about N": a tenth, rounded up, so "about 5" is 4..6."""
    return (n + 9) // 10


_RULES: dict[str, Callable[[int, int], Band]] = {
    "exact": lambda n, m: (n, n, n),
    "between": lambda n, m: (n, None, m),
    "more_than": lambda n, m: (n + 1, None, None),
    "at_least": lambda n, m: (n, None, None),
    "at_most": lambda n, m: (None, None, m),
    "up_to": lambda n, m: (None, None, m),
    "less_than": lambda n, m: (None, None, max(m - 1, 0)),
    "about": lambda n, m: (n - _margin(n), n if n == m else None, m + _margin(m)),
    "nearly": lambda n, m: (n - _margin(n), None, max(m - 1, n - _margin(n))),
}


def _age_list(scan: _Scan, found: list[Reading], reading: Reading) -> Reading:
    """ "aged 7 and 11": the numbers listed after an age are ages too."""
    if not (found and isinstance(reading, Quantity) and reading.count.rule == "exact"):
        return reading
    before = found[-1]
    if not (isinstance(before, NotCount) and before.reason is Reason.AGE):
        return reading
    if _LIST_GAP.fullmatch(scan.text, before.span.end, reading.span.start):
        return NotCount(span=reading.span, reason=Reason.AGE)
    return reading
