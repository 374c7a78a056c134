"""People in one document: person mentions merged per person, with what the text says of them.

Merging: a mention joins the first person whose fullest name it fits: the same canonical
name or key, or a surname-only mention whose key (or Russian/Ukrainian dictionary form:
"Смирнова" -> смирнов) equals that person's surname. People are keyed "p1", "p2"... in order
of first mention; ``name`` is the longest canonical name seen.

Attributes come only from words next to a mention (the same sentence, a few tokens away), each
with the span that states it; the text not saying means None:

- ``rank`` / ``role``: a rank or role word right before the name or its abbreviations
  ("Private Dmitry Volkov", "военнослужащий ВС РФ Алексей Смирнов", "governor Oleh Marchenko");
- ``side``: a side cue in the words before the name ("Russian Armed Forces soldier", "ВС РФ");
- ``hometown``: "from X" / "из X" / "з X" / "родом из X" right after a name, X capitalised,
  put in the nominative where the dictionary knows it as a place;
- ``unit``: a UNIT mention in the same sentence after the name;
- ``status``: a status word (killed, погиб, загинув, wounded...) in the sentence whose subject
  or modifier is the person.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from crosscheck.extract.analysis import Analysis, Token
from crosscheck.extract.names import name_key, parses
from crosscheck.extract.rules.persons import RANKS, ROLES, SIDES, STATUSES
from crosscheck.model import Attribute, Document, Mention, MentionKind, Person, Span

__all__ = ["NAME", "find_people"]

NAME = "extract.people.v1"

_FROM = re.compile(r"^\s*,?\s*(?:from|of|родом\s+из|из|родом\s+з|з|із|зі)\s+(?=\S)", re.I)
_WINDOW = 6  # tokens before a name searched for rank, role and side words


@dataclass(slots=True)
class _Group:
    mentions: list[Mention] = field(default_factory=list)

    @property
    def name(self) -> str:
        return max((m.canonical for m in self.mentions), key=lambda n: (len(n.split()), len(n)))


def find_people(
    document: Document, analysis: Analysis, mentions: Sequence[Mention]
) -> list[Person]:
    """One ``Person`` per distinct person among the PERSON mentions (module docstring)."""
    groups: list[_Group] = []
    for mention in sorted(mentions, key=lambda m: m.span.start):
        if mention.kind is MentionKind.PERSON:
            _join(groups, mention, analysis.language)
    units = [m for m in mentions if m.kind is MentionKind.UNIT]
    return [_person(f"p{n}", group, document, analysis, units) for n, group in enumerate(groups, 1)]


def _join(groups: list[_Group], mention: Mention, language: str) -> None:
    for group in groups:
        if _same(group, mention, language):
            group.mentions.append(mention)
            return
    groups.append(_Group([mention]))


def _same(group: _Group, mention: Mention, language: str) -> bool:
    full = name_key(group.name)
    key = name_key(mention.canonical)
    if key == full or key in {name_key(m.canonical) for m in group.mentions}:
        return True
    words = mention.canonical.split()
    if len(words) != 1 or len(group.name.split()) < 2:
        return False
    surname = group.name.split()[-1]
    return key == name_key(surname) or _lemma(words[0], language) == _lemma(surname, language)


def _lemma(word: str, language: str) -> str:
    readings = [p.normal_form for p in parses(word, language) if "Surn" in str(p.tag)]
    return readings[0] if readings else word.lower()


def _person(
    key: str, group: _Group, document: Document, analysis: Analysis, units: Sequence[Mention]
) -> Person:
    attributes = _Attributes(document, analysis, units)
    for mention in group.mentions:
        attributes.read(mention)
    rank = attributes.found.get("rank")
    if rank is not None:  # a military rank states that the person serves
        attributes.found.setdefault("role", Attribute(value="soldier", span=rank.span))
    return Person(
        key=key,
        name=group.name,
        spellings=tuple(dict.fromkeys(m.text for m in group.mentions)),
        mentions=tuple(m.span for m in group.mentions),
        extractor=NAME,
        **attributes.found,
    )


class _Attributes:
    """What the words around one person's mentions state, first statement wins."""

    def __init__(self, document: Document, analysis: Analysis, units: Sequence[Mention]) -> None:
        self.text = document.text
        self.analysis = analysis
        self.units = units
        self.found: dict[str, Attribute] = {}
        self.starts = {t.start: t.index for t in analysis.tokens}
        self.ends = {t.end: t.index for t in analysis.tokens}

    def read(self, mention: Mention) -> None:
        first, last = self.starts.get(mention.span.start), self.ends.get(mention.span.end)
        if first is None or last is None:
            return
        self._before(first)
        self._hometown(mention.span.end)
        self._unit(mention, last)
        self._status(first, last)

    def _set(self, name: str, value: str, span: Span) -> None:
        self.found.setdefault(name, Attribute(value=value, span=span))

    def _before(self, first: int) -> None:
        """Rank, role and side from the words just before the name, nearest first."""
        tokens = self.analysis.tokens
        window = [t for t in tokens[max(0, first - _WINDOW) : first]
                  if t.sentence == tokens[first].sentence]  # fmt: skip
        for token in reversed(window):
            word = _word(token)
            if word in RANKS:
                self._set("rank", RANKS[word], _span(token))
            elif word in ROLES:
                self._set("role", ROLES[word], _span(token))
        self._side(window)

    def _side(self, window: Sequence[Token]) -> None:
        for size in (2, 1):
            for index in range(len(window) - size + 1):
                phrase = window[index : index + size]
                cue = " ".join(_word(t) for t in phrase)
                if cue in SIDES or " ".join(t.text.lower() for t in phrase) in SIDES:
                    value = SIDES.get(cue) or SIDES[" ".join(t.text.lower() for t in phrase)]
                    self._set("side", value, Span(phrase[0].start, phrase[-1].end))
                    return

    def _hometown(self, end: int) -> None:
        match = _FROM.match(self.text[end : end + 40])
        if match is None:
            return
        start = end + match.end()
        place = re.match(r"[A-ZА-ЯЁІЇЄҐ][\w’'-]*(?:[ -][A-ZА-ЯЁІЇЄҐ][\w’'-]*)?", self.text[start:])
        if place is not None:
            span = Span(start, start + place.end())
            self._set("hometown", _place_nominative(place.group(0), self.analysis.language), span)

    def _unit(self, mention: Mention, last: int) -> None:
        sentence = self.analysis.tokens[last].sentence
        bounds = (
            self.analysis.sentences[sentence] if sentence < len(self.analysis.sentences) else None
        )
        for unit in self.units:
            if unit.span.start >= mention.span.end and (
                bounds is None or unit.span.end <= bounds.end
            ):
                self._set("unit", unit.canonical, unit.span)
                return

    def _status(self, first: int, last: int) -> None:
        """A status word whose syntactic head chain reaches the name, or that governs it."""
        tokens = self.analysis.tokens
        sentence = tokens[first].sentence
        name = set(range(first, last + 1))
        for token in tokens:
            if token.sentence != sentence or token.index in name:
                continue
            status = STATUSES.get(_word(token))
            if status and (_linked(tokens, token, name) or self._next_to(token, last)):
                self._set("status", status, _span(token))
                return

    def _next_to(self, word: Token, last: int) -> bool:
        """Ukrainian only, where natasha's Russian parser gives no usable heads: the status
        verb a few words after the name with no comma between ("Гнатюк з Полтави загинув")."""
        between = self.analysis.tokens[last + 1 : word.index]
        return (
            self.analysis.language == "uk"
            and 0 < word.index - last <= 4
            and not any(t.text in ",;:—" for t in between)
        )


def _linked(tokens: Sequence[Token], word: Token, name: set[int]) -> bool:
    """The status word governs the name ("X was killed", "погиб Смирнов") or modifies it
    ("убитый Смирнов"); sharing a head is not enough ("three were killed, X said")."""
    heads = {tokens[i].head for i in name}
    return word.index in heads or word.head in name


def _word(token: Token) -> str:
    lemma = token.lemma.replace("ё", "е")
    return lemma if lemma in RANKS or lemma in ROLES or lemma in STATUSES else token.text.lower()


def _span(token: Token) -> Span:
    return Span(token.start, token.end)


def _place_nominative(place: str, language: str) -> str:
    """ "Иркутска" -> "Иркутск", "Іркутська" -> "Іркутськ": the dictionary's place reading
    put in the nominative; a word it does not know as a place stays as written."""
    if language not in ("ru", "uk"):
        return place
    words = []
    for word in place.split():
        readings = [
            p for p in parses(word, language) if "Geox" in str(p.tag) or "NOUN" in str(p.tag)
        ]
        nominative = readings[0].inflect({"nomn"}) if readings else None
        words.append(nominative.word.capitalize() if nominative is not None else word)
    return " ".join(words)
