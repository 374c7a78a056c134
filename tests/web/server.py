"""Fixtures for the web tests: the real app under uvicorn on a free loopback port, over a copy of
the linked sample database with a hostile clip added, and httpx clients signed in through the
real sign-in form, one per role.

Test modules load them with ``pytest_plugins = ["tests.web.server"]`` and import what else they
need from ``tests.web.browsing`` (the project keeps one conftest). The server and its database
live for the whole session: tests that change review state use claims, sources and users of
their own, or undo what they did.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from tests.web.browsing import (
    CAPTURED_AT,
    HOSTILE_CLIP,
    PASSWORD,
    ROLES,
    Browser,
    Ids,
    Site,
    serve,
    sign_in,
)
from typer.testing import CliRunner

from crosscheck.cli import app as cli
from crosscheck.review import users
from crosscheck.store import Database
from crosscheck.web import create_app

__all__ = ["anonymous", "browsers", "ids", "site", "web_db_path"]


@pytest.fixture(scope="session")
def web_db_path(linked_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the linked samples with the hostile clip ingested and linked."""
    folder = tmp_path_factory.mktemp("web")
    path = folder / "crosscheck.sqlite"
    for suffix in ("", "-wal", "-shm"):
        source = Path(f"{linked_path}{suffix}")
        if source.exists():
            shutil.copy(source, Path(f"{path}{suffix}"))
    clip = folder / "clips" / "hostile.txt"
    clip.parent.mkdir()
    clip.write_text(HOSTILE_CLIP, encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["ingest", str(clip), "--db", f"sqlite:///{path}", "--captured-at", CAPTURED_AT]
    )
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture(scope="session")
def site(web_db_path: Path) -> Iterator[Site]:
    db = Database.open(f"sqlite:///{web_db_path}")
    for role in ROLES:
        users.add_user(db, role, PASSWORD, role, by="tests")
    hostile = db.search("Petrenko Hostile", limit=1)[0].document_id
    with serve(create_app(db)) as url:
        yield Site(url=url, db=db, hostile_document=hostile)
    db.close()


@pytest.fixture(scope="session")
def browsers(site: Site) -> Iterator[dict[str, Browser]]:
    """One signed-in client per role, by role name."""
    signed_in: dict[str, Browser] = {role: sign_in(site.url, role) for role in ROLES}
    yield signed_in
    for browser in signed_in.values():
        browser.client.close()


@pytest.fixture(scope="session")
def ids(site: Site) -> Ids:
    from crosscheck.review import claims

    incidents = sorted(site.db.incidents(limit=50), key=lambda i: -len(i["documents"]))
    copies = [(d, i["id"]) for i in incidents for d in i["documents"] if d["copy_of"]]
    transcript = next(
        h.document_id
        for h in site.db.search("Yerokhin", limit=20)
        if site.db.record(h.document_id)["capture"]["media_type"] == "application/x-subrip"
    )
    first = incidents[0]
    return Ids(
        incident=first["id"],
        other_incident=incidents[1]["id"],
        copy=copies[0][0]["id"],
        original=copies[0][0]["copy_of"],
        copied=copies[0][1],
        subtitles=transcript,
        person=site.db.persons(limit=1)[0]["id"],
        claim=claims.claims(site.db, incident_id=first["id"], limit=1)[0].id,
        source=next(d["source"] for d in first["documents"] if d["source"]),
    )


@pytest.fixture
def anonymous(site: Site) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=site.url, follow_redirects=False, timeout=30) as client:
        yield client
