"""JSON Lines: one capture per record ``{url, html | text, title?, captured_at?}``.

Lines are split on ``\\n`` only: ``str.splitlines`` would also split on U+2028, U+0085 and
friends, which JSON allows unescaped inside strings, and silently cut a record in two. Each
non-blank line (a trailing ``\\r`` dropped) is a capture of its own, named ``<where>#line=<n>``;
a bad line yields its ``CaptureError`` and the next line is still read.

A record with ``html`` is read as an HTML page; one with ``text`` is taken as it is (Unicode
repaired, nothing guessed: no title line, no boilerplate).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

from crosscheck.clean import normalize
from crosscheck.errors import CaptureError
from crosscheck.ingest import html, sniff
from crosscheck.model import Capture, Document

__all__ = ["NAME", "Record", "captures", "documents", "parse_record"]

NAME = "ingest.jsonl.v1"


@dataclass(frozen=True, slots=True, kw_only=True)
class Record:
    """One JSON Lines record, checked: ``html`` or ``text`` is set (``html`` wins)."""

    url: str
    html: str | None = None
    text: str | None = None
    title: str | None = None
    captured_at: datetime | None = None


def captures(
    where: str, content: bytes, *, captured_at: datetime, max_bytes: int
) -> Iterator[Capture | CaptureError]:
    """One capture per record line, or that line's error."""
    try:
        content = sniff.inner(content, where=where, max_bytes=max_bytes)
    except CaptureError as error:
        yield error
        return
    for number, line in enumerate(content.split(b"\n"), start=1):
        line = line.removesuffix(b"\r")
        if line.strip():
            yield _capture(line, f"{where}#line={number}", captured_at)


def documents(capture: Capture) -> list[Document]:
    """The document of one record capture."""
    where = capture.path or capture.url or capture.sha256
    record = parse_record(capture.content, where=where)
    if record.html is not None:
        return [html.document_from_html(capture, record.html, url=record.url, title=record.title)]
    return [
        Document(
            capture_sha256=capture.sha256,
            text=normalize.fix(record.text or "").strip(),
            title=_title(record.title),
            url=record.url,
            extractors=(NAME, normalize.NAME),
        )
    ]


def parse_record(line: bytes, *, where: str) -> Record:
    """The record on one line, or ``CaptureError`` saying what is wrong with it."""
    value = _json(line, where)
    if not isinstance(value, dict):
        raise CaptureError(where, f"a record must be a JSON object, not {_kind(value)}")
    url, markup, text, title = (value.get(key) for key in ("url", "html", "text", "title"))
    if not isinstance(url, str) or not url.strip():
        raise CaptureError(where, "record has no url")
    for key, field in (("html", markup), ("text", text), ("title", title)):
        if field is not None and not isinstance(field, str):
            raise CaptureError(where, f"{key} must be a string, not {_kind(field)}")
    if not (markup or "").strip() and not (text or "").strip():
        raise CaptureError(where, "record has neither html nor text")
    return Record(
        url=url,
        html=markup if (markup or "").strip() else None,
        text=text,
        title=title,
        captured_at=_captured_at(value.get("captured_at"), where),
    )


def _title(title: str | None) -> str | None:
    fixed = normalize.fix(title).strip() if title else ""
    return fixed or None


def _capture(line: bytes, where: str, fallback: datetime) -> Capture | CaptureError:
    try:
        record = parse_record(line, where=where)
    except CaptureError as error:
        return error
    return Capture.of(
        line,
        media_type=sniff.RECORD,
        captured_at=record.captured_at or fallback,
        path=where,
        url=record.url,
    )


def _json(line: bytes, where: str) -> object:
    try:
        text = line.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CaptureError(where, f"not UTF-8 at byte {error.start}") from error
    try:
        value: object = json.loads(text)
    except json.JSONDecodeError as error:
        raise CaptureError(where, f"invalid JSON at column {error.colno}: {error.msg}") from error
    except (ValueError, RecursionError) as error:  # huge integers, absurd nesting
        raise CaptureError(where, f"invalid JSON: {error}") from error
    return value


def _captured_at(value: object, where: str) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise CaptureError(where, f"captured_at must be an ISO-8601 string, not {_kind(value)}")
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError as error:
        raise CaptureError(where, f"captured_at is not ISO-8601: {value!r}") from error
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _kind(value: object) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}
    if value is None:
        return "null"
    return names.get(type(value), "a number")
