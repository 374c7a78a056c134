"""The review pages: the claims queue (unreviewed and disputed claims), the merge-review queue
of uncertain person matches, one claim with its verdict and history, and the sources with their
reliability grades. The forms on them post to ``routes.actions``.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from crosscheck.review import actions, audit, claims
from crosscheck.review.claims import Status
from crosscheck.store import Database
from crosscheck.web.deps import DbDep, ReaderDep
from crosscheck.web.pages import page, twin

__all__ = ["claim_data", "queue_data", "router", "sources_data"]

router = APIRouter(include_in_schema=False)

LimitQuery = Annotated[int, Query(ge=1, le=500)]
OffsetQuery = Annotated[int, Query(ge=0)]
FORMS = {
    "statuses": claims.STATUSES,
    "credibility": actions.CREDIBILITY,
    "reliability": actions.RELIABILITY,
}


def queue_data(
    db: Database, status: Status = "unreviewed", kind: str | None = None, *, limit: int = 50,
    offset: int = 0,
) -> dict[str, Any]:  # fmt: skip
    """The claims waiting with ``status`` (one page), and the size of every queue."""
    found = claims.claims(db, status=status, kind=kind or None, limit=limit + 1, offset=offset)
    return {
        "queues": claims.queue_sizes(db),
        "status": status,
        "kind": kind or "",
        "limit": limit,
        "offset": offset,
        "more": len(found) > limit,
        "claims": [view.to_json() for view in found[:limit]],
    }


def candidates_data(db: Database, *, limit: int = 50) -> dict[str, Any]:
    """The merge-review queue: pairs of people the machine thinks may be one, best first."""
    found = claims.person_candidates(db, limit=limit)
    return {
        "queues": claims.queue_sizes(db),
        "limit": limit,
        "candidates": [candidate.to_json() for candidate in found],
    }


def claim_data(db: Database, claim_id: str) -> dict[str, Any]:
    """One claim with its verdict, and every change made to it."""
    view = claims.claim(db, claim_id)
    trail = audit.audit_log(db, target_kind="claim", target_id=view.id, limit=100)
    return {"claim": view.to_json(), "audit": [entry.to_json() for entry in trail]}


def sources_data(db: Database) -> dict[str, Any]:
    """Every source (outlet) with its number of documents and its reliability grade."""
    grades = {grade.source: grade.to_json() for grade in actions.source_grades(db)}
    counted = db.counts_by("source")
    return {
        "sources": [
            {"source": source, "documents": n, "grade": grades.get(source)}
            for source, n in counted.items()
            if source is not None
        ],
        "documents_without_source": counted.get(None, 0),
    }


@router.get("/review.json")
def queue_json(
    db: DbDep, session: ReaderDep, status: Status = "unreviewed", kind: str = "",
    limit: LimitQuery = 50, offset: OffsetQuery = 0,
) -> Response:  # fmt: skip
    return twin(queue_data(db, status, kind, limit=limit, offset=offset))


@router.get("/review", response_class=HTMLResponse)
def queue_page(
    request: Request, db: DbDep, session: ReaderDep, status: Status = "unreviewed",
    kind: str = "", limit: LimitQuery = 50, offset: OffsetQuery = 0,
) -> Response:  # fmt: skip
    data = {**queue_data(db, status, kind, limit=limit, offset=offset), **FORMS}
    return page(request, session, "review.html", data, fragment="review_claims.html")


@router.get("/review/people.json")
def candidates_json(db: DbDep, session: ReaderDep, limit: LimitQuery = 50) -> Response:
    return twin(candidates_data(db, limit=limit))


@router.get("/review/people", response_class=HTMLResponse)
def candidates_page(
    request: Request, db: DbDep, session: ReaderDep, limit: LimitQuery = 50
) -> Response:
    return page(request, session, "candidates.html", candidates_data(db, limit=limit))


@router.get("/claims/{claim_id}.json")
def claim_json(claim_id: str, db: DbDep, session: ReaderDep) -> Response:
    return twin(claim_data(db, claim_id))


@router.get("/claims/{claim_id}", response_class=HTMLResponse)
def claim_page(request: Request, claim_id: str, db: DbDep, session: ReaderDep) -> Response:
    return page(request, session, "claim.html", {**claim_data(db, claim_id), **FORMS})


@router.get("/sources.json")
def sources_json(db: DbDep, session: ReaderDep) -> Response:
    return twin(sources_data(db))


@router.get("/sources", response_class=HTMLResponse)
def sources_page(request: Request, db: DbDep, session: ReaderDep) -> Response:
    return page(request, session, "sources.html", {**sources_data(db), **FORMS})
