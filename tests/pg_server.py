"""A real PostgreSQL server for the tests, started on loopback in a temp folder.

The tests run every store operation against both SQLite and PostgreSQL (``db`` in conftest). No
server is assumed to exist: ``start`` runs ``initdb`` into a fresh folder and ``pg_ctl start``
with a free port on 127.0.0.1 and its Unix socket inside that folder, so nothing on the machine
is touched and nothing but loopback is reached. Each test gets a database of its own
(``Server.create_database``), dropped afterwards.

PostgreSQL refuses to run as root; under root (CI containers) the binaries run as the
``postgres`` system user that Debian's package creates, and the folder is handed to it.

Where PostgreSQL is not installed the PostgreSQL cases skip, unless the environment variable
``CROSSCHECK_REQUIRE_POSTGRESQL`` is set (``.ci/run`` sets it), and then they fail.

Test modules and conftest load the fixtures with ``pytest_plugins = ["tests.pg_server"]``.
"""

from __future__ import annotations

import os
import pwd
import re
import secrets
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

__all__ = ["REQUIRE", "Server", "find_bindir", "postgresql_server", "postgresql_url", "start"]

#: set in the environment to make a missing PostgreSQL a test failure instead of a skip
REQUIRE = "CROSSCHECK_REQUIRE_POSTGRESQL"
#: the superuser initdb creates; trust authentication, loopback only
USER = "postgres"
#: the locale crosscheck asks PostgreSQL databases to have (see docs/store.md): code point order
#: like SQLite, and case folding of every script
LOCALE = "C.UTF-8"
_START_TRIES = 3


@dataclass(frozen=True, slots=True)
class Server:
    """A running test server: its folder (data, socket, log), port and binaries."""

    folder: Path
    port: int
    bindir: Path

    def url(self, database: str) -> str:
        return f"postgresql://{USER}@127.0.0.1:{self.port}/{database}"

    def create_database(self, *, locale: str = LOCALE) -> str:
        """A new empty database with a unique name, in crosscheck's locale unless told."""
        name = f"test_{secrets.token_hex(6)}"
        self._sql(f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' LOCALE '{locale}'")
        return name

    def drop_database(self, name: str) -> None:
        # FORCE ends sessions a failed test left open (PostgreSQL 13+)
        self._sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def stop(self) -> None:
        _run(self.bindir / "pg_ctl", "stop", "-D", self.folder / "data", "-m", "immediate")
        shutil.rmtree(self.folder, ignore_errors=True)

    def _sql(self, statement: str) -> None:
        import psycopg

        address = f"host=127.0.0.1 port={self.port} user={USER} dbname=postgres"
        with psycopg.connect(address, autocommit=True) as connection:
            connection.execute(statement.encode())


def find_bindir() -> Path | None:
    """Where initdb, pg_ctl and postgres are: ``pg_config --bindir``, else the newest of
    Debian's ``/usr/lib/postgresql/*/bin``, else the PATH."""
    found: list[Path] = []
    pg_config = shutil.which("pg_config")
    if pg_config:
        result = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True)
        if result.returncode == 0:
            found.append(Path(result.stdout.strip()))
    debian = Path("/usr/lib/postgresql").glob("*/bin")
    found += sorted(debian, key=lambda path: _version(path.parent.name), reverse=True)
    initdb = shutil.which("initdb")
    if initdb:
        found.append(Path(initdb).parent)
    return next((path for path in found if (path / "initdb").is_file()), None)


def start() -> Server:
    """initdb into a new temp folder and start a server on a free loopback port."""
    bindir = find_bindir()
    if bindir is None:
        raise LookupError("PostgreSQL is not installed (no initdb: pg_config --bindir, "
                          "/usr/lib/postgresql/*/bin, PATH)")  # fmt: skip
    folder = Path(tempfile.mkdtemp(prefix="crosscheck-pg-"))
    try:
        _give_to_postgres(folder)
        _run(bindir / "initdb", "-D", folder / "data", "-U", USER, "-A", "trust", "-E", "UTF8",
             f"--locale={LOCALE}", "--no-sync")  # fmt: skip
        return _start_on_free_port(folder, bindir)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise


def _start_on_free_port(folder: Path, bindir: Path) -> Server:
    """Start the server; another process may take the free port first, so try a few."""
    for attempt in range(1, _START_TRIES + 1):
        port = _free_port()
        options = " ".join([
            "-c listen_addresses=127.0.0.1", f"-c port={port}",
            f"-c unix_socket_directories={folder}",
            # a test server's data is thrown away: durability would only cost time
            "-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off",
        ])  # fmt: skip
        log = folder / "server.log"
        try:
            _run(bindir / "pg_ctl", "start", "-w", "-D", folder / "data", "-l", log, "-o", options)
        except RuntimeError:
            if attempt == _START_TRIES:
                tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
                raise RuntimeError(f"PostgreSQL did not start; its log ends:\n{tail}") from None
            continue
        return Server(folder=folder, port=port, bindir=bindir)
    raise AssertionError("unreachable")


def _give_to_postgres(folder: Path) -> None:
    """Under root, hand ``folder`` to the ``postgres`` user, which runs the binaries."""
    if os.geteuid() != 0:
        return
    try:
        account = pwd.getpwnam(USER)
    except KeyError:
        raise LookupError("running as root, and there is no postgres user to run "
                          "PostgreSQL as") from None  # fmt: skip
    os.chown(folder, account.pw_uid, account.pw_gid)


def _run(program: Path, *arguments: object) -> None:
    command: Sequence[str] = [str(program), *map(str, arguments)]
    if os.geteuid() == 0:
        command = ["runuser", "-u", USER, "--", *command]
    # the server's cwd must be readable by its user: /tmp is, root's home may not be
    result = subprocess.run(command, capture_output=True, text=True, cwd=tempfile.gettempdir())
    if result.returncode != 0:
        output = (result.stderr or result.stdout).strip()
        raise RuntimeError(f"{Path(program).name} failed: {output}")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _version(name: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", name))


# -- fixtures ---------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def postgresql_server() -> Iterator[Server]:
    """One server for the whole session; skip (or fail, under CROSSCHECK_REQUIRE_POSTGRESQL)
    where PostgreSQL cannot be run."""
    try:
        server = start()
    except LookupError as error:
        if os.environ.get(REQUIRE):
            pytest.fail(f"{REQUIRE} is set, but {error}")
        pytest.skip(str(error))
    yield server
    server.stop()


@pytest.fixture
def postgresql_url(postgresql_server: Server) -> Iterator[str]:
    """The URL of a fresh, empty database on the test server, dropped after the test."""
    name = postgresql_server.create_database()
    yield postgresql_server.url(name)
    postgresql_server.drop_database(name)
