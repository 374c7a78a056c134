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


@pytest.fixture
def db_option(db_url: str) -> list[str]:
    """``--db`` and a new database's URL: each test that takes it runs on SQLite and PostgreSQL."""
    return ["--db", db_url]


def test_ingest_summary_and_exit_status(
    runner: CliRunner, clip: Path, db_option: list[str]
) -> None:
    result = runner.invoke(app, ["ingest", str(clip), *db_option])
    assert result.exit_code == 0, result.output
    assert "1 captures, 1 documents" in result.output
    again = runner.invoke(app, ["ingest", str(clip), *db_option])
    assert again.exit_code == 0
    assert "0 captures, 0 documents" in again.output


def test_ingest_bad_file_exits_1_without_traceback(
    runner: CliRunner, clip: Path, tmp_path: Path, db_option: list[str]
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = runner.invoke(app, ["ingest", str(clip), str(empty), *db_option])
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


def test_search_and_show(runner: CliRunner, clip: Path, db_option: list[str]) -> None:
    runner.invoke(app, ["ingest", str(clip), *db_option])
    found = runner.invoke(app, ["search", "zorivka market", "--json", *db_option])
    assert found.exit_code == 0, found.output
    [hit] = [json.loads(line) for line in found.stdout.splitlines()]
    shown = runner.invoke(app, ["show", hit["document_id"][:6], *db_option])
    assert shown.exit_code == 0, shown.output
    assert "Hanna Lysenko" in shown.output
    as_json = runner.invoke(app, ["show", hit["document_id"], "--json", *db_option])
    assert json.loads(as_json.stdout)["id"] == hit["document_id"]


def test_show_unknown_id_is_one_line(runner: CliRunner, db_option: list[str]) -> None:
    result = runner.invoke(app, ["show", "ffffffff", *db_option])
    assert result.exit_code == 1
    assert len(result.output.strip().splitlines()) == 1


def test_rebuild(runner: CliRunner, clip: Path, db_option: list[str]) -> None:
    runner.invoke(app, ["ingest", str(clip), *db_option])
    result = runner.invoke(app, ["rebuild", *db_option])
    assert result.exit_code == 0, result.output
    assert "1 captures, 1 documents" in result.output


def test_module_runs_as_a_process(clip: Path, db_option: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "crosscheck", "ingest", "-", *db_option],
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
