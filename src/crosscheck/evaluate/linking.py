"""Linking: documents about the same event, and one person's name across scripts.

- ECB+ (topics 36-40 here): every document is given to the clusterer at once, and its
  clusters are scored against two gold partitions: topics (one event type each) and
  sub-topics (``(topic, ecb|ecbplus)``: one real-world event each, the harder split), with
  B-cubed and the CoNLL F1 (mean of MUC, B-cubed and CEAF-e F1) of the CoNLL-2012 reference
  scorer (``metrics``). A document's text is its tokens joined by spaces, one sentence a line;
  sentence 0 of an ``ecbplus`` file is its source URL and is left out so that it cannot give
  the sub-topic away.
- Wikidata en-ru name tokens (Merhav & Ash, COLING 2018), test slice ``wd_russian_20``, pairs
  attested at least twice (the README's guard against misaligned tokens). The measure is
  ours: the share of same-person pairs whose keys match, and the false-merge rate on pairs of
  different names (each Latin token with the next Cyrillic form in alphabetical order that is
  not an attested spelling of it: a near neighbour, so a hard negative).
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from collections import defaultdict
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from crosscheck.evaluate.gold import GoldError, integer, read_bytes, read_text
from crosscheck.evaluate.metrics import bcubed, conll_f1
from crosscheck.evaluate.report import Score
from crosscheck.evaluate.task import Task, registered

__all__ = [
    "TASKS",
    "ClusterDocument",
    "DocumentClusterer",
    "NameKey",
    "NamePair",
    "different_names",
    "load_ecbplus",
    "load_name_pairs",
    "score_clusters",
    "score_name_keys",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class ClusterDocument:
    doc_id: str  # "36_1ecb"
    topic: str  # "36"
    subtopic: str  # "36/ecb" or "36/ecbplus"
    text: str = field(repr=False)


#: documents by id -> clusters of document ids (a document left out is a cluster of its own)
DocumentClusterer = Callable[[Mapping[str, str]], Sequence[Collection[str]]]

#: (name, language) -> a key; two names are the same person's when their keys are equal
NameKey = Callable[[str, str], str]


@dataclass(frozen=True, slots=True)
class NamePair:
    latin: str
    cyrillic: str
    count: int


# --- ECB+ -----------------------------------------------------------------------------------


def load_ecbplus(root: Path) -> list[ClusterDocument]:
    """``<topic>/<topic>_<n>ecb.xml`` and ``…ecbplus.xml`` under ``ECB+/``."""
    return [_ecb_document(path) for path in sorted(root.glob("*/*.xml"))]


def _ecb_document(path: Path) -> ClusterDocument:
    try:
        root = ElementTree.fromstring(read_bytes(path))
    except ElementTree.ParseError as error:
        raise GoldError(path, f"is not well-formed XML ({error})") from error
    plus = path.stem.endswith("ecbplus")
    sentences: dict[int, list[str]] = defaultdict(list)
    for token in root.iter("token"):
        sentences[integer(token.get("sentence", ""), path)].append(token.text or "")
    lines = [" ".join(tokens) for number, tokens in sorted(sentences.items()) if number or not plus]
    topic = path.parent.name
    subtopic = f"{topic}/{'ecbplus' if plus else 'ecb'}"
    return ClusterDocument(doc_id=path.stem, topic=topic, subtopic=subtopic, text="\n".join(lines))


def score_clusters(documents: Sequence[ClusterDocument], cluster: DocumentClusterer) -> list[Score]:
    """B-cubed and CoNLL F1 of one clustering against the topic and sub-topic partitions."""
    response = cluster({doc.doc_id: doc.text for doc in documents})
    scores: list[Score] = []
    for level in ("topic", "subtopic"):
        key = _partition(documents, level)
        scores += [
            Score(
                metric=f"{level}.bcubed_f1", score=bcubed(key, response).f1, items=len(documents)
            ),
            Score(metric=f"{level}.conll_f1", score=conll_f1(key, response), items=len(documents)),
        ]
    return scores


def _partition(documents: Sequence[ClusterDocument], level: str) -> list[set[str]]:
    clusters: dict[str, set[str]] = defaultdict(set)
    for doc in documents:
        clusters[doc.topic if level == "topic" else doc.subtopic].add(doc.doc_id)
    return list(clusters.values())


# --- Wikidata name pairs --------------------------------------------------------------------


def load_name_pairs(path: Path) -> list[NamePair]:
    """``latin \\t c y r i l l i c \\t count`` (letters spaced for seq2seq), count >= 2 kept."""
    pairs = []
    for number, line in enumerate(read_text(path).splitlines(), 1):
        fields = line.split("\t")
        if len(fields) != 3:
            raise GoldError(path, f"line {number}: expected 3 tab-separated fields")
        count = integer(fields[2], f"{path}:{number}")
        if count >= 2:
            pairs.append(NamePair(fields[0], fields[1].replace(" ", ""), count))
    return pairs


def different_names(pairs: Sequence[NamePair]) -> list[tuple[str, str]]:
    """One negative per pair: its Latin token with the next Cyrillic form (alphabetically,
    wrapping round) that is not an attested spelling of that token."""
    attested = {(pair.latin, pair.cyrillic) for pair in pairs}
    forms = sorted({pair.cyrillic for pair in pairs})
    place = {form: index for index, form in enumerate(forms)}
    negatives = []
    for pair in pairs:
        for step in range(1, len(forms)):
            other = forms[(place[pair.cyrillic] + step) % len(forms)]
            if (pair.latin, other) not in attested:
                negatives.append((pair.latin, other))
                break
    return negatives


def score_name_keys(pairs: Sequence[NamePair], key: NameKey) -> list[Score]:
    """Share of same-person pairs whose keys match; share of different-name pairs merged."""
    keys: dict[tuple[str, str], str] = {}

    def same(latin: str, cyrillic: str) -> bool:
        for name, language in ((latin, "en"), (cyrillic, "ru")):
            keys.setdefault((name, language), key(name, language))
        return keys[latin, "en"] == keys[cyrillic, "ru"]

    matched = sum(same(pair.latin, pair.cyrillic) for pair in pairs)
    negatives = different_names(pairs)
    merged = sum(same(latin, cyrillic) for latin, cyrillic in negatives)
    return [
        Score(metric="same_person.key_match", score=_share(matched, len(pairs)), items=len(pairs)),
        Score(
            metric="different.false_merge",
            score=_share(merged, len(negatives)),
            items=len(negatives),
            lower_is_better=True,
        ),
    ]


def _share(hits: int, total: int) -> float:
    return hits / total if total else 0.0


TASKS = (
    Task(
        name="linking/ecbplus",
        path="event-coreference/ecbplus/ECB+",
        load=load_ecbplus,
        score=score_clusters,
        predictor=registered("clustering"),
    ),
    Task(
        name="linking/wikidata-names",
        path="name-transliteration/wikidata-en-ru/wd_russian_20",
        load=load_name_pairs,
        score=score_name_keys,
        predictor=registered("name_key"),
    ),
)
