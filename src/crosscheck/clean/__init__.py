"""Clean: what every format shares once its text is out: Unicode repair (``normalize``),
boilerplate lines (``boilerplate``), dates (``dates``) and the language (``language``).

Format modules in ``crosscheck.ingest`` call ``normalize`` and ``boilerplate`` while they build
the text (offsets must be valid in the final text, so repair happens before assembly);
``finish`` runs last on every document.
"""

from __future__ import annotations

from dataclasses import replace

from crosscheck.clean import language
from crosscheck.model import Document

__all__ = ["finish"]


def finish(document: Document) -> Document:
    """Add the language (when not already known) and the stage names."""
    found = document.language or language.detect(document.text, title=document.title)
    return replace(document, language=found, extractors=(*document.extractors, language.NAME))
