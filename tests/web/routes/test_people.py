"""The people list (any spelling, any script) and one person's page."""

from __future__ import annotations

import re

from tests.web.browsing import Browser, Ids, Site

pytest_plugins = ["tests.web.server"]


def test_people_lists_persons_most_named_first(browsers: dict[str, Browser], site: Site) -> None:
    page = browsers["viewer"].client.get("/people")
    found = re.findall(r'data-testid="person-row" data-id="([^"]+)"', page.text)
    assert found == [p["id"] for p in site.db.persons(limit=50)]


def test_people_name_matches_other_scripts(browsers: dict[str, Browser]) -> None:
    data = browsers["viewer"].client.get("/people.json", params={"name": "Dmitrii Erokhin"})
    names = [p["name"] for p in data.json()["people"]]
    assert "Dmitry Yerokhin" in names
    assert "Дмитрий Ерохин" in names


def test_people_pages_and_twin(browsers: dict[str, Browser], site: Site) -> None:
    client = browsers["viewer"].client
    everything = [p["id"] for p in site.db.persons(limit=50)]
    second = client.get("/people.json", params={"limit": 3, "offset": 3}).json()
    assert [p["id"] for p in second["people"]] == everything[3:6]
    assert second == client.get("/api/people", params={"limit": 3, "offset": 3}).json()
    fragment = client.get("/people", params={"name": "Lapin"}, headers={"HX-Request": "true"})
    assert "<html" not in fragment.text
    assert "Sergei Lapin" in fragment.text


def test_person_page_spellings_attributes_quotes(
    browsers: dict[str, Browser], site: Site, ids: Ids
) -> None:
    summary = site.db.person(ids.person)
    page = browsers["viewer"].client.get(f"/people/{ids.person}").text
    for spelling in summary["spellings"]:
        assert spelling in page
    rows = sum(len(values) for values in summary["attributes"].values())
    assert page.count('data-testid="attribute-row"') == rows
    assert 'data-testid="person-quote"' in page
    assert page.count('data-testid="candidate"') == len(summary["candidates"])


def test_person_attributes_carry_their_evidence(
    browsers: dict[str, Browser], site: Site, ids: Ids
) -> None:
    data = browsers["viewer"].client.get(f"/people/{ids.person}.json").json()
    assert data == browsers["viewer"].client.get(f"/api/people/{ids.person}").json()
    for row in data["attributes"]:
        text = site.db.record(row["document"])["document"]["text"]
        assert row["evidence"] == text[row["start"] : row["end"]]
    speakers = {q["document"] for q in data["quotes"]}
    assert speakers <= set(data["person"]["documents"])


def test_person_found_by_member_and_unknown(
    browsers: dict[str, Browser], site: Site, ids: Ids
) -> None:
    member = site.db.person(ids.person)["members"][-1]
    client = browsers["viewer"].client
    assert client.get(f"/people/{member}.json").json()["person"]["id"] == ids.person
    assert client.get("/people/ffffffffffffffff/p9").status_code == 404


def test_person_decision_forms_for_analysts_only(browsers: dict[str, Browser], ids: Ids) -> None:
    assert 'data-testid="person-decision-form"' in (
        browsers["analyst"].client.get(f"/people/{ids.person}").text
    )
    assert 'data-testid="person-decision-form"' not in (
        browsers["viewer"].client.get(f"/people/{ids.person}").text
    )
