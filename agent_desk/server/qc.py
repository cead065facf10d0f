"""QC (质检) records: today's sample of closed chats, and the scores with their appeals.

The daily sample is drawn without state: each agent's chats closed that day
are ordered by a hash of the chat id and the date, and the first share of
them are the sample. Asking again the same day gives the same chats, and a
chat closed later that day only ever adds to the sample.
"""

from __future__ import annotations

import hashlib
import json
import math
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import msgspec

from agent_desk.domain.clock import Clock
from agent_desk.protocol.messages import Measured, QcScoreInfo

LIST_LIMIT = 200
"""Scores per ``list_qc_scores`` reply, newest first."""


@dataclass(frozen=True, slots=True)
class ClosedChat:
    id: str
    agent: str
    closed_at: float


def sample(chats: Iterable[ClosedChat], share: float, day: str) -> list[ClosedChat]:
    """ceil(share × n) of each agent's n chats, the same ones on every call for that day."""
    by_agent: dict[str, list[ClosedChat]] = {}
    for chat in chats:
        by_agent.setdefault(chat.agent, []).append(chat)
    picked: list[ClosedChat] = []
    for agent in sorted(by_agent):
        own = by_agent[agent]
        # round() first: 0.1 × 30 is 3.0000000000000004 in floating point, not 3.
        count = math.ceil(round(share * len(own), 9))
        picked += sorted(own, key=lambda c: (sample_key(c.id, day), c.id))[:count]
    return picked


def sample_key(conversation_id: str, day: str) -> str:
    return hashlib.sha256(f"{conversation_id}{day}".encode()).hexdigest()


@dataclass(slots=True)
class QcScore:
    id: int
    conversation_id: str
    agent: str
    lead: str
    deductions: dict[str, int]
    total: int
    comments: str
    measured: Measured
    scored_at: float
    appeal: str = "none"
    appeal_reason: str = ""
    resolution_note: str = ""

    def info(self) -> QcScoreInfo:
        return QcScoreInfo(
            score_id=self.id,
            conversation_id=self.conversation_id,
            agent=self.agent,
            lead=self.lead,
            total=self.total,
            deductions=dict(self.deductions),
            comments=self.comments,
            measured=self.measured,
            scored_at=self.scored_at,
            appeal=self.appeal,  # type: ignore[arg-type]
            appeal_reason=self.appeal_reason,
            resolution_note=self.resolution_note,
        )


def _score(row: sqlite3.Row) -> QcScore:
    return QcScore(
        row["id"],
        row["conversation_id"],
        row["agent"],
        row["lead"],
        json.loads(row["deductions"]),
        row["total"],
        row["comments"],
        msgspec.json.decode(row["measured"], type=Measured),
        row["scored_at"],
        row["appeal"],
        row["appeal_reason"],
        row["resolution_note"],
    )


def _json(deductions: Mapping[str, int]) -> str:
    return json.dumps(dict(sorted(deductions.items())))


class QcStore:
    def __init__(self, db: sqlite3.Connection, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    # ------------------------------------------------------------ the sample

    def closed_since(self, since: float) -> list[ClosedChat]:
        """Real chats closed since ``since`` that an agent held (not practice, not left in the queue).

        Only a close sets ``closed_at``; testing the state too would steer SQLite to the
        (state, queued_at) index and through every chat ever closed.
        """
        rows = self._db.execute(
            "SELECT id, agent, closed_at FROM conversations"
            " WHERE closed_at >= ? AND practice_room IS NULL AND agent IS NOT NULL",
            (since,),
        )
        return [ClosedChat(r["id"], r["agent"], r["closed_at"]) for r in rows]

    def scored(self, conversation_ids: Iterable[str]) -> set[str]:
        ids = list(conversation_ids)
        if not ids:
            return set()
        marks = ", ".join("?" * len(ids))
        rows = self._db.execute(f"SELECT conversation_id FROM qc_scores WHERE conversation_id IN ({marks})", ids)
        return {r[0] for r in rows}

    def counts(self, conversation_id: str) -> tuple[int, int]:
        """A chat's next-response rounds and its escalations."""
        row = self._db.execute(
            "SELECT (SELECT COUNT(*) FROM response_rounds WHERE conversation_id = ? AND first = 0),"
            " (SELECT COUNT(*) FROM escalations WHERE conversation_id = ?)",
            (conversation_id, conversation_id),
        ).fetchone()
        return int(row[0]), int(row[1])

    # ------------------------------------------------------------ scores

    def save(
        self,
        conversation_id: str,
        agent: str,
        lead: str,
        deductions: Mapping[str, int],
        total: int,
        comments: str,
        measured: Measured,
    ) -> QcScore:
        """Store a score, replacing an earlier one of the same chat (keeping its id, clearing its appeal)."""
        now = self._clock.now()
        with self._db:
            row = self._db.execute(
                "INSERT INTO qc_scores(conversation_id, agent, lead, deductions, total, comments, measured,"
                " scored_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT(conversation_id) DO UPDATE SET agent = excluded.agent, lead = excluded.lead,"
                " deductions = excluded.deductions, total = excluded.total, comments = excluded.comments,"
                " measured = excluded.measured, scored_at = excluded.scored_at, appeal = 'none',"
                " appeal_reason = '', resolution_note = '', updated_at = excluded.updated_at"
                " RETURNING id",
                (
                    conversation_id,
                    agent,
                    lead,
                    _json(deductions),
                    total,
                    comments,
                    msgspec.json.encode(measured).decode(),
                    now,
                    now,
                ),
            ).fetchone()
        return QcScore(int(row[0]), conversation_id, agent, lead, dict(deductions), total, comments, measured, now)

    def get(self, score_id: int) -> QcScore | None:
        row = self._db.execute("SELECT * FROM qc_scores WHERE id = ?", (score_id,)).fetchone()
        return _score(row) if row else None

    def scores(self, agent: str | None) -> list[QcScore]:
        """One agent's scores, or everyone's, newest first."""
        if agent is None:
            rows = self._db.execute("SELECT * FROM qc_scores ORDER BY scored_at DESC, id DESC LIMIT ?", (LIST_LIMIT,))
        else:
            rows = self._db.execute(
                "SELECT * FROM qc_scores WHERE agent = ? ORDER BY scored_at DESC, id DESC LIMIT ?",
                (agent, LIST_LIMIT),
            )
        return [_score(r) for r in rows]

    def open_appeal(self, score: QcScore, reason: str) -> None:
        score.appeal, score.appeal_reason = "open", reason
        self._update(score)

    def resolve(self, score: QcScore, note: str, revised: tuple[Mapping[str, int], int] | None = None) -> None:
        """Close an appeal: upheld keeps the score; revised replaces its deductions and total."""
        score.appeal, score.resolution_note = ("upheld" if revised is None else "revised"), note
        if revised is not None:
            score.deductions, score.total = dict(revised[0]), revised[1]
        self._update(score)

    def _update(self, score: QcScore) -> None:
        with self._db:
            self._db.execute(
                "UPDATE qc_scores SET deductions = ?, total = ?, appeal = ?, appeal_reason = ?,"
                " resolution_note = ?, updated_at = ? WHERE id = ?",
                (
                    _json(score.deductions),
                    score.total,
                    score.appeal,
                    score.appeal_reason,
                    score.resolution_note,
                    self._clock.now(),
                    score.id,
                ),
            )
