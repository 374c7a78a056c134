"""A task: one gold set, its loader, its scorer and the crosscheck extractor it measures.

Extractors register a predictor under a task family's name when they land::

    # crosscheck/extract/entities.py
    from crosscheck.evaluate.task import PREDICTORS
    PREDICTORS["ner"] = predict_entities        # a NerPredictor, see evaluate/ner.py

and add their module to ``EXTRACTOR_MODULES`` so that ``evaluate`` imports it. A family with no
predictor is reported as skipped: no number is ever shown that no extractor produced.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from crosscheck.evaluate.gold import gold_sha256
from crosscheck.evaluate.report import Row, Score

__all__ = ["EXTRACTOR_MODULES", "NO_EXTRACTOR", "PREDICTORS", "Task", "find_predictor"]

#: task family -> predictor; filled by extractor modules at import (see the module docstring)
PREDICTORS: dict[str, Callable[..., Any]] = {}

#: modules imported before predictors are looked up; a module not written yet is passed over
EXTRACTOR_MODULES: tuple[str, ...] = (
    "crosscheck.extract.entities",
    "crosscheck.extract.quotes",
    "crosscheck.extract.claims",
    "crosscheck.extract.counts",
    "crosscheck.extract.places",
    "crosscheck.link.copies",
    "crosscheck.link.people",
    "crosscheck.link.incidents",
)

NO_EXTRACTOR = "no crosscheck extractor yet"

T = TypeVar("T")
P = TypeVar("P")


def find_predictor(name: str) -> Callable[..., Any] | None:
    """The predictor registered under ``name``, importing the extractor modules that exist."""
    for module in EXTRACTOR_MODULES:
        if _exists(module):
            importlib.import_module(module)
    return PREDICTORS.get(name)


def _exists(module: str) -> bool:
    # find_spec imports the parent package, which raises when the parent is not written yet
    parent = module.rpartition(".")[0]
    if parent and not _exists(parent):
        return False
    return importlib.util.find_spec(module) is not None


@dataclass(frozen=True, slots=True, kw_only=True)
class Task(Generic[T, P]):
    """``path`` is relative to the data folder; ``predictor`` returns None while none exists."""

    name: str
    path: str
    load: Callable[[Path], Sequence[T]]
    score: Callable[[Sequence[T], P], list[Score]]
    predictor: Callable[[], tuple[P | None, str]]

    def run(self, data_dir: Path) -> list[Row]:
        """Load the gold, predict and score; absent gold or extractor gives one skipped row."""
        root = data_dir / self.path
        if not root.exists():
            return [self._skipped(0, f"{self.name}: not found in {data_dir}", "")]
        items = self.load(root)
        sha = gold_sha256(root)
        predict, why = self.predictor()
        if predict is None:
            return [self._skipped(len(items), why, sha)]
        return [self._row(score, sha) for score in self.score(items, predict)]

    def _row(self, score: Score, sha: str) -> Row:
        return Row(
            task=self.name,
            metric=score.metric,
            score=score.score,
            items=score.items,
            note=score.note,
            gold_sha256=sha,
            lower_is_better=score.lower_is_better,
        )

    def _skipped(self, items: int, note: str, sha: str) -> Row:
        return Row(task=self.name, metric="-", score=None, items=items, note=note, gold_sha256=sha)


def registered(name: str) -> Callable[[], tuple[Callable[..., Any] | None, str]]:
    """A ``Task.predictor`` that looks ``name`` up in the registry."""

    def lookup() -> tuple[Callable[..., Any] | None, str]:
        return find_predictor(name), NO_EXTRACTOR

    return lookup
