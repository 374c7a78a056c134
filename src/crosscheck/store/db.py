"""The one object the pipeline, CLI and web layer talk to: a thin layer over ``queries``.

``Database.open`` checks the URL, creates an SQLite file's folder, and migrates to the newest
schema. Every method runs in a transaction of its own; writes take the write lock up front
(SQLite: ``BEGIN IMMEDIATE``; PostgreSQL: an advisory lock, see ``postgres``), so two writers
queue behind ``busy_timeout`` instead of failing on a stale read snapshot or losing an update.
Readers (the web app) see a snapshot and never block the writer: SQLite runs in WAL mode,
PostgreSQL reads are ``REPEATABLE READ``.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import Counter
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

from alembic import command
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import URL, Connection, Engine, create_engine, event, make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, DataError, DBAPIError, OperationalError

from crosscheck.errors import NotFoundError, SettingsError, StoreError
from crosscheck.model import Capture, ClaimKind, Document, Facts
from crosscheck.record import document_from_record
from crosscheck.store import linked, links, postgres, queries
from crosscheck.store.queries import CaptureKey, Counted, SearchHit

__all__ = ["Database", "SearchHit"]

DIALECTS = ("sqlite", "postgresql")
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
BUSY_TIMEOUT_MS = 10_000
#: a document id is 16 hex characters; like git, a unique prefix of at least 4 will do
_DOCUMENT_ID = re.compile(r"[0-9a-f]{4,16}")
#: a person id is a member's: "<document id>/p1"; a prefix of it will do as well
_PERSON_ID = re.compile(r"[0-9a-f]{4,16}(/[a-z0-9]*)?")
#: how many candidates an "ambiguous id" message names
_SHOWN = 5
#: execution option that makes an SQLite transaction BEGIN IMMEDIATE
_WRITE = "crosscheck_write"

T = TypeVar("T")


class Database:
    """A crosscheck database: captures, the documents derived from them, full-text search."""

    def __init__(self, engine: Engine, name: str) -> None:
        self._engine = engine
        self._name = name  # the URL without its password, for messages

    @classmethod
    def open(cls, url: str) -> Database:
        """Connect, create the SQLite file's folder, run migrations to head."""
        parsed, name = _parse(url)
        engine = _engine(parsed, name)
        try:
            with _begin(engine, write=True) as connection:
                _upgrade(connection)
        except (DatabaseError, CommandError) as error:
            engine.dispose()
            raise StoreError(f"cannot open database {name}: {_reason(error)}") from error
        return cls(engine, name)

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def has_capture(self, sha256: str) -> bool:
        with self._transaction() as connection:
            return queries.has_capture(connection, sha256)

    def save(
        self, capture: Capture, documents: Sequence[Document], facts: Sequence[Facts] = ()
    ) -> bool:
        """Store a capture and its documents (with the facts extracted from each, in the same
        order, when given) in one transaction; False if already present."""
        _check_locators(capture.sha256, documents)
        _check_facts(documents, facts)
        now = datetime.now(UTC)
        with self._transaction(write=True) as connection:
            if not queries.insert_capture(connection, capture, now=now):
                return False  # stored before, or by a concurrent writer: nothing to add
            queries.insert_documents(connection, capture, documents, facts, now=now)
        return True

    def replace_documents(
        self, capture: Capture, documents: Sequence[Document], facts: Sequence[Facts] = ()
    ) -> None:
        """Swap a stored capture's derived documents for new ones (``rebuild``), in one
        transaction; the caller already holds the capture, so its bytes are not read again."""
        _check_locators(capture.sha256, documents)
        _check_facts(documents, facts)
        with self._transaction(write=True) as connection:
            if not queries.has_capture(connection, capture.sha256):
                raise NotFoundError(f"no stored capture has sha256 {capture.sha256}")
            queries.delete_documents(connection, capture.sha256)
            queries.insert_documents(connection, capture, documents, facts, now=datetime.now(UTC))

    def captures(self) -> Iterator[Capture]:
        """Every stored capture, with its bytes, in ingest order, one at a time."""
        key: CaptureKey | None = None
        while True:
            with self._transaction() as connection:
                found = queries.next_capture(connection, key)
            if found is None:
                return
            key, capture = found
            yield capture

    def capture(self, sha256: str) -> Capture:
        """One stored capture with its bytes, by its full SHA-256."""
        with self._transaction() as connection:
            return _found(queries.capture(connection, sha256.lower()), "capture", sha256)

    def search(self, query: str, *, limit: int = 20) -> list[SearchHit]:
        """Documents containing every word of ``query``, best first, title matches above text
        matches. Words are plain text (no search syntax); a query without words finds nothing.
        """
        if limit < 1:
            raise SettingsError(f"search limit must be at least 1, got {limit}")
        with self._transaction() as connection:
            return queries.search(connection, query, limit=limit)

    def record(self, document_id: str) -> dict[str, Any]:
        """The ``crosscheck.record/1`` of a document by id or unique id prefix; once linked, its
        claims carry their ``incident`` id and its people their ``person`` id."""
        with self._transaction() as connection:
            full_id = _resolve(connection, document_id)
            text = _found(queries.record(connection, full_id), "document", document_id)
            linked = links.link_ids(connection, full_id)
        stored: dict[str, Any] = json.loads(text)
        if linked is not None:  # the ids linking gave this document's claims and people
            incident_id, persons = linked
            for claim in stored.get("claims", ()):
                claim["incident"] = incident_id
            for person in stored.get("people", ()):
                person["person"] = persons.get(person["key"])
        return stored

    def document(self, document_id: str) -> Document:
        """A stored document by id or unique id prefix."""
        return document_from_record(self.record(document_id))

    def document_ids_for(self, capture_sha256: str) -> list[str]:
        """The ids of a capture's documents, ordered by locator (none for an unknown capture)."""
        with self._transaction() as connection:
            return queries.document_ids_for(connection, capture_sha256)

    def counts(self) -> dict[str, int]:
        """``captures``, ``documents``, and ``bytes`` (the captures' total size)."""
        with self._transaction() as connection:
            return queries.counts(connection)

    def counts_by(self, field: Counted) -> dict[str | None, int]:
        """Documents per ``language`` or ``source``, or captures per ``media_type``."""
        with self._transaction() as connection:
            return queries.counts_by(connection, field)

    # -- what linking stored (``crosscheck.link``): incidents and persons --------------------

    def unlinked(self) -> int:
        """How many stored documents are not linked yet."""
        with self._transaction() as connection:
            return linked.unlinked_count(connection)

    def incidents(
        self,
        *,
        since: datetime | None = None,
        place: str | None = None,
        kind: str | None = None,
        limit: int = 50,
    ) -> list[dict[str, Any]]:
        """Incident summaries (``link.ledger``), newest first: those ending on or after
        ``since``, at a place whose name contains ``place`` (any case), with a claim of ``kind``.
        """
        _check_limit(limit)
        if kind is not None and kind not in set(ClaimKind):
            kinds = ", ".join(ClaimKind)
            raise SettingsError(f"unknown claim kind {kind!r}: expected one of {kinds}")
        with self._transaction() as connection:
            return linked.incident_summaries(
                connection, since=since, place=place, kind=kind, limit=limit
            )

    def incident(self, incident_id: str) -> dict[str, Any]:
        """One incident's summary by id, unique id prefix, or the id of a document in it."""
        with self._transaction() as connection:
            full_id = _resolve_incident(connection, incident_id)
            return _found(linked.incident_summary(connection, full_id), "incident", incident_id)

    def persons(self, *, name: str | None = None, limit: int = 50) -> list[dict[str, Any]]:
        """Person summaries (``link.summaries``), named in the most documents first: all, or
        those whose name or a spelling contains ``name`` (any case), or whose transliteration
        key matches its key, so that "Alexey Smirnov" finds "Алексей Смирнов"."""
        from crosscheck.extract.names import name_key  # loads name rules: only when searching

        _check_limit(limit)
        text = (name or "").strip()
        key = name_key(text) if text else ""
        with self._transaction() as connection:
            return linked.person_summaries(connection, text=text, key=key, limit=limit)

    def person(self, person_id: str) -> dict[str, Any]:
        """One person's summary by id ("<document id>/p1"), unique id prefix, or the id of one
        of their members (the person as one document names them)."""
        with self._transaction() as connection:
            full_id = _resolve_person(connection, person_id)
            return _found(linked.person_summary(connection, full_id), "person", person_id)

    def person_names(self, person_ids: Collection[str]) -> dict[str, str]:
        """The display names of these persons (unknown ids are left out)."""
        with self._transaction() as connection:
            return linked.person_names(connection, person_ids)

    def link_member(self, given: str) -> str:
        """The full id of what an analyst's decision names: a document id from a unique prefix,
        keeping a person key after "/" ("076a/p1" -> "076a7ac20dd2bc11/p1")."""
        document_id, slash, key = given.strip().partition("/")
        with self._transaction() as connection:
            full_id = _resolve(connection, document_id)
        return f"{full_id}/{key}" if slash else full_id

    @contextmanager
    def transaction(self, *, write: bool = False) -> Iterator[Connection]:
        """A transaction for core modules that run named queries themselves (``link``)."""
        with self._transaction(write=write) as connection:
            yield connection

    @contextmanager
    def _transaction(self, *, write: bool = False) -> Iterator[Connection]:
        try:
            with _begin(self._engine, write=write) as connection:
                yield connection
        except (OperationalError, DataError) as error:  # locked, disk full, NUL in PostgreSQL text
            raise StoreError(f"database {self._name}: {_reason(error)}") from error


@contextmanager
def _begin(engine: Engine, *, write: bool) -> Iterator[Connection]:
    postgresql = engine.dialect.name == "postgresql"
    with engine.connect() as connection:
        if write:
            connection.execution_options(**{_WRITE: True})
        elif postgresql:
            connection.execution_options(**postgres.READ)
        with connection.begin():
            if write and postgresql:
                postgres.lock_writers(connection, timeout_ms=BUSY_TIMEOUT_MS)
            yield connection


def _parse(url: str) -> tuple[URL, str]:
    """The URL and how to name it in messages (never with its password)."""
    redacted = re.sub(r"(://[^:/@]*:)[^@/]*@", r"\1***@", url)
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError) as error:
        raise StoreError(f"cannot open database {redacted!r}: not a database URL") from error
    backend = parsed.get_backend_name()
    if backend not in DIALECTS:
        raise StoreError(f"cannot open database {redacted}: {backend} is not supported")
    return parsed, parsed.render_as_string(hide_password=True)


def _engine(url: URL, name: str) -> Engine:
    if url.get_backend_name() == "sqlite":
        _make_folder(url, name)
    try:
        engine = create_engine(postgres.with_driver(url))
    except (ArgumentError, ImportError) as error:  # unknown driver, driver not installed
        raise StoreError(f"cannot open database {name}: {error}") from error
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine)
    return engine


def _make_folder(url: URL, name: str) -> None:
    database = url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return
    folder = Path(database).parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        reason = f"cannot create folder {folder}: {error.strerror}"
        raise StoreError(f"cannot open database {name}: {reason}") from error


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: sqlite3.Connection, record: object) -> None:
        # Python 3.11's sqlite3 would BEGIN only before DML, leaving DDL (migrations) and reads
        # outside transactions; SQLAlchemy's documented recipe: switch that off, BEGIN ourselves.
        dbapi_connection.isolation_level = None
        # busy_timeout first: switching a new file to WAL needs a lock another opener may hold.
        dbapi_connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        dbapi_connection.execute("PRAGMA foreign_keys = ON")
        dbapi_connection.execute("PRAGMA journal_mode = WAL")

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        write = connection.get_execution_options().get(_WRITE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def _upgrade(connection: Connection) -> None:
    if (unusable := postgres.check_database(connection)) is not None:
        raise CommandError(unusable)  # a PostgreSQL database in another encoding or locale
    config = Config()
    # Config values go through configparser interpolation, where "%" is special.
    config.set_main_option("script_location", str(MIGRATIONS).replace("%", "%%"))
    config.attributes["connection"] = connection
    known = {script.revision for script in ScriptDirectory.from_config(config).walk_revisions()}
    for revision in MigrationContext.configure(connection).get_current_heads():
        if revision not in known:
            raise CommandError(f"its schema revision {revision} is newer than this crosscheck")
    command.upgrade(config, "head")


def _reason(error: DBAPIError | CommandError) -> str:
    message = str(error.orig) if isinstance(error, DBAPIError) else str(error)
    return (message.strip().splitlines() or ["unknown error"])[0]


def _check_facts(documents: Sequence[Document], facts: Sequence[Facts]) -> None:
    if facts and len(facts) != len(documents):
        raise ValueError("facts must be given for every document or for none")


def _check_locators(capture_sha256: str, documents: Sequence[Document]) -> None:
    repeated = sorted(loc for loc, n in Counter(d.locator for d in documents).items() if n > 1)
    if repeated:
        raise StoreError(
            f"capture {capture_sha256} yields more than one document at locator {repeated[0]!r}"
        )


def _resolve(connection: Connection, given: str) -> str:
    """The full document id that ``given`` (an id or a unique prefix) names."""
    prefix = given.strip().lower()
    if not _DOCUMENT_ID.fullmatch(prefix):
        raise NotFoundError(f"no document {given!r}: an id is 4 to 16 hex characters")
    return _unique(given, queries.document_ids_with_prefix(connection, prefix, limit=_SHOWN + 1))


def _resolve_incident(connection: Connection, given: str) -> str:
    """The incident id that ``given`` names: an incident id or a unique prefix, or else the id
    (or unique prefix) of a document in an incident."""
    prefix = given.strip().lower()
    if not _DOCUMENT_ID.fullmatch(prefix):
        raise NotFoundError(f"no incident {given!r}: an id is 4 to 16 hex characters")
    return _unique(
        given, linked.incident_ids_named(connection, prefix, limit=_SHOWN + 1), "incident"
    )


def _resolve_person(connection: Connection, given: str) -> str:
    """The person id that ``given`` names: a person id or a unique prefix, or else a member."""
    value = given.strip().lower()
    if not _PERSON_ID.fullmatch(value):
        raise NotFoundError(f"no person {given!r}: an id is a document id and a person key, "
                            "like 076a7ac20dd2bc11/p1")  # fmt: skip
    return _unique(given, linked.person_ids_named(connection, value, limit=_SHOWN + 1), "person")


def _unique(given: str, ids: Sequence[str], kind: str = "document") -> str:
    if not ids:
        raise NotFoundError(f"no {kind} with id {given!r}")
    if len(ids) > 1:
        shown = ", ".join(ids[:_SHOWN]) + (", ..." if len(ids) > _SHOWN else "")
        raise NotFoundError(f"{kind} id {given!r} is ambiguous ({shown}): give more characters")
    return ids[0]


def _check_limit(limit: int) -> None:
    if limit < 1:
        raise SettingsError(f"limit must be at least 1, got {limit}")


def _found(value: T | None, kind: str, given: str) -> T:
    if value is None:
        raise NotFoundError(f"no {kind} {given!r}")
    return value
