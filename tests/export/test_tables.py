"""Flat rows as CSV and JSON Lines: documented columns, formula-safe CSV, any text round-trips."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crosscheck.export.tables import (
    CLAIM_COLUMNS,
    FORMULA_STARTS,
    INCIDENT_COLUMNS,
    PERSON_COLUMNS,
    Column,
    csv_cell,
    csv_chunks,
    jsonl_chunks,
    row,
)

ROOT = Path(__file__).resolve().parents[2]
TEXT = (Column("text", "some text", lambda item: item.get("text")),)


def _csv(items: list[dict[str, Any]], columns: tuple[Column, ...] = TEXT) -> list[list[str]]:
    text = "".join(csv_chunks(items, columns))
    return list(csv.reader(io.StringIO(text, newline="")))


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+7 495", "'+7 495"),
        ("-5 killed", "'-5 killed"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("Sukha Balka", "Sukha Balka"),
        ("Тиховода", "Тиховода"),
        (-5, -5),
        (2.5, 2.5),
        (True, "true"),
        (None, ""),
        (["killed", "=wounded"], "killed | =wounded"),
        (["=x", "y"], "'=x | y"),
    ],
)
def test_csv_cell_neutralises_formulas_and_flattens(value: Any, cell: Any) -> None:
    assert csv_cell(value) == cell


def test_csv_keeps_newlines_quotes_and_non_latin_text_in_one_cell() -> None:
    value = 'Он сказал: "Нас бросили".\nДругой абзац, с запятой — и 🎥'
    rows = _csv([{"text": value}, {"text": None}])
    assert rows == [["text"], [value], [""]]


def test_csv_lines_end_with_crlf() -> None:
    assert "".join(csv_chunks([{"text": "a"}], TEXT)) == "text\r\na\r\n"


@given(st.text())
def test_csv_round_trips_any_text_and_never_starts_a_cell_with_a_formula(value: str) -> None:
    [header, [cell]] = _csv([{"text": value}])
    assert header == ["text"]
    assert not cell.startswith(FORMULA_STARTS)
    assert cell == ("'" + value if value.startswith(FORMULA_STARTS) else value)


@given(st.text())
def test_jsonl_round_trips_any_text_on_one_line(value: str) -> None:
    text = "".join(jsonl_chunks([{"text": value}], TEXT))
    assert text.endswith("\n") and len(text.splitlines()) == 1  # U+2028 escaped as well
    assert json.loads(text) == {"text": value}


def test_jsonl_keeps_lists_and_numbers_typed() -> None:
    item = {"id": "a", "time": {"start": "2026-09-12T00:00:00+00:00"}, "documents": [{}, {}],
            "claims": [{"kind": "wounded"}, {"kind": "killed"}, {"kind": "killed"}],
            "place": {"name": "Sukha Balka", "latitude": 47.5, "longitude": 31.0},
            "estimates": {"killed": {"low": 5, "best": 5, "high": None,
                                     "disputed": True}}}  # fmt: skip
    line = json.loads("".join(jsonl_chunks([item], INCIDENT_COLUMNS)))
    assert list(line) == [column.name for column in INCIDENT_COLUMNS]
    assert line["kinds"] == ["killed", "wounded"] and line["documents"] == 2
    assert (line["killed_low"], line["killed_high"], line["killed_disputed"]) == (5, None, True)
    assert line["latitude"] == 47.5 and line["wounded_best"] is None


def test_person_row_lists_distinct_attribute_values() -> None:
    person = {"id": "d/p1", "name": "Dmitry Yerokhin", "spellings": ["Дмитрий Ерохин"],
              "documents": ["a", "b"], "incidents": ["i"], "candidates": [{}],
              "attributes": {"role": [{"value": "soldier"}, {"value": "soldier"}],
                             "hometown": [{"value": "Каменск"}]}}  # fmt: skip
    flat = row(PERSON_COLUMNS, person)
    assert flat["role"] == ["soldier"] and flat["hometown"] == ["Каменск"] and flat["unit"] == []
    assert (flat["documents"], flat["candidates"]) == (2, 1)


@pytest.mark.parametrize("columns", [INCIDENT_COLUMNS, CLAIM_COLUMNS, PERSON_COLUMNS])
def test_every_column_is_documented(columns: tuple[Column, ...]) -> None:
    docs = (ROOT / "docs" / "exports.md").read_text(encoding="utf-8")
    names = [column.name for column in columns]
    assert len(set(names)) == len(names)
    for column in columns:
        assert column.meaning
        assert f"`{column.name}`" in docs, f"column {column.name} missing from docs/exports.md"
