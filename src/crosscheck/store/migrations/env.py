"""Alembic environment, run programmatically by ``Database.open`` (no ``alembic.ini``).

``Database.open`` passes an open connection, already inside a write transaction, as
``config.attributes["connection"]``; the migrations then commit or fail with it as one unit. For
development (``alembic revision --autogenerate``), a ``sqlalchemy.url`` main option works too.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from crosscheck.store.schema import FTS_TABLE, metadata


def _include_name(name: str | None, type_: str, parent_names: object) -> bool:
    # The search tables are created by hand (SQLite: FTS5 and its shadow tables, 0001;
    # PostgreSQL: a table with a tsvector and its GIN index, 0007); autogenerate must not
    # propose to drop them.
    if type_ == "table":
        return not (name or "").startswith(FTS_TABLE)
    return not (type_ == "index" and (name or "").startswith(f"ix_{FTS_TABLE}"))


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        include_name=_include_name,
        render_as_batch=True,  # SQLite can ALTER only by copying a table
    )
    with context.begin_transaction():
        context.run_migrations()


def _main() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = context.config.get_main_option("sqlalchemy.url")
    if url is None:
        raise RuntimeError("run migrations through Database.open or set sqlalchemy.url")
    with create_engine(url).begin() as own:
        _run(own)


_main()
