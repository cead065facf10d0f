"""Each role's day, walked with the keyboard alone, against the real server.

Only key events reach the desks (QTest key clicks and the type_text helper):
no mouse clicks and no calls to the desks' slots. Windows are brought to the
front with activateWindow(), which stands in for the operating system's
Alt+Tab; everything inside a window is keys.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from test_floor import two_desks
from test_knowledge import ARTICLES, write_articles
from test_practice import close_all, desks, practice_view, texts, texts_of_tile
from test_quick_replies import ready, save_team_phrases

from agent_desk.domain.clock import SystemClock
from agent_desk.protocol.messages import Role
from agent_desk.server.app import Server
from agent_desk.ui.chat_view import ChatView
from conftest import DeskDriver
from desk_support import RunningDesk, join, next_message, run, type_text
from support import wait_until

pytestmark = pytest.mark.e2e
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


async def front(window: QWidget) -> None:
    """Bring a window to the front, as Alt+Tab would, and wait until it has the keyboard."""
    window.activateWindow()
    await wait_until(window.isActiveWindow)
    await wait_until(QApplication.focusWidget)


async def shown(get_dialog: object) -> QWidget:
    """Wait for a dialog the desk opened and for it to have the keyboard."""
    dialog = await wait_until(get_dialog)  # type: ignore[arg-type]
    await wait_until(dialog.isActiveWindow)
    return dialog


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "something must always have the keyboard focus"
    return widget


def press(qtbot: QtBot, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key press where the keyboard focus is, as a person's key press lands."""
    qtbot.keyClick(focused(), key, modifiers)


def type_here(qtbot: QtBot, text: str) -> None:
    type_text(qtbot, focused(), text)


def tab_to(qtbot: QtBot, accessible_name: str, limit: int = 40) -> QWidget:
    """Tab until the widget with this accessible name has the focus (a bounded walk)."""
    for _ in range(limit):
        if focused().accessibleName() == accessible_name:
            return focused()
        press(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {accessible_name!r}")


def view_texts(view: ChatView) -> list[str]:
    return [view.model.index(r).data() for r in range(view.model.rowCount())]


# ---------------------------------------------------------------- the agent


def test_agent_takes_four_chats_replies_searches_escalates_and_wraps_up(
    qtbot: QtBot, drive_desk: DeskDriver, desk_server: Server
) -> None:
    async def scenario(running: RunningDesk) -> None:
        desk, window = running.desk, running.desk.window
        lead, _phrases = await save_team_phrases(desk_server)
        writer, _articles = await write_articles(desk_server)
        await ready(running, 4)
        customers = [await join(desk_server.url, name) for name in ("问候的", "问退货", "要转接", "买完了")]
        await wait_until(lambda: len(window.views) == 4)
        for conn, conv in customers:
            await conn.send_text(conv, "在吗?")
        await front(window)

        # Chat 1: a quick reply from the Ctrl+K palette, then Enter sends it.
        press(qtbot, Qt.Key.Key_1, CTRL)
        first = window.views[customers[0][1]]
        await wait_until(first.compose.hasFocus)
        press(qtbot, Qt.Key.Key_K, CTRL)
        await shown(lambda: desk.quick_replies.palette)
        type_here(qtbot, "qnh")
        press(qtbot, Qt.Key.Key_Return)
        await wait_until(lambda: first.compose.toPlainText() == "亲,您好!在的哦!")
        await front(window)  # the window manager's part when a dialog closes
        assert first.compose.hasFocus()
        press(qtbot, Qt.Key.Key_Return)
        assert (await next_message(customers[0][0])).text == "亲,您好!在的哦!"

        # Chat 2: F4 searches the knowledge base; Enter, Enter puts the answer in; Enter sends.
        press(qtbot, Qt.Key.Key_2, CTRL)
        second = window.views[customers[1][1]]
        await wait_until(second.compose.hasFocus)
        press(qtbot, Qt.Key.Key_F4)
        await wait_until(desk.knowledge.panel.search.hasFocus)
        type_here(qtbot, "退货")
        panel = desk.knowledge.panel
        await wait_until(lambda: panel.results.count() and panel.results.item(0).text().startswith("七天无理由退货"))
        press(qtbot, Qt.Key.Key_Return)
        assert panel.results.hasFocus()
        press(qtbot, Qt.Key.Key_Return)
        await wait_until(lambda: second.compose.toPlainText() == ARTICLES[1].body and second.compose.hasFocus())
        press(qtbot, Qt.Key.Key_Return)
        assert (await next_message(customers[1][0])).text == ARTICLES[1].body

        # Chat 3: F9 escalates; arrows pick the reason, Tab to the note, Tab to Escalate, Space.
        press(qtbot, Qt.Key.Key_3, CTRL)
        third = window.views[customers[2][1]]
        await wait_until(third.compose.hasFocus)
        press(qtbot, Qt.Key.Key_F9)
        await shown(lambda: desk.escalations.dialog)
        for _ in range(3):
            press(qtbot, Qt.Key.Key_Down)
        press(qtbot, Qt.Key.Key_Tab)
        type_here(qtbot, "参数问题")
        press(qtbot, Qt.Key.Key_Tab)
        press(qtbot, Qt.Key.Key_Space)
        await wait_until(lambda: third.record.read_only)
        stored = desk_server.escalations.store.latest(customers[2][1])
        assert stored is not None
        assert (stored.reason, stored.note) == ("technical", "参数问题")

        # Chat 4: a typed reply, then Ctrl+W and a wrap-up code chosen with the arrows.
        await front(window)
        press(qtbot, Qt.Key.Key_4, CTRL)
        fourth = window.views[customers[3][1]]
        await wait_until(fourth.compose.hasFocus)
        type_here(qtbot, "感谢光临,再见")
        press(qtbot, Qt.Key.Key_Return)
        assert (await next_message(customers[3][0])).text == "感谢光临,再见"
        press(qtbot, Qt.Key.Key_W, CTRL)
        await shown(lambda: getattr(desk, "wrap_up_dialog", None))
        press(qtbot, Qt.Key.Key_Down)
        press(qtbot, Qt.Key.Key_Down)
        press(qtbot, Qt.Key.Key_Return)
        await wait_until(lambda: customers[3][1] not in window.views)
        closed = desk_server.conversations.get(customers[3][1])
        assert closed is not None
        assert closed.wrap_up == "size_advice"
        for conn in (lead, writer, *(c for c, _ in customers)):
            await conn.close()

    drive_desk(scenario, units=40)


# ---------------------------------------------------------------- the trainer


def test_trainer_runs_a_practice_and_scores_it(
    qtbot: QtBot, qapp: QApplication, qloop: asyncio.AbstractEventLoop, desk_server: Server, tmp_path: Path
) -> None:
    async def scenario() -> None:
        trainees = await desks(qapp, tmp_path, desk_server, ["trainee1", "trainee2"], Role.TRAINEE)
        (trainer,) = await desks(qapp, tmp_path, desk_server, ["chen"], Role.TRAINER)
        practice = trainer.desk.practice
        await wait_until(practice.open_action.isVisible)
        await front(trainer.desk.window)

        # Ctrl+Shift+P: the online trainees are ticked; Alt+L to the title; Enter opens the room.
        press(qtbot, Qt.Key.Key_P, CTRL_SHIFT)
        opener = await shown(lambda: practice.dialog)
        press(qtbot, Qt.Key.Key_L, ALT)
        assert focused() is opener.title
        type_here(qtbot, "尺码练习")
        press(qtbot, Qt.Key.Key_Return)
        console = await shown(lambda: practice.console)
        assert console.line.hasFocus()
        type_here(qtbot, "你好,这件T恤有XL吗?")
        press(qtbot, Qt.Key.Key_Return)

        # A trainee answers from their own desk.
        view = await wait_until(lambda: practice_view(trainees[0]))
        await wait_until(lambda: "你好,这件T恤有XL吗?" in texts(view))
        await front(trainees[0].desk.window)
        press(qtbot, Qt.Key.Key_1, CTRL)
        await wait_until(view.compose.hasFocus)
        type_here(qtbot, "亲,XL有货的哦")
        press(qtbot, Qt.Key.Key_Return)
        tile = console.tile_of_trainee("trainee1")
        assert tile is not None
        await wait_until(lambda: "亲,XL有货的哦" in texts_of_tile(tile))

        # Back in the console: Alt+E ends the practice, Tab reaches the trainee's Score button.
        await front(console)
        press(qtbot, Qt.Key.Key_E, ALT)
        await wait_until(lambda: view.record.closed)
        tab_to(qtbot, "Score 学员1")
        press(qtbot, Qt.Key.Key_Space)
        sheet = await shown(lambda: practice.dialog if practice.dialog is not opener else None)
        press(qtbot, Qt.Key.Key_Up)  # one point off the first rubric item, where the sheet starts
        tab_to(qtbot, "Comments for the trainee")
        type_here(qtbot, "回复及时")
        press(qtbot, Qt.Key.Key_Tab)
        press(qtbot, Qt.Key.Key_Space)
        await wait_until(lambda: not sheet.isVisible())
        row = await wait_until(lambda: desk_server.db.execute("SELECT total, comments FROM practice_scores").fetchone())
        assert row["comments"] == "回复及时"
        assert row["total"] < 100, "the point taken off with the Up key counts"
        await close_all(trainees, [trainer])

    run(qloop, scenario(), units=60)


# ---------------------------------------------------------------- the lead


def test_lead_watches_whispers_and_scores_a_qc_sheet(
    qtbot: QtBot, qapp: QApplication, qloop: asyncio.AbstractEventLoop, desk_server: Server, tmp_path: Path
) -> None:
    async def scenario() -> None:
        agent, lead = await two_desks(qapp, tmp_path, desk_server, SystemClock())  # type: ignore[arg-type]
        shopper, conv = await join(desk_server.url, "被抽查的")
        agent_view = await wait_until(lambda: agent.desk.window.views.get(conv))
        await shopper.send_text(conv, "我的订单还没发货")
        await wait_until(lambda: lead.desk.floor.live_action.isVisible())

        # Ctrl+Shift+L lists the live chats; Enter watches the chosen one in a read-only tab.
        await front(lead.desk.window)
        press(qtbot, Qt.Key.Key_L, CTRL_SHIFT)
        live = await shown(lambda: lead.desk.floor.live)
        await wait_until(lambda: live.table.currentIndex().isValid() and live.table.hasFocus())
        press(qtbot, Qt.Key.Key_Return)
        watched = await wait_until(lambda: lead.desk.window.views.get(conv))
        await wait_until(lambda: "我的订单还没发货" in view_texts(watched))
        await wait_until(lambda: "watching" in agent_view.observed.text())

        # Escape leaves the live list; Ctrl+Shift+W whispers to the agent of the watched chat.
        press(qtbot, Qt.Key.Key_Escape)
        await wait_until(lambda: not live.isVisible())
        await front(lead.desk.window)
        press(qtbot, Qt.Key.Key_W, CTRL_SHIFT)
        whisper = await shown(lambda: lead.desk.floor.dialog)
        type_here(qtbot, "先道歉,再查物流")
        press(qtbot, Qt.Key.Key_Return)
        await wait_until(lambda: "先道歉,再查物流" in agent_view.note.text())

        # The agent answers and closes the chat, keys only, so that it can be scored.
        await front(agent.desk.window)
        press(qtbot, Qt.Key.Key_1, CTRL)
        await wait_until(agent_view.compose.hasFocus)
        type_here(qtbot, "抱歉久等,马上为您查物流")
        press(qtbot, Qt.Key.Key_Return)
        await next_message(shopper)
        press(qtbot, Qt.Key.Key_W, CTRL)
        await shown(lambda: getattr(agent.desk, "wrap_up_dialog", None))
        press(qtbot, Qt.Key.Key_Return)
        await wait_until(lambda: conv not in agent.desk.window.views)

        # Ctrl+Shift+Q opens today's QC sheet: arrows set deductions, Tab to comments and Save.
        await front(lead.desk.window)
        press(qtbot, Qt.Key.Key_Q, CTRL_SHIFT)
        sheet = await shown(lambda: lead.desk.floor.dialog if lead.desk.floor.dialog is not whisper else None)
        press(qtbot, Qt.Key.Key_Up)
        press(qtbot, Qt.Key.Key_Up)
        tab_to(qtbot, "Comments for the trainee")
        type_here(qtbot, "先道歉做得好")
        press(qtbot, Qt.Key.Key_Tab)
        press(qtbot, Qt.Key.Key_Space)
        await wait_until(lambda: not sheet.isVisible())
        row = await wait_until(lambda: desk_server.db.execute("SELECT total, comments FROM qc_scores").fetchone())
        assert row["comments"] == "先道歉做得好"
        assert row["total"] == 98
        await shopper.close()
        for desk in (agent, lead):
            await desk.close()

    run(qloop, scenario(), units=60)
