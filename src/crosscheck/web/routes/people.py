"""People: the list (any spelling, any script), and one person's page: all spellings, each
attribute with the document and words it came from, their quotes and claims, the links that
made them one person, and the candidates an analyst may merge or keep apart.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from crosscheck.review import audit
from crosscheck.store import Database
from crosscheck.web.deps import DbDep, ReaderDep
from crosscheck.web.pages import page, twin

__all__ = ["people_data", "person_data", "router"]

router = APIRouter(include_in_schema=False)

#: a person's page reads the records of at most this many of their documents
PERSON_DOCUMENTS = 50

LimitQuery = Annotated[int, Query(ge=1, le=500)]
OffsetQuery = Annotated[int, Query(ge=0)]


def people_data(
    db: Database, name: str = "", *, limit: int = 50, offset: int = 0
) -> dict[str, Any]:
    """One page of persons, named in the most documents first."""
    found = db.persons(name=name or None, limit=offset + limit + 1)
    return {
        "name": name,
        "limit": limit,
        "offset": offset,
        "more": len(found) > offset + limit,
        "people": [
            {
                "id": p["id"],
                "name": p["name"],
                "spellings": p["spellings"],
                "documents": len(p["documents"]),
                "incidents": p["incidents"],
                "candidates": len(p["candidates"]),
            }
            for p in found[offset : offset + limit]
        ],  # fmt: skip
    }


def person_data(db: Database, person_id: str) -> dict[str, Any]:
    """A person's summary with what their documents say of and by them."""
    summary = db.person(person_id)
    keys: dict[str, list[str]] = {}
    for member in summary["members"]:
        document_id, _, key = member.partition("/")
        keys.setdefault(document_id, []).append(key)
    read = sorted(keys)[:PERSON_DOCUMENTS]
    records = {document_id: db.record(document_id) for document_id in read}
    quotes = [q for d, record in records.items() for q in _by(record, d, keys[d], "quotes")]
    stated = [c for d, record in records.items() for c in _by(record, d, keys[d], "claims")]
    trail = audit.audit_log(db, target_kind="person", target_ids=summary["members"], limit=20)
    return {
        "person": summary,
        "attributes": _attributes(summary, records),
        "quotes": quotes,
        "claims": stated,
        "documents_read": len(read),
        "audit": [entry.to_json() for entry in trail],
    }


def _by(record: dict[str, Any], document_id: str, keys: list[str], facts: str) -> list[Any]:
    """The quotes a person speaks or the claims they make in one document, with where."""
    who = "speaker" if facts == "quotes" else "claimant"
    title = record["document"].get("title")
    return [
        {**fact, "document": document_id, "title": title, "index": n}
        for n, fact in enumerate(record.get(facts, ()))
        if fact.get(who) in keys
    ]


def _attributes(summary: dict[str, Any], records: dict[str, Any]) -> list[dict[str, Any]]:
    """Each attribute value with where it came from: the document and the words there."""
    found = []
    for name, values in sorted(summary["attributes"].items()):
        for value in values:
            record = records.get(value["document"])
            words = record["document"]["text"][value["start"] : value["end"]] if record else None
            found.append({"attribute": name, **value, "evidence": words})
    return found


@router.get("/people.json")
def people_json(
    db: DbDep, session: ReaderDep, name: str = "", limit: LimitQuery = 50, offset: OffsetQuery = 0
) -> Response:
    return twin(people_data(db, name, limit=limit, offset=offset))


@router.get("/people", response_class=HTMLResponse)
def people_page(
    request: Request, db: DbDep, session: ReaderDep, name: str = "", limit: LimitQuery = 50,
    offset: OffsetQuery = 0,
) -> Response:  # fmt: skip
    data = people_data(db, name, limit=limit, offset=offset)
    return page(request, session, "people.html", data, fragment="people_rows.html")


# A person id holds a "/" ("<document id>/p1"): the JSON twin's route comes first, so that the
# page's catch-all path does not take ".json" as part of the id.
@router.get("/people/{person_id:path}.json")
def person_json(person_id: str, db: DbDep, session: ReaderDep) -> Response:
    return twin(person_data(db, person_id))


@router.get("/people/{person_id:path}", response_class=HTMLResponse)
def person_page(request: Request, person_id: str, db: DbDep, session: ReaderDep) -> Response:
    return page(request, session, "person.html", person_data(db, person_id))
