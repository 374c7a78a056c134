"""Downloads: incidents, claims and people as CSV or JSON Lines, incidents as GeoJSON or an
offline HTML report, for the filter in the query string; and one incident's evidence package.

Tables stream as ``crosscheck.export`` produces them, so a whole database never sits in memory.
Every download is an attachment: the HTML report in particular is never shown inside the app,
whose stricter Content-Security-Policy would break its inline style.
"""

from __future__ import annotations

import shutil
import tempfile
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, Response, StreamingResponse
from starlette.background import BackgroundTask

from crosscheck.export import FORMATS, TABLES, Format, Selection, Table, export
from crosscheck.export import package as evidence
from crosscheck.web.deps import DbDep, ReaderDep
from crosscheck.web.pages import page, twin
from crosscheck.web.routes.incidents import IncidentFilter

__all__ = ["router"]

router = APIRouter(include_in_schema=False)

MEDIA_TYPES: dict[str, str] = {
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/x-ndjson; charset=utf-8",
    "geojson": "application/geo+json",
    "html": "text/html; charset=utf-8",
}
#: the filters the export itself applies; the list's others (until, status, sources) it does not
EXPORTED_FILTERS = ("since", "place", "kind")


def exports_data(wanted: IncidentFilter) -> dict[str, Any]:
    """The downloads on offer for ``wanted``, and which of its filters they keep."""
    kept = {name: value for name in EXPORTED_FILTERS if (value := getattr(wanted, name))}
    dropped = [name for name in ("until", "status", "min_sources") if getattr(wanted, name)]
    return {
        "filter": wanted.model_dump(mode="json"),
        "kept": {name: str(value) for name, value in kept.items()},
        "dropped": dropped,
        "tables": {
            table: [form for form in FORMATS if table == "incidents" or form in ("csv", "jsonl")]
            for table in TABLES
        },
    }


@router.get("/exports.json")
def exports_json(session: ReaderDep, wanted: Annotated[IncidentFilter, Query()]) -> Response:
    return twin(exports_data(wanted))


@router.get("/exports", response_class=HTMLResponse)
def exports_page(
    request: Request, session: ReaderDep, wanted: Annotated[IncidentFilter, Query()]
) -> Response:
    return page(request, session, "exports.html", exports_data(wanted))


@router.get("/exports/incidents/{incident_id}/evidence.zip")
def evidence_package(incident_id: str, db: DbDep, session: ReaderDep) -> Response:
    """The incident's evidence package, built into a private temporary folder that is removed
    once the download has been sent."""
    folder = Path(tempfile.mkdtemp(prefix="crosscheck-evidence-"))
    try:
        built = evidence.build(db, incident_id, folder / "evidence.zip")
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return FileResponse(
        built.path,
        media_type="application/zip",
        filename=f"crosscheck-incident-{built.incident_id}.zip",
        headers={"X-Manifest-SHA256": built.manifest_sha256},
        background=BackgroundTask(shutil.rmtree, folder, ignore_errors=True),
    )


@router.get("/exports/{table}.{form}")
def download(
    table: Table, form: Format, db: DbDep, session: ReaderDep, since: date | None = None,
    place: str = "", kind: str = "", limit: Annotated[int | None, Query(ge=1)] = None,
) -> Response:  # fmt: skip
    """``table`` in ``form``: the incidents (or their claims) ending on or after ``since``, at
    ``place``, with a ``kind`` claim; people take only ``limit``."""
    if table == "people":
        chosen = Selection(limit=limit)
    else:
        start = datetime.combine(since, time.min, UTC) if since else None
        chosen = Selection(since=start, place=place or None, kind=kind or None, limit=limit)
    chunks = export(db, table, form, chosen)
    name = f"crosscheck-{table}.{'report.html' if form == 'html' else form}"
    return StreamingResponse(
        chunks, media_type=MEDIA_TYPES[form],
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )  # fmt: skip
