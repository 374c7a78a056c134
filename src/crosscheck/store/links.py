"""Named queries for linking (``crosscheck.link``): profiles, blocking keys, links, incidents,
persons. Like ``queries``, each takes a ``Connection`` and leaves transactions to its caller."""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, and_, delete, func, or_, select, update

from crosscheck.store.queries import _insert
from crosscheck.store.schema import (
    captures,
    documents,
    incidents,
    link_edges,
    link_keys,
    link_profiles,
    person_members,
    persons,
)

__all__ = [
    "Edge",
    "StoredProfile",
    "delete_links_of",
    "documents_under",
    "edges",
    "incident_members",
    "insert_edge",
    "insert_keys",
    "insert_profile",
    "link_ids",
    "person_members_in",
    "person_members_of",
    "profiles",
    "seen",
    "unlinked",
]

#: at most this many documents per blocking key are compared (the newest in the time window)
KEY_LIMIT = 200


@dataclass(frozen=True, slots=True, kw_only=True)
class StoredProfile:
    document_id: str
    profile: dict[str, Any]
    signature: bytes
    seen: datetime
    incident_id: str | None
    copy_of: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Edge:
    kind: str
    a: str
    b: str
    origin: str  # machine | analyst
    verdict: str  # same | different | candidate
    score: float
    features: dict[str, Any]
    author: str | None = None
    comment: str | None = None
    created_at: datetime | None = None


def link_ids(connection: Connection, document_id: str) -> tuple[str | None, dict[str, str]] | None:
    """A linked document's incident id and its people's person ids by key; None if unlinked."""
    incident_id = connection.execute(
        select(link_profiles.c.incident_id).where(link_profiles.c.document_id == document_id)
    ).first()
    if incident_id is None:
        return None
    rows = connection.execute(
        select(person_members.c.member, person_members.c.person_id).where(
            person_members.c.document_id == document_id
        )
    )
    return incident_id[0], {member.split("/", 1)[1]: person for member, person in rows}


def unlinked(connection: Connection, *, limit: int) -> list[str]:
    """Documents not linked yet, oldest first (by publication, else by when stored)."""
    order = func.coalesce(documents.c.published_start, documents.c.created_at)
    query = (
        select(documents.c.id)
        .outerjoin(link_profiles, link_profiles.c.document_id == documents.c.id)
        .where(link_profiles.c.document_id.is_(None))
        .order_by(order, documents.c.id)
        .limit(limit)
    )
    return list(connection.scalars(query))


def seen(connection: Connection, document_id: str) -> datetime:
    """When a document was first seen: published, else captured."""
    query = (
        select(documents.c.published_start, captures.c.captured_at)
        .join(captures, captures.c.sha256 == documents.c.capture_sha256)
        .where(documents.c.id == document_id)
    )
    published, captured = connection.execute(query).one()
    return published or captured  # type: ignore[no-any-return]


def insert_profile(connection: Connection, row: StoredProfile, *, now: datetime) -> None:
    connection.execute(
        link_profiles.insert().values(
            document_id=row.document_id, profile=json.dumps(row.profile, ensure_ascii=False),
            signature=row.signature, seen=row.seen, incident_id=row.incident_id,
            copy_of=row.copy_of, copy_similarity=None, linked_at=now,
        )
    )  # fmt: skip


def insert_keys(
    connection: Connection, document_id: str, keys: Iterable[str], day: int | None
) -> None:
    rows = [{"key": key, "document_id": document_id, "day": day} for key in sorted(set(keys))]
    if rows:
        connection.execute(_insert(connection, link_keys).on_conflict_do_nothing(), rows)


def documents_under(
    connection: Connection, keys: Collection[str], days: tuple[int, int] | None
) -> set[str]:
    """Documents filed under any of ``keys``, with a first event day inside ``days`` (or none
    known), at most ``KEY_LIMIT`` per key: an index range scan per key."""
    found: set[str] = set()
    for key in sorted(keys):
        where = link_keys.c.key == key
        if days is not None and not key.startswith("band:"):
            where = and_(where, or_(link_keys.c.day.between(*days), link_keys.c.day.is_(None)))
        query = (
            select(link_keys.c.document_id)
            .where(where)
            .order_by(link_keys.c.day.desc())
            .limit(KEY_LIMIT)
        )
        found.update(connection.scalars(query))
    return found


def profiles(connection: Connection, document_ids: Collection[str]) -> dict[str, StoredProfile]:
    found = {}
    for chunk in _chunks(sorted(document_ids)):
        rows = connection.execute(
            select(link_profiles).where(link_profiles.c.document_id.in_(chunk))
        )
        for row in rows:
            found[row.document_id] = StoredProfile(
                document_id=row.document_id, profile=json.loads(row.profile),
                signature=row.signature, seen=row.seen, incident_id=row.incident_id,
                copy_of=row.copy_of,
            )  # fmt: skip
    return found


def set_copy_of(
    connection: Connection, document_ids: Collection[str], original: str | None
) -> None:
    for chunk in _chunks(sorted(document_ids)):
        connection.execute(
            update(link_profiles)
            .where(link_profiles.c.document_id.in_(chunk))
            .values(copy_of=original)
        )


def set_incidents(connection: Connection, assignment: dict[str, str | None]) -> None:
    for document_id, incident_id in sorted(assignment.items()):
        connection.execute(
            update(link_profiles)
            .where(link_profiles.c.document_id == document_id)
            .values(incident_id=incident_id)
        )


def incident_members(connection: Connection, incident_ids: Collection[str]) -> set[str]:
    found: set[str] = set()
    for chunk in _chunks(sorted(incident_ids)):
        found.update(
            connection.scalars(
                select(link_profiles.c.document_id).where(link_profiles.c.incident_id.in_(chunk))
            )
        )
    return found


def insert_edge(connection: Connection, edge: Edge, *, now: datetime) -> None:
    """Add a link, replacing an earlier one of the same origin between the same members."""
    a, b = sorted((edge.a, edge.b))
    connection.execute(
        delete(link_edges).where(
            link_edges.c.kind == edge.kind, link_edges.c.a == a, link_edges.c.b == b,
            link_edges.c.origin == edge.origin,
        )
    )  # fmt: skip
    connection.execute(
        link_edges.insert().values(
            kind=edge.kind, a=a, b=b, origin=edge.origin, verdict=edge.verdict,
            score=edge.score, features=json.dumps(edge.features, ensure_ascii=False),
            author=edge.author, comment=edge.comment, created_at=edge.created_at or now,
        )
    )  # fmt: skip


def edges(connection: Connection, kind: str, members: Collection[str]) -> list[Edge]:
    """Every link of ``kind`` touching any of ``members``."""
    found: dict[tuple[str, str, str], Edge] = {}
    for chunk in _chunks(sorted(members)):
        query = select(link_edges).where(
            link_edges.c.kind == kind, or_(link_edges.c.a.in_(chunk), link_edges.c.b.in_(chunk))
        )
        for row in connection.execute(query):
            found[row.a, row.b, row.origin] = _edge(row)
    return [found[key] for key in sorted(found)]


def _edge(row: Any) -> Edge:
    return Edge(
        kind=row.kind, a=row.a, b=row.b, origin=row.origin, verdict=row.verdict,
        score=row.score, features=json.loads(row.features), author=row.author,
        comment=row.comment, created_at=row.created_at,
    )  # fmt: skip


def delete_links_of(connection: Connection, document_ids: Collection[str]) -> None:
    """Forget what the machine derived from these documents (their analysts' decisions stay)."""
    for chunk in _chunks(sorted(document_ids)):
        connection.execute(delete(link_profiles).where(link_profiles.c.document_id.in_(chunk)))
        connection.execute(delete(link_keys).where(link_keys.c.document_id.in_(chunk)))
        connection.execute(delete(person_members).where(person_members.c.document_id.in_(chunk)))
        for column in (link_edges.c.a, link_edges.c.b):
            for document_id in chunk:
                connection.execute(
                    delete(link_edges).where(
                        link_edges.c.origin == "machine",
                        or_(column == document_id, column.like(f"{document_id}/%")),
                    )
                )


def person_members_of(
    connection: Connection, *, surname_keys: Collection[str] = (), person_ids: Collection[str] = ()
) -> list[dict[str, Any]]:
    where = []
    if surname_keys:
        where.append(person_members.c.surname_key.in_(sorted(surname_keys)))
    if person_ids:
        where.append(person_members.c.person_id.in_(sorted(person_ids)))
    if not where:
        return []
    rows = connection.execute(
        select(person_members).where(or_(*where)).order_by(person_members.c.member)
    )
    return [dict(row._mapping, attributes=json.loads(row.attributes)) for row in rows]


def person_members_in(
    connection: Connection, document_ids: Collection[str]
) -> list[dict[str, Any]]:
    found = []
    for chunk in _chunks(sorted(document_ids)):
        query = select(person_members).where(person_members.c.document_id.in_(chunk))
        rows = connection.execute(query.order_by(person_members.c.member))
        found += [dict(row._mapping, attributes=json.loads(row.attributes)) for row in rows]
    return found


def insert_person_member(connection: Connection, row: dict[str, Any]) -> None:
    attributes = json.dumps(row["attributes"], ensure_ascii=False)
    connection.execute(person_members.insert().values({**row, "attributes": attributes}))


def set_persons(connection: Connection, assignment: dict[str, str]) -> None:
    for member, person_id in sorted(assignment.items()):
        connection.execute(
            update(person_members)
            .where(person_members.c.member == member)
            .values(person_id=person_id)
        )


def replace_incidents(
    connection: Connection,
    gone: Collection[str],
    summaries: Sequence[dict[str, Any]],
    *,
    now: datetime,
) -> None:
    ids = set(gone) | {s["id"] for s in summaries}
    for chunk in _chunks(sorted(ids)):
        connection.execute(delete(incidents).where(incidents.c.id.in_(chunk)))
    for summary in summaries:
        time = summary["time"] or {}
        place = summary["place"] or {}
        connection.execute(
            incidents.insert().values(
                id=summary["id"],
                start=datetime.fromisoformat(time["start"]) if time else None,
                end=datetime.fromisoformat(time["end"]) if time else None,
                place=place.get("name"),
                kinds=" " + " ".join(sorted({c["kind"] for c in summary["claims"]})) + " ",
                documents=len(summary["documents"]),
                sources=summary["corroboration"]["independent_sources"],
                summary=json.dumps(summary, ensure_ascii=False),
                updated_at=now,
            )
        )


def replace_persons(
    connection: Connection,
    gone: Collection[str],
    summaries: Sequence[dict[str, Any]],
    *,
    now: datetime,
) -> None:
    ids = set(gone) | {s["id"] for s in summaries}
    for chunk in _chunks(sorted(ids)):
        connection.execute(delete(persons).where(persons.c.id.in_(chunk)))
    for summary in summaries:
        connection.execute(
            persons.insert().values(
                id=summary["id"], name=summary["name"], documents=len(summary["documents"]),
                summary=json.dumps(summary, ensure_ascii=False), updated_at=now,
            )
        )  # fmt: skip


def _chunks(values: Sequence[str], size: int = 500) -> Iterable[Sequence[str]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]
