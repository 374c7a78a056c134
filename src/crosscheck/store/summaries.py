"""Named queries that write what linking derives: incidents' and persons' summaries, each with
the tally it grows from (``link.ledger``, ``link.persons``). Like ``queries``, each takes a
``Connection`` and leaves transactions to its caller."""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Table, delete, select, update

from crosscheck.store.links import _chunks
from crosscheck.store.schema import incidents, persons

__all__ = [
    "incident_tallies",
    "person_summaries",
    "person_tallies",
    "replace_incidents",
    "replace_persons",
    "update_persons",
]

#: a summary and its tally, as ``link.ledger`` and ``link.persons`` make them
Summary = tuple[dict[str, Any], dict[str, Any]]


def replace_incidents(
    connection: Connection, gone: Collection[str], summaries: Sequence[Summary], *, now: datetime
) -> None:
    """Drop the incidents ``gone`` and write ``summaries`` with their tallies (replacing those
    with their ids)."""
    rows = [_incident_row(summary, tally, now) for summary, tally in summaries]
    _replace(connection, incidents, gone, rows)


def _incident_row(summary: dict[str, Any], tally: dict[str, Any], now: datetime) -> dict[str, Any]:
    time = summary["time"] or {}
    place = summary["place"] or {}
    return {
        "id": summary["id"],
        "start": datetime.fromisoformat(time["start"]) if time else None,
        "end": datetime.fromisoformat(time["end"]) if time else None,
        "place": place.get("name"),
        "kinds": " " + " ".join(sorted({c["kind"] for c in summary["claims"]})) + " ",
        "documents": len(summary["documents"]),
        "sources": summary["corroboration"]["independent_sources"],
        "summary": json.dumps(summary, ensure_ascii=False),
        "tally": json.dumps(tally, ensure_ascii=False),
        "updated_at": now,
    }


def incident_tallies(connection: Connection, incident_ids: Collection[str]) -> dict[str, Summary]:
    """The stored summaries of these incidents with their tallies (those without one, written
    before tallies were kept, are left out)."""
    return _tallies(connection, incidents, incident_ids)


def replace_persons(
    connection: Connection, gone: Collection[str], summaries: Sequence[Summary], *, now: datetime
) -> None:
    """Drop the persons ``gone`` and write ``summaries`` with their tallies (replacing those
    with their ids)."""
    rows = [
        {**_person_row(summary, now), "tally": json.dumps(tally, ensure_ascii=False)}
        for summary, tally in summaries
    ]
    _replace(connection, persons, gone, rows)


def update_persons(
    connection: Connection, summaries: Sequence[dict[str, Any]], *, now: datetime
) -> None:
    """Rewrite the summaries of stored persons, keeping their tallies (what a new review
    candidate changes)."""
    for summary in summaries:
        row = _person_row(summary, now)
        connection.execute(update(persons).where(persons.c.id == row.pop("id")).values(row))


def _person_row(summary: dict[str, Any], now: datetime) -> dict[str, Any]:
    return {"id": summary["id"], "name": summary["name"], "documents": len(summary["documents"]),
            "summary": json.dumps(summary, ensure_ascii=False), "updated_at": now}  # fmt: skip


def person_summaries(connection: Connection, person_ids: Collection[str]) -> dict[str, Any]:
    """The stored summaries of these persons, by id."""
    found = {}
    for chunk in _chunks(sorted(person_ids)):
        query = select(persons.c.id, persons.c.summary).where(persons.c.id.in_(chunk))
        found.update({row.id: json.loads(row.summary) for row in connection.execute(query)})
    return found


def person_tallies(connection: Connection, person_ids: Collection[str]) -> dict[str, Summary]:
    """The stored summaries of these persons with their tallies (those without one, written
    before tallies were kept, are left out)."""
    return _tallies(connection, persons, person_ids)


def _tallies(connection: Connection, table: Table, ids: Collection[str]) -> dict[str, Summary]:
    found = {}
    columns = (table.c.id, table.c.summary, table.c.tally)
    for chunk in _chunks(sorted(ids)):
        for row_id, summary, tally in connection.execute(
            select(*columns).where(table.c.id.in_(chunk))
        ):
            if tally is not None:
                found[row_id] = (json.loads(summary), json.loads(tally))
    return found


def _replace(
    connection: Connection, table: Table, gone: Collection[str], rows: Sequence[dict[str, Any]]
) -> None:
    ids = set(gone) | {row["id"] for row in rows}
    for chunk in _chunks(sorted(ids)):
        connection.execute(delete(table).where(table.c.id.in_(chunk)))
    if rows:
        connection.execute(table.insert(), list(rows))
