"""What a PostgreSQL database needs beyond SQLAlchemy's defaults, so that it behaves as SQLite does.

- **Driver.** ``postgresql://`` URLs use psycopg 3 (the dependency crosscheck installs), whatever
  SQLAlchemy's default driver is; a URL that names a driver keeps it.
- **One writer at a time.** A write transaction first takes a transaction-level advisory lock,
  which is what ``BEGIN IMMEDIATE`` is on SQLite: writers queue (for at most ``busy_timeout``,
  then a ``StoreError``) and each sees everything the previous one committed, so a
  read-modify-write (a verdict and its audit row, a link and the incident it regroups) is never
  lost to a concurrent one. Extraction, the slow part of an ingest, runs outside transactions,
  so parallel ingest processes still overlap everywhere but in their short writes.
- **Readers see a snapshot.** A read transaction is ``REPEATABLE READ, READ ONLY``: like a
  reader in SQLite's WAL mode it sees one committed state throughout and never blocks a writer.
- **Text behaves as in SQLite.** The database must be UTF-8 with a collation in code point
  order and case folding of every script (``C.UTF-8``): id prefix and name ranges rely on
  SQLite's order, and full-text search must find "КИЇВ" for "Київ".
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import URL, Connection

__all__ = [
    "DRIVER",
    "READ",
    "WRITER_LOCK",
    "check_database",
    "headline_options",
    "lock_writers",
    "snippet",
    "with_driver",
]

DRIVER = "postgresql+psycopg"
#: the advisory lock key write transactions hold ("crossckw" read as a big-endian integer);
#: advisory locks are per database, so databases on one server do not wait for each other
WRITER_LOCK = 0x63726F7373636B77
#: execution options of a read transaction
READ: dict[str, Any] = {"isolation_level": "REPEATABLE READ", "postgresql_readonly": True}
#: what ``createdb`` needs to make a database crosscheck accepts
CREATEDB = "createdb --template=template0 --encoding=UTF8 --locale=C.UTF-8 NAME"

#: how ts_headline marks a match: control characters, which a clean text does not contain, so
#: that the fragment can be found in the text again (``snippet``)
_START, _STOP = "\x02", "\x03"
_WORD = re.compile(r"\w")

# lower() folds Cyrillic and Latin beyond ASCII; 'B' < 'a' and 'a ' < 'a!' hold only in code
# point order (a linguistic collation ignores case and punctuation at first)
_TEXT_CHECK = (
    "SELECT pg_encoding_to_char(encoding) = 'UTF8' AND lower('ЇЖÉ') = 'їжé'"
    " AND 'B' < 'a' AND 'a ' < 'a!'"
    " FROM pg_database WHERE datname = current_database()"
)


def with_driver(url: URL) -> URL:
    """``url`` with psycopg as its driver, unless it names one."""
    return url.set(drivername=DRIVER) if url.drivername == "postgresql" else url


def lock_writers(connection: Connection, *, timeout_ms: int) -> None:
    """Wait (at most ``timeout_ms``) until no other transaction writes, then hold that until
    this one ends."""
    connection.exec_driver_sql(f"SET LOCAL lock_timeout = {int(timeout_ms)}")
    connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITER_LOCK})")


def check_database(connection: Connection) -> str | None:
    """Why crosscheck cannot use this database, or None when it can (SQLite always can)."""
    if connection.dialect.name != "postgresql" or connection.exec_driver_sql(_TEXT_CHECK).scalar():
        return None
    return f"it must be UTF-8 with the C.UTF-8 locale (create it with: {CREATEDB})"


def headline_options(words: int) -> str:
    """ts_headline's options for one fragment of at most ``words`` words around the best match
    (the start of the text when only the title matched), every word kept (``ShortWord=0``)."""
    return (f'StartSel="{_START}", StopSel="{_STOP}", MaxFragments=1, MaxWords={words}, '
            f"MinWords={words - 1}, ShortWord=0")  # fmt: skip


def snippet(headline: str, text: str, *, cut: bool) -> str:
    """A ts_headline fragment of ``text`` as SQLite's ``snippet`` writes it: matches in [ and ],
    and "…" where the text goes on before or after (``cut``: beyond ``text`` as well).

    ts_headline leaves out the punctuation around a fragment; what stands between it and the
    text's start or end is put back when no word does.
    """
    plain = headline.replace(_START, "").replace(_STOP, "")
    start = max(text.find(plain), 0)
    before, after = text[:start], text[start + len(plain) :]
    head = "…" if _WORD.search(before) else before.lstrip()
    tail = "…" if cut or _WORD.search(after) else after.rstrip()
    return head + headline.replace(_START, "[").replace(_STOP, "]") + tail
