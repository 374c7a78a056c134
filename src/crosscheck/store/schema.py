"""The tables, as SQLAlchemy Core metadata. Migrations in ``migrations/versions`` must build
exactly this (``tests/store/test_migrations.py`` compares them).

``captures`` holds the evidential bytes, written once and never updated. ``documents`` holds what
was derived from them: a few columns to filter on, and the full ``crosscheck.record/1`` JSON in
``record``, which is what ``Database.record`` returns. On SQLite the virtual table
``documents_fts`` (FTS5, created by the migration, outside this metadata) indexes title and text.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
)

__all__ = ["FTS_TABLE", "UTCDateTime", "captures", "documents", "metadata"]

#: SQLite's full-text index of documents (and FTS5's shadow tables, which share the prefix)
FTS_TABLE = "documents_fts"


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware instant, stored in UTC.

    On SQLite a DateTime is text without an offset, so mixed offsets would sort wrongly; storing
    UTC keeps text order equal to time order. A naive value is read as UTC, as everywhere in
    crosscheck. Values come back aware, in UTC.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


# Named constraints let Alembic's batch mode (SQLite's way to ALTER) find them again later.
metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

captures = Table(
    "captures",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("size", BigInteger, nullable=False),
    Column("media_type", Text, nullable=False),
    Column("path", Text),
    Column("url", Text),
    Column("captured_at", UTCDateTime, nullable=False),
    # The offset the capture was dated in (seconds east of UTC): "вчера" in a capture made at
    # 01:00+03:00 is another day than in UTC, so a rebuild needs the original wall time.
    Column("captured_at_offset", Integer, nullable=False),
    Column("ingested_at", UTCDateTime, nullable=False),
    Column("content", LargeBinary, nullable=False),
    # ingest order for Database.captures(); sha256 breaks ties between equal timestamps
    Index(None, "ingested_at", "sha256"),
)

documents = Table(
    "documents",
    metadata,
    Column("id", String(16), primary_key=True),
    Column("capture_sha256", String(64), ForeignKey(captures.c.sha256), nullable=False),
    Column("locator", Text, nullable=False),
    Column("title", Text),
    Column("language", Text),
    Column("source", Text),
    Column("url", Text),
    Column("author", Text),
    Column("published_start", UTCDateTime),
    Column("published_end", UTCDateTime),
    Column("published_precision", String(16)),
    Column("record", Text, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    UniqueConstraint("capture_sha256", "locator"),
    Index(None, "published_start"),
    Index(None, "language"),
    Index(None, "source"),
)
