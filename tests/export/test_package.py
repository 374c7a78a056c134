"""Evidence packages: built from the store, verified offline, tampering named file by file."""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from crosscheck.errors import CaptureError, NotFoundError, SettingsError
from crosscheck.export import package
from crosscheck.review import actions
from crosscheck.review.claims import claims
from crosscheck.store import Database

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)

Change = Callable[[str, bytes], tuple[str, bytes] | None]


@pytest.fixture(scope="module")
def built(linked_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The package of the Sukha Balka incident of the samples."""
    path = tmp_path_factory.mktemp("package") / "sukha.zip"
    with Database.open(f"sqlite:///{linked_path}") as db:
        incident = db.incidents(place="sukha")[0]
        package.build(db, incident["id"], path, now=NOW)
    return path


def _rewrite(
    source: Path, target: Path, change: Change, extra: dict[str, bytes] | None = None
) -> Path:
    """A copy of the package with each entry passed through ``change`` (None drops it)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            changed = change(info.filename, old.read(info))
            if changed is not None:
                new.writestr(changed[0], changed[1])
        for name, data in (extra or {}).items():
            new.writestr(name, data)
    return target


def _problems(path: Path) -> dict[str, str]:
    result = package.verify(path)
    return {problem.path: problem.reason for problem in result.problems}


def test_package_holds_summary_records_captures_claims_audit_and_manifest(
    built: Path, linked_path: Path
) -> None:
    with zipfile.ZipFile(built) as archive:
        names = archive.namelist()
        manifest = json.loads(archive.read("manifest.json"))
        summary = json.loads(archive.read("incident.json"))
        records = [json.loads(archive.read(n)) for n in names if n.startswith("records/")]
        captures = {n.split("/")[1]: archive.read(n) for n in names if n.startswith("captures/")}
        claim_lines = archive.read("claims.jsonl").decode().splitlines()
    assert names[-1] == "manifest.json" and len(names) == len(set(names))
    assert manifest["format"] == package.FORMAT and manifest["incident"] == summary["id"]
    assert manifest["created_at"] == "2026-11-25T12:00:00+00:00" and manifest["crosscheck"]
    assert {f["path"] for f in manifest["files"]} == set(names) - {"manifest.json"}
    assert {r["id"] for r in records} == {d["id"] for d in summary["documents"]}
    assert all(r["claims"] and "start" in r["claims"][0] for r in records if r["claims"])
    with Database.open(f"sqlite:///{linked_path}") as db:  # the untouched bytes of each capture
        assert set(captures) == {r["capture"]["sha256"] for r in records}
        for sha256, content in captures.items():
            assert content == db.capture(sha256).content
            assert hashlib.sha256(content).hexdigest() == sha256
    assert len(claim_lines) == sum(len(r["claims"]) for r in records)
    assert {json.loads(line)["status"] for line in claim_lines} == {"unreviewed"}


def test_package_round_trip_verifies(built: Path) -> None:
    result = package.verify(built)
    assert result.ok and result.problems == ()
    assert result.files == len(zipfile.ZipFile(built).namelist()) - 1
    assert result.created_at == "2026-11-25T12:00:00+00:00"


def test_package_is_deterministic_apart_from_its_creation_time(
    built: Path, linked_path: Path, tmp_path: Path
) -> None:
    again = tmp_path / "again.zip"
    with Database.open(f"sqlite:///{linked_path}") as db:
        incident_id = json.loads(zipfile.ZipFile(built).read("incident.json"))["id"]
        package.build(db, incident_id, again, now=NOW)
    assert again.read_bytes() == built.read_bytes()


def test_package_sums_file_checks_with_sha256sum_format(built: Path) -> None:
    with zipfile.ZipFile(built) as archive:
        for line in archive.read("SHA256SUMS").decode().splitlines():
            digest, name = line.split("  ", 1)
            assert hashlib.sha256(archive.read(name)).hexdigest() == digest


def test_verify_names_a_modified_capture(built: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(built) as archive:
        capture = next(n for n in archive.namelist() if n.startswith("captures/"))

    def append(name: str, data: bytes) -> tuple[str, bytes]:
        return name, data + b" " if name == capture else data

    problems = _problems(_rewrite(built, tmp_path / "modified.zip", append))
    assert list(problems) == [capture]
    assert problems[capture].startswith("modified: SHA-256 ")


def test_verify_names_a_capture_changed_together_with_its_manifest(
    built: Path, tmp_path: Path
) -> None:
    """Someone who edits a capture and rewrites the manifest still cannot rename the file."""
    with zipfile.ZipFile(built) as archive:
        capture = next(n for n in archive.namelist() if n.startswith("captures/"))
        manifest = json.loads(archive.read("manifest.json"))
    forged = b"forged"
    for item in manifest["files"]:
        if item["path"] == capture:
            item.update(sha256=hashlib.sha256(forged).hexdigest(), size=len(forged))

    def forge(name: str, data: bytes) -> tuple[str, bytes]:
        if name == capture:
            return name, forged
        return name, json.dumps(manifest).encode() if name == "manifest.json" else data

    problems = _problems(_rewrite(built, tmp_path / "forged.zip", forge))
    assert list(problems) == [capture]
    assert "content's SHA-256 is" in problems[capture]


def test_verify_names_a_missing_file_and_an_extra_file(built: Path, tmp_path: Path) -> None:
    def drop(name: str, data: bytes) -> tuple[str, bytes] | None:
        return None if name == "audit.jsonl" else (name, data)

    extra = {"captures/notes.txt": b"added later"}
    problems = _problems(_rewrite(built, tmp_path / "changed.zip", drop, extra))
    assert problems["audit.jsonl"] == "missing"
    assert problems["captures/notes.txt"] == "extra: not in the manifest"
    assert len(problems) == 2


def test_verify_without_a_manifest_says_nothing_can_be_verified(
    built: Path, tmp_path: Path
) -> None:
    def drop(name: str, data: bytes) -> tuple[str, bytes] | None:
        return None if name == "manifest.json" else (name, data)

    result = package.verify(_rewrite(built, tmp_path / "bare.zip", drop))
    assert not result.ok
    assert [(p.path, p.reason) for p in result.problems] == [
        ("manifest.json", "missing: nothing can be verified")
    ]


def test_verify_rejects_a_file_that_is_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "not.zip"
    path.write_bytes(b"PK but not really")
    with pytest.raises(CaptureError, match="not a readable package"):
        package.verify(path)


def test_package_carries_the_review_log_and_verdicts(linked_copy: Path, tmp_path: Path) -> None:
    path = tmp_path / "reviewed.zip"
    with Database.open(f"sqlite:///{linked_copy}") as db:
        incident = db.incidents(place="sukha")[0]
        first = claims(db, incident_id=incident["id"], limit=1)[0]
        actions.review_claim(db, first.id, "disputed", comment="figures differ", user="ana")
        actions.grade_source(db, "The Eastern Ledger", "B", comment="track record", user="ana")
        person = db.persons(name="Yerokhin")[0]
        a, b = person["members"][:2]  # two mentions of one person, both in this incident
        actions.decide(db, "person", a, b, same=True, comment="same voice", user="ana")
        package.build(db, incident["id"], path)
    with zipfile.ZipFile(path) as archive:
        log = [json.loads(line) for line in archive.read("audit.jsonl").decode().splitlines()]
        verdicts = {json.loads(line)["id"]: json.loads(line)["status"]
                    for line in archive.read("claims.jsonl").decode().splitlines()}  # fmt: skip
    assert [(e["action"], e["target_id"]) for e in log] == [
        ("review", first.id),
        ("grade_source", "The Eastern Ledger"),
        ("merge", b),
    ]
    assert verdicts[first.id] == "disputed"
    assert package.verify(path).ok


def test_package_of_an_unknown_incident_writes_nothing(linked_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "none.zip"
    with Database.open(f"sqlite:///{linked_path}") as db, pytest.raises(NotFoundError):
        package.build(db, "ffffffffffffffff", path)
    assert not path.exists() and not list(tmp_path.iterdir())


def test_package_into_a_missing_folder_is_a_clear_error(linked_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "absent" / "x.zip"
    with (
        Database.open(f"sqlite:///{linked_path}") as db,
        pytest.raises(SettingsError, match="cannot write"),
    ):
        package.build(db, db.incidents(limit=1)[0]["id"], path)
