"""Review: analysts verify claims, grade sources and settle links, and every decision is logged.

::

    claims.py    ClaimView: a claim with its evidence and verdict; the review queues
    actions.py   review_claim, grade_claim, grade_source, decide: each a change and its audit row
    audit.py     AuditEntry: who changed what, when, why, before and after
    users.py     users, roles (viewer < analyst < admin), sign-in with throttling, web sessions

Decisions are records of their own: they never overwrite an extracted fact, and they refer to
claims by their evidence span, so that re-running extraction (``crosscheck rebuild``) keeps
them. The modules are imported one by one (``from crosscheck.review import claims``): the
package itself imports nothing, so that reading claims does not load what deciding needs.
"""

from __future__ import annotations

__all__: list[str] = []
