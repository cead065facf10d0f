"""The agent's closed chats; Enter opens one read-only."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout

from agent_desk.protocol.messages import ConversationInfo

CONVERSATION_ROLE = 256


class HistoryDialog(QDialog):
    """Signals:
    open_requested(object): the ConversationInfo to open read-only.
    """

    open_requested = Signal(object)

    def __init__(self, chats: list[ConversationInfo], parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Closed chats"))
        label = QLabel(self.tr("&Closed chats, newest first (Enter opens one):"), self)
        self.chats = QListWidget(self)
        self.chats.setAccessibleName(self.tr("Closed chats"))
        label.setBuddy(self.chats)
        for chat in chats:
            when = time.strftime("%Y-%m-%d %H:%M", time.localtime(chat.closed_at or chat.created_at))
            rating = self.tr(" · rated %1 of 5").replace("%1", str(chat.rating)) if chat.rating else ""
            item = QListWidgetItem(f"{when} · {chat.customer_name} · {chat.wrap_up or ''}{rating}", self.chats)
            item.setData(CONVERSATION_ROLE, chat)
        if not chats:
            self.chats.addItem(self.tr("No closed chats yet"))
        self.chats.setCurrentRow(0)
        self.chats.itemActivated.connect(self._open)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.chats)
        layout.addWidget(buttons)

    def _open(self, item: QListWidgetItem) -> None:
        chat = item.data(CONVERSATION_ROLE)
        if chat is not None:
            self.open_requested.emit(chat)
            self.accept()
