"""The pipeline: the only place that loops over inputs, commits, and catches.

``run`` ingests paths into a database, ``extract`` yields records without one, ``rebuild``
re-derives every document from the stored captures. Each catches ``CrosscheckError`` per capture,
records it in the report and goes on: one bad file (or one bad record inside a WARC) never stops
a batch, and what was stored before it stays stored because each capture commits on its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, BinaryIO

from crosscheck import ingest
from crosscheck.errors import CaptureError, CrosscheckError
from crosscheck.ingest.files import inputs
from crosscheck.model import Capture, Document, Facts
from crosscheck.record import to_record
from crosscheck.store import Database

__all__ = ["Failure", "Options", "RunReport", "extract", "rebuild", "run"]

#: called once per input file as it is finished: (where, bytes read)
Progress = Callable[[str, int], None]

#: the extraction stages: a document's text in, its facts out (``crosscheck.extract.Extractor``)
Extract = Callable[[Document], Facts]


@dataclass(frozen=True, slots=True, kw_only=True)
class Options:
    """What every entry point shares: the fallback capture date and the size limit."""

    captured_at: datetime | None = None
    max_bytes: int = 100 * 1024 * 1024
    extractor: Extract | None = None  # None: documents only, no facts


@dataclass(frozen=True, slots=True)
class Failure:
    where: str
    reason: str


@dataclass(slots=True)
class RunReport:
    """Counts of captures stored and already present, documents written, and failures."""

    stored: int = 0
    present: int = 0
    documents: int = 0
    failures: list[Failure] = field(default_factory=list)

    def failed(self, error: CaptureError | CrosscheckError) -> None:
        if isinstance(error, CaptureError):
            self.failures.append(Failure(error.where, error.reason))
        else:
            self.failures.append(Failure("", str(error)))

    @property
    def ok(self) -> bool:
        return not self.failures


def run(
    paths: Sequence[str],
    db: Database,
    options: Options,
    *,
    stdin: BinaryIO | None = None,
    progress: Progress | None = None,
) -> RunReport:
    """Ingest ``paths`` into ``db``; re-running stores nothing new."""
    report = RunReport()
    for capture in _captures(paths, options, report, stdin, progress):
        try:
            if db.has_capture(capture.sha256):
                report.present += 1
                continue
            documents, facts = _process(capture, options)
            if db.save(capture, documents, facts):
                report.stored += 1
                report.documents += len(documents)
            else:  # another process stored it between the check and the write
                report.present += 1
        except CrosscheckError as error:
            report.failed(error)
    return report


def extract(
    paths: Sequence[str],
    options: Options,
    report: RunReport,
    *,
    stdin: BinaryIO | None = None,
) -> Iterator[dict[str, Any]]:
    """The ``crosscheck.record/1`` of every document under ``paths``, touching no database."""
    for capture in _captures(paths, options, report, stdin, None):
        try:
            documents, facts = _process(capture, options)
        except CrosscheckError as error:
            report.failed(error)
            continue
        report.stored += 1
        report.documents += len(documents)
        found: list[Facts | None] = [*facts] or [None] * len(documents)
        for document, facts_of_document in zip(documents, found, strict=True):
            yield to_record(capture, document, facts_of_document)


def rebuild(
    db: Database, options: Options | None = None, *, progress: Progress | None = None
) -> RunReport:
    """Re-derive every stored capture's documents (and facts) with the current extractors."""
    report = RunReport()
    for capture in db.captures():
        try:
            documents, facts = _process(capture, options or Options())
            db.replace_documents(capture, documents, facts)
            report.stored += 1
            report.documents += len(documents)
        except CrosscheckError as error:
            report.failed(error)
        if progress is not None:
            progress(capture.path or capture.sha256, capture.size)
    return report


def _process(capture: Capture, options: Options) -> tuple[list[Document], list[Facts]]:
    """A capture's documents and, when an extractor is set, the facts of each."""
    documents = ingest.documents(capture)
    if options.extractor is None:
        return documents, []
    return documents, [options.extractor(document) for document in documents]


def _captures(
    paths: Sequence[str],
    options: Options,
    report: RunReport,
    stdin: BinaryIO | None,
    progress: Progress | None,
) -> Iterator[Capture]:
    for item in inputs(paths, max_bytes=options.max_bytes, stdin=stdin):
        if isinstance(item, CaptureError):
            report.failed(item)
            if progress is not None:
                progress(item.where, 0)
            continue
        for capture in ingest.captures(
            item, captured_at=options.captured_at, max_bytes=options.max_bytes
        ):
            if isinstance(capture, CaptureError):
                report.failed(capture)
            else:
                yield capture
        if progress is not None:
            progress(item.where, len(item.content))
