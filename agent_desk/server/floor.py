"""The live floor: who is online, who holds which chat, who is waiting.

Plain in-memory state, rebuilt from the database at start. The database is
the record; this is the index the router reads on every assignment.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import dataclass, field

from agent_desk.domain.routing import AgentLoad, choose_agent
from agent_desk.protocol.messages import AgentStatus, ChatState
from agent_desk.server.conversations import Conversation
from agent_desk.server.peers import Peer


@dataclass(slots=True)
class Seat:
    """One chat-handling account's place on the floor."""

    username: str
    admin_limit: int
    queue: str | None = "agents"
    """Which queue routes chats to this seat: 'agents' (agents), 'specialists'
    (the escalation team), or None for staff who take no chats."""
    own_limit: int | None = None
    status: AgentStatus = AgentStatus.AVAILABLE
    active: set[str] = field(default_factory=set)
    peers: set[Peer] = field(default_factory=set)
    grace_task: asyncio.Task[None] | None = None
    last_assigned_at: float = 0.0

    @property
    def limit(self) -> int:
        if self.own_limit is None:
            return self.admin_limit
        return min(self.own_limit, self.admin_limit)

    @property
    def online(self) -> bool:
        return bool(self.peers)

    @property
    def routable(self) -> bool:
        return self.queue is not None

    def load(self, queue: str) -> AgentLoad:
        return AgentLoad(
            username=self.username,
            active_chats=len(self.active),
            limit=self.limit,
            accepting=self.queue == queue and self.online and self.status is AgentStatus.AVAILABLE,
            last_assigned_at=self.last_assigned_at,
        )


class Floor:
    def __init__(self) -> None:
        self.seats: dict[str, Seat] = {}
        self.open: dict[str, Conversation] = {}
        """Every queued or assigned conversation by id."""
        self.customer_peers: dict[str, set[Peer]] = {}
        self.queue_positions_sent: dict[str, int] = {}
        self.watchers: dict[str, set[str]] = {}
        """Staff who see a chat live without holding it (an agent whose escalation is open)."""

    def seat(self, username: str, admin_limit: int, queue: str | None) -> Seat:
        seat = self.seats.get(username)
        if seat is None:
            seat = self.seats[username] = Seat(username, admin_limit, queue)
        return seat

    def queued(self, queue: str | None = None) -> list[Conversation]:
        """Waiting conversations (of one queue, or all), longest wait first."""
        waiting = (c for c in self.open.values() if c.state is ChatState.QUEUED and (queue is None or c.queue == queue))
        return sorted(waiting, key=lambda c: (c.queued_at, c.id))

    def pick_agent(self, conv: Conversation, sticky: str | None) -> str | None:
        return choose_agent((s.load(conv.queue) for s in self.seats.values()), sticky)

    def peers_of(self, conv: Conversation) -> Iterator[Peer]:
        """Everyone who sees a conversation live: its customer, its agent, its watchers."""
        yield from self.customer_peers.get(conv.customer_id, ())
        staff = set(self.watchers.get(conv.id, ()))
        if conv.agent is not None:
            staff.add(conv.agent)
        for username in staff:
            seat = self.seats.get(username)
            if seat is not None:
                yield from seat.peers

    def watch(self, conversation_id: str, username: str) -> None:
        self.watchers.setdefault(conversation_id, set()).add(username)

    def unwatch(self, conversation_id: str, username: str) -> None:
        watching = self.watchers.get(conversation_id)
        if watching is not None:
            watching.discard(username)
            if not watching:
                del self.watchers[conversation_id]

    def add_customer_peer(self, customer_id: str, peer: Peer) -> None:
        self.customer_peers.setdefault(customer_id, set()).add(peer)

    def remove_customer_peer(self, customer_id: str, peer: Peer) -> None:
        peers = self.customer_peers.get(customer_id)
        if peers is not None:
            peers.discard(peer)
            if not peers:
                del self.customer_peers[customer_id]

    def connection_count(self) -> int:
        staff = sum(len(s.peers) for s in self.seats.values())
        return staff + sum(len(p) for p in self.customer_peers.values())
