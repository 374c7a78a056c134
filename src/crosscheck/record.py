"""The public record, ``crosscheck.record/1``: one JSON object per document.

This is the project's contract with its users' scripts (``crosscheck extract``, ``show --json``,
exports). It is described in ``docs/record.md`` and by the JSON Schema shipped at
``crosscheck/schemas/record-1.json``. Fields are only ever added; a change to the meaning of an
existing field needs ``crosscheck.record/2``.
"""

from __future__ import annotations

from datetime import datetime
from functools import cache
from importlib import metadata
from importlib.resources import files
from typing import Any

from crosscheck.model import Capture, Cue, Document, Precision, Published, Removed, Span

__all__ = ["SCHEMA", "document_from_record", "json_schema", "to_record"]

SCHEMA = "crosscheck.record/1"

#: third-party libraries whose behaviour shapes a stage's output, by stage family
_LIBRARIES: dict[str, tuple[str, ...]] = {
    "ingest.html": ("trafilatura", "htmldate", "lxml"),
    "ingest.warc": ("warcio",),
    "ingest.wacz": ("warcio",),
    "ingest.subtitles": ("webvtt-py", "srt"),
    "ingest.text_clip": ("charset-normalizer",),
    "clean.language": ("py3langid",),
    "clean.dates": ("dateparser",),
    "clean.normalize": ("ftfy",),
}


def to_record(capture: Capture, document: Document) -> dict[str, Any]:
    """The ``crosscheck.record/1`` object of one document and the capture it came from."""
    return {
        "schema": SCHEMA,
        "id": document.id,
        "capture": {
            "sha256": capture.sha256,
            "size": capture.size,
            "media_type": capture.media_type,
            "captured_at": capture.captured_at.isoformat(),
            "path": capture.path,
            "url": capture.url,
        },
        "document": {
            "locator": document.locator,
            "title": document.title,
            "title_raw": document.title_raw,
            "text": document.text,
            "language": document.language,
            "published": _published(document.published),
            "source": document.source,
            "url": document.url,
            "author": document.author,
            "forwarded_from": document.forwarded_from,
            "removed": [{"text": r.text, "reason": r.reason} for r in document.removed],
            "cues": [
                {
                    "start": c.span.start,
                    "end": c.span.end,
                    "start_seconds": c.start_seconds,
                    "end_seconds": c.end_seconds,
                }
                for c in document.cues
            ],
        },
        "extractor": [_extractor(name) for name in document.extractors],
    }


def document_from_record(record: dict[str, Any]) -> Document:
    """Rebuild the ``Document`` a record was made from (the inverse of ``to_record``)."""
    doc = record["document"]
    published = doc["published"]
    return Document(
        capture_sha256=record["capture"]["sha256"],
        locator=doc["locator"],
        text=doc["text"],
        title=doc["title"],
        title_raw=doc["title_raw"],
        language=doc["language"],
        published=None if published is None else _published_from(published),
        source=doc["source"],
        url=doc["url"],
        author=doc["author"],
        forwarded_from=doc["forwarded_from"],
        removed=tuple(Removed(text=r["text"], reason=r["reason"]) for r in doc["removed"]),
        cues=tuple(
            Cue(
                span=Span(c["start"], c["end"]),
                start_seconds=c["start_seconds"],
                end_seconds=c["end_seconds"],
            )
            for c in doc["cues"]
        ),
        extractors=tuple(e["name"] for e in record["extractor"]),
    )


@cache
def json_schema() -> dict[str, Any]:
    """The JSON Schema of ``crosscheck.record/1``."""
    import json

    text = files("crosscheck").joinpath("schemas/record-1.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def _published(published: Published | None) -> dict[str, Any] | None:
    if published is None:
        return None
    return {
        "start": published.start.isoformat(),
        "end": published.end.isoformat(),
        "precision": published.precision.value,
        "phrase": published.phrase,
        "method": published.method,
    }


def _published_from(data: dict[str, Any]) -> Published:
    return Published(
        start=datetime.fromisoformat(data["start"]),
        end=datetime.fromisoformat(data["end"]),
        precision=Precision(data["precision"]),
        phrase=data["phrase"],
        method=data["method"],
    )


def _extractor(name: str) -> dict[str, Any]:
    family = name.rsplit(".", 1)[0] if name.rsplit(".", 1)[-1].startswith("v") else name
    family = ".".join(family.split(".")[:2])
    return {
        "name": name,
        "version": _version("crosscheck"),
        "libraries": {lib: _version(lib) for lib in _LIBRARIES.get(family, ())},
    }


@cache
def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "unknown"
