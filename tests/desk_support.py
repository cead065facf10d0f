"""Helpers for desk tests: the real desk on a qasync loop beside the real server."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from pathlib import Path
from typing import Any, TypeVar

import keyring.backend
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from agent_desk.client.connection import Connection
from agent_desk.client.credentials import CredentialStore
from agent_desk.client.session import log_in
from agent_desk.protocol.messages import Event, EventKind
from agent_desk.ui.app import DeskApp, Login
from agent_desk.ui.desk import Desk
from agent_desk.ui.i18n import Translations
from agent_desk.ui.settings import DeskSettings
from support import timeout, wait_until

T = TypeVar("T")


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A working keyring that lives in this process: the OS keyring is outside the project."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type as an agent would: ASCII by key events, Chinese through the input method.

    QTest only simulates ASCII keys; Chinese text arrives from an IME as a
    committed string, so that is what this sends for non-ASCII runs.
    """
    for number, line in enumerate(text.split("\n")):
        if number:
            qtbot.keyClick(widget, Qt.Key.Key_Return)  # QTest has no key for "\n" itself
        _type_line(qtbot, widget, line)


def _type_line(qtbot: QtBot, widget: QWidget, text: str) -> None:
    for run_text, ascii_run in _runs(text):
        if ascii_run:
            qtbot.keyClicks(widget, run_text)
        else:
            event = QInputMethodEvent("", [])
            event.setCommitString(run_text)
            QApplication.sendEvent(widget, event)


def _runs(text: str) -> list[tuple[str, bool]]:
    runs: list[tuple[str, bool]] = []
    for char in text:
        is_ascii = char.isascii()
        if runs and runs[-1][1] == is_ascii:
            runs[-1] = (runs[-1][0] + char, is_ascii)
        else:
            runs.append((char, is_ascii))
    return runs


def run(loop: asyncio.AbstractEventLoop, coro: Coroutine[Any, Any, T], units: float = 10) -> T:
    """Run a coroutine on the qasync loop (Qt events keep flowing meanwhile)."""
    return loop.run_until_complete(asyncio.wait_for(coro, timeout(units)))


class GatedConnector:
    """Connection.open behind a gate: closing it holds reconnects back, like a dead network."""

    def __init__(self) -> None:
        self.gate = asyncio.Event()
        self.gate.set()

    async def __call__(self, *args: Any, **kwargs: Any) -> Connection:
        await self.gate.wait()
        return await Connection.open(*args, **kwargs)


def make_desk_app(
    qapp: QApplication,
    tmp_path: Path,
    url: str,
    backend: keyring.backend.KeyringBackend | None = None,
    connector: Any = Connection.open,
    server_clock: Any = None,
    login_dialog: Any = None,
) -> DeskApp:
    qapp.setQuitOnLastWindowClosed(False)  # as agent_desk.ui.app.main sets it
    settings = DeskSettings(QSettings(str(tmp_path / "desk.ini"), QSettings.Format.IniFormat))
    settings.sound_enabled = False  # no audio device in CI; the cue signal is still tested
    data_dir = tmp_path / "desk-data"
    data_dir.mkdir(exist_ok=True)
    credentials = CredentialStore(backend or MemoryKeyring())
    return DeskApp(
        settings,
        credentials,
        Translations(qapp),
        data_dir,
        server=url,
        connector=connector,
        server_clock=server_clock,
        login_dialog=login_dialog,
    )


class RunningDesk:
    """A desk started with a token, and the task that runs it."""

    def __init__(self, app: DeskApp, task: asyncio.Task[bool]) -> None:
        self.app = app
        self.task = task

    @property
    def desk(self) -> Desk:
        assert self.app.desk is not None
        return self.app.desk

    async def close(self) -> bool:
        self.desk.window.close()
        return await self.task


async def start_desk(app: DeskApp, url: str, username: str, password: str) -> RunningDesk:
    ok = await log_in(url, username, password)
    task = asyncio.ensure_future(app.run_desk(Login(url, username, ok.token)))
    await wait_until(lambda: app.desk is not None and app.desk.session.online)
    return RunningDesk(app, task)


async def join(url: str, name: str) -> tuple[Connection, str]:
    conn = await Connection.open(url, client_name=f"customer-{name}")
    joined = await conn.join_as_customer(name)
    return conn, joined.conversation_id


async def join_with_token(url: str, name: str) -> tuple[Connection, str, str]:
    conn = await Connection.open(url, client_name=f"customer-{name}")
    joined = await conn.join_as_customer(name)
    return conn, joined.conversation_id, joined.customer_token


async def next_message(conn: Connection, units: float = 5) -> Event:
    return await conn.next_event(
        Event, timeout(units), where=lambda e: e.kind is EventKind.MESSAGE and e.author_role != "customer"
    )
