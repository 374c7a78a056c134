"""Linking: document profiles, blocking keys, links with their reasons, incidents and persons.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "link_profiles",
        sa.Column("document_id", sa.String(16), nullable=False),
        sa.Column("profile", sa.Text(), nullable=False),
        sa.Column("signature", sa.LargeBinary(), nullable=False),
        sa.Column("seen", sa.DateTime(timezone=True), nullable=False),
        sa.Column("incident_id", sa.String(16), nullable=True),
        sa.Column("copy_of", sa.String(16), nullable=True),
        sa.Column("copy_similarity", sa.Float(), nullable=True),
        sa.Column("linked_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("document_id", name="pk_link_profiles"),
    )
    op.create_index("ix_link_profiles_incident_id", "link_profiles", ["incident_id"])
    op.create_index("ix_link_profiles_copy_of", "link_profiles", ["copy_of"])
    op.create_table(
        "link_keys",
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("document_id", sa.String(16), nullable=False),
        sa.Column("day", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("key", "document_id", name="pk_link_keys"),
    )
    op.create_index("ix_link_keys_key_day", "link_keys", ["key", "day"])
    op.create_index("ix_link_keys_document_id", "link_keys", ["document_id"])
    op.create_table(
        "link_edges",
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("a", sa.Text(), nullable=False),
        sa.Column("b", sa.Text(), nullable=False),
        sa.Column("origin", sa.String(16), nullable=False),
        sa.Column("verdict", sa.String(16), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("features", sa.Text(), nullable=False),
        sa.Column("author", sa.Text(), nullable=True),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("kind", "a", "b", "origin", name="pk_link_edges"),
    )
    op.create_index("ix_link_edges_kind_b", "link_edges", ["kind", "b"])
    op.create_table(
        "incidents",
        sa.Column("id", sa.String(16), nullable=False),
        sa.Column("start", sa.DateTime(timezone=True), nullable=True),
        sa.Column("end", sa.DateTime(timezone=True), nullable=True),
        sa.Column("place", sa.Text(), nullable=True),
        sa.Column("kinds", sa.Text(), nullable=False),
        sa.Column("documents", sa.Integer(), nullable=False),
        sa.Column("sources", sa.Integer(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_incidents"),
    )
    op.create_index("ix_incidents_start", "incidents", ["start"])
    op.create_table(
        "persons",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("documents", sa.Integer(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_persons"),
    )
    op.create_index("ix_persons_name", "persons", ["name"])
    op.create_table(
        "person_members",
        sa.Column("member", sa.Text(), nullable=False),
        sa.Column("document_id", sa.String(16), nullable=False),
        sa.Column("name_key", sa.Text(), nullable=False),
        sa.Column("surname_key", sa.Text(), nullable=False),
        sa.Column("attributes", sa.Text(), nullable=False),
        sa.Column("person_id", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("member", name="pk_person_members"),
    )
    for column in ("document_id", "name_key", "surname_key", "person_id"):
        op.create_index(f"ix_person_members_{column}", "person_members", [column])


def downgrade() -> None:
    for name in ("person_members", "persons", "incidents", "link_edges", "link_keys"):
        op.drop_table(name)
    op.drop_table("link_profiles")
