"""Named queries over an open connection: what ``Database``, the web app and exports call.

Each function takes a ``Connection`` and leaves transactions to its caller. Where SQL differs by
dialect (conflict-free inserts, full-text search) the function dispatches on
``connection.dialect.name``.

Full-text search is each dialect's own: FTS5 with bm25 on SQLite, a tsvector with ``ts_rank`` and
``ts_headline`` on PostgreSQL (migration 0007 says why its ``simple`` configuration). Both find
the documents containing every word typed, in any case; they rank differently, and PostgreSQL
neither folds Latin accents nor splits "example.org" into two words.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any, Literal

from sqlalchemy import Connection, Row, Table, bindparam, column, func, select, table, text, tuple_
from sqlalchemy.dialects import postgresql, sqlite

from crosscheck.errors import StoreError
from crosscheck.model import Capture, Document, Facts
from crosscheck.record import to_record
from crosscheck.store import postgres
from crosscheck.store.reviews import claim_rows
from crosscheck.store.schema import FTS_TABLE, captures, claims, documents, link_queue

__all__ = [
    "CaptureKey",
    "SearchHit",
    "capture",
    "counts",
    "counts_by",
    "delete_documents",
    "document_ids_for",
    "document_ids_with_prefix",
    "fts_query",
    "has_capture",
    "insert_capture",
    "insert_documents",
    "next_capture",
    "record",
    "search",
]

#: where a capture sits in ingest order
CaptureKey = tuple[datetime, str]
Counted = Literal["language", "source", "media_type"]

#: bm25 weight of a title match relative to a match in the text
TITLE_WEIGHT = 5.0
SNIPPET_TOKENS = 12
#: PostgreSQL indexes this many characters of a text (as migration 0007 does)
SEARCH_INDEXED = 200_000

_fts = table(FTS_TABLE, column("rowid"), column("document_id"), column("title"), column("text"))


@dataclass(frozen=True, slots=True, kw_only=True)
class SearchHit:
    document_id: str
    title: str | None
    source: str | None
    language: str | None
    published: str | None  # ISO start of the published range
    snippet: str  # with the matched terms wrapped in [ and ]
    score: float  # higher is better


def insert_capture(connection: Connection, capture: Capture, *, now: datetime) -> bool:
    """Insert a capture's row; False (and nothing written) if its SHA-256 is already stored."""
    offset = capture.captured_at.utcoffset() or timedelta(0)
    statement = _insert(connection, captures).values(
        sha256=capture.sha256,
        size=capture.size,
        media_type=capture.media_type,
        path=capture.path,
        url=capture.url,
        captured_at=capture.captured_at,
        captured_at_offset=int(offset.total_seconds()),
        ingested_at=now,
        content=capture.content,
    )
    # An INSERT's rowcount is kept only when asked for (psycopg's is gone with its cursor).
    preserved = statement.on_conflict_do_nothing().execution_options(preserve_rowcount=True)
    return connection.execute(preserved).rowcount == 1


def insert_documents(
    connection: Connection,
    capture: Capture,
    items: Sequence[Document],
    facts: Sequence[Facts] = (),
    *,
    now: datetime,
) -> None:
    """Insert documents derived from ``capture`` (with their facts, when extraction ran), their
    claims into the claims index, their full-text rows, and queue them for linking."""
    if not items:
        return
    found: Sequence[Facts | None] = facts or [None] * len(items)
    records = [to_record(capture, d, f) for d, f in zip(items, found, strict=True)]
    rows = [_document_row(capture, d, r, now) for d, r in zip(items, records, strict=True)]
    connection.execute(documents.insert(), rows)
    indexed = [row for d, r in zip(items, records, strict=True) for row in claim_rows(d.id, r)]
    if indexed:  # a claim id of another document cannot collide: it starts with its own id
        connection.execute(_insert(connection, claims).on_conflict_do_nothing(), indexed)
    queued = [{"document_id": d.id} for d in items]
    connection.execute(_insert(connection, link_queue).on_conflict_do_nothing(), queued)
    if connection.dialect.name == "sqlite":
        connection.execute(_fts.insert(), [_fts_row(d) for d in items])
    else:  # the tsvector is a generated column
        rows = [{"document_id": d.id, "title": d.title, "text": d.text} for d in items]
        connection.execute(_fts.insert(), rows)


def delete_documents(connection: Connection, capture_sha256: str) -> None:
    """Delete a capture's documents, their claims (the index only: analysts' verdicts stay, for
    the same claims found again) and their full-text rows; the capture stays."""
    ids = document_ids_for(connection, capture_sha256)
    if ids:
        connection.execute(claims.delete().where(claims.c.document_id == bindparam("key")),
                           [{"key": i} for i in ids])  # fmt: skip
    if connection.dialect.name == "sqlite" and ids:
        statement = _fts.delete().where(_fts.c.rowid == bindparam("key"))
        connection.execute(statement, [{"key": _fts_rowid(i)} for i in ids])
    elif ids:
        connection.execute(_fts.delete().where(_fts.c.document_id.in_(ids)))
    connection.execute(documents.delete().where(documents.c.capture_sha256 == capture_sha256))


def has_capture(connection: Connection, sha256: str) -> bool:
    query = select(captures.c.sha256).where(captures.c.sha256 == sha256)
    return connection.execute(query).first() is not None


def capture(connection: Connection, sha256: str) -> Capture | None:
    """The stored capture with its bytes, or None."""
    row = connection.execute(select(captures).where(captures.c.sha256 == sha256)).first()
    return None if row is None else _capture(row)


def next_capture(
    connection: Connection, after: CaptureKey | None
) -> tuple[CaptureKey, Capture] | None:
    """The first capture ingested after ``after`` (None: the first of all) and its key.

    One capture per call: the caller holds one capture's bytes at a time and no transaction
    stays open between calls, so ``rebuild`` can write while it iterates.
    """
    query = select(captures).order_by(captures.c.ingested_at, captures.c.sha256).limit(1)
    if after is not None:
        query = query.where(tuple_(captures.c.ingested_at, captures.c.sha256) > tuple_(*after))
    row = connection.execute(query).first()
    return None if row is None else ((row.ingested_at, row.sha256), _capture(row))


def document_ids_for(connection: Connection, capture_sha256: str) -> list[str]:
    """Ids of a capture's documents, ordered by locator."""
    query = (
        select(documents.c.id)
        .where(documents.c.capture_sha256 == capture_sha256)
        .order_by(documents.c.locator)
    )
    return list(connection.execute(query).scalars())


def document_ids_with_prefix(connection: Connection, prefix: str, *, limit: int) -> list[str]:
    """Up to ``limit`` document ids that start with ``prefix`` (lowercase hex)."""
    # A range instead of LIKE: it uses the primary key index on every dialect, and "g" sorts
    # after every hex digit.
    query = (
        select(documents.c.id)
        .where(documents.c.id >= prefix, documents.c.id < prefix + "g")
        .order_by(documents.c.id)
        .limit(limit)
    )
    return list(connection.execute(query).scalars())


def record(connection: Connection, document_id: str) -> str | None:
    """The stored ``crosscheck.record/1`` JSON text of a document, or None."""
    query = select(documents.c.record).where(documents.c.id == document_id)
    value: str | None = connection.execute(query).scalar()
    return value


def counts(connection: Connection) -> dict[str, int]:
    """How many captures and documents are stored, and the captures' total size in bytes."""
    totals = select(func.count(), func.coalesce(func.sum(captures.c.size), 0))
    stored, size = connection.execute(totals).one()
    documents_count = connection.execute(select(func.count()).select_from(documents)).scalar()
    # int(): PostgreSQL sums bigints as numeric, which comes back as a Decimal
    return {"captures": stored, "documents": documents_count or 0, "bytes": int(size)}


def counts_by(connection: Connection, field: Counted) -> dict[str | None, int]:
    """Documents per language or source, or captures per media type; most frequent first."""
    key = {
        "language": documents.c.language,
        "source": documents.c.source,
        "media_type": captures.c.media_type,
    }[field]
    number = func.count().label("number")
    query = select(key, number).group_by(key).order_by(number.desc(), key)
    return {value: n for value, n in connection.execute(query)}


def fts_query(words: str) -> str:
    """The FTS5 query for plain words: every word must occur, each quoted as a string.

    Quoting turns FTS5 syntax in the user's input (``AND``, ``NEAR(``, ``*``, ``-``, ``:``) into
    plain text; a quote inside a word is doubled. NUL ends an FTS5 query string early, so it
    separates words like a space.
    """
    return _fts5_query(_terms(words))


def _fts5_query(terms: Sequence[str]) -> str:
    return " ".join('"' + term.replace('"', '""') + '"' for term in terms)


def _terms(words: str) -> list[str]:
    """The words of a query: split at white space and NUL (which no database takes in text)."""
    return words.replace("\x00", " ").split()


def search(connection: Connection, words: str, *, limit: int) -> list[SearchHit]:
    """Documents containing every word, best first; no words, no hits."""
    terms = _terms(words)
    if not terms:
        return []
    search_in = _SEARCH.get(connection.dialect.name)
    if search_in is None:
        raise StoreError(f"full-text search is not supported on {connection.dialect.name}")
    return search_in(connection, terms, limit)


def _search_sqlite(connection: Connection, terms: Sequence[str], limit: int) -> list[SearchHit]:
    rows = connection.execute(_SQLITE_SEARCH, {"query": _fts5_query(terms), "limit": limit})
    return [
        SearchHit(
            document_id=row.id,
            title=row.title,
            source=row.source,
            language=row.language,
            published=row.published,
            snippet=row.snippet,
            score=-row.bm25,  # bm25() is lower for better matches
        )
        for row in rows
    ]


# The snippet always comes from the text (column 2), so a title-only hit shows the start of
# its text rather than repeating the title. The published date comes from the record, not the
# UTC column, so it keeps the offset it was written in (a day-precision date stays that day).
_SQLITE_SEARCH = text(
    f"""
    SELECT d.id, d.title, d.source, d.language,
           json_extract(d.record, '$.document.published.start') AS published,
           snippet({FTS_TABLE}, 2, '[', ']', '…', {SNIPPET_TOKENS}) AS snippet,
           bm25({FTS_TABLE}, 0.0, {TITLE_WEIGHT}, 1.0) AS bm25
    FROM {FTS_TABLE} JOIN documents AS d ON d.id = {FTS_TABLE}.document_id
    WHERE {FTS_TABLE} MATCH :query
    ORDER BY bm25, d.id
    LIMIT :limit
    """
)


def _search_postgresql(connection: Connection, terms: Sequence[str], limit: int) -> list[SearchHit]:
    # Each word is a phrase of the tokens the parser makes of it, as FTS5 makes of a quoted
    # string ("bakhmut-ukraine", "title:evacuation"); every one must match.
    tsquery = " && ".join(f"phraseto_tsquery('simple', :t{n})" for n in range(len(terms)))
    statement = text(_POSTGRESQL_SEARCH.replace("TSQUERY", tsquery))
    values: dict[str, Any] = {f"t{n}": term for n, term in enumerate(terms)}
    values |= {"limit": limit, "indexed": SEARCH_INDEXED, "weights": _RANK_WEIGHTS,
               "options": postgres.headline_options(SNIPPET_TOKENS)}  # fmt: skip
    return [
        SearchHit(
            document_id=row.id,
            title=row.title,
            source=row.source,
            language=row.language,
            published=row.published,
            snippet=postgres.snippet(row.headline, row.text, cut=row.cut),
            score=row.rank,
        )
        for row in connection.execute(statement, values)
    ]


#: ts_rank's weights of D (the text), C, B and A (the title) matches: title as in bm25 above;
#: its normalization 1 (divide by 1 + log(length)) lets a short text rank above a long one
_RANK_WEIGHTS = f"{{{1 / TITLE_WEIGHT}, 0, 0, 1}}"

# The best hits first, in a subquery, so that headlines are made for those alone; headlines
# come from the text only, as SQLite's snippets do.
_POSTGRESQL_SEARCH = f"""
    SELECT d.id, d.title, d.source, d.language,
           d.record::json -> 'document' -> 'published' ->> 'start' AS published,
           ts_headline('simple', left(f.text, :indexed), hit.q, :options) AS headline,
           left(f.text, :indexed) AS text, length(f.text) > :indexed AS cut, hit.rank
    FROM (
        SELECT f.document_id, query.q,
               ts_rank(CAST(:weights AS real[]), f.terms, query.q, 1) AS rank
        FROM {FTS_TABLE} AS f, (SELECT TSQUERY AS q) AS query
        WHERE f.terms @@ query.q
        ORDER BY rank DESC, f.document_id
        LIMIT :limit
    ) AS hit
    JOIN documents AS d ON d.id = hit.document_id
    JOIN {FTS_TABLE} AS f ON f.document_id = hit.document_id
    ORDER BY hit.rank DESC, d.id
    """

_SEARCH: dict[str, Callable[[Connection, Sequence[str], int], list[SearchHit]]] = {
    "sqlite": _search_sqlite,
    "postgresql": _search_postgresql,
}


def _insert(connection: Connection, target: Table) -> sqlite.Insert | postgresql.Insert:
    # Only the dialects' own insert constructs have on_conflict_do_nothing().
    if connection.dialect.name == "postgresql":
        return postgresql.insert(target)
    return sqlite.insert(target)


def _document_row(
    capture: Capture, document: Document, record: dict[str, object], now: datetime
) -> dict[str, object]:
    if document.capture_sha256 != capture.sha256:
        raise ValueError(f"document {document.id} belongs to another capture")
    published = document.published
    return {
        "id": document.id,
        "capture_sha256": capture.sha256,
        "locator": document.locator,
        "title": document.title,
        "language": document.language,
        "source": document.source,
        "url": document.url,
        "author": document.author,
        "published_start": None if published is None else published.start,
        "published_end": None if published is None else published.end,
        "published_precision": None if published is None else published.precision.value,
        "record": json.dumps(record, ensure_ascii=False),
        "created_at": now,
    }


def _fts_row(document: Document) -> dict[str, object]:
    return {
        "rowid": _fts_rowid(document.id),
        "document_id": document.id,
        "title": document.title,
        "text": document.text,
    }


def _fts_rowid(document_id: str) -> int:
    """The 64-bit document id read as a signed integer: the FTS row's key.

    FTS5 finds rows fast only by rowid, and the id column is UNINDEXED; a rowid derived from the
    id needs no extra column and survives VACUUM (an implicit rowid would not).
    """
    value = int(document_id, 16)
    return value - (1 << 64) if value >= (1 << 63) else value


def _capture(row: Row[tuple[object, ...]]) -> Capture:
    content = bytes(row.content)
    if hashlib.sha256(content).hexdigest() != row.sha256:
        raise StoreError(f"capture {row.sha256} is damaged: its stored bytes hash differently")
    offset = timezone(timedelta(seconds=row.captured_at_offset))
    return Capture(
        sha256=row.sha256,
        size=row.size,
        media_type=row.media_type,
        content=content,
        captured_at=row.captured_at.astimezone(offset),
        path=row.path,
        url=row.url,
    )
