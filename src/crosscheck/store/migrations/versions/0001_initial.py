"""Captures, documents and, on SQLite, the FTS5 index of documents.

Revision ID: 0001
Revises:
Create Date: 2025-01-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# unicode61 folds case in every script ("КИЇВ" finds "Київ"); remove_diacritics 2 folds Latin
# accents ("Kyiv" finds "Kyïv") but leaves Cyrillic letters such as й, ї and ё distinct.
_CREATE_FTS = (
    "CREATE VIRTUAL TABLE documents_fts USING fts5("
    "document_id UNINDEXED, title, text, tokenize = 'unicode61 remove_diacritics 2')"
)


def upgrade() -> None:
    op.create_table(
        "captures",
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("media_type", sa.Text(), nullable=False),
        sa.Column("path", sa.Text(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("captured_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("captured_at_offset", sa.Integer(), nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name="pk_captures"),
    )
    op.create_index("ix_captures_ingested_at_sha256", "captures", ["ingested_at", "sha256"])
    op.create_table(
        "documents",
        sa.Column("id", sa.String(16), nullable=False),
        sa.Column("capture_sha256", sa.String(64), nullable=False),
        sa.Column("locator", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("language", sa.Text(), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("author", sa.Text(), nullable=True),
        sa.Column("published_start", sa.DateTime(timezone=True), nullable=True),
        sa.Column("published_end", sa.DateTime(timezone=True), nullable=True),
        sa.Column("published_precision", sa.String(16), nullable=True),
        sa.Column("record", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["capture_sha256"],
            ["captures.sha256"],
            name="fk_documents_capture_sha256_captures",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_documents"),
        sa.UniqueConstraint(
            "capture_sha256", "locator", name="uq_documents_capture_sha256_locator"
        ),
    )
    op.create_index("ix_documents_published_start", "documents", ["published_start"])
    op.create_index("ix_documents_language", "documents", ["language"])
    op.create_index("ix_documents_source", "documents", ["source"])
    # PostgreSQL will get a tsvector column in a later revision instead.
    if op.get_bind().dialect.name == "sqlite":
        op.execute(_CREATE_FTS)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE documents_fts")
    op.drop_table("documents")
    op.drop_table("captures")
