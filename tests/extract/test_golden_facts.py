"""Golden facts: every sample's extracted facts, one readable line per fact, against a reviewed
copy in ``tests/golden/extract/``. ``pytest --update-golden`` rewrites them; the diff is the
review. Spans are checked to slice to their text on the way."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from crosscheck import pipeline
from crosscheck.extract import Extractor

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden" / "extract"
WHEN = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
FOLDERS = {"shared": ROOT.parent / "shared" / "samples", "samples": ROOT / "samples" / "captures"}


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def _cases() -> list[Any]:
    cases = []
    for prefix, folder in FOLDERS.items():
        if not folder.is_dir():
            cases.append(pytest.param(prefix, None, id=f"{prefix}-absent"))
            continue
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix != ".md"):
            cases.append(pytest.param(prefix, path, id=f"{prefix}/{path.relative_to(folder)}"))
    return cases


def _lines(record: dict[str, Any]) -> dict[str, Any]:
    text = record["document"]["text"]

    def cut(fact: dict[str, Any]) -> str:
        piece = text[fact["start"] : fact["end"]]
        assert piece == fact["text"]
        return f"{fact['start']}:{fact['end']} {piece!r}"

    return {
        "id": record["id"],
        "locator": record["document"]["locator"],
        "mentions": [f"{cut(m)} {m['kind']} -> {m['canonical']}" for m in record["mentions"]],
        "places": [_place(cut(p), p) for p in record["places"]],
        "people": [_person(p) for p in record["people"]],
        "quotes": [f"{cut(q)} {q['kind']} speaker={q['speaker']}" for q in record["quotes"]],
        "claims": [_claim(cut(c), c) for c in record["claims"]],
        "dates": [f"{cut(d)} {d['from']}..{d['to']} {d['precision']}" for d in record["dates"]],
    }


def _place(cut: str, place: dict[str, Any]) -> str:
    where = "unresolved"
    if place["geonameid"] is not None:
        where = (
            f"{place['name']} #{place['geonameid']} {place['country']} {place['precision']} "
            f"{place['latitude']:.2f},{place['longitude']:.2f}"
        )
    return f"{cut} -> {where}"


def _person(person: dict[str, Any]) -> str:
    attributes = ("role", "rank", "unit", "hometown", "side", "status")
    stated = [f"{a}={person[a]['value']}" for a in attributes if person[a] is not None]
    return f"{person['key']} {person['name']} {person['spellings']} {' '.join(stated)}".strip()


def _claim(cut: str, claim: dict[str, Any]) -> str:
    count = claim["count"]
    figures = "" if count is None else f" count={count['low']}/{count['best']}/{count['high']}"
    who = claim["claimant"] or ("source" if claim["by_source"] else "unknown")
    return f"{claim['kind']} {claim['modality']} by={who}{figures} {cut}"


@pytest.mark.parametrize(("prefix", "path"), _cases())
def test_golden_facts(
    prefix: str, path: Path | None, extractor: Extractor, update_golden: bool
) -> None:
    if path is None:
        pytest.skip(f"{prefix} samples are absent")
    options = pipeline.Options(captured_at=WHEN, extractor=extractor)
    report = pipeline.RunReport()
    actual = [_lines(record) for record in pipeline.extract([str(path)], options, report)]
    assert report.ok, report.failures
    expected_file = GOLDEN / prefix / (str(path.relative_to(FOLDERS[prefix])) + ".json")
    if update_golden or not expected_file.exists():
        expected_file.parent.mkdir(parents=True, exist_ok=True)
        body = json.dumps(actual, ensure_ascii=False, indent=1) + "\n"
        expected_file.write_text(body, encoding="utf-8")
        if not update_golden:
            pytest.fail(f"new golden file written, review it: {expected_file}")
    assert actual == json.loads(expected_file.read_text(encoding="utf-8"))
