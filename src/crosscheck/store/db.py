"""(STUB: helper C implements.) The one object the pipeline, CLI and web layer talk to."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from crosscheck.model import Capture, Document


@dataclass(frozen=True, slots=True, kw_only=True)
class SearchHit:
    document_id: str
    title: str | None
    source: str | None
    language: str | None
    published: str | None  # ISO start of the published range
    snippet: str  # with the matched terms wrapped in [ and ]
    score: float  # higher is better


class Database:
    @classmethod
    def open(cls, url: str) -> Database:
        """Connect, create the SQLite file's folder, run migrations to head."""
        raise NotImplementedError

    def close(self) -> None: ...

    def has_capture(self, sha256: str) -> bool:
        raise NotImplementedError

    def save(self, capture: Capture, documents: Sequence[Document]) -> bool:
        """Store a capture and its documents in one transaction; False if already present."""
        raise NotImplementedError

    def replace_documents(self, capture_sha256: str, documents: Sequence[Document]) -> None:
        """Swap a capture's derived documents for new ones (``rebuild``), in one transaction."""
        raise NotImplementedError

    def captures(self) -> Iterator[Capture]:
        """Every stored capture, with its bytes, in ingest order."""
        raise NotImplementedError

    def search(self, query: str, *, limit: int = 20) -> list[SearchHit]:
        raise NotImplementedError

    def record(self, document_id: str) -> dict[str, Any]:
        """The ``crosscheck.record/1`` of a document by id or unique id prefix."""
        raise NotImplementedError

    def counts(self) -> dict[str, int]:
        raise NotImplementedError
