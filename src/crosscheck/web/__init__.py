"""The review web app: server-rendered pages (Jinja2 + htmx), their JSON twins and the REST API.

``create_app(db)`` builds the app over an open ``Database``; ``crosscheck serve`` runs it under
uvicorn. The layer is thin: every page and API call is one or two core calls (``store``,
``review``, ``visual``, ``export``) and a template.
"""

from __future__ import annotations

from crosscheck.web.app import create_app

__all__ = ["create_app"]
