"""warc.captures: HTML response/resource records of WARC and WARC.gz files, errors by offset."""

from __future__ import annotations

import gzip
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from crosscheck import ingest
from crosscheck.errors import CaptureError
from crosscheck.ingest import sniff, warc
from crosscheck.ingest.files import Input
from crosscheck.model import Capture

WHEN = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
LIMIT = 1 << 20
PAGE = b"<html><body><p>Shelling reported near the bridge.</p></body></html>"


@dataclass(slots=True)
class Archive:
    """A WARC written record by record, remembering where each record starts."""

    gzip: bool = True
    out: io.BytesIO = field(default_factory=io.BytesIO)
    offsets: list[int] = field(default_factory=list)

    def response(
        self,
        uri: str,
        body: bytes,
        headers: Sequence[tuple[str, str]] = (("Content-Type", "text/html; charset=utf-8"),),
        *,
        status: str = "200 OK",
        date: str | None = "2026-10-21T09:14:37Z",
    ) -> None:
        http = StatusAndHeaders(status, list(headers), protocol="HTTP/1.1")
        self.record(uri, "response", body, http=http, date=date)

    def record(
        self,
        uri: str,
        kind: str,
        body: bytes,
        *,
        http: StatusAndHeaders | None = None,
        content_type: str | None = None,
        date: str | None = "2026-10-21T09:14:37Z",
    ) -> None:
        writer = WARCWriter(self.out, gzip=self.gzip)
        headers = {"WARC-Date": date} if date else {}
        record = writer.create_warc_record(
            uri,
            kind,
            payload=io.BytesIO(body),
            length=len(body),  # a known length keeps warcio from spooling to a temporary file
            http_headers=http,
            warc_content_type=content_type,
            warc_headers_dict=headers,
        )
        if date is None:
            record.rec_headers.remove_header("WARC-Date")
        self.offsets.append(self.out.tell())
        writer.write_record(record)

    @property
    def content(self) -> bytes:
        return self.out.getvalue()


def _read(content: bytes, *, max_bytes: int = LIMIT) -> list[Capture | CaptureError]:
    return list(warc.captures("a.warc", content, captured_at=WHEN, max_bytes=max_bytes))


def _split(items: list[Capture | CaptureError]) -> tuple[list[Capture], list[CaptureError]]:
    captures = [item for item in items if isinstance(item, Capture)]
    return captures, [item for item in items if isinstance(item, CaptureError)]


def test_warc_truncated_record_stops_after_earlier_captures(tmp_path: Path) -> None:
    archive = Archive(gzip=True)
    for number in range(1000):
        archive.response(f"https://example.org/{number}", PAGE.replace(b"bridge", b"%d" % number))
    cut = archive.offsets[599] + (archive.offsets[600] - archive.offsets[599]) // 2
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(archive.content[:cut])
    items = list(warc.captures(str(path), path.read_bytes(), captured_at=WHEN, max_bytes=LIMIT))
    assert len(items) == 600
    assert all(isinstance(item, Capture) for item in items[:599])
    error = items[599]
    assert isinstance(error, CaptureError)
    assert error.where == f"{path}#offset={archive.offsets[599]}"
    last = items[598]
    assert isinstance(last, Capture)
    assert (last.path, last.url) == (
        f"{path}#offset={archive.offsets[598]}",
        "https://example.org/598",
    )


@pytest.mark.parametrize("compressed", [False, True], ids=["warc", "warc.gz"])
def test_warc_reads_html_responses(compressed: bool) -> None:
    archive = Archive(gzip=compressed)
    archive.response("https://example.org/a", PAGE)
    archive.response("https://example.org/b", PAGE + b"<!-- b -->")
    captures, errors = _split(_read(archive.content))
    assert errors == []
    assert [c.url for c in captures] == ["https://example.org/a", "https://example.org/b"]
    assert [c.path for c in captures] == [f"a.warc#offset={n}" for n in archive.offsets]
    assert captures[0].content == PAGE
    assert captures[0].media_type == sniff.HTML
    assert captures[0].captured_at == datetime(2026, 10, 21, 9, 14, 37, tzinfo=UTC)


@pytest.mark.parametrize(
    ("body", "headers"),
    [
        (
            b"%x\r\n%s\r\n0\r\n\r\n" % (len(PAGE), PAGE),
            [("Content-Type", "text/html"), ("Transfer-Encoding", "chunked")],
        ),
        (gzip.compress(PAGE), [("Content-Type", "text/html"), ("Content-Encoding", "gzip")]),
        (
            b"%x\r\n%s\r\n0\r\n\r\n" % (len(gzip.compress(PAGE)), gzip.compress(PAGE)),
            [
                ("Content-Type", "application/xhtml+xml"),
                ("Content-Encoding", "gzip"),
                ("Transfer-Encoding", "chunked"),
            ],
        ),
    ],
    ids=["chunked", "gzip", "chunked-gzip-xhtml"],
)
def test_warc_decodes_http_body(body: bytes, headers: list[tuple[str, str]]) -> None:
    archive = Archive(gzip=False)
    archive.response("https://example.org/a", body, headers)
    captures, errors = _split(_read(archive.content))
    assert errors == []
    assert [c.content for c in captures] == [PAGE]


def test_warc_skips_records_that_are_not_html_pages() -> None:
    archive = Archive()
    archive.record("", "warcinfo", b"software: test\r\n", content_type="application/warc-fields")
    request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
    archive.record("https://example.org/", "request", b"", http=request)
    archive.response("https://example.org/logo.gif", b"GIF89a", [("Content-Type", "image/gif")])
    archive.response("https://example.org/old", b"<p>moved</p>", status="301 Moved Permanently")
    archive.response("https://example.org/gone", b"<p>404</p>", status="404 Not Found")
    archive.record("https://example.org/", "metadata", b"k: v\r\n", content_type="text/plain")
    archive.record("https://example.org/r", "resource", PAGE, content_type="text/html")
    archive.response("https://example.org/a", PAGE)
    captures, errors = _split(_read(archive.content))
    assert errors == []
    assert [c.url for c in captures] == ["https://example.org/r", "https://example.org/a"]


def test_warc_payload_over_limit_is_that_records_error() -> None:
    archive = Archive()
    archive.response("https://example.org/big", PAGE * 10)
    archive.response("https://example.org/small", PAGE)
    items = _read(archive.content, max_bytes=len(PAGE) * 2)
    assert isinstance(items[0], CaptureError)
    assert items[0].where == f"a.warc#offset={archive.offsets[0]}"
    assert "larger than" in items[0].reason
    assert isinstance(items[1], Capture) and items[1].url == "https://example.org/small"


def test_warc_dates_from_record_else_fallback_else_error() -> None:
    archive = Archive()
    archive.response("https://example.org/undated", PAGE, date=None)
    archive.response("https://example.org/bad", PAGE, date="yesterday")
    archive.response("https://example.org/naive", PAGE, date="2026-10-21T09:14:37")
    items = _read(archive.content)
    assert isinstance(items[0], Capture) and items[0].captured_at == WHEN
    assert isinstance(items[1], CaptureError) and "WARC-Date" in items[1].reason
    assert isinstance(items[2], Capture)
    assert items[2].captured_at == datetime(2026, 10, 21, 9, 14, 37, tzinfo=UTC)


def test_warc_gzipped_whole_is_read() -> None:
    archive = Archive(gzip=False)
    for name in "abc":
        archive.response(f"https://example.org/{name}", PAGE)
    for content in (gzip.compress(archive.content), gzip.compress(archive.content) * 2):
        captures, errors = _split(_read(content))
        assert errors == []
        assert len(captures) == len(content) // len(gzip.compress(archive.content)) * 3
        assert captures[1].path == f"a.warc#offset={archive.offsets[1]}"


@pytest.mark.parametrize(
    ("garbage", "reason"),
    [
        (b"NOT A RECORD\r\n\r\n", "Invalid WARC record, first line: NOT A RECORD"),
        (b"WARC/1.0\r\nWARC-Type: response\r\n\r\n", "record has no valid Content-Length"),
    ],
)
def test_warc_corrupt_record_stops(garbage: bytes, reason: str) -> None:
    archive = Archive(gzip=False)
    archive.response("https://example.org/a", PAGE)
    archive.offsets.append(len(archive.content))
    archive.out.write(garbage)
    archive.response("https://example.org/never", PAGE)
    items = _read(archive.content)
    assert [type(item) for item in items] == [Capture, CaptureError]
    error = items[1]
    assert isinstance(error, CaptureError)
    assert error.where == f"a.warc#offset={archive.offsets[1]}"
    assert reason in error.reason


def test_warc_through_ingest_captures() -> None:
    archive = Archive()
    archive.response("https://example.org/a", PAGE)
    item = Input(where="crawl.warc.gz", content=archive.content, modified=WHEN)
    (capture,) = ingest.captures(item, captured_at=None, max_bytes=LIMIT)
    assert isinstance(capture, Capture)
    assert (capture.path, capture.media_type) == ("crawl.warc.gz#offset=0", sniff.HTML)
