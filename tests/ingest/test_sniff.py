"""sniff: the format of a capture from its bytes, the file name only breaking ties."""

from __future__ import annotations

import gzip
import io
import json
import zipfile
from pathlib import Path

import pytest

from crosscheck.errors import CaptureError
from crosscheck.ingest import sniff

LIMIT = 1 << 20
RECORD = {"url": "https://example.org/a", "text": "Body."}
CHAT = {"name": "Channel", "type": "public_channel", "id": 1, "messages": []}
ACCOUNT = {"about": "", "chats": {"about": "", "list": [CHAT]}}


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def _warc() -> bytes:
    return b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 0\r\n\r\n\r\n\r\n"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"Soldiers said the road was shelled.\n", sniff.TEXT),
        ("Солдаты сказали, что дорогу обстреляли.".encode("cp1251"), sniff.TEXT),
        (b"<!DOCTYPE html><html><body><p>x</p></body></html>", sniff.HTML),
        (b"\n  <html lang='en'><p>x</p></html>", sniff.HTML),
        (b"<?xml version='1.0'?>\n<html xmlns='http://www.w3.org/1999/xhtml'></html>", sniff.HTML),
        (b"<body><p>A fragment</p></body>", sniff.HTML),
        (b"<div><p>Mostly</p><p>markup</p><span>here</span></div>", sniff.HTML),
        (b"<3 this report, a plain note", sniff.TEXT),
        (b"[Video] Soldiers said the road was shelled.", sniff.TEXT),
        (b"{Update} The road is open again.", sniff.TEXT),
        (b"[1] Footnoted claim, a plain note", sniff.TEXT),
        (b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHello\n", sniff.VTT),
        ("\ufeffWEBVTT - title\n".encode(), sniff.VTT),
        (b"1\n00:00:01,000 --> 00:00:02,000\nHello\n", sniff.SRT),
        (b"\r\n1\r\n00:00:01,000 --> 00:00:02,000\r\nHello\r\n", sniff.SRT),
        (json.dumps(CHAT).encode(), sniff.TELEGRAM),
        (json.dumps(ACCOUNT, indent=1).encode(), sniff.TELEGRAM),
        (json.dumps(RECORD).encode(), sniff.JSONL),
        (((json.dumps(RECORD) + "\n") * 3).encode(), sniff.JSONL),
        ((json.dumps(RECORD) + "\n{not json\n").encode(), sniff.JSONL),
        (_warc(), sniff.WARC),
        (gzip.compress(_warc()), sniff.WARC),
        (gzip.compress(b"<html><body>x</body></html>"), sniff.HTML),
        (gzip.compress(json.dumps(RECORD).encode()), sniff.JSONL),
        (_zip({"datapackage.json": b"{}"}), sniff.WACZ),
        (_zip({"archive/data.warc.gz": gzip.compress(_warc())}), sniff.WACZ),
    ],
)
def test_sniff_names_format(content: bytes, expected: str) -> None:
    assert sniff.sniff(content, name="capture", max_bytes=LIMIT) == expected


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b" \n\t\n", "file holds only whitespace"),
        (bytes(range(256)) * 4, "binary data (NUL bytes), not text"),
        (b"\x01\x02\x03\x04\x05abc\x06\x07\x08", "binary data, not text"),
        (_zip({"notes.txt": b"hello"}), "ZIP archive that is not a WACZ"),
        (b"PK\x03\x04garbage", "corrupt ZIP archive (File is not a zip file)"),
        (gzip.compress(b"<html>")[:12], "truncated gzip data"),
        (b"\x1f\x8b\x08\x00garbage-that-is-not-deflate", "corrupt gzip data"),
        (gzip.compress(gzip.compress(b"text")), "gzip inside gzip"),
        (gzip.compress(_zip({"datapackage.json": b"{}"})), "ZIP archive inside gzip"),
        (gzip.compress(b""), "empty file (inside gzip)"),
        (b'{"url": "x",\n "text": }', "invalid JSON at line 2 column 10: Expecting value"),
        (b"[" * 100_000, "invalid JSON: nested too deeply"),
        (b'{"name": "Chat", "messages": [', "invalid JSON at line 1 column 31"),
        (b"[1, 2]", "JSON is neither a Telegram Desktop export nor JSON Lines records"),
        (b'{"a": 1}', "JSON is neither a Telegram Desktop export nor JSON Lines records"),
        (b'[{"url": "x", "html": "<p>"}]', "JSON is neither a Telegram Desktop export nor"),
        (b'{"a": 1}\n{"a": 2}\n', "JSON is neither a Telegram Desktop export nor JSON Lines"),
        (b'{\n "url": "x",\n "text": "y"\n}', "one JSON record over several lines"),
    ],
)
def test_sniff_refuses_with_reason(content: bytes, reason: str) -> None:
    with pytest.raises(CaptureError) as caught:
        sniff.sniff(content, name="capture", max_bytes=LIMIT)
    assert caught.value.where == "capture"
    assert caught.value.reason.startswith(reason)


def test_sniff_refuses_gzip_over_limit() -> None:
    with pytest.raises(CaptureError, match="larger than 1000 bytes"):
        sniff.sniff(gzip.compress(b"a" * 5000), name="big.txt.gz", max_bytes=1000)


@pytest.mark.parametrize(
    ("name", "expected"),
    [("records.jsonl", sniff.JSONL), ("records.ndjson.gz", sniff.JSONL)],
)
def test_sniff_uses_name_to_break_ties(name: str, expected: str) -> None:
    # JSON Lines by name, though the first record is bad: its line gets the error, not the file
    content = b'{"url": "x"}\n{"url": "y", "text": "z"}\n'
    if name.endswith(".gz"):
        content = gzip.compress(content)
    assert sniff.sniff(content, name=name, max_bytes=LIMIT) == expected


def test_sniff_pretty_record_with_jsonl_name_is_jsonl() -> None:
    content = json.dumps(RECORD, indent=2).encode()
    assert sniff.sniff(content, name="one.jsonl", max_bytes=LIMIT) == sniff.JSONL


def test_sniff_inner_gunzips_and_passes_plain_bytes() -> None:
    assert sniff.inner(gzip.compress(b"abc"), where="x") == b"abc"
    assert sniff.inner(b"abc", where="x") == b"abc"


@pytest.mark.parametrize(
    ("relative", "expected"),
    [
        ("smirnov/000_324805f2c092eb77.txt", sniff.TEXT),
        ("smirnov/ua-news-page.html", sniff.HTML),
        ("smirnov/wire-copy-en.html", sniff.HTML),
        ("smirnov/video-subtitles.en.vtt", sniff.VTT),
        ("smirnov/telegram-export/result.json", sniff.TELEGRAM),
        ("other/shelling-report.txt", sniff.TEXT),
        ("other/volkov-testimony.html", sniff.HTML),
    ],
)
def test_sniff_names_shared_samples(shared: Path, relative: str, expected: str) -> None:
    path = shared / "samples" / relative
    assert sniff.sniff(path.read_bytes(), name=str(path), max_bytes=LIMIT) == expected
