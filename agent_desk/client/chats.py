"""The desk's chats as plain Python: what each conversation holds and shows.

The session feeds server frames and outbox changes in; Qt models show the
records. Changes are planned first and applied second, so a Qt model can
call beginInsertRows/endInsertRows around exactly the mutation it announces.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from agent_desk.domain.response import ResponseClock, ResponseTargets, Speaker, Utterance, advance, speaker_for
from agent_desk.protocol.messages import ChatState, ConversationInfo, Event, EventKind, Role


class Delivery(enum.StrEnum):
    """Where one of our own messages stands."""

    PENDING = "pending"
    """In the local outbox, not yet acknowledged by the server."""
    FAILED = "failed"
    """The server refused it, or it could not be sent: retry or cancel."""
    DELIVERED = "delivered"
    """Stored by the server (it has a seq)."""


@dataclass(slots=True)
class ChatLine:
    """One row of a chat's message list."""

    key: str
    """client_msg_id for messages, else ``seq:N``: stable from pending to delivered."""
    kind: EventKind
    text: str
    author_role: Role | None
    author_name: str
    ts: float
    seq: int | None = None
    delivery: Delivery = Delivery.DELIVERED
    error: str = ""
    detail: dict[str, str] = field(default_factory=dict)

    @property
    def from_customer(self) -> bool:
        return self.author_role is Role.CUSTOMER

    @property
    def from_staff(self) -> bool:
        return self.author_role is not None and self.author_role is not Role.CUSTOMER


@dataclass(frozen=True, slots=True)
class Append:
    line: ChatLine


@dataclass(frozen=True, slots=True)
class Replace:
    row: int
    line: ChatLine


@dataclass(frozen=True, slots=True)
class Remove:
    row: int


@dataclass(frozen=True, slots=True)
class Prepend:
    lines: tuple[ChatLine, ...]


Change = Append | Replace | Remove | Prepend


def speaker_of(event: Event) -> Speaker:
    """Who spoke, for the response rules: automatic messages carry detail auto=1."""
    return speaker_for(event.author_role.value if event.author_role else None, event.detail.get("auto") == "1")


def line_for_event(event: Event) -> ChatLine:
    is_message = event.kind is EventKind.MESSAGE
    return ChatLine(
        key=event.client_msg_id if is_message and event.client_msg_id else f"seq:{event.seq}",
        kind=event.kind,
        text=event.text or "",
        author_role=event.author_role,
        author_name=event.author_name or "",
        ts=event.ts,
        seq=event.seq,
        detail=dict(event.detail),
    )


@dataclass(slots=True)
class ChatRecord:
    """One conversation as the desk knows it."""

    info: ConversationInfo
    lines: list[ChatLine] = field(default_factory=list)
    last_seq: int = 0
    first_seq: int | None = None
    """Lowest seq held; older events can be paged in before it."""
    more_before: bool = False
    """The server holds events older than ``first_seq`` that were not fetched."""
    unread: int = 0
    customer_typing: bool = False
    waiting_since: float | None = None
    """Server time of the customer's first unanswered message, or None."""
    read_only: bool = False
    """Closed, taken away, or opened from history: no sending."""
    clock: ResponseClock = field(default_factory=ResponseClock)
    """First- and next-response clocks, from the server's timestamps."""
    targets: ResponseTargets = field(default_factory=ResponseTargets)
    agent_messages: int = 0
    customer_messages: int = 0
    alerted: set[str] = field(default_factory=set)
    """Which alerts ('warn:<start>', 'late:<start>', 'ratio:<hint>') were given, so each fires once."""
    _keys: set[str] = field(default_factory=set, init=False, repr=False)
    """Every line's key: a new message's key is looked up on each event, and
    scanning a long chat's lines for a key it does not hold costs O(lines)."""

    def __post_init__(self) -> None:
        self._keys.update(line.key for line in self.lines)

    @property
    def conversation_id(self) -> str:
        return self.info.conversation_id

    @property
    def closed(self) -> bool:
        return self.info.state is ChatState.CLOSED

    def row_of(self, key: str) -> int | None:
        if key not in self._keys:
            return None
        for row in range(len(self.lines) - 1, -1, -1):
            if self.lines[row].key == key:
                return row
        return None

    # ------------------------------------------------------------ planning

    def plan_event(self, event: Event) -> Change | None:
        """What showing this event changes; None for one already shown."""
        if event.seq <= self.last_seq and self.row_of_seq(event.seq) is not None:
            return None
        line = line_for_event(event)
        row = self.row_of(line.key) if event.kind is EventKind.MESSAGE else None
        if row is not None:
            return Replace(row, line)
        return Append(line)

    def plan_pending(self, client_msg_id: str, text: str, author: str, role: Role, ts: float) -> Change | None:
        if self.row_of(client_msg_id) is not None:
            return None
        line = ChatLine(client_msg_id, EventKind.MESSAGE, text, role, author, ts, delivery=Delivery.PENDING)
        return Append(line)

    def plan_delivery(self, client_msg_id: str, delivery: Delivery, error: str = "") -> Change | None:
        row = self.row_of(client_msg_id)
        if row is None or self.lines[row].seq is not None:
            return None  # unknown, or already delivered through its event
        old = self.lines[row]
        line = ChatLine(old.key, old.kind, old.text, old.author_role, old.author_name, old.ts, None, delivery, error)
        return Replace(row, line)

    def plan_cancel(self, client_msg_id: str) -> Change | None:
        row = self.row_of(client_msg_id)
        if row is None or self.lines[row].seq is not None:
            return None
        return Remove(row)

    def plan_older(self, events: list[Event]) -> Change | None:
        """Older history paged in before the first line held."""
        floor = self.first_seq if self.first_seq is not None else 2**62
        lines = tuple(line_for_event(e) for e in events if e.seq < floor)
        return Prepend(lines) if lines else None

    def row_of_seq(self, seq: int) -> int | None:
        for row in range(len(self.lines) - 1, -1, -1):
            if self.lines[row].seq == seq:
                return row
        return None

    # ------------------------------------------------------------ applying

    def apply(self, change: Change) -> None:
        if isinstance(change, Append):
            self.lines.append(change.line)
            self._keys.add(change.line.key)
        elif isinstance(change, Replace):
            old_key, self.lines[change.row] = self.lines[change.row].key, change.line
            self._keys.add(change.line.key)
            if old_key != change.line.key:
                self._forget_key(old_key)
        elif isinstance(change, Remove):
            self._forget_key(self.lines.pop(change.row).key)
        else:
            self.lines[0:0] = change.lines
            self._keys.update(line.key for line in change.lines)
        self._note_seqs(change)

    def _forget_key(self, key: str) -> None:
        # A key names one line in practice; keep it while another line still has it.
        if all(line.key != key for line in self.lines):
            self._keys.discard(key)

    def _note_seqs(self, change: Change) -> None:
        lines = change.lines if isinstance(change, Prepend) else (getattr(change, "line", None),)
        for line in lines:
            if line is not None and line.seq is not None:
                self.last_seq = max(self.last_seq, line.seq)
                self.first_seq = line.seq if self.first_seq is None else min(self.first_seq, line.seq)

    def note_event(self, event: Event) -> None:
        """Update what the event says about the chat beyond its rows.

        Call once per event (only when :meth:`plan_event` returned a change),
        so clocks and counts never see a message twice.
        """
        if event.kind is EventKind.MESSAGE:
            speaker = speaker_of(event)
            advance(self.clock, Utterance(event.ts, speaker), self.targets)
            if speaker is Speaker.CUSTOMER:
                self.customer_messages += 1
                self.customer_typing = False
            elif speaker is Speaker.AGENT:
                self.agent_messages += 1
            self.waiting_since = self.clock.open_since
        elif event.kind is EventKind.CLOSED:
            self.info.state = ChatState.CLOSED
            self.read_only = True
            self.waiting_since = None
        elif event.kind is EventKind.REQUEUED:
            self.read_only = True


@dataclass(slots=True)
class ChatBook:
    """Every chat the desk holds, in the order they arrived."""

    records: dict[str, ChatRecord] = field(default_factory=dict)

    def get(self, conversation_id: str) -> ChatRecord | None:
        return self.records.get(conversation_id)

    def open(self, info: ConversationInfo, read_only: bool = False) -> tuple[ChatRecord, bool]:
        """The record for a chat, created if new. Returns (record, created)."""
        record = self.records.get(info.conversation_id)
        if record is not None:
            record.info = info
            record.read_only = read_only or info.state is ChatState.CLOSED
            return record, False
        record = ChatRecord(info, read_only=read_only or info.state is ChatState.CLOSED)
        self.records[info.conversation_id] = record
        return record, True

    def drop(self, conversation_id: str) -> ChatRecord | None:
        return self.records.pop(conversation_id, None)

    def most_urgent(self) -> ChatRecord | None:
        """The open chat whose customer has waited longest for an answer."""
        waiting = [r for r in self.records.values() if r.waiting_since is not None and not r.read_only]
        return min(waiting, key=lambda r: r.waiting_since or 0.0, default=None)

    def positions(self) -> dict[str, int]:
        return {cid: r.last_seq for cid, r in self.records.items() if r.last_seq and not r.closed}
