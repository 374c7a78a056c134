"""Name a capture's format from its bytes; the file name only breaks ties.

The cascade, first match wins:

1. No bytes: ``CaptureError`` "empty file".
2. gzip: when the first member starts with ``WARC/`` it is a WARC.gz (warcio reads it member by
   member); otherwise the whole input is gunzipped (bounded by ``max_bytes``) and the inner bytes
   go through this cascade, and their type is returned. The capture keeps the gzipped bytes;
   readers get back to the inner bytes with ``inner``.
3. ``WARC/1.``: WARC.
4. ZIP: a WACZ when it holds ``datapackage.json`` or ``archive/*.warc*``, else an error.
5. Text: decoded with ``decode.decode_text`` (legacy encodings; binary data is an error).
6. ``WEBVTT`` header: VTT. An SRT index line followed by a timing line: SRT.
7. JSON (text starting ``{"``, ``[{`` and the like, or any bracket that parses): a Telegram
   Desktop export (one chat, or a full export with ``chats.list``), or JSON Lines records with
   ``url`` and ``html`` or ``text``; invalid JSON and JSON of another shape are errors that say
   which. A clip that only starts with a bracket ("[Video] ...") is text.
8. HTML (a doctype, ``<html``, ``<head`` or ``<body`` first, or mostly markup), else plain text.

Only ``CaptureError`` ever leaves ``sniff``, whatever the bytes.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
import zlib
from typing import Any

from crosscheck.errors import CaptureError
from crosscheck.ingest import decode
from crosscheck.settings import DEFAULT_MAX_CAPTURE_BYTES

__all__ = [
    "HTML",
    "JSONL",
    "RECORD",
    "SRT",
    "TELEGRAM",
    "TEXT",
    "VTT",
    "WACZ",
    "WARC",
    "ZIP_ERRORS",
    "inner",
    "is_record",
    "is_telegram",
    "sniff",
]

NAME = "ingest.sniff.v1"

TEXT = "text/plain"
HTML = "text/html"
VTT = "text/vtt"
SRT = "application/x-subrip"
TELEGRAM = "application/vnd.telegram-desktop-export+json"
RECORD = "application/vnd.crosscheck.record+json"
WARC = "application/warc"
WACZ = "application/wacz"
JSONL = "application/jsonl"

#: what ``zipfile.ZipFile`` raises on a damaged archive: a bad directory (BadZipFile), offsets
#: outside the file (ValueError, EOFError), a newer ZIP version than it reads (NotImplementedError)
ZIP_ERRORS = (zipfile.BadZipFile, ValueError, EOFError, NotImplementedError)
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")  # a local file header; an empty archive
_JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
_VTT = re.compile(r"\AWEBVTT(?:[ \t]|\r|\n|\Z)")
_SRT = re.compile(r"\A\s*\d+[ \t]*\r?\n[ \t]*\d+:\d{1,2}:\d{1,2}[,.]\d{1,3}[ \t]*-->")
_JSON_START = re.compile(r'\A\s*(?:\{\s*["}]|\[\s*[\[{"\]])')
_HTML_START = re.compile(
    r"\A\s*(?:<\?xml[^>]{0,200}>\s*)?(?:<!--[^>]{0,500}-->\s*)?"
    r"<(?:!doctype\s+html|html|head|body)[\s>]",
    re.IGNORECASE,
)
_TAG = re.compile(r"<[!/]?[a-zA-Z][^<>]{0,2000}>")
_MARKUP_SHARE = 0.3  # a fragment whose characters are this much markup is a page, not a clip
_HEAD = 65536


def sniff(content: bytes, *, name: str, max_bytes: int) -> str:
    """The media type of ``content`` (one of this module's constants), or ``CaptureError``."""
    if not content:
        raise CaptureError(name, "empty file")
    if decode.is_gzip(content):
        return _sniff_gzip(content, name, max_bytes)
    return _sniff_plain(content, name)


def inner(content: bytes, *, where: str, max_bytes: int = DEFAULT_MAX_CAPTURE_BYTES) -> bytes:
    """The bytes a sniffed type describes: gunzipped when ``sniff`` looked through gzip.

    ``sniff`` already refused inner data over the user's limit; the default here only guards
    readers, which are not told the limit, against a gzip bomb.
    """
    if decode.is_gzip(content):
        return decode.gunzip(content, where=where, max_bytes=max_bytes)
    return content


def is_telegram(value: object) -> bool:
    """A Telegram Desktop export: one chat, or a whole account (``chats.list``)."""
    if not isinstance(value, dict):
        return False
    if isinstance(value.get("messages"), list) and "id" in value and "type" in value:
        return True
    chats = value.get("chats")
    return isinstance(chats, dict) and isinstance(chats.get("list"), list)


def is_record(value: object) -> bool:
    """A JSON Lines record: an object with ``url`` and ``html`` or ``text``."""
    return isinstance(value, dict) and "url" in value and ("html" in value or "text" in value)


def _sniff_gzip(content: bytes, name: str, max_bytes: int) -> str:
    if _gzip_head(content, name).startswith(b"WARC/"):
        return WARC
    unzipped = decode.gunzip(content, where=name, max_bytes=max_bytes)
    if not unzipped:
        raise CaptureError(name, "empty file (inside gzip)")
    if decode.is_gzip(unzipped):
        raise CaptureError(name, "gzip inside gzip")
    if unzipped.startswith(_ZIP_MAGIC):
        raise CaptureError(name, "ZIP archive inside gzip")
    return _sniff_plain(unzipped, name.removesuffix(".gz"))


def _gzip_head(content: bytes, name: str) -> bytes:
    """The first bytes of the first gzip member, without decompressing the rest."""
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(content, 16)
    except zlib.error as error:
        raise CaptureError(name, f"corrupt gzip data ({error})") from error


def _sniff_plain(content: bytes, name: str) -> str:
    if content.startswith(b"WARC/1."):
        return WARC
    if content.startswith(_ZIP_MAGIC):
        return _sniff_zip(content, name)
    text = decode.decode_text(content, where=name)
    if decode.looks_binary(text):
        raise CaptureError(name, "binary data, not text")
    if not text.strip():
        raise CaptureError(name, "file holds only whitespace")
    return _sniff_text(text, name)


def _sniff_zip(content: bytes, name: str) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            members = archive.namelist()
    except ZIP_ERRORS as error:
        raise CaptureError(name, f"corrupt ZIP archive ({error})") from error
    if any(_is_wacz_member(member) for member in members):
        return WACZ
    raise CaptureError(name, "ZIP archive that is not a WACZ")


def _is_wacz_member(member: str) -> bool:
    return member == "datapackage.json" or (
        member.startswith("archive/") and ".warc" in member.rsplit("/", 1)[-1]
    )


def _sniff_text(text: str, name: str) -> str:
    if _VTT.match(text):
        return VTT
    if _SRT.match(text):
        return SRT
    if _looks_like_json(text, name):
        return _sniff_json(text, name)
    return HTML if _is_html(text) else TEXT


def _looks_like_json(text: str, name: str) -> bool:
    """``{"``, ``[{`` and the like start JSON (broken JSON is then an error); a clip that
    merely starts with a bracket ("[Video] ...", "{Update}") is JSON only if it parses."""
    if text.lstrip()[:1] not in ("{", "["):
        return False
    if _JSON_START.match(text) or name.lower().endswith(_JSONL_SUFFIXES):
        return True
    try:
        json.loads(text)
    except (ValueError, RecursionError):
        return False
    return True


def _sniff_json(text: str, name: str) -> str:
    try:
        value = json.loads(text)
    except (ValueError, RecursionError) as error:
        return _sniff_json_lines(text, name, error)
    if is_telegram(value):
        return TELEGRAM
    if is_record(value):
        if "\n" not in text.strip() or name.lower().endswith(_JSONL_SUFFIXES):
            return JSONL
        raise CaptureError(name, "one JSON record over several lines (JSON Lines needs one a line)")
    raise CaptureError(name, "JSON is neither a Telegram Desktop export nor JSON Lines records")


def _sniff_json_lines(text: str, name: str, error: ValueError | RecursionError) -> str:
    """Text that is not one JSON value: JSON Lines when its first record says so (a later bad
    line is that record's error, not the file's)."""
    first = _first_line_value(text)
    if is_record(first) or name.lower().endswith(_JSONL_SUFFIXES):
        return JSONL
    if isinstance(error, json.JSONDecodeError) and error.msg == "Extra data" and first is not None:
        raise CaptureError(name, "JSON is neither a Telegram Desktop export nor JSON Lines records")
    raise CaptureError(name, _json_reason(error))


def _first_line_value(text: str) -> Any:
    """The JSON value on the first non-blank line, else None."""
    line = next((line for line in text.split("\n") if line.strip()), "")
    try:
        return json.loads(line)
    except (ValueError, RecursionError):
        return None


def _json_reason(error: ValueError | RecursionError) -> str:
    if isinstance(error, json.JSONDecodeError):
        return f"invalid JSON at line {error.lineno} column {error.colno}: {error.msg}"
    if isinstance(error, RecursionError):
        return "invalid JSON: nested too deeply"
    return f"invalid JSON: {error}"  # e.g. an integer with more digits than Python converts


def _is_html(text: str) -> bool:
    head = text[:_HEAD]
    if _HTML_START.match(head[:2048]):
        return True
    if not head.lstrip().startswith("<"):
        return False
    tags = _TAG.findall(head)
    markup = sum(len(tag) for tag in tags)
    return len(tags) >= 2 and markup >= _MARKUP_SHARE * len(head.strip())
