"""Analysts' decisions: "these are the same" (merge) and "these are different" (split).

A decision is a link of its own (origin ``analyst``) with its author, comment and time. It is
never overwritten by the machine and survives ``relink``, because clusters are recomputed from
all links with analysts' first (``components``). Deciding again replaces the earlier decision
between the same two; ``undo`` removes it, and the machine's view comes back.

Members are what clusters are made of: for incidents, document ids (an incident's id is one of
its documents, so "merge incident A with incident B" is ``same`` between their ids, and "take
document D out of incident I" is ``different`` between D and I: D is walled off from every
document I holds at that moment); for people, persons' members ("<document id>/p1", and a
person's id is one of them), with the same meaning.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Literal

from sqlalchemy import Connection, delete

from crosscheck.errors import NotFoundError, SettingsError
from crosscheck.link import summaries
from crosscheck.link.update import regroup_incidents
from crosscheck.store import Database, links
from crosscheck.store.schema import link_edges

__all__ = ["Kind", "decide", "undo"]

Kind = Literal["incident", "person"]


def decide(
    db: Database, kind: Kind, a: str, b: str, *, same: bool, comment: str, author: str | None = None
) -> None:
    """Record that ``a`` belongs (``same``) or does not belong to ``b``'s incident or person."""
    if not comment.strip():
        raise SettingsError("a decision needs a comment saying why")
    if a == b:
        raise SettingsError(f"cannot decide about {a} and itself")
    verdict = "same" if same else "different"
    now = datetime.now(UTC)
    with db.transaction(write=True) as connection:
        _check(connection, kind, (a, b))
        # "different" walls a off from everyone now with b, so a leaves b's cluster alone
        others = {b} if same else (_cluster_of(connection, kind, b) | {b}) - {a}
        for other in sorted(others):
            edge = links.Edge(kind=kind, a=a, b=other, origin="analyst", verdict=verdict,
                              score=1.0, features={"decision": verdict, "about": [a, b]},
                              author=author, comment=comment.strip())  # fmt: skip
            links.insert_edge(connection, edge, now=now)
        _recompute(connection, kind, {a, b} | others)


def undo(db: Database, kind: Kind, a: str, b: str) -> None:
    """Withdraw the analysts' decision about ``a`` and ``b`` (every link it made)."""
    with db.transaction(write=True) as connection:
        made = [
            e for e in links.edges(connection, kind, {a})
            if e.origin == "analyst" and e.features.get("about") == [a, b]
        ]  # fmt: skip
        if not made:
            raise NotFoundError(f"no decision about {kind}s {a} and {b}")
        for edge in made:
            connection.execute(
                delete(link_edges).where(
                    link_edges.c.kind == kind, link_edges.c.a == edge.a,
                    link_edges.c.b == edge.b, link_edges.c.origin == "analyst",
                )
            )  # fmt: skip
        _recompute(connection, kind, {m for e in made for m in (e.a, e.b)})


def _cluster_of(connection: Connection, kind: Kind, member: str) -> set[str]:
    if kind == "incident":
        stored = links.profiles(connection, {member}).get(member)
        if stored is None or stored.incident_id is None:
            return set()
        return links.incident_members(connection, {stored.incident_id})
    rows = links.person_members_in(connection, {member.split("/", 1)[0]})
    person = next((r["person_id"] for r in rows if r["member"] == member), None)
    return {
        r["member"]
        for r in links.person_members_of(connection, person_ids={person} if person else set())
    }


def _check(connection: Connection, kind: Kind, members: tuple[str, ...]) -> None:
    if kind == "incident":
        known = set(links.profiles(connection, members))
    else:
        rows = links.person_members_in(connection, {m.split("/", 1)[0] for m in members})
        known = {row["member"] for row in rows}
    for member in members:
        if member not in known:
            what = "linked document" if kind == "incident" else "person member"
            raise NotFoundError(f"no {what} {member}")


def _recompute(connection: Connection, kind: Kind, members: set[str]) -> None:
    now = datetime.now(UTC)
    if kind == "incident":
        stored = links.profiles(connection, members)
        incident_ids = {s.incident_id or s.document_id for s in stored.values()}
        regroup_incidents(connection, incident_ids, now=now)
        return
    renamed, _ = summaries.refresh_persons(connection, members, now=now)
    # an incident's summary names its people: rewrite those of every document whose people
    # were renamed (a merged person takes the smaller id everywhere it is named)
    documents = {m.split("/", 1)[0] for m in members | renamed}
    found = links.profiles(connection, documents).values()
    incident_ids = {item.incident_id for item in found if item.incident_id}
    if incident_ids:
        summaries.refresh_incidents(connection, incident_ids, incident_ids, now=now)
