"""Rendering: one template environment, full pages or their fragments, and their JSON twins.

Autoescaping is on for every template, whatever its name: captures hold hostile HTML, and no
template marks scraped text safe. Text that needs marking up (search snippets, the highlighted
document) is cut into segments in Python and each segment is escaped by the template.

A page ``{% include %}``s its fragments; when htmx asks (``HX-Request``), the route answers with
just the fragment the request targets, so the same URL serves both and forms work without
JavaScript.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from crosscheck.review.users import can
from crosscheck.web.deps import CSRF_FIELD, CSRF_HEADER, Session

__all__ = ["TEMPLATES", "is_htmx", "page", "query_with", "twin", "wants_json"]

TEMPLATES = Path(__file__).resolve().parent / "templates"

_environment = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=True,  # every template, not only *.html: nothing scraped is ever trusted
    undefined=StrictUndefined,  # a misspelt name fails a test instead of rendering blank
    trim_blocks=True,
    lstrip_blocks=True,
)
templates = Jinja2Templates(env=_environment)


def _when(value: str | None, precision: str = "minute") -> str:
    """An ISO time as a reader wants it: "2026-09-14 16:32" (UTC offset dropped)."""
    if not value:
        return ""
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return value
    return parsed.strftime("%Y-%m-%d" if precision == "day" else "%Y-%m-%d %H:%M")


def _figure(value: int | None) -> str:
    return "–" if value is None else f"{value:,}"


_environment.filters["when"] = _when
_environment.filters["figure"] = _figure
_environment.globals["CSRF_FIELD"] = CSRF_FIELD
_environment.globals["CSRF_HEADER"] = CSRF_HEADER


def is_htmx(request: Request) -> bool:
    """htmx sets ``HX-Request`` on its requests; boosted links want the whole page."""
    return request.headers.get("HX-Request") == "true" and request.headers.get("HX-Boosted") is None


def wants_json(request: Request) -> bool:
    """The API and the ``.json`` twins answer in JSON, errors included."""
    path = request.url.path
    return path.startswith("/api/") or path.endswith(".json") or path == "/openapi.json"


def page(
    request: Request,
    session: Session | None,
    template: str,
    data: Mapping[str, Any],
    *,
    fragment: str | None = None,
    status: int = 200,
) -> HTMLResponse:
    """The full page ``pages/<template>``, or, for htmx, ``fragments/<fragment>`` alone."""
    name = f"fragments/{fragment}" if fragment and is_htmx(request) else f"pages/{template}"
    context = {
        "session": session,
        "analyst": session is not None and can(session.user, "review"),
        "admin": session is not None and can(session.user, "admin"),
        "data": data,
        **data,
    }
    return templates.TemplateResponse(request, name, context, status_code=status)


def twin(data: Mapping[str, Any], *, status: int = 200) -> JSONResponse:
    """A page's JSON twin: the same data the page was rendered from."""
    return JSONResponse(dict(data), status_code=status)


def query_with(request: Request, **changes: object) -> str:
    """The request's query string with ``changes`` applied (None removes a key): for paging
    links and export links "for the current filter"."""
    params = {k: v for k, v in request.query_params.items() if v != ""}
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = str(value)
    return urlencode(params)


_environment.globals["query_with"] = query_with
