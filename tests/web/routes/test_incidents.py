"""The incidents list with its filters and paging, and one incident's page."""

from __future__ import annotations

import re

from tests.web.browsing import Browser, Ids, Site

from crosscheck.review import claims

pytest_plugins = ["tests.web.server"]


def _ids(html: str) -> list[str]:
    return re.findall(r'data-testid="incident-row" data-id="([0-9a-f]+)"', html)


def test_incidents_lists_all_newest_first(browsers: dict[str, Browser], site: Site) -> None:
    page = browsers["viewer"].client.get("/incidents")
    assert page.status_code == 200
    assert _ids(page.text) == [i["id"] for i in site.db.incidents()]


def test_incidents_json_twin_and_api_agree(browsers: dict[str, Browser]) -> None:
    client = browsers["viewer"].client
    twin = client.get("/incidents.json", params={"kind": "killed"}).json()
    assert twin == client.get("/api/incidents", params={"kind": "killed"}).json()
    assert twin["filter"]["kind"] == "killed"
    assert all("killed" in row["kinds"] for row in twin["incidents"])


def test_incidents_filter_by_place_and_sources(browsers: dict[str, Browser], site: Site) -> None:
    client = browsers["viewer"].client
    rows = client.get("/incidents.json", params={"place": "sukha"}).json()["incidents"]
    assert [r["place"] for r in rows] == ["Sukha Balka"]
    most = max(i["corroboration"]["independent_sources"] for i in site.db.incidents())
    rows = client.get("/incidents.json", params={"min_sources": most}).json()["incidents"]
    assert rows and all(r["sources"] == most for r in rows)


def test_incidents_filter_by_dates(browsers: dict[str, Browser], site: Site) -> None:
    client = browsers["viewer"].client
    everything = site.db.incidents()
    starts = sorted(i["time"]["start"][:10] for i in everything if i["time"])
    rows = client.get("/incidents.json", params={"until": starts[0]}).json()["incidents"]
    assert rows and all(r["time"]["start"][:10] <= starts[0] for r in rows)
    assert len(rows) < len(everything)
    assert client.get("/incidents.json", params={"since": "2100-01-01"}).json()["incidents"] == []


def test_incidents_filter_by_review_status(
    browsers: dict[str, Browser], site: Site, ids: Ids
) -> None:
    from crosscheck.review import actions

    view = claims.claims(site.db, incident_id=ids.other_incident, limit=1)[0]
    actions.review_claim(site.db, view.id, "rejected", comment="filter test", user="tests")
    try:
        rows = browsers["viewer"].client.get("/incidents.json", params={"status": "rejected"})
        assert [r["id"] for r in rows.json()["incidents"]] == [ids.other_incident]
    finally:
        actions.review_claim(site.db, view.id, "unreviewed", comment="undo", user="tests")


def test_incidents_empty_form_fields_mean_any(browsers: dict[str, Browser], site: Site) -> None:
    params = {"since": "", "until": "", "place": "", "kind": "", "status": "", "min_sources": ""}
    page = browsers["viewer"].client.get("/incidents", params=params)
    assert len(_ids(page.text)) == len(site.db.incidents())


def test_incidents_pages_with_limit_and_offset(browsers: dict[str, Browser], site: Site) -> None:
    client = browsers["viewer"].client
    everything = [i["id"] for i in site.db.incidents()]
    first = client.get("/incidents", params={"limit": 2})
    assert _ids(first.text) == everything[:2]
    assert 'data-testid="page-next"' in first.text
    second = client.get("/incidents.json", params={"limit": 2, "offset": 2}).json()
    assert [r["id"] for r in second["incidents"]] == everything[2:4]
    assert second["more"] == (len(everything) > 4)


def test_incidents_htmx_gets_the_rows_fragment(browsers: dict[str, Browser]) -> None:
    answer = browsers["viewer"].client.get("/incidents", headers={"HX-Request": "true"})
    assert answer.status_code == 200
    assert "<html" not in answer.text
    assert 'id="incident-table"' in answer.text


def test_incidents_export_links_carry_the_filter(browsers: dict[str, Browser]) -> None:
    page = browsers["viewer"].client.get("/incidents", params={"kind": "killed", "limit": 5})
    assert 'href="/exports/incidents.csv?kind=killed"' in page.text
    assert 'href="/exports/incidents.html?kind=killed"' in page.text
    assert "limit=5" not in page.text.split('data-testid="incident-exports"')[1]


def test_incident_page_shows_ledger_estimates_origins_map(
    browsers: dict[str, Browser], site: Site, ids: Ids
) -> None:
    summary = site.db.incident(ids.incident)
    page = browsers["viewer"].client.get(f"/incidents/{ids.incident}")
    assert page.status_code == 200
    assert page.text.count('data-testid="ledger-row"') == len(summary["claims"])
    assert (
        page.text.count('data-testid="origin"') == summary["corroboration"]["independent_sources"]
    )
    for kind, estimate in summary["estimates"].items():
        assert f'data-testid="figures-{kind}"' in page.text
        assert page.text.count('data-testid="figure-row"') >= len(estimate["figures"])
    assert "Rule: one figure per independent claimant" in page.text
    assert 'class="cc-map"' in page.text
    assert f'href="/exports/incidents/{ids.incident}/evidence.zip"' in page.text


def test_incident_page_puts_copies_under_their_original(
    browsers: dict[str, Browser], ids: Ids
) -> None:
    page = browsers["viewer"].client.get(f"/incidents/{ids.copied}").text
    original = page.index(f'data-testid="origin-document" data-id="{ids.original}"')
    copy = page.index(f'data-testid="copy" data-id="{ids.copy}"')
    assert original < copy < page.index("</li>", page.index("</ul>", copy))
    assert f'data-testid="origin-document" data-id="{ids.copy}"' not in page


def test_incident_json_twin_has_reviews_and_grades(browsers: dict[str, Browser], ids: Ids) -> None:
    client = browsers["viewer"].client
    data = client.get(f"/incidents/{ids.incident}.json").json()
    assert data == client.get(f"/api/incidents/{ids.incident}").json()
    assert all(row["review"]["status"] for row in data["incident"]["claims"])
    assert {row["id"] for row in data["incident"]["claims"]} >= {ids.claim}


def test_incident_found_by_a_document_id(browsers: dict[str, Browser], ids: Ids) -> None:
    data = browsers["viewer"].client.get(f"/incidents/{ids.copy}.json").json()
    assert data["incident"]["id"] == ids.copied


def test_incident_page_review_forms_for_analysts_only(
    browsers: dict[str, Browser], ids: Ids
) -> None:
    viewer = browsers["viewer"].client.get(f"/incidents/{ids.incident}").text
    analyst = browsers["analyst"].client.get(f"/incidents/{ids.incident}").text
    for form in ("claim-status-form", "merge-form", "split-form", "source-grade-form"):
        assert f'data-testid="{form}"' in analyst
        assert f'data-testid="{form}"' not in viewer
