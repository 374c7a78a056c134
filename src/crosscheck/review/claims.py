"""Claims as analysts review them: the extracted claim, its evidence, where it stands.

A ``ClaimView`` joins what extraction found (the claims index, filled with each document) with
what analysts decided (``claim_reviews``, ``source_grades``), read in one query. The verdict is a
record of its own, keyed by the claim's span id; it never changes the extracted claim.

The review queues: claims nobody has reviewed yet, claims marked disputed, and the person
candidates, pairs the machine thought might be one person but never merges on its own.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any, Literal

from crosscheck.errors import NotFoundError, SettingsError
from crosscheck.model import ClaimKind
from crosscheck.store import Database, reviews
from crosscheck.store.reviews import claim_id

__all__ = [
    "STATUSES",
    "ClaimView",
    "PersonCandidate",
    "Status",
    "claim",
    "claim_id",
    "claims",
    "person_candidates",
    "queue_sizes",
]

Status = Literal["unreviewed", "verified", "disputed", "rejected"]
STATUSES: tuple[Status, ...] = ("unreviewed", "verified", "disputed", "rejected")


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimView:
    """One claim with its evidence and the analysts' verdict on it and its source."""

    id: str
    document_id: str
    kind: str
    start: int
    end: int
    text: str  # the evidence: the document's text from start to end
    claimant: str | None  # the claimant's name as the document gives it
    modality: str
    low: int | None
    best: int | None
    high: int | None
    incident_id: str | None  # None: not linked, or the document reports no event
    source: str | None  # the document's outlet
    title: str | None
    status: Status
    credibility: int | None  # Admiralty information credibility, 1-6
    reliability: str | None  # Admiralty source reliability of ``source``, A-F
    reviewed_by: str | None
    reviewed_at: datetime | None

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["reviewed_at"] = None if self.reviewed_at is None else self.reviewed_at.isoformat()
        return data


@dataclass(frozen=True, slots=True, kw_only=True)
class PersonCandidate:
    """Two people the machine thinks may be one person (a ``candidate`` link), for review."""

    a: str  # a member: "<document id>/p1"
    b: str
    a_person: str  # the person each member belongs to now
    a_name: str
    b_person: str
    b_name: str
    score: float
    features: dict[str, Any]  # why the machine linked them

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def claim(db: Database, claim_id: str) -> ClaimView:
    """One claim by its id ("<document id>:<start>-<end>:<kind>")."""
    found = _views(db, reviews.select_claims(ids={claim_id}))
    if not found:
        raise NotFoundError(f"no claim {claim_id!r}")
    return found[0]


def claims(
    db: Database,
    *,
    document_id: str | None = None,
    incident_id: str | None = None,
    status: Status | None = None,
    kind: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[ClaimView]:
    """Claims in document and span order, of one document, one incident, one status (the
    ``unreviewed`` have no verdict yet) and one kind when given."""
    check_status(status)
    if kind is not None and kind not in set(ClaimKind):
        raise SettingsError(f"unknown claim kind {kind!r}: expected one of {', '.join(ClaimKind)}")
    if limit < 1:
        raise SettingsError(f"limit must be at least 1, got {limit}")
    if offset < 0:
        raise SettingsError(f"offset must be at least 0, got {offset}")
    query = reviews.select_claims(
        document_id=document_id, incident_id=incident_id, status=status, kind=kind
    )
    return _views(db, query.limit(limit).offset(offset))


def queue_sizes(db: Database) -> dict[str, int]:
    """How much review work is waiting: unreviewed and disputed claims, person candidates."""
    with db.transaction() as connection:
        return {
            "claims_unreviewed": reviews.count_claims(connection, status="unreviewed"),
            "claims_disputed": reviews.count_claims(connection, status="disputed"),
            "person_candidates": reviews.count_person_candidates(connection),
        }


def person_candidates(db: Database, *, limit: int = 50) -> list[PersonCandidate]:
    """The merge-review queue: machine ``candidate`` links between two people that no analyst
    has decided about and that are still two persons, the most likely first."""
    if limit < 1:
        raise SettingsError(f"limit must be at least 1, got {limit}")
    with db.transaction() as connection:
        rows = reviews.person_candidate_rows(connection, limit=limit)
    return [
        PersonCandidate(a=row.a, b=row.b, a_person=row.a_person, a_name=row.a_name,
                        b_person=row.b_person, b_name=row.b_name, score=row.score,
                        features=json.loads(row.features))
        for row in rows
    ]  # fmt: skip


def check_status(status: str | None) -> None:
    """A ``SettingsError`` naming ``status`` unless it is one of ``STATUSES`` (or None)."""
    if status is not None and status not in STATUSES:
        raise SettingsError(f"unknown status {status!r}: expected one of {', '.join(STATUSES)}")


def _views(db: Database, query: Any) -> list[ClaimView]:
    with db.transaction() as connection:
        rows = connection.execute(query).all()
        texts = reviews.document_texts(connection, {row.document_id for row in rows})
    return [_view(row, texts[row.document_id]) for row in rows]


def _view(row: Any, text: str) -> ClaimView:
    return ClaimView(
        id=row.id, document_id=row.document_id, kind=row.kind, start=row.start, end=row.end,
        text=text[row.start : row.end], claimant=row.claimant, modality=row.modality,
        low=row.low, best=row.best, high=row.high, incident_id=row.incident_id,
        source=row.source, title=row.title, status=row.status or "unreviewed",
        credibility=row.credibility, reliability=row.reliability,
        reviewed_by=row.updated_by, reviewed_at=row.updated_at,
    )  # fmt: skip
