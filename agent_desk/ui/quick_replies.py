"""Quick replies in the desk: '/' completion, Alt+1..9, the Ctrl+K palette and
the one-key greeting, all fed by one PhraseBook that follows the server."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction

from agent_desk.client.phrasebook import PhraseBook, build_phrasebook, text_for
from agent_desk.client.session import DeskSession
from agent_desk.protocol.messages import ListPhrases, PhraseInfo, PhraseList, Role
from agent_desk.ui.chat_view import ChatView
from agent_desk.ui.main_window import MainWindow
from agent_desk.ui.notifier import Notifier
from agent_desk.ui.phrase_edits import PhraseEdits
from agent_desk.ui.phrase_manager import PhraseManager
from agent_desk.ui.phrase_palette import PhrasePalette
from agent_desk.ui.shortcut_map import give_default_key
from agent_desk.ui.slash_completer import SlashCompleter

Spawn = Callable[[Coroutine[Any, Any, Any]], "asyncio.Task[Any]"]


class QuickReplies(QObject):
    def __init__(
        self, window: MainWindow, session: DeskSession, notifier: Notifier, spawn: Spawn, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self.window = window
        self.session = session
        self.notifier = notifier
        self.spawn = spawn
        self.book = PhraseBook()
        self.palette: PhrasePalette | None = None
        self.manager: PhraseManager | None = None
        self._generation = 0
        self._build_actions()

    # ------------------------------------------------------------ loading

    async def reload(self, announce: bool = False) -> None:
        """Fetch the phrases again. Pushes can come in bursts (an import, a lead's
        edits): a later reload always wins over an earlier one that finishes last."""
        self._generation += 1
        generation = self._generation
        reply = await self.session.request(ListPhrases(id=self.session.new_id()), PhraseList)
        # Pinyin initials for thousands of phrases take a moment: not on the GUI thread.
        book = await asyncio.to_thread(build_phrasebook, reply)
        if generation != self._generation:
            return
        self.book = book
        for view in self.window.views.values():
            self._fill_values(view)
        if self.manager is not None:
            self.manager.show_book(self.book)
        if announce:
            self.notifier.announce(self.tr("Quick replies were updated"))

    def attach(self, view: ChatView) -> None:
        """Give a new chat tab its '/' completion and placeholder values."""
        completer = SlashCompleter(view.compose, lambda query: self.book.search(query, 9), view)
        completer.chosen.connect(lambda phrase_id, v=view: self.insert(v, self.book.get(phrase_id)))
        view.compose.slash = completer
        self._fill_values(view)

    def _fill_values(self, view: ChatView) -> None:
        user = self.session.user
        if user is not None:
            view.placeholder_values["agent_name"] = user.display_name
        if self.book.shop_name:
            view.placeholder_values["shop_name"] = self.book.shop_name

    # ------------------------------------------------------------ actions

    def _build_actions(self) -> None:
        menu = self.window.menuBar().addMenu(self.tr("&Quick replies"))
        self.palette_action = self._add(menu, self.tr("Search quick replies…"), "replies.palette", self.open_palette)
        self.greeting_action = self._add(menu, self.tr("Send my greeting"), "replies.greeting", self.send_greeting)
        self.manage_action = self._add(menu, self.tr("Manage quick replies…"), "replies.manage", self.open_manager)
        self.pin_actions = [
            self._add(
                menu,
                self.tr("Insert pinned reply %1").replace("%1", str(n)),
                f"replies.pinned_{n}",
                lambda n=n: self.insert_pinned(n),
            )
            for n in range(1, 10)
        ]
        self.menu = menu

    def _add(self, menu: Any, text: str, action_id: str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self.window)
        give_default_key(action, action_id)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        self.window.addAction(action)
        return action

    def insert(self, view: ChatView | None, phrase: PhraseInfo | None) -> None:
        if view is None or phrase is None or view.record.read_only:
            return
        view.insert_template(text_for(phrase, view.record.info.customer_lang))

    def insert_pinned(self, number: int) -> None:
        phrase = self.book.pinned(number)
        if phrase is None:
            self.notifier.announce(self.tr("No reply is pinned at %1").replace("%1", str(number)))
            return
        self.insert(self.window.current_view(), phrase)

    def send_greeting(self) -> None:
        """The first reply in one keystroke: the agent's chosen greeting, sent at once."""
        view = self.window.current_view()
        greeting = self.book.greeting()
        if greeting is None:
            self.notifier.announce(self.tr("Choose a greeting first: Quick replies → Manage"))
            return
        if view is not None and not view.record.read_only:
            view.send_template(text_for(greeting, view.record.info.customer_lang))

    def open_palette(self) -> None:
        view = self.window.current_view()
        palette = PhrasePalette(self.book.search, self.window)
        palette.chosen.connect(lambda phrase: self.insert(view, phrase))
        palette.finished.connect(palette.deleteLater)
        self.palette = palette
        palette.open()

    # ------------------------------------------------------------ the manager

    def open_manager(self) -> None:
        user = self.session.user
        manager = PhraseManager(user is not None and user.role in (Role.LEAD, Role.ADMIN), self.window)
        manager.show_book(self.book)
        edits = PhraseEdits(self.session, manager, lambda: self.book, self.reload)
        manager.save_requested.connect(lambda scope, fields, pid: self.spawn(edits.save(scope, fields, pid)))
        manager.delete_requested.connect(lambda pid: self.spawn(edits.delete(pid)))
        manager.move_requested.connect(lambda phrase, step: self.spawn(edits.move(phrase, step)))
        manager.pin_toggled.connect(lambda pid: self.spawn(edits.toggle_pin(pid)))
        manager.greeting_chosen.connect(lambda pid: self.spawn(edits.choose_greeting(pid)))
        manager.import_requested.connect(lambda scope, path: self.spawn(edits.import_file(scope, path)))
        manager.export_requested.connect(lambda scope, path: self.spawn(edits.export_file(scope, path)))
        manager.finished.connect(self._manager_closed)
        self.manager, self.edits = manager, edits
        manager.open()

    def _manager_closed(self) -> None:
        if self.manager is not None:
            self.manager.deleteLater()
        self.manager = None
