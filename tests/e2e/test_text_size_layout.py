"""No clipped text and no small click targets at 200 % text, nor with pseudo-localised strings.

Each role's main views are opened against the real server, sized to a 1366 x 768 laptop
screen, and measured by tests/layout_support.py (its docstring states the rules).
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from a11y_support import accessibility_problems
from layout_support import TARGET, layout_problems, text_size
from PySide6.QtCore import QPoint, QSettings, QSize
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QWidget
from pytestqt.qtbot import QtBot
from test_knowledge import write_articles
from test_quick_replies import save_team_phrases

from agent_desk.client.connection import Connection
from agent_desk.protocol.messages import (
    Event,
    EventKind,
    Measured,
    PracticeResultInfo,
    QcScoreInfo,
    Role,
    ScenarioInfo,
    ScenarioLine,
)
from agent_desk.server.app import Server
from agent_desk.ui.article_editor import ArticleEditor
from agent_desk.ui.escalation import SendBackDialog
from agent_desk.ui.floor_windows import QcHistory, WhisperDialog
from agent_desk.ui.i18n import Translations
from agent_desk.ui.login_dialog import LoginDialog
from agent_desk.ui.practice_dialogs import ReplayDialog, ResultsDialog, ScenarioChooser, ScenarioEditor, ScoreDialog
from agent_desk.ui.settings import DeskSettings
from agent_desk.ui.shortcut_map import Shortcuts
from agent_desk.ui.shortcut_settings import ShortcutSettingsDialog
from agent_desk.ui.shortcuts_help import ShortcutsDialog
from agent_desk.ui.themes import apply_text_size, apply_theme
from conftest import DeskDriver
from desk_support import RunningDesk, join, make_desk_app, run, start_desk
from support import wait_until

pytestmark = pytest.mark.e2e

SCREEN = QSize(1366, 768)
"""A common laptop's available screen: the windows must fit it at 200 %."""

LOOKS = {"text-200": (200, "en"), "pseudo-100": (100, "pseudo")}


@pytest.fixture(params=list(LOOKS))
def look(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """The text size and language of this run, put back afterwards for the other tests."""
    percent, language = LOOKS[request.param]
    font, style = qapp.font(), qapp.style().name()
    translations = Translations(qapp)
    translations.install(language)
    apply_theme(qapp, "light")
    apply_text_size(qapp, percent, font.pointSizeF())
    yield request.param
    translations.install("en")
    qapp.setFont(font)
    qapp.setStyle(style)


class Findings:
    """Problems of every window checked in one test, reported together."""

    def __init__(self, qapp: QApplication) -> None:
        self.qapp = qapp
        self.problems: list[str] = []
        self.checked: list[str] = []

    def check(self, window: QWidget) -> None:
        """Fit the window to the screen as a window manager would, let it lay out, then measure."""
        size = window.size().boundedTo(SCREEN).expandedTo(window.minimumSizeHint().boundedTo(SCREEN))
        window.resize(size)
        # Posted events only (layout requests, resizes): this runs inside a task on the qasync
        # loop, and processEvents() would run other timers' callbacks re-entrantly, which loses
        # asyncio wake-ups (seen as a server stop that waited for ever on a cancelled task).
        for _ in range(3):  # a layout pass can post another (resize, then layout again)
            self.qapp.sendPostedEvents()
        self.checked.append(window.windowTitle() or type(window).__name__)
        self.problems += layout_problems(window, SCREEN)
        # Names and the Tab cycle too: this test opens the small dialogs the AT-SPI walk does not.
        self.problems += accessibility_problems(window)

    def check_menus(self, window: QWidget) -> None:
        """Every menu of the window's menu bar, and their submenus: items fit and are tall enough."""
        menus = [action.menu() for action in window.menuBar().actions() if action.menu() is not None]
        while menus:
            menu = menus.pop()
            assert isinstance(menu, QMenu)
            menu.popup(QPoint(0, 0))
            self.qapp.sendPostedEvents()
            for action in menu.actions():
                if action.isSeparator() or not action.isVisible():
                    continue
                rect = menu.actionGeometry(action)
                need = text_size(menu.fontMetrics(), action.text())
                if rect.height() < max(TARGET, need.height()) or rect.width() < need.width():
                    size, needs = rect.size().toTuple(), need.toTuple()
                    self.problems.append(f"menu item {action.text()!r} is {size}, needs {needs}")
                if action.menu() is not None:
                    menus.append(action.menu())
            menu.hide()
            self.checked.append(f"menu {menu.title()}")

    def assert_clean(self) -> None:
        assert self.checked
        assert not self.problems, "\n".join(self.problems)


async def check_dialog(findings: Findings, dialog: QDialog | None) -> None:
    assert dialog is not None
    await wait_until(dialog.isVisible)
    findings.check(dialog)
    dialog.reject()


async def check_agent_views(
    findings: Findings, running: RunningDesk, server: Server, connections: list[Connection]
) -> None:
    desk, window = running.desk, running.desk.window
    await desk.quick_replies.reload()
    chats = []
    for name in ("Alexandra Konstantinopoulou-Whitfield", "问尺码的顾客"):
        shopper, conv = await join(server.url, name)
        connections.append(shopper)
        await wait_until(lambda c=conv: window.views.get(c))
        await shopper.send_text(conv, "Is the XL in stock? I'd like it before the weekend, please.")
        chats.append(conv)
    view = window.views[chats[0]]
    window.focus_view(view)
    await wait_until(lambda: view.model.rowCount() > 0)
    window.show_notice("No usable system keyring was found, so your session is kept in memory only.")
    window.show_banner("Connection lost. Reconnecting… 3 messages arrived meanwhile.")
    findings.check(window)
    findings.check_menus(window)

    desk.quick_replies.open_palette()
    palette = await wait_until(lambda: desk.quick_replies.palette)
    await wait_until(lambda: palette.results.count() > 0)
    await check_dialog(findings, palette)
    desk.quick_replies.open_manager()
    await check_dialog(findings, await wait_until(lambda: desk.quick_replies.manager))
    desk.escalations.escalate_current()
    await check_dialog(findings, desk.escalations.dialog)
    window.close_requested.emit(chats[0])
    await check_dialog(findings, await wait_until(lambda: getattr(desk, "wrap_up_dialog", None)))
    await desk._show_history()
    await check_dialog(findings, desk.history_dialog)
    for dialog in (ShortcutsDialog(window, window), SendBackDialog(window)):
        dialog.show()
        await check_dialog(findings, dialog)


def test_the_agent_desk_and_its_dialogs(
    look: str, qtbot: QtBot, qapp: QApplication, drive_desk: DeskDriver, desk_server: Server
) -> None:
    findings = Findings(qapp)

    async def scenario(running: RunningDesk) -> None:
        lead, _ids = await save_team_phrases(desk_server)
        writer, _articles = await write_articles(desk_server)
        connections = [lead, writer]
        try:
            await check_agent_views(findings, running, desk_server, connections)
        finally:
            for conn in connections:
                await conn.close()

    drive_desk(scenario)
    login = LoginDialog("ws://127.0.0.1:8765/ws", "mei", True)
    login.show()
    login.show_message("Cannot reach the server: [Errno 111] Connect call failed ('127.0.0.1', 8765)")
    qtbot.waitUntil(login.isVisible)
    findings.check(login)
    login.close()
    findings.assert_clean()


def test_the_lead_floor_and_dashboard(
    look: str, qapp: QApplication, qloop: asyncio.AbstractEventLoop, desk_server: Server, tmp_path: Path
) -> None:
    findings = Findings(qapp)

    async def scenario() -> None:
        desk_server.accounts.add_user("mei", "pw-mei", Role.AGENT, "小美")
        desk_server.accounts.add_user("liu", "pw-liu", Role.LEAD, "组长 刘姐")
        running = []
        for name in ("mei", "liu"):
            (tmp_path / name).mkdir()
            app = make_desk_app(qapp, tmp_path / name, desk_server.url)
            running.append(await start_desk(app, desk_server.url, name, f"pw-{name}"))
        agent, lead = running
        shopper = await Connection.open(desk_server.url)
        try:
            conv = (await shopper.join_as_customer("Alexandra Konstantinopoulou")).conversation_id
            await wait_until(lambda: conv in agent.desk.window.views)
            floor = lead.desk.floor
            floor.show_live()
            live = await wait_until(lambda: floor.live if floor.live and floor.live.proxy.rowCount() else None)
            findings.check(live)
            floor.show_dashboard()
            dashboard = await wait_until(
                lambda: floor.dashboard if floor.dashboard and floor.dashboard.kpis.rows else None
            )
            findings.check(dashboard)
            findings.check(lead.desk.window)
            findings.check_menus(lead.desk.window)
        finally:
            await shopper.close()
            for desk in running:
                await desk.close()

    run(qloop, scenario(), 40)
    findings.assert_clean()


def test_the_trainer_practice_console(
    look: str, qapp: QApplication, drive_desk: DeskDriver, desk_server: Server
) -> None:
    findings = Findings(qapp)
    names = ["trainee1", "trainee2", "trainee3"]
    for name in names:
        desk_server.accounts.add_user(name, f"pw-{name}", Role.TRAINEE, f"学员{name[-1]}")

    async def scenario(running: RunningDesk) -> None:
        practice = running.desk.practice
        practice.open_room()
        await check_dialog(findings, await wait_until(lambda: practice.dialog))
        await practice._open(names, None, "Sizes and returns: the first week")
        console = await wait_until(lambda: practice.console)
        findings.check(console)
        console.close()

    drive_desk(scenario, role=Role.TRAINER)
    findings.assert_clean()


def other_dialogs(tmp_path: Path) -> list[QDialog]:
    """The dialogs the desks above do not open on their way: built alone, with real data."""
    line = ScenarioLine(text="在吗?173穿L还是XL, and is the fabric thick?", key_points=["按体重推荐XL", "问版型偏好"])
    scenario = ScenarioInfo(
        scenario_id=3, title="尺码咨询 Size questions", lang="zh", customer_name="阿杰", lines=[line], updated_at=1.5
    )
    measured = Measured(first_response=8.2, response_average=21.5, rounds=5, ratio=0.833, rating=2)
    score = QcScoreInfo(
        score_id=41, conversation_id="conv_1", agent="li.na", lead="zhou.min", total=89,
        deductions={"phrasing": 2, "speed": 9}, comments="首响8秒,超出5秒目标", measured=measured,
        scored_at=1750314000.5, appeal="open", appeal_reason="客户进线后网络断开",
    )  # fmt: skip
    result = PracticeResultInfo(
        room_id=12, trainee="zhao.lei", trainer="chen", title="周三尺码练习", total=92,
        deductions={"speed": 5, "phrasing": 3}, comments="首响偏慢", scored_at=1750313400.8,
        first_response=7.2, ratio=1.25,
    )  # fmt: skip
    said = Event(
        conversation_id="conv_1", seq=1, ts=1750313400.0, kind=EventKind.MESSAGE, author_role=Role.CUSTOMER,
        author_name="阿杰", text="在吗?173穿L还是XL", client_msg_id="m1",
    )  # fmt: skip
    settings = DeskSettings(QSettings(str(tmp_path / "desk.ini"), QSettings.Format.IniFormat))
    return [
        ArticleEditor(None),
        WhisperDialog("Alexandra Konstantinopoulou"),
        QcHistory([score], True),
        ScoreDialog("Alexandra Konstantinopoulou", 80, "first response 8.2 s, ratio 0.83"),
        ResultsDialog([result]),
        ReplayDialog("周三尺码练习: zhao.lei", [said]),
        ScenarioEditor(scenario),
        ScenarioChooser([scenario]),
        ShortcutSettingsDialog(Shortcuts(settings), lambda _text, _assertive=False: None),
    ]


def test_the_other_dialogs(look: str, qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> None:
    findings = Findings(qapp)
    for dialog in other_dialogs(tmp_path):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(dialog.isVisible)
        findings.check(dialog)
        dialog.reject()
    assert len(findings.checked) == len(other_dialogs(tmp_path))
    findings.assert_clean()
