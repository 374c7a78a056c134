"""The dashboard page and its JSON twin."""

from __future__ import annotations

import pytest
from tests.web.browsing import ROLES, Browser, Site

pytest_plugins = ["tests.web.server"]


@pytest.mark.parametrize("role", ROLES)
def test_dashboard_shows_counts_queues_timeline(
    browsers: dict[str, Browser], site: Site, role: str
) -> None:
    page = browsers[role].client.get("/dashboard")
    assert page.status_code == 200
    counts = site.db.counts()
    assert f'data-testid="count-documents">{counts["documents"]}<' in page.text
    assert 'data-testid="queue-unreviewed"' in page.text
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in page.text
    assert 'class="cc-timeline"' in page.text
    assert page.text.count('data-testid="incident-row"') == min(10, len(site.db.incidents()))


def test_dashboard_json_twin_holds_the_page_data(browsers: dict[str, Browser], site: Site) -> None:
    data = browsers["viewer"].client.get("/dashboard.json").json()
    assert data["counts"] == site.db.counts()
    assert set(data["queues"]) == {"claims_unreviewed", "claims_disputed", "person_candidates"}
    weeks = data["timeline"]["weeks"]
    assert weeks and all(w["low"] <= w["best"] <= w["high"] for w in weeks)
    assert sum(w["incidents"] for w in weeks) + data["timeline"]["undated"] == len(
        site.db.incidents()
    )
    assert data == browsers["viewer"].client.get("/api/dashboard").json()
