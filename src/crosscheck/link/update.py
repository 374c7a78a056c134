"""Linking stored documents, one at a time, as they arrive: the incremental path.

For each document not linked yet, in one transaction:

1. build its profile and MinHash signature and file it under its blocking keys and LSH bands;
2. **copies**: documents sharing a band whose signatures agree above ``copies.THRESHOLD`` are
   copies; the whole copy group points at its earliest-seen member (published, else captured);
3. **incident** (only for a document that asserts at least one claim): compare it with the
   documents under its keys inside the time window, store each link above the threshold with its
   features, and recompute the clusters of the incidents it touched (``components``);
4. **people**: compare each person it names with their namesakes (``people.blocks``: the same
   name, the surname alone, an initial; at most ``links.NAMESAKE_LIMIT`` per block, the nearest
   in time) and with the people of its incident, store links and review candidates, recompute
   the persons touched;
5. rewrite the summaries (ledger, estimates, corroboration) of what changed.

Everything is local to the document's blocks, incidents and persons, so the cost of one
document does not grow with the database. ``relink`` throws away what the machine derived and
links every document again; analysts' decisions (``decisions``) survive it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from itertools import combinations
from typing import Any

import numpy as np
from sqlalchemy import Connection, delete, func, select

from crosscheck.link import copies, incidents, people, summaries
from crosscheck.link.components import Link, components
from crosscheck.link.profile import Profile, from_json, profile, to_json
from crosscheck.model import Facts
from crosscheck.record import document_from_record, facts_from_record
from crosscheck.store import Database, links, queries
from crosscheck.store.schema import incidents as incidents_table
from crosscheck.store.schema import link_edges, link_keys, link_profiles, person_members, persons

__all__ = ["LinkReport", "link_pending", "regroup_incidents", "relink"]

#: a document whose event time spans more than this is filed without a day (time unknown)
MAX_SPAN = timedelta(days=62)
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
        report.persons = connection.scalar(select(func.count()).select_from(persons)) or 0
    return report


def relink(db: Database, *, progress: Progress | None = None) -> LinkReport:
    """Forget every machine link and link all documents again (analysts' decisions stay)."""
    with db.transaction(write=True) as connection:
        for table in (link_profiles, link_keys, person_members, incidents_table, persons):
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
    links.insert_keys(connection, document_id, copies.band_keys(values) if values else (), None)
    links.insert_keys(connection, document_id, incidents.blocking_keys(item), _day(item))
    _group_copies(connection, document_id, found, now=now)
    report.documents += 1
    report.copies += bool(found)
    regrouped = Regrouped()
    if item.kinds:
        regrouped = _regroup(connection, _join_incident(connection, item, found, now=now))
        regrouped.changed.add(document_id)  # new: its incident has no summary yet
    people_touched = _join_people(connection, item, document, facts, now=now)
    _refresh(connection, regrouped, people_touched, now=now)


def regroup_incidents(
    connection: Connection, incident_ids: Collection[str], *, now: datetime
) -> None:
    """Recompute the clusters of these incidents' documents (after a decision) and what depends
    on them: their summaries and their people's."""
    _refresh(connection, _regroup(connection, incident_ids), set(), now=now)


@dataclass(slots=True)
class Regrouped:
    """What a regrouping did: every regrouped document's incident, before and after."""

    before: dict[str, str | None] = field(default_factory=dict)
    after: dict[str, str] = field(default_factory=dict)
    #: the documents whose incident changed (and a new document, which has no summary yet)
    changed: set[str] = field(default_factory=set)

    def incidents(self) -> tuple[set[str], set[str]]:
        """The incidents whose members changed: as they were (gone or to rewrite), as they are.
        The others in the neighbourhood are left alone, so the work stays local however dense
        the neighbourhood is."""
        old = {i for d in self.changed if (i := self.before.get(d))}
        return old, {self.after[d] for d in self.changed} | (old & set(self.after.values()))

    def documents(self) -> set[str]:
        """The documents of those incidents, before and after."""
        old, new = self.incidents()
        return {d for d, i in self.after.items() if i in new or self.before.get(d) in old}


def _refresh(
    connection: Connection, regrouped: Regrouped, people_touched: set[str], *, now: datetime
) -> None:
    # a person's summary lists their incidents, an incident's lists its people: persons first
    in_incidents = _recompare(connection, regrouped.documents(), now=now)
    renamed = summaries.refresh_persons(connection, people_touched | in_incidents, now=now)
    old, new = regrouped.incidents()
    # an incident's summary names its people: rewrite those whose people were regrouped too
    documents = {member.split("/", 1)[0] for member in renamed}
    new |= {i for i in links.incident_ids(connection, documents).values() if i}
    if new:
        summaries.refresh_incidents(connection, old, new, now=now)


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
) -> None:
    if not found:
        return
    for other, similarity in found.items():
        edge = links.Edge(kind="copy", a=document_id, b=other, origin="machine", verdict="same",
                          score=similarity, features={"similarity": similarity})  # fmt: skip
        links.insert_edge(connection, edge, now=now)
    group = _copy_group(connection, {document_id, *found})
    stored = links.profiles(connection, group)
    original = min(stored.values(), key=lambda s: (s.seen, s.document_id)).document_id
    links.set_copy_of(connection, group - {original}, original)
    links.set_copy_of(connection, {original}, None)


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
    document at once would)."""
    members = links.incident_members(connection, incident_ids)
    found = links.link_scores(connection, "incident", members)
    neighbours = {m for a, b, *_ in found for m in (a, b)}
    nearby = {i for i in links.incident_ids(connection, neighbours - members).values() if i}
    more = links.incident_members(connection, nearby) - members
    found += links.link_scores(connection, "incident", more)
    members |= more
    assignment = components(members, _links(found, members), threshold=incidents.THRESHOLD)
    before = links.incident_ids(connection, members)
    changed = {d for d, i in assignment.items() if before.get(d) != i}
    links.set_incidents(connection, {d: assignment[d] for d in changed})
    return Regrouped(before, assignment, changed)


def _links(found: Sequence[links.LinkScore], members: Collection[str]) -> list[Link]:
    """The links between ``members`` that clustering weighs, each once."""
    inside = {row[:3]: row for row in found if row[0] in members and row[1] in members}
    return [
        Link(a, b, score, same=verdict == "same", analyst=origin == "analyst")
        for a, b, origin, verdict, score in (inside[key] for key in sorted(inside))
        if verdict in ("same", "different")
    ]


def _incident_of(connection: Connection, document_id: str) -> set[str]:
    incident_id = links.incident_ids(connection, {document_id}).get(document_id)
    return {incident_id} if incident_id else set()


# -- people -------------------------------------------------------------------------------------


def _join_people(connection: Connection, item: Profile, document: Any, facts: Facts,
                 *, now: datetime) -> set[str]:  # fmt: skip
    """Link the document's people to their namesakes (``people.blocks``, at most
    ``links.NAMESAKE_LIMIT`` per block, the nearest in time); the members touched."""
    document_id, day = item.document_id, _day(item)
    incident = next(iter(_incident_of(connection, document_id)), None)
    new = people.members(document_id, document, facts, incident)
    existing = {member.member: _namesakes(connection, member, day) for member in new}
    incident_of = links.incident_ids(
        connection, {row["document_id"] for rows in existing.values() for row in rows}
    )
    touched = {m.member for m in new}
    edges = []
    for member in new:
        links.insert_person_member(connection, _member_row(member, day))
        for row in existing[member.member]:
            other = _member(row, incident_of.get(row["document_id"]))
            found = people.compare(member, other)
            if found is not None:
                edges.append(links.Edge(
                    kind="person", a=member.member, b=other.member, origin="machine",
                    verdict=found.verdict, score=found.score, features=found.features,
                ))  # fmt: skip
                touched.add(other.member)
    links.insert_edges(connection, edges, now=now)
    return touched


def _namesakes(
    connection: Connection, member: people.Member, day: int | None
) -> list[dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for block in people.blocks(member):
        rows = links.namesakes(connection, block.surname_key, name_key=block.name_key,
                               initial=block.initial, day=day)  # fmt: skip
        found.update((row["member"], row) for row in rows)
    return [found[key] for key in sorted(found)]


def _recompare(connection: Connection, document_ids: set[str], *, now: datetime) -> set[str]:
    """Compare again the people of documents whose incident changed: two reports that now share
    an incident give a same-named pair the second attribute it lacked. The members compared."""
    rows = links.person_members_in(connection, document_ids)
    incident_of = links.incident_ids(connection, document_ids)
    by_surname: dict[str, list[people.Member]] = {}
    for row in rows:
        member = _member(row, incident_of.get(row["document_id"]))
        by_surname.setdefault(member.surname_key, []).append(member)
    edges = []
    for group in by_surname.values():
        for a, b in combinations(group, 2):
            found = people.compare(a, b)
            if found is not None:
                edges.append(links.Edge(
                    kind="person", a=a.member, b=b.member, origin="machine",
                    verdict=found.verdict, score=found.score, features=found.features,
                ))  # fmt: skip
    links.insert_edges(connection, edges, now=now)
    return {row["member"] for row in rows}


def _member_row(member: people.Member, day: int | None) -> dict[str, Any]:
    return {"member": member.member, "document_id": member.document_id,
            "name_key": member.name_key, "surname_key": member.surname_key,
            "attributes": dict(member.attributes), "person_id": member.member,
            "day": day}  # fmt: skip


def _member(row: dict[str, Any], incident_id: str | None) -> people.Member:
    attributes = {k: v for k, v in row["attributes"].items() if k != "incident"}
    if incident_id:
        attributes["incident"] = incident_id
    return people.Member(member=row["member"], document_id=row["document_id"], name="",
                         name_key=row["name_key"], surname_key=row["surname_key"],
                         attributes=attributes)  # fmt: skip


# -- summaries ----------------------------------------------------------------------------------


def _day(item: Profile) -> int | None:
    if item.start is None or item.end is None or item.end - item.start > MAX_SPAN:
        return None
    return (item.start - _EPOCH).days


def _window(item: Profile) -> tuple[int, int] | None:
    if _day(item) is None or item.end is None or item.start is None:
        return None
    slack = incidents.WINDOW + MAX_SPAN
    return (item.start - slack - _EPOCH).days, (item.end + incidents.WINDOW - _EPOCH).days


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
