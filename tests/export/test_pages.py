"""Reading a whole export page by page gives what the one-list queries give, in their order."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from crosscheck.errors import SettingsError
from crosscheck.export.pages import (
    Selection,
    claim_pages,
    claim_views,
    incident_summaries,
    person_summaries,
)
from crosscheck.review.claims import claims
from crosscheck.store import Database


@pytest.fixture(scope="module")
def linked(linked_path: Path) -> Iterator[Database]:
    with Database.open(f"sqlite:///{linked_path}") as database:
        yield database


@pytest.mark.parametrize("page", [1, 2, 200])
@pytest.mark.parametrize(
    "selection",
    [Selection(), Selection(kind="killed"), Selection(place="ТИХ"),
     Selection(since=datetime(2026, 9, 13, tzinfo=UTC)), Selection(limit=2),
     Selection(place="o", limit=1)],
)  # fmt: skip
def test_incident_pages_match_database_incidents(
    linked: Database, selection: Selection, page: int
) -> None:
    paged = [i["id"] for i in incident_summaries(linked, selection, page=page)]
    listed = linked.incidents(since=selection.since, place=selection.place, kind=selection.kind,
                          limit=selection.limit or 1000)  # fmt: skip
    assert paged == [i["id"] for i in listed]


@pytest.mark.parametrize(("page", "limit"), [(1, None), (3, None), (200, None), (3, 7)])
def test_person_pages_match_database_persons(
    linked: Database, page: int, limit: int | None
) -> None:
    paged = [p["id"] for p in person_summaries(linked, limit=limit, page=page)]
    assert paged == [p["id"] for p in linked.persons(limit=limit or 1000)]


def test_claim_pages_return_every_claim_once(linked: Database) -> None:
    paged = [view.id for view in claim_pages(linked, page=3)]
    assert paged == [view.id for view in claims(linked, limit=10_000)]
    assert len(set(paged)) == len(paged) > 10


def test_claim_views_of_a_place_are_those_of_its_incidents(linked: Database) -> None:
    selection = Selection(place="sukha")
    incidents = {i["id"] for i in incident_summaries(linked, selection)}
    found = list(claim_views(linked, selection, page=2))
    assert found and {view.incident_id for view in found} == incidents
    killed = list(claim_views(linked, Selection(place="sukha", kind="killed"), page=2))
    assert killed and {view.kind for view in killed} == {"killed"}
    assert len(list(claim_views(linked, Selection(limit=5), page=2))) == 5


@pytest.mark.parametrize(
    ("given", "message"),
    [({"limit": 0}, "limit must be at least 1"), ({"kind": "dead"}, "unknown claim kind")],
)
def test_selection_rejects_bad_values(given: dict[str, object], message: str) -> None:
    with pytest.raises(SettingsError, match=message):
        Selection(**given)  # type: ignore[arg-type]


def test_selection_describes_itself() -> None:
    assert Selection().describe() == "all incidents"
    since = datetime(2026, 9, 1, tzinfo=UTC)
    assert Selection(since=since, place="Sukha", kind="killed").describe() == (
        "ending on or after 2026-09-01T00:00:00+00:00, at a place containing 'Sukha', "
        "with a killed claim"
    )
