"""The command line, run as users run it: in-process through Typer, and once as a process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from crosscheck.cli import app

CLIP = (
    "Shelling of Zorivka_ _Two killed_\n\n2 дні тому\n\nSUBSCRIBE TO US!\n"
    "Two civilians were killed when shells hit the market in the fictional village of Zorivka, "
    "the head of the village council, Hanna Lysenko, said.\n"
)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def clip(tmp_path: Path) -> Path:
    path = tmp_path / "clip.txt"
    path.write_text(CLIP, encoding="utf-8")
    return path


def _db(tmp_path: Path) -> list[str]:
    return ["--db", f"sqlite:///{tmp_path / 'cli.sqlite'}"]


def test_ingest_summary_and_exit_status(runner: CliRunner, clip: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["ingest", str(clip), *_db(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "1 captures, 1 documents" in result.output
    again = runner.invoke(app, ["ingest", str(clip), *_db(tmp_path)])
    assert again.exit_code == 0
    assert "0 captures, 0 documents" in again.output


def test_ingest_bad_file_exits_1_without_traceback(
    runner: CliRunner, clip: Path, tmp_path: Path
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = runner.invoke(app, ["ingest", str(clip), str(empty), *_db(tmp_path)])
    assert result.exit_code == 1
    assert "empty.txt" in result.output
    assert "Traceback" not in result.output


def test_extract_prints_json_lines(runner: CliRunner, clip: Path) -> None:
    result = runner.invoke(app, ["extract", str(clip), "--captured-at", "2026-11-20T12:00:00"])
    assert result.exit_code == 0, result.output
    [line] = result.stdout.splitlines()
    record = json.loads(line)
    assert record["capture"]["captured_at"] == "2026-11-20T12:00:00+00:00"
    assert record["document"]["language"] == "en"


def test_extract_rejects_a_bad_date(runner: CliRunner, clip: Path) -> None:
    result = runner.invoke(app, ["extract", str(clip), "--captured-at", "last week"])
    assert result.exit_code == 1
    assert "--captured-at" in result.output
    assert "Traceback" not in result.output


def test_search_and_show(runner: CliRunner, clip: Path, tmp_path: Path) -> None:
    runner.invoke(app, ["ingest", str(clip), *_db(tmp_path)])
    found = runner.invoke(app, ["search", "zorivka market", "--json", *_db(tmp_path)])
    assert found.exit_code == 0, found.output
    [hit] = [json.loads(line) for line in found.stdout.splitlines()]
    shown = runner.invoke(app, ["show", hit["document_id"][:6], *_db(tmp_path)])
    assert shown.exit_code == 0, shown.output
    assert "Hanna Lysenko" in shown.output
    as_json = runner.invoke(app, ["show", hit["document_id"], "--json", *_db(tmp_path)])
    assert json.loads(as_json.stdout)["id"] == hit["document_id"]


def test_show_unknown_id_is_one_line(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["show", "ffffffff", *_db(tmp_path)])
    assert result.exit_code == 1
    assert len(result.output.strip().splitlines()) == 1


def test_rebuild(runner: CliRunner, clip: Path, tmp_path: Path) -> None:
    runner.invoke(app, ["ingest", str(clip), *_db(tmp_path)])
    result = runner.invoke(app, ["rebuild", *_db(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "1 captures, 1 documents" in result.output


def test_module_runs_as_a_process(clip: Path, tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "crosscheck", "ingest", "-", *_db(tmp_path)],
        input=clip.read_bytes(),
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode()
    assert b"1 captures" in done.stderr


def test_evaluate_prints_a_table_and_checks_floors(
    runner: CliRunner, shared: Path, tmp_path: Path
) -> None:
    out = tmp_path / "eval.json"
    result = runner.invoke(
        app,
        ["evaluate", "--data", str(shared / "data"), "--task", "article-extraction",
         "--json", str(out), "--check-floors"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    rows = json.loads(out.read_text(encoding="utf-8"))["rows"]
    assert {row["metric"] for row in rows} >= {"precision", "recall", "f1"}


def test_evaluate_missing_folder_is_one_line(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["evaluate", "--data", str(tmp_path / "nope")])
    assert result.exit_code == 1
    assert "does not exist" in result.output
