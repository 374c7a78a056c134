"""A task: one gold set, its loader, its scorer and the crosscheck stage it measures.

Predictors live in ``evaluate.predictors`` and are looked up by name through ``ADAPTERS``;
evaluation imports extraction and linking, never the other way round. Names and the protocol
each predictor follows:

==============  =====================================  ======================================
name            protocol                               tasks
==============  =====================================  ======================================
``ner``         ``ner.NerPredictor``                   ner/*
``quotes``      ``quotes.QuotePredictor``              quotes/*
``casualties``  ``casualties.CasualtyPredictor``       casualties/*
``geoparsing``  ``geoparsing.PlacePredictor``          geoparsing/*
``clustering``  ``linking.DocumentClusterer``          linking/ecbplus
``name_key``    ``linking.NameKey``                    linking/wikidata-names
==============  =====================================  ======================================

A name with no predictor is reported as skipped: no number is ever shown that no crosscheck
stage produced. (Article extraction needs no entry: it runs ``ingest.html`` itself.)
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from crosscheck.evaluate.gold import gold_sha256
from crosscheck.evaluate.report import Row, Score

__all__ = ["ADAPTERS", "NO_EXTRACTOR", "PREDICTORS", "Task", "find_predictor"]

#: predictor name -> "module:function" of the predictor (imported on first lookup)
ADAPTERS: dict[str, str] = {
    "ner": "crosscheck.evaluate.predictors:predict_entities",
    "quotes": "crosscheck.evaluate.predictors:predict_quotes",
    "casualties": "crosscheck.evaluate.predictors:predict_casualties",
    "geoparsing": "crosscheck.evaluate.predictors:predict_places",
    "clustering": "crosscheck.evaluate.predictors:predict_clusters",
    "name_key": "crosscheck.extract.names:name_key",
}

#: the predictors looked up so far, by name
PREDICTORS: dict[str, Callable[..., Any]] = {}

NO_EXTRACTOR = "no crosscheck extractor yet"

T = TypeVar("T")
P = TypeVar("P")


def find_predictor(name: str) -> Callable[..., Any] | None:
    """The predictor named ``name``, importing its module on first use."""
    if name not in PREDICTORS and name in ADAPTERS:
        module, _, function = ADAPTERS[name].partition(":")
        PREDICTORS[name] = getattr(importlib.import_module(module), function)
    return PREDICTORS.get(name)


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
