"""The store on a real PostgreSQL server (``tests.pg_server``): the schema the migrations build,
full-text search next to SQLite's, writers that queue instead of losing updates, concurrent
ingest processes, and the same linked database from the same captures.

Every test that takes ``db`` runs on both backends already; these are what that cannot show.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, Index, Table, create_engine, func, make_url, select, table
from typer.testing import CliRunner

from crosscheck.cli import app
from crosscheck.errors import StoreError
from crosscheck.model import Capture, Document
from crosscheck.review import actions, audit, claims
from crosscheck.store import Database, postgres, queries
from crosscheck.store import db as store_db
from crosscheck.store.schema import FTS_TABLE, metadata

if TYPE_CHECKING:  # only for types: pytest loads it as a plugin, below, and rewrites its asserts
    from tests.pg_server import Server

pytest_plugins = ["tests.pg_server"]

CAPTURES = Path(__file__).resolve().parents[2] / "samples" / "captures"
CAPTURED_AT = "2026-11-20T12:00:00+00:00"
CAPTURED = datetime(2024, 5, 2, 12, tzinfo=UTC)
LONG = " ".join(f"word{n}" for n in range(40)) + " evacuation " + " ".join(["filler"] * 40)
#: the search library: name -> (title, text)
LIBRARY = {
    "title": ("Evacuation of Bakhmut", "Buses left at dawn."),
    "text": ("Morning report", "The evacuation went on all night, buses again."),
    "smirnov": ("Ранения", "Иван смирнов был ранен под Бахмутом."),
    "long": ("Long", LONG),
    "kyiv": ("Київ", "Shelling in Kyïv; see example.org for КИЇВ."),
}


def _engine(url: str) -> Engine:
    return create_engine(postgres.with_driver(make_url(url)))


def _save(
    db: Database, content: str, *documents: tuple[str | None, str], source: str | None = None
) -> list[str]:
    """Save a capture of ``content`` with one document per (title, text); their ids."""
    capture = Capture.of(content.encode(), media_type="text/plain", captured_at=CAPTURED)
    built = [
        Document(capture_sha256=capture.sha256, locator=str(n), title=title, text=text,
                 source=source)
        for n, (title, text) in enumerate(documents)
    ]  # fmt: skip
    db.save(capture, built)
    return [d.id for d in built]


@pytest.fixture
def pg(postgresql_url: str) -> Iterator[Database]:
    with Database.open(postgresql_url) as database:
        yield database


# ---- migrations and opening ------------------------------------------------------------------


def test_postgresql_migrations_match_schema(postgresql_url: str) -> None:
    for _ in range(2):  # the second open finds the schema at head and changes nothing
        Database.open(postgresql_url).close()
    engine = _engine(postgresql_url)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection)
        differences = compare_metadata(context, metadata)
        heads = context.get_current_heads()
    engine.dispose()
    # the search table lives outside the metadata on purpose, as SQLite's FTS5 table does
    unexpected = [d for d in differences if _table_of(d[1]) != FTS_TABLE]
    assert unexpected == []
    head = ScriptDirectory(str(store_db.MIGRATIONS)).get_current_head()
    assert heads == (head,)


def _table_of(item: Table | Index | object) -> str | None:
    if isinstance(item, Table):
        return item.name
    return item.table.name if isinstance(item, Index) and item.table is not None else None


def test_postgresql_open_refuses_a_database_in_another_locale(postgresql_server: Server) -> None:
    name = postgresql_server.create_database(locale="C")  # lower() would fold ASCII only
    try:
        message = r"^cannot open database postgresql://.*: it must be UTF-8 with the C.UTF-8 locale"
        with pytest.raises(StoreError, match=message):
            Database.open(postgresql_server.url(name))
    finally:
        postgresql_server.drop_database(name)


def test_postgresql_open_unreachable_is_one_line_without_password() -> None:
    with pytest.raises(StoreError) as raised:
        Database.open("postgresql://analyst:s3cret@127.0.0.1:1/crosscheck")
    message = str(raised.value)
    assert message.startswith("cannot open database postgresql://analyst:***@127.0.0.1:1/")
    assert "s3cret" not in message and "\n" not in message


# ---- full-text search, next to SQLite's -------------------------------------------------------


@pytest.fixture(scope="module")
def libraries(
    postgresql_server: Server, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Database, Database, dict[str, str]]]:
    """The same documents in SQLite and in PostgreSQL, and their ids by name."""
    name = postgresql_server.create_database()
    sqlite = Database.open(f"sqlite:///{tmp_path_factory.mktemp('library') / 'library.sqlite'}")
    pg = Database.open(postgresql_server.url(name))
    for database in (sqlite, pg):
        ids = _save(database, "library", *LIBRARY.values())
    yield sqlite, pg, dict(zip(LIBRARY, ids, strict=True))
    sqlite.close()
    pg.close()
    postgresql_server.drop_database(name)


QUERIES = ["evacuation", "Смирнов", "СМИРНОВ", "бахмутом СМИРНОВ", "evacuation buses",
           "evacuation night", "evacuation смирнов", '"evacuation', "evacuation*", "-evacuation",
           "evacuation:", "^evacuation", "(evacuation)", "'evacuation'", "evac\x00uation",
           "AND OR", "evacuation OR buses", "NEAR(evacuation buses)", "title:evacuation",
           "{title text}: evacuation", "evacuation NOT buses", "", "-", "*", '""', "київ",
           "КИЇВ shelling", "word39 evacuation filler"]  # fmt: skip


@pytest.mark.parametrize("query", QUERIES)
def test_postgresql_search_finds_what_sqlite_finds(
    libraries: tuple[Database, Database, dict[str, str]], query: str
) -> None:
    sqlite, pg, _ = libraries
    found = {hit.document_id for hit in pg.search(query)}
    assert found == {hit.document_id for hit in sqlite.search(query)}


def test_postgresql_search_ranks_title_above_text(
    libraries: tuple[Database, Database, dict[str, str]],
) -> None:
    _, pg, ids = libraries
    hits = pg.search("evacuation")
    assert [hit.document_id for hit in hits][:2] == [ids["title"], ids["text"]]
    assert hits[0].score > hits[1].score
    assert len(pg.search("evacuation", limit=1)) == 1


def test_postgresql_search_snippets_mark_terms_as_sqlite_does(
    libraries: tuple[Database, Database, dict[str, str]],
) -> None:
    sqlite, pg, ids = libraries
    snippets = [{h.document_id: h.snippet for h in db.search("evacuation")} for db in (sqlite, pg)]
    assert snippets[1][ids["text"]] == snippets[0][ids["text"]]
    assert snippets[1][ids["text"]] == "The [evacuation] went on all night, buses again."
    long = snippets[1][ids["long"]]
    assert long.startswith("…") and long.endswith("…") and "[evacuation]" in long
    assert len(long.split()) <= queries.SNIPPET_TOKENS
    assert snippets[1][ids["title"]] == "Buses left at dawn."  # a title match shows the text


def test_postgresql_search_keeps_accents_and_host_names(
    libraries: tuple[Database, Database, dict[str, str]],
) -> None:
    """What differs, as docs/store.md says: PostgreSQL's ``simple`` configuration folds case but
    not Latin accents, and reads a host name as one word."""
    sqlite, pg, ids = libraries
    for query in ("Kyiv", "example"):
        assert [hit.document_id for hit in sqlite.search(query)] == [ids["kyiv"]]
        assert pg.search(query) == []
    assert [hit.document_id for hit in pg.search("kyïv example.org")] == [ids["kyiv"]]


@settings(deadline=None, max_examples=100)
@given(query=st.text())
def test_postgresql_search_any_text_is_a_query(
    libraries: tuple[Database, Database, dict[str, str]], query: str
) -> None:
    _, pg, _ = libraries
    assert all(isinstance(hit.document_id, str) for hit in pg.search(query))


def test_postgresql_search_indexes_the_start_of_a_long_text(pg: Database) -> None:
    text = "evacuation " + "filler " * (queries.SEARCH_INDEXED // 7) + "zorivka"
    [document_id] = _save(pg, "long clip", (None, text))
    [hit] = pg.search("evacuation")
    assert (hit.document_id, hit.snippet.endswith("…")) == (document_id, True)
    assert pg.search("zorivka") == []  # beyond the indexed characters (a tsvector holds 1 MB)


def test_postgresql_search_follows_replace_documents(pg: Database) -> None:
    capture = Capture.of(b"clip", media_type="text/plain", captured_at=CAPTURED)
    pg.save(capture, [Document(capture_sha256=capture.sha256, text="первая версия")])
    pg.replace_documents(capture, [Document(capture_sha256=capture.sha256, text="вторая")])
    assert pg.search("первая") == []
    assert [hit.snippet for hit in pg.search("ВТОРАЯ")] == ["[вторая]"]


# ---- values SQLite takes and PostgreSQL might not ---------------------------------------------


def test_postgresql_stores_a_count_beyond_32_bits(
    pg: Database, postgresql_url: str, tmp_path: Path
) -> None:
    clip = tmp_path / "clip.txt"
    clip.write_text("Report\n\nOfficials said 3 billion civilians were killed.\n", "utf-8")
    ingest = [
        "ingest",
        str(clip),
        "--no-link",
        "--captured-at",
        CAPTURED_AT,
        "--db",
        postgresql_url,
    ]
    result = CliRunner().invoke(app, ingest)
    assert result.exit_code == 0, result.output
    assert 3_000_000_000 in {claim.best for claim in claims.claims(pg)}


def test_postgresql_refuses_nul_in_text_with_a_store_error(pg: Database) -> None:
    with pytest.raises(StoreError, match=r"^database postgresql://.*NUL"):
        _save(pg, "nul", ("Title", "Text."), source="Chan\x00nel")
    assert pg.counts()["captures"] == 0


# ---- writers and readers -----------------------------------------------------------------------


def _in_threads(count: int, work: Callable[[int], object]) -> list[object]:
    with ThreadPoolExecutor(count) as pool:
        return list(pool.map(work, range(count)))


def test_postgresql_writers_lose_no_update(pg: Database, postgresql_url: str) -> None:
    """Two analysts grading one source at once: each change's "before" is the change it
    follows, so none was made from a stale read."""
    _save(pg, "graded", ("Report", "Text."), source="example.org")

    handles = [Database.open(postgresql_url) for _ in range(2)]  # as two web app processes

    def grade(worker: int) -> None:
        for n in range(15):
            grade = "ABCDEF"[(worker * 3 + n) % 6]
            actions.grade_source(handles[worker], "example.org", grade, comment=f"{worker}/{n}",
                                 user=f"analyst{worker}")  # fmt: skip

    _in_threads(2, grade)
    for handle in handles:
        handle.close()
    log = sorted(audit.audit_log(pg, target_kind="source", limit=100), key=lambda e: e.id)
    assert len(log) == 30
    for previous, entry in zip([None, *log], log, strict=False):
        expected = None if previous is None else (previous.after or {})["reliability"]
        assert (entry.before or {})["reliability"] == expected


def test_postgresql_reader_sees_a_snapshot(pg: Database, postgresql_url: str) -> None:
    _save(pg, "first", (None, "one"))
    with pg.transaction() as connection, Database.open(postgresql_url) as other:
        before = queries.counts(connection)
        _save(other, "second", (None, "two"))  # commits while the read goes on
        assert queries.counts(connection) == before
    assert pg.counts()["captures"] == before["captures"] + 1


def test_postgresql_writer_waits_at_most_busy_timeout(
    pg: Database, postgresql_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_db, "BUSY_TIMEOUT_MS", 50)
    waits = pytest.raises(StoreError, match=r"^database postgresql://.*lock timeout")
    with Database.open(postgresql_url) as other, pg.transaction(write=True), waits:
        _save(other, "blocked", (None, "waits for the writer"))
    assert _save(pg, "blocked", (None, "then goes through"))


def _rows(url: str) -> dict[str, int]:
    """How many rows each table holds, the search table included."""
    engine = create_engine(url) if url.startswith("sqlite") else _engine(url)
    names = [*metadata.tables, FTS_TABLE]
    with engine.connect() as connection:
        found = {
            n: connection.scalar(select(func.count()).select_from(table(n))) or 0 for n in names
        }
    engine.dispose()
    return found


def test_postgresql_concurrent_ingest_stores_once(postgresql_url: str, tmp_path: Path) -> None:
    """Two ingest processes on one folder: nothing twice, nothing failed. Linking stays out of
    the race (``--no-link``): ``link_pending`` lists its documents before its write
    transactions, so two linkers at once may link one document twice."""
    arguments = ["ingest", str(CAPTURES), "--no-link", "--captured-at", CAPTURED_AT, "--db"]
    command = [sys.executable, "-m", "crosscheck", *arguments]
    logs = [tmp_path / f"ingest{n}.log" for n in range(2)]
    with logs[0].open("wb") as first, logs[1].open("wb") as second:
        both = [subprocess.Popen([*command, postgresql_url], stdout=log, stderr=subprocess.STDOUT)
                for log in (first, second)]  # fmt: skip
        for process, log in zip(both, logs, strict=True):
            assert process.wait(timeout=600) == 0, log.read_text(errors="replace")
    alone = f"sqlite:///{tmp_path / 'alone.sqlite'}"
    result = CliRunner().invoke(app, [*arguments, alone])
    assert result.exit_code == 0, result.output
    counted = _rows(postgresql_url)
    assert counted == _rows(alone)
    assert counted["captures"] > 10 and counted["claims"] > 0


# ---- the same linked database from the same captures ----------------------------------------


@pytest.fixture(scope="module")
def linked(
    postgresql_server: Server, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Database, Database]]:
    """The sample captures ingested and linked into SQLite and into PostgreSQL."""
    name = postgresql_server.create_database()
    urls = [f"sqlite:///{tmp_path_factory.mktemp('linked') / 'linked.sqlite'}",
            postgresql_server.url(name)]  # fmt: skip
    for url in urls:
        arguments = ["ingest", str(CAPTURES), "--captured-at", CAPTURED_AT, "--db", url]
        result = CliRunner().invoke(app, arguments)
        assert result.exit_code == 0, result.output
    sqlite, pg = (Database.open(url) for url in urls)
    yield sqlite, pg
    sqlite.close()
    pg.close()
    postgresql_server.drop_database(name)


def test_postgresql_links_as_sqlite_does(linked: tuple[Database, Database]) -> None:
    sqlite, pg = linked
    assert pg.counts() == sqlite.counts()
    assert pg.counts_by("source") == sqlite.counts_by("source")
    incidents = pg.incidents(limit=1000)
    assert incidents and incidents == sqlite.incidents(limit=1000)
    persons = pg.persons(limit=1000)
    assert persons and persons == sqlite.persons(limit=1000)
    assert pg.persons(name="Alexey Smirnov") == sqlite.persons(name="Alexey Smirnov")


def test_postgresql_records_and_claims_as_sqlite_does(linked: tuple[Database, Database]) -> None:
    sqlite, pg = linked
    found = claims.claims(pg, limit=1000)
    assert found and found == claims.claims(sqlite, limit=1000)
    for document_id in {claim.document_id for claim in found}:
        assert pg.record(document_id) == sqlite.record(document_id)
