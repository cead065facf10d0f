"""One connected participant: identity, an outbound queue, and a rate limit.

Frames to a peer go through a bounded queue drained by the peer's own writer
task, so one slow reader never holds up the fan-out to everybody else. A peer
whose queue overflows is closed with 1013 (try again later) and resumes.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

import msgspec
from websockets.asyncio.server import ServerConnection
from websockets.exceptions import ConnectionClosed

from agent_desk.protocol import encode
from agent_desk.protocol.errors import CLOSE_POLICY_VIOLATION, CLOSE_TRY_AGAIN_LATER
from agent_desk.protocol.messages import Role
from agent_desk.protocol.rate import TokenBucket
from agent_desk.server.accounts import User
from agent_desk.server.conversations import Author, Customer

log = logging.getLogger(__name__)


class Peer:
    """A WebSocket connection after hello, with who is on the other end."""

    def __init__(self, socket: ServerConnection, *, queue_frames: int, rate: float, burst: int) -> None:
        self.socket = socket
        self.user: User | None = None
        self.customer: Customer | None = None
        self.token: str | None = None
        self.session_expires: float | None = None
        """When the staff session behind ``token`` ends, on the server's clock."""
        self.subscribed = False
        """True once the peer has resumed: from then on it gets live events."""
        self.bucket = TokenBucket(rate, burst)
        # Items: a frame to send, or a (code, reason) close that waits for the
        # frames queued before it, so an error reaches the peer before the close.
        self._outbound: asyncio.Queue[str | tuple[int, str]] = asyncio.Queue(maxsize=queue_frames)
        self._writer = asyncio.create_task(self._write_loop(), name="peer-writer")
        self._closer: asyncio.Task[None] | None = None

    @property
    def author(self) -> Author:
        if self.user is not None:
            return Author(self.user.role, self.user.display_name, self.user.username)
        if self.customer is not None:
            return Author(Role.CUSTOMER, self.customer.display_name, self.customer.id)
        raise RuntimeError("anonymous peers write nothing")

    @property
    def role(self) -> Role | None:
        if self.user is not None:
            return self.user.role
        return Role.CUSTOMER if self.customer is not None else None

    def push(self, message: msgspec.Struct) -> None:
        """Queue a frame without waiting. Overflow closes the peer with 1013."""
        self.push_text(encode(message))

    def push_text(self, frame: str) -> None:
        try:
            self._outbound.put_nowait(frame)
        except asyncio.QueueFull:
            if self._closer is None:  # once per peer: every later frame finds the queue full too
                log.warning("closing slow consumer %s", self.socket.remote_address)
            self.close_later(CLOSE_TRY_AGAIN_LATER, "too slow: reconnect and resume")

    async def push_paced(self, message: msgspec.Struct) -> bool:
        """Queue a frame, waiting for room: for replays, which may outgrow the queue.

        A peer that reads nothing for REPLAY_WAIT_SECONDS is closed with 1013
        as any slow consumer; returns False then (and when already closing).
        """
        if self._closer is not None or self._writer.done():
            return False
        try:
            await asyncio.wait_for(self._outbound.put(encode(message)), REPLAY_WAIT_SECONDS)
        except TimeoutError:
            log.warning("closing slow consumer %s (replay)", self.socket.remote_address)
            self.close_later(CLOSE_TRY_AGAIN_LATER, "too slow: reconnect and resume")
            return False
        return True

    def close_later(self, code: int, reason: str) -> None:
        """Close from synchronous code; the close runs as its own task."""
        if self._closer is None:
            self._closer = asyncio.create_task(self.socket.close(code, reason), name="peer-close")

    def close_after_queued(self, code: int, reason: str) -> None:
        """Close from synchronous code once the frames already queued are sent."""
        try:
            self._outbound.put_nowait((code, reason))
        except asyncio.QueueFull:
            self.close_later(code, reason)

    async def close_for_policy(self, reason: str) -> None:
        """Close with 1008 after the frames already queued have gone out."""
        await self.close_after_flush(CLOSE_POLICY_VIOLATION, reason)

    async def close_after_flush(self, code: int, reason: str) -> None:
        try:
            self._outbound.put_nowait((code, reason))
        except asyncio.QueueFull:
            await self.socket.close(code, reason)
            return
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.shield(self._writer)

    async def stop(self) -> None:
        """Flush what is queued (briefly), then stop; called when the handler returns."""
        if not self._writer.done():
            with contextlib.suppress(asyncio.QueueFull):
                self._outbound.put_nowait((1000, ""))
            try:
                await asyncio.wait_for(asyncio.shield(self._writer), FLUSH_SECONDS)
            except TimeoutError:
                self._writer.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await self._writer
        if self._closer is not None:
            with contextlib.suppress(ConnectionClosed):
                await self._closer

    async def _write_loop(self) -> None:
        with contextlib.suppress(ConnectionClosed):
            while True:
                item = await self._outbound.get()
                if isinstance(item, tuple):
                    await self.socket.close(*item)
                    return
                await self.socket.send(item)


FLUSH_SECONDS = 2.0
"""How long a closing connection may take to send what was queued for it."""
REPLAY_WAIT_SECONDS = 10.0
"""How long a replay waits for room in a peer's queue before closing it as a slow consumer."""
