"""Word tables for ``extract.counts``, one module per language (``counts_en``, ``counts_ru``,
``counts_uk``), as plain Python data so they ship inside the wheel and need no parser.

Every word key is in `numerals.normalize` form (lower case, ё as е, ' as the apostrophe, - as
the dash). ``left``/``right`` map a not-count reason ("year", "money"...) to a regular
expression matched against the text just before or just after a number.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass

from crosscheck.extract.numerals import Numeral

__all__ = ["Lexicon", "lexicon"]

Words = tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Lexicon:
    """What one language (or a union of them) knows about count phrases."""

    numerals: Mapping[str, Numeral]
    vague: Mapping[Words, str]  # "a few" -> few
    modifiers: Mapping[Words, str]  # "more than" -> more_than (before the number)
    postfix: Mapping[Words, str]  # "or more" -> at_least (after it)
    openers: Mapping[Words, frozenset[str]]  # "between" -> {"and"}: a range must follow
    joins: frozenset[str]  # "10-15", "two or three"
    changes: frozenset[str]  # "rose from 20 to 25" is two figures, not a range
    change_joins: frozenset[str]
    and_words: frozenset[str]  # "a hundred and five"
    of_words: frozenset[str]  # "hundreds of thousands"
    needs_of: frozenset[str]  # vague words that count only before "of" ("scores of")
    not_after: Mapping[str, frozenset[str]]  # "no one", "how many", "ни один"
    year_preps: frozenset[str]  # "in 2022", "в 2022"
    ordinal: str  # a word that makes the numeral before it an ordinal ("twenty-first")
    left: Mapping[str, str]
    right: Mapping[str, str]


def _union(lexicons: list[Lexicon]) -> Lexicon:
    def merged(name: str) -> dict[object, object]:
        return {k: v for lex in lexicons for k, v in getattr(lex, name).items()}

    def joined(name: str) -> frozenset[str]:
        return frozenset().union(*(getattr(lex, name) for lex in lexicons))

    def alternation(name: str) -> dict[str, str]:
        reasons = {reason for lex in lexicons for reason in getattr(lex, name)}
        return {r: "|".join(f"(?:{getattr(lex, name)[r]})" for lex in lexicons
                            if r in getattr(lex, name)) for r in reasons}  # fmt: skip

    return Lexicon(
        **{n: merged(n) for n in ("numerals", "vague", "modifiers", "postfix", "openers",
                                  "not_after")},  # fmt: skip
        **{n: joined(n) for n in ("joins", "changes", "change_joins", "and_words", "of_words",
                                  "needs_of", "year_preps")},  # fmt: skip
        ordinal="|".join(f"(?:{lex.ordinal})" for lex in lexicons),
        left=alternation("left"),
        right=alternation("right"),
    )


@functools.cache
def lexicon(language: str | None) -> Lexicon:
    """The tables for a language code ("en", "ru", "uk", "uk-UA"...).

    Russian and Ukrainian share one Cyrillic table: language identification often confuses
    them on short posts, and Ukrainian posts quote Russian. An unknown or missing language gets
    all three (the scripts differ, so the tables do not collide).
    """
    from crosscheck.extract.rules import counts_en, counts_ru, counts_uk

    code = (language or "").replace("_", "-").split("-")[0].lower()
    if code == "en":
        return counts_en.LEXICON
    if code in ("ru", "uk"):
        return _union([counts_ru.LEXICON, counts_uk.LEXICON])
    return _union([counts_en.LEXICON, counts_ru.LEXICON, counts_uk.LEXICON])


def compiled(source: str) -> re.Pattern[str]:
    return re.compile(source, re.IGNORECASE)
