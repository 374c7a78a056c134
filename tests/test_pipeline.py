"""The pipeline over real files and a real SQLite database: batches, re-runs, rebuild."""

from __future__ import annotations

import gzip
import io
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from crosscheck import pipeline
from crosscheck.errors import CrosscheckError
from crosscheck.model import Document, Facts
from crosscheck.store import Database

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "captures"

WHEN = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
CLIP = (
    "Medic_s account_ _We had no tourniquets_\n\n3 days ago\n17\n\nSUBSCRIBE TO US!\n"
    "Sergeant Ivan Petrenko, a medic from the fictional town of Zorivka, said his unit ran out "
    'of tourniquets during the assault. "We had no tourniquets left after the first hour," '
    "he said in a video posted on Tuesday.\n\nLoading comments..."
)


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "good.txt").write_text(CLIP, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "junk.bin").write_bytes(bytes(range(256)) * 8)
    (folder / "cut.html.gz").write_bytes(gzip.compress(b"<html><body><p>x</p>" * 50)[:30])
    (folder / ".hidden.txt").write_text("ignored", encoding="utf-8")
    return folder


def test_run_batch_continues_past_bad_files(batch: Path, db: Database) -> None:
    report = pipeline.run([str(batch)], db, pipeline.Options(captured_at=WHEN))
    assert (report.stored, report.present, report.documents) == (1, 0, 1)
    failed = {Path(f.where).name: f.reason for f in report.failures}
    assert set(failed) == {"empty.txt", "junk.bin", "cut.html.gz"}
    assert "empty" in failed["empty.txt"]
    assert "gzip" in failed["cut.html.gz"]
    assert db.counts()["documents"] == 1


def test_run_twice_stores_nothing_new(batch: Path, db: Database) -> None:
    pipeline.run([str(batch)], db, pipeline.Options(captured_at=WHEN))
    before = db.counts()
    report = pipeline.run([str(batch)], db, pipeline.Options(captured_at=WHEN))
    assert (report.stored, report.present) == (0, 1)
    assert db.counts() == before


def test_run_missing_path_is_reported(tmp_path: Path, db: Database) -> None:
    report = pipeline.run([str(tmp_path / "nope")], db, pipeline.Options())
    assert [f.reason for f in report.failures] == ["no such file or folder"]


def test_run_reads_stdin(db: Database) -> None:
    stdin = io.BytesIO(CLIP.encode())
    report = pipeline.run(["-"], db, pipeline.Options(captured_at=WHEN), stdin=stdin)
    assert report.stored == 1
    [capture] = list(db.captures())
    assert capture.path is None
    assert capture.content == CLIP.encode()


def test_extract_yields_records_without_a_database(batch: Path) -> None:
    report = pipeline.RunReport()
    records = list(pipeline.extract([str(batch / "good.txt")], pipeline.Options(), report))
    assert report.ok
    [record] = records
    assert record["schema"] == "crosscheck.record/1"
    assert record["document"]["text"].startswith("Sergeant Ivan Petrenko")


def test_rebuild_rederives_the_same_documents(batch: Path, db: Database) -> None:
    pipeline.run([str(batch)], db, pipeline.Options(captured_at=WHEN))
    [capture] = list(db.captures())
    [before] = [db.record(i) for i in db.document_ids_for(capture.sha256)]
    report = pipeline.rebuild(db)
    assert (report.stored, report.documents, report.ok) == (1, 1, True)
    assert db.record(before["id"]) == before


def test_run_oversize_file_is_refused(tmp_path: Path, db: Database) -> None:
    big = tmp_path / "big.txt"
    big.write_text("word " * 1000, encoding="utf-8")
    report = pipeline.run([str(big)], db, pipeline.Options(max_bytes=100))
    [failure] = report.failures
    assert failure.where == str(big)
    assert "too large" in failure.reason and "100" in failure.reason


class _Recording:
    """An extractor that finds nothing, fails on a document saying POISON, and records how many
    documents each call was given."""

    def __init__(self) -> None:
        self.calls: list[int] = []

    def extract_many(self, documents: Iterable[Document]) -> Iterator[Facts]:
        given = list(documents)
        self.calls.append(len(given))
        for document in given:
            if "POISON" in document.text:
                raise CrosscheckError("poisoned document")
            yield Facts()


@pytest.fixture
def clips(tmp_path: Path) -> Path:
    """Twenty clips, a junk file and a poisoned clip among them (more than one batch)."""
    folder = tmp_path / "clips"
    folder.mkdir()
    for n in range(20):
        (folder / f"{n:02}.txt").write_text(f"Clip {n}\n\nThe unit reported {n} shells.")
    (folder / "05a.bin").write_bytes(bytes(range(256)) * 8)
    (folder / "07a.txt").write_text("Poisoned\n\nThis clip says POISON.")
    return folder


def test_run_extracts_captures_in_batches_each_stored(clips: Path, db: Database) -> None:
    extractor = _Recording()
    options = pipeline.Options(captured_at=WHEN, extractor=extractor)
    seen: list[str] = []
    report = pipeline.run([str(clips)], db, options, progress=lambda where, _: seen.append(where))
    assert (report.stored, report.documents) == (20, 20)
    assert [Path(f.where).name or f.reason for f in report.failures] == [
        "05a.bin", "poisoned document"]  # fmt: skip
    assert max(extractor.calls) > 1  # batched
    assert [Path(where).name for where in seen] == sorted(p.name for p in clips.iterdir())
    assert db.counts()["documents"] == 20


def test_run_one_bad_document_fails_only_its_capture(clips: Path, db: Database) -> None:
    report = pipeline.run([str(clips)], db, pipeline.Options(extractor=_Recording()))
    assert report.stored == 20
    assert [f.reason for f in report.failures if not f.where] == ["poisoned document"]
    texts = [db.record(i)["document"]["text"] for c in db.captures() for i in
             db.document_ids_for(c.sha256)]  # fmt: skip
    assert not any("POISON" in text for text in texts)


def test_batches_give_the_records_of_one_capture_at_a_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from crosscheck.extract import Extractor

    paths = [str(SAMPLES / "clips"), str(SAMPLES / "jsonl")]
    options = pipeline.Options(captured_at=WHEN, extractor=Extractor())
    batched = list(pipeline.extract(paths, options, pipeline.RunReport()))
    monkeypatch.setattr(pipeline, "BATCH", 1)
    alone = list(pipeline.extract(paths, options, pipeline.RunReport()))
    assert batched == alone
    assert len(batched) > 3 and any(record["mentions"] for record in batched)


def test_rebuild_reports_progress_for_every_capture(clips: Path, db: Database) -> None:
    pipeline.run([str(clips)], db, pipeline.Options(captured_at=WHEN))
    seen: list[str] = []
    report = pipeline.rebuild(
        db, pipeline.Options(extractor=_Recording()), progress=lambda w, _: seen.append(w)
    )
    assert (report.stored, len(report.failures)) == (20, 1)
    assert len(seen) == 21


def test_run_text_too_long_for_the_model_fails_alone(tmp_path: Path, db: Database) -> None:
    from crosscheck.extract import Extractor

    folder = tmp_path / "long"
    folder.mkdir()
    (folder / "a.txt").write_text(CLIP, encoding="utf-8")
    (folder / "b.txt").write_text(
        "Report\n\n" + "The shelling went on. " * 50_000, encoding="utf-8"
    )
    report = pipeline.run(
        [str(folder)], db, pipeline.Options(captured_at=WHEN, extractor=Extractor())
    )
    assert report.stored == 1
    [failure] = report.failures
    assert "longer than the 1,000,000 characters the language model reads" in failure.reason
    assert failure.where.startswith(str(folder / "b.txt"))  # the file, not only the capture hash
