"""Incidents: the filtered list, and one incident with its claims ledger, the figures per
claimant, the estimates with their rule, its documents grouped by origin and a map.

The store filters incidents by time, place and claim kind, and hands them over a page at a time
(``export.pages``, keyset paging); the other filters (a start date, the least corroboration, a
claim's review status) are applied here to what it returns, reading no more than
``SCAN_LIMIT`` incidents, so that a page stays fast on a big database (the page says when the
scan stopped short).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime, time
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel, Field, field_validator

from crosscheck.export.pages import Selection, incident_summaries
from crosscheck.review import actions, audit, claims
from crosscheck.review.claims import Status
from crosscheck.store import Database
from crosscheck.visual import incident_points, map_svg
from crosscheck.web.deps import DbDep, ReaderDep
from crosscheck.web.pages import page, twin
from crosscheck.web.routes.review import FORMS

__all__ = [
    "IncidentFilter",
    "incident_data",
    "incident_row",
    "incidents_data",
    "router",
    "selection",
]

router = APIRouter(include_in_schema=False)

SCAN_LIMIT = 5000
PAGE = 200
LEDGER_LIMIT = 1000


class IncidentFilter(BaseModel):
    """What the incidents list shows: all its fields are optional, as in the filter form."""

    since: date | None = Field(None, description="Only incidents ending on or after this day.")
    until: date | None = Field(None, description="Only incidents starting on or before this day.")
    place: str | None = Field(None, description="The place name contains this (any case).")
    kind: str | None = Field(None, description="With a claim of this kind, e.g. killed.")
    status: Status | None = Field(None, description="With a claim of this review status.")
    min_sources: int | None = Field(None, ge=1, description="At least this many independent "
                                    "sources (corroboration).")  # fmt: skip
    limit: int = Field(50, ge=1, le=500)
    offset: int = Field(0, ge=0)

    @field_validator("since", "until", "place", "kind", "status", "min_sources", mode="before")
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        """An empty field of the filter form means "any"."""
        return None if isinstance(value, str) and not value.strip() else value

    def scans(self) -> bool:
        return bool(self.until or self.status or self.min_sources)


FilterQuery = Annotated[IncidentFilter, Query()]


def incidents_data(db: Database, wanted: IncidentFilter) -> dict[str, Any]:
    """One page of incident rows matching ``wanted``, and whether there are more."""
    need = wanted.offset + wanted.limit + 1
    stream = incident_summaries(db, selection(wanted), page=PAGE if wanted.scans() else need)
    matched, scanned = [], 0
    for incident in stream:
        scanned += 1
        if _matches(db, incident, wanted):
            matched.append(incident)
            if len(matched) == need:
                break
        if scanned == SCAN_LIMIT:
            break
    shown = matched[wanted.offset : wanted.offset + wanted.limit]
    return {
        "filter": wanted.model_dump(mode="json"),
        "incidents": [incident_row(i) for i in shown],
        "more": len(matched) > wanted.offset + wanted.limit,
        "scanned": scanned,
        "scan_stopped": scanned == SCAN_LIMIT and len(matched) < need,
    }


def selection(wanted: IncidentFilter) -> Selection:
    """What the store and the exports filter on: time, place and claim kind."""
    since = datetime.combine(wanted.since, time.min, UTC) if wanted.since else None
    return Selection(since=since, place=wanted.place, kind=wanted.kind)


def _matches(db: Database, incident: dict[str, Any], wanted: IncidentFilter) -> bool:
    if wanted.min_sources and incident["corroboration"]["independent_sources"] < wanted.min_sources:
        return False
    if wanted.until:
        start = (incident.get("time") or {}).get("start")
        if start is None or datetime.fromisoformat(start).date() > wanted.until:
            return False
    if wanted.status:
        found = claims.claims(db, incident_id=incident["id"], status=wanted.status, limit=1)
        return bool(found)
    return True


def incident_row(incident: dict[str, Any]) -> dict[str, Any]:
    """What a list shows of an incident summary (``link.ledger``)."""
    estimates = incident.get("estimates", {})
    killed = estimates.get("killed")
    return {
        "id": incident["id"],
        "time": incident.get("time"),
        "place": (incident.get("place") or {}).get("name"),
        "kinds": sorted({claim["kind"] for claim in incident.get("claims", ())}),
        "documents": len(incident.get("documents", ())),
        "sources": incident["corroboration"]["independent_sources"],
        "killed": None if killed is None else {k: killed[k] for k in ("low", "best", "high")},
        "disputed": any(estimate.get("disputed") for estimate in estimates.values()),
    }


def incident_data(db: Database, incident_id: str) -> dict[str, Any]:
    """An incident's summary with each ledger row's claim id and review, the people's names,
    its documents grouped by origin (copies under their original) and its audit trail."""
    summary = db.incident(incident_id)
    reviewed = {
        view.id: view.to_json()
        for view in claims.claims(db, incident_id=summary["id"], limit=LEDGER_LIMIT)
    }
    ledger = []
    for row in summary["claims"]:
        claim_id = claims.claim_id(row["document"], row)
        ledger.append({**row, "id": claim_id, "review": reviewed.get(claim_id)})
    trail = audit.audit_log(db, target_kind="incident", target_id=summary["id"], limit=20)
    sources = {d["source"] for d in summary["documents"] if d["source"]}
    return {
        "incident": {**summary, "claims": ledger},
        "names": db.person_names(summary["people"]),
        "origins": _origins(summary),
        "grades": {g.source: g.to_json() for g in actions.source_grades(db) if g.source in sources},
        "audit": [entry.to_json() for entry in trail],
    }


def _origins(summary: dict[str, Any]) -> list[dict[str, Any]]:
    """Per origin (outlet or original text): its original documents, each with its copies."""
    documents = {d["id"]: d for d in summary["documents"]}
    copies: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for document in summary["documents"]:
        if document["copy_of"] in documents:
            copies[document["copy_of"]].append(document)
    grouped = []
    for origin in summary["corroboration"]["origins"]:
        kind, _, name = origin["origin"].partition(":")
        originals = [documents[d] for d in origin["documents"] if d in documents]
        originals = [d for d in originals if d["copy_of"] not in documents]
        grouped.append({
            "origin": origin["origin"], "kind": kind, "name": name,
            "documents": [{**d, "copies": copies.get(d["id"], [])} for d in originals],
        })  # fmt: skip
    return grouped


@router.get("/incidents.json")
def incidents_json(db: DbDep, session: ReaderDep, wanted: FilterQuery) -> Response:
    return twin(incidents_data(db, wanted))


@router.get("/incidents", response_class=HTMLResponse)
def incidents_page(
    request: Request, db: DbDep, session: ReaderDep, wanted: FilterQuery
) -> Response:
    data = incidents_data(db, wanted)
    return page(request, session, "incidents.html", data, fragment="incident_rows.html")


@router.get("/incidents/{incident_id}.json")
def incident_json(incident_id: str, db: DbDep, session: ReaderDep) -> Response:
    return twin(incident_data(db, incident_id))


@router.get("/incidents/{incident_id}", response_class=HTMLResponse)
def incident_page(request: Request, incident_id: str, db: DbDep, session: ReaderDep) -> Response:
    data = incident_data(db, incident_id)
    points, missing = incident_points([data["incident"]])
    chart = map_svg(points, missing=missing, width=480, height=300,
                    title=f"Where incident {data['incident']['id']} happened")  # fmt: skip
    return page(request, session, "incident.html", {**data, "map": chart, **FORMS})
