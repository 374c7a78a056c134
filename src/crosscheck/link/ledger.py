"""What an incident says: its claims ledger, casualty estimates and corroboration.

crosscheck never states a figure as fact. An incident lists every claim with who made it, in
which document and when (the ledger), and then derives, per claim kind:

- **figures**, one per independent claimant: a person (the same person across documents and
  scripts counts once) or, for a claim the outlet makes itself, the outlet. A claimant repeated
  by many outlets is one claimant, and a copy of a text adds nothing. Where one claimant gives
  several figures, the one from the latest report stands (tolls are revised upwards as news
  comes in).
- **estimate** (``RULE``): low = the smallest low, best = the most conservative best (ACLED's
  practice), high = the largest high, or none when any claimant's figure has no upper bound
  ("more than twenty"). Figures that cannot all be true (12 against 30) are flagged ``disputed``
  and kept side by side.

**Corroboration** is the number of independent sources: documents are grouped by origin, where
a copy belongs to its original's origin, a forwarded post to the channel it was forwarded from,
and an origin is the outlet (or, for a capture that names none, the capture itself). Claims
about the past, hypotheticals and denials stay in the ledger, marked, but count toward no
estimate.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from crosscheck.link.profile import Profile
from crosscheck.model import Claim, Count, Document, Facts, Modality, Place

__all__ = ["NAME", "RULE", "Report", "summarise"]

NAME = "link.ledger.v1"
RULE = (
    "one figure per independent claimant (its latest report); low = smallest low, "
    "best = most conservative best, high = largest high (none if any figure is open-ended)"
)
_PRECISION_RANK = {"settlement": 4, "admin2": 3, "admin1": 2, "country": 1}


@dataclass(frozen=True, slots=True, kw_only=True)
class Report:
    """One member document of an incident, with what linking knows of it."""

    document_id: str
    document: Document
    facts: Facts
    profile: Profile
    seen: datetime
    copy_of: str | None = None
    persons: Mapping[str, str] = field(default_factory=dict)  # "p1" -> person id


def summarise(incident_id: str, reports: Sequence[Report]) -> dict[str, Any]:
    """The incident's summary: time, place, ledger, estimates, corroboration, people."""
    reports = sorted(reports, key=lambda r: (r.seen, r.document_id))
    origins = _origins(reports)
    ledger = [row for report in reports for row in _ledger_rows(report, origins)]
    return {
        "id": incident_id,
        "time": _time(r.profile for r in reports),
        "place": _place(reports),
        "documents": [_document_row(r, origins) for r in reports],
        "corroboration": _corroboration(origins, ledger),
        "claims": ledger,
        "estimates": _estimates(ledger),
        "people": sorted({p for r in reports for p in r.persons.values()}),
        "extractor": NAME,
    }


def _origins(reports: Sequence[Report]) -> dict[str, str]:
    """Each document's origin: its original's outlet, or the original itself."""
    by_id = {r.document_id: r for r in reports}
    origins = {}
    for report in reports:
        root = by_id.get(report.copy_of or "", report)
        # a forwarded post comes from the channel it was forwarded from, not the forwarder
        outlet = root.document.forwarded_from or root.document.source
        origins[report.document_id] = (
            f"source:{outlet}" if outlet else f"document:{root.document_id}"
        )
    return origins


def _document_row(report: Report, origins: Mapping[str, str]) -> dict[str, Any]:
    document = report.document
    return {
        "id": report.document_id,
        "title": document.title,
        "source": document.source,
        "language": document.language,
        "seen": report.seen.isoformat(),
        "copy_of": report.copy_of,
        "origin": origins[report.document_id],
    }


def _ledger_rows(report: Report, origins: Mapping[str, str]) -> Iterable[dict[str, Any]]:
    names = {person.key: person.name for person in report.facts.people}
    for claim in report.facts.claims:
        person = report.persons.get(claim.claimant or "")
        claimant = f"person:{person}" if person else origins[report.document_id]
        yield {
            "document": report.document_id,
            "seen": report.seen.isoformat(),
            "source": report.document.source,
            "kind": str(claim.kind),
            "modality": str(claim.modality),
            "claimant": claimant,
            "claimant_name": names.get(claim.claimant or "") or _label(origins[report.document_id]),
            "start": claim.span.start,
            "end": claim.span.end,
            "text": claim.text,
            "count": _count(claim.count),
            "extractor": claim.extractor,
        }


def _label(origin: str) -> str:
    """ "source:Eastern Ledger" -> "Eastern Ledger"; "document:ab12" -> "document ab12"."""
    kind, _, value = origin.partition(":")
    return value if kind == "source" else f"document {value}"


def _count(count: Count | None) -> dict[str, Any] | None:
    if count is None:
        return None
    return {"low": count.low, "best": count.best, "high": count.high, "phrase": count.phrase,
            "rule": count.rule}  # fmt: skip


def _corroboration(origins: Mapping[str, str], ledger: Sequence[dict[str, Any]]) -> dict[str, Any]:
    grouped: dict[str, list[str]] = defaultdict(list)
    for document_id, origin in origins.items():
        grouped[origin].append(document_id)
    return {
        "independent_sources": len(grouped),
        "origins": [{"origin": o, "documents": sorted(d)} for o, d in sorted(grouped.items())],
        "claimants": len({row["claimant"] for row in ledger if _counts(row)}),
    }


def _counts(row: dict[str, Any]) -> bool:
    return bool(row["modality"] == str(Modality.ASSERTED))


def _estimates(ledger: Sequence[dict[str, Any]]) -> dict[str, Any]:
    latest: dict[tuple[str, str], dict[str, Any]] = {}
    for row in ledger:  # in seen order, so a later report replaces an earlier one
        if _counts(row) and row["count"]:
            key = (row["kind"], row["claimant"])
            if key not in latest or row["seen"] > latest[key]["seen"] or _wider(row, latest[key]):
                latest[key] = row
    by_kind: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for (kind, _), row in sorted(latest.items()):
        by_kind[kind].append(row)
    return {kind: _estimate(rows) for kind, rows in sorted(by_kind.items())}


def _wider(row: dict[str, Any], other: dict[str, Any]) -> bool:
    # one report giving "more than twenty" and "21": keep the figure that says most
    return bool(
        row["seen"] == other["seen"] and (_low(row["count"]) or 0) > (_low(other["count"]) or 0)
    )


def _low(count: dict[str, Any]) -> int | None:
    value = count["low"] if count["low"] is not None else count["best"]
    return int(value) if value is not None else None


def _estimate(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Low: the smallest stated lower bound ("up to five" states none, so it lowers nothing)."""
    counts = [row["count"] for row in rows]
    lows = [low for c in counts if (low := _low(c)) is not None]
    bests = [c["best"] for c in counts if c["best"] is not None]
    highs = [c["high"] for c in counts]
    bounded = [h for h in highs if h is not None]
    return {
        "low": min(lows) if lows else None,
        "best": min(bests) if bests else None,
        "high": None if len(bounded) < len(highs) else max(bounded),
        "rule": RULE,
        "disputed": bool(lows and bounded and max(lows) > min(bounded)),
        "figures": [
            {
                "claimant": r["claimant"],
                "claimant_name": r["claimant_name"],
                "document": r["document"],
                **{k: r["count"][k] for k in ("low", "best", "high", "phrase")},
            }
            for r in rows
        ],  # fmt: skip
    }


def _time(profiles: Iterable[Profile]) -> dict[str, str] | None:
    ranges = [(p.start, p.end) for p in profiles if p.start is not None and p.end is not None]
    if not ranges:
        return None
    start, end = max(r[0] for r in ranges), min(r[1] for r in ranges)
    if start > end:  # the reports disagree: show everything they span
        start, end = min(r[0] for r in ranges), max(r[1] for r in ranges)
    return {"start": start.isoformat(), "end": end.isoformat()}


def _place(reports: Sequence[Report]) -> dict[str, Any] | None:
    seen: Counter[tuple[str, int | None]] = Counter()
    found: dict[tuple[str, int | None], Place] = {}
    for report in reports:
        for place in _event_places(report.facts):
            key = (place.name, place.geonameid)
            found.setdefault(key, place)
        seen.update({(p.name, p.geonameid) for p in _event_places(report.facts)})
    if not seen:
        return None
    best = max(seen, key=lambda key: (seen[key], _PRECISION_RANK.get(found[key].precision or "", 0),
                                      found[key].population or 0, key[0]))  # fmt: skip
    place = found[best]
    return {"name": place.name, "geonameid": place.geonameid, "country": place.country,
            "admin1": place.admin1, "latitude": place.latitude, "longitude": place.longitude,
            "precision": place.precision}  # fmt: skip


def _event_places(facts: Facts) -> list[Place]:
    hometowns = [p.hometown.span for p in facts.people if p.hometown is not None]
    return [
        place for place in facts.places
        if not any(s.start <= place.span.start and place.span.end <= s.end for s in hometowns)
    ]  # fmt: skip


def claims_of(facts: Facts) -> list[Claim]:
    """The claims that make a document a report of an event (asserted ones)."""
    return [claim for claim in facts.claims if claim.modality == Modality.ASSERTED]
