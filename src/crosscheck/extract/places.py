"""Place names in a document, resolved offline against the gazetteer.

The cascade, per document:

1. **Recognise.** Three sources of spans, longest first, overlaps dropped:
   a. the model's LOC entities (spaCy GPE/LOC/FAC, natasha LOC), "the" and "'s" trimmed;
   b. gazetteer matches of capitalised token runs the model missed (spaCy's small model misses
      "Irkutsk" in an appositive and calls "Avdiivka" a PERSON);
   c. names after a settlement cue ("the village of X", "в селе X"), kept even when the
      gazetteer does not know them (villages under 500 people are not in it).
   Vetoes: a bare gazetteer match inside a person's name (unless a cue like "from" or "з"
   precedes), a single common word (not a proper noun), a short all-lowercase-able key such as
   "Can" for Canada's ISO code, and the document's own outlet name ("Frontline Monitor").
   Demonyms ("Russian", "Ukrainians") are places only when asked for: GeoWebNews counts them.
2. **Resolve.** Countries and regions named in the document, and the country named most,
   raise candidates there; then the primary name over an alternate one; then population.
   Unresolved names come back with ``geonameid`` and coordinates None.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from difflib import SequenceMatcher

from crosscheck.extract.analysis import Analysis, Analyzer, Token
from crosscheck.extract.gazetteer import Entry, Gazetteer, gazetteer, normalise
from crosscheck.extract.place_names import ABBREVIATIONS, COMMON_WORDS, CUES, NOT_PLACES
from crosscheck.model import Document, Place, Span

__all__ = ["NAME", "find_places"]

NAME = "extract.places.geonames.v3"
_MAX_TOKENS = 5
_BARE_MIN_POPULATION = 1000
_STRAY_MAX_POPULATION = 10_000
_CAPITALS_MIN_POPULATION = 20_000  # an all-capitals word is an acronym unless a town this big
_SPELLING_MIN_RATIO = 0.75
_CYRILLIC = re.compile(
    r"[\u0400-\u04ff]"
)  # a bare single-word match of a smaller place is mostly noise
#: a bare match inside a longer capitalised run ("Prime Minister", "Supreme Court") is a
#: place only when it is this big ("Moscow Mayor")
_EMBEDDED_MIN_POPULATION = 100_000
#: words before a name that make it a settlement, known to the gazetteer or not
_SETTLEMENT_CUES = re.compile(
    r"(?:village|town|city|settlement|hamlet)\s+of\s*$|"
    r"(?:сел[аеоуі]м?|селищ[аеіу]?|посёлк[аеу]|поселк[аеу]|поселени[еия]|"
    r"город[аеу]?|міст[аіо]|деревн[еия])\s*$",
    re.IGNORECASE,
)
_REGION = re.compile(
    r"^(?P<centre>.+?)\s+(?:oblast|region|province|krai|kray)$|"
    r"^(?P<adjective>\w+)\s+(?:област\w*|кра[йяюеі]\w*)$|"
    r"^(?P<shchyna>\w+)(?:щин|чин)[аиіуо]\w*$",
    re.IGNORECASE,
)
_REGION_WORDS = re.compile(r"^(?:Oblast|Region|Province|Krai|област\w*|кра[йяюеі]\w*)$", re.I)


@dataclass(frozen=True, slots=True)
class _Mention:
    span: Span
    lookup: str  # the form to look up (natasha's nominative where it gives one)
    cue: bool = False  # a settlement cue names it: keep it even when unresolved
    candidates: tuple[Entry, ...] = ()
    bare: bool = False  # found by the gazetteer scan alone, with no cue word before it
    inner: bool = False  # part of a longer run of capitalised words, or of a person's name


def find_places(document: Document, analysis: Analysis, *, demonyms: bool = False) -> list[Place]:
    """Every place the text names, in text order, resolved where the gazetteer allows."""
    names = gazetteer()
    found = [_with_candidates(m, names) for m in _recognise(document, analysis, demonyms)]
    kept = _non_overlapping(m for m in found if m.candidates or m.cue)
    kept = [_without_stray(m, [k for k in kept if k is not m]) for m in kept]
    context = _Context.of(kept)
    return [
        _place(document, m, context.best(m)) for m in kept if m.candidates or m.cue or not m.bare
    ]


def _without_stray(mention: _Mention, others: list[_Mention]) -> _Mention:
    """A name whose only candidates are small settlements (under ``_STRAY_MAX_POPULATION``) in
    countries the text never names is a word that happens to be a village somewhere ("House
    of Culture" is not Kültür, Turkey): a bare gazetteer match is dropped, a name the model
    or a cue marks as a place stays, unresolved."""
    if mention.cue or not mention.candidates:
        return mention
    if any(c.precision != "settlement" or c.population >= _STRAY_MAX_POPULATION
           for c in mention.candidates):  # fmt: skip
        return mention
    named = _Context.of(others).countries
    if any(c.country and named[c.country] for c in mention.candidates):
        return mention
    return replace(mention, candidates=())


def _with_candidates(mention: _Mention, names: Gazetteer) -> _Mention:
    if mention.candidates:
        return mention
    region = _REGION.match(mention.lookup)
    if region:
        found = tuple(_regions(region, names))
        return _Mention(mention.span, mention.lookup, True, found, mention.bare, mention.inner)
    found = tuple(names.lookup(mention.lookup))
    return _Mention(mention.span, mention.lookup, mention.cue, found, mention.bare, mention.inner)


def _regions(match: re.Match[str], names: Gazetteer) -> list[Entry]:
    if match["centre"]:
        return names.region_of(match["centre"])
    stem = match["adjective"] or match["shchyna"]
    for centre in _centres(stem.casefold()):
        if found := names.region_of(centre):
            return found
    return []


def _centres(stem: str) -> Iterator[str]:
    """The centre a regional adjective names: донецкой/донецька -> донецк(ь), харьковская ->
    харьков, харківщина (stem харків) -> харків."""
    base = re.sub(r"(?:ой|ая|ую|ей|ий|ый|ого|ому|ом|а|у|ої|ій|ою|ої)$", "", stem)
    yield base
    yield re.sub(r"с(ь)?к$", "", base)
    yield re.sub(r"(ь)?к$", "", base)


# -- recognition ------------------------------------------------------------------------------


def _recognise(document: Document, analysis: Analysis, demonyms: bool) -> Iterator[_Mention]:
    outlets = _outlet_spans(document)
    person = [e.span for e in analysis.entities if e.label == "PER"]
    surnames = _person_words(document, analysis)
    yield from _entity_mentions(document, analysis)
    for mention in _scanned(document, analysis, person):
        named = (mention.bare and set(mention.lookup.split()) <= surnames
                 and not any(_overlaps(mention.span, p) for p in person))  # fmt: skip
        if not named and not any(_inside(mention.span, o) for o in outlets):
            yield mention
    yield from _abbreviations(document, analysis)
    if demonyms:
        yield from _demonym_mentions(analysis)


def _person_words(document: Document, analysis: Analysis) -> set[str]:
    """Words of the people the model names: "Chen" alone elsewhere in the text is that
    person (inside the name, the population floor for embedded names decides)."""
    return {word for e in analysis.entities if e.label == "PER"
            for word in document.text[e.span.start : e.span.end].split()}  # fmt: skip


_DC = re.compile(r"\bWashington,?\s+D\.?C\.?(?![\w])")


def _abbreviations(document: Document, analysis: Analysis) -> Iterator[_Mention]:
    """Postal abbreviations ("Calif.", "N.J.", "D.C."), as US states or Washington, D.C.;
    "Washington, D.C." is one name."""
    names = gazetteer()
    for match in _DC.finditer(document.text):
        found = tuple(e for e in names.lookup("Washington") if e.feature == "P.PPLC")
        yield _Mention(Span(match.start(), match.end()), "Washington", True, found)
    for token in analysis.tokens:
        region = ABBREVIATIONS.get(token.text)
        if region:
            known = [e for e in names.lookup(region) if e.country in {"US", "CA"}]
            wide = tuple(e for e in known if e.precision == "admin1" or e.feature == "P.PPLC")
            yield _Mention(Span(token.start, token.end), token.text, True, wide)


def _entity_mentions(document: Document, analysis: Analysis) -> Iterator[_Mention]:
    person = [e.span for e in analysis.entities if e.label == "PER"]
    for entity in analysis.entities:
        if entity.label != "LOC":
            continue
        span = _trimmed(document.text, entity.span)
        text = document.text[span.start : span.end]
        whole = _whole_run(analysis, span, person)
        if whole != span and not _prominent(entity.normal or text):
            # "Verkhnia Dolyna" tagged as "Verkhnia", a real village: the name is the whole run;
            # but "U.S. President", "Moscow Mayor" keep the big place they start with
            yield _Mention(whole, document.text[whole.start : whole.end], cue=True)
            continue
        yield _Mention(span, entity.normal or text)
        if entity.normal and entity.normal != text:
            yield _Mention(span, text)


def _whole_run(analysis: Analysis, span: Span, person: list[Span]) -> Span:
    """``span`` widened to the proper nouns written next to it in one capitalised run (a
    person's name and common words such as "Mayor" end the run)."""
    tokens = analysis.tokens
    inside = [n for n, t in enumerate(tokens) if t.start < span.end and span.start < t.end]
    if not inside:
        return span
    start, end, sentence = inside[0], inside[-1], tokens[inside[0]].sentence
    while start > 0 and _extends(tokens[start - 1], sentence, person):
        start -= 1
    while end + 1 < len(tokens) and _extends(tokens[end + 1], sentence, person):
        end += 1
    return Span(min(span.start, tokens[start].start), max(span.end, tokens[end].end))


def _prominent(name: str) -> bool:
    found = gazetteer().lookup(name)
    return any(e.precision != "settlement" or e.population >= _EMBEDDED_MIN_POPULATION
               for e in found)  # fmt: skip


def _extends(token: Token, sentence: int, person: list[Span]) -> bool:
    return (token.sentence == sentence and token.pos == "PROPN" and _capitalised(token.text)
            and not _REGION_WORDS.match(token.text) and token.text not in NOT_PLACES
            and not any(_overlaps(Span(token.start, token.end), p) for p in person))  # fmt: skip


def _trimmed(text: str, span: Span) -> Span:
    """GeoWebNews and our readers want "the United States" as "United States", "Russia's" as
    "Russia"."""
    start, end = span.start, span.end
    if text[start : start + 4].casefold() == "the ":
        start += 4
    if text[end - 2 : end] in {"'s", "’s"}:
        end -= 2
    return Span(start, end)


def _scanned(document: Document, analysis: Analysis, person: list[Span]) -> Iterator[_Mention]:
    """Runs of capitalised tokens (up to five, hyphens allowed) that name a gazetteer entry."""
    tokens = analysis.tokens
    for i, token in enumerate(tokens):
        if not _capitalised(token.text):
            continue
        cue = i > 0 and tokens[i - 1].text.casefold() in CUES
        settlement = _SETTLEMENT_CUES.search(document.text[max(0, token.start - 40) : token.start])
        runs = list(_runs(tokens, i))
        embedded = (i > 0 and _capitalised(tokens[i - 1].text)
                    and tokens[i - 1].sentence == token.sentence)  # fmt: skip
        for n, run in enumerate(runs):
            span = Span(token.start, run[-1].end)
            if _vetoed(run, cue or bool(settlement)) or (_partial(runs, n) and (cue or settlement)):
                continue
            text = document.text[span.start : span.end]
            inner = embedded or n < len(runs) - 1 or any(_overlaps(span, p) for p in person)
            keep = bool(settlement) or (cue and _shadows_known(document, runs, n))
            yield _Mention(span, text, keep, bare=not (cue or settlement), inner=inner)


def _partial(runs: list[list[Token]], n: int) -> bool:
    """After a cue ("the centre of Verkhnia Dolyna") only the whole run names the place: a
    prefix the gazetteer knows ("Verkhnia", a real village) is not it."""
    whole = runs[-1]
    return n < len(runs) - 1 and all(t.pos == "PROPN" for t in whole if t.text not in "-‐")


def _shadows_known(document: Document, runs: list[list[Token]], n: int) -> bool:
    """The whole run after a cue, whose prefix the gazetteer knows: kept even unresolved, so
    that the prefix is not taken for it."""
    prefixes = (document.text[r[0].start : r[-1].end] for r in runs[:n])
    return n == len(runs) - 1 and n > 0 and any(gazetteer().lookup(p) for p in prefixes)


def _runs(tokens: tuple[Token, ...], i: int) -> Iterator[list[Token]]:
    run: list[Token] = []
    for token in tokens[i : i + _MAX_TOKENS * 2]:
        if token.sentence != tokens[i].sentence:
            break
        if token.text in {"-", "‐"} and run:
            run.append(token)
            continue
        if run and _REGION_WORDS.match(token.text):
            yield [*run, token]
        if not _capitalised(token.text):
            break
        run.append(token)
        yield list(run)


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and any(c.isalpha() for c in word)


def _vetoed(run: list[Token], cue: bool) -> bool:
    if cue:
        return False
    return len(run) == 1 and run[0].pos not in {"PROPN", "X"}


def _demonym_mentions(analysis: Analysis) -> Iterator[_Mention]:
    """Demonyms and adjectives of countries and continents, two words ("South Korean") before
    one ("Korean"); overlaps are settled later, longest first."""
    names, tokens = gazetteer(), analysis.tokens
    for i in range(len(tokens)):
        for run in (tokens[i : i + 2], tokens[i : i + 1]):
            text = " ".join(t.text for t in run)
            found = names.exact(f"demonym {text}") if _capitalised(text) else []
            if found and len(run) == len(text.split()):
                yield _Mention(Span(run[0].start, run[-1].end), text, False, tuple(found))


def _outlet_spans(document: Document) -> list[Span]:
    if not document.source:
        return []
    pattern = re.escape(document.source)
    return [Span(m.start(), m.end()) for m in re.finditer(pattern, document.text)]


def _inside(span: Span, outer: Span) -> bool:
    return outer.start <= span.start and span.end <= outer.end


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _non_overlapping(mentions: Iterable[_Mention]) -> list[_Mention]:
    """Longest span first; a shorter one overlapping a kept one is dropped."""
    kept: list[_Mention] = []
    ordered = sorted(mentions, key=lambda m: (m.span.start - m.span.end, m.span.start))
    for mention in ordered:
        if not any(_overlaps(mention.span, k.span) for k in kept) and _plausible(mention):
            kept.append(mention)
    return sorted(kept, key=lambda m: m.span.start)


def _plausible(mention: _Mention) -> bool:
    """Short keys ("Can", "Eu") only in capitals, common words only after a settlement cue,
    and a bare small place only with a cue."""
    key = normalise(mention.lookup)
    if len(key) <= 3 and not mention.lookup.replace(".", "").isupper():
        return False
    if mention.lookup in NOT_PLACES or (mention.lookup in COMMON_WORDS and not mention.cue):
        return False
    if not mention.bare:
        return True
    wide = any(c.precision not in {"settlement", "admin2"} for c in mention.candidates)
    biggest = max((c.population for c in mention.candidates), default=0)
    if mention.lookup.isupper() and not wide:
        return len(key) >= 5 and biggest >= _CAPITALS_MIN_POPULATION  # datelines: "BOSTON"
    if not wide and not any(_spelling_of(key, c.name) for c in mention.candidates):
        return False  # an unrelated Latin alternate name alone: "Chen" (for Chenzhou)
    floor = _EMBEDDED_MIN_POPULATION if mention.inner else _BARE_MIN_POPULATION
    return wide or biggest >= floor


# -- resolution -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Context:
    countries: Counter[str]
    regions: frozenset[tuple[str | None, str | None]]

    @classmethod
    def of(cls, mentions: list[_Mention]) -> _Context:
        """Countries and regions the document names unambiguously."""
        countries: Counter[str] = Counter()
        regions = set()
        for mention in mentions:
            kinds = {(c.precision, c.country) for c in mention.candidates}
            if len(kinds) == 1 and mention.candidates[0].country:
                countries[mention.candidates[0].country] += 1
            if any(c.precision == "admin1" for c in mention.candidates):
                regions |= {(c.country, c.admin1) for c in mention.candidates
                            if c.precision == "admin1"}  # fmt: skip
        return cls(countries, frozenset(regions))

    def best(self, mention: _Mention) -> Entry | None:
        candidates = _capital_first(mention.candidates)
        if not candidates:
            return None
        return max(candidates, key=lambda entry: self._score(entry, mention.lookup))

    def _score(self, entry: Entry, name: str) -> float:
        top = self.countries.most_common(1)[0][0] if self.countries else None
        score = math.log10(entry.population + 10)
        score += 1.5 * (entry.country in self.countries) + (entry.country == top)
        local = entry.precision in {"settlement", "admin2"}
        score += 3.0 * (local and (entry.country, entry.admin1) in self.regions)
        return score + 1.0 * (normalise(entry.name) == normalise(name))


def _spelling_of(key: str, name: str) -> bool:
    """``key`` is a spelling of ``name`` ("Kamianka", "Kam'yanka"), or Cyrillic (inflected
    forms are matched through their nominative)."""
    ratio = SequenceMatcher(None, key, normalise(name)).ratio()
    return ratio >= _SPELLING_MIN_RATIO or bool(_CYRILLIC.search(key))


def _capital_first(candidates: tuple[Entry, ...]) -> tuple[Entry, ...]:
    """A national capital named like a region is the capital ("Washington": D.C., not the
    state) unless the text says region ("Washington State" is another name)."""
    if not any(c.feature == "P.PPLC" for c in candidates):
        return candidates
    return tuple(c for c in candidates if c.precision != "admin1")


def _place(document: Document, mention: _Mention, entry: Entry | None) -> Place:
    text = document.text[mention.span.start : mention.span.end]
    if entry is None:
        return Place(span=mention.span, text=text, name=mention.lookup, extractor=NAME)
    return Place(
        span=mention.span, text=text, name=entry.name, geonameid=entry.geonameid,
        latitude=entry.latitude, longitude=entry.longitude, country=entry.country,
        admin1=entry.admin1, feature=entry.feature, population=entry.population,
        precision=entry.precision, extractor=NAME,
    )  # fmt: skip


# -- evaluation ---------------------------------------------------------------------------------


def _register() -> None:
    from crosscheck.evaluate import geoparsing
    from crosscheck.evaluate.task import PREDICTORS

    analyzer = Analyzer()

    def predict(text: str, language: str) -> list[geoparsing.Place]:
        document = Document(capture_sha256="0" * 64, text=text, language=language)
        found = find_places(document, analyzer(document), demonyms=True)
        return [geoparsing.Place(span=p.span, point=_point(p)) for p in found]

    PREDICTORS["geoparsing"] = predict


def _point(place: Place) -> tuple[float, float] | None:
    if place.latitude is None or place.longitude is None:
        return None
    return place.latitude, place.longitude


_register()
