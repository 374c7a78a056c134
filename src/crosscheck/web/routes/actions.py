"""Review actions from the pages' forms: a claim's status and credibility, a source's
reliability, merging or splitting incidents and people, and withdrawing such a decision.

Each needs an analyst (``ReviewerDep``: signed in, CSRF token checked, role allowed) and a
comment, which ``review.actions`` requires and keeps in the audit log. A plain form gets a
redirect back to the page it came from (``next``); htmx gets the changed fragment to swap in.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from crosscheck.errors import NotFoundError
from crosscheck.review import actions, claims
from crosscheck.store import Database
from crosscheck.web.auth import safe_next
from crosscheck.web.deps import DbDep, ReviewerDep
from crosscheck.web.pages import is_htmx, page
from crosscheck.web.routes.review import FORMS

__all__ = ["locate", "router"]

router = APIRouter(include_in_schema=False)

Comment = Annotated[str, Form()]
Next = Annotated[str, Form()]
Kind = Literal["incident", "person"]


@router.post("/claims/{claim_id}/status")
def set_status(
    request: Request, claim_id: str, db: DbDep, session: ReviewerDep,
    status: Annotated[claims.Status, Form()], comment: Comment = "", next: Next = "",
) -> Response:  # fmt: skip
    view = actions.review_claim(db, claim_id, status, comment=comment, user=session.user.username)
    return _done(request, session, view, next or f"/claims/{claim_id}")


@router.post("/claims/{claim_id}/credibility")
def set_credibility(
    request: Request, claim_id: str, db: DbDep, session: ReviewerDep,
    credibility: Annotated[int, Form(ge=1, le=6)], comment: Comment = "", next: Next = "",
) -> Response:  # fmt: skip
    view = actions.grade_claim(db, claim_id, credibility, comment=comment,
                               user=session.user.username)  # fmt: skip
    return _done(request, session, view, next or f"/claims/{claim_id}")


def _done(request: Request, session: ReviewerDep, view: claims.ClaimView, back: str) -> Response:
    if is_htmx(request):
        data = {"claim": view.to_json(), "next": back, **FORMS}
        return page(request, session, "claim.html", data, fragment="claim_review.html")
    return RedirectResponse(safe_next(back), status_code=303)


@router.post("/sources/grade")
def grade_source(
    request: Request, db: DbDep, session: ReviewerDep, source: Annotated[str, Form()],
    reliability: Annotated[str, Form()], comment: Comment = "", next: Next = "",
) -> Response:  # fmt: skip
    grade = actions.grade_source(db, source, reliability, comment=comment,
                                 user=session.user.username)  # fmt: skip
    if is_htmx(request):
        data = {"source": source, "grade": grade.to_json(), "next": next, **FORMS}
        return page(request, session, "sources.html", data, fragment="source_grade.html")
    return RedirectResponse(safe_next(next or "/sources"), status_code=303)


@router.post("/decisions")
def decide(
    request: Request, db: DbDep, session: ReviewerDep, kind: Annotated[Kind, Form()],
    a: Annotated[str, Form()], b: Annotated[str, Form()],
    verdict: Annotated[Literal["same", "different"], Form()], comment: Comment = "",
) -> Response:  # fmt: skip
    """Merge (``same``) or split (``different``) two incidents or people, then show where
    ``a`` is now: a merged incident may have a new id."""
    first, second = db.link_member(a), db.link_member(b)
    actions.decide(db, kind, first, second, same=verdict == "same", comment=comment,
                   user=session.user.username)  # fmt: skip
    return _to(request, locate(db, kind, first))


@router.post("/decisions/undo")
def undo(
    request: Request, db: DbDep, session: ReviewerDep, kind: Annotated[Kind, Form()],
    a: Annotated[str, Form()], b: Annotated[str, Form()], comment: Comment = "",
) -> Response:  # fmt: skip
    first, second = db.link_member(a), db.link_member(b)
    actions.undo_decision(db, kind, first, second, comment=comment, user=session.user.username)
    return _to(request, locate(db, kind, first))


def locate(db: Database, kind: Kind, member: str) -> str:
    """The page of the incident or person ``member`` belongs to now."""
    try:
        if kind == "incident":
            return f"/incidents/{db.incident(member)['id']}"
        return f"/people/{db.person(member)['id']}"
    except NotFoundError:  # a document that reports no event is in no incident
        return f"/documents/{member.partition('/')[0]}"


def _to(request: Request, target: str) -> Response:
    """A redirect; for htmx, a full navigation (the whole page changed, not one fragment)."""
    if is_htmx(request):
        return Response(status_code=204, headers={"HX-Location": target})
    return RedirectResponse(target, status_code=303)
