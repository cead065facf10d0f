"""Customers, conversations and their sequenced events in SQLite.

Every event gets the next gapless sequence number of its conversation inside
the same transaction that stores it; callers acknowledge only after that
transaction has committed.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import sqlite3
import uuid
from collections.abc import Callable
from dataclasses import dataclass, fields, replace

from agent_desk.domain.clock import Clock
from agent_desk.protocol.messages import ChatState, ConversationInfo, Event, EventKind, Role
from agent_desk.server.db import transaction


@dataclass(frozen=True, slots=True)
class Customer:
    id: str
    display_name: str
    lang: str
    last_agent: str | None


@dataclass(slots=True)
class Conversation:
    id: str
    customer_id: str
    customer_name: str
    state: ChatState
    agent: str | None
    created_at: float
    queued_at: float
    last_seq: int
    rating: int | None = None
    closed_at: float | None = None
    wrap_up: str | None = None
    customer_lang: str = "zh"
    queue: str = "agents"
    """Which queue routes it while queued: 'agents', or 'specialists' after an escalation."""
    open_round_at: float | None = None
    first_pending: bool = True
    first_response: float | None = None
    agent_messages: int = 0
    customer_messages: int = 0
    practice_room: int | None = None
    """The practice room of a practice chat (对聊); None for a real customer's chat."""

    def info(self) -> ConversationInfo:
        return ConversationInfo(
            conversation_id=self.id,
            customer_id=self.customer_id,
            customer_name=self.customer_name,
            state=self.state,
            created_at=self.created_at,
            agent_username=self.agent,
            last_seq=self.last_seq,
            closed_at=self.closed_at,
            wrap_up=self.wrap_up,
            rating=self.rating,
            customer_lang=self.customer_lang,
        )


@dataclass(frozen=True, slots=True)
class Author:
    """Who wrote an event. ``key`` identifies them for client_msg_id dedup."""

    role: Role | None
    name: str
    key: str


SYSTEM = Author(None, "system", "system")
"""The server itself: queueing, requeueing and other automatic events."""


_SELECT = (
    "SELECT conversations.*, customers.display_name AS customer_name, customers.lang AS customer_lang"
    " FROM conversations"
    " JOIN customers ON customers.id = conversations.customer_id"
)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _event(row: sqlite3.Row) -> Event:
    return Event(
        conversation_id=row["conversation_id"],
        seq=row["seq"],
        ts=row["ts"],
        kind=EventKind(row["kind"]),
        author_role=Role(row["author_role"]) if row["author_role"] else None,
        author_name=row["author_name"],
        text=row["text"],
        client_msg_id=row["client_msg_id"],
        detail=json.loads(row["detail"]) if row["detail"] else {},
    )


class Conversations:
    """Persistence for chats. Holds no state of its own beyond the connection."""

    def __init__(self, db: sqlite3.Connection, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    # ------------------------------------------------------------ customers

    def add_customer(self, display_name: str, lang: str, join_key: str | None = None) -> tuple[Customer, str]:
        """Create an anonymous visitor; returns it and its secret token."""
        token = secrets.token_urlsafe(32)
        customer = Customer(f"cus_{uuid.uuid4().hex[:16]}", display_name, lang, None)
        with transaction(self._db):
            self._db.execute(
                "INSERT INTO customers(id, token_hash, display_name, lang, created_at, join_key)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (customer.id, _hash(token), display_name, lang, self._clock.now(), join_key),
            )
        return customer, token

    def rejoin(self, join_key: str) -> tuple[Customer, str] | None:
        """The customer an earlier join with this key created, with a fresh token.

        The first token never reached the client (that is why it retries), so
        it is replaced rather than repeated: the server keeps only hashes.
        """
        row = self._db.execute("SELECT * FROM customers WHERE join_key = ?", (join_key,)).fetchone()
        if row is None:
            return None
        token = secrets.token_urlsafe(32)
        with transaction(self._db):
            self._db.execute("UPDATE customers SET token_hash = ? WHERE id = ?", (_hash(token), row["id"]))
        return Customer(row["id"], row["display_name"], row["lang"], row["last_agent"]), token

    def spend_join_key(self, customer_id: str) -> None:
        """Forget the customer's join key once their token is in use.

        A client that presents its token has the join's reply and never retries
        the join: from then on the key would only let whoever learns it take
        over the customer (and revoke their token), so it stops working.
        """
        self._db.execute("UPDATE customers SET join_key = NULL WHERE id = ? AND join_key IS NOT NULL", (customer_id,))

    def customer_for_token(self, token: str) -> Customer | None:
        row = self._db.execute("SELECT * FROM customers WHERE token_hash = ?", (_hash(token),)).fetchone()
        return Customer(row["id"], row["display_name"], row["lang"], row["last_agent"]) if row else None

    def customer(self, customer_id: str) -> Customer | None:
        row = self._db.execute("SELECT * FROM customers WHERE id = ?", (customer_id,)).fetchone()
        return Customer(row["id"], row["display_name"], row["lang"], row["last_agent"]) if row else None

    # ------------------------------------------------------------ conversations

    def open_conversation(self, customer: Customer) -> tuple[Conversation, Event]:
        """Create a queued conversation and its first event."""
        now = self._clock.now()
        conv = Conversation(
            f"conv_{uuid.uuid4().hex[:16]}",
            customer.id,
            customer.display_name,
            ChatState.QUEUED,
            None,
            now,
            now,
            0,
            customer_lang=customer.lang,
        )
        with transaction(self._db):
            self._db.execute(
                "INSERT INTO conversations(id, customer_id, state, created_at, queued_at) VALUES (?, ?, ?, ?, ?)",
                (conv.id, customer.id, ChatState.QUEUED.value, now, now),
            )
            event = self._append(conv.id, EventKind.QUEUED, SYSTEM, now=now)
        conv.last_seq = event.seq
        return conv, event

    def add_practice_chat(
        self, room_id: int, customer_name: str, lang: str, trainee: Author, trainer: str
    ) -> tuple[Conversation, Event]:
        """A practice chat, assigned to the trainee from the start. Must run inside a transaction.

        Its customer is a stand-in for the trainer: its token hash is no SHA-256
        of anything, so no customer token ever opens it.
        """
        now = self._clock.now()
        customer_id = f"cus_{uuid.uuid4().hex[:16]}"
        self._db.execute(
            "INSERT INTO customers(id, token_hash, display_name, lang, created_at) VALUES (?, ?, ?, ?, ?)",
            (customer_id, f"practice:{uuid.uuid4().hex}", customer_name, lang, now),
        )
        conv = Conversation(
            f"conv_{uuid.uuid4().hex[:16]}",
            customer_id,
            customer_name,
            ChatState.ASSIGNED,
            trainee.key,
            now,
            now,
            0,
            customer_lang=lang,
            practice_room=room_id,
        )
        self._db.execute(
            "INSERT INTO conversations(id, customer_id, state, agent, created_at, queued_at, assigned_at,"
            " practice_room) VALUES (?, ?, 'assigned', ?, ?, ?, ?, ?)",
            (conv.id, customer_id, trainee.key, now, now, now, room_id),
        )
        self._db.executemany(
            "INSERT OR IGNORE INTO participants(conversation_id, username) VALUES (?, ?)",
            [(conv.id, trainee.key), (conv.id, trainer)],
        )
        event = self._append(conv.id, EventKind.ASSIGNED, trainee, now=now, detail={"agent": trainee.key})
        conv.last_seq = event.seq
        return conv, event

    def get(self, conversation_id: str) -> Conversation | None:
        row = self._db.execute(_SELECT + " WHERE conversations.id = ?", (conversation_id,)).fetchone()
        return self._conversation(row) if row else None

    def open_conversations(self) -> list[Conversation]:
        """Every queued or assigned conversation, oldest first (for a restart)."""
        rows = self._db.execute(_SELECT + " WHERE state != 'closed' ORDER BY queued_at")
        return [self._conversation(r) for r in rows]

    def latest_for_customer(self, customer_id: str) -> Conversation | None:
        row = self._db.execute(
            _SELECT + " WHERE customer_id = ? ORDER BY created_at DESC LIMIT 1", (customer_id,)
        ).fetchone()
        return self._conversation(row) if row else None

    def closed_for_agent(self, username: str, limit: int) -> list[Conversation]:
        """The agent's closed chats (including ones later taken over), newest first."""
        rows = self._db.execute(
            _SELECT + " JOIN participants ON participants.conversation_id = conversations.id"
            " WHERE participants.username = ? AND state = 'closed' AND practice_room IS NULL"
            " ORDER BY closed_at DESC LIMIT ?",
            (username, limit),
        )
        return [self._conversation(r) for r in rows]

    def for_customer(self, customer_id: str, limit: int) -> list[Conversation]:
        rows = self._db.execute(
            _SELECT + " WHERE customer_id = ? AND practice_room IS NULL ORDER BY created_at DESC LIMIT ?",
            (customer_id, limit),
        )
        return [self._conversation(r) for r in rows]

    def events_before(self, conversation_id: str, before_seq: int | None, limit: int) -> tuple[list[Event], bool]:
        """Up to ``limit`` events before ``before_seq`` (ascending), and whether older ones exist."""
        bound = before_seq if before_seq is not None else 2**62
        rows = self._db.execute(
            "SELECT * FROM events WHERE conversation_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?",
            (conversation_id, bound, limit + 1),
        ).fetchall()
        more = len(rows) > limit
        return [_event(r) for r in reversed(rows[:limit])], more

    def was_participant(self, conversation_id: str, username: str) -> bool:
        row = self._db.execute(
            "SELECT 1 FROM participants WHERE conversation_id = ? AND username = ?", (conversation_id, username)
        ).fetchone()
        return row is not None

    @staticmethod
    def _conversation(row: sqlite3.Row) -> Conversation:
        return Conversation(
            row["id"],
            row["customer_id"],
            row["customer_name"],
            ChatState(row["state"]),
            row["agent"],
            row["created_at"],
            row["queued_at"],
            row["last_seq"],
            row["rating"],
            row["closed_at"],
            row["wrap_up"],
            row["customer_lang"],
            row["queue"],
            row["open_round_at"],
            bool(row["first_pending"]),
            row["first_response"],
            row["agent_messages"],
            row["customer_messages"],
            row["practice_room"],
        )

    # ------------------------------------------------------------ state changes

    def assign(self, conv: Conversation, agent: Author) -> Event:
        now = self._clock.now()
        with transaction(self._db):
            self._db.execute(
                "UPDATE conversations SET state = 'assigned', agent = ?, assigned_at = ? WHERE id = ?",
                (agent.key, now, conv.id),
            )
            self._db.execute(
                "INSERT OR IGNORE INTO participants(conversation_id, username) VALUES (?, ?)", (conv.id, agent.key)
            )
            self._db.execute("UPDATE customers SET last_agent = ? WHERE id = ?", (agent.key, conv.customer_id))
            event = self._append(conv.id, EventKind.ASSIGNED, agent, now=now, detail={"agent": agent.key})
        conv.state, conv.agent, conv.last_seq = ChatState.ASSIGNED, agent.key, event.seq
        return event

    def requeue(self, conv: Conversation, reason: str) -> Event:
        """Take a chat from its agent and put it back in the queue (keeping its place)."""
        with transaction(self._db):
            self._db.execute("UPDATE conversations SET state = 'queued', agent = NULL WHERE id = ?", (conv.id,))
            event = self._append(
                conv.id, EventKind.REQUEUED, SYSTEM, detail={"from_agent": conv.agent or "", "reason": reason}
            )
        conv.state, conv.agent, conv.last_seq = ChatState.QUEUED, None, event.seq
        return event

    def close(self, conv: Conversation, by: Author, wrap_up: str | None) -> Event:
        now = self._clock.now()
        detail = {"by": by.role.value if by.role else "system"} | ({"wrap_up": wrap_up} if wrap_up else {})
        with transaction(self._db):
            self._db.execute(
                "UPDATE conversations SET state = 'closed', closed_at = ?, closed_by = ?, wrap_up = ? WHERE id = ?",
                (now, by.key, wrap_up, conv.id),
            )
            event = self._append(conv.id, EventKind.CLOSED, by, now=now, detail=detail)
        conv.state, conv.last_seq, conv.closed_at, conv.wrap_up = ChatState.CLOSED, event.seq, now, wrap_up
        return event

    def rate(self, conv: Conversation, by: Author, rating: int) -> Event:
        with transaction(self._db):
            self._db.execute("UPDATE conversations SET rating = ? WHERE id = ?", (rating, conv.id))
            event = self._append(conv.id, EventKind.RATED, by, detail={"rating": str(rating)})
        conv.rating, conv.last_seq = rating, event.seq
        return event

    # ------------------------------------------------------------ messages

    def find_message(self, author: Author, client_msg_id: str) -> Event | None:
        """The event an earlier send with this client_msg_id stored, if any."""
        row = self._db.execute(
            "SELECT * FROM events WHERE author_key = ? AND client_msg_id = ?", (author.key, client_msg_id)
        ).fetchone()
        return _event(row) if row else None

    def add_message(
        self,
        conv: Conversation,
        author: Author,
        text: str,
        client_msg_id: str,
        *,
        automatic: bool = False,
        also: Callable[[sqlite3.Connection, Event], None] | None = None,
    ) -> Event:
        """Store a message; ``also`` runs in the same transaction (the response figures)."""
        detail = {"auto": "1"} if automatic else None
        # ``also`` updates the chat's figures in memory as it writes them: a
        # transaction that fails (a full disk) must not leave them counted.
        before = replace(conv)
        try:
            with transaction(self._db):
                event = self._append(
                    conv.id, EventKind.MESSAGE, author, text=text, client_msg_id=client_msg_id, detail=detail
                )
                if also is not None:
                    also(self._db, event)
        except BaseException:
            for name in (f.name for f in fields(conv)):
                setattr(conv, name, getattr(before, name))
            raise
        conv.last_seq = event.seq
        return event

    def set_queue(self, conv: Conversation, queue: str, kind: EventKind, detail: dict[str, str]) -> Event:
        """Move a chat to a queue (an escalation) and record why."""
        now = self._clock.now()
        with transaction(self._db):
            self._db.execute(
                "UPDATE conversations SET state = 'queued', agent = NULL, queue = ?, queued_at = ? WHERE id = ?",
                (queue, now, conv.id),
            )
            event = self._append(conv.id, kind, SYSTEM, now=now, detail=detail)
        conv.state, conv.agent, conv.queue, conv.queued_at, conv.last_seq = (
            ChatState.QUEUED,
            None,
            queue,
            now,
            event.seq,
        )
        return event

    def hand_back(self, conv: Conversation, agent: Author, kind: EventKind, detail: dict[str, str]) -> Event:
        """Give a chat straight back to an agent (escalation cancelled or sent back)."""
        with transaction(self._db):
            self._db.execute(
                "UPDATE conversations SET state = 'assigned', agent = ?, queue = 'agents' WHERE id = ?",
                (agent.key, conv.id),
            )
            event = self._append(conv.id, kind, agent, detail=detail)
        conv.state, conv.agent, conv.queue, conv.last_seq = ChatState.ASSIGNED, agent.key, "agents", event.seq
        return event

    def events_after(self, conversation_id: str, after_seq: int) -> list[Event]:
        rows = self._db.execute(
            "SELECT * FROM events WHERE conversation_id = ? AND seq > ? ORDER BY seq", (conversation_id, after_seq)
        )
        return [_event(r) for r in rows]

    def _append(
        self,
        conversation_id: str,
        kind: EventKind,
        author: Author,
        *,
        now: float | None = None,
        text: str | None = None,
        client_msg_id: str | None = None,
        detail: dict[str, str] | None = None,
    ) -> Event:
        """Store the next event. Must run inside a transaction."""
        ts = self._clock.now() if now is None else now
        seq = self._db.execute(
            "UPDATE conversations SET last_seq = last_seq + 1 WHERE id = ? RETURNING last_seq", (conversation_id,)
        ).fetchone()[0]
        self._db.execute(
            "INSERT INTO events(conversation_id, seq, ts, kind, author_role, author_name, author_key, text,"
            " client_msg_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                conversation_id,
                seq,
                ts,
                kind.value,
                author.role.value if author.role else None,
                author.name,
                author.key,
                text,
                client_msg_id,
                json.dumps(detail, ensure_ascii=False) if detail else None,
            ),
        )
        return Event(
            conversation_id=conversation_id,
            seq=seq,
            ts=ts,
            kind=kind,
            author_role=author.role,
            author_name=author.name,
            text=text,
            client_msg_id=client_msg_id,
            detail=detail or {},
        )
