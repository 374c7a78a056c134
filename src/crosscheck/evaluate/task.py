"""A task: one gold set, its loader, its scorer and the crosscheck extractor it measures.

Extractors register a predictor under its name when they land::

    # crosscheck/extract/entities.py
    from crosscheck.evaluate.task import PREDICTORS
    PREDICTORS["ner"] = predict_entities        # a NerPredictor, see evaluate/ner.py

and list their module under that name in ``EXTRACTOR_MODULES``, so that looking the name up
imports it. Names and the protocol each predictor follows:

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
extractor produced. (Article extraction needs no entry: it runs ``ingest.html`` itself.)
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

#: predictor name -> predictor; filled by extractor modules at import (see the module docstring)
PREDICTORS: dict[str, Callable[..., Any]] = {}

#: per predictor name, the modules that may register it; imported (where written) on lookup, so
#: that a broken module breaks only the tasks it serves
EXTRACTOR_MODULES: dict[str, tuple[str, ...]] = {
    "ner": ("crosscheck.extract.entities",),
    "quotes": ("crosscheck.extract.quotes",),
    "casualties": ("crosscheck.extract.claims", "crosscheck.extract.counts"),
    "geoparsing": ("crosscheck.extract.places", "crosscheck.link.places"),
    "clustering": ("crosscheck.link.copies", "crosscheck.link.incidents"),
    "name_key": ("crosscheck.extract.names", "crosscheck.link.people"),
}

NO_EXTRACTOR = "no crosscheck extractor yet"

T = TypeVar("T")
P = TypeVar("P")


def find_predictor(name: str) -> Callable[..., Any] | None:
    """The predictor registered under ``name``, importing the extractor modules that exist."""
    for module in EXTRACTOR_MODULES.get(name, ()):
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
