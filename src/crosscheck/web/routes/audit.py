"""The audit log: who changed what, when, and why, with the fields that changed (the diff).
Paged backwards by id, so that a long log never has to be counted or read from the start."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel, Field, field_validator

from crosscheck.review import audit
from crosscheck.store import Database
from crosscheck.web.deps import DbDep, ReaderDep
from crosscheck.web.pages import page, twin

__all__ = ["AuditFilter", "audit_data", "router"]

router = APIRouter(include_in_schema=False)


class AuditFilter(BaseModel):
    """Which audit rows to show: all fields optional, as in the filter form."""

    username: str | None = Field(None, description="Changes made by this user.")
    target_kind: str | None = Field(None, description="claim, source, incident, person or user.")
    target_id: str | None = Field(None, description="Changes to this one target.")
    before_id: int | None = Field(None, ge=1, description="Rows older than this id (paging).")
    limit: int = Field(100, ge=1, le=500)

    @field_validator("username", "target_kind", "target_id", "before_id", mode="before")
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value


def audit_data(db: Database, wanted: AuditFilter) -> dict[str, Any]:
    """One page of audit rows, newest first, and the id to page back from."""
    rows = audit.audit_log(
        db, target_kind=wanted.target_kind, target_id=wanted.target_id,
        username=wanted.username, limit=wanted.limit + 1, before_id=wanted.before_id,
    )  # fmt: skip
    shown = rows[: wanted.limit]
    return {
        "filter": wanted.model_dump(mode="json"),
        "kinds": audit.TARGET_KINDS,
        "entries": [entry.to_json() for entry in shown],
        "older": shown[-1].id if len(rows) > wanted.limit else None,
    }


FilterQuery = Annotated[AuditFilter, Query()]


@router.get("/audit.json")
def audit_json(db: DbDep, session: ReaderDep, wanted: FilterQuery) -> Response:
    return twin(audit_data(db, wanted))


@router.get("/audit", response_class=HTMLResponse)
def audit_page(request: Request, db: DbDep, session: ReaderDep, wanted: FilterQuery) -> Response:
    return page(request, session, "audit.html", audit_data(db, wanted), fragment="audit_rows.html")
