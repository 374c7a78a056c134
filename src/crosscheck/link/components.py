"""Clusters as connected components of "same" links, with "different" links as walls.

Incidents (documents) and people (a person in one document) are both grouped this way. Links
come from the machine (a score above a threshold) or from an analyst. Every machine link is
applied from the strongest down, then every analyst's "same", which joins the two whole
clusters. A link that would put two members of an analyst's "different" pair into one cluster
is skipped, and so is a machine link between two clusters whose machine links, averaged over
every pair of their members (a pair never compared counts as 0), fall below ``threshold``: one
strong link does not chain two clusters together (average linkage). The order of links is
fixed by (origin, score, members), not by the order documents arrived in, so the clusters do
not depend on ingest order. A cluster is named after its smallest member, which is also
order-independent.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = ["Link", "components"]


@dataclass(frozen=True, slots=True)
class Link:
    a: str
    b: str
    score: float
    same: bool = True  # False: an analyst said these are different
    analyst: bool = False


def components(
    members: Iterable[str], links: Sequence[Link], *, threshold: float = 0.0
) -> dict[str, str]:
    """Each member's cluster name (the smallest member of its cluster)."""
    parent = {member: member for member in members}
    walls = _walls(links)
    scores: dict[tuple[str, str], float] = {}
    for link in links:
        if link.same:  # the strongest of several links between two members counts
            for pair in ((link.a, link.b), (link.b, link.a)):
                scores[pair] = max(scores.get(pair, link.score), link.score)
    # machine links first, strongest first; then analysts' merges join whole clusters
    ordered = sorted(
        (
            link
            for link in links
            if link.same
            and link.a in parent
            and link.b in parent
            and (link.analyst or link.score >= threshold)
        ),
        key=lambda link: (link.analyst, -link.score, min(link.a, link.b), max(link.a, link.b)),
    )
    groups: dict[str, set[str]] = {member: {member} for member in parent}
    between = _between(parent, scores)
    for link in ordered:
        root_a, root_b = _root(parent, link.a), _root(parent, link.b)
        if root_a == root_b or _walled(groups[root_a], groups[root_b], walls):
            continue
        size = len(groups[root_a]) * len(groups[root_b])
        if not link.analyst and between[root_a].get(root_b, 0.0) / size < threshold:
            continue
        keep, gone = sorted((root_a, root_b))
        parent[gone] = keep
        groups[keep] |= groups.pop(gone)
        _merge(between, keep, gone)
    return {member: min(groups[_root(parent, member)]) for member in parent}


def _between(
    members: dict[str, str], scores: dict[tuple[str, str], float]
) -> dict[str, dict[str, float]]:
    """For each cluster (one member each, at first), the sum of its links' scores to each other
    cluster: the numerator of their average linkage, kept up to date as clusters merge instead
    of summed again over every pair of members at every step."""
    between: dict[str, dict[str, float]] = {member: {} for member in members}
    for (x, y), score in scores.items():
        if x != y and x in members and y in members:
            between[x][y] = score
    return between


def _merge(between: dict[str, dict[str, float]], keep: str, gone: str) -> None:
    for other, total in between.pop(gone).items():
        del between[other][gone]
        if other != keep:
            between[keep][other] = between[keep].get(other, 0.0) + total
            between[other][keep] = between[other].get(keep, 0.0) + total


def _walls(links: Sequence[Link]) -> dict[str, set[str]]:
    walls: dict[str, set[str]] = defaultdict(set)
    for link in links:
        if not link.same:
            walls[link.a].add(link.b)
            walls[link.b].add(link.a)
    return walls


def _walled(a: set[str], b: set[str], walls: dict[str, set[str]]) -> bool:
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return any(walls.get(member, set()) & large for member in small)


def _root(parent: dict[str, str], member: str) -> str:
    while parent[member] != member:
        parent[member] = parent[parent[member]]
        member = parent[member]
    return member
