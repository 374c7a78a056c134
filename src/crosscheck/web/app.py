"""The app: routers, static files, security headers on every response, and the one place where
expected failures (``CrosscheckError``) become HTTP answers, as ``cli._guard`` does for the CLI.

====================  ===========  ==========================================================
error                 status       page / API
====================  ===========  ==========================================================
``SignInRequired``    303 / 401    a page redirects to the sign-in form; JSON says 401
``AccessError``       403          wrong role, missing or wrong CSRF token
``NotFoundError``     404
``SettingsError``     400          a bad value or an empty comment in a form
``StoreError``        503          the database is locked, gone or full
invalid query/form    400 / 422    a page shows the problem; the API keeps FastAPI's 422
====================  ===========  ==========================================================
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exception_handlers import request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from crosscheck import __version__
from crosscheck.errors import AccessError, NotFoundError, SettingsError, StoreError
from crosscheck.store import Database
from crosscheck.web import auth
from crosscheck.web.deps import SignInRequired, current_session, get_db
from crosscheck.web.pages import is_htmx, page, wants_json
from crosscheck.web.routes import (
    actions,
    api,
    api_review,
    audit,
    dashboard,
    documents,
    exports,
    incidents,
    people,
    review,
    users,
)

__all__ = ["SECURITY_HEADERS", "create_app"]

STATIC = Path(__file__).resolve().parent / "static"

#: no inline script or style anywhere (htmx is configured by a meta tag and hx- attributes),
#: nothing from another origin (maps and charts are inline SVG), and no framing
SECURITY_HEADERS = {
    "content-security-policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
    ),
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}


def create_app(db: Database, *, secure_cookies: bool = False) -> FastAPI:
    """The review app over ``db``. ``secure_cookies``: send the session cookie over HTTPS only
    (behind a TLS-terminating proxy)."""
    app = FastAPI(
        title="crosscheck",
        version=__version__,
        summary="Review incidents, documents, people and claims with their provenance.",
        docs_url=None,  # Swagger UI and ReDoc load from a CDN; /openapi.json stays
        redoc_url=None,
    )
    app.state.db = db
    app.state.secure_cookies = secure_cookies
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    pages = (dashboard, incidents, documents, people, review, actions, audit, users, exports)
    for module in (auth, *pages, api, api_review):
        app.include_router(module.router)
    _handle_errors(app)
    app.add_middleware(SecurityHeaders)
    return app


class SecurityHeaders:
    """Adds ``SECURITY_HEADERS`` to every response, and ``Cache-Control: no-store`` to all but
    static files: pages hold evidence that must not linger in shared caches."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        static = str(scope.get("path", "")).startswith("/static/")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k != b"server"]
                headers += [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
                if not static:
                    headers.append((b"cache-control", b"no-store"))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _handle_errors(app: FastAPI) -> None:
    @app.exception_handler(SignInRequired)
    async def sign_in(request: Request, error: SignInRequired) -> Response:
        if wants_json(request):
            return JSONResponse({"error": str(error)}, status_code=401)
        # back to the page after signing in; a form's post cannot be repeated by a redirect
        back = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        target = f"/login?next={quote(back, safe='')}" if request.method == "GET" else "/login"
        if is_htmx(request):  # an XHR would follow a redirect and swap the form into a row
            return Response(status_code=401, headers={"HX-Redirect": target})
        return RedirectResponse(target, status_code=303)

    @app.exception_handler(AccessError)
    async def forbidden(request: Request, error: AccessError) -> Response:
        return _error(request, 403, "Not allowed", str(error))

    @app.exception_handler(NotFoundError)
    async def not_found(request: Request, error: NotFoundError) -> Response:
        return _error(request, 404, "Not found", str(error))

    @app.exception_handler(SettingsError)
    async def bad_value(request: Request, error: SettingsError) -> Response:
        return _error(request, 400, "Cannot do that", str(error))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError) -> Response:
        if wants_json(request):  # the API keeps FastAPI's 422 with every field's problem
            return await request_validation_exception_handler(request, error)
        problems = [f"{_field(e['loc'])}: {e['msg']}" for e in error.errors()]
        return _error(request, 400, "Cannot do that", "; ".join(problems))

    @app.exception_handler(StoreError)
    async def unavailable(request: Request, error: StoreError) -> Response:
        return _error(request, 503, "Database unavailable", str(error))


def _field(location: Sequence[object]) -> str:
    """("query", "since") -> "since"."""
    return ".".join(str(part) for part in location[1:]) or str(location[0])


def _error(request: Request, status: int, title: str, message: str) -> Response:
    if wants_json(request):
        return JSONResponse({"error": message}, status_code=status)
    # the session is looked up again only where the database answers
    session = None if status == 503 else current_session(request, get_db(request))
    data = {"title": title, "message": message, "status": status}
    response = page(request, session, "error.html", data, fragment="error.html", status=status)
    if is_htmx(request):  # htmx shows an error in the page's message area, not in a row
        response.headers["HX-Retarget"] = "#messages"
        response.headers["HX-Reswap"] = "innerHTML"
    return response
