"""Linking at scale: an incident's documents are read from an index alone.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_link_profiles_incident_id", table_name="link_profiles")
    op.create_index(
        "ix_link_profiles_incident_id_document_id", "link_profiles", ["incident_id", "document_id"]
    )


def downgrade() -> None:
    op.drop_index("ix_link_profiles_incident_id_document_id", table_name="link_profiles")
    op.create_index("ix_link_profiles_incident_id", "link_profiles", ["incident_id"])
