"""One WebSocket session with the server, as plain asyncio.

The connection matches replies to requests by id and hands every unsolicited
frame (events, assignments, typing, queue positions) to ``events``. It knows
nothing about Qt; the desk, the simulator and the tests all drive it.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import ssl
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import msgspec
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from agent_desk.protocol import PROTOCOL_VERSION, ProtocolError, decode_server, encode
from agent_desk.protocol.errors import ErrorCode
from agent_desk.protocol.messages import (
    Ack,
    CustomerJoin,
    CustomerJoined,
    Error,
    Event,
    Hello,
    Login,
    LoginOk,
    Resume,
    Resumed,
    Send,
    ServerMessage,
    Typing,
    Welcome,
)
from agent_desk.protocol.rate import TokenBucket, client_pace
from agent_desk.protocol.redaction import redacted_logger

T = TypeVar("T")
log = logging.getLogger(__name__)


class RequestFailed(Exception):
    """The server answered a request with an ``error`` frame."""

    def __init__(self, error: Error) -> None:
        super().__init__(f"{error.code}: {error.message}")
        self.error = error

    @property
    def code(self) -> ErrorCode:
        return self.error.code


class ConnectionLost(Exception):
    """The socket closed before the reply arrived."""


def client_ssl_context(url: str, ca_file: str | Path | None = None) -> ssl.SSLContext | None:
    """The verifying context for a ``wss://`` URL (None for ``ws://``).

    Host names and certificates are checked as a browser would; ``ca_file``
    adds trust in a private CA without turning any check off.
    """
    if not url.lower().startswith("wss://"):
        return None
    context = ssl.create_default_context(ssl.Purpose.SERVER_AUTH)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    if ca_file is not None:
        context.load_verify_locations(cafile=str(ca_file))
    return context


class Connection:
    """A connected, hello'd session. Create with :meth:`open`."""

    def __init__(
        self, socket: ClientConnection, client_name: str, on_frame: Callable[[ServerMessage], None] | None = None
    ) -> None:
        self._socket = socket
        self._client_name = client_name
        self._on_frame = on_frame
        self._ids = itertools.count(1)
        self._pending: dict[str, asyncio.Future[ServerMessage]] = {}
        self.events: asyncio.Queue[ServerMessage] = asyncio.Queue()
        """Unsolicited frames, when no ``on_frame`` callback was given."""
        self.positions: dict[str, int] = {}
        """Highest event seq seen per conversation: what to resume from."""
        self.welcome: Welcome | None = None
        self.closed = asyncio.Event()
        self._pace: TokenBucket | None = None
        """Set from the welcome's limits: frames wait their turn rather than be refused."""
        self._reader = asyncio.create_task(self._read_loop(), name=f"{client_name}-reader")

    @classmethod
    async def open(
        cls,
        url: str,
        *,
        token: str | None = None,
        customer_token: str | None = None,
        client_name: str = "agent-desk",
        origin: str | None = None,
        open_timeout: float = 10.0,
        on_frame: Callable[[ServerMessage], None] | None = None,
        ping_interval: float | None = 20.0,
        ping_timeout: float | None = 20.0,
        ca_file: str | Path | None = None,
        ssl_context: ssl.SSLContext | None = None,
        close_timeout: float | None = 10.0,
        paced: bool = True,
    ) -> Connection:
        """Connect, say hello and wait for the welcome.

        ``on_frame`` receives every unsolicited frame in order, on the read
        loop, before any later reply resolves its request; without it they go
        to ``events``. Keepalive pings detect a dead link within
        ``ping_interval + ping_timeout + close_timeout`` seconds: after a
        missed pong the closing handshake still waits ``close_timeout`` for
        a peer that may never answer.

        A ``wss://`` server's certificate is always verified: against the
        system's trusted CAs plus ``ca_file`` (a PEM bundle, e.g. a
        self-signed server's own certificate). ``ssl_context`` replaces both.

        Once welcomed, frames are paced under the limits the welcome announces;
        ``paced=False`` sends them as fast as the socket takes them (a client
        that does not pace, for tests of the server's side).

        Raises:
            RequestFailed: the server refused the hello (e.g. expired token).
            ssl.SSLCertVerificationError: the server's certificate is not trusted.
            OSError: the server cannot be reached.
        """
        headers = {"Authorization": f"Bearer {token}"} if token else None
        socket = await connect(
            url,
            additional_headers=headers,
            origin=origin,  # type: ignore[arg-type]
            open_timeout=open_timeout,
            max_size=2**20,
            compression=None,
            ping_interval=ping_interval,
            ping_timeout=ping_timeout,
            ssl=ssl_context or client_ssl_context(url, ca_file),
            logger=redacted_logger("websockets.client"),
            close_timeout=close_timeout,
        )
        conn = cls(socket, client_name, on_frame)
        try:
            reply = await conn.request(
                Hello(
                    id=conn.next_id(),
                    versions=[PROTOCOL_VERSION],
                    client=client_name,
                    customer_token=customer_token,
                ),
                Welcome,
            )
        except BaseException:
            await conn.close()
            raise
        conn.welcome = reply
        if paced:
            conn._pace = client_pace(reply.limits.rate_per_second, reply.limits.rate_burst)
        return conn

    def next_id(self) -> str:
        return str(next(self._ids))

    async def request(self, message: msgspec.Struct, expect: type[T], timeout: float = 10.0) -> T:
        """Send a request and wait for the reply whose ref is its id."""
        request_id: str = message.id  # type: ignore[attr-defined]
        future: asyncio.Future[ServerMessage] = asyncio.get_running_loop().create_future()
        self._pending[request_id] = future
        try:
            await self.send_raw(encode(message))
            reply = await asyncio.wait_for(future, timeout)
        finally:
            self._pending.pop(request_id, None)
        if isinstance(reply, Error):
            raise RequestFailed(reply)
        if not isinstance(reply, expect):
            raise ProtocolError(ErrorCode.BAD_FRAME, f"expected {expect.__name__}, got {type(reply).__name__}")
        return reply

    async def send_raw(self, frame: str | bytes) -> None:
        """Send one frame, paced under the server's rate limit.

        A backlog (an outbox after a long time offline) would otherwise run
        past the server's burst and have its frames refused one by one.
        """
        if self._pace is not None:
            delay = self._pace.reserve(asyncio.get_running_loop().time())
            if delay > 0:
                await asyncio.sleep(delay)
        try:
            await self._socket.send(frame)
        except ConnectionClosed as exc:
            raise ConnectionLost(str(exc)) from exc

    # ------------------------------------------------------------ conveniences

    async def login(self, username: str, password: str) -> LoginOk:
        return await self.request(Login(id=self.next_id(), username=username, password=password), LoginOk)

    async def join_as_customer(self, display_name: str, lang: str = "zh") -> CustomerJoined:
        message = CustomerJoin(id=self.next_id(), display_name=display_name, lang=lang)  # type: ignore[arg-type]
        return await self.request(message, CustomerJoined)

    async def send_text(self, conversation_id: str, text: str, client_msg_id: str | None = None) -> Ack:
        message = Send(
            id=self.next_id(),
            conversation_id=conversation_id,
            client_msg_id=client_msg_id or str(uuid.uuid4()),
            text=text,
        )
        return await self.request(message, Ack)

    async def resume(self, positions: dict[str, int] | None = None) -> Resumed:
        wanted = dict(self.positions if positions is None else positions)
        return await self.request(Resume(id=self.next_id(), positions=wanted), Resumed)

    async def typing(self, conversation_id: str, active: bool) -> None:
        await self.send_raw(encode(Typing(conversation_id=conversation_id, active=active)))

    async def next_event(self, kind: type[T], timeout: float = 10.0, where: object = None) -> T:
        """Wait for the next unsolicited frame of ``kind`` (others are dropped).

        ``where`` is an optional predicate taking the frame.
        """

        async def wait() -> T:
            while True:
                frame = await self.events.get()
                if isinstance(frame, kind) and (where is None or where(frame)):  # type: ignore[operator]
                    return frame

        return await asyncio.wait_for(wait(), timeout)

    async def close(self) -> None:
        await self._socket.close()
        self._reader.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._reader

    async def abort(self) -> None:
        """Drop the TCP connection without a closing handshake, like a network failure."""
        transport = self._socket.transport
        transport.abort()
        self._reader.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._reader

    # ------------------------------------------------------------ internals

    async def _read_loop(self) -> None:
        try:
            async for frame in self._socket:
                try:
                    message = decode_server(frame)
                except ProtocolError:
                    log.warning("ignoring a frame this client cannot read: %.200r", frame)
                    continue
                self._dispatch(message)
        except ConnectionClosed:
            pass
        finally:
            self.closed.set()
            for future in self._pending.values():
                if not future.done():
                    future.set_exception(ConnectionLost("connection closed"))
                    # Marked as read: a requester cancelled at this same moment never reads
                    # it, and asyncio would log "Future exception was never retrieved".
                    future.exception()

    def _dispatch(self, message: ServerMessage) -> None:
        ref = getattr(message, "ref", None)
        if ref is not None and ref in self._pending:
            future = self._pending[ref]
            if not future.done():
                future.set_result(message)
            return
        if isinstance(message, Event) and message.seq > self.positions.get(message.conversation_id, 0):
            self.positions[message.conversation_id] = message.seq
        if self._on_frame is not None:
            self._on_frame(message)
        else:
            self.events.put_nowait(message)

    @property
    def close_code(self) -> int | None:
        return self._socket.close_code

    @property
    def close_reason(self) -> str | None:
        return self._socket.close_reason
