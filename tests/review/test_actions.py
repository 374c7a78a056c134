"""Analysts' actions: each checks its input, needs a comment, changes one thing and writes
exactly one audit row with before and after, and never touches a document."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from crosscheck.errors import NotFoundError, SettingsError
from crosscheck.model import Capture, Claim, ClaimKind, Document, Facts, Span
from crosscheck.review import actions
from crosscheck.review.audit import AuditEntry, audit_log
from crosscheck.review.claims import claims, person_candidates
from crosscheck.store import Database
from crosscheck.store.schema import audit_log as audit_table
from crosscheck.store.schema import documents

NOW = datetime(2026, 11, 25, tzinfo=UTC)
TEXT = "Two civilians were killed in Zorivka, the Zorivka Herald reported."


@pytest.fixture
def claim_id(db: Database) -> str:
    """The id of the one claim of a stored document whose source is "Zorivka Herald"."""
    capture = Capture.of(TEXT.encode(), media_type="text/plain", captured_at=NOW)
    document = Document(capture_sha256=capture.sha256, text=TEXT, source="Zorivka Herald")
    claim = Claim(kind=ClaimKind.KILLED, span=Span(0, 25), text=TEXT[:25], extractor="test")
    db.save(capture, [document], [Facts(claims=(claim,))])
    return f"{document.id}:0-25:killed"


def _audit_rows(db: Database) -> int:
    with db.transaction() as connection:
        return connection.scalar(select(func.count()).select_from(audit_table)) or 0


def _records(db: Database) -> list[str]:
    with db.transaction() as connection:
        return list(connection.scalars(select(documents.c.record).order_by(documents.c.id)))


def _only_entry(db: Database) -> AuditEntry:
    [entry] = audit_log(db)
    return entry


def test_review_claim_sets_status_and_writes_its_audit_row(db: Database, claim_id: str) -> None:
    records = _records(db)
    view = actions.review_claim(db, claim_id, "verified", comment="  two sources  ", user="ann")
    assert (view.status, view.reviewed_by, view.credibility) == ("verified", "ann", None)
    entry = _only_entry(db)
    assert (entry.action, entry.target_kind, entry.target_id) == ("review", "claim", claim_id)
    assert (entry.username, entry.comment) == ("ann", "two sources")
    assert entry.before == {"status": "unreviewed", "credibility": None}
    assert entry.after == {"status": "verified", "credibility": None}
    assert entry.diff == [("status", "unreviewed", "verified")]
    assert _records(db) == records  # a verdict never changes the extracted facts


def test_review_claim_again_starts_from_the_last_verdict(db: Database, claim_id: str) -> None:
    actions.review_claim(db, claim_id, "verified", comment="seen it", user="ann")
    actions.review_claim(db, claim_id, "disputed", comment="a second report differs", user="bo")
    latest, first = audit_log(db)
    assert latest.diff == [("status", "verified", "disputed")]
    assert (latest.username, first.username) == ("bo", "ann")


def test_grade_claim_keeps_the_status(db: Database, claim_id: str) -> None:
    actions.review_claim(db, claim_id, "verified", comment="seen it", user="ann")
    view = actions.grade_claim(db, claim_id, 2, comment="probably true", user="ann")
    assert (view.status, view.credibility) == ("verified", 2)
    entry = audit_log(db)[0]
    assert (entry.action, entry.diff) == ("grade_claim", [("credibility", None, 2)])
    assert entry.after == {"status": "verified", "credibility": 2}


def test_grade_source_and_its_claims(db: Database, claim_id: str) -> None:
    grade = actions.grade_source(db, "Zorivka Herald", " b ", comment="good record", user="ann")
    assert (grade.source, grade.reliability, grade.updated_by) == ("Zorivka Herald", "B", "ann")
    assert actions.source_grades(db) == [grade]
    assert claims(db)[0].reliability == "B"
    actions.grade_source(db, "Zorivka Herald", "C", comment="one retraction", user="bo")
    latest, first = audit_log(db, target_kind="source")
    assert first.diff == [("reliability", None, "B")]
    assert latest.diff == [("reliability", "B", "C")]
    assert latest.to_json()["diff"] == [["reliability", "B", "C"]]
    assert [g.reliability for g in actions.source_grades(db)] == ["C"]


def _review(db: Database, claim_id: str, comment: str) -> object:
    return actions.review_claim(db, claim_id, "verified", comment=comment, user="ann")


def _grade(db: Database, claim_id: str, comment: str) -> object:
    return actions.grade_claim(db, claim_id, 3, comment=comment, user="ann")


def _source(db: Database, claim_id: str, comment: str) -> object:
    return actions.grade_source(db, "Zorivka Herald", "A", comment=comment, user="ann")


ACTIONS = [_review, _grade, _source]


@pytest.mark.parametrize("act", ACTIONS)
@pytest.mark.parametrize("comment", ["", "   \n"])
def test_actions_require_a_comment(
    db: Database, claim_id: str, act: Callable[..., object], comment: str
) -> None:
    with pytest.raises(SettingsError, match="needs a comment"):
        act(db, claim_id, comment)
    assert _audit_rows(db) == 0
    assert claims(db)[0].status == "unreviewed"


@pytest.mark.parametrize(
    ("act", "message"),
    [
        (lambda db, c: actions.review_claim(db, c, "maybe", comment="x", user="ann"),  # type: ignore[arg-type]
         "unknown status 'maybe'"),
        (lambda db, c: actions.grade_claim(db, c, 0, comment="x", user="ann"),
         "credibility must be 1 to 6, got 0"),
        (lambda db, c: actions.grade_claim(db, c, 7, comment="x", user="ann"),
         "credibility must be 1 to 6, got 7"),
        (lambda db, c: actions.grade_claim(db, c, True, comment="x", user="ann"),
         "credibility must be 1 to 6, got True"),
        (lambda db, c: actions.grade_source(db, "Zorivka Herald", "G", comment="x", user="ann"),
         "reliability must be one of A to F, got 'G'"),
        (lambda db, c: actions.grade_source(db, "Zorivka Herald", "AB", comment="x", user="ann"),
         "reliability must be one of A to F, got 'AB'"),
        (lambda db, c: actions.review_claim(db, c, "verified", comment="x", user=" "),
         "needs the name of who made it"),
        (lambda db, c: actions.decide(db, "place", "a", "b", same=True, comment="x", user="ann"),  # type: ignore[arg-type]
         "unknown kind 'place'"),
    ],
)  # fmt: skip
def test_actions_refuse_bad_values(
    db: Database, claim_id: str, act: Callable[[Database, str], Any], message: str
) -> None:
    with pytest.raises(SettingsError, match=message):
        act(db, claim_id)
    assert _audit_rows(db) == 0


@pytest.mark.parametrize(
    ("act", "message"),
    [
        (lambda db: actions.review_claim(db, "0000:1-2:killed", "verified", comment="x",
                                         user="ann"), "no claim '0000:1-2:killed'"),
        (lambda db: actions.grade_claim(db, "0000:1-2:killed", 1, comment="x", user="ann"),
         "no claim '0000:1-2:killed'"),
        (lambda db: actions.grade_source(db, "Nobody's Gazette", "A", comment="x", user="ann"),
         "no document has the source \"Nobody's Gazette\""),
        (lambda db: actions.decide(db, "incident", "0000", "1111", same=True, comment="x",
                                   user="ann"), "no linked document 0000"),
        (lambda db: actions.undo_decision(db, "person", "0000/p1", "1111/p1", comment="x",
                                          user="ann"), "no decision about persons"),
    ],
)  # fmt: skip
def test_actions_on_unknown_targets_change_nothing(
    db: Database, claim_id: str, act: Callable[[Database], Any], message: str
) -> None:
    with pytest.raises(NotFoundError, match=message):
        act(db)
    assert _audit_rows(db) == 0


def test_decide_merge_and_undo_persons_with_their_audit_rows(linked_copy: Path) -> None:
    with Database.open(f"sqlite:///{linked_copy}") as db:
        pair = person_candidates(db, limit=1)[0]
        records = _records(db)
        actions.decide(db, "person", pair.a, pair.b, same=True, comment="same medic", user="ann")
        merged = audit_log(db, target_kind="person", target_id=pair.b)[0]
        assert (merged.action, merged.username, merged.comment) == ("merge", "ann", "same medic")
        assert merged.before == {pair.a: pair.a_person, pair.b: pair.b_person}
        assert merged.after is not None
        assert merged.after[pair.a] == merged.after[pair.b]
        assert merged.diff  # one of the two moved
        actions.undo_decision(db, "person", pair.a, pair.b, comment="too hasty", user="bo")
        undone = audit_log(db, target_kind="person", target_id=pair.b)[0]
        assert (undone.action, undone.before, undone.after) == (
            "undo_merge", merged.after, merged.before,
        )  # fmt: skip
        assert _records(db) == records
        assert len(audit_log(db)) == 2


def test_decide_split_takes_a_document_out_of_its_incident(linked_copy: Path) -> None:
    with Database.open(f"sqlite:///{linked_copy}") as db:
        incident = next(i for i in db.incidents(limit=100) if len(i["documents"]) > 1)
        members = sorted(document["id"] for document in incident["documents"])
        leaving = next(d for d in members if d != incident["id"])
        actions.decide(db, "incident", leaving, incident["id"], same=False,
                       comment="another day", user="ann")  # fmt: skip
        [entry] = audit_log(db, target_kind="incident", target_id=incident["id"])
        assert entry.action == "split"
        assert entry.before == {leaving: incident["id"], incident["id"]: incident["id"]}
        assert entry.after is not None and entry.after[leaving] != incident["id"]
        assert entry.diff == [(leaving, incident["id"], entry.after[leaving])]


def test_decide_failing_writes_no_audit_row(linked_copy: Path) -> None:
    with Database.open(f"sqlite:///{linked_copy}") as db:
        pair = person_candidates(db, limit=1)[0]
        with pytest.raises(SettingsError, match="and itself"):
            actions.decide(db, "person", pair.a, pair.a, same=True, comment="x", user="ann")
        assert audit_log(db) == []
