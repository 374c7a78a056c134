"""Resolving place names against the gazetteer: each ``Toponym`` (a name found in the text,
the form to look it up by) gets its candidate entries, and ``Context`` picks one.

Ranking, per candidate: population (log10); countries the document names unambiguously, and
the country it names most; for a settlement, a region the document names; a national capital
(the usual meaning of a name it shares); the candidate's primary name over an alternate one.
A name whose only candidates are small settlements in countries the text never names is a word
that happens to be a village somewhere and stays unresolved (``without_stray``).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from difflib import SequenceMatcher

from crosscheck.extract.gazetteer import Entry, Gazetteer, normalise
from crosscheck.model import Span

__all__ = ["Context", "Toponym", "spelling_of", "with_candidates", "without_stray"]

_STRAY_MAX_POPULATION = 10_000
_SPELLING_MIN_RATIO = 0.75
#: a national capital is what a name it shares usually means ("Washington" in a text that
#: also names New Jersey is still D.C., not Washington, N.J.)
_CAPITAL_BONUS = 1.0
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_REGION = re.compile(
    r"^(?P<centre>.+?)\s+(?:oblast|region|province|krai|kray)$|"
    r"^(?P<adjective>\w+)\s+(?:област\w*|кра[йяюеі]\w*)$|"
    r"^(?P<shchyna>\w+)(?:щин|чин)[аиіуо]\w*$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Toponym:
    """A place name found in the text, before and after its gazetteer look-up."""

    span: Span
    lookup: str  # the form to look up: natasha's nominative, or the context's base form
    cue: bool = False  # its context marks it as a place: kept even when unresolved
    candidates: tuple[Entry, ...] = ()
    bare: bool = False  # found by the gazetteer scan alone, with no cue word before it
    inner: bool = False  # part of a longer run of capitalised words, or of a person's name


def without_stray(mention: Toponym, others: list[Toponym]) -> Toponym:
    """A name whose only candidates are small settlements (under ``_STRAY_MAX_POPULATION``) in
    countries the text never names is a word that happens to be a village somewhere ("Culture"
    is not Kültür, Turkey): a bare gazetteer match is dropped, a name the model or its
    context marks as a place stays, unresolved."""
    if mention.cue or not mention.candidates:
        return mention
    if any(c.precision != "settlement" or c.population >= _STRAY_MAX_POPULATION
           for c in mention.candidates):  # fmt: skip
        return mention
    named = Context.of(others).countries
    if any(c.country and named[c.country] for c in mention.candidates):
        return mention
    return replace(mention, candidates=())


def with_candidates(mention: Toponym, names: Gazetteer) -> Toponym:
    """The mention with its gazetteer entries; a region phrase ("Donetsk Oblast", "Донецкой
    области", "Харківщина") through its centre, and kept even when unresolved."""
    if mention.candidates:
        return mention
    region = _REGION.match(mention.lookup)
    if region:
        found = tuple(_regions(region, names))
        return Toponym(mention.span, mention.lookup, True, found, mention.bare, mention.inner)
    found = tuple(names.lookup(mention.lookup))
    return Toponym(mention.span, mention.lookup, mention.cue, found, mention.bare, mention.inner)


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


@dataclass(frozen=True, slots=True)
class Context:
    """What the document says about where it is: the countries and regions it names."""

    countries: Counter[str]
    regions: frozenset[tuple[str | None, str | None]]

    @classmethod
    def of(cls, mentions: list[Toponym]) -> Context:
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

    def best(self, mention: Toponym) -> Entry | None:
        """The likeliest candidate (see the module docstring); None when there is none."""
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
        score += _CAPITAL_BONUS * (entry.feature == "P.PPLC")
        return score + 1.0 * (normalise(entry.name) == normalise(name))


def spelling_of(key: str, name: str) -> bool:
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
