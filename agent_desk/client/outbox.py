"""The durable local outbox: messages the agent wrote that the server has not acked.

A message enters the outbox before it is sent and leaves it only when the
server's ``ack`` arrives, so a crash, a lost connection or a closed laptop
never loses what the agent typed. On reconnect the desk sends
:meth:`Outbox.unacked` again with the same ``client_msg_id``; the server
drops duplicates by that id.

The file is SQLite in WAL mode with ``synchronous=FULL``: an ``add`` that
returned has reached the disk, even if the machine loses power next. It is
created with mode 0o600 because it holds the user's words.

:class:`Outbox` is synchronous and touches the disk on every call.
:class:`AsyncOutbox` runs the same calls on one dedicated worker thread, so
the desk's GUI thread never waits for the disk.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import enum
import functools
import os
import sqlite3
import stat
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import ParamSpec, TypeVar

from agent_desk.client.paths import ensure_private_dir
from agent_desk.protocol.limits import MAX_ID_CHARS, MAX_TEXT_CHARS

P = ParamSpec("P")
T = TypeVar("T")

OUTBOX_FILENAME = "outbox.sqlite3"
"""The outbox's file name inside :func:`agent_desk.client.paths.user_data_dir`."""

FILE_MODE = 0o600

_V1 = (
    """
    CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY,
        client_msg_id TEXT NOT NULL UNIQUE,
        account_key TEXT NOT NULL,
        conversation_id TEXT NOT NULL,
        text TEXT NOT NULL,
        created_at REAL NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT
    )
    """,
    "CREATE INDEX outbox_account ON outbox(account_key, seq)",
)

MIGRATIONS: tuple[tuple[str, ...], ...] = (_V1,)
"""SQL statements, one tuple per schema version. Append only: never edit a released one."""
SCHEMA_VERSION = len(MIGRATIONS)

_COLUMNS = "client_msg_id, conversation_id, text, created_at, state, attempts, last_error"


class OutboxError(Exception):
    """The outbox file cannot be opened, read or written.

    The message names the file. Nothing is deleted or recreated behind the
    user's back: the file may hold unsent words, so it is left as it was.
    """

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(f"outbox file {path}: {problem}")
        self.path = path
        self.problem = problem


class OutboxState(enum.StrEnum):
    PENDING = "pending"
    """Waiting to be sent, or sent and waiting for the ack."""
    FAILED = "failed"
    """The server refused it; the agent may retry or cancel it."""


@dataclasses.dataclass(frozen=True, slots=True)
class OutboxEntry:
    client_msg_id: str
    conversation_id: str
    text: str
    created_at: float
    state: OutboxState
    attempts: int
    last_error: str | None


def account_key_for(server_url: str, username: str) -> str:
    """The key that keeps two accounts' messages apart in one outbox file.

    A URL holds no spaces, so the first space separates it from the username.
    """
    return f"{server_url} {username}"


class Outbox:
    """One account's view of the outbox file. Safe to call from any thread.

    Every method that names a ``client_msg_id`` only sees this account's
    rows, and returns None (``acked``: False) when the row is not there, so a
    late call for an already-acked message is a harmless no-op, not an error.

    Raises:
        OutboxError: from the constructor and from every method, when the
            file is unreadable, corrupt, from a newer version, or the disk
            refuses a write. ``add`` raising means the message was NOT saved.
    """

    def __init__(self, path: Path, account_key: str, clock: Callable[[], float] = time.time) -> None:
        self.path = path
        self.account_key = account_key
        self._clock = clock
        self._lock = threading.RLock()
        self._db = _open(path)

    # ------------------------------------------------------------ reads

    def unacked(self) -> list[OutboxEntry]:
        """Pending and failed messages, oldest first."""
        return self._select(OutboxState.PENDING, OutboxState.FAILED)

    def pending(self) -> list[OutboxEntry]:
        """Messages to (re)send, oldest first."""
        return self._select(OutboxState.PENDING)

    # ------------------------------------------------------------ writes

    def add(self, conversation_id: str, text: str) -> OutboxEntry:
        """Save a new message as pending, on disk, before it is sent.

        Raises:
            ValueError: the server would refuse it (empty or too long).
            OutboxError: it was not saved.
        """
        if not 1 <= len(conversation_id) <= MAX_ID_CHARS:
            raise ValueError(f"conversation id must be 1 to {MAX_ID_CHARS} characters")
        if not 1 <= len(text) <= MAX_TEXT_CHARS:
            raise ValueError(f"message text must be 1 to {MAX_TEXT_CHARS} characters")
        entry = OutboxEntry(
            client_msg_id=str(uuid.uuid4()),
            conversation_id=conversation_id,
            text=text,
            created_at=self._clock(),
            state=OutboxState.PENDING,
            attempts=0,
            last_error=None,
        )
        with self._using() as db:
            db.execute(
                f"INSERT INTO outbox(account_key, {_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    self.account_key,
                    entry.client_msg_id,
                    entry.conversation_id,
                    entry.text,
                    entry.created_at,
                    entry.state.value,
                    entry.attempts,
                    entry.last_error,
                ),
            )
        return entry

    def record_attempt(self, client_msg_id: str) -> OutboxEntry | None:
        """Count one more send of this message. Returns the updated entry, None if it is gone."""
        return self._update(client_msg_id, "attempts = attempts + 1")

    def acked(self, client_msg_id: str) -> bool:
        """The server stored it: forget it. Returns whether it was still here; calling again is harmless."""
        return self._delete(client_msg_id) is not None

    def failed(self, client_msg_id: str, reason: str) -> OutboxEntry | None:
        """The server refused it: keep it, with the reason, until retried or cancelled.

        Returns the updated entry, None if it is gone.
        """
        return self._update(client_msg_id, "state = ?, last_error = ?", OutboxState.FAILED.value, reason)

    def retry(self, client_msg_id: str) -> OutboxEntry | None:
        """Make a message pending again, with no attempts and no error. Returns it, None if it is gone."""
        return self._update(client_msg_id, "state = ?, attempts = 0, last_error = NULL", OutboxState.PENDING.value)

    def cancel(self, client_msg_id: str) -> OutboxEntry | None:
        """The agent gave up on this message: drop it unsent. Returns what was dropped, None if it was gone."""
        return self._delete(client_msg_id)

    def close(self) -> None:
        """Close the file. Calling again is harmless."""
        with self._lock:
            self._db.close()

    # ------------------------------------------------------------ internals

    def _select(self, *states: OutboxState, client_msg_id: str | None = None) -> list[OutboxEntry]:
        """This account's rows in the given states, oldest first; only one row when ``client_msg_id`` is given."""
        marks = ", ".join("?" * len(states))
        query = f"SELECT {_COLUMNS} FROM outbox WHERE account_key = ? AND state IN ({marks})"
        params: list[object] = [self.account_key, *(state.value for state in states)]
        if client_msg_id is not None:
            query += " AND client_msg_id = ?"
            params.append(client_msg_id)
        with self._using() as db:
            rows = db.execute(f"{query} ORDER BY seq", params).fetchall()
        return [
            OutboxEntry(
                client_msg_id=row[0],
                conversation_id=row[1],
                text=row[2],
                created_at=row[3],
                state=OutboxState(row[4]),
                attempts=row[5],
                last_error=row[6],
            )
            for row in rows
        ]

    def _find(self, client_msg_id: str) -> OutboxEntry | None:
        found = self._select(*OutboxState, client_msg_id=client_msg_id)
        return found[0] if found else None

    def _update(self, client_msg_id: str, assignments: str, *values: object) -> OutboxEntry | None:
        with self._transaction() as db:
            db.execute(
                f"UPDATE outbox SET {assignments} WHERE account_key = ? AND client_msg_id = ?",
                (*values, self.account_key, client_msg_id),
            )
            return self._find(client_msg_id)

    def _delete(self, client_msg_id: str) -> OutboxEntry | None:
        with self._transaction() as db:
            entry = self._find(client_msg_id)
            if entry is not None:
                db.execute(
                    "DELETE FROM outbox WHERE account_key = ? AND client_msg_id = ?", (self.account_key, client_msg_id)
                )
            return entry

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT around a read-and-write, so another desk process cannot interleave."""
        with self._using() as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                # Some errors (a full disk) already rolled the transaction back.
                if db.in_transaction:
                    db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

    @contextlib.contextmanager
    def _using(self) -> Iterator[sqlite3.Connection]:
        # Re-entrant: a transaction reads and writes through the same helpers.
        with self._lock:
            try:
                yield self._db
            except sqlite3.Error as exc:
                raise OutboxError(self.path, str(exc)) from exc


class AsyncOutbox:
    """An :class:`Outbox` whose calls all run on one dedicated worker thread.

    One worker keeps the calls in the order they were made. Awaiting a call
    that is then cancelled does not undo it: the worker still finishes it.
    Open with :meth:`open` (which also reads the file on the worker) and end
    with :meth:`aclose`.
    """

    def __init__(self, outbox: Outbox, *, executor: ThreadPoolExecutor | None = None) -> None:
        """Wrap ``outbox``. ``executor`` is for :meth:`open` only: it must have exactly one worker."""
        self._outbox = outbox
        self._executor = executor or _single_worker()
        self._closed = False

    @classmethod
    async def open(cls, path: Path, account_key: str, clock: Callable[[], float] = time.time) -> AsyncOutbox:
        """Open the outbox file without touching the disk on the calling thread.

        Raises:
            OutboxError: as :class:`Outbox` does.
        """
        executor = _single_worker()
        opening = executor.submit(Outbox, path, account_key, clock)
        try:
            outbox = await asyncio.wrap_future(opening)
        except BaseException:
            # Cancelled while the worker was still opening: close the file once it is open.
            opening.add_done_callback(_close_opened)
            executor.shutdown(wait=False)
            raise
        return cls(outbox, executor=executor)

    @property
    def path(self) -> Path:
        return self._outbox.path

    @property
    def account_key(self) -> str:
        return self._outbox.account_key

    async def add(self, conversation_id: str, text: str) -> OutboxEntry:
        return await self._run(self._outbox.add, conversation_id, text)

    async def unacked(self) -> list[OutboxEntry]:
        return await self._run(self._outbox.unacked)

    async def pending(self) -> list[OutboxEntry]:
        return await self._run(self._outbox.pending)

    async def record_attempt(self, client_msg_id: str) -> OutboxEntry | None:
        return await self._run(self._outbox.record_attempt, client_msg_id)

    async def acked(self, client_msg_id: str) -> bool:
        return await self._run(self._outbox.acked, client_msg_id)

    async def failed(self, client_msg_id: str, reason: str) -> OutboxEntry | None:
        return await self._run(self._outbox.failed, client_msg_id, reason)

    async def retry(self, client_msg_id: str) -> OutboxEntry | None:
        return await self._run(self._outbox.retry, client_msg_id)

    async def cancel(self, client_msg_id: str) -> OutboxEntry | None:
        return await self._run(self._outbox.cancel, client_msg_id)

    async def aclose(self) -> None:
        """Finish every queued call, close the file and stop the worker. Calling again is harmless."""
        if self._closed:
            return
        self._closed = True
        closing = asyncio.get_running_loop().run_in_executor(self._executor, self._outbox.close)
        try:
            # Shielded so that a cancelled aclose still closes the file once the queue drains.
            await asyncio.shield(closing)
        finally:
            # After close() the worker is idle, so joining it returns at once; when cancelled,
            # close() is still queued and the worker runs it before it exits.
            self._executor.shutdown(wait=closing.done())

    async def _run(self, func: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        if self._closed:
            raise OutboxError(self.path, "the outbox is closed")
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, functools.partial(func, *args, **kwargs))


# ---------------------------------------------------------------- opening the file


def _single_worker() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="agentdesk-outbox")


def _close_opened(opening: Future[Outbox]) -> None:
    if not opening.cancelled() and opening.exception() is None:
        opening.result().close()


def _open(path: Path) -> sqlite3.Connection:
    """Open, check and upgrade the file. A file that fails the checks is left exactly as it was."""
    try:
        if not path.parent.exists():
            ensure_private_dir(path.parent)
        # Created here as 0o600 rather than by SQLite, which would follow the umask.
        # SQLite then gives the -wal and -shm files the database file's mode.
        os.close(os.open(path, os.O_RDWR | os.O_CREAT, FILE_MODE))
        # timeout: wait up to 5 s for another desk process's write lock instead of failing at once.
        db = sqlite3.connect(path, timeout=5.0, isolation_level=None, check_same_thread=False)
    except (OSError, sqlite3.Error) as exc:
        raise OutboxError(path, f"cannot be opened ({exc})") from exc
    try:
        try:
            _check(db, path)
        except sqlite3.Error as exc:
            raise OutboxError(path, f"cannot be read ({exc}); it was left as it is") from exc
        _make_private(path)
        db.execute("PRAGMA journal_mode=WAL")
        # FULL, not NORMAL: in WAL mode NORMAL can drop the last commits on power loss,
        # and the last commit is the message the agent just wrote.
        db.execute("PRAGMA synchronous=FULL")
        _upgrade(db)
    except (OSError, sqlite3.Error) as exc:
        db.close()
        raise OutboxError(path, f"cannot be prepared ({exc})") from exc
    except BaseException:
        db.close()
        raise
    return db


def _make_private(path: Path) -> None:
    """Tighten a file an older version or another tool made readable by others."""
    if os.name == "posix" and stat.S_IMODE(path.stat().st_mode) != FILE_MODE:
        path.chmod(FILE_MODE)


def _check(db: sqlite3.Connection, path: Path) -> None:
    """Refuse a file that is not a healthy outbox this version understands.

    Only reads: a garbage file makes the first read fail before anything is
    written. The reads share one snapshot, so a desk that creates the file
    at this moment is seen either before or after, never halfway.
    """
    db.execute("BEGIN DEFERRED")
    try:
        version = _schema_version(db)
        tables = int(db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0])
        problems = [str(row[0]) for row in db.execute("PRAGMA quick_check").fetchall()]
    finally:
        if db.in_transaction:
            db.execute("ROLLBACK")
    if version > SCHEMA_VERSION:
        raise OutboxError(path, f"was written by a newer AgentDesk (schema {version}, this one knows {SCHEMA_VERSION})")
    if version == 0 and tables:
        raise OutboxError(path, "is an SQLite file but not an AgentDesk outbox; it was left as it is")
    if problems != ["ok"]:
        raise OutboxError(path, f"is damaged ({'; '.join(problems[:3])}); it was left as it is")


def _upgrade(db: sqlite3.Connection) -> None:
    """Bring the schema up to date in one transaction: all steps or none."""
    if _schema_version(db) == SCHEMA_VERSION:
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        # Read again under the write lock: another desk starting at the same moment may have just upgraded the file.
        for version in range(_schema_version(db), SCHEMA_VERSION):
            for statement in MIGRATIONS[version]:
                db.execute(statement)
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def _schema_version(db: sqlite3.Connection) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])
