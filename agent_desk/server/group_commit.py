"""Group commit: the chat messages that arrive in one loop iteration share one transaction.

A commit costs more than storing one message (docs/performance.md, "Server"),
and under load many sends are read in the same turn of the event loop. Each
send queues its write here; at the end of the turn all queued writes run in
one ``BEGIN IMMEDIATE``. A write makes its changes inside ``db.transaction``,
which nests as a savepoint there, so a write that fails is undone alone and
reported to its own sender. After the single ``COMMIT`` each write's ``publish`` runs (fan-out to
the readers), in order and before anything else can run on the loop, so
events still go out in sequence order. Only then does each sender get its
result and its ack: nothing is acknowledged that did not commit.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

T = TypeVar("T")

log = logging.getLogger(__name__)


@dataclass(slots=True)
class _Write(Generic[T]):
    store: Callable[[], T]
    publish: Callable[[T], None]
    done: asyncio.Future[T]


class GroupCommit:
    """Batches writes on one connection; ``await write(store, publish)`` from the loop."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        self._queued: list[_Write[Any]] = []
        self.batches = 0
        """Transactions committed so far (tests and the bench read it)."""

    async def write(self, store: Callable[[], T], publish: Callable[[T], None]) -> T:
        """Run ``store`` in the next group transaction; ``publish`` its result right after the commit.

        ``store`` must make its changes inside ``db.transaction`` (a savepoint here).
        """
        loop = asyncio.get_running_loop()
        write: _Write[T] = _Write(store, publish, loop.create_future())
        self._queued.append(write)
        if len(self._queued) == 1:
            loop.call_soon(self._flush)
        return await write.done

    def _flush(self) -> None:
        batch, self._queued = self._queued, []
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            _fail_all(batch, exc)
            return
        stored = [self._store(write) for write in batch]
        try:
            self._db.execute("COMMIT")
        except sqlite3.Error as exc:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            _fail_all(batch, exc)
            return
        self.batches += 1
        for write, (result, error) in zip(batch, stored, strict=True):
            if error is None:
                _publish(write, result)
                _settle(write.done, result, None)
            else:
                _settle(write.done, None, error)

    @staticmethod
    def _store(write: _Write[Any]) -> tuple[Any, BaseException | None]:
        # ``store`` makes its changes inside db.transaction, which is a savepoint here:
        # a failing write has undone its own changes when its exception arrives.
        try:
            return write.store(), None
        except Exception as exc:  # the sender's error, not the batch's
            return None, exc


def _publish(write: _Write[Any], result: Any) -> None:
    try:
        write.publish(result)
    except Exception:  # committed all the same: the sender still gets its ack, the others their turn
        log.exception("publishing a stored message failed")


def _fail_all(batch: list[_Write[Any]], error: BaseException) -> None:
    for write in batch:
        _settle(write.done, None, error)


def _settle(done: asyncio.Future[Any], result: Any, error: BaseException | None) -> None:
    if done.done():  # the sender's task was cancelled (its connection closed) meanwhile
        return
    if error is None:
        done.set_result(result)
    else:
        done.set_exception(error)
