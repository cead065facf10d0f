"""Small helpers over :class:`~agent_desk.client.connection.Connection` for simulated people."""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from typing import Any

from agent_desk.client.connection import Connection, ConnectionLost, RequestFailed
from agent_desk.protocol.errors import ErrorCode
from agent_desk.protocol.messages import Ack, ServerMessage

_SEND_ATTEMPTS = 5


async def next_frame(conn: Connection, timeout: float | None) -> ServerMessage | None:
    """The next unsolicited frame, or None after ``timeout`` seconds.

    Unlike ``Connection.next_event`` this drops nothing and notices a closed socket at once.

    Raises:
        ConnectionLost: the connection closed and no frame is left to read.
    """
    if not conn.events.empty():
        return conn.events.get_nowait()
    if conn.closed.is_set():
        raise ConnectionLost("connection closed")
    getter = asyncio.create_task(conn.events.get(), name="sim-next-frame")
    closer = asyncio.create_task(conn.closed.wait(), name="sim-wait-closed")
    try:
        done, _ = await asyncio.wait({getter, closer}, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
    finally:
        await _cancel(closer)
        if not getter.done():
            await _cancel(getter)
    if getter in done or (getter.done() and not getter.cancelled()):
        return getter.result()
    if closer in done:
        raise ConnectionLost("connection closed")
    return None


async def _cancel(task: asyncio.Task[Any]) -> None:
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task


async def send_message(conn: Connection, conversation_id: str, text: str, *, backoff: float = 0.5) -> Ack | None:
    """Send a chat message, retrying with the same client_msg_id when rate-limited.

    Returns the server's ack, or None when the chat closed (or moved away) meanwhile.
    """
    client_msg_id = str(uuid.uuid4())
    for attempt in range(1, _SEND_ATTEMPTS + 1):
        try:
            ack = await conn.send_text(conversation_id, text, client_msg_id)
        except RequestFailed as exc:
            if exc.code in (ErrorCode.INVALID_STATE, ErrorCode.NOT_FOUND):
                return None
            if exc.code is not ErrorCode.RATE_LIMITED or attempt == _SEND_ATTEMPTS:
                raise
            await asyncio.sleep(backoff * attempt)
        else:
            return ack
    raise AssertionError("unreachable")
