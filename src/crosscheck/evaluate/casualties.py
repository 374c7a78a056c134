"""Casualty counts: how many were killed (and injured) according to the text.

- GVDB (gun-violence news articles): the gold count of killed is the number of victims whose
  ``victim-was`` includes ``killed`` (the set's README); injured, our reading of the same field,
  is the number whose ``victim-was`` includes ``injured`` or ``hospitalized`` but not
  ``killed``. Scored as the share of articles whose extracted count equals the gold count.
- UCDP GED, Ukraine 2014-2022 (headlines of the reports behind each event), scored as the
  set's README recommends, because a headline's figure may legitimately differ from the
  event's: (a) events with one report whose headline has a digit: the share whose extracted
  deaths lie in the gold [low, high]; (b) events with several reports: the share where the
  range of the counts extracted from all headlines covers the gold ``best``.

An extracted count is read as one figure: ``best``, else ``low``, else ``high`` ("at least 5"
counts as 5). A GVDB article with no killed count extracted counts as 0 killed (212 of the 500
articles report none); a UCDP headline with none is a miss, since every event has deaths.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crosscheck.evaluate.gold import GoldError, integer, tsv_rows
from crosscheck.evaluate.report import Score
from crosscheck.evaluate.task import Task, registered
from crosscheck.extract.claim_tolls import Toll, figure
from crosscheck.model import Count

__all__ = [
    "TASKS",
    "Casualties",
    "CasualtyPredictor",
    "DeathEvent",
    "ShootingArticle",
    "load_gvdb",
    "load_ucdp",
    "score_gvdb",
    "score_ucdp",
]


#: what an extractor found in one text: the killed and injured counts, None when absent
Casualties = Toll


#: (text, language) -> the casualties it reports
CasualtyPredictor = Callable[[str, str], Casualties]


@dataclass(frozen=True, slots=True, kw_only=True)
class ShootingArticle:
    article_id: str
    text: str = field(repr=False)
    killed: int
    injured: int


@dataclass(frozen=True, slots=True, kw_only=True)
class DeathEvent:
    """A UCDP event; ``low``/``best``/``high`` as coded (7 events have ``low > best`` or
    ``best > high`` upstream, so they are kept as given and not forced into a ``Count``)."""

    event_id: str
    headlines: tuple[str, ...]
    low: int
    best: int
    high: int


# --- GVDB -----------------------------------------------------------------------------------


def load_gvdb(path: Path) -> list[ShootingArticle]:
    """``test.tsv``: ``Article id, Article url, Article title, Full text, Json, Worker``."""
    return [_shooting(row, path) for row in tsv_rows(path, ["Article id", "Full text", "Json"])]


def _shooting(row: dict[str, str], path: Path) -> ShootingArticle:
    where = f"{path} (article {row['Article id']})"
    try:
        annotation = json.loads(row["Json"])
    except json.JSONDecodeError as error:
        raise GoldError(where, f"no readable Json column ({error})") from error
    outcomes = [_outcomes(victim, where) for victim in _victims(annotation, where)]
    injured = sum(bool(o & {"injured", "hospitalized"}) and "killed" not in o for o in outcomes)
    return ShootingArticle(
        article_id=row["Article id"],
        text=row["Full text"],
        killed=sum("killed" in o for o in outcomes),
        injured=injured,
    )


def _victims(annotation: Any, where: str) -> list[Any]:
    victims = annotation.get("victim-section", []) if isinstance(annotation, dict) else None
    if not isinstance(victims, list):
        raise GoldError(where, "victim-section is not a list")
    return victims


def _outcomes(victim: Any, where: str) -> set[str]:
    outcomes = victim.get("victim-was", []) if isinstance(victim, dict) else None
    if not isinstance(outcomes, list):
        raise GoldError(where, "a victim's victim-was is not a list")
    return {str(outcome) for outcome in outcomes}


def score_gvdb(articles: Sequence[ShootingArticle], predict: CasualtyPredictor) -> list[Score]:
    """Share of articles whose extracted killed (injured) count equals the gold count."""
    found = [predict(article.text, "en") for article in articles]
    killed = sum((figure(f.killed) or 0) == a.killed for f, a in zip(found, articles, strict=True))
    injured = sum(
        (figure(f.injured) or 0) == a.injured for f, a in zip(found, articles, strict=True)
    )
    total = len(articles)
    return [
        Score(metric="killed.exact", score=killed / total if total else 0.0, items=total),
        Score(metric="injured.exact", score=injured / total if total else 0.0, items=total),
    ]


# --- UCDP GED -------------------------------------------------------------------------------

# "Outlet,YYYY-MM-DD,Headline": headlines may hold commas and semicolons, so source_headline
# (joined by ";") cannot be split safely; source_article quotes each report
_REPORT = re.compile(
    r'"(?P<office>[^"]*?),(?P<date>\d{4}-\d{2}-\d{2}),(?P<headline>.*?)"(?:;|$)', re.S
)


def load_ucdp(path: Path) -> list[DeathEvent]:
    columns = ["id", "number_of_sources", "source_article", "low", "best", "high"]
    return [_event(row, path) for row in tsv_rows(path, columns, delimiter=",")]


def _event(row: dict[str, str], path: Path) -> DeathEvent:
    where = f"{path} (event {row['id']})"
    headlines = tuple(m["headline"] for m in _REPORT.finditer(row["source_article"]))
    if str(len(headlines)) != row["number_of_sources"]:
        raise GoldError(
            where, f"{len(headlines)} reports in source_article, expected number_of_sources"
        )
    low, best, high = (integer(row[name], where) for name in ("low", "best", "high"))
    return DeathEvent(event_id=row["id"], headlines=headlines, low=low, best=best, high=high)


def score_ucdp(events: Sequence[DeathEvent], predict: CasualtyPredictor) -> list[Score]:
    """(a) single-report events with a digit in the headline: deaths within [low, high];
    (b) multi-report events: the range of extracted counts covers ``best``."""
    single = [e for e in events if len(e.headlines) == 1 and re.search(r"\d", e.headlines[0])]
    several = [e for e in events if len(e.headlines) > 1]
    inside = sum(_inside(e, figure(predict(e.headlines[0], "en").killed)) for e in single)
    covered = sum(_covers(e, [predict(h, "en").killed for h in e.headlines]) for e in several)
    return [
        Score(metric="deaths.in_range", score=_share(inside, single), items=len(single)),
        Score(metric="deaths.covers_best", score=_share(covered, several), items=len(several)),
    ]


def _inside(event: DeathEvent, deaths: int | None) -> bool:
    low, high = sorted((event.low, event.high))
    return deaths is not None and low <= deaths <= high


def _covers(event: DeathEvent, counts: list[Count | None]) -> bool:
    values = [v for c in counts if c is not None for v in (c.low, c.best, c.high) if v is not None]
    return bool(values) and min(values) <= event.best <= max(values)


def _share(hits: int, items: Sequence[object]) -> float:
    return hits / len(items) if items else 0.0


TASKS = (
    Task(
        name="casualties/gvdb",
        path="casualty-counts/gvdb/test.tsv",
        load=load_gvdb,
        score=score_gvdb,
        predictor=registered("casualties"),
    ),
    Task(
        name="casualties/ucdp-ged",
        path="casualty-counts/ucdp-ged-ukraine/UCDP-Ukraine.csv",
        load=load_ucdp,
        score=score_ucdp,
        predictor=registered("casualties"),
    ),
)
