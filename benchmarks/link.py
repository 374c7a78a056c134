"""How long linking one new document takes as the database grows: 10k, 100k, 1M documents.

    python benchmarks/link.py [--sizes 10000,100000,1000000] [--new 200] [--seed 1]
                              [--workers 2] [--keep DIR] [--json FILE]

For each size N, a fresh SQLite database in a temporary folder is filled with N documents that
are already linked, as ``crosscheck.link`` would have left them: documents and captures, link
profiles with MinHash signatures, blocking keys (with first and last event days) and LSH bands,
links, incidents and persons with their real summaries and tallies (``link.ledger``,
``link.persons``: a report that joins one grows it from these), and persons' members. The
documents come from a seeded synthetic world (``link_world.py``: Zipf-like places, outlets,
units, names and words; events over nearly five years, retold by a heavy-tailed number of
reports in three languages; copies; background stories). Rows are
written in bulk, in the formats ``crosscheck.link.update`` writes (its profile, key, signature
and day functions build them), without extraction or the linking path itself, so that a
million documents take minutes. Stored documents' texts are short lead paragraphs and are
left out of the full-text index: linking reads neither. Stored links are those inside each
event (a report linked with up to ``LINKED`` earlier ones; its incidents are the clusters that
``link.components`` makes of them; one person per person named in an incident, and a few
review candidates between namesakes). Links between reports of *different* events, which the
matcher also makes where a place is reported on every day, are not generated: regrouping
visits smaller neighbourhoods in the stored part than in a database that grew by linking.

Then ``--new`` new documents (full-length texts: new events, more reports of stored events,
copies of stored articles, background stories; the same fresh events at every size) are stored
with ``Database.save`` and linked through the real incremental path, ``link.link_pending``,
timed document by document (each in its own transaction, as in production; profile, MinHash,
copies, incidents, people, summaries). Extraction is not timed: the new documents carry their
facts, built as extraction would have built them; ``link.py`` checks that
``link.profile.profile`` reads the same profile from them as the synthetic world meant.

Each database file is read once before timing, so that all sizes start from the page cache
(the 1M file is about 15 GB; on a machine with less free memory than that, linking also
waits for the disk). The baseline is the smallest size, measured in the same run: the last
columns are the other sizes' cost per document divided by its. Before the first size, a small
database is built and linked once so that imports, caches and lazily loaded word lists do not
count against it.
The figures are for reading: nothing here fails on a time.
"""

from __future__ import annotations

import argparse
import itertools
import json
import multiprocessing
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
from wordfreq import zipf_frequency

sys.path.insert(0, str(Path(__file__).resolve().parent))

import link_world as world  # noqa: E402

from crosscheck.extract.names import name_key  # noqa: E402
from crosscheck.link import copies, incidents, ledger, link_pending, persons  # noqa: E402
from crosscheck.link import profile as profile_module  # noqa: E402
from crosscheck.link.components import Link, components  # noqa: E402
from crosscheck.link.profile import Profile, profile, to_json  # noqa: E402
from crosscheck.link.update import _days  # noqa: E402
from crosscheck.model import Document, Facts  # noqa: E402
from crosscheck.record import to_record  # noqa: E402
from crosscheck.store import Database  # noqa: E402
from crosscheck.store.links import Edge  # noqa: E402

DEFAULT_SIZES = (10_000, 100_000, 1_000_000)
CHUNK = 5_000
#: new documents report again and copy what the first chunks hold (the same at every size)
SAMPLED = 2
#: each report of an event is linked with up to this many earlier ones
LINKED = 30
#: new documents are numbered from here, apart from every stored one
NEW_BASE = 10**9
BUILT_AT = datetime(2026, 11, 24, tzinfo=UTC)
_BUILT = BUILT_AT.strftime("%Y-%m-%d %H:%M:%S.%f")
#: the rows of each linking table, in the column order of ``INSERTS``
TABLES = ("captures", "documents", "link_profiles", "link_keys", "link_edges", "incidents",
          "persons", "person_members")  # fmt: skip
INSERTS = {
    "captures": "captures (sha256, size, media_type, path, url, captured_at, captured_at_offset,"
    " ingested_at, content)",
    "documents": "documents (id, capture_sha256, locator, title, language, source, url, author,"
    " published_start, published_end, published_precision, record, created_at)",
    "link_profiles": "link_profiles (document_id, profile, signature, seen, incident_id, copy_of,"
    " copy_similarity, linked_at)",
    "link_keys": "link_keys (key, document_id, day, last_day)",
    "link_edges": "link_edges (kind, a, b, origin, verdict, score, features, author, comment,"
    " created_at)",
    "incidents": "incidents (id, start, end, place, kinds, documents, sources, summary, tally,"
    " updated_at)",
    "persons": "persons (id, name, documents, summary, tally, updated_at)",
    "person_members": "person_members (member, document_id, name_key, surname_key, attributes,"
    " person_id, day, mention)",
}
#: tables loaded through a scratch file, and the primary key order they are copied in
STAGED = ("link_keys", "link_edges")
PRIMARY_KEYS = {"link_keys": "key, document_id", "link_edges": "kind, a, b, origin"}
#: the world every worker builds from (set before the workers fork)
VOCABULARY: world.Vocabulary | None = None


def main() -> None:
    args = _parser().parse_args()
    global VOCABULARY
    VOCABULARY = world.vocabulary(args.seed)
    with tempfile.TemporaryDirectory(prefix="crosscheck-link-bench-") as scratch:
        _run_size(Path(scratch), 2_000, args, min(args.new, 20))  # warm-up, not reported
    results = []
    for size in args.sizes:
        with tempfile.TemporaryDirectory(prefix="crosscheck-link-bench-") as scratch:
            folder = args.keep or Path(scratch)
            results.append(_run_size(folder, size, args, args.new))
            _print_result(results[-1])
    _print_table(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        type=_sizes,
        default=DEFAULT_SIZES,
        help="stored documents per database, comma-separated (default: %(default)s)",
    )
    parser.add_argument("--new", type=int, default=200, help="new documents linked per size")
    parser.add_argument("--seed", type=int, default=1, help="seed of the synthetic world")
    parser.add_argument("--workers", type=int, default=2, help="processes generating rows")
    parser.add_argument("--keep", type=Path, default=None, help="keep the databases in DIR")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    return parser  # fmt: skip


def _sizes(text: str) -> tuple[int, ...]:
    return tuple(int(part.replace("_", "")) for part in text.split(","))


def _run_size(folder: Path, size: int, args: argparse.Namespace, new: int) -> dict[str, Any]:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"link-{size}.sqlite"
    path.unlink(missing_ok=True)
    built = _build(path, size, args.seed, args.workers)
    stored_bytes = path.stat().st_size
    _read_through(path)
    measured = _measure(path, args.seed, built.samples, new)
    times = sorted(measured.pop("seconds"))
    return {
        "size": size,
        "build_seconds": round(built.seconds, 1),
        "build_phases": {name: round(seconds, 1) for name, seconds in built.phases.items()},
        "db_bytes": stored_bytes,
        "median_ms": round(1000 * statistics.median(times), 2),
        "p90_ms": round(1000 * times[int(0.9 * (len(times) - 1))], 2),
        "mean_ms": round(1000 * statistics.fmean(times), 2),
        **measured,
    }


def _read_through(path: Path) -> None:
    """Read the database file once, so that every size is timed from the page cache (as on a
    server that has been running) rather than from however much of it the build left there."""
    with path.open("rb") as file:
        while file.read(1 << 24):
            pass


# -- building a linked database in bulk ----------------------------------------------------------


@dataclass(slots=True)
class Samples:
    """Stored events (with their number of reports) and articles that new documents can report
    again or copy: from the first ``SAMPLED`` chunks, which are the same at every size, so
    that every size links the same new documents."""

    events: list[tuple[world.Event, int]] = field(default_factory=list)
    originals: list[world.Report] = field(default_factory=list)


@dataclass(slots=True)
class Chunk:
    rows: dict[str, list[tuple[Any, ...]]] = field(default_factory=lambda: defaultdict(list))
    samples: Samples = field(default_factory=Samples)
    #: what the persons' summaries are made of, once every link of the chunk is known
    persons: list[tuple[str, list[str]]] = field(default_factory=list)
    person_links: list[Edge] = field(default_factory=list)
    mentions: dict[str, dict[str, Any]] = field(default_factory=dict)
    incident_of: dict[str, str | None] = field(default_factory=dict)


@dataclass(slots=True)
class Built:
    seconds: float
    samples: Samples
    phases: dict[str, float] = field(default_factory=dict)  # seconds: waiting, writing, indexes


def _build(path: Path, size: int, seed: int, workers: int) -> Built:
    started = time.perf_counter()
    Database.open(f"sqlite:///{path}").close()  # the schema, by the migrations
    connection = sqlite3.connect(path, isolation_level=None)
    # Bulk-build settings only: no journal, no fsync, sorting in two threads; secondary
    # indexes are dropped and built again after the load.
    for pragma in ("journal_mode = OFF", "synchronous = OFF", "cache_size = -4000000",
                   "threads = 2"):  # fmt: skip
        connection.execute(f"PRAGMA {pragma}")
    indexes = _drop_indexes(connection)
    # The largest tables go to a scratch file without keys first, and then into their own
    # table in primary key order: much faster than inserting in random key order.
    staging = path.with_name(path.name + ".staging")
    connection.execute("ATTACH DATABASE ? AS staging", (str(staging),))
    for table in STAGED:
        connection.execute(f"CREATE TABLE staging.{INSERTS[table]}")
    built = Built(0.0, Samples(), {"waiting": 0.0, "writing": 0.0, "keys and indexes": 0.0})
    tasks = [(seed, number, first, min(first + CHUNK, size))
             for number, first in enumerate(range(0, size, CHUNK))]  # fmt: skip
    connection.execute("BEGIN")
    context = multiprocessing.get_context("fork")  # the workers share VOCABULARY
    with context.Pool(workers, initializer=_remember_frequencies) as pool:
        chunks = pool.imap(_chunk, tasks)
        while True:
            mark = time.perf_counter()
            chunk = next(chunks, None)
            built.phases["waiting"] += time.perf_counter() - mark
            if chunk is None:
                break
            mark = time.perf_counter()
            _write(connection, chunk)
            built.phases["writing"] += time.perf_counter() - mark
            built.samples.events += chunk.samples.events
            built.samples.originals += chunk.samples.originals
    mark = time.perf_counter()
    for table in STAGED:
        columns = INSERTS[table].split(" ", 1)[1]
        key = PRIMARY_KEYS[table]
        connection.execute(f"INSERT INTO main.{INSERTS[table]} SELECT {columns[1:-1]}"
                           f" FROM staging.{table} ORDER BY {key}")  # fmt: skip
    connection.execute("COMMIT")
    connection.execute("DETACH DATABASE staging")
    staging.unlink()
    for sql in indexes:
        connection.execute(sql)
    built.phases["keys and indexes"] = time.perf_counter() - mark
    connection.execute("PRAGMA journal_mode = WAL")
    connection.close()
    built.seconds = time.perf_counter() - started
    return built


def _write(connection: sqlite3.Connection, chunk: Chunk) -> None:
    for table in TABLES:
        rows = chunk.rows[table]
        if rows:
            marks = ", ".join("?" * len(rows[0]))
            into = f"staging.{table}" if table in STAGED else INSERTS[table]
            if table in STAGED:
                into += " " + INSERTS[table].split(" ", 1)[1]
            connection.executemany(f"INSERT INTO {into} VALUES ({marks})", rows)


def _drop_indexes(connection: sqlite3.Connection) -> list[str]:
    """Drop the secondary indexes of the tables filled in bulk; their CREATE statements."""
    rows = connection.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        f" AND tbl_name IN ({', '.join('?' * len(TABLES))})",
        TABLES,
    ).fetchall()
    for name, _ in rows:
        connection.execute(f'DROP INDEX "{name}"')
    return [sql for _, sql in rows]


def _remember_frequencies() -> None:
    """In the build workers only: keep every word frequency ``terms`` looks up (wordfreq's own
    cache is cleared at 100,000 words, fewer than the world's words and names in three
    languages). The process that is timed keeps wordfreq as it is."""
    profile_module.zipf_frequency = cache(zipf_frequency)  # type: ignore[attr-defined]


def _chunk(task: tuple[int, int, int, int]) -> Chunk:
    """The rows of documents ``first`` to ``last`` (whole events, the last one cut short)."""
    seed, number, first, last = task
    vocab = VOCABULARY
    assert vocab is not None
    rng = random.Random(f"{seed}:{number}")
    signatures = np.random.default_rng([seed, number]).integers(
        0, 2**32, size=(last - first, copies.PERMUTATIONS), dtype=np.uint32
    )
    chunk = Chunk()
    namesakes: dict[str, list[str]] = defaultdict(list)
    index = first
    while index < last:
        background = rng.random() < world.BACKGROUND
        happened = world.event(vocab, rng, background=background)
        count = min(last - index, 1 if background else world.reports_per_event(rng))
        sampled = number < SAMPLED and not background
        long = sampled and len(chunk.samples.originals) < 10
        told = _tell(vocab, rng, happened, index, count, long=long)
        stored = [_store(chunk, item, original, signatures, first) for item, original in told]
        _event_rows(chunk, happened, stored, namesakes, rng)
        if sampled:
            chunk.samples.events.append((happened, count))
        if long:
            chunk.samples.originals.append(told[0][0])
        index += count
    _person_summaries(chunk)
    return chunk


def _tell(
    vocab: world.Vocabulary,
    rng: random.Random,
    happened: world.Event,
    first: int,
    count: int,
    *,
    long: bool,
) -> list[tuple[world.Report, world.Report | None]]:
    """The event's reports, each with the report it copies (None: its own text)."""
    told: list[tuple[world.Report, world.Report | None]] = []
    for index in range(first, first + count):
        originals = [item for item, original in told if original is None]
        if originals and rng.random() < world.COPIES:
            original = rng.choice(originals)
            later = original.published + timedelta(hours=rng.randrange(1, 48))
            source = vocab.sources[vocab.pick(rng, "sources")]
            told.append((world.copy_of(original, index, source, later), original))
        else:
            told.append((world.report(vocab, rng, happened, index, long=long and not told), None))
    return told  # fmt: skip


@dataclass(frozen=True, slots=True)
class Stored:
    document_id: str
    item: world.Report
    original: int | None  # the report it copies
    day: int | None  # its first event day, as linking files it
    document: Document
    facts: Facts
    profile: Profile


def _store(
    chunk: Chunk,
    item: world.Report,
    original: world.Report | None,
    signatures: np.ndarray,
    first: int,
) -> Stored:
    """One document's own rows (its event's rows come after: ``_event_rows``)."""
    capture, document, facts = world.document(item, copy=original is not None)
    document_id = document.id
    built = world.profile(document_id, item, document.text)
    values = _signature(item, document.text, signatures, first, original)
    rows = chunk.rows
    rows["captures"].append((capture.sha256, capture.size, capture.media_type, capture.path,
                             None, _when(capture.captured_at), 0, _BUILT,
                             capture.content))  # fmt: skip
    record = json.dumps(to_record(capture, document, facts), ensure_ascii=False)
    published = _when(item.published)
    rows["documents"].append((document_id, capture.sha256, "", document.title, document.language,
                              document.source, None, None, published, published, "second",
                              record, _BUILT))  # fmt: skip
    signature = np.asarray(values, dtype="<u4").tobytes()
    rows["link_profiles"].append((document_id, json.dumps(to_json(built), ensure_ascii=False),
                                  signature, published))  # fmt: skip
    day, last_day = _days(built)
    rows["link_keys"] += [
        (key, document_id, None, None) for key in sorted(set(copies.band_keys(values)))
    ]
    rows["link_keys"] += [
        (key, document_id, day, last_day) for key in sorted(set(incidents.blocking_keys(built)))
    ]
    return Stored(document_id, item, None if original is None else original.index, day, document,
                  facts, built)  # fmt: skip


def _signature(
    item: world.Report,
    text: str,
    signatures: np.ndarray,
    first: int,
    original: world.Report | None,
) -> list[int]:
    """A real MinHash for full articles (new documents may copy them); otherwise random values,
    and for a copy its original's with a quarter of them changed (similarity about 0.75)."""
    if item.long or (original is not None and original.long):
        return list(copies.signature(text))
    values = [int(v) for v in signatures[(original or item).index - first]]
    if original is not None:
        for position in range(0, len(values), 4):
            values[position] ^= 0x5BD1E995
    return values  # fmt: skip


def _event_rows(
    chunk: Chunk,
    happened: world.Event,
    stored: list[Stored],
    namesakes: dict[str, list[str]],
    rng: random.Random,
) -> None:
    """An event's links, copies, incidents and people, as linking its reports would leave them:
    its reports' incidents are the clusters that ``link.components`` makes of their links."""
    ids = {s.item.index: s.document_id for s in stored}
    found: list[Link] = []
    for offset, item in enumerate(stored):
        if item.original is not None:
            _edge(chunk, "copy", item.document_id, ids[item.original], "same", 0.75,
                  {"similarity": 0.75})  # fmt: skip
        for earlier in stored[max(0, offset - LINKED) : offset] if happened.kinds else ():
            score = round(rng.uniform(0.55, 1.6), 4)
            found.append(Link(item.document_id, earlier.document_id, score))
            _edge(chunk, "incident", item.document_id, earlier.document_id, "same", score,
                  {"kinds": sorted(str(k) for k in happened.kinds)})  # fmt: skip
    incident_of: dict[str, str] = {}
    if happened.kinds:
        incident_of = components(ids.values(), found, threshold=incidents.THRESHOLD)
    profiles = chunk.rows["link_profiles"]
    start = len(profiles) - len(stored)
    copy_of = {s.document_id: None if s.original is None else ids[s.original] for s in stored}
    for offset, item in enumerate(stored):
        profiles[start + offset] += (incident_of.get(item.document_id), copy_of[item.document_id],
                                     None, _BUILT)  # fmt: skip
        chunk.incident_of[item.document_id] = incident_of.get(item.document_id)
    person_of = _people_rows(chunk, stored, incident_of, namesakes)
    for incident_id in sorted(set(incident_of.values())):
        reports = [
            ledger.Report(
                document_id=s.document_id, document=s.document, facts=s.facts, profile=s.profile,
                seen=s.item.published, copy_of=copy_of[s.document_id],
                persons={p.key: person_of[f"{s.document_id}/{p.key}"] for p in s.facts.people},
            )
            for s in stored
            if incident_of[s.document_id] == incident_id
        ]  # fmt: skip
        _incident_row(chunk, incident_id, reports)


def _edge(chunk: Chunk, kind: str, a: str, b: str, verdict: str, score: float,
          features: dict[str, Any]) -> None:  # fmt: skip
    first, second = sorted((a, b))
    chunk.rows["link_edges"].append((kind, first, second, "machine", verdict, score,
                                     _json(features), None, None, _BUILT))  # fmt: skip
    if kind == "person":
        edge = Edge(kind=kind, a=first, b=second, origin="machine", verdict=verdict, score=score,
                    features=features)  # fmt: skip
        chunk.person_links.append(edge)


def _json(features: dict[str, Any]) -> str:
    return _dumps(tuple((k, tuple(v) if isinstance(v, list) else v) for k, v in features.items()))


@cache
def _dumps(features: tuple[tuple[str, Any], ...]) -> str:
    return json.dumps({k: list(v) if isinstance(v, tuple) else v for k, v in features})


def _incident_row(chunk: Chunk, incident_id: str, reports: list[ledger.Report]) -> None:
    """An incident's row with its real summary and tally (``link.ledger``), as linking its
    reports one by one would have left them."""
    summary, tally = ledger.summarise_with_tally(incident_id, reports)
    time, place = summary["time"] or {}, summary["place"] or {}
    chunk.rows["incidents"].append((
        incident_id, _when(datetime.fromisoformat(time["start"])) if time else None,
        _when(datetime.fromisoformat(time["end"])) if time else None, place.get("name"),
        " " + " ".join(sorted({c["kind"] for c in summary["claims"]})) + " ",
        len(summary["documents"]), summary["corroboration"]["independent_sources"],
        json.dumps(summary, ensure_ascii=False), json.dumps(tally, ensure_ascii=False), _BUILT,
    ))  # fmt: skip


def _people_rows(
    chunk: Chunk,
    stored: list[Stored],
    incident_of: dict[str, str],
    namesakes: dict[str, list[str]],
) -> dict[str, str]:
    """Members and their links: a person named in several reports of one incident is one
    person ("same": the incident is the second attribute), and each person is a review
    candidate of a few earlier namesakes. Without an incident, every mention is a person. Each
    member's person; the persons' summaries come at the end of the chunk."""
    by_someone: dict[object, list[tuple[str, Stored, world.Someone]]] = defaultdict(list)
    for item in stored:
        incident_id = incident_of.get(item.document_id)
        for number, someone in enumerate(item.item.people, start=1):
            member = f"{item.document_id}/p{number}"
            by_someone[(someone, incident_id) if incident_id else member].append(
                (member, item, someone)
            )
            chunk.mentions[member] = persons.mention(item.facts.people[number - 1])
    person_of = {}
    for mentions in by_someone.values():
        members = [member for member, _, _ in mentions]
        person_id, someone = min(members), mentions[0][2]
        for member, item, _ in mentions:
            attributes = {}
            if someone.hometown:
                attributes["hometown"] = _key(someone.hometown, item.item.language)
            if incident_of.get(item.document_id):
                attributes["incident"] = incident_of[item.document_id]
            chunk.rows["person_members"].append((member, item.document_id, someone.key,
                                                 someone.surname.key, json.dumps(attributes),
                                                 person_id, item.day,
                                                 json.dumps(chunk.mentions[member],
                                                            ensure_ascii=False)))  # fmt: skip
            person_of[member] = person_id
        for offset, member in enumerate(members):
            for earlier in members[max(0, offset - 5) : offset]:
                _edge(chunk, "person", member, earlier, "same", 1.0, {"agree": ["incident"]})
        chunk.persons.append((person_id, members))
        if someone.first is not None:
            for earlier in namesakes[someone.key][-3:]:
                _edge(chunk, "person", person_id, earlier, "candidate", 0.7, {"agree": []})
            namesakes[someone.key].append(person_id)
    return person_of


def _person_summaries(chunk: Chunk) -> None:
    """The chunk's persons' rows with their real summaries (``link.persons``), now that every
    link to them, from later namesakes too, is known."""
    touching: dict[str, list[Edge]] = defaultdict(list)
    for edge in chunk.person_links:
        touching[edge.a].append(edge)
        touching[edge.b].append(edge)
    for person_id, members in chunk.persons:
        found = {(e.a, e.b, e.origin): e for m in members for e in touching[m]}
        edges = [found[key] for key in sorted(found)]
        summary, tally = persons.summarise(person_id, sorted(members), chunk.mentions, edges,
                                           chunk.incident_of)  # fmt: skip
        chunk.rows["persons"].append((person_id, summary["name"], len(summary["documents"]),
                                      json.dumps(summary, ensure_ascii=False),
                                      json.dumps(tally, ensure_ascii=False), _BUILT))  # fmt: skip
    # only the rows go back to the process that writes them
    chunk.persons, chunk.person_links, chunk.mentions, chunk.incident_of = [], [], {}, {}


@cache
def _key(value: str, language: str) -> str:
    return name_key(value, language)


def _when(value: datetime) -> str:
    """A timestamp as the store writes it on SQLite (UTC, no offset)."""
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


# -- linking new documents -----------------------------------------------------------------------


def _new_reports(
    vocab: world.Vocabulary, seed: int, samples: Samples, count: int
) -> Iterator[tuple[world.Report, bool]]:
    """New documents: 45% new events, 25% more reports of stored events (a story told often
    is the likeliest to be told again), 10% copies of stored articles, 20% background. Each is
    drawn from its own seed."""
    weights = [count for _, count in samples.events]
    for number in range(count):
        rng = random.Random(f"{seed}:new:{number}")
        roll, index = rng.random(), NEW_BASE + number
        if roll < 0.25 and samples.events:
            happened = rng.choices(samples.events, weights=weights)[0][0]
            yield world.report(vocab, rng, happened, index, long=True), False
        elif roll < 0.35 and samples.originals:
            original = rng.choice(samples.originals)
            later = original.published + timedelta(hours=rng.randrange(1, 48))
            source = vocab.sources[vocab.pick(rng, "sources")]
            yield world.copy_of(original, index, source, later), True
        else:
            happened = world.event(vocab, rng, background=roll >= 0.8)
            yield world.report(vocab, rng, happened, index, long=True), False


def _measure(path: Path, seed: int, samples: Samples, count: int) -> dict[str, Any]:
    vocab = VOCABULARY
    assert vocab is not None
    db = Database.open(f"sqlite:///{path}")
    mismatches = 0
    for item, copy in _new_reports(vocab, seed, samples, count):
        capture, document, facts = world.document(item, copy=copy)
        expected = world.profile(document.id, item, document.text)
        mismatches += to_json(profile(document.id, document, facts)) != to_json(expected)
        db.save(capture, [document], [facts])
    load = os.getloadavg()[0]
    stamps = [time.perf_counter()]
    report = link_pending(db, progress=lambda _: stamps.append(time.perf_counter()))
    load = max(load, os.getloadavg()[0])  # other work on the machine slows the clock too
    with db.transaction() as connection:
        joined = connection.exec_driver_sql(
            "SELECT count(*) FROM link_profiles AS p WHERE p.linked_at > ? AND EXISTS ("
            " SELECT 1 FROM link_profiles AS o WHERE o.incident_id = p.incident_id"
            " AND o.document_id != p.document_id)", (_BUILT,)
        ).scalar()  # fmt: skip
    db.close()
    return {
        "seconds": [b - a for a, b in itertools.pairwise(stamps)],
        "linked": report.documents,
        "copies_found": report.copies,
        "joined_incidents": joined,
        "profile_mismatches": mismatches,
        "load_average": round(load, 1),
    }


def _print_result(result: dict[str, Any]) -> None:
    print(
        f"{result['size']:>9,} stored: built in {result['build_seconds']:.0f} s "
        f"({', '.join(f'{k} {v:.0f} s' for k, v in result['build_phases'].items())}), "
        f"{result['db_bytes'] / 2**20:,.0f} MiB; {result['linked']} new linked "
        f"({result['copies_found']} copies, {result['joined_incidents']} joined an incident, "
        f"{result['profile_mismatches']} profile mismatches; load average up to "
        f"{result['load_average']})",
        flush=True,
    )


def _print_table(results: Sequence[dict[str, Any]]) -> None:
    base = results[0]
    print(f"\nms per new document, x {base['size']:,} stored")
    print(f"{'stored':>10} {'median':>8} {'p90':>8} {'mean':>8} {'x median':>9} {'x mean':>7}")
    for result in results:
        print(
            f"{result['size']:>10,} {result['median_ms']:>8.1f} {result['p90_ms']:>8.1f} "
            f"{result['mean_ms']:>8.1f} {result['median_ms'] / base['median_ms']:>9.2f} "
            f"{result['mean_ms'] / base['mean_ms']:>7.2f}"
        )


if __name__ == "__main__":
    main()
