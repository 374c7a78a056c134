"""The store on real databases (SQLite files, PostgreSQL): open, save, rebuild, read back byte
for byte."""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import TypeVar

import pytest
from sqlalchemy import update

from crosscheck.errors import NotFoundError, SettingsError, StoreError
from crosscheck.model import Capture, Cue, Document, Precision, Published, Removed, Span
from crosscheck.record import document_from_record, to_record
from crosscheck.store import Database
from crosscheck.store.schema import captures

T = TypeVar("T")
KYIV = timezone(timedelta(hours=3))
CAPTURED = datetime(2024, 5, 2, 1, 30, tzinfo=KYIV)


def _capture(content: bytes = b"<html>raw bytes</html>", **fields: str) -> Capture:
    return Capture.of(content, media_type="text/html", captured_at=CAPTURED, **fields)


def _document(
    capture: Capture,
    text: str = "Иван Смирнов был ранен.",
    *,
    locator: str = "",
    language: str | None = None,
) -> Document:
    return Document(capture_sha256=capture.sha256, text=text, locator=locator, language=language)


def _full_document(capture: Capture) -> Document:
    text = "Вчера под Бахмутом ранен Иван Смирнов. Subscribe!"
    return Document(
        capture_sha256=capture.sha256,
        text=text,
        locator="post/17",
        title="Ранен Смирнов",
        title_raw="Ранен_Смирнов",
        language="ru",
        published=Published(
            start=datetime(2024, 5, 1, tzinfo=KYIV),
            end=datetime(2024, 5, 1, 23, 59, 59, tzinfo=KYIV),
            precision=Precision.DAY,
            phrase="вчера",
            method="relative",
        ),
        source="example.org",
        url="https://example.org/smirnov",
        author="Редакция",
        removed=(Removed(text="SUBSCRIBE TO US!", reason="boilerplate"),),
        cues=(Cue(span=Span(0, 5), start_seconds=1.5, end_seconds=3.25),),
        forwarded_from="Канал",
        extractors=("ingest.text.v1", "clean.dates.v1"),
    )


# ---- open -----------------------------------------------------------------------------------


def test_database_open_creates_folder(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "crosscheck.sqlite"
    Database.open(f"sqlite:///{path}").close()
    assert path.is_file()


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)  # pragmas are SQLite's
@pytest.mark.parametrize(
    ("pragma", "value"), [("journal_mode", "wal"), ("foreign_keys", 1), ("busy_timeout", 10_000)]
)
def test_database_open_sets_pragmas(db: Database, pragma: str, value: object) -> None:
    with db._engine.connect() as connection:  # pragmas are per connection: ask the pool's own
        assert connection.exec_driver_sql(f"PRAGMA {pragma}").scalar() == value


def test_database_open_in_memory() -> None:
    with Database.open("sqlite://") as db:
        assert db.save(_capture(), [])
        assert db.counts()["captures"] == 1


@pytest.mark.parametrize(
    ("where", "message"),
    [
        ("{tmp}", r"cannot open database sqlite:///.*: unable to open database file$"),
        ("{tmp}/a-file/db.sqlite", r"cannot open database sqlite:///.*: cannot create folder"),
        ("{tmp}/not-a-database", r"cannot open database sqlite:///.*: file is not a database$"),
    ],
)
def test_database_open_unwritable_path(tmp_path: Path, where: str, message: str) -> None:
    (tmp_path / "a-file").write_text("a file, not a folder")
    (tmp_path / "not-a-database").write_bytes(b"hello, world " * 100)
    with pytest.raises(StoreError, match=message):
        Database.open("sqlite:///" + where.format(tmp=tmp_path))


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("", "not a database URL"),
        ("crosscheck.sqlite", "not a database URL"),
        ("postgresql://analyst:secret@host:port/db", r"analyst:\*\*\*@host.*not a database URL"),
        ("mysql://host/db", "mysql is not supported"),
        ("sqlite+nosuchdriver:///x.sqlite", "sqlite.nosuchdriver"),
    ],
)
def test_database_open_malformed_url(url: str, message: str) -> None:
    with pytest.raises(StoreError, match=message) as caught:
        Database.open(url)
    assert "secret" not in str(caught.value)
    assert "\n" not in str(caught.value)


# ---- save and read back ---------------------------------------------------------------------


def test_database_save_record_round_trip(db: Database) -> None:
    capture = _capture(path="clips/smirnov.txt", url="https://example.org/smirnov")
    document = _full_document(capture)
    assert db.save(capture, [document])
    record = db.record(document.id)
    assert record == to_record(capture, document)
    assert document_from_record(record) == document
    assert db.document(document.id) == document


def test_database_save_twice_stores_nothing_new(db: Database) -> None:
    capture = _capture()
    assert db.save(capture, [_document(capture)])
    assert not db.save(capture, [_document(capture, "other text", locator="other")])
    assert db.counts() == {"captures": 1, "documents": 1, "bytes": capture.size}
    assert db.document_ids_for(capture.sha256) == [_document(capture).id]


def test_database_save_from_second_handle_is_noop(db_url: str, db: Database) -> None:
    capture = _capture()
    with Database.open(db_url) as other:
        assert other.save(capture, [_document(capture)])
    assert db.has_capture(capture.sha256)
    assert not db.save(capture, [_document(capture)])


def test_database_save_refuses_repeated_locator(db: Database) -> None:
    capture = _capture()
    twins = [
        _document(capture, "one", locator="post/1"),
        _document(capture, "two", locator="post/1"),
    ]
    with pytest.raises(StoreError, match="more than one document at locator 'post/1'"):
        db.save(capture, twins)
    assert not db.has_capture(capture.sha256)


def test_database_save_refuses_foreign_document(db: Database) -> None:
    capture, other = _capture(b"one"), _capture(b"two")
    with pytest.raises(ValueError, match="belongs to another capture"):
        db.save(capture, [_document(other)])
    assert not db.has_capture(capture.sha256)  # the transaction rolled back


def test_database_capture_bytes_identical(db: Database) -> None:
    content = bytes(range(256)) * 64 + b"\x00\xff\r\n"
    capture = _capture(content, path="a.bin")
    db.save(capture, [])
    stored = db.capture(capture.sha256)
    assert stored.content == content
    assert hashlib.sha256(stored.content).hexdigest() == capture.sha256
    assert stored == capture
    assert stored.captured_at.isoformat() == CAPTURED.isoformat()  # the offset survives


def test_database_capture_unknown(db: Database) -> None:
    with pytest.raises(NotFoundError, match="no capture"):
        db.capture("0" * 64)


def test_database_capture_damaged(db: Database) -> None:
    capture = _capture()
    db.save(capture, [])
    with db.transaction(write=True) as connection:
        connection.execute(update(captures).values(content=b"\x00"))
    with pytest.raises(StoreError, match="damaged"):
        db.capture(capture.sha256)


def test_database_captures_in_ingest_order(db: Database) -> None:
    saved = [_capture(f"capture {i}".encode()) for i in (3, 1, 2)]
    for capture in saved:
        db.save(capture, [])
    assert list(db.captures()) == saved
    assert [c.content for c in db.captures()] == [c.content for c in saved]


def test_database_captures_allows_writes_while_iterating(db: Database) -> None:
    saved = [_capture(f"capture {i}".encode()) for i in range(3)]
    for capture in saved:
        db.save(capture, [_document(capture, "old")])
    for capture in db.captures():  # what pipeline.rebuild does
        db.replace_documents(capture, [_document(capture, "new")])
    assert [db.document(_document(c).id).text for c in saved] == ["new"] * 3


# ---- rebuild --------------------------------------------------------------------------------


def test_database_replace_documents_swaps(db: Database) -> None:
    capture = _capture()
    old = [_document(capture, "old one", locator="1"), _document(capture, "old two", locator="2")]
    db.save(capture, old)
    new = [_document(capture, "new three", locator="3")]
    db.replace_documents(capture, new)
    assert db.document_ids_for(capture.sha256) == [new[0].id]
    assert db.capture(capture.sha256) == capture
    with pytest.raises(NotFoundError):
        db.record(old[0].id)
    assert db.counts() == {"captures": 1, "documents": 1, "bytes": capture.size}


def test_database_replace_documents_keeps_locator_ids(db: Database) -> None:
    capture = _capture()
    db.save(capture, [_document(capture, "before")])
    db.replace_documents(capture, [_document(capture, "after")])
    assert db.document(_document(capture).id).text == "after"


# ---- ids ------------------------------------------------------------------------------------


@pytest.fixture
def two_ids(db: Database) -> tuple[str, str]:
    """Two stored document ids that share their first 4 characters."""
    capture = _capture()
    first = _document(capture)
    second = next(
        d
        for n in itertools.count()
        if (d := _document(capture, locator=f"post/{n}")).id[:4] == first.id[:4]
    )
    db.save(capture, [first, second])
    return first.id, second.id


@pytest.mark.parametrize("length", [16, 8, 5])
def test_database_record_unique_prefix(db: Database, two_ids: tuple[str, str], length: int) -> None:
    first, _ = two_ids
    assert db.record(first[:length])["id"] == first
    assert db.record(f" {first[:length].upper()} ")["id"] == first


def test_database_record_ambiguous_prefix(db: Database, two_ids: tuple[str, str]) -> None:
    both = ", ".join(sorted(two_ids))
    with pytest.raises(NotFoundError, match=f"'{two_ids[0][:4]}' is ambiguous \\({both}\\)"):
        db.record(two_ids[0][:4])


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ("0123456789abcdef", "no document with id '0123456789abcdef'"),
        ("abc", "an id is 4 to 16 hex characters"),
        ("not-hex!", "an id is 4 to 16 hex characters"),
        ("0123456789abcdef0", "an id is 4 to 16 hex characters"),
        ("", "an id is 4 to 16 hex characters"),
    ],
)
def test_database_record_unknown_id(
    db: Database, two_ids: tuple[str, str], given: str, message: str
) -> None:
    with pytest.raises(NotFoundError, match=message):
        db.record(given)


# ---- counts ---------------------------------------------------------------------------------


def test_database_counts_by(db: Database) -> None:
    one, two = _capture(b"one"), _capture(b"two")
    db.save(one, [_document(one, language="ru", locator="1"), _document(one, locator="2")])
    db.save(two, [_document(two, language="ru")])
    assert db.counts() == {"captures": 2, "documents": 3, "bytes": 6}
    assert db.counts_by("language") == {"ru": 2, None: 1}
    assert db.counts_by("media_type") == {"text/html": 2}


def test_database_search_limit_must_be_positive(db: Database) -> None:
    with pytest.raises(SettingsError, match="at least 1"):
        db.search("смирнов", limit=0)


# ---- concurrency ----------------------------------------------------------------------------


def _in_threads(count: int, work: Callable[[int], T]) -> list[T]:
    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(work, range(count)))


def test_database_open_concurrently_migrates_once(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'fresh' / 'crosscheck.sqlite'}"
    handles = _in_threads(6, lambda _: Database.open(url))
    for handle in handles:
        assert handle.counts()["captures"] == 0
        handle.close()


def test_database_save_concurrently_stores_once(db_url: str, db: Database) -> None:
    capture = _capture()

    def save(_: int) -> bool:
        with Database.open(db_url) as handle:
            return handle.save(capture, [_document(capture)])

    assert sorted(_in_threads(6, save)) == [False] * 5 + [True]
    assert db.counts()["documents"] == 1
