"""Signing in and out, and the session cookie.

The session cookie holds a random token (the database keeps only its hash) and is HttpOnly,
SameSite=Lax, and Secure when the app runs behind HTTPS (``secure_cookies``). Every
state-changing request must also send the session's CSRF token (``deps``).

The sign-in form has no session yet, so it is protected by a double-submit token instead: a
random value in a short-lived cookie and in the form must agree, which a page on another origin
cannot arrange. The JSON sign-in (``POST /api/session``) accepts only ``application/json``, which
a cross-site form cannot send. Throttling of repeated failures is done by
``review.users.authenticate`` itself, so the form shows its message.
"""

from __future__ import annotations

import hmac
import secrets
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel

from crosscheck.errors import AccessError
from crosscheck.review import users
from crosscheck.web.deps import (
    CSRF_FIELD,
    SESSION_COOKIE,
    DbDep,
    ReaderDep,
    SignedInWriteDep,
    SignInRequired,
    current_session,
)
from crosscheck.web.pages import page

__all__ = ["SIGN_IN_COOKIE", "router", "safe_next"]

router = APIRouter(tags=["session"])

SIGN_IN_COOKIE = "crosscheck_signin"
SESSION_HOURS = 12


def safe_next(value: str | None) -> str:
    """Where to go after signing in: a path on this site only, never another origin."""
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return "/dashboard"
    return value


@router.get("/login", response_class=HTMLResponse, include_in_schema=False)
def sign_in_form(request: Request, db: DbDep, next: str | None = None) -> Response:
    if current_session(request, db) is not None:
        return RedirectResponse(safe_next(next), status_code=303)
    return _form(request, next=safe_next(next), error=None, status=200)


@router.post("/login", include_in_schema=False)
def sign_in(
    request: Request,
    db: DbDep,
    username: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    csrf_token: Annotated[str, Form(alias=CSRF_FIELD)] = "",
    next: Annotated[str, Form()] = "",
) -> Response:
    expected = request.cookies.get(SIGN_IN_COOKIE, "")
    if not expected or not hmac.compare_digest(csrf_token, expected):
        raise AccessError("the sign-in form expired: reload it and try again")
    try:
        user = users.authenticate(db, username, password, client=_client(request))
    except AccessError as error:  # wrong password, unknown, disabled, throttled: say so
        return _form(request, next=safe_next(next), error=str(error), status=401)
    response = RedirectResponse(safe_next(next), status_code=303)
    _start(request, db, response, user.username)
    response.delete_cookie(SIGN_IN_COOKIE, path="/login")
    return response


@router.post("/logout", include_in_schema=False)
def sign_out(request: Request, db: DbDep, session: SignedInWriteDep) -> Response:
    users.end_session(db, session.token)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


class Credentials(BaseModel):
    username: str
    password: str


class Me(BaseModel):
    """The signed-in user and the CSRF token to send as ``X-CSRF-Token`` on writes."""

    username: str
    role: str
    csrf_token: str


@router.post("/api/session")
def api_sign_in(request: Request, response: Response, db: DbDep, credentials: Credentials) -> Me:
    """Sign in; the session cookie comes back with the CSRF token for later writes."""
    if not request.headers.get("content-type", "").startswith("application/json"):
        raise AccessError("send the credentials as application/json")
    try:
        user = users.authenticate(
            db, credentials.username, credentials.password, client=_client(request)
        )
    except AccessError as error:
        raise SignInRequired(str(error)) from error  # 401, as for any request without a session
    csrf = _start(request, db, response, user.username)
    return Me(username=user.username, role=user.role, csrf_token=csrf)


@router.get("/api/me")
def me(session: ReaderDep) -> Me:
    """Who is signed in, and the CSRF token for writes."""
    return Me(username=session.user.username, role=session.user.role, csrf_token=session.csrf)


@router.delete("/api/session", status_code=204)
def api_sign_out(db: DbDep, session: SignedInWriteDep) -> Response:
    """Sign out: the session token stops working at once."""
    users.end_session(db, session.token)
    response = Response(status_code=204)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


def _start(request: Request, db: DbDep, response: Response, username: str) -> str:
    token, csrf = users.start_session(db, username, hours=SESSION_HOURS)
    response.set_cookie(
        SESSION_COOKIE, token, max_age=SESSION_HOURS * 3600, path="/", httponly=True,
        samesite="lax", secure=bool(request.app.state.secure_cookies),
    )  # fmt: skip
    return csrf


def _form(request: Request, *, next: str, error: str | None, status: int) -> Response:
    token = secrets.token_urlsafe(32)
    data = {"next": next, "error": error, "sign_in_token": token}
    response = page(request, None, "login.html", data, status=status)
    response.set_cookie(
        SIGN_IN_COOKIE, token, max_age=3600, path="/login", httponly=True, samesite="strict",
        secure=bool(request.app.state.secure_cookies),
    )  # fmt: skip
    return response


def _client(request: Request) -> str:
    return request.client.host if request.client else "unknown"
