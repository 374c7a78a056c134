"""The ``crosscheck.record/1`` contract: what ``to_record`` writes, the JSON Schema that describes
it, the inverse ``document_from_record``, and ``docs/record.md``, kept in step with each other."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from crosscheck import pipeline
from crosscheck.extract import Extractor
from crosscheck.model import Capture, Cue, Document, Precision, Published, Removed, Span
from crosscheck.record import SCHEMA, document_from_record, json_schema, to_record

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs" / "record.md"
KYIV_SUMMER = timezone(timedelta(hours=3))

CAPTURE = Capture.of(
    "Медик: «Турнікетів не вистачило»\n\n2 дні тому\n\nУ Тиховоді…".encode(),
    media_type="text/plain",
    captured_at=datetime(2026, 9, 16, 8, 0, tzinfo=UTC),
    path="samples/captures/clips/003_22bbfa82f08bbc5a.txt",
)
BARE = Document(capture_sha256=CAPTURE.sha256, text="У Тиховоді…")
FULL = Document(
    capture_sha256=CAPTURE.sha256,
    text="Меня зовут Дмитрий Ерохин.\nНас было сорок человек.",
    locator="3131",
    title='Боец отряда "Вереск": "Нас просто бросили"',
    title_raw="Боец отряда _Вереск__ _Нас просто бросили_",
    language="ru",
    published=Published(
        start=datetime(2026, 9, 14, 0, 0, tzinfo=KYIV_SUMMER),
        end=datetime(2026, 9, 14, 23, 59, 59, 999999, tzinfo=KYIV_SUMMER),
        precision=Precision.DAY,
        phrase="вчера",
        method="relative",
    ),
    source="Окопный вестник",
    url="https://t.me/okopny_vestnik/3131",
    author="Дмитрий Ерохин",
    forwarded_from="Военкор Клинов",
    removed=(Removed(text="ПОДПИШИТЕСЬ НА НАС!", reason="boilerplate"),),
    cues=(
        Cue(span=Span(0, 26), start_seconds=0.8, end_seconds=5.2),
        Cue(span=Span(27, 50), start_seconds=9.9, end_seconds=15.4),
    ),
    extractors=("ingest.subtitles.v1", "clean.language.py3langid.v1", "link.unknown"),
)
EXACT = Document(
    capture_sha256=CAPTURE.sha256,
    text="⚡️Тиховода.",
    published=Published(
        start=datetime(2026, 9, 12, 9, 5, 14, tzinfo=UTC),
        end=datetime(2026, 9, 12, 9, 5, 14, tzinfo=UTC),
        precision=Precision.SECOND,
        phrase="1789203914",
        method="exact",
    ),
    removed=(Removed(text="Реклама.", reason="promo"), Removed(text="143", reason="counter")),
)
DOCUMENTS = [
    pytest.param(BARE, id="bare"),
    pytest.param(FULL, id="full"),
    pytest.param(EXACT, id="exact"),
]


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    return Draft202012Validator(json_schema(), format_checker=_format_checker())


def _format_checker() -> FormatChecker:
    # jsonschema checks "date-time" only when rfc3339-validator is installed; check it always,
    # with the parser record readers use, and insist on a UTC offset.
    checker = FormatChecker()
    checker.checks("date-time", raises=ValueError)(_aware_datetime)
    return checker


def _aware_datetime(value: object) -> bool:
    return not isinstance(value, str) or datetime.fromisoformat(value).tzinfo is not None


def test_json_schema_is_valid_draft_2020_12() -> None:
    Draft202012Validator.check_schema(json_schema())


@pytest.mark.parametrize("document", DOCUMENTS)
def test_to_record_matches_schema(validator: Draft202012Validator, document: Document) -> None:
    record = to_record(CAPTURE, document)
    assert record["schema"] == SCHEMA
    validator.validate(json.loads(json.dumps(record)))


@pytest.mark.parametrize("document", DOCUMENTS)
def test_document_from_record_inverts_to_record_through_json(document: Document) -> None:
    record = json.loads(json.dumps(to_record(CAPTURE, document), ensure_ascii=False))
    assert document_from_record(record) == document


def test_to_record_fields_are_exactly_the_schemas_required_fields() -> None:
    # A field added to to_record must be added to the schema (and so to the docs) in step.
    record, schema = to_record(CAPTURE, FULL), json_schema()
    assert set(record) == set(schema["required"])
    for part in ("capture", "document"):
        assert set(record[part]) == set(schema["properties"][part]["required"])


def test_json_schema_precision_enum_matches_model() -> None:
    enum = json_schema()["$defs"]["published"]["properties"]["precision"]["enum"]
    assert enum == [precision.value for precision in Precision]


def test_json_schema_allows_fields_added_within_version_1(validator: Draft202012Validator) -> None:
    record = to_record(CAPTURE, FULL)
    record["future"] = 1
    record["capture"]["future"] = "x"
    record["document"]["future"] = [1]
    record["document"]["published"]["future"] = None
    validator.validate(record)


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("schema",), "crosscheck.record/2"),
        (("id",), "not-hex"),
        (("capture", "sha256"), "ab"),
        (("capture", "size"), -1),
        (("capture", "path"), 7),
        (("capture", "captured_at"), "2026-09-16T08:00:00"),
        (("document", "published", "start"), "yesterday"),
        (("document", "text"), None),
        (("document", "published", "precision"), "fortnight"),
        (("document", "removed"), [{"text": "x"}]),
        (("document", "cues"), [{"start": -1, "end": 2, "start_seconds": 0, "end_seconds": 1}]),
        (("extractor",), [{"name": "x", "version": "1", "libraries": {"lxml": 5}}]),
    ],
)
def test_json_schema_rejects_invalid_records(
    validator: Draft202012Validator, path: tuple[str, ...], value: Any
) -> None:
    record = copy.deepcopy(to_record(CAPTURE, FULL))
    target = record
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    assert not validator.is_valid(record)


def test_json_schema_rejects_missing_required_field(validator: Draft202012Validator) -> None:
    record = to_record(CAPTURE, BARE)
    del record["document"]["cues"]
    assert not validator.is_valid(record)


def test_docs_record_mentions_every_schema_property() -> None:
    documented = set(re.findall(r"`([^`\s]+)`", DOCS.read_text("utf-8")))
    missing = [
        path for path in _property_paths(json_schema(), json_schema(), "") if path not in documented
    ]
    assert not missing, f"docs/record.md does not describe: {missing}"


def test_docs_record_example_is_what_extract_prints(validator: Draft202012Validator) -> None:
    # The example must stay true: it is the real record of its sample, library versions aside.
    example = json.loads(DOCS.read_text("utf-8").split("```json\n", 1)[1].split("```", 1)[0])
    validator.validate(example)
    captured_at = datetime.fromisoformat(example["capture"]["captured_at"])
    sample = str(ROOT / example["capture"]["path"])
    options = pipeline.Options(captured_at=captured_at, extractor=Extractor())
    [record] = pipeline.extract([sample], options, pipeline.RunReport())
    record["capture"]["path"] = example["capture"]["path"]
    assert _without_versions(record) == _without_versions(example)


def _without_versions(record: dict[str, Any]) -> dict[str, Any]:
    return record | {"extractor": [stage["name"] for stage in record["extractor"]]}


def _property_paths(node: dict[str, Any], root: dict[str, Any], prefix: str) -> Iterator[str]:
    """Dotted paths of every property (``document.cues[].start``), following local ``$ref``s."""
    node = _resolve(node, root)
    for name, child in node.get("properties", {}).items():
        path = f"{prefix}{name}"
        yield path
        yield from _property_paths(child, root, f"{path}.")
    if "items" in node:
        yield from _property_paths(node["items"], root, f"{prefix.rstrip('.')}[].")
    for option in node.get("oneOf", []):
        yield from _property_paths(option, root, prefix)


def _resolve(node: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        target: dict[str, Any] = root
        for key in node["$ref"].removeprefix("#/").split("/"):
            target = target[key]
        node = target
    return node
