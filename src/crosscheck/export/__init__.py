"""Exports: tables (CSV, JSON Lines), GeoJSON, an offline HTML report, evidence packages.

::

    pages.py     Selection (the filter); incidents, persons and claims read a page at a time
    tables.py    flat columns of incidents, claims and people; CSV (formula-safe) and JSON Lines
    geojson.py   incidents with a place as a FeatureCollection; the others counted
    report.py    one self-contained HTML file: charts, map, ledger, review state; no fetches
    package.py   one incident's captures, records, claims and review log in a verifiable zip

``export`` is what the CLI and the web app call: it picks the rows and the format and yields
text chunks, so a whole database streams out without being held in memory.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Literal

from crosscheck.errors import SettingsError
from crosscheck.export.geojson import Tally, geojson_chunks
from crosscheck.export.pages import Selection, claim_views, incident_summaries, person_summaries
from crosscheck.export.tables import (
    CLAIM_COLUMNS,
    INCIDENT_COLUMNS,
    PERSON_COLUMNS,
    Column,
    csv_chunks,
    jsonl_chunks,
)
from crosscheck.store import Database

__all__ = ["FORMATS", "TABLES", "Format", "Selection", "Table", "Tally", "export"]

Table = Literal["incidents", "claims", "people"]
Format = Literal["csv", "jsonl", "geojson", "html"]
TABLES: tuple[Table, ...] = ("incidents", "claims", "people")
FORMATS: tuple[Format, ...] = ("csv", "jsonl", "geojson", "html")


def export(
    db: Database, table: str, form: str, selection: Selection, tally: Tally | None = None
) -> Iterator[str]:
    """The ``table`` (one of ``TABLES``) selected by ``selection`` in format ``form`` (one of
    ``FORMATS``), as text chunks; ``tally`` counts what was written (and, for GeoJSON, left
    out). GeoJSON and HTML are of incidents only; people take no filter but ``limit``."""
    tally = tally if tally is not None else Tally()
    if table not in TABLES:
        raise SettingsError(f"unknown table {table!r}: expected one of {', '.join(TABLES)}")
    if form not in FORMATS:
        raise SettingsError(f"unknown format {form!r}: expected one of {', '.join(FORMATS)}")
    if form in ("geojson", "html") and table != "incidents":
        raise SettingsError(f"--format {form} exports incidents only, not {table}")
    if table == "people" and (selection.since or selection.place or selection.kind):
        raise SettingsError("people take no --since, --place or --kind: export all, or --limit")
    if form == "html":
        from crosscheck.export import report  # jinja2 and the map outlines: only when asked

        built = report.gather(db, selection)
        tally.written = len(built.incidents)
        return report.report_chunks(built)
    if form == "geojson":
        return geojson_chunks(incident_summaries(db, selection), tally)
    write = csv_chunks if form == "csv" else jsonl_chunks
    items, columns = _items(db, table, selection)
    return write(_counted(items, tally), columns)


def _items(
    db: Database, table: str, selection: Selection
) -> tuple[Iterator[Mapping[str, Any]], tuple[Column, ...]]:
    if table == "incidents":
        return incident_summaries(db, selection), INCIDENT_COLUMNS
    if table == "people":
        return person_summaries(db, limit=selection.limit), PERSON_COLUMNS
    return (view.to_json() for view in claim_views(db, selection)), CLAIM_COLUMNS


def _counted(items: Iterator[Mapping[str, Any]], tally: Tally) -> Iterator[Mapping[str, Any]]:
    for item in items:
        tally.written += 1
        yield item
