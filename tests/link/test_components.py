"""Clusters from links: average linkage, analysts' walls and merges, order independence."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from crosscheck.link.components import Link, components


def _groups(assignment: dict[str, str]) -> set[frozenset[str]]:
    grouped: dict[str, set[str]] = {}
    for member, name in assignment.items():
        grouped.setdefault(name, set()).add(member)
    return {frozenset(g) for g in grouped.values()}


def test_components_named_after_smallest_member() -> None:
    assignment = components("cab", [Link("c", "b", 1.0), Link("b", "a", 1.0)])
    assert set(assignment.values()) == {"a"}


def test_components_one_link_does_not_chain_two_clusters() -> None:
    links = [Link("a", "b", 1.0), Link("c", "d", 1.0), Link("b", "c", 0.6)]
    # single linkage would join all four; the mean over the 4 cross pairs is 0.15
    assert _groups(components("abcd", links, threshold=0.5)) == {
        frozenset("ab"),
        frozenset("cd"),
    }
    assert len(_groups(components("abcd", links))) == 1


def test_components_analyst_different_is_a_wall() -> None:
    links = [
        Link("a", "b", 1.0),
        Link("b", "c", 1.0),
        Link("a", "c", 0.0, same=False, analyst=True),
    ]
    groups = _groups(components("abc", links))
    assert not any({"a", "c"} <= g for g in groups)


def test_components_analyst_same_merges_below_threshold() -> None:
    links = [Link("a", "b", 1.0, analyst=True)]
    assert _groups(components("ab", links, threshold=2.0)) == {frozenset("ab")}


def test_components_ignore_links_to_unknown_members() -> None:
    assert components("ab", [Link("a", "z", 1.0)]) == {"a": "a", "b": "b"}


@given(
    st.lists(
        st.tuples(st.sampled_from("abcdef"), st.sampled_from("abcdef"), st.floats(0, 2)),
        max_size=15,
    ),
    st.randoms(),
)
def test_components_do_not_depend_on_link_order(
    raw: list[tuple[str, str, float]], shuffle: object
) -> None:
    links = [Link(a, b, round(score, 3)) for a, b, score in raw if a != b]
    shuffled = list(links)
    shuffle.shuffle(shuffled)  # type: ignore[attr-defined]
    assert components("abcdef", links, threshold=0.5) == components(
        "fedcba", shuffled, threshold=0.5
    )
