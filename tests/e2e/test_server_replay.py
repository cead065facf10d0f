"""A resume that replays more events than a peer's outbound queue holds."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent_desk.client.connection import Connection
from agent_desk.protocol.messages import Event, EventKind
from support import make_config, serving, staff, wait_until

pytestmark = pytest.mark.e2e


async def test_a_customer_who_missed_more_than_the_queue_holds_catches_up_without_being_closed(tmp_path: Path) -> None:
    async with serving(make_config(tmp_path, outbound_queue_frames=5)) as server:
        agent = await staff(server, "li.na")
        shopper = await Connection.open(server.url)
        joined = await shopper.join_as_customer("王小明")
        await wait_until(lambda: joined.conversation_id in server.service.floor.seats["li.na"].active)
        token = joined.customer_token
        await shopper.close()
        for n in range(20):
            await agent.send_text(joined.conversation_id, f"第{n}条回复")

        back = await Connection.open(server.url, customer_token=token)
        resumed = await back.resume({joined.conversation_id: 0})

        events: list[Event] = []
        while not back.events.empty():
            frame = back.events.get_nowait()
            if isinstance(frame, Event):
                events.append(frame)
        assert resumed.replayed == len(events)
        assert [e.seq for e in events] == list(range(1, len(events) + 1))
        assert sum(e.kind is EventKind.MESSAGE for e in events) == 20
        assert back.close_code is None
        for conn in (agent, back):
            await conn.close()
