"""Staff accounts and their session tokens.

Passwords are hashed with argon2id; session tokens are random and only their
SHA-256 is stored, so a copy of the database opens no sessions.
"""

from __future__ import annotations

import hashlib
import secrets
import sqlite3
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from agent_desk.domain.clock import Clock
from agent_desk.protocol.messages import STAFF_ROLES, Role, UserInfo

# OWASP's minimum for argon2id: 19 MiB, 2 iterations, 1 lane.
PASSWORD_HASHER = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)

# Verifying against this keeps unknown user names as slow as wrong passwords.
_DUMMY_HASH = PASSWORD_HASHER.hash("not a real password")


@dataclass(frozen=True, slots=True)
class User:
    id: int
    username: str
    display_name: str
    role: Role
    max_chats: int

    def info(self) -> UserInfo:
        return UserInfo(
            username=self.username, display_name=self.display_name, role=self.role, max_chats=self.max_chats
        )


class AccountError(ValueError):
    """A request to change accounts that cannot be applied (bad role, taken name)."""


class TokenExpired(Exception):
    pass


class TokenInvalid(Exception):
    pass


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _user(row: sqlite3.Row) -> User:
    return User(row["id"], row["username"], row["display_name"], Role(row["role"]), row["max_chats"])


class Accounts:
    """Users and sessions in the server's database."""

    def __init__(self, db: sqlite3.Connection, clock: Clock, token_ttl_seconds: float) -> None:
        self._db = db
        self._clock = clock
        self._ttl = token_ttl_seconds

    def add_user(
        self,
        username: str,
        password: str,
        role: Role | str,
        display_name: str | None = None,
        max_chats: int = 4,
    ) -> User:
        role = Role(role)
        if role not in STAFF_ROLES:
            raise AccountError(f"{role} is not a staff role")
        if not username or len(username) > 64 or not password:
            raise AccountError("user name and password must not be empty (name at most 64 characters)")
        try:
            with self._db:
                cursor = self._db.execute(
                    "INSERT INTO users(username, display_name, role, password_hash, max_chats, created_at)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        username,
                        display_name or username,
                        role.value,
                        PASSWORD_HASHER.hash(password),
                        max_chats,
                        self._clock.now(),
                    ),
                )
        except sqlite3.IntegrityError:
            raise AccountError(f"user {username!r} already exists") from None
        return User(int(cursor.lastrowid or 0), username, display_name or username, role, max_chats)

    def get(self, username: str) -> User | None:
        row = self._db.execute("SELECT * FROM users WHERE username = ?", (username,)).fetchone()
        return _user(row) if row else None

    def all_users(self) -> list[User]:
        return [_user(r) for r in self._db.execute("SELECT * FROM users ORDER BY username")]

    def set_max_chats(self, username: str, max_chats: int) -> None:
        with self._db:
            self._db.execute("UPDATE users SET max_chats = ? WHERE username = ?", (max_chats, username))

    def verify_password(self, username: str, password: str) -> User | None:
        """Check a password. Slow on purpose (argon2): call it off the event loop."""
        row = self._db.execute("SELECT * FROM users WHERE username = ?", (username,)).fetchone()
        stored = row["password_hash"] if row else _DUMMY_HASH
        try:
            PASSWORD_HASHER.verify(stored, password)
        except (VerificationError, InvalidHashError):
            return None
        if row is None:
            return None
        if PASSWORD_HASHER.check_needs_rehash(stored):
            with self._db:
                self._db.execute(
                    "UPDATE users SET password_hash = ? WHERE id = ?", (PASSWORD_HASHER.hash(password), row["id"])
                )
        return _user(row)

    def open_session(self, user: User) -> tuple[str, float]:
        """Create a session; returns the token (shown once) and its expiry."""
        token = secrets.token_urlsafe(32)
        now = self._clock.now()
        expires = now + self._ttl
        with self._db:
            self._db.execute(
                "INSERT INTO sessions(token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
                (hash_token(token), user.id, now, expires),
            )
        return token, expires

    def user_for_token(self, token: str) -> User:
        """The user a token belongs to. Raises TokenInvalid or TokenExpired."""
        return self.session_for_token(token)[0]

    def session_for_token(self, token: str) -> tuple[User, float]:
        """The user a token belongs to and when it expires. Raises TokenInvalid or TokenExpired."""
        row = self._db.execute(
            "SELECT users.*, sessions.expires_at, sessions.revoked FROM sessions"
            " JOIN users ON users.id = sessions.user_id WHERE token_hash = ?",
            (hash_token(token),),
        ).fetchone()
        if row is None or row["revoked"]:
            raise TokenInvalid()
        if row["expires_at"] <= self._clock.now():
            raise TokenExpired()
        return _user(row), float(row["expires_at"])

    def revoke(self, token: str) -> None:
        with self._db:
            self._db.execute("UPDATE sessions SET revoked = 1 WHERE token_hash = ?", (hash_token(token),))

    def revoke_all(self, user_id: int) -> None:
        """End every session of one user (logging out signs out everywhere)."""
        with self._db:
            self._db.execute("UPDATE sessions SET revoked = 1 WHERE user_id = ? AND revoked = 0", (user_id,))
