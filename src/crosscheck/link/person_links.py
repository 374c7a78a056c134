"""Linking a new document's people: to their namesakes, and again to the people of the reports
they now share an incident with (or no longer do).

A person named in a new document is compared with their namesakes (``people.blocks``: the same
name, the surname alone, an initial; at most ``links.NAMESAKE_LIMIT`` per block, the nearest in
time). When documents move to another incident, each pair of same-surnamed people of whom one
moved and who now share an incident, or no longer do, is compared again: their "incident"
attribute changed, and two reports that now share an incident give a same-named pair the
second attribute it lacked. Any other pair keeps the link it has. A review candidate never
moves anyone, so only the members of "same" links are regrouped (``summaries``).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from crosscheck.link import people, persons
from crosscheck.link.incidents import Regrouped
from crosscheck.model import Document, Facts, Person
from crosscheck.store import links

__all__ = ["Joined", "join", "recompare"]


@dataclass(frozen=True, slots=True)
class Joined:
    """What linking people did: the new document's members; the members whose persons must be
    regrouped (its own, and those it or a moved document is "same" with: a review candidate
    moves nobody); and the person of each other member read on the way, as it was."""

    members: frozenset[str] = frozenset()
    touched: frozenset[str] = frozenset()
    known: Mapping[str, str] = field(default_factory=dict)


def join(connection: Connection, document_id: str, document: Document, facts: Facts,
         *, day: int | None, now: datetime) -> Joined:  # fmt: skip
    """Link the document's people to their namesakes (``people.blocks``, at most
    ``links.NAMESAKE_LIMIT`` per block, the nearest in time to ``day``, its first event day)."""
    incident = links.incident_ids(connection, {document_id}).get(document_id)
    new = people.members(document_id, document, facts, incident)
    existing = {member.member: _namesakes(connection, member, day) for member in new}
    incident_of = links.incident_ids(
        connection, {row["document_id"] for rows in existing.values() for row in rows}
    )
    named = {f"{document_id}/{person.key}": person for person in facts.people}
    touched = {m.member for m in new}
    edges = []
    for member in new:
        links.insert_person_member(connection, _member_row(member, day, named[member.member]))
        for row in existing[member.member]:
            other = _member(row, incident_of.get(row["document_id"]))
            found = people.compare(member, other)
            if found is not None:
                edges.append(links.Edge(
                    kind="person", a=member.member, b=other.member, origin="machine",
                    verdict=found.verdict, score=found.score, features=found.features,
                ))  # fmt: skip
                if found.verdict != "candidate":
                    touched.add(other.member)
    links.insert_edges(connection, edges, now=now)
    known = {row["member"]: row["person_id"] for rows in existing.values() for row in rows}
    return Joined(frozenset(m.member for m in new), frozenset(touched), known)


def _namesakes(
    connection: Connection, member: people.Member, day: int | None
) -> list[dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for block in people.blocks(member):
        rows = links.namesakes(connection, block.surname_key, name_key=block.name_key,
                               initial=block.initial, day=day)  # fmt: skip
        found.update((row["member"], row) for row in rows)
    return [found[key] for key in sorted(found)]


def recompare(
    connection: Connection, regrouped: Regrouped, new: Collection[str], *, now: datetime
) -> Joined:
    """Compare again the people of documents that moved to another incident with those of the
    documents they now share an incident with or no longer do: for such a pair the "incident"
    attribute changed (two reports that now share an incident give a same-named pair the second
    attribute it lacked). For any other pair it did not, and the link stored stands. The
    members whose persons must be regrouped: those of the documents that moved (a person's
    summary lists their incidents), and both ends of every link found except the review
    candidates of ``new`` members, which move nobody (``summaries.add_candidates``)."""
    rows = links.person_members_in(connection, regrouped.documents())
    before, after, moved = regrouped.before, regrouped.after, regrouped.changed
    by_surname: dict[str, list[people.Member]] = {}
    for row in rows:
        member = _member(row, after.get(row["document_id"]))
        by_surname.setdefault(member.surname_key, []).append(member)
    touched = {row["member"] for row in rows if row["document_id"] in moved}
    edges = []
    for group in by_surname.values():
        for a, b in _moved_pairs(group, moved):
            if (before.get(a.document_id) == before.get(b.document_id)) == (
                after.get(a.document_id) == after.get(b.document_id)
            ):
                continue
            found = people.compare(a, b)
            if found is None:
                continue
            edges.append(links.Edge(
                kind="person", a=a.member, b=b.member, origin="machine",
                verdict=found.verdict, score=found.score, features=found.features,
            ))  # fmt: skip
            if found.verdict != "candidate" or not {a.member, b.member} & set(new):
                touched |= {a.member, b.member}
    links.insert_edges(connection, edges, now=now)
    known = {row["member"]: row["person_id"] for row in rows}
    return Joined(frozenset(new), frozenset(touched), known)


def _moved_pairs(
    group: Sequence[people.Member], moved: Collection[str]
) -> Iterator[tuple[people.Member, people.Member]]:
    """Each pair of ``group`` with at least one member in a ``moved`` document, once."""
    for i, a in enumerate(group):
        for j, b in enumerate(group):
            if a.document_id in moved and (j > i or b.document_id not in moved):
                yield a, b


def _member_row(member: people.Member, day: int | None, person: Person) -> dict[str, Any]:
    return {"member": member.member, "document_id": member.document_id,
            "name_key": member.name_key, "surname_key": member.surname_key,
            "attributes": dict(member.attributes), "person_id": member.member,
            "day": day, "mention": persons.mention(person)}  # fmt: skip


def _member(row: dict[str, Any], incident_id: str | None) -> people.Member:
    attributes = {k: v for k, v in row["attributes"].items() if k != "incident"}
    if incident_id:
        attributes["incident"] = incident_id
    return people.Member(member=row["member"], document_id=row["document_id"], name="",
                         name_key=row["name_key"], surname_key=row["surname_key"],
                         attributes=attributes)  # fmt: skip


# -- summaries ----------------------------------------------------------------------------------
