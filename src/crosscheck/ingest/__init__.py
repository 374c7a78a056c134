"""Ingest: bytes on disk -> captures -> documents, one module per format.

The cascade, followed step by step for every input:

1. ``files.inputs`` expands paths (files, folders recursively, ``-`` for stdin) and reads each
   file's bytes, refusing unreadable and over-size files with a ``CaptureError``.
2. ``sniff.sniff`` names the format from the bytes themselves (a file name is only a tie-breaker):
   containers (WARC, WACZ, JSON Lines) are split into one capture per record by their module's
   ``captures()``; anything else is one capture of its own.
3. ``documents(capture)`` hands the capture to the module registered for its media type, which
   returns the clean documents (``clean.finish`` adds what every format shares: language).

A container yields ``CaptureError`` items for the records it cannot read and keeps going, so one
bad record never costs the others. Every module exposes ``NAME`` (a versioned stage name).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from types import ModuleType

from crosscheck.errors import CaptureError
from crosscheck.ingest import html, jsonl, sniff, subtitles, telegram, text, wacz, warc
from crosscheck.ingest.files import Input
from crosscheck.model import Capture, Document

__all__ = ["CONTAINERS", "FORMATS", "captures", "documents"]

#: media type -> module with ``captures(where, content, *, captured_at, max_bytes)``
CONTAINERS: dict[str, ModuleType] = {
    sniff.WARC: warc,
    sniff.WACZ: wacz,
    sniff.JSONL: jsonl,
}

#: media type -> module with ``documents(capture) -> list[Document]``
FORMATS: dict[str, ModuleType] = {
    sniff.TEXT: text,
    sniff.HTML: html,
    sniff.VTT: subtitles,
    sniff.SRT: subtitles,
    sniff.TELEGRAM: telegram,
    sniff.RECORD: jsonl,
}


def captures(
    item: Input, *, captured_at: datetime | None, max_bytes: int
) -> Iterator[Capture | CaptureError]:
    """The captures in one input; ``captured_at`` (else the file's mtime) is the fallback date
    for captures that carry none of their own (WARC-Date and record fields win)."""
    when = captured_at or item.modified
    try:
        media_type = sniff.sniff(item.content, name=item.where, max_bytes=max_bytes)
    except CaptureError as error:
        yield error
        return
    container = CONTAINERS.get(media_type)
    if container is not None:
        yield from container.captures(
            item.where, item.content, captured_at=when, max_bytes=max_bytes
        )
        return
    path = None if item.where == "-" else item.where
    yield Capture.of(item.content, media_type=media_type, captured_at=when, path=path)


def documents(capture: Capture) -> list[Document]:
    """The clean documents of one capture; ``CaptureError`` when it cannot be parsed."""
    from crosscheck.clean import finish

    module = FORMATS.get(capture.media_type)
    if module is None:
        raise CaptureError(_where(capture), f"no reader for media type {capture.media_type}")
    parse: Callable[[Capture], list[Document]] = module.documents
    return [finish(document) for document in parse(capture)]


def _where(capture: Capture) -> str:
    return capture.path or capture.url or capture.sha256
