"""Chat practice (对聊) in SQLite: scenarios, rooms, their members and the scores.

A room's chats are ordinary conversations marked with ``practice_room``
(see Conversations.add_practice_chat); this store keeps what only practice
has. Every multi-row change runs in one transaction.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field

import msgspec

from agent_desk.domain.clock import Clock
from agent_desk.protocol.messages import PracticeResultInfo, ScenarioDraft, ScenarioInfo, ScenarioLine
from agent_desk.server.conversations import Author, Conversation, Conversations
from agent_desk.server.db import transaction

RESULTS_LIMIT = 100
"""Results in one reply: the newest. 100 of the longest still fit a client's 1 MiB frame."""


@dataclass(frozen=True, slots=True)
class Member:
    trainee: str
    conversation_id: str


@dataclass(slots=True)
class Room:
    id: int
    trainer: str
    title: str
    scenario_id: int | None
    state: str
    step: int
    created_at: float
    closed_at: float | None = None
    members: list[Member] = field(default_factory=list)

    @property
    def open(self) -> bool:
        return self.state == "open"

    def member(self, trainee: str) -> Member | None:
        return next((m for m in self.members if m.trainee == trainee), None)


@dataclass(frozen=True, slots=True)
class Score:
    """What a trainer gave one trainee, and what the server measured in their chat."""

    deductions: dict[str, int]
    total: int
    comments: str
    scored_by: str
    first_response: float | None
    response_average: float | None
    ratio: float | None


def _scenario(row: sqlite3.Row) -> ScenarioInfo:
    return ScenarioInfo(
        scenario_id=row["id"],
        title=row["title"],
        lang=row["lang"],
        customer_name=row["customer_name"],
        lines=msgspec.json.decode(row["lines"], type=list[ScenarioLine]),
        updated_at=row["updated_at"],
    )


def _result(row: sqlite3.Row) -> PracticeResultInfo:
    return PracticeResultInfo(
        room_id=row["room_id"],
        trainee=row["trainee"],
        trainer=row["trainer"],
        title=row["title"],
        total=row["total"],
        deductions=json.loads(row["deductions"]),
        comments=row["comments"],
        scored_at=row["scored_at"],
        first_response=row["first_response"],
        response_average=row["response_average"],
        ratio=row["ratio"],
    )


class PracticeStore:
    def __init__(self, db: sqlite3.Connection, clock: Clock, conversations: Conversations) -> None:
        self._db = db
        self._clock = clock
        self._conversations = conversations

    # ------------------------------------------------------------ scenarios

    def scenarios(self) -> list[ScenarioInfo]:
        rows = self._db.execute("SELECT * FROM scenarios ORDER BY title COLLATE NOCASE, id")
        return [_scenario(r) for r in rows]

    def scenario(self, scenario_id: int) -> ScenarioInfo | None:
        row = self._db.execute("SELECT * FROM scenarios WHERE id = ?", (scenario_id,)).fetchone()
        return _scenario(row) if row else None

    def count_scenarios(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM scenarios").fetchone()[0])

    def save_scenario(self, draft: ScenarioDraft, author: str, scenario_id: int | None = None) -> ScenarioInfo | None:
        """Create (no id) or replace a scenario; None when the id names none."""
        values = (
            draft.title.strip(),
            draft.lang,
            draft.customer_name.strip(),
            msgspec.json.encode(draft.lines).decode(),
            self._clock.now(),
        )
        with transaction(self._db):
            if scenario_id is None:
                cursor = self._db.execute(
                    "INSERT INTO scenarios(title, lang, customer_name, lines, updated_at, created_by)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    (*values, author),
                )
                scenario_id = int(cursor.lastrowid or 0)
            elif not self._db.execute(
                "UPDATE scenarios SET title = ?, lang = ?, customer_name = ?, lines = ?, updated_at = ? WHERE id = ?",
                (*values, scenario_id),
            ).rowcount:
                return None
        return self.scenario(scenario_id)

    def delete_scenario(self, scenario_id: int) -> bool:
        """Rooms that used it keep running as free-form practice (their scenario becomes NULL)."""
        with transaction(self._db):
            return bool(self._db.execute("DELETE FROM scenarios WHERE id = ?", (scenario_id,)).rowcount)

    # ------------------------------------------------------------ rooms

    def create_room(
        self,
        trainer: str,
        title: str,
        scenario: ScenarioInfo | None,
        trainees: list[Author],
        customer: tuple[str, str],
    ) -> tuple[Room, list[Conversation]]:
        """A room and one assigned practice chat per trainee, all in one transaction.

        ``customer`` is the stand-in customer's display name and language.
        """
        now = self._clock.now()
        name, lang = customer
        chats: list[Conversation] = []
        with transaction(self._db):
            cursor = self._db.execute(
                "INSERT INTO practice_rooms(trainer, title, scenario_id, state, step, created_at)"
                " VALUES (?, ?, ?, 'open', 0, ?)",
                (trainer, title, scenario.scenario_id if scenario else None, now),
            )
            room = Room(
                int(cursor.lastrowid or 0), trainer, title, scenario.scenario_id if scenario else None, "open", 0, now
            )
            for trainee in trainees:
                conv, _ = self._conversations.add_practice_chat(room.id, name, lang, trainee, trainer)
                self._db.execute(
                    "INSERT INTO practice_members(room_id, trainee, conversation_id) VALUES (?, ?, ?)",
                    (room.id, trainee.key, conv.id),
                )
                room.members.append(Member(trainee.key, conv.id))
                chats.append(conv)
        return room, chats

    def room(self, room_id: int) -> Room | None:
        row = self._db.execute("SELECT * FROM practice_rooms WHERE id = ?", (room_id,)).fetchone()
        if row is None:
            return None
        room = Room(
            row["id"],
            row["trainer"],
            row["title"],
            row["scenario_id"],
            row["state"],
            row["step"],
            row["created_at"],
            row["closed_at"],
        )
        members = self._db.execute(
            "SELECT trainee, conversation_id FROM practice_members WHERE room_id = ? ORDER BY rowid", (room_id,)
        )
        room.members = [Member(m["trainee"], m["conversation_id"]) for m in members]
        return room

    def open_rooms(self) -> list[Room]:
        ids = [r[0] for r in self._db.execute("SELECT id FROM practice_rooms WHERE state = 'open' ORDER BY id")]
        return [room for room_id in ids if (room := self.room(room_id)) is not None]

    def set_step(self, room: Room, step: int) -> None:
        with transaction(self._db):
            self._db.execute("UPDATE practice_rooms SET step = ? WHERE id = ?", (step, room.id))
        room.step = step

    def close_room(self, room: Room) -> None:
        now = self._clock.now()
        with transaction(self._db):
            self._db.execute("UPDATE practice_rooms SET state = 'closed', closed_at = ? WHERE id = ?", (now, room.id))
        room.state, room.closed_at = "closed", now

    # ------------------------------------------------------------ scores

    def save_score(self, room: Room, trainee: str, score: Score) -> PracticeResultInfo:
        """Store a score; a second score of the same trainee in the same room replaces the first."""
        with transaction(self._db):
            self._db.execute(
                "INSERT OR REPLACE INTO practice_scores(room_id, trainee, deductions, total, comments, scored_by,"
                " scored_at, first_response, response_average, ratio) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    room.id,
                    trainee,
                    json.dumps(score.deductions, ensure_ascii=False, sort_keys=True),
                    score.total,
                    score.comments,
                    score.scored_by,
                    self._clock.now(),
                    score.first_response,
                    score.response_average,
                    score.ratio,
                ),
            )
        results = self._results("s.room_id = ? AND s.trainee = ?", (room.id, trainee))
        return results[0]

    def results(self, trainee: str, trainer: str | None = None) -> list[PracticeResultInfo]:
        """A trainee's results, newest first: all of them, or those from one trainer's rooms."""
        if trainer is None:
            return self._results("s.trainee = ?", (trainee,))
        return self._results("s.trainee = ? AND r.trainer = ?", (trainee, trainer))

    def _results(self, where: str, args: tuple[object, ...]) -> list[PracticeResultInfo]:
        rows = self._db.execute(
            "SELECT s.*, r.trainer, r.title FROM practice_scores s JOIN practice_rooms r ON r.id = s.room_id"
            f" WHERE {where} ORDER BY s.scored_at DESC, s.room_id DESC LIMIT ?",
            (*args, RESULTS_LIMIT),
        )
        return [_result(r) for r in rows]
