"""The review pages: the claims queue, the merge-review queue, a claim, the sources."""

from __future__ import annotations

import re

from tests.web.browsing import Browser, Ids, Site

from crosscheck.review import claims

pytest_plugins = ["tests.web.server"]


def test_review_queue_lists_unreviewed_claims(browsers: dict[str, Browser], site: Site) -> None:
    page = browsers["analyst"].client.get("/review", params={"limit": 5})
    found = re.findall(r'data-testid="review-claim" data-claim-id="([^"]+)"', page.text)
    assert found == [v.id for v in claims.claims(site.db, status="unreviewed", limit=5)]
    sizes = claims.queue_sizes(site.db)
    assert f'data-testid="queue-unreviewed">{sizes["claims_unreviewed"]}<' in page.text
    assert 'data-testid="claim-status-form"' in page.text


def test_review_queue_twin_filters_and_pages(browsers: dict[str, Browser], site: Site) -> None:
    client = browsers["viewer"].client
    params: dict[str, str | int] = {"kind": "killed", "limit": 2, "offset": 1}
    data = client.get("/review.json", params=params).json()
    assert data == client.get("/api/review/claims", params=params).json()
    expected = claims.claims(site.db, status="unreviewed", kind="killed", limit=2, offset=1)
    assert [c["id"] for c in data["claims"]] == [v.id for v in expected]
    fragment = client.get("/review", params=params, headers={"HX-Request": "true"})
    assert "<html" not in fragment.text
    assert client.get("/review.json", params={"status": "maybe"}).status_code == 422


def test_review_people_lists_candidates(browsers: dict[str, Browser], site: Site) -> None:
    client = browsers["analyst"].client
    page = client.get("/review/people")
    candidates = claims.person_candidates(site.db)
    assert page.text.count('data-testid="candidate-row"') == len(candidates) > 0
    assert page.text.count('data-testid="person-decision-form"') == len(candidates)
    data = client.get("/review/people.json").json()
    assert data == client.get("/api/review/people").json()
    assert data["candidates"][0] == candidates[0].to_json()


def test_claim_page_and_twin(browsers: dict[str, Browser], site: Site, ids: Ids) -> None:
    client = browsers["viewer"].client
    page = client.get(f"/claims/{ids.claim}")
    assert page.status_code == 200
    assert claims.claim(site.db, ids.claim).text in page.text
    data = client.get(f"/claims/{ids.claim}.json").json()
    assert data == client.get(f"/api/claims/{ids.claim}").json()
    assert data["claim"]["id"] == ids.claim
    assert client.get("/claims/ffff:1-2:killed").status_code == 404


def test_sources_lists_outlets_with_grades(browsers: dict[str, Browser], site: Site) -> None:
    client = browsers["analyst"].client
    data = client.get("/sources.json").json()
    assert data == client.get("/api/sources").json()
    named = {s for s in site.db.counts_by("source") if s}
    assert {row["source"] for row in data["sources"]} == named
    page = client.get("/sources").text
    assert page.count('data-testid="source-row"') == len(named)
    assert page.count('data-testid="source-grade-form"') == len(named)
