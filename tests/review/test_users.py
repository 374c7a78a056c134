"""Users, roles, sign-in with throttling, and web sessions, on a real SQLite database."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from argon2 import PasswordHasher
from sqlalchemy import insert, select, update

from crosscheck.errors import AccessError, NotFoundError, SettingsError
from crosscheck.review import users
from crosscheck.review.audit import audit_log
from crosscheck.review.users import (
    User,
    add_user,
    authenticate,
    can,
    end_session,
    get_user,
    list_users,
    require,
    session_user,
    set_disabled,
    set_password,
    set_role,
    start_session,
)
from crosscheck.store import Database
from crosscheck.store.schema import audit_log as audit_table
from crosscheck.store.schema import login_failures, web_sessions
from crosscheck.store.schema import users as users_table

PASSWORD = "correct horse battery"
WRONG = "wrong username or password"


@pytest.fixture(autouse=True)
def cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """argon2id with small parameters: the same code paths, a fraction of the time."""
    monkeypatch.setattr(users, "_HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    users._dummy_hash.cache_clear()
    yield
    users._dummy_hash.cache_clear()


@pytest.fixture
def ann(db: Database) -> User:
    return add_user(db, "ann", PASSWORD, "analyst")


def _failures(db: Database) -> list[str]:
    with db.transaction() as connection:
        return sorted(connection.scalars(select(login_failures.c.key)))


# -- users -----------------------------------------------------------------------------------


def test_add_user_stores_an_argon2id_hash_and_an_audit_row(db: Database) -> None:
    user = add_user(db, "ann.k@example", PASSWORD, "viewer", by="admin")
    assert (user.username, user.role, user.disabled) == ("ann.k@example", "viewer", False)
    assert get_user(db, "ann.k@example") == user
    with db.transaction() as connection:
        stored = connection.scalar(select(users_table.c.password_hash))
        audit_rows = [tuple(row) for row in connection.execute(select(audit_table))]
    assert stored.startswith("$argon2id$")
    [entry] = audit_log(db, target_kind="user")
    assert (entry.action, entry.username, entry.target_id) == ("add_user", "admin", "ann.k@example")
    assert entry.after == {"role": "viewer", "disabled": False}
    assert not any(PASSWORD in str(value) or stored in str(value) for value in audit_rows[0])


@pytest.mark.parametrize(
    ("username", "password", "role", "message"),
    [
        ("ann smith", PASSWORD, "viewer", "invalid username 'ann smith'"),
        ("", PASSWORD, "viewer", "invalid username ''"),
        ("a" * 65, PASSWORD, "viewer", "invalid username"),
        ("ann", "short pass", "viewer", "at least 12 characters"),
        ("ann", PASSWORD, "owner", "unknown role 'owner'"),
    ],
)
def test_add_user_refuses_bad_values(
    db: Database, username: str, password: str, role: str, message: str
) -> None:
    with pytest.raises(SettingsError, match=message):
        add_user(db, username, password, role)  # type: ignore[arg-type]
    assert list_users(db) == []


def test_add_user_needs_who_added_them(db: Database) -> None:
    with pytest.raises(SettingsError, match="needs the name of who made it"):
        add_user(db, "ann", PASSWORD, "viewer", by="  ")
    assert list_users(db) == []  # the audit row failed, so the user was not added either


def test_add_user_refuses_a_taken_username(db: Database, ann: User) -> None:
    with pytest.raises(SettingsError, match="user 'ann' exists already"):
        add_user(db, "ann", PASSWORD, "admin")
    assert list_users(db) == [ann]


def test_set_role_and_disable_write_audit_rows(db: Database, ann: User) -> None:
    add_user(db, "root", PASSWORD, "admin")
    assert set_role(db, "ann", "admin", by="root", comment="runs the desk").role == "admin"
    assert set_disabled(db, "ann", True, by="root", comment="left").disabled
    assert not set_disabled(db, "ann", False, by="root", comment="back").disabled
    entries = audit_log(db, target_id="ann")
    assert [e.action for e in entries] == ["enable_user", "disable_user", "set_role", "add_user"]
    assert entries[2].diff == [("role", "analyst", "admin")]
    assert entries[1].diff == [("disabled", False, True)]
    assert entries[1].comment == "left"


def test_set_role_needs_a_comment_and_a_known_user(db: Database, ann: User) -> None:
    with pytest.raises(SettingsError, match="needs a comment"):
        set_role(db, "ann", "admin", by="root", comment=" ")
    with pytest.raises(NotFoundError, match="no user 'bo'"):
        set_role(db, "bo", "admin", by="root", comment="x")
    assert get_user(db, "ann") == ann


def test_the_last_enabled_admin_stays_an_admin(db: Database) -> None:
    add_user(db, "root", PASSWORD, "admin")
    with pytest.raises(SettingsError, match="last enabled admin"):
        set_role(db, "root", "analyst", by="root", comment="oops")
    with pytest.raises(SettingsError, match="last enabled admin"):
        set_disabled(db, "root", True, by="root", comment="oops")
    add_user(db, "second", PASSWORD, "admin")
    assert set_role(db, "root", "analyst", by="second", comment="handed over").role == "analyst"


def test_set_password_replaces_it_and_ends_sessions(db: Database, ann: User) -> None:
    token, _ = start_session(db, "ann")
    set_password(db, "ann", "a brand new passphrase", by="ann")
    assert session_user(db, token) is None
    with pytest.raises(AccessError, match=WRONG):
        authenticate(db, "ann", PASSWORD, client="10.0.0.1")
    assert authenticate(db, "ann", "a brand new passphrase", client="10.0.0.1") == ann
    assert audit_log(db, target_id="ann")[0].action == "set_password"


# -- roles -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("viewer", {"read"}), ("analyst", {"read", "review"}), ("admin", {"read", "review", "admin"})],
)
def test_can_follows_the_role(role: str, allowed: set[str]) -> None:
    user = User(username="u", role=role, disabled=False, created_at=datetime.now(UTC))  # type: ignore[arg-type]
    for action in ("read", "review", "admin"):
        assert can(user, action) == (action in allowed)  # type: ignore[arg-type]
    assert not can(None, "read")
    disabled = User(username="u", role=role, disabled=True, created_at=datetime.now(UTC))  # type: ignore[arg-type]
    assert not can(disabled, "read")


def test_require_says_why_not() -> None:
    viewer = User(username="v", role="viewer", disabled=False, created_at=datetime.now(UTC))
    assert require(viewer, "read") is viewer
    with pytest.raises(AccessError, match="^sign in first$"):
        require(None, "read")
    with pytest.raises(AccessError, match="^role viewer may not review$"):
        require(viewer, "review")
    analyst = User(username="a", role="analyst", disabled=False, created_at=datetime.now(UTC))
    with pytest.raises(AccessError, match="^role analyst may not administer$"):
        require(analyst, "admin")


# -- sign-in ---------------------------------------------------------------------------------


def test_authenticate_with_the_right_password(db: Database, ann: User) -> None:
    assert authenticate(db, "ann", PASSWORD, client="10.0.0.1") == ann


def test_authenticate_unknown_user_and_wrong_password_say_the_same(
    db: Database, ann: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    checked: list[str] = []
    verify = users._verify
    monkeypatch.setattr(users, "_verify", lambda h, p: checked.append(h) or verify(h, p))
    with pytest.raises(AccessError) as unknown:
        authenticate(db, "bo", PASSWORD, client="10.0.0.1")
    with pytest.raises(AccessError) as wrong:
        authenticate(db, "ann", "not the password", client="10.0.0.1")
    assert str(unknown.value) == str(wrong.value) == WRONG
    assert len(checked) == 2  # a hash was checked for the unknown user too
    assert checked[0] == users._dummy_hash()
    assert _failures(db) == ["ip:10.0.0.1", "ip:10.0.0.1", "user:ann", "user:bo"]


def test_authenticate_locks_a_username_after_five_failures(db: Database, ann: User) -> None:
    for attempt in range(5):
        with pytest.raises(AccessError, match=WRONG):
            authenticate(db, "ann", f"guess number {attempt}", client=f"10.0.0.{attempt}")
    # the sixth attempt, even with the right password, is refused without checking it
    with pytest.raises(AccessError, match="too many failed sign-ins: try again in 15 minutes"):
        authenticate(db, "ann", PASSWORD, client="10.0.9.9")
    add_user(db, "bo", PASSWORD, "viewer")
    assert authenticate(db, "bo", PASSWORD, client="10.0.9.9").username == "bo"


def test_authenticate_locks_a_client_after_twenty_failures(db: Database, ann: User) -> None:
    for attempt in range(20):
        with pytest.raises(AccessError, match=WRONG):
            authenticate(db, f"guess{attempt}", PASSWORD, client="203.0.113.7")
    with pytest.raises(AccessError, match="too many failed sign-ins"):
        authenticate(db, "ann", PASSWORD, client="203.0.113.7")
    assert authenticate(db, "ann", PASSWORD, client="198.51.100.1") == ann


def test_authenticate_lock_ends_with_the_window(db: Database, ann: User) -> None:
    now = datetime.now(UTC)
    rows = [{"key": "user:ann", "at": now - timedelta(minutes=16)} for _ in range(5)]
    rows += [{"key": "user:ann", "at": now - timedelta(minutes=m)} for m in (12, 11, 10, 9, 8)]
    with db.transaction(write=True) as connection:
        connection.execute(insert(login_failures), rows)
    # five within the window: locked until the oldest of them (12 minutes ago) leaves it
    with pytest.raises(AccessError, match="try again in 3 minutes"):
        authenticate(db, "ann", PASSWORD, client="10.0.0.1")
    assert len(_failures(db)) == 5  # the ones older than the window were purged
    with db.transaction(write=True) as connection:
        connection.execute(
            update(login_failures).values(at=now - timedelta(minutes=20))
        )  # fmt: skip
    assert authenticate(db, "ann", PASSWORD, client="10.0.0.1") == ann


def test_authenticate_success_clears_the_users_failures(db: Database, ann: User) -> None:
    for _ in range(4):
        with pytest.raises(AccessError):
            authenticate(db, "ann", "not the password", client="10.0.0.1")
    authenticate(db, "ann", PASSWORD, client="10.0.0.1")
    assert _failures(db) == ["ip:10.0.0.1"] * 4  # the client's stay
    for _ in range(4):  # four more are allowed again
        with pytest.raises(AccessError, match=WRONG):
            authenticate(db, "ann", "not the password", client="10.0.0.2")


def test_authenticate_refuses_a_disabled_user(db: Database, ann: User) -> None:
    add_user(db, "root", PASSWORD, "admin")
    set_disabled(db, "ann", True, by="root", comment="left")
    with pytest.raises(AccessError, match=f"^{WRONG}$"):
        authenticate(db, "ann", PASSWORD, client="10.0.0.1")


def test_authenticate_rehashes_weaker_hashes(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    add_user(db, "ann", PASSWORD, "viewer")  # with the cheap parameters
    monkeypatch.setattr(
        users, "_HASHER", PasswordHasher(time_cost=2, memory_cost=16, parallelism=1)
    )
    authenticate(db, "ann", PASSWORD, client="10.0.0.1")
    with db.transaction() as connection:
        stored = connection.scalar(select(users_table.c.password_hash))
    assert "m=16,t=2,p=1" in stored
    assert authenticate(db, "ann", PASSWORD, client="10.0.0.1").username == "ann"


# -- sessions --------------------------------------------------------------------------------


def test_session_round_trip_keeps_only_the_token_hash(db: Database, ann: User) -> None:
    token, csrf = start_session(db, "ann")
    assert session_user(db, token) == (ann, csrf)
    with db.transaction() as connection:
        [row] = connection.execute(select(web_sessions)).all()
    assert row.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in tuple(str(value) for value in row)
    assert len(token) >= 43 and len(csrf) >= 43 and token != csrf
    end_session(db, token)
    assert session_user(db, token) is None
    end_session(db, token)  # twice: nothing to do


def test_session_unknown_or_expired_is_none(db: Database, ann: User) -> None:
    assert session_user(db, "not-a-token") is None
    token, _ = start_session(db, "ann", hours=1)
    with db.transaction(write=True) as connection:
        past = datetime.now(UTC) - timedelta(seconds=1)
        connection.execute(update(web_sessions).values(expires_at=past))
    assert session_user(db, token) is None
    start_session(db, "ann")  # starting a session clears the expired ones
    with db.transaction() as connection:
        assert len(connection.execute(select(web_sessions)).all()) == 1


def test_session_of_a_disabled_user_is_none(db: Database, ann: User) -> None:
    add_user(db, "root", PASSWORD, "admin")
    token, _ = start_session(db, "ann")
    set_disabled(db, "ann", True, by="root", comment="left")
    assert session_user(db, token) is None
    with pytest.raises(AccessError, match="ann is disabled"):
        start_session(db, "ann")


def test_session_sees_a_new_role_at_once(db: Database, ann: User) -> None:
    token, _ = start_session(db, "ann")
    set_role(db, "ann", "viewer", by="root", comment="read only for now")
    found = session_user(db, token)
    assert found is not None and found[0].role == "viewer"


def test_start_session_for_an_unknown_user(db: Database) -> None:
    with pytest.raises(NotFoundError, match="no user 'ghost'"):
        start_session(db, "ghost")
