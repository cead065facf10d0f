"""Group commit: writes from one loop turn share a transaction, fail alone, publish in order."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from agent_desk.server import db as database
from agent_desk.server.db import transaction
from agent_desk.server.group_commit import GroupCommit


@pytest.fixture
def db(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    connection = database.open_database(tmp_path / "agentdesk.sqlite3")
    connection.execute("CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT NOT NULL UNIQUE)")
    yield connection
    connection.close()


def _insert(db: sqlite3.Connection, body: str) -> int:
    with transaction(db):  # nests as a savepoint inside the group's transaction
        return int(db.execute("INSERT INTO notes(body) VALUES (?)", (body,)).lastrowid or 0)


def test_writes_of_one_turn_share_one_commit_and_publish_in_order(db: sqlite3.Connection) -> None:
    group = GroupCommit(db)
    published: list[str] = []

    async def scenario() -> list[int]:
        writes = [group.write(lambda b=body: _insert(db, b), lambda _, b=body: published.append(b)) for body in "abc"]
        return list(await asyncio.gather(*writes))

    ids = asyncio.run(scenario())

    assert group.batches == 1
    assert published == ["a", "b", "c"]
    assert ids == [1, 2, 3]
    assert [r[0] for r in db.execute("SELECT body FROM notes ORDER BY id")] == ["a", "b", "c"]


def test_a_failing_write_is_undone_alone_and_reported_to_its_sender(db: sqlite3.Connection) -> None:
    group = GroupCommit(db)
    published: list[str] = []

    async def scenario() -> list[int | BaseException]:
        writes = [group.write(lambda b=body: _insert(db, b), lambda _, b=body: published.append(b)) for body in "xxy"]
        return list(await asyncio.gather(*writes, return_exceptions=True))

    first, second, third = asyncio.run(scenario())

    assert first == 1
    assert isinstance(second, sqlite3.IntegrityError)
    assert isinstance(third, int)
    assert published == ["x", "y"]
    assert [r[0] for r in db.execute("SELECT body FROM notes ORDER BY id")] == ["x", "y"]
    assert not db.in_transaction


def test_a_write_that_cannot_begin_fails_its_sender(db: sqlite3.Connection, tmp_path: Path) -> None:
    other = sqlite3.connect(tmp_path / "agentdesk.sqlite3", isolation_level=None)
    other.execute("PRAGMA busy_timeout=0")
    db.execute("PRAGMA busy_timeout=0")
    other.execute("BEGIN IMMEDIATE")  # another writer holds the lock
    group = GroupCommit(db)

    async def scenario() -> object:
        return (await asyncio.gather(group.write(lambda: _insert(db, "z"), print), return_exceptions=True))[0]

    try:
        outcome = asyncio.run(scenario())
    finally:
        other.execute("ROLLBACK")
        other.close()

    assert isinstance(outcome, sqlite3.OperationalError)
    assert db.execute("SELECT COUNT(*) FROM notes").fetchone()[0] == 0
