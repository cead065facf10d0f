"""One chat tab: header, message list, compose box and the customer's context."""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from agent_desk.client.chats import ChatRecord, Delivery
from agent_desk.domain.templates import TemplateError, expand
from agent_desk.protocol.messages import ConversationInfo
from agent_desk.ui.compose import ComposeEdit
from agent_desk.ui.message_delegate import MessageDelegate
from agent_desk.ui.message_model import MessageModel, Roles
from agent_desk.ui.placeholder_bar import PlaceholderBar


def waited_text(seconds: float) -> str:
    seconds = max(0, int(seconds))
    if seconds < 60:
        return ChatView.tr("waiting %1 s").replace("%1", str(seconds))
    return ChatView.tr("waiting %1 min %2 s").replace("%1", str(seconds // 60)).replace("%2", str(seconds % 60))


class MessageList(QListView):
    """The message list; R retries and Delete cancels a failed message.

    Older messages are above: reaching the top pages them in (fetchMore), and
    the rows in view stay where they were. Qt's own item views fetch more at
    the bottom, where a chat's newest message is: the model declines there.
    """

    retry_requested = Signal(str)
    cancel_requested = Signal(str)

    def verticalScrollbarValueChanged(self, value: int) -> None:
        super().verticalScrollbarValueChanged(value)
        bar = self.verticalScrollBar()
        if value == bar.minimum() and bar.maximum() > 0 and self.model().canFetchMore(QModelIndex()):
            self.fetch_older()

    def fetch_older(self) -> None:
        """Page older messages in above the first row, keeping that row in place."""
        model = self.model()
        before = model.rowCount()
        model.fetchMore(QModelIndex())
        added = model.rowCount() - before
        if added > 0 and before > 0:
            self.scrollTo(model.index(added), QAbstractItemView.ScrollHint.PositionAtTop)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = self.currentIndex()
        failed = index.isValid() and index.data(Roles.DELIVERY) == Delivery.FAILED.value
        if failed and event.key() == Qt.Key.Key_R:
            self.retry_requested.emit(index.data(Roles.KEY))
            return
        if failed and event.key() == Qt.Key.Key_Delete:
            self.cancel_requested.emit(index.data(Roles.KEY))
            return
        super().keyPressEvent(event)


class ChatView(QWidget):
    """Signals:
    send_requested(str, str): conversation id and text to send.
    typing_changed(str, bool): the agent's typing state in this chat.
    retry_requested(str) / cancel_requested(str): a failed message's client_msg_id.
    """

    send_requested = Signal(str, str)
    typing_changed = Signal(str, bool)
    retry_requested = Signal(str)
    cancel_requested = Signal(str)

    def __init__(self, record: ChatRecord, parent: Any = None) -> None:
        super().__init__(parent)
        self.record = record
        self.model = MessageModel(record, self)
        self._build()
        self._following = True
        """The list shows the newest message: new ones scroll into view."""
        bar = self.messages.verticalScrollBar()
        self.model.showing_top = lambda: bar.value() == bar.minimum()
        bar.valueChanged.connect(self._note_following)
        bar.rangeChanged.connect(self._stick_to_newest)
        self.model.rowsInserted.connect(self._follow_new_rows)
        self._after_placeholders: Callable[[str], None] | None = None
        self.placeholders.completed.connect(self._placeholders_done)
        self._restore_on_cancel = ""
        self.placeholders.cancelled.connect(self._placeholders_cancelled)
        self.refresh()

    # ------------------------------------------------------------ layout

    def _build(self) -> None:
        name = self.record.info.customer_name
        self.title = QLabel(name, self)
        self.title.setObjectName("chatTitle")
        self.title.setAccessibleName(self.tr("Customer"))
        self.title.setWordWrap(True)  # long names wrap rather than widen the window
        self.waiting = QLabel(self)
        self.waiting.setAccessibleName(self.tr("Waiting time"))
        self.typing = QLabel(self)
        self.typing.setAccessibleName(self.tr("Typing indicator"))
        self.state = QLabel(self)
        self.state.setAccessibleName(self.tr("Chat state"))
        self.timer = QLabel(self)
        self.timer.setObjectName("responseTimer")
        self.timer.setAccessibleName(self.tr("Response timer"))
        self.ratio = QLabel(self)
        self.ratio.setAccessibleName(self.tr("Answer ratio (答问比)"))
        self.escalation = QLabel(self)
        self.escalation.setObjectName("escalationStatus")
        self.escalation.setWordWrap(True)
        self.escalation.setAccessibleName(self.tr("Escalation"))
        self.escalation.hide()
        self.practice = QLabel(self)
        self.practice.setObjectName("practiceBanner")
        self.practice.setAccessibleName(self.tr("Practice"))
        self.practice.hide()
        self.note = QLabel(self)
        self.note.setObjectName("whisper")
        self.note.setWordWrap(True)
        self.note.setAccessibleName(self.tr("Private note from your lead"))
        self.note.hide()
        self.observed = QLabel(self)
        self.observed.setAccessibleName(self.tr("Observed"))
        self.observed.hide()
        header = QHBoxLayout()
        for label in (self.title, self.waiting, self.timer, self.typing):
            header.addWidget(label)
        header.addStretch(1)
        header.addWidget(self.state)

        self.messages = MessageList(self)
        self.messages.setItemDelegate(MessageDelegate(self.messages))
        self.messages.setWordWrap(True)
        self.messages.setUniformItemSizes(False)
        self.messages.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # A scroll bar that comes and goes changes the width, and every row is measured
        # again at the new width: keep it, so a chat's rows are measured once.
        self.messages.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.messages.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # The model last: with rows to show, each setting above would lay them all out
        # (measuring every text) at the list's size before it is placed in the tab.
        self.messages.setModel(self.model)
        self.messages.setAccessibleName(self.tr("Messages with %1").replace("%1", name))
        self.messages.retry_requested.connect(self.retry_requested)
        self.messages.cancel_requested.connect(self.cancel_requested)

        self.placeholders = PlaceholderBar(self)
        self.placeholder_values: dict[str, str] = {"customer_name": name}
        """Values for quick-reply placeholders; the desk adds agent and shop names."""
        self.compose = ComposeEdit(self)
        self.compose.setAccessibleName(self.tr("Reply to %1").replace("%1", name))
        self.compose.setAccessibleDescription(self.tr("Enter sends, Shift+Enter starts a new line"))
        self.compose.setPlaceholderText(self.tr("Type a reply. Enter sends, Shift+Enter adds a line."))
        self.compose.setMaximumHeight(110)
        self.compose.submitted.connect(self._submit_typed)
        self.compose.typing_changed.connect(lambda on: self.typing_changed.emit(self.record.conversation_id, on))
        self.send_button = QPushButton(self.tr("&Send"), self)
        self.send_button.setAccessibleName(self.tr("Send reply"))
        self.send_button.clicked.connect(self.compose.submit)
        compose_row = QHBoxLayout()
        compose_row.addWidget(self.compose, 1)
        compose_row.addWidget(self.send_button)

        main = QWidget(self)
        column = QVBoxLayout(main)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(header)
        column.addWidget(self.practice)
        column.addWidget(self.observed)
        column.addWidget(self.note)
        column.addWidget(self.escalation)
        column.addWidget(self.ratio)
        column.addWidget(self.messages, 1)
        column.addWidget(self.placeholders)
        column.addLayout(compose_row)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(main)
        splitter.addWidget(self._build_context())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        # The compose box first, then the rest. No focus proxy: with one, Tab passed the message
        # list and the earlier chats by (Qt jumps to the proxy), so a keyboard user never reached them.
        chain = (self.compose, self.send_button, self.messages, self.placeholders.field, self.context)
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

    def _build_context(self) -> QWidget:
        panel = QWidget(self)
        column = QVBoxLayout(panel)
        heading = QLabel(self.tr("Earlier chats with this shop"), panel)
        self.context = QListWidget(panel)
        self.context.setAccessibleName(self.tr("Earlier chats with this customer"))
        heading.setBuddy(self.context)
        column.addWidget(heading)
        column.addWidget(self.context, 1)
        return panel

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Focus given to the whole tab (Ctrl+1…9, the urgent jump) lands in the compose box."""
        super().focusInEvent(event)
        self.compose.setFocus(event.reason())

    # ------------------------------------------------------------ updates

    def refresh(self, server_now: float | None = None) -> None:
        """Update the header from the record (called on changes and every second)."""
        now = server_now if server_now is not None else time.time()
        since = self.record.waiting_since
        self.waiting.setText(waited_text(now - since) if since is not None else "")
        self.typing.setText(self.tr("customer is typing…") if self.record.customer_typing else "")
        read_only = self.record.read_only
        if self.record.closed:
            self.state.setText(self.tr("Closed (read-only)"))
        elif read_only:
            self.state.setText(self.tr("No longer yours (read-only)"))
        else:
            self.state.setText("")
        self.compose.setReadOnly(read_only)
        self.send_button.setEnabled(not read_only)

    # ------------------------------------------------------------ quick replies

    def insert_template(self, template: str) -> None:
        """Put a quick reply into the compose box, asking first for missing values."""
        self._with_values(template, self._insert)

    def send_template(self, template: str) -> None:
        """Send a text at once (a greeting, or what the agent typed), asking first
        for any placeholder still in braces: raw braces are never sent."""
        if self.record.read_only:
            return
        self._with_values(template, lambda text: self.send_requested.emit(self.record.conversation_id, text))

    def _with_values(self, template: str, then: Callable[[str], None]) -> None:
        try:
            expansion = expand(template, self.placeholder_values)
        except TemplateError:
            then(template)  # not a template (stray braces typed by hand): send as written
            return
        if expansion.complete:
            self._restore_on_cancel = ""
            then(expansion.text)
            return
        self._after_placeholders = then
        self.placeholders.ask(template, self.placeholder_values, self.placeholder_values.__setitem__)

    def _submit_typed(self, text: str) -> None:
        # The compose box is already cleared: give the text back if the agent
        # drops the placeholder prompt, so nothing typed is lost.
        self._restore_on_cancel = text
        self.send_template(text)

    def _placeholders_cancelled(self) -> None:
        self._after_placeholders = None
        if self._restore_on_cancel and not self.compose.toPlainText():
            self.compose.setPlainText(self._restore_on_cancel)
        self._restore_on_cancel = ""
        self.compose.setFocus()

    def _placeholders_done(self, text: str) -> None:
        self._restore_on_cancel = ""
        then, self._after_placeholders = self._after_placeholders, None
        if then is not None:
            then(text)
        self.compose.setFocus()

    def _insert(self, text: str) -> None:
        self.compose.insertPlainText(text)
        self.compose.setFocus()

    def show_note(self, text: str) -> None:
        """A lead's private note (whisper); the customer never sees it."""
        self.note.setText(text)
        self.note.setAccessibleDescription(text)
        self.note.setVisible(bool(text))

    def show_observed(self, text: str) -> None:
        self.observed.setText(text)
        self.observed.setVisible(bool(text))

    def show_practice(self, text: str) -> None:
        """Practice chats say so in words, above everything else in the tab."""
        self.practice.setText(text)
        self.practice.setAccessibleDescription(text)
        self.practice.setVisible(bool(text))

    def show_escalation(self, text: str) -> None:
        """The escalation's status (for the agent) or its summary (for the specialist)."""
        self.escalation.setText(text)
        self.escalation.setAccessibleDescription(text)
        self.escalation.setVisible(bool(text))

    def show_reading(self, timer: str, spoken_timer: str, ratio: str) -> None:
        """The response timer and 答问比 line, from the desk's ResponseWatch."""
        self.timer.setText(timer)
        self.timer.setAccessibleDescription(spoken_timer)
        self.ratio.setText(ratio)
        self.ratio.setVisible(bool(ratio))

    def set_context(self, chats: list[ConversationInfo]) -> None:
        self.context.clear()
        earlier = [c for c in chats if c.conversation_id != self.record.conversation_id]
        if not earlier:
            self.context.addItem(self.tr("No earlier chats"))
        for chat in earlier:
            when = time.strftime("%Y-%m-%d %H:%M", time.localtime(chat.created_at))
            outcome = chat.wrap_up or self.tr("open")
            rating = self.tr(", rated %1 of 5").replace("%1", str(chat.rating)) if chat.rating else ""
            self.context.addItem(f"{when} · {outcome}{rating}")

    def _note_following(self, value: int) -> None:
        self._following = value >= self.messages.verticalScrollBar().maximum()

    def _stick_to_newest(self, _minimum: int, maximum: int) -> None:
        # The range changes after each layout (new rows, a resize, a tab shown again):
        # a list that showed the newest message keeps showing it, in the same pass.
        if self._following:
            self.messages.verticalScrollBar().setValue(maximum)

    def _follow_new_rows(self, _parent: QModelIndex, _first: int, last: int) -> None:
        # QListView lays every row out again on each insert: while the newest
        # messages are followed, rows far above the view go back to the hidden pages.
        following = last == self.model.rowCount() - 1 and self._following
        if following and self.model.rowCount() > 2 * self.model.page_rows:
            self.model.keep_newest(self.model.page_rows)
