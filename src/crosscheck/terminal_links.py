"""What the command line prints about linking: incidents and persons, from their stored
summaries (``link.ledger.summarise``, ``link.summaries``), as Rich tables and lines.

Every figure is shown with who gave it and in which document, every claim with its quoted
evidence and span: the reader can check each line against ``crosscheck show``. Scraped text is
wrapped in ``Text`` so that brackets in it are never read as Rich markup.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.table import Column, Table
from rich.text import Text

if TYPE_CHECKING:
    from crosscheck.link import LinkReport

__all__ = ["link_rows", "print_incident", "print_incidents", "print_link_report", "print_person",
           "print_persons"]  # fmt: skip

#: characters of an id shown in lists: unique in practice, and a prefix ``incident`` accepts
_SHORT = 12


def print_link_report(console: Console, report: LinkReport) -> None:
    """What a linking run did: documents linked, copies found, incidents and persons in all."""
    console.print(link_rows(Table(title="crosscheck link", show_header=False), report))


def link_rows(table: Table, report: LinkReport) -> Table:
    """Add the rows of a linking run to a summary table (also ``ingest``'s)."""
    table.add_row("linked", f"{report.documents} documents, {report.copies} of them copies")
    table.add_row("incidents", f"{report.incidents} in the database")
    table.add_row("persons", f"{report.persons} in the database")
    return table


# -- incidents -----------------------------------------------------------------------------------


def print_incidents(console: Console, summaries: Sequence[dict[str, Any]]) -> None:
    """One row per incident: id prefix, time, place, claim kinds, documents, independent
    sources, and the killed estimate (low-high, best)."""
    if not summaries:
        console.print("no incidents match")
        return
    table = Table(_ids("id"), _ids("time"), "place",
                  Column("kinds", overflow="fold"), "docs", "sources", "killed")  # fmt: skip
    for summary in summaries:
        killed = summary["estimates"].get("killed")
        table.add_row(
            summary["id"][:_SHORT], _when(summary["time"], separator="\n"),
            Text((summary["place"] or {}).get("name") or ""), ", ".join(_kinds(summary)),
            str(len(summary["documents"])),
            str(summary["corroboration"]["independent_sources"]),
            _estimate(killed) if killed else "",
        )  # fmt: skip
    console.print(table)


def print_incident(console: Console, summary: dict[str, Any], names: Mapping[str, str]) -> None:
    """One incident: time, place, documents by origin, estimates with every claimant's figure,
    the claims ledger, and its people (``names``: person id -> name)."""
    corroboration = summary["corroboration"]
    _print_fields(console, {
        "incident": summary["id"],
        "time": _when(summary["time"], full=True),
        "place": _place(summary["place"]),
        "documents": str(len(summary["documents"])),
        "independent sources": f"{corroboration['independent_sources']} (copies of one text "
                               "count once)",
        "claimants": f"{corroboration['claimants']} (of asserted claims)",
    })  # fmt: skip
    _print_origins(console, summary)
    _print_estimates(console, summary["estimates"])
    _print_ledger(console, summary["claims"])
    for person_id in summary["people"]:
        console.print(Text(f"person {person_id} {names.get(person_id, '')}".rstrip()))


def _print_origins(console: Console, summary: dict[str, Any]) -> None:
    """The documents under their origin (an outlet, or a text that names none): one origin is
    one independent source, whatever the number of copies under it."""
    console.print(Text("documents by origin", style="italic"))
    documents = {d["id"]: d for d in summary["documents"]}
    for group in summary["corroboration"]["origins"]:
        console.print(Text(f"  {_origin(group['origin'])}", style="bold"))
        for document_id in group["documents"]:
            document = documents[document_id]
            copy = f"copy of {document['copy_of']}, " if document["copy_of"] else ""
            about = ": ".join(v for v in (document["source"], document["title"]) if v)
            console.print(Text(f"    {document_id} {document['language'] or '--'} "
                               f"{document['seen'][:10]} {copy}{about}".rstrip()))  # fmt: skip


def _print_estimates(console: Console, estimates: dict[str, Any]) -> None:
    """Per kind the estimate, then each independent claimant's figure side by side."""
    for kind, estimate in estimates.items():
        bounds = ", ".join(f"{k} {_number(estimate[k]) or '-'}" for k in ("low", "best", "high"))
        disputed = " [disputed: the figures cannot all be true]" if estimate["disputed"] else ""
        console.print(Text(f"{kind} estimate: {bounds}{disputed}", style="bold"))
        table = Table("claimant", "figure", "phrase", _ids("document"), box=None,
                      padding=(0, 1, 0, 2))  # fmt: skip
        for figure in estimate["figures"]:
            table.add_row(Text(figure["claimant_name"] or figure["claimant"]),
                          _estimate(figure), Text(repr(figure["phrase"] or "")),
                          figure["document"])  # fmt: skip
        console.print(table)
    if estimates:
        rule = next(iter(estimates.values()))["rule"]
        console.print(Text(f"rule: {rule}", style="dim"))


def _print_ledger(console: Console, claims: Sequence[dict[str, Any]]) -> None:
    """Every claim on a line: document, kind, claimant, the quoted evidence with its span, and
    the count phrase with the figures read from it."""
    console.print(Text("claims ledger", style="italic"))
    for claim in claims:
        asserted = claim["modality"] == "asserted"
        kind = claim["kind"] + ("" if asserted else f" ({claim['modality']})")
        count = claim["count"]
        figures = f"; {count['phrase']!r}: {_estimate(count)}" if count else ""
        console.print(Text(
            f"{claim['document'][:_SHORT]} {kind} by {claim['claimant_name'] or claim['claimant']}"
            f": {claim['text']!r} [{claim['start']}:{claim['end']}]{figures}"
        ))  # fmt: skip


def _kinds(summary: dict[str, Any]) -> list[str]:
    return sorted({c["kind"] for c in summary["claims"] if c["modality"] == "asserted"})


def _origin(origin: str) -> str:
    kind, _, value = origin.partition(":")
    return value if kind == "source" else f"document {value} (names no outlet)"


def _place(place: dict[str, Any] | None) -> str:
    if not place:
        return ""
    where = ", ".join(str(v) for v in (place["admin1"], place["country"]) if v)
    point = f"{place['latitude']:.4f}, {place['longitude']:.4f}" if place["latitude"] else ""
    details = "; ".join(v for v in (place["precision"] and f"precision {place['precision']}",
                                    where, point, place["geonameid"] and
                                    f"GeoNames {place['geonameid']}") if v)  # fmt: skip
    return f"{place['name']} ({details})" if details else str(place["name"])


# -- persons -------------------------------------------------------------------------------------


def print_persons(console: Console, summaries: Sequence[dict[str, Any]]) -> None:
    """One row per person: id, name, spellings, documents and incidents."""
    if not summaries:
        console.print("no persons match")
        return
    table = Table(_ids("id"), "name", "spellings", "documents", "incidents")
    for summary in summaries:
        table.add_row(summary["id"], Text(summary["name"]), Text(", ".join(summary["spellings"])),
                      str(len(summary["documents"])), str(len(summary["incidents"])))  # fmt: skip
    console.print(table)


def print_person(console: Console, summary: dict[str, Any]) -> None:
    """One person: name, spellings, documents, incidents, what each document states about
    them, and the links that made them one person, with the review candidates."""
    _print_fields(console, {
        "person": summary["id"],
        "name": summary["name"],
        "spellings": ", ".join(summary["spellings"]),
        "documents": ", ".join(summary["documents"]),
        "incidents": ", ".join(summary["incidents"]),
    })  # fmt: skip
    attributes = Table("attribute", "value", _ids("document"), "span", title="stated about them")
    for name, found in summary["attributes"].items():
        for item in found:
            attributes.add_row(name, Text(item["value"]), item["document"],
                               f"{item['start']}:{item['end']}")  # fmt: skip
    console.print(attributes)
    _print_links(console, summary["links"], "links (why these are one person)")
    if summary["candidates"]:
        _print_links(console, summary["candidates"], "review candidates (never merged by the "
                     "machine; an analyst decides with crosscheck decide)")  # fmt: skip


def _print_links(console: Console, links: Iterable[dict[str, Any]], title: str) -> None:
    console.print(Text(title, style="italic"))
    for link in links:
        by = ", ".join(v for v in (link["origin"], link["author"], link["comment"]) if v)
        console.print(Text(f"  {link['a']} {link['b']} {link['verdict']} {link['score']:.2f} "
                           f"({by}): {_features(link['features'])}"))  # fmt: skip


def _features(features: dict[str, Any]) -> str:
    shown = {k: ", ".join(map(str, v)) if isinstance(v, list) else str(v)
             for k, v in features.items()}  # fmt: skip
    return "; ".join(f"{k}: {v}" for k, v in shown.items() if v)


# -- shared --------------------------------------------------------------------------------------


def _ids(header: str) -> Column:
    """A column of ids (or dates): never wrapped or cut, so that they can be copied."""
    return Column(header, no_wrap=True)


def _print_fields(console: Console, fields: dict[str, str]) -> None:
    table = Table(show_header=False, box=None)
    for key, value in fields.items():
        if value:
            table.add_row(Text(key, style="bold"), Text(value))
    console.print(table)


def _when(time: dict[str, str] | None, *, full: bool = False, separator: str = " .. ") -> str:
    """An incident's time: one day, or first day .. last day (with times when ``full``)."""
    if not time:
        return ""
    if full:
        return f"{time['start']}{separator}{time['end']}"
    start, end = time["start"][:10], time["end"][:10]
    return start if start == end else f"{start}{separator}{end}"


def _estimate(figure: Mapping[str, Any]) -> str:
    """low-high (best N): "21+" for "more than twenty", "up to 5", "4" when all agree."""
    low, best, high = figure["low"], figure["best"], figure["high"]
    if low is not None and low == best == high:
        return str(low)
    if low is None and high is None:
        return "?" if best is None else str(best)
    span = f"{low}-{high}" if low is not None and high is not None else f"{low}+"
    if low is None:
        span = f"up to {high}"
    return span + (f" (best {best})" if best is not None else "")


def _number(value: int | None) -> str:
    return "" if value is None else str(value)
