"""Adapts the Qt-free DeskSession listener callbacks to Qt signals."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from agent_desk.client.chats import Delivery
from agent_desk.client.outbox import OutboxEntry
from agent_desk.client.session import SessionState
from agent_desk.protocol.messages import ServerMessage


class SessionBridge(QObject):
    """Signals:
    state_changed(str, str): SessionState value and a detail message.
    frame_received(object): an unsolicited server frame.
    resumed(int, bool): customer messages that arrived while away; True after a reconnect.
    delivery_changed(object, str, str): OutboxEntry, Delivery value, error text.
    """

    state_changed = Signal(str, str)
    frame_received = Signal(object)
    resumed = Signal(int, bool)
    delivery_changed = Signal(object, str, str)

    def on_state(self, state: SessionState, detail: str) -> None:
        self.state_changed.emit(state.value, detail)

    def on_frame(self, frame: ServerMessage) -> None:
        self.frame_received.emit(frame)

    def on_resumed(self, missed_messages: int, reconnect: bool) -> None:
        self.resumed.emit(missed_messages, reconnect)

    def on_delivery(self, entry: OutboxEntry, delivery: Delivery, error: str) -> None:
        self.delivery_changed.emit(entry, delivery.value, error)
