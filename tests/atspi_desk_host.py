"""The desks under test for tests/e2e/test_accessibility.py, as one real process on a real display.

Runs a real server (SQLite in DATA_DIR, a manual clock) and three real desks on
Qt's xcb platform: an agent (mei) with chats open, a team lead (liu) with the
floor windows, a trainer (chen) with a practice console. The test drives it
with one JSON command a line on stdin and reads one JSON reply a line on stdout:
Qt registers the windows on the AT-SPI bus, and the pyatspi probe reads them.

    python tests/atspi_desk_host.py DATA_DIR
"""

from __future__ import annotations

import asyncio
import json
import sys
import threading
import traceback
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import qasync
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSlider,
    QTabBar,
    QTableView,
    QTextEdit,
    QToolButton,
    QTreeView,
    QWidget,
)

from agent_desk.client.connection import Connection
from agent_desk.domain.clock import ManualClock
from agent_desk.protocol.messages import Escalate, Ok, Role
from agent_desk.server.app import Server
from agent_desk.server.demo import seed_demo_content, seed_demo_scenarios
from desk_support import RunningDesk, join, make_desk_app, start_desk
from support import make_config, staff, wait_until

ATSPI_PATH = "/org/a11y/atspi/accessible/"
CONTROL_CLASSES = (
    QCheckBox,
    QRadioButton,
    QPushButton,
    QToolButton,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QAbstractSpinBox,
    QSlider,
    QTabBar,
    QTableView,
    QTreeView,
    QListView,
)
"""Widgets a user operates, most specific first: each must reach the screen reader with a name and its role."""

ACCOUNTS = {
    "mei": (Role.AGENT, "小美"),
    "liu": (Role.LEAD, "组长 刘姐"),
    "chen": (Role.TRAINER, "陈老师"),
    "t1": (Role.TRAINEE, "学员一"),
    "wang": (Role.SPECIALIST, "专家 王"),
}


def atspi_path(widget: QWidget) -> str:
    """The object path Qt gives this widget on the AT-SPI bus (QAccessible's unique id)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return ATSPI_PATH + str(QAccessible.uniqueId(interface)) if interface is not None else ""


def control_kind(widget: QWidget) -> str:
    """The Qt class that says which role the widget must have; empty for what a user does not operate."""
    if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus or widget.objectName().startswith("qt_"):
        return ""  # headers, scroll bars, a spin box's editor: parts Qt exposes through their control
    return next((cls.__name__ for cls in CONTROL_CLASSES if isinstance(widget, cls)), "")


class Host:
    def __init__(self, app: QApplication, data_dir: Path) -> None:
        self.app, self.data_dir = app, data_dir
        self.clock = ManualClock()
        self.server = Server(make_config(data_dir / "server", grace_seconds=30), self.clock)
        self.desks: dict[str, RunningDesk] = {}
        self.customers: list[tuple[Connection, str]] = []
        self.others: list[Connection] = []
        self.dialog: QWidget | None = None

    async def start(self) -> dict[str, Any]:
        await self.server.start()
        seed_demo_content(self.server.phrases, self.server.knowledge)  # real quick replies and articles
        seed_demo_scenarios(self.server.practice.store)
        for username, (role, display_name) in ACCOUNTS.items():
            self.server.accounts.add_user(username, f"pw-{username}", role, display_name)
        for username in ("mei", "liu", "chen"):
            home = self.data_dir / username
            home.mkdir(parents=True, exist_ok=True)
            app = make_desk_app(self.app, home, self.server.url, server_clock=self.clock.now)
            self.desks[username] = await start_desk(app, self.server.url, username, f"pw-{username}")
        return {"windows": {name: running.desk.window.windowTitle() for name, running in self.desks.items()}}

    # ------------------------------------------------------------ views

    async def agent_views(self) -> dict[str, Any]:
        """Two chats with messages, the first one current, its compose box focused."""
        desk = self.desks["mei"].desk
        for name, text in (("王女士", "我的订单还没发货"), ("李先生", "能开发票吗")):
            conn, conversation_id = await join(self.server.url, name)
            await wait_until(lambda cid=conversation_id: desk.window.views.get(cid))
            await conn.send_text(conversation_id, text)
            self.customers.append((conn, conversation_id))
        first = desk.window.views[self.customers[0][1]]
        await wait_until(lambda: first.model.rowCount() > 0)
        await desk.knowledge.search("发货", "search")
        await wait_until(lambda: desk.knowledge.panel.results.count() > 0)
        desk.window.focus_view(first)
        first.compose.setFocus()
        return await self.activate(desk.window)

    async def open_dialog(self, name: str) -> dict[str, Any]:
        """A quick-reply dialog over the agent's desk (window-modal, so closed again after)."""
        quick_replies = self.desks["mei"].desk.quick_replies
        await wait_until(lambda: quick_replies.book.search("", 1))
        if name == "palette":
            quick_replies.open_palette()
            dialog: QWidget | None = quick_replies.palette
        else:
            quick_replies.open_manager()
            dialog = quick_replies.manager
        assert dialog is not None
        await wait_until(dialog.isVisible)
        self.dialog = dialog
        return await self.activate(dialog)

    async def close_dialog(self) -> dict[str, Any]:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.reject()  # type: ignore[attr-defined]
            await wait_until(lambda: not dialog.isVisible())
        return {}

    async def lead_views(self) -> dict[str, Any]:
        floor = self.desks["liu"].desk.floor
        floor.show_live()
        floor.show_dashboard()
        live, dashboard = floor.live, floor.dashboard
        assert live is not None
        assert dashboard is not None
        await wait_until(lambda: live.proxy.rowCount() > 0)
        return {"live": live.windowTitle(), "dashboard": dashboard.windowTitle()}

    async def trainer_views(self) -> dict[str, Any]:
        self.others.append(await staff(self.server, "t1", Role.TRAINEE))
        practice = self.desks["chen"].desk.practice
        scenario = self.server.practice.store.scenarios()[0]
        await practice._open(["t1"], scenario.scenario_id, "入门练习")
        console = await wait_until(lambda: practice.console)
        return {"console": console.windowTitle()}

    def window_titled(self, title: str) -> QWidget:
        for widget in self.app.topLevelWidgets():
            if widget.isVisible() and widget.windowTitle() == title:
                return widget
        raise LookupError(f"no visible window titled {title!r}")

    async def activate(self, window: QWidget) -> dict[str, Any]:
        window.raise_()
        window.activateWindow()
        await wait_until(window.isActiveWindow)
        focus = await wait_until(self.app.focusWidget)
        return {"title": window.windowTitle(), "focus": atspi_path(focus)}

    def controls(self, title: str) -> list[dict[str, str]]:
        """Every visible widget a user operates in this window, with its AT-SPI path and class."""
        window = self.window_titled(title)
        found = []
        for widget in window.findChildren(QWidget):
            kind = control_kind(widget)
            if kind and widget.isVisible() and widget.window() is window:
                where = f"{type(widget).__name__} {widget.objectName()} in {type(widget.parentWidget()).__name__}"
                found.append({"path": atspi_path(widget), "kind": kind, "where": where})
        return found

    # ------------------------------------------------------------ events that must be announced

    async def new_chat(self) -> dict[str, Any]:
        desk = self.desks["mei"].desk
        conn, conversation_id = await join(self.server.url, "赵小姐")
        self.customers.append((conn, conversation_id))
        await wait_until(lambda: desk.window.views.get(conversation_id))
        return {"customer": "赵小姐"}

    async def background_message(self) -> dict[str, Any]:
        desk = self.desks["mei"].desk
        conn, conversation_id = self.customers[1]
        background = desk.window.views[conversation_id]
        assert desk.window.current_view() is not background, "the chat must be in the background"
        await conn.send_text(conversation_id, "在吗?急")
        await wait_until(lambda: desk.window.views[conversation_id].record.unread > 0)
        return {"customer": "李先生"}

    async def breach(self) -> dict[str, Any]:
        desk = self.desks["mei"].desk
        self.clock.advance(desk.watch.targets.first_seconds * 3)
        desk.refresh_all()
        return {}

    async def escalate(self) -> dict[str, Any]:
        desk = self.desks["mei"].desk
        conversation_id = self.customers[0][1]
        view = desk.window.views[conversation_id]
        request = Escalate(id=desk.session.new_id(), conversation_id=conversation_id, reason="technical", note="")
        await desk.session.request(request, Ok)
        await wait_until(lambda: "waiting" in view.escalation.text())
        return {"customer": "王女士"}

    async def specialist_takes(self) -> dict[str, Any]:
        view = self.desks["mei"].desk.window.views[self.customers[0][1]]
        self.others.append(await staff(self.server, "wang", Role.SPECIALIST))
        await wait_until(lambda: "taken by" in view.escalation.text())
        return {"customer": "王女士"}

    async def stop(self) -> None:
        for running in self.desks.values():
            await running.close()
        for conn in [c for c, _ in self.customers] + self.others:
            await conn.close()
        await self.server.stop()

    async def command(self, line: str) -> dict[str, Any]:
        request = json.loads(line)
        name = request.pop("cmd")
        simple: dict[str, Callable[[], Awaitable[dict[str, Any]]]] = {
            "agent_views": self.agent_views,
            "lead_views": self.lead_views,
            "trainer_views": self.trainer_views,
            "new_chat": self.new_chat,
            "background_message": self.background_message,
            "breach": self.breach,
            "escalate": self.escalate,
            "specialist_takes": self.specialist_takes,
        }
        if name in simple:
            return await simple[name]()
        if name == "activate":
            return await self.activate(self.window_titled(request["title"]))
        if name == "open_dialog":
            return await self.open_dialog(request["name"])
        if name == "close_dialog":
            return await self.close_dialog()
        if name == "announce":
            self.desks["mei"].desk.notifier.announce(request["text"])
            return {}
        if name == "controls":
            return {"controls": self.controls(request["title"])}
        raise ValueError(f"unknown command {name!r}")


def read_stdin(loop: asyncio.AbstractEventLoop, lines: asyncio.Queue[str]) -> None:
    """stdin has no Qt notifier here: a thread hands each line to the loop (EOF ends the host)."""
    for line in sys.stdin:
        loop.call_soon_threadsafe(lines.put_nowait, line)
    loop.call_soon_threadsafe(lines.put_nowait, "")


def reply(record: dict[str, Any]) -> None:
    print(json.dumps(record, ensure_ascii=False), flush=True)


async def serve(app: QApplication, data_dir: Path) -> None:
    host = Host(app, data_dir)
    lines: asyncio.Queue[str] = asyncio.Queue()
    threading.Thread(target=read_stdin, args=(asyncio.get_running_loop(), lines), daemon=True).start()
    try:
        reply({"ready": True, **await host.start()})
        while line := await lines.get():
            try:
                reply({"ok": True, **await host.command(line)})
            except Exception:  # the test shows the host's traceback as its failure
                reply({"ok": False, "error": traceback.format_exc()})
    finally:
        await host.stop()


def main() -> int:
    app = QApplication(["agent-desk-a11y"])
    app.setQuitOnLastWindowClosed(False)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        loop.run_until_complete(serve(app, Path(sys.argv[1])))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
