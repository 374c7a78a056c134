"""NER loaders on tiny synthetic files in each set's format, and exact-span scoring."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosscheck.evaluate.gold import GoldError
from crosscheck.evaluate.ner import (
    Entity,
    NerDocument,
    conll_chunks,
    load_conllpp,
    load_factrueval,
    load_ner_uk,
    load_nerel,
    score_entities,
)
from crosscheck.model import Span


def surfaces(document: NerDocument) -> list[tuple[str, str]]:
    return [(e.kind, document.text[e.span.start : e.span.end]) for e in document.entities]


@pytest.mark.parametrize(
    ("tags", "chunks"),
    [
        (["B-PER", "I-PER", "O", "I-LOC"], [("PER", 0, 1), ("LOC", 3, 3)]),
        (["I-LOC", "I-LOC", "B-LOC", "I-ORG"], [("LOC", 0, 1), ("LOC", 2, 2), ("ORG", 3, 3)]),
        (["O", "O"], []),
        ([], []),
    ],
)
def test_conll_chunks_follow_conlleval(tags: list[str], chunks: list[tuple[str, int, int]]) -> None:
    assert list(conll_chunks(tags)) == chunks


def test_load_conllpp_rebuilds_text_and_drops_misc(tmp_path: Path) -> None:
    path = tmp_path / "conllpp_test.txt"
    path.write_text(
        "-DOCSTART- -X- -X- O\n\nAnna NNP I-NP B-PER\nvisited VBD I-VP O\nKyiv NNP I-NP B-LOC\n\n"
        "Euro NNP I-NP B-MISC\nfans NNS I-NP O\n\n-DOCSTART- -X- -X- O\n\nUN NNP I-NP B-ORG\n",
        encoding="utf-8",
    )
    first, second = load_conllpp(path)
    assert first.text == "Anna visited Kyiv\nEuro fans"
    assert surfaces(first) == [("PER", "Anna"), ("LOC", "Kyiv")]
    assert (second.doc_id, surfaces(second)) == ("conllpp/2", [("ORG", "UN")])


def test_load_conllpp_rejects_a_tagless_line(tmp_path: Path) -> None:
    path = tmp_path / "conllpp_test.txt"
    path.write_text("-DOCSTART- -X- -X- O\n\nlonely\n", encoding="utf-8")
    with pytest.raises(GoldError, match="conllpp_test.txt: line 3"):
        load_conllpp(path)


def write_factru(folder: Path) -> None:
    text = "Министр Иван Петров посетил МИД Грузии в Тбилиси."
    (folder / "book_1.txt").write_text(text, encoding="utf-8")
    (folder / "book_1.spans").write_text(
        "1 name 8 4 10 1  # 10 Иван\n2 surname 13 6 11 1  # 11 Петров\n"
        "3 org_name 28 10 13 2  # 13 14 МИД Грузии\n4 loc_name 32 6 14 1  # 14 Грузии\n"
        "5 loc_name 41 7 16 1  # 16 Тбилиси\n6 job 0 7 9 1  # 9 Министр\n",
        encoding="utf-8",
    )
    (folder / "book_1.objects").write_text(
        "100 Person 1 2 # Иван Петров\n101 Org 3 # МИД Грузии\n102 LocOrg 4 # Грузии\n"
        "103 Location 5 # Тбилиси\n",
        encoding="utf-8",
    )
    (folder / "book_2.txt").write_text("без разметки", encoding="utf-8")


def test_load_factrueval_maps_objects_like_naeval(tmp_path: Path) -> None:
    write_factru(tmp_path)
    (document,) = load_factrueval(tmp_path)  # book_2 has no .objects: not a gold document
    assert surfaces(document) == [("PER", "Иван Петров"), ("ORG", "МИД Грузии"), ("LOC", "Тбилиси")]
    assert document.language == "ru"


def test_load_factrueval_rejects_an_unknown_span(tmp_path: Path) -> None:
    write_factru(tmp_path)
    (tmp_path / "book_1.objects").write_text("100 Person 99 # ?\n", encoding="utf-8")
    with pytest.raises(GoldError, match=r"book_1\.objects: line 1"):
        load_factrueval(tmp_path)


def test_load_ner_uk_tab_separated_and_nested(tmp_path: Path) -> None:
    (tmp_path / "ng").mkdir()
    (tmp_path / "ng" / "a1.txt").write_text("Мер Києва Віталій Кличко\nзаявив", encoding="utf-8")
    (tmp_path / "ng" / "a1.ann").write_text(
        "T1\tJOB\t0\t9\tМер Києва\nT2\tLOC\t4\t9\tКиєва\nT3\tPERS\t10\t24\tВіталій Кличко\n"
        "T4\tORG\t0\t31\tМер Києва Віталій Кличко\nзаявив\n",
        encoding="utf-8",
    )
    (document,) = load_ner_uk(tmp_path)
    assert document.doc_id == "ng/a1"
    assert surfaces(document) == [
        ("LOC", "Києва"),
        ("PER", "Віталій Кличко"),
        ("ORG", "Мер Києва Віталій Кличко\nзаявив"),
    ]


def test_load_nerel_maps_place_types_and_discontinuous_spans(tmp_path: Path) -> None:
    (tmp_path / "1_text.txt").write_text("В Ереване и Армении Жолт Хорняк", encoding="utf-8")
    (tmp_path / "1_text.ann").write_text(
        "T1\tCITY 2 9\tЕреване\nT2\tCOUNTRY 12 19\tАрмении\nT3\tPERSON 20 24;25 31\tЖолт Хорняк\n"
        "T4\tDATE 0 1\tВ\nR1\tLOCATED_IN Arg1:T1 Arg2:T2\n"
        "N1\tReference T1 Wikidata:Q1953\tЕреван\n",
        encoding="utf-8",
    )
    (document,) = load_nerel(tmp_path)
    assert surfaces(document) == [("LOC", "Ереване"), ("LOC", "Армении"), ("PER", "Жолт Хорняк")]


def test_load_nerel_rejects_bad_offsets(tmp_path: Path) -> None:
    (tmp_path / "1_text.txt").write_text("x", encoding="utf-8")
    (tmp_path / "1_text.ann").write_text("T1\tCITY two 9\tx\n", encoding="utf-8")
    with pytest.raises(GoldError, match=r"1_text\.ann: expected an integer"):
        load_nerel(tmp_path)


DOCUMENT = NerDocument(
    doc_id="d",
    language="en",
    text="Anna met Bob in Kyiv",
    entities=(
        Entity(kind="PER", span=Span(0, 4)),
        Entity(kind="PER", span=Span(9, 12)),
        Entity(kind="LOC", span=Span(16, 20)),
    ),
)


def scores(predicted: list[Entity], documents: list[NerDocument] | None = None) -> dict[str, float]:
    rows = score_entities(documents or [DOCUMENT], lambda text, language: predicted)
    return {row.metric: round(row.score, 4) for row in rows}


def test_score_entities_per_kind_and_micro() -> None:
    predicted = [
        Entity(kind="PER", span=Span(0, 4)),
        Entity(kind="LOC", span=Span(9, 12)),  # right span, wrong kind
        Entity(kind="LOC", span=Span(16, 20)),
        Entity(kind="MISC", span=Span(5, 8)),  # not a kind we score
    ]
    result = scores(predicted)
    assert (result["PER.precision"], result["PER.recall"], result["PER.f1"]) == (1.0, 0.5, 0.6667)
    assert (result["LOC.precision"], result["LOC.recall"]) == (0.5, 1.0)
    assert (result["ORG.precision"], result["ORG.f1"]) == (0.0, 0.0)
    assert (result["micro.precision"], result["micro.recall"]) == (0.6667, 0.6667)


def test_score_entities_empty_prediction_and_empty_gold() -> None:
    assert scores([])["micro.recall"] == 0.0
    empty = NerDocument(doc_id="e", language="en", text="nothing", entities=())
    assert scores([], [empty])["micro.f1"] == 0.0
    assert scores([Entity(kind="PER", span=Span(0, 7))], [empty])["micro.precision"] == 0.0


def test_score_entities_items_count_gold_entities() -> None:
    rows = score_entities([DOCUMENT], lambda text, language: [])
    assert {row.metric: row.items for row in rows}["PER.f1"] == 2
    assert {row.metric: row.items for row in rows}["micro.f1"] == 3
