"""Full-text search on PostgreSQL: ``documents_fts`` as a table with a tsvector and a GIN index.

SQLite has had its FTS5 table ``documents_fts`` since 0001; this gives PostgreSQL the table of the
same name, kept outside the metadata in the same way (``queries`` writes and deletes its rows
with the documents'). It holds the title and clean text (``documents`` keeps the text only inside
the record JSON), so that ``ts_headline`` reads the text without parsing JSON, and a generated
tsvector over both: the title weighted A, the text D, so that ``ts_rank`` puts title matches
above text matches as SQLite's bm25 weights do.

The text search configuration is ``simple``: lowercasing and no stemming, no stop words, no
accent folding. The texts are English, Russian and Ukrainian, often mixed within a document,
and a language's stemmer applied to another language's words (or the wrong one picked by a
guessed language) would merge or split words at random; ``simple`` finds exactly the words
typed, in any case, as SQLite's ``unicode61`` tokenizer does. Unlike ``unicode61`` it keeps
Latin accents ("Kyiv" does not find "Kyïv"): ``unaccent`` is an extension that a database may
not have, and it would fold й to и and ї to і, which are different letters in Russian and
Ukrainian.

A tsvector holds at most 1 MB, which a text of some 400,000 characters of distinct words can
exceed; so only the first ``INDEXED`` characters of a text are indexed (some 30,000 words, far
beyond a news article), and a longer text is still stored whole.

It also widens the claims index's counts to BIGINT on PostgreSQL, where INTEGER stops at 2^31
and "3 billion" is a count the extractors read; SQLite's INTEGER already holds 64 bits.

On SQLite this revision does nothing.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

#: how many characters of a text are indexed (``queries.SEARCH_INDEXED`` must be the same)
INDEXED = 200_000

_CREATE = f"""
CREATE TABLE documents_fts (
    document_id VARCHAR(16) NOT NULL,
    title TEXT,
    text TEXT NOT NULL,
    terms TSVECTOR GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', coalesce(title, '')), 'A')
        || setweight(to_tsvector('simple', left(text, {INDEXED})), 'D')
    ) STORED,
    CONSTRAINT pk_documents_fts PRIMARY KEY (document_id)
)
"""

# the documents stored before this revision (their text is in the record)
_BACKFILL = """
INSERT INTO documents_fts (document_id, title, text)
SELECT id, title, coalesce(record::json #>> '{document,text}', '') FROM documents
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(_CREATE)
    op.execute("CREATE INDEX ix_documents_fts_terms ON documents_fts USING gin (terms)")
    op.execute(_BACKFILL)
    for name in _COUNTS:
        op.alter_column("claims", name, type_=sa.BigInteger(), existing_type=sa.Integer())


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name in _COUNTS:
        op.alter_column("claims", name, type_=sa.Integer(), existing_type=sa.BigInteger())
    op.execute("DROP TABLE documents_fts")


_COUNTS = ("low", "best", "high")
