"""``evaluate()``: task selection, absent sets, the predictor registry, corrupt gold."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from crosscheck.errors import SettingsError
from crosscheck.evaluate import GoldError, evaluate, task, task_names
from crosscheck.evaluate.ner import Entity
from crosscheck.evaluate.task import NO_EXTRACTOR
from crosscheck.model import Span


@pytest.fixture
def registry(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, object]]:
    """The registry with no predictors and nothing to import them from."""
    fresh: dict[str, object] = {}
    monkeypatch.setattr(task, "ADAPTERS", {})
    monkeypatch.setattr(task, "PREDICTORS", fresh)
    yield fresh


def write_conllpp(data: Path) -> None:
    folder = data / "ner" / "conllpp"
    folder.mkdir(parents=True)
    (folder / "conllpp_test.txt").write_text(
        "-DOCSTART- -X- -X- O\n\nAnna NNP I-NP B-PER\nwon VBD I-VP O\n", encoding="utf-8"
    )


def test_absent_sets_are_skipped_with_a_note(tmp_path: Path, registry: dict[str, object]) -> None:
    report = evaluate(tmp_path)
    assert [r.task for r in report.rows] == task_names()
    assert all(
        r.score is None and r.note == f"{r.task}: not found in {tmp_path}" for r in report.rows
    )


def test_a_task_without_extractor_reports_items_but_no_score(
    tmp_path: Path, registry: dict[str, object]
) -> None:
    write_conllpp(tmp_path)
    (row,) = evaluate(tmp_path, tasks=["ner/conllpp"]).rows
    assert (row.score, row.items, row.note) == (None, 1, NO_EXTRACTOR)
    assert len(row.gold_sha256) == 64


def test_a_registered_predictor_is_scored(tmp_path: Path, registry: dict[str, object]) -> None:
    write_conllpp(tmp_path)
    registry["ner"] = lambda text, language: [Entity(kind="PER", span=Span(0, 4))]
    report = evaluate(tmp_path, tasks=["ner"])
    scored = {(r.task, r.metric): r.score for r in report.scored}
    assert scored[("ner/conllpp", "micro.f1")] == 1.0
    assert {r.task for r in report.rows} == {
        name for name in task_names() if name.startswith("ner/")
    }
    assert report.to_json()["rows"][0]["task"] == "ner/conllpp"


def test_unknown_task_and_missing_folder_are_user_errors(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="unknown task 'nre'"):
        evaluate(tmp_path, tasks=["nre"])
    with pytest.raises(SettingsError, match="does not exist"):
        evaluate(tmp_path / "nowhere")


def write_article(data: Path, truth: object) -> None:
    folder = data / "article-extraction"
    (folder / "html").mkdir(parents=True)
    (folder / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    page = (
        "<html><head><title>Bridge reopens</title></head><body><nav>Home | World</nav><article>"
        "<h1>Bridge reopens</h1><p>The bridge over the river reopened on Monday after repairs that"
        " took three months, the city council said in a statement.</p><p>Traffic is expected to"
        " return to normal levels by the end of the week, officials added.</p></article>"
        "</body></html>"
    )
    (folder / "html" / "abc.html.gz").write_bytes(gzip.compress(page.encode()))


def test_article_extraction_runs_crosscheck_on_the_pages(tmp_path: Path) -> None:
    body = "The bridge over the river reopened on Monday after repairs that took three months."
    write_article(tmp_path, {"abc": {"articleBody": body, "url": "https://example.org/a"}})
    rows = evaluate(tmp_path, tasks=["article-extraction"]).rows
    if rows[0].score is None:  # document_from_html not written yet
        assert "not implemented" in rows[0].note
        return
    assert [r.metric for r in rows] == ["precision", "recall", "f1", "accuracy"]
    assert all(0.0 <= (r.score or 0.0) <= 1.0 and r.items == 1 for r in rows)


@pytest.mark.parametrize(
    ("truth", "message"),
    [
        ("not an object", "expected an object of items"),
        ({"abc": {"url": "x"}}, "item abc has no articleBody"),
        ({"zzz": {"articleBody": "x"}}, r"zzz\.html\.gz: cannot be read"),
    ],
)
def test_corrupt_article_gold_names_the_file(tmp_path: Path, truth: object, message: str) -> None:
    write_article(tmp_path, truth)
    with pytest.raises(GoldError, match=message):
        evaluate(tmp_path, tasks=["article-extraction"])


def test_corrupt_gzip_names_the_page(tmp_path: Path) -> None:
    write_article(tmp_path, {"abc": {"articleBody": "x"}})
    (tmp_path / "article-extraction" / "html" / "abc.html.gz").write_bytes(b"not gzip")
    with pytest.raises(GoldError, match=r"abc\.html\.gz: is not a valid gzip file"):
        evaluate(tmp_path, tasks=["article-extraction"])
