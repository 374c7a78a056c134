"""Linking at scale: a queue of documents to link; people's namesakes found nearest in time.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "link_queue",
        sa.Column("document_id", sa.String(16), nullable=False),
        sa.PrimaryKeyConstraint("document_id", name="pk_link_queue"),
    )
    op.execute(
        "INSERT INTO link_queue (document_id) SELECT d.id FROM documents AS d"
        " WHERE NOT EXISTS (SELECT 1 FROM link_profiles AS p WHERE p.document_id = d.id)"
    )
    op.add_column("person_members", sa.Column("day", sa.Integer(), nullable=True))
    # the document's first event day, which all its blocking keys carry (LSH bands carry none)
    op.execute(
        "UPDATE person_members SET day = (SELECT max(k.day) FROM link_keys AS k"
        " WHERE k.document_id = person_members.document_id)"
    )
    op.drop_index("ix_person_members_surname_key", table_name="person_members")
    op.create_index(
        "ix_person_members_surname_key_name_key_day",
        "person_members",
        ["surname_key", "name_key", "day"],
    )
    op.create_index("ix_person_members_surname_key_day", "person_members", ["surname_key", "day"])


def downgrade() -> None:
    op.drop_index("ix_person_members_surname_key_day", table_name="person_members")
    op.drop_index("ix_person_members_surname_key_name_key_day", table_name="person_members")
    op.create_index("ix_person_members_surname_key", "person_members", ["surname_key"])
    with op.batch_alter_table("person_members") as batch:
        batch.drop_column("day")
    op.drop_table("link_queue")
