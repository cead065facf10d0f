"""The agent desk (real widgets, pytest-qt) against the real server on loopback.

Each test runs its scenario as a coroutine on the qasync loop, as the desk
itself runs; waits are on conditions (support.wait_until), never sleeps.
"""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from agent_desk.client.chats import ChatRecord, Delivery
from agent_desk.client.connection import Connection
from agent_desk.client.session import log_in
from agent_desk.domain.clock import SystemClock
from agent_desk.protocol.messages import (
    ChatState,
    CloseChat,
    ConversationInfo,
    Event,
    EventKind,
    Ok,
    Role,
    TypingNotice,
)
from agent_desk.server import db as database
from agent_desk.server.accounts import Accounts
from agent_desk.server.app import Server
from agent_desk.ui.app import Login
from agent_desk.ui.chat_view import ChatView
from agent_desk.ui.login_dialog import LoginDialog
from agent_desk.ui.message_model import MessageModel, Roles
from conftest import DeskDriver
from desk_support import (
    GatedConnector,
    MemoryKeyring,
    RunningDesk,
    join,
    join_with_token,
    make_desk_app,
    next_message,
    run,
    start_desk,
    type_text,
)
from support import ServerProcess, timeout, wait_until

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


def test_a_quit_asked_while_the_desk_is_being_built_stops_it_before_it_connects(
    qapp: QApplication, qloop: asyncio.AbstractEventLoop, desk_server: Server, tmp_path: Path
) -> None:
    """SIGTERM between the login and the main window (no window to close yet) is not lost."""
    add_agent(desk_server)
    app = make_desk_app(qapp, tmp_path, desk_server.url)

    async def scenario() -> bool:
        ok = await log_in(desk_server.url, "mei", "pw-mei")
        app.request_quit()
        return await app.run_desk(Login(desk_server.url, "mei", ok.token))

    assert run(qloop, scenario()) is False
    assert app.desk is None
    assert not any(seat.online for seat in desk_server.service.floor.seats.values())


def test_the_login_window_shown_early_by_the_launcher_is_the_one_that_logs_in(
    qtbot: QtBot, qapp: QApplication, qloop: asyncio.AbstractEventLoop, desk_server: Server, tmp_path: Path
) -> None:
    add_agent(desk_server)
    early = LoginDialog(desk_server.url, "mei", False)
    early.show()
    app = make_desk_app(qapp, tmp_path, desk_server.url, login_dialog=early)

    async def scenario() -> int:
        runner = asyncio.ensure_future(app.run())
        dialog = await wait_until(lambda: app.login_dialog)
        assert dialog is early
        qtbot.keyClicks(dialog.password, "pw-mei")
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        desk = await wait_until(lambda: app.desk if app.desk and app.desk.session.online else None)
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
        # The agent reads a sentence of the desk's (translated), not the server's log words.
        await wait_until(lambda: dialog.buttons.isEnabled() and dialog.message.text() == "Wrong user name or password.")
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
    qtbot: QtBot, qapp: QApplication, drive_desk: DeskDriver, desk_server: Server
) -> None:
    async def scenario(running: RunningDesk) -> None:
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

    drive_desk(scenario)


def test_keyboard_only_switching_urgent_jump_and_reply(
    qtbot: QtBot, qapp: QApplication, drive_desk: DeskDriver, desk_server: Server
) -> None:
    async def scenario(running: RunningDesk) -> None:
        window = running.desk.window
        window.activateWindow()
        first, first_conv = await join(desk_server.url, "先来的")
        second, second_conv = await join(desk_server.url, "后来的")
        await wait_until(lambda: len(window.views) == 2)
        await first.send_text(first_conv, "我等了很久")
        await wait_until(lambda: window.views[first_conv].record.waiting_since is not None)
        await second.send_text(second_conv, "在吗")
        await wait_until(lambda: window.views[second_conv].record.waiting_since is not None)

        qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
        draft = window.views[first_conv].compose
        qtbot.keyClicks(draft, "draft for the first")
        qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
        assert window.current_view() is window.views[second_conv]
        qtbot.keyClick(qapp.focusWidget() or window, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
        assert window.current_view() is window.views[first_conv], "Ctrl+Tab cycles"
        assert draft.toPlainText() == "draft for the first", "drafts stay with their tab"
        draft.clear()
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

    drive_desk(scenario)


# ---------------------------------------------------------------- a connection you can trust


def test_reconnect_banner_counts_the_messages_that_arrived_meanwhile(
    qtbot: QtBot, drive_desk: DeskDriver, desk_server: Server
) -> None:
    connector = GatedConnector()

    async def scenario(running: RunningDesk) -> None:
        desk = running.desk
        shopper, conv = await join(desk_server.url, "断线时")
        await wait_until(lambda: conv in desk.window.views)
        connector.gate.clear()
        await desk.session.drop_connection()
        await wait_until(lambda: desk.window.banner.isVisible() and "Reconnecting" in desk.window.banner.text())
        await shopper.send_text(conv, "还在吗?")
        await shopper.send_text(conv, "我急着下单")
        connector.gate.set()
        await wait_until(lambda: "2 messages arrived" in desk.window.banner.text())
        view = desk.window.views[conv]
        texts = [view.model.index(row).data() for row in range(view.model.rowCount())]
        assert texts[-2:] == ["还在吗?", "我急着下单"]
        await shopper.close()

    drive_desk(scenario, connector=connector)


def _server_with_agent(tmp_path: Path) -> ServerProcess:
    data = tmp_path / "server"
    db = database.open_database(data / "agentdesk.sqlite3")
    Accounts(db, SystemClock(), 3600).add_user("mei", "pw-mei", Role.AGENT, "小美")
    db.close()
    return ServerProcess(data, "--grace", "60")


def _stored_count(server: ServerProcess, text: str) -> int:
    db = sqlite3.connect(server.data_dir / "agentdesk.sqlite3")
    try:
        return int(db.execute("SELECT COUNT(*) FROM events WHERE text = ?", (text,)).fetchone()[0])
    finally:
        db.close()


def _delivery(view: ChatView, text: str) -> str | None:
    for row in range(view.model.rowCount()):
        index = view.model.index(row)
        if index.data() == text:
            return str(index.data(Roles.DELIVERY))
    return None


def test_reply_pending_while_the_server_restarts_is_delivered_exactly_once(
    qtbot: QtBot, qapp: QApplication, qloop: asyncio.AbstractEventLoop, tmp_path: Path
) -> None:
    server = _server_with_agent(tmp_path)
    url = server.start()
    app = make_desk_app(qapp, tmp_path, url)

    async def scenario() -> None:
        running = await start_desk(app, url, "mei", "pw-mei")
        window = running.desk.window
        shopper, conv = await join(url, "重启时")
        await wait_until(lambda: conv in window.views)
        view = window.views[conv]
        server.kill()
        await wait_until(lambda: not running.desk.session.online)
        type_and_send(qtbot, view, "reply while the server is down")
        await wait_until(lambda: _delivery(view, "reply while the server is down") == Delivery.PENDING)
        server.start(port=int(url.rsplit(":", 1)[1].split("/")[0]))
        await wait_until(lambda: _delivery(view, "reply while the server is down") == Delivery.DELIVERED, 30)
        assert _stored_count(server, "reply while the server is down") == 1
        await shopper.abort()
        await running.close()

    try:
        run(qloop, scenario(), units=40)
    finally:
        server.stop()


def test_desk_closed_with_an_unsent_reply_sends_it_once_at_the_next_start(
    qtbot: QtBot, qapp: QApplication, qloop: asyncio.AbstractEventLoop, tmp_path: Path
) -> None:
    server = _server_with_agent(tmp_path)
    url = server.start()
    port = int(url.rsplit(":", 1)[1].split("/")[0])

    async def scenario() -> None:
        first = await start_desk(make_desk_app(qapp, tmp_path, url), url, "mei", "pw-mei")
        shopper, conv, customer_token = await join_with_token(url, "关机前")
        await wait_until(lambda: conv in first.desk.window.views)
        view = first.desk.window.views[conv]
        server.kill()
        await wait_until(lambda: not first.desk.session.online)
        type_and_send(qtbot, view, "sent just before quitting")
        await wait_until(lambda: _delivery(view, "sent just before quitting") == Delivery.PENDING)
        await first.close()
        await shopper.abort()

        server.start(port=port)
        second = await start_desk(make_desk_app(qapp, tmp_path, url), url, "mei", "pw-mei")
        new_view = await wait_until(lambda: second.desk.window.views.get(conv))
        await wait_until(lambda: _delivery(new_view, "sent just before quitting") == Delivery.DELIVERED, 30)
        back = await Connection.open(url, customer_token=customer_token)
        resumed = await back.resume({conv: 0})
        replay = [await back.next_event(Event, timeout()) for _ in range(resumed.replayed)]
        staff_lines = [e.text for e in replay if e.kind is EventKind.MESSAGE and e.author_role is Role.AGENT]
        assert staff_lines == ["sent just before quitting"]
        await back.close()
        await second.close()

    try:
        run(qloop, scenario(), units=40)
    finally:
        server.stop()


# ---------------------------------------------------------------- the rest of the agent's day


def test_background_messages_are_counted_announced_and_sounded(
    qtbot: QtBot, drive_desk: DeskDriver, desk_server: Server
) -> None:
    async def scenario(running: RunningDesk) -> None:
        desk = running.desk
        running.app.settings.sound_enabled = True
        announced: list[tuple[str, bool]] = []
        cues: list[str] = []
        desk.notifier.announced.connect(lambda text, assertive: announced.append((text, assertive)))
        desk.notifier.cue_played.connect(cues.append)
        first, first_conv = await join(desk_server.url, "前台")
        await wait_until(lambda: ("New chat from 前台", False) in announced)
        second, second_conv = await join(desk_server.url, "后台")
        await wait_until(lambda: second_conv in desk.window.views)
        desk.window.focus_view(desk.window.views[first_conv])
        await second.send_text(second_conv, "有人吗")
        await wait_until(lambda: ("后台 says: 有人吗", False) in announced)
        record = desk.window.views[second_conv].record
        assert record.unread == 1
        assert "(1 new)" in desk.window.tabs.tabText(desk.window.tabs.indexOf(desk.window.views[second_conv]))
        assert cues.count("NEW_CHAT") == 2
        assert "NEW_MESSAGE" in cues
        desk.window.focus_view(desk.window.views[second_conv])
        assert record.unread == 0
        running.app.settings.announce_enabled = False
        await second.send_text(second_conv, "静音后")
        view = desk.window.views[second_conv]
        await wait_until(lambda: view.model.index(view.model.rowCount() - 1).data() == "静音后")
        assert not any("静音后" in text for text, _ in announced)
        for conn in (first, second):
            await conn.close()

    drive_desk(scenario)


def test_typing_shows_both_ways(qtbot: QtBot, qapp: QApplication, drive_desk: DeskDriver, desk_server: Server) -> None:
    async def scenario(running: RunningDesk) -> None:
        shopper, conv = await join(desk_server.url, "打字的")
        view = await wait_until(lambda: running.desk.window.views.get(conv))
        await shopper.typing(conv, True)
        await wait_until(lambda: "typing" in view.typing.text())
        await shopper.typing(conv, False)
        await wait_until(lambda: view.typing.text() == "")
        qtbot.keyClicks(view.compose, "Let me check")
        notice = await shopper.next_event(TypingNotice, timeout())
        assert (notice.role, notice.active) == (Role.AGENT, True)
        await shopper.close()

    drive_desk(scenario)


def test_close_with_wrap_up_then_open_it_read_only_from_history(
    qtbot: QtBot, qapp: QApplication, drive_desk: DeskDriver, desk_server: Server
) -> None:
    async def scenario(running: RunningDesk) -> None:
        desk = running.desk
        shopper, conv = await join(desk_server.url, "问尺码")
        view = await wait_until(lambda: desk.window.views.get(conv))
        await shopper.send_text(conv, "M码胸围多少?")
        type_and_send(qtbot, view, "M码胸围96cm")
        await wait_until(lambda: _delivery(view, "M码胸围96cm") == Delivery.DELIVERED)
        desk.window.focus_view(view)
        qtbot.keyClick(desk.window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
        dialog = await wait_until(lambda: getattr(desk, "wrap_up_dialog", None))
        qtbot.keyClick(dialog.codes, Qt.Key.Key_Down)
        qtbot.keyClick(dialog.codes, Qt.Key.Key_Down)
        qtbot.keyClick(dialog.codes, Qt.Key.Key_Return)
        await wait_until(lambda: conv not in desk.window.views)
        stored = desk_server.conversations.get(conv)
        assert stored is not None
        assert stored.wrap_up == "size_advice"

        desk.window.activateWindow()
        await wait_until(desk.window.isActiveWindow)
        qtbot.keyClick(desk.window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
        history = await wait_until(lambda: getattr(desk, "history_dialog", None))
        assert "问尺码" in history.chats.item(0).text()
        qtbot.keyClick(history.chats, Qt.Key.Key_Return)
        reopened = await wait_until(lambda: desk.window.views.get(conv))
        texts = [reopened.model.index(r).data() for r in range(reopened.model.rowCount())]
        assert "M码胸围多少?" in texts
        assert "M码胸围96cm" in texts
        assert reopened.compose.isReadOnly()
        assert not reopened.send_button.isEnabled()
        await shopper.close()

    drive_desk(scenario)


def test_status_paused_stops_new_chats_and_own_limit_is_kept(
    qtbot: QtBot, qapp: QApplication, drive_desk: DeskDriver, desk_server: Server
) -> None:
    async def scenario(running: RunningDesk) -> None:
        window = running.desk.window
        window.status_box.setFocus()
        window.status_box.setCurrentIndex(window.status_box.findData("paused"))
        window.status_box.activated.emit(window.status_box.currentIndex())
        await wait_until(lambda: desk_server.service.floor.seats["mei"].status == "paused")
        shopper, conv = await join(desk_server.url, "暂停时")
        assert conv not in window.views
        window.limit.setValue(2)
        window.status_box.setCurrentIndex(window.status_box.findData("available"))
        window.status_box.activated.emit(window.status_box.currentIndex())
        await wait_until(lambda: conv in window.views)
        assert desk_server.service.floor.seats["mei"].limit == 2
        await wait_until(lambda: window.load.text() == "1 of 2 chats")
        await shopper.close()

    drive_desk(scenario)


def test_a_refused_message_is_marked_failed_and_can_be_cancelled(
    qtbot: QtBot, qapp: QApplication, drive_desk: DeskDriver, desk_server: Server
) -> None:
    async def scenario(running: RunningDesk) -> None:
        desk = running.desk
        shopper, conv = await join(desk_server.url, "走了的")
        view = await wait_until(lambda: desk.window.views.get(conv))
        await shopper.request(CloseChat(id="bye", conversation_id=conv), Ok)
        await wait_until(lambda: view.record.closed)
        # The tab turned read-only; a message already queued before that still goes out and is refused.
        await desk.session.send(conv, "too late")
        await wait_until(lambda: _delivery(view, "too late") == Delivery.FAILED)
        row = next(r for r in range(view.model.rowCount()) if view.model.index(r).data() == "too late")
        spoken = view.model.index(row).data(Qt.ItemDataRole.AccessibleTextRole)
        assert "not sent: This chat has closed." in spoken, "the reason in the desk's words, not the server's"
        view.messages.setFocus()
        view.messages.setCurrentIndex(view.model.index(row))
        seen: list[str] = []
        desk.session_bridge.delivery_changed.connect(lambda _entry, state, _error: seen.append(state))
        qtbot.keyClick(view.messages, Qt.Key.Key_R)
        await wait_until(lambda: seen == ["pending", "failed"])
        qtbot.keyClick(view.messages, Qt.Key.Key_Delete)
        await wait_until(lambda: _delivery(view, "too late") is None)
        assert await desk.session.unsent() == []
        await shopper.close()

    drive_desk(scenario)


def test_message_model_passes_qtmodeltester(qtmodeltester: object) -> None:
    info = ConversationInfo(
        conversation_id="c1", customer_id="u1", customer_name="测试", state=ChatState.ASSIGNED, created_at=1.0
    )
    record = ChatRecord(info)
    model = MessageModel(record)
    model.apply(record.plan_event(Event(conversation_id="c1", seq=1, ts=1.0, kind=EventKind.QUEUED)))
    for seq in range(2, 6):
        event = Event(
            conversation_id="c1",
            seq=seq,
            ts=float(seq),
            kind=EventKind.MESSAGE,
            author_role=Role.CUSTOMER,
            author_name="测试",
            text=f"第{seq}条",
            client_msg_id=f"m{seq}",
        )
        model.apply(record.plan_event(event))
    model.apply(record.plan_pending("mine", "pending reply", "小美", Role.AGENT, 9.0))
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    model.apply(record.plan_delivery("mine", Delivery.FAILED, "closed"))
    model.apply(record.plan_cancel("mine"))
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.rowCount() == 5


def test_f1_shows_the_keyboard_map(qtbot: QtBot, drive_desk: DeskDriver, desk_server: Server) -> None:
    async def scenario(running: RunningDesk) -> None:
        window = running.desk.window
        window.activateWindow()
        await wait_until(window.isActiveWindow)
        qtbot.keyClick(window, Qt.Key.Key_F1)
        dialog = await wait_until(lambda: getattr(window, "shortcuts_dialog", None))
        entries = [dialog.list.item(i).text() for i in range(dialog.list.count())]
        assert any(e.startswith("F8") and "urgent" in e for e in entries)
        assert any(e.startswith("F2") and "greeting" in e for e in entries)
        assert any(e.startswith("F9") and "Escalate" in e for e in entries)
        assert not any("Live chats" in e for e in entries), "lead-only actions are hidden for an agent"
        keys = {e.split("    ")[1]: e.split("    ")[0] for e in entries}
        core = [
            "Go to the most urgent chat",
            "Send my greeting",
            "Escalate this chat",
            "Close chat",
            "Search quick replies",
            "Search the knowledge base",
            "Insert pinned reply 1",
        ]
        for action in core:
            assert keys[action].count("+") <= 1, f"{action} needs at most a two-key chord"

    drive_desk(scenario)
