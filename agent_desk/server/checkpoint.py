"""WAL checkpoints in a worker thread, so no commit on the event loop waits for fsync.

In WAL mode with ``synchronous=NORMAL`` a commit only appends to the WAL
file; the fsyncs happen when the WAL is copied back into the database (a
checkpoint). SQLite runs that automatically inside whichever commit crosses
1,000 WAL pages, so every few hundred messages one of them blocked the event
loop, and every chat on the server, for the length of two fsyncs: milliseconds
on an idle disk, far more on a busy one (docs/performance.md, "Server").

The server turns that off on its connection (``wal_autocheckpoint=0``) and
runs this: a PASSIVE checkpoint on a second connection, in a thread of its
own, every ``interval`` seconds. PASSIVE never blocks writers, and sqlite3
releases the GIL while it copies and syncs, so the loop goes on serving.
Durability is unchanged: a committed transaction is in the WAL either way.

The thread is a plain one, not ``asyncio.to_thread``: it must not depend on
the event loop it keeps free (under qasync a to_thread result that arrives
while the task is being cancelled was seen never to be delivered, and the
server's stop waited for it for ever).
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from pathlib import Path

log = logging.getLogger(__name__)

CHECKPOINT_SECONDS = 0.5


class Checkpointer:
    """Owns its own connection to ``path``; ``start()`` its thread, ``close()`` to stop both."""

    def __init__(self, path: Path, interval: float = CHECKPOINT_SECONDS) -> None:
        self.interval = interval
        # Used only by the checkpoint thread once started (and by direct calls before that).
        self._db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA busy_timeout=5000")
        self.checkpoints = 0
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    @staticmethod
    def take_over(db: sqlite3.Connection) -> None:
        """Stop ``db`` (the server's connection) from checkpointing inside its commits."""
        db.execute("PRAGMA wal_autocheckpoint=0")

    def checkpoint(self) -> tuple[int, int]:
        """One PASSIVE checkpoint: (WAL frames, frames copied into the database)."""
        _, frames, copied = self._db.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        self.checkpoints += 1
        return int(frames), int(copied)

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="wal-checkpoint", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stopping.wait(self.interval):
            try:
                self.checkpoint()
            except sqlite3.Error as exc:
                # The next round tries again; meanwhile commits still land in the WAL. A full
                # disk is reported where writes are refused (db.storage_problem), not here each round.
                log.warning("WAL checkpoint failed: %s", exc)

    def close(self) -> None:
        """Stop the thread (after the checkpoint it may be in) and close the connection."""
        self._stopping.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        self._db.close()
