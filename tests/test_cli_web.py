"""``crosscheck serve`` as users run it: a real process listening on a loopback port."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
from typer.testing import CliRunner

from crosscheck.cli import app
from crosscheck.store import Database


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait(url: str, process: subprocess.Popen[bytes]) -> httpx.Response:
    for _ in range(300):  # at most 30 s: the process imports the whole app first
        assert process.poll() is None, process.stderr.read().decode() if process.stderr else ""
        try:
            return httpx.get(url, timeout=2)
        except httpx.TransportError:
            time.sleep(0.1)
    raise AssertionError(f"nothing answered at {url}")


def test_serve_runs_the_app_and_says_how_to_add_a_user(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'serve.sqlite'}"
    Database.open(url).close()  # an empty database, no users yet
    port = _free_port()
    command = [sys.executable, "-m", "crosscheck", "serve", "--db", url, "--port", str(port)]
    process = subprocess.Popen(command, stderr=subprocess.PIPE)
    try:
        answer = _wait(f"http://127.0.0.1:{port}/login", process)
        assert answer.status_code == 200
        assert 'data-testid="sign-in-form"' in answer.text
        assert httpx.get(f"http://127.0.0.1:{port}/api/incidents").status_code == 401
    finally:
        process.terminate()
        _, stderr = process.communicate(timeout=30)
    assert "crosscheck user add NAME --role admin" in stderr.decode()


def test_serve_bad_database_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["serve", "--db", "mysql://nowhere/x"])
    assert result.exit_code == 1
    assert "mysql is not supported" in result.output


def test_serve_help_names_every_option() -> None:
    result = CliRunner().invoke(app, ["serve", "--help"])
    for option in ("--db", "--data-dir", "--host", "--port", "--secure-cookies"):
        assert option in result.output
