"""Name-like candidates that are not people: step 4 of ``extract.entities``.

A candidate is not a person when:

1. it is an **outlet or organisation**: the document's ``source``, a name holding an outlet
   or organisation word ("Daily", "Вісник", "Club", "Army") or one after an outlet cue
   ("reported by"); it becomes an organisation;
2. it **starts an organisation's name** the model tagged elsewhere in the document
   ("Newmont" where "Newmont Mining Corp" is an organisation); it becomes one too;
3. it names a **street**, an event or a prize: "вулиця Кірова", "ул. Ленина", "F.A.
   Challenge Cup", "Lombardi Award";
4. it **modifies a noun**: a facility's in English ("the Staryi Brid ambulance station",
   "Kennedy airport"), in Ukrainian any that an adjective agrees with ("Волинської обласної
   ради");
5. it is a **lone place**: one word that the dictionary knows as a place and not as a name
   ("Geox"), or that names a country, region or town of 20,000 people or more and is neither
   a first name nor a common surname ("Leeds"; in Cyrillic only after a preposition, "у
   Києві", and only towns of countries that write Cyrillic, since the gazetteer's Cyrillic
   names of others are transliterations that surnames often meet: "Усику", Ushiku), unless
   the document writes it inside a longer person's name ("Kennedy" after "John Kennedy").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from crosscheck.extract.analysis import Analysis, Token
from crosscheck.extract.gazetteer import gazetteer
from crosscheck.extract.names import NAME_TAGS, common_surname, is_first_name, parses
from crosscheck.extract.person_words import Candidate, from_entities
from crosscheck.extract.rules.persons import (
    EVENT_WORDS,
    FACILITY_HEADS,
    ORGANISATION_WORDS,
    OUTLET_BEFORE,
    STREET_WORDS,
)
from crosscheck.model import Document, MentionKind

__all__ = ["vetted"]

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_INITIALS = re.compile(r"(?:[^\W\d_]\.)+$")
_TOWN = 20_000  # people: a town this big is what a lone capitalised word most likely names
_VILLAGE = 1_000  # people: a two-word name this place's is no person's
_CYRILLIC_COUNTRIES = frozenset({"UA", "RU", "BY", "KZ", "KG", "TJ", "BG", "RS", "MK", "MN"})


def vetted(
    document: Document,
    analysis: Analysis,
    candidates: Sequence[Candidate],
    *,
    outlets: bool = True,
) -> tuple[list[Candidate], list[Candidate]]:
    """(people, organisations) among ``candidates``; the rest are dropped. Without
    ``outlets``, outlet cues are not asked (the other mentions of a known person's surname:
    "пишет Морозов" after "Евгений Морозов")."""
    people: list[Candidate] = []
    organisations: list[Candidate] = []
    names = _name_words(analysis, candidates)
    starts = _organisation_starts(document.text, analysis)
    for candidate in candidates:
        words = tuple(t.text for t in analysis.tokens[candidate.first : candidate.last + 1])
        if (outlets and _is_outlet(document, analysis, candidate)) or words in starts:
            organisations.append(Candidate(candidate.first, candidate.last,
                                           MentionKind.ORGANIZATION))  # fmt: skip
        elif not (
            _event(analysis, candidate)
            or _street(analysis, candidate)
            or _facility(analysis, candidate)
            or _adjective(analysis, candidate)
            or _is_lone_place(analysis, candidate, names)
        ):
            people.append(candidate)
    return people, organisations


def _is_outlet(document: Document, analysis: Analysis, candidate: Candidate) -> bool:
    tokens = analysis.tokens[candidate.first : candidate.last + 1]
    surface = document.text[tokens[0].start : tokens[-1].end]
    if document.source and surface.casefold() in document.source.casefold():
        return True
    if any(t.text.lower() in ORGANISATION_WORDS or _domain(t.text) for t in tokens):
        return True
    before = document.text[max(0, tokens[0].start - 20) : tokens[0].start].lower().rstrip()
    return any(before.endswith(cue) for cue in OUTLET_BEFORE)


def _domain(word: str) -> bool:
    """A web domain ("Meduza.io"), not initials ("K.J.")."""
    return "." in word[1:-1] and not _INITIALS.match(word)


def _organisation_starts(text: str, analysis: Analysis) -> set[tuple[str, ...]]:
    """The leading words of the model's multi-word organisations, as token texts ("Newmont"
    of "Newmont Mining Corp", "Santa Fe" of "Santa Fe Pacific Gold Corp")."""
    starts: set[tuple[str, ...]] = set()
    for org in from_entities(analysis, "ORG"):
        words = tuple(t.text for t in analysis.tokens[org.first : org.last + 1])
        starts.update(words[:size] for size in range(1, len(words)))
    return starts


def _event(analysis: Analysis, candidate: Candidate) -> bool:
    """Holding or followed by an event word ("F.A. Challenge Cup", "the Lombardi Award")."""
    tokens = analysis.tokens[candidate.first : candidate.last + 2]
    return any(t.text.lower() in EVENT_WORDS and t.text[:1].isupper() for t in tokens)


def _street(analysis: Analysis, candidate: Candidate) -> bool:
    """After a street word (full stops between them skipped)."""
    index = candidate.first - 1
    while index >= 0 and analysis.tokens[index].text in '.«"':
        index -= 1
    word = analysis.tokens[index].text.lower() if index >= 0 else ""
    return word in STREET_WORDS or f"{word}." in STREET_WORDS


def _facility(analysis: Analysis, candidate: Candidate) -> bool:
    """Followed by up to two lower-case nouns, the last a facility or organisation head."""
    tokens = analysis.tokens
    after = tokens[candidate.last + 1 : candidate.last + 3]
    nouns: list[Token] = []
    for token in after:
        if token.pos != "NOUN" or not token.text.islower():
            break
        nouns.append(token)
    return any(t.text in FACILITY_HEADS or t.lemma in FACILITY_HEADS for t in nouns)


def _adjective(analysis: Analysis, candidate: Candidate) -> bool:
    """In Ukrainian (which natasha tags with its Russian model), one word that can be an
    adjective agreeing with the lower-case adjective or noun after it: "Волинської обласної
    ради", "Черкаській області"."""
    tokens = analysis.tokens
    if analysis.language != "uk" or candidate.first != candidate.last:
        return False
    after = tokens[candidate.last + 1] if candidate.last + 1 < len(tokens) else None
    if after is None or not (after.text.islower() and len(after.text) > 2):
        return False
    following = parses(after.text, "uk")
    if not all(str(p.tag).startswith(("ADJF", "NOUN")) for p in following):
        return False  # "була" reads as a verb too, "про" as a preposition
    readings = parses(tokens[candidate.first].text, "uk")
    if any("Name" in str(p.tag) for p in readings):
        return False  # "Христина", "Павлові"
    forms = {_form(p) for p in readings if "ADJF" in str(p.tag)}
    return bool(forms & {_form(p) for p in following if str(p.tag).startswith(("ADJF", "NOUN"))})


def _form(parse: Any) -> tuple[str | None, str | None, str | None]:
    return (parse.tag.case, parse.tag.gender, parse.tag.number)


def _name_words(analysis: Analysis, candidates: Sequence[Candidate]) -> set[str]:
    """Words of the multi-word names among ``candidates`` and the model's PER spans."""
    spans = [*candidates, *from_entities(analysis, "PER")]
    return {analysis.tokens[i].text for c in spans if c.last > c.first
            for i in range(c.first, c.last + 1)}  # fmt: skip


def _is_lone_place(analysis: Analysis, candidate: Candidate, names: set[str]) -> bool:
    if candidate.first != candidate.last:
        return _place_phrase(analysis, candidate)
    token = analysis.tokens[candidate.first]
    if token.text in names:
        return False
    if _dictionary_place(token, analysis.language):
        return True
    # in Cyrillic only after a preposition ("у Києві"): inflected surnames meet towns' names
    # more often than in English ("Шевченка" is also a village)
    if _CYRILLIC.search(token.text) and not _after_preposition(analysis, candidate.first):
        return False
    return _big_place(token.text, analysis.language)


def _place_phrase(analysis: Analysis, candidate: Candidate) -> bool:
    """Two or three Latin words that together name a town of ``_VILLAGE`` people or more and
    do not start with a first name ("Chasiv Yar", "Staryi Brid")."""
    tokens = analysis.tokens[candidate.first : candidate.last + 1]
    if len(tokens) > 3 or _CYRILLIC.search(tokens[0].text) or is_first_name(tokens[0].text, "en"):
        return False
    name = " ".join(t.text for t in tokens)
    return any(e.population >= _VILLAGE for e in gazetteer().exact(name))


def _after_preposition(analysis: Analysis, index: int) -> bool:
    if index == 0:
        return False
    before = analysis.tokens[index - 1]
    readings = parses(before.text.lower(), analysis.language)
    return before.pos == "ADP" or bool(readings and "PREP" in str(readings[0].tag))


def _dictionary_place(token: Token, language: str) -> bool:
    """A Cyrillic word the dictionary knows as a place name and not as a person's name."""
    if not _CYRILLIC.search(token.text):
        return False
    tags = [str(p.tag) for p in parses(token.text, language)]
    return any("Geox" in t for t in tags) and not any("Name" in t or "Surn" in t for t in tags)


@cache
def _big_place(word: str, language: str) -> bool:
    """A country, region or town of ``_TOWN`` people or more, that is not a first name, a
    common surname or (in Cyrillic) any name the Russian dictionary knows; in Cyrillic, its
    dictionary forms as an inanimate noun are looked up too ("Києві" -> Київ)."""
    cyrillic = bool(_CYRILLIC.search(word))
    names = [word]
    if cyrillic:
        readings = parses(word, "ru")
        if any(NAME_TAGS & set(str(p.tag).replace(" ", ",").split(",")) for p in readings):
            return False
        names += sorted({p.normal_form.title() for p in parses(word, language)
                         if "inan" in str(p.tag) and "NOUN" in str(p.tag)})  # fmt: skip
    elif is_first_name(word, "en") or common_surname(word):
        return False
    return any(
        e.precision != "settlement"
        or (e.population >= _TOWN and (not cyrillic or e.country in _CYRILLIC_COUNTRIES))
        for name in names
        for e in gazetteer().lookup(name)
    )
