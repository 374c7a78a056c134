"""Rules that find people's names where the statistical model tagged none (``person_spans``).

- a rank, role, occupation or title word followed by name-like words ("рядовой Игорь Зуев");
- in English, initials before name-like words ("J. Hale");
- a first name from the dictionaries next to name-like words ("Алексей Смирнов", and in
  English "Gregor Townsend", from the US census list in the ``names`` package);
- in Ukrainian, whose text natasha tags with its Russian model, runs of words that pymorphy3's
  Ukrainian dictionary reads as first names, patronymics or surnames, or that end in a
  Ukrainian surname suffix (-енко, -чук, -ський).

A rule span never crosses a line break.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from crosscheck.extract.analysis import Analysis, Token
from crosscheck.extract.names import is_first_name, is_name_word, parses
from crosscheck.extract.person_words import Candidate, is_prefix, name_like
from crosscheck.model import MentionKind

__all__ = [
    "after_initials",
    "after_titles",
    "around_first_names",
    "name_part",
    "surely_name",
    "name_part_word",
    "surname_after",
    "surname_follows",
    "ukrainian_names",
]

_UKRAINIAN_SURNAME = re.compile(r"(?:енк[оаиу]|чук|ук|юк|[сц]ьк(?:ий|ого|ому|им))$")
_MAX_NAME = 4
_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}$")
_NOT_NAMES = ("NPRO", "CONJ", "PREP", "PRCL")


def after_titles(text: str, analysis: Analysis) -> Iterable[Candidate]:
    """Name-like words right after a rank, role or title word ("Private Dmitry Volkov");
    abbreviations between them are skipped ("военнослужащий ВС РФ Алексей Смирнов")."""
    tokens = analysis.tokens
    for token in tokens:
        if not is_prefix(token):
            continue
        first = token.index + 1
        while first < min(len(tokens), token.index + 3) and _is_abbreviation(tokens[first]):
            first += 1
        last = _run_end(text, analysis, first, _MAX_NAME)
        if last >= first:
            yield Candidate(first, last, MentionKind.PERSON)


def _run_end(text: str, analysis: Analysis, first: int, size: int) -> int:
    """The last of up to ``size`` name-like words from ``first`` on one line (or first - 1);
    in Cyrillic, a surname after a first name need not be name-like (``surname_after``)."""
    tokens, language, last = analysis.tokens, analysis.language, first - 1
    while last + 1 < len(tokens) and last + 1 - first < size:
        following = tokens[last + 1]
        after_name = last == first and surname_after(tokens[last], following, language)
        if not (name_like(following, language) or after_name) or is_prefix(following):
            break
        if last >= first and "\n" in text[tokens[last].end : following.start]:
            break
        last += 1
    return last


def surname_after(token: Token, following: Token, language: str) -> bool:
    """In Russian and Ukrainian, a capitalised word in the same sentence right after a first
    name (``surname_follows``)."""
    if language not in ("ru", "uk") or token.sentence != following.sentence:
        return False
    return surname_follows(token.text, following.text, language)


def surname_follows(name: str, word: str, language: str) -> bool:
    """``word`` after the first name ``name`` is a surname even where the dictionary knows it
    as a common word ("Дмитро Дубняк", "Наталя Забіла"): it is capitalised, not a function
    word, and can stand in the first name's case."""
    if not (is_name_word(word) and word[1:].islower()) or not _plain_first_name(name, language):
        return False
    readings = [p for p in parses(word, language) if p.is_known]
    if any(str(p.tag).startswith(_NOT_NAMES) for p in readings):
        return False
    cases = {str(p.tag.case) for p in readings if p.tag.case}
    named = {str(p.tag.case) for p in parses(name, language) if "Name" in str(p.tag)}
    return not cases or not named or bool(cases & named)


def _plain_first_name(word: str, language: str) -> bool:
    """A capitalised first name of two letters or more that is not also a function word
    ("А", "У")."""
    if len(word) < 2 or not is_name_word(word) or word.isupper():
        return False
    if not is_first_name(word, language):
        return False
    return not any(str(p.tag).startswith(_NOT_NAMES) for p in parses(word, language))


def _is_abbreviation(token: Token) -> bool:
    return len(token.text) > 1 and token.text.isupper() and token.text.isalpha()


def after_initials(text: str, analysis: Analysis) -> Iterable[Candidate]:
    """In English, initials and name-like words after them ("J. Hale", "K.T. Arasu"), which
    spaCy's small model often tags ORG."""
    for token in analysis.tokens:
        if _INITIALS.match(token.text) and token.index + 1 < len(analysis.tokens):
            last = _run_end(text, analysis, token.index + 1, 3)
            if last > token.index:
                yield Candidate(token.index, last, MentionKind.PERSON)


def around_first_names(text: str, analysis: Analysis) -> Iterable[Candidate]:
    """A known first name with name-like neighbours (patronymic, surname) on its line."""
    tokens = analysis.tokens
    for token in tokens:
        if not (name_like(token, analysis.language) and _first_name(token, analysis.language)):
            continue
        first, last = token.index, _run_end(text, analysis, token.index, 3)
        cyrillic = analysis.language in ("ru", "uk")
        if cyrillic and first > 0 and last == first and _joins(text, analysis, first - 1):
            first -= 1  # "Смирнов Алексей": surname first
        if last > first:
            yield Candidate(first, last, MentionKind.PERSON)


def _joins(text: str, analysis: Analysis, index: int) -> bool:
    neighbour, token = analysis.tokens[index], analysis.tokens[index + 1]
    return (
        name_like(neighbour, analysis.language)
        and not is_prefix(neighbour)
        and "\n" not in text[neighbour.end : token.start]
        and (index == 0 or analysis.tokens[index - 1].text not in '.!?«"—')
    )


def _first_name(token: Token, language: str) -> bool:
    """A first name by the dictionary, and its most likely reading (so "Вера" the noun and
    "Роман" the novel do not count when the tagger sees them as common nouns)."""
    if language == "uk":  # natasha's Russian tagger gives Ukrainian words arbitrary tags
        return is_first_name(token.text, language)
    return is_first_name(token.text, language) and token.pos in ("PROPN", "NOUN", "X")


def ukrainian_names(text: str, analysis: Analysis) -> Iterable[Candidate]:
    """Runs of two or three words that each read as a name part (``Name``/``Patr``/``Surn``
    or a surname suffix), at least one of them a first name or surname."""
    tokens, index = analysis.tokens, 0
    while index < len(tokens):
        last = index - 1
        while last + 1 < len(tokens) and last + 1 - index < 3 and name_part(tokens[last + 1]):
            if last >= index and "\n" in text[tokens[last].end : tokens[last + 1].start]:
                break
            last += 1
        if last > index or (last == index and surely_name(tokens[index])):
            yield Candidate(index, last, MentionKind.PERSON)
        index = max(last + 1, index + 1)


def name_part(token: Token) -> bool:
    """A Ukrainian token that can be part of a name (``name_part_word``)."""
    return name_like(token, "uk") and name_part_word(token.text)


def name_part_word(word: str) -> bool:
    """A capitalised Ukrainian word that can be part of a name: none of its readings a
    pronoun, conjunction, preposition or particle (the dictionary reads "Вона" as a surname
    too), and a first-name, surname or patronymic reading, or unknown to the dictionary with a
    surname suffix."""
    if len(word) < 2 or not is_name_word(word) or word.isupper():
        return False
    readings = parses(word, "uk")
    if any(tag in str(p.tag) for p in readings for tag in _NOT_NAMES):
        return False
    tags = {str(p.tag) for p in readings}
    named = any(tag in t for t in tags for tag in ("Name", "Surn", "Patr"))
    if named or is_first_name(word, "uk"):
        return True
    # a surname suffix counts on words the dictionary does not know ("Чернігівського" is an
    # adjective it knows)
    unknown = not any(p.is_known for p in readings)
    return unknown and bool(_UKRAINIAN_SURNAME.search(word.lower()))


def surely_name(token: Token) -> bool:
    """A lone word whose likeliest Ukrainian reading is a first name or surname."""
    readings = parses(token.text, "uk")
    return bool(readings) and any(tag in str(readings[0].tag) for tag in ("Name", "Surn"))
