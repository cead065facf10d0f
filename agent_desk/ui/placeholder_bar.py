"""Asks, inline and by keyboard, for the placeholder values a reply still needs.

Shown above the compose box when a quick reply contains, say, {order_id} and
the desk does not know the order number. Enter fills the field in; Escape
drops the reply. Raw braces are never sent.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from agent_desk.domain.templates import expand


def placeholder_label(name: str) -> str:
    labels = {
        "customer_name": QCoreApplication.translate("PlaceholderBar", "Customer's name"),
        "agent_name": QCoreApplication.translate("PlaceholderBar", "Your name"),
        "shop_name": QCoreApplication.translate("PlaceholderBar", "Shop name"),
        "order_id": QCoreApplication.translate("PlaceholderBar", "Order number"),
    }
    return labels.get(name, name)


class _ValueEdit(QLineEdit):
    cancelled = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
            return
        super().keyPressEvent(event)


class PlaceholderBar(QWidget):
    """Signals:
    completed(str): every placeholder has a value; the finished text.
    cancelled(): the agent dropped the reply.
    """

    completed = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.field = _ValueEdit(self)
        self.label.setBuddy(self.field)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.field, 1)
        self.field.returnPressed.connect(self._fill)
        self.field.cancelled.connect(self._cancel)
        self._template = ""
        self._values: dict[str, str] = {}
        self._missing: list[str] = []
        self._remember: Callable[[str, str], None] | None = None
        self.hide()

    @property
    def asking(self) -> bool:
        return self.isVisible()

    def ask(self, template: str, values: Mapping[str, str], remember: Callable[[str, str], None]) -> None:
        """Ask for each missing value in turn; ``remember`` keeps one for the rest of the chat."""
        self._template = template
        self._values = dict(values)
        self._missing = list(expand(template, values).missing)
        self._remember = remember
        self._next()

    def _next(self) -> None:
        if not self._missing:
            self.hide()
            self.completed.emit(expand(self._template, self._values).text)
            return
        name = self._missing[0]
        prompt = QCoreApplication.translate("PlaceholderBar", "%1 for this reply (Enter to use, Esc to drop):")
        self.label.setText(prompt.replace("%1", placeholder_label(name)))
        self.field.setAccessibleName(placeholder_label(name))
        self.field.clear()
        self.show()
        self.field.setFocus()

    def _fill(self) -> None:
        value = self.field.text().strip()
        if not value or not self._missing:
            return
        name = self._missing.pop(0)
        self._values[name] = value
        if self._remember is not None:
            self._remember(name, value)
        self._next()

    def _cancel(self) -> None:
        self._missing = []
        self.hide()
        self.cancelled.emit()
