"""Incident evidence between two documents' profiles, and clustering many at once."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from crosscheck.link.incidents import THRESHOLD, blocking_keys, cluster, match
from crosscheck.link.profile import Figure, Profile

DAY = datetime(2026, 10, 20, tzinfo=UTC)


def _profile(document_id: str, **fields: object) -> Profile:
    defaults: dict[str, object] = {"start": DAY - timedelta(days=14), "end": DAY, "language": "en"}
    return Profile(document_id=document_id, **{**defaults, **fields})  # type: ignore[arg-type]


SMIRNOV_EN = _profile(
    "a",
    people=frozenset({"aleksei smirnov"}),
    kinds=frozenset({"killed", "no_evacuation"}),
    figures=(Figure("killed", 21, None, None),),
)
SMIRNOV_RU = _profile(
    "b",
    language="ru",
    people=frozenset({"aleksei smirnov"}),
    kinds=frozenset({"killed", "abandoned_by_command"}),
    figures=(Figure("killed", 21, None, None),),
)
VOLKOV = _profile(
    "c",
    people=frozenset({"dmitrii volkov"}),
    regions=frozenset({"UA.05"}),
    kinds=frozenset({"killed", "refusal_to_fight"}),
    figures=(Figure("killed", 12, 12, 12),),
)


def test_match_same_person_across_scripts_links() -> None:
    found = match(SMIRNOV_EN, SMIRNOV_RU)
    assert found.score >= THRESHOLD
    assert found.features["people"] == ["aleksei smirnov"]
    assert found.features["figures_agree"] == ["killed"]


def test_match_another_soldier_the_same_week_stays_apart() -> None:
    found = match(SMIRNOV_EN, VOLKOV)
    assert found.score < THRESHOLD
    assert found.features["figures_conflict"] == ["killed"]


def test_match_known_times_far_apart_are_different_events() -> None:
    later = _profile(
        "d", people=SMIRNOV_EN.people, start=DAY + timedelta(days=40), end=DAY + timedelta(days=41)
    )
    assert match(SMIRNOV_EN, later).score == 0.0
    unknown = _profile("e", people=SMIRNOV_EN.people, start=None, end=None)
    assert match(SMIRNOV_EN, unknown).score > 0


def test_match_one_unresolved_village_and_kind_is_not_enough() -> None:
    a = _profile("a", toponyms=frozenset({"tihovoda"}), kinds=frozenset({"killed"}))
    b = _profile("b", toponyms=frozenset({"tihovoda"}), kinds=frozenset({"killed", "wounded"}))
    assert 0 < match(a, b).score < THRESHOLD
    both = _profile(
        "c",
        toponyms=frozenset({"tihovoda"}),
        units=frozenset({"37 brigade"}),
        kinds=frozenset({"killed"}),
    )
    again = _profile(
        "d",
        toponyms=frozenset({"tihovoda"}),
        units=frozenset({"37 brigade"}),
        kinds=frozenset({"killed"}),
    )
    assert match(both, again).score >= THRESHOLD


def test_match_is_symmetric() -> None:
    for a, b in ((SMIRNOV_EN, SMIRNOV_RU), (SMIRNOV_EN, VOLKOV), (SMIRNOV_RU, VOLKOV)):
        assert match(a, b) == match(b, a)


def test_blocking_keys_name_what_is_shared() -> None:
    keys = blocking_keys(
        _profile(
            "a",
            people=frozenset({"aleksei smirnov"}),
            places=frozenset({2023469}),
            toponyms=frozenset({"tihovoda"}),
            units=frozenset({"37 brigade"}),
        )
    )
    assert keys == [
        "person:aleksei smirnov",
        "place:2023469",
        "toponym:tihovoda",
        "unit:37 brigade",
    ]
    assert blocking_keys(_profile("b", kinds=frozenset({"killed"}))) == []


def test_cluster_groups_and_separates() -> None:
    assignment = cluster([SMIRNOV_EN, SMIRNOV_RU, VOLKOV])
    assert assignment == {"a": "a", "b": "a", "c": "c"}
