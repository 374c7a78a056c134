"""The pipeline: the only place that loops over inputs, commits, and catches.

``run`` ingests paths into a database, ``extract`` yields records without one, ``rebuild``
re-derives every document from the stored captures. Each catches ``CrosscheckError`` per capture,
records it in the report and goes on: one bad file (or one bad record inside a WARC) never stops
a batch, and what was stored before it stays stored because each capture commits on its own.

When facts are extracted, captures are read a few at a time (``BATCH``) and their documents'
facts extracted together, because the language models parse a batch of texts faster than the
same texts one by one. Everything else stays per capture and in input order: each capture is
stored in its own transaction, failures and progress are reported in the order of the inputs,
and a ``CrosscheckError`` raised while extracting a batch sends that batch through again one
capture at a time, so only the capture it belongs to fails.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, BinaryIO, Protocol

from crosscheck import ingest
from crosscheck.errors import CaptureError, CrosscheckError
from crosscheck.ingest.files import inputs
from crosscheck.model import Capture, Document, Facts
from crosscheck.record import to_record
from crosscheck.store import Database

__all__ = ["BATCH", "Extract", "Failure", "Options", "RunReport", "extract", "rebuild", "run"]

#: called once per input file as it is finished: (where, bytes read)
Progress = Callable[[str, int], None]

#: at most this many captures, and this many bytes of them, have their facts extracted together
BATCH = 16
BATCH_BYTES = 16 * 1024 * 1024


class Extract(Protocol):
    """The extraction stages (``crosscheck.extract.Extractor``): documents in, their facts out,
    one ``Facts`` per document in the same order."""

    def extract_many(self, documents: Iterable[Document]) -> Iterator[Facts]: ...


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


@dataclass(frozen=True, slots=True)
class _Read:
    """An input is finished (``where``, bytes read): progress, once what came before is done."""

    where: str
    size: int


@dataclass(frozen=True, slots=True)
class _Processed:
    """A capture with its documents and, when an extractor is set, the facts of each."""

    capture: Capture
    documents: list[Document]
    facts: list[Facts] = field(default_factory=list)


#: what the loops meet, in input order
_Item = Capture | CrosscheckError | _Read
_Event = _Processed | CrosscheckError | _Read


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
    items = _new(_captures(paths, options, stdin), db, report)
    for done in _outcomes(_processed(items, options), report, progress):
        try:
            if db.save(done.capture, done.documents, done.facts):
                report.stored += 1
                report.documents += len(done.documents)
            else:  # stored before in this batch, or by another process since the check
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
    for done in _outcomes(_processed(_captures(paths, options, stdin), options), report, None):
        report.stored += 1
        report.documents += len(done.documents)
        found: list[Facts | None] = [*done.facts] or [None] * len(done.documents)
        for document, facts_of_document in zip(done.documents, found, strict=True):
            yield to_record(done.capture, document, facts_of_document)


def rebuild(
    db: Database, options: Options | None = None, *, progress: Progress | None = None
) -> RunReport:
    """Re-derive every stored capture's documents (and facts) with the current extractors."""
    report = RunReport()
    items = (i for c in db.captures() for i in (c, _Read(c.path or c.sha256, c.size)))
    for done in _outcomes(_processed(items, options or Options()), report, progress):
        try:
            db.replace_documents(done.capture, done.documents, done.facts)
            report.stored += 1
            report.documents += len(done.documents)
        except CrosscheckError as error:
            report.failed(error)
    return report


def _outcomes(
    events: Iterable[_Event], report: RunReport, progress: Progress | None
) -> Iterator[_Processed]:
    """The processed captures; failures go to the report and finished inputs to ``progress``."""
    for event in events:
        if isinstance(event, _Processed):
            yield event
        elif isinstance(event, _Read):
            if progress is not None:
                progress(event.where, event.size)
        else:
            report.failed(event)


def _processed(items: Iterable[_Item], options: Options) -> Iterator[_Event]:
    """Every item in order, each capture replaced by its documents and facts (or its error);
    with an extractor, captures are gathered into batches whose facts are extracted together."""
    limit = BATCH if options.extractor is not None else 1  # without facts, nothing to batch
    batch: list[_Item] = []
    captures = size = 0
    for item in items:
        batch.append(item)
        if isinstance(item, Capture):
            captures, size = captures + 1, size + item.size
        if captures >= limit or size >= BATCH_BYTES:
            yield from _process_batch(batch, options.extractor)
            batch, captures, size = [], 0, 0
    yield from _process_batch(batch, options.extractor)


def _process_batch(items: list[_Item], extractor: Extract | None) -> list[_Event]:
    events = [_documents(item) if isinstance(item, Capture) else item for item in items]
    ready = [event for event in events if isinstance(event, _Processed)]
    if extractor is None or not ready:
        return events
    try:
        facts = iter(list(extractor.extract_many(d for done in ready for d in done.documents)))
    except CrosscheckError:  # find the capture it belongs to: one at a time, only that one fails
        return [_with_facts(e, extractor) if isinstance(e, _Processed) else e for e in events]
    return [
        dataclasses.replace(e, facts=[next(facts) for _ in e.documents])
        if isinstance(e, _Processed)
        else e
        for e in events
    ]


def _documents(capture: Capture) -> _Processed | CrosscheckError:
    try:
        return _Processed(capture, ingest.documents(capture))
    except CrosscheckError as error:
        return error


def _with_facts(done: _Processed, extractor: Extract) -> _Processed | CrosscheckError:
    try:
        return dataclasses.replace(done, facts=list(extractor.extract_many(done.documents)))
    except CaptureError as error:
        return _named(done.capture, error)
    except CrosscheckError as error:
        return error


def _named(capture: Capture, error: CaptureError) -> CaptureError:
    """Extraction names the document it failed on; the user also needs the file it came from."""
    where = capture.path or capture.url
    if where is None or where in error.where:
        return error
    return CaptureError(f"{where} ({error.where})", error.reason)


def _new(items: Iterable[_Item], db: Database, report: RunReport) -> Iterator[_Item]:
    """``items`` less the captures ``db`` already holds, which are counted as present."""
    for item in items:
        try:
            if isinstance(item, Capture) and db.has_capture(item.sha256):
                report.present += 1
                continue
        except CrosscheckError as error:
            item = error
        yield item


def _captures(paths: Sequence[str], options: Options, stdin: BinaryIO | None) -> Iterator[_Item]:
    """The captures in ``paths``, with the errors of what cannot be read, each input followed
    by a ``_Read`` for progress."""
    for item in inputs(paths, max_bytes=options.max_bytes, stdin=stdin):
        if isinstance(item, CaptureError):
            yield item
            yield _Read(item.where, 0)
            continue
        yield from ingest.captures(
            item, captured_at=options.captured_at, max_bytes=options.max_bytes
        )
        yield _Read(item.where, len(item.content))
