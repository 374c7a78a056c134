"""What analysts decide: a claim's status and credibility, a source's reliability, whether two
incidents or two people are one.

Every action follows the same steps: check its input (a ``SettingsError`` names the bad value),
require a comment saying why, make the change and write exactly one audit row with the state
before and after, both in one transaction. No action touches documents or their records: a
decision is a record of its own and never overwrites an extracted fact.

Grades follow the Admiralty (NATO) system: a source's **reliability** A-F (its record) and a
piece of information's **credibility** 1-6 (this claim), judged separately, so that a usually
reliable outlet can carry a doubtful claim ("B4").
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal, cast

from sqlalchemy import Connection

from crosscheck.errors import NotFoundError, SettingsError
from crosscheck.review.audit import record, required_comment
from crosscheck.review.claims import ClaimView, Status, check_status, claim
from crosscheck.store import Database, links, reviews

__all__ = [
    "CREDIBILITY",
    "RELIABILITY",
    "SourceGrade",
    "Status",
    "decide",
    "grade_claim",
    "grade_source",
    "review_claim",
    "source_grades",
    "undo_decision",
]

#: Admiralty source reliability
RELIABILITY: dict[str, str] = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}
#: Admiralty information credibility
CREDIBILITY: dict[int, str] = {
    1: "confirmed by other sources",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "truth cannot be judged",
}

Kind = Literal["incident", "person"]


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceGrade:
    source: str  # the outlet, as documents name it
    reliability: str  # A-F
    updated_at: datetime
    updated_by: str

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "reliability": self.reliability,
            "updated_at": self.updated_at.isoformat(),
            "updated_by": self.updated_by,
        }


def review_claim(
    db: Database, claim_id: str, status: Status, *, comment: str, user: str
) -> ClaimView:
    """Set a claim's status (``unreviewed`` takes a verdict back); its credibility stays."""
    check_status(status)
    _change_claim(db, claim_id, "review", {"status": status}, comment=comment, user=user)
    return claim(db, claim_id)


def grade_claim(
    db: Database, claim_id: str, credibility: int, *, comment: str, user: str
) -> ClaimView:
    """Grade a claim's credibility, 1 (confirmed by other sources) to 6 (cannot be judged)."""
    if isinstance(credibility, bool) or credibility not in CREDIBILITY:
        raise SettingsError(f"credibility must be 1 to 6, got {credibility!r}")
    change = {"credibility": credibility}
    _change_claim(db, claim_id, "grade_claim", change, comment=comment, user=user)
    return claim(db, claim_id)


def grade_source(
    db: Database, source: str, reliability: str, *, comment: str, user: str
) -> SourceGrade:
    """Grade a source's reliability, A (completely reliable) to F (cannot be judged)."""
    grade = reliability.strip().upper()
    if grade not in RELIABILITY:
        raise SettingsError(f"reliability must be one of A to F, got {reliability!r}")
    comment, user = required_comment(comment), _who(user)
    now = datetime.now(UTC)
    with db.transaction(write=True) as connection:
        if not reviews.has_source(connection, source):
            raise NotFoundError(f"no document has the source {source!r}")
        old = reviews.source_grade(connection, source)
        reviews.save_source_grade(connection, {"source": source, "reliability": grade,
                                               "updated_at": now, "updated_by": user})  # fmt: skip
        record(connection, at=now, username=user, action="grade_source", target=("source", source),
               before={"reliability": None if old is None else old.reliability},
               after={"reliability": grade}, comment=comment)  # fmt: skip
    return SourceGrade(source=source, reliability=grade, updated_at=now, updated_by=user)


def source_grades(db: Database) -> list[SourceGrade]:
    """Every graded source, by name."""
    with db.transaction() as connection:
        rows = reviews.all_source_grades(connection)
    return [
        SourceGrade(source=r.source, reliability=r.reliability, updated_at=r.updated_at,
                    updated_by=r.updated_by)
        for r in rows
    ]  # fmt: skip


def decide(
    db: Database, kind: Kind, a: str, b: str, *, same: bool, comment: str, user: str
) -> None:
    """Merge (``same``) ``a`` into ``b``'s incident or person, or split it off (``link``'s
    ``decisions.decide``); the audit row, about ``b``, keeps where both were before and after."""
    from crosscheck.link import decisions  # numpy, datasketch: only when deciding

    _check_kind(kind)
    comment, user = required_comment(comment), _who(user)
    with db.transaction(write=True) as connection:
        before = _where(connection, kind, (a, b))
        decisions.decide(_within(connection), kind, a, b, same=same, comment=comment, author=user)
        record(connection, at=datetime.now(UTC), username=user,
               action="merge" if same else "split", target=(kind, b), before=before,
               after=_where(connection, kind, (a, b)), comment=comment)  # fmt: skip


def undo_decision(db: Database, kind: Kind, a: str, b: str, *, comment: str, user: str) -> None:
    """Withdraw the decision about ``a`` and ``b``: the machine's view comes back."""
    from crosscheck.link import decisions  # numpy, datasketch: only when deciding

    _check_kind(kind)
    comment, user = required_comment(comment), _who(user)
    with db.transaction(write=True) as connection:
        made = [e for e in links.edges(connection, kind, {a})
                if e.origin == "analyst" and e.features.get("about") == [a, b]]  # fmt: skip
        if not made:
            raise NotFoundError(f"no decision about {kind}s {a} and {b}")
        before = _where(connection, kind, (a, b))
        decisions.undo(_within(connection), kind, a, b)
        action = "undo_merge" if made[0].verdict == "same" else "undo_split"
        record(connection, at=datetime.now(UTC), username=user, action=action,
               target=(kind, b), before=before, after=_where(connection, kind, (a, b)),
               comment=comment)  # fmt: skip


# -- helpers -------------------------------------------------------------------------------


def _change_claim(
    db: Database, claim_id: str, action: str, change: dict[str, Any], *, comment: str, user: str
) -> None:
    """Change a claim's verdict (status, credibility) and write its audit row."""
    comment, user = required_comment(comment), _who(user)
    now = datetime.now(UTC)
    with db.transaction(write=True) as connection:
        if not reviews.has_claim(connection, claim_id):
            raise NotFoundError(f"no claim {claim_id!r}")
        old = reviews.review_of(connection, claim_id)
        before = {"status": "unreviewed", "credibility": None}
        if old is not None:
            before = {"status": old.status, "credibility": old.credibility}
        after = {**before, **change}
        reviews.save_review(connection, {"claim_id": claim_id, **after, "updated_at": now,
                                         "updated_by": user})  # fmt: skip
        record(connection, at=now, username=user, action=action, target=("claim", claim_id),
               before=before, after=after, comment=comment)  # fmt: skip


def _where(connection: Connection, kind: Kind, members: tuple[str, str]) -> dict[str, Any]:
    """The incident (or person) each member is in now, by member; None: in none."""
    if kind == "incident":
        found = links.incident_ids(connection, set(members))
        return {member: found.get(member) for member in members}
    rows = links.person_members_in(connection, {m.split("/", 1)[0] for m in members})
    persons = {row["member"]: row["person_id"] for row in rows}
    return {member: persons.get(member) for member in members}


class _Within:
    """A stand-in for the ``Database`` whose one transaction is the caller's: ``decisions``
    opens its own, and through this it runs inside the transaction that writes the audit row,
    so that a decision and its row are committed (or rolled back) together."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    @contextmanager
    def transaction(self, *, write: bool = False) -> Iterator[Connection]:
        yield self._connection


def _within(connection: Connection) -> Database:
    return cast(Database, _Within(connection))


def _check_kind(kind: str) -> None:
    if kind not in ("incident", "person"):
        raise SettingsError(f"unknown kind {kind!r}: expected incident or person")


def _who(user: str) -> str:
    name = user.strip()
    if not name:
        raise SettingsError("a change needs the name of who made it")
    return name
