"""The login dialog: server, user name, password, remember me, and an optional CA file."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)


class LoginDialog(QDialog):
    """Collects credentials; the desk does the network work.

    Signals:
        login_requested(str, str, str, bool): server URL, user name, password, remember me.
    """

    login_requested = Signal(str, str, str, bool)

    def __init__(self, server: str, username: str, remember: bool, parent: Any = None, ca_file: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Log in to AgentDesk"))
        self.server = QLineEdit(server, self)
        self.server.setAccessibleName(self.tr("Server address"))
        self.username = QLineEdit(username, self)
        self.username.setAccessibleName(self.tr("User name"))
        self.username.setObjectName("username")
        self.password = QLineEdit(self)
        self.password.setAccessibleName(self.tr("Password"))
        # Normal echo mode rules stay: paste works and password managers see a password field.
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("&Remember me on this computer"), self)
        self.remember.setChecked(remember)
        self.remember.setAccessibleDescription(self.tr("Keeps your session in the system keyring, never your password"))
        self.ca_file = QLineEdit(ca_file, self)
        self.ca_file.setAccessibleName(self.tr("CA certificate file"))
        self.ca_file.setAccessibleDescription(
            self.tr("Optional: a PEM file to trust when your team's server has its own certificate")
        )
        self.ca_file.setPlaceholderText(self.tr("optional"))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Login message"))

        form = QFormLayout()
        form.addRow(self.tr("&Server:"), self.server)
        form.addRow(self.tr("&User name:"), self.username)
        form.addRow(self.tr("&Password:"), self.password)
        form.addRow(self.tr("&CA file:"), self.ca_file)
        form.addRow(self.remember)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Log in"))
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        (self.password if username else self.username).setFocus()

    def _submit(self) -> None:
        server, username, password = self.server.text().strip(), self.username.text().strip(), self.password.text()
        if not server or not username or not password:
            self.show_message(self.tr("Enter the server, your user name and your password."))
            return
        self.set_busy(True)
        self.login_requested.emit(server, username, password, self.remember.isChecked())

    def set_busy(self, busy: bool) -> None:
        self.buttons.setEnabled(not busy)
        if busy:
            self.show_message(self.tr("Logging in…"))

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setAccessibleDescription(text)
        # The dialog is already open when a message arrives: grow it for the wrapped
        # text, or the layout squeezes the fields above it (at 200 % text especially).
        layout = self.layout()
        layout.activate()
        needed = layout.totalHeightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)
