"""A Qt list model over one chat's lines (agent_desk.client.chats.ChatRecord).

The record is plain Python and owns the rules; this model only announces
each planned change to Qt around applying it.

The model shows the newest lines of the record, a page at a time: QListView
lays out every row it is shown (a delegate size hint per row) on each insert,
so a chat with thousands of lines would cost milliseconds per new message.
Older lines stay hidden until the view scrolls to the top and calls
:meth:`MessageModel.fetchMore`; once every held line is shown, fetchMore asks
the server for an older page through :attr:`MessageModel.load_older`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from agent_desk.client.chats import Append, Change, ChatLine, ChatRecord, Delivery, Prepend, Remove, Replace
from agent_desk.protocol.messages import EventKind

Index = QModelIndex | QPersistentModelIndex


class Roles:
    LINE = Qt.ItemDataRole.UserRole + 1
    AUTHOR = Qt.ItemDataRole.UserRole + 2
    DELIVERY = Qt.ItemDataRole.UserRole + 3
    FROM_STAFF = Qt.ItemDataRole.UserRole + 4
    KIND = Qt.ItemDataRole.UserRole + 5
    KEY = Qt.ItemDataRole.UserRole + 6
    TIME_TEXT = Qt.ItemDataRole.UserRole + 7


def clock_text(ts: float) -> str:
    return time.strftime("%H:%M:%S", time.localtime(ts))


def describe_event(line: ChatLine) -> str:
    """The words shown (and read) for a non-message event."""
    if line.kind is EventKind.QUEUED:
        return QCoreApplication.translate("MessageModel", "Customer joined the queue")
    if line.kind is EventKind.ASSIGNED:
        return QCoreApplication.translate("MessageModel", "Chat assigned to %1").replace("%1", line.author_name)
    if line.kind is EventKind.REQUEUED:
        return QCoreApplication.translate("MessageModel", "Chat moved back to the queue")
    if line.kind is EventKind.CLOSED:
        wrap_up = line.detail.get("wrap_up")
        if line.detail.get("by") == "customer":
            return QCoreApplication.translate("MessageModel", "The customer left the chat")
        return (
            QCoreApplication.translate("MessageModel", "Chat closed (%1)").replace("%1", wrap_up)
            if wrap_up
            else QCoreApplication.translate("MessageModel", "Chat closed")
        )
    if line.kind is EventKind.ESCALATED:
        return QCoreApplication.translate("MessageModel", "Escalated to the specialist team")
    if line.kind is EventKind.ESCALATION_CANCELLED:
        return QCoreApplication.translate("MessageModel", "Escalation cancelled: back with %1").replace(
            "%1", line.author_name
        )
    if line.kind is EventKind.SENT_BACK:
        return QCoreApplication.translate("MessageModel", "Sent back to %1 by the specialist").replace(
            "%1", line.author_name
        )
    if line.kind is EventKind.RATED:
        return QCoreApplication.translate("MessageModel", "Customer rated the chat %1 of 5").replace(
            "%1", line.detail.get("rating", "?")
        )
    return line.text


def delivery_text(line: ChatLine) -> str:
    if line.delivery is Delivery.PENDING:
        return QCoreApplication.translate("MessageModel", "sending…")
    if line.delivery is Delivery.FAILED:
        return QCoreApplication.translate(
            "MessageModel", "not sent: %1. Press R to retry or Delete to cancel."
        ).replace("%1", line.error or QCoreApplication.translate("MessageModel", "error"))
    return ""


def spoken_text(line: ChatLine) -> str:
    """One sentence for screen readers: who, when, what, and delivery state."""
    if line.kind is not EventKind.MESSAGE:
        return f"{clock_text(line.ts)}. {describe_event(line)}"
    status = delivery_text(line)
    sentence = f"{line.author_name}, {clock_text(line.ts)}: {line.text}"
    return f"{sentence}. {status}" if status else sentence


PAGE_ROWS = 40
"""Rows shown at first and added per fetchMore: a few screens of a chat."""


class MessageModel(QAbstractListModel):
    """Rows of one conversation: its newest lines, paged. Apply changes only through :meth:`apply`."""

    def __init__(self, record: ChatRecord, parent: Any = None, page_rows: int = PAGE_ROWS) -> None:
        super().__init__(parent)
        self.record = record
        self.page_rows = page_rows
        self._hidden = max(0, len(record.lines) - page_rows)
        """How many of the record's oldest lines are not rows (yet)."""
        self.load_older: Callable[[], None] | None = None
        """Asks the server for an older page (set by the desk); its answer arrives as a Prepend."""
        self.showing_top: Callable[[], bool] = lambda: True
        """Whether the view shows its first row (set by the view). Qt's item views fetch
        more whenever their last row is in view, and a chat's last row is its newest
        message: older pages are only wanted at the top."""

    @property
    def hidden_lines(self) -> int:
        return self._hidden

    def line_at(self, row: int) -> ChatLine:
        return self.record.lines[self._hidden + row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.record.lines) - self._hidden

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        line = self.line_at(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            return line.text if line.kind is EventKind.MESSAGE else describe_event(line)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return spoken_text(line)
        if role == Qt.ItemDataRole.ToolTipRole:
            return delivery_text(line) or None
        return self._custom_data(line, role)

    @staticmethod
    def _custom_data(line: ChatLine, role: int) -> Any:
        if role == Roles.LINE:
            return line
        if role == Roles.AUTHOR:
            return line.author_name
        if role == Roles.DELIVERY:
            return line.delivery.value
        if role == Roles.FROM_STAFF:
            return line.from_staff
        if role == Roles.KIND:
            return line.kind.value
        if role == Roles.KEY:
            return line.key
        if role == Roles.TIME_TEXT:
            return clock_text(line.ts)
        return None

    def roleNames(self) -> dict[int, bytes]:
        names = dict(super().roleNames())
        names.update({Roles.AUTHOR: b"author", Roles.DELIVERY: b"delivery", Roles.KIND: b"kind"})
        return names

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    # ------------------------------------------------------------ paging

    def canFetchMore(self, parent: Index) -> bool:
        if parent.isValid() or not self.showing_top():
            return False
        return self._hidden > 0 or (self.record.more_before and self.load_older is not None)

    def fetchMore(self, parent: Index) -> None:
        """Show the next older page: held lines first, else ask the server for more."""
        if parent.isValid():
            return
        if self._hidden:
            count = min(self.page_rows, self._hidden)
            self.beginInsertRows(QModelIndex(), 0, count - 1)
            self._hidden -= count
            self.endInsertRows()
        elif self.record.more_before and self.load_older is not None:
            self.load_older()

    def keep_newest(self, rows: int) -> None:
        """Hide all but the newest ``rows`` rows again (the view follows the newest
        messages, so a long-running chat does not grow the layout without end)."""
        extra = self.rowCount() - rows
        if extra > 0:
            self.beginRemoveRows(QModelIndex(), 0, extra - 1)
            self._hidden += extra
            self.endRemoveRows()

    # ------------------------------------------------------------ changes

    def apply(self, change: Change | None) -> None:
        """Announce ``change`` to views and apply it to the record."""
        if change is None:
            return
        if isinstance(change, Append):
            row = self.rowCount()
            self.beginInsertRows(QModelIndex(), row, row)
            self.record.apply(change)
            self.endInsertRows()
        elif isinstance(change, Replace):
            self.record.apply(change)
            if change.row >= self._hidden:
                index = self.index(change.row - self._hidden)
                self.dataChanged.emit(index, index)
        elif isinstance(change, Remove):
            self._remove(change)
        elif isinstance(change, Prepend):
            self._prepend(change)

    def _remove(self, change: Remove) -> None:
        if change.row < self._hidden:
            self.record.apply(change)
            self._hidden -= 1
            return
        row = change.row - self._hidden
        self.beginRemoveRows(QModelIndex(), row, row)
        self.record.apply(change)
        self.endRemoveRows()

    def _prepend(self, change: Prepend) -> None:
        """Older lines fill the view up to a page; the rest wait, hidden, for fetchMore."""
        count = len(change.lines)
        shown = 0 if self._hidden else min(count, max(0, self.page_rows - self.rowCount()))
        if not shown:
            self.record.apply(change)
            self._hidden += count
            return
        self.beginInsertRows(QModelIndex(), 0, shown - 1)
        self.record.apply(change)
        self._hidden += count - shown
        self.endInsertRows()
