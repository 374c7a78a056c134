"""Incidents: reports of one real-world event, across outlets, languages and scripts.

Two documents report the same incident when their profiles (``profile``) agree strongly enough:

1. **Blocking.** Only documents that share a key are compared: a person's name key, a unit, a
   resolved place below country level, a word of an unresolved place name, another named
   thing, or (for copies) an LSH band. A key is an index lookup, so the cost of linking one
   document does not grow with the database.
2. **Time.** Documents whose event times are both known and lie more than ``WINDOW`` apart
   report different events, whatever else they share (another strike on the same village next
   month). An unknown time neither helps nor hurts.
3. **Evidence.** Shared people weigh most, then units, places, other names, and the claim kinds
   and figures they report. Sharing only a region, an organisation or a kind of event (two
   soldiers' videos the same week, two strikes in one oblast) stays below ``THRESHOLD``.
4. **Grouping.** Pairs at or above the threshold are linked, and an incident is a connected
   component of links (``components``); analysts' decisions come first.

Every link keeps its score and the features that produced it, so an analyst can see why.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from itertools import combinations

from crosscheck.link.components import Link, components
from crosscheck.link.profile import Figure, Profile

__all__ = [
    "NAME",
    "THRESHOLD",
    "WINDOW",
    "Match",
    "Regrouped",
    "apart",
    "blocking_keys",
    "cluster",
    "match",
]

NAME = "link.incidents.v1"
#: the score from which two documents are linked into one incident
THRESHOLD = 0.6
#: a link below the threshold still counts in the average between two clusters (``components``)
#: from this score; below it a pair counts as 0
WEAK = THRESHOLD / 2
#: how far apart two known event times may be and still be one event (dates are approximate)
WINDOW = timedelta(days=3)

_PERSON, _UNIT, _PLACE, _NAME, _REGION = 0.5, 0.4, 0.3, 0.1, 0.1
_PLACES_MAX, _NAMES_MAX = 0.6, 0.3
_KINDS, _FIGURE = 0.2, 0.1
#: weight of the cosine of two same-language texts' distinctive words
_TERMS = 1.0


@dataclass(frozen=True, slots=True)
class Match:
    """How strongly two documents look like reports of one event, and why."""

    score: float
    features: dict[str, object] = field(default_factory=dict)


def blocking_keys(profile: Profile) -> list[str]:
    """The keys under which a document is found by other reports of its incident."""
    return sorted(
        [f"person:{key}" for key in profile.people]
        + [f"unit:{key}" for key in profile.units]
        + [f"place:{geonameid}" for geonameid in profile.places]
        + [f"toponym:{key}" for key in profile.toponyms]
        + [f"name:{key}" for key in profile.names]
    )


def match(a: Profile, b: Profile) -> Match:
    """The evidence that ``a`` and ``b`` report one event."""
    if apart(a, b):
        return Match(0.0, {"time": "apart"})
    features: dict[str, object] = {}
    score = 0.0
    for name, shared, weight, cap in (
        ("people", a.people & b.people, _PERSON, 1.0),
        ("units", a.units & b.units, _UNIT, 1.0),
        ("places", a.places & b.places, _PLACE, _PLACES_MAX),
        ("toponyms", a.toponyms & b.toponyms, _PLACE, _PLACES_MAX),
        ("names", a.names & b.names, _NAME, _NAMES_MAX),
    ):
        if shared:
            features[name] = sorted(str(value) for value in shared)
            score += min(cap, weight * len(shared))
    if not a.places & b.places and a.regions & b.regions:
        features["regions"] = sorted(a.regions & b.regions)
        score += _REGION
    score += _kinds(a, b, features) + _figures(a.figures, b.figures, features)
    if a.language == b.language and (cosine := _cosine(a.terms, b.terms)) > 0:
        features["words"] = round(cosine, 3)
        score += _TERMS * cosine
    return Match(round(max(0.0, score), 4), features)


def _cosine(a: Sequence[tuple[str, float]], b: Sequence[tuple[str, float]]) -> float:
    weights = dict(b)
    return sum(weight * weights.get(term, 0.0) for term, weight in a)


def apart(a: Profile, b: Profile) -> bool:
    """Whether both event times are known and lie more than ``WINDOW`` apart."""
    if a.start is None or a.end is None or b.start is None or b.end is None:
        return False
    return a.start - WINDOW > b.end or b.start - WINDOW > a.end


def _kinds(a: Profile, b: Profile, features: dict[str, object]) -> float:
    shared = a.kinds & b.kinds
    if not shared:
        return 0.0
    features["kinds"] = sorted(shared)
    return _KINDS * len(shared) / len(a.kinds | b.kinds)


def _figures(a: Sequence[Figure], b: Sequence[Figure], features: dict[str, object]) -> float:
    """+ for a kind whose figures agree, - for one whose figures cannot both be true."""
    agree: list[str] = []
    conflict: list[str] = []
    for kind in sorted({f.kind for f in a} & {f.kind for f in b}):
        pairs = [(x, y) for x in a if x.kind == kind for y in b if y.kind == kind]
        (agree if any(_compatible(x, y) for x, y in pairs) else conflict).append(kind)
    if agree:
        features["figures_agree"] = agree
    if conflict:
        features["figures_conflict"] = conflict
    return _FIGURE * (len(agree) - len(conflict))


def _compatible(x: Figure, y: Figure) -> bool:
    low = max(_bound(x.low, x.best, 0), _bound(y.low, y.best, 0))
    high = min(_bound(x.high, x.best, 10**9), _bound(y.high, y.best, 10**9))
    return low <= high


def _bound(value: int | None, best: int | None, default: int) -> int:
    if value is not None:
        return value
    return best if best is not None else default


def cluster(profiles: Sequence[Profile]) -> dict[str, str]:
    """Every document's incident (named after its smallest document id), all at once."""
    by_key: dict[str, list[int]] = defaultdict(list)
    for index, item in enumerate(profiles):
        for key in blocking_keys(item):
            by_key[key].append(index)
    links = [
        Link(profiles[i].document_id, profiles[j].document_id, found.score)
        for i, j in _candidates(by_key.values())
        if (found := match(profiles[i], profiles[j])).score >= WEAK
    ]
    return components((p.document_id for p in profiles), links, threshold=THRESHOLD)


def _candidates(blocks: Iterable[list[int]]) -> list[tuple[int, int]]:
    pairs: set[tuple[int, int]] = set()
    for block in blocks:
        pairs.update(combinations(block, 2))
    return sorted(pairs)


def clusters(assignment: Mapping[str, str]) -> list[set[str]]:
    """The clusters of an assignment, as sets of members."""
    grouped: dict[str, set[str]] = defaultdict(set)
    for member, name in assignment.items():
        grouped[name].add(member)
    return list(grouped.values())


@dataclass(slots=True)
class Regrouped:
    """What a regrouping did: every regrouped document's incident, before and after."""

    before: dict[str, str | None] = field(default_factory=dict)
    after: dict[str, str] = field(default_factory=dict)
    #: the documents whose incident changed (and a new document, which has no summary yet)
    changed: set[str] = field(default_factory=set)

    def incidents(self) -> tuple[set[str], set[str]]:
        """The incidents whose members changed: as they were (gone or to rewrite), as they are.
        The others in the neighbourhood are left alone, so the work stays local however dense
        the neighbourhood is."""
        old = {i for d in self.changed if (i := self.before.get(d))}
        return old, {self.after[d] for d in self.changed} | (old & set(self.after.values()))

    def documents(self) -> set[str]:
        """The documents of those incidents, before and after."""
        old, new = self.incidents()
        return {d for d, i in self.after.items() if i in new or self.before.get(d) in old}

    def grown(self, document_id: str) -> str | None:
        """The incident that gained ``document_id`` and changed in no other way: no other
        document joined or left it, and it kept its id (``summaries.refresh_incidents`` can
        grow its summary). None if there is none."""
        incident_id = self.after.get(document_id)
        if incident_id is None or incident_id == document_id or incident_id in self.incidents()[0]:
            return None
        others = self.changed - {document_id}
        return None if any(self.after[d] == incident_id for d in others) else incident_id
