"""Golden files: every sample capture's records, compared field by field with a reviewed copy.

``pytest --update-golden`` rewrites them; the diff is the review. Library versions are left out
of the golden copy (they change with every upgrade); stage names are kept.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from crosscheck import pipeline

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).resolve().parent / "golden" / "ingest"
WHEN = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
SKIP = {"README.md"}


def _cases(folder: Path, prefix: str) -> list[Any]:
    if not folder.is_dir():
        return [pytest.param(None, None, id=f"{prefix}-absent")]
    files = [p for p in sorted(folder.rglob("*")) if p.is_file() and p.name not in SKIP]
    files = [p for p in files if not p.relative_to(folder).parts[0].startswith((".", "_"))]
    return [pytest.param(folder, p, id=f"{prefix}/{p.relative_to(folder)}") for p in files]


def _golden(root: Path, path: Path, prefix: str) -> list[dict[str, Any]]:
    report = pipeline.RunReport()
    records = list(pipeline.extract([str(path)], pipeline.Options(captured_at=WHEN), report))
    assert report.ok, report.failures
    for record in records:
        capture = record["capture"]
        capture["path"] = _relative(capture["path"], root, prefix)
        record["extractor"] = [e["name"] for e in record["extractor"]]
    return records


def _relative(path: str | None, root: Path, prefix: str) -> str | None:
    if path is None:
        return None
    return f"{prefix}/{Path(path.split('#')[0]).relative_to(root)}" + (
        "#" + path.split("#", 1)[1] if "#" in path else ""
    )


def _check(root: Path | None, path: Path | None, prefix: str, update: bool) -> None:
    if root is None or path is None:
        pytest.skip(f"{prefix} samples are absent")
    expected_file = GOLDEN / prefix / (str(path.relative_to(root)) + ".json")
    actual = _golden(root, path, prefix)
    if update or not expected_file.exists():
        expected_file.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(actual, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
        expected_file.write_text(text, encoding="utf-8")
        if not update:
            pytest.fail(f"new golden file written, review it: {expected_file}")
    assert actual == json.loads(expected_file.read_text(encoding="utf-8"))


@pytest.mark.parametrize(("root", "path"), _cases(ROOT.parent / "shared" / "samples", "shared"))
def test_golden_shared_samples(root: Path | None, path: Path | None, update_golden: bool) -> None:
    _check(root, path, "shared", update_golden)


@pytest.mark.parametrize(("root", "path"), _cases(ROOT / "samples" / "captures", "samples"))
def test_golden_project_samples(root: Path | None, path: Path | None, update_golden: bool) -> None:
    _check(root, path, "samples", update_golden)
