"""People: one person across documents, spellings and scripts.

A person named in a document (``Person`` in its facts) is a **member**, "<document id>/p1".
Members are compared only when their transliteration-neutral name keys (``names.name_key``:
Alexei, Aleksei, Alexey, Алексей and Олексій Smirnov all give "aleksei smirnov") share the
surname. Then:

- **same** (merged automatically): the full keys are equal AND a second attribute agrees (the
  hometown, the unit, or the incident both documents report) AND none disagrees;
- **candidate** (the review queue, never merged by the machine): equal keys with no second
  attribute, or the same surname with compatible first names ("A. Smirnov", "Smirnov");
- nothing: different first names, or a disagreeing attribute (two soldiers named Aleksei
  Smirnov from different towns). Similar strings are never enough: Aleksei Semenov is not
  compared with Aleksei Smirnov at all.

Every link keeps the features that decided it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from crosscheck.extract.names import name_key
from crosscheck.model import Document, Facts, Person

__all__ = ["NAME", "Block", "Member", "PersonMatch", "blocks", "compare", "members"]

NAME = "link.people.v1"
_ATTRIBUTES = ("hometown", "unit")


@dataclass(frozen=True, slots=True, kw_only=True)
class Member:
    member: str  # "<document id>/p1"
    document_id: str
    name: str
    name_key: str
    surname_key: str
    #: keys of stated attributes ("hometown": "irkutsk", "unit": "37 brigade") and "incident"
    attributes: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class PersonMatch:
    verdict: str  # same | candidate
    score: float
    features: dict[str, object]


def members(
    document_id: str, document: Document, facts: Facts, incident: str | None
) -> list[Member]:
    """The people a document names, as members to link."""
    language = document.language or ""
    found = []
    for person in facts.people:
        key = name_key(person.name, language)
        if not key:
            continue
        found.append(
            Member(
                member=f"{document_id}/{person.key}",
                document_id=document_id,
                name=person.name,
                name_key=key,
                surname_key=key.split()[-1],
                attributes=_attributes(person, language, incident),
            )
        )
    return found


def _attributes(person: Person, language: str, incident: str | None) -> dict[str, str]:
    found = {}
    for name in _ATTRIBUTES:
        attribute = getattr(person, name)
        if attribute is not None:
            found[name] = name_key(attribute.value, language)
    if incident:
        found["incident"] = incident
    return found


def compare(a: Member, b: Member) -> PersonMatch | None:
    """Whether two members are one person, may be (review), or are not compared (None)."""
    if a.document_id == b.document_id or a.surname_key != b.surname_key:
        return None
    first_a, first_b = a.name_key.split()[:-1], b.name_key.split()[:-1]
    agree = sorted(k for k in a.attributes.keys() & b.attributes.keys()
                   if a.attributes[k] == b.attributes[k])  # fmt: skip
    disagree = sorted(k for k in a.attributes.keys() & b.attributes.keys()
                      if k != "incident" and a.attributes[k] != b.attributes[k])  # fmt: skip
    features: dict[str, object] = {"keys": [a.name_key, b.name_key]}
    if disagree:
        return None
    features["agree"] = agree
    if first_a and first_a == first_b:
        if agree:
            return PersonMatch("same", 1.0, features)
        return PersonMatch("candidate", 0.7, features)
    if _compatible(first_a, first_b):
        return PersonMatch("candidate", 0.5 if agree else 0.3, features)
    return None


@dataclass(frozen=True, slots=True)
class Block:
    """Members filed under one surname key: all of them, those with one whole name key, or
    those whose first name is one initial ("a smirnov", "a v smirnov")."""

    surname_key: str
    name_key: str | None = None
    initial: str | None = None


def blocks(member: Member) -> list[Block]:
    """Where to find every member that ``compare`` can match with ``member``: the same name,
    the surname alone, the initial of its first name; for a member named by the surname alone
    or by an initial (any first name may fit), the whole surname. Keep this in step with
    ``compare``."""
    first = member.name_key.split()[:-1]
    surname = member.surname_key
    if not first or len(first[0]) == 1:
        return [Block(surname)]
    return [
        Block(surname, name_key=member.name_key),
        Block(surname, name_key=surname),
        Block(surname, initial=first[0][0]),
    ]


def _compatible(a: list[str], b: list[str]) -> bool:
    """No first name, or one is an initial of the other ("a" and "aleksei")."""
    if not a or not b:
        return True
    return all(x[0] == y[0] and (len(x) == 1 or len(y) == 1) for x, y in zip(a, b, strict=False))
