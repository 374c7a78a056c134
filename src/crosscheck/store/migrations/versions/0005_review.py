"""Review: a claims index, analysts' verdicts and grades, the audit log, users and sessions.

The claims index is filled from the records of the documents already stored, a chunk at a time,
so that upgrading a large database never holds every record in memory.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql, sqlite

from crosscheck.store.reviews import claim_rows
from crosscheck.store.schema import UTCDateTime

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

#: documents read per query by the backfill
BACKFILL_CHUNK = 200


def upgrade() -> None:
    op.create_table(
        "claims",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("document_id", sa.String(16), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("claimant", sa.Text(), nullable=True),
        sa.Column("modality", sa.String(16), nullable=False),
        sa.Column("low", sa.Integer(), nullable=True),
        sa.Column("best", sa.Integer(), nullable=True),
        sa.Column("high", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_claims"),
    )
    op.create_index("ix_claims_document_id", "claims", ["document_id"])
    op.create_index("ix_claims_kind", "claims", ["kind"])
    op.create_table(
        "claim_reviews",
        sa.Column("claim_id", sa.Text(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("credibility", sa.Integer(), nullable=True),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("updated_by", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("claim_id", name="pk_claim_reviews"),
    )
    op.create_index("ix_claim_reviews_status", "claim_reviews", ["status"])
    op.create_table(
        "source_grades",
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("reliability", sa.String(1), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("updated_by", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("source", name="pk_source_grades"),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("username", sa.Text(), nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("target_kind", sa.String(16), nullable=False),
        sa.Column("target_id", sa.Text(), nullable=False),
        sa.Column("before", sa.Text(), nullable=True),
        sa.Column("after", sa.Text(), nullable=True),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_audit_log"),
    )
    op.create_index("ix_audit_log_target_kind_target_id", "audit_log", ["target_kind", "target_id"])
    op.create_index("ix_audit_log_at", "audit_log", ["at"])
    op.create_table(
        "users",
        sa.Column("username", sa.Text(), nullable=False),
        sa.Column("password_hash", sa.Text(), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("disabled", sa.Boolean(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("username", name="pk_users"),
    )
    op.create_table(
        "web_sessions",
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("username", sa.Text(), nullable=False),
        sa.Column("csrf_token", sa.String(64), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("expires_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("token_hash", name="pk_web_sessions"),
    )
    op.create_index("ix_web_sessions_username", "web_sessions", ["username"])
    op.create_table(
        "login_failures",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_login_failures"),
    )
    op.create_index("ix_login_failures_key_at", "login_failures", ["key", "at"])
    _backfill_claims()


def _backfill_claims() -> None:
    """Index the claims of the documents stored before this revision, in id order, a chunk of
    records at a time (keyset paging: each query starts after the last id seen)."""
    connection = op.get_bind()
    stored = sa.table("documents", sa.column("id"), sa.column("record"))
    index = sa.table("claims", *(sa.column(name) for name in _CLAIM_COLUMNS))
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    insert = dialect.insert(index).on_conflict_do_nothing()
    last = ""
    while True:
        query = sa.select(stored.c.id, stored.c.record).where(stored.c.id > last)
        chunk = connection.execute(query.order_by(stored.c.id).limit(BACKFILL_CHUNK)).all()
        if not chunk:
            return
        rows = [row for document_id, record in chunk
                for row in claim_rows(document_id, json.loads(record))]  # fmt: skip
        if rows:
            connection.execute(insert, rows)
        last = chunk[-1].id


_CLAIM_COLUMNS = ("id", "document_id", "kind", "start", "end", "claimant", "modality", "low",
                  "best", "high")  # fmt: skip


def downgrade() -> None:
    for table in ("login_failures", "web_sessions", "users", "audit_log", "source_grades"):
        op.drop_table(table)
    op.drop_table("claim_reviews")
    op.drop_table("claims")
