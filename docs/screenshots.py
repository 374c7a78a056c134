"""Regenerate the screenshots of the review web app in ``docs/screenshots/``.

    .venv/bin/python docs/screenshots.py

Ingests the bundled samples (and ``../shared/samples`` where present) into a temporary database
with a fixed capture time, adds an admin, makes a few reviews with comments so that the audit log
is not empty, serves the app on a free loopback port, signs in through the form in Chromium
(Debian's ``chromium`` where installed, else Playwright's own) and saves one PNG per main page.
Nothing outside this machine is fetched.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import uvicorn
from playwright.sync_api import FloatRect, Page, ViewportSize, sync_playwright

from crosscheck.review import actions, claims, users
from crosscheck.store import Database
from crosscheck.web import create_app

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
SAMPLES = [
    ROOT / "samples" / "captures",
    ROOT.parent / "shared" / "samples" / "smirnov",
    ROOT.parent / "shared" / "samples" / "other",
]
CAPTURED_AT = "2026-11-20T12:00:00+00:00"
USER, PASSWORD = "alice", "screenshots only, never used"
VIEWPORT: ViewportSize = {"width": 1280, "height": 900}
#: a full-page shot is cut at this height: a reader sees the top of a long page, and the PNG
#: stays small enough to keep in git
MAX_HEIGHT = 2200


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="crosscheck-screenshots-") as folder:
        url = f"sqlite:///{Path(folder) / 'crosscheck.sqlite'}"
        ingest(url)
        db = Database.open(url)
        try:
            users.add_user(db, USER, PASSWORD, "admin", by="screenshots")
            review(db)
            with serve(db) as base:
                shoot(db, base)
        finally:
            db.close()


def ingest(url: str) -> None:
    """The samples, through the command a user runs."""
    inputs = [str(folder) for folder in SAMPLES if folder.is_dir()]
    command = [sys.executable, "-m", "crosscheck", "ingest", *inputs, "--db", url]
    done = subprocess.run([*command, "--captured-at", CAPTURED_AT], capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"ingest failed:\n{done.stdout}{done.stderr}")


def largest_incident(db: Database) -> dict[str, Any]:
    found: dict[str, Any] = max(db.incidents(limit=1000), key=lambda i: len(i["documents"]))
    return found


def review(db: Database) -> None:
    """A disputed claim, a graded claim and a graded source of the largest incident."""
    incident = largest_incident(db)
    first, second = claims.claims(db, incident_id=incident["id"], limit=2)
    actions.review_claim(
        db, first.id, "disputed", user=USER,
        comment="Other outlets report seventeen killed; this figure cannot be right as well.",
    )  # fmt: skip
    actions.grade_claim(
        db, second.id, 2, user=USER, comment="Named witness, matches the satellite images."
    )
    source = next(d["source"] for d in incident["documents"] if d["source"])
    actions.grade_source(
        db, source, "B", user=USER, comment="Usually reliable: no retractions in two years."
    )


@contextmanager
def serve(db: Database) -> Iterator[str]:
    """The app under uvicorn in a thread, on a free loopback port; its base URL."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    config = uvicorn.Config(create_app(db), log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started and thread.is_alive():
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


def shoot(db: Database, base: str) -> None:
    """Sign in, then one PNG per page."""
    incident = largest_incident(db)
    pages = [  # name, path, and where a long page is cut (a list shows its first screens)
        ("dashboard", "/dashboard", MAX_HEIGHT),
        ("incidents", "/incidents", MAX_HEIGHT),
        ("incident", f"/incidents/{incident['id']}", MAX_HEIGHT),
        ("search", "/documents?q=killed", MAX_HEIGHT),
        ("document", f"/documents/{richest_document(db, incident)}", MAX_HEIGHT),
        ("person", f"/people/{db.persons(limit=1)[0]['id']}", MAX_HEIGHT),
        ("review", "/review", 1500),
        ("people-review", "/review/people", 1300),
        ("audit", "/audit", MAX_HEIGHT),
        ("exports", "/exports", MAX_HEIGHT),
    ]
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        executable = shutil.which("chromium")  # else Playwright's own, where installed
        args = ["--no-sandbox"] if os.geteuid() == 0 else []  # Chromium's sandbox refuses root
        browser = playwright.chromium.launch(executable_path=executable, args=args)
        page = browser.new_page(base_url=base, viewport=VIEWPORT)
        page.goto("/login")
        page.get_by_label("User name").fill(USER)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_test_id("sign-in").click()
        page.wait_for_url("**/dashboard")
        for name, path, cut in pages:
            page.goto(path)
            if name == "review":  # show an analyst's forms on the first claim
                page.get_by_text("Review this claim").first.click()
            save(page, OUT / f"{name}.png", cut)
        browser.close()


def richest_document(db: Database, incident: dict[str, Any]) -> str:
    """The incident's English document with the most highlighted facts."""

    def facts(document_id: str) -> int:
        record = db.record(document_id)
        if record["document"].get("language") != "en":
            return -1
        return sum(len(record.get(kind, ())) for kind in ("mentions", "quotes", "claims"))

    best: str = max((d["id"] for d in incident["documents"]), key=facts)
    return best


def save(page: Page, path: Path, cut: int) -> None:
    """The page from its top, down to its end or to ``cut`` pixels."""
    height = min(int(page.evaluate("document.documentElement.scrollHeight")), cut)
    clip: FloatRect = {"x": 0, "y": 0, "width": VIEWPORT["width"], "height": height}
    page.screenshot(path=path, full_page=True, clip=clip)
    print(f"{path.relative_to(ROOT)}: {path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
