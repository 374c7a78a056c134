"""The only conftest: paths to shared data, a real database (SQLite, PostgreSQL) per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from crosscheck.store import Database

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "samples"
GOLDEN = Path(__file__).resolve().parent / "golden"

# a real PostgreSQL server for the session: fixtures postgresql_server, postgresql_url
pytest_plugins = ["tests.pg_server"]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", help="rewrite golden files from current output"
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def shared() -> Path:
    """``../shared`` next to the checkout; tests that need it skip cleanly without it."""
    if not SHARED.is_dir():
        pytest.skip("../shared is absent")
    return SHARED


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of a new, empty database: an SQLite file in the test's folder, or a database of
    its own on the session's PostgreSQL server (``tests.pg_server``; skips where there is none,
    fails instead under CROSSCHECK_REQUIRE_POSTGRESQL)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'crosscheck.sqlite'}"
    url: str = request.getfixturevalue("postgresql_url")
    return url


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    """An open database at ``db_url``: every test that takes it runs on SQLite and PostgreSQL."""
    database = Database.open(db_url)
    yield database
    database.close()


#: when the sample captures count as made, so that "3 days ago" means the same on every checkout
SAMPLES_CAPTURED_AT = "2026-11-20T12:00:00+00:00"


@pytest.fixture(scope="session")
def linked_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One linked SQLite database of the bundled samples (and ``../shared/samples`` where
    present), ingested once per test session. Read it only: copy it with ``linked_copy`` first
    to change it."""
    from typer.testing import CliRunner

    from crosscheck.cli import app

    path = tmp_path_factory.mktemp("linked") / "crosscheck.sqlite"
    shared = [SHARED / "samples" / "smirnov", SHARED / "samples" / "other"]
    inputs = [str(SAMPLES / "captures"), *(str(folder) for folder in shared if folder.is_dir())]
    url = f"sqlite:///{path}"
    result = CliRunner().invoke(
        app, ["ingest", *inputs, "--db", url, "--captured-at", SAMPLES_CAPTURED_AT]
    )
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture
def linked_copy(linked_path: Path, tmp_path: Path) -> Path:
    """A private copy of ``linked_path`` that a test may change."""
    import shutil

    copy = tmp_path / "linked.sqlite"
    for suffix in ("", "-wal", "-shm"):
        source = Path(f"{linked_path}{suffix}")
        if source.exists():
            shutil.copy(source, Path(f"{copy}{suffix}"))
    return copy
