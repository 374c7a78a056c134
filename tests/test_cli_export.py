"""``crosscheck export`` and ``crosscheck verify``: output, files, one-line errors, exit codes."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from crosscheck.cli import app


@pytest.fixture(scope="module")
def url(linked_path: Path) -> str:
    return f"sqlite:///{linked_path}"


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_export_incidents_csv_to_stdout(url: str) -> None:
    code, out, err = _run("export", "incidents", "--format", "csv", "--db", url)
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert rows and rows[0]["id"] and "killed_best" in rows[0]
    assert f"exported {len(rows)} incidents" in err


def test_export_claims_jsonl_with_filters_and_limit(url: str) -> None:
    code, out, _ = _run("export", "claims", "--format", "jsonl", "--place", "sukha",
                        "--kind", "killed", "--limit", "2", "--db", url)  # fmt: skip
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(lines) == 2 and {line["kind"] for line in lines} == {"killed"}


def test_export_geojson_to_a_file(url: str, tmp_path: Path) -> None:
    path = tmp_path / "incidents.geojson"
    code, out, err = _run("export", "incidents", "--format", "geojson", "--out", str(path),
                          "--db", url)  # fmt: skip
    assert code == 0 and out == ""
    collection = json.loads(path.read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    assert f"without coordinates left out to {path}" in err
    assert not list(tmp_path.glob("*.partial"))


def test_export_people_html_is_refused(url: str) -> None:
    code, out, err = _run("export", "people", "--format", "html", "--db", url)
    assert code == 1 and out == ""
    assert err.strip() == "error --format html exports incidents only, not people"


@pytest.mark.parametrize(
    ("args", "message"),
    [(["--kind", "dead"], "unknown claim kind 'dead'"),
     (["--since", "yesterday"], "--since: not an ISO-8601 date"),
     (["--limit", "0"], "limit must be at least 1")],
)  # fmt: skip
def test_export_bad_options_are_one_line_errors(url: str, args: list[str], message: str) -> None:
    code, _, err = _run("export", "incidents", *args, "--db", url)
    assert code == 1 and message in err and len(err.strip().splitlines()) == 1


def test_export_to_an_unwritable_place_fails_cleanly(url: str, tmp_path: Path) -> None:
    target = tmp_path / "missing" / "x.csv"
    code, _, err = _run("export", "incidents", "--out", str(target), "--db", url)
    assert code == 1 and "cannot write" in err and not target.exists()


def test_export_package_then_verify(url: str, tmp_path: Path) -> None:
    path = tmp_path / "evidence.zip"
    code, out, _ = _run("export", "package", "9d7ec", "--out", str(path), "--db", url)
    assert code == 0 and f"wrote {path}" in out and "manifest SHA-256" in out
    code, out, _ = _run("verify", str(path))
    assert code == 0 and out.startswith(f"ok {path}") and "every SHA-256 matches" in out


def test_verify_names_each_bad_file_and_exits_1(url: str, tmp_path: Path) -> None:
    good, bad = tmp_path / "good.zip", tmp_path / "bad.zip"
    assert _run("export", "package", "9d7ec", "--out", str(good), "--db", url)[0] == 0
    with zipfile.ZipFile(good) as old, zipfile.ZipFile(bad, "w") as new:
        for info in old.infolist():
            if info.filename != "claims.jsonl":
                data = old.read(info)
                new.writestr(
                    info.filename, data + b"x" if info.filename == "incident.json" else data
                )
        new.writestr("extra.txt", b"?")
    code, out, err = _run("verify", str(bad))
    assert code == 1
    lines = out.strip().splitlines()
    assert "bad claims.jsonl: missing" in lines
    assert "bad extra.txt: extra: not in the manifest" in lines
    assert any(line.startswith("bad incident.json: modified") for line in lines)
    assert "3 problem(s)" in err


def test_verify_of_a_non_package_is_a_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.zip"
    path.write_text("not a zip", encoding="utf-8")
    code, _, err = _run("verify", str(path))
    assert (
        code == 1 and err.strip() == f"error {path}: not a readable package: File is not a zip file"
    )


def test_export_package_of_an_unknown_incident_exits_1(url: str, tmp_path: Path) -> None:
    code, _, err = _run("export", "package", "ffff", "--out", str(tmp_path / "x.zip"), "--db", url)
    assert code == 1 and "no incident" in err
