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
    Boolean,
    Column,
    DateTime,
    Dialect,
    Float,
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

__all__ = [
    "FTS_TABLE",
    "UTCDateTime",
    "audit_log",
    "captures",
    "claim_reviews",
    "claims",
    "documents",
    "incidents",
    "link_edges",
    "link_keys",
    "link_profiles",
    "link_queue",
    "login_failures",
    "metadata",
    "person_members",
    "persons",
    "source_grades",
    "users",
    "web_sessions",
]

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


# -- linking (crosscheck.link) -------------------------------------------------------------------
# No foreign keys to documents: a rebuild deletes and re-inserts a capture's documents (same ids)
# and then links them again; analysts' decisions, kept in link_edges, must survive that.

link_profiles = Table(
    "link_profiles",
    metadata,
    Column("document_id", String(16), primary_key=True),
    Column("profile", Text, nullable=False),  # link.profile.Profile as JSON
    Column("signature", LargeBinary, nullable=False),  # MinHash values, uint32 little-endian
    Column("seen", UTCDateTime, nullable=False),  # published, else captured: "first" copy
    Column("incident_id", String(16)),  # None: the document reports no event
    Column("copy_of", String(16)),  # the earliest-seen document this one is a copy of
    Column("copy_similarity", Float),
    Column("linked_at", UTCDateTime, nullable=False),
    # an incident's documents from the index alone: regrouping reads hundreds per document,
    # and each table row would cost a page of profile text
    Index(None, "incident_id", "document_id"),
    Index(None, "copy_of"),
)

#: documents that may not be linked yet: every stored document is queued here and leaves when
#: it is linked, so that finding new work reads this short table instead of every document
link_queue = Table(
    "link_queue",
    metadata,
    Column("document_id", String(16), primary_key=True),
)

#: blocking: documents under each key ("person:aleksei smirnov", "band:3:..."), with the first
#: and last day (days since 1970) of their event time so that a lookup reads only documents whose
#: event time can overlap the new one's. ``day`` None: the time is unknown or longer than a
#: lookup's window of first days; ``last_day`` None: unknown (or filed before it was kept)
link_keys = Table(
    "link_keys",
    metadata,
    Column("key", Text, primary_key=True),
    Column("document_id", String(16), primary_key=True),
    Column("day", Integer),
    Column("last_day", Integer),
    # covering: a lookup filters on both days and takes the ids from the index alone, without
    # a table row per candidate
    Index(None, "key", "day", "last_day", "document_id"),
    Index(None, "document_id"),
)

#: why things were linked: machine links with their score and features, and analysts' decisions
#: (origin "analyst"), which the machine never overwrites. kind: incident | copy | person.
link_edges = Table(
    "link_edges",
    metadata,
    Column("kind", String(16), primary_key=True),
    Column("a", Text, primary_key=True),
    Column("b", Text, primary_key=True),
    Column("origin", String(16), primary_key=True),  # machine | analyst
    Column("verdict", String(16), nullable=False),  # same | different | candidate
    Column("score", Float, nullable=False),
    Column("features", Text, nullable=False),  # JSON
    Column("author", Text),
    Column("comment", Text),
    Column("created_at", UTCDateTime, nullable=False),
    Index(None, "kind", "b"),
)

incidents = Table(
    "incidents",
    metadata,
    Column("id", String(16), primary_key=True),  # its smallest document id
    Column("start", UTCDateTime),
    Column("end", UTCDateTime),
    Column("place", Text),
    Column("kinds", Text, nullable=False),  # " killed wounded " for LIKE filters
    Column("documents", Integer, nullable=False),
    Column("sources", Integer, nullable=False),  # independent sources (corroboration)
    Column("summary", Text, nullable=False),  # JSON, see link.ledger
    # JSON: the bounds and counts the summary's time and place come from (link.ledger.grow);
    # None (written before it was kept): the next change summarises every document again
    Column("tally", Text),
    Column("updated_at", UTCDateTime, nullable=False),
    Index(None, "start"),
)

persons = Table(
    "persons",
    metadata,
    Column("id", Text, primary_key=True),  # its smallest member: "<document id>/<person key>"
    Column("name", Text, nullable=False),
    Column("documents", Integer, nullable=False),
    Column("summary", Text, nullable=False),  # JSON, see link.persons
    # JSON: spellings' counts and attributes' members (link.persons.grow); None: written before
    # it was kept, and the next change summarises every member again
    Column("tally", Text),
    Column("updated_at", UTCDateTime, nullable=False),
    Index(None, "name"),
)

#: a person as one document names them ("<document id>/p1"), and who they are across documents;
#: ``day`` is their document's first event day (as in ``link_keys``), so that a new person is
#: compared with the namesakes nearest in time (``links.namesakes``)
person_members = Table(
    "person_members",
    metadata,
    Column("member", Text, primary_key=True),
    Column("document_id", String(16), nullable=False),
    Column("name_key", Text, nullable=False),
    Column("surname_key", Text, nullable=False),
    Column("attributes", Text, nullable=False),  # JSON: keys of hometown, unit; incident
    Column("person_id", Text, nullable=False),
    Column("day", Integer),
    # JSON: what the document says of them, as the person's summary shows it (name, spellings,
    # attributes with spans), so that a summary never reads whole records; None: written
    # before it was kept (the record is read)
    Column("mention", Text),
    Index(None, "document_id"),
    Index(None, "name_key"),
    Index(None, "surname_key", "name_key", "day"),
    Index(None, "surname_key", "day"),
    Index(None, "person_id"),
)


# -- review (crosscheck.review) ------------------------------------------------------------------
# Analysts' decisions are records of their own: they never overwrite an extracted fact, and they
# survive a rebuild because they refer to claims by their evidence span, not by a row number.

#: a claim's count: SQLite's INTEGER holds 64 bits already
_COUNT = Integer().with_variant(BigInteger(), "postgresql")

#: every claim of every document, so that the review queue and claim filters need not read
#: records; rebuilt with its document. id: "<document id>:<start>-<end>:<kind>"
claims = Table(
    "claims",
    metadata,
    Column("id", Text, primary_key=True),
    Column("document_id", String(16), nullable=False),
    Column("kind", String(32), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("claimant", Text),  # the claimant's name as the document gives it
    Column("modality", String(16), nullable=False),
    # BIGINT on PostgreSQL (migration 0007), where INTEGER stops at 2^31: "3 billion" is read
    Column("low", _COUNT),
    Column("best", _COUNT),
    Column("high", _COUNT),
    Index(None, "document_id"),
    Index(None, "kind"),
)

#: an analyst's current verdict on a claim (its history is in audit_log); no foreign key, so
#: that a verdict outlives a rebuild of its document
claim_reviews = Table(
    "claim_reviews",
    metadata,
    Column("claim_id", Text, primary_key=True),
    Column("status", String(16), nullable=False),  # unreviewed | verified | disputed | rejected
    Column("credibility", Integer),  # Admiralty information credibility, 1-6
    Column("updated_at", UTCDateTime, nullable=False),
    Column("updated_by", Text, nullable=False),
    Index(None, "status"),
)

#: a source's (outlet's) reliability on the Admiralty scale, A-F
source_grades = Table(
    "source_grades",
    metadata,
    Column("source", Text, primary_key=True),
    Column("reliability", String(1), nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Column("updated_by", Text, nullable=False),
)

#: who changed what, when, and why: one row per decision, never updated or deleted
audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", UTCDateTime, nullable=False),
    Column("username", Text, nullable=False),
    Column("action", String(32), nullable=False),
    Column("target_kind", String(16), nullable=False),  # claim | source | incident | person | user
    Column("target_id", Text, nullable=False),
    Column("before", Text),  # JSON
    Column("after", Text),  # JSON
    Column("comment", Text, nullable=False),
    Index(None, "target_kind", "target_id"),
    Index(None, "at"),
)

users = Table(
    "users",
    metadata,
    Column("username", Text, primary_key=True),
    Column("password_hash", Text, nullable=False),  # argon2id, with its parameters
    Column("role", String(16), nullable=False),  # viewer | analyst | admin
    Column("disabled", Boolean, nullable=False, default=False),
    Column("created_at", UTCDateTime, nullable=False),
)

#: signed-in sessions of the web app; the cookie holds a token, the table only its SHA-256
web_sessions = Table(
    "web_sessions",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("username", Text, nullable=False),
    Column("csrf_token", String(64), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("expires_at", UTCDateTime, nullable=False),
    Index(None, "username"),
)

#: failed sign-ins, by account and by client address, for throttling across processes
login_failures = Table(
    "login_failures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", Text, nullable=False),  # "user:<name>" or "ip:<address>"
    Column("at", UTCDateTime, nullable=False),
    Index(None, "key", "at"),
)
