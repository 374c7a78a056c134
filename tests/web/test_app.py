"""The app as a whole: security headers, static files, OpenAPI, error answers, and pages that
carry no inline script or style (the Content-Security-Policy would block them)."""

from __future__ import annotations

import re

import httpx
import pytest
from tests.web.browsing import Browser, Ids, Site

from crosscheck.web.app import SECURITY_HEADERS

pytest_plugins = ["tests.web.server"]

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)


@pytest.mark.parametrize(
    "path", ["/login", "/dashboard", "/api/incidents", "/static/app.css", "/nowhere"]
)
def test_security_headers_on_every_response(anonymous: httpx.Client, path: str) -> None:
    answer = anonymous.get(path)
    assert answer.headers["content-security-policy"] == CSP
    assert answer.headers["x-content-type-options"] == "nosniff"
    assert answer.headers["referrer-policy"] == "no-referrer"
    assert SECURITY_HEADERS["content-security-policy"] == CSP


def test_security_headers_pages_not_cached_static_files_may_be(
    browsers: dict[str, Browser],
) -> None:
    client = browsers["viewer"].client
    assert client.get("/dashboard").headers["cache-control"] == "no-store"
    assert "cache-control" not in client.get("/static/app.css").headers


def test_static_serves_vendored_htmx(anonymous: httpx.Client) -> None:
    answer = anonymous.get("/static/htmx.min.js")
    assert answer.status_code == 200
    assert "htmx" in answer.text[:200]


def test_openapi_documents_the_api_without_cdn_docs(anonymous: httpx.Client) -> None:
    spec = anonymous.get("/openapi.json").json()
    assert {"/api/incidents", "/api/incidents/{incident_id}", "/api/documents",
            "/api/people/{person_id}", "/api/claims/{claim_id}/status", "/api/decisions",
            "/api/audit", "/api/session", "/api/me"} <= set(spec["paths"])  # fmt: skip
    assert not any(path.endswith(".json") and path != "/openapi.json" for path in spec["paths"])
    assert anonymous.get("/docs").status_code == 404
    assert anonymous.get("/redoc").status_code == 404


@pytest.mark.parametrize(
    "path", ["/dashboard", "/incidents", "/documents?q=Tykhovoda", "/people", "/review"]
)
def test_pages_have_no_inline_script_or_style(browsers: dict[str, Browser], path: str) -> None:
    html = browsers["analyst"].client.get(path).text
    assert re.findall(r"<script(?![^>]*\ssrc=)[^>]*>", html) == []
    assert re.search(r"<[^>]+\sstyle=", html) is None
    assert re.search(r"<[^>]+\son[a-z]+=", html) is None
    assert "<style" not in html


def test_errors_not_found_page_and_json(browsers: dict[str, Browser]) -> None:
    client = browsers["viewer"].client
    page = client.get("/incidents/ffffffffffffffff")
    assert page.status_code == 404
    assert 'data-testid="error"' in page.text
    assert client.get("/incidents/ffffffffffffffff.json").json() == {
        "error": "no incident with id 'ffffffffffffffff'"
    }


def test_errors_bad_value_is_400(browsers: dict[str, Browser]) -> None:
    client = browsers["viewer"].client
    answer = client.get("/incidents.json", params={"kind": "tea"})
    assert answer.status_code == 400
    assert "unknown claim kind 'tea'" in answer.json()["error"]


def test_errors_bad_query_on_a_page_is_a_page(browsers: dict[str, Browser]) -> None:
    answer = browsers["viewer"].client.get("/incidents", params={"since": "yesterday"})
    assert answer.status_code == 400
    assert "text/html" in answer.headers["content-type"]
    assert "since" in answer.text


def test_root_redirects_to_dashboard(browsers: dict[str, Browser], site: Site) -> None:
    answer = browsers["viewer"].client.get("/")
    assert answer.status_code == 303
    assert answer.headers["location"] == "/dashboard"


PAGES = [
    "/dashboard", "/incidents", "/incidents/{incident}", "/documents", "/documents?q=Tykhovoda",
    "/documents/{document}", "/documents/{subtitles}", "/people", "/people/{person}", "/review",
    "/review/people", "/claims/{claim}", "/sources", "/audit", "/exports",
]  # fmt: skip


@pytest.mark.parametrize("role", ["viewer", "analyst", "admin"])
def test_every_page_and_its_twin_for_every_role(
    browsers: dict[str, Browser], ids: Ids, site: Site, role: str
) -> None:
    client = browsers[role].client
    names = {"incident": ids.incident, "document": site.hostile_document,
             "subtitles": ids.subtitles, "person": ids.person, "claim": ids.claim}  # fmt: skip
    for template in PAGES:
        path = template.format(**names)
        page = client.get(path)
        assert page.status_code == 200, path
        assert page.headers["content-type"] == "text/html; charset=utf-8"
        assert f'data-testid="current-user">{role} ({role})<' in page.text
        base, _, query = path.partition("?")
        twin = client.get(f"{base}.json" + (f"?{query}" if query else ""))
        assert twin.status_code == 200, path
        assert twin.headers["content-type"] == "application/json"
    users_page = client.get("/users")
    assert users_page.status_code == (200 if role == "admin" else 403)
    assert ('data-testid="nav-users"' in users_page.text) == (role == "admin")
