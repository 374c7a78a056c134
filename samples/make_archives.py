"""Build the binary sample captures from the text sources in ``samples/sources/``.

Run ``python samples/make_archives.py`` after editing a source, and commit both. The output is
byte-for-byte reproducible (fixed WARC dates and record ids, gzip mtime 0, fixed ZIP
timestamps), so a rerun without edits leaves ``git status`` clean. The sources live outside
``samples/captures/`` because ``crosscheck ingest samples/captures`` must read each page once,
from inside its archive, not a second time as a loose file.

Writes, under ``samples/captures/``: ``html/coastal-herald-tykhovoda.en.html.gz``,
``archives/eastern-ledger-crawl.warc.gz`` and
``archives/civic-monitor-crawl.wacz``.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import zipfile
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from urllib.parse import urlsplit

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "sources"
CAPTURES = HERE / "captures"
USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) crosscheck-samples/1.0"
ZIP_TIME = (2026, 9, 14, 10, 30, 0)

# A 1x1 GIF: the smallest real image, so the WARC holds a non-HTML response like real crawls do.
GIF = bytes.fromhex(
    "47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b"
)


@dataclass(frozen=True, slots=True)
class Record:
    """One WARC response (and optionally its request): fixed id and date keep output stable."""

    url: str
    date: str  # WARC-Date, UTC
    uuid: int  # last digits of the fixed urn:uuid record id
    source: str = ""  # file under .sources/, empty when ``body`` is given
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    with_request: bool = False

    def payload(self) -> bytes:
        return self.body or (SOURCES / self.source).read_bytes()


WARC_RECORDS = (
    Record(
        "https://eastern-ledger.example/world/2026/09/12/tykhovoda-glide-bomb",
        "2026-09-15T07:12:05Z",
        0x11,
        source="warc/eastern-ledger-tykhovoda.html",
        with_request=True,
    ),
    Record(
        "https://eastern-ledger.example/media/2026/09/tykhovoda.gif",
        "2026-09-15T07:12:06Z",
        0x13,
        body=GIF,
        content_type="image/gif",
    ),
    Record(
        "https://polevoy-obozrevatel.example/news/84512",
        "2026-09-15T07:12:09Z",
        0x14,
        source="warc/polevoy-obozrevatel-tikhovoda.html",
    ),
    Record(
        "https://eastern-ledger.example/world/2026/09/14/yerokhin-video",
        "2026-09-15T07:12:12Z",
        0x15,
        source="warc/eastern-ledger-yerokhin.html",
    ),
)

WACZ_RECORDS = (
    Record(
        "https://civic-monitor.example/notes/ccm-0912-01",
        "2026-09-14T10:02:00Z",
        0x21,
        source="wacz/civic-monitor-ccm-0912-01.html",
    ),
    Record(
        "https://pryozerna-ova.example/news/zaiava-tykhovoda",
        "2026-09-14T10:02:30Z",
        0x22,
        source="wacz/pryozerna-ova-zaiava.html",
    ),
)


def record_id(uuid: int) -> str:
    return f"<urn:uuid:5a3c0e2e-7b1d-4c8a-9f00-{uuid:012x}>"


def write_warcinfo(writer: WARCWriter, filename: str, first: Record) -> None:
    fields = {"software": "crosscheck samples/make_archives.py", "format": "WARC File Format 1.0"}
    payload = "".join(
        f"{k}: {v}\r\n" for k, v in (fields | {"isPartOf": filename}).items()
    ).encode()
    headers = {"WARC-Record-ID": record_id(first.uuid - 1), "WARC-Date": first.date}
    headers["WARC-Filename"] = filename
    headers["Content-Type"] = "application/warc-fields"
    writer.write_record(
        writer.create_warc_record(
            "", "warcinfo", payload=BytesIO(payload), length=len(payload), warc_headers_dict=headers
        )
    )


def write_response(writer: WARCWriter, record: Record) -> None:
    body = record.payload()
    http = StatusAndHeaders(
        "200 OK",
        [("Content-Type", record.content_type), ("Content-Length", str(len(body)))],
        protocol="HTTP/1.1",
    )
    headers = {"WARC-Record-ID": record_id(record.uuid), "WARC-Date": record.date}
    writer.write_record(
        writer.create_warc_record(
            record.url,
            "response",
            payload=BytesIO(body),
            http_headers=http,
            warc_headers_dict=headers,
        )
    )


def write_request(writer: WARCWriter, record: Record) -> None:
    # A crawler writes the request it sent beside the response; readers must skip it.
    parts = urlsplit(record.url)
    http = StatusAndHeaders(
        f"GET {parts.path} HTTP/1.1",
        [("Host", parts.netloc), ("User-Agent", USER_AGENT), ("Accept", "text/html")],
        is_http_request=True,
    )
    headers = {"WARC-Record-ID": record_id(record.uuid + 1), "WARC-Date": record.date}
    headers["WARC-Concurrent-To"] = record_id(record.uuid)
    writer.write_record(
        writer.create_warc_record(
            record.url, "request", http_headers=http, warc_headers_dict=headers
        )
    )


def build_warc(records: tuple[Record, ...], filename: str) -> tuple[bytes, list[str]]:
    """The gzipped WARC and one CDXJ index line per response (for the WACZ's index)."""
    out = BytesIO()
    writer = WARCWriter(out, gzip=True)
    write_warcinfo(writer, filename, records[0])
    index = []
    for record in records:
        offset = out.tell()
        write_response(writer, record)
        index.append(cdxj_line(record, filename, offset, out.tell() - offset))
        if record.with_request:
            write_request(writer, record)
    return out.getvalue(), index


def cdxj_line(record: Record, filename: str, offset: int, length: int) -> str:
    parts = urlsplit(record.url)
    surt = ",".join(reversed(parts.netloc.split("."))) + ")" + parts.path
    stamp = record.date.replace("-", "").replace(":", "").replace("T", "").rstrip("Z")
    digest = hashlib.sha256(record.payload()).hexdigest()
    fields = {"url": record.url, "mime": record.content_type.split(";")[0], "status": "200"}
    fields |= {"digest": f"sha256:{digest}", "length": str(length), "offset": str(offset)}
    return f"{surt} {stamp} {json.dumps(fields | {'filename': filename})}"


def pages_jsonl(records: tuple[Record, ...]) -> bytes:
    header = {"format": "json-pages-1.0", "id": "pages", "title": "All Pages"}
    lines = [json.dumps(header)]
    for record in records:
        title = page_title(record.payload())
        lines.append(
            json.dumps(
                {
                    "id": f"page-{record.uuid:02x}",
                    "url": record.url,
                    "ts": record.date,
                    "title": title,
                },
                ensure_ascii=False,
            )
        )
    return ("\n".join(lines) + "\n").encode()


def page_title(html: bytes) -> str:
    text = html.decode()
    return text.split("<title>", 1)[1].split("</title>", 1)[0]


def datapackage(members: dict[str, bytes]) -> bytes:
    resources = [
        {
            "name": Path(path).name,
            "path": path,
            "hash": f"sha256:{hashlib.sha256(data).hexdigest()}",
            "bytes": len(data),
        }
        for path, data in members.items()
    ]
    package = {
        "profile": "data-package",
        "resources": resources,
        "wacz_version": "1.1.1",
        "title": "Civic Casualty Monitor, Tykhovoda notes",
        "software": "crosscheck samples/make_archives.py",
        "created": "2026-09-14T10:30:00Z",
    }
    return (json.dumps(package, indent=2, ensure_ascii=False) + "\n").encode()


def build_wacz() -> bytes:
    warc, index = build_warc(WACZ_RECORDS, "data.warc.gz")
    members = {
        "archive/data.warc.gz": warc,
        "indexes/index.cdx": ("\n".join(sorted(index)) + "\n").encode(),
        "pages/pages.jsonl": pages_jsonl(WACZ_RECORDS),
    }
    members["datapackage.json"] = datapackage(members)
    return zip_bytes(members)


def zip_bytes(members: dict[str, bytes]) -> bytes:
    out = BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for path, data in members.items():
            info = zipfile.ZipInfo(path, date_time=ZIP_TIME)
            # WARCs are already gzipped: stored, as WACZ tools do, so readers can seek into them.
            info.compress_type = (
                zipfile.ZIP_STORED if path.endswith(".gz") else zipfile.ZIP_DEFLATED
            )
            info.create_system = 3  # the same bytes whether built on Unix or Windows
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return out.getvalue()


def main() -> None:
    html = (SOURCES / "html/coastal-herald-tykhovoda.html").read_bytes()
    outputs = {
        "html/coastal-herald-tykhovoda.en.html.gz": gzip.compress(html, mtime=0),
        "archives/eastern-ledger-crawl.warc.gz": build_warc(
            WARC_RECORDS, "eastern-ledger-crawl.warc.gz"
        )[0],
        "archives/civic-monitor-crawl.wacz": build_wacz(),
    }
    for name, data in outputs.items():
        (CAPTURES / name).write_bytes(data)
        print(f"{name}: {len(data)} bytes, sha256 {hashlib.sha256(data).hexdigest()[:16]}")


if __name__ == "__main__":
    main()
