"""``agent-desk``: the agent's desktop app.

agent-desk                 log in (or reuse a remembered session)
agent-desk --demo          log into the local demo server as the demo agent
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import signal
import ssl
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import qasync
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

from agent_desk.client.credentials import CredentialStore
from agent_desk.ui.error_text import error_text
from agent_desk.ui.i18n import Translations
from agent_desk.ui.launch import parse_args as parse_args  # re-exported: tests parse the desk's options
from agent_desk.ui.login_dialog import LoginDialog
from agent_desk.ui.settings import DeskSettings
from agent_desk.ui.themes import apply_text_size, apply_theme

if TYPE_CHECKING:
    from agent_desk.client.session import Connector
    from agent_desk.ui.desk import Desk

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
        connector: Connector | None = None,
        server_clock: Callable[[], float] | None = None,
        ca_file: Path | None = None,
        exit_when_shown: bool = False,
        base_points: float | None = None,
        login_dialog: LoginDialog | None = None,
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
        self.quit_requested = False
        """Set by a quit that came while no window was up (SIGTERM during a login): honoured next."""
        self._connector = connector
        self._server_clock = server_clock
        self.ca_file = ca_file or (Path(settings.ca_file) if settings.ca_file else None)
        """Extra certificates to trust for a wss:// server: the command line's, else the saved one."""
        self._exit_when_shown = exit_when_shown
        """Start-up benchmark (bench/desk.py): say when the login window is up, then cancel it."""
        app = QApplication.instance()
        font = app.font() if isinstance(app, QApplication) else None
        measured = font.pointSizeF() if font is not None and font.pointSizeF() > 0 else 10.0
        self._base_points = base_points or measured
        """The font size before any text-size setting: the launcher may have applied one already."""
        self._early_dialog = login_dialog
        """A login window agent_desk.ui.launch showed before asyncio loaded; used by the first login."""

    async def run(self) -> int:
        login = await self._first_login()
        while login is not None and not self.quit_requested:
            signed_out = await self.run_desk(login)
            if not signed_out:
                return 0
            await self.credentials.aforget(login.url, login.username)
            login = await self._ask_login()
        return 0

    async def _first_login(self) -> Login | None:
        if self.demo:
            from agent_desk.client.session import log_in

            ok = await log_in(self.server or DEMO_URL, *DEMO_USER, connector=self._trusting_connector())
            return Login(self.server or DEMO_URL, ok.user.username, ok.token)
        if self.settings.remember and self.settings.last_username:
            url, username = self.server or self.settings.last_server, self.settings.last_username
            token = await self.credentials.aload_token(url, username)
            if token:
                return Login(url, username, token)
        return await self._ask_login()

    async def _ask_login(self) -> Login | None:
        """Show the login dialog until a login works or the agent cancels."""
        dialog = self._early_dialog or LoginDialog(
            self.server or self.settings.last_server,
            self.settings.last_username,
            self.settings.remember,
            ca_file=str(self.ca_file or ""),
        )
        self._early_dialog = None
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
        if self._exit_when_shown:
            QTimer.singleShot(0, lambda: (print("agent-desk: login window shown", flush=True), dialog.reject()))
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
        ca_text = dialog.ca_file.text().strip()
        ca_file = _existing_file(ca_text) if ca_text else None
        if ca_text and ca_file is None:
            dialog.set_busy(False)
            dialog.show_message(
                QCoreApplication.translate("DeskApp", "There is no CA file at %1.").replace("%1", ca_text)
            )
            return
        self.ca_file = ca_file
        from agent_desk.client.connection import RequestFailed
        from agent_desk.client.session import log_in

        try:
            ok = await log_in(url, username, password, connector=self._trusting_connector())
        except RequestFailed as refused:
            dialog.set_busy(False)
            dialog.show_message(error_text(refused.error))
            return
        except ssl.SSLCertVerificationError as untrusted:
            dialog.set_busy(False)
            dialog.show_message(
                QCoreApplication.translate(
                    "DeskApp",
                    "The server's certificate is not trusted (%1). If your team uses its own certificate,"
                    " enter its file under CA file (or start the desk with --ca-file).",
                ).replace("%1", untrusted.verify_message or str(untrusted))
            )
            return
        except (OSError, TimeoutError, ValueError) as exc:
            dialog.set_busy(False)
            reason = str(exc) or type(exc).__name__
            dialog.show_message(
                QCoreApplication.translate("DeskApp", "Cannot reach the server: %1").replace("%1", reason)
            )
            return
        self.settings.remember_login(url, username, remember)
        self.settings.ca_file = ca_text
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
        # Imported here, not at start-up: the login window shows without waiting for them.
        from agent_desk.client.chats import ChatBook
        from agent_desk.client.outbox import AsyncOutbox, account_key_for
        from agent_desk.client.session import DeskSession
        from agent_desk.ui.desk import Desk
        from agent_desk.ui.main_window import MainWindow
        from agent_desk.ui.notifier import Notifier
        from agent_desk.ui.session_bridge import SessionBridge
        from agent_desk.ui.settings_menu import fill_settings_menu
        from agent_desk.ui.sound_menu import add_sound_menu

        outbox = await AsyncOutbox.open(self.data_dir / "outbox.sqlite3", account_key_for(login.url, login.username))
        book, bridge = ChatBook(), SessionBridge()
        session = DeskSession(
            login.url,
            login.token,
            outbox,
            bridge,
            positions=book.positions,
            connector=self._trusting_connector(),
            describe_refusal=error_text,
        )
        window = MainWindow(login.username)
        notifier = Notifier(self.settings, window, window)
        self.desk = desk = Desk(window, notifier, bridge, session, book, clock=self._server_clock)
        fill_settings_menu(window.settings_menu, self.settings, self._switch_language, self.apply_look)
        add_sound_menu(window.settings_menu, self.settings, notifier.preview)
        ended: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
        window.closed.connect(lambda: ended.done() or ended.set_result(False))
        desk.signed_out.connect(lambda _detail: ended.done() or ended.set_result(True))
        if self.keyring_problem:
            window.show_notice(self.keyring_problem)
            notifier.announce(self.keyring_problem)
        if self.quit_requested:
            # Asked to quit while this desk was being built: stop before it connects.
            ended.set_result(False)
        else:
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

    def connector(self) -> Connector:
        """How to connect: the one given, else a real connection (websockets and the
        protocol load here, on the first connection, not before the login window)."""
        from agent_desk.client.connection import Connection

        return self._connector or Connection.open

    def _trusting_connector(self) -> Connector:
        """The connector, told which extra certificates to trust (none: the system's CAs only)."""
        if self.ca_file is None:
            return self.connector()
        return functools.partial(self.connector(), ca_file=self.ca_file)

    def apply_look(self) -> None:
        """The saved theme and text size, on every window at once."""
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, self.settings.theme)
            apply_text_size(app, self.settings.text_size, self._base_points)

    def request_quit(self) -> None:
        """End the app as closing the window would (Ctrl+C in a terminal, SIGTERM)."""
        self.quit_requested = True
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


def _existing_file(text: str) -> Path | None:
    path = Path(text).expanduser()
    return path if path.is_file() else None


def run_desk_app(
    args: argparse.Namespace,
    app: QApplication,
    settings: DeskSettings,
    translations: Translations,
    data_dir: Path,
    base_points: float,
    login_dialog: LoginDialog | None = None,
) -> int:
    """The rest of ``agent-desk`` after agent_desk.ui.launch has shown the login window."""
    desk_app = DeskApp(
        settings,
        CredentialStore(),
        translations,
        data_dir,
        demo=args.demo,
        server=args.server,
        ca_file=args.ca_file,
        exit_when_shown=args.exit_when_shown,
        base_points=base_points,
        login_dialog=login_dialog,
    )
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda _signum, _frame: desk_app.request_quit())
    with loop:
        return loop.run_until_complete(desk_app.run())


def main(argv: list[str] | None = None) -> int:
    from agent_desk.ui.launch import main as launch

    return launch(argv)


if __name__ == "__main__":
    raise SystemExit(main())
