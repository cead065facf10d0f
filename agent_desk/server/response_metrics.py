"""The server's own record of response times and 答问比, with its own clock.

Each message runs the domain's response rules against the conversation's
stored clock state, inside the transaction that stores the message, so the
figures and the transcript can never disagree after a crash.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass

from agent_desk.domain.clock import Clock
from agent_desk.domain.response import ResponseClock, Speaker, Utterance, advance, speaker_for
from agent_desk.protocol.messages import AgentStats, Event
from agent_desk.server.conversations import Conversation
from agent_desk.server.team_settings import TeamSettingsStore


@dataclass(frozen=True, slots=True)
class Totals:
    first_responses: int
    first_total: float
    first_within: int
    rounds: int
    rounds_total: float


class ResponseMetrics:
    def __init__(self, db: sqlite3.Connection, settings: TeamSettingsStore, clock: Clock) -> None:
        self._db = db
        self._settings = settings
        self._clock = clock

    def recorder(self, conv: Conversation) -> Callable[[sqlite3.Connection, Event], None]:
        """A callback for Conversations.add_message: updates the figures in its transaction."""

        def record(db: sqlite3.Connection, event: Event) -> None:
            self._record(db, conv, event)

        return record

    def _record(self, db: sqlite3.Connection, conv: Conversation, event: Event) -> None:
        speaker = speaker_for(event.author_role.value if event.author_role else None, event.detail.get("auto") == "1")
        clock = ResponseClock(
            first_response=conv.first_response, open_since=conv.open_round_at, first_pending=conv.first_pending
        )
        was_first = clock.first_pending
        started = clock.open_since
        closed = advance(clock, Utterance(event.ts, speaker), self._settings.targets())
        conv.open_round_at, conv.first_pending, conv.first_response = (
            clock.open_since,
            clock.first_pending,
            clock.first_response,
        )
        if speaker is Speaker.CUSTOMER:
            conv.customer_messages += 1
        elif speaker is Speaker.AGENT:
            conv.agent_messages += 1
        db.execute(
            "UPDATE conversations SET open_round_at = ?, first_pending = ?, first_response = ?,"
            " agent_messages = ?, customer_messages = ? WHERE id = ?",
            (
                conv.open_round_at,
                int(conv.first_pending),
                conv.first_response,
                conv.agent_messages,
                conv.customer_messages,
                conv.id,
            ),
        )
        if closed is not None and started is not None:
            db.execute(
                "INSERT INTO response_rounds(conversation_id, agent, started_at, answered_at, first, practice)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (
                    conv.id,
                    _answerer(speaker, conv),
                    started,
                    event.ts,
                    int(was_first),
                    int(conv.practice_room is not None),
                ),
            )

    # ------------------------------------------------------------ figures

    def start_of_today(self) -> float:
        now = self._clock.now()
        local = time.localtime(now)
        return now - (local.tm_hour * 3600 + local.tm_min * 60 + local.tm_sec)

    def totals(self, agent: str | None, since: float) -> Totals:
        """Response figures since ``since`` for one agent, or the whole team (never practice)."""
        target = self._settings.targets().first_seconds
        where, args = (
            ("answered_at >= ?", [since]) if agent is None else ("agent = ? AND answered_at >= ?", [agent, since])
        )
        row = self._db.execute(
            "SELECT"
            " COALESCE(SUM(first), 0),"
            " COALESCE(SUM(CASE WHEN first THEN answered_at - started_at END), 0),"
            " COALESCE(SUM(CASE WHEN first AND answered_at - started_at <= ? THEN 1 END), 0),"
            " COALESCE(SUM(1 - first), 0),"
            " COALESCE(SUM(CASE WHEN NOT first THEN answered_at - started_at END), 0)"
            f" FROM response_rounds WHERE practice = 0 AND {where}",
            (target, *args),
        ).fetchone()
        return Totals(int(row[0]), float(row[1]), int(row[2]), int(row[3]), float(row[4]))

    def agent_stats(self, ref: str, username: str, since: float | None) -> AgentStats:
        since = self.start_of_today() if since is None else since
        totals = self.totals(username, since)
        chats, agent_msgs, customer_msgs = self._db.execute(
            "SELECT COUNT(*), COALESCE(SUM(c.agent_messages), 0), COALESCE(SUM(c.customer_messages), 0)"
            " FROM conversations c JOIN participants p ON p.conversation_id = c.id"
            " WHERE p.username = ? AND c.created_at >= ? AND c.practice_room IS NULL",
            (username, since),
        ).fetchone()
        out_count, in_count = self._db.execute(
            "SELECT COALESCE(SUM(from_agent = ?), 0), COALESCE(SUM(specialist = ?), 0)"
            " FROM escalations WHERE created_at >= ?",
            (username, username, since),
        ).fetchone()
        return AgentStats(
            ref=ref,
            since=since,
            chats=int(chats),
            first_responses=totals.first_responses,
            first_response_average=_mean(totals.first_total, totals.first_responses),
            first_response_within_target=_mean(float(totals.first_within), totals.first_responses),
            response_average=_mean(totals.rounds_total, totals.rounds),
            rounds=totals.rounds,
            agent_messages=int(agent_msgs),
            customer_messages=int(customer_msgs),
            ratio=_mean(float(agent_msgs), int(customer_msgs)),
            transferred_out=int(out_count),
            transferred_in=int(in_count),
        )

    def conversation_figures(self, conv: Conversation) -> tuple[float | None, float | None, float | None]:
        """One chat's first response, its average next response and its 答问比 (None when not measured)."""
        row = self._db.execute(
            "SELECT AVG(answered_at - started_at) FROM response_rounds WHERE conversation_id = ? AND first = 0",
            (conv.id,),
        ).fetchone()
        average = float(row[0]) if row[0] is not None else None
        return conv.first_response, average, _mean(float(conv.agent_messages), conv.customer_messages)


def _answerer(speaker: Speaker, conv: Conversation) -> str:
    """Whose round it was: the agent holding the chat, or the automatic assistant."""
    return (conv.agent or "") if speaker is Speaker.AGENT else "automatic"


def _mean(total: float, count: int) -> float | None:
    return total / count if count else None
