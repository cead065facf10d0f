"""One-key escalation (转接) in the desk: pick a reason, add a note, done.

The agent's tab then turns read-only and shows the escalation's status
(waiting with its place in the specialist queue, taken by whom, resolved)
until the agent closes it; a specialist can send the chat back with a note.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
)

from agent_desk.client.chats import ChatRecord
from agent_desk.client.session import DeskSession
from agent_desk.protocol.messages import CancelEscalation, Escalate, EscalationInfo, Ok, Role, SendBack
from agent_desk.ui.chat_view import ChatView
from agent_desk.ui.main_window import MainWindow
from agent_desk.ui.notifier import Notifier
from agent_desk.ui.shortcut_map import give_default_key

Spawn = Callable[[Coroutine[Any, Any, Any]], Any]
REASON_ROLE = Qt.ItemDataRole.UserRole + 1


def reason_label(code: str) -> str:
    labels = {
        "product_expert": QCoreApplication.translate("Escalation", "Product expert"),
        "after_sales": QCoreApplication.translate("Escalation", "Refund / after-sales"),
        "complaint": QCoreApplication.translate("Escalation", "Complaint"),
        "technical": QCoreApplication.translate("Escalation", "Technical"),
        "other": QCoreApplication.translate("Escalation", "Other"),
    }
    return labels.get(code, code.replace("_", " "))


def status_text(info: EscalationInfo) -> str:
    reason = reason_label(info.reason)
    if info.status == "waiting":
        if info.position:
            text = QCoreApplication.translate("Escalation", "Escalated (%1): waiting for a specialist, place %2")
            return text.replace("%1", reason).replace("%2", str(info.position))
        return QCoreApplication.translate("Escalation", "Escalated (%1): waiting for a specialist").replace(
            "%1", reason
        )
    if info.status == "taken":
        text = QCoreApplication.translate("Escalation", "Escalated (%1): taken by %2")
        return text.replace("%1", reason).replace("%2", info.specialist_name or info.specialist or "")
    if info.status == "resolved":
        return QCoreApplication.translate("Escalation", "Escalation resolved by %1").replace(
            "%1", info.specialist_name or info.specialist or ""
        )
    if info.status == "returned":
        return QCoreApplication.translate("Escalation", "Sent back by the specialist: %1").replace(
            "%1", info.return_note
        )
    return QCoreApplication.translate("Escalation", "Escalation cancelled: the chat is yours again")


class EscalateDialog(QDialog):
    """Signals:
    chosen(str, str): reason code and note.
    """

    chosen = Signal(str, str)

    def __init__(self, customer_name: str, reasons: list[str], parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Escalate the chat with %1").replace("%1", customer_name))
        label = QLabel(self.tr("&Reason:"), self)
        self.reasons = QListWidget(self)
        self.reasons.setAccessibleName(self.tr("Escalation reason"))
        label.setBuddy(self.reasons)
        for code in reasons:
            item = QListWidgetItem(reason_label(code), self.reasons)
            item.setData(REASON_ROLE, code)
        self.reasons.setCurrentRow(0)
        note_label = QLabel(self.tr("&Note for the specialist (optional):"), self)
        self.note = QPlainTextEdit(self)
        self.note.setTabChangesFocus(True)
        self.note.setAccessibleName(self.tr("Note for the specialist"))
        note_label.setBuddy(self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Escalate"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self.reasons.itemActivated.connect(lambda _item: self._accept())
        layout = QVBoxLayout(self)
        for widget in (label, self.reasons, note_label, self.note, buttons):
            layout.addWidget(widget)
        self.reasons.setFocus()

    def _accept(self) -> None:
        item = self.reasons.currentItem()
        if item is not None:
            self.chosen.emit(str(item.data(REASON_ROLE)), self.note.toPlainText().strip()[:500])
            self.accept()


class SendBackDialog(QDialog):
    chosen = Signal(str)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Send the chat back"))
        label = QLabel(self.tr("&Note for the agent:"), self)
        self.note = QPlainTextEdit(self)
        self.note.setTabChangesFocus(True)
        self.note.setAccessibleName(self.tr("Note for the agent"))
        label.setBuddy(self.note)
        self.message = QLabel(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Send &back"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (label, self.note, self.message, buttons):
            layout.addWidget(widget)

    def _accept(self) -> None:
        note = self.note.toPlainText().strip()
        if not note:
            self.message.setText(self.tr("Say why, so the agent knows what to do next."))
            return
        self.chosen.emit(note[:500])
        self.accept()


class Escalations(QObject):
    """The escalation actions of the desk's Chats menu."""

    def __init__(
        self, window: MainWindow, session: DeskSession, notifier: Notifier, spawn: Spawn, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self.window, self.session, self.notifier, self.spawn = window, session, notifier, spawn
        self.reasons: list[str] = ["product_expert", "after_sales", "complaint", "technical", "other"]
        self.dialog: QDialog | None = None
        menu = window.menuBar().addMenu(self.tr("&Escalation"))
        self.escalate_action = self._add(
            menu, self.tr("&Escalate this chat…"), "escalation.escalate", self.escalate_current
        )
        self.cancel_action = self._add(menu, self.tr("&Cancel my escalation"), "escalation.cancel", self.cancel_current)
        self.send_back_action = self._add(
            menu, self.tr("&Send back to the agent…"), "escalation.send_back", self.send_back_current
        )

    def _add(self, menu: Any, text: str, action_id: str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self.window)
        give_default_key(action, action_id)
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        self.window.addAction(action)
        return action

    def escalate_current(self) -> None:
        view = self.window.current_view()
        if view is None or view.record.read_only:
            self.notifier.announce(self.tr("Open one of your chats to escalate it"))
            return
        conversation_id = view.record.conversation_id
        dialog = EscalateDialog(view.record.info.customer_name, self.reasons, self.window)
        dialog.chosen.connect(lambda reason, note: self.spawn(self._escalate(conversation_id, reason, note)))
        self._show(dialog)

    async def _escalate(self, conversation_id: str, reason: str, note: str) -> None:
        request = Escalate(id=self.session.new_id(), conversation_id=conversation_id, reason=reason, note=note)
        await self.session.request(request, Ok)

    def cancel_current(self) -> None:
        view = self.window.current_view()
        if view is not None:
            request = CancelEscalation(id=self.session.new_id(), conversation_id=view.record.conversation_id)
            self.spawn(self.session.request(request, Ok))

    def send_back_current(self) -> None:
        view = self.window.current_view()
        user = self.session.user
        if view is None or user is None or user.role is not Role.SPECIALIST:
            self.notifier.announce(self.tr("Only a specialist sends a chat back"))
            return
        conversation_id = view.record.conversation_id
        dialog = SendBackDialog(self.window)
        dialog.chosen.connect(
            lambda note: self.spawn(
                self.session.request(SendBack(id=self.session.new_id(), conversation_id=conversation_id, note=note), Ok)
            )
        )
        self._show(dialog)

    def _show(self, dialog: QDialog) -> None:
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    # ------------------------------------------------------------ status in the tab

    def update(self, record: ChatRecord, info: EscalationInfo, view: ChatView | None) -> None:
        """An escalation moved: the escalating agent's tab follows it, and it is announced."""
        before = record.info.escalation.status if record.info.escalation else None
        record.info.escalation = info
        user = self.session.user
        if user is not None and info.from_agent == user.username:
            record.read_only = info.status in ("waiting", "taken", "resolved")
        self.show(record, view)
        if info.status != before:
            text = f"{record.info.customer_name}: {status_text(info)}"
            self.notifier.announce(text, assertive=info.status == "returned")

    def show(self, record: ChatRecord, view: ChatView | None) -> None:
        """The status for the agent who escalated; the summary for the specialist."""
        info = record.info.escalation
        if view is None:
            return
        user = self.session.user
        if info is None or (info.status in ("cancelled", "returned") and not info.return_note):
            view.show_escalation("")
        elif user is not None and info.from_agent != user.username:
            view.show_escalation(self.tr("Escalated to you:\n%1").replace("%1", info.summary))
        else:
            view.show_escalation(status_text(info))
