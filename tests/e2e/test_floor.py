"""The team lead's floor with real desks: live list and flags, watching, whispers,
the observed indicator, QC with an appeal, and the dashboard."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from agent_desk.client.connection import Connection
from agent_desk.domain.clock import ManualClock
from agent_desk.protocol.messages import CloseChat, Event, Ok, Role
from agent_desk.server.app import Server
from desk_support import RunningDesk, make_desk_app, run, start_desk, type_text
from support import make_config, timeout, wait_until

pytestmark = pytest.mark.e2e


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def floor_server(qloop: asyncio.AbstractEventLoop, tmp_path: Path, clock: ManualClock) -> Iterator[Server]:
    server = Server(make_config(tmp_path / "server", grace_seconds=30), clock)
    qloop.run_until_complete(server.start())
    yield server
    qloop.run_until_complete(server.stop())


async def two_desks(
    qapp: QApplication, tmp_path: Path, server: Server, clock: ManualClock
) -> tuple[RunningDesk, RunningDesk]:
    server.accounts.add_user("mei", "pw-mei", Role.AGENT, "小美")
    server.accounts.add_user("liu", "pw-liu", Role.LEAD, "组长 刘姐")
    desks = []
    for name in ("mei", "liu"):
        home = tmp_path / name
        home.mkdir()
        app = make_desk_app(qapp, home, server.url, server_clock=clock.now)
        desks.append(await start_desk(app, server.url, name, f"pw-{name}"))
    return desks[0], desks[1]


def rows(lead: RunningDesk) -> list[list[str]]:
    window = lead.desk.floor.live
    assert window is not None
    model = window.proxy
    return [[str(model.index(r, c).data()) for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_live_list_watch_whisper_and_observed(
    qtbot: QtBot,
    qapp: QApplication,
    qloop: asyncio.AbstractEventLoop,
    floor_server: Server,
    tmp_path: Path,
    clock: ManualClock,
) -> None:
    async def scenario() -> None:
        agent, lead = await two_desks(qapp, tmp_path, floor_server, clock)
        assert not agent.desk.floor.live_action.isVisible()
        shopper = await Connection.open(floor_server.url)
        conv = (await shopper.join_as_customer("被抽查的")).conversation_id
        await wait_until(lambda: conv in agent.desk.window.views)
        await shopper.send_text(conv, "在吗?")
        clock.advance(9)
        lead.desk.window.activateWindow()
        await wait_until(lead.desk.window.isActiveWindow)
        qtbot.keyClick(
            lead.desk.window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        )
        await wait_until(lambda: lead.desk.floor.live is not None and rows(lead))
        (row,) = rows(lead)
        assert row[0] == "小美"
        assert row[1] == "被抽查的"
        assert "late first reply" in row[-1]

        live = lead.desk.floor.live
        assert live is not None
        observed: list[str] = []
        agent.desk.notifier.announced.connect(lambda text, _a: observed.append(text))
        qtbot.keyClick(live.table, Qt.Key.Key_Return)
        watched = await wait_until(lambda: lead.desk.window.views.get(conv))
        await wait_until(lambda: "在吗?" in [watched.model.index(r).data() for r in range(watched.model.rowCount())])
        assert watched.record.read_only
        agent_view = agent.desk.window.views[conv]
        await wait_until(lambda: "watching" in agent_view.observed.text())

        await shopper.send_text(conv, "我的订单还没发货")
        await wait_until(
            lambda: "我的订单还没发货" in [watched.model.index(r).data() for r in range(watched.model.rowCount())]
        )

        live.table.setFocus()
        qtbot.keyClick(live.table, Qt.Key.Key_W)
        dialog = await wait_until(lambda: lead.desk.floor.dialog)
        type_text(qtbot, dialog.text, "先道歉,再查物流")
        qtbot.keyClick(dialog.text, Qt.Key.Key_Return)
        await wait_until(lambda: "先道歉,再查物流" in agent_view.note.text())
        assert any("先道歉,再查物流" in text for text in observed)
        await shopper.send_text(conv, "还在吗")
        frames = []
        while True:
            event = await shopper.next_event(Event, timeout())
            frames.append(event)
            if event.text == "还在吗":
                break
        assert not any("先道歉" in (e.text or "") for e in frames), "the customer never sees a whisper"
        await shopper.close()
        for desk in (agent, lead):
            await desk.close()

    run(qloop, scenario(), units=30)


def test_qc_score_with_prefilled_speed_an_appeal_and_the_dashboard(
    qtbot: QtBot,
    qapp: QApplication,
    qloop: asyncio.AbstractEventLoop,
    floor_server: Server,
    tmp_path: Path,
    clock: ManualClock,
) -> None:
    async def scenario() -> None:
        agent, lead = await two_desks(qapp, tmp_path, floor_server, clock)
        shopper = await Connection.open(floor_server.url)
        conv = (await shopper.join_as_customer("质检样本")).conversation_id
        view = await wait_until(lambda: agent.desk.window.views.get(conv))
        await shopper.send_text(conv, "这个耳机保修多久?")
        clock.advance(12)
        type_text(qtbot, view.compose, "亲,保修一年哦")
        qtbot.keyClick(view.compose, Qt.Key.Key_Return)
        await wait_until(lambda: floor_server.conversations.get(conv).first_response == 12)  # type: ignore[union-attr]
        await agent.desk.session.request(CloseChat(id="c", conversation_id=conv, wrap_up="resolved"), Ok)

        floor = lead.desk.floor
        await floor._qc_queue()
        sheet = await wait_until(lambda: floor.dialog)
        assert sheet.items["speed"].value() > 0, "speed is pre-filled from the measured 12 s first reply"
        assert "FRT 12.0 s" in sheet.measured.text()
        sheet.items["phrasing"].setValue(5)
        type_text(qtbot, sheet.comments, "首次响应太慢")
        announced: list[str] = []
        agent.desk.notifier.announced.connect(lambda text, _a: announced.append(text))
        sheet._accept()
        await wait_until(lambda: any("QC score" in a for a in announced))

        await agent.desk.floor._scores(None)
        history = await wait_until(lambda: agent.desk.floor.dialog)
        assert "首次响应太慢" in history.list.item(0).text()
        type_text(qtbot, history.reason, "顾客当时网络断了")
        history._appeal()
        await wait_until(lambda: floor_server.db.execute("SELECT appeal FROM qc_scores").fetchone()[0] == "open")
        await lead.desk.floor._scores("mei")
        resolve = await wait_until(lambda: lead.desk.floor.dialog if lead.desk.floor.dialog is not sheet else None)
        resolve._resolve(True)
        await wait_until(lambda: floor_server.db.execute("SELECT appeal FROM qc_scores").fetchone()[0] == "upheld")

        floor.show_dashboard()
        dashboard = await wait_until(lambda: floor.dashboard if floor.dashboard and floor.dashboard.kpis.rows else None)
        assert "Agents online 1" in dashboard.live.text()
        assert dashboard.kpis.rows[0].name == "小美"
        out = tmp_path / "kpis.csv"
        await floor._export_kpis(str(out))
        assert "小美" in out.read_text(encoding="utf-8")
        await shopper.close()
        for desk in (agent, lead):
            await desk.close()

    run(qloop, scenario(), units=30)
