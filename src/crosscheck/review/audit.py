"""The audit log: who changed what, when, and why, with the state before and after.

Every analyst's or admin's change writes exactly one row, in the same transaction as the change
itself, so that there is never a change without its row or a row without its change. Rows are
never updated or deleted. ``before``/``after`` hold only what the change is about (a claim's
status and credibility, a user's role): never a password or its hash.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from crosscheck.errors import SettingsError
from crosscheck.store import Database, reviews

__all__ = ["TARGET_KINDS", "AuditEntry", "audit_log", "record", "required_comment"]

#: what an audit row can be about
TARGET_KINDS = ("claim", "source", "incident", "person", "user")


@dataclass(frozen=True, slots=True, kw_only=True)
class AuditEntry:
    id: int
    at: datetime
    username: str  # who made the change
    action: str  # review, grade_claim, grade_source, merge, split, undo_merge, add_user, ...
    target_kind: str  # one of TARGET_KINDS
    target_id: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    comment: str

    @property
    def diff(self) -> list[tuple[str, Any, Any]]:
        """The fields that changed, by name: (field, before, after); a field missing on one
        side is None there."""
        before, after = self.before or {}, self.after or {}
        names = sorted(before.keys() | after.keys())
        return [(n, before.get(n), after.get(n)) for n in names if before.get(n) != after.get(n)]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "at": self.at.isoformat(), "username": self.username,
            "action": self.action, "target_kind": self.target_kind, "target_id": self.target_id,
            "before": self.before, "after": self.after, "comment": self.comment,
            "diff": [list(change) for change in self.diff],
        }  # fmt: skip


def audit_log(
    db: Database,
    *,
    target_kind: str | None = None,
    target_id: str | None = None,
    target_ids: Collection[str] | None = None,
    username: str | None = None,
    limit: int = 100,
    before_id: int | None = None,
) -> list[AuditEntry]:
    """Audit rows, newest first: about one target (``target_id``) or any of ``target_ids``
    (an incident's documents), of one kind, by one user; ``before_id`` pages back from there."""
    if limit < 1:
        raise SettingsError(f"limit must be at least 1, got {limit}")
    if target_kind is not None and target_kind not in TARGET_KINDS:
        kinds = ", ".join(TARGET_KINDS)
        raise SettingsError(f"unknown target kind {target_kind!r}: expected one of {kinds}")
    ids = None if target_id is None and target_ids is None else set(target_ids or ())
    if ids is not None and target_id is not None:
        ids.add(target_id)
    query = reviews.select_audit(
        target_kind=target_kind, target_ids=ids, username=username, before_id=before_id
    )
    with db.transaction() as connection:
        rows = connection.execute(query.limit(limit)).all()
    return [_entry(row) for row in rows]


def record(
    connection: Connection,
    *,
    at: datetime,
    username: str,
    action: str,
    target: tuple[str, str],
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    comment: str,
) -> int:
    """Write one audit row about ``target`` (kind, id) in the caller's transaction; its id."""
    kind, target_id = target
    if not username.strip():
        raise SettingsError("a change needs the name of who made it")
    return reviews.insert_audit(connection, {
        "at": at, "username": username.strip(), "action": action, "target_kind": kind,
        "target_id": target_id, "before": before, "after": after, "comment": comment,
    })  # fmt: skip


def required_comment(comment: str) -> str:
    """The comment without surrounding space; ``SettingsError`` when nothing is left."""
    stripped = comment.strip()
    if not stripped:
        raise SettingsError("a change needs a comment saying why")
    return stripped


def _entry(row: Any) -> AuditEntry:
    return AuditEntry(
        id=row.id, at=row.at, username=row.username, action=row.action,
        target_kind=row.target_kind, target_id=row.target_id, before=_json(row.before),
        after=_json(row.after), comment=row.comment,
    )  # fmt: skip


def _json(value: str | None) -> dict[str, Any] | None:
    return None if value is None else dict(json.loads(value))
