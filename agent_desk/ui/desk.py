"""The agent's desk: joins a running DeskSession to the main window.

Server frames and outbox changes arrive through the session bridge; user
actions leave as tasks this object owns (kept, and cancelled on close).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QTimer, Signal

from agent_desk.client.chats import ChatBook, ChatRecord, Delivery
from agent_desk.client.connection import ConnectionLost, RequestFailed
from agent_desk.client.outbox import OutboxEntry
from agent_desk.client.session import DeskSession, NotConnected, SessionState
from agent_desk.domain.qc import RubricItem
from agent_desk.domain.response import RatioBand, ResponseTargets
from agent_desk.protocol.messages import (
    AgentStats,
    AgentStatus,
    ChatAssigned,
    ChatList,
    ChatRemoved,
    CloseChat,
    ConversationInfo,
    EscalationInfo,
    EscalationUpdate,
    Event,
    EventKind,
    EventsPage,
    FetchEvents,
    GetSettings,
    KnowledgeChanged,
    ListChats,
    MyStats,
    Ok,
    PhrasesChanged,
    PracticeResult,
    Role,
    SetStatus,
    SettingsChanged,
    SettingsReply,
    StatusChanged,
    TeamSettings,
    TypingNotice,
)
from agent_desk.ui.chat_view import ChatView
from agent_desk.ui.error_text import error_text
from agent_desk.ui.escalation import Escalations
from agent_desk.ui.floor import Floor
from agent_desk.ui.history_dialog import HistoryDialog
from agent_desk.ui.knowledge import Knowledge
from agent_desk.ui.main_window import MainWindow
from agent_desk.ui.notifier import Cue, Notifier
from agent_desk.ui.practice import Practice
from agent_desk.ui.quick_replies import QuickReplies
from agent_desk.ui.response_watch import ResponseWatch, WatchSettings
from agent_desk.ui.session_bridge import SessionBridge
from agent_desk.ui.shortcut_map import Shortcuts, keyed_actions
from agent_desk.ui.shortcut_settings import ShortcutSettings
from agent_desk.ui.shortcuts_help import add_help_menu
from agent_desk.ui.wrap_up_dialog import WrapUpDialog

log = logging.getLogger(__name__)


class Desk(QObject):
    """Signals:
    signed_out(str): the server refused the session; the app shows the login again.
    """

    signed_out = Signal(str)

    def __init__(
        self,
        window: MainWindow,
        notifier: Notifier,
        bridge: SessionBridge,
        session: DeskSession,
        book: ChatBook,
        parent: Any = None,
        clock: Callable[[], float] | None = None,
    ) -> None:
        super().__init__(parent)
        self._server_clock = clock
        """Tests pass the server's ManualClock; the desk otherwise derives server time."""
        self.window = window
        self.notifier = notifier
        self.session = session
        self.book = book
        self.session_bridge = bridge
        self._tasks: set[asyncio.Task[Any]] = set()
        self._closing = False
        self._assigned_seq: dict[str, int] = {}
        self._fetching_older: set[str] = set()
        self._stale: set[str] = set()
        """Chats whose header and tab wait for _refresh_stale."""
        """last_seq at assignment: events up to it are history, not news."""
        bridge.state_changed.connect(self._on_state)
        bridge.frame_received.connect(self._on_frame)
        bridge.resumed.connect(self._on_resumed)
        bridge.delivery_changed.connect(self._on_delivery)
        window.status_requested.connect(lambda status, limit: self.spawn(self._set_status(status, limit)))
        window.close_requested.connect(self._close_chat)
        window.history_requested.connect(lambda: self.spawn(self._show_history()))
        window.urgent_requested.connect(self.go_to_most_urgent)
        self.quick_replies = QuickReplies(window, session, notifier, self.spawn, self)
        self.knowledge = Knowledge(window, session, notifier, self.spawn, self)
        self.escalations = Escalations(window, session, notifier, self.spawn, self)
        self.practice = Practice(window, session, notifier, self.spawn, self)
        self.floor = Floor(window, session, notifier, book, self.spawn, self.open_watched, self.server_now, self)
        self.shortcuts = Shortcuts(notifier.settings, self)
        self.shortcut_settings = ShortcutSettings(window, self.shortcuts, notifier.announce, self)
        self.help_action = add_help_menu(window, self.shortcut_settings.open)
        self.shortcuts.bind(keyed_actions(window))
        self.watch = ResponseWatch(self._watch_settings())
        self.watch.warned.connect(lambda _cid, text: self.notifier.announce(text))
        self.watch.breached.connect(self._breached)
        self.watch.hinted.connect(lambda _cid, text: self.notifier.announce(text))
        window.tabs.currentChanged.connect(lambda _index: self._suggest_for_current())
        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        self._clock.timeout.connect(self.refresh_all)
        self._clock.start()
        self._stats_timer = QTimer(self)
        self._stats_timer.setInterval(60_000)
        self._stats_timer.timeout.connect(lambda: self.spawn(self.refresh_stats()) if self.session.online else None)
        self._stats_timer.start()

    # ------------------------------------------------------------ tasks

    def spawn(self, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._task_done)
        return task

    def _task_done(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if task.cancelled():
            return
        error = task.exception()
        if isinstance(error, ConnectionLost | TimeoutError) or (error is not None and self._closing):
            # The link dropped mid-request (or the desk is closing): the session
            # reconnects and resumes by itself; nothing here is the agent's to fix.
            log.info("request ended with the connection: %s", error)
        elif isinstance(error, NotConnected):
            self.window.statusBar().showMessage(self.tr("Not connected: try again when the connection is back."))
        elif isinstance(error, RequestFailed):
            text = error_text(error.error)
            self.window.statusBar().showMessage(text)
            self.notifier.announce(text, assertive=True)
        elif error is not None:
            log.error("desk task failed", exc_info=error)

    async def shutdown(self) -> None:
        self._closing = True
        self._clock.stop()
        self.floor.stop()
        self._stats_timer.stop()
        for task in list(self._tasks):
            task.cancel()
        if self._tasks:
            await asyncio.wait(list(self._tasks))
        await self.session.stop()

    def server_now(self) -> float:
        if self._server_clock is not None:
            return self._server_clock()
        return time.time() + self.session.server_offset

    # ------------------------------------------------------------ frames

    def _on_frame(self, frame: object) -> None:
        if self.floor.frame(frame):
            return
        conversation_id = getattr(frame, "conversation_id", None)
        if (
            conversation_id is not None
            and self.book.get(conversation_id) is None
            and self.practice.console_frame(frame)
        ):
            return
        if isinstance(frame, PracticeResult):
            self.practice.result_arrived(frame)
        elif isinstance(frame, Event):
            self._on_event(frame)
        elif isinstance(frame, ChatAssigned):
            self._on_assigned(frame.conversation)
        elif isinstance(frame, TypingNotice) and frame.role is Role.CUSTOMER:
            record = self.book.get(frame.conversation_id)
            if record is not None:
                record.customer_typing = frame.active
                self._refresh(record)
        elif isinstance(frame, StatusChanged):
            self.window.show_status(frame.status.value, frame.max_chats, frame.active_chats)
        elif isinstance(frame, ChatRemoved):
            self._on_removed(frame.conversation_id)
        elif isinstance(frame, PhrasesChanged):
            self.spawn(self.quick_replies.reload(announce=True))
        elif isinstance(frame, KnowledgeChanged):
            self.knowledge.changed(frame)
        elif isinstance(frame, EscalationUpdate):
            self._on_escalation(frame.conversation_id, frame.escalation)
        elif isinstance(frame, SettingsChanged):
            self._apply_settings(frame.settings)

    def _on_assigned(self, info: ConversationInfo) -> None:
        record, created = self.book.open(info)
        record.targets = self.watch.targets
        self._assigned_seq[info.conversation_id] = info.last_seq
        if not created:
            self._show_escalation(record)
            self._refresh(record)
            return
        view = self._add_view(record)
        self._show_escalation(record)
        if info.practice is not None:
            trainer = info.practice.trainer_name
            view.show_practice(self.tr("PRACTICE with %1: not a real customer").replace("%1", trainer))
            self.notifier.announce(self.tr("Practice chat from %1").replace("%1", trainer))
        self.spawn(self._load_context(view))
        if not self.session.replaying:
            text = self.tr("New chat from %1").replace("%1", info.customer_name)
            self.notifier.notify(Cue.NEW_CHAT, text)

    def _add_view(self, record: ChatRecord) -> ChatView:
        view = ChatView(record)
        view.send_requested.connect(lambda cid, text: self.spawn(self.session.send(cid, text)))
        view.typing_changed.connect(lambda cid, on: self.spawn(self.session.typing(cid, on)))
        view.retry_requested.connect(lambda key: self.spawn(self.session.retry(key)))
        view.cancel_requested.connect(lambda key: self.spawn(self._cancel(record, key)))
        view.model.load_older = lambda: self._load_older(record.conversation_id)
        self.quick_replies.attach(view)
        self.window.add_chat(view)
        return view

    def _load_older(self, conversation_id: str) -> None:
        """The agent scrolled to the top of everything held: fetch the page before it (once at a time)."""
        if conversation_id not in self._fetching_older:
            self._fetching_older.add(conversation_id)
            task = self.spawn(self._fetch_history(conversation_id))
            task.add_done_callback(lambda _task: self._fetching_older.discard(conversation_id))

    def _on_event(self, event: Event) -> None:
        record = self.book.get(event.conversation_id)
        view = self.window.views.get(event.conversation_id)
        if record is None or view is None:
            return
        change = record.plan_event(event)
        if change is None:
            return  # already shown (a resume can replay what arrived live)
        view.model.apply(change)
        record.note_event(event)
        if self._is_news(event):
            self._announce_event(record, view, event)
            if event.author_role is Role.CUSTOMER and view is self.window.current_view():
                self.knowledge.suggest_for(event.text or "")
        self._refresh_soon(record.conversation_id)

    def _refresh_soon(self, conversation_id: str) -> None:
        """Refresh a chat's header and tab once the frames at hand are handled: a resume
        replays a whole chat at once, and a tab label costs a tab bar layout each time."""
        if not self._stale:
            QTimer.singleShot(0, self, self._refresh_stale)
        self._stale.add(conversation_id)

    def _refresh_stale(self) -> None:
        stale, self._stale = self._stale, set()
        for conversation_id in stale:
            record = self.book.get(conversation_id)
            if record is not None:
                self._refresh(record)

    def _is_news(self, event: Event) -> bool:
        history = self._assigned_seq.get(event.conversation_id, 0)
        return event.seq > history and not self.session.replaying

    def _announce_event(self, record: ChatRecord, view: ChatView, event: Event) -> None:
        name = record.info.customer_name
        if event.kind is EventKind.MESSAGE and event.author_role is Role.CUSTOMER:
            background = self.window.current_view() is not view or not self.window.isActiveWindow()
            if background:
                record.unread += 1
                text = self.tr("%1 says: %2").replace("%1", name).replace("%2", event.text or "")
                self.notifier.notify(Cue.NEW_MESSAGE, text)
        elif event.kind is EventKind.CLOSED and event.detail.get("by") == "customer":
            self.notifier.announce(self.tr("%1 left the chat").replace("%1", name))

    # ------------------------------------------------------------ escalation and settings

    def _on_escalation(self, conversation_id: str, info: EscalationInfo) -> None:
        record = self.book.get(conversation_id)
        if record is not None:
            self.escalations.update(record, info, self.window.views.get(conversation_id))
            self._refresh(record)

    def _show_escalation(self, record: ChatRecord) -> None:
        self.escalations.show(record, self.window.views.get(record.conversation_id))

    async def _load_settings(self) -> None:
        reply = await self.session.request(GetSettings(id=self.session.new_id()), SettingsReply)
        self._apply_settings(reply.settings)

    def _apply_settings(self, settings: TeamSettings) -> None:
        self.watch.targets = ResponseTargets(
            settings.first_response_seconds, settings.next_response_seconds, settings.automatic_stops_clock
        )
        self.watch.band = RatioBand(settings.ratio_target, settings.ratio_low, settings.ratio_high)
        self.escalations.reasons = list(settings.escalation_reasons)
        self.practice.targets = self.watch.targets
        rubric = tuple(RubricItem(i.code, i.name_zh, i.name_en, i.max_deduction) for i in settings.qc_rubric)
        self.practice.rubric = self.floor.rubric = rubric
        for record in self.book.records.values():
            record.targets = self.watch.targets

    async def refresh_stats(self) -> None:
        stats = await self.session.request(MyStats(id=self.session.new_id()), AgentStats)
        self.window.show_shift(stats)

    def _on_removed(self, conversation_id: str) -> None:
        record = self.book.get(conversation_id)
        if record is None:
            return
        record.read_only = True
        self._refresh(record)
        self.notifier.announce(
            self.tr("The chat with %1 moved to another agent").replace("%1", record.info.customer_name)
        )

    # ------------------------------------------------------------ connection

    def _on_state(self, state: str, detail: str) -> None:
        if state == SessionState.RECONNECTING:
            text = self.tr("Connection lost. Reconnecting… Your unsent messages are kept.")
            self.window.show_banner(text)
            self.notifier.announce(text, assertive=True)
        elif state == SessionState.SIGNED_OUT:
            text = self.tr("Your session has ended: please log in again. (%1)").replace("%1", detail)
            self.window.show_banner(text)
            self.signed_out.emit(detail)
        elif state == SessionState.STOPPED and detail:
            # e.g. an untrusted certificate: retrying cannot help, so say why the desk stopped trying.
            text = self.tr("The desk stopped connecting: %1").replace("%1", detail)
            self.window.show_banner(text)
            self.notifier.announce(text, assertive=True)

    def _on_resumed(self, missed: int, reconnect: bool) -> None:
        if not reconnect:
            self.window.hide_banner()
            user = self.session.user
            self.knowledge.panel.set_can_edit(user is not None and user.role in (Role.LEAD, Role.ADMIN))
            if user is not None:
                self.practice.role_known(user.role)
                self.floor.role_known(user.role)
            self.spawn(self.quick_replies.reload())
            self.spawn(self.show_unsent())
            self.spawn(self._load_settings())
            self.spawn(self.refresh_stats())
            return
        text = self.tr("Reconnected. %1 messages arrived while you were away.").replace("%1", str(missed))
        self.window.show_banner(text)
        self.notifier.announce(text)
        QTimer.singleShot(8000, self.window.hide_banner)

    def _on_delivery(self, entry: OutboxEntry, delivery: str, error: str) -> None:
        record = self.book.get(entry.conversation_id)
        view = self.window.views.get(entry.conversation_id)
        if record is None or view is None:
            return
        if delivery == Delivery.PENDING:
            user = self.session.user
            name = user.display_name if user else ""
            role = user.role if user else Role.AGENT
            view.model.apply(record.plan_pending(entry.client_msg_id, entry.text, name, role, entry.created_at))
            view.model.apply(record.plan_delivery(entry.client_msg_id, Delivery.PENDING))
        else:
            view.model.apply(record.plan_delivery(entry.client_msg_id, Delivery(delivery), error))
        if delivery == Delivery.FAILED:
            message = self.tr("A message to %1 was not sent: %2").replace("%1", record.info.customer_name)
            self.notifier.announce(message.replace("%2", error), assertive=True)

    async def show_unsent(self) -> None:
        """Show messages left in the outbox by an earlier run as pending or failed."""
        for entry in await self.session.unsent():
            self._on_delivery(entry, entry.state, entry.last_error or "")

    # ------------------------------------------------------------ actions

    def _suggest_for_current(self) -> None:
        view = self.window.current_view()
        if view is None:
            return
        latest = next((line.text for line in reversed(view.record.lines) if line.from_customer and line.text), None)
        if latest:
            self.knowledge.suggest_for(latest)

    def go_to_most_urgent(self) -> None:
        record = self.book.most_urgent()
        if record is None:
            self.notifier.announce(self.tr("No customer is waiting for an answer"))
            return
        view = self.window.views.get(record.conversation_id)
        if view is not None:
            self.window.focus_view(view)

    def refresh_all(self) -> None:
        self.watch.settings = self._watch_settings()
        for record in self.book.records.values():
            self._refresh(record)
        if self.notifier.settings.order_by_urgency:
            self.window.order_by(self._by_urgency())

    def _refresh(self, record: ChatRecord) -> None:
        view = self.window.views.get(record.conversation_id)
        if view is not None:
            now = self.server_now()
            view.refresh(now)
            reading = self.watch.read(record, now)
            view.show_reading(reading.timer, reading.spoken_timer, reading.ratio)
            self.window.refresh_tab(record.conversation_id)

    def _by_urgency(self) -> list[str]:
        targets, now = self.watch.displayed_targets(), self.server_now()

        def urgency(record: ChatRecord) -> float:
            left = record.clock.remaining(now, targets)
            return float("inf") if left is None or record.read_only else left

        return [r.conversation_id for r in sorted(self.book.records.values(), key=urgency)]

    def _watch_settings(self) -> WatchSettings:
        settings = self.notifier.settings
        return WatchSettings(
            countdown=settings.countdown_enabled,
            multiplier=settings.countdown_multiplier,
            ratio_hints=settings.ratio_hints_enabled,
            flash=settings.flash_on_breach,
        )

    def _breached(self, _conversation_id: str, text: str) -> None:
        self.notifier.play(Cue.BREACH)
        self.notifier.announce(text, assertive=True)
        if self.watch.settings.flash:
            self.notifier.flash()

    async def _set_status(self, status: str, limit: int) -> None:
        await self.session.request(SetStatus(id=self.session.new_id(), status=AgentStatus(status), max_chats=limit), Ok)

    async def _cancel(self, record: ChatRecord, client_msg_id: str) -> None:
        await self.session.cancel(client_msg_id)
        view = self.window.views.get(record.conversation_id)
        if view is not None:
            view.model.apply(record.plan_cancel(client_msg_id))

    async def _load_context(self, view: ChatView) -> None:
        request = ListChats(id=self.session.new_id(), scope="customer", customer_id=view.record.info.customer_id)
        reply = await self.session.request(request, ChatList)
        view.set_context(reply.chats)

    def _close_chat(self, conversation_id: str) -> None:
        record = self.book.get(conversation_id)
        if record is None:
            return
        if record.read_only:
            self.window.remove_chat(conversation_id)
            self.book.drop(conversation_id)
            user = self.session.user
            if user is not None and user.role in (Role.LEAD, Role.ADMIN) and not record.closed:
                self.spawn(self.floor.unwatch(conversation_id))
            return
        dialog = WrapUpDialog(record.info.customer_name, self.window)
        dialog.accepted.connect(lambda: self.spawn(self._close_with(conversation_id, dialog.code())))
        dialog.finished.connect(dialog.deleteLater)
        self.wrap_up_dialog = dialog
        dialog.open()

    async def _close_with(self, conversation_id: str, wrap_up: str) -> None:
        await self.session.request(
            CloseChat(id=self.session.new_id(), conversation_id=conversation_id, wrap_up=wrap_up), Ok
        )
        self.window.remove_chat(conversation_id)
        self.book.drop(conversation_id)

    async def _show_history(self) -> None:
        reply = await self.session.request(ListChats(id=self.session.new_id(), scope="mine_closed"), ChatList)
        dialog = HistoryDialog(reply.chats, self.window)
        dialog.open_requested.connect(lambda info: self.spawn(self.open_read_only(info)))
        dialog.finished.connect(dialog.deleteLater)
        self.history_dialog = dialog
        dialog.open()

    def open_watched(self, info: ConversationInfo) -> None:
        """A lead watches a live chat: a read-only tab, its history fetched, live events after."""
        existing = self.window.views.get(info.conversation_id)
        if existing is not None:
            self.window.focus_view(existing)
            return
        record, _ = self.book.open(info, read_only=True)
        self._assigned_seq[info.conversation_id] = 2**62  # watching is not news for the lead
        view = self._add_view(record)
        view.show_practice(self.tr("Watching (read-only): the agent handles this chat"))
        self.window.focus_view(view)
        self.spawn(self._fetch_history(record.conversation_id))

    async def _fetch_history(self, conversation_id: str) -> None:
        """The page of events before the oldest one held (the newest page for an empty tab)."""
        record = self.book.get(conversation_id)
        before = record.first_seq if record is not None else None
        request = FetchEvents(id=self.session.new_id(), conversation_id=conversation_id, before_seq=before, limit=500)
        page = await self.session.request(request, EventsPage)
        record = self.book.get(conversation_id)
        view = self.window.views.get(conversation_id)
        if record is not None and view is not None:
            self._show_older(record, view, page)

    @staticmethod
    def _show_older(record: ChatRecord, view: ChatView, page: EventsPage) -> None:
        asked = view.model.rowCount() > 0 and not view.model.hidden_lines  # scrolled to the top for it
        view.model.apply(record.plan_older(page.events))
        record.more_before = page.more_before
        if asked and view.model.canFetchMore(QModelIndex()):
            view.messages.fetch_older()

    async def open_read_only(self, info: ConversationInfo) -> None:
        """Open a closed chat from history in a read-only tab."""
        existing = self.window.views.get(info.conversation_id)
        if existing is not None:
            self.window.focus_view(existing)
            return
        page = await self.session.request(
            FetchEvents(id=self.session.new_id(), conversation_id=info.conversation_id, limit=500), EventsPage
        )
        record, _ = self.book.open(info, read_only=True)
        view = self._add_view(record)
        view.model.apply(record.plan_older(page.events))
        record.more_before = page.more_before
        self._assigned_seq[info.conversation_id] = info.last_seq
        self.window.focus_view(view)
