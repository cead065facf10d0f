"""Leads and admins write and correct knowledge articles in the desk."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
)

from agent_desk.protocol.limits import MAX_ARTICLE_CHARS
from agent_desk.protocol.messages import ArticleDraft, ArticleInfo

CATEGORIES = ("尺码", "材质", "库存", "物流", "退换货", "双11活动", "618活动", "支付与发票", "保修", "商品参数")


class ArticleEditor(QDialog):
    """Signals:
    save_requested(object, object): the ArticleDraft and the article id (None for a new one).
    delete_requested(int): the article id.
    """

    save_requested = Signal(object, object)
    delete_requested = Signal(int)

    def __init__(self, article: ArticleInfo | None, parent: Any = None) -> None:
        super().__init__(parent)
        self.article_id = article.article_id if article else None
        self.setWindowTitle(self.tr("Edit article") if article else self.tr("New article"))
        self.title = QLineEdit(article.title if article else "", self)
        self.title.setMaxLength(200)
        self.category = QComboBox(self)
        self.category.setEditable(True)
        self.category.addItems(CATEGORIES)
        self.category.setCurrentText(article.category if article else CATEGORIES[0])
        self.tags = QLineEdit(", ".join(article.tags) if article else "", self)
        self.lang = QComboBox(self)
        self.lang.addItem(self.tr("Chinese"), "zh")
        self.lang.addItem(self.tr("English"), "en")
        self.lang.setCurrentIndex(self.lang.findData(article.lang if article else "zh"))
        self.body = QPlainTextEdit(article.body if article else "", self)
        self.body.setTabChangesFocus(True)  # Tab typed a tab character: a keyboard trap
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        form = QFormLayout()
        for label, widget, name in (
            (self.tr("&Title:"), self.title, self.tr("Title")),
            (self.tr("&Category:"), self.category, self.tr("Category")),
            (self.tr("Ta&gs (comma separated):"), self.tags, self.tr("Tags")),
            (self.tr("&Language:"), self.lang, self.tr("Language")),
            (self.tr("&Body:"), self.body, self.tr("Body")),
        ):
            widget.setAccessibleName(name)
            form.addRow(label, widget)
        self.category.lineEdit().setAccessibleName(self.tr("Category"))  # focus sits in this editor
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        if article is not None:
            delete = buttons.addButton(self.tr("&Delete"), QDialogButtonBox.ButtonRole.DestructiveRole)
            delete.clicked.connect(lambda: self.delete_requested.emit(article.article_id))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(640, 520)

    def draft(self) -> ArticleDraft | None:
        """The article as written, or None (with the reason shown) if it cannot be saved."""
        title, body = self.title.text().strip(), self.body.toPlainText().strip()
        category = self.category.currentText().strip()
        tags = [t.strip() for t in self.tags.text().replace("，", ",").split(",") if t.strip()]
        problem = ""
        if not title or not body or not category:
            problem = self.tr("Title, category and body must not be empty.")
        elif len(body) > MAX_ARTICLE_CHARS:
            problem = self.tr("The body is longer than %1 characters.").replace("%1", str(MAX_ARTICLE_CHARS))
        elif len(tags) > 12 or any(len(t) > 32 for t in tags) or len(category) > 32:
            problem = self.tr("At most 12 tags of up to 32 characters, and a category of up to 32.")
        if problem:
            self.show_problem(problem)
            return None
        return ArticleDraft(title=title, body=body, category=category, tags=tags, lang=self.lang.currentData())

    def show_problem(self, text: str) -> None:
        self.message.setText(text)
        self.message.setAccessibleDescription(text)

    def _save(self) -> None:
        draft = self.draft()
        if draft is not None:
            self.save_requested.emit(draft, self.article_id)
