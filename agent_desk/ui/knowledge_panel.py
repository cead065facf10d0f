"""The knowledge panel: search the shop's articles, read one, put it in the reply."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from agent_desk.protocol.messages import ArticleHit, ArticleInfo

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
HIT_OPEN, HIT_CLOSE = "【", "】"


def plain_snippet(snippet: str) -> str:
    """The snippet without its hit markers, for inserting into a reply."""
    return snippet.replace(HIT_OPEN, "").replace(HIT_CLOSE, "").strip("… ")


class ResultList(QListWidget):
    """Enter inserts the whole answer; Shift+Enter inserts just the excerpt."""

    insert_answer = Signal()
    insert_excerpt = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.insert_excerpt.emit()
            else:
                self.insert_answer.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class KnowledgePanel(QDockWidget):
    """Signals:
    query_changed(str): the agent typed a search.
    hit_selected(int): an article id to show.
    insert_answer_requested(int) / insert_excerpt_requested(str): put text into the reply.
    new_requested() / edit_requested(int): leads and admins edit articles.
    """

    query_changed = Signal(str)
    hit_selected = Signal(int)
    insert_answer_requested = Signal(int)
    insert_excerpt_requested = Signal(str)
    new_requested = Signal()
    edit_requested = Signal(int)

    def __init__(self, can_edit: bool, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("knowledgePanel")
        self.setWindowTitle(self.tr("Knowledge"))
        self.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        body = QWidget(self)
        self.search = QLineEdit(body)
        self.search.setAccessibleName(self.tr("Search the knowledge base"))
        self.search.setPlaceholderText(self.tr("Search articles (F4)"))
        self.heading = QLabel(body)
        self.heading.setWordWrap(True)
        self.heading.setAccessibleName(self.tr("Knowledge results heading"))
        self.results = ResultList(body)
        self.results.setAccessibleName(self.tr("Articles: Enter inserts the answer, Shift+Enter the excerpt"))
        self.results.setWordWrap(True)
        self.article = QPlainTextEdit(body)
        self.article.setReadOnly(True)
        self.article.setAccessibleName(self.tr("Article"))
        self.answer_button = QPushButton(self.tr("Insert &answer"), body)
        self.excerpt_button = QPushButton(self.tr("Insert e&xcerpt"), body)
        self.new_button = QPushButton(self.tr("&New article…"), body)
        self.edit_button = QPushButton(self.tr("&Edit article…"), body)
        # Two buttons a row: in one row, long translations and 200 % text made the dock
        # wider than a laptop screen beside the chat.
        buttons = QGridLayout()
        for index, button in enumerate((self.answer_button, self.excerpt_button, self.new_button, self.edit_button)):
            buttons.addWidget(button, index // 2, index % 2)
        for button in (self.new_button, self.edit_button):
            button.setVisible(can_edit)
        column = QVBoxLayout(body)
        for widget in (self.search, self.heading, self.results):
            column.addWidget(widget)
        column.addWidget(self.article, 1)
        column.addLayout(buttons)
        self.setWidget(body)
        self.current_article: ArticleInfo | None = None
        self._wire()

    def _wire(self) -> None:
        self.search.textEdited.connect(self.query_changed)
        self.search.returnPressed.connect(self.results.setFocus)
        self.results.currentItemChanged.connect(self._current_changed)
        self.results.insert_answer.connect(self._insert_answer)
        self.results.insert_excerpt.connect(self._insert_excerpt)
        self.answer_button.clicked.connect(self._insert_answer)
        self.excerpt_button.clicked.connect(self._insert_excerpt)
        self.new_button.clicked.connect(self.new_requested)
        self.edit_button.clicked.connect(self._edit)

    def set_can_edit(self, can_edit: bool) -> None:
        """Leads and admins see the article editing buttons."""
        self.new_button.setVisible(can_edit)
        self.edit_button.setVisible(can_edit)

    # ------------------------------------------------------------ showing

    def show_hits(self, heading: str, hits: list[ArticleHit]) -> None:
        self.heading.setText(heading)
        self.results.clear()
        for hit in hits:
            item = QListWidgetItem(f"{hit.title}\n{hit.snippet}", self.results)
            item.setData(HIT_ROLE, hit)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{hit.title}. {hit.snippet}")
        if hits:
            self.results.setCurrentRow(0)
        else:
            self.article.clear()
            self.current_article = None

    def show_article(self, article: ArticleInfo) -> None:
        self.current_article = article
        tags = ", ".join(article.tags)
        self.article.setPlainText(f"{article.title}\n[{article.category}] {tags}\n\n{article.body}")

    def current_hit(self) -> ArticleHit | None:
        item = self.results.currentItem()
        return item.data(HIT_ROLE) if item is not None else None

    def focus_search(self) -> None:
        self.show()
        self.search.setFocus()
        self.search.selectAll()

    # ------------------------------------------------------------ actions

    def _current_changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is not None:
            self.hit_selected.emit(current.data(HIT_ROLE).article_id)

    def _insert_answer(self) -> None:
        hit = self.current_hit()
        if hit is not None:
            self.insert_answer_requested.emit(hit.article_id)

    def _insert_excerpt(self) -> None:
        hit = self.current_hit()
        if hit is not None:
            self.insert_excerpt_requested.emit(plain_snippet(hit.snippet))

    def _edit(self) -> None:
        hit = self.current_hit()
        if hit is not None:
            self.edit_requested.emit(hit.article_id)
