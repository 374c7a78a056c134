"""Linking stored documents, one at a time, as they arrive: the incremental path.

For each document not linked yet, in one transaction:

1. build its profile and MinHash signature and file it under its blocking keys (with the first
   and last day of its event time) and LSH bands;
2. **copies**: documents sharing a band whose signatures agree above ``copies.THRESHOLD`` are
   copies; the whole copy group points at its earliest-seen member (published, else captured);
3. **incident** (only for a document that asserts at least one claim): compare it with the
   documents under its keys whose event time can overlap its own, store each link above
   ``incidents.WEAK`` with its features, and recompute the clusters of the incidents it touched
   and of those one joining link away (``components``);
4. **people** (``person_links``): compare each person it names with their namesakes, and the
   people of documents that moved to another incident again; regroup the persons touched by a
   "same" link;
5. rewrite the summaries of what changed: the incident and persons it joined grow by its part
   (``ledger.grow``, ``persons.grow``), a namesake's person gains a review candidate, anything
   else is summarised again from all its members (``summaries``).

Everything is local to the document's blocks, incidents and persons, and what it adds to a
large incident or person costs what it adds, so the cost of one document does not grow with the
database. ``relink`` throws away what the machine derived and links every document again;
analysts' decisions (``decisions``) survive it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import numpy as np
from sqlalchemy import Connection, delete, func, select

from crosscheck.link import copies, incidents, person_links, summaries
from crosscheck.link.components import Link, components
from crosscheck.link.incidents import Regrouped
from crosscheck.link.profile import Profile, from_json, profile, to_json
from crosscheck.model import Facts
from crosscheck.record import document_from_record, facts_from_record
from crosscheck.store import Database, links, queries
from crosscheck.store.schema import incidents as incidents_table
from crosscheck.store.schema import link_edges, link_keys, link_profiles, person_members
from crosscheck.store.schema import persons as persons_table

__all__ = ["LinkReport", "link_pending", "regroup_incidents", "relink"]

#: a person in a document whose event time spans more than this has no day (time unknown)
MAX_SPAN = timedelta(days=62)
#: a document whose event time spans more than this is filed under its keys without a first
#: day, as if its time were unknown. A lookup reads first days this far before its window: in
#: the index alone, newest first, where the last day tells what ended before the window.
KEY_SPAN = timedelta(days=366)
_BATCH = 200
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

Progress = Callable[[int], None]


@dataclass(slots=True)
class LinkReport:
    documents: int = 0
    copies: int = 0
    incidents: int = 0
    persons: int = 0


def link_pending(db: Database, *, progress: Progress | None = None) -> LinkReport:
    """Link every stored document not linked yet, oldest first."""
    report = LinkReport()
    with db.transaction(write=True) as connection:
        links.tidy_queue(connection)
    while True:
        with db.transaction() as connection:
            pending = links.unlinked(connection, limit=_BATCH)
        if not pending:
            break
        for document_id in pending:
            with db.transaction(write=True) as connection:
                _link(connection, document_id, report)
            if progress:
                progress(1)
    with db.transaction() as connection:
        report.incidents = connection.scalar(select(func.count()).select_from(incidents_table)) or 0
        report.persons = connection.scalar(select(func.count()).select_from(persons_table)) or 0
    return report


def relink(db: Database, *, progress: Progress | None = None) -> LinkReport:
    """Forget every machine link and link all documents again (analysts' decisions stay)."""
    with db.transaction(write=True) as connection:
        for table in (link_profiles, link_keys, person_members, incidents_table, persons_table):
            connection.execute(delete(table))
        connection.execute(delete(link_edges).where(link_edges.c.origin == "machine"))
        links.queue_all(connection)
    return link_pending(db, progress=progress)


def _link(connection: Connection, document_id: str, report: LinkReport) -> None:
    now = datetime.now(UTC)
    record = json.loads(queries.record(connection, document_id) or "{}")
    document = document_from_record(record)
    facts = facts_from_record(record) or Facts()
    item = profile(document_id, document, facts)
    values = copies.signature(document.text)
    seen = links.seen(connection, document_id)
    stored = links.StoredProfile(
        document_id=document_id, profile=to_json(item), signature=_pack(values), seen=seen,
        incident_id=None, copy_of=None,
    )  # fmt: skip
    found = _copies(connection, document_id, values)
    links.insert_profile(connection, stored, now=now)
    links.insert_keys(connection, document_id, copies.band_keys(values) if values else ())
    links.insert_keys(connection, document_id, incidents.blocking_keys(item), _days(item))
    recopied = _group_copies(connection, document_id, found, now=now)
    report.documents += 1
    report.copies += bool(found)
    regrouped = Regrouped()
    if item.kinds:
        regrouped = _regroup(connection, _join_incident(connection, item, found, now=now))
        regrouped.changed.add(document_id)  # new: its incident has no summary yet
    joined = person_links.join(connection, document_id, document, facts, day=_day(item), now=now)
    _refresh(connection, regrouped, Added(document_id, joined, recopied), now=now)


def regroup_incidents(
    connection: Connection, incident_ids: Collection[str], *, now: datetime
) -> None:
    """Recompute the clusters of these incidents' documents (after a decision) and what depends
    on them: their summaries and their people's."""
    _refresh(connection, _regroup(connection, incident_ids), Added(), now=now)


@dataclass(frozen=True, slots=True)
class Added:
    """What linking one new document changed besides incidents: its people (``person_links``)
    and the other documents whose original changed (copies)."""

    document_id: str | None = None
    people: person_links.Joined = person_links.Joined()
    recopied: frozenset[str] = frozenset()


def _refresh(connection: Connection, regrouped: Regrouped, added: Added, *, now: datetime) -> None:
    # a person's summary lists their incidents, an incident's lists its people: persons first
    renamed = _refresh_persons(connection, regrouped, added, now=now)
    # An incident's summary names its people and each document's original: rewrite those whose
    # people were regrouped or whose copies changed too. The one the new document joined grows
    # from its stored summary when nothing else of it changed.
    others = {member.split("/", 1)[0] for member in renamed} | added.recopied
    others -= {added.document_id or ""}  # its own people and original are read afresh
    changed = {i for i in links.incident_ids(connection, others).values() if i}
    old, new = regrouped.incidents()
    new |= changed
    grown = regrouped.grown(added.document_id) if added.document_id else None
    growing = {grown: added.document_id or ""} if grown and grown not in changed else {}
    if new:
        summaries.refresh_incidents(connection, old, new, now=now, grown=growing)


def _refresh_persons(
    connection: Connection, regrouped: Regrouped, added: Added, *, now: datetime
) -> set[str]:
    """Link the people of moved documents again, regroup the persons touched, and add the new
    document's review candidates to the others' summaries; the members whose person changed."""
    new = added.people.members
    again = person_links.recompare(connection, regrouped, new, now=now)
    touched = added.people.touched | again.touched
    renamed, written = summaries.refresh_persons(connection, touched, now=now, new=new)
    # the persons read before regrouping, of those whose person kept its id (if it was
    # regrouped, it is among those written, which need no candidates added)
    known = {m: p for m, p in {**added.people.known, **again.known}.items() if m not in renamed}
    summaries.add_candidates(connection, new, written, known=known, now=now)
    return renamed


# -- copies -------------------------------------------------------------------------------------


def _copies(connection: Connection, document_id: str, values: tuple[int, ...]) -> dict[str, float]:
    if not values:
        return {}
    candidates = links.documents_under(connection, copies.band_keys(values), None)
    found = {}
    for other, signature in links.signatures(connection, candidates - {document_id}).items():
        similarity = copies.similarity(values, _unpack(signature))
        if similarity >= copies.THRESHOLD:
            found[other] = round(similarity, 4)
    return found


def _group_copies(
    connection: Connection, document_id: str, found: dict[str, float], *, now: datetime
) -> frozenset[str]:
    """Link the document to its copies and point the whole copy group at its earliest-seen
    member; the other documents whose original changed."""
    if not found:
        return frozenset()
    for other, similarity in found.items():
        edge = links.Edge(kind="copy", a=document_id, b=other, origin="machine", verdict="same",
                          score=similarity, features={"similarity": similarity})  # fmt: skip
        links.insert_edge(connection, edge, now=now)
    group = _copy_group(connection, {document_id, *found})
    stored = links.profiles(connection, group)
    original = min(stored.values(), key=lambda s: (s.seen, s.document_id)).document_id
    links.set_copy_of(connection, group - {original}, original)
    links.set_copy_of(connection, {original}, None)
    pointing = {d: None if d == original else original for d in group}
    return frozenset(d for d, s in stored.items() if s.copy_of != pointing[d]) - {document_id}


def _copy_group(connection: Connection, start: set[str]) -> set[str]:
    group, frontier = set(start), set(start)
    while frontier:
        edges = links.edges(connection, "copy", frontier)
        frontier = {m for e in edges if e.verdict == "same" for m in (e.a, e.b)} - group
        group |= frontier
    return group


# -- incidents ----------------------------------------------------------------------------------


def _join_incident(
    connection: Connection, item: Profile, found: dict[str, float], *, now: datetime
) -> set[str]:
    """Link the document to the reports it matches; the incidents touched, before regrouping."""
    candidates = links.documents_under(connection, incidents.blocking_keys(item), _window(item))
    candidates = (candidates | set(found)) - {item.document_id}
    touched = set()
    edges = []
    # only candidates that report an event; their profiles are read only when their times fit
    for other, (incident_id, data) in links.event_profiles(connection, candidates).items():
        if other not in found and incidents.apart(item, _times(data)):
            continue  # match would score it 0
        found_match = incidents.match(item, from_json(data))
        score, features = found_match.score, dict(found_match.features)
        if other in found:
            score, features["copy"] = max(score, 1.0), found[other]
        if score >= incidents.WEAK:  # a weak link only weighs in averages (components)
            edges.append(links.Edge(kind="incident", a=item.document_id, b=other,
                                    origin="machine", verdict="same", score=score,
                                    features=features))  # fmt: skip
        if score >= incidents.THRESHOLD:
            touched.add(incident_id)
    links.insert_edges(connection, edges, now=now)
    links.set_incidents(connection, {item.document_id: item.document_id})
    return touched | {item.document_id}


def _regroup(connection: Connection, incident_ids: Collection[str]) -> Regrouped:
    """Recluster the touched incidents together with the incidents one link away from them, so
    that a grown cluster can take in a neighbour it could not take before (as clustering every
    document at once would). Only a link that clustering may join two clusters by (at or above
    the threshold, or an analyst's "same") brings a neighbour in: a weaker one only weighs in
    the average between two clusters that such a link joins, so a neighbour held by weak links
    alone keeps its clusters whatever happens here (and dense places and days have many)."""
    members = links.incident_members(connection, incident_ids)
    found = links.link_scores(connection, "incident", members)
    neighbours = {m for row in found if _joins(row) for m in row[:2]}
    nearby = {i for i in links.incident_ids(connection, neighbours - members).values() if i}
    more = links.incident_members(connection, nearby) - members
    found += links.link_scores(connection, "incident", more)
    members |= more
    assignment = components(members, _links(found, members), threshold=incidents.THRESHOLD)
    before = links.incident_ids(connection, members)
    changed = {d for d, i in assignment.items() if before.get(d) != i}
    links.set_incidents(connection, {d: assignment[d] for d in changed})
    return Regrouped(before, assignment, changed)


def _joins(row: links.LinkScore) -> bool:
    """Whether clustering may join two clusters by this link (``components``)."""
    _, _, origin, verdict, score = row
    return verdict == "same" and (origin == "analyst" or score >= incidents.THRESHOLD)


def _links(found: Sequence[links.LinkScore], members: Collection[str]) -> list[Link]:
    """The links between ``members`` that clustering weighs, each once."""
    inside = {row[:3]: row for row in found if row[0] in members and row[1] in members}
    return [
        Link(a, b, score, same=verdict == "same", analyst=origin == "analyst")
        for a, b, origin, verdict, score in (inside[key] for key in sorted(inside))
        if verdict in ("same", "different")
    ]


def _day(item: Profile) -> int | None:
    """The first day of the document's event time (None: unknown, or longer than ``MAX_SPAN``),
    by which its people's namesakes are found nearest in time."""
    if item.start is None or item.end is None or item.end - item.start > MAX_SPAN:
        return None
    return (item.start - _EPOCH).days


def _days(item: Profile) -> tuple[int | None, int | None]:
    """The first and last day of the document's event time, as ``link_keys`` files it (no first
    day for a time longer than ``KEY_SPAN``, as for an unknown one)."""
    if item.start is None or item.end is None:
        return None, None
    first = (item.start - _EPOCH).days if item.end - item.start <= KEY_SPAN else None
    return first, (item.end - _EPOCH).days


def _window(item: Profile) -> links.Window | None:
    """The documents whose event time may lie within ``incidents.WINDOW`` of this one's (day
    numbers round down, so the window errs on the wide side; ``incidents.apart`` decides)."""
    if item.end is None or item.start is None:
        return None
    earliest = item.start - incidents.WINDOW
    first = ((earliest - KEY_SPAN - _EPOCH).days, (item.end + incidents.WINDOW - _EPOCH).days)
    return links.Window(first, (earliest - _EPOCH).days)


def _times(data: dict[str, Any]) -> Profile:
    """Only the event time of a stored profile (``to_json`` data), to tell apart cheaply."""
    start, end = data["start"], data["end"]
    return Profile(document_id=data["document_id"],
                   start=datetime.fromisoformat(start) if start else None,
                   end=datetime.fromisoformat(end) if end else None)  # fmt: skip


def _pack(values: Sequence[int]) -> bytes:
    return np.asarray(values, dtype="<u4").tobytes()


def _unpack(data: bytes) -> tuple[int, ...]:
    return tuple(int(v) for v in np.frombuffer(data, dtype="<u4"))
