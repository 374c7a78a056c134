"""The loaders on the real gold data in ``../shared/data`` (skipped where it is absent), and
the floors of every task in ``eval_baseline.json``: the ratchet, run by the tests."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from crosscheck.evaluate import TASKS, evaluate, floors
from crosscheck.evaluate.casualties import Casualties, score_gvdb
from crosscheck.evaluate.geoparsing import score_places
from crosscheck.evaluate.linking import score_clusters
from crosscheck.evaluate.ner import NerDocument, score_entities
from crosscheck.evaluate.quotes import score_quotes
from crosscheck.model import Count

ROOT = Path(__file__).resolve().parents[2]

# development half (see ../shared/data/README.md): documents/items each loader yields
ITEMS = {
    "article-extraction": 79,
    "ner/conllpp": 231,
    "ner/factrueval-2016": 68,
    "ner/ner-uk-2.0": 83,
    "ner/nerel-1.1": 49,
    "quotes/polnear": 36,
    "quotes/ru-adaq": 208,
    "casualties/gvdb": 264,
    "casualties/ucdp-ged": 1505,
    "geoparsing/geowebnews": 200,
    "linking/ecbplus": 102,
    "linking/wikidata-names": 9702,
}


@pytest.fixture
def data(shared: Path) -> Path:
    return shared / "data"


@pytest.mark.parametrize("task", TASKS, ids=lambda task: task.name)
def test_loader_reads_the_real_set(data: Path, task: object) -> None:
    root = data / task.path  # type: ignore[attr-defined]
    if not root.exists():
        pytest.skip(f"{root} is absent")
    items = task.load(root)  # type: ignore[attr-defined]
    assert len(items) == ITEMS[task.name]  # type: ignore[attr-defined]


def test_conllpp_entity_counts_match_the_readme(data: Path) -> None:
    task = next(t for t in TASKS if t.name == "ner/conllpp")
    documents: list[NerDocument] = list(task.load(data / task.path))
    kinds = Counter(entity.kind for document in documents for entity in document.entities)
    assert kinds == {"LOC": 1646, "ORG": 1715, "PER": 1618}
    for document in documents:
        assert all(0 <= e.span.start < e.span.end <= len(document.text) for e in document.entities)


def test_every_present_set_holds_its_floors(data: Path) -> None:
    # The ratchet: every pinned score on a set that is present, measured by the real extractors
    # (about two minutes on the whole development half).
    report = evaluate(data)
    assert report.scored, "no task produced a score"
    assert floors.check(report, floors.load(ROOT / "eval_baseline.json")) == []


def loaded(data: Path, name: str) -> list[Any]:
    task = next(t for t in TASKS if t.name == name)
    if not (data / task.path).exists():
        pytest.skip(f"{name} is absent")
    return list(task.load(data / task.path))


def oracle(items: list[Any], answer: Callable[[Any], Any]) -> Callable[[str, str], Any]:
    """A predictor that returns the gold itself: loader and scorer must then agree on 1.0."""
    by_text = {item.text: answer(item) for item in items}
    return lambda text, language: by_text[text]


@pytest.mark.parametrize(
    "name", ["ner/conllpp", "ner/factrueval-2016", "ner/ner-uk-2.0", "ner/nerel-1.1"]
)
def test_gold_as_prediction_scores_one_ner(data: Path, name: str) -> None:
    documents = loaded(data, name)
    rows = score_entities(documents, oracle(documents, lambda d: list(d.entities)))
    assert {row.metric: row.score for row in rows}["micro.f1"] == 1.0


@pytest.mark.parametrize("name", ["quotes/polnear", "quotes/ru-adaq"])
def test_gold_as_prediction_scores_one_quotes(data: Path, name: str) -> None:
    documents = loaded(data, name)
    rows = score_quotes(documents, oracle(documents, lambda d: list(d.quotes)))
    assert all(row.score == 1.0 for row in rows)


def test_gold_as_prediction_scores_one_places(data: Path) -> None:
    documents = loaded(data, "geoparsing/geowebnews")
    rows = score_places(documents, oracle(documents, lambda d: list(d.places)))
    assert all(row.score == 1.0 for row in rows)


def test_gold_as_prediction_scores_one_gvdb(data: Path) -> None:
    articles = loaded(data, "casualties/gvdb")
    answer = oracle(
        articles, lambda a: Casualties(killed=Count(best=a.killed), injured=Count(best=a.injured))
    )
    assert all(row.score == 1.0 for row in score_gvdb(articles, answer))


def test_gold_as_prediction_scores_one_ecbplus(data: Path) -> None:
    documents = loaded(data, "linking/ecbplus")
    subtopics: dict[str, set[str]] = {}
    for document in documents:
        subtopics.setdefault(document.subtopic, set()).add(document.doc_id)
    rows = {
        r.metric: r.score for r in score_clusters(documents, lambda d: list(subtopics.values()))
    }
    assert rows["subtopic.bcubed_f1"] == rows["subtopic.conll_f1"] == 1.0
    assert rows["topic.bcubed_f1"] < 1.0  # each topic holds two events
