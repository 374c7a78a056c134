"""Linking: copies, incidents, people and corroboration across stored documents.

::

    document record ──profile──▶ Profile ──┬─ copies     (MinHash/LSH: wire copies, reposts)
                                           ├─ incidents  (blocking keys, time window, evidence)
                                           └─ people     (name keys + a second attribute)
    incident members ──ledger──▶ claims ledger, estimates, corroboration

``update.link_pending`` links new documents incrementally; ``update.relink`` starts over.
Analysts' decisions (``decisions``) are links of their own that the machine never overrides.
"""

from __future__ import annotations

from crosscheck.link.update import LinkReport, link_pending, relink

__all__ = ["LinkReport", "link_pending", "relink"]
