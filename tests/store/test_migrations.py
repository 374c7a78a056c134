"""Migrations build the schema in ``schema.py`` from nothing and are a no-op when up to date."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

from crosscheck.errors import StoreError
from crosscheck.store import Database
from crosscheck.store.schema import FTS_TABLE, metadata


def _names(path: Path, kind: str) -> set[str]:
    with sqlite3.connect(path) as connection:
        rows = connection.execute("SELECT name FROM sqlite_master WHERE type = ?", (kind,))
        return {name for (name,) in rows if not name.startswith("sqlite_")}


def _revision(path: Path) -> list[str]:
    with sqlite3.connect(path) as connection:
        return [v for (v,) in connection.execute("SELECT version_num FROM alembic_version")]


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "crosscheck.sqlite"


def test_migrations_create_every_table(path: Path) -> None:
    Database.open(f"sqlite:///{path}").close()
    tables = _names(path, "table")
    assert {"alembic_version", "captures", "documents", FTS_TABLE} <= tables
    assert {"ix_captures_ingested_at_sha256", "ix_documents_published_start"} <= _names(
        path, "index"
    )
    assert _revision(path) == ["0007"]


def test_migrations_reopen_is_idempotent(path: Path) -> None:
    Database.open(f"sqlite:///{path}").close()
    before = _names(path, "table") | _names(path, "index")
    for _ in range(2):
        Database.open(f"sqlite:///{path}").close()
    assert _names(path, "table") | _names(path, "index") == before
    assert _revision(path) == ["0007"]


def test_migrations_match_schema(path: Path) -> None:
    Database.open(f"sqlite:///{path}").close()
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), metadata)
    engine.dispose()
    # The FTS5 table and its shadow tables live outside the metadata on purpose.
    unexpected = [
        d for d in differences if not (d[0] == "remove_table" and d[1].name.startswith(FTS_TABLE))
    ]
    assert unexpected == []


def test_migrations_refuse_newer_database(path: Path) -> None:
    Database.open(f"sqlite:///{path}").close()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(StoreError, match=r"^cannot open database sqlite:///.*9999"):
        Database.open(f"sqlite:///{path}")
