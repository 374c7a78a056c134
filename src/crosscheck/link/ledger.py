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

import json
from collections import defaultdict
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
    return summarise_with_tally(incident_id, reports)[0]


def summarise_with_tally(
    incident_id: str, reports: Sequence[Report]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The summary and its tally: what the summary's time and place are worked out from, kept
    (``incidents.tally``) so that a report joining later updates them without the others."""
    reports = sorted(reports, key=lambda r: (r.seen, r.document_id))
    origins = _origins(reports)
    ledger = [row for report in reports for row in _ledger_rows(report, origins)]
    tally: dict[str, Any] = {"time": None, "places": {}}
    for report in reports:
        _count_in(tally, report)
    documents = [_document_row(r, origins) for r in reports]
    people = {p for r in reports for p in r.persons.values()}
    return _assemble(incident_id, tally, documents, ledger, people), tally


def _assemble(
    incident_id: str,
    tally: dict[str, Any],
    documents: list[dict[str, Any]],
    ledger: list[dict[str, Any]],
    people: set[str],
) -> dict[str, Any]:
    """The summary from its parts: one place where both a whole and a grown summary are made."""
    origins = {row["id"]: row["origin"] for row in documents}
    return {
        "id": incident_id,
        "time": _time(tally["time"]),
        "place": _place(tally["places"]),
        "documents": documents,
        "corroboration": _corroboration(origins, ledger),
        "claims": ledger,
        "estimates": _estimates(ledger),
        "people": sorted(people),
        "extractor": NAME,
    }


def grow(
    summary: dict[str, Any], tally: dict[str, Any], report: Report
) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """The summary and tally of the incident with ``report`` added, from its stored summary and
    tally alone: the same as ``summarise_with_tally`` over all its reports, as long as nothing
    else changed (no other report's copy, people or incident). None where this report would
    change another's origin (``summarise_with_tally`` then)."""
    documents = summary["documents"]
    by_id = {row["id"]: row for row in documents}
    if report.document_id in by_id or any(r["copy_of"] == report.document_id for r in documents):
        return None  # already in, or the original of a copy already in: another's origin moves
    root = by_id.get(report.copy_of or "")
    if root is not None and root["copy_of"] in by_id:
        return None  # its original's origin is not its own outlet: not in the summary
    origin = root["origin"] if root is not None else _origin(report)
    tally = json.loads(json.dumps(tally))  # the caller's stays as it was
    _count_in(tally, report)
    row = _document_row(report, {report.document_id: origin})
    documents = sorted(
        [*documents, row], key=lambda r: (datetime.fromisoformat(r["seen"]), r["id"])
    )
    rank = {r["id"]: position for position, r in enumerate(documents)}
    # a stable sort: each report's rows keep their order, and the reports follow ``documents``
    new_rows = list(_ledger_rows(report, {report.document_id: origin}))
    ledger = sorted([*summary["claims"], *new_rows], key=lambda r: rank[r["document"]])
    people = set(summary["people"]) | set(report.persons.values())
    return _assemble(summary["id"], tally, documents, ledger, people), tally


def _origins(reports: Sequence[Report]) -> dict[str, str]:
    """Each document's origin: its original's outlet, or the original itself."""
    by_id = {r.document_id: r for r in reports}
    return {r.document_id: _origin(by_id.get(r.copy_of or "", r)) for r in reports}


def _origin(root: Report) -> str:
    # a forwarded post comes from the channel it was forwarded from, not the forwarder
    outlet = root.document.forwarded_from or root.document.source
    return f"source:{outlet}" if outlet else f"document:{root.document_id}"


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


def _count_in(tally: dict[str, Any], report: Report) -> None:
    """Add a report's event time and event places to a tally. Ties go to the earlier report,
    as they do when every report is read in order (``max`` keeps the first of equals)."""
    order = [report.seen.isoformat(), report.document_id]
    start, end = report.profile.start, report.profile.end
    if start is not None and end is not None:
        bounds = tally["time"] or {}
        for name, value, larger in (("min_start", start, False), ("max_start", start, True),
                                    ("min_end", end, False), ("max_end", end, True)):  # fmt: skip
            if _replaces([value.isoformat(), *order], bounds.get(name), larger=larger):
                bounds[name] = [value.isoformat(), *order]
        tally["time"] = bounds
    found: dict[str, Place] = {}
    for place in _event_places(report.facts):  # a place named twice counts once per report
        found.setdefault(json.dumps([place.name, place.geonameid], ensure_ascii=False), place)
    for key, place in found.items():
        entry = tally["places"].setdefault(key, {"reports": 0, "first": order})
        entry["reports"] += 1
        if "place" not in entry or _earlier(order, entry["first"]):  # the first report's stands
            entry["first"], entry["place"] = order, _place_row(place)


def _replaces(new: list[str], old: list[str] | None, *, larger: bool) -> bool:
    """Whether a bound ``[time, seen, document]`` replaces another in a tally."""
    if old is None:
        return True
    value, other = datetime.fromisoformat(new[0]), datetime.fromisoformat(old[0])
    if value == other:
        return _earlier(new[1:], old[1:])
    return value > other if larger else value < other


def _earlier(order: Sequence[str], other: Sequence[str]) -> bool:
    """Whether a report comes before another in the summary: by ``(seen, document id)``."""
    return (datetime.fromisoformat(order[0]), order[1]) < (
        datetime.fromisoformat(other[0]),
        other[1],
    )


def _place_row(place: Place) -> dict[str, Any]:
    return {"name": place.name, "geonameid": place.geonameid, "country": place.country,
            "admin1": place.admin1, "latitude": place.latitude, "longitude": place.longitude,
            "precision": place.precision, "population": place.population}  # fmt: skip


def _time(bounds: Mapping[str, list[str]] | None) -> dict[str, str] | None:
    """Where the reports' event times overlap; where they disagree, everything they span."""
    if not bounds:
        return None
    start, end = bounds["max_start"][0], bounds["min_end"][0]
    if datetime.fromisoformat(start) > datetime.fromisoformat(end):
        start, end = bounds["min_start"][0], bounds["max_end"][0]
    return {"start": start, "end": end}


def _place(places: Mapping[str, dict[str, Any]]) -> dict[str, Any] | None:
    """The place most reports name; among equals the most precise, the most populous."""
    if not places:
        return None
    best = max(places.values(), key=lambda entry: (
        entry["reports"], _PRECISION_RANK.get(entry["place"]["precision"] or "", 0),
        entry["place"]["population"] or 0, entry["place"]["name"],
        entry["place"]["geonameid"] or 0,
    ))  # fmt: skip
    return {k: v for k, v in best["place"].items() if k != "population"}


def _event_places(facts: Facts) -> list[Place]:
    hometowns = [p.hometown.span for p in facts.people if p.hometown is not None]
    return [
        place for place in facts.places
        if not any(s.start <= place.span.start and place.span.end <= s.end for s in hometowns)
    ]  # fmt: skip


def claims_of(facts: Facts) -> list[Claim]:
    """The claims that make a document a report of an event (asserted ones)."""
    return [claim for claim in facts.claims if claim.modality == Modality.ASSERTED]
