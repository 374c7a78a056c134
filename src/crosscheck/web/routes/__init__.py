"""One router per resource; ``app.create_app`` includes them all.

Each page route has a JSON twin (``/incidents`` and ``/incidents.json``) that returns the data
the page was rendered from; ``api`` and ``api_review`` serve the same data under ``/api/``,
documented in ``/openapi.json``.
"""
