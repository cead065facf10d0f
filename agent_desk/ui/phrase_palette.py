"""Ctrl+K: search every quick reply by code, pinyin initials or words."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout

from agent_desk.protocol.messages import PhraseInfo
from agent_desk.ui.slash_completer import phrase_label

PHRASE_ROLE = Qt.ItemDataRole.UserRole + 1


class _SearchField(QLineEdit):
    """Up and Down move in the result list while typing goes on here."""

    def __init__(self, results: QListWidget, parent: Any = None) -> None:
        super().__init__(parent)
        self._results = results

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self._results.keyPressEvent(event)
            return
        super().keyPressEvent(event)


class PhrasePalette(QDialog):
    """Signals:
    chosen(object): the PhraseInfo to insert.
    """

    chosen = Signal(object)

    def __init__(self, search: Callable[[str, int], list[PhraseInfo]], parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Quick replies"))
        self._search = search
        self.results = QListWidget(self)
        self.results.setAccessibleName(self.tr("Matching quick replies"))
        self.query = _SearchField(self.results, self)
        self.query.setAccessibleName(self.tr("Search quick replies"))
        self.query.setPlaceholderText(self.tr("Code, pinyin initials or words; Enter inserts"))
        label = QLabel(self.tr("&Search:"), self)
        label.setBuddy(self.query)
        self.count = QLabel(self)
        layout = QVBoxLayout(self)
        for widget in (label, self.query, self.results, self.count):
            layout.addWidget(widget)
        self.query.textChanged.connect(self.refresh)
        self.query.returnPressed.connect(self._choose_current)
        self.results.itemActivated.connect(self._choose)
        self.resize(560, 420)
        self.refresh()

    def refresh(self) -> None:
        self.results.clear()
        for phrase in self._search(self.query.text(), 50):
            item = QListWidgetItem(phrase_label(phrase), self.results)
            item.setData(PHRASE_ROLE, phrase)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{phrase.group}: {phrase.text}")
        self.results.setCurrentRow(0)
        self.count.setText(self.tr("%1 matching").replace("%1", str(self.results.count())))

    def _choose_current(self) -> None:
        item = self.results.currentItem()
        if item is not None:
            self._choose(item)

    def _choose(self, item: QListWidgetItem) -> None:
        self.chosen.emit(item.data(PHRASE_ROLE))
        self.accept()
