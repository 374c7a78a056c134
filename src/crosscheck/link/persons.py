"""What a person's summary says: names, documents, incidents, attributes, links, candidates.

A person is made of members ("<document id>/p1": a person as one document names them). Their
summary is worked out from each member's mention (``mention``: name, spellings and stated
attributes with their spans, kept on the member's row), their documents' incidents and the links
touching them:

- **name**: the spelling most members use (among equals a Latin one);
- **spellings**, **documents**, **incidents**: every one of them, sorted;
- **attributes**: each stated attribute with the document and span that state it, in member
  order;
- **links**: every link between two members; **candidates**: the review candidates between a
  member and someone outside, both in the order of their ends.

The tally beside it keeps how many members use each spelling and whose each attribute is, so
that a member joining later (``grow``) updates the summary without reading the others.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from crosscheck.model import Person
from crosscheck.store.links import Edge

__all__ = ["Mention", "grow", "link_row", "mention", "summarise"]

_ATTRIBUTES = ("role", "rank", "unit", "hometown", "side", "status")

#: a person's mention as ``mention`` keeps it: name, spellings, attributes with their spans
Mention = dict[str, Any]


def mention(person: Person) -> Mention:
    """What a document says of a person, as the person's summary shows it."""
    attributes = {}
    for name in _ATTRIBUTES:
        attribute = getattr(person, name)
        if attribute is not None:
            attributes[name] = [attribute.value, attribute.span.start, attribute.span.end]
    return {"name": person.name, "spellings": list(person.spellings), "attributes": attributes}


def summarise(
    person_id: str,
    members: Sequence[str],
    mentions: Mapping[str, Mention],
    edges: Sequence[Edge],
    incident_of: Mapping[str, str | None],
) -> tuple[dict[str, Any], dict[str, Any]]:
    """A person's summary and tally from its (sorted) members' mentions, the links touching
    them (in the order of their ends) and their documents' incidents. A member whose document
    no longer names them (no mention) counts in ``members`` only."""
    named = [(m, mentions[m]) for m in members if m in mentions]
    tally: dict[str, Any] = {"names": dict(Counter(found["name"] for _, found in named))}
    tally["attributes"] = {
        name: [m for m, found in named if name in found["attributes"]]
        for name in _ATTRIBUTES
        if any(name in found["attributes"] for _, found in named)
    }
    inside = set(members)
    summary = {
        "id": person_id,
        "name": _display_name(tally["names"]),
        "spellings": sorted(
            {s for _, found in named for s in (found["name"], *found["spellings"])}
        ),
        "documents": sorted({_document(m) for m, _ in named}),
        "members": list(members),
        "incidents": sorted({i for m, _ in named if (i := incident_of.get(_document(m)))}),
        "attributes": {
            name: [_attribute(found, name, m) for m, found in named if name in found["attributes"]]
            for name in tally["attributes"]
        },
        "links": [link_row(e) for e in edges if e.a in inside and e.b in inside],
        "candidates": [
            link_row(e)
            for e in edges
            if e.verdict == "candidate" and (e.a in inside) != (e.b in inside)
        ],
    }
    return summary, tally


def grow(
    summary: dict[str, Any],
    tally: dict[str, Any],
    member: str,
    found: Mention,
    incident_id: str | None,
    edges: Sequence[Edge],
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The summary and tally of the person with ``member`` added (its mention, its document's
    incident, every link touching it), from the stored ones alone: what ``summarise`` gives
    over all members, for a member that is new (no link of the others changed) and does not
    take the person's id."""
    summary, tally = _copy(summary), _copy(tally)
    names: dict[str, int] = tally["names"]
    names[found["name"]] = names.get(found["name"], 0) + 1
    summary["name"] = _display_name(names)
    summary["spellings"] = sorted({*summary["spellings"], found["name"], *found["spellings"]})
    summary["documents"] = sorted({*summary["documents"], _document(member)})
    bisect.insort(summary["members"], member)
    summary["incidents"] = sorted({*summary["incidents"], *([incident_id] if incident_id else [])})
    for name in found["attributes"]:
        owners = tally["attributes"].setdefault(name, [])
        position = bisect.bisect(owners, member)
        owners.insert(position, member)
        entries = summary["attributes"].setdefault(name, [])
        entries.insert(position, _attribute(found, name, member))
    summary["attributes"] = {
        n: summary["attributes"][n] for n in _ATTRIBUTES if n in tally["attributes"]
    }
    inside = set(summary["members"])
    for edge in edges:
        part = "links" if edge.a in inside and edge.b in inside else "candidates"
        if part == "links" or edge.verdict == "candidate":
            entries = {(e["a"], e["b"], e["origin"]): e for e in summary[part]}
            entries[edge.a, edge.b, edge.origin] = link_row(edge)
            summary[part] = [entries[key] for key in sorted(entries)]
    return summary, tally


def _copy(value: dict[str, Any]) -> dict[str, Any]:
    """A copy deep enough that growing leaves the caller's summary and tally as they were."""
    return {k: (_copy(v) if isinstance(v, dict) else list(v) if isinstance(v, list) else v)
            for k, v in value.items()}  # fmt: skip


def _document(member: str) -> str:
    return member.split("/", 1)[0]


def _attribute(found: Mention, name: str, member: str) -> dict[str, Any]:
    value, start, end = found["attributes"][name]
    return {"value": value, "document": _document(member), "start": start, "end": end}


def _display_name(names: Mapping[str, int]) -> str:
    # the most used spelling; among equals a Latin one, which every reader of a report can type
    return min(names, key=lambda n: (-names[n], not n.isascii(), n)) if names else ""


def link_row(edge: Edge) -> dict[str, Any]:
    """A link as a person's summary lists it."""
    return {"a": edge.a, "b": edge.b, "origin": edge.origin, "verdict": edge.verdict,
            "score": edge.score, "features": edge.features, "author": edge.author,
            "comment": edge.comment}  # fmt: skip
