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
    routable: bool = True
    """Only agents take customer chats; other staff have seats for their sockets."""
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

    def load(self) -> AgentLoad:
        return AgentLoad(
            username=self.username,
            active_chats=len(self.active),
            limit=self.limit,
            accepting=self.routable and self.online and self.status is AgentStatus.AVAILABLE,
            last_assigned_at=self.last_assigned_at,
        )


class Floor:
    def __init__(self) -> None:
        self.seats: dict[str, Seat] = {}
        self.open: dict[str, Conversation] = {}
        """Every queued or assigned conversation by id."""
        self.customer_peers: dict[str, set[Peer]] = {}
        self.queue_positions_sent: dict[str, int] = {}

    def seat(self, username: str, admin_limit: int, routable: bool) -> Seat:
        seat = self.seats.get(username)
        if seat is None:
            seat = self.seats[username] = Seat(username, admin_limit, routable)
        return seat

    def queued(self) -> list[Conversation]:
        """Waiting conversations, longest wait first."""
        waiting = (c for c in self.open.values() if c.state is ChatState.QUEUED)
        return sorted(waiting, key=lambda c: (c.queued_at, c.id))

    def pick_agent(self, conv: Conversation, sticky: str | None) -> str | None:
        return choose_agent((s.load() for s in self.seats.values()), sticky)

    def peers_of(self, conv: Conversation) -> Iterator[Peer]:
        """Everyone who sees a conversation live: its customer and its agent."""
        yield from self.customer_peers.get(conv.customer_id, ())
        if conv.agent is not None and conv.agent in self.seats:
            yield from self.seats[conv.agent].peers

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
