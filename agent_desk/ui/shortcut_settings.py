"""Settings → Keyboard shortcuts: the agent gives any action the key that suits them.

One list of actions with their keys and one key field for the chosen action
(a long list of key fields would be a long walk with Tab). A change applies
at once, is saved, and is announced; a key another action has is refused
with that action's name.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QKeyCombination, QObject, QSize, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QKeySequenceEdit,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from agent_desk.ui.shortcut_map import (
    ACTIONS,
    PORTABLE,
    ShortcutRefused,
    Shortcuts,
    action_name,
    default_key,
    give_default_key,
    key_count,
    native,
)

Announce = Callable[[str, bool], None]
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class KeyField(QKeySequenceEdit):
    """Records one key combination. Tab and Escape keep their usual jobs, so the field
    never traps the keyboard (WCAG 2.1.2) and Escape still closes the dialog."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setMaximumSequenceLength(1)
        self.setFinishingKeyCombinations(
            [
                QKeyCombination(Qt.Key.Key_Tab),
                # Shift+Tab arrives as Backtab with Shift held: without this it was recorded as a key.
                QKeyCombination(Qt.KeyboardModifier.ShiftModifier, Qt.Key.Key_Backtab),
                QKeyCombination(Qt.Key.Key_Backtab),
                QKeyCombination(Qt.Key.Key_Escape),
            ]
        )

    def minimumSizeHint(self) -> QSize:
        """Wide enough for the "Press shortcut" prompt at any text size and in any language."""
        hint = super().minimumSizeHint()
        inner = self.findChild(QLineEdit)
        if inner is None:
            return hint
        room = (
            inner.fontMetrics().horizontalAdvance(inner.placeholderText()) + 4 * inner.fontMetrics().averageCharWidth()
        )
        return hint.expandedTo(QSize(room, hint.height()))

    def sizeHint(self) -> QSize:
        return super().sizeHint().expandedTo(self.minimumSizeHint())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        super().keyPressEvent(event)
        if event.key() == Qt.Key.Key_Escape:
            event.ignore()


class ShortcutSettingsDialog(QDialog):
    def __init__(self, shortcuts: Shortcuts, announce: Announce, parent: Any = None) -> None:
        super().__init__(parent)
        self.shortcuts, self._announce = shortcuts, announce
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        intro = QLabel(
            self.tr(
                "Choose an action and press Enter, then press its new key. Single keys such as F6 suit"
                " foot pedals and one-hand use. Changes apply at once and are kept."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.list = QTreeWidget(self)
        self.list.setAccessibleName(self.tr("Actions and their keys"))
        self.list.setHeaderLabels([self.tr("Action"), self.tr("Key")])
        self.list.setRootIsDecorated(False)
        self.list.itemActivated.connect(lambda _item, _column: self.key_edit.setFocus())
        self.list.currentItemChanged.connect(lambda _now, _before: self._show_current())
        key_label = QLabel(self.tr("&Key:"), self)
        self.key_edit = KeyField(self)
        self.key_edit.editingFinished.connect(self._key_chosen)
        key_label.setBuddy(self.key_edit)
        self.message = QLabel(self)
        self.message.setAccessibleName(self.tr("Shortcut message"))
        self.message.setWordWrap(True)
        self.reset_button = QPushButton(self.tr("&Reset to default"), self)
        self.reset_button.clicked.connect(self._reset_current)
        self.remove_button = QPushButton(self.tr("Re&move key"), self)
        self.remove_button.clicked.connect(lambda: self._assign(""))
        self.reset_all_button = QPushButton(self.tr("Reset &all to defaults"), self)
        self.reset_all_button.clicked.connect(self._reset_all)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        # Enter in the list means "change this one": no button may take it as the default.
        for button in (self.reset_button, self.remove_button, self.reset_all_button, *buttons.buttons()):
            button.setAutoDefault(False)
        self._lay_out(intro, key_label, buttons)
        self._fill()
        self.list.setCurrentItem(self.list.topLevelItem(0))
        self.list.setFocus()
        self.resize(620, 600)

    def _lay_out(self, intro: QLabel, key_label: QLabel, buttons: QDialogButtonBox) -> None:
        row = QHBoxLayout()
        for widget in (key_label, self.key_edit, self.reset_button, self.remove_button):
            row.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list)
        layout.addLayout(row)
        for widget in (self.message, self.reset_all_button, buttons):
            layout.addWidget(widget)
        for first, second in (
            (self.list, self.key_edit),
            (self.key_edit, self.reset_button),
            (self.reset_button, self.remove_button),
            (self.remove_button, self.reset_all_button),
        ):
            QWidget.setTabOrder(first, second)

    # ------------------------------------------------------------ the list

    def _fill(self) -> None:
        """Every action the agent can use now (hidden ones, such as a lead's, stay out)."""
        for spec in ACTIONS:
            action = self.shortcuts.actions.get(spec.action_id)
            if action is None or not action.isVisible():
                continue
            item = QTreeWidgetItem(self.list, [action_name(spec.action_id), ""])
            item.setData(0, ID_ROLE, spec.action_id)
            self._show_keys(item)
        self.list.resizeColumnToContents(0)

    def _show_keys(self, item: QTreeWidgetItem) -> None:
        keys = self.shortcuts.keys(str(item.data(0, ID_ROLE)))
        item.setText(1, native(keys) if keys else self.tr("none"))

    def item_for(self, action_id: str) -> QTreeWidgetItem | None:
        for index in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(index)
            if item.data(0, ID_ROLE) == action_id:
                return item
        return None

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(0, ID_ROLE))

    def _show_current(self) -> None:
        action_id = self.current_id()
        if action_id is None:
            return
        self.key_edit.setKeySequence(QKeySequence.fromString(self.shortcuts.keys(action_id), PORTABLE))
        self.key_edit.setAccessibleName(self.tr("New key for %1").replace("%1", action_name(action_id)))
        default = default_key(action_id)
        self.reset_button.setToolTip(self.tr("Default: %1").replace("%1", native(default) if default else "—"))

    # ------------------------------------------------------------ changes

    def _key_chosen(self) -> None:
        keys = self.key_edit.keySequence().toString(PORTABLE)
        action_id = self.current_id()
        if action_id is not None and keys and keys != self.shortcuts.keys(action_id):
            self._assign(keys)

    def _reset_current(self) -> None:
        action_id = self.current_id()
        if action_id is not None:
            self._assign(default_key(action_id))

    def _assign(self, keys: str) -> None:
        action_id = self.current_id()
        if action_id is None:
            return
        try:
            self.shortcuts.assign(action_id, keys)
        except ShortcutRefused as refused:
            self._say(str(refused), assertive=True)
            self._show_current()
            return
        self._refresh(action_id)
        name = action_name(action_id)
        if not keys:
            self._say(self.tr("“%1” has no key now.").replace("%1", name))
            return
        text = self.tr("“%1” is now %2.").replace("%1", name).replace("%2", native(keys))
        if key_count(keys) > 2:
            text += " " + self.tr("It needs %1 keys held at once; one key or two are easier with one hand.").replace(
                "%1", str(key_count(keys))
            )
        self._say(text)

    def _reset_all(self) -> None:
        self.shortcuts.reset_all()
        for index in range(self.list.topLevelItemCount()):
            self._show_keys(self.list.topLevelItem(index))
        self._show_current()
        self._say(self.tr("Every action has its default key again."))

    def _refresh(self, action_id: str) -> None:
        item = self.item_for(action_id)
        if item is not None:
            self._show_keys(item)
        self._show_current()

    def _say(self, text: str, assertive: bool = False) -> None:
        self.message.setText(text)
        self._announce(text, assertive)


class ShortcutSettings(QObject):
    """Settings → Keyboard shortcuts… (and the F1 list's "Change keys" button) open the dialog."""

    def __init__(self, window: Any, shortcuts: Shortcuts, announce: Announce, parent: Any = None) -> None:
        super().__init__(parent)
        self.window, self.shortcuts, self._announce = window, shortcuts, announce
        self.dialog: ShortcutSettingsDialog | None = None
        action = QAction(self.tr("&Keyboard shortcuts…"), window)
        give_default_key(action, "settings.shortcuts")
        action.triggered.connect(lambda _checked=False: self.open())
        window.settings_menu.addAction(action)
        window.settings_menu.addSeparator()
        window.addAction(action)
        self.action = action

    def open(self) -> None:
        dialog = ShortcutSettingsDialog(self.shortcuts, self._announce, self.window)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
