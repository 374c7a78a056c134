"""The commands over linking: ``link``, ``incidents``, ``incident``, ``people``, ``person`` and
``decide``. Like ``cli``, each parses its options, calls one core function and prints the result;
``cli`` imports this module, which registers the commands on ``cli.app``.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Annotated, Any

import typer

from crosscheck import terminal_links
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
    _link,
    _parse_when,
    _settings,
    app,
    err,
    out,
)
from crosscheck.errors import NotFoundError
from crosscheck.settings import Settings

__all__ = ["decide", "incident", "incidents", "link", "people", "person"]

LimitOption = Annotated[int, typer.Option("--limit", help="Most results to show.")]


class Kind(StrEnum):
    """What a decision is about."""

    INCIDENT = "incident"
    PERSON = "person"


KindArgument = Annotated[Kind, typer.Argument(help="What A and B are: incidents or persons.")]
AArgument = Annotated[
    str,
    typer.Argument(metavar="A", help="For incidents a document or incident id, for persons a "
                   "member \"<document id>/p1\" (unique prefixes of document ids will do)."),
]  # fmt: skip
BArgument = Annotated[str, typer.Argument(metavar="B", help="The other one, like A.")]


@app.command()
def link(
    rebuild: Annotated[
        bool,
        typer.Option(
            "--rebuild",
            help="Forget what the machine linked and link every document "
            "again (analysts' decisions stay).",
        ),
    ] = False,  # fmt: skip
    db: DbOption = None,
    data_dir: DataDirOption = None,
) -> None:
    """Link stored documents not linked yet into incidents and persons (ingest does it too)."""
    with _database(_settings(db, data_dir, None)) as database:
        report = _link(database, everything=rebuild)
    terminal_links.print_link_report(err, report)


@app.command()
def incidents(
    since: Annotated[
        str | None,
        typer.Option("--since", metavar="ISO-8601", help="Only incidents ending on or after."),
    ] = None,
    place: Annotated[
        str | None, typer.Option("--place", help="Only where the place name contains this.")
    ] = None,
    kind: Annotated[
        str | None, typer.Option("--kind", help="Only with a claim of this kind, e.g. killed.")
    ] = None,
    limit: LimitOption = 50,
    db: DbOption = None,
    data_dir: DataDirOption = None,
    as_json: JsonOption = False,
) -> None:
    """List incidents, newest first, with independent sources and the killed estimate."""
    when = _guard(lambda: _parse_when(since, "--since"))
    with _database(_settings(db, data_dir, None)) as database:
        found = _guard(lambda: database.incidents(since=when, place=place, kind=kind, limit=limit))
    if as_json:
        _json_lines(found)
        return
    terminal_links.print_incidents(out, found)


@app.command()
def incident(
    incident_id: Annotated[
        str, typer.Argument(metavar="ID", help="Incident id, unique prefix, or a document's id.")
    ],
    db: DbOption = None,
    data_dir: DataDirOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show one incident: documents by origin, estimates per claimant, the claims ledger."""
    with _database(_settings(db, data_dir, None)) as database:
        summary = _guard(lambda: database.incident(incident_id))
        names = database.person_names(summary["people"])
    if as_json:
        _json_lines([summary])
        return
    terminal_links.print_incident(out, summary, names)


@app.command()
def people(
    name: Annotated[
        str | None,
        typer.Option(
            "--name",
            help="Only those with a spelling containing this, in any script "
            '("Alexey Smirnov" finds "Алексей Смирнов").',
        ),
    ] = None,  # fmt: skip
    limit: LimitOption = 50,
    db: DbOption = None,
    data_dir: DataDirOption = None,
    as_json: JsonOption = False,
) -> None:
    """List persons (one person across documents and scripts), named most often first."""
    with _database(_settings(db, data_dir, None)) as database:
        found = _guard(lambda: database.persons(name=name, limit=limit))
    if as_json:
        _json_lines(found)
        return
    terminal_links.print_persons(out, found)


@app.command()
def person(
    person_id: Annotated[
        str, typer.Argument(metavar="ID", help='Person id ("<document id>/p1") or prefix.')
    ],
    db: DbOption = None,
    data_dir: DataDirOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show one person: spellings, documents, incidents, attributes and the links behind them."""
    with _database(_settings(db, data_dir, None)) as database:
        summary = _guard(lambda: database.person(person_id))
    if as_json:
        _json_lines([summary])
        return
    terminal_links.print_person(out, summary)


decide = typer.Typer(
    name="decide",
    help="Record an analyst's decision that two incidents or persons are the same or different "
    "(the machine never overrides it, relinking keeps it), or withdraw one.",
    no_args_is_help=True,
)
app.add_typer(decide)


@decide.command()
def same(kind: KindArgument, a: AArgument, b: BArgument, comment: CommentOption,
         author: AuthorOption = None, db: DbOption = None,
         data_dir: DataDirOption = None) -> None:  # fmt: skip
    """A and B are one incident (or person): merge them."""
    _decide(kind, a, b, _settings(db, data_dir, None), same=True, comment=comment, author=author)


@decide.command()
def different(kind: KindArgument, a: AArgument, b: BArgument, comment: CommentOption,
              author: AuthorOption = None, db: DbOption = None,
              data_dir: DataDirOption = None) -> None:  # fmt: skip
    """A and B are not one incident (or person): keep them apart."""
    _decide(kind, a, b, _settings(db, data_dir, None), same=False, comment=comment, author=author)


@decide.command()
def undo(kind: KindArgument, a: AArgument, b: BArgument, comment: CommentOption,
         author: AuthorOption = None, db: DbOption = None,
         data_dir: DataDirOption = None) -> None:  # fmt: skip
    """Withdraw the decision about A and B: the machine's view comes back."""
    _decide(kind, a, b, _settings(db, data_dir, None), same=None, comment=comment, author=author)


def _decide(kind: Kind, a: str, b: str, settings: Settings, *, same: bool | None,
            comment: str, author: str | None) -> None:  # fmt: skip
    """Decide (``same`` True or False) or undo (None) through the review core, which keeps an
    audit row of it, then say where A and B are now."""
    from crosscheck.review import actions

    what: actions.Kind = "incident" if kind is Kind.INCIDENT else "person"
    user = _guard(lambda: _author(author))
    with _database(settings) as database:
        first, second = _guard(lambda: (database.link_member(a), database.link_member(b)))
        if same is None:
            _guard(lambda: actions.undo_decision(database, what, first, second,
                                                 comment=comment, user=user))  # fmt: skip
        else:
            _guard(lambda: actions.decide(database, what, first, second, same=same,
                                          comment=comment, user=user))  # fmt: skip
        locate = database.incident if kind is Kind.INCIDENT else database.person
        now = [_where(locate, member) for member in (first, second)]
    verdict = "undone" if same is None else ("same" if same else "different")
    err.print(f"{verdict}: {first} is now in {what} {now[0]}, {second} in {what} {now[1]}")


def _where(locate: Callable[[str], dict[str, Any]], member: str) -> str:
    try:
        return str(locate(member)["id"])
    except NotFoundError:  # a document that reports no event is in no incident
        return "none"
