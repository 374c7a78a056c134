"""Claims as analysts see them, the review queues, and verdicts that outlive a rebuild."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from crosscheck.cli import app
from crosscheck.errors import NotFoundError, SettingsError
from crosscheck.model import Capture, Claim, ClaimKind, Count, Document, Facts, Person, Span
from crosscheck.review import actions
from crosscheck.review.claims import (
    ClaimView,
    claim,
    claim_id,
    claims,
    person_candidates,
    queue_sizes,
)
from crosscheck.store import Database, links
from crosscheck.store.schema import documents

NOW = datetime(2026, 11, 25, tzinfo=UTC)
TEXT = "Hanna Lysenko said two civilians were killed and five were wounded in Zorivka."
ROOT = Path(__file__).resolve().parents[2]
CLIP = ROOT / "samples" / "captures" / "clips" / "001_ea47ea91293ee860.txt"


def _claim(text: str, kind: ClaimKind, words: str, **fields: object) -> Claim:
    start = text.index(words)
    return Claim(kind=kind, span=Span(start, start + len(words)), text=words, extractor="test",
                 **fields)  # type: ignore[arg-type]  # fmt: skip


def _save(db: Database, text: str = TEXT, *, source: str | None = "Zorivka Herald") -> str:
    """A document with a killed claim by Hanna Lysenko and a wounded one; its id."""
    capture = Capture.of(text.encode(), media_type="text/plain", captured_at=NOW)
    document = Document(capture_sha256=capture.sha256, text=text, source=source, title="Zorivka")
    hanna = Person(key="p1", name="Hanna Lysenko", spellings=("Hanna Lysenko",),
                   mentions=(Span(0, 13),), extractor="test")  # fmt: skip
    facts = Facts(people=(hanna,), claims=(
        _claim(text, ClaimKind.KILLED, "two civilians were killed", claimant="p1",
               count=Count(low=2, best=2, high=2)),
        _claim(text, ClaimKind.WOUNDED, "five were wounded", count=Count(low=5, best=5, high=5)),
    ))  # fmt: skip
    db.save(capture, [document], [facts])
    return document.id


def test_claim_view_slices_its_evidence_from_the_text(db: Database) -> None:
    document_id = _save(db)
    start = TEXT.index("two civilians")
    view = claim(db, f"{document_id}:{start}-{start + 25}:killed")
    assert view == ClaimView(
        id=f"{document_id}:{start}-{start + 25}:killed", document_id=document_id, kind="killed",
        start=start, end=start + 25, text="two civilians were killed", claimant="Hanna Lysenko",
        modality="asserted", low=2, best=2, high=2, incident_id=None, source="Zorivka Herald",
        title="Zorivka", status="unreviewed", credibility=None, reliability=None,
        reviewed_by=None, reviewed_at=None,
    )  # fmt: skip
    assert view.to_json()["text"] == "two civilians were killed"


def test_claim_unknown_names_the_id(db: Database) -> None:
    with pytest.raises(NotFoundError, match="no claim 'abc:1-2:killed'"):
        claim(db, "abc:1-2:killed")


def test_claims_filter_by_document_kind_and_status(db: Database) -> None:
    first = _save(db)
    second = _save(db, TEXT.replace("Zorivka", "Staryi Brid"))
    assert len(claims(db)) == 4
    assert {v.document_id for v in claims(db, document_id=second)} == {second}
    assert [v.kind for v in claims(db, document_id=first)] == ["killed", "wounded"]
    assert {v.kind for v in claims(db, kind="wounded")} == {"wounded"}
    killed = claims(db, document_id=first, kind="killed")[0]
    actions.review_claim(db, killed.id, "disputed", comment="figures differ", user="ann")
    assert [v.id for v in claims(db, status="disputed")] == [killed.id]
    assert killed.id not in {v.id for v in claims(db, status="unreviewed")}
    assert len(claims(db, status="unreviewed")) == 3
    actions.review_claim(db, killed.id, "unreviewed", comment="take it back", user="ann")
    assert len(claims(db, status="unreviewed")) == 4


def test_claims_pages_with_limit_and_offset(db: Database) -> None:
    _save(db)
    _save(db, TEXT.replace("Zorivka", "Staryi Brid"))
    everything = [v.id for v in claims(db)]
    assert [v.id for v in claims(db, limit=3)] + [v.id for v in claims(db, offset=3)] == everything


def test_claims_filter_by_incident(db: Database) -> None:
    first = _save(db)
    second = _save(db, TEXT.replace("Zorivka", "Staryi Brid"))
    with db.transaction(write=True) as connection:
        for document_id in (first, second):
            links.insert_profile(connection, links.StoredProfile(
                document_id=document_id, profile={}, signature=b"", seen=NOW,
                incident_id=first, copy_of=None if document_id == first else first,
            ), now=NOW)  # fmt: skip
    assert {v.document_id for v in claims(db, incident_id=first)} == {first, second}
    assert {v.incident_id for v in claims(db)} == {first}
    assert claims(db, incident_id=second) == []


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"status": "maybe"}, "unknown status 'maybe'"),
        ({"kind": "shelled"}, "unknown claim kind 'shelled'"),
        ({"limit": 0}, "limit must be at least 1, got 0"),
        ({"offset": -1}, "offset must be at least 0, got -1"),
    ],
)
def test_claims_refuse_bad_filters(db: Database, options: dict[str, object], message: str) -> None:
    with pytest.raises(SettingsError, match=message):
        claims(db, **options)  # type: ignore[arg-type]


def test_claim_view_carries_its_source_grade(db: Database) -> None:
    document_id = _save(db)
    _save(db, TEXT.replace("Zorivka", "Staryi Brid"), source=None)
    actions.grade_source(db, "Zorivka Herald", "B", comment="long record", user="ann")
    graded = {v.document_id: v.reliability for v in claims(db)}
    assert graded[document_id] == "B"
    assert set(graded.values()) == {"B", None}


def test_queue_sizes_count_unreviewed_and_disputed_claims(db: Database) -> None:
    document_id = _save(db)
    assert queue_sizes(db) == {"claims_unreviewed": 2, "claims_disputed": 0, "person_candidates": 0}
    killed, wounded = claims(db, document_id=document_id)
    actions.review_claim(db, killed.id, "disputed", comment="two versions", user="ann")
    actions.grade_claim(db, wounded.id, 3, comment="possibly", user="ann")  # graded, unreviewed
    assert queue_sizes(db) == {"claims_unreviewed": 1, "claims_disputed": 1, "person_candidates": 0}


def test_person_candidates_are_the_unsettled_candidate_links(linked_path: Path) -> None:
    with Database.open(f"sqlite:///{linked_path}") as db:
        found = person_candidates(db, limit=1000)
        assert found, "the samples hold people the machine could not merge on its own"
        assert len(found) == queue_sizes(db)["person_candidates"]
        for candidate in found:
            assert candidate.a_person != candidate.b_person
            assert candidate.a_name and candidate.b_name
            assert 0 < candidate.score < 1
            assert "keys" in candidate.features
        assert [c.score for c in found] == sorted((c.score for c in found), reverse=True)
        assert len(person_candidates(db, limit=1)) == 1


def test_person_candidates_leave_the_queue_once_decided(linked_copy: Path) -> None:
    with Database.open(f"sqlite:///{linked_copy}") as db:
        before = queue_sizes(db)["person_candidates"]
        first = person_candidates(db, limit=1)[0]
        actions.decide(db, "person", first.a, first.b, same=False, comment="two men", user="ann")
        remaining = person_candidates(db, limit=1000)
        assert (first.a, first.b) not in {(c.a, c.b) for c in remaining}
        assert len(remaining) == queue_sizes(db)["person_candidates"] < before


def test_person_candidates_refuse_a_bad_limit(db: Database) -> None:
    with pytest.raises(SettingsError, match="limit must be at least 1"):
        person_candidates(db, limit=0)


def test_verdict_survives_rebuild(tmp_path: Path) -> None:
    """Re-running extraction deletes and re-inserts the document and its claims; the verdict,
    keyed by the claim's span, is still attached to the same claim afterwards."""
    url = f"sqlite:///{tmp_path / 'rebuild.sqlite'}"
    runner = CliRunner()
    ingested = runner.invoke(app, ["ingest", str(CLIP), "--db", url, "--captured-at",
                                   "2026-09-16T08:00:00Z"])  # fmt: skip
    assert ingested.exit_code == 0, ingested.output
    with Database.open(url) as db:
        target = claims(db, kind="killed")[0]
        actions.review_claim(db, target.id, "verified", comment="matches the medic", user="ann")
        actions.grade_claim(db, target.id, 2, comment="probably true", user="ann")
    rebuilt = runner.invoke(app, ["rebuild", "--db", url])
    assert rebuilt.exit_code == 0, rebuilt.output
    with Database.open(url) as db:
        again = claim(db, target.id)
        assert (again.status, again.credibility, again.reviewed_by) == ("verified", 2, "ann")
        assert again.text == target.text
        assert len(claims(db)) == len({v.id for v in claims(db)}) > 0


def test_claims_index_holds_every_claim_of_the_stored_records(linked_path: Path) -> None:
    with Database.open(f"sqlite:///{linked_path}") as db:
        indexed = {v.id: v for v in claims(db, limit=10_000)}
        with db.transaction() as connection:
            ids = list(connection.scalars(select(documents.c.id)))
        expected = set()
        for document_id in ids:
            record = db.record(document_id)
            for fact in record["claims"]:
                key = claim_id(document_id, fact)
                expected.add(key)
                assert indexed[key].text == fact["text"]
                assert indexed[key].incident_id == fact["incident"]
    assert set(indexed) == expected
