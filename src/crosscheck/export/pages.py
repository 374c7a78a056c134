"""Reading what an export covers one page at a time, so that memory stays bounded.

``Database.incidents`` and ``Database.persons`` return one list of at most ``limit`` items,
which suits a screen, not a whole database. Here incidents and persons are read in pages by
keyset (the position after the last row read, not an OFFSET that would rescan every earlier
row), in the same order and with the same filters as those methods: incidents newest first
(by end, else start), persons named in the most documents first. Claims come page by page
from ``review.claims.claims``. No transaction stays open while the caller handles a row.

The two keyset queries belong with ``store.linked`` once it offers paging itself.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select

from crosscheck.errors import SettingsError
from crosscheck.model import ClaimKind
from crosscheck.review.claims import ClaimView, claims
from crosscheck.store import Database
from crosscheck.store.schema import incidents as incidents_table
from crosscheck.store.schema import persons as persons_table

__all__ = [
    "PAGE",
    "Selection",
    "claim_pages",
    "claim_views",
    "incident_summaries",
    "person_summaries",
]

PAGE = 200  # rows per transaction


@dataclass(frozen=True, slots=True, kw_only=True)
class Selection:
    """Which incidents an export covers, as ``crosscheck incidents`` filters them: ending on
    or after ``since``, at a place whose name contains ``place`` (any case), with a claim of
    ``kind``; at most ``limit`` (None: all). Claims of those incidents, of ``kind`` only."""

    since: datetime | None = None
    place: str | None = None
    kind: str | None = None
    limit: int | None = None

    def __post_init__(self) -> None:
        if self.limit is not None and self.limit < 1:
            raise SettingsError(f"limit must be at least 1, got {self.limit}")
        if self.kind is not None and self.kind not in set(ClaimKind):
            kinds = ", ".join(ClaimKind)
            raise SettingsError(f"unknown claim kind {self.kind!r}: expected one of {kinds}")

    @property
    def narrows_incidents(self) -> bool:
        """Whether only some incidents are wanted (``kind`` alone narrows claims directly)."""
        return self.since is not None or self.place is not None

    def describe(self) -> str:
        """The filter in words, for a report's header."""
        parts = [f"ending on or after {self.since.isoformat()}" if self.since else "",
                 f"at a place containing {self.place!r}" if self.place else "",
                 f"with a {self.kind} claim" if self.kind else "",
                 f"at most {self.limit}" if self.limit else ""]  # fmt: skip
        return ", ".join(part for part in parts if part) or "all incidents"


def incident_summaries(
    db: Database, selection: Selection, *, page: int = PAGE
) -> Iterator[dict[str, Any]]:
    """The selected incidents' summaries (``link.ledger``), newest first, a page at a time."""
    wanted = (selection.place or "").casefold()
    left = selection.limit
    after: tuple[datetime | None, str] | None = None
    while True:
        with db.transaction() as connection:
            rows = connection.execute(_incident_page(selection, after, page)).all()
        for row in rows:
            if wanted in (row.place or "").casefold():
                yield json.loads(row.summary)
                left = None if left is None else left - 1
                if left == 0:
                    return
        if len(rows) < page:
            return
        after = (rows[-1].newest, rows[-1].id)


def _incident_page(
    selection: Selection, after: tuple[datetime | None, str] | None, page: int
) -> Select[Any]:
    table = incidents_table
    newest = func.coalesce(table.c.end, table.c.start)
    query = select(table.c.id, table.c.place, table.c.summary, newest.label("newest"))
    if selection.since is not None:
        query = query.where(table.c.end >= selection.since)
    if selection.kind is not None:
        query = query.where(table.c.kinds.contains(f" {selection.kind} ", autoescape=True))
    if after is not None:
        query = query.where(_after_newest(newest, table.c.id, after))
    return query.order_by(newest.desc().nulls_last(), table.c.id).limit(page)


def _after_newest(
    newest: ColumnElement[Any], key: ColumnElement[Any], after: tuple[datetime | None, str]
) -> ColumnElement[bool]:
    """Rows after ``after`` in (newest descending, undated last, then id) order."""
    last, last_id = after
    if last is None:  # inside the undated tail
        return and_(newest.is_(None), key > last_id)
    return or_(newest < last, and_(newest == last, key > last_id), newest.is_(None))


def person_summaries(
    db: Database, *, limit: int | None = None, page: int = PAGE
) -> Iterator[dict[str, Any]]:
    """Every person's summary (``link.summaries``), named in the most documents first."""
    table = persons_table
    left = limit
    after: tuple[int, str, str] | None = None
    while True:
        query = select(table.c.id, table.c.name, table.c.documents, table.c.summary)
        if after is not None:
            count, name, key = after
            query = query.where(or_(
                table.c.documents < count,
                and_(table.c.documents == count, table.c.name > name),
                and_(table.c.documents == count, table.c.name == name, table.c.id > key),
            ))  # fmt: skip
        query = query.order_by(table.c.documents.desc(), table.c.name, table.c.id).limit(page)
        with db.transaction() as connection:
            rows = connection.execute(query).all()
        for row in rows[: left if left is not None else None]:
            yield json.loads(row.summary)
        left = None if left is None else left - len(rows)
        if len(rows) < page or (left is not None and left <= 0):
            return
        after = (rows[-1].documents, rows[-1].name, rows[-1].id)


def claim_views(db: Database, selection: Selection, *, page: int = PAGE) -> Iterator[ClaimView]:
    """The claims an export covers, with their review state: those of the selected incidents
    when ``since`` or ``place`` narrows them, else every claim (of ``kind`` when given);
    ``limit`` counts claims."""
    left = selection.limit
    found: Iterator[ClaimView]
    if selection.narrows_incidents:
        every = Selection(since=selection.since, place=selection.place, kind=selection.kind)
        found = (
            view
            for incident in incident_summaries(db, every, page=page)
            for view in claim_pages(db, page=page, incident_id=incident["id"], kind=every.kind)
        )  # fmt: skip
    else:
        found = claim_pages(db, page=page, kind=selection.kind)
    for view in found:
        yield view
        left = None if left is None else left - 1
        if left == 0:
            return


def claim_pages(
    db: Database, *, page: int = PAGE, incident_id: str | None = None, kind: str | None = None
) -> Iterator[ClaimView]:
    """Every claim (of one incident, of one kind when given), a page at a time."""
    offset = 0
    while True:
        views = claims(db, incident_id=incident_id, kind=kind, limit=page, offset=offset)
        yield from views
        if len(views) < page:
            return
        offset += page
