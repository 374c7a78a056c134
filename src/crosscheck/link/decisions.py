"""Analysts' decisions: "these are the same" (merge) and "these are different" (split).

A decision is a link of its own (origin ``analyst``) with its author, comment and time. It is
never overwritten by the machine and survives ``relink``, because clusters are recomputed from
all links with analysts' first (``components``). Deciding again replaces the earlier decision
between the same two; ``undo`` removes it, and the machine's view comes back.

Members are what clusters are made of: for incidents, document ids (an incident's id is one of
its documents, so "merge incident A with incident B" is ``same`` between their ids, and "take
document D out of incident I" is ``different`` between D and I); for people, persons' members
("<document id>/p1", and a person's id is one of them).
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
    """Record that ``a`` and ``b`` are (``same``) or are not one incident or person."""
    if not comment.strip():
        raise SettingsError("a decision needs a comment saying why")
    if a == b:
        raise SettingsError(f"cannot decide about {a} and itself")
    verdict = "same" if same else "different"
    features: dict[str, object] = {"decision": verdict}
    edge = links.Edge(kind=kind, a=a, b=b, origin="analyst", verdict=verdict, score=1.0,
                      features=features, author=author, comment=comment.strip())  # fmt: skip
    with db.transaction(write=True) as connection:
        _check(connection, kind, (a, b))
        links.insert_edge(connection, edge, now=datetime.now(UTC))
        _recompute(connection, kind, (a, b))


def undo(db: Database, kind: Kind, a: str, b: str) -> None:
    """Withdraw the analysts' decision about ``a`` and ``b``."""
    first, second = sorted((a, b))
    with db.transaction(write=True) as connection:
        removed = connection.execute(
            delete(link_edges).where(
                link_edges.c.kind == kind, link_edges.c.a == first, link_edges.c.b == second,
                link_edges.c.origin == "analyst",
            )
        ).rowcount  # fmt: skip
        if not removed:
            raise NotFoundError(f"no decision about {kind}s {a} and {b}")
        _recompute(connection, kind, (a, b))


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


def _recompute(connection: Connection, kind: Kind, members: tuple[str, ...]) -> None:
    now = datetime.now(UTC)
    if kind == "incident":
        stored = links.profiles(connection, members)
        incident_ids = {s.incident_id or s.document_id for s in stored.values()}
        regroup_incidents(connection, incident_ids, now=now)
    else:
        summaries.refresh_persons(connection, set(members), now=now)
