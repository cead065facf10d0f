"""The desk's main window: chat tabs, status, banner and the keyboard map."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from agent_desk.client.chats import ChatRecord
from agent_desk.protocol.messages import AgentStats, AgentStatus
from agent_desk.ui.chat_view import ChatView
from agent_desk.ui.shortcut_map import give_default_key


def tab_text(record: ChatRecord, timer: str = "") -> str:
    """A tab's label: state in words and symbols, never colour alone."""
    parts = [record.info.customer_name]
    if record.info.practice is not None:
        parts.insert(0, ChatTabs.tr("PRACTICE"))
    if timer:
        parts.append(timer)
    if record.unread:
        parts.append(ChatTabs.tr("(%1 new)").replace("%1", str(record.unread)))
    if record.closed:
        parts.append(ChatTabs.tr("[closed]"))
    elif record.read_only:
        parts.append(ChatTabs.tr("[read-only]"))
    elif record.waiting_since is not None and not timer:
        parts.append("⏳")
    return " ".join(parts)


class ChatTabs(QTabWidget):
    """The chat tabs (QTabWidget already cycles with Ctrl+Tab and Ctrl+Shift+Tab)."""


class MainWindow(QMainWindow):
    """Signals:
    status_requested(str, int): the agent picked a status and own chat limit.
    close_requested(str): close (or dismiss) the chat with this conversation id.
    history_requested(): show closed chats.
    urgent_requested(): jump to the chat waiting longest.
    closed(): the agent closed the window.
    """

    status_requested = Signal(str, int)
    close_requested = Signal(str)
    history_requested = Signal()
    urgent_requested = Signal()
    closed = Signal()

    def __init__(self, display_name: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("AgentDesk — %1").replace("%1", display_name))
        self.views: dict[str, ChatView] = {}
        self._build()
        self._build_actions()
        self.resize(1100, 720)

    # ------------------------------------------------------------ layout

    def _build(self) -> None:
        self.banner = QLabel(self)
        self.banner.setObjectName("connectionBanner")
        self.banner.setAccessibleName(self.tr("Connection status"))
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.notice = QLabel(self)
        self.notice.setObjectName("notice")
        self.notice.setAccessibleName(self.tr("Notice"))
        self.notice.setWordWrap(True)
        self.notice.hide()

        self.status_box = QComboBox(self)
        self.status_box.setAccessibleName(self.tr("My status"))
        for status, label in (
            (AgentStatus.AVAILABLE, self.tr("Available")),
            (AgentStatus.AWAY, self.tr("Away")),
            (AgentStatus.PAUSED, self.tr("Paused (no new chats)")),
        ):
            self.status_box.addItem(label, status.value)
        status_label = QLabel(self.tr("S&tatus:"), self)
        status_label.setBuddy(self.status_box)
        self.limit = QSpinBox(self)
        self.limit.setRange(1, 50)
        self.limit.setValue(4)
        self.limit.setAccessibleName(self.tr("My concurrent chat limit"))
        limit_label = QLabel(self.tr("&Chat limit:"), self)
        limit_label.setBuddy(self.limit)
        self.load = QLabel(self)
        self.load.setAccessibleName(self.tr("Chats I hold"))
        self.shift = QLabel(self)
        self.shift.setAccessibleName(self.tr("My figures today"))
        self.statusBar().addPermanentWidget(self.shift)
        self.status_box.activated.connect(self._emit_status)
        self.limit.editingFinished.connect(self._emit_status)

        bar = QHBoxLayout()
        for widget in (status_label, self.status_box, limit_label, self.limit, self.load):
            bar.addWidget(widget)
        bar.addStretch(1)

        self.tabs = ChatTabs(self)
        self.tabs.setAccessibleName(self.tr("Chats"))
        self.tabs.setDocumentMode(True)
        self.tabs.currentChanged.connect(self._current_changed)
        self.empty = QLabel(self.tr("No chats yet. New chats open here as tabs."), self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        central = QWidget(self)
        column = QVBoxLayout(central)
        column.addWidget(self.banner)
        column.addWidget(self.notice)
        column.addLayout(bar)
        column.addWidget(self.tabs, 1)
        column.addWidget(self.empty)
        self.setCentralWidget(central)

    def _build_actions(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Chats"))
        self.urgent_action = self._action(menu, self.tr("Go to the most &urgent chat"), "chats.urgent")
        self.urgent_action.triggered.connect(self.urgent_requested)
        self.close_action = self._action(menu, self.tr("&Close chat…"), "chats.close")
        self.close_action.triggered.connect(self._close_current)
        self.history_action = self._action(menu, self.tr("Closed chats (&history)…"), "chats.history")
        self.history_action.triggered.connect(self.history_requested)
        self.tab_actions = []
        for number in range(1, 10):
            action = self._action(menu, self.tr("Go to chat %1").replace("%1", str(number)), f"chats.go_{number}")
            action.triggered.connect(lambda _checked=False, n=number: self.go_to_tab(n - 1))
            self.tab_actions.append(action)
        self.settings_menu = self.menuBar().addMenu(self.tr("&Settings"))

    def _action(self, menu: Any, text: str, action_id: str) -> QAction:
        action = QAction(text, self)
        give_default_key(action, action_id)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        menu.addAction(action)
        self.addAction(action)
        return action

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closed.emit()
        super().closeEvent(event)

    # ------------------------------------------------------------ chats

    def add_chat(self, view: ChatView) -> None:
        conversation_id = view.record.conversation_id
        self.views[conversation_id] = view
        self.tabs.addTab(view, tab_text(view.record))
        self.refresh_tab(conversation_id)
        self.empty.setVisible(False)

    def remove_chat(self, conversation_id: str) -> None:
        view = self.views.pop(conversation_id, None)
        if view is not None:
            self.tabs.removeTab(self.tabs.indexOf(view))
            view.deleteLater()
        self.empty.setVisible(not self.views)

    def current_view(self) -> ChatView | None:
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, ChatView) else None

    def refresh_tab(self, conversation_id: str) -> None:
        view = self.views.get(conversation_id)
        if view is None:
            return
        index = self.tabs.indexOf(view)
        self.tabs.setTabText(index, tab_text(view.record, view.timer.text()))
        self.tabs.setTabToolTip(index, view.waiting.text() or view.record.info.customer_name)

    def order_by(self, conversation_ids: list[str]) -> None:
        """Put the tabs in this order (most urgent first), keeping the current tab current."""
        current = self.tabs.currentWidget()
        bar = self.tabs.tabBar()
        for position, conversation_id in enumerate(conversation_ids):
            view = self.views.get(conversation_id)
            index = self.tabs.indexOf(view) if view is not None else -1
            if index >= 0 and index != position:
                bar.moveTab(index, position)
        if current is not None:
            self.tabs.setCurrentWidget(current)

    def go_to_tab(self, index: int) -> None:
        if 0 <= index < self.tabs.count():
            self.focus_view(self.tabs.widget(index))

    def focus_view(self, view: QWidget) -> None:
        self.tabs.setCurrentWidget(view)
        view.setFocus()

    def _current_changed(self, _index: int) -> None:
        view = self.current_view()
        if view is not None and view.record.unread:
            view.record.unread = 0
            self.refresh_tab(view.record.conversation_id)

    def _close_current(self) -> None:
        view = self.current_view()
        if view is not None:
            self.close_requested.emit(view.record.conversation_id)

    # ------------------------------------------------------------ status

    def _emit_status(self, *_args: object) -> None:
        self.status_requested.emit(str(self.status_box.currentData()), self.limit.value())

    def show_status(self, status: str, limit: int, active: int) -> None:
        index = self.status_box.findData(status)
        if index >= 0:
            self.status_box.setCurrentIndex(index)
        self.limit.blockSignals(True)
        self.limit.setValue(limit)
        self.limit.blockSignals(False)
        self.load.setText(self.tr("%1 of %2 chats").replace("%1", str(active)).replace("%2", str(limit)))

    def show_shift(self, stats: AgentStats) -> None:
        """Today's own figures in the status bar: 答问比 and first replies."""
        parts = []
        if stats.ratio is not None:
            parts.append(self.tr("Today's 答问比 %1").replace("%1", f"{stats.ratio:.2f}"))
        if stats.first_response_average is not None:
            text = self.tr("first replies %1 s on average").replace("%1", f"{stats.first_response_average:.1f}")
            parts.append(text)
        if stats.first_response_within_target is not None:
            share = f"{stats.first_response_within_target * 100:.0f}"
            parts.append(self.tr("%1% within target").replace("%1", share))
        parts.append(self.tr("%1 chats").replace("%1", str(stats.chats)))
        self.shift.setText(" · ".join(parts))

    def show_banner(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.setAccessibleDescription(text)
        self.banner.show()

    def hide_banner(self) -> None:
        self.banner.hide()

    def show_notice(self, text: str) -> None:
        """A lasting notice (unlike the connection banner), e.g. that no keyring is available."""
        self.notice.setText(text)
        self.notice.setAccessibleDescription(text)
        self.notice.show()
