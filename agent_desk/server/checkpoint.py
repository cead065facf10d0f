"""WAL checkpoints in a worker thread, so no commit on the event loop waits for fsync.

In WAL mode with ``synchronous=NORMAL`` a commit only appends to the WAL
file; the fsyncs happen when the WAL is copied back into the database (a
checkpoint). SQLite runs that automatically inside whichever commit crosses
1,000 WAL pages, so every few hundred messages one of them blocked the event
loop, and every chat on the server, for the length of two fsyncs: milliseconds
on an idle disk, far more on a busy one (docs/performance.md, "Server").

The server turns that off on its connection (``wal_autocheckpoint=0``) and
runs this: a PASSIVE checkpoint on a second connection, in a thread, every
``interval`` seconds. PASSIVE never blocks writers, and sqlite3 releases the
GIL while it copies and syncs, so the loop goes on serving. Durability is
unchanged: a committed transaction is in the WAL either way.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from pathlib import Path

log = logging.getLogger(__name__)

CHECKPOINT_SECONDS = 0.5


class Checkpointer:
    """Owns its own connection to ``path``; ``run()`` until cancelled, then ``close()``."""

    def __init__(self, path: Path, interval: float = CHECKPOINT_SECONDS) -> None:
        self.interval = interval
        # Only ever used by one to_thread call at a time, never concurrently.
        self._db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA busy_timeout=5000")
        self.checkpoints = 0

    @staticmethod
    def take_over(db: sqlite3.Connection) -> None:
        """Stop ``db`` (the server's connection) from checkpointing inside its commits."""
        db.execute("PRAGMA wal_autocheckpoint=0")

    def checkpoint(self) -> tuple[int, int]:
        """One PASSIVE checkpoint: (WAL frames, frames copied into the database)."""
        _, frames, copied = self._db.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        self.checkpoints += 1
        return int(frames), int(copied)

    async def run(self) -> None:
        while True:
            await asyncio.sleep(self.interval)
            pass_done = asyncio.ensure_future(asyncio.to_thread(self.checkpoint))
            try:
                await asyncio.shield(pass_done)
            except asyncio.CancelledError:
                await asyncio.wait([pass_done])  # the thread must be done with the connection before close()
                raise
            except sqlite3.Error as exc:
                # The next round tries again; meanwhile commits still land in the WAL. A full
                # disk is reported where writes are refused (db.storage_problem), not here each round.
                log.warning("WAL checkpoint failed: %s", exc)

    def close(self) -> None:
        self._db.close()
