"""The team lead's floor in the desk: live chats, watching, whispers, QC and the dashboard.

Agents meet it too: a whisper from their lead, an 'observed' indicator, their QC
scores with appeals.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction

from agent_desk.client.chats import ChatBook
from agent_desk.client.session import DeskSession
from agent_desk.domain.qc import DEFAULT_RUBRIC, RubricItem
from agent_desk.protocol.messages import (
    Appeal,
    ChatState,
    ConversationInfo,
    FloorAlert,
    FloorReport,
    FloorStatus,
    ListLiveChats,
    ListQcScores,
    LiveChat,
    LiveChats,
    ObservedChanged,
    Ok,
    QcItem,
    QcQueue,
    QcQueueReply,
    QcScoreChanged,
    QcScores,
    ResolveAppeal,
    Role,
    ScoreChat,
    UnwatchChat,
    WatchChat,
    Watching,
    Whisper,
    WhisperNote,
)
from agent_desk.ui.floor_windows import DashboardWindow, LiveChatsWindow, QcHistory, WhisperDialog, qc_csv
from agent_desk.ui.main_window import MainWindow
from agent_desk.ui.notifier import Notifier
from agent_desk.ui.practice_dialogs import ScoreDialog
from agent_desk.ui.shortcut_map import give_default_key

Spawn = Callable[[Coroutine[Any, Any, Any]], Any]
LEADS = (Role.LEAD, Role.ADMIN)
REFRESH_MS = 5000


def measured_text(item: QcItem) -> str:
    m = item.measured
    first = "—" if m.first_response is None else f"{m.first_response:.1f} s"
    average = "—" if m.response_average is None else f"{m.response_average:.1f} s"
    ratio = "—" if m.ratio is None else f"{m.ratio:.2f}"
    return f"FRT {first} · avg {average} · rounds {m.rounds} · 答问比 {ratio} · escalations {m.escalations}"


class Floor(QObject):
    def __init__(
        self,
        window: MainWindow,
        session: DeskSession,
        notifier: Notifier,
        book: ChatBook,
        spawn: Spawn,
        open_watch: Callable[[ConversationInfo], None],
        now: Callable[[], float],
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.window, self.session, self.notifier, self.book, self.spawn = window, session, notifier, book, spawn
        self._open_watch = open_watch
        self._now = now
        self.live: LiveChatsWindow | None = None
        self.dashboard: DashboardWindow | None = None
        self.dialog: Any = None
        self.rubric: tuple[RubricItem, ...] = DEFAULT_RUBRIC
        """The team's QC rubric, from the server's settings."""
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self._tick)
        menu = window.menuBar().addMenu(self.tr("F&loor"))
        self.live_action = self._add(menu, self.tr("&Live chats…"), "floor.live", self.show_live)
        self.dashboard_action = self._add(menu, self.tr("&Dashboard…"), "floor.dashboard", self.show_dashboard)
        self.qc_action = self._add(menu, self.tr("&QC queue…"), "floor.qc", lambda: self.spawn(self._qc_queue()))
        self.whisper_action = self._add(menu, self.tr("&Whisper to the agent…"), "floor.whisper", self.whisper_current)
        self.scores_action = self._add(
            menu, self.tr("My QC &scores…"), "floor.scores", lambda: self.spawn(self._scores(None))
        )

    def _add(self, menu: Any, text: str, action_id: str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self.window)
        give_default_key(action, action_id)
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        self.window.addAction(action)
        return action

    def role_known(self, role: Role) -> None:
        lead = role in LEADS
        for action in (self.live_action, self.dashboard_action, self.qc_action, self.whisper_action):
            action.setVisible(lead)
        self.scores_action.setText(self.tr("QC &scores…") if lead else self.tr("My QC &scores…"))

    def stop(self) -> None:
        self._timer.stop()

    # ------------------------------------------------------------ live chats and watching

    def show_live(self) -> None:
        if self.live is None:
            self.live = LiveChatsWindow(self._now, self.window)
            self.live.refresh_requested.connect(lambda: self.spawn(self.refresh_live()))
            self.live.table.watch_requested.connect(lambda chat: self.spawn(self.watch(chat.conversation_id)))
            self.live.table.whisper_requested.connect(self._whisper_dialog)
        self.live.show()
        self.live.table.setFocus()
        self._timer.start()
        self.spawn(self.refresh_live())

    async def refresh_live(self) -> None:
        reply = await self.session.request(ListLiveChats(id=self.session.new_id()), LiveChats)
        if self.live is not None:
            self.live.show_chats(reply.chats)

    async def watch(self, conversation_id: str) -> None:
        """Open the chat read-only in a tab; its history and live events follow."""
        reply = await self.session.request(
            WatchChat(id=self.session.new_id(), conversation_id=conversation_id), Watching
        )
        chat = reply.conversation
        info = ConversationInfo(
            conversation_id=chat.conversation_id,
            customer_id="",
            customer_name=chat.customer_name,
            state=ChatState.ASSIGNED,
            created_at=chat.created_at,
            agent_username=chat.agent,
        )
        self._open_watch(info)
        self.notifier.announce(
            self.tr("Watching %1 with %2").replace("%1", chat.customer_name).replace("%2", chat.agent_name or "")
        )

    async def unwatch(self, conversation_id: str) -> None:
        await self.session.request(UnwatchChat(id=self.session.new_id(), conversation_id=conversation_id), Ok)

    def whisper_current(self) -> None:
        view = self.window.current_view()
        if view is not None:
            chat = LiveChat(
                conversation_id=view.record.conversation_id,
                customer_name=view.record.info.customer_name,
                state="assigned",
                agent=view.record.info.agent_username,
            )
            self._whisper_dialog(chat)

    def _whisper_dialog(self, chat: LiveChat) -> None:
        dialog = WhisperDialog(chat.agent_name or chat.agent or "", self.window)
        dialog.chosen.connect(lambda text: self.spawn(self._whisper(chat.conversation_id, text)))
        self._show(dialog)

    async def _whisper(self, conversation_id: str, text: str) -> None:
        await self.session.request(Whisper(id=self.session.new_id(), conversation_id=conversation_id, text=text), Ok)
        self.notifier.announce(self.tr("Note sent"))

    # ------------------------------------------------------------ the agent's side

    def frame(self, frame: object) -> bool:
        """Whispers, observed indicators, QC changes and floor alerts. True if taken."""
        if isinstance(frame, WhisperNote):
            view = self.window.views.get(frame.conversation_id)
            text = self.tr("Private note from %1: %2").replace("%1", frame.from_name).replace("%2", frame.text)
            if view is not None:
                view.show_note(text)
            self.notifier.announce(text, assertive=True)
            return True
        if isinstance(frame, ObservedChanged):
            view = self.window.views.get(frame.conversation_id)
            text = self.tr("👁 A team lead is watching this chat") if frame.observed else ""
            if view is not None:
                view.show_observed(text)
            self.notifier.announce(text or self.tr("The team lead stopped watching"))
            return True
        if isinstance(frame, QcScoreChanged):
            score = frame.score
            text = (
                self.tr("QC score %1/100 for a chat (appeal: %2)")
                .replace("%1", str(score.total))
                .replace("%2", score.appeal)
            )
            self.notifier.announce(text)
            self.window.statusBar().showMessage(text)
            return True
        if isinstance(frame, FloorAlert):
            text = self.tr("Floor %1: crisis quotient %2").replace("%1", frame.level).replace("%2", f"{frame.cq:.2f}")
            self.window.show_banner(text)
            self.notifier.announce(text, assertive=True)
            return True
        return False

    # ------------------------------------------------------------ dashboard

    def show_dashboard(self) -> None:
        if self.dashboard is None:
            self.dashboard = DashboardWindow(self.window)
            self.dashboard.refresh_requested.connect(lambda: self.spawn(self.refresh_dashboard()))
            self.dashboard.export_requested.connect(lambda path: self.spawn(self._export_kpis(path)))
        self.dashboard.show()
        self._timer.start()
        self.spawn(self.refresh_dashboard())

    async def refresh_dashboard(self) -> None:
        report = await self.session.request(FloorStatus(id=self.session.new_id()), FloorReport)
        if self.dashboard is not None:
            self.dashboard.show_report(report)

    async def _export_kpis(self, path: str) -> None:
        if self.dashboard is not None:
            await asyncio.to_thread(Path(path).write_text, self.dashboard.kpis.to_csv(), encoding="utf-8")
            self.notifier.announce(self.tr("Exported the agent table"))

    def _tick(self) -> None:
        if not self.session.online:
            return
        if self.live is not None and self.live.isVisible():
            self.spawn(self.refresh_live())
        if self.dashboard is not None and self.dashboard.isVisible():
            self.spawn(self.refresh_dashboard())

    # ------------------------------------------------------------ QC

    async def _qc_queue(self) -> None:
        reply = await self.session.request(QcQueue(id=self.session.new_id()), QcQueueReply)
        if not reply.items:
            self.notifier.announce(self.tr("Nothing waiting for QC today"))
            return
        item = reply.items[0]
        title = self.tr("QC: %1 with %2").replace("%1", item.agent_name).replace("%2", item.customer_name)
        sheet = ScoreDialog(title, item.suggested.get("speed", 0), measured_text(item), self.window, self.rubric)
        sheet.chosen.connect(
            lambda deductions, comments: self.spawn(self._score(item.conversation_id, deductions, comments))
        )
        self._show(sheet)

    async def _score(self, conversation_id: str, deductions: dict[str, int], comments: str) -> None:
        request = ScoreChat(
            id=self.session.new_id(), conversation_id=conversation_id, deductions=deductions, comments=comments
        )
        await self.session.request(request, Ok)
        self.notifier.announce(self.tr("QC score saved"))

    async def _scores(self, agent: str | None) -> None:
        reply = await self.session.request(ListQcScores(id=self.session.new_id(), agent=agent), QcScores)
        user = self.session.user
        history = QcHistory(reply.scores, user is not None and user.role in LEADS, self.window)
        history.appeal_requested.connect(lambda sid, reason: self.spawn(self._appeal(sid, reason)))
        history.resolve_requested.connect(lambda sid, accept, note: self.spawn(self._resolve(sid, accept, note)))
        history.export_requested.connect(lambda path: self.spawn(self._export_scores(path, reply.scores)))
        self._show(history)

    async def _export_scores(self, path: str, scores: list[Any]) -> None:
        await asyncio.to_thread(Path(path).write_text, qc_csv(scores), encoding="utf-8")
        self.notifier.announce(self.tr("Exported %1 QC scores").replace("%1", str(len(scores))))

    async def _appeal(self, score_id: int, reason: str) -> None:
        await self.session.request(Appeal(id=self.session.new_id(), score_id=score_id, reason=reason), Ok)
        self.notifier.announce(self.tr("Appeal sent"))

    async def _resolve(self, score_id: int, accept: bool, note: str) -> None:
        await self.session.request(
            ResolveAppeal(id=self.session.new_id(), score_id=score_id, accept=accept, note=note), Ok
        )
        self.notifier.announce(self.tr("Appeal resolved"))

    def _show(self, dialog: Any) -> None:
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
