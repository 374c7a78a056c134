"""Mentions of people, organisations and military units, with canonical names.

The cascade, step by step (places belong to ``extract.places``; nothing here is a PLACE):

1. **Units** by pattern (``rules.units``): numbered formations, unit codes, named groups.
2. **Person candidates**: the model's PER entities, rank/role/title words followed by
   capitalised words ("soldier Alexei Smirnov", "военнослужащий Алексей Смирнов"), and, in
   Cyrillic text, a first name (pymorphy3 ``Name``) next to capitalised words.
3. **Trimming**: rank, role and title words are never part of a name.
4. **Vetoes**: a candidate that is the document's ``source``, holds an outlet word ("Daily",
   "Вісник"), follows an outlet cue ("reported by") or is a single word the dictionary knows
   as a place (``Geox``) and not as a name is not a person; outlet-like ones become ORG.
5. **Propagation**: a surname seen in a full name marks its other occurrences in the document
   as the same person ("Smirnov shows", "говорит Смирнов", inflected forms included), and a
   name the model found once is found everywhere in the document.
6. **Organisations**: the model's ORG entities (nationality adjectives dropped: CoNLL counts
   them as MISC), the document's source where the text names it, and the vetoed outlets.

Overlaps resolve by kind (unit > person > organisation) and then by length.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from crosscheck.evaluate.ner import Entity as NerEntity
from crosscheck.evaluate.task import PREDICTORS
from crosscheck.extract.analysis import Analysis, Analyzer, Token
from crosscheck.extract.names import canonical_name, is_first_name, parses
from crosscheck.extract.rules.persons import OUTLET_BEFORE, OUTLET_WORDS, RANKS, ROLES, TITLES
from crosscheck.extract.rules.units import ABBREVIATIONS, CODES, MODIFIERS, NAMED, NUMBERED, TYPES
from crosscheck.model import Document, Mention, MentionKind, Span

__all__ = ["NAME", "find_mentions", "positional", "predict_entities", "unit_canonical"]

NAME = "extract.entities.v1"

_PREFIXES = frozenset(RANKS) | frozenset(ROLES) | TITLES
_RANK = {MentionKind.UNIT: 0, MentionKind.PERSON: 1, MentionKind.ORGANIZATION: 2}
_NATIONALITY = re.compile(r"(?:ian|ean|ese|ish|ic|ch|an|i)s?$")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_MAX_NAME = 4
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
class _Candidate:
    first: int  # token indices, inclusive
    last: int
    kind: MentionKind


def find_mentions(document: Document, analysis: Analysis) -> list[Mention]:
    """PERSON, ORGANIZATION and UNIT mentions in text order (see the module docstring)."""
    analysis = positional(analysis)
    text, language = document.text, analysis.language
    units = list(_units(text))
    people, outlets = _vetted(document, analysis, _person_candidates(analysis))
    people = _propagated(analysis, people)
    orgs = [*outlets, *_organisations(document, analysis)]
    found = [*units, *(_mention(text, analysis, c, language) for c in people + orgs)]
    return _without_overlaps(found)


# --- people --------------------------------------------------------------------------------


def _person_candidates(analysis: Analysis) -> list[_Candidate]:
    by_model = [_trimmed(analysis, c) for c in _from_entities(analysis, "PER")]
    by_title = list(_after_titles(analysis))
    by_name = list(_around_first_names(analysis)) if _is_cyrillic(analysis) else []
    return [c for c in (*by_model, *by_title, *by_name) if c is not None]


def _from_entities(analysis: Analysis, label: str) -> Iterable[_Candidate]:
    starts = {t.start: t.index for t in analysis.tokens}
    ends = {t.end: t.index for t in analysis.tokens}
    kind = MentionKind.PERSON if label == "PER" else MentionKind.ORGANIZATION
    for entity in analysis.entities:
        first, last = starts.get(entity.span.start), ends.get(entity.span.end)
        if entity.label == label and first is not None and last is not None:
            yield _Candidate(first, last, kind)


def _trimmed(analysis: Analysis, candidate: _Candidate) -> _Candidate | None:
    """The name inside a model's PER span: without leading rank/role words, cut before the
    first lower-case word that is no name particle (natasha's "Смирнов з Іркутська")."""
    tokens = analysis.tokens
    first = candidate.first
    while first < candidate.last and _is_prefix(tokens[first]):
        first += 1
    last = first
    while last < candidate.last and _continues(tokens[last + 1]):
        last += 1
    while last > first and not _is_name_word(tokens[last]):
        last -= 1
    if not _is_name_word(tokens[first]) or _is_prefix(tokens[first]):
        return None
    return _Candidate(first, last, candidate.kind)


def _continues(token: Token) -> bool:
    return _is_name_word(token) or token.text.lower() in _PARTICLES or token.text in "-'’."


def _after_titles(analysis: Analysis) -> Iterable[_Candidate]:
    """Capitalised words right after a rank, role or title word: "Private Dmitry Volkov";
    abbreviations between them are skipped ("военнослужащий ВС РФ Алексей Смирнов")."""
    tokens = analysis.tokens
    for token in tokens:
        if not _is_prefix(token):
            continue
        first = token.index + 1
        while first < min(len(tokens), token.index + 3) and _is_abbreviation(tokens[first]):
            first += 1
        last = first - 1
        while last + 1 < len(tokens) and last + 1 - first < _MAX_NAME:
            following = tokens[last + 1]
            if following.sentence != token.sentence or not _is_name_word(following):
                break
            if _is_prefix(following) or _is_abbreviation(following):
                break
            if _is_place(following, analysis.language):
                break
            last += 1
        if last >= first:
            yield _Candidate(first, last, MentionKind.PERSON)


def _is_abbreviation(token: Token) -> bool:
    return len(token.text) > 1 and token.text.isupper() and token.text.isalpha()


def _around_first_names(analysis: Analysis) -> Iterable[_Candidate]:
    """A known first name with capitalised neighbours (patronymic, surname) in Cyrillic."""
    tokens = analysis.tokens
    for token in tokens:
        if not (_is_name_word(token) and _first_name(token, analysis.language)):
            continue
        first, last = token.index, token.index
        while last + 1 < len(tokens) and last - first < 2 and _joins(tokens[last + 1], token):
            last += 1
        if first > 0 and last == first and _joins(tokens[first - 1], token):
            first -= 1  # "Смирнов Алексей": surname first
        if last > first:
            yield _Candidate(first, last, MentionKind.PERSON)


def _joins(neighbour: Token, token: Token) -> bool:
    return (
        neighbour.sentence == token.sentence
        and _is_name_word(neighbour)
        and not _is_prefix(neighbour)
        and not neighbour.text.isupper()
    )


def _first_name(token: Token, language: str) -> bool:
    """A first name by the dictionary, and its most likely reading (so "Вера" the noun and
    "Роман" the novel do not count when the tagger sees them as common nouns)."""
    if language == "uk":  # natasha's Russian tagger gives Ukrainian words arbitrary tags
        return is_first_name(token.text, language)
    return is_first_name(token.text, language) and token.pos in ("PROPN", "NOUN", "X")


def _vetted(
    document: Document, analysis: Analysis, candidates: Sequence[_Candidate]
) -> tuple[list[_Candidate], list[_Candidate]]:
    """(people, outlets): candidates split by the vetoes of step 4; places are dropped."""
    people: list[_Candidate] = []
    outlets: list[_Candidate] = []
    for candidate in candidates:
        if _is_outlet(document, analysis, candidate):
            outlets.append(_Candidate(candidate.first, candidate.last, MentionKind.ORGANIZATION))
        elif not _is_lone_place(analysis, candidate):
            people.append(candidate)
    return people, outlets


def _is_outlet(document: Document, analysis: Analysis, candidate: _Candidate) -> bool:
    tokens = analysis.tokens[candidate.first : candidate.last + 1]
    surface = document.text[tokens[0].start : tokens[-1].end]
    if document.source and surface.casefold() in document.source.casefold():
        return True
    if any(t.text.lower() in OUTLET_WORDS or "." in t.text[1:-1] for t in tokens):
        return True
    before = document.text[max(0, tokens[0].start - 20) : tokens[0].start].lower().rstrip()
    return any(before.endswith(cue) for cue in OUTLET_BEFORE)


def _is_lone_place(analysis: Analysis, candidate: _Candidate) -> bool:
    if candidate.first != candidate.last:
        return False
    return _is_place(analysis.tokens[candidate.first], analysis.language)


def _is_place(token: Token, language: str) -> bool:
    """A Cyrillic word the dictionary knows as a place name and not as a person's name."""
    if not _CYRILLIC.search(token.text):
        return False
    tags = [str(p.tag) for p in parses(token.text, language)]
    return any("Geox" in t for t in tags) and not any("Name" in t or "Surn" in t for t in tags)


def _propagated(analysis: Analysis, people: list[_Candidate]) -> list[_Candidate]:
    """People plus every other occurrence of their names and surnames (step 5)."""
    tokens = analysis.tokens
    surnames = {_word_stem(tokens[c.last], analysis.language) for c in people if c.last > c.first}
    phrases = {tuple(t.text for t in tokens[c.first : c.last + 1]) for c in people}
    found = list(people)
    for token in tokens:
        if _is_name_word(token) and _word_stem(token, analysis.language) in surnames:
            found.append(_Candidate(token.index, token.index, MentionKind.PERSON))
    for phrase in phrases:
        found += _occurrences(tokens, phrase)
    return found


def _occurrences(tokens: Sequence[Token], phrase: tuple[str, ...]) -> Iterable[_Candidate]:
    size = len(phrase)
    for token in tokens:
        end = token.index + size
        if end <= len(tokens) and tuple(t.text for t in tokens[token.index : end]) == phrase:
            yield _Candidate(token.index, end - 1, MentionKind.PERSON)


def _word_stem(token: Token, language: str) -> str:
    """A surname's dictionary form when pymorphy3 reads it as one ("Смирнова" -> смирнов),
    else its text: inflected surnames then match their nominative."""
    if not _CYRILLIC.search(token.text):
        return token.text.removesuffix("'s")
    surnames = [p.normal_form for p in parses(token.text, language) if "Surn" in str(p.tag)]
    return surnames[0] if surnames else token.text.lower()


# --- organisations and units ---------------------------------------------------------------


def _organisations(document: Document, analysis: Analysis) -> list[_Candidate]:
    found = [
        _Candidate(first, c.last, c.kind)
        for c in _from_entities(analysis, "ORG")
        if not _is_nationality(analysis, c) and (first := _org_start(analysis, c)) <= c.last
    ]
    if document.source:
        phrase = tuple(document.source.split())
        found += [
            _Candidate(c.first, c.last, MentionKind.ORGANIZATION)
            for c in _occurrences(analysis.tokens, phrase)
        ]
    return found


def _org_start(analysis: Analysis, candidate: _Candidate) -> int:
    """Where an organisation's name starts: after a leading article or role word ("The
    Russian Ministry", natasha's "Військовослужбовець збройних сил")."""
    first = candidate.first
    while first <= candidate.last and (
        analysis.tokens[first].pos == "DET" or _is_prefix(analysis.tokens[first])
    ):
        first += 1
    return first


def _is_nationality(analysis: Analysis, candidate: _Candidate) -> bool:
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


def positional(analysis: Analysis) -> Analysis:
    """The analysis with each token's ``index`` and ``head`` as positions in ``tokens``.

    spaCy's indices count the whitespace tokens that the analysis leaves out ("\n" between
    sentences), so ``tokens[t.index]`` can be another token; this renumbers them.
    """
    tokens = analysis.tokens
    if all(t.index == n for n, t in enumerate(tokens)):
        return analysis
    place = {t.index: n for n, t in enumerate(tokens)}
    renumbered = tuple(replace(t, index=n, head=place.get(t.head, n)) for n, t in enumerate(tokens))
    return replace(analysis, tokens=renumbered)


def _is_cyrillic(analysis: Analysis) -> bool:
    return analysis.language in ("ru", "uk")


def _is_prefix(token: Token) -> bool:
    return token.text.lower() in _PREFIXES or token.lemma.replace("ё", "е") in _PREFIXES


def _is_name_word(token: Token) -> bool:
    word = token.text.replace("-", "").replace("'", "").replace("’", "")
    return word[:1].isupper() and word.isalpha()


def _mention(text: str, analysis: Analysis, candidate: _Candidate, language: str) -> Mention:
    tokens = analysis.tokens[candidate.first : candidate.last + 1]
    start, end = tokens[0].start, tokens[-1].end
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

_ANALYZER = Analyzer()
_NER_LABELS = {MentionKind.PERSON: "PER", MentionKind.ORGANIZATION: "ORG", MentionKind.UNIT: "ORG"}


def predict_entities(text: str, language: str) -> list[NerEntity]:
    """PER and ORG from ``find_mentions`` (units count as ORG in all four gold sets); LOC from
    the model's entities that no mention overlaps."""
    document = Document(capture_sha256="0" * 64, text=text, language=language)
    analysis = _ANALYZER(document)
    mentions = find_mentions(document, analysis)
    entities = [NerEntity(kind=_NER_LABELS[m.kind], span=m.span) for m in mentions]
    taken = [m.span for m in mentions]
    places = _place_spans(document, analysis)
    for span in places:
        if all(_apart(span, other) for other in taken):
            entities.append(NerEntity(kind="LOC", span=span))
    return entities


def _place_spans(document: Document, analysis: Analysis) -> list[Span]:
    """The places stage's spans, plus the model's LOC entities it did not cover (the stage
    vetoes and the model misses different names, so each adds recall to the other)."""
    from crosscheck.extract.places import find_places

    spans = [place.span for place in find_places(document, analysis)]
    model = [e.span for e in analysis.entities if e.label == "LOC"]
    return spans + [m for m in model if all(_apart(m, s) for s in spans)]


def _apart(a: Span, b: Span) -> bool:
    return a.end <= b.start or b.end <= a.start


PREDICTORS["ner"] = predict_entities
