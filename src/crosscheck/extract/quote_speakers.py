"""Who a quote's source span names: a person of the document, where the text allows.

No coreference model: a heuristic. The key is the person whose mentions overlap the span, else
whose name shares a word with it. A pronoun or a description ("he", "она", "військовий", "the
soldier") resolves to the nearest preceding person mention of agreeing gender (Russian and
Ukrainian grammatical gender; in English the census gender of the first name or a title). A
relative pronoun ("Volkov, who says ...") stands for the noun its clause hangs on. "I"/"we"
stay unresolved.
"""

from __future__ import annotations

from collections.abc import Sequence

from crosscheck.extract.analysis import Analysis
from crosscheck.extract.cues import relative_antecedent
from crosscheck.extract.rules.quote_cues import (
    DESCRIPTIONS,
    FEMININE,
    FIRST_PERSON,
    MASCULINE,
    PRONOUNS,
    first_name_gender,
)
from crosscheck.model import Person, Span

__all__ = ["Mention", "mentions", "resolve"]

#: a person mention: its span and the person's key (None: the model's entity, no person known)
Mention = tuple[Span, str | None]


def mentions(analysis: Analysis, people: Sequence[Person]) -> list[Mention]:
    """Person mentions with their keys; the model's PER entities when no people are given."""
    pairs: list[Mention]
    if people:
        pairs = [(span, p.key) for p in people for span in p.mentions]
    else:
        pairs = [(e.span, None) for e in analysis.entities if e.label == "PER"]
    return sorted(pairs, key=lambda pair: pair[0].start)


def resolve(
    text: str,
    analysis: Analysis,
    source: Span | None,
    mentions: list[Mention],
    people: Sequence[Person],
) -> tuple[Span | None, str | None]:
    if source is None:
        return None, None
    source = relative_antecedent(analysis, source) or source
    for span, key in mentions:
        if span.start < source.end and source.start < span.end:
            return source, key
    head = text[source.start : source.end].split()[-1].lower() if source.end > source.start else ""
    if head in FIRST_PERSON:
        return source, None
    if head in PRONOUNS or head in DESCRIPTIONS:
        return _antecedent(analysis, source, head, mentions) or (source, None)
    return source, _by_name(text[source.start : source.end], people)


def _antecedent(
    analysis: Analysis, source: Span, head: str, mentions: list[Mention]
) -> Mention | None:
    """The nearest person mentioned before ``source`` whose gender does not contradict."""
    wanted = "Masc" if head in MASCULINE else "Fem" if head in FEMININE else None
    for span, key in reversed(mentions):
        if span.end <= source.start and _gender(analysis, span) in (None, wanted, ""):
            return span, key
        if span.end <= source.start and wanted is None:
            return span, key
    return None


def _gender(analysis: Analysis, span: Span) -> str:
    """The grammatical gender of a name (Russian/Ukrainian feats), or in English its first
    name's census gender; "" when unknown."""
    for token in analysis.tokens:
        if span.start <= token.start < span.end and token.feat("Gender"):
            return token.feat("Gender") or ""
        if span.start <= token.start < span.end and analysis.language == "en":
            return first_name_gender(token.text)
    return ""


def _by_name(words: str, people: Sequence[Person]) -> str | None:
    """A person sharing a name word (allowing a case ending: "Смирнова" ~ "Смирнов")."""
    said = {w.strip(".,").lower() for w in words.split() if len(w) > 2}
    for person in people:
        for part in (w.lower() for w in person.name.split() if len(w) > 2):
            if any(w == part or (len(part) > 4 and w.startswith(part[:-1])) for w in said):
                return person.key
    return None
