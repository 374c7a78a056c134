"""The REST API for reading (``/api/...``): the same data as the pages and their JSON twins,
documented in ``/openapi.json``. It uses the session cookie of the web app (sign in with
``POST /api/session`` or the form); every call needs a signed-in user."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from crosscheck.review import claims
from crosscheck.review.claims import Status
from crosscheck.web.deps import AdminDep, DbDep, ReaderDep
from crosscheck.web.routes import audit, dashboard, documents, incidents, people, review, users

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["read"])

Json = dict[str, Any]
LimitQuery = Annotated[int, Query(ge=1, le=500, description="Most items to return.")]
OffsetQuery = Annotated[int, Query(ge=0, description="Items to skip (paging).")]


@router.get("/dashboard")
def get_dashboard(db: DbDep, session: ReaderDep) -> Json:
    """Counts, the newest incidents, review queue sizes, incidents and casualties per week."""
    return dashboard.dashboard_data(db)


@router.get("/incidents")
def list_incidents(
    db: DbDep, session: ReaderDep, wanted: Annotated[incidents.IncidentFilter, Query()]
) -> Json:
    """Incidents, newest first, filtered by time, place, claim kind, review status and
    corroboration (independent sources)."""
    return incidents.incidents_data(db, wanted)


@router.get("/incidents/{incident_id}")
def get_incident(incident_id: str, db: DbDep, session: ReaderDep) -> Json:
    """One incident (id, unique prefix, or a document's id): claims ledger with each claim's
    review, estimates with their rule and the figures per claimant, documents by origin."""
    return incidents.incident_data(db, incident_id)


@router.get("/documents")
def search_documents(
    db: DbDep, session: ReaderDep, q: Annotated[str, Query(description="Words to find.")] = "",
    limit: LimitQuery = 20, offset: OffsetQuery = 0,
) -> Json:  # fmt: skip
    """Full-text search: documents with every word, best first; matches in snippets are in
    [ and ]."""
    return documents.search_data(db, q, limit=limit, offset=offset)


@router.get("/documents/{document_id}")
def get_document(document_id: str, db: DbDep, session: ReaderDep) -> Json:
    """One document's crosscheck.record/1 with its claims' reviews and quote times."""
    return documents.document_data(db, document_id)


@router.get("/people")
def list_people(
    db: DbDep, session: ReaderDep, name: str = "", limit: LimitQuery = 50,
    offset: OffsetQuery = 0,
) -> Json:  # fmt: skip
    """Persons named in the most documents first; ``name`` matches any spelling and script."""
    return people.people_data(db, name, limit=limit, offset=offset)


@router.get("/people/{person_id:path}")
def get_person(person_id: str, db: DbDep, session: ReaderDep) -> Json:
    """One person ("<document id>/p1", a prefix, or a member): spellings, attributes with their
    evidence, quotes and claims, links and candidates."""
    return people.person_data(db, person_id)


@router.get("/claims")
def list_claims(
    db: DbDep, session: ReaderDep, document_id: str | None = None,
    incident_id: str | None = None, status: Status | None = None, kind: str | None = None,
    limit: LimitQuery = 50, offset: OffsetQuery = 0,
) -> list[Json]:  # fmt: skip
    """Claims with their evidence and review, in document and span order."""
    found = claims.claims(db, document_id=document_id, incident_id=incident_id, status=status,
                          kind=kind, limit=limit, offset=offset)  # fmt: skip
    return [view.to_json() for view in found]


@router.get("/claims/{claim_id}")
def get_claim(claim_id: str, db: DbDep, session: ReaderDep) -> Json:
    """One claim ("<document id>:<start>-<end>:<kind>") with its review and audit trail."""
    return review.claim_data(db, claim_id)


@router.get("/review/claims")
def claims_queue(
    db: DbDep, session: ReaderDep, status: Status = "unreviewed", kind: str = "",
    limit: LimitQuery = 50, offset: OffsetQuery = 0,
) -> Json:  # fmt: skip
    """The claims review queue and the size of every queue."""
    return review.queue_data(db, status, kind, limit=limit, offset=offset)


@router.get("/review/people")
def people_queue(db: DbDep, session: ReaderDep, limit: LimitQuery = 50) -> Json:
    """The merge-review queue: uncertain person matches, best first."""
    return review.candidates_data(db, limit=limit)


@router.get("/sources")
def list_sources(db: DbDep, session: ReaderDep) -> Json:
    """Sources (outlets) with their documents and reliability grade."""
    return review.sources_data(db)


@router.get("/audit")
def get_audit(db: DbDep, session: ReaderDep, wanted: Annotated[audit.AuditFilter, Query()]) -> Json:
    """The audit log, newest first: who changed what, when, why, and the diff."""
    return audit.audit_data(db, wanted)


@router.get("/users")
def list_users(db: DbDep, session: AdminDep) -> Json:
    """The accounts and their roles (admins only)."""
    return users.users_data(db)
