"""(STUB: helper A implements.)"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from crosscheck.errors import CaptureError
from crosscheck.model import Capture, Document

NAME = "ingest.jsonl.v1"


def captures(
    where: str, content: bytes, *, captured_at: datetime, max_bytes: int
) -> Iterator[Capture | CaptureError]:
    raise NotImplementedError


def documents(capture: Capture) -> list[Document]:
    raise NotImplementedError
