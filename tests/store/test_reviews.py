"""The claims index: filled with each document's claims, emptied with its documents, and filled
from stored records when an older database is upgraded (migration 0005)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, select

from crosscheck.model import (
    Capture,
    Claim,
    ClaimKind,
    Count,
    Document,
    Facts,
    Modality,
    Person,
    Span,
)
from crosscheck.record import to_record
from crosscheck.store import Database, queries
from crosscheck.store.db import MIGRATIONS
from crosscheck.store.reviews import claim_id, claim_rows
from crosscheck.store.schema import claims, documents

NOW = datetime(2026, 11, 25, tzinfo=UTC)
TEXT = "Hanna Lysenko said two civilians were killed and five were wounded in Zorivka."


def _claim(kind: ClaimKind, words: str, count: Count | None, **fields: Any) -> Claim:
    start = TEXT.index(words)
    return Claim(kind=kind, span=Span(start, start + len(words)), text=words, count=count,
                 extractor="test", **fields)  # fmt: skip


HANNA = Person(key="p1", name="Hanna Lysenko", spellings=("Hanna Lysenko",),
               mentions=(Span(0, 13),), extractor="test")  # fmt: skip
KILLED = _claim(ClaimKind.KILLED, "two civilians were killed", Count(low=2, best=2, high=2),
                claimant="p1")  # fmt: skip
WOUNDED = _claim(ClaimKind.WOUNDED, "five were wounded", Count(low=5), modality=Modality.DENIED)
FACTS = Facts(people=(HANNA,), claims=(KILLED, WOUNDED))


def _capture(text: str = TEXT) -> Capture:
    return Capture.of(text.encode(), media_type="text/plain", captured_at=NOW)


def _save(db: Database, facts: Facts = FACTS, text: str = TEXT) -> Document:
    capture = _capture(text)
    document = Document(capture_sha256=capture.sha256, text=text, source="Zorivka Herald")
    db.save(capture, [document], [facts])
    return document


def _rows(db: Database) -> list[dict[str, Any]]:
    with db.transaction() as connection:
        return [
            dict(row._mapping) for row in connection.execute(select(claims).order_by(claims.c.id))
        ]


def test_claim_id_is_document_span_and_kind() -> None:
    assert claim_id("b0f022d8f9252e5a", {"start": 3, "end": 9, "kind": "killed"}) == (
        "b0f022d8f9252e5a:3-9:killed"
    )


def test_claims_index_filled_on_save(db: Database) -> None:
    document = _save(db)
    killed, wounded = _rows(db)
    assert killed == {
        "id": f"{document.id}:{KILLED.span.start}-{KILLED.span.end}:killed",
        "document_id": document.id, "kind": "killed", "start": KILLED.span.start,
        "end": KILLED.span.end, "claimant": "Hanna Lysenko", "modality": "asserted",
        "low": 2, "best": 2, "high": 2,
    }  # fmt: skip
    assert (wounded["claimant"], wounded["modality"]) == (None, "denied")
    assert (wounded["low"], wounded["best"], wounded["high"]) == (5, None, None)


def test_claims_index_keeps_the_first_of_two_claims_with_one_id(db: Database) -> None:
    again = _claim(ClaimKind.KILLED, "two civilians were killed", Count(low=1, best=1, high=1))
    _save(db, Facts(people=(HANNA,), claims=(KILLED, again)))
    [row] = _rows(db)
    assert (row["low"], row["claimant"]) == (2, "Hanna Lysenko")


def test_claims_index_empty_without_facts(db: Database) -> None:
    capture = _capture()
    db.save(capture, [Document(capture_sha256=capture.sha256, text=TEXT)])
    assert _rows(db) == []


def test_claims_index_emptied_and_refilled_on_replace(db: Database) -> None:
    document = _save(db)
    capture = _capture()
    db.replace_documents(capture, [document], [Facts(claims=(WOUNDED,))])
    [row] = _rows(db)
    assert row["kind"] == "wounded"
    db.replace_documents(capture, [document], [Facts()])
    assert _rows(db) == []


def test_claims_index_delete_touches_only_that_capture(db: Database) -> None:
    _save(db)
    text = "Two civilians were killed and five were wounded in Zorivka, officials said."
    other = _save(db, Facts(claims=(Claim(kind=ClaimKind.KILLED, span=Span(0, 25),
                                          text=text[:25], extractor="test"),)), text)  # fmt: skip
    with db.transaction(write=True) as connection:
        queries.delete_documents(connection, _capture().sha256)
    assert [row["document_id"] for row in _rows(db)] == [other.id]


def test_claim_rows_from_a_record_name_claimants(db: Database) -> None:
    capture = _capture()
    document = Document(capture_sha256=capture.sha256, text=TEXT)
    rows = claim_rows(document.id, to_record(capture, document, FACTS))
    assert [(row["kind"], row["claimant"]) for row in rows] == [
        ("killed", "Hanna Lysenko"), ("wounded", None),
    ]  # fmt: skip


def test_migration_0005_backfills_claims_of_stored_documents(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    # more documents than one backfill chunk (200), each with a claim
    texts = [f"Report {n}: two civilians were killed." for n in range(205)]
    engine = create_engine(url)
    with engine.begin() as connection:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        config.attributes["connection"] = connection
        command.upgrade(config, "0004")
        for text in texts:
            capture = _capture(text)
            document = Document(capture_sha256=capture.sha256, text=text)
            start = text.index("two")
            claim = Claim(kind=ClaimKind.KILLED, span=Span(start, len(text) - 1),
                          text=text[start:-1], extractor="test")  # fmt: skip
            record = to_record(capture, document, Facts(claims=(claim,)))
            queries.insert_capture(connection, capture, now=NOW)
            connection.execute(documents.insert().values(
                id=document.id, capture_sha256=capture.sha256, locator="",
                record=json.dumps(record), created_at=NOW,
            ))  # fmt: skip
    engine.dispose()
    with Database.open(url) as db:
        rows = _rows(db)
    assert len(rows) == len(texts)
    assert {row["kind"] for row in rows} == {"killed"}
    assert all(row["id"].startswith(row["document_id"] + ":") for row in rows)
