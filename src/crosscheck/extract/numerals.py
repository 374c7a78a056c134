"""Number words: how a run of numerals composes into one value.

The word tables live in ``extract/rules/counts_<lang>.py``; this module only knows the slot each
kind of numeral fills. A `Reader` takes words left to right and refuses a word that cannot
continue the number read so far, so "five twenty" stays two numbers and the caller stops there.

| kind     | examples                                   | effect                                    |
|----------|--------------------------------------------|-------------------------------------------|
| ADD      | three, twenty, двухсот, п'ятеро, обоих     | adds to the group; slots must fall:       |
|          |                                            | hundreds 3 > tens and teens 2 > units 1   |
| MULT     | hundred, dozen, десяток, сотня             | multiplies a group of 1..99               |
| SCALE    | thousand, тысячи, мільйонів                | closes the group into the total; scales   |
|          |                                            | must fall ("тысяча миллионов" is refused) |
| HALF     | полтора, півтори, half (value = halves)    | 3/2 or 1/2; needs a MULT or SCALE next    |
| ARTICLE  | a, an                                      | 1; needs a MULT or SCALE next             |

Digits enter through `Reader.digits` and may be followed by MULT/SCALE words only ("3 тысячи",
"1,5 тыс."); a decimal needs one, since "2.5" alone is not a count of anything.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from enum import Enum
from fractions import Fraction

__all__ = ["Kind", "Numeral", "Reader", "normalize"]

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
    """One word form. ``alone``: it may start a number by itself ("тысяча", not "thousand").
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

    def digits(self, value: Fraction) -> bool:
        if self.words:
            return False
        self.group, self.slot, self.words = value, 0, 1
        self.pending = value.denominator != 1
        return True

    def push(self, numeral: Numeral) -> bool:
        accepted = _STEPS[numeral.kind](self, numeral)
        if accepted:
            self.words += 1
            self.last = numeral.kind
        return accepted

    def accepts(self, numeral: Numeral) -> bool:
        return copy.copy(self).push(numeral)

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
