"""Summaries kept up to date one document at a time are what summarising all members gives.

The samples are linked one file at a time, so that most documents join an incident that is
already summarised (``ledger.grow``), join a person (``persons.grow``) or add a review candidate
to a person (``summaries.add_candidates``). Every stored summary must then be exactly, byte for
byte, what summarising every member again writes, and what linking all documents again
(``relink``) writes; so too after analysts' decisions.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from crosscheck import pipeline
from crosscheck.extract import Extractor
from crosscheck.link import ledger, link_pending, persons, relink, summaries
from crosscheck.link.decisions import decide, undo
from crosscheck.store import Database
from crosscheck.store.schema import incidents, person_members
from crosscheck.store.schema import persons as persons_table

ROOT = Path(__file__).resolve().parents[2]
CAPTURES = ROOT / "samples" / "captures"
SHARED_SAMPLES = ROOT.parent / "shared" / "samples"
WHEN = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)

#: incidents' summaries and tallies, persons' summaries: as stored, by id
Stored = tuple[dict[str, tuple[str, Any]], dict[str, str]]


@cache
def _extractor() -> Extractor:
    return Extractor()


def _files() -> list[Path]:
    folders = [CAPTURES, SHARED_SAMPLES / "smirnov", SHARED_SAMPLES / "other"]
    found = [p for folder in folders if folder.is_dir() for p in sorted(folder.rglob("*"))]
    return [p for p in found if p.is_file() and not p.name.startswith(".")]


@pytest.fixture(scope="module", params=["one file at a time", "all at once"])
def grown(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Database, dict[str, int]]]:
    """The samples linked one file at a time, newest first, or all in one run (oldest first),
    counting the summaries that grew."""
    db = Database.open(f"sqlite:///{tmp_path_factory.mktemp('grown') / 'crosscheck.sqlite'}")
    batches = [[p] for p in reversed(_files())] if request.param != "all at once" else [_files()]
    counted = {"grown": 0, "joined": 0, "candidates": 0}
    grow, join, add_candidates = ledger.grow, persons.grow, summaries.add_candidates

    def counting_grow(*args: Any) -> Any:
        result = grow(*args)
        counted["grown"] += result is not None
        return result

    def counting_join(*args: Any) -> Any:
        counted["joined"] += 1
        return join(*args)

    def counting_candidates(connection: Any, *args: Any, **kwargs: Any) -> None:
        before = _persons(connection)
        add_candidates(connection, *args, **kwargs)
        counted["candidates"] += _persons(connection) != before

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ledger, "grow", counting_grow)
        patch.setattr(persons, "grow", counting_join)
        patch.setattr(summaries, "add_candidates", counting_candidates)
        options = pipeline.Options(captured_at=WHEN, extractor=_extractor())
        for batch in batches:
            assert pipeline.run([str(path) for path in batch], db, options).ok
            link_pending(db)
    yield db, counted
    db.close()


def _persons(connection: Any) -> dict[str, str]:
    return dict(connection.execute(select(persons_table.c.id, persons_table.c.summary)).all())


def _stored(db: Database) -> Stored:
    with db.transaction() as connection:
        rows = connection.execute(select(incidents.c.id, incidents.c.summary, incidents.c.tally))
        found = {row.id: (row.summary, json.loads(row.tally)) for row in rows}
        return found, _persons(connection)


def _summarised_whole(db: Database) -> Stored:
    """Every summary as summarising all its members again writes it (then rolled back)."""
    now = datetime.now(UTC)
    with db.transaction(write=True) as connection:
        savepoint = connection.begin_nested()
        every = set(connection.scalars(select(incidents.c.id)))
        members = set(connection.scalars(select(person_members.c.member)))
        renamed, _ = summaries.refresh_persons(connection, members, now=now)
        summaries.refresh_incidents(connection, every, every, now=now)
        rows = connection.execute(select(incidents.c.id, incidents.c.summary, incidents.c.tally))
        found = {row.id: (row.summary, json.loads(row.tally)) for row in rows}
        result = found, _persons(connection)
        savepoint.rollback()
    assert renamed == set()  # the persons were as clustering all members makes them
    return result


def test_summaries_grown_one_document_at_a_time_are_summarised_whole(
    grown: tuple[Database, dict[str, int]],
) -> None:
    db, counted = grown
    assert min(counted.values()) > 0  # the incremental paths ran, and below they agree
    stored = _stored(db)
    assert stored[0] and stored[1]
    assert stored == _summarised_whole(db)


def test_summaries_after_decisions_are_summarised_whole(
    grown: tuple[Database, dict[str, int]],
) -> None:
    db, _ = grown
    with db.transaction() as connection:
        incident_ids = sorted(connection.scalars(select(incidents.c.id)))
        rows = connection.execute(select(person_members.c.member, person_members.c.person_id))
        by_person: dict[str, list[str]] = {}
        for member, person_id in rows:
            by_person.setdefault(person_id, []).append(member)
    big, other = sorted(by_person.values(), key=lambda members: (-len(members), min(members)))[:2]
    a, b = incident_ids[:2]
    decide(db, "incident", a, b, same=True, comment="one strike")
    assert _stored(db) == _summarised_whole(db)
    decide(db, "person", max(big), min(big), same=False, comment="a namesake")
    assert _stored(db) == _summarised_whole(db)
    # the merged person takes the smaller id in every document that names either
    decide(db, "person", min(other), min(big), same=True, comment="the same man")
    assert _stored(db) == _summarised_whole(db)
    for kind, x, y in (("incident", a, b), ("person", max(big), min(big)),
                       ("person", min(other), min(big))):  # fmt: skip
        undo(db, kind, x, y)  # type: ignore[arg-type]
        assert _stored(db) == _summarised_whole(db)


def test_summaries_grown_are_what_relinking_writes(
    grown: tuple[Database, dict[str, int]],
) -> None:
    db, _ = grown
    before = _stored(db)
    relink(db)
    assert _stored(db) == before
