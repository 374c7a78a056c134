"""Where people's names are in one analysed document: steps 2 to 5 of ``extract.entities``.

The statistical model's PER spans come first and are kept as the model drew them, less any
leading rank, role or title word; the model's precision is high and its span boundaries are
the ones the gold sets use. Rules only fill the gaps it leaves:

- a rank, role or title word followed by name-like words ("рядовой Игорь Зуев");
- a first name from the dictionaries next to name-like words ("Алексей Смирнов", and in
  English "Gregor Townsend", from the US census list in the ``names`` package);
- in Ukrainian, whose text natasha tags with its Russian model, runs of words that pymorphy3's
  Ukrainian dictionary reads as first names, patronymics or surnames, or that end in a
  Ukrainian surname suffix (-енко, -чук, -ський);
- the other occurrences of a surname or full name found above ("говорит Орлов").

A rule span never overlaps a span the model tagged (PER, LOC or ORG) and never crosses a line
break. A name-like word is capitalised and not a word the dictionary knows as something else
("Трехлетний", "Свердловской" are not); see ``name_like``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from crosscheck.extract.analysis import Analysis, Token
from crosscheck.extract.names import is_first_name, is_name_word, parses
from crosscheck.extract.rules.persons import OUTLET_BEFORE, OUTLET_WORDS, RANKS, ROLES, TITLES
from crosscheck.model import Document, MentionKind

__all__ = ["Candidate", "from_entities", "is_prefix", "occurrences", "person_candidates"]

_PREFIXES = frozenset(RANKS) | frozenset(ROLES) | TITLES
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_UKRAINIAN_SURNAME = re.compile(
    r"(?:енк[оаиу]|чук|ук|юк|ськ(?:ий|ого|ому|им)|цьк(?:ий|ого|ому|им))$"
)
_MAX_NAME = 4
_NOT_NAMES = ("NPRO", "CONJ", "PREP", "PRCL")
_PARTICLES = frozenset(
    [
        "van",
        "von",
        "der",
        "den",
        "de",
        "la",
        "le",
        "du",
        "da",
        "di",
        "del",
        "bin",
        "al",
        "ibn",
        "ben",
    ]
)


@dataclass(frozen=True, slots=True)
class Candidate:
    first: int  # token indices, inclusive
    last: int
    kind: MentionKind


def person_candidates(
    document: Document, analysis: Analysis
) -> tuple[list[Candidate], list[Candidate]]:
    """(people, outlets): the model's names, then the rules' names in the gaps it left."""
    trimmed = (_trimmed(document.text, analysis, c) for c in from_entities(analysis, "PER"))
    people, outlets = _vetted(document, analysis, [c for c in trimmed if c is not None])
    other = _tagged_tokens(analysis, ("LOC", "ORG"))
    named = [c for c in _named(document.text, analysis) if not other & _tokens(c)]
    # spaCy's small model tags many English names ORG ("Soldier Pavel Orlov"); natasha rarely
    trusted = other if analysis.language in ("ru", "uk") else set()
    titled = [c for c in _after_titles(document.text, analysis) if not trusted & _tokens(c)]
    extra, extra_outlets = _vetted(document, analysis, [*titled, *named])
    people = _merged(people, extra)
    return _merged(people, _propagated(analysis, people, trusted)), outlets + extra_outlets


def _named(text: str, analysis: Analysis) -> Iterable[Candidate]:
    yield from _around_first_names(text, analysis)
    if analysis.language == "uk":
        yield from _ukrainian_names(text, analysis)


def from_entities(analysis: Analysis, label: str) -> Iterable[Candidate]:
    """The model's entities of one label as token ranges."""
    starts = {t.start: t.index for t in analysis.tokens}
    ends = {t.end: t.index for t in analysis.tokens}
    kind = MentionKind.PERSON if label == "PER" else MentionKind.ORGANIZATION
    for entity in analysis.entities:
        first, last = starts.get(entity.span.start), ends.get(entity.span.end)
        if entity.label == label and first is not None and last is not None:
            yield Candidate(first, last, kind)


def _tagged_tokens(analysis: Analysis, labels: Sequence[str]) -> set[int]:
    spans = [c for label in labels for c in from_entities(analysis, label)]
    return {i for c in spans for i in range(c.first, c.last + 1)}


def _tokens(candidate: Candidate) -> set[int]:
    return set(range(candidate.first, candidate.last + 1))


def _trimmed(text: str, analysis: Analysis, candidate: Candidate) -> Candidate | None:
    """The model's span less leading rank/role words and anything from a line break on."""
    tokens = analysis.tokens
    first = candidate.first
    while first < candidate.last and is_prefix(tokens[first]):
        first += 1
    last = first
    while last < candidate.last and _continues(text, tokens[last], tokens[last + 1]):
        last += 1
    while last > first and not is_name_word(tokens[last].text):
        last -= 1
    if not _starts_name(tokens[first]) or is_prefix(tokens[first]):
        return None
    if analysis.language == "uk" and not all(_name_part(t) for t in tokens[first : last + 1]):
        return None  # natasha's Russian model on Ukrainian: "Вона", "Швеції" tagged PER
    return Candidate(first, last, candidate.kind)


def _continues(text: str, token: Token, following: Token) -> bool:
    """The next token is part of the same name: on the same line, and a name word, a name
    particle or joining punctuation (natasha's "Смирнов з Іркутська" stops before "з")."""
    gap = text[token.end : following.start]
    if "\n" in gap or len(gap) > 1:
        return False
    return _starts_name(following) or following.text in "-'’."


def _starts_name(token: Token) -> bool:
    return is_name_word(token.text) or token.text.lower() in _PARTICLES


# --- rules ---------------------------------------------------------------------------------


def _after_titles(text: str, analysis: Analysis) -> Iterable[Candidate]:
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
    """The last of up to ``size`` name-like words from ``first`` on one line (or first - 1)."""
    tokens, last = analysis.tokens, first - 1
    while last + 1 < len(tokens) and last + 1 - first < size:
        following = tokens[last + 1]
        if not name_like(following, analysis.language) or is_prefix(following):
            break
        if last >= first and "\n" in text[tokens[last].end : following.start]:
            break
        last += 1
    return last


def _is_abbreviation(token: Token) -> bool:
    return len(token.text) > 1 and token.text.isupper() and token.text.isalpha()


def _around_first_names(text: str, analysis: Analysis) -> Iterable[Candidate]:
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


def _ukrainian_names(text: str, analysis: Analysis) -> Iterable[Candidate]:
    """Runs of two or three words that each read as a name part (``Name``/``Patr``/``Surn``
    or a surname suffix), at least one of them a first name or surname."""
    tokens, index = analysis.tokens, 0
    while index < len(tokens):
        last = index - 1
        while last + 1 < len(tokens) and last + 1 - index < 3 and _name_part(tokens[last + 1]):
            if last >= index and "\n" in text[tokens[last].end : tokens[last + 1].start]:
                break
            last += 1
        if last > index or (last == index and _surely_name(tokens[index])):
            yield Candidate(index, last, MentionKind.PERSON)
        index = max(last + 1, index + 1)


def _name_part(token: Token) -> bool:
    """A Ukrainian word that can be part of a name: none of its readings a pronoun,
    conjunction, preposition or particle (the dictionary reads "Вона" as a surname too)."""
    if not name_like(token, "uk") or len(token.text) < 2:
        return False
    readings = parses(token.text, "uk")
    if any(tag in str(p.tag) for p in readings for tag in _NOT_NAMES):
        return False
    tags = {str(p.tag) for p in readings}
    named = any(tag in t for t in tags for tag in ("Name", "Surn", "Patr"))
    return named or bool(_UKRAINIAN_SURNAME.search(token.text.lower()))


def _surely_name(token: Token) -> bool:
    """A lone word whose likeliest Ukrainian reading is a first name or surname."""
    readings = parses(token.text, "uk")
    return bool(readings) and any(tag in str(readings[0].tag) for tag in ("Name", "Surn"))


def name_like(token: Token, language: str) -> bool:
    """Capitalised, not all capitals, and (in Cyrillic) a name reading or a word the
    dictionary does not know; in Latin script tagged a proper noun."""
    word = token.text
    if not is_name_word(word) or (word.isupper() and len(word) > 1):
        return False
    if not _CYRILLIC.search(word):
        return token.pos in ("PROPN", "X") or language != "en"
    readings = parses(word, language)
    named = any(tag in str(p.tag) for p in readings for tag in ("Name", "Surn", "Patr"))
    return named or not any(p.is_known for p in readings)


# --- vetoes and propagation -----------------------------------------------------------------


def _vetted(
    document: Document, analysis: Analysis, candidates: Sequence[Candidate]
) -> tuple[list[Candidate], list[Candidate]]:
    """(people, outlets): outlet-like candidates are organisations; lone places are dropped."""
    people: list[Candidate] = []
    outlets: list[Candidate] = []
    for candidate in candidates:
        if _is_outlet(document, analysis, candidate):
            outlets.append(Candidate(candidate.first, candidate.last, MentionKind.ORGANIZATION))
        elif not _is_lone_place(analysis, candidate):
            people.append(candidate)
    return people, outlets


def _is_outlet(document: Document, analysis: Analysis, candidate: Candidate) -> bool:
    tokens = analysis.tokens[candidate.first : candidate.last + 1]
    surface = document.text[tokens[0].start : tokens[-1].end]
    if document.source and surface.casefold() in document.source.casefold():
        return True
    if any(t.text.lower() in OUTLET_WORDS or "." in t.text[1:-1] for t in tokens):
        return True
    before = document.text[max(0, tokens[0].start - 20) : tokens[0].start].lower().rstrip()
    return any(before.endswith(cue) for cue in OUTLET_BEFORE)


def _is_lone_place(analysis: Analysis, candidate: Candidate) -> bool:
    if candidate.first != candidate.last:
        return False
    return _is_place(analysis.tokens[candidate.first], analysis.language)


def _is_place(token: Token, language: str) -> bool:
    """A Cyrillic word the dictionary knows as a place name and not as a person's name."""
    if not _CYRILLIC.search(token.text):
        return False
    tags = [str(p.tag) for p in parses(token.text, language)]
    return any("Geox" in t for t in tags) and not any("Name" in t or "Surn" in t for t in tags)


def _propagated(analysis: Analysis, people: list[Candidate], taken: set[int]) -> list[Candidate]:
    """Other occurrences of the people's surnames and full names, outside tagged spans."""
    tokens = analysis.tokens
    surnames = {_word_stem(tokens[c.last], analysis.language) for c in people if c.last > c.first}
    phrases = {tuple(t.text for t in tokens[c.first : c.last + 1]) for c in people}
    found = [
        Candidate(t.index, t.index, MentionKind.PERSON)
        for t in tokens
        if name_like(t, analysis.language) and _word_stem(t, analysis.language) in surnames
    ]
    for phrase in phrases:
        found += occurrences(tokens, phrase)
    return [c for c in found if not taken & _tokens(c) and not _is_lone_place(analysis, c)]


def occurrences(tokens: Sequence[Token], phrase: tuple[str, ...]) -> Iterable[Candidate]:
    """Every run of tokens whose texts are ``phrase``."""
    size = len(phrase)
    for token in tokens:
        end = token.index + size
        # the first word is compared before building the run: most tokens fail it
        if token.text != phrase[0] or end > len(tokens):
            continue
        if tuple(t.text for t in tokens[token.index : end]) == phrase:
            yield Candidate(token.index, end - 1, MentionKind.PERSON)


def _word_stem(token: Token, language: str) -> str:
    """A surname's dictionary form when pymorphy3 reads it as one ("Смирнова" -> смирнов),
    else its text: inflected surnames then match their nominative."""
    if not _CYRILLIC.search(token.text):
        return token.text.removesuffix("'s")
    surnames = [p.normal_form for p in parses(token.text, language) if "Surn" in str(p.tag)]
    return surnames[0] if surnames else token.text.lower()


def _merged(kept: list[Candidate], extra: Iterable[Candidate]) -> list[Candidate]:
    """``kept`` plus the longest of ``extra`` that overlap nothing kept, except a span of
    ``kept`` that they contain and widen (natasha's "Коваль" in "Ірина Коваль"); one that
    would join two kept names ("секретарь Владимира Путина Дмитрий Песков") is left out."""
    result = list(kept)
    for candidate in sorted(set(extra), key=lambda c: (c.first - c.last, c.first)):
        inside = [c for c in result if candidate.first <= c.first and c.last <= candidate.last]
        rest = [c for c in result if c not in inside]
        widens = len(inside) <= 1 and all(c in kept for c in inside)
        if widens and all(_apart(candidate, c) for c in rest):
            result = [*rest, candidate]
    return result


def _apart(a: Candidate, b: Candidate) -> bool:
    return a.last < b.first or b.last < a.first


def is_prefix(token: Token) -> bool:
    """A rank, role or title word (by text or lemma)."""
    return token.text.lower() in _PREFIXES or token.lemma.replace("ё", "е") in _PREFIXES
