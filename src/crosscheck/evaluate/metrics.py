"""Metrics, each implemented the way the authors of its gold set (or of its reference scorer)
define it, so that our numbers compare with published ones. Every function cites its source.

Pure functions over plain values: no gold loading here, no crosscheck records.
"""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter
from collections.abc import Collection, Hashable, Iterable, Sequence
from dataclasses import dataclass

__all__ = [
    "EARTH_RADIUS_KM",
    "PRF",
    "QuoteMatch",
    "QuoteUnits",
    "ShingleScores",
    "bcubed",
    "ceafe",
    "conll_f1",
    "haversine_km",
    "match_quotes",
    "muc",
    "prf",
    "shingle_scores",
    "shingle_tp_fp_fn",
    "span_prf",
]


@dataclass(frozen=True, slots=True)
class PRF:
    precision: float
    recall: float
    f1: float


def prf(tp: float, fp: float, fn: float) -> PRF:
    """Precision, recall and F1 from counts, as conlleval.pl computes them: a ratio with a zero
    denominator is 0, and F1 is 0 when precision + recall is 0 (so empty gold with an empty
    prediction scores 0, not 1)."""
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return PRF(precision, recall, _harmonic(precision, recall))


def _harmonic(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


# --- article extraction: scrapinghub/article-extraction-benchmark, evaluate.py -----------------

_TOKEN = re.compile(r"\w+", re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True, slots=True)
class ShingleScores:
    precision: float
    recall: float
    f1: float
    accuracy: float


def _shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    # upstream `_ngrams`: a text shorter than n tokens still yields one (shorter) shingle
    tokens = _TOKEN.findall(text)
    grams = (tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)))
    return Counter(gram for gram in grams if gram)


def shingle_tp_fp_fn(true: str, pred: str) -> tuple[float, float, float]:
    """One document's word 4-shingle TP/FP/FN, normalised to sum to 1.

    ``string_shingle_matching`` of the benchmark's evaluate.py: tokens are ``\\w+`` matches;
    shingles are counted as multisets; TP = sum of min counts, FP/FN the excess on either side;
    each count is divided by TP + FP + FN so that every document weighs the same.
    """
    gold, predicted = _shingles(true), _shingles(pred)
    tp = float(sum((gold & predicted).values()))
    fp = float(sum((predicted - gold).values()))
    fn = float(sum((gold - predicted).values()))
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (tp, fp, fn)


def shingle_scores(pairs: Iterable[tuple[str, str]]) -> ShingleScores:
    """The benchmark's headline figures over ``(gold body, predicted body)`` pairs.

    ``metrics_from_tp_fp_fns``: precision is the mean of per-document precision over documents
    with TP + FP > 0, recall the mean of per-document recall over documents with TP + FN > 0,
    F1 = 2PR / (P + R) of those means; a document with FP = FN = 0 scores 1. ``accuracy`` is the
    share of documents whose token sequence equals the gold one. Upstream raises on an empty
    mean; here it is 0.
    """
    pairs = list(pairs)
    counts = [shingle_tp_fp_fn(true, pred) for true, pred in pairs]
    precision = _mean([_ratio(tp, fp, fn, tp + fp) for tp, fp, fn in counts if tp + fp > 0])
    recall = _mean([_ratio(tp, fp, fn, tp + fn) for tp, fp, fn in counts if tp + fn > 0])
    exact = [float(_TOKEN.findall(true) == _TOKEN.findall(pred)) for true, pred in pairs]
    return ShingleScores(precision, recall, _harmonic(precision, recall), _mean(exact))


def _ratio(tp: float, fp: float, fn: float, denominator: float) -> float:
    # upstream precision_score / recall_score: a perfect document is 1 even when TP is 0
    return 1.0 if fp == fn == 0 else tp / denominator


def _mean(values: Sequence[float]) -> float:
    return statistics.fmean(values) if values else 0.0


# --- named entities: exact spans, as conlleval.pl (CoNLL-2000/2003) scores chunks ----------------


def span_prf(gold: Collection[Hashable], predicted: Collection[Hashable]) -> tuple[int, int, int]:
    """TP/FP/FN of exact matches between two sets of spans (e.g. ``(doc, type, start, end)``).

    conlleval counts a predicted chunk as correct only when both boundaries and the type equal a
    gold chunk's; pass the result to ``prf`` (per type, or summed over types for micro-F1).
    """
    gold_set, predicted_set = set(gold), set(predicted)
    tp = len(gold_set & predicted_set)
    return tp, len(predicted_set) - tp, len(gold_set) - tp


# --- quotes: GenderGapTracker NLP/evaluation/src/eval/evaluate_quotes.py ------------------------


@dataclass(frozen=True, slots=True)
class QuoteUnits:
    """A quote as sets of positions (characters, or tokens for ADAQ): content and speaker."""

    content: frozenset[int]
    speaker: frozenset[int] = frozenset()


@dataclass(frozen=True, slots=True)
class QuoteMatch:
    tp: int
    fp: int
    fn: int
    speaker_matches: int


def overlap_score(gold: frozenset[int], predicted: frozenset[int]) -> float:
    """``calc_index_match_score``: |gold ∩ predicted| / |gold|, asymmetric, gold is the
    reference; 0 when either side is empty."""
    if not gold or not predicted:
        return 0.0
    return len(gold & predicted) / len(gold)


def match_quotes(
    gold: Sequence[QuoteUnits], predicted: Sequence[QuoteUnits], threshold: float
) -> QuoteMatch:
    """One document's greedy one-to-one matching, as ``compare_res`` does it.

    Each gold quote, in order, takes the remaining prediction with the highest overlap score
    that is strictly greater than ``threshold`` (the first such on ties) and removes it. A
    match's speaker is right when the speaker spans overlap at all, or when neither side names
    a speaker (upstream: a floating quote against an empty gold speaker). GenderGapTracker
    scores at thresholds 0.3 and 0.8. Upstream compares by value, so two identical predictions
    are both removed by one match; here only the matched one is.
    """
    remaining = list(predicted)
    tp = speakers = 0
    for quote in gold:
        best = _best_match(quote, remaining, threshold)
        if best is not None:
            tp += 1
            speakers += _same_speaker(quote, remaining.pop(best))
    return QuoteMatch(tp, len(remaining), len(gold) - tp, speakers)


def _best_match(
    quote: QuoteUnits, candidates: Sequence[QuoteUnits], threshold: float
) -> int | None:
    best, best_score = None, 0.0
    for index, candidate in enumerate(candidates):
        score = overlap_score(quote.content, candidate.content)
        if score > threshold and score > best_score:
            best, best_score = index, score
    return best


def _same_speaker(gold: QuoteUnits, predicted: QuoteUnits) -> bool:
    if not gold.speaker and not predicted.speaker:
        return True
    return overlap_score(gold.speaker, predicted.speaker) > 0


# --- geoparsing: great-circle distance for accuracy@161 km --------------------------------------

#: mean Earth radius used by geopy's great_circle, the distance in Gritta et al.'s geocoding code
EARTH_RADIUS_KM = 6371.009


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km (haversine formula)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


# --- clustering: MUC, B-cubed, CEAF-e and CoNLL F1, as the CoNLL-2012 reference scorer --------
# (Pradhan et al., "Scoring Coreference Partitions of Predicted Mentions", ACL 2014)

Clusters = Sequence[Collection[str]]


def _normalise(
    key: Clusters, response: Clusters
) -> tuple[list[frozenset[str]], list[frozenset[str]]]:
    """Key and response over the same mentions: the response is cut to the key's mentions, and
    a key mention the response leaves out becomes a singleton of its own."""
    mentions = frozenset(mention for cluster in key for mention in cluster)
    seen: set[str] = set()
    cut: list[frozenset[str]] = []
    for cluster in response:
        kept = (frozenset(cluster) & mentions) - seen
        seen |= kept
        cut.extend([kept] if kept else [])
    cut.extend(frozenset([mention]) for mention in sorted(mentions - seen))
    return [frozenset(cluster) for cluster in key if cluster], cut


def _cluster_of(clusters: Iterable[frozenset[str]]) -> dict[str, frozenset[str]]:
    return {mention: cluster for cluster in clusters for mention in cluster}


def muc(key: Clusters, response: Clusters) -> PRF:
    """MUC (Vilain et al., 1995): recall = Σ(|K| − |p(K)|) / Σ(|K| − 1) over key clusters K,
    where p(K) partitions K by the response; precision swaps key and response."""
    gold, predicted = _normalise(key, response)
    recall = _muc_recall(gold, predicted)
    precision = _muc_recall(predicted, gold)
    return PRF(precision, recall, _harmonic(precision, recall))


def _muc_recall(key: list[frozenset[str]], response: list[frozenset[str]]) -> float:
    owner = {mention: index for index, cluster in enumerate(response) for mention in cluster}
    links = sum(len(cluster) - 1 for cluster in key)
    found = sum(len(cluster) - len({owner[m] for m in cluster}) for cluster in key)
    return found / links if links else 0.0


def bcubed(key: Clusters, response: Clusters) -> PRF:
    """B-cubed (Bagga & Baldwin, 1998): per mention m, precision |K(m) ∩ R(m)| / |R(m)| and
    recall |K(m) ∩ R(m)| / |K(m)|, each averaged over all mentions with equal weight."""
    gold, predicted = _normalise(key, response)
    of_gold, of_predicted = _cluster_of(gold), _cluster_of(predicted)
    if not of_gold:
        return PRF(0.0, 0.0, 0.0)
    common = {m: len(of_gold[m] & of_predicted[m]) for m in of_gold}
    precision = statistics.fmean(common[m] / len(of_predicted[m]) for m in of_gold)
    recall = statistics.fmean(common[m] / len(of_gold[m]) for m in of_gold)
    return PRF(precision, recall, _harmonic(precision, recall))


def ceafe(key: Clusters, response: Clusters) -> PRF:
    """Entity-based CEAF (Luo, 2005): the one-to-one alignment of key and response clusters that
    maximises Σ φ4(K, R) = 2|K ∩ R| / (|K| + |R|); precision = Φ / |response|, recall = Φ / |key|.
    """
    gold, predicted = _normalise(key, response)
    weights = [[2 * len(k & r) / (len(k) + len(r)) for r in predicted] for k in gold]
    total = _max_assignment(weights)
    precision = total / len(predicted) if predicted else 0.0
    recall = total / len(gold) if gold else 0.0
    return PRF(precision, recall, _harmonic(precision, recall))


def conll_f1(key: Clusters, response: Clusters) -> float:
    """The CoNLL-2011/2012 score: the unweighted mean of MUC, B-cubed and CEAF-e F1."""
    return statistics.fmean(metric(key, response).f1 for metric in (muc, bcubed, ceafe))


def _max_assignment(weights: list[list[float]]) -> float:
    """The largest total weight of a one-to-one assignment of rows to columns.

    The Hungarian algorithm with potentials (Kuhn-Munkres, O(n²m)), kept here in one piece
    because its steps share state and the project carries no scipy for linear_sum_assignment.
    """
    if not weights or not weights[0]:
        return 0.0
    if len(weights) > len(weights[0]):
        weights = [list(column) for column in zip(*weights, strict=True)]
    rows, columns = len(weights), len(weights[0])
    u, v = [0.0] * (rows + 1), [0.0] * (columns + 1)
    owner, way = [0] * (columns + 1), [0] * (columns + 1)
    for row in range(1, rows + 1):
        owner[0], column = row, 0
        slack, used = [math.inf] * (columns + 1), [False] * (columns + 1)
        while owner[column]:
            used[column], current, delta, nearest = True, owner[column], math.inf, 0
            for j in range(1, columns + 1):
                if not used[j]:
                    cost = -weights[current - 1][j - 1] - u[current] - v[j]
                    if cost < slack[j]:
                        slack[j], way[j] = cost, column
                    if slack[j] < delta:
                        delta, nearest = slack[j], j
            for j in range(columns + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    slack[j] -= delta
            column = nearest
        while column:
            owner[column] = owner[way[column]]
            column = way[column]
    return sum(weights[owner[j] - 1][j - 1] for j in range(1, columns + 1) if owner[j])
