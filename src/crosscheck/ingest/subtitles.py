"""(STUB: implemented by a helper.)"""

from __future__ import annotations

from crosscheck.model import Capture, Document

NAME = "ingest.subtitles.v1"


def documents(capture: Capture) -> list[Document]:
    raise NotImplementedError
