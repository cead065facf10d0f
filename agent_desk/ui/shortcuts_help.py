"""Help → Keyboard shortcuts (F1): every action of the window with its keys."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QVBoxLayout, QWidget

from agent_desk.ui.shortcut_map import give_default_key


def shortcut_map(window: QWidget) -> list[tuple[str, str]]:
    """(action, keys) for every action of the window that has a shortcut, as shown in menus."""
    rows = []
    for action in window.actions():
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        if keys and action.isVisible():
            rows.append((action.text().replace("&", "").rstrip("…").strip(), keys))
    return sorted(rows, key=lambda row: row[1])


class ShortcutsDialog(QDialog):
    def __init__(self, window: QWidget, parent: Any = None, change_keys: Callable[[], None] | None = None) -> None:
        super().__init__(parent or window)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        intro = QLabel(
            self.tr(
                "Every action can be reached by keyboard. The full map is in docs/desk.md."
                " Change keys… gives an action another key (Settings → Keyboard shortcuts)."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Keyboard shortcuts"))
        for text, keys in shortcut_map(window):
            self.list.addItem(f"{keys}    {text}")
        self.list.setCurrentRow(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        if change_keys is not None:
            change = buttons.addButton(self.tr("&Change keys…"), QDialogButtonBox.ButtonRole.ActionRole)
            change.setAutoDefault(False)
            change.clicked.connect(self.accept)
            change.clicked.connect(change_keys)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(520, 560)


def add_help_menu(window: Any, change_keys: Callable[[], None] | None = None) -> QAction:
    """The Help menu with the shortcut map on F1; its Change keys… button calls change_keys."""
    menu = window.menuBar().addMenu(QCoreApplication.translate("ShortcutsDialog", "&Help"))
    action = QAction(QCoreApplication.translate("ShortcutsDialog", "&Keyboard shortcuts"), window)
    give_default_key(action, "help.shortcuts")

    def show() -> None:
        dialog = ShortcutsDialog(window, change_keys=change_keys)
        dialog.finished.connect(dialog.deleteLater)
        window.shortcuts_dialog = dialog
        dialog.open()

    action.triggered.connect(lambda _checked=False: show())
    menu.addAction(action)
    window.addAction(action)
    return action
