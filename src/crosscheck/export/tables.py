"""Flat rows of incidents, claims and people, written as CSV or JSON Lines, streamed.

Every table is a tuple of ``Column``: a name, what it means (``docs/exports.md`` lists them all)
and how to read it from the stored item. A row is the same in both formats; a cell that holds
several values is a list in JSON Lines and its values joined by `` | `` in CSV, where an empty
cell is a missing value.

CSV is for spreadsheets, and a spreadsheet runs a cell starting with ``=``, ``+``, ``-``, ``@``
(or a tab or carriage return before one) as a formula: "=HYPERLINK(...)" in a scraped title
would run on the analyst's machine. Such a text cell gets a leading ``'`` (OWASP's advice), so
it shows as text; numbers are written as numbers and never prefixed. JSON Lines keeps every
value as it is and escapes U+0085, U+2028 and U+2029, which some readers take for line breaks.

Both writers are generators of text chunks: the CLI writes them to a file or stdout, the web app
streams them as a response, and neither holds more than one row.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from crosscheck.link.ledger import RULE

__all__ = [
    "CLAIM_COLUMNS",
    "ESTIMATED_KINDS",
    "INCIDENT_COLUMNS",
    "PERSON_COLUMNS",
    "Column",
    "csv_cell",
    "csv_chunks",
    "jsonl_chunks",
    "row",
]

Cell = str | int | float | bool | list[str] | None
#: the claim kinds whose estimates get columns of their own (the ones with counts)
ESTIMATED_KINDS = ("killed", "wounded", "missing", "captured")
#: first characters a spreadsheet reads as the start of a formula
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
LIST_SEPARATOR = " | "
#: characters that JSON leaves raw but some readers (Python's ``splitlines``) break lines at
_LINE_BREAKS = str.maketrans({c: f"\\u{ord(c):04x}" for c in "\x85\u2028\u2029"})


@dataclass(frozen=True, slots=True)
class Column:
    """One column: its name, what it means, and how to read it from an item."""

    name: str
    meaning: str
    read: Callable[[Mapping[str, Any]], Cell]


def row(columns: Sequence[Column], item: Mapping[str, Any]) -> dict[str, Cell]:
    """The item as a flat row, by column name, in column order."""
    return {column.name: column.read(item) for column in columns}


def _key(name: str) -> Callable[[Mapping[str, Any]], Cell]:
    return lambda item: item.get(name)


def _in(outer: str, name: str) -> Callable[[Mapping[str, Any]], Cell]:
    return lambda item: (item.get(outer) or {}).get(name)


def _estimate(kind: str, name: str) -> Callable[[Mapping[str, Any]], Cell]:
    return lambda item: ((item.get("estimates") or {}).get(kind) or {}).get(name)


def _count(name: str) -> Callable[[Mapping[str, Any]], Cell]:
    return lambda item: len(item.get(name) or ())


def _kinds(item: Mapping[str, Any]) -> Cell:
    return sorted({claim["kind"] for claim in item.get("claims") or ()})


INCIDENT_COLUMNS: tuple[Column, ...] = (
    Column("id", "incident id (the smallest id of its documents)", _key("id")),
    Column("start", "earliest moment of its time range, ISO 8601", _in("time", "start")),
    Column("end", "latest moment of its time range, ISO 8601", _in("time", "end")),
    Column("place", "the place most of its documents name", _in("place", "name")),
    Column("country", "the place's country, ISO 3166-1 alpha-2", _in("place", "country")),
    Column("admin1", "the place's first-level region, GeoNames code", _in("place", "admin1")),
    Column("latitude", "the place's latitude, WGS 84 degrees", _in("place", "latitude")),
    Column("longitude", "the place's longitude, WGS 84 degrees", _in("place", "longitude")),
    Column("precision", "settlement, admin2, admin1 or country", _in("place", "precision")),
    Column("geonameid", "the place's GeoNames id", _in("place", "geonameid")),
    Column("kinds", "claim kinds in its ledger (list)", _kinds),
    Column("documents", "number of documents reporting it", _count("documents")),
    Column(
        "independent_sources",
        "number of independent origins (copies count once)",
        _in("corroboration", "independent_sources"),
    ),  # fmt: skip
    Column(
        "claimants",
        "number of independent claimants of asserted claims",
        _in("corroboration", "claimants"),
    ),  # fmt: skip
    Column("claims", "number of claims in its ledger", _count("claims")),
    Column("people", "number of persons it names", _count("people")),
    *(
        Column(f"{kind}_{name}", f"{kind} estimate: {meaning}", _estimate(kind, name))
        for kind in ESTIMATED_KINDS
        for name, meaning in (
            ("low", "smallest stated lower bound"),
            ("best", "most conservative best figure"),
            ("high", "largest upper bound; empty when any figure is open-ended"),
            ("disputed", "true when the figures cannot all be true"),
        )
    ),
    Column("estimate_rule", "how every estimate is derived", lambda item: RULE),
)

CLAIM_COLUMNS: tuple[Column, ...] = (
    Column("id", "claim id: <document id>:<start>-<end>:<kind>", _key("id")),
    Column(
        "incident_id", "its incident; empty when the document reports no event", _key("incident_id")
    ),  # fmt: skip
    Column("document_id", "the document stating it", _key("document_id")),
    Column("kind", "killed, wounded, missing, captured, no_evacuation, ...", _key("kind")),
    Column("modality", "asserted, historical, hypothetical or denied", _key("modality")),
    Column(
        "claimant",
        "the person making it, as the document names them; empty when the outlet makes it itself",
        _key("claimant"),
    ),  # fmt: skip
    Column("low", "stated lower bound of its count", _key("low")),
    Column("best", "stated best figure of its count", _key("best")),
    Column("high", "stated upper bound of its count", _key("high")),
    Column(
        "start", "evidence span start: code point offset into the document's text", _key("start")
    ),  # fmt: skip
    Column("end", "evidence span end (exclusive)", _key("end")),
    Column("text", "the evidence: the document's text from start to end", _key("text")),
    Column("source", "the document's outlet", _key("source")),
    Column("title", "the document's title", _key("title")),
    Column("status", "review: unreviewed, verified, disputed or rejected", _key("status")),
    Column("credibility", "Admiralty information credibility, 1-6", _key("credibility")),
    Column("reliability", "Admiralty reliability of the source, A-F", _key("reliability")),
    Column("reviewed_by", "who gave the verdict", _key("reviewed_by")),
    Column("reviewed_at", "when, ISO 8601", _key("reviewed_at")),
)


def _attribute(name: str) -> Callable[[Mapping[str, Any]], Cell]:
    def read(item: Mapping[str, Any]) -> Cell:
        values = ((item.get("attributes") or {}).get(name)) or ()
        return sorted({str(value["value"]) for value in values})

    return read


PERSON_COLUMNS: tuple[Column, ...] = (
    Column("id", "person id: its smallest member, <document id>/p1", _key("id")),
    Column("name", "display name: the spelling used most", _key("name")),
    Column("spellings", "every spelling, in every script (list)", _key("spellings")),
    Column("documents", "number of documents naming them", _count("documents")),
    Column("incidents", "ids of the incidents naming them (list)", _key("incidents")),
    *(
        Column(name, f"{name} as the documents state it (list)", _attribute(name))
        for name in ("role", "rank", "unit", "hometown", "side", "status")
    ),
    Column("candidates", "number of possible matches awaiting review", _count("candidates")),
)


def csv_cell(value: Cell) -> str | int | float:
    """One cell for CSV: lists joined, booleans as true/false, missing as empty, and text a
    spreadsheet would run as a formula prefixed with ``'``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return value
    text = LIST_SEPARATOR.join(value) if isinstance(value, list) else value
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_chunks(items: Iterable[Mapping[str, Any]], columns: Sequence[Column]) -> Iterator[str]:
    """CSV text (RFC 4180: CRLF line ends, fields quoted where needed): a header, then one
    chunk per item."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([column.name for column in columns])
    yield _drain(buffer)
    for item in items:
        writer.writerow([csv_cell(column.read(item)) for column in columns])
        yield _drain(buffer)


def _drain(buffer: io.StringIO) -> str:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text


def jsonl_chunks(items: Iterable[Mapping[str, Any]], columns: Sequence[Column]) -> Iterator[str]:
    """JSON Lines: one object per item with the columns as keys, lists kept as lists."""
    for item in items:
        line = json.dumps(row(columns, item), ensure_ascii=False)
        yield line.translate(_LINE_BREAKS) + "\n"
