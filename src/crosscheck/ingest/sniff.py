"""Name a capture's format from its bytes. (STUB: helper A implements.)

Contract: ``sniff(content, *, name, max_bytes) -> str`` returns one of the media-type constants
below, or raises ``CaptureError(name, reason)`` for empty input, binary junk, a ZIP that is not
a WACZ, truncated gzip, invalid JSON, an undecodable encoding...
"""

from __future__ import annotations

TEXT = "text/plain"
HTML = "text/html"
VTT = "text/vtt"
SRT = "application/x-subrip"
TELEGRAM = "application/vnd.telegram-desktop-export+json"
RECORD = "application/vnd.crosscheck.record+json"
WARC = "application/warc"
WACZ = "application/wacz"
JSONL = "application/jsonl"


def sniff(content: bytes, *, name: str, max_bytes: int) -> str:
    raise NotImplementedError
