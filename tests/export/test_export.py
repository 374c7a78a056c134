"""``export``: one entry point for every table and format, streamed, counted, checked."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from crosscheck.errors import SettingsError
from crosscheck.export import Selection, Tally, export
from crosscheck.export.tables import CLAIM_COLUMNS, INCIDENT_COLUMNS, PERSON_COLUMNS
from crosscheck.store import Database


@pytest.fixture(scope="module")
def linked(linked_path: Path) -> Iterator[Database]:
    with Database.open(f"sqlite:///{linked_path}") as database:
        yield database


@pytest.mark.parametrize(
    ("table", "columns"),
    [("incidents", INCIDENT_COLUMNS), ("claims", CLAIM_COLUMNS), ("people", PERSON_COLUMNS)],
)
def test_export_csv_and_jsonl_agree_row_for_row(
    linked: Database, table: str, columns: tuple[object, ...]
) -> None:
    tallies = Tally(), Tally()
    rows = list(csv.DictReader(io.StringIO("".join(
        export(linked, table, "csv", Selection(), tallies[0])), newline="")))  # fmt: skip
    lines = [json.loads(line) for line in export(linked, table, "jsonl", Selection(), tallies[1])]
    assert len(rows) == len(lines) == tallies[0].written == tallies[1].written > 0
    names = [column.name for column in columns]  # type: ignore[attr-defined]
    assert list(rows[0]) == names and list(lines[0]) == names
    assert [r["id"] for r in rows] == [line["id"] for line in lines]


def test_export_streams_without_reading_everything_first(linked: Database) -> None:
    chunks = export(linked, "claims", "jsonl", Selection())
    first = next(iter(chunks))
    assert first.endswith("\n") and first.count("\n") == 1


def test_export_geojson_counts_what_it_left_out(linked: Database) -> None:
    tally = Tally()
    collection = json.loads("".join(export(linked, "incidents", "geojson", Selection(), tally)))
    assert tally.written == len(collection["features"])
    assert tally.left_out == collection["crosscheck"]["without_coordinates"]
    assert tally.written + tally.left_out == len(linked.incidents())


def test_export_html_is_the_report(linked: Database) -> None:
    tally = Tally()
    html = "".join(export(linked, "incidents", "html", Selection(kind="killed"), tally))
    assert html.startswith("<!DOCTYPE html>") and "with a killed claim" in html
    assert tally.written == len(linked.incidents(kind="killed"))


@pytest.mark.parametrize(
    ("table", "form", "selection", "message"),
    [("people", "geojson", Selection(), "exports incidents only"),
     ("claims", "html", Selection(), "exports incidents only"),
     ("people", "csv", Selection(place="x"), "people take no"),
     ("documents", "csv", Selection(), "unknown table"),
     ("incidents", "xlsx", Selection(), "unknown format")],
)  # fmt: skip
def test_export_rejects_what_it_cannot_do(
    linked: Database, table: str, form: str, selection: Selection, message: str
) -> None:
    with pytest.raises(SettingsError, match=message):
        export(linked, table, form, selection)
