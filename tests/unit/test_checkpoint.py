"""WAL checkpoints leave the server's commits and run on their own connection."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from pathlib import Path

from agent_desk.server import db as database
from agent_desk.server.checkpoint import Checkpointer
from agent_desk.server.db import transaction
from tests.support import wait_until


def _fill(db: sqlite3.Connection, rows: int) -> None:
    db.execute("CREATE TABLE IF NOT EXISTS filler(id INTEGER PRIMARY KEY, body TEXT)")
    for number in range(rows):
        with transaction(db):
            db.execute("INSERT INTO filler(body) VALUES (?)", (f"{number}:" + "x" * 3000,))


def _wal_frames(path: Path) -> int:
    return (path.with_name(path.name + "-wal").stat().st_size - 32) // (4096 + 24)


def test_the_server_connection_stops_checkpointing_and_the_checkpointer_does_it(tmp_path: Path) -> None:
    path = tmp_path / "agentdesk.sqlite3"
    db = database.open_database(path)
    Checkpointer.take_over(db)
    checkpointer = Checkpointer(path)
    try:
        assert db.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 0
        _fill(db, 1500)  # well past the 1,000 pages at which SQLite would checkpoint by itself
        assert _wal_frames(path) > 1000

        frames, copied = checkpointer.checkpoint()

        assert frames == copied > 1000
        reader = sqlite3.connect(path)
        assert reader.execute("SELECT COUNT(*) FROM filler").fetchone()[0] == 1500
        reader.close()
    finally:
        checkpointer.close()
        db.close()


def test_the_thread_checkpoints_until_closed(tmp_path: Path) -> None:
    path = tmp_path / "agentdesk.sqlite3"
    db = database.open_database(path)
    Checkpointer.take_over(db)
    checkpointer = Checkpointer(path, interval=0.01)

    async def scenario() -> None:
        _fill(db, 20)
        checkpointer.start()
        await wait_until(lambda: checkpointer.checkpoints >= 2)

    try:
        asyncio.run(scenario())
    finally:
        checkpointer.close()
        db.close()
    assert not any(thread.name == "wal-checkpoint" for thread in threading.enumerate())
