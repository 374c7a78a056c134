"""Downloads for the current filter, and an incident's evidence package."""

from __future__ import annotations

import csv
import io
import json
import zipfile

import pytest
from tests.web.browsing import Browser, Ids, Site

from crosscheck.export import package

pytest_plugins = ["tests.web.server"]


def test_exports_page_offers_every_table_and_format(browsers: dict[str, Browser]) -> None:
    client = browsers["viewer"].client
    page = client.get("/exports", params={"kind": "killed", "status": "verified"}).text
    for testid in ("incidents-csv", "incidents-jsonl", "incidents-geojson", "incidents-html",
                   "claims-csv", "claims-jsonl", "people-csv", "people-jsonl"):  # fmt: skip
        assert f'data-testid="export-{testid}"' in page
    assert 'href="/exports/incidents.csv?kind=killed"' in page
    assert "do not apply status" in page
    data = client.get("/exports.json", params={"kind": "killed"}).json()
    assert data["kept"] == {"kind": "killed"}


def test_exports_incidents_csv_for_the_filter(browsers: dict[str, Browser], site: Site) -> None:
    answer = browsers["viewer"].client.get("/exports/incidents.csv", params={"kind": "killed"})
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/csv")
    assert (
        answer.headers["content-disposition"] == 'attachment; filename="crosscheck-incidents.csv"'
    )
    rows = list(csv.DictReader(io.StringIO(answer.text)))
    assert [r["id"] for r in rows] == [i["id"] for i in site.db.incidents(kind="killed")]


@pytest.mark.parametrize(("table", "form"), [("claims", "jsonl"), ("people", "jsonl")])
def test_exports_json_lines(browsers: dict[str, Browser], table: str, form: str) -> None:
    answer = browsers["viewer"].client.get(f"/exports/{table}.{form}", params={"limit": 3})
    lines = answer.text.splitlines()
    assert len(lines) == 3
    assert all(isinstance(json.loads(line), dict) for line in lines)


def test_exports_geojson_and_report(browsers: dict[str, Browser], site: Site) -> None:
    client = browsers["viewer"].client
    geojson = client.get("/exports/incidents.geojson").json()
    assert geojson["type"] == "FeatureCollection"
    assert geojson["features"]
    report = client.get("/exports/incidents.html", params={"place": "sukha"})
    assert report.headers["content-disposition"].startswith("attachment;")
    assert "Sukha Balka" in report.text


def test_exports_bad_requests(browsers: dict[str, Browser]) -> None:
    client = browsers["viewer"].client
    assert client.get("/exports/people.geojson").status_code == 400
    assert client.get("/exports/incidents.csv", params={"kind": "tea"}).status_code == 400
    assert client.get("/exports/documents.csv").status_code == 400


def test_exports_evidence_package_verifies(
    browsers: dict[str, Browser], ids: Ids, tmp_path: object
) -> None:
    answer = browsers["viewer"].client.get(f"/exports/incidents/{ids.incident}/evidence.zip")
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/zip"
    assert f"crosscheck-incident-{ids.incident}.zip" in answer.headers["content-disposition"]
    with zipfile.ZipFile(io.BytesIO(answer.content)) as archive:
        assert "manifest.json" in archive.namelist()
    path = tmp_path / "evidence.zip"  # type: ignore[operator]
    path.write_bytes(answer.content)
    assert package.verify(path).ok
