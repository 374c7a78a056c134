"""The REST API for review actions: JSON bodies, the session cookie, and the session's CSRF
token in ``X-CSRF-Token`` (``GET /api/me`` returns it). Analysts and admins only; every action
needs a comment and is written to the audit log."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter
from pydantic import BaseModel, Field

from crosscheck.review import actions
from crosscheck.review.claims import Status
from crosscheck.web.deps import DbDep, ReviewerDep
from crosscheck.web.routes.actions import locate

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["review"])

Json = dict[str, Any]
Comment = Annotated[str, Field(description="Why: required, kept in the audit log.")]


class StatusChange(BaseModel):
    status: Status
    comment: Comment


class CredibilityGrade(BaseModel):
    credibility: int = Field(ge=1, le=6, description="Admiralty credibility, 1 (confirmed) "
                             "to 6 (cannot be judged).")  # fmt: skip
    comment: Comment


class SourceGrade(BaseModel):
    source: str = Field(description="The outlet, as documents name it.")
    reliability: str = Field(pattern="^[A-Fa-f]$", description="Admiralty reliability, A-F.")
    comment: Comment


class Decision(BaseModel):
    kind: Literal["incident", "person"]
    a: str = Field(description="A document or incident id; for people a member like "
                   "<document id>/p1.")  # fmt: skip
    b: str = Field(description="The other one, like a.")
    same: bool = Field(description="True: merge them; false: keep them apart (split).")
    comment: Comment


class Undo(BaseModel):
    kind: Literal["incident", "person"]
    a: str
    b: str
    comment: Comment


@router.post("/claims/{claim_id}/status")
def review_claim(claim_id: str, change: StatusChange, db: DbDep, session: ReviewerDep) -> Json:
    """Mark a claim verified, disputed or rejected (or unreviewed again)."""
    view = actions.review_claim(db, claim_id, change.status, comment=change.comment,
                                user=session.user.username)  # fmt: skip
    return view.to_json()


@router.post("/claims/{claim_id}/credibility")
def grade_claim(claim_id: str, grade: CredibilityGrade, db: DbDep, session: ReviewerDep) -> Json:
    """Grade a claim's credibility on the Admiralty scale (1-6)."""
    view = actions.grade_claim(db, claim_id, grade.credibility, comment=grade.comment,
                               user=session.user.username)  # fmt: skip
    return view.to_json()


@router.post("/sources/grade")
def grade_source(grade: SourceGrade, db: DbDep, session: ReviewerDep) -> Json:
    """Grade a source's reliability on the Admiralty scale (A-F)."""
    saved = actions.grade_source(db, grade.source, grade.reliability, comment=grade.comment,
                                 user=session.user.username)  # fmt: skip
    return saved.to_json()


@router.post("/decisions")
def decide(decision: Decision, db: DbDep, session: ReviewerDep) -> Json:
    """Merge two incidents or people (``same``), or split them; says where ``a`` is now."""
    a, b = db.link_member(decision.a), db.link_member(decision.b)
    actions.decide(db, decision.kind, a, b, same=decision.same, comment=decision.comment,
                   user=session.user.username)  # fmt: skip
    return {"a": a, "b": b, "now": locate(db, decision.kind, a)}


@router.post("/decisions/undo")
def undo(decision: Undo, db: DbDep, session: ReviewerDep) -> Json:
    """Withdraw a merge or split: the machine's view comes back."""
    a, b = db.link_member(decision.a), db.link_member(decision.b)
    actions.undo_decision(db, decision.kind, a, b, comment=decision.comment,
                          user=session.user.username)  # fmt: skip
    return {"a": a, "b": b, "now": locate(db, decision.kind, a)}
