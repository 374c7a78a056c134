"""The command line: a thin Typer layer over ``pipeline`` and ``store``.

Each command parses its options, calls one core function and prints the result. Expected
failures (``CrosscheckError``) become a one-line message on stderr and exit status 1; nothing
else is caught here, so a bug shows its traceback.
"""

from __future__ import annotations

import getpass
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Column, Table
from rich.text import Text

from crosscheck import __version__, pipeline, terminal
from crosscheck.errors import CrosscheckError, SettingsError
from crosscheck.ingest.files import walk
from crosscheck.settings import Settings
from crosscheck.store import Database

if TYPE_CHECKING:
    from crosscheck.link import LinkReport

app = typer.Typer(
    name="crosscheck",
    help="Turn captures of conflict reporting into a provenance-tracked database.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, soft_wrap=True)  # a one-line error stays one line
out = Console(soft_wrap=True)

T = TypeVar("T")

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Database URL (default: SQLite file in the data directory).",
                 envvar="CROSSCHECK_DB", show_envvar=True),
]  # fmt: skip
DataDirOption = Annotated[
    Path | None,
    typer.Option("--data-dir", help="Folder of the default SQLite database.",
                 envvar="CROSSCHECK_DATA_DIR", show_envvar=True),
]  # fmt: skip
CapturedAtOption = Annotated[
    str | None,
    typer.Option("--captured-at", metavar="ISO-8601",
                 help="When the captures were made (default: each file's modification time; "
                      "WARC-Date and record fields win). Without a zone, UTC."),
]  # fmt: skip
MaxBytesOption = Annotated[
    int | None,
    typer.Option("--max-bytes", help="Largest file or decompressed record accepted "
                 "(default 100 MiB).", envvar="CROSSCHECK_MAX_CAPTURE_BYTES"),
]  # fmt: skip
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON Lines for scripts.")]
CommentOption = Annotated[
    str, typer.Option("--comment", help="Why (required, kept in the audit log).")
]
AuthorOption = Annotated[
    str | None,
    typer.Option("--author", help="Who decided, for the audit log (default: your OS user name)."),
]  # fmt: skip
FactsOption = Annotated[
    bool,
    typer.Option("--facts/--no-facts", help="Extract mentions, places, people, quotes, claims "
                 "and dates (default), or store documents only."),
]  # fmt: skip
LinkOption = Annotated[
    bool,
    typer.Option("--link/--no-link", help="Link the documents into incidents and persons "
                 "afterwards (default), or leave that to crosscheck link."),
]  # fmt: skip
ProfileOption = Annotated[
    str,
    typer.Option("--profile", help="Rule profile for vague numbers such as \"dozens\": acled "
                 "(conservative: tens 10, dozens 12, hundreds 100) or range (low/best/high)."),
]  # fmt: skip


def _version(value: bool) -> None:
    if value:
        out.print(f"crosscheck {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """crosscheck: captures in, documents with provenance out."""


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (recursively) or - (stdin).")],
    db: DbOption = None,
    data_dir: DataDirOption = None,
    captured_at: CapturedAtOption = None,
    max_bytes: MaxBytesOption = None,
    facts: FactsOption = True,
    profile: ProfileOption = "acled",
    link: LinkOption = True,
) -> None:
    """Store captures, their documents and facts, then link them; re-running stores nothing new."""
    settings = _settings(db, data_dir, max_bytes)
    options = _options(settings, captured_at, facts, profile)
    with _database(settings) as database:
        with _progress(paths) as advance:
            report = pipeline.run(paths, database, options, progress=advance)
        linked = _link(database, everything=False) if link else None
    terminal.print_report(err, report, stored_label="stored", linked=linked)
    raise typer.Exit(0 if report.ok else 1)


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (recursively) or - (stdin).")],
    captured_at: CapturedAtOption = None,
    max_bytes: MaxBytesOption = None,
    facts: FactsOption = True,
    profile: ProfileOption = "acled",
) -> None:
    """Print one crosscheck.record/1 JSON object per document (JSON Lines); no database."""
    options = _options(_settings(None, None, max_bytes), captured_at, facts, profile)
    report = pipeline.RunReport()
    for record in pipeline.extract(paths, options, report):
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    for failure in report.failures:
        err.print(Text.assemble(("error ", "red"), f"{failure.where}: {failure.reason}"))
    raise typer.Exit(0 if report.ok else 1)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to find (all of them, any order).")],
    limit: Annotated[int, typer.Option(help="Most results to show.")] = 20,
    db: DbOption = None,
    data_dir: DataDirOption = None,
    as_json: JsonOption = False,
) -> None:
    """Full-text search over documents, best matches first, with snippets."""
    with _database(_settings(db, data_dir, None)) as database:
        hits = _guard(lambda: database.search(query, limit=limit))
    if as_json:
        for hit in hits:
            sys.stdout.write(json.dumps(_as_dict(hit), ensure_ascii=False) + "\n")
        return
    table = Table("title", "source", "published", "snippet", show_lines=True)
    table.columns.insert(0, Column("id", no_wrap=True, min_width=16))  # show needs it whole
    for hit in hits:
        # Text(...) so that markup-like brackets in scraped text are shown, never interpreted
        cells = (hit.document_id, hit.title, hit.source, (hit.published or "")[:10], hit.snippet)
        table.add_row(*(Text(value or "") for value in cells))
    out.print(table if hits else "no documents match")


@app.command()
def show(
    document_id: Annotated[str, typer.Argument(metavar="ID", help="Document id or unique prefix.")],
    db: DbOption = None,
    data_dir: DataDirOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the crosscheck.record/1.")] = False,
) -> None:
    """Show one document: metadata, provenance, removed boilerplate and clean text."""
    with _database(_settings(db, data_dir, None)) as database:
        record = _guard(lambda: database.record(document_id))
    if as_json:
        sys.stdout.write(json.dumps(record, ensure_ascii=False, indent=2) + "\n")
        return
    terminal.print_record(out, record)


@app.command()
def rebuild(
    db: DbOption = None,
    data_dir: DataDirOption = None,
    facts: FactsOption = True,
    profile: ProfileOption = "acled",
    link: LinkOption = True,
) -> None:
    """Re-derive every document and its facts from the stored captures, then link all again."""
    settings = _settings(db, data_dir, None)
    options = _options(settings, None, facts, profile)
    with _database(settings) as database:
        total = database.counts().get("captures", 0)
        with _progress_total(total, "rebuilding") as advance:
            report = pipeline.rebuild(database, options, progress=advance)
        linked = _link(database, everything=True) if link else None
    terminal.print_report(err, report, stored_label="rebuilt", linked=linked)
    raise typer.Exit(0 if report.ok else 1)


@app.command()
def evaluate(
    data: Annotated[
        Path, typer.Option("--data", help="Gold data folder laid out like ../shared/data.")
    ] = Path("../shared/data"),
    task: Annotated[
        list[str] | None,
        typer.Option("--task", help="A task or family (repeatable), e.g. article-extraction, ner."),
    ] = None,
    json_file: Annotated[
        Path | None, typer.Option("--json", help="Also write the rows as JSON to this file.")
    ] = None,
    check_floors: Annotated[
        bool,
        typer.Option(
            "--check-floors",
            help="Fail when a score on a present set is below its floor in eval_baseline.json.",
        ),
    ] = False,
    raise_floors: Annotated[
        bool,
        typer.Option(
            "--raise-floors",
            help="Write better scores back to eval_baseline.json (floors only rise).",
        ),
    ] = False,
    allow_regression: Annotated[
        bool,
        typer.Option(
            "--allow-regression",
            help="With --raise-floors: re-pin floors to the measured scores, even lower ones.",
        ),
    ] = False,
    baseline: Annotated[Path, typer.Option("--baseline", help="The floors file.")] = Path(
        "eval_baseline.json"
    ),
) -> None:
    """Score extraction against gold data: per task the metric, the score and the items."""
    from crosscheck.evaluate import evaluate as run_evaluation
    from crosscheck.evaluate import floors

    report = _guard(lambda: run_evaluation(data, tasks=task))
    terminal.print_evaluation(out, report)
    if json_file is not None:
        json_file.write_text(json.dumps(report.to_json(), indent=1) + "\n", encoding="utf-8")
    pinned = _guard(lambda: floors.load(baseline))
    if raise_floors:
        floors.save(
            baseline, floors.raise_floors(report, pinned, allow_regression=allow_regression)
        )
    regressions = floors.check(report, pinned) if check_floors else []
    for regression in regressions:
        err.print(
            Text.assemble(
                ("below floor ", "red"),
                f"{regression.task} {regression.metric}: {regression.reason}",
            )
        )
    raise typer.Exit(1 if regressions else 0)


# -- helpers: option parsing, progress, printing ------------------------------------------


def _guard(call: Callable[[], T]) -> T:
    """Run ``call``; a ``CrosscheckError`` becomes a one-line message and exit status 1."""
    try:
        return call()
    except CrosscheckError as error:
        err.print(Text.assemble(("error ", "red"), str(error)))
        raise typer.Exit(1) from None


def _settings(db: str | None, data_dir: Path | None, max_bytes: int | None) -> Settings:
    return _guard(lambda: Settings.load(db_url=db, data_dir=data_dir, max_capture_bytes=max_bytes))


def _options(
    settings: Settings, captured_at: str | None, facts: bool, profile: str
) -> pipeline.Options:
    from crosscheck.extract import PROFILES, Extractor
    from crosscheck.extract import Options as ExtractOptions

    if profile not in PROFILES:
        _guard(lambda: _fail(f"--profile: expected one of {', '.join(PROFILES)}, got {profile!r}"))
    return pipeline.Options(
        captured_at=_guard(lambda: _parse_when(captured_at)),
        max_bytes=settings.max_capture_bytes,
        extractor=Extractor(ExtractOptions(profile=profile)) if facts else None,
    )


def _fail(message: str) -> None:
    raise SettingsError(message)


def _parse_when(value: str | None, option: str = "--captured-at") -> datetime | None:
    if value is None:
        return None
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        raise SettingsError(f"{option}: not an ISO-8601 date or time: {value!r}") from None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


@contextmanager
def _database(settings: Settings) -> Iterator[Database]:
    database = _guard(lambda: Database.open(settings.database_url))
    try:
        yield database
    finally:
        database.close()


@contextmanager
def _progress(paths: list[str]) -> Iterator[pipeline.Progress]:
    with _progress_total(sum(1 for _ in walk(paths)), "ingesting") as advance:
        yield advance


@contextmanager
def _progress_total(total: int, label: str) -> Iterator[pipeline.Progress]:
    columns = (TextColumn(f"{label} [dim]{{task.fields[item]}}"), BarColumn(),
               MofNCompleteColumn(), TimeElapsedColumn())  # fmt: skip
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task(label, total=total, item="")

        def advance(where: str, _size: int) -> None:
            progress.update(task, advance=1, item=Path(where).name[-40:])

        yield advance


def _link(database: Database, *, everything: bool) -> LinkReport:
    """Link the documents not linked yet (or, ``everything``, all of them again)."""
    from crosscheck.link import link_pending, relink  # numpy, datasketch: only when linking

    total = database.counts().get("documents", 0) if everything else database.unlinked()
    columns = (TextColumn("linking"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("linking", total=total)

        def advance(done: int) -> None:
            progress.update(task, advance=done)

        return _guard(lambda: (relink if everything else link_pending)(database, progress=advance))


def _as_dict(hit: Any) -> dict[str, Any]:
    return {name: getattr(hit, name) for name in hit.__slots__}


def _author(given: str | None) -> str:
    """``--author``, else the operating system's name for whoever runs the command."""
    if given is not None:
        return given
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no LOGNAME/USER and no passwd entry (some containers)
        raise SettingsError("cannot tell who you are: give --author") from None


def _json_lines(items: Iterable[dict[str, Any]]) -> None:
    """One JSON object per line on stdout, for scripts."""
    for item in items:
        sys.stdout.write(json.dumps(item, ensure_ascii=False) + "\n")


# The commands over what linking stored live in their own module, which registers them on
# ``app``: imported last, so that everything it takes from here is defined.
import crosscheck.cli_export  # noqa: E402, F401  (export, verify)
import crosscheck.cli_links  # noqa: E402, F401
import crosscheck.cli_review  # noqa: E402, F401  (user, review, grade)
import crosscheck.cli_web  # noqa: E402, F401  (serve)
