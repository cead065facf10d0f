"""A simulated agent for load tests and the demo, when no human sits at the desk.

It logs in, greets every chat it is given within a second, answers each customer message
with a canned reply and, once the customer says thanks, says goodbye and closes the chat with
the wrap-up code ``resolved``.
"""

from __future__ import annotations

import asyncio
import logging
import random
from dataclasses import dataclass, field
from pathlib import Path

from agent_desk.client.connection import Connection, RequestFailed
from agent_desk.protocol.errors import ErrorCode
from agent_desk.protocol.messages import (
    AgentStatus,
    ChatAssigned,
    ChatRemoved,
    CloseChat,
    ConversationInfo,
    Error,
    Event,
    EventKind,
    Ok,
    Role,
    ServerMessage,
    SetStatus,
)
from agent_desk.sim import behaviour
from agent_desk.sim.script import Lang, agent_reply, detect_lang, farewell, greeting, is_thanks
from agent_desk.sim.stats import Summary
from agent_desk.sim.wire import next_frame, send_message

log = logging.getLogger(__name__)

WRAP_UP = "resolved"


@dataclass(slots=True)
class _Chat:
    conversation_id: str
    lang: Lang
    history_until: int
    """Events up to this seq are history, replayed after ``chat_assigned``."""
    inbox: asyncio.Queue[str] = field(default_factory=asyncio.Queue)
    """Customer messages still to answer."""
    seen_seq: int = 0
    greeted: bool = False
    closing: bool = False
    said: list[str] = field(default_factory=list)
    worker: asyncio.Task[None] | None = None


class SimAgent:
    """One scripted agent on its own connection. ``await run()``; cancel it to stop."""

    def __init__(
        self,
        url: str,
        username: str,
        password: str,
        *,
        pace: float = 1.0,
        rng: random.Random | None = None,
        summary: Summary | None = None,
        ca_file: Path | None = None,
    ) -> None:
        self.username = username
        self._ca_file = ca_file
        self._url = url
        self._password = password
        self._pace = pace
        self._rng = rng or random.Random()
        self._summary = summary or Summary()
        self._chats: dict[str, _Chat] = {}
        self.ready = asyncio.Event()
        """Set once logged in and routable."""

    async def run(self) -> None:
        conn = await Connection.open(self._url, client_name="agent-desk-sim-agent", ca_file=self._ca_file)
        try:
            await conn.login(self.username, self._password)
            await conn.resume({})
            # Seats keep their status on the server while it runs: a sim agent
            # restarted after a pause must say it is available again.
            await conn.request(SetStatus(id=conn.next_id(), status=AgentStatus.AVAILABLE), Ok)
            self.ready.set()
            while True:
                frame = await next_frame(conn, None)
                if frame is not None:
                    self._on_frame(conn, frame)
        finally:
            await self._stop_workers()
            await conn.close()

    # ------------------------------------------------------------ frames

    def _on_frame(self, conn: Connection, frame: ServerMessage) -> None:
        if isinstance(frame, ChatAssigned):
            self._take(conn, frame.conversation)
        elif isinstance(frame, Event):
            self._on_event(frame)
        elif isinstance(frame, ChatRemoved):
            self._drop(frame.conversation_id)
        elif isinstance(frame, Error):
            # Typing frames have no id, so a rate limit on one comes back unsolicited.
            log.debug("%s: server error %s: %s", self.username, frame.code, frame.message)

    def _take(self, conn: Connection, info: ConversationInfo) -> None:
        if info.conversation_id in self._chats:
            return
        chat = _Chat(info.conversation_id, detect_lang(info.customer_name), info.last_seq)
        self._chats[chat.conversation_id] = chat
        chat.worker = asyncio.create_task(self._work(conn, chat), name=f"sim-agent-{chat.conversation_id}")
        chat.worker.add_done_callback(self._worker_done)

    def _on_event(self, event: Event) -> None:
        chat = self._chats.get(event.conversation_id)
        if chat is None or event.seq <= chat.seen_seq:
            return
        chat.seen_seq = event.seq
        if event.kind is EventKind.CLOSED and not chat.closing:
            self._drop(chat.conversation_id)
        elif event.kind is EventKind.MESSAGE and event.author_role is Role.CUSTOMER and event.text:
            chat.lang = detect_lang(event.text)
            chat.inbox.put_nowait(event.text)
        elif event.kind is EventKind.MESSAGE and event.seq <= chat.history_until:
            # An agent already wrote in this chat (it was ours before a restart, or requeued
            # from a colleague): no second greeting, and what came before is answered.
            chat.greeted = True
            while not chat.inbox.empty():
                chat.inbox.get_nowait()

    def _drop(self, conversation_id: str) -> None:
        chat = self._chats.pop(conversation_id, None)
        if chat is not None and chat.worker is not None:
            chat.worker.cancel()

    # ------------------------------------------------------------ one chat

    async def _work(self, conn: Connection, chat: _Chat) -> None:
        """Greet, then answer every customer message until thanks, then close."""
        await self._pause(behaviour.agent_greet_seconds(self._rng))
        if not chat.greeted:
            if await send_message(conn, chat.conversation_id, greeting(chat.lang)) is None:
                return
            chat.greeted = True
            self._summary.agent_greetings += 1
        while True:
            text = await chat.inbox.get()
            if is_thanks(text):
                await self._say(conn, chat, farewell(self._rng, chat.lang))
                await self._close(conn, chat)
                return
            if not await self._say(conn, chat, agent_reply(self._rng, text, chat.said)):
                return

    async def _say(self, conn: Connection, chat: _Chat, text: str) -> bool:
        """Type and send one reply; False when the chat is gone."""
        await conn.typing(chat.conversation_id, True)
        await self._pause(behaviour.agent_answer_seconds(self._rng, text))
        ack = await send_message(conn, chat.conversation_id, text)
        await conn.typing(chat.conversation_id, False)
        if ack is not None:
            chat.said.append(text)
            self._summary.agent_messages += 1
        return ack is not None

    async def _close(self, conn: Connection, chat: _Chat) -> None:
        chat.closing = True
        request = CloseChat(id=conn.next_id(), conversation_id=chat.conversation_id, wrap_up=WRAP_UP)
        try:
            await conn.request(request, Ok)
        except RequestFailed as exc:
            if exc.code not in (ErrorCode.INVALID_STATE, ErrorCode.NOT_FOUND):
                raise
            return
        self._summary.agent_closed += 1

    async def _pause(self, human_seconds: float) -> None:
        await asyncio.sleep(human_seconds * self._pace)

    # ------------------------------------------------------------ cleanup

    def _worker_done(self, task: asyncio.Task[None]) -> None:
        for conversation_id, chat in list(self._chats.items()):
            if chat.worker is task:
                del self._chats[conversation_id]
        if not task.cancelled() and (exc := task.exception()) is not None:
            log.warning("%s: chat worker failed: %r", self.username, exc)
            self._summary.record_error(f"agent {self.username}", exc)

    async def _stop_workers(self) -> None:
        workers = [chat.worker for chat in self._chats.values() if chat.worker is not None]
        for worker in workers:
            worker.cancel()
        if workers:
            await asyncio.wait(workers)
        self._chats.clear()
