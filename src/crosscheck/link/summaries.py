"""Rewriting the stored summaries of incidents and persons after their members changed.

A summary is derived data: it is what summarising all its members gives, never edited by hand,
so it can always be rebuilt (``link.update.relink``). Most new documents change little: a
report joins one incident, a person named in it joins one person, a person gains a review
candidate. Those changes are applied to the stored summary from the new document alone
(``ledger.grow``, ``persons.grow``, ``add_candidates``), so that their cost does not grow with
the incident or the person; any other change summarises all members again. Either way the stored
summary is the same, which the tests check against summarising everything again and a relink.

A person's summary is made from its members' rows (``person_members.mention``), never from
whole records: a person named in hundreds of documents is summarised without reading them.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from crosscheck.link import ledger, persons
from crosscheck.link.components import Link, components
from crosscheck.link.profile import from_json
from crosscheck.model import Document, Facts
from crosscheck.record import document_from_record, facts_from_record
from crosscheck.store import links, queries
from crosscheck.store import summaries as stored_summaries

__all__ = ["add_candidates", "refresh_incidents", "refresh_persons"]


def refresh_incidents(
    connection: Connection,
    old: Collection[str],
    new: Collection[str],
    *,
    now: datetime,
    grown: Mapping[str, str] | None = None,
) -> None:
    """Replace the summaries of incidents ``old`` by those of incidents ``new``. An incident in
    ``grown`` gained that one document and nothing else of it changed (its other documents'
    incident, copies and people are as they were): it grows from its stored summary and tally
    (``ledger.grow``) where it can, and is summarised from all its documents where it cannot."""
    written = [
        found for i, d in sorted((grown or {}).items()) if (found := _grow(connection, i, d))
    ]
    whole = set(new) - {summary["id"] for summary, _ in written}
    grouped: dict[str, list[ledger.Report]] = defaultdict(list)
    for incident_id, report in _reports(connection, links.incident_members(connection, whole)):
        grouped[incident_id or report.document_id].append(report)
    written += [ledger.summarise_with_tally(i, reports) for i, reports in sorted(grouped.items())]
    stored_summaries.replace_incidents(connection, set(old) | set(new), written, now=now)


def _grow(
    connection: Connection, incident_id: str, document_id: str
) -> tuple[dict[str, Any], dict[str, Any]] | None:
    stored = stored_summaries.incident_tallies(connection, {incident_id}).get(incident_id)
    if stored is None:  # written before tallies were kept
        return None
    reports = [report for _, report in _reports(connection, {document_id})]
    return ledger.grow(*stored, reports[0]) if reports else None


def _reports(
    connection: Connection, document_ids: Collection[str]
) -> Iterable[tuple[str | None, ledger.Report]]:
    """These linked documents as reports, each with its incident, in document id order."""
    stored = links.profiles(connection, document_ids)
    persons = _persons_of(connection, stored)
    for document_id, item in sorted(stored.items()):
        document, facts = _load(connection, document_id)
        yield item.incident_id, ledger.Report(
            document_id=document_id, document=document, facts=facts,
            profile=from_json(item.profile), seen=item.seen, copy_of=item.copy_of,
            persons=persons.get(document_id, {}),
        )  # fmt: skip


def refresh_persons(
    connection: Connection, touched: Collection[str], *, now: datetime, new: Collection[str] = ()
) -> tuple[set[str], set[str]]:
    """Regroup the persons that ``touched`` members belong to, and rewrite their summaries; the
    members whose person changed, and the persons written. Where only ``new`` members (of one
    new document) join persons, those grow instead (``_join``)."""
    joined = _join(connection, touched, new, now=now) if new else None
    if joined is not None:
        return joined
    rows = links.person_members_of(connection, person_ids=_person_ids(connection, touched))
    members = {row["member"] for row in rows} | set(touched)
    rows = links.person_members_of(connection, person_ids=_person_ids(connection, members))
    members |= {row["member"] for row in rows}
    edges = links.edges(connection, "person", members)
    linked = [
        Link(e.a, e.b, e.score, same=e.verdict == "same", analyst=e.origin == "analyst")
        for e in edges
        if e.verdict in ("same", "different") and e.a in members and e.b in members
    ]
    assignment = components(members, linked)
    old = {row["person_id"] for row in rows}
    current = {row["member"]: row["person_id"] for row in rows}
    renamed = {m: p for m, p in assignment.items() if current.get(m) != p}
    links.set_persons(connection, renamed)
    by_person: dict[str, list[str]] = defaultdict(list)
    for member, person_id in assignment.items():
        by_person[person_id].append(member)
    mentions = _mentions(connection, rows, members)
    incident_of = links.incident_ids(connection, {_document(m) for m in members})
    touching = _edges_by_member(edges)
    written = [
        persons.summarise(
            person_id, sorted(group), mentions, _edges_of(group, edges, touching), incident_of
        )  # fmt: skip
        for person_id, group in sorted(by_person.items())
    ]
    stored_summaries.replace_persons(connection, old, written, now=now)
    return set(renamed), set(by_person)


def _join(
    connection: Connection, touched: Collection[str], new: Collection[str], *, now: datetime
) -> tuple[set[str], set[str]] | None:
    """Where the only change is that each of a new document's ``new`` members joins at most one
    person (by its "same" links) and no person gains two: those persons grow from their stored
    summaries (``persons.grow``) and the others are persons of their own. Clustering would give
    the same, as a member without a "different" link walls no one off. None where anything
    else changed (the persons are regrouped whole)."""
    edges = links.edges(connection, "person", new)
    same = [e for e in edges if e.verdict == "same"]
    ends = {m for e in same for m in (e.a, e.b)} - set(new)
    if any(e.verdict == "different" for e in edges) or set(touched) - set(new) - ends:
        return None
    rows = links.person_members_in(connection, {_document(m) for m in {*ends, *new}})
    person_of = {row["member"]: row["person_id"] for row in rows}
    joins = {}
    for member in sorted(new):
        others = {o for e in same if member in (e.a, e.b) for o in (e.a, e.b)} - {member}
        found = {person_of.get(o) for o in others}
        if len(found) > 1 or None in found or others & set(new):
            return None
        if found:
            joins[member] = str(found.pop())
    stored = stored_summaries.person_tallies(connection, set(joins.values()))
    if len(set(joins.values())) < len(joins) or any(
        p not in stored or member < p for member, p in joins.items()
    ):
        return None  # two join one, one is not kept with a tally, or one takes the person's id
    mentions = _mentions(connection, rows, new)
    incident_of = links.incident_ids(connection, {_document(m) for m in new})
    written = []
    for member in sorted(new):
        touching = [e for e in edges if member in (e.a, e.b)]
        if member in joins:
            incident_id = incident_of.get(_document(member))
            grown = persons.grow(*stored[joins[member]], member, mentions[member], incident_id,
                                 touching)  # fmt: skip
            written.append(grown)
        else:
            written.append(persons.summarise(member, [member], mentions, touching, incident_of))
    links.set_persons(connection, joins)
    stored_summaries.replace_persons(connection, set(new), written, now=now)
    return set(joins), {summary["id"] for summary, _ in written}


def add_candidates(
    connection: Connection,
    members: Collection[str],
    written: Collection[str],
    *,
    known: Mapping[str, str],
    now: datetime,
) -> None:
    """Put the review candidates of new ``members`` into the stored summaries of the persons at
    their other ends, except those just ``written`` (whole): where summarising the person would
    put them, without reading its members. A candidate never moves a member, so such a person
    keeps its members, and only its list of candidates changes. ``known``: the person of each
    member already read, so that it is not read again."""
    edges = [e for e in links.edges(connection, "person", members) if e.verdict == "candidate"]
    ends = {m for e in edges for m in (e.a, e.b)} - set(members)
    rows = links.person_members_in(connection, {_document(m) for m in ends - set(known)})
    person_of = {**{row["member"]: row["person_id"] for row in rows}, **known}
    by_person: dict[str, list[links.Edge]] = defaultdict(list)
    for edge in edges:
        for person_id in {person_of.get(edge.a), person_of.get(edge.b)} - {None, *written}:
            by_person[str(person_id)].append(edge)
    stored = stored_summaries.person_summaries(connection, by_person)
    for person_id, found in by_person.items():
        summary = stored[person_id]
        inside = set(summary["members"])
        for edge in found:
            part = "links" if edge.a in inside and edge.b in inside else "candidates"
            entries = {(e["a"], e["b"], e["origin"]): e for e in summary[part]}
            entries[edge.a, edge.b, edge.origin] = persons.link_row(edge)
            summary[part] = [entries[key] for key in sorted(entries)]
    stored_summaries.update_persons(connection, [stored[p] for p in sorted(by_person)], now=now)


def _edges_by_member(edges: Sequence[links.Edge]) -> dict[str, list[int]]:
    """Where each member's links are in ``edges``."""
    found: dict[str, list[int]] = defaultdict(list)
    for position, edge in enumerate(edges):
        found[edge.a].append(position)
        found[edge.b].append(position)
    return found


def _edges_of(
    members: Collection[str], edges: Sequence[links.Edge], touching: dict[str, list[int]]
) -> list[links.Edge]:
    """The links touching any of ``members``, in their order in ``edges``."""
    return [edges[i] for i in sorted({i for m in members for i in touching.get(m, ())})]


def _person_ids(connection: Connection, members: Collection[str]) -> set[str]:
    rows = links.person_members_in(connection, {m.split("/", 1)[0] for m in members})
    return {row["person_id"] for row in rows if row["member"] in members} | set(members)


def _persons_of(connection: Connection, document_ids: Collection[str]) -> dict[str, dict[str, str]]:
    """Per document: its person keys ("p1") -> person ids."""
    found: dict[str, dict[str, str]] = defaultdict(dict)
    for row in links.person_members_in(connection, document_ids):
        found[row["document_id"]][row["member"].split("/", 1)[1]] = row["person_id"]
    return found


def _load(connection: Connection, document_id: str) -> tuple[Document, Facts]:
    record = json.loads(queries.record(connection, document_id) or "{}")
    return document_from_record(record), facts_from_record(record) or Facts()


def _mentions(
    connection: Connection, rows: Sequence[dict[str, Any]], members: Collection[str]
) -> dict[str, persons.Mention]:
    """Each member's mention: kept on its row, or (a row stored before mentions were kept)
    read from its document's record. A member whose document no longer names them has none."""
    found = {row["member"]: row["mention"] for row in rows if row["mention"] is not None}
    for document_id in sorted({m.split("/", 1)[0] for m in members if m not in found}):
        _, facts = _load(connection, document_id)
        for person in facts.people:
            if f"{document_id}/{person.key}" in members:
                found[f"{document_id}/{person.key}"] = persons.mention(person)
    return found


def _document(member: str) -> str:
    return member.split("/", 1)[0]
