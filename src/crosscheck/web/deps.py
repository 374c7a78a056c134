"""What routes depend on: the database, the signed-in user, their role, and the CSRF check.

Every route states who may call it by the dependency it takes:

- ``ReaderDep``: any signed-in user (viewer, analyst, admin). A tool holding evidence of abuse
  is never public, so there is no anonymous reading.
- ``ReviewerDep``: an analyst or admin, on a state-changing request whose CSRF token matches.
- ``AdminDep`` (reading) and ``AdminWriteDep`` (changing, CSRF-checked): admins only.

Without a session the request fails with ``SignInRequired`` (pages redirect to the sign-in
form, the API answers 401); a signed-in user whose role is not enough, or a write without the
session's CSRF token, fails with ``AccessError`` (403). The app's exception handlers do the
answering, so routes never test roles themselves.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request

from crosscheck.errors import AccessError
from crosscheck.review.users import Action, User, require, session_user
from crosscheck.store import Database

__all__ = [
    "CSRF_FIELD",
    "CSRF_HEADER",
    "SESSION_COOKIE",
    "AdminDep",
    "AdminWriteDep",
    "DbDep",
    "ReaderDep",
    "ReviewerDep",
    "Session",
    "SignInRequired",
    "SignedInWriteDep",
    "current_session",
    "get_db",
]

SESSION_COOKIE = "crosscheck_session"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"


class SignInRequired(AccessError):
    """No valid session: a page redirects to the sign-in form, the API answers 401."""


@dataclass(frozen=True, slots=True)
class Session:
    """The signed-in user of a request, with the CSRF token their forms must send back."""

    user: User
    csrf: str
    token: str


def get_db(request: Request) -> Database:
    database: Database = request.app.state.db
    return database


DbDep = Annotated[Database, Depends(get_db)]


def current_session(request: Request, db: Database) -> Session | None:
    """The request's session from its cookie, read once per request (several dependencies and
    the error pages ask)."""
    if hasattr(request.state, "session"):
        found: Session | None = request.state.session
        return found
    token = request.cookies.get(SESSION_COOKIE, "")
    signed_in = session_user(db, token) if token else None
    session = Session(signed_in[0], signed_in[1], token) if signed_in else None
    request.state.session = session
    return session


def _signed_in(request: Request, db: DbDep) -> Session:
    session = current_session(request, db)
    if session is None:
        raise SignInRequired("sign in first")
    return session


def _reader(session: Annotated[Session, Depends(_signed_in)]) -> Session:
    require(session.user, "read")
    return session


async def _checked(request: Request, session: Annotated[Session, Depends(_signed_in)]) -> Session:
    """The session, once the request carries its CSRF token (header for htmx and the API, form
    field for plain forms). Checked before the role, so a forged request learns nothing."""
    sent = request.headers.get(CSRF_HEADER)
    if sent is None and _is_form(request):
        value = (await request.form()).get(CSRF_FIELD)
        sent = value if isinstance(value, str) else None
    if not sent or not hmac.compare_digest(sent, session.csrf):
        raise AccessError("missing or wrong CSRF token: reload the page and try again")
    return session


def _is_form(request: Request) -> bool:
    kind = request.headers.get("content-type", "")
    return kind.startswith(("application/x-www-form-urlencoded", "multipart/form-data"))


def _writer(action: Action) -> Callable[[Session], Session]:
    def allowed(session: Annotated[Session, Depends(_checked)]) -> Session:
        require(session.user, action)
        return session

    return allowed


def _admin(session: Annotated[Session, Depends(_signed_in)]) -> Session:
    require(session.user, "admin")
    return session


ReaderDep = Annotated[Session, Depends(_reader)]
#: any signed-in user, CSRF-checked: signing out
SignedInWriteDep = Annotated[Session, Depends(_checked)]
ReviewerDep = Annotated[Session, Depends(_writer("review"))]
AdminDep = Annotated[Session, Depends(_admin)]
AdminWriteDep = Annotated[Session, Depends(_writer("admin"))]
