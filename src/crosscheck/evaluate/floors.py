"""The ratchet: floors that scores on the gold data may not fall below, and that only rise.

``eval_baseline.json`` (repo root) pins, per task and metric, a floor and the SHA-256 of the
gold files it was measured on::

    {"floors": {"article-extraction": {"f1": {"floor": 0.9123, "gold_sha256": "…"}, …}, …}}

A metric where lower is better (a false-merge rate) is pinned with ``"ceiling"`` instead.
``check`` lists regressions; a set whose gold is absent is ignored, a floor on gold that has
changed since it was pinned is a regression until re-pinned. ``raise_floors`` returns the new
baseline: floors rise to new scores and never fall, unless ``allow_regression`` re-pins them.
Floors are stored rounded towards the safe side (4 decimals), so a re-run never trips on noise.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crosscheck.errors import SettingsError
from crosscheck.evaluate.report import Report, Row

__all__ = ["Baseline", "Floor", "Regression", "check", "load", "raise_floors", "save"]

_PLACES = 10_000  # 4 decimals


@dataclass(frozen=True, slots=True, kw_only=True)
class Floor:
    """``limit`` is a floor, or a ceiling when ``lower_is_better``."""

    task: str
    metric: str
    limit: float
    gold_sha256: str
    lower_is_better: bool = False

    def allows(self, score: float) -> bool:
        return score <= self.limit + 1e-9 if self.lower_is_better else score >= self.limit - 1e-9


@dataclass(frozen=True, slots=True)
class Baseline:
    floors: tuple[Floor, ...] = ()

    def get(self, task: str, metric: str) -> Floor | None:
        return next((f for f in self.floors if (f.task, f.metric) == (task, metric)), None)


@dataclass(frozen=True, slots=True, kw_only=True)
class Regression:
    task: str
    metric: str
    limit: float
    score: float | None
    reason: str


def check(
    report: Report, baseline: Baseline, *, allow_regression: bool = False
) -> list[Regression]:
    """Regressions against the floors of every set the report read (none when allowed)."""
    if allow_regression:
        return []
    read = {row.task for row in report.rows if row.gold_sha256}
    rows = {(row.task, row.metric): row for row in report.scored}
    found = (_regression(floor, rows.get((floor.task, floor.metric))) for floor in baseline.floors)
    return [regression for regression in found if regression and regression.task in read]


def _regression(floor: Floor, row: Row | None) -> Regression | None:
    def regression(reason: str) -> Regression:
        score = row.score if row else None
        return Regression(
            task=floor.task, metric=floor.metric, limit=floor.limit, score=score, reason=reason
        )

    if row is None or row.score is None:
        return regression("not measured")
    if row.gold_sha256 != floor.gold_sha256:
        return regression("the gold changed since the floor was pinned")
    if not floor.allows(row.score):
        return regression(
            f"{'above ceiling' if floor.lower_is_better else 'below floor'} {floor.limit}"
        )
    return None


def raise_floors(report: Report, baseline: Baseline, *, allow_regression: bool = False) -> Baseline:
    """The baseline with each measured score pinned: new metrics are added, floors rise to
    better scores; with ``allow_regression`` floors are re-pinned to the scores as measured."""
    floors = {(f.task, f.metric): f for f in baseline.floors}
    for row in report.rows:
        if row.score is None:
            continue
        measured, pinned = _pin(row, row.score), floors.get((row.task, row.metric))
        if pinned is None or allow_regression or _better(measured, pinned):
            floors[row.task, row.metric] = measured
    return Baseline(tuple(floors[key] for key in sorted(floors)))


def _better(measured: Floor, pinned: Floor) -> bool:
    if measured.gold_sha256 != pinned.gold_sha256:
        return False  # only an allowed regression re-pins a floor measured on other gold
    if pinned.lower_is_better:
        return measured.limit < pinned.limit
    return measured.limit > pinned.limit


def _pin(row: Row, score: float) -> Floor:
    rounding = math.ceil if row.lower_is_better else math.floor
    return Floor(
        task=row.task,
        metric=row.metric,
        limit=rounding(score * _PLACES) / _PLACES,
        gold_sha256=row.gold_sha256,
        lower_is_better=row.lower_is_better,
    )


def load(path: Path) -> Baseline:
    """The floors in ``path``; a missing file is an empty baseline (nothing pinned yet)."""
    if not path.exists():
        return Baseline()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Baseline(tuple(_parse(data["floors"])))
    except (
        OSError,
        UnicodeDecodeError,
        json.JSONDecodeError,
        KeyError,
        TypeError,
        ValueError,
    ) as error:
        raise SettingsError(f"{path}: not a floors file ({error})") from error


def _parse(floors: dict[str, dict[str, dict[str, Any]]]) -> list[Floor]:
    return [
        Floor(
            task=task,
            metric=metric,
            limit=float(entry["ceiling"] if "ceiling" in entry else entry["floor"]),
            gold_sha256=str(entry["gold_sha256"]),
            lower_is_better="ceiling" in entry,
        )
        for task, metrics in floors.items()
        for metric, entry in metrics.items()
    ]


def save(path: Path, baseline: Baseline) -> None:
    """Write the floors as sorted, indented JSON (a diff of the file is the review)."""
    floors: dict[str, dict[str, dict[str, Any]]] = {}
    for f in baseline.floors:
        kind = "ceiling" if f.lower_is_better else "floor"
        floors.setdefault(f.task, {})[f.metric] = {kind: f.limit, "gold_sha256": f.gold_sha256}
    text = json.dumps({"floors": floors}, indent=2, sort_keys=True, ensure_ascii=False)
    path.write_text(text + "\n", encoding="utf-8")
