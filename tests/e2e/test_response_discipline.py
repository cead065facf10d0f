"""Response discipline against the real server with a controllable clock:
FRT and rounds timed by the server, the desk's countdown, late state and
announcements, 答问比 hints, and escalation to the specialist team and back."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from agent_desk.client.connection import Connection, RequestFailed
from agent_desk.domain.clock import ManualClock
from agent_desk.protocol.errors import ErrorCode
from agent_desk.protocol.messages import (
    AgentStats,
    CancelEscalation,
    ChatAssigned,
    CloseChat,
    Escalate,
    EscalationUpdate,
    Event,
    EventKind,
    MyStats,
    Ok,
    QueuePosition,
    Role,
    SendBack,
)
from agent_desk.server.app import Server
from conftest import DeskDriver
from desk_support import RunningDesk, join, type_text
from support import make_config, staff, timeout, wait_until

pytestmark = pytest.mark.e2e


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def clocked_server(qloop: asyncio.AbstractEventLoop, tmp_path: Path, clock: ManualClock) -> Iterator[Server]:
    server = Server(make_config(tmp_path / "server", grace_seconds=30), clock)
    qloop.run_until_complete(server.start())
    yield server
    qloop.run_until_complete(server.stop())


@pytest.fixture
def drive(
    qloop: asyncio.AbstractEventLoop, qapp: QApplication, clocked_server: Server, tmp_path: Path, clock: ManualClock
) -> DeskDriver:
    driver = DeskDriver(qloop, qapp, clocked_server, tmp_path)
    driver.app_options = {"server_clock": clock.now}
    return driver


def rounds(server: Server, conversation_id: str) -> list[tuple[float, int]]:
    rows = server.db.execute(
        "SELECT answered_at - started_at, first FROM response_rounds WHERE conversation_id = ? ORDER BY rowid",
        (conversation_id,),
    )
    return [(round(r[0], 3), r[1]) for r in rows]


# ---------------------------------------------------------------- the server's own clock


async def test_first_response_and_rounds_come_from_server_timestamps(tmp_path: Path) -> None:
    clock = ManualClock()
    server = Server(make_config(tmp_path), clock)
    await server.start()
    try:
        agent = await staff(server, "mei")
        shopper = await Connection.open(server.url)
        conv = (await shopper.join_as_customer("计时的")).conversation_id
        await agent.next_event(ChatAssigned, timeout())
        await shopper.send_text(conv, "在吗")
        clock.advance(3.5)
        await agent.send_text(conv, "亲,在的")
        assert server.conversations.get(conv).first_response == 3.5  # type: ignore[union-attr]
        for _ in range(3):  # three customer messages, one round
            clock.advance(2)
            await shopper.send_text(conv, "还有个问题")
        clock.advance(10)
        await agent.send_text(conv, "您说")
        assert rounds(server, conv) == [(3.5, 1), (14.0, 0)]
        stats = await agent.request(MyStats(id="s", since=0), AgentStats)
        assert (stats.first_responses, stats.first_response_average, stats.rounds) == (1, 3.5, 1)
        assert stats.first_response_within_target == 1.0
        assert (stats.agent_messages, stats.customer_messages) == (2, 4)
        assert stats.ratio == 0.5
        for conn in (agent, shopper):
            await conn.close()
    finally:
        await server.stop()


# ---------------------------------------------------------------- the desk's countdown


def test_countdown_late_state_and_assertive_announcement(
    qtbot: QtBot, drive: DeskDriver, clocked_server: Server, clock: ManualClock
) -> None:
    async def scenario(running: RunningDesk) -> None:
        desk = running.desk
        announced: list[tuple[str, bool]] = []
        cues: list[str] = []
        desk.notifier.announced.connect(lambda text, assertive: announced.append((text, assertive)))
        desk.notifier.cue_played.connect(cues.append)
        running.app.settings.sound_enabled = True
        shopper, conv = await join(clocked_server.url, "小王")
        view = await wait_until(lambda: desk.window.views.get(conv))
        await shopper.send_text(conv, "你好")
        await wait_until(lambda: view.record.waiting_since is not None)
        clock.advance(2)
        desk.refresh_all()
        assert view.timer.text() == "⏳ 3s"
        assert "⏳ 3s" in desk.window.tabs.tabText(desk.window.tabs.indexOf(view))
        clock.advance(1.5)
        desk.refresh_all()
        assert any("小王 is waiting" in text and not assertive for text, assertive in announced)
        clock.advance(3)
        desk.refresh_all()
        assert view.timer.text() == "⚠ late 2s"
        assert ("Late first reply to 小王", True) in announced
        assert "BREACH" in cues
        desk.refresh_all()
        assert [a for a in announced if a[0].startswith("Late")] == [("Late first reply to 小王", True)], "once"
        type_text(qtbot, view.compose, "亲,您好")
        qtbot.keyClick(view.compose, Qt.Key.Key_Return)
        await wait_until(lambda: view.record.clock.first_response is not None)
        desk.refresh_all()
        assert view.timer.text() == ""
        await wait_until(lambda: clocked_server.conversations.get(conv).first_response is not None)  # type: ignore[union-attr]
        assert clocked_server.conversations.get(conv).first_response == 6.5  # type: ignore[union-attr]
        await shopper.close()

    drive(scenario, **drive.app_options)


def test_with_the_countdown_off_nothing_shows_but_the_server_still_records(
    qtbot: QtBot, drive: DeskDriver, clocked_server: Server, clock: ManualClock
) -> None:
    async def scenario(running: RunningDesk) -> None:
        desk = running.desk
        running.app.settings.countdown_enabled = False
        announced: list[str] = []
        desk.notifier.announced.connect(lambda text, _assertive: announced.append(text))
        shopper, conv = await join(clocked_server.url, "不计时")
        view = await wait_until(lambda: desk.window.views.get(conv))
        await shopper.send_text(conv, "在吗")
        await wait_until(lambda: view.record.waiting_since is not None)
        clock.advance(9)
        desk.refresh_all()
        assert view.timer.text() == ""
        assert not any(text.startswith("Late") for text in announced)
        type_text(qtbot, view.compose, "在的")
        qtbot.keyClick(view.compose, Qt.Key.Key_Return)
        await wait_until(lambda: clocked_server.conversations.get(conv).first_response == 9)  # type: ignore[union-attr]
        await shopper.close()

    drive(scenario, **drive.app_options)


def test_lengthened_timer_shows_ten_times_the_target(
    qtbot: QtBot, drive: DeskDriver, clocked_server: Server, clock: ManualClock
) -> None:
    async def scenario(running: RunningDesk) -> None:
        running.app.settings.countdown_multiplier = 10
        shopper, conv = await join(clocked_server.url, "慢慢来")
        view = await wait_until(lambda: running.desk.window.views.get(conv))
        await shopper.send_text(conv, "在吗")
        await wait_until(lambda: view.record.waiting_since is not None)
        clock.advance(20)
        running.desk.refresh_all()
        assert view.timer.text() == "⏳ 30s"
        await shopper.close()

    drive(scenario, **drive.app_options)


def test_ratio_hints_below_and_above_the_band_and_silent_before_three(
    qtbot: QtBot, drive: DeskDriver, clocked_server: Server, clock: ManualClock
) -> None:
    async def scenario(running: RunningDesk) -> None:
        desk = running.desk
        hints: list[str] = []
        desk.notifier.announced.connect(lambda text, _assertive: hints.append(text))
        shopper, conv = await join(clocked_server.url, "多问")
        view = await wait_until(lambda: desk.window.views.get(conv))
        for i in range(2):
            await shopper.send_text(conv, f"问题{i}")
        await wait_until(lambda: view.record.customer_messages == 2)
        desk.refresh_all()
        assert "anything left unanswered" not in view.ratio.text()
        await shopper.send_text(conv, "问题2")
        await wait_until(lambda: view.record.customer_messages == 3)
        desk.refresh_all()
        assert view.ratio.text().startswith("答问比 0.00")
        assert "anything left unanswered" in view.ratio.text()
        assert any("anything left unanswered" in h for h in hints)
        for i in range(5):
            type_text(qtbot, view.compose, f"回复{i}")
            qtbot.keyClick(view.compose, Qt.Key.Key_Return)
        await wait_until(lambda: view.record.agent_messages == 5)
        desk.refresh_all()
        assert "combine them" in view.ratio.text()
        assert any("combine them" in h for h in hints)
        await shopper.close()

    drive(scenario, **drive.app_options)


# ---------------------------------------------------------------- escalation


async def escalated_chat(server: Server) -> tuple[Connection, Connection, str]:
    agent = await staff(server, "mei")
    shopper = await Connection.open(server.url)
    conv = (await shopper.join_as_customer("投诉的")).conversation_id
    await agent.next_event(ChatAssigned, timeout())
    await shopper.send_text(conv, "耳机左边没声音,我要退货")
    await agent.send_text(conv, "亲,麻烦重置一下耳机试试")
    return agent, shopper, conv


async def test_escalation_end_to_end(tmp_path: Path) -> None:
    server = Server(make_config(tmp_path), ManualClock())
    await server.start()
    try:
        agent, shopper, conv = await escalated_chat(server)
        specialist = await staff(server, "wang", Role.SPECIALIST)
        await agent.request(Escalate(id="e", conversation_id=conv, reason="technical", note="重置无效"), Ok)
        holding = await shopper.next_event(
            Event, timeout(), where=lambda e: e.kind is EventKind.MESSAGE and e.detail.get("auto") == "1"
        )
        assert "专家" in (holding.text or "")
        taken = await specialist.next_event(ChatAssigned, timeout())
        escalation = taken.conversation.escalation
        assert escalation is not None
        assert escalation.reason == "technical"
        assert escalation.note == "重置无效"
        assert "耳机左边没声音" in escalation.summary
        assert "重置一下耳机" in escalation.summary
        history = [await specialist.next_event(Event, timeout()) for _ in range(taken.conversation.last_seq)]
        assert any(e.text == "耳机左边没声音,我要退货" for e in history)
        update = await agent.next_event(EscalationUpdate, timeout(), where=lambda u: u.escalation.status == "taken")
        assert update.escalation.specialist == "wang"
        assert not any(e.detail.get("note") for e in history), "notes never travel in events"
        await specialist.send_text(conv, "您好,我是售后专家")
        relayed = await agent.next_event(
            Event, timeout(), where=lambda e: e.kind is EventKind.MESSAGE and e.author_role is Role.SPECIALIST
        )
        assert relayed.text == "您好,我是售后专家", "the agent keeps watching read-only"
        with pytest.raises(RequestFailed) as not_yours:
            await agent.send_text(conv, "我来说两句")
        assert not_yours.value.code is ErrorCode.NOT_FOUND
        await specialist.request(CloseChat(id="c", conversation_id=conv, wrap_up="resolved"), Ok)
        done = await agent.next_event(EscalationUpdate, timeout(), where=lambda u: u.escalation.status == "resolved")
        assert done.escalation.specialist_name
        stats = await agent.request(MyStats(id="s", since=0), AgentStats)
        assert stats.transferred_out == 1
        for conn in (agent, shopper, specialist):
            await conn.close()
    finally:
        await server.stop()


async def test_no_specialist_online_waits_and_the_agent_may_cancel(tmp_path: Path) -> None:
    server = Server(make_config(tmp_path), ManualClock())
    await server.start()
    try:
        agent, shopper, conv = await escalated_chat(server)
        await agent.request(Escalate(id="e", conversation_id=conv, reason="after_sales"), Ok)
        waiting = await agent.next_event(EscalationUpdate, timeout())
        assert (waiting.escalation.status, waiting.escalation.position) == ("waiting", 1)
        place = await shopper.next_event(QueuePosition, timeout(), where=lambda q: q.position > 0)
        assert place.position == 1
        assert server.service.floor.seats["mei"].active == set(), "the agent's seat is freed"
        await agent.request(CancelEscalation(id="x", conversation_id=conv), Ok)
        back = await agent.next_event(EscalationUpdate, timeout(), where=lambda u: u.escalation.status == "cancelled")
        assert back.escalation.status == "cancelled"
        assert server.conversations.get(conv).agent == "mei"  # type: ignore[union-attr]
        await agent.send_text(conv, "亲,我继续为您处理")
        with pytest.raises(RequestFailed) as twice:
            await agent.request(CancelEscalation(id="y", conversation_id=conv), Ok)
        assert twice.value.code is ErrorCode.NOT_FOUND
        with pytest.raises(RequestFailed) as bad_reason:
            await agent.request(Escalate(id="z", conversation_id=conv, reason="bored"), Ok)
        assert bad_reason.value.code is ErrorCode.BAD_FRAME
        for conn in (agent, shopper):
            await conn.close()
    finally:
        await server.stop()


async def test_a_specialist_sends_the_chat_back_with_a_note(tmp_path: Path) -> None:
    server = Server(make_config(tmp_path), ManualClock())
    await server.start()
    try:
        agent, shopper, conv = await escalated_chat(server)
        specialist = await staff(server, "wang", Role.SPECIALIST)
        await agent.request(Escalate(id="e", conversation_id=conv, reason="product_expert"), Ok)
        await specialist.next_event(ChatAssigned, timeout())
        with pytest.raises(RequestFailed) as agent_cannot:
            await agent.request(SendBack(id="b0", conversation_id=conv, note="x"), Ok)
        assert agent_cannot.value.code is ErrorCode.FORBIDDEN
        await specialist.request(SendBack(id="b", conversation_id=conv, note="这是普通退货,按7天无理由处理"), Ok)
        returned = await agent.next_event(
            EscalationUpdate, timeout(), where=lambda u: u.escalation.status == "returned"
        )
        assert returned.escalation.return_note == "这是普通退货,按7天无理由处理"
        again = await agent.next_event(ChatAssigned, timeout())
        assert again.conversation.conversation_id == conv
        await agent.send_text(conv, "亲,这边为您办理退货")
        assert server.service.floor.seats["wang"].active == set()
        stats = await specialist.request(MyStats(id="s", since=0), AgentStats)
        assert stats.transferred_in == 1
        for conn in (agent, shopper, specialist):
            await conn.close()
    finally:
        await server.stop()


def test_escalation_from_the_desk_by_keyboard(
    qtbot: QtBot, drive: DeskDriver, clocked_server: Server, clock: ManualClock
) -> None:
    async def scenario(running: RunningDesk) -> None:
        desk = running.desk
        announced: list[str] = []
        desk.notifier.announced.connect(lambda text, _assertive: announced.append(text))
        shopper, conv = await join(clocked_server.url, "要转接的")
        view = await wait_until(lambda: desk.window.views.get(conv))
        await shopper.send_text(conv, "这个平板能插SIM卡吗")
        desk.window.activateWindow()
        desk.window.focus_view(view)
        qtbot.keyClick(view.compose, Qt.Key.Key_F9)
        dialog = await wait_until(lambda: desk.escalations.dialog)
        qtbot.keyClick(dialog.reasons, Qt.Key.Key_Down)
        qtbot.keyClick(dialog.reasons, Qt.Key.Key_Down)
        qtbot.keyClick(dialog.reasons, Qt.Key.Key_Down)
        qtbot.keyClick(dialog.reasons, Qt.Key.Key_Tab)
        type_text(qtbot, dialog.note, "参数问题")
        dialog._accept()
        await wait_until(lambda: view.record.read_only)
        await wait_until(lambda: "waiting for a specialist" in view.escalation.text())
        assert any("waiting for a specialist" in a for a in announced)
        stored = clocked_server.escalations.store.latest(conv)
        assert stored is not None
        assert (stored.reason, stored.note) == ("technical", "参数问题")
        specialist = await staff(clocked_server, "wang", Role.SPECIALIST)
        await wait_until(lambda: "taken by" in view.escalation.text())
        desk.window.activateWindow()
        await wait_until(desk.window.isActiveWindow)
        qtbot.keyClick(view.compose, Qt.Key.Key_F9, Qt.KeyboardModifier.ShiftModifier)
        # Too late to cancel: a specialist holds it. The desk says so plainly.
        await wait_until(lambda: "already taken" in desk.window.statusBar().currentMessage())
        await specialist.close()
        await shopper.close()

    drive(scenario, **drive.app_options)
