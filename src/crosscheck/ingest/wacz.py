"""WACZ: a ZIP of ``archive/*.warc[.gz]``, ``pages/pages.jsonl`` and ``datapackage.json``.

Only the WARCs carry captures; each is read by ``warc.captures`` and its captures are named
``<where>#<member>#offset=<n>``. The page index and package metadata repeat what the WARCs
say, so they are not read. A WARC that cannot be read yields its error and the next WARC is
still read; a ZIP that cannot be opened, or holds no WARC, is one error.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator
from datetime import datetime

from crosscheck.errors import CaptureError
from crosscheck.ingest import sniff, warc
from crosscheck.model import Capture

__all__ = ["NAME", "captures"]

NAME = "ingest.wacz.v1"

# What a damaged or unusual member raises while being read: a bad CRC or header (BadZipFile),
# corrupt deflate data (zlib.error), a cut-off stream (EOFError), a header offset before the
# start of the file (ValueError), an encrypted member (RuntimeError) or a compression method
# zipfile lacks (NotImplementedError).
_MEMBER_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    ValueError,
    RuntimeError,
    NotImplementedError,
)


def captures(
    where: str, content: bytes, *, captured_at: datetime, max_bytes: int
) -> Iterator[Capture | CaptureError]:
    """The HTML captures of every WARC in the WACZ, in member-name order."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
    except sniff.ZIP_ERRORS as error:
        yield CaptureError(where, f"corrupt ZIP archive ({error})")
        return
    with archive:
        members = [info for info in archive.infolist() if _is_warc(info.filename)]
        members.sort(key=lambda info: info.filename)
        if not members:
            yield CaptureError(where, "WACZ holds no archive/*.warc or archive/*.warc.gz")
            return
        for info in members:
            yield from _member_captures(archive, info, where, captured_at, max_bytes)


def _is_warc(member: str) -> bool:
    leaf = member.rsplit("/", 1)[-1]
    return member.startswith("archive/") and leaf.endswith((".warc", ".warc.gz"))


def _member_captures(
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    where: str,
    captured_at: datetime,
    max_bytes: int,
) -> Iterator[Capture | CaptureError]:
    name = f"{where}#{info.filename}"
    try:
        content = _read(archive, info, max_bytes)
    except CaptureError as error:
        yield CaptureError(name, error.reason)
        return
    yield from warc.captures(name, content, captured_at=captured_at, max_bytes=max_bytes)


def _read(archive: zipfile.ZipFile, info: zipfile.ZipInfo, max_bytes: int) -> bytes:
    """The member's bytes; the declared size is checked first, then the bytes actually read
    (a ZIP can lie about sizes)."""
    if info.file_size > max_bytes:
        raise CaptureError(info.filename, f"too large: {info.file_size} bytes, limit {max_bytes}")
    try:
        with archive.open(info) as member:
            content = member.read(max_bytes + 1)
    except _MEMBER_ERRORS as error:
        raise CaptureError(info.filename, f"unreadable ZIP member ({error})") from error
    if len(content) > max_bytes:
        raise CaptureError(info.filename, f"too large: more than {max_bytes} bytes")
    return content
