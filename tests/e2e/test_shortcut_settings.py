"""Settings → Keyboard shortcuts, by keyboard, in the real desk against the real server."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from agent_desk.server.app import Server
from agent_desk.ui.shortcut_settings import ShortcutSettingsDialog
from conftest import DeskDriver
from desk_support import RunningDesk
from support import wait_until

pytestmark = pytest.mark.e2e
ALT = Qt.KeyboardModifier.AltModifier


async def active(running: RunningDesk) -> None:
    window = running.desk.window
    window.activateWindow()
    await wait_until(window.isActiveWindow)


async def settings_by_menu(qtbot: QtBot, running: RunningDesk) -> ShortcutSettingsDialog:
    """Alt+S opens the Settings menu; K (its underlined letter) opens Keyboard shortcuts."""
    await active(running)
    qtbot.keyClick(running.desk.window, Qt.Key.Key_S, ALT)
    menu = await wait_until(QApplication.activePopupWidget)
    qtbot.keyClick(menu, Qt.Key.Key_K)
    dialog = await wait_until(lambda: running.desk.shortcut_settings.dialog)
    await wait_until(dialog.isActiveWindow)
    return dialog


def choose(qtbot: QtBot, dialog: ShortcutSettingsDialog, name: str) -> None:
    """Home, Down to the action, then Enter to its key field."""
    dialog.list.setFocus()
    qtbot.keyClick(dialog.list, Qt.Key.Key_Home)
    for _ in range(dialog.list.topLevelItemCount()):
        if dialog.list.currentItem().text(0) == name:
            break
        qtbot.keyClick(dialog.list, Qt.Key.Key_Down)
    assert dialog.list.currentItem().text(0) == name
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    assert dialog.key_edit.hasFocus()


def test_an_f_key_takes_over_an_action_at_once_and_after_a_restart(
    qtbot: QtBot, drive_desk: DeskDriver, desk_server: Server
) -> None:
    announced: list[tuple[str, bool]] = []

    async def change(running: RunningDesk) -> None:
        desk = running.desk
        desk.notifier.announced.connect(lambda text, assertive: announced.append((text, assertive)))
        dialog = await settings_by_menu(qtbot, running)
        assert dialog.key_edit.accessibleName() == "New key for Show the keyboard shortcuts"
        choose(qtbot, dialog, "Search the knowledge base")
        qtbot.keyClick(dialog.key_edit, Qt.Key.Key_F6)
        assert dialog.list.currentItem().text(1) == "F6"
        assert ("“Search the knowledge base” is now F6.", False) in announced
        qtbot.keyClick(dialog.key_edit, Qt.Key.Key_Escape)
        await wait_until(lambda: not dialog.isVisible())
        await active(running)
        qtbot.keyClick(desk.window, Qt.Key.Key_F6)
        await wait_until(desk.knowledge.panel.search.hasFocus)
        desk.window.status_box.setFocus()
        qtbot.keyClick(desk.window, Qt.Key.Key_F4)
        assert desk.window.status_box.hasFocus(), "the old key is free again"

    async def after_restart(running: RunningDesk) -> None:
        desk = running.desk
        assert desk.shortcuts.keys("knowledge.search") == "F6"
        await active(running)
        qtbot.keyClick(desk.window, Qt.Key.Key_F6)
        await wait_until(desk.knowledge.panel.search.hasFocus)
        qtbot.keyClick(desk.window, Qt.Key.Key_F1)
        help_dialog = await wait_until(lambda: getattr(desk.window, "shortcuts_dialog", None))
        entries = [help_dialog.list.item(i).text() for i in range(help_dialog.list.count())]
        assert "F6    Search the knowledge base" in entries, "F1 lists the keys as they are now"
        help_dialog.reject()

    drive_desk(change)
    drive_desk(after_restart)


def test_a_key_of_another_action_is_refused_with_its_name(
    qtbot: QtBot, drive_desk: DeskDriver, desk_server: Server
) -> None:
    async def scenario(running: RunningDesk) -> None:
        desk = running.desk
        announced: list[tuple[str, bool]] = []
        desk.notifier.announced.connect(lambda text, assertive: announced.append((text, assertive)))
        await active(running)
        qtbot.keyClick(desk.window, Qt.Key.Key_F1)
        help_dialog = await wait_until(lambda: getattr(desk.window, "shortcuts_dialog", None))
        await wait_until(help_dialog.isActiveWindow)
        qtbot.keyClick(help_dialog.list, Qt.Key.Key_C, ALT)
        dialog = await wait_until(lambda: desk.shortcut_settings.dialog)
        await wait_until(dialog.isActiveWindow)
        choose(qtbot, dialog, "Go to the most urgent chat")
        qtbot.keyClick(dialog.key_edit, Qt.Key.Key_F9)
        expected = "F9 is already the key for “Escalate this chat”. Change that one first."
        assert dialog.message.text() == expected
        assert (expected, True) in announced
        assert desk.shortcuts.keys("chats.urgent") == "F8"
        assert dialog.key_edit.keySequence().toString() == "F8", "the field shows the key that still holds"
        qtbot.keyClick(dialog.key_edit, Qt.Key.Key_A)
        assert "types a character" in dialog.message.text()
        qtbot.keyClick(dialog.key_edit, Qt.Key.Key_C, ALT)
        assert "kept for menus" in dialog.message.text()
        assert desk.shortcuts.keys("chats.urgent") == "F8"
        qtbot.keyClick(
            dialog.key_edit, Qt.Key.Key_F5, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        )
        assert desk.shortcuts.keys("chats.urgent") == "Ctrl+Shift+F5", "a longer chord is the agent's choice"
        assert "needs 3 keys held at once" in dialog.message.text()
        qtbot.keyClick(dialog.key_edit, Qt.Key.Key_Escape)
        await wait_until(lambda: not dialog.isVisible())

    drive_desk(scenario)


def test_reset_one_action_and_then_all(qtbot: QtBot, drive_desk: DeskDriver, desk_server: Server) -> None:
    async def scenario(running: RunningDesk) -> None:
        desk = running.desk
        dialog = await settings_by_menu(qtbot, running)
        choose(qtbot, dialog, "Escalate this chat")
        qtbot.keyClick(dialog.key_edit, Qt.Key.Key_F12)
        choose(qtbot, dialog, "Send my greeting")
        qtbot.keyClick(dialog.key_edit, Qt.Key.Key_F11)
        assert desk.shortcuts.keys("replies.greeting") == "F11"
        # The key field records every key, Alt+letters too: Tab leaves it, then the buttons' letters work
        # (a button's letter "animates" its click: it lands a moment later).
        qtbot.keyClick(dialog.key_edit, Qt.Key.Key_Tab)
        assert dialog.reset_button.hasFocus()
        # ...and Shift+Tab leaves it backwards, recording nothing (it used to be taken as a key).
        dialog.key_edit.setFocus()
        qtbot.keyClick(dialog.key_edit, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
        assert not dialog.key_edit.hasFocus()
        assert desk.shortcuts.keys("replies.greeting") == "F11"
        dialog.reset_button.setFocus()
        qtbot.keyClick(dialog.reset_button, Qt.Key.Key_M, ALT)
        await wait_until(lambda: desk.shortcuts.keys("replies.greeting") == "")
        assert dialog.list.currentItem().text(1) == "none"
        qtbot.keyClick(dialog.reset_button, Qt.Key.Key_R, ALT)
        await wait_until(lambda: desk.shortcuts.keys("replies.greeting") == "F2")
        assert desk.shortcuts.keys("escalation.escalate") == "F12"
        qtbot.keyClick(dialog.reset_button, Qt.Key.Key_A, ALT)
        await wait_until(lambda: desk.shortcuts.keys("escalation.escalate") == "F9")
        assert dialog.message.text() == "Every action has its default key again."
        stored = QSettings(str(drive_desk.tmp_path / "desk.ini"), QSettings.Format.IniFormat)
        assert [k for k in stored.allKeys() if k.startswith("shortcuts/")] == []
        qtbot.keyClick(dialog.list, Qt.Key.Key_Escape)
        await wait_until(lambda: not dialog.isVisible())

    drive_desk(scenario)
