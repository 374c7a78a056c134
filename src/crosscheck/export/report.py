"""A self-contained HTML report of the incidents a filter selects, readable offline.

One file: the style sheet is inline, the charts are inline SVG drawn by ``crosscheck.visual``
(no JavaScript at all), fonts are the reader's own, and nothing links to another server: a
report opened on an air-gapped machine, or mailed to a lawyer, shows everything and fetches
nothing. Its Content-Security-Policy forbids any fetch, so a mistake in the template cannot
leak the reader's address either.

The template is autoescaped: titles, quotes and names come from captures, and a capture may hold
hostile HTML. Only the SVG from ``visual`` (built with ``xml.etree``, every text escaped) is
inserted as markup.

A report holds at most ``MAX_INCIDENTS`` incidents (the newest, when the filter selects more),
and says so: a page of thousands of incidents helps nobody, and memory stays bounded.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from functools import cache
from itertools import islice
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from crosscheck import __version__
from crosscheck.export.pages import Selection, claim_pages, incident_summaries
from crosscheck.export.tables import ESTIMATED_KINDS
from crosscheck.link.ledger import RULE
from crosscheck.review.claims import ClaimView, claim_id
from crosscheck.store import Database
from crosscheck.visual import incident_points, map_svg, timeline_svg, weekly

__all__ = ["MAX_INCIDENTS", "Report", "gather", "render", "report_chunks"]

MAX_INCIDENTS = 1000


@dataclass(frozen=True, slots=True, kw_only=True)
class Report:
    """What a report shows: the incidents, their claims' review state, the people's names."""

    selection: Selection
    incidents: list[dict[str, Any]]
    truncated: bool  # the filter selects more than ``incidents``
    reviews: dict[str, ClaimView]  # by claim id
    names: dict[str, str]  # person id -> display name
    created_at: datetime


def gather(db: Database, selection: Selection, *, now: datetime | None = None) -> Report:
    """Read what the report of ``selection`` shows (at most ``MAX_INCIDENTS`` incidents)."""
    cap = min(selection.limit or MAX_INCIDENTS, MAX_INCIDENTS)
    found = list(islice(incident_summaries(db, replace(selection, limit=cap + 1)), cap + 1))
    incidents = found[:cap]
    reviews = {
        view.id: view
        for incident in incidents
        for view in claim_pages(db, incident_id=incident["id"])
    }
    names = db.person_names({p for incident in incidents for p in incident.get("people", ())})
    return Report(selection=selection, incidents=incidents, truncated=len(found) > cap,
                  reviews=reviews, names=names, created_at=now or datetime.now(UTC))  # fmt: skip


def report_chunks(report: Report) -> Iterator[str]:
    """The report's HTML, in chunks as the template renders them."""
    return _environment().get_template("report.html").generate(**_context(report))


def render(report: Report) -> str:
    """The report's HTML as one string."""
    return "".join(report_chunks(report))


def _context(report: Report) -> dict[str, Any]:
    incidents = report.incidents
    points, missing = incident_points(incidents, href=lambda i: f"#incident-{i}")
    kinds = [k for k in ESTIMATED_KINDS if any(k in (i.get("estimates") or {}) for i in incidents)]
    return {
        "report": report,
        "version": __version__,
        "filter": report.selection.describe(),
        "totals": _totals(incidents),
        "timelines": [
            timeline_svg(weekly(incidents, kind=kind)) for kind in kinds or ESTIMATED_KINDS[:1]
        ],
        "undated": sum(1 for i in incidents if not i.get("time")),
        "map": map_svg(points, missing=missing, title="Incidents with a known place"),
        "status_of": lambda row: _status(report.reviews, row),
        "rule": RULE,
    }


def _totals(incidents: list[dict[str, Any]]) -> dict[str, int]:
    return {
        "incidents": len(incidents),
        "documents": sum(len(i.get("documents") or ()) for i in incidents),
        "claims": sum(len(i.get("claims") or ()) for i in incidents),
    }


def _status(reviews: Mapping[str, ClaimView], row: Mapping[str, Any]) -> str:
    view = reviews.get(claim_id(row["document"], row))
    return view.status if view is not None else "unreviewed"


def figure(estimate: Mapping[str, Any] | None) -> str:
    """An estimate or figure in words: "5-17 (best 5)", "21+" (open-ended), "4"."""
    if not estimate:
        return ""
    low, best, high = estimate.get("low"), estimate.get("best"), estimate.get("high")
    if high is None:
        span = f"{low}+" if low is not None else "?"
    else:
        span = str(high) if low == high else f"{low if low is not None else 0}-{high}"
    return span if best is None or (low == best == high) else f"{span} (best {best})"


def when(time: Mapping[str, Any] | None) -> str:
    """An incident's time range by day: "2026-09-12" or "2026-08-31 to 2026-11-19"."""
    if not time:
        return "undated"
    start, end = str(time.get("start", ""))[:10], str(time.get("end", ""))[:10]
    return start if start == end else f"{start} to {end}"


@cache
def _environment() -> Environment:
    environment = Environment(
        loader=PackageLoader("crosscheck.export", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["figure"] = figure
    environment.filters["when"] = when
    return environment
