"""Token-level tests for people's names, shared by ``person_spans`` and ``name_bounds``.

A **candidate** is a run of tokens that may be a person's name (or, once vetted, an outlet).
A **prefix** is a rank, role, occupation or title word: it precedes a name and is never part
of it. A **name-like** token is capitalised and not a word the dictionary knows as something
else ("Трехлетний", "Свердловской" are not).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from crosscheck.extract.analysis import Analysis, Token
from crosscheck.extract.names import is_first_name, is_name_word, parses
from crosscheck.extract.rules.persons import OCCUPATIONS, RANKS, ROLES, TITLES
from crosscheck.model import MentionKind

__all__ = [
    "Candidate",
    "from_entities",
    "is_prefix",
    "name_like",
    "occurrences",
    "tagged_tokens",
    "token_set",
]

_PREFIXES = frozenset(RANKS) | frozenset(ROLES) | TITLES | OCCUPATIONS
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


@dataclass(frozen=True, slots=True)
class Candidate:
    first: int  # token indices, inclusive
    last: int
    kind: MentionKind


def from_entities(analysis: Analysis, label: str) -> Iterable[Candidate]:
    """The model's entities of one label as token ranges."""
    starts = {t.start: t.index for t in analysis.tokens}
    ends = {t.end: t.index for t in analysis.tokens}
    kind = MentionKind.PERSON if label == "PER" else MentionKind.ORGANIZATION
    for entity in analysis.entities:
        first, last = starts.get(entity.span.start), ends.get(entity.span.end)
        if entity.label == label and first is not None and last is not None:
            yield Candidate(first, last, kind)


def tagged_tokens(analysis: Analysis, labels: Sequence[str]) -> set[int]:
    """Indexes of the tokens inside the model's entities of these labels."""
    spans = [c for label in labels for c in from_entities(analysis, label)]
    return {i for c in spans for i in range(c.first, c.last + 1)}


def token_set(candidate: Candidate) -> set[int]:
    return set(range(candidate.first, candidate.last + 1))


def is_prefix(token: Token) -> bool:
    """A rank, role, occupation or title word (by text or lemma)."""
    return token.text.lower() in _PREFIXES or token.lemma.replace("ё", "е") in _PREFIXES


def name_like(token: Token, language: str) -> bool:
    """Capitalised, not all capitals, and (in Cyrillic) a name reading or a word the
    dictionary does not know; in Latin script tagged a proper noun."""
    word = token.text
    if not is_name_word(word) or word.isupper():  # capitals: abbreviations and initials
        return False
    if not _CYRILLIC.search(word):
        return token.pos in ("PROPN", "X") or language != "en"
    readings = parses(word, language)
    named = any(tag in str(p.tag) for p in readings for tag in ("Name", "Surn", "Patr"))
    return named or not any(p.is_known for p in readings) or is_first_name(word, language)


def occurrences(text: str, tokens: Sequence[Token], phrase: tuple[str, ...]) -> Iterable[Candidate]:
    """Every run of tokens on one line whose texts are ``phrase``."""
    size = len(phrase)
    for token in tokens:
        end = token.index + size
        # the first word is compared before building the run: most tokens fail it
        if token.text != phrase[0] or end > len(tokens):
            continue
        run = tokens[token.index : end]
        if tuple(t.text for t in run) == phrase and "\n" not in text[run[0].end : run[-1].start]:
            yield Candidate(token.index, end - 1, MentionKind.PERSON)
