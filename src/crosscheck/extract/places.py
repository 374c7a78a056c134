"""Place names in a document, resolved offline against the gazetteer.

The cascade, per document:

1. **Recognise.** Four sources of spans; on overlap the longest wins, on an equal span the
   earlier source:
   a. US and Canadian postal abbreviations ("Calif.", "N.J.") and "Washington, D.C.";
   b. names their context marks as places, known to the gazetteer or not, with their base
      form: settlement nouns, appositives, prepositions of place, datelines, region phrases
      (``place_context``). Frontline villages are often missing from the gazetteer;
   c. the model's LOC entities (spaCy GPE/LOC/FAC, natasha LOC), "the" and "'s" trimmed;
   d. gazetteer matches of capitalised token runs the model missed (spaCy's small model misses
      "Irkutsk" in an appositive and calls "Avdiivka" a PERSON).
   A Cyrillic name that runs on into a region in the genitive is split in two ("Тиховода |
   Приозерной области"). Vetoes: a name inside an outlet's title («Вечерний Каменск») or
   after the ``of`` of a facility's name ("House of Culture"; a country or region stays:
   "Embassy of Ukraine"), a bare gazetteer match inside a person's name (unless a cue like
   "from" or "з" precedes), a single common word (not a proper noun), a short
   all-lowercase-able key such as "Can" for Canada's ISO code, a town in capitals outside a
   dateline (an acronym), and the document's own outlet name ("Frontline Monitor").
   Demonyms ("Russian", "Ukrainians") are places only when asked for: GeoWebNews counts them.
2. **Resolve** (``place_resolution``). Countries and regions named in the document, and the
   country named most, raise candidates there; then national capitals; then the primary name
   over an alternate one; then population. Names the context marks but the gazetteer does not
   know come back with ``geonameid`` and coordinates None, named by their base form.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace

from crosscheck.extract.analysis import Analysis, Token
from crosscheck.extract.gazetteer import Entry, gazetteer, normalise
from crosscheck.extract.place_context import located_names, quoted_name, region_tail
from crosscheck.extract.place_names import (
    ABBREVIATIONS,
    COMMON_WORDS,
    CUES,
    FACILITY_NOUNS,
    NOT_PLACES,
)
from crosscheck.extract.place_resolution import (
    Context,
    Toponym,
    spelling_of,
    with_candidates,
    without_stray,
)
from crosscheck.model import Document, Place, Span

__all__ = ["NAME", "find_places"]

NAME = "extract.places.geonames.v4"
_MAX_TOKENS = 5
_BARE_MIN_POPULATION = 1000
#: a bare match inside a longer capitalised run ("Prime Minister", "Supreme Court") is a
#: place only when it is this big ("Moscow Mayor")
_EMBEDDED_MIN_POPULATION = 100_000
_REGION_WORDS = re.compile(r"^(?:Oblast|Region|Province|Krai|област\w*|кра[йяюеі]\w*)$", re.I)


def find_places(document: Document, analysis: Analysis, *, demonyms: bool = False) -> list[Place]:
    """Every place the text names, in text order, resolved where the gazetteer allows."""
    names = gazetteer()
    facilities = _facility_objects(analysis)
    recognised = [
        part for m in _recognise(document, analysis, demonyms) for part in _split(document, m)
    ]
    found = [with_candidates(m, names) for m in recognised]
    named = [m for m in found if m.cue or not _titled(document, m, facilities)]
    kept = _non_overlapping(m for m in named if m.candidates or m.cue)
    kept = [without_stray(m, [k for k in kept if k is not m]) for m in kept]
    context = Context.of(kept)
    return [
        _place(document, m, context.best(m)) for m in kept if m.candidates or m.cue or not m.bare
    ]


# -- recognition ------------------------------------------------------------------------------


def _split(document: Document, mention: Toponym) -> list[Toponym]:
    """ "Тиховода Приозерной области" is a settlement and its region."""
    tail = region_tail(document.text, mention.span)
    if tail is None:
        return [mention]
    return [replace(mention, span=s, lookup=document.text[s.start : s.end]) for s in tail]


def _titled(document: Document, mention: Toponym, facilities: list[Span]) -> bool:
    """Inside the name of an outlet («Вечерний Каменск») or a facility ("House of Culture",
    "Bank of Valletta"), unless a country or region: "Embassy of Ukraine", "Bank of America"
    still name the country they belong to."""
    if quoted_name(document.text, mention.span):
        return True
    if not any(_inside(mention.span, f) for f in facilities):
        return False
    return not any(c.precision in {"country", "admin1", "continent"} for c in mention.candidates)


def _recognise(document: Document, analysis: Analysis, demonyms: bool) -> Iterator[Toponym]:
    # on an equal span the first wins: abbreviations, then names their context marks
    yield from _abbreviations(document)
    for located in located_names(document, analysis):
        yield Toponym(located.span, located.name, cue=True)
    outlets = _outlet_spans(document)
    person = [e.span for e in analysis.entities if e.label == "PER"]
    surnames = _person_words(document, analysis)
    yield from _entity_mentions(document, analysis)
    for mention in _scanned(document, analysis, person):
        named = (mention.bare and set(mention.lookup.split()) <= surnames
                 and not any(_overlaps(mention.span, p) for p in person))  # fmt: skip
        if not named and not any(_inside(mention.span, o) for o in outlets):
            yield mention
    if demonyms:
        yield from _demonym_mentions(analysis)


def _facility_objects(analysis: Analysis) -> list[Span]:
    """The ``of``-objects of facility and institution names: "Culture" in "House of Culture",
    "Defence" in "Ministry of Defence", "Valletta" in "Bank of Valletta"."""
    tokens, spans = analysis.tokens, []
    for i, token in enumerate(tokens[1:-1], start=1):
        head = tokens[i - 1]
        if token.text != "of" or not _capitalised(head.text) or head.sentence != token.sentence:
            continue
        if head.text.casefold() not in FACILITY_NOUNS:
            continue
        start = i + 2 if tokens[i + 1].text.casefold() == "the" else i + 1
        runs = list(_runs(tokens, start)) if start < len(tokens) else []
        if runs:  # the longest: "Bank of America Stadium"
            spans.append(Span(runs[-1][0].start, runs[-1][-1].end))
    return spans


def _person_words(document: Document, analysis: Analysis) -> set[str]:
    """Words of the people the model names: "Chen" alone elsewhere in the text is that
    person (inside the name, the population floor for embedded names decides)."""
    return {word for e in analysis.entities if e.label == "PER"
            for word in document.text[e.span.start : e.span.end].split()}  # fmt: skip


_DC = re.compile(r"\bWashington,?\s+D\.?C\.?(?![\w])")
_ABBREVIATIONS = "|".join(map(re.escape, sorted(ABBREVIATIONS, key=len, reverse=True)))
_ABBREVIATION = re.compile(rf"(?<![\w.])(?:{_ABBREVIATIONS})(?![\w])")


def _abbreviations(document: Document) -> Iterator[Toponym]:
    """Postal abbreviations ("Calif.", "N.J.", "D.C."), as US states or Washington, D.C.;
    "Washington, D.C." is one name."""
    names = gazetteer()
    for match in _DC.finditer(document.text):
        found = tuple(e for e in names.lookup("Washington") if e.feature == "P.PPLC")
        yield Toponym(Span(match.start(), match.end()), "Washington", True, found)
    for match in _ABBREVIATION.finditer(document.text):
        known = [e for e in names.lookup(ABBREVIATIONS[match.group()]) if e.country in {"US", "CA"}]
        capital = match.group().replace(".", "") == "DC"  # the others are states and provinces
        wide = tuple(e for e in known if e.feature == "P.PPLC" if capital) or tuple(
            e for e in known if e.precision == "admin1"
        )
        yield Toponym(Span(match.start(), match.end()), match.group(), True, wide)


def _entity_mentions(document: Document, analysis: Analysis) -> Iterator[Toponym]:
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
            yield Toponym(whole, document.text[whole.start : whole.end], cue=True)
            continue
        yield Toponym(span, entity.normal or text)
        if entity.normal and entity.normal != text:
            yield Toponym(span, text)


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


def _scanned(document: Document, analysis: Analysis, person: list[Span]) -> Iterator[Toponym]:
    """Runs of capitalised tokens (up to five, hyphens allowed) that name a gazetteer entry."""
    tokens = analysis.tokens
    for i, token in enumerate(tokens):
        if not _capitalised(token.text):
            continue
        cue = i > 0 and tokens[i - 1].text.casefold() in CUES
        runs = list(_runs(tokens, i))
        embedded = (i > 0 and _capitalised(tokens[i - 1].text)
                    and tokens[i - 1].sentence == token.sentence)  # fmt: skip
        for n, run in enumerate(runs):
            span = Span(token.start, run[-1].end)
            if _vetoed(run, cue) or (_partial(runs, n) and cue):
                continue
            text = document.text[span.start : span.end]
            inner = embedded or n < len(runs) - 1 or any(_overlaps(span, p) for p in person)
            keep = cue and _shadows_known(document, runs, n)
            yield Toponym(span, text, keep, bare=not cue, inner=inner)


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


def _demonym_mentions(analysis: Analysis) -> Iterator[Toponym]:
    """Demonyms and adjectives of countries and continents, two words ("South Korean") before
    one ("Korean"); overlaps are settled later, longest first."""
    names, tokens = gazetteer(), analysis.tokens
    for i in range(len(tokens)):
        for run in (tokens[i : i + 2], tokens[i : i + 1]):
            text = " ".join(t.text for t in run)
            found = names.exact(f"demonym {text}") if _capitalised(text) else []
            if found and len(run) == len(text.split()):
                yield Toponym(Span(run[0].start, run[-1].end), text, False, tuple(found))


def _outlet_spans(document: Document) -> list[Span]:
    if not document.source:
        return []
    pattern = re.escape(document.source)
    return [Span(m.start(), m.end()) for m in re.finditer(pattern, document.text)]


def _inside(span: Span, outer: Span) -> bool:
    return outer.start <= span.start and span.end <= outer.end


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _non_overlapping(mentions: Iterable[Toponym]) -> list[Toponym]:
    """Longest span first; a shorter one overlapping a kept one is dropped."""
    kept: list[Toponym] = []
    ordered = sorted(mentions, key=lambda m: (m.span.start - m.span.end, m.span.start))
    for mention in ordered:
        if not any(_overlaps(mention.span, k.span) for k in kept) and _plausible(mention):
            kept.append(mention)
    return sorted(kept, key=lambda m: m.span.start)


def _plausible(mention: Toponym) -> bool:
    """Short keys ("Can", "Eu") only in capitals, common words only after a settlement cue,
    and a bare small place only with a cue."""
    key = normalise(mention.lookup)
    if len(key) <= 3 and not mention.lookup.replace(".", "").isupper():
        return False
    if mention.lookup in NOT_PLACES or (mention.lookup in COMMON_WORDS and not mention.cue):
        return False
    wide = any(c.precision not in {"settlement", "admin2"} for c in mention.candidates)
    if mention.lookup.isupper() and not (wide or mention.cue):
        return False  # an acronym; a town in capitals is a dateline's, marked by its context
    if not mention.bare:
        return True
    biggest = max((c.population for c in mention.candidates), default=0)
    if not wide and not any(spelling_of(key, c.name) for c in mention.candidates):
        return False  # an unrelated Latin alternate name alone: "Chen" (for Chenzhou)
    floor = _EMBEDDED_MIN_POPULATION if mention.inner else _BARE_MIN_POPULATION
    return wide or biggest >= floor


def _place(document: Document, mention: Toponym, entry: Entry | None) -> Place:
    text = document.text[mention.span.start : mention.span.end]
    if entry is None:
        return Place(span=mention.span, text=text, name=mention.lookup, extractor=NAME)
    return Place(
        span=mention.span, text=text, name=entry.name, geonameid=entry.geonameid,
        latitude=entry.latitude, longitude=entry.longitude, country=entry.country,
        admin1=entry.admin1, feature=entry.feature, population=entry.population,
        precision=entry.precision, extractor=NAME,
    )  # fmt: skip
