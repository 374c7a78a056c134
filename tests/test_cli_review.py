"""The review commands (user, review, grade, claims, audit) as users run them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher
from typer.testing import CliRunner

from crosscheck.cli import app
from crosscheck.model import Capture, Claim, ClaimKind, Count, Document, Facts, Span
from crosscheck.review import users
from crosscheck.store import Database

NOW = datetime(2026, 11, 25, tzinfo=UTC)
TEXT = "Two civilians were killed in Zorivka, the Zorivka Herald reported."
PASSWORD = "correct horse battery"

runner = CliRunner()


@pytest.fixture(autouse=True)
def cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(users, "_HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    yield


@pytest.fixture
def url(tmp_path: Path) -> str:
    """A database with one document of source "Zorivka Herald" and one killed claim."""
    address = f"sqlite:///{tmp_path / 'review.sqlite'}"
    capture = Capture.of(TEXT.encode(), media_type="text/plain", captured_at=NOW)
    document = Document(capture_sha256=capture.sha256, text=TEXT, source="Zorivka Herald")
    claim = Claim(kind=ClaimKind.KILLED, span=Span(0, 25), text=TEXT[:25],
                  count=Count(low=2, best=2, high=2), extractor="test")  # fmt: skip
    with Database.open(address) as db:
        db.save(capture, [document], [Facts(claims=(claim,))])
    return address


def _claim_id(url: str) -> str:
    [line] = _lines(url, "claims")
    return str(line["id"])


def _run(url: str, *args: str, code: int = 0, stdin: str | None = None) -> str:
    result = runner.invoke(app, [*args, "--db", url], input=stdin)
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    return result.output


def _lines(url: str, *args: str) -> list[dict[str, Any]]:
    result = runner.invoke(app, [*args, "--json", "--db", url])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_cli_claims_lists_claims_with_their_evidence(url: str) -> None:
    output = _run(url, "claims")
    assert _claim_id(url) in output
    assert "Two civilians were killed" in output
    assert "unreviewed" in output
    [line] = _lines(url, "claims", "--kind", "killed", "--status", "unreviewed")
    assert (line["text"], line["best"], line["source"]) == (TEXT[:25], 2, "Zorivka Herald")
    assert _lines(url, "claims", "--status", "verified") == []


def test_cli_claims_by_document_prefix(url: str) -> None:
    document_id = _claim_id(url).split(":")[0]
    assert len(_lines(url, "claims", "--document", document_id[:6])) == 1
    assert "no document with id 'ffff'" in _run(url, "claims", "--document", "ffff", code=1)


def test_cli_claims_by_incident(linked_copy: Path) -> None:
    url = f"sqlite:///{linked_copy}"
    incident = _lines(url, "incidents", "--limit", "1")[0]
    found = _lines(url, "claims", "--incident", incident["id"][:8], "--limit", "500")
    assert found and {line["incident_id"] for line in found} == {incident["id"]}


def test_cli_review_and_grade_a_claim(url: str) -> None:
    claim_id = _claim_id(url)
    output = _run(url, "review", claim_id, "disputed", "--comment", "the mayor says three",
                  "--author", "ann")  # fmt: skip
    assert "disputed" in output and claim_id in output
    _run(url, "grade", "claim", claim_id, "4", "--comment", "doubtful", "--author", "ann")
    _run(url, "grade", "source", "Zorivka Herald", "B", "--comment", "good record",
         "--author", "bo")  # fmt: skip
    [line] = _lines(url, "claims")
    assert (line["status"], line["credibility"], line["reliability"]) == ("disputed", 4, "B")
    assert "grade B4" in _run(url, "claims")
    entries = _lines(url, "audit")
    assert [e["action"] for e in entries] == ["grade_source", "grade_claim", "review"]
    assert entries[2]["diff"] == [["status", "unreviewed", "disputed"]]
    assert [e["action"] for e in _lines(url, "audit", "--target", f"claim:{claim_id}")] == [
        "grade_claim", "review",
    ]  # fmt: skip
    assert [e["action"] for e in _lines(url, "audit", "--user", "bo")] == ["grade_source"]
    assert len(_lines(url, "audit", "--limit", "1")) == 1
    assert "the mayor says three" in _run(url, "audit")


def test_cli_review_author_defaults_to_the_os_user(
    url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LOGNAME", "field-analyst")
    _run(url, "review", _claim_id(url), "verified", "--comment", "checked")
    assert _lines(url, "claims")[0]["reviewed_by"] == "field-analyst"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["review", "CLAIM", "verified", "--comment", "  "], "needs a comment"),
        (["review", "CLAIM", "verified", "--comment", "x", "--author", " "], "name of who"),
        (["review", "ffff:0-1:killed", "verified", "--comment", "x"], "no claim"),
        (["grade", "claim", "CLAIM", "9", "--comment", "x"], "credibility must be 1 to 6, got 9"),
        (["grade", "source", "Zorivka Herald", "Z", "--comment", "x"], "got 'Z'"),
        (["grade", "source", "Nobody", "A", "--comment", "x"], "no document has the source"),
        (["user", "role", "ghost", "admin", "--comment", "x"], "no user 'ghost'"),
        (["audit", "--target", "claim"], "expected KIND:ID"),
        (["audit", "--target", "place:x"], "unknown target kind 'place'"),
    ],
)
def test_cli_review_errors_are_one_line(url: str, args: list[str], message: str) -> None:
    output = _run(url, *(_claim_id(url) if arg == "CLAIM" else arg for arg in args), code=1)
    assert message in output
    assert len(output.strip().splitlines()) == 1


def test_cli_review_refuses_an_unknown_status(url: str) -> None:
    result = runner.invoke(app, ["review", _claim_id(url), "maybe", "--comment", "x", "--db", url])
    assert result.exit_code == 2  # a usage error: the choices are listed


def test_cli_user_add_list_role_disable_enable(url: str) -> None:
    output = _run(url, "user", "add", "ann", "--role", "analyst", "--password-stdin",
                  stdin=f"{PASSWORD}\n")  # fmt: skip
    assert "added ann (analyst)" in output
    _run(url, "user", "add", "root", "--role", "admin", stdin=f"{PASSWORD}\n{PASSWORD}\n")
    assert [(u["username"], u["role"]) for u in _lines(url, "user", "list")] == [
        ("ann", "analyst"), ("root", "admin"),
    ]  # fmt: skip
    assert "ann is now viewer" in _run(url, "user", "role", "ann", "viewer", "--comment", "reads")
    assert "ann is now disabled" in _run(url, "user", "disable", "ann", "--comment", "left")
    assert _lines(url, "user", "list")[0]["disabled"] is True
    assert "ann is now enabled" in _run(url, "user", "enable", "ann", "--comment", "back")
    table = _run(url, "user", "list")
    assert "ann" in table and "viewer" in table
    actions = [e["action"] for e in _lines(url, "audit", "--target", "user:ann")]
    assert actions == ["enable_user", "disable_user", "set_role", "add_user"]
    with Database.open(url) as db:
        assert users.authenticate(db, "ann", PASSWORD, client="cli").role == "viewer"


def test_cli_user_add_refuses_mismatched_or_short_passwords(url: str) -> None:
    result = runner.invoke(app, ["user", "add", "ann", "--role", "viewer", "--db", url],
                           input=f"{PASSWORD}\nsomething else entirely\n")  # fmt: skip
    assert result.exit_code != 0
    output = _run(url, "user", "add", "ann", "--role", "viewer", "--password-stdin",
                  stdin="short\n", code=1)  # fmt: skip
    assert "at least 12 characters" in output
    assert _lines(url, "user", "list") == []


def test_cli_user_password_changes_it(url: str) -> None:
    _run(url, "user", "add", "ann", "--role", "viewer", "--password-stdin", stdin=f"{PASSWORD}\n")
    _run(url, "user", "password", "ann", "--password-stdin", stdin="another long passphrase\n")
    with Database.open(url) as db:
        assert users.authenticate(db, "ann", "another long passphrase", client="cli")
