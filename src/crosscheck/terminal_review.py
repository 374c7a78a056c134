"""What the command line prints about review: claims with their verdicts, users, the audit log.

Claims are shown with their quoted evidence and full id, which ``crosscheck review`` and
``crosscheck grade claim`` take. Scraped text is wrapped in ``Text`` so that brackets in it are
never read as Rich markup.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

if TYPE_CHECKING:
    from crosscheck.review.audit import AuditEntry
    from crosscheck.review.claims import ClaimView
    from crosscheck.review.users import User

__all__ = ["claim_line", "print_audit", "print_claims", "print_users"]


def print_claims(console: Console, found: Sequence[ClaimView]) -> None:
    """Two lines per claim: its id (what ``review`` and ``grade claim`` take), kind, count,
    status and grade; then its quoted evidence and claimant. Lines, not a table: evidence
    is long and ids must stay whole to be copied."""
    if not found:
        console.print("no claims match")
        return
    for view in found:
        console.print(claim_line(view))
        claimant = f" — {view.claimant}" if view.claimant else ""
        console.print(Text.assemble("  ", (f"“{view.text}”", "italic"), claimant))


def claim_line(view: ClaimView) -> Text:
    """A claim and where it stands, in one line: id, kind, count, status and grade."""
    count, grade = _count(view), _grade(view)
    return Text.assemble(
        (view.id, "bold"), f"  {view.kind}", f" {count}" if count else "",
        "" if view.modality == "asserted" else f" ({view.modality})",
        "  ", (view.status, _STATUS_STYLE.get(view.status, "")),
        f"  grade {grade}" if grade else "",
    )  # fmt: skip


_STATUS_STYLE = {"verified": "green", "disputed": "yellow", "rejected": "red"}


def print_users(console: Console, users: Sequence[User]) -> None:
    if not users:
        console.print("no users yet: add one with crosscheck user add")
        return
    table = Table("username", "role", "status", "created")
    for user in users:
        status = "disabled" if user.disabled else "enabled"
        table.add_row(Text(user.username), user.role, status, user.created_at.isoformat()[:19])
    console.print(table)


def print_audit(console: Console, entries: Sequence[AuditEntry]) -> None:
    """Per change, newest first: when, who, what and on which target; then each changed field
    (before → after) and the comment. Lines, not a table: targets and comments are long."""
    if not entries:
        console.print("no audit entries match")
        return
    for entry in entries:
        console.print(Text.assemble(
            (entry.at.strftime("%Y-%m-%d %H:%M:%S"), "dim"), "  ", (entry.username, "bold"),
            f"  {entry.action}  {entry.target_kind} {entry.target_id}",
        ))  # fmt: skip
        for name, old, new in entry.diff:
            console.print(Text(f"  {name}: {_value(old)} → {_value(new)}"))
        console.print(Text.assemble("  ", (f"“{entry.comment}”", "italic")))


def _value(value: Any) -> str:
    return "–" if value is None else value if isinstance(value, str) else json.dumps(value)


def _count(view: ClaimView) -> str:
    """The count as an interval: "4", "10-12 (best 11)", "21+" (more than twenty), "≤30"."""
    low, best, high = view.low, view.best, view.high
    if low is not None and low == high:
        return str(low)
    if low is not None and high is not None:
        bounds = f"{low}-{high}"
    elif low is not None:
        bounds = f"{low}+"
    elif high is not None:
        bounds = f"≤{high}"
    else:
        return "" if best is None else str(best)
    return bounds if best is None else f"{bounds} (best {best})"


def _grade(view: ClaimView) -> str:
    """The Admiralty grade, source reliability then claim credibility: "B2", "B", "?2"."""
    if view.reliability is None and view.credibility is None:
        return ""
    credibility = "" if view.credibility is None else str(view.credibility)
    return f"{view.reliability or '?'}{credibility}"
