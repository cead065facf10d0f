"""Closing a chat asks for a wrap-up code, chosen by keyboard."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout


def wrap_up_codes() -> list[tuple[str, str]]:
    """(code, label) pairs. The code goes to the server; the label is shown."""
    return [
        ("resolved", QCoreApplication.translate("WrapUp", "Resolved")),
        ("order_status", QCoreApplication.translate("WrapUp", "Order or delivery status")),
        ("size_advice", QCoreApplication.translate("WrapUp", "Size or product advice")),
        ("return_refund", QCoreApplication.translate("WrapUp", "Return or refund")),
        ("promotion", QCoreApplication.translate("WrapUp", "Promotion or coupon question")),
        ("complaint", QCoreApplication.translate("WrapUp", "Complaint")),
        ("no_reply", QCoreApplication.translate("WrapUp", "Customer stopped replying")),
        ("other", QCoreApplication.translate("WrapUp", "Other")),
    ]


class WrapUpDialog(QDialog):
    def __init__(self, customer_name: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Close chat with %1").replace("%1", customer_name))
        label = QLabel(self.tr("&Wrap-up code:"), self)
        self.codes = QListWidget(self)
        self.codes.setAccessibleName(self.tr("Wrap-up code"))
        label.setBuddy(self.codes)
        for code, text in wrap_up_codes():
            item = QListWidgetItem(text, self.codes)
            item.setData(256, code)
        self.codes.setCurrentRow(0)
        self.codes.itemActivated.connect(lambda _item: self.accept())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Close chat"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.codes)
        layout.addWidget(buttons)
        self.codes.setFocus()

    def code(self) -> str:
        item = self.codes.currentItem()
        return str(item.data(256)) if item is not None else "other"
