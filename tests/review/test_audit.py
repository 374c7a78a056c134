"""The audit log: filters, newest first, paging, and what changed."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from crosscheck.errors import SettingsError
from crosscheck.review.audit import AuditEntry, audit_log, record
from crosscheck.store import Database

NOW = datetime(2026, 11, 25, tzinfo=UTC)


def _entry(before: dict[str, object] | None, after: dict[str, object] | None) -> AuditEntry:
    return AuditEntry(id=1, at=NOW, username="ann", action="review", target_kind="claim",
                      target_id="c", before=before, after=after, comment="why")  # fmt: skip


def _log(db: Database, *rows: tuple[str, str, str]) -> None:
    """Write audit rows of (username, target kind, target id), in this order."""
    with db.transaction(write=True) as connection:
        for username, kind, target_id in rows:
            record(connection, at=NOW, username=username, action="test", target=(kind, target_id),
                   before={"n": 0}, after={"n": 1}, comment=f"{kind} {target_id}")  # fmt: skip


@pytest.mark.parametrize(
    ("before", "after", "diff"),
    [
        ({"status": "unreviewed", "credibility": None}, {"status": "verified", "credibility": None},
         [("status", "unreviewed", "verified")]),
        (None, {"role": "viewer", "disabled": False},
         [("disabled", None, False), ("role", None, "viewer")]),
        ({"reliability": "B"}, None, [("reliability", "B", None)]),
        ({"a": 1, "b": 2}, {"b": 3, "c": 4}, [("a", 1, None), ("b", 2, 3), ("c", None, 4)]),
        ({"same": [1, 2]}, {"same": [1, 2]}, []),
    ],
)  # fmt: skip
def test_audit_entry_diff_lists_changed_fields(
    before: dict[str, object] | None, after: dict[str, object] | None, diff: list[object]
) -> None:
    assert _entry(before, after).diff == diff


def test_audit_entry_to_json() -> None:
    assert _entry({"status": "unreviewed"}, {"status": "verified"}).to_json() == {
        "id": 1, "at": "2026-11-25T00:00:00+00:00", "username": "ann", "action": "review",
        "target_kind": "claim", "target_id": "c", "before": {"status": "unreviewed"},
        "after": {"status": "verified"}, "comment": "why",
        "diff": [["status", "unreviewed", "verified"]],
    }  # fmt: skip


def test_audit_log_newest_first_with_filters(db: Database) -> None:
    _log(db, ("ann", "claim", "c1"), ("bo", "claim", "c2"), ("ann", "source", "Herald"),
         ("ann", "claim", "c1"))  # fmt: skip
    assert [e.comment for e in audit_log(db)] == ["claim c1", "source Herald", "claim c2",
                                                  "claim c1"]  # fmt: skip
    assert [e.target_id for e in audit_log(db, target_kind="claim")] == ["c1", "c2", "c1"]
    assert len(audit_log(db, target_id="c1")) == 2
    assert [e.target_id for e in audit_log(db, target_ids=["c2", "Herald"])] == ["Herald", "c2"]
    assert [e.target_id for e in audit_log(db, target_id="c2", target_ids=["Herald"])] == [
        "Herald", "c2",
    ]  # fmt: skip
    assert audit_log(db, target_ids=[]) == []
    assert {e.username for e in audit_log(db, username="bo")} == {"bo"}
    assert audit_log(db, username="nobody") == []
    entry = audit_log(db, limit=1)[0]
    assert (entry.before, entry.after, entry.at) == ({"n": 0}, {"n": 1}, NOW)


def test_audit_log_pages_back_with_before_id(db: Database) -> None:
    _log(db, *[("ann", "claim", f"c{n}") for n in range(5)])
    first = audit_log(db, limit=2)
    second = audit_log(db, limit=2, before_id=first[-1].id)
    third = audit_log(db, limit=2, before_id=second[-1].id)
    assert [e.target_id for e in first + second + third] == ["c4", "c3", "c2", "c1", "c0"]


@pytest.mark.parametrize(
    ("options", "message"),
    [({"limit": 0}, "limit must be at least 1"), ({"target_kind": "place"}, "unknown target kind")],
)
def test_audit_log_refuses_bad_filters(
    db: Database, options: dict[str, object], message: str
) -> None:
    with pytest.raises(SettingsError, match=message):
        audit_log(db, **options)  # type: ignore[arg-type]
