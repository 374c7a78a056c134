"""The audit log page: who changed what, when, why, with the diff; filters and paging."""

from __future__ import annotations

import re

from tests.web.browsing import Browser, Ids, Site

from crosscheck.review import actions, audit, claims

pytest_plugins = ["tests.web.server"]


def _changes(site: Site, ids: Ids) -> list[str]:
    """Two changes by "auditor" to one claim of the second incident; the claim's id."""
    view = claims.claims(site.db, incident_id=ids.other_incident, limit=2)[-1]
    actions.review_claim(site.db, view.id, "disputed", comment="<b>two</b> figures", user="auditor")
    actions.review_claim(site.db, view.id, "unreviewed", comment="reopened", user="auditor")
    return [view.id]


def test_audit_page_shows_who_what_when_and_diff(
    browsers: dict[str, Browser], site: Site, ids: Ids
) -> None:
    [claim_id] = _changes(site, ids)
    page = browsers["viewer"].client.get("/audit", params={"username": "auditor"}).text
    assert page.count('data-testid="audit-row"') >= 2
    assert "&lt;b&gt;two&lt;/b&gt; figures" in page
    assert '<del>"unreviewed"</del> → <ins>"disputed"</ins>' in page
    assert claim_id in page


def test_audit_twin_filters_and_pages_back(
    browsers: dict[str, Browser], site: Site, ids: Ids
) -> None:
    _changes(site, ids)
    client = browsers["viewer"].client
    params: dict[str, str | int] = {"username": "auditor", "target_kind": "claim", "limit": 1}
    first = client.get("/audit.json", params=params).json()
    assert first == client.get("/api/audit", params=params).json()
    newest = audit.audit_log(site.db, username="auditor", limit=2)
    assert [e["id"] for e in first["entries"]] == [newest[0].id]
    assert first["older"] == newest[0].id
    second = client.get("/audit.json", params={**params, "before_id": first["older"]}).json()
    assert [e["id"] for e in second["entries"]] == [newest[1].id]
    assert second["entries"][0]["diff"] == [["status", "unreviewed", "disputed"]]
    page = client.get("/audit", params=params).text
    assert re.search(rf'href="\?[^"]*before_id={newest[0].id}', page)


def test_audit_unknown_kind_is_400(browsers: dict[str, Browser]) -> None:
    assert browsers["viewer"].client.get("/audit.json?target_kind=cat").status_code == 400
