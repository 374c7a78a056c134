"""Named queries over the review tables (``crosscheck.review``): the claims index, analysts'
verdicts and grades, the audit log, users, sessions and failed sign-ins. Like ``queries``, each
takes a ``Connection`` and leaves transactions to its caller.

Verdicts and audit rows refer to claims by their span id ("<document id>:<start>-<end>:<kind>"),
never by a row number, and have no foreign keys: ``rebuild`` deletes and re-inserts a capture's
documents and claims, and what analysts decided stays attached to the same span.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import (
    Connection,
    Insert,
    Row,
    Select,
    Table,
    and_,
    delete,
    exists,
    func,
    or_,
    select,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.sql.elements import ColumnElement

from crosscheck.errors import StoreError
from crosscheck.store.schema import (
    audit_log,
    claim_reviews,
    claims,
    documents,
    link_edges,
    link_profiles,
    login_failures,
    person_members,
    persons,
    source_grades,
    users,
    web_sessions,
)

__all__ = [
    "add_failures",
    "all_source_grades",
    "claim_id",
    "claim_rows",
    "count_claims",
    "count_person_candidates",
    "delete_sessions",
    "document_texts",
    "enabled_admins",
    "failures_since",
    "forget_failures",
    "has_claim",
    "has_source",
    "insert_audit",
    "insert_session",
    "insert_user",
    "person_candidate_rows",
    "review_of",
    "save_review",
    "save_source_grade",
    "select_audit",
    "select_claims",
    "session_row",
    "source_grade",
    "update_user",
    "user_row",
    "user_rows",
]

#: the largest number of ids in one ``IN (...)``: SQLite allows 32766 variables, keep far below
_CHUNK = 500


# -- the claims index ------------------------------------------------------------------------


def claim_id(document_id: str, claim: Mapping[str, Any]) -> str:
    """A claim's id: its document, evidence span and kind, which a rebuild reproduces."""
    return f"{document_id}:{claim['start']}-{claim['end']}:{claim['kind']}"


def claim_rows(document_id: str, record: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The ``claims`` rows of a stored ``crosscheck.record/1``: one per claim, the first of two
    with the same id (the same span and kind found twice), claimants by their display name."""
    names = {person["key"]: person["name"] for person in record.get("people", ())}
    rows: dict[str, dict[str, Any]] = {}
    for claim in record.get("claims", ()):
        key = claim_id(document_id, claim)
        count = claim.get("count") or {}
        rows.setdefault(key, {
            "id": key, "document_id": document_id, "kind": claim["kind"],
            "start": claim["start"], "end": claim["end"],
            "claimant": names.get(claim.get("claimant")), "modality": claim["modality"],
            "low": count.get("low"), "best": count.get("best"), "high": count.get("high"),
        })  # fmt: skip
    return list(rows.values())


def select_claims(
    *,
    ids: Collection[str] | None = None,
    document_id: str | None = None,
    incident_id: str | None = None,
    status: str | None = None,
    kind: str | None = None,
) -> Select[Any]:
    """Claims with their document's title and source, incident, verdict and source grade,
    in document and span order; ``status`` "unreviewed" also takes claims without a verdict."""
    query = (
        select(
            claims, documents.c.title, documents.c.source, link_profiles.c.incident_id,
            claim_reviews.c.status, claim_reviews.c.credibility, claim_reviews.c.updated_by,
            claim_reviews.c.updated_at, source_grades.c.reliability,
        )
        .join(documents, documents.c.id == claims.c.document_id)
        .outerjoin(link_profiles, link_profiles.c.document_id == claims.c.document_id)
        .outerjoin(claim_reviews, claim_reviews.c.claim_id == claims.c.id)
        .outerjoin(source_grades, source_grades.c.source == documents.c.source)
        .order_by(claims.c.document_id, claims.c.start, claims.c.end, claims.c.kind)
    )  # fmt: skip
    for condition in _claim_filters(ids, document_id, incident_id, status, kind):
        query = query.where(condition)
    return query


def count_claims(connection: Connection, *, status: str) -> int:
    """How many claims of the index have this status (``unreviewed``: or no verdict)."""
    query = select(func.count()).select_from(claims)
    if status != "unreviewed":  # a verdict on a claim no longer extracted does not count
        query = query.join(claim_reviews, claim_reviews.c.claim_id == claims.c.id)
    else:
        query = query.outerjoin(claim_reviews, claim_reviews.c.claim_id == claims.c.id)
    for condition in _claim_filters(None, None, None, status, None):
        query = query.where(condition)
    return connection.scalar(query) or 0


def _claim_filters(
    ids: Collection[str] | None,
    document_id: str | None,
    incident_id: str | None,
    status: str | None,
    kind: str | None,
) -> Iterable[ColumnElement[bool]]:
    if ids is not None:
        yield claims.c.id.in_(sorted(ids))
    if document_id is not None:
        yield claims.c.document_id == document_id
    if incident_id is not None:
        yield link_profiles.c.incident_id == incident_id
    if kind is not None:
        yield claims.c.kind == kind
    if status == "unreviewed":
        yield or_(claim_reviews.c.status.is_(None), claim_reviews.c.status == "unreviewed")
    elif status is not None:
        yield claim_reviews.c.status == status


def document_texts(connection: Connection, document_ids: Collection[str]) -> dict[str, str]:
    """The clean text of these documents, which every claim's offsets point into."""
    found = {}
    for chunk in _chunks(sorted(document_ids)):
        query = select(documents.c.id, documents.c.record).where(documents.c.id.in_(chunk))
        for document_id, record in connection.execute(query):
            found[document_id] = json.loads(record)["document"]["text"]
    return found


def has_claim(connection: Connection, claim: str) -> bool:
    """Whether the claims index holds this claim id."""
    return connection.execute(select(claims.c.id).where(claims.c.id == claim)).first() is not None


def has_source(connection: Connection, source: str) -> bool:
    """Whether a stored document has this source (outlet)."""
    query = select(documents.c.id).where(documents.c.source == source).limit(1)
    return connection.execute(query).first() is not None


# -- verdicts and grades ---------------------------------------------------------------------


def review_of(connection: Connection, claim: str) -> Row[Any] | None:
    """The verdict row of a claim, or None."""
    query = select(claim_reviews).where(claim_reviews.c.claim_id == claim)
    return connection.execute(query).first()


def save_review(connection: Connection, row: Mapping[str, Any]) -> None:
    """Insert or replace a claim's verdict (``claim_reviews`` columns)."""
    connection.execute(_upsert(connection, claim_reviews, "claim_id"), [dict(row)])


def source_grade(connection: Connection, source: str) -> Row[Any] | None:
    query = select(source_grades).where(source_grades.c.source == source)
    return connection.execute(query).first()


def save_source_grade(connection: Connection, row: Mapping[str, Any]) -> None:
    """Insert or replace a source's grade (``source_grades`` columns)."""
    connection.execute(_upsert(connection, source_grades, "source"), [dict(row)])


def all_source_grades(connection: Connection) -> list[Row[Any]]:
    return list(connection.execute(select(source_grades).order_by(source_grades.c.source)))


def _upsert(connection: Connection, table: Table, key: str) -> Insert:
    """INSERT ... ON CONFLICT (key) DO UPDATE every other column, for this dialect."""
    dialect = connection.dialect.name
    statement = postgresql.insert(table) if dialect == "postgresql" else sqlite.insert(table)
    others = {c.name: statement.excluded[c.name] for c in table.columns if c.name != key}
    return statement.on_conflict_do_update(index_elements=[key], set_=others)


# -- the merge-review queue ------------------------------------------------------------------


def person_candidate_rows(connection: Connection, *, limit: int | None) -> list[Row[Any]]:
    """Unsettled machine ``candidate`` person links, the best score first, with both members'
    persons and names: no analyst decided about the pair, and they are still two persons."""
    person_a, person_b = persons.alias("person_a"), persons.alias("person_b")
    query = (
        _candidates()
        .add_columns(
            link_edges.c.score, link_edges.c.features,
            person_a.c.id.label("a_person"), person_a.c.name.label("a_name"),
            person_b.c.id.label("b_person"), person_b.c.name.label("b_name"),
        )
        .join(person_a, person_a.c.id == _member_a.c.person_id)
        .join(person_b, person_b.c.id == _member_b.c.person_id)
        .order_by(link_edges.c.score.desc(), link_edges.c.a, link_edges.c.b)
    )  # fmt: skip
    return list(connection.execute(query if limit is None else query.limit(limit)))


def count_person_candidates(connection: Connection) -> int:
    return connection.scalar(select(func.count()).select_from(_candidates().subquery())) or 0


_member_a = person_members.alias("member_a")
_member_b = person_members.alias("member_b")
_decided = link_edges.alias("decided")


def _candidates() -> Select[Any]:
    settled = exists().where(
        _decided.c.kind == link_edges.c.kind, _decided.c.a == link_edges.c.a,
        _decided.c.b == link_edges.c.b, _decided.c.origin == "analyst",
    )  # fmt: skip
    return (
        select(link_edges.c.a, link_edges.c.b)
        .join(_member_a, _member_a.c.member == link_edges.c.a)
        .join(_member_b, _member_b.c.member == link_edges.c.b)
        .where(
            link_edges.c.kind == "person", link_edges.c.origin == "machine",
            link_edges.c.verdict == "candidate", ~settled,
            _member_a.c.person_id != _member_b.c.person_id,
        )
    )  # fmt: skip


# -- the audit log ---------------------------------------------------------------------------


def insert_audit(connection: Connection, row: Mapping[str, Any]) -> int:
    """Append one audit row (``before``/``after`` as dicts or None); its id."""
    values = dict(row)
    for name in ("before", "after"):
        if values.get(name) is not None:
            values[name] = json.dumps(values[name], ensure_ascii=False, sort_keys=True)
    inserted = connection.execute(audit_log.insert().values(values)).inserted_primary_key
    if inserted is None:  # every dialect we support returns it
        raise StoreError("the database did not return the new audit row's id")
    return int(inserted[0])


def select_audit(
    *,
    target_kind: str | None = None,
    target_ids: Collection[str] | None = None,
    username: str | None = None,
    before_id: int | None = None,
) -> Select[Any]:
    """Audit rows, newest first."""
    query = select(audit_log).order_by(audit_log.c.id.desc())
    if target_kind is not None:
        query = query.where(audit_log.c.target_kind == target_kind)
    if target_ids is not None:
        query = query.where(audit_log.c.target_id.in_(sorted(target_ids)))
    if username is not None:
        query = query.where(audit_log.c.username == username)
    if before_id is not None:
        query = query.where(audit_log.c.id < before_id)
    return query


# -- users, sessions and failed sign-ins -----------------------------------------------------


def user_row(connection: Connection, username: str) -> Row[Any] | None:
    return connection.execute(select(users).where(users.c.username == username)).first()


def user_rows(connection: Connection) -> list[Row[Any]]:
    return list(connection.execute(select(users).order_by(users.c.username)))


def insert_user(connection: Connection, row: Mapping[str, Any]) -> bool:
    """Add a user; False (nothing written) when the username is taken."""
    dialect = connection.dialect.name
    statement = postgresql.insert(users) if dialect == "postgresql" else sqlite.insert(users)
    result = connection.execute(
        statement.on_conflict_do_nothing().execution_options(preserve_rowcount=True), [dict(row)]
    )  # an INSERT's rowcount is kept only when asked for (psycopg's is gone with its cursor)
    return result.rowcount == 1


def update_user(connection: Connection, username: str, **values: Any) -> None:
    connection.execute(update(users).where(users.c.username == username).values(**values))


def enabled_admins(connection: Connection) -> list[str]:
    query = select(users.c.username).where(users.c.role == "admin", users.c.disabled.is_(False))
    return list(connection.scalars(query))


def failures_since(connection: Connection, key: str, since: datetime) -> list[datetime]:
    """When the failed sign-ins under ``key`` since ``since`` happened, oldest first."""
    query = (
        select(login_failures.c.at)
        .where(login_failures.c.key == key, login_failures.c.at >= since)
        .order_by(login_failures.c.at)
    )
    return list(connection.scalars(query))


def add_failures(connection: Connection, keys: Sequence[str], at: datetime) -> None:
    connection.execute(login_failures.insert(), [{"key": key, "at": at} for key in keys])


def forget_failures(connection: Connection, *, key: str | None = None, before: datetime) -> None:
    """Delete failures older than ``before`` (or, given ``key``, all of that key's)."""
    where = login_failures.c.key == key if key is not None else login_failures.c.at < before
    connection.execute(delete(login_failures).where(where))


def insert_session(connection: Connection, row: Mapping[str, Any]) -> None:
    connection.execute(web_sessions.insert().values(dict(row)))


def session_row(connection: Connection, token_hash: str, now: datetime) -> Row[Any] | None:
    """The unexpired session with this token hash, or None."""
    query = select(web_sessions).where(
        and_(web_sessions.c.token_hash == token_hash, web_sessions.c.expires_at > now)
    )
    return connection.execute(query).first()


def delete_sessions(
    connection: Connection,
    *,
    token_hash: str | None = None,
    username: str | None = None,
    expired_at: datetime | None = None,
) -> None:
    """Delete one session, all of a user's, or all expired at ``expired_at``."""
    where = []
    if token_hash is not None:
        where.append(web_sessions.c.token_hash == token_hash)
    if username is not None:
        where.append(web_sessions.c.username == username)
    if expired_at is not None:
        where.append(web_sessions.c.expires_at <= expired_at)
    if where:
        connection.execute(delete(web_sessions).where(or_(*where)))


def _chunks(values: Sequence[str], size: int = _CHUNK) -> Iterable[Sequence[str]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]
