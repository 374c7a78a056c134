"""The loaders on the real gold data in ``../shared/data`` (skipped where it is absent), and
the article-extraction floors in ``eval_baseline.json``: the ratchet, run by the tests."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from crosscheck.evaluate import TASKS, evaluate, floors
from crosscheck.evaluate.ner import NerDocument

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


def test_article_extraction_holds_its_floors(data: Path) -> None:
    report = evaluate(data, tasks=["article-extraction"])
    if report.rows[0].score is None:
        pytest.skip(report.rows[0].note)
    assert floors.check(report, floors.load(ROOT / "eval_baseline.json")) == []
