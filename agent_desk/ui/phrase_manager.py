"""Manage quick replies: add, edit, delete, reorder, pin, greeting, import, export.

The dialog only collects what the agent wants and shows the current phrases;
QuickReplies sends the requests. Content is checked with the same domain
rules the server applies, so a bad phrase is refused before anything is sent.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from agent_desk.client.phrasebook import PhraseBook
from agent_desk.domain.phrases import PhraseError, PhraseFields, check_phrase
from agent_desk.protocol.messages import PhraseInfo

PHRASE_ROLE = Qt.ItemDataRole.UserRole + 1


class PhraseList(QListWidget):
    """Alt+Up and Alt+Down move the current phrase within its group."""

    move_requested = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.AltModifier and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_requested.emit(-1 if event.key() == Qt.Key.Key_Up else 1)
            event.accept()
            return
        super().keyPressEvent(event)


class PhraseManager(QDialog):
    """Signals (QuickReplies acts on them):
    save_requested(str, object, object): scope, PhraseFields, phrase id or None.
    delete_requested(int), move_requested(object, int): phrase, -1 or +1.
    pin_toggled(int), greeting_chosen(int).
    import_requested(str, str): scope, file path. export_requested(str, str): scope, file path.
    """

    save_requested = Signal(str, object, object)
    delete_requested = Signal(int)
    move_requested = Signal(object, int)
    pin_toggled = Signal(int)
    greeting_chosen = Signal(int)
    import_requested = Signal(str, str)
    export_requested = Signal(str, str)

    def __init__(self, can_edit_team: bool, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Manage quick replies"))
        self.can_edit_team = can_edit_team
        self.book = PhraseBook()
        self._build()
        self.resize(860, 560)

    # ------------------------------------------------------------ layout

    def _build(self) -> None:
        self.scope = QComboBox(self)
        self.scope.addItem(self.tr("My phrases"), "personal")
        self.scope.addItem(self.tr("Team phrases"), "team")
        self.scope.setAccessibleName(self.tr("Which phrases"))
        self.list = PhraseList(self)
        self.list.setAccessibleName(self.tr("Phrases: Alt+Up and Alt+Down reorder"))
        self.group = QComboBox(self)
        self.group.setEditable(True)
        self.code = QLineEdit(self)
        self.code.setMaxLength(16)
        self.text = QPlainTextEdit(self)
        self.text_en = QPlainTextEdit(self)
        for editor in (self.text, self.text_en):
            editor.setTabChangesFocus(True)  # Tab typed a tab character: a keyboard trap
        form = QFormLayout()
        for label, widget, name in (
            (self.tr("&Group:"), self.group, self.tr("Group")),
            (self.tr("C&ode:"), self.code, self.tr("Code")),
            (self.tr("&Text:"), self.text, self.tr("Text")),
            (self.tr("&English:"), self.text_en, self.tr("English text")),
        ):
            widget.setAccessibleName(name)
            form.addRow(label, widget)
        self.group.lineEdit().setAccessibleName(self.tr("Group"))  # focus sits in this editor, unnamed before
        hint = QLabel(self.tr("Placeholders: {customer_name} {agent_name} {shop_name} {order_id}"), self)
        hint.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Phrase manager message"))
        scope_label = QLabel(self.tr("&Show:"), self)
        scope_label.setBuddy(self.scope)
        grid = QGridLayout(self)
        grid.addWidget(scope_label, 0, 0)
        grid.addWidget(self.scope, 0, 1)
        grid.addWidget(self.list, 1, 0, 2, 2)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(hint)
        right.addWidget(self.message)
        right.addLayout(self._buttons())
        grid.addLayout(right, 0, 2, 3, 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        self.scope.currentIndexChanged.connect(lambda _i: self.show_book(self.book))
        self.list.currentItemChanged.connect(self._load_current)
        self.list.move_requested.connect(self._move)

    def _buttons(self) -> QGridLayout:
        buttons = QGridLayout()
        specs = (
            (self.tr("&New"), self.clear_form),
            (self.tr("&Save"), self._save),
            (self.tr("&Delete"), self._delete),
            (self.tr("&Pin / unpin (Alt+1…9)"), self._pin),
            (self.tr("Use as &greeting (F2)"), self._greeting),
            (self.tr("&Import…"), self._import),
            (self.tr("E&xport…"), self._export),
            (self.tr("&Close"), self.accept),
        )
        self.buttons: dict[str, QPushButton] = {}
        for position, (text, slot) in enumerate(specs):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            buttons.addWidget(button, position // 2, position % 2)
            self.buttons[text] = button
        return buttons

    # ------------------------------------------------------------ showing

    @property
    def current_scope(self) -> str:
        return str(self.scope.currentData())

    @property
    def editable(self) -> bool:
        return self.current_scope == "personal" or self.can_edit_team

    def show_book(self, book: PhraseBook) -> None:
        """Show the phrases of the chosen scope, keeping the selection where possible."""
        self.book = book
        keep = self.current_phrase()
        self.list.clear()
        for phrase in book.phrases:
            if phrase.scope != self.current_scope:
                continue
            pinned = "📌" if phrase.phrase_id in book.pins else ""
            marks = pinned + ("👋" if phrase.phrase_id == book.greeting_id else "")
            code = f"/{phrase.code} " if phrase.code else ""
            item = QListWidgetItem(f"[{phrase.group}] {code}{phrase.text[:50]} {marks}".rstrip(), self.list)
            item.setData(PHRASE_ROLE, phrase)
            spoken = self._spoken(phrase)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken)
            if keep is not None and phrase.phrase_id == keep.phrase_id:
                self.list.setCurrentItem(item)
        self.group.clear()
        self.group.addItems(book.groups(self.current_scope))
        for widget in (self.group, self.code, self.text, self.text_en):
            widget.setEnabled(self.editable)

    def _spoken(self, phrase: PhraseInfo) -> str:
        parts = [phrase.group, phrase.text]
        if phrase.phrase_id in self.book.pins:
            parts.append(self.tr("pinned %1").replace("%1", str(self.book.pins.index(phrase.phrase_id) + 1)))
        if phrase.phrase_id == self.book.greeting_id:
            parts.append(self.tr("greeting"))
        return ", ".join(parts)

    def current_phrase(self) -> PhraseInfo | None:
        item = self.list.currentItem()
        return item.data(PHRASE_ROLE) if item is not None else None

    def _load_current(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is None:
            return
        phrase: PhraseInfo = current.data(PHRASE_ROLE)
        self.group.setCurrentText(phrase.group)
        self.code.setText(phrase.code or "")
        self.text.setPlainText(phrase.text)
        self.text_en.setPlainText(phrase.text_en or "")

    def clear_form(self) -> None:
        self.list.setCurrentItem(None)
        for widget in (self.code, self.text, self.text_en):
            widget.clear()
        self.text.setFocus()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setAccessibleDescription(text)

    # ------------------------------------------------------------ actions

    def fields(self) -> PhraseFields | None:
        fields = PhraseFields(
            self.group.currentText().strip(),
            self.text.toPlainText().strip(),
            self.code.text().strip() or None,
            self.text_en.toPlainText().strip() or None,
        )
        try:
            check_phrase(fields)
        except PhraseError as exc:
            self.show_message(str(exc))
            return None
        return fields

    def _save(self) -> None:
        if not self.editable:
            self.show_message(self.tr("Only leads and admins change team phrases."))
            return
        fields = self.fields()
        if fields is not None:
            phrase = self.current_phrase()
            self.save_requested.emit(self.current_scope, fields, phrase.phrase_id if phrase else None)

    def _delete(self) -> None:
        phrase = self.current_phrase()
        if phrase is not None and self.editable:
            self.delete_requested.emit(phrase.phrase_id)

    def _move(self, step: int) -> None:
        phrase = self.current_phrase()
        if phrase is not None and self.editable:
            self.move_requested.emit(phrase, step)

    def _pin(self) -> None:
        phrase = self.current_phrase()
        if phrase is not None:
            self.pin_toggled.emit(phrase.phrase_id)

    def _greeting(self) -> None:
        phrase = self.current_phrase()
        if phrase is not None:
            self.greeting_chosen.emit(phrase.phrase_id)

    def _import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import phrases"), "", self.tr("Phrases (*.csv *.json)"))
        if path:
            self.import_requested.emit(self.current_scope, path)

    def _export(self) -> None:
        title, kinds = self.tr("Export phrases"), self.tr("Phrases (*.csv *.json)")
        path, _ = QFileDialog.getSaveFileName(self, title, "phrases.csv", kinds)
        if path:
            self.export_requested.emit(self.current_scope, path)
