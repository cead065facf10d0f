"""The overflow assistant: "human first", it speaks only when no person can.

Off by default (``TeamSettings.overflow_assistant``). When a customer in the
agents' queue has waited longer than ``overflow_after_seconds`` and no
available agent has room (nobody online counts as full), the assistant
answers what the customer asked from the knowledge base: the best suggested
article, or, when nothing matches, one polite holding line. It answers each
customer message at most once: the waiting messages once when the wait runs
out, then every new message while the chat still waits; it never sends the
same text twice in a chat (the holding line above all). Its messages are
automatic (``detail.auto = "1"``, no author role), so they stop no response
clock unless the team says so, and do not count in 答问比. The first agent
with room gets the chat through normal routing, with the whole transcript.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3

from agent_desk.protocol.messages import ChatState, Event, EventKind, Role
from agent_desk.server.conversations import Author, Conversation
from agent_desk.server.knowledge import Knowledge
from agent_desk.server.service import ChatService
from agent_desk.server.team_settings import TeamSettingsStore

log = logging.getLogger(__name__)

ASSISTANT = Author(None, "智能助手 Assistant", "assistant")
PREFIX = {"zh": "【自动回复】", "en": "[Automatic reply] "}
HOLDING = {
    "zh": "亲,客服小伙伴们都在忙,您已在排队中,有空闲马上为您服务~",
    "en": "All our agents are busy right now. You are in the queue: the first one free will take your chat.",
}
MAX_ANSWER_CHARS = 600
"""The article body is cut to this length (the customer can ask the agent for more)."""
QUEUE = "agents"


def unanswered(events: list[Event]) -> list[Event]:
    """The customer's messages after the last message anyone else sent (agent or automatic)."""
    said: list[Event] = []
    for event in events:
        if event.kind is not EventKind.MESSAGE:
            continue
        if event.author_role is Role.CUSTOMER:
            said.append(event)
        else:
            said = []
    return said


def clip(body: str, limit: int = MAX_ANSWER_CHARS) -> str:
    body = body.strip()
    return body if len(body) <= limit else body[: limit - 1].rstrip() + "…"


class OverflowAssistant:
    def __init__(
        self, chats: ChatService, knowledge: Knowledge, settings: TeamSettingsStore, check_seconds: float = 1.0
    ) -> None:
        self.chats = chats
        self.knowledge = knowledge
        self.settings = settings
        self.check_seconds = check_seconds
        self._seen: dict[str, int] = {}
        """Each waiting chat's last_seq when the assistant last read it: nothing new to answer since."""
        chats.on_customer_message.append(self.customer_said)

    # ------------------------------------------------------------ when

    def floor_full(self) -> bool:
        """True when no available agent has room (also when no agent is online)."""
        loads = (seat.load(QUEUE) for seat in self.chats.floor.seats.values())
        return not any(load.accepting and load.active_chats < load.limit for load in loads)

    def _overdue(self, conv: Conversation, after: float) -> bool:
        waiting = conv.state is ChatState.QUEUED and conv.queue == QUEUE and conv.practice_room is None
        return waiting and self.chats.clock.now() - conv.queued_at > after

    def check(self) -> int:
        """Answer every customer who has waited too long and has something unanswered.

        The server runs this every ``check_seconds``; returns how many answers went out.
        """
        rules = self.settings.get()
        waiting = self.chats.floor.queued(QUEUE)
        ids = {conv.id for conv in waiting}
        self._seen = {cid: seq for cid, seq in self._seen.items() if cid in ids}
        if not rules.overflow_assistant or not self.floor_full():
            return 0
        return sum(self._answer(conv) for conv in waiting if self._overdue(conv, rules.overflow_after_seconds))

    def customer_said(self, conv: Conversation, event: Event) -> None:
        """A customer's message was stored: answer it at once if the chat is past its wait."""
        if conv.state is not ChatState.QUEUED:
            return  # most messages: read no settings for them
        rules = self.settings.get()
        if not rules.overflow_assistant or not self._overdue(conv, rules.overflow_after_seconds):
            return
        try:
            if self.floor_full():
                self._answer(conv)
        except sqlite3.Error:
            # The customer's message is stored and sent: their request must not fail for this.
            log.exception("overflow assistant could not answer in %s", conv.id)

    async def run(self) -> None:
        """Check every ``check_seconds`` until cancelled (the server owns the task)."""
        while True:
            await asyncio.sleep(self.check_seconds)
            try:
                self.check()
            except sqlite3.Error:
                log.exception("overflow assistant check failed")

    # ------------------------------------------------------------ what

    def _answer(self, conv: Conversation) -> int:
        if self._seen.get(conv.id) == conv.last_seq:
            return 0
        events = self.chats.store.events_after(conv.id, 0)
        self._seen[conv.id] = conv.last_seq
        said = unanswered(events)
        if not said:
            return 0
        text = self.reply_for("\n".join(e.text or "" for e in said), conv.customer_lang)
        if any(e.author_role is None and e.text == text for e in events):
            return 0  # the same automatic reply twice (the holding line above all) helps nobody
        self.chats.post_message(conv, ASSISTANT, text, f"assistant-{conv.id}-{said[-1].seq}", automatic=True)
        self._seen[conv.id] = conv.last_seq
        return 1

    def reply_for(self, question: str, lang: str) -> str:
        """The best article's body, labelled as automatic; else the holding line."""
        prefix = PREFIX.get(lang, PREFIX["zh"])
        hits = self.knowledge.search(question, "suggest", 1)
        if not hits:
            return prefix + HOLDING.get(lang, HOLDING["zh"])
        return prefix + clip(self.knowledge.get(hits[0].article_id).body)
