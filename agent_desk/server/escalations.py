"""Escalation records: who handed which chat to the specialist team, and how it went."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from agent_desk.domain.clock import Clock
from agent_desk.domain.escalation import EscalationStatus
from agent_desk.protocol.messages import EscalationInfo


@dataclass(slots=True)
class Escalation:
    id: int
    conversation_id: str
    from_agent: str
    reason: str
    note: str
    summary: str
    status: EscalationStatus
    specialist: str | None = None
    return_note: str = ""

    def info(self, specialist_name: str | None = None, position: int = 0) -> EscalationInfo:
        return EscalationInfo(
            escalation_id=self.id,
            reason=self.reason,
            status=self.status.value,
            from_agent=self.from_agent,
            summary=self.summary,
            note=self.note,
            specialist=self.specialist,
            specialist_name=specialist_name,
            return_note=self.return_note,
            position=position,
        )


def _escalation(row: sqlite3.Row) -> Escalation:
    return Escalation(
        row["id"],
        row["conversation_id"],
        row["from_agent"],
        row["reason"],
        row["note"],
        row["summary"],
        EscalationStatus(row["status"]),
        row["specialist"],
        row["return_note"],
    )


class Escalations:
    def __init__(self, db: sqlite3.Connection, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def create(self, conversation_id: str, from_agent: str, reason: str, note: str, summary: str) -> Escalation:
        now = self._clock.now()
        with self._db:
            cursor = self._db.execute(
                "INSERT INTO escalations(conversation_id, from_agent, reason, note, summary, status,"
                " created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'waiting', ?, ?)",
                (conversation_id, from_agent, reason, note, summary, now, now),
            )
        return Escalation(
            int(cursor.lastrowid or 0), conversation_id, from_agent, reason, note, summary, EscalationStatus.WAITING
        )

    def latest(self, conversation_id: str) -> Escalation | None:
        row = self._db.execute(
            "SELECT * FROM escalations WHERE conversation_id = ? ORDER BY id DESC LIMIT 1", (conversation_id,)
        ).fetchone()
        return _escalation(row) if row else None

    def current(self, conversation_id: str) -> Escalation | None:
        """The escalation still open (waiting or taken) for a chat, if any."""
        latest = self.latest(conversation_id)
        return latest if latest is not None and latest.status.open else None

    def open_ones(self) -> list[Escalation]:
        rows = self._db.execute("SELECT * FROM escalations WHERE status IN ('waiting', 'taken') ORDER BY id")
        return [_escalation(r) for r in rows]

    def update(
        self, escalation: Escalation, status: EscalationStatus, *, specialist: str | None = None, return_note: str = ""
    ) -> Escalation:
        escalation.status = status
        if specialist is not None:
            escalation.specialist = specialist
        if return_note:
            escalation.return_note = return_note
        with self._db:
            self._db.execute(
                "UPDATE escalations SET status = ?, specialist = ?, return_note = ?, updated_at = ? WHERE id = ?",
                (status.value, escalation.specialist, escalation.return_note, self._clock.now(), escalation.id),
            )
        return escalation
