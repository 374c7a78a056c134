"""The read API: the same data as the pages' JSON twins (those are compared in each page's
tests), plus what only the API offers: claims with filters."""

from __future__ import annotations

import pytest
from tests.web.browsing import Browser, Ids, Site

from crosscheck.review import claims

pytest_plugins = ["tests.web.server"]


def test_api_claims_filters(browsers: dict[str, Browser], site: Site, ids: Ids) -> None:
    client = browsers["viewer"].client
    found = client.get("/api/claims", params={"incident_id": ids.incident, "limit": 500}).json()
    expected = claims.claims(site.db, incident_id=ids.incident, limit=500)
    assert found == [view.to_json() for view in expected]
    killed = client.get("/api/claims", params={"kind": "killed", "limit": 3, "offset": 1}).json()
    assert [c["id"] for c in killed] == [
        v.id for v in claims.claims(site.db, kind="killed", limit=3, offset=1)
    ]
    by_document = client.get("/api/claims", params={"document_id": ids.copy}).json()
    assert {c["document_id"] for c in by_document} == {ids.copy}


@pytest.mark.parametrize(
    "params", [{"status": "maybe"}, {"limit": 0}, {"offset": -1}, {"kind": "tea"}]
)
def test_api_claims_bad_filters(browsers: dict[str, Browser], params: dict[str, str | int]) -> None:
    answer = browsers["viewer"].client.get("/api/claims", params=params)
    assert answer.status_code in (400, 422)
    assert answer.headers["content-type"] == "application/json"


@pytest.mark.parametrize(
    "path",
    ["/api/dashboard", "/api/incidents", "/api/documents?q=Tykhovoda", "/api/people",
     "/api/claims", "/api/review/claims", "/api/review/people", "/api/sources", "/api/audit"],
)  # fmt: skip
def test_api_reads_for_every_role(browsers: dict[str, Browser], path: str) -> None:
    for browser in browsers.values():
        answer = browser.client.get(path)
        assert answer.status_code == 200
        assert answer.headers["content-type"] == "application/json"


def test_api_users_for_admins_only(browsers: dict[str, Browser]) -> None:
    assert browsers["admin"].client.get("/api/users").status_code == 200
    assert browsers["analyst"].client.get("/api/users").status_code == 403
    assert browsers["viewer"].client.get("/api/users").json() == {
        "error": "role viewer may not administer"
    }
