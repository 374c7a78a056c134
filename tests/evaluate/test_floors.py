"""The ratchet: floors fail a regression, ignore absent sets, and only rise."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crosscheck.errors import SettingsError
from crosscheck.evaluate import floors
from crosscheck.evaluate.floors import Baseline, Floor
from crosscheck.evaluate.report import Report, Row


def row(
    metric: str, score: float | None, *, task: str = "ner/x", sha: str = "g1", lower: bool = False
) -> Row:
    return Row(
        task=task, metric=metric, score=score, items=10, gold_sha256=sha, lower_is_better=lower
    )


BASELINE = Baseline(
    (
        Floor(task="ner/x", metric="f1", limit=0.8, gold_sha256="g1"),
        Floor(task="ner/x", metric="merge", limit=0.1, gold_sha256="g1", lower_is_better=True),
        Floor(task="absent/set", metric="f1", limit=0.9, gold_sha256="g2"),
    )
)


def test_check_passes_at_or_above_the_floor() -> None:
    report = Report((row("f1", 0.8), row("merge", 0.1, lower=True)))
    assert floors.check(report, BASELINE) == []


def test_check_fails_below_a_floor_and_above_a_ceiling() -> None:
    report = Report((row("f1", 0.79), row("merge", 0.2, lower=True)))
    found = floors.check(report, BASELINE)
    assert [(r.metric, r.score, r.reason) for r in found] == [
        ("f1", 0.79, "below floor 0.8"),
        ("merge", 0.2, "above ceiling 0.1"),
    ]


def test_check_ignores_absent_sets_and_flags_what_is_not_measured() -> None:
    absent = Row(task="absent/set", metric="-", score=None, items=0, note="absent/set: not found")
    skipped = Row(
        task="ner/x", metric="-", score=None, items=5, note="no extractor", gold_sha256="g1"
    )
    found = floors.check(Report((absent, skipped)), BASELINE)
    assert [(r.task, r.metric, r.reason) for r in found] == [
        ("ner/x", "f1", "not measured"),
        ("ner/x", "merge", "not measured"),
    ]


def test_check_flags_changed_gold_unless_allowed() -> None:
    report = Report((row("f1", 0.95, sha="new"), row("merge", 0.0, sha="new", lower=True)))
    assert {r.reason for r in floors.check(report, BASELINE)} == {
        "the gold changed since the floor was pinned"
    }
    assert floors.check(report, BASELINE, allow_regression=True) == []


def test_raise_floors_only_rises() -> None:
    report = Report((row("f1", 0.91237), row("merge", 0.2, lower=True), row("recall", 0.5)))
    raised = floors.raise_floors(report, BASELINE)
    assert raised.get("ner/x", "f1") == Floor(
        task="ner/x", metric="f1", limit=0.9123, gold_sha256="g1"
    )
    assert raised.get("ner/x", "merge") == BASELINE.get("ner/x", "merge")  # worse: kept
    assert raised.get("ner/x", "recall") is not None  # new metric: pinned
    assert raised.get("absent/set", "f1") == BASELINE.get("absent/set", "f1")


def test_raise_floors_lowers_a_ceiling_and_rounds_towards_safety() -> None:
    raised = floors.raise_floors(Report((row("merge", 0.01234, lower=True),)), BASELINE)
    assert raised.get("ner/x", "merge") == Floor(
        task="ner/x", metric="merge", limit=0.0124, gold_sha256="g1", lower_is_better=True
    )
    found = floors.check(Report((row("merge", 0.01234, lower=True),)), raised)
    assert [r.metric for r in found] == ["f1"]  # f1 was not measured; the ceiling holds


def test_raise_floors_keeps_a_floor_on_other_gold_unless_allowed() -> None:
    report = Report((row("f1", 0.5, sha="new"),))
    assert floors.raise_floors(report, BASELINE).get("ner/x", "f1") == BASELINE.get("ner/x", "f1")
    repinned = floors.raise_floors(report, BASELINE, allow_regression=True).get("ner/x", "f1")
    assert repinned == Floor(task="ner/x", metric="f1", limit=0.5, gold_sha256="new")


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "eval_baseline.json"
    floors.save(path, BASELINE)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["floors"]["ner/x"]["merge"] == {"ceiling": 0.1, "gold_sha256": "g1"}
    assert set(floors.load(path).floors) == set(BASELINE.floors)


def test_load_missing_file_is_empty_and_a_broken_one_an_error(tmp_path: Path) -> None:
    assert floors.load(tmp_path / "none.json") == Baseline()
    broken = tmp_path / "eval_baseline.json"
    broken.write_text('{"floors": {"t": {"m": {"floor": 0.5}}}}', encoding="utf-8")
    with pytest.raises(SettingsError, match="eval_baseline.json: not a floors file"):
        floors.load(broken)


def test_the_repository_baseline_loads() -> None:
    path = Path(__file__).resolve().parents[2] / "eval_baseline.json"
    assert all(0.0 <= floor.limit <= 1.0 for floor in floors.load(path).floors)
