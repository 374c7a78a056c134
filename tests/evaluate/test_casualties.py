"""Casualty loaders on synthetic GVDB and UCDP rows; exact-count and in-range scoring."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from crosscheck.evaluate.casualties import (
    Casualties,
    DeathEvent,
    ShootingArticle,
    figure,
    load_gvdb,
    load_ucdp,
    score_gvdb,
    score_ucdp,
)
from crosscheck.evaluate.gold import GoldError
from crosscheck.model import Count


def write_gvdb(path: Path, victims: list[list[str]], annotation: str | None = None) -> None:
    section = [
        {"name": {"value": "", "startIndex": -1, "endIndex": -1}, "victim-was": v} for v in victims
    ]
    cell = annotation if annotation is not None else json.dumps({"victim-section": section})
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter="\t", lineterminator="\n")
    writer.writerow(["Article id", "Article url", "Article title", "Full text", "Json", "Worker"])
    writer.writerow(["7", "http://x", "Title", "Two dead,\nthree hurt.", cell, "W1"])
    path.write_text(buffer.getvalue(), encoding="utf-8")


def test_load_gvdb_counts_victims(tmp_path: Path) -> None:
    path = tmp_path / "test.tsv"
    write_gvdb(path, [["killed"], ["injured", "killed"], ["hospitalized"], ["injured"], []])
    (article,) = load_gvdb(path)
    assert (article.article_id, article.killed, article.injured) == ("7", 2, 2)
    assert article.text == "Two dead,\nthree hurt."


def test_load_gvdb_rejects_broken_json(tmp_path: Path) -> None:
    path = tmp_path / "test.tsv"
    write_gvdb(path, [], annotation="{not json")
    with pytest.raises(GoldError, match=r"test\.tsv \(article 7\): no readable Json"):
        load_gvdb(path)


def test_figure_reads_best_then_low_then_high() -> None:
    assert figure(Count(low=2, best=3, high=5)) == 3
    assert figure(Count(low=21)) == 21
    assert figure(Count(high=30)) == 30
    assert figure(None) is None


ARTICLES = [
    ShootingArticle(article_id="1", text="a", killed=2, injured=0),
    ShootingArticle(article_id="2", text="b", killed=0, injured=1),
]


def test_score_gvdb_exact_and_absent_counts_as_zero() -> None:
    answers = {"a": Casualties(killed=Count(best=2)), "b": Casualties(injured=Count(low=1, high=3))}
    rows = score_gvdb(ARTICLES, lambda text, language: answers[text])
    assert {row.metric: row.score for row in rows} == {"killed.exact": 1.0, "injured.exact": 1.0}
    rows = score_gvdb(ARTICLES, lambda text, language: Casualties())
    assert {row.metric: row.score for row in rows} == {"killed.exact": 0.5, "injured.exact": 0.5}


def test_score_gvdb_empty() -> None:
    assert [row.score for row in score_gvdb([], lambda text, language: Casualties())] == [0.0, 0.0]


def write_ucdp(path: Path, *rows: tuple[str, str, str, int, int, int]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["id", "number_of_sources", "source_article", "low", "best", "high"])
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def test_load_ucdp_splits_reports_with_commas_and_semicolons(tmp_path: Path) -> None:
    path = tmp_path / "UCDP.csv"
    article = (
        '"AFP,2014-05-04,Fierce battles; 3 dead, 2 hurt";"Reuters News,2014-05-05,Five killed"'
    )
    write_ucdp(path, ("1", "2", article, 3, 5, 7))
    (event,) = load_ucdp(path)
    assert event.headlines == ("Fierce battles; 3 dead, 2 hurt", "Five killed")
    assert (event.low, event.best, event.high) == (3, 5, 7)


def test_load_ucdp_rejects_a_miscounted_event(tmp_path: Path) -> None:
    path = tmp_path / "UCDP.csv"
    write_ucdp(path, ("9", "2", '"AFP,2014-05-04,One dead"', 1, 1, 1))
    with pytest.raises(GoldError, match=r"UCDP\.csv \(event 9\): 1 reports"):
        load_ucdp(path)


EVENTS = [
    DeathEvent(event_id="1", headlines=("4 killed",), low=2, best=3, high=5),
    DeathEvent(event_id="2", headlines=("9 killed",), low=2, best=3, high=5),
    DeathEvent(event_id="3", headlines=("Several killed",), low=2, best=3, high=5),  # no digit
    DeathEvent(event_id="4", headlines=("2 dead", "toll rises to 6"), low=3, best=4, high=6),
    DeathEvent(event_id="5", headlines=("1 dead", "no figure"), low=3, best=4, high=6),
    DeathEvent(event_id="6", headlines=("7 dead",), low=7, best=6, high=7),  # upstream disorder
]


def deaths(text: str, language: str) -> Casualties:
    digits = "".join(c for c in text if c.isdigit())
    return Casualties(killed=Count(best=int(digits))) if digits else Casualties()


def test_score_ucdp_in_range_and_covering() -> None:
    rows = {row.metric: row for row in score_ucdp(EVENTS, deaths)}
    in_range, covers = rows["deaths.in_range"], rows["deaths.covers_best"]
    assert (in_range.score, in_range.items) == (2 / 3, 3)  # 4 in [2, 5]; 9 not; 7 in [7, 7]
    assert (covers.score, covers.items) == (0.5, 2)  # [2, 6] covers 4; [1, 1] does not


def test_score_ucdp_nothing_extracted() -> None:
    rows = score_ucdp(EVENTS, lambda text, language: Casualties())
    assert [row.score for row in rows] == [0.0, 0.0]
