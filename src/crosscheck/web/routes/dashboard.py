"""The dashboard: what the database holds, the newest incidents, the review work waiting, and a
timeline of incidents and estimated casualties per week."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from crosscheck.review import claims
from crosscheck.store import Database
from crosscheck.visual import Series, timeline_svg, weekly
from crosscheck.web.deps import DbDep, ReaderDep
from crosscheck.web.pages import page, twin
from crosscheck.web.routes.incidents import incident_row

__all__ = ["dashboard_data", "router"]

router = APIRouter(include_in_schema=False)

#: the timeline covers the newest incidents only, so that the dashboard stays fast on a big
#: database (the incidents page pages through all of them)
TIMELINE_INCIDENTS = 1000
NEWEST = 10


def dashboard_data(db: Database) -> dict[str, Any]:
    """Counts, the newest incidents, review queue sizes and the weekly series."""
    return _gather(db)[0]


def _gather(db: Database) -> tuple[dict[str, Any], Series]:
    recent = db.incidents(limit=TIMELINE_INCIDENTS)
    series = weekly(recent, kind="killed")
    data = {
        "counts": db.counts(),
        "languages": [{"value": v, "documents": n} for v, n in db.counts_by("language").items()],
        "queues": claims.queue_sizes(db),
        "newest": [incident_row(incident) for incident in recent[:NEWEST]],
        "timeline": {
            "kind": series.kind,
            "incidents_read": len(recent),
            "complete": len(recent) < TIMELINE_INCIDENTS,
            "undated": series.undated,
            "weeks": [
                {
                    "start": w.start.isoformat(),
                    "incidents": w.incidents,
                    "low": w.low,
                    "best": w.best,
                    "high": w.high,
                    "open_ended": w.open_ended,
                }
                for w in series.weeks
            ],  # fmt: skip
        },
    }
    return data, series


@router.get("/")
def home() -> Response:
    return RedirectResponse("/dashboard", status_code=303)


@router.get("/dashboard.json")
def dashboard_json(db: DbDep, session: ReaderDep) -> Response:
    return twin(dashboard_data(db))


@router.get("/dashboard", response_class=HTMLResponse)
def dashboard(request: Request, db: DbDep, session: ReaderDep) -> Response:
    data, series = _gather(db)
    chart = timeline_svg(series)
    return page(request, session, "dashboard.html", {**data, "chart": chart})
