"""Joins the knowledge panel to the server: search, suggestions, insertion, edits."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction

from agent_desk.client.connection import RequestFailed
from agent_desk.client.session import DeskSession
from agent_desk.protocol.messages import (
    ArticleDraft,
    ArticleInfo,
    ArticleReply,
    DeleteArticle,
    GetArticle,
    KnowledgeChanged,
    KnowledgeResults,
    Ok,
    SaveArticle,
    SearchKnowledge,
)
from agent_desk.ui.article_editor import ArticleEditor
from agent_desk.ui.error_text import error_text
from agent_desk.ui.knowledge_panel import KnowledgePanel
from agent_desk.ui.main_window import MainWindow
from agent_desk.ui.notifier import Notifier
from agent_desk.ui.shortcut_map import give_default_key

Spawn = Callable[[Coroutine[Any, Any, Any]], Any]
TYPING_PAUSE_MS = 250


class Knowledge(QObject):
    def __init__(
        self, window: MainWindow, session: DeskSession, notifier: Notifier, spawn: Spawn, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self.window, self.session, self.notifier, self.spawn = window, session, notifier, spawn
        self.panel = KnowledgePanel(can_edit=False, parent=window)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.panel)
        self.editor: ArticleEditor | None = None
        self._articles: dict[int, ArticleInfo] = {}
        self._last: tuple[str, str] = ("", "search")
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(TYPING_PAUSE_MS)
        self._pause.timeout.connect(lambda: self.spawn(self.search(self.panel.search.text(), "search")))
        self._wire()

    def _wire(self) -> None:
        panel = self.panel
        panel.query_changed.connect(lambda _text: self._pause.start())
        panel.hit_selected.connect(lambda article_id: self.spawn(self.show(article_id)))
        panel.insert_answer_requested.connect(lambda article_id: self.spawn(self.insert_answer(article_id)))
        panel.insert_excerpt_requested.connect(self.insert_text)
        panel.new_requested.connect(lambda: self.open_editor(None))
        panel.edit_requested.connect(lambda article_id: self.spawn(self._edit(article_id)))
        action = QAction(self.tr("Search the knowledge base"), self.window)
        give_default_key(action, "knowledge.search")
        action.triggered.connect(lambda _checked=False: panel.focus_search())
        self.window.addAction(action)
        self.search_action = action

    # ------------------------------------------------------------ searching

    async def search(self, query: str, mode: str) -> None:
        query = query.strip()
        if not query:
            return
        self._last = (query, mode)
        request = SearchKnowledge(id=self.session.new_id(), query=query[:4000], mode=mode, limit=8)  # type: ignore[arg-type]
        reply = await self.session.request(request, KnowledgeResults)
        if mode == "suggest":
            heading = self.tr("Suggested for: %1").replace("%1", query[:80])
        else:
            heading = self.tr("%1 articles for “%2”").replace("%1", str(len(reply.hits))).replace("%2", query)
        self.panel.show_hits(heading, reply.hits)

    def suggest_for(self, customer_text: str) -> None:
        """Suggest articles for the customer's latest message, without a click."""
        if customer_text.strip():
            self.spawn(self.search(customer_text, "suggest"))

    async def _article(self, article_id: int) -> ArticleInfo:
        cached = self._articles.get(article_id)
        if cached is None:
            request = GetArticle(id=self.session.new_id(), article_id=article_id)
            reply = await self.session.request(request, ArticleReply)
            cached = self._articles[article_id] = reply.article
        return cached

    async def show(self, article_id: int) -> None:
        article = await self._article(article_id)
        hit = self.panel.current_hit()
        if hit is not None and hit.article_id == article_id:
            self.panel.show_article(article)

    # ------------------------------------------------------------ inserting

    async def insert_answer(self, article_id: int) -> None:
        article = await self._article(article_id)
        self.insert_text(article.body)

    def insert_text(self, text: str) -> None:
        view = self.window.current_view()
        if view is None or view.record.read_only:
            self.notifier.announce(self.tr("Open a chat to insert into"))
            return
        view.compose.insertPlainText(text)
        view.compose.setFocus()

    # ------------------------------------------------------------ changes

    def changed(self, frame: KnowledgeChanged) -> None:
        """An article was saved or deleted somewhere: refresh what is shown."""
        self._articles.pop(frame.article_id, None)
        query, mode = self._last
        if query:
            self.spawn(self.search(query, mode))

    async def _edit(self, article_id: int) -> None:
        self.open_editor(await self._article(article_id))

    def open_editor(self, article: ArticleInfo | None) -> None:
        editor = ArticleEditor(article, self.window)
        editor.save_requested.connect(lambda draft, article_id: self.spawn(self._save(editor, draft, article_id)))
        editor.delete_requested.connect(lambda article_id: self.spawn(self._delete(editor, article_id)))
        editor.finished.connect(editor.deleteLater)
        self.editor = editor
        editor.open()

    async def _save(self, editor: ArticleEditor, draft: ArticleDraft, article_id: int | None) -> None:
        try:
            reply = await self.session.request(
                SaveArticle(id=self.session.new_id(), article=draft, article_id=article_id), ArticleReply
            )
        except RequestFailed as refused:
            editor.show_problem(error_text(refused.error))
            return
        self._articles[reply.article.article_id] = reply.article
        self.notifier.announce(self.tr("Article saved"))
        editor.accept()

    async def _delete(self, editor: ArticleEditor, article_id: int) -> None:
        await self.session.request(DeleteArticle(id=self.session.new_id(), article_id=article_id), Ok)
        self._articles.pop(article_id, None)
        self.notifier.announce(self.tr("Article deleted"))
        editor.accept()
