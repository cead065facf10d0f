"""The desk's link to the server: connect, resume, resend, reconnect.

A :class:`DeskSession` owns one connection at a time. When it drops, the
session reconnects with backoff, resumes from the last positions the desk saw
and flushes the durable outbox, resending each message with its original
client_msg_id so the server stores it once. Qt-free: the desk adapts the
listener callbacks to signals.
"""

from __future__ import annotations

import asyncio
import contextlib
import enum
import itertools
import logging
import random
import ssl
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

import msgspec
from websockets.exceptions import InvalidHandshake, InvalidURI

from agent_desk.client.chats import Delivery
from agent_desk.client.connection import Connection, ConnectionLost, RequestFailed
from agent_desk.client.outbox import AsyncOutbox, OutboxEntry
from agent_desk.protocol import encode
from agent_desk.protocol.errors import ErrorCode
from agent_desk.protocol.messages import (
    Ack,
    Error,
    Event,
    EventKind,
    LoginOk,
    Resume,
    Resumed,
    Role,
    Send,
    ServerMessage,
    Typing,
    UserInfo,
)

T = TypeVar("T")
log = logging.getLogger(__name__)

TRANSIENT_ERRORS = frozenset({ErrorCode.RATE_LIMITED, ErrorCode.STORAGE_UNAVAILABLE, ErrorCode.INTERNAL})
"""Send errors worth retrying as they are; every other refusal marks the message failed."""


HEARTBEAT_SECONDS = 3.0
"""Ping interval and pong timeout of the desk's link."""
CLOSE_SECONDS = 2.0
"""How long a link whose pong never came may take to close. With the heartbeat, a dead
link (a stalled network, a vanished server) is noticed within 3 + 3 + 2 = 8 s (< 10 s)."""


class SessionState(enum.StrEnum):
    CONNECTING = "connecting"
    ONLINE = "online"
    RECONNECTING = "reconnecting"
    SIGNED_OUT = "signed_out"
    """The server refused the token (expired or revoked): log in again."""
    STOPPED = "stopped"


class NotConnected(Exception):
    """A request was made while the session has no live connection."""


class SessionListener(Protocol):
    """What the session reports. Called on the event loop, in order."""

    def on_state(self, state: SessionState, detail: str) -> None: ...

    def on_frame(self, frame: ServerMessage) -> None: ...

    def on_resumed(self, missed_messages: int, reconnect: bool) -> None: ...

    def on_delivery(self, entry: OutboxEntry, delivery: Delivery, error: str) -> None: ...


@dataclass(slots=True)
class Backoff:
    """Reconnect delays: doubling from ``first`` up to ``cap``, with jitter."""

    first: float = 0.5
    cap: float = 1.0
    """Low on purpose: a desk is back within about a second of the server (bench.chaos checks 2 s).
    Connecting to a server that is down costs a refused TCP connect, nothing more."""
    jitter: float = 0.2
    rng: random.Random = field(default_factory=random.Random)

    def delay(self, attempt: int) -> float:
        base = min(self.cap, self.first * 2.0 ** min(attempt, 30))
        return base * (1 + self.rng.uniform(-self.jitter, self.jitter))


Connector = Callable[..., Awaitable[Connection]]


async def log_in(url: str, username: str, password: str, *, connector: Connector = Connection.open) -> LoginOk:
    """Exchange a password for a session token on a short-lived connection."""
    conn = await connector(url, client_name="agent-desk-login")
    try:
        return await conn.login(username, password)
    finally:
        await conn.close()


class DeskSession:
    def __init__(
        self,
        url: str,
        token: str,
        outbox: AsyncOutbox,
        listener: SessionListener,
        *,
        positions: Callable[[], dict[str, int]],
        backoff: Backoff | None = None,
        connector: Connector = Connection.open,
        heartbeat_seconds: float = HEARTBEAT_SECONDS,
        describe_refusal: Callable[[Error], str] = lambda error: error.message,
    ) -> None:
        """``describe_refusal`` words a refused message's reason for the agent: it is kept
        with the message in the outbox and shown next to it (the desk passes its translated
        ``error_text``; the server's own words by default)."""
        self.url = url
        self._describe_refusal = describe_refusal
        self.token = token
        self.user: UserInfo | None = None
        self.server_offset = 0.0
        """Server clock minus ours, from the last welcome: for waiting times."""
        self._outbox = outbox
        self._listener = listener
        self._positions = positions
        self._backoff = backoff or Backoff()
        self._connector = connector
        self._heartbeat = heartbeat_seconds
        self._ids = itertools.count(1)
        self._conn: Connection | None = None
        self._wake = asyncio.Event()
        self._runner: asyncio.Task[None] | None = None
        self._missed = 0
        self._counting_missed = False
        self.state = SessionState.STOPPED

    # ------------------------------------------------------------ lifecycle

    def start(self) -> None:
        if self._runner is None or self._runner.done():
            self._runner = asyncio.create_task(self._run(), name="desk-session")

    async def stop(self) -> None:
        if self._runner is not None:
            self._runner.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._runner
            self._runner = None
        self._set_state(SessionState.STOPPED, "")

    @property
    def replaying(self) -> bool:
        """True while a resume replays missed events (they are not live news)."""
        return self._counting_missed

    @property
    def online(self) -> bool:
        return self._conn is not None and self.state is SessionState.ONLINE

    async def drop_connection(self) -> None:
        """Abort the socket as a network failure would (for tests and diagnostics)."""
        if self._conn is not None:
            await self._conn.abort()

    async def _run(self) -> None:
        attempt = 0
        reconnect = False
        while True:
            self._set_state(SessionState.RECONNECTING if reconnect else SessionState.CONNECTING, "")
            try:
                conn = await self._connect()
            except RequestFailed as refused:
                if refused.code not in TRANSIENT_ERRORS:
                    self._set_state(SessionState.SIGNED_OUT, refused.error.message)
                    return
                log.info("the server could not take the hello (%s); retrying", refused)
                await asyncio.sleep(self._backoff.delay(attempt))
                attempt, reconnect = attempt + 1, True
                continue
            except ssl.SSLCertVerificationError as untrusted:
                # Retrying cannot help, and the agent must not be taught to ignore it.
                self._set_state(SessionState.STOPPED, f"the server's certificate is not trusted: {untrusted}")
                return
            except (OSError, InvalidHandshake, TimeoutError, ConnectionLost) as exc:
                log.info("connect failed (%s); retrying", exc)
                await asyncio.sleep(self._backoff.delay(attempt))
                attempt, reconnect = attempt + 1, True
                continue
            except InvalidURI as exc:
                self._set_state(SessionState.STOPPED, str(exc))
                return
            attempt = 0
            await self._serve(conn, reconnect)
            reconnect = True

    async def _connect(self) -> Connection:
        return await self._connector(
            self.url,
            token=self.token,
            client_name="agent-desk",
            on_frame=self._on_frame,
            ping_interval=self._heartbeat,
            ping_timeout=self._heartbeat,
            close_timeout=CLOSE_SECONDS,
        )

    async def _serve(self, conn: Connection, reconnect: bool) -> None:
        """Resume, flush the outbox, then wait until this connection ends."""
        self._conn = conn
        drain: asyncio.Task[None] | None = None
        try:
            welcome = conn.welcome
            if welcome is not None:
                self.user = welcome.user
                self.server_offset = welcome.server_time - time.time()
            missed = await self._resume(conn)
            self._set_state(SessionState.ONLINE, "")
            self._listener.on_resumed(missed, reconnect)
            drain = asyncio.create_task(self._drain(conn), name="outbox-drain")
            await asyncio.wait({drain, asyncio.ensure_future(conn.closed.wait())}, return_when=asyncio.FIRST_COMPLETED)
        except (ConnectionLost, TimeoutError):
            pass
        finally:
            self._conn = None
            if drain is not None:
                drain.cancel()
                with contextlib.suppress(asyncio.CancelledError, ConnectionLost, TimeoutError):
                    await drain
            await conn.close()

    async def _resume(self, conn: Connection) -> int:
        """Replay what was missed; returns how many customer messages arrived meanwhile."""
        self._missed, self._counting_missed = 0, True
        try:
            await conn.request(Resume(id=self.new_id(), positions=self._positions()), Resumed)
        finally:
            self._counting_missed = False
        return self._missed

    def _on_frame(self, frame: ServerMessage) -> None:
        if (
            self._counting_missed
            and isinstance(frame, Event)
            and frame.kind is EventKind.MESSAGE
            and frame.author_role is Role.CUSTOMER
        ):
            self._missed += 1
        self._listener.on_frame(frame)

    def _set_state(self, state: SessionState, detail: str) -> None:
        if state is not self.state or detail:
            self.state = state
            self._listener.on_state(state, detail)

    # ------------------------------------------------------------ requests

    def new_id(self) -> str:
        return f"d{next(self._ids)}"

    async def request(self, message: msgspec.Struct, expect: type[T], timeout: float = 10.0) -> T:
        """Send a request on the live connection. Raises NotConnected when offline."""
        conn = self._conn
        if conn is None:
            raise NotConnected("not connected to the server")
        return await conn.request(message, expect, timeout)

    async def typing(self, conversation_id: str, active: bool) -> None:
        """Best effort: typing notices are not worth queueing."""
        if self._conn is not None:
            with contextlib.suppress(ConnectionLost):
                await self._conn.send_raw(encode(Typing(conversation_id=conversation_id, active=active)))

    # ------------------------------------------------------------ outbox

    async def send(self, conversation_id: str, text: str) -> OutboxEntry:
        """Store the message durably, show it as pending, then deliver when online."""
        entry = await self._outbox.add(conversation_id, text)
        self._listener.on_delivery(entry, Delivery.PENDING, "")
        self._wake.set()
        return entry

    async def retry(self, client_msg_id: str) -> None:
        entry = await self._outbox.retry(client_msg_id)
        if entry is not None:
            self._listener.on_delivery(entry, Delivery.PENDING, "")
            self._wake.set()

    async def cancel(self, client_msg_id: str) -> OutboxEntry | None:
        return await self._outbox.cancel(client_msg_id)

    async def unsent(self) -> list[OutboxEntry]:
        return await self._outbox.unacked()

    async def _drain(self, conn: Connection) -> None:
        """Deliver pending messages in order, one at a time, until the link drops."""
        while True:
            self._wake.clear()
            for entry in await self._outbox.pending():
                if not await self._deliver(conn, entry):
                    break  # start again from the oldest, so that nothing overtakes it
            await self._wake.wait()

    async def _deliver(self, conn: Connection, entry: OutboxEntry) -> bool:
        """Send one message; False when it must be tried again (a transient refusal)."""
        await self._outbox.record_attempt(entry.client_msg_id)
        message = Send(
            id=self.new_id(), conversation_id=entry.conversation_id, client_msg_id=entry.client_msg_id, text=entry.text
        )
        try:
            await conn.request(message, Ack)
        except RequestFailed as refused:
            if refused.code in TRANSIENT_ERRORS:
                await asyncio.sleep(refused.error.retry_after or self._backoff.first)
                self._wake.set()
                return False
            reason = self._describe_refusal(refused.error)
            await self._outbox.failed(entry.client_msg_id, reason)
            self._listener.on_delivery(entry, Delivery.FAILED, reason)
            return True
        await self._outbox.acked(entry.client_msg_id)
        self._listener.on_delivery(entry, Delivery.DELIVERED, "")
        return True
