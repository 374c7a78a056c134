"""``crosscheck evaluate``: extraction quality against public gold data nobody here wrote.

``evaluate(data_dir)`` runs every task whose gold set is present under ``data_dir`` (the layout
of ``../shared/data``) and returns a ``Report``: one row per (task, metric) with its score, the
number of items it averages over, a note, and the SHA-256 of the gold read. A set that is
absent, and a task with no crosscheck extractor yet, each give one row with no score and a note
saying why; no number is ever reported that no crosscheck extractor produced.

Tasks (``--task`` takes a name or its family, e.g. ``ner``):

=========================  ============================================================
article-extraction         page -> article text: the benchmark's 4-shingle P/R/F1, accuracy
ner/<set>                  PER/LOC/ORG exact-span P/R/F1 (CoNLL++, factRuEval, NER-UK, NEREL)
quotes/<set>               GenderGapTracker quote F1 @0.3/@0.8, speaker accuracy (PolNeAR, ADAQ)
casualties/<set>           killed/injured exact (GVDB); deaths within [low, high] (UCDP GED)
geoparsing/geowebnews      toponym P/R/F1, accuracy@161 km
linking/<set>              document clusters B-cubed / CoNLL F1 (ECB+); name keys (Wikidata)
=========================  ============================================================

Floors (the ratchet over these rows) are in ``crosscheck.evaluate.floors``.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from crosscheck.errors import SettingsError
from crosscheck.evaluate import article, casualties, geoparsing, linking, ner, quotes
from crosscheck.evaluate.gold import GoldError
from crosscheck.evaluate.report import Report, Row
from crosscheck.evaluate.task import PREDICTORS, Task

__all__ = ["PREDICTORS", "TASKS", "GoldError", "Report", "Row", "evaluate", "task_names"]

TASKS: tuple[Task[Any, Any], ...] = (
    *article.TASKS,
    *ner.TASKS,
    *quotes.TASKS,
    *casualties.TASKS,
    *geoparsing.TASKS,
    *linking.TASKS,
)


def task_names() -> list[str]:
    """Every task's name, in report order."""
    return [task.name for task in TASKS]


def evaluate(data_dir: Path | str, *, tasks: Iterable[str] | None = None) -> Report:
    """Score crosscheck's extractors on the gold sets in ``data_dir`` (all tasks, or those
    named in ``tasks``: a task name or a family such as ``ner``)."""
    folder = Path(data_dir)
    if not folder.is_dir():
        raise SettingsError(f"gold data folder {folder} does not exist")
    selected = TASKS if tasks is None else _select(list(tasks))
    return Report(tuple(row for task in selected for row in task.run(folder)))


def _select(names: list[str]) -> tuple[Task[Any, Any], ...]:
    for name in names:
        if not any(_chosen(task, [name]) for task in TASKS):
            families = sorted({task.name.split("/")[0] for task in TASKS})
            raise SettingsError(f"unknown task {name!r}; tasks: {', '.join(families)} or NAME/SET")
    return tuple(task for task in TASKS if _chosen(task, names))


def _chosen(task: Task[Any, Any], names: list[str]) -> bool:
    return any(task.name == name or task.name.startswith(f"{name}/") for name in names)
