"""'/' in the compose box opens a ranked list of quick replies.

Typing "/wl" lists the phrases whose code, pinyin initials or text match
"wl"; Up/Down choose, Enter or Tab takes one, Escape closes the list. The
ranking is agent_desk.domain.phrases; this only shows it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel, QTextCursor
from PySide6.QtWidgets import QCompleter, QPlainTextEdit

from agent_desk.protocol.messages import PhraseInfo

PHRASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def slash_token(text_before_cursor: str) -> tuple[int, str] | None:
    """(start, query) of a "/query" being typed at the cursor, else None.

    The slash must start the text or follow white space, and the query runs to
    the cursor without white space, so "http://x" and "1/2" do not trigger it.
    """
    start = text_before_cursor.rfind("/")
    if start < 0:
        return None
    if start > 0 and not text_before_cursor[start - 1].isspace():
        return None
    query = text_before_cursor[start + 1 :]
    if any(ch.isspace() for ch in query) or len(query) > 24:
        return None
    return start, query


def phrase_label(phrase: PhraseInfo) -> str:
    code = f"/{phrase.code}  " if phrase.code else ""
    text = phrase.text.replace("\n", " ")
    return f"{code}{text[:60]}{'…' if len(text) > 60 else ''}  ·  {phrase.group}"


class SlashCompleter(QObject):
    """Signals:
    chosen(int): the phrase id the agent took; the "/query" has been removed.
    """

    chosen = Signal(int)

    def __init__(self, compose: QPlainTextEdit, search: Callable[[str], list[PhraseInfo]], parent: Any = None) -> None:
        super().__init__(parent or compose)
        self._compose = compose
        self._search = search
        self._model = QStandardItemModel(self)
        self.completer = QCompleter(self._model, self)
        self.completer.setWidget(compose)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setMaxVisibleItems(9)
        popup = self.completer.popup()
        popup.setAccessibleName(QCoreApplication.translate("SlashCompleter", "Quick reply suggestions"))
        self.completer.activated[QModelIndex].connect(self._take)
        compose.textChanged.connect(self.update)

    @property
    def visible(self) -> bool:
        return self.completer.popup().isVisible()

    def update(self) -> None:
        cursor = self._compose.textCursor()
        before = self._compose.toPlainText()[: cursor.position()]
        token = slash_token(before)
        if token is None:
            self.completer.popup().hide()
            return
        matches = self._search(token[1])
        self._model.clear()
        for phrase in matches:
            item = QStandardItem(phrase_label(phrase))
            item.setData(phrase.phrase_id, PHRASE_ID_ROLE)
            item.setData(phrase.text, Qt.ItemDataRole.AccessibleTextRole)
            self._model.appendRow(item)
        if not matches:
            self.completer.popup().hide()
            return
        rect = self._compose.cursorRect()
        rect.setWidth(max(360, self._compose.width() // 2))
        self.completer.complete(rect)
        self.completer.popup().setCurrentIndex(self._model.index(0, 0))

    def take_current(self) -> bool:
        """Take the highlighted suggestion (Enter and Tab in the compose box)."""
        index = self.completer.popup().currentIndex()
        if not index.isValid():
            return False
        self._take(index)
        return True

    def _take(self, index: QModelIndex) -> None:
        phrase_id = index.data(PHRASE_ID_ROLE)
        self.completer.popup().hide()
        cursor = self._compose.textCursor()
        token = slash_token(self._compose.toPlainText()[: cursor.position()])
        if token is not None:
            cursor.setPosition(token[0], QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
        if phrase_id is not None:
            self.chosen.emit(int(phrase_id))
