"""What the web tests share besides fixtures (those are in ``tests.web.server``): the test
users' password, the hostile clip, a uvicorn runner for an app, and signing in through the real
form as a browser would."""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import httpx
import uvicorn
from fastapi import FastAPI

from crosscheck.review.users import Role
from crosscheck.store import Database

__all__ = [
    "CAPTURED_AT",
    "HOSTILE_CLIP",
    "HOSTILE_IMG",
    "HOSTILE_SCRIPT",
    "PASSWORD",
    "ROLES",
    "Browser",
    "Ids",
    "Site",
    "csrf_of",
    "serve",
    "sign_in",
]

PASSWORD = "correct horse battery staple"
ROLES: tuple[Role, ...] = ("viewer", "analyst", "admin")
HOSTILE_SCRIPT = "<script>alert(1)</script>"
HOSTILE_IMG = "<img src=x onerror=alert(1)>"
#: a clip whose title and text hold markup: every page must show it as text
HOSTILE_CLIP = (
    f"Hostile {HOSTILE_SCRIPT} title\n"
    "2 days ago\n"
    f"Ivan Petrenko, a medic in Tykhovoda, said {HOSTILE_SCRIPT} five soldiers were killed "
    f'near Tykhovoda on Saturday. {HOSTILE_IMG} "We could not reach them," Petrenko said.\n'
)
CAPTURED_AT = "2026-11-20T12:00:00+00:00"
_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@dataclass(frozen=True, slots=True)
class Site:
    url: str
    db: Database
    hostile_document: str  # the id of the hostile clip's document


@dataclass(frozen=True, slots=True, kw_only=True)
class Ids:
    """Things in the sample database that tests look at, found once at the start."""

    incident: str  # the incident with the most documents
    other_incident: str
    copy: str  # a document that is a copy, and its original, in incident ``copied``
    original: str
    copied: str
    subtitles: str  # the English transcript, whose quotes have times
    person: str  # the person named in the most documents
    claim: str  # a claim of ``incident``
    source: str  # an outlet of ``incident``


@dataclass(frozen=True, slots=True)
class Browser:
    """A signed-in user's client and the CSRF token their pages carry."""

    client: httpx.Client
    csrf: str
    username: str


def csrf_of(html: str) -> str:
    """The CSRF token of the first form on a page."""
    found = _CSRF.search(html)
    assert found, "no CSRF field on the page"
    return found.group(1)


@contextmanager
def serve(app: FastAPI) -> Iterator[str]:
    """Run ``app`` under uvicorn on a free loopback port in a thread; its base URL."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, log_level="warning", lifespan="off", access_log=False)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    for _ in range(500):  # started is set once the socket accepts; waits at most 10 s
        if server.started:
            break
        time.sleep(0.02)
    assert server.started, "uvicorn did not start"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


def sign_in(url: str, username: str, password: str = PASSWORD) -> Browser:
    """Sign in through the form, as a browser would: the form's token, then the post."""
    client = httpx.Client(base_url=url, follow_redirects=False, timeout=30)
    form = client.get("/login")
    fields = {"username": username, "password": password, "csrf_token": csrf_of(form.text),
              "next": "/dashboard"}  # fmt: skip
    answer = client.post("/login", data=fields)
    assert answer.status_code == 303, answer.text
    dashboard = client.get("/dashboard")
    assert dashboard.status_code == 200
    return Browser(client=client, csrf=csrf_of(dashboard.text), username=username)
