"""``agent-desk``: the agent's desktop app.

agent-desk                 log in (or reuse a remembered session)
agent-desk --demo          log into the local demo server as the demo agent
agent-desk --smoke-test    show the login window, check the bundled files, quit (installer check)
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import signal
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import qasync
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication

import agent_desk
from agent_desk.client.chats import ChatBook
from agent_desk.client.connection import Connection, RequestFailed
from agent_desk.client.credentials import CredentialStore
from agent_desk.client.outbox import AsyncOutbox, account_key_for
from agent_desk.client.paths import ensure_private_dir, user_data_dir
from agent_desk.client.session import Connector, DeskSession, log_in
from agent_desk.ui.desk import Desk
from agent_desk.ui.i18n import LANGUAGES, Translations
from agent_desk.ui.login_dialog import LoginDialog
from agent_desk.ui.main_window import MainWindow
from agent_desk.ui.notifier import Cue, Notifier
from agent_desk.ui.paths import resource_path, translations_dir
from agent_desk.ui.session_bridge import SessionBridge
from agent_desk.ui.settings import DeskSettings
from agent_desk.ui.settings_menu import fill_settings_menu
from agent_desk.ui.themes import apply_text_size, apply_theme

DEMO_URL = "ws://127.0.0.1:8765/ws"
DEMO_USER = ("agent", "agent")


@dataclass(frozen=True, slots=True)
class Login:
    url: str
    username: str
    token: str


class DeskApp:
    """Runs login -> desk -> (signed out) -> login, until the agent quits."""

    def __init__(
        self,
        settings: DeskSettings,
        credentials: CredentialStore,
        translations: Translations,
        data_dir: Path,
        *,
        demo: bool = False,
        server: str | None = None,
        connector: Connector = Connection.open,
        server_clock: Callable[[], float] | None = None,
    ) -> None:
        self.settings = settings
        self.credentials = credentials
        self.translations = translations
        self.data_dir = data_dir
        self.demo = demo
        self.server = server
        self.desk: Desk | None = None
        self.login_dialog: LoginDialog | None = None
        self.keyring_problem: str | None = None
        self._connector = connector
        self._server_clock = server_clock
        app = QApplication.instance()
        font = app.font() if isinstance(app, QApplication) else None
        self._base_points = font.pointSizeF() if font is not None and font.pointSizeF() > 0 else 10.0

    async def run(self) -> int:
        login = await self._first_login()
        while login is not None:
            signed_out = await self.run_desk(login)
            if not signed_out:
                return 0
            await self.credentials.aforget(login.url, login.username)
            login = await self._ask_login()
        return 0

    async def _first_login(self) -> Login | None:
        if self.demo:
            ok = await log_in(self.server or DEMO_URL, *DEMO_USER, connector=self._connector)
            return Login(self.server or DEMO_URL, ok.user.username, ok.token)
        if self.settings.remember and self.settings.last_username:
            url, username = self.server or self.settings.last_server, self.settings.last_username
            token = await self.credentials.aload_token(url, username)
            if token:
                return Login(url, username, token)
        return await self._ask_login()

    async def _ask_login(self) -> Login | None:
        """Show the login dialog until a login works or the agent cancels."""
        dialog = LoginDialog(
            self.server or self.settings.last_server, self.settings.last_username, self.settings.remember
        )
        self.login_dialog = dialog
        done: asyncio.Future[Login | None] = asyncio.get_running_loop().create_future()
        attempts: set[asyncio.Task[None]] = set()

        def attempt(url: str, username: str, password: str, remember: bool) -> None:
            task = asyncio.ensure_future(self._try_login(dialog, done, url, username, password, remember))
            attempts.add(task)
            task.add_done_callback(attempts.discard)

        dialog.login_requested.connect(attempt)
        dialog.rejected.connect(lambda: done.done() or done.set_result(None))
        dialog.show()
        try:
            return await done
        finally:
            dialog.hide()
            dialog.deleteLater()
            self.login_dialog = None

    async def _try_login(
        self,
        dialog: LoginDialog,
        done: asyncio.Future[Login | None],
        url: str,
        username: str,
        password: str,
        remember: bool,
    ) -> None:
        try:
            ok = await log_in(url, username, password, connector=self._connector)
        except RequestFailed as refused:
            dialog.set_busy(False)
            dialog.show_message(refused.error.message)
            return
        except (OSError, TimeoutError, ValueError) as exc:
            dialog.set_busy(False)
            reason = str(exc) or type(exc).__name__
            dialog.show_message(
                QCoreApplication.translate("DeskApp", "Cannot reach the server: %1").replace("%1", reason)
            )
            return
        self.settings.remember_login(url, username, remember)
        self.keyring_problem = None
        if remember and not await self.credentials.asave_token(url, username, ok.token):
            self.keyring_problem = QCoreApplication.translate(
                "DeskApp",
                "No usable system keyring was found, so your session is kept in memory only:"
                " you will need to log in again next time. Your password is never stored.",
            )
        if not done.done():
            done.set_result(Login(url, username, ok.token))

    async def run_desk(self, login: Login) -> bool:
        """Run the desk until the window closes (False) or the session is refused (True)."""
        outbox = await AsyncOutbox.open(self.data_dir / "outbox.sqlite3", account_key_for(login.url, login.username))
        book, bridge = ChatBook(), SessionBridge()
        session = DeskSession(
            login.url, login.token, outbox, bridge, positions=book.positions, connector=self._connector
        )
        window = MainWindow(login.username)
        notifier = Notifier(self.settings, window, window)
        self.desk = desk = Desk(window, notifier, bridge, session, book, clock=self._server_clock)
        fill_settings_menu(window.settings_menu, self.settings, self._switch_language, self.apply_look)
        ended: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
        window.closed.connect(lambda: ended.done() or ended.set_result(False))
        desk.signed_out.connect(lambda _detail: ended.done() or ended.set_result(True))
        if self.keyring_problem:
            window.show_notice(self.keyring_problem)
            notifier.announce(self.keyring_problem)
        window.show()
        session.start()
        try:
            return await ended
        finally:
            await desk.shutdown()
            await outbox.aclose()
            window.hide()
            window.deleteLater()
            self.desk = None

    def apply_look(self) -> None:
        """The saved theme and text size, on every window at once."""
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, self.settings.theme)
            apply_text_size(app, self.settings.text_size, self._base_points)

    def request_quit(self) -> None:
        """End the app as closing the window would (Ctrl+C in a terminal, SIGTERM)."""
        if self.desk is not None:
            self.desk.window.close()
        elif self.login_dialog is not None:
            self.login_dialog.reject()

    def _switch_language(self, code: str) -> None:
        self.settings.language = code
        self.translations.install(code)
        if self.desk is not None:
            self.desk.window.statusBar().showMessage(
                QCoreApplication.translate(
                    "DeskApp", "Language saved. Restart the desk to translate every open window."
                )
            )


def smoke_test(app: QApplication) -> int:
    """What an installer build must manage: Qt starts, the login window shows, the files are there."""
    missing = [str(path) for path in bundled_files() if not path.is_file()]
    dialog = LoginDialog(DEMO_URL, "", False)
    dialog.show()
    app.processEvents()
    shown = dialog.isVisible()
    dialog.close()
    print(f"smoke test: login window {'shown' if shown else 'NOT shown'}; missing files: {missing or 'none'}")
    return 0 if shown and not missing else 1


def bundled_files() -> list[Path]:
    """Every file the desk loads from disk at run time (build_installer.spec must ship them)."""
    sounds = [resource_path("sounds", cue.value) for cue in Cue]
    return [*sounds, *(translations_dir() / f"agent_desk_{code}.qm" for code in LANGUAGES if code != "en")]


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="agent-desk", description="AgentDesk: the agent's desk")
    parser.add_argument("--demo", action="store_true", help="log into the local demo server as the demo agent")
    parser.add_argument(
        "--server",
        default=os.environ.get("AGENTDESK_URL"),
        help="server WebSocket URL, e.g. ws://127.0.0.1:8765/ws (default: $AGENTDESK_URL)",
    )
    parser.add_argument(
        "--lang",
        help="interface language: en or zh_CN (default: the saved setting or the system); pseudo for layout checks",
    )
    parser.add_argument("--data-dir", type=Path, help="where the outbox lives (default: the user data folder)")
    parser.add_argument("--version", action="store_true", help="print the version and quit")
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="show the login window, check that sounds and translations are found, then quit (0: all well)",
    )
    parser.add_argument("--log-level", default="WARNING")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.version:
        print(f"AgentDesk {agent_desk.__version__}")
        return 0
    logging.basicConfig(level=args.log_level.upper())
    # QtMultimedia lists every codec library it could not load; agents need none of that.
    os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.symbolsresolver=false")
    app = QApplication.instance() or QApplication(["agent-desk"])
    app.setOrganizationName("AgentDesk")
    app.setApplicationName("AgentDesk")
    # DeskApp decides when to quit: between the login dialog and the main window
    # no window is visible, and Qt's default would stop the event loop there.
    app.setQuitOnLastWindowClosed(False)
    settings = DeskSettings(QSettings())
    translations = Translations(app)
    translations.install(args.lang or settings.language)
    data_dir = ensure_private_dir(args.data_dir or user_data_dir())
    desk_app = DeskApp(settings, CredentialStore(), translations, data_dir, demo=args.demo, server=args.server)
    desk_app.apply_look()
    if args.smoke_test:
        return smoke_test(app)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda _signum, _frame: desk_app.request_quit())
    with loop:
        return loop.run_until_complete(desk_app.run())


if __name__ == "__main__":
    raise SystemExit(main())
