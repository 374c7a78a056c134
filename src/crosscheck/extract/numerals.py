"""Number words: how a run of numerals composes into one value.

The word tables live in ``extract/rules/counts_<lang>.py``; this module only knows the slot each
kind of numeral fills. A `Reader` takes words left to right and refuses a word that cannot
continue the number read so far, so "five twenty" stays two numbers and the caller stops there.

| kind    | examples                               | effect                                     |
|---------|----------------------------------------|--------------------------------------------|
| ADD     | three, twenty, двухсот, п'ятеро, обоих | adds to the group; slots must fall:        |
|         |                                        | hundreds 3 > tens and teens 2 > units 1    |
| MULT    | hundred, dozen, десяток, сотня         | multiplies a group of 1..99                |
| SCALE   | thousand, тысячи, мільйонів            | closes the group into the total; scales    |
|         |                                        | must fall ("тысяча миллионов" is refused)  |
| HALF    | полтора, півтори, half (in halves)     | 3/2 or 1/2; needs a MULT or SCALE next     |
| ARTICLE | a, an                                  | 1; needs a MULT or SCALE next              |

Digits enter through `Reader.digits` and may be followed by MULT/SCALE words only ("3 тысячи",
"1,5 тыс."); a decimal needs one, since "2.5" alone is not a count of anything.

`tokenize` splits a text into digit runs (with thousands separators: "1,200", "1 204" with a
space, no-break or thin space), words (with apostrophes: "п'ять") and single symbols, keeping
offsets; `read_number` reads the longest number that starts at a token.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from fractions import Fraction

__all__ = ["Kind", "Number", "Numeral", "Reader", "Token", "normalize", "read_number", "tokenize"]

# Typographic apostrophes (п’ять, пʼять) and dashes are folded so one table entry serves all.
_FOLD = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "‘": "'", "ё": "е", "–": "-", "—": "-",
                       "−": "-", "‒": "-", "‑": "-"})  # fmt: skip


def normalize(word: str) -> str:
    """The lookup form of a token: lower case, ё as е, one apostrophe, one dash."""
    return word.lower().translate(_FOLD)


class Kind(Enum):
    ADD = "add"
    MULT = "mult"
    SCALE = "scale"
    HALF = "half"
    ARTICLE = "article"


@dataclass(frozen=True, slots=True)
class Numeral:
    """One word form. ``alone``: it may start a number by itself ("тысяча", not "thousand";
    "семью" only inside "двадцатью семью", since alone it is mostly "family").
    ``vague``: read as that vague word when it starts a phrase without a modifier ("сотни"
    alone is "hundreds", after "более" it is "a hundred")."""

    value: int
    kind: Kind = Kind.ADD
    slot: int = 1
    alone: bool = True
    vague: str | None = None


@dataclass(slots=True)
class Reader:
    """Accumulates one number. ``total`` holds closed scales, ``group`` the part below them."""

    total: Fraction = Fraction(0)
    group: Fraction = Fraction(0)
    slot: int = 4
    scale: int = 0
    words: int = 0
    pending: bool = False
    last: Kind | None = None
    unit: int = 1

    def digits(self, value: Fraction, *, decimal: bool = False) -> bool:
        """Digits start a number; a decimal ("4.0", "1,5") waits for a scale word."""
        if self.words:
            return False
        self.group, self.slot, self.words, self.pending = value, 0, 1, decimal
        return True

    def push(self, numeral: Numeral) -> bool:
        """Take the next word, or refuse it and change nothing."""
        accepted = _STEPS[numeral.kind](self, numeral)
        if accepted:
            self.words += 1
            self.last = numeral.kind
        return accepted

    def value(self) -> int | None:
        whole = self.total + self.group
        if not self.words or self.pending or whole.denominator != 1:
            return None
        return int(whole)

    def may_take_and(self) -> bool:
        """English "a hundred *and* five": only after hundred or a scale word."""
        return self.last is Kind.SCALE or (self.last is Kind.MULT and self.unit == 100)


def _add(reader: Reader, numeral: Numeral) -> bool:
    if reader.pending or numeral.slot >= reader.slot or (numeral.value == 0 and reader.words):
        return False
    reader.group += numeral.value
    # A teen (slot 2) also fills the units place: "thirteen five" is two numbers.
    reader.slot = (1 if numeral.value < 20 else numeral.slot) if numeral.value else 0
    reader.unit = 1
    return True


def _mult(reader: Reader, numeral: Numeral) -> bool:
    if not reader.words and numeral.alone:
        reader.group = Fraction(1)
    elif not (0 < reader.group < 100 and reader.slot < 3):
        return False
    reader.group *= numeral.value
    # After "hundred" tens and units may follow ("two hundred five"); after "dozen" nothing.
    reader.slot = 3 if numeral.value == 100 else 0
    reader.pending, reader.unit = False, numeral.value
    return True


def _scale(reader: Reader, numeral: Numeral) -> bool:
    if reader.scale and numeral.value >= reader.scale:
        return False
    if not reader.words and numeral.alone:
        reader.group = Fraction(1)
    elif not (0 < reader.group < 1000 or (reader.slot == 0 and reader.group > 0)):
        return False
    reader.total += reader.group * numeral.value
    reader.group, reader.slot, reader.scale = Fraction(0), 4, numeral.value
    reader.pending, reader.unit = False, numeral.value
    return True


def _half(reader: Reader, numeral: Numeral) -> bool:
    if reader.words:
        return False
    reader.group, reader.slot, reader.pending = Fraction(numeral.value, 2), 0, True
    return True


def _article(reader: Reader, numeral: Numeral) -> bool:
    if reader.words == 0:
        reader.group, reader.slot, reader.pending = Fraction(1), 0, True
        return True
    # "half a dozen": the article after "half" adds nothing.
    return reader.pending and reader.last is Kind.HALF


_STEPS = {Kind.ADD: _add, Kind.MULT: _mult, Kind.SCALE: _scale, Kind.HALF: _half,
          Kind.ARTICLE: _article}  # fmt: skip


# Thousands groups must be three digits and share one separator, so "1,5" is a decimal and
# "2022 5" two numbers. Russian/Ukrainian case endings glued to digits stay in the token
# ("5-ти", "2-ух", "3-х"; but "90-х" is the nineties, so "х" only after 2, 3, 4, not 12-14).
_TOKEN = re.compile(
    r"(?P<num>\d{1,3}(?P<sep>[,.\u00a0\u2009\u202f ])\d{3}(?:(?P=sep)\d{3})*(?!\d)"
    r"|\d+(?:[.,]\d+)?)"
    r"(?P<case>(?:-?(?:ти|ми|мя|ью|ух|ех|ёх|ох|ьох)|(?<=[234])(?<!1[234])-?х)(?![^\W\d_]))?"
    r"|(?P<word>[^\W\d_]+(?:['’ʼ`][^\W\d_]+)*)"
    r"|(?P<sym>\S)"
)
_LONGEST_DIGITS = 15


@dataclass(frozen=True, slots=True)
class Token:
    """A word, a digit run or one symbol. ``value`` is set for digit runs that are numbers;
    ``grouped`` when they were written with thousands separators (never a year); ``decimal``
    when they have a decimal part ("4.0" counts nothing; "1,5 тыс." is 1500)."""

    kind: str  # "num", "word" or "sym"
    text: str
    norm: str
    start: int
    end: int
    value: Fraction | None = None
    grouped: bool = False
    decimal: bool = False


def tokenize(text: str, skip: list[tuple[int, int]]) -> list[Token]:
    """Tokens of ``text``; each ``skip`` range becomes one opaque symbol, so nothing reads
    through a date or a phone number that was already taken out."""
    skip = sorted(skip)
    tokens = [Token("sym", text[a:b], "\x00", a, b) for a, b in skip]
    for match in _TOKEN.finditer(text):
        k = bisect.bisect_left(skip, (match.end(),))
        if not (k and skip[k - 1][1] > match.start()):
            tokens.append(_token(match))
    return sorted(tokens, key=lambda token: token.start)


def _token(match: re.Match[str]) -> Token:
    text, start, end = match.group(), match.start(), match.end()
    digits, sep = match.group("num"), match.group("sep")
    if digits is None:
        return Token("word" if match.group("word") else "sym", text, normalize(text), start, end)
    value, grouped = _digits(digits, sep), sep is not None
    decimal = not grouped and ("." in digits or "," in digits)
    return Token("num", text, digits, start, end, value, grouped=grouped, decimal=decimal)


def _digits(text: str, sep: str | None) -> Fraction | None:
    whole, _, fraction = (text.replace(sep, "") if sep else text.replace(",", ".")).partition(".")
    if len(whole) + len(fraction) > _LONGEST_DIGITS:
        return None
    return Fraction(int(whole)) + (Fraction(int(fraction), 10 ** len(fraction)) if fraction else 0)


@dataclass(frozen=True, slots=True)
class Number:
    """A number read from tokens ``first..last`` (inclusive). ``unit`` is the multiplier it
    ended on ("тысяч" in "30 тысяч": 1000), so "20-30 тысяч" can scale its low end."""

    value: int
    unit: int
    first: int
    last: int


@dataclass(frozen=True, slots=True)
class _Words:
    numerals: Mapping[str, Numeral]
    and_words: frozenset[str]


def read_number(
    tokens: list[Token], start: int, words: Mapping[str, Numeral], and_words: frozenset[str],
    *, after_modifier: bool = False,
) -> Number | None:  # fmt: skip
    """The longest number starting at ``tokens[start]``, or None.

    A vague-capable word ("сотни") starts a number only after a modifier ("более сотни");
    a MULT/SCALE word starts one only if it may stand alone ("тысяча", not "thousand").
    """
    reader, best, k = Reader(), None, start
    table = _Words(words, and_words)
    while k < len(tokens):
        step = _step(tokens, k, table, reader, after_modifier)
        if step is None:
            break
        k = step
        value = reader.value()
        if value is not None:
            best = Number(value, reader.unit, start, k)
        k += 1
    return best


def _step(
    tokens: list[Token], k: int, table: _Words, reader: Reader, after_modifier: bool
) -> int | None:
    """Feed token ``k`` (and, for "and"/an inner hyphen, the numeral after it) to ``reader``;
    the index of the last token taken, or None to stop."""
    token = tokens[k]
    if token.kind == "num":
        ok = token.value is not None and reader.digits(token.value, decimal=token.decimal)
        return k if ok else None
    glue = token.norm in table.and_words and reader.may_take_and()
    if reader.words and (glue or _inner_hyphen(tokens, k)):
        after = _numeral(tokens, k + 1, table)
        return k + 1 if after is not None and reader.push(after) else None
    numeral = _numeral(tokens, k, table)
    if numeral is None or (not reader.words and not _may_start(numeral, after_modifier)):
        return None
    return k if reader.push(numeral) else None


def _numeral(tokens: list[Token], k: int, table: _Words) -> Numeral | None:
    if k >= len(tokens) or tokens[k].kind != "word":
        return None
    return table.numerals.get(tokens[k].norm)


def _may_start(numeral: Numeral, after_modifier: bool) -> bool:
    return numeral.alone and (numeral.vague is None or after_modifier)


def _inner_hyphen(tokens: list[Token], k: int) -> bool:
    """A hyphen inside a word ("twenty-three"), not a dash between two numbers ("5 - 6")."""
    if tokens[k].norm != "-" or k == 0 or k + 1 >= len(tokens):
        return False
    return tokens[k - 1].end == tokens[k].start and tokens[k].end == tokens[k + 1].start
