"""Full-text search: ranking, Cyrillic case folding, snippets, and user input that is never
FTS5 syntax."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crosscheck.model import Capture, Document, Precision, Published
from crosscheck.store import Database, SearchHit

CAPTURED = datetime(2024, 5, 2, 12, tzinfo=UTC)
LONG = " ".join(f"word{n}" for n in range(40)) + " evacuation " + " ".join(["filler"] * 40)


def _save(db: Database, content: str, *documents: tuple[str | None, str]) -> list[str]:
    """Save a capture of ``content`` with one document per (title, text); their ids."""
    capture = Capture.of(content.encode(), media_type="text/plain", captured_at=CAPTURED)
    built = [
        Document(capture_sha256=capture.sha256, locator=str(n), title=title, text=text)
        for n, (title, text) in enumerate(documents)
    ]
    db.save(capture, built)
    return [d.id for d in built]


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, dict[str, str]]]:
    """A database shared by the read-only tests, and the ids of its documents by name."""
    db = Database.open(f"sqlite:///{tmp_path_factory.mktemp('search') / 'crosscheck.sqlite'}")
    names = ["title", "text", "smirnov", "long"]
    ids = _save(
        db,
        "library",
        ("Evacuation of Bakhmut", "Buses left at dawn."),
        ("Morning report", "The evacuation went on all night, buses again."),
        ("Ранения", "Иван смирнов был ранен под Бахмутом."),
        ("Long", LONG),
    )
    yield db, dict(zip(names, ids, strict=True))
    db.close()


def _ids(hits: list[SearchHit]) -> list[str]:
    return [hit.document_id for hit in hits]


def test_search_ranks_title_above_text(library: tuple[Database, dict[str, str]]) -> None:
    db, ids = library
    hits = db.search("evacuation")
    assert _ids(hits)[:2] == [ids["title"], ids["text"]]
    assert hits[0].score > hits[1].score
    assert hits[0].title == "Evacuation of Bakhmut"


@pytest.mark.parametrize("query", ["Смирнов", "СМИРНОВ", "смирнов", "бахмутом СМИРНОВ"])
def test_search_folds_cyrillic_case(library: tuple[Database, dict[str, str]], query: str) -> None:
    db, ids = library
    assert _ids(db.search(query)) == [ids["smirnov"]]


def test_search_needs_every_word(library: tuple[Database, dict[str, str]]) -> None:
    db, ids = library
    assert set(_ids(db.search("evacuation buses"))) == {ids["title"], ids["text"]}
    assert _ids(db.search("evacuation night")) == [ids["text"]]
    assert db.search("evacuation смирнов") == []


def test_search_snippet_marks_terms(library: tuple[Database, dict[str, str]]) -> None:
    db, ids = library
    hit = next(h for h in db.search("evacuation") if h.document_id == ids["text"])
    assert hit.snippet == "The [evacuation] went on all night, buses again."


def test_search_snippet_shortens_long_text(library: tuple[Database, dict[str, str]]) -> None:
    db, ids = library
    hit = next(h for h in db.search("evacuation") if h.document_id == ids["long"])
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert "[evacuation]" in hit.snippet
    assert len(hit.snippet.split()) <= 12


def test_search_limit(library: tuple[Database, dict[str, str]]) -> None:
    db, _ = library
    assert len(db.search("evacuation", limit=1)) == 1


@pytest.mark.parametrize("query", ["", "   ", "\t\n", '"', "-", ":", "*", "()", '""'])
def test_search_without_words_finds_nothing(
    library: tuple[Database, dict[str, str]], query: str
) -> None:
    db, _ = library
    assert db.search(query) == []


@pytest.mark.parametrize(
    ("query", "finds"),
    [
        ('"evacuation', True),
        ("evacuation*", True),
        ("-evacuation", True),
        ("evacuation:", True),
        ("^evacuation", True),
        ("(evacuation)", True),
        ("evac\x00uation", False),
        ("AND OR", False),
        ("evacuation AND", False),
        ("evacuation OR buses", False),
        ("NEAR(evacuation buses)", False),
        ("NEAR(evacuation buses, 2)", False),
        ("title:evacuation", False),
        ("{title text}: evacuation", False),
        ("'evacuation'", True),
        ("evacuation NOT buses", False),
    ],
)
def test_search_hostile_query(
    library: tuple[Database, dict[str, str]], query: str, finds: bool
) -> None:
    db, ids = library
    assert (ids["title"] in _ids(db.search(query))) is finds


@settings(deadline=None, max_examples=300)
@given(query=st.text())
def test_search_any_text_is_a_query(library: tuple[Database, dict[str, str]], query: str) -> None:
    db, _ = library
    assert all(isinstance(hit, SearchHit) for hit in db.search(query))


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    db = Database.open(f"sqlite:///{tmp_path_factory.mktemp('scratch') / 'crosscheck.sqlite'}")
    yield db
    db.close()


# Letters that Unicode reclassified after SQLite's unicode61 tables were made: still marks
# there, so a word of only these has no tokens (New Tai Lue vowel signs, two Vedic signs).
NOT_LETTERS_TO_SQLITE = [*map(chr, range(0x19B0, 0x19C1)), "\u19c8", "\u19c9", "\u1cf2", "\u1cf3"]
LETTERS = st.characters(categories=["L", "N"], exclude_characters=NOT_LETTERS_TO_SQLITE)


@settings(deadline=None)
@given(word=st.text(LETTERS, min_size=1, max_size=20))
def test_search_finds_any_stored_word(scratch: Database, word: str) -> None:
    [document_id] = _save(scratch, f"clip {word}", (None, f"before {word} after"))
    assert document_id in _ids(scratch.search(word, limit=1000))


def test_search_follows_replace_documents(db: Database) -> None:
    capture = Capture.of(b"clip", media_type="text/plain", captured_at=CAPTURED)
    db.save(capture, [Document(capture_sha256=capture.sha256, text="первая версия")])
    assert len(db.search("первая")) == 1
    published = Published(
        start=datetime(2024, 5, 1, 9, tzinfo=timezone(timedelta(hours=3))),
        end=datetime(2024, 5, 1, 10, tzinfo=timezone(timedelta(hours=3))),
        precision=Precision.HOUR,
        phrase="1 мая, 9:00",
        method="absolute",
    )
    new = Document(capture_sha256=capture.sha256, text="вторая версия", published=published)
    db.replace_documents(capture, [new])
    assert db.search("первая") == []
    [hit] = db.search("ВТОРАЯ")
    assert (hit.document_id, hit.published) == (new.id, "2024-05-01T09:00:00+03:00")
