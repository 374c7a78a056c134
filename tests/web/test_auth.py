"""Signing in and out through the real form and the JSON API: the session cookie's flags, the
sign-in form's own CSRF token, safe redirects, and throttling that the form makes visible."""

from __future__ import annotations

import httpx
import pytest
from tests.web.browsing import PASSWORD, Site, csrf_of, serve, sign_in

from crosscheck.review import users
from crosscheck.web import create_app
from crosscheck.web.auth import safe_next

pytest_plugins = ["tests.web.server"]


def _form(client: httpx.Client, **fields: str) -> httpx.Response:
    token = csrf_of(client.get("/login").text)
    return client.post("/login", data={"csrf_token": token, "next": "", **fields})


def test_sign_in_page_redirects_anonymous_with_next(anonymous: httpx.Client) -> None:
    answer = anonymous.get("/incidents", params={"kind": "killed"})
    assert answer.status_code == 303
    assert answer.headers["location"] == "/login?next=%2Fincidents%3Fkind%3Dkilled"


@pytest.mark.parametrize("path", ["/incidents.json", "/api/incidents", "/api/me"])
def test_sign_in_json_answers_401_anonymous(anonymous: httpx.Client, path: str) -> None:
    answer = anonymous.get(path)
    assert answer.status_code == 401
    assert answer.json() == {"error": "sign in first"}


def test_sign_in_htmx_request_redirects_the_page(anonymous: httpx.Client) -> None:
    answer = anonymous.get("/incidents", headers={"HX-Request": "true"})
    assert answer.status_code == 401
    assert answer.headers["HX-Redirect"] == "/login?next=%2Fincidents"


def test_sign_in_sets_session_cookie_httponly_lax(site: Site) -> None:
    with httpx.Client(base_url=site.url) as client:
        answer = _form(client, username="viewer", password=PASSWORD)
    assert answer.status_code == 303
    cookie = answer.headers["set-cookie"].lower()
    assert "crosscheck_session=" in cookie
    assert "httponly" in cookie
    assert "samesite=lax" in cookie
    assert "secure" not in cookie


def test_sign_in_secure_cookies_when_configured(site: Site) -> None:
    """Both cookies are Secure; over plain HTTP a browser would not send them back, so the
    test sends the sign-in cookie itself."""
    with serve(create_app(site.db, secure_cookies=True)) as url, httpx.Client() as client:
        form = client.get(f"{url}/login")
        assert "secure" in form.headers["set-cookie"].lower()
        token = csrf_of(form.text)
        fields = {"username": "viewer", "password": PASSWORD, "csrf_token": token}
        answer = client.post(
            f"{url}/login", data=fields, headers={"Cookie": f"crosscheck_signin={token}"}
        )
    assert answer.status_code == 303
    session = [c for c in answer.headers.get_list("set-cookie") if "crosscheck_session=" in c]
    assert "secure" in session[0].lower()


def test_sign_in_goes_to_next_on_this_site_only(site: Site) -> None:
    with httpx.Client(base_url=site.url) as client:
        token = csrf_of(client.get("/login").text)
        fields = {"username": "viewer", "password": PASSWORD, "csrf_token": token}
        answer = client.post("/login", data={**fields, "next": "//evil.example/x"})
    assert answer.headers["location"] == "/dashboard"


@pytest.mark.parametrize(
    ("given", "expected"),
    [("/people?name=x", "/people?name=x"), ("//evil.example", "/dashboard"),
     ("https://evil.example", "/dashboard"), ("/\\evil.example", "/dashboard"),
     (None, "/dashboard")],
)  # fmt: skip
def test_safe_next_keeps_local_paths_only(given: str | None, expected: str) -> None:
    assert safe_next(given) == expected


def test_sign_in_wrong_password_shows_the_reason(site: Site) -> None:
    with httpx.Client(base_url=site.url) as client:
        answer = _form(client, username="viewer", password="not the password")
    assert answer.status_code == 401
    assert 'data-testid="sign-in-error"' in answer.text
    assert "wrong username or password" in answer.text


def test_sign_in_without_the_form_token_is_refused(site: Site) -> None:
    with httpx.Client(base_url=site.url) as client:
        client.get("/login")
        fields = {"username": "viewer", "password": PASSWORD, "csrf_token": "forged"}
        answer = client.post("/login", data=fields)
    assert answer.status_code == 403
    assert "crosscheck_session" not in answer.headers.get("set-cookie", "")


def test_sign_in_throttled_after_repeated_failures(site: Site) -> None:
    users.add_user(site.db, "throttled", PASSWORD, "viewer", by="tests")
    with httpx.Client(base_url=site.url) as client:
        for _ in range(users.USER_LIMIT):
            assert _form(client, username="throttled", password="wrong").status_code == 401
        answer = _form(client, username="throttled", password=PASSWORD)
    assert answer.status_code == 401
    assert "too many failed sign-ins: try again in" in answer.text


def test_sign_out_ends_the_session(site: Site) -> None:
    browser = sign_in(site.url, "viewer")
    answer = browser.client.post("/logout", data={"csrf_token": browser.csrf})
    assert answer.status_code == 303
    assert answer.headers["location"] == "/login"
    assert browser.client.get("/dashboard").status_code == 303
    browser.client.close()


def test_api_session_sign_in_me_and_sign_out(site: Site) -> None:
    with httpx.Client(base_url=site.url) as client:
        me = client.post("/api/session", json={"username": "analyst", "password": PASSWORD})
        assert me.status_code == 200
        token = me.json()["csrf_token"]
        assert client.get("/api/me").json() == {
            "username": "analyst", "role": "analyst", "csrf_token": token
        }  # fmt: skip
        assert client.delete("/api/session").status_code == 403  # no CSRF token
        assert client.delete("/api/session", headers={"X-CSRF-Token": token}).status_code == 204
        assert client.get("/api/me").status_code == 401


def test_api_session_wrong_password_is_401(site: Site) -> None:
    with httpx.Client(base_url=site.url) as client:
        answer = client.post("/api/session", json={"username": "analyst", "password": "nope"})
    assert answer.status_code == 401
    assert answer.json() == {"error": users.WRONG}


def test_api_session_refuses_a_form_post(site: Site) -> None:
    """A cross-site form can post urlencoded data, never application/json."""
    with httpx.Client(base_url=site.url) as client:
        answer = client.post("/api/session", data={"username": "analyst", "password": PASSWORD})
    assert answer.status_code in (403, 422)
    assert "crosscheck_session" not in answer.headers.get("set-cookie", "")
