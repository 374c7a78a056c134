"""Quote loaders on synthetic PolNeAR and ADAQ files; GenderGapTracker-style scoring."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosscheck.evaluate.gold import GoldError
from crosscheck.evaluate.quotes import (
    QuoteDocument,
    QuoteSpans,
    load_adaq,
    load_polnear,
    score_quotes,
)
from crosscheck.model import Span

TEXT = "Obama says Trump is wrong. Aides believe it will pass."


def write_polnear(root: Path, annotation: str, name: str = "a_2016_x_ef2d.ann") -> None:
    (root / "text").mkdir(exist_ok=True)
    (root / "attributions").mkdir(exist_ok=True)
    (root / "text" / "a_2016_x.txt").write_text(TEXT, encoding="utf-8")
    (root / "attributions" / name).write_text(annotation, encoding="utf-8")


ANNOTATION = (
    "T1\tSource 0 5\tObama\nT2\tCue 6 10\tsays\nT4\tAttribution 6 10\tsays\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"  # T3 is written after the event
    "T3\tContent 11 25\tTrump is wrong\n"
    "T5\tCue 33 40\tbelieve\nT6\tContent 41 43;44 53\tit will pass\n"
    "E2\tAttribution-no-source:T5 Cue:T5 Content:T6\nT7\tDiscuss 0 25\tObama says Trump is wrong\n"
)


def test_load_polnear_relations(tmp_path: Path) -> None:
    write_polnear(tmp_path, ANNOTATION)
    (document,) = load_polnear(tmp_path)
    first, second = document.quotes
    assert [TEXT[s.start : s.end] for s in first.content + first.source] == [
        "Trump is wrong",
        "Obama",
    ]
    assert second.source == () and [TEXT[s.start : s.end] for s in second.content] == [
        "it",
        "will pass",
    ]


def test_load_polnear_takes_the_first_annotator(tmp_path: Path) -> None:
    write_polnear(tmp_path, ANNOTATION, "a_2016_x_4b22.ann")
    write_polnear(tmp_path, "", "a_2016_x_ef2d.ann")
    (document,) = load_polnear(tmp_path)
    assert len(document.quotes) == 2


def test_load_polnear_rejects_a_dangling_argument(tmp_path: Path) -> None:
    write_polnear(tmp_path, "E1\tAttribution:T4 Content:T3\n")
    with pytest.raises(GoldError, match=r"a_2016_x_ef2d\.ann: E1 refers to unknown 'T4'"):
        load_polnear(tmp_path)


def test_load_polnear_needs_its_folders(tmp_path: Path) -> None:
    with pytest.raises(GoldError, match="text: is missing"):
        load_polnear(tmp_path)


def write_adaq(root: Path) -> None:
    (root / "ru_sentences.tsv").write_text(
        'sentences\tsentence_id\nМама сказала: "иди".\tdoc_1\nНичего не было.\tdoc_2\n',
        encoding="utf-8",
    )
    rows = [
        ("мама", "Мама", "doc_1", 1, "source"),
        ("сказать", "сказала", "doc_1", 2, "cue"),
        (":", ":", "doc_1", 3, "None"),
        ('"', '"', "doc_1", 4, "content"),
        ("идти", "иди", "doc_1", 5, "content"),
        ('"', '"', "doc_1", 6, "content"),
        (".", ".", "doc_1", 7, "None"),
        ("ничто", "Ничего", "doc_2", 1, "None"),
    ]
    lines = ["lemmas\ttext\tsentence_num\tindex_of_token_sent\ttags"]
    for row in rows:
        lines.append("\t".join('""""' if v == '"' else str(v) for v in row))
    (root / "ru_tokens.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_load_adaq_aligns_tokens_and_builds_one_quote_per_sentence(tmp_path: Path) -> None:
    write_adaq(tmp_path)
    quoted, empty = load_adaq(tmp_path)
    (quote,) = quoted.quotes
    assert [quoted.text[s.start : s.end] for s in quote.content] == ['"', "иди", '"']
    assert [quoted.text[s.start : s.end] for s in quote.source] == ["Мама"]
    assert len(quoted.tokens) == 7 and empty.quotes == ()


def test_load_adaq_rejects_a_token_not_in_its_sentence(tmp_path: Path) -> None:
    write_adaq(tmp_path)
    path = tmp_path / "ru_tokens.tsv"
    path.write_text(path.read_text(encoding="utf-8").replace("Ничего\t", "Всё\t"), encoding="utf-8")
    with pytest.raises(GoldError, match=r"ru_tokens\.tsv \(doc_2\): token 'Всё'"):
        load_adaq(tmp_path)


def quote(content: tuple[int, int], source: tuple[int, int] | None = None) -> QuoteSpans:
    return QuoteSpans(content=(Span(*content),), source=(Span(*source),) if source else ())


def by_metric(documents: list[QuoteDocument], predicted: list[QuoteSpans]) -> dict[str, float]:
    rows = score_quotes(documents, lambda text, language: predicted)
    return {row.metric: round(row.score, 4) for row in rows}


CHARACTERS = QuoteDocument(
    doc_id="d", language="en", text=TEXT, quotes=(quote((11, 25), (0, 5)), quote((41, 53)))
)


def test_score_quotes_in_characters() -> None:
    # 9 of 14 characters (0.64): a match at 0.3 only; its speaker overlaps; a spurious quote
    result = by_metric([CHARACTERS], [quote((16, 30), (0, 2)), quote((0, 5))])
    assert (result["precision@0.3"], result["recall@0.3"], result["speaker_accuracy@0.3"]) == (
        0.5,
        0.5,
        1.0,
    )
    assert (result["f1@0.8"], result["speaker_accuracy@0.8"]) == (0.0, 0.0)


def test_score_quotes_in_tokens() -> None:
    tokens = tuple(Span(i, i + 1) for i in range(10))  # one-character tokens
    document = QuoteDocument(
        doc_id="s", language="ru", text="abcdefghij", quotes=(quote((2, 7)),), tokens=tokens
    )
    # a prediction cutting into tokens 2 and 6 covers all five: a match even at 0.8
    assert by_metric([document], [quote((2, 7))])["f1@0.8"] == 1.0
    assert by_metric([document], [quote((5, 10))])["recall@0.3"] == 1.0  # tokens 5, 6 of 2..6
    assert by_metric([document], [quote((6, 10))])["recall@0.3"] == 0.0  # 1 of 5 tokens


def test_score_quotes_empty_prediction_and_empty_gold() -> None:
    assert by_metric([CHARACTERS], [])["recall@0.3"] == 0.0
    nothing = QuoteDocument(doc_id="n", language="en", text=TEXT, quotes=())
    assert by_metric([nothing], [])["f1@0.3"] == 0.0
    assert by_metric([nothing], [quote((0, 5))])["precision@0.3"] == 0.0
