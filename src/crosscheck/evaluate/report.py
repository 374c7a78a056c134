"""What an evaluation run returns: one row per (task, metric), printable as a table or JSON."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

__all__ = ["Report", "Row", "Score"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Score:
    """One figure a task's scorer measured, before it is stamped with the task and its gold."""

    metric: str
    score: float
    items: int
    note: str = ""
    lower_is_better: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Row:
    """One line of the report.

    ``score`` is None when nothing was measured (the set is absent, or no crosscheck extractor
    exists for the task yet); ``note`` then says why. ``items`` counts what the score averages
    over (pages, documents, quotes, events...). ``gold_sha256`` fingerprints the gold files read
    (empty when the set is absent). ``lower_is_better`` marks error rates (false merges).
    """

    task: str
    metric: str
    score: float | None
    items: int
    note: str = ""
    gold_sha256: str = ""
    lower_is_better: bool = False


@dataclass(frozen=True, slots=True)
class Report:
    rows: tuple[Row, ...] = ()

    @property
    def scored(self) -> tuple[Row, ...]:
        """The rows that carry a number (what floors are checked against)."""
        return tuple(row for row in self.rows if row.score is not None)

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict: ``{"rows": [{"task", "metric", "score", "items", ...}, ...]}``."""
        return {"rows": [asdict(row) for row in self.rows]}
