"""Every metric on small examples computed by hand, edge cases included."""

from __future__ import annotations

import itertools
import math
import random

import pytest

from crosscheck.evaluate.metrics import (
    PRF,
    QuoteUnits,
    _max_assignment,
    bcubed,
    ceafe,
    conll_f1,
    haversine_km,
    match_quotes,
    muc,
    overlap_score,
    prf,
    shingle_scores,
    shingle_tp_fp_fn,
    span_prf,
)


def approx(value: PRF) -> object:
    return pytest.approx((value.precision, value.recall, value.f1))


# --- prf / span_prf ----------------------------------------------------------------------


def test_prf_counts() -> None:
    assert approx(prf(2, 1, 1)) == (2 / 3, 2 / 3, 2 / 3)


@pytest.mark.parametrize(("tp", "fp", "fn"), [(0, 0, 0), (0, 3, 0), (0, 0, 3)])
def test_prf_zero_denominators_score_zero_as_conlleval(tp: int, fp: int, fn: int) -> None:
    assert approx(prf(tp, fp, fn)) == (0.0, 0.0, 0.0)


def test_span_prf_exact_boundaries_and_type() -> None:
    gold = {("d", "PER", 0, 4), ("d", "LOC", 9, 13)}
    predicted = {("d", "PER", 0, 4), ("d", "PER", 9, 13), ("d", "LOC", 9, 12)}
    assert span_prf(gold, predicted) == (1, 2, 1)


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        (set(), set(), (0, 0, 0)),
        ({("d", 0, 1)}, set(), (0, 0, 1)),
        (set(), {("d", 0, 1)}, (0, 1, 0)),
    ],
)
def test_span_prf_empty_sides(
    gold: set[tuple[str, int, int]], predicted: set[tuple[str, int, int]], expected: tuple[int, ...]
) -> None:
    assert span_prf(gold, predicted) == expected


# --- article shingles --------------------------------------------------------------------


def test_shingles_normalised_per_document() -> None:
    # gold shingles (a b c d), (b c d e); predicted (a b c d): TP 1, FN 1 of 2
    assert shingle_tp_fp_fn("a b c d e", "a, b. c d") == (0.5, 0.0, 0.5)


def test_shingles_are_a_multiset() -> None:
    # five x: two (x x x x) shingles; four x: one
    assert shingle_tp_fp_fn("x x x x x", "x x x x") == (0.5, 0.0, 0.5)


def test_short_text_is_one_short_shingle() -> None:
    assert shingle_tp_fp_fn("a b", "a b") == (1.0, 0.0, 0.0)


def test_shingle_scores_one_document() -> None:
    scores = shingle_scores([("a b c d e", "a b c d")])
    assert (scores.precision, scores.recall, scores.accuracy) == (1.0, 0.5, 0.0)
    assert scores.f1 == pytest.approx(2 / 3)


def test_empty_prediction_counts_in_recall_only() -> None:
    scores = shingle_scores([("a b c d", "a b c d"), ("e f g h", "")])
    assert (scores.precision, scores.recall, scores.accuracy) == (1.0, 0.5, 0.5)


def test_perfect_document_scores_one_even_without_shingles() -> None:
    # upstream precision_score: FP = FN = 0 is 1; here the all-zero document is left out
    scores = shingle_scores([("", ""), ("a b c d", "a b c d")])
    assert (scores.precision, scores.recall, scores.f1, scores.accuracy) == (1.0, 1.0, 1.0, 1.0)


def test_shingle_scores_with_nothing_to_average_is_zero() -> None:
    assert shingle_scores([]).f1 == 0.0
    assert shingle_scores([("", "")]).accuracy == 1.0


def test_accuracy_compares_token_sequences() -> None:
    assert shingle_scores([("Hello, world!", "hello world")]).accuracy == 0.0
    assert shingle_scores([("Hello, world!", "Hello\n\nworld")]).accuracy == 1.0


# --- quotes ------------------------------------------------------------------------------


def units(start: int, end: int, speaker: tuple[int, int] | None = None) -> QuoteUnits:
    said = frozenset(range(*speaker)) if speaker else frozenset()
    return QuoteUnits(frozenset(range(start, end)), said)


def test_overlap_score_is_relative_to_gold() -> None:
    assert overlap_score(frozenset(range(10)), frozenset(range(5, 100))) == 0.5
    assert overlap_score(frozenset(), frozenset(range(3))) == 0.0
    assert overlap_score(frozenset(range(3)), frozenset()) == 0.0


def test_match_needs_a_share_strictly_above_the_threshold() -> None:
    gold = [units(0, 10)]
    assert match_quotes(gold, [units(0, 3)], 0.3).tp == 0  # 0.3 is not above 0.3
    assert match_quotes(gold, [units(0, 4)], 0.3).tp == 1
    assert match_quotes(gold, [units(0, 8)], 0.8).tp == 0


def test_match_is_one_to_one_and_takes_the_best() -> None:
    gold = [units(0, 10), units(0, 10)]
    result = match_quotes(gold, [units(0, 5), units(0, 9)], 0.3)
    assert (result.tp, result.fp, result.fn) == (2, 0, 0)
    result = match_quotes(gold, [units(0, 10)], 0.3)
    assert (result.tp, result.fp, result.fn) == (1, 0, 1)


def test_speaker_matches_on_any_overlap_or_when_neither_names_one() -> None:
    gold = [units(0, 10, (20, 30)), units(40, 50), units(60, 70, (80, 85))]
    predicted = [units(0, 10, (29, 40)), units(40, 50), units(60, 70)]
    assert match_quotes(gold, predicted, 0.3).speaker_matches == 2


def test_match_with_empty_sides() -> None:
    assert match_quotes([], [units(0, 5), units(5, 9)], 0.3).fp == 2
    assert match_quotes([units(0, 5)], [], 0.3).fn == 1
    assert match_quotes([], [], 0.3) == match_quotes([], [], 0.8)


# --- distance ----------------------------------------------------------------------------


def test_haversine_one_degree_of_longitude_on_the_equator() -> None:
    assert haversine_km(0, 0, 0, 1) == pytest.approx(6371.009 * math.pi / 180)
    assert haversine_km(50.45, 30.52, 50.45, 30.52) == 0.0


def test_haversine_kyiv_to_lviv() -> None:
    assert haversine_km(50.4501, 30.5234, 49.8397, 24.0297) == pytest.approx(468.5, abs=1.0)


# --- clustering --------------------------------------------------------------------------

KEY = [{"a", "b", "c"}, {"d", "e"}]
RESPONSE = [{"a", "b"}, {"c", "d", "e"}]


def test_muc_counts_links() -> None:
    assert approx(muc(KEY, RESPONSE)) == (2 / 3, 2 / 3, 2 / 3)


def test_bcubed_averages_over_mentions() -> None:
    assert approx(bcubed(KEY, RESPONSE)) == (11 / 15, 11 / 15, 11 / 15)


def test_ceafe_aligns_entities_one_to_one() -> None:
    # phi4: {abc}-{ab} = 0.8, {de}-{cde} = 0.8
    assert approx(ceafe(KEY, RESPONSE)) == (0.8, 0.8, 0.8)


def test_conll_f1_is_the_mean_of_the_three() -> None:
    assert conll_f1(KEY, RESPONSE) == pytest.approx((2 / 3 + 11 / 15 + 0.8) / 3)


def test_all_singletons_response() -> None:
    key = [{"a", "b"}, {"c"}]
    singletons = [{"a"}, {"b"}, {"c"}]
    assert approx(muc(key, singletons)) == (0.0, 0.0, 0.0)
    assert approx(bcubed(key, singletons)) == (1.0, 2 / 3, 0.8)
    assert ceafe(key, singletons).precision == pytest.approx(5 / 9)
    assert ceafe(key, singletons).recall == pytest.approx(5 / 6)


def test_perfect_clustering_scores_one() -> None:
    assert conll_f1(KEY, [set(c) for c in KEY]) == pytest.approx(1.0)


def test_response_is_cut_to_the_key_and_completed_with_singletons() -> None:
    # "z" is not in the key; "b" is missing from the response and stands alone
    assert bcubed([{"a", "b"}], [{"a", "z"}]) == bcubed([{"a", "b"}], [{"a"}, {"b"}])


def test_empty_key_and_response() -> None:
    for metric in (muc, bcubed, ceafe):
        assert approx(metric([], [])) == (0.0, 0.0, 0.0)
        assert approx(metric([], [{"a"}])) == (0.0, 0.0, 0.0)
    assert bcubed([{"a"}], []).recall == 1.0  # the missing mention becomes a singleton


def brute_force(weights: list[list[float]]) -> float:
    if len(weights) > len(weights[0]):
        weights = [list(column) for column in zip(*weights, strict=True)]
    columns = range(len(weights[0]))
    return max(
        sum(weights[row][column] for row, column in enumerate(chosen))
        for chosen in itertools.permutations(columns, len(weights))
    )


@pytest.mark.parametrize("size", [(1, 1), (2, 3), (3, 2), (4, 4), (5, 3)])
def test_max_assignment_equals_brute_force(size: tuple[int, int]) -> None:
    rows, columns = size
    weights = [[((r * 7 + c * 13) % 11) / 10 for c in range(columns)] for r in range(rows)]
    assert _max_assignment(weights) == pytest.approx(brute_force(weights))


@pytest.mark.parametrize("seed", range(20))
def test_max_assignment_on_random_matrices(seed: int) -> None:
    chance = random.Random(seed)
    rows, columns = chance.randint(1, 5), chance.randint(1, 5)
    weights = [[chance.choice([0.0, 0.25, 0.5, 1.0]) for _ in range(columns)] for _ in range(rows)]
    assert _max_assignment(weights) == pytest.approx(brute_force(weights))


def test_max_assignment_of_nothing() -> None:
    assert _max_assignment([]) == 0.0
    assert _max_assignment([[]]) == 0.0
