"""Rewriting the stored summaries of incidents and persons after their members changed.

A summary is derived data: it is recomputed from the member documents' records and the links,
never edited, so it can always be rebuilt (``link.update.relink``).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from crosscheck.link import ledger
from crosscheck.link.components import Link, components
from crosscheck.link.profile import from_json
from crosscheck.model import Document, Facts, Person
from crosscheck.record import document_from_record, facts_from_record
from crosscheck.store import links, queries

__all__ = ["refresh_incidents", "refresh_persons"]

_ATTRIBUTES = ("role", "rank", "unit", "hometown", "side", "status")


def refresh_incidents(
    connection: Connection, old: Collection[str], new: Collection[str], *, now: datetime
) -> None:
    """Replace the summaries of incidents ``old`` by those of incidents ``new``."""
    members = links.incident_members(connection, new)
    stored = links.profiles(connection, members)
    persons = _persons_of(connection, members)
    loaded = {d: _load(connection, d) for d in sorted(members)}
    grouped: dict[str, list[ledger.Report]] = defaultdict(list)
    for document_id, item in sorted(stored.items()):
        document, facts = loaded[document_id]
        grouped[item.incident_id or document_id].append(
            ledger.Report(
                document_id=document_id, document=document, facts=facts,
                profile=from_json(item.profile), seen=item.seen, copy_of=item.copy_of,
                persons=persons.get(document_id, {}),
            )
        )  # fmt: skip
    summaries = [ledger.summarise(i, reports) for i, reports in sorted(grouped.items())]
    links.replace_incidents(connection, set(old) | set(new), summaries, now=now)


def refresh_persons(connection: Connection, touched: Collection[str], *, now: datetime) -> set[str]:
    """Regroup the persons that ``touched`` members belong to, and rewrite their summaries; the
    members whose person changed."""
    rows = links.person_members_of(connection, person_ids=_person_ids(connection, touched))
    members = {row["member"] for row in rows} | set(touched)
    rows = links.person_members_of(connection, person_ids=_person_ids(connection, members))
    members |= {row["member"] for row in rows}
    edges = links.edges(connection, "person", members)
    linked = [
        Link(e.a, e.b, e.score, same=e.verdict == "same", analyst=e.origin == "analyst")
        for e in edges
        if e.verdict in ("same", "different") and e.a in members and e.b in members
    ]
    assignment = components(members, linked)
    old = {row["person_id"] for row in rows}
    current = {row["member"]: row["person_id"] for row in rows}
    renamed = {m: p for m, p in assignment.items() if current.get(m) != p}
    links.set_persons(connection, renamed)
    by_person: dict[str, list[str]] = defaultdict(list)
    for member, person_id in assignment.items():
        by_person[person_id].append(member)
    touching = _edges_by_member(edges)
    loaded: dict[str, tuple[Document, Facts]] = {}
    summaries = [
        _person_summary(
            connection, person_id, sorted(group), _edges_of(group, edges, touching), loaded
        )  # fmt: skip
        for person_id, group in sorted(by_person.items())
    ]
    links.replace_persons(connection, old, summaries, now=now)
    return set(renamed)


def _edges_by_member(edges: Sequence[links.Edge]) -> dict[str, list[int]]:
    """Where each member's links are in ``edges``."""
    found: dict[str, list[int]] = defaultdict(list)
    for position, edge in enumerate(edges):
        found[edge.a].append(position)
        found[edge.b].append(position)
    return found


def _edges_of(
    members: Collection[str], edges: Sequence[links.Edge], touching: dict[str, list[int]]
) -> list[links.Edge]:
    """The links touching any of ``members``, in their order in ``edges``."""
    return [edges[i] for i in sorted({i for m in members for i in touching.get(m, ())})]


def _person_ids(connection: Connection, members: Collection[str]) -> set[str]:
    rows = links.person_members_in(connection, {m.split("/", 1)[0] for m in members})
    return {row["person_id"] for row in rows if row["member"] in members} | set(members)


def _persons_of(connection: Connection, document_ids: Collection[str]) -> dict[str, dict[str, str]]:
    """Per document: its person keys ("p1") -> person ids."""
    found: dict[str, dict[str, str]] = defaultdict(dict)
    for row in links.person_members_in(connection, document_ids):
        found[row["document_id"]][row["member"].split("/", 1)[1]] = row["person_id"]
    return found


def _load(connection: Connection, document_id: str) -> tuple[Document, Facts]:
    record = json.loads(queries.record(connection, document_id) or "{}")
    return document_from_record(record), facts_from_record(record) or Facts()


def _person_summary(
    connection: Connection,
    person_id: str,
    members: Sequence[str],
    edges: Sequence[links.Edge],
    loaded: dict[str, tuple[Document, Facts]],
) -> dict[str, Any]:
    mentions: list[tuple[str, Document, Person]] = []
    for member in members:
        document_id, key = member.split("/", 1)
        if document_id not in loaded:  # a document with several people is read once
            loaded[document_id] = _load(connection, document_id)
        document, facts = loaded[document_id]
        mentions += [(document_id, document, p) for p in facts.people if p.key == key]
    names = Counter(p.name for _, _, p in mentions)
    incident_of = links.incident_ids(connection, {d for d, _, _ in mentions})
    inside = set(members)
    return {
        "id": person_id,
        "name": _display_name(names),
        "spellings": sorted({s for _, _, p in mentions for s in (p.name, *p.spellings)}),
        "documents": sorted({d for d, _, _ in mentions}),
        "members": list(members),
        "incidents": sorted({i for i in incident_of.values() if i}),
        "attributes": _attributes(mentions),
        "links": [_edge(e) for e in edges if e.a in inside and e.b in inside],
        "candidates": [
            _edge(e)
            for e in edges
            if e.verdict == "candidate" and (e.a in inside) != (e.b in inside)
        ],
    }


def _display_name(names: Counter[str]) -> str:
    # the most used spelling; among equals a Latin one, which every reader of a report can type
    return min(names, key=lambda n: (-names[n], not n.isascii(), n)) if names else ""


def _attributes(
    mentions: Sequence[tuple[str, Document, Person]],
) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = {}
    for document_id, _, person in mentions:
        for name in _ATTRIBUTES:
            attribute = getattr(person, name)
            if attribute is not None:
                found.setdefault(name, []).append(
                    {"value": attribute.value, "document": document_id,
                     "start": attribute.span.start, "end": attribute.span.end}
                )  # fmt: skip
    return found


def _edge(edge: links.Edge) -> dict[str, Any]:
    return {"a": edge.a, "b": edge.b, "origin": edge.origin, "verdict": edge.verdict,
            "score": edge.score, "features": edge.features, "author": edge.author,
            "comment": edge.comment}  # fmt: skip
