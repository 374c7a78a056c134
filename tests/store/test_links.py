"""Linking's named queries: the queue of documents to link, blocks that stay small, links."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import insert, select

from crosscheck.model import Capture, Document
from crosscheck.store import Database, links
from crosscheck.store.schema import link_queue, person_members

NOW = datetime(2026, 11, 25, tzinfo=UTC)


def _store(db: Database, text: str) -> str:
    capture = Capture.of(text.encode(), media_type="text/plain", captured_at=NOW)
    document = Document(capture_sha256=capture.sha256, text=text)
    db.save(capture, [document])
    return document.id


def _profile(document_id: str) -> links.StoredProfile:
    return links.StoredProfile(document_id=document_id, profile={}, signature=b"", seen=NOW,
                               incident_id=None, copy_of=None)  # fmt: skip


def test_links_unlinked_are_the_queued_documents_without_a_profile(db: Database) -> None:
    first, second = _store(db, "one"), _store(db, "two")
    with db.transaction(write=True) as connection:
        assert set(links.unlinked(connection, limit=10)) == {first, second}
        links.insert_profile(connection, _profile(first), now=NOW)
        assert links.unlinked(connection, limit=10) == [second]
        assert set(connection.scalars(select(link_queue.c.document_id))) == {second}


def test_links_queue_all_and_tidy_keep_the_queue_to_the_work_left(db: Database) -> None:
    first, second = _store(db, "one"), _store(db, "two")
    with db.transaction(write=True) as connection:
        links.insert_profile(connection, _profile(first), now=NOW)
        links.queue_all(connection)  # as relink does, before it deletes the profiles
        assert set(connection.scalars(select(link_queue.c.document_id))) == {first, second}
        assert links.unlinked(connection, limit=10) == [second]
        links.tidy_queue(connection)
        assert set(connection.scalars(select(link_queue.c.document_id))) == {second}


def _member(member: str, name_key: str, day: int | None) -> dict[str, object]:
    return {"member": member, "document_id": member.split("/")[0], "name_key": name_key,
            "surname_key": name_key.split()[-1], "attributes": "{}", "person_id": member,
            "day": day}  # fmt: skip


def test_links_namesakes_are_the_nearest_in_time_then_undated(db: Database) -> None:
    rows = [_member(f"d{day:03d}/p1", "ivan petrov", day) for day in range(0, 100, 2)]
    rows += [_member("undated/p1", "ivan petrov", None), _member("x/p1", "oleg petrov", 50)]
    rows += [_member("i/p1", "i petrov", 10), _member("iv/p1", "i v petrov", None)]
    with db.transaction(write=True) as connection:
        connection.execute(insert(person_members), rows)
        near = links.namesakes(connection, "petrov", name_key="ivan petrov", day=51)
        assert len(near) == links.NAMESAKE_LIMIT
        assert {r["day"] for r in near} == set(range(32, 72, 2))
        few = links.namesakes(connection, "petrov", name_key="ivan petrov", day=None)
        assert few[0]["day"] == 98
        initials = links.namesakes(connection, "petrov", initial="i", day=51)
        assert [r["member"] for r in initials] == ["i/p1", "iv/p1"]
        everyone = links.namesakes(connection, "petrov", day=None)
        assert len(everyone) == links.NAMESAKE_LIMIT


def test_links_edges_are_found_by_either_end_and_replaced(db: Database) -> None:
    def edge(a: str, b: str, score: float) -> links.Edge:
        return links.Edge(kind="person", a=a, b=b, origin="machine", verdict="candidate",
                          score=score, features={})  # fmt: skip

    with db.transaction(write=True) as connection:
        links.insert_edges(connection, [edge("b", "a", 0.3), edge("b", "c", 0.5)], now=NOW)
        links.insert_edge(connection, edge("a", "b", 0.7), now=NOW)
        found = links.edges(connection, "person", {"b"})
    assert [(e.a, e.b, e.score) for e in found] == [("a", "b", 0.7), ("b", "c", 0.5)]


def test_links_documents_under_a_window_skip_what_ended_before_it(db: Database) -> None:
    filed = {
        "before": (90, 95),  # ended five days before the window's last days begin
        "spans": (60, 101),  # began long before, still going
        "inside": (100, 100),
        "long": (None, 150),  # longer than a window of first days: filed without one
        "long_before": (None, 50),
        "unknown": (None, None),
        "after": (130, 130),  # begins after the window's first days end
    }
    window = links.Window(first=(40, 110), last_from=100)
    with db.transaction(write=True) as connection:
        for document_id, days in filed.items():
            links.insert_keys(connection, document_id, ["place:1"], days)
        found = links.documents_under(connection, {"place:1"}, window)
        newest = links.documents_under(connection, {"place:1"}, None)
    assert found == {"spans", "inside", "long", "unknown"}
    assert newest == set(filed)
