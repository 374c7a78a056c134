"""The ``export`` commands and ``verify``; ``cli`` imports this module, which registers them on
``cli.app``. Like ``cli``, each parses its options, calls one core function (``crosscheck.export``)
and prints what it did: the exported text goes to stdout or ``--out``, the summary to stderr.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.text import Text

from crosscheck.cli import (
    DataDirOption,
    DbOption,
    _database,
    _guard,
    _parse_when,
    _settings,
    app,
    err,
    out,
)
from crosscheck.errors import SettingsError
from crosscheck.export import Selection, Table, Tally, export
from crosscheck.settings import Settings

__all__ = ["export_claims", "export_incidents", "export_package", "export_people", "verify"]


class Form(StrEnum):
    """What ``--format`` accepts."""

    CSV = "csv"
    JSONL = "jsonl"
    GEOJSON = "geojson"
    HTML = "html"


FormatOption = Annotated[
    Form,
    typer.Option("--format", help="csv or jsonl (flat rows); for incidents also geojson (those "
                 "with a place) or html (a self-contained report with charts and map)."),
]  # fmt: skip
OutOption = Annotated[
    Path | None,
    typer.Option("--out", metavar="FILE", help="Write here (replaced whole only once complete) "
                 "instead of stdout."),
]  # fmt: skip
SinceOption = Annotated[
    str | None,
    typer.Option("--since", metavar="ISO-8601", help="Only incidents ending on or after."),
]
PlaceOption = Annotated[
    str | None, typer.Option("--place", help="Only where the place name contains this.")
]
KindOption = Annotated[
    str | None, typer.Option("--kind", help="Only incidents (claims) with a claim of this kind.")
]
LimitOption = Annotated[
    int | None, typer.Option("--limit", help="At most this many rows (default: all).")
]

export_app = typer.Typer(
    name="export",
    help="Write incidents, claims or people as CSV, JSON Lines, GeoJSON or an offline HTML "
    "report, or one incident's evidence package.",
    no_args_is_help=True,
)
app.add_typer(export_app)


@export_app.command("incidents")
def export_incidents(form: FormatOption = Form.CSV, since: SinceOption = None,
                     place: PlaceOption = None, kind: KindOption = None,
                     limit: LimitOption = None, to: OutOption = None, db: DbOption = None,
                     data_dir: DataDirOption = None) -> None:  # fmt: skip
    """Export incidents, newest first: flat rows, GeoJSON, or the offline HTML report."""
    selection = _guard(lambda: _selection(since, place, kind, limit))
    _export("incidents", form, selection, to, _settings(db, data_dir, None))


@export_app.command("claims")
def export_claims(form: FormatOption = Form.CSV, since: SinceOption = None,
                  place: PlaceOption = None, kind: KindOption = None, limit: LimitOption = None,
                  to: OutOption = None, db: DbOption = None,
                  data_dir: DataDirOption = None) -> None:  # fmt: skip
    """Export claims with evidence span, claimant, count and review state."""
    selection = _guard(lambda: _selection(since, place, kind, limit))
    _export("claims", form, selection, to, _settings(db, data_dir, None))


@export_app.command("people")
def export_people(form: FormatOption = Form.CSV, limit: LimitOption = None,
                  to: OutOption = None, db: DbOption = None,
                  data_dir: DataDirOption = None) -> None:  # fmt: skip
    """Export persons: spellings, documents, incidents and stated attributes."""
    selection = _guard(lambda: Selection(limit=limit))
    _export("people", form, selection, to, _settings(db, data_dir, None))


@export_app.command("package")
def export_package(
    incident_id: Annotated[
        str, typer.Argument(metavar="INCIDENT_ID", help="Incident id, prefix, or a document's id.")
    ],
    to: Annotated[Path, typer.Option("--out", metavar="FILE.zip", help="The zip to write.")],
    db: DbOption = None,
    data_dir: DataDirOption = None,
) -> None:
    """Write one incident's evidence package: captures, records, claims, review log, hashes."""
    from crosscheck.export import package

    with _database(_settings(db, data_dir, None)) as database:
        built = _guard(lambda: package.build(database, incident_id, to))
    out.print(Text(f"wrote {built.path}: incident {built.incident_id}, {built.files} files, "
                   f"{built.bytes:,} bytes; manifest SHA-256 {built.manifest_sha256} "
                   "(note it down: it pins every file)"))  # fmt: skip


@app.command()
def verify(
    package_path: Annotated[
        Path, typer.Argument(metavar="PACKAGE", help="An evidence package (.zip).")
    ],
) -> None:
    """Check an evidence package offline against its manifest; exit 1 naming each bad file."""
    from crosscheck.export import package

    result = _guard(lambda: package.verify(package_path))
    for problem in result.problems:
        out.print(Text.assemble(("bad ", "red"), f"{problem.path}: {problem.reason}"))
    if result.ok:
        out.print(Text(f"ok {package_path}: {result.files} files, {result.bytes:,} bytes, every "
                       f"SHA-256 matches; incident {result.incident_id}, made "
                       f"{result.created_at} by crosscheck {result.made_by}"))  # fmt: skip
        return
    err.print(Text(f"{package_path}: {len(result.problems)} problem(s)"))
    raise typer.Exit(1)


def _selection(
    since: str | None, place: str | None, kind: str | None, limit: int | None
) -> Selection:
    return Selection(since=_parse_when(since, "--since"), place=place, kind=kind, limit=limit)


def _export(
    table: Table, form: Form, selection: Selection, to: Path | None, settings: Settings
) -> None:
    tally = Tally()
    with _database(settings) as database:
        chunks = _guard(lambda: export(database, table, form.value, selection, tally))
        _guard(lambda: _emit(chunks, to))
    left_out = f", {tally.left_out} without coordinates left out" if tally.left_out else ""
    what = "incidents in the report" if form is Form.HTML else table
    err.print(Text(f"exported {tally.written} {what}{left_out}" + (f" to {to}" if to else "")))


def _emit(chunks: Iterable[str], to: Path | None) -> None:
    """Write the chunks to stdout, or to ``to`` through a temporary file that replaces it
    only once complete, so a failed export never leaves half a file under the name."""
    if to is None:
        for chunk in chunks:
            sys.stdout.write(chunk)
        sys.stdout.flush()
        return
    partial = to.with_name(to.name + ".partial")
    try:
        with partial.open("w", encoding="utf-8", newline="") as handle:
            for chunk in chunks:
                handle.write(chunk)
        os.replace(partial, to)
    except OSError as error:
        raise SettingsError(f"--out {to}: cannot write: {error.strerror}") from error
    finally:
        partial.unlink(missing_ok=True)
