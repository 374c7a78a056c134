"""What the command line prints: run reports, records and evaluation tables, as Rich output.

Scraped text is always wrapped in ``Text`` so that brackets in it are shown, never read as Rich
markup; the CLI decides where each piece goes (stdout or stderr).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from crosscheck.terminal_links import link_rows

if TYPE_CHECKING:
    from crosscheck.evaluate import Report
    from crosscheck.link import LinkReport
    from crosscheck.pipeline import RunReport

__all__ = ["print_evaluation", "print_record", "print_report"]

_ATTRIBUTES = ("role", "rank", "unit", "hometown", "side", "status")


def print_report(
    console: Console, report: RunReport, *, stored_label: str, linked: LinkReport | None = None
) -> None:
    """The summary of a run: stored, already present, failed (file and reason), and what
    linking did afterwards when it ran."""
    summary = Table(title="crosscheck", show_header=False)
    summary.add_row(stored_label, f"{report.stored} captures, {report.documents} documents")
    summary.add_row("already present", str(report.present))
    summary.add_row("failed", str(len(report.failures)))
    if linked is not None:
        link_rows(summary, linked)
    console.print(summary)
    if report.failures:
        failures = Table(title="failed")
        failures.add_column("file", overflow="fold")  # the whole path, never an ellipsis
        failures.add_column("reason", overflow="fold")
        for failure in report.failures:
            failures.add_row(Text(failure.where), Text(failure.reason))
        console.print(failures)


def print_record(console: Console, record: dict[str, Any]) -> None:
    """One document for a reader: metadata and provenance, facts, removed lines, the text."""
    table = Table(show_header=False, box=None)
    for key, value in _metadata(record).items():
        if value:
            table.add_row(Text(key, style="bold"), Text(str(value)))
    console.print(table)
    _print_facts(console, record)
    for removed in record["document"]["removed"]:
        console.print(Text(f"removed ({removed['reason']}): {removed['text']}", style="dim"))
    console.print()
    console.print(Text(record["document"]["text"]))


def print_evaluation(console: Console, report: Report) -> None:
    """One row per task and metric: the score and the number of items it averages over."""
    table = Table("task", "metric", "score", "items", "note", title="crosscheck evaluate")
    for row in report.rows:
        score = "" if row.score is None else f"{row.score:.4f}"
        table.add_row(row.task, row.metric, score, str(row.items), Text(row.note))
    console.print(table)


def _metadata(record: dict[str, Any]) -> dict[str, Any]:
    capture, document = record["capture"], record["document"]
    return {
        "id": record["id"],
        "title": document["title"],
        "source": document["source"],
        "author": document["author"],
        "published": _published_line(document["published"]),
        "language": document["language"],
        "url": document["url"] or capture["url"],
        "capture": f"sha256 {capture['sha256']} ({capture['media_type']}, {capture['size']} "
        f"bytes, captured {capture['captured_at']})",
        "from": capture["path"],
        "extractors": ", ".join(e["name"] for e in record["extractor"]),
    }


def _published_line(published: dict[str, Any] | None) -> str | None:
    if not published:
        return None
    return (
        f"{published['start']} .. {published['end']} "
        f"({published['precision']}, {published['method']}, from {published['phrase']!r})"
    )


def _print_facts(console: Console, record: dict[str, Any]) -> None:
    """People, quotes and claims, each line ending in its span so it can be checked."""
    names = {p["key"]: p["name"] for p in record.get("people", [])}
    for person in record.get("people", []):
        stated = [f"{a}: {person[a]['value']}" for a in _ATTRIBUTES if person[a]]
        console.print(Text(f"person {person['key']} {person['name']} ({'; '.join(stated)})"))
    for quote in record.get("quotes", []):
        speaker = names.get(quote["speaker"], "speaker unknown")
        console.print(Text(f"quote, {quote['kind']}, {speaker}: {quote['text']!r} "
                           f"[{quote['start']}:{quote['end']}]"))  # fmt: skip
    for claim in record.get("claims", []):
        console.print(Text(_claim_line(claim, names)))


def _claim_line(claim: dict[str, Any], names: dict[str, str]) -> str:
    who = names.get(claim["claimant"] or "", "the source" if claim["by_source"] else "unknown")
    count = claim["count"]
    figures = ""
    if count is not None:
        bounds = "/".join("-" if v is None else str(v) for v in (count["low"], count["best"],
                                                                   count["high"]))  # fmt: skip
        figures = f" low/best/high {bounds} ({count['rule']})"
    return (
        f"claim {claim['kind']} ({claim['modality']}) by {who}{figures}: {claim['text']!r} "
        f"[{claim['start']}:{claim['end']}]"
    )
