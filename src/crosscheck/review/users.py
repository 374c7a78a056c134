"""Users, roles, sign-in and web sessions.

Roles are ordered: a **viewer** reads, an **analyst** also reviews (verdicts, grades, merges),
an **admin** also manages users. Passwords are stored only as argon2id hashes (argon2-cffi), and
a hash made with weaker parameters than today's is replaced at the next sign-in.

Sign-in says "wrong username or password" for every failure, and checks a hash even for an
unknown user, so that neither the message nor the time taken tells whether a username exists.
Failures are kept in the database (``login_failures``), so that throttling holds across server
processes: after ``USER_LIMIT`` failures for one username, or ``CLIENT_LIMIT`` from one client
address, within ``WINDOW``, sign-in is refused without looking at the password until the oldest
of them is older than the window.

A web session is a random token in the browser's cookie; the database keeps only its SHA-256,
so that a copy of the database does not let anyone sign in.
"""

from __future__ import annotations

import hashlib
import math
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import Any, Literal, NoReturn

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, Row

from crosscheck.errors import AccessError, NotFoundError, SettingsError
from crosscheck.review.audit import record, required_comment
from crosscheck.store import Database, reviews

__all__ = [
    "ROLES",
    "Action",
    "Role",
    "User",
    "add_user",
    "authenticate",
    "can",
    "end_session",
    "get_user",
    "list_users",
    "require",
    "session_user",
    "set_disabled",
    "set_password",
    "set_role",
    "start_session",
]

Role = Literal["viewer", "analyst", "admin"]
ROLES: tuple[Role, ...] = ("viewer", "analyst", "admin")
Action = Literal["read", "review", "admin"]

#: what each role may do
ALLOWED: dict[Role, frozenset[Action]] = {
    "viewer": frozenset({"read"}),
    "analyst": frozenset({"read", "review"}),
    "admin": frozenset({"read", "review", "admin"}),
}
MIN_PASSWORD = 12
USER_LIMIT = 5
CLIENT_LIMIT = 20
WINDOW = timedelta(minutes=15)
WRONG = "wrong username or password"

_USERNAME = re.compile(r"[A-Za-z0-9_.@-]{1,64}")
_HASHER = PasswordHasher()  # argon2id with RFC 9106's low-memory parameters


@dataclass(frozen=True, slots=True, kw_only=True)
class User:
    username: str
    role: Role
    disabled: bool
    created_at: datetime

    def to_json(self) -> dict[str, Any]:
        return {"username": self.username, "role": self.role, "disabled": self.disabled,
                "created_at": self.created_at.isoformat()}  # fmt: skip


def add_user(db: Database, username: str, password: str, role: Role, *, by: str = "cli") -> User:
    """Create a user; the audit row names the user and role, never the password or its hash."""
    _check_username(username)
    _check_role(role)
    _check_password(password)
    hashed = _HASHER.hash(password)  # before the transaction: hashing takes a while
    user = User(username=username, role=role, disabled=False, created_at=datetime.now(UTC))
    with db.transaction(write=True) as connection:
        row = {"password_hash": hashed, **_columns(user)}
        if not reviews.insert_user(connection, row):
            raise SettingsError(f"user {username!r} exists already")
        record(connection, at=user.created_at, username=by, action="add_user",
               target=("user", username), before=None, after=_state(user),
               comment=f"added as {role}")  # fmt: skip
    return user


def get_user(db: Database, username: str) -> User | None:
    with db.transaction() as connection:
        row = reviews.user_row(connection, username)
    return None if row is None else _user(row)


def list_users(db: Database) -> list[User]:
    with db.transaction() as connection:
        return [_user(row) for row in reviews.user_rows(connection)]


def set_role(db: Database, username: str, role: Role, *, by: str, comment: str) -> User:
    """Give a user another role (the last enabled admin keeps theirs)."""
    _check_role(role)
    return _change(db, username, {"role": role}, by=by, comment=comment, action="set_role")


def set_disabled(db: Database, username: str, disabled: bool, *, by: str, comment: str) -> User:
    """Disable a user (signing them out everywhere) or enable them again."""
    action = "disable_user" if disabled else "enable_user"
    return _change(db, username, {"disabled": disabled}, by=by, comment=comment, action=action)


def set_password(db: Database, username: str, password: str, *, by: str) -> None:
    """Replace a user's password and end their sessions; the audit row says only that."""
    _check_password(password)
    hashed = _HASHER.hash(password)
    now = datetime.now(UTC)
    with db.transaction(write=True) as connection:
        _found(reviews.user_row(connection, username), username)
        reviews.update_user(connection, username, password_hash=hashed)
        reviews.delete_sessions(connection, username=username)
        record(connection, at=now, username=by, action="set_password", target=("user", username),
               before=None, after=None, comment="password changed")  # fmt: skip


def authenticate(db: Database, username: str, password: str, *, client: str) -> User:
    """The user whose password this is; ``AccessError`` otherwise, or while throttled."""
    now = datetime.now(UTC)
    # a name longer than any valid one is cut, so that a failure row stays small
    keys = [f"user:{username[:64]}", f"ip:{client[:64]}"]
    with db.transaction(write=True) as connection:
        reviews.forget_failures(connection, before=now - WINDOW)
        wait = _throttled(connection, keys, now)
        row = reviews.user_row(connection, username)
    if wait:  # raised after the purge above is committed
        raise AccessError(f"too many failed sign-ins: try again in {wait} minutes")
    # outside any transaction: hashing takes a while and must not hold the write lock; an
    # unknown user's attempt is checked against a dummy hash, to take as long as a known one's
    verified = _verify(_dummy_hash() if row is None else row.password_hash, password)
    if row is None or row.disabled or not verified:
        _fail(db, keys, now)
    # a hash made with weaker parameters than today's is replaced while the password is known
    rehashed = _HASHER.hash(password) if _HASHER.check_needs_rehash(row.password_hash) else None
    with db.transaction(write=True) as connection:
        reviews.forget_failures(connection, key=keys[0], before=now)
        if rehashed is not None:
            reviews.update_user(connection, username, password_hash=rehashed)
    return _user(row)


def _fail(db: Database, keys: list[str], now: datetime) -> NoReturn:
    with db.transaction(write=True) as connection:
        reviews.add_failures(connection, keys, now)
    raise AccessError(WRONG)


def can(user: User | None, action: Action) -> bool:
    """Whether ``user`` (None: nobody signed in) may do ``action``."""
    return user is not None and not user.disabled and action in ALLOWED[user.role]


def require(user: User | None, action: Action) -> User:
    """``user``, if they may do ``action``; else ``AccessError`` saying why."""
    if user is None:
        raise AccessError("sign in first")
    if user.disabled:
        raise AccessError(f"user {user.username} is disabled")
    if not can(user, action):
        verb = "administer" if action == "admin" else action
        raise AccessError(f"role {user.role} may not {verb}")
    return user


# -- sessions ------------------------------------------------------------------------------


def start_session(db: Database, username: str, *, hours: float = 12) -> tuple[str, str]:
    """A new session for an enabled user: its token (for the cookie) and its CSRF token."""
    if hours <= 0:
        raise SettingsError(f"a session must last more than 0 hours, got {hours}")
    token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    now = datetime.now(UTC)
    with db.transaction(write=True) as connection:
        row = _found(reviews.user_row(connection, username), username)
        if row.disabled:
            raise AccessError(f"user {username} is disabled")
        reviews.delete_sessions(connection, expired_at=now)
        reviews.insert_session(connection, {
            "token_hash": _token_hash(token), "username": username, "csrf_token": csrf,
            "created_at": now, "expires_at": now + timedelta(hours=hours),
        })  # fmt: skip
    return token, csrf


def session_user(db: Database, token: str) -> tuple[User, str] | None:
    """The signed-in user and CSRF token of a session; None when the token is unknown or
    expired or its user is disabled or gone."""
    with db.transaction() as connection:
        session = reviews.session_row(connection, _token_hash(token), datetime.now(UTC))
        row = None if session is None else reviews.user_row(connection, session.username)
    if session is None or row is None or row.disabled:
        return None
    return _user(row), session.csrf_token


def end_session(db: Database, token: str) -> None:
    """Sign out: forget the session (nothing happens for an unknown token)."""
    with db.transaction(write=True) as connection:
        reviews.delete_sessions(connection, token_hash=_token_hash(token))


# -- helpers -------------------------------------------------------------------------------


def _change(
    db: Database, username: str, values: dict[str, Any], *, by: str, comment: str, action: str
) -> User:
    """Change a user's role or disabled flag, with its audit row, in one transaction."""
    comment = required_comment(comment)
    now = datetime.now(UTC)
    with db.transaction(write=True) as connection:
        before = _user(_found(reviews.user_row(connection, username), username))
        after = User(**{**_columns(before), **values})
        if _last_admin(connection, before, after):
            raise SettingsError(f"{username} is the last enabled admin: add another first")
        reviews.update_user(connection, username, **values)
        if after.disabled:
            reviews.delete_sessions(connection, username=username)
        record(connection, at=now, username=by, action=action, target=("user", username),
               before=_state(before), after=_state(after), comment=comment)  # fmt: skip
    return after


def _last_admin(connection: Connection, before: User, after: User) -> bool:
    """Whether the change would leave nobody who can manage users (and so nobody to undo it
    but the command line)."""
    if not can(before, "admin") or can(after, "admin"):
        return False
    return reviews.enabled_admins(connection) == [before.username]


def _throttled(connection: Connection, keys: list[str], now: datetime) -> int:
    """How many minutes sign-in stays refused under ``keys`` (user, client); 0: not refused."""
    wait = 0
    for key, limit in zip(keys, (USER_LIMIT, CLIENT_LIMIT), strict=True):
        failures = reviews.failures_since(connection, key, now - WINDOW)
        if len(failures) >= limit:
            # free when enough of them have left the window that fewer than the limit remain
            free_at = failures[len(failures) - limit] + WINDOW
            wait = max(wait, math.ceil((free_at - now).total_seconds() / 60), 1)
    return wait


def _verify(stored: str, password: str) -> bool:
    try:
        return _HASHER.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


@cache
def _dummy_hash() -> str:
    """A hash nobody knows the password of, checked for unknown users to take the same time."""
    return _HASHER.hash(secrets.token_urlsafe(16))


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _state(user: User) -> dict[str, Any]:
    """What the audit log keeps of a user: never the password or its hash."""
    return {"role": user.role, "disabled": user.disabled}


def _columns(user: User) -> dict[str, Any]:
    return {"username": user.username, "role": user.role, "disabled": user.disabled,
            "created_at": user.created_at}  # fmt: skip


def _user(row: Row[Any]) -> User:
    return User(username=row.username, role=row.role, disabled=bool(row.disabled),
                created_at=row.created_at)  # fmt: skip


def _found(row: Row[Any] | None, username: str) -> Row[Any]:
    if row is None:
        raise NotFoundError(f"no user {username!r}")
    return row


def _check_username(username: str) -> None:
    if not _USERNAME.fullmatch(username):
        raise SettingsError(
            f"invalid username {username!r}: 1 to 64 letters, digits and _ . @ - only"
        )


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise SettingsError(f"unknown role {role!r}: expected one of {', '.join(ROLES)}")


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise SettingsError(f"a password needs at least {MIN_PASSWORD} characters")
