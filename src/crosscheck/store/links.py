"""Named queries for linking (``crosscheck.link``): profiles, blocking keys, links, incidents' and
persons' members. Like ``queries``, each takes a ``Connection`` and leaves transactions to its
caller; the summaries themselves are written by ``store.summaries``."""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import (
    Connection,
    Insert,
    Integer,
    Select,
    bindparam,
    delete,
    exists,
    func,
    or_,
    select,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite

from crosscheck.store.queries import _insert
from crosscheck.store.schema import (
    captures,
    documents,
    link_edges,
    link_keys,
    link_profiles,
    link_queue,
    person_members,
)

__all__ = [
    "Edge",
    "StoredProfile",
    "Window",
    "delete_links_of",
    "documents_under",
    "edges",
    "event_profiles",
    "incident_ids",
    "incident_members",
    "insert_edge",
    "insert_edges",
    "insert_keys",
    "insert_profile",
    "link_ids",
    "link_scores",
    "namesakes",
    "person_members_in",
    "person_members_of",
    "profiles",
    "queue_all",
    "seen",
    "signatures",
    "tidy_queue",
    "unlinked",
]

#: at most this many documents per blocking key are compared (the newest in the time window)
KEY_LIMIT = 200
#: at most this many members of one name block are compared with a new person (the nearest in
#: time): a common name must not cost a comparison, a link and a summary per namesake stored
NAMESAKE_LIMIT = 20


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
    """Documents not linked yet, oldest first (by publication, else by when stored): the
    queued ones without a profile. Only the queue is read, not every stored document."""
    order = func.coalesce(documents.c.published_start, documents.c.created_at)
    query = (
        select(documents.c.id)
        .where(documents.c.id.in_(select(link_queue.c.document_id)))
        .where(~exists().where(link_profiles.c.document_id == documents.c.id))
        .order_by(order, documents.c.id)
        .limit(limit)
    )
    return list(connection.scalars(query))


def tidy_queue(connection: Connection) -> None:
    """Take off the queue what is linked already (a rebuilt document keeps its links) or no
    longer stored, so that the queue stays as short as the work left."""
    linked = exists().where(link_profiles.c.document_id == link_queue.c.document_id)
    stored = exists().where(documents.c.id == link_queue.c.document_id)
    connection.execute(delete(link_queue).where(or_(linked, ~stored)))


def queue_all(connection: Connection) -> None:
    """Queue every stored document (``relink``)."""
    connection.execute(delete(link_queue))
    connection.execute(link_queue.insert().from_select(["document_id"], select(documents.c.id)))


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
    """Store a document's profile: it is linked, and leaves the queue."""
    connection.execute(delete(link_queue).where(link_queue.c.document_id == row.document_id))
    connection.execute(
        link_profiles.insert().values(
            document_id=row.document_id, profile=json.dumps(row.profile, ensure_ascii=False),
            signature=row.signature, seen=row.seen, incident_id=row.incident_id,
            copy_of=row.copy_of, copy_similarity=None, linked_at=now,
        )
    )  # fmt: skip


def insert_keys(
    connection: Connection,
    document_id: str,
    keys: Iterable[str],
    days: tuple[int | None, int | None] = (None, None),
) -> None:
    """File a document under ``keys`` with the first and last day of its event time."""
    day, last_day = days
    rows = [{"key": key, "document_id": document_id, "day": day, "last_day": last_day}
            for key in sorted(set(keys))]  # fmt: skip
    if rows:
        connection.execute(_insert(connection, link_keys).on_conflict_do_nothing(), rows)


@dataclass(frozen=True, slots=True)
class Window:
    """Where a blocking lookup looks: documents whose first event day lies in ``first`` and
    whose last event day is ``last_from`` or later (their event times can overlap)."""

    first: tuple[int, int]
    last_from: int


def documents_under(
    connection: Connection, keys: Collection[str], window: Window | None
) -> set[str]:
    """Documents filed under any of ``keys``, with an event time inside ``window`` (or none
    known), at most ``KEY_LIMIT`` per key, the newest first: index range scans per key, which
    read ids from the index alone."""
    found: set[str] = set()
    newest, dated, undated = _lookups()
    for key in sorted(keys):
        if window is None or key.startswith("band:"):
            found.update(connection.scalars(newest, {"key": key, "limit": KEY_LIMIT}))
            continue
        days = {"key": key, "first_from": window.first[0], "first_to": window.first[1],
                "last_from": window.last_from, "limit": KEY_LIMIT}  # fmt: skip
        some = list(connection.scalars(dated, days))
        if len(some) < KEY_LIMIT:
            some += connection.scalars(undated, {**days, "limit": KEY_LIMIT - len(some)})
        found.update(some)
    return found


@cache
def _lookups() -> tuple[Select[str], Select[str], Select[str]]:
    """The lookups of ``documents_under``, built once (a statement costs more to build than
    to run): a key's newest documents; those with a first day in a window; those without.

    Dated and undated documents are two range scans: one "day BETWEEN ... OR day IS NULL"
    would walk the key's index from its newest day down, however far the window lies. A
    document that ended before the window is skipped inside the index, so that a window of
    first days long enough for events that last months brings in no short one that ended
    before it."""
    day, last_day = link_keys.c.day, link_keys.c.last_day
    query = select(link_keys.c.document_id).where(link_keys.c.key == bindparam("key"))
    limit = bindparam("limit", type_=Integer)
    ends = or_(last_day.is_(None), last_day >= bindparam("last_from", type_=Integer))
    first = day.between(
        bindparam("first_from", type_=Integer), bindparam("first_to", type_=Integer)
    )
    return (
        query.order_by(day.desc()).limit(limit),
        query.where(first, ends).order_by(day.desc()).limit(limit),
        query.where(day.is_(None), ends).limit(limit),  # time unknown, or longer than a window
    )


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


def event_profiles(
    connection: Connection, document_ids: Collection[str]
) -> dict[str, tuple[str, dict[str, Any]]]:
    """The incident and profile data (``profile.to_json``) of those of these documents that
    report an event; only the columns that comparing them needs."""
    found = {}
    columns = (link_profiles.c.document_id, link_profiles.c.incident_id, link_profiles.c.profile)
    for chunk in _chunks(sorted(document_ids)):
        # "incident_id IS NOT NULL" in SQL would lead SQLite to scan its index: filter here
        query = select(*columns).where(link_profiles.c.document_id.in_(chunk))
        for document_id, incident_id, data in connection.execute(query):
            if incident_id is not None:
                found[document_id] = (incident_id, json.loads(data))
    return found


def signatures(connection: Connection, document_ids: Collection[str]) -> dict[str, bytes]:
    """The stored MinHash signatures of these documents."""
    found = {}
    columns = (link_profiles.c.document_id, link_profiles.c.signature)
    for chunk in _chunks(sorted(document_ids)):
        query = select(*columns).where(link_profiles.c.document_id.in_(chunk))
        for document_id, signature in connection.execute(query):
            found[document_id] = signature
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


def incident_ids(connection: Connection, document_ids: Collection[str]) -> dict[str, str | None]:
    """The incident of each of these linked documents (None: it reports no event)."""
    found: dict[str, str | None] = {}
    for chunk in _chunks(sorted(document_ids)):
        query = select(link_profiles.c.document_id, link_profiles.c.incident_id)
        for document_id, incident_id in connection.execute(
            query.where(link_profiles.c.document_id.in_(chunk))
        ):
            found[document_id] = incident_id
    return found


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
    insert_edges(connection, [edge], now=now)


def insert_edges(connection: Connection, edges: Sequence[Edge], *, now: datetime) -> None:
    """Add links, each replacing an earlier one of the same origin between the same members:
    one upsert statement for all of them."""
    rows = {}
    for edge in edges:  # of two edges between the same members, the later one stands
        a, b = sorted((edge.a, edge.b))
        rows[edge.kind, a, b, edge.origin] = {
            "kind": edge.kind, "a": a, "b": b, "origin": edge.origin, "verdict": edge.verdict,
            "score": edge.score, "features": json.dumps(edge.features, ensure_ascii=False),
            "author": edge.author, "comment": edge.comment, "created_at": edge.created_at or now,
        }  # fmt: skip
    if rows:
        connection.execute(_upsert_edge(connection.dialect.name), list(rows.values()))


@cache
def _upsert_edge(dialect: str) -> Insert:
    """INSERT ... ON CONFLICT (kind, a, b, origin) DO UPDATE, built once per dialect."""
    statement = (
        postgresql.insert(link_edges) if dialect == "postgresql" else sqlite.insert(link_edges)
    )
    replace = {name: statement.excluded[name] for name in _EDGE_VALUES}
    return statement.on_conflict_do_update(index_elements=_EDGE_KEY, set_=replace)


_EDGE_KEY = ("kind", "a", "b", "origin")
_EDGE_VALUES = ("verdict", "score", "features", "author", "comment", "created_at")


def edges(connection: Connection, kind: str, members: Collection[str]) -> list[Edge]:
    """Every link of ``kind`` touching any of ``members``."""
    found: dict[tuple[str, str, str], Edge] = {}
    for chunk in _chunks(sorted(members)):
        # One query per end: (kind, a) leads the primary key and (kind, b) has an index, but
        # "a IN ... OR b IN ..." would read every link of the kind.
        for end in (link_edges.c.a, link_edges.c.b):
            query = select(link_edges).where(link_edges.c.kind == kind, end.in_(chunk))
            for row in connection.execute(query):
                found[row.a, row.b, row.origin] = _edge(row)
    return [found[key] for key in sorted(found)]


#: a link as clustering needs it: (a, b, origin, verdict, score)
LinkScore = tuple[str, str, str, str, float]


def link_scores(connection: Connection, kind: str, members: Collection[str]) -> list[LinkScore]:
    """Every link of ``kind`` touching any of ``members``, as ``LinkScore`` rows: only what
    clustering reads (no features, no times), for the large neighbourhoods regrouping visits."""
    found: dict[tuple[str, str, str], LinkScore] = {}
    columns = (link_edges.c.a, link_edges.c.b, link_edges.c.origin, link_edges.c.verdict,
               link_edges.c.score)  # fmt: skip
    for chunk in _chunks(sorted(members)):
        for end in (link_edges.c.a, link_edges.c.b):  # one index each, as in ``edges``
            query = select(*columns).where(link_edges.c.kind == kind, end.in_(chunk))
            for a, b, origin, verdict, score in connection.execute(query):
                found[a, b, origin] = (a, b, origin, verdict, score)
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
        connection.execute(delete(link_queue).where(link_queue.c.document_id.in_(chunk)))
        stored = select(documents.c.id).where(documents.c.id.in_(chunk))
        connection.execute(link_queue.insert().from_select(["document_id"], stored))
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
    return _members(rows)


def namesakes(
    connection: Connection,
    surname_key: str,
    *,
    name_key: str | None = None,
    initial: str | None = None,
    day: int | None,
) -> list[dict[str, Any]]:
    """Members with this surname key (and this whole name key, or a first name that is this
    initial: "a smirnov", "a v smirnov"), at most ``NAMESAKE_LIMIT``: those whose documents'
    event days are nearest to ``day`` (none known: the newest), then undated ones."""
    query = select(person_members).where(person_members.c.surname_key == surname_key)
    if name_key is not None:
        query = query.where(person_members.c.name_key == name_key)
    if initial is not None:  # a range of the (surname_key, name_key, day) index
        name = person_members.c.name_key
        query = query.where(name >= f"{initial} ", name < f"{initial}!")
        return _members(connection.execute(query.order_by(name).limit(NAMESAKE_LIMIT)))
    column, limit = person_members.c.day, NAMESAKE_LIMIT
    if day is None:
        rows = list(
            connection.execute(
                query.where(column.is_not(None)).order_by(column.desc()).limit(limit)
            )
        )
    else:
        before = query.where(column <= day).order_by(column.desc()).limit(limit)
        after = query.where(column > day).order_by(column).limit(limit)
        rows = [*connection.execute(before), *connection.execute(after)]
        rows = sorted(rows, key=lambda row: (abs(row.day - day), row.member))[:limit]
    if len(rows) < limit:
        rows += connection.execute(query.where(column.is_(None)).limit(limit - len(rows)))
    return _members(rows)


def _members(rows: Iterable[Any]) -> list[dict[str, Any]]:
    """Member rows as dicts, their JSON read (``mention`` None: not kept when it was stored)."""
    return [
        dict(row._mapping, attributes=json.loads(row.attributes),
             mention=json.loads(row.mention) if row.mention is not None else None)
        for row in rows
    ]  # fmt: skip


def person_members_in(
    connection: Connection, document_ids: Collection[str]
) -> list[dict[str, Any]]:
    found = []
    for chunk in _chunks(sorted(document_ids)):
        query = select(person_members).where(person_members.c.document_id.in_(chunk))
        found += _members(connection.execute(query.order_by(person_members.c.member)))
    return found


def insert_person_member(connection: Connection, row: dict[str, Any]) -> None:
    attributes = json.dumps(row["attributes"], ensure_ascii=False)
    mention = json.dumps(row["mention"], ensure_ascii=False) if row.get("mention") else None
    values = {**row, "attributes": attributes, "mention": mention}
    connection.execute(person_members.insert().values(values))


def set_persons(connection: Connection, assignment: dict[str, str]) -> None:
    for member, person_id in sorted(assignment.items()):
        connection.execute(
            update(person_members)
            .where(person_members.c.member == member)
            .values(person_id=person_id)
        )


def _chunks(values: Sequence[str], size: int = 500) -> Iterable[Sequence[str]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]
