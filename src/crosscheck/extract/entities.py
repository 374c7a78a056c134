"""Mentions of people, organisations and military units, with canonical names.

The cascade, step by step (places belong to ``extract.places``; nothing here is a PLACE):

1. **Units** by pattern (``rules.units``): numbered formations, unit codes, named groups.
2. **Person names** (``person_spans``): the model's PER spans cut to the names inside them
   (``name_bounds``: rank/role/occupation/title, function and nationality words off the
   front, initials, particles and glued words on, one line only, cases that cannot agree
   split; in Ukrainian only where every word reads as a name part); then, only where the
   model tagged nothing, rank/role/title words followed by name-like words, dictionary first
   names next to name-like words, English initials before name-like words, and in Ukrainian
   runs of name parts (``Name``/``Surn``/``Patr``, -енко/-чук/-ський) (``name_rules``).
3. **Trimming**: rank, role and title words are never part of a name; nor is a lower-case
   tail after a hyphen ("Мураками-бум").
4. **Vetoes** (``person_vetoes``): the document's ``source``, a name holding an outlet or
   organisation word ("Daily", "Вісник", "Club"), one after an outlet cue ("reported by") or
   one that starts an organisation the model tagged elsewhere ("Newmont" of "Newmont Mining
   Corp") becomes an ORG; a street's, an event's or a facility's name ("вулиця Кірова",
   "Lombardi Award", "the Staryi Brid ambulance station"), a Ukrainian adjective agreeing
   with its noun ("Волинської обласної ради") and a lone place ("Avdiivka", "у Києві") are
   not people.
5. **Propagation**: the other occurrences of a full name or of its surname (inflected forms
   included: "говорит Смирнов"; capitals: "BOWYER"), where the model tagged nothing else,
   and the other occurrences of the organisations found in step 4.
6. **Organisations**: the model's ORG entities (nationality adjectives dropped: CoNLL counts
   them as MISC; a leading dash and a trailing possessive off), the document's source where
   the text names it, and the vetoed candidates.

Overlaps resolve by kind (unit > person > organisation) and then by length.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from crosscheck.extract.analysis import Analysis
from crosscheck.extract.name_bounds import name_end
from crosscheck.extract.names import canonical_name
from crosscheck.extract.person_spans import person_candidates
from crosscheck.extract.person_words import Candidate, from_entities, is_prefix, occurrences
from crosscheck.extract.rules.units import ABBREVIATIONS, CODES, MODIFIERS, NAMED, NUMBERED, TYPES
from crosscheck.model import Document, Mention, MentionKind, Span

__all__ = ["NAME", "find_mentions", "unit_canonical"]

NAME = "extract.entities.v3"

_RANK = {MentionKind.UNIT: 0, MentionKind.PERSON: 1, MentionKind.ORGANIZATION: 2}
_NATIONALITY = re.compile(r"(?:ian|ean|ese|ish|ic|ch|an|i)s?$")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_DASHES = frozenset("-–—")


def find_mentions(document: Document, analysis: Analysis) -> list[Mention]:
    """PERSON, ORGANIZATION and UNIT mentions in text order (see the module docstring)."""
    text, language = document.text, analysis.language
    units = list(_units(text))
    people, outlets = person_candidates(document, analysis)
    orgs = [*outlets, *_organisations(document, analysis)]
    found = [*units, *(_mention(text, analysis, c, language) for c in people + orgs)]
    return _without_overlaps(found)


# --- organisations and units ---------------------------------------------------------------


def _organisations(document: Document, analysis: Analysis) -> list[Candidate]:
    found = [
        Candidate(first, last, c.kind)
        for c in from_entities(analysis, "ORG")
        if not _is_nationality(analysis, c)
        and (first := _org_start(analysis, c)) <= (last := _org_end(analysis, c))
    ]
    if document.source:
        phrase = tuple(document.source.split())
        found += [
            Candidate(c.first, c.last, MentionKind.ORGANIZATION)
            for c in occurrences(document.text, analysis.tokens, phrase)
        ]
    return found


def _org_start(analysis: Analysis, candidate: Candidate) -> int:
    """Where an organisation's name starts: after a leading article, role word or dash ("The
    Russian Ministry", natasha's "Військовослужбовець збройних сил", "- Bogdan Stelea")."""
    first = candidate.first
    while first <= candidate.last and (
        analysis.tokens[first].pos == "DET"
        or analysis.tokens[first].text in _DASHES
        or is_prefix(analysis.tokens[first])
    ):
        first += 1
    return first


def _org_end(analysis: Analysis, candidate: Candidate) -> int:
    """Where it ends: before a possessive ("Munich Re 's")."""
    last = candidate.last
    while last >= candidate.first and analysis.tokens[last].text in ("'s", "’s"):
        last -= 1
    return last


def _is_nationality(analysis: Analysis, candidate: Candidate) -> bool:
    """ "Russian", "Ukrainians": spaCy's NORP, which the analysis maps to ORG."""
    token = analysis.tokens[candidate.first]
    single = candidate.first == candidate.last and not _CYRILLIC.search(token.text)
    return (
        single and token.pos in ("ADJ", "PROPN", "NOUN") and bool(_NATIONALITY.search(token.text))
    )


def _units(text: str) -> Iterable[Mention]:
    for match in NUMBERED.finditer(text):
        yield _unit(text, match.span(), unit_canonical(match.group(0)))
    for match in CODES.finditer(text):
        code = match.group("code").upper().replace("А", "A")
        yield _unit(text, match.span(), f"military unit {code}")
    for match in NAMED.finditer(text):
        yield _unit(text, match.span(), match.group(0).strip('«»"“”'))


def _unit(text: str, span: tuple[int, int], canonical: str) -> Mention:
    start, end = span
    return Mention(span=Span(start, end), text=text[start:end], kind=MentionKind.UNIT,
                   canonical=canonical, extractor=NAME)  # fmt: skip


def unit_canonical(phrase: str) -> str:
    """ "37-я мотострелковая бригада" -> "37th Motor Rifle Brigade" (rules.units)."""
    number = re.match(r"\d+", phrase)
    value = number.group(0) if number else ""
    words = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", phrase.replace("ё", "е"))
    parts: list[str] = []
    kind = ""
    for word in words:
        lower = word.lower()
        if lower in ABBREVIATIONS:
            modifiers, kind = ABBREVIATIONS[lower]
            parts.append(modifiers)
        elif found := _stem(lower, TYPES):
            kind = found
        elif (modifier := _stem(lower, MODIFIERS)) is not None:
            parts.append(modifier)
        elif not _CYRILLIC.search(word) and lower not in ("st", "nd", "rd", "th"):
            parts.append(word.title())
    return " ".join(p for p in (_ordinal(value), *parts, kind) if p)


def _stem(word: str, table: dict[str, str]) -> str | None:
    matches = [stem for stem in table if word.startswith(stem)]
    return table[max(matches, key=len)] if matches else None


def _ordinal(number: str) -> str:
    if not number:
        return ""
    value = int(number)
    suffix = "th" if 10 <= value % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
    return f"{value}{suffix}"


# --- shared helpers ------------------------------------------------------------------------


def _mention(text: str, analysis: Analysis, candidate: Candidate, language: str) -> Mention:
    tokens = analysis.tokens[candidate.first : candidate.last + 1]
    start, end = tokens[0].start, tokens[-1].end
    if candidate.kind is MentionKind.PERSON:
        end = name_end(text, tokens[-1])
    surface = text[start:end]
    canonical = (
        canonical_name(surface, language, tokens)
        if candidate.kind is MentionKind.PERSON
        else surface
    )
    return Mention(span=Span(start, end), text=surface, kind=candidate.kind,
                   canonical=canonical, extractor=NAME)  # fmt: skip


def _without_overlaps(mentions: Iterable[Mention]) -> list[Mention]:
    """One mention per stretch of text: by kind (unit, person, organisation), then longest."""
    ordered = sorted(
        set(mentions), key=lambda m: (_RANK[m.kind], m.span.start - m.span.end, m.span.start)
    )
    kept: list[Mention] = []
    for mention in ordered:
        if all(m.span.end <= mention.span.start or mention.span.end <= m.span.start for m in kept):
            kept.append(mention)
    return sorted(kept, key=lambda m: m.span.start)


# --- the NER predictor (evaluate/ner.py) ---------------------------------------------------
