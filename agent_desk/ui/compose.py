"""The compose box: Enter sends, Shift+Enter adds a line."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QPlainTextEdit

from agent_desk.ui.slash_completer import SlashCompleter

TYPING_IDLE_MS = 3000
"""After this long without a keystroke the customer stops seeing 'typing'."""


class ComposeEdit(QPlainTextEdit):
    """Signals:
    submitted(str): Enter was pressed with some text; the box is cleared.
    typing_changed(bool): the agent started or stopped typing.
    """

    submitted = Signal(str)
    typing_changed = Signal(bool)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.slash: SlashCompleter | None = None
        """Set by the desk once quick replies are loaded."""
        self.setTabChangesFocus(True)
        self._typing = False
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(TYPING_IDLE_MS)
        self._idle.timeout.connect(lambda: self._set_typing(False))
        self.textChanged.connect(self._on_text_changed)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.slash is not None and self.slash.visible and self._completion_key(event):
            return
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        shifted = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if enter and not shifted:
            self.submit()
            event.accept()
            return
        if enter and shifted:
            self.insertPlainText("\n")
            event.accept()
            return
        super().keyPressEvent(event)

    def _completion_key(self, event: QKeyEvent) -> bool:
        """Keys that act on the open "/" list instead of the text. True if handled."""
        assert self.slash is not None
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab):
            event.accept()
            return self.slash.take_current()
        if key == Qt.Key.Key_Escape:
            self.slash.completer.popup().hide()
            event.accept()
            return True
        return False

    def submit(self) -> None:
        text = self.toPlainText().strip()
        if not text:
            return
        self.clear()
        self._set_typing(False)
        self.submitted.emit(text)

    def _on_text_changed(self) -> None:
        if self.toPlainText():
            self._set_typing(True)
            self._idle.start()
        else:
            self._idle.stop()
            self._set_typing(False)

    def _set_typing(self, typing: bool) -> None:
        if typing != self._typing:
            self._typing = typing
            self.typing_changed.emit(typing)
