"""The review commands: ``user``, ``review``, ``grade``, ``claims`` and ``audit``. Like ``cli``,
each parses its options, calls one core function (``crosscheck.review``) and prints the result;
``cli`` imports this module, which registers the commands on ``cli.app``.

The command line works on the database directly, as whoever runs it: changes are recorded in the
audit log under ``--author`` (by default the operating system's user name).
"""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer

from crosscheck import terminal_review
from crosscheck.cli import (
    AuthorOption,
    CommentOption,
    DataDirOption,
    DbOption,
    JsonOption,
    _author,
    _database,
    _guard,
    _json_lines,
    _settings,
    app,
    err,
    out,
)
from crosscheck.errors import SettingsError
from crosscheck.review import actions, users
from crosscheck.review import audit as review_audit
from crosscheck.review import claims as claim_views
from crosscheck.settings import Settings
from crosscheck.store import Database

__all__ = ["audit", "claims", "grade", "review", "user"]


class Verdict(StrEnum):
    VERIFIED = "verified"
    DISPUTED = "disputed"
    REJECTED = "rejected"


class Status(StrEnum):
    UNREVIEWED = "unreviewed"
    VERIFIED = "verified"
    DISPUTED = "disputed"
    REJECTED = "rejected"


class Role(StrEnum):
    VIEWER = "viewer"
    ANALYST = "analyst"
    ADMIN = "admin"


ClaimArgument = Annotated[
    str,
    typer.Argument(metavar="CLAIM_ID", help="A claim id as crosscheck claims prints it: "
                   '"<document id>:<start>-<end>:<kind>".'),
]  # fmt: skip
UsernameArgument = Annotated[str, typer.Argument(metavar="USERNAME", help="The user's name.")]
LimitOption = Annotated[int, typer.Option("--limit", help="Most results to show.")]


# -- claims and verdicts ---------------------------------------------------------------------


@app.command()
def claims(
    incident: Annotated[
        str | None, typer.Option("--incident", help="Only this incident's (id or unique prefix).")
    ] = None,
    document: Annotated[
        str | None, typer.Option("--document", help="Only this document's (id or unique prefix).")
    ] = None,
    status: Annotated[
        Status | None, typer.Option("--status", help="Only claims with this review status.")
    ] = None,
    kind: Annotated[
        str | None, typer.Option("--kind", help="Only claims of this kind, e.g. killed.")
    ] = None,
    limit: LimitOption = 50,
    db: DbOption = None,
    data_dir: DataDirOption = None,
    as_json: JsonOption = False,
) -> None:
    """List claims with their evidence, review status and Admiralty grade."""
    with _database(_settings(db, data_dir, None)) as database:
        incident_id, document_id = _guard(lambda: _ids(database, incident, document))
        wanted: claim_views.Status | None = None if status is None else status.value
        found = _guard(lambda: claim_views.claims(
            database, incident_id=incident_id, document_id=document_id, status=wanted, kind=kind,
            limit=limit,
        ))  # fmt: skip
    if as_json:
        _json_lines(view.to_json() for view in found)
        return
    terminal_review.print_claims(out, found)


@app.command()
def review(
    claim_id: ClaimArgument,
    verdict: Annotated[
        Verdict, typer.Argument(metavar="STATUS", help="verified, disputed or rejected.")
    ],
    comment: CommentOption,
    author: AuthorOption = None,
    db: DbOption = None,
    data_dir: DataDirOption = None,
) -> None:
    """Record an analyst's verdict on a claim: verified, disputed or rejected."""
    who = _guard(lambda: _author(author))
    with _database(_settings(db, data_dir, None)) as database:
        view = _guard(lambda: actions.review_claim(database, claim_id, verdict.value,
                                                  comment=comment, user=who))  # fmt: skip
    err.print(terminal_review.claim_line(view))


grade = typer.Typer(
    name="grade",
    help="Grade on the Admiralty scale: a source's reliability (A-F) or a claim's "
    "credibility (1-6).",
    no_args_is_help=True,
)
app.add_typer(grade)


@grade.command("source")
def grade_source(
    source: Annotated[
        str, typer.Argument(metavar="SOURCE", help="The outlet, as documents name it.")
    ],
    reliability: Annotated[
        str,
        typer.Argument(
            metavar="A-F", help="A completely reliable ... E unreliable, F cannot be judged."
        ),
    ],
    comment: CommentOption,
    author: AuthorOption = None,
    db: DbOption = None,
    data_dir: DataDirOption = None,
) -> None:
    """Grade a source's reliability, A (completely reliable) to F (cannot be judged)."""
    who = _guard(lambda: _author(author))
    with _database(_settings(db, data_dir, None)) as database:
        graded = _guard(lambda: actions.grade_source(database, source, reliability,
                                                    comment=comment, user=who))  # fmt: skip
    err.print(f"{graded.source}: {graded.reliability} ({actions.RELIABILITY[graded.reliability]})")


@grade.command("claim")
def grade_claim(
    claim_id: ClaimArgument,
    credibility: Annotated[
        int,
        typer.Argument(
            metavar="1-6", help="1 confirmed by other sources ... 5 improbable, 6 cannot be judged."
        ),
    ],
    comment: CommentOption,
    author: AuthorOption = None,
    db: DbOption = None,
    data_dir: DataDirOption = None,
) -> None:
    """Grade a claim's credibility, 1 (confirmed by other sources) to 6 (cannot be judged)."""
    who = _guard(lambda: _author(author))
    with _database(_settings(db, data_dir, None)) as database:
        view = _guard(lambda: actions.grade_claim(database, claim_id, credibility,
                                                 comment=comment, user=who))  # fmt: skip
    err.print(terminal_review.claim_line(view))


@app.command()
def audit(
    target: Annotated[
        str | None,
        typer.Option(
            "--target",
            metavar="KIND:ID",
            help="Only changes to this: claim:<claim id>, source:<name>, incident:<id>, "
            "person:<id> or user:<name>.",
        ),
    ] = None,  # fmt: skip
    username: Annotated[
        str | None, typer.Option("--user", help="Only changes made by this user.")
    ] = None,
    limit: LimitOption = 100,
    db: DbOption = None,
    data_dir: DataDirOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show the audit log, newest first: who changed what, when, why, before and after."""
    kind, target_id = _guard(lambda: _target(target))
    with _database(_settings(db, data_dir, None)) as database:
        entries = _guard(lambda: review_audit.audit_log(
            database, target_kind=kind, target_id=target_id, username=username, limit=limit,
        ))  # fmt: skip
    if as_json:
        _json_lines(entry.to_json() for entry in entries)
        return
    terminal_review.print_audit(out, entries)


# -- users -----------------------------------------------------------------------------------

user = typer.Typer(
    name="user",
    help="Manage the web app's users: viewers read, analysts also review, admins also manage "
    "users.",
    no_args_is_help=True,
)
app.add_typer(user)


@user.command("add")
def user_add(
    username: UsernameArgument,
    role: Annotated[Role, typer.Option("--role", help="viewer, analyst or admin.")],
    password_stdin: Annotated[
        bool,
        typer.Option("--password-stdin", help="Read the password from the first line of stdin."),
    ] = False,
    author: AuthorOption = None,
    db: DbOption = None,
    data_dir: DataDirOption = None,
) -> None:
    """Add a user; the password (12 characters or more) is asked for twice, hidden."""
    password = _password(password_stdin)
    who = _guard(lambda: _author(author))
    with _database(_settings(db, data_dir, None)) as database:
        added = _guard(lambda: users.add_user(database, username, password, role.value, by=who))
    err.print(f"added {added.username} ({added.role})")


@user.command("list")
def user_list(
    db: DbOption = None, data_dir: DataDirOption = None, as_json: JsonOption = False
) -> None:
    """List users with their role and whether they are disabled."""
    with _database(_settings(db, data_dir, None)) as database:
        found = _guard(lambda: users.list_users(database))
    if as_json:
        _json_lines(found_user.to_json() for found_user in found)
        return
    terminal_review.print_users(out, found)


@user.command("role")
def user_role(
    username: UsernameArgument,
    role: Annotated[Role, typer.Argument(metavar="ROLE", help="viewer, analyst or admin.")],
    comment: CommentOption,
    author: AuthorOption = None,
    db: DbOption = None,
    data_dir: DataDirOption = None,
) -> None:
    """Give a user another role."""
    who = _guard(lambda: _author(author))
    with _database(_settings(db, data_dir, None)) as database:
        changed = _guard(lambda: users.set_role(database, username, role.value, by=who,
                                                comment=comment))  # fmt: skip
    err.print(f"{changed.username} is now {changed.role}")


@user.command("disable")
def user_disable(username: UsernameArgument, comment: CommentOption, author: AuthorOption = None,
                 db: DbOption = None, data_dir: DataDirOption = None) -> None:  # fmt: skip
    """Disable a user: they are signed out and cannot sign in."""
    _set_disabled(username, True, comment, author, _settings(db, data_dir, None))


@user.command("enable")
def user_enable(username: UsernameArgument, comment: CommentOption, author: AuthorOption = None,
                db: DbOption = None, data_dir: DataDirOption = None) -> None:  # fmt: skip
    """Enable a disabled user again."""
    _set_disabled(username, False, comment, author, _settings(db, data_dir, None))


@user.command("password")
def user_password(
    username: UsernameArgument,
    password_stdin: Annotated[
        bool,
        typer.Option("--password-stdin", help="Read the password from the first line of stdin."),
    ] = False,
    author: AuthorOption = None,
    db: DbOption = None,
    data_dir: DataDirOption = None,
) -> None:
    """Set a user's password (and sign them out everywhere)."""
    password = _password(password_stdin)
    who = _guard(lambda: _author(author))
    with _database(_settings(db, data_dir, None)) as database:
        _guard(lambda: users.set_password(database, username, password, by=who))
    err.print(f"password of {username} changed")


# -- helpers ---------------------------------------------------------------------------------


def _set_disabled(username: str, disabled: bool, comment: str, author: str | None,
                  settings: Settings) -> None:  # fmt: skip
    who = _guard(lambda: _author(author))
    with _database(settings) as database:
        changed = _guard(lambda: users.set_disabled(database, username, disabled, by=who,
                                                    comment=comment))  # fmt: skip
    err.print(f"{changed.username} is now {'disabled' if changed.disabled else 'enabled'}")


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return str(typer.prompt("Password", hide_input=True, confirmation_prompt=True, err=True))


def _ids(
    database: Database, incident: str | None, document: str | None
) -> tuple[str | None, str | None]:
    """Full incident and document ids from what was given (an id, a unique prefix)."""
    incident_id = None if incident is None else str(database.incident(incident)["id"])
    document_id = None if document is None else database.link_member(document.split("/")[0])
    return incident_id, document_id


def _target(given: str | None) -> tuple[str | None, str | None]:
    if given is None:
        return None, None
    kind, colon, target_id = given.partition(":")
    if not colon or not target_id:
        raise SettingsError(f"--target: expected KIND:ID, like claim:<claim id>, got {given!r}")
    return kind, target_id
