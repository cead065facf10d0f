"""The overflow assistant ("human first") against the real server with a controllable
clock: it answers a waiting customer from the knowledge base only when every agent is
full, labels its answers as automatic, never counts as a first response, and hands the
whole transcript to the first agent who frees up."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent_desk.client.connection import Connection
from agent_desk.domain.clock import ManualClock
from agent_desk.protocol.messages import (
    ArticleDraft,
    ChatAssigned,
    CloseChat,
    Event,
    EventKind,
    Ok,
    Role,
    SaveSettings,
    TeamSettings,
)
from agent_desk.server.app import Server
from agent_desk.server.assistant import ASSISTANT, HOLDING, MAX_ANSWER_CHARS, clip
from support import make_config, serving, staff, timeout, wait_until

pytestmark = pytest.mark.e2e

RETURNS = "本店支持7天无理由退货:在订单页点击申请退货,填写原因后寄回即可,退货运费由买家承担。"
SHIPPING = "我们默认发中通快递,下单后48小时内发货,偏远地区除外,发货后可在订单页查看物流。"


def seed(server: Server) -> None:
    server.knowledge.save(ArticleDraft(title="退货流程", body=RETURNS, category="售后", tags=["退货"]))
    server.knowledge.save(ArticleDraft(title="发货与快递", body=SHIPPING, category="物流", tags=["快递"]))


def automatic(event: Event) -> bool:
    return event.kind is EventKind.MESSAGE and event.detail.get("auto") == "1"


def assistant_messages(server: Server, conv: str) -> list[str]:
    rows = server.db.execute(
        "SELECT text FROM events WHERE conversation_id = ? AND author_key = ? ORDER BY seq", (conv, ASSISTANT.key)
    )
    return [row[0] for row in rows]


async def switch_on(server: Server, after: float) -> Connection:
    admin = await staff(server, "boss", Role.ADMIN)
    settings = TeamSettings(overflow_assistant=True, overflow_after_seconds=after)
    await admin.request(SaveSettings(id="s", settings=settings), Ok)
    return admin


async def full_floor(server: Server) -> tuple[Connection, Connection, str, Connection, str]:
    """Agent mei (limit 1) holds c1's chat; c2 waits in the queue."""
    mei = await staff(server, "mei", max_chats=1)
    first = await Connection.open(server.url)
    c1 = (await first.join_as_customer("先来的")).conversation_id
    await mei.next_event(ChatAssigned, timeout())
    waiting = await Connection.open(server.url)
    c2 = (await waiting.join_as_customer("后到的")).conversation_id
    assert server.service.floor.open[c2].agent is None
    return mei, first, c1, waiting, c2


async def test_answers_a_waiting_customer_then_hands_the_chat_to_the_agent(tmp_path: Path) -> None:
    clock = ManualClock()
    async with serving(make_config(tmp_path, assistant_check_seconds=3600.0), clock) as server:
        seed(server)
        admin = await switch_on(server, after=30)
        mei, first, c1, waiting, c2 = await full_floor(server)
        asked_at = clock.now()
        await waiting.send_text(c2, "请问怎么退货?")
        clock.advance(10)
        assert server.assistant.check() == 0, "human first: the customer has not waited long enough"

        clock.advance(21)  # 31 s: past the 30 s threshold, and mei is still full
        assert server.assistant.check() == 1
        answer = await waiting.next_event(Event, timeout(), where=automatic)
        assert (answer.author_role, answer.author_name) == (None, ASSISTANT.name)
        assert answer.text == "【自动回复】" + RETURNS
        assert server.assistant.check() == 0, "each customer message is answered once"

        await waiting.send_text(c2, "你们发什么快递?")  # while the chat waits, at once
        shipping = await waiting.next_event(Event, timeout(), where=automatic)
        assert shipping.text == "【自动回复】" + SHIPPING
        await waiting.send_text(c2, "???")  # nothing matches: a holding line, once
        holding = await waiting.next_event(Event, timeout(), where=automatic)
        assert holding.text == "【自动回复】" + HOLDING["zh"]
        await waiting.send_text(c2, "???")
        assert server.assistant.check() == 0
        assert len(assistant_messages(server, c2)) == 3
        assert server.conversations.get(c2).first_response is None  # type: ignore[union-attr]
        assert server.conversations.get(c2).agent_messages == 0, "automatic replies are not the agent's"  # type: ignore[union-attr]

        clock.advance(19)  # 50 s after the first question
        await mei.request(CloseChat(id="c", conversation_id=c1, wrap_up="resolved"), Ok)
        taken = await mei.next_event(ChatAssigned, timeout(), where=lambda a: a.conversation.conversation_id == c2)
        history = [await mei.next_event(Event, timeout()) for _ in range(taken.conversation.last_seq)]
        said = [(e.author_role, e.text) for e in history if e.kind is EventKind.MESSAGE]
        assert said == [
            (Role.CUSTOMER, "请问怎么退货?"),
            (None, "【自动回复】" + RETURNS),
            (Role.CUSTOMER, "你们发什么快递?"),
            (None, "【自动回复】" + SHIPPING),
            (Role.CUSTOMER, "???"),
            (None, "【自动回复】" + HOLDING["zh"]),
            (Role.CUSTOMER, "???"),
        ], "the agent gets the whole transcript"

        await mei.send_text(c2, "亲,让您久等了")
        conv = server.conversations.get(c2)
        assert conv is not None
        assert conv.first_response == pytest.approx(clock.now() - asked_at) == 50.0
        rounds = server.db.execute("SELECT agent, first FROM response_rounds WHERE conversation_id = ?", (c2,))
        assert [tuple(row) for row in rounds] == [("mei", 1)], "the assistant closed no round"
        await waiting.send_text(c2, "好的")
        clock.advance(100)
        assert server.assistant.check() == 0, "an assigned chat is the agent's alone"
        assert len(assistant_messages(server, c2)) == 3
        for conn in (admin, mei, first, waiting):
            await conn.close()


async def test_off_by_default_nothing_is_sent(tmp_path: Path) -> None:
    clock = ManualClock()
    async with serving(make_config(tmp_path, assistant_check_seconds=3600.0), clock) as server:
        seed(server)
        mei, first, _c1, waiting, c2 = await full_floor(server)
        await waiting.send_text(c2, "请问怎么退货?")
        clock.advance(3600)
        assert server.assistant.check() == 0
        await waiting.send_text(c2, "你们发什么快递?")
        assert assistant_messages(server, c2) == []
        for conn in (mei, first, waiting):
            await conn.close()


async def test_with_nobody_online_the_server_answers_on_its_own_in_english(tmp_path: Path) -> None:
    clock = ManualClock()
    async with serving(make_config(tmp_path, assistant_check_seconds=0.01), clock) as server:
        seed(server)
        server.settings.save(TeamSettings(overflow_assistant=True, overflow_after_seconds=5))
        shopper = await Connection.open(server.url)
        conv = (await shopper.join_as_customer("Sam", lang="en")).conversation_id
        await shopper.send_text(conv, "退货 please")
        clock.advance(6)
        answer = await shopper.next_event(Event, timeout(), where=automatic)
        assert answer.text == "[Automatic reply] " + RETURNS
        await wait_until(lambda: server.assistant.check() == 0)
        assert len(assistant_messages(server, conv)) == 1
        await shopper.close()


def test_long_articles_are_cut() -> None:
    cut = clip("长" * 1000)
    assert len(cut) == MAX_ANSWER_CHARS
    assert cut.endswith("…")
    assert clip(" 短 ") == "短"
