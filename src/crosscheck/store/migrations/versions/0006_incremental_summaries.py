"""Linking at scale: lookups that stay inside the event time, summaries that grow by a report.

- ``link_keys.last_day``: the last day of a document's event time, in a covering index with the
  first, so that blocking skips documents whose events ended before the new one's began;
- ``incidents.tally``, ``persons.tally``: what an incident's time and place, a person's name and
  attributes come from, so that a report joining one updates the stored summary instead of
  reading every document or member again;
- ``person_members.mention``: what the document says of the person, so that a person's summary
  is made from these rows instead of whole records.

Nothing is backfilled: rows from before have None, which reads as "not known" (a key is kept as
a candidate, an incident or person is summarised in full once more, a mention is read from the
record).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("link_keys", sa.Column("last_day", sa.Integer(), nullable=True))
    op.drop_index("ix_link_keys_key_day", table_name="link_keys")
    op.create_index(
        "ix_link_keys_key_day_last_day_document_id",
        "link_keys",
        ["key", "day", "last_day", "document_id"],
    )
    op.add_column("incidents", sa.Column("tally", sa.Text(), nullable=True))
    op.add_column("persons", sa.Column("tally", sa.Text(), nullable=True))
    op.add_column("person_members", sa.Column("mention", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("person_members") as batch:
        batch.drop_column("mention")
    for table in ("persons", "incidents"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("tally")
    op.drop_index("ix_link_keys_key_day_last_day_document_id", table_name="link_keys")
    op.create_index("ix_link_keys_key_day", "link_keys", ["key", "day"])
    with op.batch_alter_table("link_keys") as batch:
        batch.drop_column("last_day")
