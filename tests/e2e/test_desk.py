"""The agent desk (real widgets, pytest-qt) against the real server on loopback.

Each test runs its scenario as a coroutine on the qasync loop, as the desk
itself runs; waits are on conditions (support.wait_until), never sleeps.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from desk_support import MemoryKeyring, join, make_desk_app, next_message, run, start_desk, type_text
from keyring.backends import fail
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from support import wait_until

from agent_desk.protocol.messages import Role
from agent_desk.server.app import Server
from agent_desk.ui.chat_view import ChatView

pytestmark = pytest.mark.e2e


def add_agent(server: Server, username: str = "mei", max_chats: int = 4) -> None:
    server.accounts.add_user(username, f"pw-{username}", Role.AGENT, "小美", max_chats=max_chats)


def type_and_send(qtbot: QtBot, view: ChatView, text: str) -> None:
    type_text(qtbot, view.compose, text)
    qtbot.keyClick(view.compose, Qt.Key.Key_Return)


def files_containing(root: Path, secret: str) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and secret.encode() in p.read_bytes()]


# ---------------------------------------------------------------- login


def test_login_with_remember_me_keeps_only_the_token_in_the_keyring(
    qtbot: QtBot, qapp: QApplication, qloop: asyncio.AbstractEventLoop, desk_server: Server, tmp_path: Path
) -> None:
    add_agent(desk_server)
    backend = MemoryKeyring()
    app = make_desk_app(qapp, tmp_path, desk_server.url, backend)

    async def scenario() -> int:
        runner = asyncio.ensure_future(app.run())
        dialog = await wait_until(lambda: app.login_dialog)
        dialog.username.clear()
        qtbot.keyClicks(dialog.username, "mei")
        qtbot.keyClicks(dialog.password, "pw-mei")
        qtbot.keyClick(dialog.remember, Qt.Key.Key_Space)
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        desk = await wait_until(lambda: app.desk if app.desk and app.desk.session.online else None)
        token = next(iter(backend.secrets.values()))
        assert token == desk.session.token
        assert app.keyring_problem is None
        assert files_containing(tmp_path / "desk-data", token) == []
        assert files_containing(tmp_path / "desk-data", "pw-mei") == []
        desk.window.close()
        return await runner

    assert run(qloop, scenario()) == 0


def test_login_without_a_usable_keyring_says_so_and_keeps_the_token_in_memory(
    qtbot: QtBot, qapp: QApplication, qloop: asyncio.AbstractEventLoop, desk_server: Server, tmp_path: Path
) -> None:
    add_agent(desk_server)
    app = make_desk_app(qapp, tmp_path, desk_server.url, fail.Keyring())

    async def scenario() -> None:
        runner = asyncio.ensure_future(app.run())
        dialog = await wait_until(lambda: app.login_dialog)
        qtbot.keyClicks(dialog.password, "wrong")
        dialog.username.setText("mei")
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        await wait_until(lambda: dialog.buttons.isEnabled() and "password" in dialog.message.text())
        dialog.password.clear()
        qtbot.keyClicks(dialog.password, "pw-mei")
        dialog.remember.setChecked(True)
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        desk = await wait_until(lambda: app.desk if app.desk and app.desk.session.online else None)
        assert desk.window.notice.isVisible()
        assert "keyring" in desk.window.notice.text()
        assert files_containing(tmp_path, desk.session.token) == []
        desk.window.close()
        await runner

    run(qloop, scenario())


# ---------------------------------------------------------------- several chats


def test_four_chats_open_four_tabs_and_replies_reach_the_right_customers(
    qtbot: QtBot, qapp: QApplication, qloop: asyncio.AbstractEventLoop, desk_server: Server, tmp_path: Path
) -> None:
    add_agent(desk_server)
    app = make_desk_app(qapp, tmp_path, desk_server.url)

    async def scenario() -> None:
        running = await start_desk(app, desk_server.url, "mei", "pw-mei")
        window = running.desk.window
        customers = [await join(desk_server.url, name) for name in ("张三", "李四", "王五", "Alice")]
        await wait_until(lambda: len(window.views) == 4)
        assert [window.tabs.tabText(i).split()[0] for i in range(4)] == ["张三", "李四", "王五", "Alice"]
        for index, (conn, conv) in enumerate(customers):
            await conn.send_text(conv, f"question {index}")
        for index, (_conn, conv) in enumerate(customers):
            view = window.views[conv]
            await wait_until(lambda v=view: v.model.rowCount() >= 3)
            type_and_send(qtbot, view, f"answer for {index}")
        for index, (conn, _conv) in enumerate(customers):
            reply = await next_message(conn)
            assert reply.text == f"answer for {index}"
            assert reply.author_role is Role.AGENT
        for conn, _ in customers:
            await conn.close()
        await running.close()

    run(qloop, scenario(), units=20)


def test_keyboard_only_switching_urgent_jump_and_reply(
    qtbot: QtBot, qapp: QApplication, qloop: asyncio.AbstractEventLoop, desk_server: Server, tmp_path: Path
) -> None:
    add_agent(desk_server)
    app = make_desk_app(qapp, tmp_path, desk_server.url)

    async def scenario() -> None:
        running = await start_desk(app, desk_server.url, "mei", "pw-mei")
        window = running.desk.window
        window.activateWindow()
        first, first_conv = await join(desk_server.url, "先来的")
        second, second_conv = await join(desk_server.url, "后来的")
        await wait_until(lambda: len(window.views) == 2)
        await first.send_text(first_conv, "我等了很久")
        await wait_until(lambda: window.views[first_conv].record.waiting_since is not None)
        await second.send_text(second_conv, "在吗")
        await wait_until(lambda: window.views[second_conv].record.waiting_since is not None)

        qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
        assert window.current_view() is window.views[second_conv]
        qtbot.keyClick(window, Qt.Key.Key_F8)
        assert window.current_view() is window.views[first_conv], "F8 goes to the longest wait"
        compose = window.views[first_conv].compose
        await wait_until(lambda: compose.hasFocus())
        type_text(qtbot, compose, "您好,马上为您查")
        qtbot.keyClick(compose, Qt.Key.Key_Return)
        assert (await next_message(first)).text == "您好,马上为您查"
        await wait_until(lambda: window.views[first_conv].record.waiting_since is None)
        qtbot.keyClick(window, Qt.Key.Key_F8)
        assert window.current_view() is window.views[second_conv]
        for conn in (first, second):
            await conn.close()
        await running.close()

    run(qloop, scenario(), units=20)
