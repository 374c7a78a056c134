"""ECB+ and Wikidata name-pair loaders on synthetic files; clustering and name-key scoring."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from pathlib import Path

import pytest

from crosscheck.evaluate.gold import GoldError
from crosscheck.evaluate.linking import (
    ClusterDocument,
    NamePair,
    different_names,
    load_ecbplus,
    load_name_pairs,
    score_clusters,
    score_name_keys,
)


def write_ecb(root: Path, topic: str, name: str, sentences: list[list[str]]) -> None:
    folder = root / topic
    folder.mkdir(parents=True, exist_ok=True)
    tokens = "".join(
        f'<token t_id="{i}{j}" sentence="{i}" number="{j}">{token}</token>'
        for i, sentence in enumerate(sentences)
        for j, token in enumerate(sentence)
    )
    (folder / name).write_text(
        f'<Document doc_name="{name}">{tokens}<Markables/></Document>', encoding="utf-8"
    )


def test_load_ecbplus_texts_and_partitions(tmp_path: Path) -> None:
    write_ecb(tmp_path, "36", "36_1ecb.xml", [["Leaders", "arrested"], ["In", "Canada", "."]])
    write_ecb(tmp_path, "36", "36_1ecbplus.xml", [["http", ":", "//x"], ["Jeffs", "guilty"]])
    ecb, plus = load_ecbplus(tmp_path)
    assert (ecb.doc_id, ecb.topic, ecb.subtopic, ecb.text) == (
        "36_1ecb",
        "36",
        "36/ecb",
        "Leaders arrested\nIn Canada .",
    )
    assert (plus.subtopic, plus.text) == ("36/ecbplus", "Jeffs guilty")  # the URL line is left out


def test_load_ecbplus_rejects_broken_xml(tmp_path: Path) -> None:
    (tmp_path / "37").mkdir()
    (tmp_path / "37" / "37_1ecb.xml").write_text("<Document><token>", encoding="utf-8")
    with pytest.raises(GoldError, match=r"37_1ecb\.xml: is not well-formed XML"):
        load_ecbplus(tmp_path)


DOCUMENTS = [
    ClusterDocument(doc_id=doc, topic=doc[:2], subtopic=f"{doc[:2]}/{doc[2:]}", text=doc)
    for doc in ("36ecb", "36ecbplus", "37ecb", "37ecbplus")
]


def clusters(*groups: set[str]) -> Callable:  # type: ignore[type-arg]
    def cluster(documents: Mapping[str, str]) -> Sequence[Collection[str]]:
        return list(groups)

    return cluster


def by_metric(cluster: Callable) -> dict[str, float]:  # type: ignore[type-arg]
    return {row.metric: round(row.score, 4) for row in score_clusters(DOCUMENTS, cluster)}


def test_score_clusters_by_topic_and_subtopic() -> None:
    result = by_metric(clusters({"36ecb", "36ecbplus"}, {"37ecb", "37ecbplus"}))
    assert (result["topic.bcubed_f1"], result["topic.conll_f1"]) == (1.0, 1.0)
    # sub-topics are singletons here: B-cubed precision 1/2, recall 1
    assert result["subtopic.bcubed_f1"] == round(2 * 0.5 / 1.5, 4)


def test_score_clusters_that_leave_documents_out() -> None:
    result = by_metric(clusters())  # every document becomes its own cluster
    assert result["subtopic.bcubed_f1"] == 1.0 and result["subtopic.conll_f1"] == round(2 / 3, 4)


def test_load_name_pairs_keeps_attested_pairs(tmp_path: Path) -> None:
    path = tmp_path / "wd_russian_20"
    path.write_text(
        "sergei\tс е р г е й\t12\nryzhkov\tс е р г е й\t1\npetrov\tп е т р о в\t44\n",
        encoding="utf-8",
    )
    assert load_name_pairs(path) == [
        NamePair("sergei", "сергей", 12),
        NamePair("petrov", "петров", 44),
    ]


def test_load_name_pairs_rejects_a_short_line(tmp_path: Path) -> None:
    path = tmp_path / "wd_russian_20"
    path.write_text("sergei\tс е р г е й\n", encoding="utf-8")
    with pytest.raises(GoldError, match="wd_russian_20: line 1"):
        load_name_pairs(path)


PAIRS = [
    NamePair("sergei", "сергей", 9),
    NamePair("sergey", "сергей", 9),
    NamePair("sergeev", "сергеев", 3),
    NamePair("petrov", "петров", 5),
]


def test_different_names_are_near_neighbours_not_attested() -> None:
    assert different_names(PAIRS) == [
        ("sergei", "петров"),  # after сергей comes петров (wrapping round)
        ("sergey", "петров"),
        ("sergeev", "сергей"),
        ("petrov", "сергеев"),
    ]
    assert different_names([NamePair("a", "а", 2)]) == []


def test_score_name_keys() -> None:
    table = {
        "sergei": "s",
        "sergey": "s",
        "сергей": "s",
        "sergeev": "s",
        "сергеев": "sv",
        "petrov": "p",
        "петров": "p",
    }
    rows = {row.metric: row for row in score_name_keys(PAIRS, lambda name, language: table[name])}
    assert rows["same_person.key_match"].score == 0.75  # sergeev/сергеев split
    assert rows["different.false_merge"].score == 0.25  # sergeev merged with сергей
    assert rows["different.false_merge"].lower_is_better


def test_score_name_keys_empty() -> None:
    assert [row.score for row in score_name_keys([], lambda name, language: name)] == [0.0, 0.0]
