"""The authorization matrix: every state-changing route, for every role and for nobody signed
in, and every one of them without and with a wrong CSRF token.

Refused: a page's form answers 303 to the sign-in form (nobody signed in) or 403 (role too
low); the API answers 401 or 403. Allowed: a form answers 303 to where it goes next, the API
200 or 204. A refused request changes nothing: no audit row is written.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
from tests.web.browsing import PASSWORD, Browser, Ids, Site, sign_in

from crosscheck.errors import NotFoundError
from crosscheck.review import actions, audit, users

pytest_plugins = ["tests.web.server"]

TARGET = "matrix-target"  # the account the user routes change
ROLES = ("anonymous", "viewer", "analyst", "admin")


@dataclass(frozen=True)
class Route:
    """A state-changing route: what it needs, and a request that succeeds when allowed."""

    method: str
    path: str
    needs: str  # "review" or "admin"
    fields: Callable[[Ids, str], dict[str, Any]]  # (ids, role) -> form fields or JSON body
    before: Callable[[Site, Ids], None] = field(default=lambda site, ids: None)
    api: bool = False

    def url(self, ids: Ids) -> str:
        return self.path.format(claim=ids.claim, user=TARGET)


def _decided(site: Site, ids: Ids) -> None:
    actions.decide(site.db, "incident", ids.other_incident, ids.incident, same=False,
                   comment="matrix", user="tests")  # fmt: skip


def _decision(ids: Ids, role: str) -> dict[str, Any]:
    return {"kind": "incident", "a": ids.other_incident, "b": ids.incident, "comment": "matrix"}


ROUTES = {
    "claim status": Route("POST", "/claims/{claim}/status", "review",
                          lambda ids, role: {"status": "unreviewed", "comment": "matrix"}),
    "claim credibility": Route("POST", "/claims/{claim}/credibility", "review",
                               lambda ids, role: {"credibility": 6, "comment": "matrix"}),
    "source grade": Route("POST", "/sources/grade", "review", lambda ids, role: {
        "source": ids.source, "reliability": "F", "comment": "matrix"}),
    "decide": Route("POST", "/decisions", "review",
                    lambda ids, role: {**_decision(ids, role), "verdict": "different"}),
    "undo decision": Route("POST", "/decisions/undo", "review", _decision, before=_decided),
    "add user": Route("POST", "/users", "admin", lambda ids, role: {
        "username": f"matrix-{role}", "password": PASSWORD, "role": "viewer"}),
    "user role": Route("POST", "/users/{user}/role", "admin",
                       lambda ids, role: {"role": "viewer", "comment": "matrix"}),
    "user disabled": Route("POST", "/users/{user}/disabled", "admin",
                           lambda ids, role: {"disabled": "false", "comment": "matrix"}),
    "user password": Route("POST", "/users/{user}/password", "admin",
                           lambda ids, role: {"password": PASSWORD}),
    "api claim status": Route("POST", "/api/claims/{claim}/status", "review",
                              lambda ids, role: {"status": "unreviewed", "comment": "matrix"},
                              api=True),
    "api claim credibility": Route("POST", "/api/claims/{claim}/credibility", "review",
                                   lambda ids, role: {"credibility": 6, "comment": "matrix"},
                                   api=True),
    "api source grade": Route("POST", "/api/sources/grade", "review", lambda ids, role: {
        "source": ids.source, "reliability": "F", "comment": "matrix"}, api=True),
    "api decide": Route("POST", "/api/decisions", "review",
                        lambda ids, role: {**_decision(ids, role), "same": False}, api=True),
    "api undo decision": Route("POST", "/api/decisions/undo", "review", _decision,
                               before=_decided, api=True),
}  # fmt: skip


@pytest.fixture(scope="module", autouse=True)
def target(site: Site) -> None:
    users.add_user(site.db, TARGET, PASSWORD, "viewer", by="tests")


@pytest.fixture(autouse=True)
def no_decision_left(site: Site, ids: Ids) -> None:
    """Each case starts without the matrix's decision between the two incidents."""
    with suppress(NotFoundError):
        actions.undo_decision(site.db, "incident", ids.other_incident, ids.incident,
                              comment="matrix reset", user="tests")  # fmt: skip


def _send(
    client: httpx.Client, route: Route, ids: Ids, role: str, token: str | None
) -> httpx.Response:
    body = route.fields(ids, role)
    if route.api:
        headers = {"X-CSRF-Token": token} if token is not None else {}
        return client.request(route.method, route.url(ids), json=body, headers=headers)
    form = {**body, **({"csrf_token": token} if token is not None else {})}
    return client.request(route.method, route.url(ids), data=form)


def _newest_audit(site: Site) -> int:
    return audit.audit_log(site.db, limit=1)[0].id


def _allowed(route: Route, role: str) -> bool:
    return role == "admin" or (role == "analyst" and route.needs == "review")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", list(ROUTES))
def test_authorization_matrix(
    name: str, role: str, site: Site, ids: Ids, browsers: dict[str, Browser],
    anonymous: httpx.Client,
) -> None:  # fmt: skip
    route = ROUTES[name]
    route.before(site, ids)
    before = _newest_audit(site)
    if role == "anonymous":
        answer = _send(anonymous, route, ids, role, None)
        if route.api:
            assert answer.status_code == 401
        else:
            assert answer.status_code == 303
            assert answer.headers["location"] == "/login"
    else:
        browser = browsers[role]
        answer = _send(browser.client, route, ids, role, browser.csrf)
        if _allowed(route, role):
            assert answer.status_code == (200 if route.api else 303), answer.text
            assert not answer.headers.get("location", "").startswith("/login")
            assert _newest_audit(site) > before
            return
        assert answer.status_code == 403
    assert _newest_audit(site) == before


@pytest.mark.parametrize("token", [None, "forged"])
@pytest.mark.parametrize("name", list(ROUTES))
def test_authorization_csrf_token_required(
    name: str, token: str | None, site: Site, ids: Ids, browsers: dict[str, Browser]
) -> None:
    """Even an admin, who may do everything, is refused without the session's token."""
    route = ROUTES[name]
    route.before(site, ids)
    before = _newest_audit(site)
    answer = _send(browsers["admin"].client, route, ids, "admin", token)
    assert answer.status_code == 403
    assert "CSRF" in answer.text
    assert _newest_audit(site) == before


@pytest.mark.parametrize("api", [False, True])
def test_authorization_sign_out_needs_the_token(site: Site, api: bool) -> None:
    """Signing out changes state too: without the token it is refused and the session stays."""
    browser = sign_in(site.url, "viewer")
    method, path = ("DELETE", "/api/session") if api else ("POST", "/logout")
    assert browser.client.request(method, path).status_code == 403
    assert browser.client.get("/api/me").status_code == 200
    if api:
        answer = browser.client.delete(path, headers={"X-CSRF-Token": browser.csrf})
        assert answer.status_code == 204
    else:
        answer = browser.client.post(path, data={"csrf_token": browser.csrf})
        assert answer.status_code == 303
    assert browser.client.get("/api/me").status_code == 401
    browser.client.close()


@pytest.mark.parametrize(("method", "path"), [("POST", "/logout"), ("DELETE", "/api/session")])
def test_authorization_sign_out_anonymous(anonymous: httpx.Client, method: str, path: str) -> None:
    answer = anonymous.request(method, path)
    assert answer.status_code == (401 if path.startswith("/api/") else 303)


@pytest.mark.parametrize("path", ["/users", "/users.json", "/api/users"])
def test_authorization_user_admin_pages_need_admin(browsers: dict[str, Browser], path: str) -> None:
    assert browsers["admin"].client.get(path).status_code == 200
    for role in ("viewer", "analyst"):
        assert browsers[role].client.get(path).status_code == 403
