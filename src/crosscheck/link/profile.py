"""What linking knows of one document: a ``Profile`` built from its record.

Linking never reads text again; it compares profiles. A profile holds the document's origin
(source, language, publication), the time its events happened as far as the text says, and the
keys it shares with other reports of the same event: people's transliteration-neutral name keys,
unit numbers, resolved places below country level (a person's hometown is where he is from, not
where the event happened, so it is left out), other named things, the claim kinds it asserts and
their figures. Claims about the past, hypotheticals and denials are not events and are left out.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from wordfreq import zipf_frequency

from crosscheck.extract.names import name_key
from crosscheck.model import Claim, Document, Facts, MentionKind, Modality, Person, Place, Span

__all__ = ["Figure", "Profile", "from_json", "profile", "terms", "to_json"]

#: an event reported without a date of its own happened at most this long before publication
LOOKBACK = timedelta(days=14)
#: place precisions too coarse to tell two events apart
_COARSE = frozenset({"country", "continent"})
_UNIT_NUMBER = re.compile(r"(\d{1,5})")
_WORD = re.compile(r"[^\W\d_]{3,}")
#: a word this common (Zipf frequency: log10 of uses per billion words) says nothing of the event
_COMMON = 5.5
_RAREST = 7.0
#: a word's first letters stand for it, so that inflected forms meet ("погибли", "погибших")
_STEM = 7
TERMS = 40
_TOPONYM_MIN = 4
#: words that name a kind of area, not an area: no evidence that two texts mean one place
_GENERIC_PLACE_WORDS = frozenset(
    [
        *("region", "oblast", "district", "raion", "hromada", "village", "city", "town"),
        *("province", "county", "область", "области", "району", "район", "громада"),
        *("громади", "село", "селе", "поселок", "селище", "город", "місто"),
    ]
)


@dataclass(frozen=True, slots=True)
class Figure:
    """One count claim, reduced to what aggregation needs."""

    kind: str
    low: int | None
    best: int | None
    high: int | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Profile:
    document_id: str
    language: str | None = None
    source: str | None = None
    published: datetime | None = None
    #: when the reported events happened (from event dates, else publication); None: unknown
    start: datetime | None = None
    end: datetime | None = None
    people: frozenset[str] = frozenset()  # name keys of people named with two or more words
    units: frozenset[str] = frozenset()  # "37 brigade"
    places: frozenset[int] = frozenset()  # geonameids below country level
    #: words of place names the gazetteer does not know (villages, often): "tihovoda"
    toponyms: frozenset[str] = frozenset()
    regions: frozenset[str] = frozenset()  # "UA.13": country and admin1 of those places
    names: frozenset[str] = frozenset()  # other named things: organisations, unresolved places
    kinds: frozenset[str] = frozenset()  # asserted claim kinds
    figures: tuple[Figure, ...] = ()
    #: the text's distinctive words, a unit-length TF-IDF vector (IDF from general word
    #: frequencies, so that a weight does not depend on what else is stored)
    terms: tuple[tuple[str, float], ...] = ()

    @property
    def timed(self) -> bool:
        return self.start is not None and self.end is not None


def profile(document_id: str, document: Document, facts: Facts) -> Profile:
    """The linking profile of one stored document and its facts."""
    published = document.published.end if document.published else None
    claims = [c for c in facts.claims if c.modality == Modality.ASSERTED]
    start, end = _when(document, facts)
    places = _event_places(facts)
    return Profile(
        document_id=document_id,
        language=document.language,
        source=document.source,
        published=published,
        start=start,
        end=end,
        people=frozenset(_person_keys(facts.people, document.language or "")),
        units=frozenset(_unit_keys(facts)),
        places=frozenset(p.geonameid for p in places if p.geonameid is not None),
        toponyms=frozenset(_toponyms(places, document.language or "")),
        regions=frozenset(f"{p.country}.{p.admin1}" for p in places if p.country and p.admin1),
        names=frozenset(_other_names(facts, document.language or "")),
        kinds=frozenset(str(c.kind) for c in claims),
        figures=tuple(_figures(claims)),
        terms=terms(document.text, document.language or "en"),
    )


def _when(document: Document, facts: Facts) -> tuple[datetime | None, datetime | None]:
    if facts.dates:
        return min(d.start for d in facts.dates), max(d.end for d in facts.dates)
    if document.published is not None:
        return document.published.start - LOOKBACK, document.published.end
    return None, None


def _person_keys(people: Iterable[Person], language: str) -> Iterable[str]:
    for person in people:
        key = name_key(person.name, language)
        if len(key.split()) >= 2:
            yield key


def _unit_keys(facts: Facts) -> Iterable[str]:
    for mention in facts.mentions:
        if mention.kind != MentionKind.UNIT:
            continue
        number = _UNIT_NUMBER.search(mention.canonical)
        if number:
            yield f"{int(number.group(1))} {_unit_noun(mention.canonical)}"


def _unit_noun(canonical: str) -> str:
    # "37th Motor Rifle Brigade", "37-я мотострелковая бригада": the head noun is the last word
    return name_key(canonical.split()[-1]) if canonical.split() else ""


def _event_places(facts: Facts) -> list[Place]:
    hometowns = [p.hometown.span for p in facts.people if p.hometown is not None]
    return [
        place
        for place in facts.places
        if place.precision not in _COARSE and not _inside_any(place.span, hometowns)
    ]


def _toponyms(places: Iterable[Place], language: str) -> Iterable[str]:
    """Word keys of unresolved place names: "Тиховода Приозерной области" and "Tykhovoda"
    meet on "tihovoda"; generic words ("region", "области") and short ones are left out."""
    for place in places:
        if place.geonameid is None:
            for word in place.name.split():
                key = name_key(word, language)
                if len(key) >= _TOPONYM_MIN and word.casefold() not in _GENERIC_PLACE_WORDS:
                    yield key


def _inside_any(span: Span, spans: Sequence[Span]) -> bool:
    return any(s.start <= span.start and span.end <= s.end for s in spans)


def _other_names(facts: Facts, language: str) -> Iterable[str]:
    resolved = {(p.span.start, p.span.end) for p in facts.places if p.geonameid is not None}
    for mention in facts.mentions:
        if mention.kind == MentionKind.ORGANIZATION or (
            mention.kind == MentionKind.PLACE
            and (mention.span.start, mention.span.end) not in resolved
        ):
            key = name_key(mention.canonical, language)
            if key:
                yield key


def _figures(claims: Iterable[Claim]) -> Iterable[Figure]:
    for claim in claims:
        if claim.count is not None:
            count = claim.count
            yield Figure(str(claim.kind), count.low, count.best, count.high)


def terms(text: str, language: str) -> tuple[tuple[str, float], ...]:
    """The ``TERMS`` heaviest stems of a text's uncommon words, weighted TF-IDF, unit length."""
    lang = language if language in ("en", "ru", "uk") else "en"
    counts: Counter[str] = Counter()
    rarity: dict[str, float] = {}
    for word in _WORD.findall(text.casefold()):
        frequency = zipf_frequency(word, lang)
        if frequency < _COMMON:
            stem = word[:_STEM]
            counts[stem] += 1
            rarity[stem] = max(rarity.get(stem, 0.0), _RAREST - frequency)
    weights = {stem: (1 + math.log(n)) * rarity[stem] for stem, n in counts.items()}
    top = sorted(weights.items(), key=lambda item: (-item[1], item[0]))[:TERMS]
    norm = math.sqrt(sum(weight * weight for _, weight in top)) or 1.0
    return tuple((stem, round(weight / norm, 4)) for stem, weight in top)


def to_json(item: Profile) -> dict[str, object]:
    """A profile as JSON-ready data (``from_json`` reads it back)."""
    return {
        "document_id": item.document_id,
        "language": item.language,
        "source": item.source,
        "published": item.published.isoformat() if item.published else None,
        "start": item.start.isoformat() if item.start else None,
        "end": item.end.isoformat() if item.end else None,
        "people": sorted(item.people),
        "units": sorted(item.units),
        "places": sorted(item.places),
        "toponyms": sorted(item.toponyms),
        "regions": sorted(item.regions),
        "names": sorted(item.names),
        "kinds": sorted(item.kinds),
        "figures": [[f.kind, f.low, f.best, f.high] for f in item.figures],
        "terms": [list(term) for term in item.terms],
    }


def from_json(data: dict[str, Any]) -> Profile:
    def when(value: str | None) -> datetime | None:
        return datetime.fromisoformat(value) if value else None

    return Profile(
        document_id=data["document_id"],
        language=data["language"],
        source=data["source"],
        published=when(data["published"]),
        start=when(data["start"]),
        end=when(data["end"]),
        people=frozenset(data["people"]),
        units=frozenset(data["units"]),
        places=frozenset(data["places"]),
        toponyms=frozenset(data["toponyms"]),
        regions=frozenset(data["regions"]),
        names=frozenset(data["names"]),
        kinds=frozenset(data["kinds"]),
        figures=tuple(Figure(*f) for f in data["figures"]),
        terms=tuple((t, float(w)) for t, w in data["terms"]),
    )
