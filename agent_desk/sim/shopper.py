"""One simulated shopper: joins, asks, follows up, thanks or gives up, and rates."""

from __future__ import annotations

import asyncio
import enum
import math
import random
from pathlib import Path

from agent_desk.client.connection import Connection, RequestFailed
from agent_desk.protocol.errors import ErrorCode
from agent_desk.protocol.messages import Ack, CloseChat, Error, Event, EventKind, Ok, Rate, Role
from agent_desk.sim import behaviour
from agent_desk.sim.script import Script, is_greeting, make_script, next_follow_up, pick_lang, thanks
from agent_desk.sim.stats import Summary
from agent_desk.sim.wire import next_frame, send_message

_CLOSE_ECHO_SECONDS = 10.0
"""How long to wait for the server's ``closed`` event after leaving (real seconds)."""


class Outcome(enum.Enum):
    ANSWERED = "answered"
    CLOSED = "closed"
    TIMED_OUT = "timed_out"


class Shopper:
    """A customer with a :class:`~agent_desk.sim.script.Script`, at human pace times ``pace``."""

    def __init__(
        self,
        url: str,
        rng: random.Random,
        summary: Summary,
        *,
        lang_mode: str = "mix",
        pace: float = 1.0,
        rating_chance: float = behaviour.RATING_CHANCE,
        ca_file: Path | None = None,
    ) -> None:
        self._url = url
        self._ca_file = ca_file
        self._rng = rng
        self._summary = summary
        self._pace = pace
        self._rating_chance = rating_chance
        self.script: Script = make_script(rng, pick_lang(rng, lang_mode))
        self.patience = behaviour.patience_seconds(rng)
        """Human seconds without any agent message before the shopper leaves."""
        self.conversation_id = ""
        self._said: list[str] = []
        self._round: Ack | None = None
        """The ack of the first customer message no agent message has followed yet."""
        self._last_seq = 0
        """Seq of the shopper's latest message: only agent messages after it answer it."""
        self._answered = False
        self._abandoned = False
        self._worst_wait = 0.0
        """Longest wait for an answer, in human seconds: what the rating weighs."""

    async def run(self) -> None:
        conn = await Connection.open(self._url, client_name="agent-desk-sim", ca_file=self._ca_file)
        try:
            joined = await conn.join_as_customer(self.script.name, self.script.lang)
            self._summary.chats_opened += 1
            self.conversation_id = joined.conversation_id
            outcome = await self._converse(conn)
            await self._finish(conn, outcome)
        finally:
            await conn.close()

    # ------------------------------------------------------------ the conversation

    async def _converse(self, conn: Connection) -> Outcome:
        """Opening question and follow-ups, then thanks; ends when the chat closes or stalls."""
        await self._pause(behaviour.think_seconds(self._rng))
        line: str | None = self.script.opening
        while line is not None:
            await self._say(conn, line)
            outcome, reply = await self._wait(conn, answer_wanted=True)
            if outcome is not Outcome.ANSWERED:
                if outcome is Outcome.TIMED_OUT:
                    self._summary.abandoned += 1
                    self._abandoned = True
                return outcome
            await self._pause(behaviour.think_seconds(self._rng, reply))
            line = next_follow_up(self._rng, self.script, self._said, reply)
        await self._say(conn, thanks(self._rng, self.script.lang))
        outcome, _ = await self._wait(conn, answer_wanted=False)
        return outcome

    async def _say(self, conn: Connection, text: str) -> None:
        """Type (announcing it), send, stop typing."""
        await conn.typing(self.conversation_id, True)
        await self._pause(behaviour.typing_seconds(self._rng, text, self.script.lang))
        ack = await send_message(conn, self.conversation_id, text)
        await conn.typing(self.conversation_id, False)
        if ack is None:  # the chat closed meanwhile; _wait reads its closed event
            return
        self._said.append(text)
        self._last_seq = ack.seq
        self._summary.messages_sent += 1
        if self._round is None:
            self._round = ack

    async def _wait(self, conn: Connection, *, answer_wanted: bool) -> tuple[Outcome, str]:
        """Read events until an answer (or, after thanks, the close) or patience runs out.

        Every agent message restarts the patience clock: someone is there. A bare greeting
        is not an answer, so the shopper keeps waiting for one.
        """
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.patience * self._pace
        while True:
            frame = await next_frame(conn, max(0.0, deadline - loop.time()))
            if frame is None:
                return Outcome.TIMED_OUT, ""
            if isinstance(frame, Error):
                self._summary.record_error(self.script.name, RequestFailed(frame))
                continue
            if not isinstance(frame, Event) or frame.conversation_id != self.conversation_id:
                continue
            if frame.kind is EventKind.CLOSED:
                return Outcome.CLOSED, ""
            if frame.kind is EventKind.MESSAGE and frame.author_role is not Role.CUSTOMER:
                self._on_agent_message(frame)
                deadline = loop.time() + self.patience * self._pace
                text = frame.text or ""
                if answer_wanted and frame.seq > self._last_seq and not is_greeting(text):
                    return Outcome.ANSWERED, text

    def _on_agent_message(self, event: Event) -> None:
        self._summary.messages_received += 1
        if self._round is None or event.seq < self._round.seq:
            return
        waited = max(0.0, event.ts - self._round.ts)
        self._summary.agent_replies += 1
        self._worst_wait = max(self._worst_wait, waited / self._pace)
        if not self._answered:
            self._answered = True
            self._summary.first_reply_waits.append(waited)
        self._round = None

    # ------------------------------------------------------------ the end

    async def _finish(self, conn: Connection, outcome: Outcome) -> None:
        if outcome is Outcome.TIMED_OUT:
            await self._leave(conn)
        self._summary.finished += 1
        await self._rate(conn)

    async def _leave(self, conn: Connection) -> None:
        """Close the chat as a customer (no wrap-up) and wait for the server's closed event."""
        try:
            await conn.request(CloseChat(id=conn.next_id(), conversation_id=self.conversation_id), Ok)
        except RequestFailed as exc:
            if exc.code is not ErrorCode.INVALID_STATE:  # closed by the agent at the same moment
                raise
        loop = asyncio.get_running_loop()
        deadline = loop.time() + _CLOSE_ECHO_SECONDS
        while (frame := await next_frame(conn, max(0.0, deadline - loop.time()))) is not None:
            if isinstance(frame, Event) and frame.kind is EventKind.CLOSED:
                return

    async def _rate(self, conn: Connection) -> None:
        if not behaviour.will_rate(self._rng, self._rating_chance, abandoned=self._abandoned):
            return
        await self._pause(behaviour.think_seconds(self._rng))
        rating = behaviour.draw_rating(self._rng, math.inf if self._abandoned else self._worst_wait)
        await conn.request(Rate(id=conn.next_id(), conversation_id=self.conversation_id, rating=rating), Ok)
        self._summary.ratings.append(rating)

    async def _pause(self, human_seconds: float) -> None:
        await asyncio.sleep(human_seconds * self._pace)
