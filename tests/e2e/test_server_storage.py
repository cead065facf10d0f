"""The server when its database takes no writes: a full disk or a read-only file.

Real SQLite does the refusing: ``max_page_count`` makes the file full (SQLITE_FULL,
"database or disk is full") and ``query_only`` makes it read-only (SQLITE_READONLY),
both on the server's own connection. bench/chaos also fills a real tmpfs.
"""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path

import pytest

from agent_desk.client.connection import Connection, RequestFailed
from agent_desk.protocol.errors import ErrorCode
from agent_desk.protocol.messages import ChatAssigned, EventKind, EventsPage, FetchEvents, Role
from agent_desk.server.app import Server
from agent_desk.server.conversations import Author
from agent_desk.server.db import transaction
from support import make_config, serving, staff, wait_until

pytestmark = pytest.mark.e2e

LONG = "尺码表在哪里可以看到？" * 300
"""Longer than a page: storing it needs new pages, which a full file cannot give."""


def fill_up(server: Server) -> None:
    pages = server.db.execute("PRAGMA page_count").fetchone()[0]
    server.db.execute(f"PRAGMA max_page_count = {pages}")


def make_room(server: Server) -> None:
    server.db.execute("PRAGMA max_page_count = 1073741823")


async def refused_send(conn: Connection, conversation_id: str, client_msg_id: str) -> RequestFailed:
    with pytest.raises(RequestFailed) as failure:
        await conn.send_text(conversation_id, LONG, client_msg_id)
    return failure.value


async def test_a_full_disk_refuses_the_send_with_a_typed_error_and_the_resend_stores_it_once(tmp_path: Path) -> None:
    async with serving(make_config(tmp_path)) as server:
        agent = await staff(server, "li.na")
        shopper = await Connection.open(server.url)
        joined = await shopper.join_as_customer("王小明")
        conversation_id = joined.conversation_id
        await wait_until(lambda: conversation_id in server.service.floor.seats["li.na"].active)
        conv = server.service.floor.open[conversation_id]
        before = (conv.last_seq, conv.customer_messages, conv.open_round_at)
        fill_up(server)
        client_msg_id = str(uuid.uuid4())

        failure = await refused_send(shopper, conversation_id, client_msg_id)

        assert failure.code is ErrorCode.STORAGE_UNAVAILABLE
        assert "disk is full" in failure.error.message
        assert (conv.last_seq, conv.customer_messages, conv.open_round_at) == before
        assert server.conversations.find_message(shopper_author(joined.customer_id), client_msg_id) is None
        page = await agent.request(FetchEvents(id="r1", conversation_id=conversation_id), EventsPage)
        assert [e.seq for e in page.events] == list(range(1, before[0] + 1)), "reads go on"

        make_room(server)
        ack = await shopper.send_text(conversation_id, LONG, client_msg_id)
        assert (ack.seq, ack.duplicate) == (before[0] + 1, False)
        again = await shopper.send_text(conversation_id, LONG, client_msg_id)
        assert (again.seq, again.duplicate) == (ack.seq, True)
        rows = server.db.execute("SELECT COUNT(*) FROM events WHERE client_msg_id = ?", (client_msg_id,)).fetchone()
        assert rows[0] == 1
        assert conv.customer_messages == before[1] + 1
        for conn in (agent, shopper):
            await conn.close()


def shopper_author(customer_id: str) -> Author:
    return Author(Role.CUSTOMER, "王小明", customer_id)


async def test_a_read_only_database_refuses_writes_but_resume_and_reads_still_work(tmp_path: Path) -> None:
    async with serving(make_config(tmp_path)) as server:
        shopper = await Connection.open(server.url)
        joined = await shopper.join_as_customer("王小明")
        user = server.accounts.add_user("li.na", "pw-li.na", Role.AGENT)
        token, _ = server.accounts.open_session(user)
        server.db.execute("PRAGMA query_only = ON")

        failure = await refused_send(shopper, joined.conversation_id, str(uuid.uuid4()))
        assert failure.code is ErrorCode.STORAGE_UNAVAILABLE
        assert "read-only" in failure.error.message
        late = await Connection.open(server.url)
        with pytest.raises(RequestFailed) as join_failure:
            await late.join_as_customer("迟到的顾客")
        assert join_failure.value.code is ErrorCode.STORAGE_UNAVAILABLE

        # The agent's resume would route the waiting chat to them, which is a write:
        # the resume still answers, and the chat stays queued.
        agent = await Connection.open(server.url, token=token)
        resumed = await agent.resume({})
        assert resumed.replayed == 0
        assert server.service.floor.open[joined.conversation_id].agent is None

        server.db.execute("PRAGMA query_only = OFF")
        await agent.resume({})
        assigned = await agent.next_event(ChatAssigned)
        assert assigned.conversation.conversation_id == joined.conversation_id
        events = server.conversations.events_after(joined.conversation_id, 0)
        assert [e.seq for e in events] == list(range(1, len(events) + 1))
        assert events[-1].kind is EventKind.ASSIGNED
        for conn in (agent, shopper, late):
            await conn.close()


def test_a_failed_transaction_leaves_no_transaction_open(tmp_path: Path) -> None:
    server = Server(make_config(tmp_path))
    try:
        fill_up(server)
        with pytest.raises(sqlite3.OperationalError, match="full"), transaction(server.db) as db:
            db.execute("INSERT INTO team_settings(key, value) VALUES ('filler', ?)", (LONG,))
        assert not server.db.in_transaction
        make_room(server)
        with transaction(server.db) as db:
            db.execute("INSERT INTO team_settings(key, value) VALUES ('filler', ?)", (LONG,))
        assert server.db.execute("SELECT COUNT(*) FROM team_settings WHERE key = 'filler'").fetchone()[0] == 1
    finally:
        server.db.close()
