"""Simulated desks (the real DeskSession, outbox and ChatBook) and customers."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import time
import uuid
from pathlib import Path
from typing import Any

from agent_desk.client.chats import ChatBook, Delivery
from agent_desk.client.connection import Connection, ConnectionLost, RequestFailed
from agent_desk.client.outbox import AsyncOutbox, OutboxEntry, account_key_for
from agent_desk.client.session import HEARTBEAT_SECONDS, TRANSIENT_ERRORS, Backoff, DeskSession, SessionState, log_in
from agent_desk.protocol.messages import (
    Ack,
    ChatAssigned,
    CustomerJoin,
    CustomerJoined,
    Event,
    EventKind,
    Resume,
    Resumed,
    Role,
    Send,
    ServerMessage,
)
from bench.chaos.ledger import Ledger


class Presence:
    """When a client went offline and came back, on time.monotonic()."""

    def __init__(self) -> None:
        self.online = False
        self.resumed_at: list[float] = []
        self.dropped_at: list[float] = []

    def up(self) -> None:
        self.online = True
        self.resumed_at.append(time.monotonic())

    def down(self) -> None:
        if self.online:
            self.dropped_at.append(time.monotonic())
        self.online = False

    def resumed_after(self, moment: float) -> float | None:
        return next((t for t in self.resumed_at if t >= moment), None)


class SimDesk:
    """An agent's desk without the window: DeskSession + AsyncOutbox + ChatBook."""

    def __init__(self, username: str, ledger: Ledger, outbox_dir: Path) -> None:
        self.username = username
        self.ledger = ledger
        self.outbox_path = outbox_dir / f"{username}.sqlite3"
        self.book = ChatBook()
        self.presence = Presence()
        self.session: DeskSession | None = None
        self.outbox: AsyncOutbox | None = None
        self.states: list[SessionState] = []
        self.connections: list[Connection] = []

    async def start(self, url: str, login_url: str | None = None, heartbeat: float = HEARTBEAT_SECONDS) -> None:
        """Log in (on ``login_url`` or ``url``), then run the session against ``url``."""
        ok = await log_in(login_url or url, self.username, f"pw-{self.username}")
        self.outbox = await AsyncOutbox.open(self.outbox_path, account_key_for(url, self.username))
        self.session = DeskSession(
            url,
            ok.token,
            self.outbox,
            self,
            positions=self.book.positions,
            backoff=Backoff(),
            connector=self._connect,
            heartbeat_seconds=heartbeat,
        )
        self.session.start()

    async def stop(self) -> None:
        if self.session is not None:
            await self.session.stop()
        if self.outbox is not None:
            await self.outbox.aclose()

    async def _connect(self, url: str, **options: Any) -> Connection:
        """Connection.open, keeping each connection to read its close code afterwards."""
        conn = await Connection.open(url, **options)
        self.connections.append(conn)
        return conn

    def close_codes(self) -> list[int]:
        return sorted({c.close_code for c in self.connections if c.close_code is not None})

    async def say(self, conversation_id: str, text: str) -> None:
        assert self.session is not None
        record = self.book.get(conversation_id)
        if record is None or record.read_only:
            return
        entry = await self.session.send(conversation_id, text)
        self.ledger.written(entry.client_msg_id, conversation_id, self.username)

    def open_chats(self) -> list[str]:
        return [cid for cid, record in self.book.records.items() if not record.read_only]

    async def unsent(self) -> int:
        return len(await self.outbox.unacked()) if self.outbox is not None else 0

    # ------------------------------------------------------------ SessionListener

    def on_state(self, state: SessionState, detail: str) -> None:
        self.states.append(state)
        if state is not SessionState.ONLINE:
            self.presence.down()

    def on_frame(self, frame: ServerMessage) -> None:
        if isinstance(frame, ChatAssigned):
            self.book.open(frame.conversation)
        elif isinstance(frame, Event):
            record = self.book.get(frame.conversation_id)
            if record is None:
                return
            change = record.plan_event(frame)
            if change is None:
                return  # already shown: the desk drops replays of what it has
            record.apply(change)
            record.note_event(frame)
            if frame.kind is EventKind.MESSAGE:
                self.ledger.seen(frame.client_msg_id, frame.seq, self.username)

    def on_resumed(self, missed_messages: int, reconnect: bool) -> None:
        self.presence.up()

    def on_delivery(self, entry: OutboxEntry, delivery: Delivery, error: str) -> None:
        record = self.book.get(entry.conversation_id)
        if record is not None:  # as the desk's window does: a pending row, later replaced by its event
            if delivery is Delivery.PENDING:
                change = record.plan_pending(
                    entry.client_msg_id, entry.text, self.username, Role.AGENT, entry.created_at
                )
                if change is not None:
                    record.apply(change)
            change = record.plan_delivery(entry.client_msg_id, delivery, error)
            if change is not None:
                record.apply(change)
        if delivery is Delivery.DELIVERED:
            record = self.book.get(entry.conversation_id)
            row = record.row_of(entry.client_msg_id) if record else None
            seq = record.lines[row].seq if record is not None and row is not None else None
            self.ledger.acked(entry.client_msg_id, seq or -1)
        elif delivery is Delivery.FAILED:
            self.ledger.failed(entry.client_msg_id, error)

    # ------------------------------------------------------------ what the desk shows

    def visible_duplicates(self) -> int:
        """Rows of a chat that show the same message (or the same seq) twice."""
        extra = 0
        for record in self.book.records.values():
            keys = [line.key for line in record.lines]
            seqs = [line.seq for line in record.lines if line.seq is not None]
            extra += len(keys) - len(set(keys)) + len(seqs) - len(set(seqs))
        return extra

    def view_gaps(self) -> int:
        """Missing seqs between the first and the last event each chat shows."""
        missing = 0
        for record in self.book.records.values():
            seqs = sorted({line.seq for line in record.lines if line.seq is not None})
            if seqs:
                missing += seqs[-1] - seqs[0] + 1 - len(seqs)
        return missing


class SimCustomer:
    """A shopper's page: joins once, keeps its token, resends unacked lines with the same id."""

    def __init__(self, name: str, ledger: Ledger, backoff: Backoff | None = None) -> None:
        self.name = name
        self.ledger = ledger
        self.backoff = backoff or Backoff()
        self.join_key = uuid.uuid4().hex
        self.token: str | None = None
        self.customer_id = ""
        self.conversation_id = ""
        self.assigned = False
        self.events: dict[int, Event] = {}
        self.presence = Presence()
        self._pending: dict[str, str] = {}
        self._wake = asyncio.Event()
        self._ids = itertools.count(1)
        self._runner: asyncio.Task[None] | None = None
        self._conn: Connection | None = None
        self.refusals: list[str] = []
        """The messages of transient refusals (e.g. a full disk), each retried later."""

    def start(self, url: str) -> None:
        self._runner = asyncio.create_task(self._run(url), name=f"customer-{self.name}")

    async def stop(self) -> None:
        if self._runner is not None:
            self._runner.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._runner
        if self._conn is not None:
            with contextlib.suppress(Exception):
                await self._conn.close()

    def say(self, text: str) -> None:
        if not self.conversation_id:
            return
        client_msg_id = str(uuid.uuid4())
        self._pending[client_msg_id] = text
        self.ledger.written(client_msg_id, self.conversation_id, self.customer_id)
        self._wake.set()

    @property
    def unsent(self) -> int:
        return len(self._pending)

    def visible_duplicates(self) -> int:
        ids = [e.client_msg_id for e in self.events.values() if e.client_msg_id]
        return len(ids) - len(set(ids))

    def view_gaps(self) -> int:
        return max(self.events, default=0) - len(self.events)

    async def _run(self, url: str) -> None:
        attempt = 0
        while True:
            try:
                conn = await Connection.open(
                    url, customer_token=self.token, client_name="chaos-customer", on_frame=self._on_frame
                )
            except (OSError, TimeoutError, ConnectionLost, RequestFailed, Exception):
                await asyncio.sleep(self.backoff.delay(attempt))
                attempt += 1
                continue
            attempt = 0
            self._conn = conn
            try:
                await self._serve(conn)
            except (ConnectionLost, TimeoutError, RequestFailed):
                pass
            finally:
                self._conn = None
                self.presence.down()
                with contextlib.suppress(Exception):
                    await conn.close()

    async def _serve(self, conn: Connection) -> None:
        if self.token is None:
            joined = await conn.request(
                CustomerJoin(id=self._id(), display_name=self.name, lang="en", join_key=self.join_key), CustomerJoined
            )
            self.token, self.customer_id, self.conversation_id = (
                joined.customer_token,
                joined.customer_id,
                joined.conversation_id,
            )
        after = max(self.events, default=0)
        await conn.request(Resume(id=self._id(), positions={self.conversation_id: after}), Resumed)
        self.presence.up()
        drain = asyncio.create_task(self._drain(conn))
        closed = asyncio.create_task(conn.closed.wait())
        try:
            await asyncio.wait({drain, closed}, return_when=asyncio.FIRST_COMPLETED)
            if drain.done():
                drain.result()
        finally:
            for task in (drain, closed):
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError, ConnectionLost, TimeoutError, RequestFailed):
                    await task

    async def _drain(self, conn: Connection) -> None:
        while True:
            self._wake.clear()
            for client_msg_id, text in list(self._pending.items()):
                await self._deliver(conn, client_msg_id, text)
            await self._wake.wait()

    async def _deliver(self, conn: Connection, client_msg_id: str, text: str) -> None:
        message = Send(id=self._id(), conversation_id=self.conversation_id, client_msg_id=client_msg_id, text=text)
        try:
            ack = await conn.request(message, Ack)
        except RequestFailed as refused:
            if refused.code in TRANSIENT_ERRORS:
                self.refusals.append(refused.error.message)
                await asyncio.sleep(self.backoff.first)
                self._wake.set()
                return
            self.ledger.failed(client_msg_id, refused.error.message)
            self._pending.pop(client_msg_id, None)
            return
        self._pending.pop(client_msg_id, None)
        self.ledger.acked(client_msg_id, ack.seq)

    def _on_frame(self, frame: ServerMessage) -> None:
        if not isinstance(frame, Event) or frame.conversation_id != self.conversation_id:
            return
        if frame.kind is EventKind.ASSIGNED:
            self.assigned = True
        if frame.seq in self.events:
            return  # a replay of what the page shows already
        self.events[frame.seq] = frame
        if frame.kind is EventKind.MESSAGE:
            self.ledger.seen(frame.client_msg_id, frame.seq, self.customer_id)

    def _id(self) -> str:
        return f"c{next(self._ids)}"
