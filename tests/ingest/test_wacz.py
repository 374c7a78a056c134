"""wacz.captures: the WARCs inside a WACZ, named by member and offset."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import UTC, datetime

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from crosscheck import ingest
from crosscheck.errors import CaptureError
from crosscheck.ingest import sniff, wacz
from crosscheck.ingest.files import Input
from crosscheck.model import Capture

WHEN = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
LIMIT = 1 << 20
PAGE = b"<html><body><p>Shelling reported near the bridge.</p></body></html>"


def _warc(*uris: str, compressed: bool = True) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=compressed)
    for uri in uris:
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            uri, "response", payload=io.BytesIO(PAGE), length=len(PAGE), http_headers=http
        )
        writer.write_record(record)
    return out.getvalue()


def _wacz(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("datapackage.json", json.dumps({"profile": "data-package"}))
        archive.writestr("pages/pages.jsonl", '{"format": "json-pages-1.0"}\n')
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def _read(content: bytes, *, max_bytes: int = LIMIT) -> list[Capture | CaptureError]:
    return list(wacz.captures("crawl.wacz", content, captured_at=WHEN, max_bytes=max_bytes))


def test_wacz_yields_captures_of_every_warc() -> None:
    first = _warc("https://example.org/a")
    content = _wacz(
        {
            "archive/data-2.warc": _warc("https://example.org/c", compressed=False),
            "archive/data-1.warc.gz": first + _warc("https://example.org/b"),
        }
    )
    captures = [item for item in _read(content) if isinstance(item, Capture)]
    assert [(c.url, c.path) for c in captures] == [
        ("https://example.org/a", "crawl.wacz#archive/data-1.warc.gz#offset=0"),
        ("https://example.org/b", f"crawl.wacz#archive/data-1.warc.gz#offset={len(first)}"),
        ("https://example.org/c", "crawl.wacz#archive/data-2.warc#offset=0"),
    ]


def test_wacz_bad_warc_costs_only_itself() -> None:
    broken = _warc("https://example.org/x")[:40]
    content = _wacz({"archive/a.warc.gz": broken, "archive/b.warc.gz": _warc("https://e.org/b")})
    items = _read(content)
    assert [type(item) for item in items] == [CaptureError, Capture]
    assert isinstance(items[0], CaptureError)
    assert items[0].where.startswith("crawl.wacz#archive/a.warc.gz")


def test_wacz_member_over_limit_is_its_error() -> None:
    content = _wacz({"archive/a.warc": _warc("https://example.org/a", compressed=False)})
    (error,) = _read(content, max_bytes=100)
    assert isinstance(error, CaptureError)
    assert error.where == "crawl.wacz#archive/a.warc"
    assert error.reason.startswith("too large")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"PK\x03\x04 not really a zip", "corrupt ZIP archive"),
        (_wacz({}), "WACZ holds no archive/*.warc or archive/*.warc.gz"),
    ],
)
def test_wacz_unusable_archive_is_one_error(content: bytes, reason: str) -> None:
    (error,) = _read(content)
    assert isinstance(error, CaptureError)
    assert (error.where, error.reason.startswith(reason)) == ("crawl.wacz", True)


def test_wacz_corrupt_member_data_is_its_error() -> None:
    content = bytearray(_wacz({"archive/a.warc.gz": _warc("https://example.org/a") * 20}))
    start = content.index(b"archive/a.warc.gz") + len("archive/a.warc.gz") + 10
    content[start : start + 40] = b"\xff" * 40  # inside the member's deflate data
    (error,) = _read(bytes(content))
    assert isinstance(error, CaptureError)
    assert error.where == "crawl.wacz#archive/a.warc.gz"
    assert error.reason.startswith("unreadable ZIP member")


def test_wacz_through_ingest_captures() -> None:
    content = _wacz({"archive/a.warc.gz": _warc("https://example.org/a")})
    item = Input(where="crawl.wacz", content=content, modified=WHEN)
    (capture,) = ingest.captures(item, captured_at=None, max_bytes=LIMIT)
    assert isinstance(capture, Capture)
    assert capture.media_type == sniff.HTML
    assert capture.captured_at != WHEN  # the WARC-Date wins over the file's time
