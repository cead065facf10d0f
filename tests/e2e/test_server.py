"""The reference server over real websockets on loopback, with real SQLite files."""

from __future__ import annotations

import asyncio
import contextlib
import json
import sqlite3
import urllib.request
import uuid
from pathlib import Path

import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed, InvalidStatus

from agent_desk.client.connection import Connection, RequestFailed
from agent_desk.domain.clock import ManualClock
from agent_desk.protocol import decode_server, encode
from agent_desk.protocol.errors import ErrorCode
from agent_desk.protocol.messages import (
    AgentStatus,
    ChatAssigned,
    ChatList,
    ChatOpened,
    CloseChat,
    CustomerJoin,
    CustomerJoined,
    Error,
    Event,
    EventKind,
    EventsPage,
    FetchEvents,
    Hello,
    ListChats,
    Ok,
    OpenChat,
    QueuePosition,
    Rate,
    Role,
    SetCapacity,
    SetStatus,
    TypingNotice,
    Welcome,
)
from agent_desk.server.db import SCHEMA_VERSION
from support import ServerProcess, make_config, serving, staff, timeout, wait_until

pytestmark = pytest.mark.e2e


async def customer(server_url: str, name: str = "顾客") -> tuple[Connection, str, str]:
    """A joined customer: its connection, conversation id and customer token."""
    conn = await Connection.open(server_url, client_name=f"customer-{name}")
    joined = await conn.join_as_customer(name)
    return conn, joined.conversation_id, joined.customer_token


def is_message(event: Event) -> bool:
    return event.kind is EventKind.MESSAGE


# ---------------------------------------------------------------- accounts


async def test_login_ok_and_token_opens_a_new_connection(tmp_path: Path) -> None:
    async with serving(make_config(tmp_path)) as server:
        server.accounts.add_user("mei", "s3cret", Role.AGENT, "小美")
        conn = await Connection.open(server.url)
        ok = await conn.login("mei", "s3cret")
        assert ok.user.role is Role.AGENT
        assert ok.user.display_name == "小美"
        again = await Connection.open(server.url, token=ok.token)
        assert again.welcome is not None
        assert again.welcome.user is not None
        assert again.welcome.user.username == "mei"
        stored = server.db.execute("SELECT token_hash FROM sessions").fetchone()[0]
        assert ok.token not in stored, "the server keeps only a hash of the token"
        await again.close()
        await conn.close()


async def test_bad_password_and_unknown_user_get_bad_credentials(tmp_path: Path) -> None:
    async with serving(make_config(tmp_path)) as server:
        server.accounts.add_user("mei", "s3cret", Role.AGENT)
        conn = await Connection.open(server.url)
        for username, password in (("mei", "wrong"), ("nobody", "s3cret")):
            with pytest.raises(RequestFailed) as failure:
                await conn.login(username, password)
            assert failure.value.code is ErrorCode.BAD_CREDENTIALS
        assert (await conn.login("mei", "s3cret")).user.username == "mei"
        await conn.close()


async def test_expired_and_unknown_tokens_are_refused_with_typed_errors(tmp_path: Path) -> None:
    clock = ManualClock()
    async with serving(make_config(tmp_path, token_ttl_seconds=3600), clock) as server:
        server.accounts.add_user("mei", "s3cret", Role.AGENT)
        conn = await Connection.open(server.url)
        token = (await conn.login("mei", "s3cret")).token
        clock.advance(3601)
        with pytest.raises(RequestFailed) as expired:
            await Connection.open(server.url, token=token)
        assert expired.value.code is ErrorCode.TOKEN_EXPIRED
        with pytest.raises(RequestFailed) as unknown:
            await Connection.open(server.url, token="not-a-token")
        assert unknown.value.code is ErrorCode.TOKEN_INVALID
        await conn.close()


# ---------------------------------------------------------------- routing


async def test_customer_goes_to_the_least_busy_agent_with_room(tmp_path: Path) -> None:
    async with serving(make_config(tmp_path)) as server:
        busy = await staff(server, "busy")
        first, first_conv, _ = await customer(server.url, "一号")
        await busy.next_event(ChatAssigned, timeout())
        idle = await staff(server, "idle")
        second, second_conv, _ = await customer(server.url, "二号")
        assigned = await idle.next_event(ChatAssigned, timeout())
        assert assigned.conversation.conversation_id == second_conv
        assert assigned.conversation.customer_name == "二号"
        assert server.conversations.get(first_conv).agent == "busy"  # type: ignore[union-attr]
        for conn in (first, second, busy, idle):
            await conn.close()


async def test_fifth_chat_queues_with_position_and_is_assigned_when_one_closes(tmp_path: Path) -> None:
    async with serving(make_config(tmp_path)) as server:
        agent = await staff(server, "mei", max_chats=4)
        customers = [await customer(server.url, f"顾客{i}") for i in range(4)]
        for _ in range(4):
            await agent.next_event(ChatAssigned, timeout())
        fifth, fifth_conv, _ = await customer(server.url, "第五位")
        waiting = await fifth.next_event(QueuePosition, timeout(), where=lambda q: q.position > 0)
        assert waiting.position == 1
        sixth, sixth_conv, _ = await customer(server.url, "第六位")
        assert (await sixth.next_event(QueuePosition, timeout())).position == 2

        closing_conv = customers[0][1]
        await agent.request(CloseChat(id=agent.next_id(), conversation_id=closing_conv, wrap_up="resolved"), Ok)
        assigned = await agent.next_event(ChatAssigned, timeout())
        assert assigned.conversation.conversation_id == fifth_conv
        assert (await fifth.next_event(QueuePosition, timeout())).position == 0
        moved_up = await sixth.next_event(QueuePosition, timeout())
        assert moved_up.position == 1
        assert moved_up.conversation_id == sixth_conv
        for conn in [agent, fifth, sixth, *(c for c, _, _ in customers)]:
            await conn.close()


async def test_paused_agent_gets_no_new_chats_and_can_lower_own_limit(tmp_path: Path) -> None:
    async with serving(make_config(tmp_path)) as server:
        agent = await staff(server, "mei")
        await agent.request(SetStatus(id=agent.next_id(), status=AgentStatus.PAUSED), Ok)
        shopper, conv, _ = await customer(server.url)
        assert (await shopper.next_event(QueuePosition, timeout())).position == 1
        await agent.request(SetStatus(id=agent.next_id(), status=AgentStatus.AVAILABLE, max_chats=1), Ok)
        assert (await agent.next_event(ChatAssigned, timeout())).conversation.conversation_id == conv
        other, _, _ = await customer(server.url, "另一位")
        assert (await other.next_event(QueuePosition, timeout())).position == 1, "own limit of 1 is full"
        for conn in (agent, shopper, other):
            await conn.close()


async def test_agent_gone_past_grace_has_chats_requeued_with_history(tmp_path: Path) -> None:
    async with serving(make_config(tmp_path, grace_seconds=0.2)) as server:
        leaving = await staff(server, "leaving")
        shopper, conv, _ = await customer(server.url)
        await leaving.next_event(ChatAssigned, timeout())
        await shopper.send_text(conv, "这件衣服有L码吗?")
        await leaving.send_text(conv, "亲,有的哦")
        await leaving.abort()  # the network drops; no goodbye

        taker = await staff(server, "taker")
        assigned = await taker.next_event(ChatAssigned, timeout())
        assert assigned.conversation.conversation_id == conv
        history = [await taker.next_event(Event, timeout()) for _ in range(assigned.conversation.last_seq)]
        texts = [e.text for e in history if is_message(e)]
        assert texts == ["这件衣服有L码吗?", "亲,有的哦"]
        assert [e.seq for e in history] == list(range(1, len(history) + 1))
        assert any(e.kind is EventKind.REQUEUED for e in history)
        await shopper.send_text(conv, "好的谢谢")
        assert (await taker.next_event(Event, timeout(), where=is_message)).text == "好的谢谢"
        await shopper.close()
        await taker.close()


async def test_agent_back_within_grace_keeps_chats(tmp_path: Path) -> None:
    async with serving(make_config(tmp_path, grace_seconds=30)) as server:
        agent = await staff(server, "mei")
        shopper, conv, _ = await customer(server.url)
        await agent.next_event(ChatAssigned, timeout())
        await agent.abort()
        back = await staff(server, "mei")
        assigned = await back.next_event(ChatAssigned, timeout())
        assert assigned.conversation.conversation_id == conv
        assert server.conversations.get(conv).agent == "mei"  # type: ignore[union-attr]
        await back.close()
        await shopper.close()


# ---------------------------------------------------------------- durable delivery


async def test_resume_replays_exactly_the_missed_events(tmp_path: Path) -> None:
    async with serving(make_config(tmp_path)) as server:
        agent = await staff(server, "mei")
        shopper, conv, token = await customer(server.url)
        await agent.next_event(ChatAssigned, timeout())
        await agent.send_text(conv, "您好")
        await wait_until(lambda: shopper.positions.get(conv, 0) >= 3)
        seen = shopper.positions[conv]
        await shopper.abort()

        missed = ["第一条", "第二条", "第三条"]
        for text in missed:
            await agent.send_text(conv, text)
        back = await Connection.open(server.url, customer_token=token)
        resumed = await back.resume({conv: seen})
        assert resumed.replayed == len(missed)
        replay = [await back.next_event(Event, timeout()) for _ in missed]
        assert [e.text for e in replay] == missed
        assert [e.seq for e in replay] == [seen + 1, seen + 2, seen + 3]
        await agent.send_text(conv, "live again")
        assert (await back.next_event(Event, timeout())).text == "live again"
        await back.close()
        await agent.close()


async def test_duplicate_client_msg_id_stores_one_message_and_returns_same_ack(tmp_path: Path) -> None:
    async with serving(make_config(tmp_path)) as server:
        shopper, conv, _ = await customer(server.url)
        msg_id = str(uuid.uuid4())
        first = await shopper.send_text(conv, "在吗?", client_msg_id=msg_id)
        second = await shopper.send_text(conv, "在吗?", client_msg_id=msg_id)
        assert (second.seq, second.ts, second.conversation_id) == (first.seq, first.ts, first.conversation_id)
        assert second.duplicate
        assert not first.duplicate
        count = server.db.execute("SELECT COUNT(*) FROM events WHERE client_msg_id = ?", (msg_id,)).fetchone()[0]
        assert count == 1
        await shopper.close()


async def test_acked_messages_survive_sigkill_and_clients_resume(tmp_path: Path) -> None:
    process = ServerProcess(tmp_path, "--grace", "30")
    url = process.start()
    try:
        shopper, conv, token = await customer(url)
        acks = [await shopper.send_text(conv, f"消息 {i}") for i in range(40)]
        await shopper.abort()
        process.kill()  # SIGKILL: no chance to flush anything

        url = process.start()
        back = await Connection.open(url, customer_token=token)
        resumed = await back.resume({conv: 0})
        replay = [await back.next_event(Event, timeout()) for _ in range(resumed.replayed)]
        stored = {e.client_msg_id: e for e in replay if is_message(e)}
        for ack in acks:
            assert stored[ack.client_msg_id].seq == ack.seq
        assert [e.seq for e in replay] == list(range(1, len(replay) + 1)), "no gaps"
        more = await back.send_text(conv, "重启以后")
        assert more.seq == len(replay) + 1
        await back.close()
    finally:
        process.stop()
    db = sqlite3.connect(tmp_path / "agentdesk.sqlite3")
    stored_ids = {row[0] for row in db.execute("SELECT client_msg_id FROM events WHERE client_msg_id IS NOT NULL")}
    db.close()
    assert {ack.client_msg_id for ack in acks} <= stored_ids


# ---------------------------------------------------------------- bad input


async def _raw_hello(url: str) -> object:
    socket = await connect(url, compression=None)
    await socket.send(encode(Hello(id="h", versions=[1])))
    assert isinstance(decode_server(await socket.recv()), Welcome)
    return socket


async def _error_for(socket: object, frame: str | bytes) -> Error:
    await socket.send(frame)  # type: ignore[attr-defined]
    reply = decode_server(await socket.recv())  # type: ignore[attr-defined]
    assert isinstance(reply, Error), reply
    return reply


async def test_bad_frames_get_typed_errors_and_the_connection_stays(tmp_path: Path) -> None:
    async with serving(make_config(tmp_path)) as server:
        socket = await _raw_hello(server.url)
        assert (await _error_for(socket, "{not json")).code is ErrorCode.BAD_JSON
        unknown = await _error_for(socket, json.dumps({"type": "teleport", "id": "7"}))
        assert (unknown.code, unknown.ref) == (ErrorCode.UNKNOWN_TYPE, "7")
        missing = await _error_for(socket, json.dumps({"type": "send", "id": "8"}))
        assert (missing.code, missing.ref) == (ErrorCode.BAD_FRAME, "8")
        assert (await _error_for(socket, b"\x00\x01")).code is ErrorCode.BINARY_FRAME
        anonymous_send = {"type": "send", "id": "9", "conversation_id": "c", "client_msg_id": "m", "text": "hi"}
        assert (await _error_for(socket, json.dumps(anonymous_send))).code is ErrorCode.UNAUTHENTICATED
        await socket.send(json.dumps({"type": "ping", "id": "10"}))  # type: ignore[attr-defined]
        assert decode_server(await socket.recv()).ref == "10"  # type: ignore[attr-defined, union-attr]
        await socket.close()  # type: ignore[attr-defined]


async def test_first_frame_must_be_hello_and_versions_must_match(tmp_path: Path) -> None:
    async with serving(make_config(tmp_path)) as server:
        async with connect(server.url) as socket:
            error = await _error_for(socket, json.dumps({"type": "ping", "id": "1"}))
            assert error.code is ErrorCode.HELLO_REQUIRED
        async with connect(server.url) as socket:
            error = await _error_for(socket, encode(Hello(id="1", versions=[99])))
            assert error.code is ErrorCode.VERSION_UNSUPPORTED
            with pytest.raises(ConnectionClosed):
                await socket.recv()
            assert socket.close_code == 1008


async def test_oversize_frame_closes_with_1009_and_server_keeps_serving(tmp_path: Path) -> None:
    async with serving(make_config(tmp_path)) as server:
        socket = await _raw_hello(server.url)
        await socket.send("x" * (64 * 1024 + 1))  # type: ignore[attr-defined]
        with pytest.raises(ConnectionClosed):
            await socket.recv()  # type: ignore[attr-defined]
        assert socket.close_code == 1009  # type: ignore[attr-defined]
        still = await Connection.open(server.url)
        assert still.welcome is not None
        await still.close()


async def _error_codes_until_closed(socket: object) -> list[ErrorCode]:
    codes: list[ErrorCode] = []
    with contextlib.suppress(ConnectionClosed):
        while True:
            reply = decode_server(await socket.recv())  # type: ignore[attr-defined]
            if isinstance(reply, Error):
                codes.append(reply.code)
    return codes


async def test_flood_is_rate_limited_then_closed_with_1008(tmp_path: Path) -> None:
    async with serving(make_config(tmp_path)) as server:
        socket = await _raw_hello(server.url)
        for i in range(1000):
            await socket.send(json.dumps({"type": "ping", "id": str(i)}))  # type: ignore[attr-defined]
        codes = await _error_codes_until_closed(socket)
        assert ErrorCode.RATE_LIMITED in codes
        assert socket.close_code == 1008  # type: ignore[attr-defined]


async def test_action_the_role_may_not_do_is_forbidden(tmp_path: Path) -> None:
    async with serving(make_config(tmp_path)) as server:
        agent = await staff(server, "mei")
        with pytest.raises(RequestFailed) as denied:
            await agent.request(SetCapacity(id=agent.next_id(), username="mei", max_chats=40), Ok)
        assert denied.value.code is ErrorCode.FORBIDDEN
        admin = await staff(server, "boss", Role.ADMIN)
        await admin.request(SetCapacity(id=admin.next_id(), username="mei", max_chats=6), Ok)
        assert server.accounts.get("mei").max_chats == 6  # type: ignore[union-attr]
        shopper, conv, _ = await customer(server.url)
        with pytest.raises(RequestFailed) as not_customer:
            await agent.request(Rate(id=agent.next_id(), conversation_id=conv, rating=5), Ok)
        assert not_customer.value.code is ErrorCode.FORBIDDEN
        for conn in (agent, admin, shopper):
            await conn.close()


async def test_customer_cannot_read_or_write_another_customers_chat(tmp_path: Path) -> None:
    async with serving(make_config(tmp_path)) as server:
        alice, alice_conv, _ = await customer(server.url, "Alice")
        await alice.send_text(alice_conv, "my address is secret")
        mallory, _, _ = await customer(server.url, "Mallory")
        with pytest.raises(RequestFailed) as denied:
            await mallory.send_text(alice_conv, "hi")
        assert denied.value.code is ErrorCode.NOT_FOUND
        resumed = await mallory.resume({alice_conv: 0, "conv_guess": 0})
        assert resumed.replayed == 0
        for conn in (alice, mallory):
            await conn.close()


async def test_browser_origin_must_be_allowed(tmp_path: Path) -> None:
    async with serving(make_config(tmp_path)) as server:
        with pytest.raises(InvalidStatus) as refused:
            await connect(server.url, origin="http://evil.example")  # type: ignore[arg-type]
        assert refused.value.response.status_code == 403
        own = await connect(server.url, origin=server.http_url)  # type: ignore[arg-type]
        await own.close()


# ---------------------------------------------------------------- lifecycle and presence


async def test_close_rate_and_typing_flow(tmp_path: Path) -> None:
    async with serving(make_config(tmp_path)) as server:
        agent = await staff(server, "mei")
        shopper, conv, _ = await customer(server.url)
        await agent.next_event(ChatAssigned, timeout())
        await shopper.typing(conv, True)
        notice = await agent.next_event(TypingNotice, timeout())
        assert (notice.role, notice.active) == (Role.CUSTOMER, True)
        await agent.typing(conv, True)
        assert (await shopper.next_event(TypingNotice, timeout())).role is Role.AGENT
        with pytest.raises(RequestFailed) as early:
            await shopper.request(Rate(id=shopper.next_id(), conversation_id=conv, rating=5), Ok)
        assert early.value.code is ErrorCode.INVALID_STATE
        with pytest.raises(RequestFailed) as no_wrap_up:
            await agent.request(CloseChat(id=agent.next_id(), conversation_id=conv), Ok)
        assert no_wrap_up.value.code is ErrorCode.BAD_FRAME
        await agent.request(CloseChat(id=agent.next_id(), conversation_id=conv, wrap_up="size_advice"), Ok)
        closed = await shopper.next_event(Event, timeout(), where=lambda e: e.kind is EventKind.CLOSED)
        assert closed.detail["wrap_up"] == "size_advice"
        await shopper.request(Rate(id=shopper.next_id(), conversation_id=conv, rating=5), Ok)
        assert server.conversations.get(conv).rating == 5  # type: ignore[union-attr]
        with pytest.raises(RequestFailed) as twice:
            await shopper.send_text(conv, "还在吗")
        assert twice.value.code is ErrorCode.INVALID_STATE
        for conn in (agent, shopper):
            await conn.close()


async def test_requeued_agent_learns_the_chat_was_removed(tmp_path: Path) -> None:
    async with serving(make_config(tmp_path, grace_seconds=0.1)) as server:
        agent = await staff(server, "mei")
        shopper, conv, _ = await customer(server.url)
        await agent.next_event(ChatAssigned, timeout())
        seen = dict(agent.positions)
        await agent.abort()
        await wait_until(lambda: server.conversations.get(conv).agent is None)  # type: ignore[union-attr]
        back = await Connection.open(server.url, token=None)
        await back.login("mei", "pw-mei")
        await back.resume(seen)
        requeued = await back.next_event(Event, timeout())
        assert requeued.kind is EventKind.REQUEUED
        assert requeued.detail == {"from_agent": "mei", "reason": "agent_disconnected"}
        await back.close()
        await shopper.close()


def test_health_and_customer_page_over_http(tmp_path: Path) -> None:
    async def run() -> tuple[dict[str, object], str, str]:
        async with serving(make_config(tmp_path)) as server:
            base = server.http_url

            def fetch(path: str) -> tuple[str, str]:
                with urllib.request.urlopen(base + path, timeout=timeout()) as reply:
                    return reply.headers["Content-Type"], reply.read().decode()

            health_type, health = await asyncio.to_thread(fetch, "/healthz")
            page_type, page = await asyncio.to_thread(fetch, "/")
            assert health_type == "application/json"
            return json.loads(health), page_type, page

    health, page_type, page = asyncio.run(run())
    assert health["status"] == "ok"
    assert health["schema"] == SCHEMA_VERSION
    assert page_type.startswith("text/html")
    assert "<html" in page.lower()


async def test_history_lists_closed_chats_and_a_customers_earlier_chats(tmp_path: Path) -> None:
    async with serving(make_config(tmp_path)) as server:
        agent = await staff(server, "mei")
        shopper, first_conv, _ = await customer(server.url, "回头客")
        await agent.next_event(ChatAssigned, timeout())
        await agent.request(CloseChat(id=agent.next_id(), conversation_id=first_conv, wrap_up="refund"), Ok)
        await shopper.request(Rate(id=shopper.next_id(), conversation_id=first_conv, rating=2), Ok)
        opened = await shopper.request(OpenChat(id=shopper.next_id()), ChatOpened)
        again = await agent.next_event(ChatAssigned, timeout(), where=lambda a: a.conversation.state == "assigned")
        assert again.conversation.conversation_id == opened.conversation_id, "sticky to the same agent"

        mine = await agent.request(ListChats(id=agent.next_id(), scope="mine_closed"), ChatList)
        assert [(c.conversation_id, c.wrap_up, c.rating) for c in mine.chats] == [(first_conv, "refund", 2)]
        context = await agent.request(
            ListChats(id=agent.next_id(), scope="customer", customer_id=again.conversation.customer_id), ChatList
        )
        assert [c.conversation_id for c in context.chats] == [opened.conversation_id, first_conv]

        stranger = await staff(server, "other")
        with pytest.raises(RequestFailed) as denied:
            await stranger.request(
                ListChats(id=stranger.next_id(), scope="customer", customer_id=again.conversation.customer_id),
                ChatList,
            )
        assert denied.value.code is ErrorCode.NOT_FOUND
        for conn in (agent, shopper, stranger):
            await conn.close()


async def test_fetch_events_pages_backwards_through_history(tmp_path: Path) -> None:
    async with serving(make_config(tmp_path)) as server:
        agent = await staff(server, "mei")
        shopper, conv, _ = await customer(server.url)
        await agent.next_event(ChatAssigned, timeout())
        for i in range(25):
            await shopper.send_text(conv, f"问题 {i}")
        last = server.conversations.get(conv).last_seq  # type: ignore[union-attr]
        newest = await agent.request(FetchEvents(id=agent.next_id(), conversation_id=conv, limit=10), EventsPage)
        assert [e.seq for e in newest.events] == list(range(last - 9, last + 1))
        assert newest.more_before
        older = await agent.request(
            FetchEvents(id=agent.next_id(), conversation_id=conv, before_seq=newest.events[0].seq, limit=100),
            EventsPage,
        )
        assert [e.seq for e in older.events] == list(range(1, last - 9))
        assert not older.more_before
        outsider = await staff(server, "outsider")
        with pytest.raises(RequestFailed) as denied:
            await outsider.request(FetchEvents(id=outsider.next_id(), conversation_id=conv), EventsPage)
        assert denied.value.code is ErrorCode.NOT_FOUND
        for conn in (agent, shopper, outsider):
            await conn.close()


async def test_a_retried_join_returns_the_same_customer_and_chat(tmp_path: Path) -> None:
    async with serving(make_config(tmp_path)) as server:
        key = uuid.uuid4().hex
        first = await Connection.open(server.url)
        lost = await first.request(CustomerJoin(id="j1", display_name="掉线的顾客", join_key=key), CustomerJoined)
        await first.send_text(lost.conversation_id, "第一句")
        await first.abort()  # as if the reply never arrived
        second = await Connection.open(server.url)
        again = await second.request(CustomerJoin(id="j1", display_name="掉线的顾客", join_key=key), CustomerJoined)
        assert (again.customer_id, again.conversation_id) == (lost.customer_id, lost.conversation_id)
        replay = await second.next_event(Event, timeout(), where=is_message)
        assert replay.text == "第一句"
        assert server.db.execute("SELECT COUNT(*) FROM customers").fetchone()[0] == 1
        assert server.db.execute("SELECT COUNT(*) FROM conversations").fetchone()[0] == 1
        with pytest.raises(RequestFailed) as stale:
            await Connection.open(server.url, customer_token=lost.customer_token)
        assert stale.value.code is ErrorCode.TOKEN_INVALID
        third = await Connection.open(server.url, customer_token=again.customer_token)
        await third.close()
        await second.close()


async def test_a_waiting_customer_who_comes_back_learns_their_place(tmp_path: Path) -> None:
    async with serving(make_config(tmp_path)) as server:
        ahead, _, _ = await customer(server.url, "排第一")
        waiting, conv, token = await customer(server.url, "排第二")
        await waiting.abort()
        back = await Connection.open(server.url, customer_token=token)
        await back.resume({conv: 0})
        place = await back.next_event(QueuePosition, timeout())
        assert (place.conversation_id, place.position) == (conv, 2)
        for conn in (ahead, back):
            await conn.close()
