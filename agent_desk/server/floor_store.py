"""What the lead's floor reads and writes in SQLite: whispers, and the few
figures of live chats that the in-memory floor does not hold."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from agent_desk.domain.clock import Clock


@dataclass(frozen=True, slots=True)
class LiveExtras:
    """A live chat's stored figures beyond ``Conversation``."""

    assigned_at: float | None
    previous_rating: int | None
    """The rating of the customer's previous chat with the shop (None: no previous chat, or unrated)."""


# The previous chat is the one stored just before (rowid order): two chats of one
# customer can share a created_at when the clock is coarse or manual.
_EXTRAS = (
    "SELECT c.id, c.assigned_at,"
    " (SELECT p.rating FROM conversations p"
    "   WHERE p.customer_id = c.customer_id AND p.rowid < c.rowid AND p.practice_room IS NULL"
    "   ORDER BY p.rowid DESC LIMIT 1) AS previous_rating"
    " FROM conversations c WHERE c.practice_room IS NULL"
)


class FloorStore:
    def __init__(self, db: sqlite3.Connection, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def add_whisper(self, conversation_id: str, lead: str, text: str) -> float:
        """Store a whisper; returns its time."""
        ts = self._clock.now()
        with self._db:
            self._db.execute(
                "INSERT INTO whispers(conversation_id, lead, text, ts) VALUES (?, ?, ?, ?)",
                (conversation_id, lead, text, ts),
            )
        return ts

    def live_extras(self, conversation_id: str | None = None) -> dict[str, LiveExtras]:
        """Extras of every open chat, or of one chat."""
        if conversation_id is None:
            # IN, not !=: the (state, queued_at) index then skips every closed chat.
            rows = self._db.execute(_EXTRAS + " AND c.state IN ('queued', 'assigned')")
        else:
            rows = self._db.execute(_EXTRAS + " AND c.id = ?", (conversation_id,))
        return {r["id"]: LiveExtras(r["assigned_at"], r["previous_rating"]) for r in rows}
