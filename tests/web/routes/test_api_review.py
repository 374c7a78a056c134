"""Review actions through the JSON API: the session cookie plus ``X-CSRF-Token``."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

import httpx
import pytest
from tests.web.browsing import Browser, Ids, Site

from crosscheck.review import actions, audit, claims

pytest_plugins = ["tests.web.server"]


@pytest.fixture
def claim_id(site: Site, ids: Ids) -> Iterator[str]:
    view = claims.claims(site.db, incident_id=ids.other_incident, limit=4)[-1]
    yield view.id
    actions.review_claim(site.db, view.id, "unreviewed", comment="reset", user="tests")


def _post(browser: Browser, path: str, body: Mapping[str, object]) -> httpx.Response:
    return browser.client.post(path, json=body, headers={"X-CSRF-Token": browser.csrf})


def test_api_review_claim_status_and_credibility(
    browsers: dict[str, Browser], site: Site, claim_id: str
) -> None:
    analyst = browsers["analyst"]
    answer = _post(analyst, f"/api/claims/{claim_id}/status",
                   {"status": "verified", "comment": "seen the footage"})  # fmt: skip
    assert answer.status_code == 200
    assert answer.json()["status"] == "verified"
    assert answer.json()["reviewed_by"] == "analyst"
    graded = _post(analyst, f"/api/claims/{claim_id}/credibility",
                   {"credibility": 3, "comment": "one source"})  # fmt: skip
    assert graded.json()["credibility"] == 3
    assert claims.claim(site.db, claim_id).to_json() == graded.json()
    entry = audit.audit_log(site.db, target_id=claim_id, limit=1)[0]
    assert entry.action == "grade_claim"


def test_api_review_validation(browsers: dict[str, Browser], claim_id: str) -> None:
    analyst = browsers["analyst"]
    path = f"/api/claims/{claim_id}/credibility"
    assert _post(analyst, path, {"credibility": 9, "comment": "x"}).status_code == 422
    empty = _post(analyst, path, {"credibility": 2, "comment": " "})
    assert empty.status_code == 400
    assert empty.json() == {"error": "a change needs a comment saying why"}
    assert _post(analyst, "/api/claims/nope/status", {"status": "verified", "comment": "x"}).json()


def test_api_review_source_grade(browsers: dict[str, Browser], site: Site, ids: Ids) -> None:
    body = {"source": ids.source, "reliability": "d", "comment": "often wrong"}
    answer = _post(browsers["admin"], "/api/sources/grade", body)
    assert answer.status_code == 200
    assert answer.json()["reliability"] == "D"
    assert answer.json()["updated_by"] == "admin"


def test_api_review_decide_and_undo(browsers: dict[str, Browser], site: Site, ids: Ids) -> None:
    body = {"kind": "incident", "a": ids.other_incident, "b": ids.incident,
            "comment": "same strike"}  # fmt: skip
    merged = _post(browsers["analyst"], "/api/decisions", {**body, "same": True})
    assert merged.status_code == 200
    assert merged.json()["now"] == f"/incidents/{site.db.incident(ids.incident)['id']}"
    undone = _post(browsers["analyst"], "/api/decisions/undo", body)
    assert undone.status_code == 200
    assert site.db.incident(ids.other_incident)["id"] != site.db.incident(ids.incident)["id"]


def test_api_review_needs_the_csrf_header(browsers: dict[str, Browser], claim_id: str) -> None:
    client = browsers["analyst"].client
    body = {"status": "verified", "comment": "x"}
    assert client.post(f"/api/claims/{claim_id}/status", json=body).status_code == 403
    wrong = client.post(
        f"/api/claims/{claim_id}/status", json=body, headers={"X-CSRF-Token": "forged"}
    )
    assert wrong.status_code == 403
    assert wrong.json() == {"error": "missing or wrong CSRF token: reload the page and try again"}
