"""(STUB: implemented by a helper.)"""

from __future__ import annotations

from crosscheck.model import Capture, Document

NAME = "ingest.html.v1"


def documents(capture: Capture) -> list[Document]:
    raise NotImplementedError


def document_from_html(
    capture: Capture,
    markup: bytes | str,
    *,
    url: str | None = None,
    title: str | None = None,
    locator: str = "",
) -> Document:
    """The document of an HTML page (also used for JSON Lines records that carry ``html``)."""
    raise NotImplementedError
