"""Storage through SQLAlchemy Core: SQLite by default, PostgreSQL-ready, Alembic migrations."""

from crosscheck.store.db import Database, SearchHit

__all__ = ["Database", "SearchHit"]
