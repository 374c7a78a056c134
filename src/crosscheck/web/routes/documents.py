"""Documents: full-text search with highlighted snippets, and one document's page: the clean
text with its mentions, quotes and claims highlighted at their offsets, the removed
boilerplate, the capture's hash and metadata, and the untouched original bytes as a download.
"""

from __future__ import annotations

import bisect
import re
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from crosscheck.review import actions, audit, claims
from crosscheck.store import Database
from crosscheck.web.deps import DbDep, ReaderDep
from crosscheck.web.highlight import Span, segments, snippet_parts
from crosscheck.web.pages import page, twin
from crosscheck.web.routes.review import FORMS

__all__ = ["document_data", "router", "search_data"]

router = APIRouter(include_in_schema=False)

CLAIM_LIMIT = 1000
_SUFFIX = re.compile(r"\.[A-Za-z0-9]{1,8}(\.gz)?$")


def search_data(db: Database, q: str, *, limit: int = 20, offset: int = 0) -> dict[str, Any]:
    """One page of documents matching every word of ``q``, best first, with snippets."""
    hits = db.search(q, limit=offset + limit + 1) if q.strip() else []
    shown = hits[offset : offset + limit]
    return {
        "q": q,
        "limit": limit,
        "offset": offset,
        "more": len(hits) > offset + limit,
        "hits": [
            {
                "id": h.document_id,
                "title": h.title,
                "source": h.source,
                "language": h.language,
                "published": h.published,
                "snippet": h.snippet,
                "score": h.score,
            }
            for h in shown
        ],  # fmt: skip
        "counts": db.counts(),
    }


def document_data(db: Database, document_id: str) -> dict[str, Any]:
    """A document's record, its claims with their reviews, each quote's time in the video
    (subtitles), and the audit trail of its claims."""
    record = db.record(document_id)
    full_id = record["id"]
    views = {v.id: v.to_json() for v in claims.claims(db, document_id=full_id, limit=CLAIM_LIMIT)}
    reviewed = [
        {**claim, "id": claims.claim_id(full_id, claim),
         "review": views.get(claims.claim_id(full_id, claim))}
        for claim in record.get("claims", ())
    ]  # fmt: skip
    trail = audit.audit_log(db, target_kind="claim", target_ids=list(views), limit=20)
    source = record["document"].get("source")
    grades = [g.to_json() for g in actions.source_grades(db) if source and g.source == source]
    return {
        "record": record,
        "speakers": {person["key"]: person["name"] for person in record.get("people", ())},
        "source_grade": grades[0] if grades else None,
        "claims": reviewed,
        "quote_times": _quote_times(record),
        "audit": [entry.to_json() for entry in trail],
    }


def _quote_times(record: dict[str, Any]) -> list[dict[str, Any] | None]:
    """For each quote of a transcript, the cue it starts in: when it is said in the video."""
    cues = sorted(record["document"].get("cues") or (), key=lambda cue: cue["start"])
    starts = [cue["start"] for cue in cues]
    found: list[dict[str, Any] | None] = []
    for quote in record.get("quotes", ()):
        at = bisect.bisect_right(starts, quote["start"]) - 1
        cue = cues[at] if at >= 0 and quote["start"] < cues[at]["end"] else None
        found.append(None if cue is None else {
            "start_seconds": cue["start_seconds"], "end_seconds": cue["end_seconds"],
            "label": _clock(cue["start_seconds"]),
        })  # fmt: skip
    return found


def _clock(seconds: float) -> str:
    minutes, rest = divmod(seconds, 60)
    hours, minutes = divmod(int(minutes), 60)
    return f"{hours}:{minutes:02d}:{rest:04.1f}" if hours else f"{minutes}:{rest:04.1f}"


def _spans(record: dict[str, Any]) -> list[Span]:
    """What the document page highlights: mentions, quotes and claims at their offsets."""
    speakers = {person["key"]: person["name"] for person in record.get("people", ())}
    found = [
        Span(m["start"], m["end"], f"mention-{m['kind']}", f"mention-{n}",
             f"{m['kind']}: {m.get('canonical') or m['text']}")
        for n, m in enumerate(record.get("mentions", ()))
    ]  # fmt: skip
    for n, quote in enumerate(record.get("quotes", ())):
        speaker = speakers.get(quote.get("speaker") or "", "unknown speaker")
        found.append(Span(quote["start"], quote["end"], "quote", f"quote-{n}",
                          f"{quote['kind']} quote by {speaker}"))  # fmt: skip
    for n, claim in enumerate(record.get("claims", ())):
        figure = (claim.get("count") or {}).get("phrase")
        label = f"claim: {claim['kind']}" + (f" ({figure})" if figure else "")
        found.append(Span(claim["start"], claim["end"], "claim", f"claim-{n}", label))
    return found


@router.get("/documents.json")
def search_json(
    db: DbDep, session: ReaderDep, q: str = "", limit: Annotated[int, Query(ge=1, le=200)] = 20,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Response:  # fmt: skip
    return twin(search_data(db, q, limit=limit, offset=offset))


@router.get("/documents", response_class=HTMLResponse)
def search_page(
    request: Request, db: DbDep, session: ReaderDep, q: str = "",
    limit: Annotated[int, Query(ge=1, le=200)] = 20, offset: Annotated[int, Query(ge=0)] = 0,
) -> Response:  # fmt: skip
    data = search_data(db, q, limit=limit, offset=offset)
    for hit in data["hits"]:
        hit["parts"] = snippet_parts(hit["snippet"])
    return page(request, session, "documents.html", data, fragment="search_hits.html")


@router.get("/documents/{document_id}.json")
def document_json(document_id: str, db: DbDep, session: ReaderDep) -> Response:
    return twin(document_data(db, document_id))


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def document_page(request: Request, document_id: str, db: DbDep, session: ReaderDep) -> Response:
    data = document_data(db, document_id)
    record = data["record"]
    text = segments(record["document"]["text"], _spans(record))
    return page(request, session, "document.html", {**data, "segments": text, **FORMS})


@router.get("/captures/{sha256}")
def capture_bytes(sha256: str, db: DbDep, session: ReaderDep) -> Response:
    """The capture's original bytes, untouched, as a download: never rendered, whatever they
    hold (``nosniff`` keeps a browser from guessing otherwise)."""
    capture = db.capture(sha256)
    suffix = _SUFFIX.search(capture.path or "")
    name = f"{capture.sha256}{suffix.group(0) if suffix else '.bin'}"
    return Response(
        capture.content,
        media_type="application/octet-stream",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
