"""User administration (admins only): the accounts with their roles, adding one, changing a
role, disabling or enabling an account, and setting a new password. Each change is in the audit
log under the admin's name; the log never holds a password or its hash."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from crosscheck.review import users
from crosscheck.review.users import Role
from crosscheck.store import Database
from crosscheck.web.deps import AdminDep, AdminWriteDep, DbDep
from crosscheck.web.pages import page, twin

__all__ = ["router", "users_data"]

router = APIRouter(include_in_schema=False)

Comment = Annotated[str, Form()]


def users_data(db: Database) -> dict[str, Any]:
    return {"users": [user.to_json() for user in users.list_users(db)], "roles": users.ROLES}


@router.get("/users.json")
def users_json(db: DbDep, session: AdminDep) -> Response:
    return twin(users_data(db))


@router.get("/users", response_class=HTMLResponse)
def users_page(request: Request, db: DbDep, session: AdminDep) -> Response:
    return page(request, session, "users.html", users_data(db))


@router.post("/users")
def add_user(
    db: DbDep, session: AdminWriteDep, username: Annotated[str, Form()],
    password: Annotated[str, Form()], role: Annotated[Role, Form()],
) -> Response:  # fmt: skip
    users.add_user(db, username, password, role, by=session.user.username)
    return RedirectResponse("/users", status_code=303)


@router.post("/users/{username}/role")
def set_role(
    username: str, db: DbDep, session: AdminWriteDep, role: Annotated[Role, Form()],
    comment: Comment = "",
) -> Response:  # fmt: skip
    users.set_role(db, username, role, by=session.user.username, comment=comment)
    return RedirectResponse("/users", status_code=303)


@router.post("/users/{username}/disabled")
def set_disabled(
    username: str, db: DbDep, session: AdminWriteDep, disabled: Annotated[bool, Form()],
    comment: Comment = "",
) -> Response:  # fmt: skip
    users.set_disabled(db, username, disabled, by=session.user.username, comment=comment)
    return RedirectResponse("/users", status_code=303)


@router.post("/users/{username}/password")
def set_password(
    username: str, db: DbDep, session: AdminWriteDep, password: Annotated[str, Form()]
) -> Response:
    users.set_password(db, username, password, by=session.user.username)
    return RedirectResponse("/users", status_code=303)
