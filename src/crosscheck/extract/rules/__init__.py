"""Word tables for ``extract.counts``, one module per language (``counts_en``, ``counts_ru``,
``counts_uk``), as plain Python data so they ship inside the wheel and need no parser.

Every word key is in `numerals.normalize` form (lower case, ё as е, ' as the apostrophe, - as
the dash). ``left``/``right`` map a not-count reason ("year", "money"...) to a regular
expression matched against the text just before or just after a number.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass

from crosscheck.extract.numerals import Numeral

__all__ = ["Lexicon", "language_key", "lexicon"]

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
    first, *rest = lexicons
    for other in rest:
        first = Lexicon(
            numerals={**first.numerals, **other.numerals},
            vague={**first.vague, **other.vague},
            modifiers={**first.modifiers, **other.modifiers},
            postfix={**first.postfix, **other.postfix},
            openers={**first.openers, **other.openers},
            joins=first.joins | other.joins,
            changes=first.changes | other.changes,
            change_joins=first.change_joins | other.change_joins,
            and_words=first.and_words | other.and_words,
            of_words=first.of_words | other.of_words,
            needs_of=first.needs_of | other.needs_of,
            not_after={
                word: first.not_after.get(word, frozenset())
                | other.not_after.get(word, frozenset())
                for word in {*first.not_after, *other.not_after}
            },
            year_preps=first.year_preps | other.year_preps,
            ordinal=f"{first.ordinal}|{other.ordinal}",
            left=_alternation(first.left, other.left),
            right=_alternation(first.right, other.right),
        )
    return first


def _alternation(one: Mapping[str, str], two: Mapping[str, str]) -> dict[str, str]:
    both = {**one, **two}
    return {
        k: f"(?:{one[k]})|(?:{two[k]})" if k in one and k in two else v for k, v in both.items()
    }


def language_key(language: str | None) -> str:
    """ "en" for English, "ru+uk" for Russian and Ukrainian, "all" for anything else.

    Russian and Ukrainian share one Cyrillic table: language identification often confuses
    them on short posts, and Ukrainian posts quote Russian. An unknown or missing language gets
    all three (the scripts differ, so the tables do not collide).
    """
    code = (language or "").replace("_", "-").split("-")[0].lower()
    return {"en": "en", "ru": "ru+uk", "uk": "ru+uk"}.get(code, "all")


@functools.cache
def lexicon(key: str) -> Lexicon:
    """The tables for a `language_key`."""
    from crosscheck.extract.rules import counts_en, counts_ru, counts_uk

    tables = {"en": counts_en.LEXICON, "ru": counts_ru.LEXICON, "uk": counts_uk.LEXICON}
    codes = list(tables) if key == "all" else key.split("+")
    return _union([tables[code] for code in codes])
