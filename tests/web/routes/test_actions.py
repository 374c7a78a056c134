"""Review actions through the pages' forms: plain posts redirect back, htmx posts get the
changed fragment, an empty comment changes nothing, and every change is in the audit log."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from tests.web.browsing import Browser, Ids, Site

from crosscheck.review import audit, claims

pytest_plugins = ["tests.web.server"]


@pytest.fixture
def claim_id(site: Site, ids: Ids) -> Iterator[str]:
    """A claim of the second incident, put back to unreviewed afterwards."""
    from crosscheck.review import actions

    view = claims.claims(site.db, incident_id=ids.other_incident, limit=3)[-1]
    yield view.id
    actions.review_claim(site.db, view.id, "unreviewed", comment="reset", user="tests")


def _post(browser: Browser, path: str, **fields: str) -> httpx.Response:
    """A plain form post, as without JavaScript."""
    return browser.client.post(path, data={"csrf_token": browser.csrf, **fields})


def _htmx(browser: Browser, path: str, **fields: str) -> httpx.Response:
    """The same post as htmx sends it."""
    data = {"csrf_token": browser.csrf, **fields}
    return browser.client.post(path, data=data, headers={"HX-Request": "true"})


def test_claim_status_form_redirects_back_and_logs(
    browsers: dict[str, Browser], site: Site, claim_id: str
) -> None:
    analyst = browsers["analyst"]
    answer = _post(analyst, f"/claims/{claim_id}/status", status="verified",
                   comment="matches the video", next="/review?status=verified")  # fmt: skip
    assert answer.status_code == 303
    assert answer.headers["location"] == "/review?status=verified"
    assert claims.claim(site.db, claim_id).status == "verified"
    entry = audit.audit_log(site.db, target_kind="claim", target_id=claim_id, limit=1)[0]
    assert (entry.username, entry.action, entry.comment) == (
        "analyst", "review", "matches the video"
    )  # fmt: skip
    assert ("status", "unreviewed", "verified") in entry.diff
    page = analyst.client.get(f"/claims/{claim_id}").text
    assert 'data-testid="claim-status">verified<' in page
    assert "matches the video" in page


def test_claim_status_htmx_gets_the_fragment(browsers: dict[str, Browser], claim_id: str) -> None:
    answer = _htmx(browsers["analyst"], f"/claims/{claim_id}/status", status="disputed",
                   comment="17 against 5")  # fmt: skip
    assert answer.status_code == 200
    assert "<html" not in answer.text
    assert 'class="claim-review"' in answer.text
    assert 'data-testid="claim-status">disputed<' in answer.text


def test_claim_status_needs_a_comment(
    browsers: dict[str, Browser], site: Site, claim_id: str
) -> None:
    answer = _post(browsers["analyst"], f"/claims/{claim_id}/status", status="rejected",
                   comment="  ")  # fmt: skip
    assert answer.status_code == 400
    assert "needs a comment" in answer.text
    assert claims.claim(site.db, claim_id).status == "unreviewed"
    htmx = _htmx(browsers["analyst"], f"/claims/{claim_id}/status", status="rejected")
    assert htmx.status_code == 400
    assert htmx.headers["HX-Retarget"] == "#messages"


def test_claim_status_unknown_value_is_400(browsers: dict[str, Browser], claim_id: str) -> None:
    answer = _post(browsers["analyst"], f"/claims/{claim_id}/status", status="true", comment="x")
    assert answer.status_code == 400


def test_claim_credibility_form(browsers: dict[str, Browser], site: Site, claim_id: str) -> None:
    answer = _post(browsers["admin"], f"/claims/{claim_id}/credibility", credibility="2",
                   comment="two outlets agree")  # fmt: skip
    assert answer.status_code == 303
    assert claims.claim(site.db, claim_id).credibility == 2
    bad = _post(browsers["admin"], f"/claims/{claim_id}/credibility", credibility="7", comment="x")
    assert bad.status_code == 400
    assert claims.claim(site.db, claim_id).credibility == 2


def test_source_grade_form_and_htmx(browsers: dict[str, Browser], site: Site, ids: Ids) -> None:
    from crosscheck.review import actions

    answer = _post(browsers["analyst"], "/sources/grade", source=ids.source, reliability="B",
                   comment="long record", next=f"/incidents/{ids.incident}")  # fmt: skip
    assert answer.status_code == 303
    assert answer.headers["location"] == f"/incidents/{ids.incident}"
    htmx = _htmx(browsers["analyst"], "/sources/grade", source=ids.source, reliability="c",
                 comment="one retraction")  # fmt: skip
    assert 'data-testid="source-reliability">C<' in htmx.text
    grades = {g.source: g.reliability for g in actions.source_grades(site.db)}
    assert grades[ids.source] == "C"
    unknown = _post(browsers["analyst"], "/sources/grade", source="Nobody", reliability="A",
                    comment="x")  # fmt: skip
    assert unknown.status_code == 404


def test_incident_merge_and_undo(browsers: dict[str, Browser], site: Site, ids: Ids) -> None:
    analyst = browsers["analyst"]
    fields = {"kind": "incident", "a": ids.other_incident, "b": ids.incident}
    answer = _post(analyst, "/decisions", verdict="same", comment="same strike", **fields)
    assert answer.status_code == 303
    merged = site.db.incident(ids.incident)["id"]
    assert site.db.incident(ids.other_incident)["id"] == merged
    assert answer.headers["location"] == f"/incidents/{merged}"
    entry = audit.audit_log(site.db, target_kind="incident", limit=1)[0]
    assert (entry.action, entry.username) == ("merge", "analyst")
    undo = _post(analyst, "/decisions/undo", comment="too hasty", **fields)
    assert undo.status_code == 303
    assert site.db.incident(ids.other_incident)["id"] != site.db.incident(ids.incident)["id"]


def test_incident_split_and_undo(browsers: dict[str, Browser], site: Site, ids: Ids) -> None:
    analyst = browsers["analyst"]
    fields = {"kind": "incident", "a": ids.copy, "b": ids.copied}
    answer = _post(analyst, "/decisions", verdict="different", comment="other day", **fields)
    assert answer.status_code == 303
    summary = site.db.incident(ids.copied)
    assert ids.copy not in {d["id"] for d in summary["documents"]}
    _post(analyst, "/decisions/undo", comment="same day after all", **fields)
    assert ids.copy in {d["id"] for d in site.db.incident(ids.copied)["documents"]}


def test_person_merge_from_the_queue_and_undo(browsers: dict[str, Browser], site: Site) -> None:
    candidate = claims.person_candidates(site.db, limit=1)[0]
    fields = {"kind": "person", "a": candidate.a, "b": candidate.b}
    answer = _post(browsers["analyst"], "/decisions", verdict="same", comment="same unit",
                   **fields)  # fmt: skip
    assert answer.status_code == 303
    assert site.db.person(candidate.a)["id"] == site.db.person(candidate.b)["id"]
    assert answer.headers["location"] == f"/people/{site.db.person(candidate.a)['id']}"
    _post(browsers["analyst"], "/decisions/undo", comment="not sure", **fields)
    assert site.db.person(candidate.a)["id"] != site.db.person(candidate.b)["id"]


def test_decision_needs_a_comment_and_known_ids(browsers: dict[str, Browser], ids: Ids) -> None:
    fields = {"kind": "incident", "a": ids.other_incident, "b": ids.incident, "verdict": "same"}
    assert _post(browsers["analyst"], "/decisions", comment="", **fields).status_code == 400
    unknown = {**fields, "a": "ffffffffffffffff"}
    assert _post(browsers["analyst"], "/decisions", comment="x", **unknown).status_code == 404
