"""Named queries that read what linking stored: incidents and persons, for the CLI and the web
app. Like ``queries``, each takes a ``Connection`` and leaves transactions to its caller.

Text filters (a place, a name) are decided in Python with ``str.casefold``: SQLite's ``lower``
folds ASCII only, so "тиховода" would miss "Тиховода" in SQL. SQL only narrows the rows first
where it safely can.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Select, Table, exists, false, func, or_, select

from crosscheck.store import queries
from crosscheck.store.links import _chunks
from crosscheck.store.schema import (
    documents,
    incidents,
    link_profiles,
    link_queue,
    person_members,
    persons,
)

__all__ = [
    "incident_ids_named",
    "incident_summaries",
    "incident_summary",
    "person_ids_named",
    "person_names",
    "person_summaries",
    "person_summary",
    "unlinked_count",
]


def unlinked_count(connection: Connection) -> int:
    """How many stored documents are not linked yet: the queued ones without a profile (only
    the queue is read, not every stored document)."""
    query = (
        select(func.count())
        .select_from(link_queue)
        .join(documents, documents.c.id == link_queue.c.document_id)
        .where(~exists().where(link_profiles.c.document_id == link_queue.c.document_id))
    )
    return connection.scalar(query) or 0


def incident_summaries(
    connection: Connection,
    *,
    since: datetime | None = None,
    place: str | None = None,
    kind: str | None = None,
    limit: int,
) -> list[dict[str, Any]]:
    """Incidents newest first (by end, else start): those ending on or after ``since``, at a
    place whose name contains ``place`` (any case), with a claim of ``kind``."""
    query = select(incidents.c.id, incidents.c.place)
    if since is not None:
        query = query.where(incidents.c.end >= since)
    if kind is not None:
        query = query.where(incidents.c.kinds.contains(f" {kind} ", autoescape=True))
    newest = func.coalesce(incidents.c.end, incidents.c.start)
    query = query.order_by(newest.desc().nulls_last(), incidents.c.id)
    wanted = place.casefold() if place else ""
    ids = []
    for row in connection.execute(query if wanted else query.limit(limit)):
        if wanted in (row.place or "").casefold():
            ids.append(row.id)
            if len(ids) == limit:
                break
    return _summaries(connection, incidents, ids)


def incident_summary(connection: Connection, incident_id: str) -> dict[str, Any] | None:
    return next(iter(_summaries(connection, incidents, [incident_id])), None)


def incident_ids_named(connection: Connection, prefix: str, *, limit: int) -> list[str]:
    """Up to ``limit`` incident ids that ``prefix`` (lowercase hex) may name: the incident ids
    starting with it, or else the incident of the one document whose id starts with it."""
    query = (
        select(incidents.c.id)
        .where(incidents.c.id >= prefix, incidents.c.id < prefix + "g")  # as in queries
        .order_by(incidents.c.id)
        .limit(limit)
    )
    ids = list(connection.scalars(query))
    if ids:
        return ids
    document_ids = queries.document_ids_with_prefix(connection, prefix, limit=2)
    if len(document_ids) != 1:
        return []
    where = link_profiles.c.document_id == document_ids[0]
    found = connection.scalar(select(link_profiles.c.incident_id).where(where))
    return [found] if found else []


def person_summaries(
    connection: Connection, *, text: str = "", key: str = "", limit: int
) -> list[dict[str, Any]]:
    """Persons named in the most documents first: all of them, or those whose name or a
    spelling contains ``text`` (any case), or whose name key (``names.name_key``, the same for
    every script and transliteration) has a word starting with ``key``."""
    query = select(persons.c.id, persons.c.summary)
    query = query.order_by(persons.c.documents.desc(), persons.c.name, persons.c.id)
    if not text and not key:
        return [json.loads(row.summary) for row in connection.execute(query.limit(limit))]
    keyed = _with_key(key)
    matched = set(connection.scalars(keyed))
    contains = persons.c.summary.icontains(text, autoescape=True) if text else false()
    narrow = or_(contains, persons.c.id.in_(keyed))
    wanted = text.casefold()
    found = []
    for row in connection.execute(query.where(narrow)):
        summary = json.loads(row.summary)
        names = (summary["name"], *summary["spellings"])
        if row.id in matched or (wanted and any(wanted in n.casefold() for n in names)):
            found.append(summary)
            if len(found) == limit:
                break
    return found


def _with_key(key: str) -> Select[tuple[str]]:
    """The persons with a member whose name key has a word starting with ``key``."""
    column = person_members.c.name_key
    starts = or_(
        column.startswith(key, autoescape=True), column.contains(f" {key}", autoescape=True)
    )
    return select(person_members.c.person_id).where(starts if key else false()).distinct()


def person_summary(connection: Connection, person_id: str) -> dict[str, Any] | None:
    return next(iter(_summaries(connection, persons, [person_id])), None)


def person_ids_named(connection: Connection, value: str, *, limit: int) -> list[str]:
    """Up to ``limit`` person ids that ``value`` may name: ``value`` itself when it is one
    (".../p1" is also a prefix of ".../p10"), the ids starting with it, or else the person of
    the member ("<document id or unique prefix>/p1", the person as one document names them)."""
    query = select(persons.c.id).where(persons.c.id.startswith(value, autoescape=True))
    ids = list(connection.scalars(query.order_by(persons.c.id).limit(limit)))
    if value in ids:
        return [value]
    document_id, _, key = value.partition("/")
    if ids or not key:
        return ids
    document_ids = queries.document_ids_with_prefix(connection, document_id, limit=2)
    if len(document_ids) != 1:
        return []
    where = person_members.c.member == f"{document_ids[0]}/{key}"
    found = connection.scalar(select(person_members.c.person_id).where(where))
    return [found] if found else []


def person_names(connection: Connection, person_ids: Collection[str]) -> dict[str, str]:
    found = {}
    for chunk in _chunks(sorted(person_ids)):
        query = select(persons.c.id, persons.c.name).where(persons.c.id.in_(chunk))
        found.update({row.id: row.name for row in connection.execute(query)})
    return found


def _summaries(connection: Connection, table: Table, ids: Sequence[str]) -> list[dict[str, Any]]:
    """The stored summaries of ``ids`` in ``table`` (incidents or persons), in that order."""
    found = {}
    for chunk in _chunks(ids):
        query = select(table.c.id, table.c.summary).where(table.c.id.in_(chunk))
        found.update({row.id: json.loads(row.summary) for row in connection.execute(query)})
    return [found[i] for i in ids if i in found]
