"""WARC and WARC.gz: one HTML capture per ``response`` or ``resource`` record.

warcio reads the records in order. Each record whose HTTP (or, for ``resource``, record)
Content-Type is HTML and whose status is 2xx becomes a capture of its decoded HTTP body
(chunking and content-encoding removed), dated by its WARC-Date and named
``<where>#offset=<record offset>``; requests, warcinfo, metadata, revisits, redirects and
non-HTML payloads are skipped.

A WARC cannot be resynchronised after a broken record, so the first truncated or corrupt record
yields a ``CaptureError`` naming its offset and ends the archive; everything before it has
already been yielded. A record that is unusable on its own (payload over the limit, an
unreadable WARC-Date) yields its error and the archive goes on. Errors are yielded, never
raised, so a consumer keeps every capture that came before.
"""

from __future__ import annotations

import io
import re
import zlib
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.limitreader import LimitReader
from warcio.statusandheaders import StatusAndHeadersParser, StatusAndHeadersParserException

from crosscheck.errors import CaptureError
from crosscheck.ingest import decode, sniff
from crosscheck.model import Capture

__all__ = ["NAME", "captures"]

NAME = "ingest.warc.v1"

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_PAYLOAD_RECORDS = frozenset({"response", "resource"})
_BLOCK = 1 << 16
_HTTP = StatusAndHeadersParser(["HTTP/1.0", "HTTP/1.1"], verify=False)
_CONTENT_LENGTH = re.compile(rb"(?im)^content-length:[ \t]*(\d{1,18})[ \t]*\r?$")


class _Broken(Exception):
    """The archive cannot be read past this record (framing lost)."""


def captures(
    where: str, content: bytes, *, captured_at: datetime, max_bytes: int
) -> Iterator[Capture | CaptureError]:
    """The HTML captures in one WARC (plain or gzipped), then at most one fatal error."""
    try:
        content = _unwrap_whole_gzip(where, content, max_bytes)
    except CaptureError as error:
        yield error
        return
    iterator = ArchiveIterator(io.BytesIO(content), no_record_parse=True)
    records = iter(iterator)
    while True:
        offset = iterator.offset  # start of the next record until warcio reads past it
        try:
            record = next(records, None)
            if record is None:
                break
            item = _item(iterator, record, f"{where}#offset={offset}", captured_at, max_bytes)
        except (_Broken, ArchiveLoadFailed, StatusAndHeadersParserException) as error:
            yield CaptureError(f"{where}#offset={offset}", _reason(error))
            return
        if item is not None:
            yield item
    yield from _trailing(where, content, iterator.offset)


def _item(
    iterator: Any, record: Any, where: str, captured_at: datetime, max_bytes: int
) -> Capture | CaptureError | None:
    """One record's capture (None when skipped); ``_Broken`` when the archive stops here."""
    _check_length(record)
    record.http_headers = _http_headers(record)  # content_stream() undoes chunking by them
    wanted = _is_html_payload(record)
    body = record.content_stream().read(max_bytes + 1) if wanted else b""
    _drain(iterator, record)
    if not wanted:
        return None
    if len(body) > max_bytes:
        return CaptureError(where, f"HTML payload larger than {max_bytes} bytes")
    if not body:
        return CaptureError(where, "empty HTML payload")
    return _capture(record, body, where, captured_at)


def _http_headers(record: Any) -> Any:
    """A response record's HTTP headers, parsed here rather than by warcio, which dereferences
    a missing WARC-Target-URI while parsing them."""
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    if record.rec_type != "response" or not uri.startswith(("http:", "https:")):
        return None  # dns:, whois: responses carry no HTTP
    try:
        return _HTTP.parse(record.raw_stream)
    except EOFError:
        return None  # no bytes at all: _drain reports the record as truncated


def _capture(record: Any, body: bytes, where: str, captured_at: datetime) -> Capture | CaptureError:
    raw_date = record.rec_headers.get_header("WARC-Date")
    try:
        when = _warc_date(raw_date) if raw_date else captured_at
    except ValueError:
        return CaptureError(where, f"unreadable WARC-Date {raw_date!r}")
    url = record.rec_headers.get_header("WARC-Target-URI")
    return Capture.of(
        body, media_type=sniff.HTML, captured_at=when, path=where, url=str(url) if url else None
    )


def _check_length(record: Any) -> None:
    """Without a valid Content-Length warcio reads on into the next record: stop instead."""
    length = record.rec_headers.get_header("Content-Length")
    if length is None or not str(length).strip().isdigit():
        raise _Broken(f"record has no valid Content-Length ({length!r})")


def _drain(iterator: Any, record: Any) -> None:
    """Read the rest of the record, so a short one (truncated file, corrupt gzip member) shows
    as bytes still owed to its Content-Length."""
    stream = record.raw_stream
    while stream.read(_BLOCK):
        pass
    if isinstance(stream, LimitReader) and stream.limit > 0:
        raise _Broken(f"record truncated: {stream.limit} of {record.length} bytes missing")
    errors = iterator.err_count
    iterator.read_to_end()  # consumes the blank lines that must end a record
    if iterator.err_count > errors:
        raise _Broken("record not followed by a blank line (wrong Content-Length?)")


def _is_html_payload(record: Any) -> bool:
    if record.rec_type not in _PAYLOAD_RECORDS:
        return False
    if record.rec_type == "resource":
        return _media_type(record.rec_headers.get_header("Content-Type")) in _HTML_TYPES
    headers = record.http_headers
    if headers is None:
        return False
    status = str(headers.get_statuscode())
    if not (status.isdigit() and 200 <= int(status) < 300):
        return False  # redirects and error pages are server chrome, not reporting
    return _media_type(headers.get_header("Content-Type")) in _HTML_TYPES


def _media_type(value: object) -> str:
    return str(value or "").split(";", 1)[0].strip().lower()


def _warc_date(value: str) -> datetime:
    moment = datetime.fromisoformat(value.strip())
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _trailing(where: str, content: bytes, offset: int) -> Iterator[CaptureError]:
    """warcio ends quietly at bytes it cannot start a record from (a gzip member cut short
    before its first full block): whatever is left unread is an error."""
    if content[offset:].strip(b"\r\n\t \x00"):
        yield CaptureError(f"{where}#offset={offset}", "truncated or unreadable record")


def _reason(error: Exception) -> str:
    if isinstance(error, ArchiveLoadFailed) and "non-chunked gzip" in error.msg:
        return "a gzip member holds several records (recompress with `warcio recompress`)"
    if isinstance(error, StatusAndHeadersParserException):
        return f"unreadable headers: {str(error).splitlines()[0]}"
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__


def _unwrap_whole_gzip(where: str, content: bytes, max_bytes: int) -> bytes:
    """warcio reads a WARC.gz one gzip member per record. A WARC gzipped whole (``gzip x.warc``,
    or such files concatenated) is gunzipped here instead; its offsets then count plain bytes."""
    if decode.is_gzip(content) and not _record_per_member(content, max_bytes):
        return decode.gunzip(content, where=where, max_bytes=max_bytes)
    return content


def _record_per_member(content: bytes, max_bytes: int) -> bool:
    """True when the first gzip member holds exactly one record (its headers, its declared
    block, and the blank lines after it)."""
    first = _first_member(content, max_bytes)
    if first is None:
        return True  # corrupt or cut short: warcio reports where
    head, size = first
    end = head.find(b"\r\n\r\n")
    length = _CONTENT_LENGTH.search(head, 0, max(end, 0))
    if end < 0 or length is None:
        return False
    return 0 <= size - (end + 4 + int(length.group(1))) <= 4


def _first_member(content: bytes, max_bytes: int) -> tuple[bytes, int] | None:
    """The start of the first member's data and its full size (past ``max_bytes``: any size
    over it), or None when the member is corrupt or cut short."""
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    head, size, data = b"", 0, content
    try:
        while data and not decompressor.eof and size <= max_bytes:
            chunk = decompressor.decompress(data, _BLOCK)
            head += chunk if len(head) < _BLOCK else b""
            size += len(chunk)
            data = decompressor.unconsumed_tail
    except zlib.error:
        return None
    return (head, size) if decompressor.eof or size > max_bytes else None
