"""What the server does with a chat: queue, assign, relay, close, requeue.

Each operation stores first, then updates the live floor, then pushes frames
to the peers concerned. Nothing is pushed or acknowledged that did not commit.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import Callable
from typing import Protocol

from agent_desk.domain.clock import Clock
from agent_desk.protocol import encode
from agent_desk.protocol.messages import (
    AgentStatus,
    ChatAssigned,
    ChatRemoved,
    ChatState,
    ConversationInfo,
    Event,
    PracticeInfo,
    QueuePosition,
    Role,
    StatusChanged,
    TypingNotice,
)
from agent_desk.server.accounts import Accounts, User
from agent_desk.server.config import ServerConfig
from agent_desk.server.conversations import Author, Conversation, Conversations, Customer
from agent_desk.server.floor import Floor, Seat
from agent_desk.server.peers import Peer
from agent_desk.server.response_metrics import ResponseMetrics

log = logging.getLogger(__name__)


QUEUES = ("agents", "specialists")


class ChatHooks(Protocol):
    """What another service (escalations) adds to the chat lifecycle."""

    def assigned(self, conv: Conversation, seat: Seat) -> None: ...

    def closed(self, conv: Conversation) -> None: ...

    def position_changed(self, conv: Conversation, position: int) -> None: ...

    def requeued(self, conv: Conversation) -> None: ...

    def info(self, conv: Conversation) -> ConversationInfo: ...


def queue_for(role: Role | None) -> str | None:
    """Agents take customer chats, specialists take escalations, other staff take none."""
    return {Role.AGENT: "agents", Role.SPECIALIST: "specialists"}.get(role) if role else None


class ChatService:
    def __init__(
        self,
        config: ServerConfig,
        accounts: Accounts,
        conversations: Conversations,
        metrics: ResponseMetrics,
        clock: Clock,
    ) -> None:
        self.config = config
        self.accounts = accounts
        self.store = conversations
        self.metrics = metrics
        self.clock = clock
        self.floor = Floor()
        self.hooks: ChatHooks | None = None
        """Set by the escalation service once it exists (it needs this service)."""
        self.practice_info: Callable[[Conversation], PracticeInfo | None] | None = None
        """Set by the practice service: what a practice chat's ConversationInfo says of its room."""
        self.on_routed: list[Callable[[], None]] = []
        """Called after every routing pass (whatever may move the crisis quotient): the dashboard."""
        self.on_presence: list[Callable[[str, bool], None]] = []
        """Called with (username, online) when a seat gets its first or loses its last connection."""
        self.on_customer_message: list[Callable[[Conversation, Event], None]] = []
        """Called after a customer's message is stored and sent out: the overflow assistant."""

    # ------------------------------------------------------------ start-up

    def restore(self) -> None:
        """Rebuild the floor after a restart. Agents count as disconnected, so
        their grace period starts now: if they come back in time, nothing moves."""
        for conv in self.store.open_conversations():
            self.floor.open[conv.id] = conv
            # A practice chat takes no seat: no routing, no grace requeue.
            if conv.state is ChatState.ASSIGNED and conv.agent and conv.practice_room is None:
                user = self.accounts.get(conv.agent)
                seat = self.floor.seat(
                    conv.agent, user.max_chats if user else 0, queue_for(user.role if user else None)
                )
                seat.active.add(conv.id)
        for seat in self.floor.seats.values():
            if seat.active:
                self._start_grace(seat)

    # ------------------------------------------------------------ staff presence

    def staff_connected(self, peer: Peer, user: User) -> Seat:
        seat = self.floor.seat(user.username, user.max_chats, queue_for(user.role))
        seat.admin_limit = user.max_chats
        arrived = not seat.peers
        seat.peers.add(peer)
        if seat.grace_task is not None:
            seat.grace_task.cancel()
            seat.grace_task = None
        if arrived:
            self._notify_presence(seat.username, True)
        return seat

    def staff_disconnected(self, peer: Peer, user: User) -> None:
        seat = self.floor.seats.get(user.username)
        if seat is None:
            return
        seat.peers.discard(peer)
        if not seat.peers and seat.active:
            self._start_grace(seat)
        if not seat.peers:
            self._notify_presence(seat.username, False)

    def _notify_presence(self, username: str, online: bool) -> None:
        for notify in self.on_presence:
            notify(username, online)

    def _start_grace(self, seat: Seat) -> None:
        if seat.grace_task is None:
            seat.grace_task = asyncio.create_task(self._grace_expiry(seat), name=f"grace-{seat.username}")

    async def _grace_expiry(self, seat: Seat) -> None:
        await asyncio.sleep(self.config.grace_seconds)
        seat.grace_task = None
        if seat.online:
            return
        log.info("agent %s gone past grace: requeueing %d chats", seat.username, len(seat.active))
        for conv_id in sorted(seat.active):
            self._requeue(self.floor.open[conv_id], seat, "agent_disconnected")
        self.assign_waiting()

    def set_status(self, seat: Seat, status: AgentStatus, own_limit: int | None) -> None:
        seat.status = status
        if own_limit is not None:
            seat.own_limit = own_limit
        self.push_status(seat)
        self.assign_waiting()

    def set_capacity(self, username: str, max_chats: int) -> None:
        self.accounts.set_max_chats(username, max_chats)
        seat = self.floor.seats.get(username)
        if seat is not None:
            seat.admin_limit = max_chats
            self.push_status(seat)
        self.assign_waiting()

    def push_status(self, seat: Seat) -> None:
        frame = StatusChanged(status=seat.status, max_chats=seat.limit, active_chats=len(seat.active))
        for peer in seat.peers:
            peer.push(frame)

    # ------------------------------------------------------------ customers

    def customer_joined(
        self, peer: Peer, display_name: str, lang: str, join_key: str | None
    ) -> tuple[Customer, str, Conversation, bool]:
        """Join a visitor and open their chat. The bool is True for a retried join."""
        again = self.store.rejoin(join_key) if join_key else None
        customer, token = again or self.store.add_customer(display_name, lang, join_key)
        peer.customer = customer
        self.floor.add_customer_peer(customer.id, peer)
        latest = self.store.latest_for_customer(customer.id) if again else None
        if latest is not None:
            return customer, token, self.floor.open.get(latest.id, latest), True
        peer.subscribed = True
        return customer, token, self.open_chat(customer), False

    def open_chat(self, customer: Customer) -> Conversation:
        conv, event = self.store.open_conversation(customer)
        self.floor.open[conv.id] = conv
        self._fan_out(conv, event)
        self.assign_waiting()
        self._push_queue_positions()
        return conv

    # ------------------------------------------------------------ routing

    def assign_waiting(self) -> None:
        """Give queued chats, longest wait first, to staff with room: customers'
        chats to agents, escalated chats to specialists."""
        try:
            for queue in QUEUES:
                self._route(queue)
        except sqlite3.Error as exc:
            # The disk is full or read-only: the chat stays queued and the next
            # pass (a resume, a close, a new chat) tries again. Whoever caused
            # this pass (e.g. a resume) still gets what it asked for.
            log.warning("routing paused: an assignment could not be stored (%s)", exc)
        self._push_queue_positions()
        for notify in self.on_routed:
            notify()

    def _route(self, queue: str) -> None:
        for conv in self.floor.queued(queue):
            customer = self.store.customer(conv.customer_id)
            sticky = customer.last_agent if customer and queue == "agents" else None
            username = self.floor.pick_agent(conv, sticky)
            if username is None:
                return
            self._assign(conv, self.floor.seats[username])

    def _assign(self, conv: Conversation, seat: Seat) -> None:
        user = self.accounts.get(seat.username)
        role = user.role if user else Role.AGENT
        author = Author(role, user.display_name if user else seat.username, seat.username)
        event = self.store.assign(conv, author)
        if self.hooks is not None:
            self.hooks.assigned(conv, seat)
        seat.active.add(conv.id)
        seat.last_assigned_at = self.clock.now()
        self.floor.queue_positions_sent.pop(conv.id, None)
        for peer in self.floor.customer_peers.get(conv.customer_id, ()):
            if peer.subscribed:
                peer.push(QueuePosition(conversation_id=conv.id, position=0))
                peer.push(event)
        for username in self.floor.watchers.get(conv.id, ()):
            for peer in self.floor.seats[username].peers if username in self.floor.seats else ():
                if peer.subscribed:
                    peer.push(event)
        for peer in seat.peers:
            if peer.subscribed:
                self.send_full_chat(peer, conv)
        self.push_status(seat)

    def send_full_chat(self, peer: Peer, conv: Conversation, after_seq: int = 0) -> int:
        """Announce a chat to its agent and replay its history; returns events sent."""
        peer.push(ChatAssigned(conversation=self.info(conv)))
        events = self.store.events_after(conv.id, after_seq)
        for event in events:
            peer.push(event)
        return len(events)

    def _requeue(self, conv: Conversation, seat: Seat, reason: str) -> None:
        event = self.store.requeue(conv, reason)
        if self.hooks is not None:
            self.hooks.requeued(conv)
        seat.active.discard(conv.id)
        for peer in seat.peers:
            peer.push(ChatRemoved(conversation_id=conv.id, reason=reason))
        self._fan_out(conv, event)

    def _push_queue_positions(self) -> None:
        sent = self.floor.queue_positions_sent
        for queue in QUEUES:
            for position, conv in enumerate(self.floor.queued(queue), start=1):
                if sent.get(conv.id) == position:
                    continue
                sent[conv.id] = position
                frame = QueuePosition(conversation_id=conv.id, position=position)
                for peer in self.floor.customer_peers.get(conv.customer_id, ()):
                    if peer.subscribed:
                        peer.push(frame)
                if self.hooks is not None:
                    self.hooks.position_changed(conv, position)

    def queue_position(self, conv: Conversation) -> int | None:
        """1-based place in its queue of a waiting conversation, else None."""
        for position, waiting in enumerate(self.floor.queued(conv.queue), start=1):
            if waiting.id == conv.id:
                return position
        return None

    def info(self, conv: Conversation) -> ConversationInfo:
        """What staff see of a chat, with its escalation or its practice room when it has one."""
        info = self.hooks.info(conv) if self.hooks is not None else conv.info()
        if conv.practice_room is not None and self.practice_info is not None:
            info.practice = self.practice_info(conv)
        return info

    def practice_chats_of(self, username: str) -> list[str]:
        """The open practice chats a trainee holds. They are never in ``seat.active``."""
        return sorted(c.id for c in self.floor.open.values() if c.practice_room is not None and c.agent == username)

    # ------------------------------------------------------------ conversation events

    def post_message(
        self, conv: Conversation, author: Author, text: str, client_msg_id: str, *, automatic: bool = False
    ) -> Event:
        event = self.store.add_message(
            conv, author, text, client_msg_id, automatic=automatic, also=self.metrics.recorder(conv)
        )
        self._message_stored(conv, author, event)
        return event

    def _message_stored(self, conv: Conversation, author: Author, event: Event) -> None:
        self._fan_out(conv, event)
        if author.role is Role.CUSTOMER:
            for notify in self.on_customer_message:
                notify(conv, event)

    def close(self, conv: Conversation, by: Author, wrap_up: str | None) -> None:
        event = self.store.close(conv, by, wrap_up)
        self._fan_out(conv, event)
        if self.hooks is not None:
            self.hooks.closed(conv)
        self.floor.open.pop(conv.id, None)
        self.floor.queue_positions_sent.pop(conv.id, None)
        if conv.agent and conv.agent in self.floor.seats:
            seat = self.floor.seats[conv.agent]
            seat.active.discard(conv.id)
            self.push_status(seat)
        self.assign_waiting()

    def rate(self, conv: Conversation, by: Author, rating: int) -> None:
        self._fan_out(conv, self.store.rate(conv, by, rating))

    def relay_typing(self, conv: Conversation, sender: Peer, active: bool) -> None:
        role = sender.role
        if role is None:
            return
        frame = TypingNotice(conversation_id=conv.id, role=role, active=active)
        for peer in self.floor.peers_of(conv):
            if peer is not sender and peer.subscribed and peer.role is not role:
                peer.push(frame)

    def fan_out(self, conv: Conversation, event: Event) -> None:
        self._fan_out(conv, event)

    def _fan_out(self, conv: Conversation, event: Event) -> None:
        frame: str | None = None  # encoded once for all its readers, on first need
        for peer in self.floor.peers_of(conv):
            if peer.subscribed:
                frame = frame or encode(event)
                peer.push_text(frame)

    # ------------------------------------------------------------ access

    def conversation_for(self, peer: Peer, conversation_id: str, *, write: bool) -> Conversation | None:
        """The conversation if this peer may see (or write to) it, else None.

        Unknown and forbidden ids look the same, so ids cannot be probed.
        """
        conv = self.floor.open.get(conversation_id) or self.store.get(conversation_id)
        if conv is None:
            return None
        if peer.customer is not None:
            return conv if conv.customer_id == peer.customer.id else None
        if peer.user is None:
            return None
        if conv.agent == peer.user.username:
            return conv
        if write:
            return None
        if peer.user.role in (Role.LEAD, Role.ADMIN):
            return conv
        return conv if self.store.was_participant(conv.id, peer.user.username) else None
