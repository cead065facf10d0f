"""The frame rate limit over a real socket: refusals name their request, and clients stay under it.

The chaos run found the failure this guards against: a desk back online with an outbox
longer than the server's burst sent it as fast as acks came, the frame past the burst got
an unnamed ``rate_limited``, its request waited out its 10 s timeout, the link was dropped
and the next connection did the same, so the backlog never drained.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from websockets.asyncio.client import connect

from agent_desk.client.chats import Delivery
from agent_desk.client.connection import Connection
from agent_desk.client.outbox import AsyncOutbox, OutboxEntry, account_key_for
from agent_desk.client.session import Connector, DeskSession, SessionState, log_in
from agent_desk.protocol import decode_server
from agent_desk.protocol.codec import encode
from agent_desk.protocol.errors import ErrorCode
from agent_desk.protocol.limits import PROTOCOL_VERSION, Limits
from agent_desk.protocol.messages import Error, Event, EventKind, Hello, Ping, Pong, Role, ServerMessage, Welcome
from support import make_config, serving, wait_until

pytestmark = pytest.mark.e2e

BURST = Limits().rate_burst


async def test_a_refused_frame_is_named_and_says_when_to_retry(tmp_path: Path) -> None:
    async with serving(make_config(tmp_path)) as server:
        socket = await connect(server.url, compression=None)
        await socket.send(encode(Hello(id="h", versions=[PROTOCOL_VERSION], client="raw")))
        assert isinstance(decode_server(await socket.recv()), Welcome)
        sent = [f"p{i}" for i in range(BURST + 5)]  # past the burst, short of a flood
        for request_id in sent:
            await socket.send(encode(Ping(id=request_id)))
        replies = [decode_server(await socket.recv()) for _ in sent]
        refused = [r for r in replies if isinstance(r, Error)]
        answered = [r.ref for r in replies if isinstance(r, Pong)]
        assert refused, "some frames past the burst must be refused"
        assert all(r.code is ErrorCode.RATE_LIMITED for r in refused)
        assert all(r.retry_after is not None and 0 < r.retry_after < 1 for r in refused)
        # Every request got exactly one answer that names it: a pong or a refusal.
        assert sorted([r.ref or "" for r in refused] + answered) == sorted(sent)
        await socket.close()


async def test_an_unreadable_frame_over_the_limit_is_refused_without_a_ref(tmp_path: Path) -> None:
    async with serving(make_config(tmp_path)) as server:
        socket = await connect(server.url, compression=None)
        await socket.send(encode(Hello(id="h", versions=[PROTOCOL_VERSION], client="raw")))
        await socket.recv()
        for _ in range(BURST):
            await socket.send(json.dumps({"type": "ping", "id": "x"}))
        await socket.send("{not json")
        replies = [decode_server(await socket.recv()) for _ in range(BURST + 1)]
        last = replies[-1]
        assert isinstance(last, Error)
        assert last.code is ErrorCode.RATE_LIMITED
        assert last.ref is None
        await socket.close()


class Listener:
    """What a desk's window would be told: states, frames and deliveries."""

    def __init__(self) -> None:
        self.states: list[SessionState] = []
        self.delivered: list[str] = []
        self.failed: list[str] = []

    def on_state(self, state: SessionState, detail: str) -> None:
        self.states.append(state)

    def on_frame(self, frame: ServerMessage) -> None:
        pass

    def on_resumed(self, missed_messages: int, reconnect: bool) -> None:
        pass

    def on_delivery(self, entry: OutboxEntry, delivery: Delivery, error: str) -> None:
        if delivery is Delivery.DELIVERED:
            self.delivered.append(entry.client_msg_id)
        elif delivery is Delivery.FAILED:
            self.failed.append(error)


async def _messages_shown(shopper: Connection, count: int) -> list[str]:
    """The client_msg_ids of the first ``count`` messages the customer is shown, in order."""
    seen: list[str] = []

    def shown() -> bool:
        while not shopper.events.empty():
            frame = shopper.events.get_nowait()
            if isinstance(frame, Event) and frame.kind is EventKind.MESSAGE:
                seen.append(frame.client_msg_id or "")
        return len(seen) >= count

    await wait_until(shown)
    return seen


def counting(
    method: Callable[[str], Awaitable[OutboxEntry | None]], calls: list[str]
) -> Callable[[str], Coroutine[Any, Any, OutboxEntry | None]]:
    async def counted(client_msg_id: str) -> OutboxEntry | None:
        calls.append(client_msg_id)
        return await method(client_msg_id)

    return counted


@dataclass(slots=True)
class Drained:
    written: list[str]
    """The backlog's client_msg_ids, in the order written."""
    attempts: list[str]
    """Each send of a message, in order: a refused one appears twice."""
    seen: list[str]
    """What the customer was shown, in order."""
    listener: Listener


async def drain_backlog(tmp_path: Path, backlog: int, connector: Connector = Connection.open) -> Drained:
    """A desk that wrote ``backlog`` replies while offline comes online and sends them all."""
    async with serving(make_config(tmp_path / "server")) as server:
        server.accounts.add_user("mei", "pw-mei", Role.AGENT)
        shopper = await Connection.open(server.url, client_name="shopper")
        conversation_id = (await shopper.join_as_customer("顾客")).conversation_id
        await shopper.resume({})
        token = (await log_in(server.url, "mei", "pw-mei")).token
        outbox = await AsyncOutbox.open(tmp_path / "outbox.sqlite3", account_key_for(server.url, "mei"))
        # Written while offline: the chat is assigned when the desk first resumes.
        written = [(await outbox.add(conversation_id, f"reply {i}")).client_msg_id for i in range(backlog)]
        attempts: list[str] = []
        outbox.record_attempt = counting(outbox.record_attempt, attempts)  # type: ignore[method-assign,assignment]
        listener = Listener()
        session = DeskSession(server.url, token, outbox, listener, positions=dict, connector=connector)
        session.start()
        try:
            await wait_until(lambda: len(listener.delivered) == backlog, units=20)
            seen = await _messages_shown(shopper, backlog)
        finally:
            await session.stop()
            await outbox.aclose()
            await shopper.close()
    return Drained(written, attempts, seen, listener)


async def test_an_outbox_far_longer_than_the_burst_drains_without_a_refusal(tmp_path: Path) -> None:
    drained = await drain_backlog(tmp_path, BURST * 2)
    assert drained.listener.delivered == drained.written, "each delivered once, in the order written"
    assert drained.seen == drained.written, "the customer sees each once, in order"
    assert drained.attempts == drained.written, "no message was refused and sent again"
    assert SessionState.RECONNECTING not in drained.listener.states, "the link was never dropped"
    assert drained.listener.failed == []


async def test_a_client_that_does_not_pace_still_delivers_its_backlog_once_and_in_order(tmp_path: Path) -> None:
    """Refusals past the burst are retried from the oldest message, so none overtakes another."""

    async def unpaced(url: str, **options: Any) -> Connection:
        return await Connection.open(url, paced=False, **options)

    drained = await drain_backlog(tmp_path, BURST * 2, unpaced)
    assert len(drained.attempts) > len(drained.written), "the server refused some: this must exercise the retry"
    assert drained.listener.delivered == drained.written
    assert drained.seen == drained.written
    assert drained.listener.failed == []
