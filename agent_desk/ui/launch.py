"""``agent-desk``'s entry point: the login window first, everything else after it.

asyncio, qasync and the desk's own modules take longer to load than Qt itself
(about 100 ms of asyncio alone here), and an agent judges the desk by how soon
it answers. So when the login window will be needed, it is shown before they
are imported; ``agent_desk.ui.app`` then takes the window over.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

import agent_desk
from agent_desk.client.paths import ensure_private_dir, user_data_dir
from agent_desk.ui.i18n import Translations
from agent_desk.ui.login_dialog import LoginDialog
from agent_desk.ui.settings import DeskSettings
from agent_desk.ui.themes import apply_text_size, apply_theme


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
    parser.add_argument(
        "--ca-file",
        type=Path,
        default=os.environ.get("AGENTDESK_CA_FILE") or None,
        help="PEM certificate(s) to trust for a wss:// server with its own CA (default: $AGENTDESK_CA_FILE)",
    )
    parser.add_argument("--version", action="store_true", help="print the version and quit")
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="show the login window, check that sounds and translations are found, then quit (0: all well)",
    )
    parser.add_argument("--log-level", default="WARNING")
    parser.add_argument("--exit-when-shown", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def early_login_dialog(args: argparse.Namespace, settings: DeskSettings) -> LoginDialog | None:
    """The login window, shown now, when the desk will ask for a login anyway."""
    if args.demo or (settings.remember and settings.last_username):
        return None  # a remembered session or the demo account may log in without asking
    ca_file = args.ca_file or settings.ca_file or ""
    dialog = LoginDialog(
        args.server or settings.last_server, settings.last_username, settings.remember, ca_file=str(ca_file)
    )
    dialog.show()
    return dialog


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.version:
        print(f"AgentDesk {agent_desk.__version__}")
        return 0
    logging.basicConfig(level=args.log_level.upper())
    # QtMultimedia lists every codec library it could not load; agents need none of that.
    os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.symbolsresolver=false")
    app = QApplication.instance() or QApplication(["agent-desk"])
    assert isinstance(app, QApplication)
    app.setOrganizationName("AgentDesk")
    app.setApplicationName("AgentDesk")
    # DeskApp decides when to quit: between the login dialog and the main window
    # no window is visible, and Qt's default would stop the event loop there.
    app.setQuitOnLastWindowClosed(False)
    settings = DeskSettings(QSettings())
    translations = Translations(app)
    translations.install(args.lang or settings.language)
    base_points = app.font().pointSizeF() if app.font().pointSizeF() > 0 else 10.0
    apply_theme(app, settings.theme)
    apply_text_size(app, settings.text_size, base_points)
    if args.smoke_test:
        from agent_desk.ui.smoke import smoke_test

        return smoke_test(app, args.server or settings.last_server)
    data_dir = ensure_private_dir(args.data_dir or user_data_dir())
    dialog = early_login_dialog(args, settings)
    if dialog is not None and args.exit_when_shown:
        # The start-up benchmark (bench/desk.py): once the first paint is processed, say so.
        QTimer.singleShot(0, lambda: (print("agent-desk: login window shown", flush=True), app.quit()))
        app.exec()
        return 0
    from agent_desk.ui.app import run_desk_app  # asyncio, qasync: after the window is up

    return run_desk_app(args, app, settings, translations, data_dir, base_points, dialog)


if __name__ == "__main__":
    sys.exit(main())
