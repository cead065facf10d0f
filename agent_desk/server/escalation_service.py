"""Escalation (转接): a chat goes from an agent to the specialist team and back.

The agent's seat is freed at once, the customer gets a holding message and a
place in the specialist queue, and the agent keeps watching the chat
read-only, with its status, until the escalation ends.
"""

from __future__ import annotations

from agent_desk.domain.escalation import EscalationStatus, Said, check_reason, summarize
from agent_desk.protocol.codec import ProtocolError
from agent_desk.protocol.errors import ErrorCode
from agent_desk.protocol.messages import (
    ChatRemoved,
    ChatState,
    ConversationInfo,
    EscalationInfo,
    EscalationUpdate,
    EventKind,
    QueuePosition,
    Role,
)
from agent_desk.server.accounts import User
from agent_desk.server.conversations import SYSTEM, Author, Conversation
from agent_desk.server.escalations import Escalation, Escalations
from agent_desk.server.floor import Seat
from agent_desk.server.peers import Peer
from agent_desk.server.service import ChatService
from agent_desk.server.team_settings import TeamSettingsStore

HOLDING = {
    "zh": "亲,您的问题需要专业的同事来处理,已为您转接专家团队,请稍候~",
    "en": "Your question needs a specialist: we have passed your chat to our specialist team. Please hold on.",
}


def fail(code: ErrorCode, message: str) -> ProtocolError:
    return ProtocolError(code, message)


class EscalationService:
    """Also the chat service's hooks: assignments, closes and queue moves report here."""

    def __init__(self, chats: ChatService, store: Escalations, settings: TeamSettingsStore) -> None:
        self.chats = chats
        self.store = store
        self.settings = settings
        chats.hooks = self

    def restore(self) -> None:
        """After a restart, agents with an open escalation watch their chat again."""
        for escalation in self.store.open_ones():
            self.chats.floor.watch(escalation.conversation_id, escalation.from_agent)

    # ------------------------------------------------------------ requests

    def escalate(self, user: User, conv: Conversation, reason: str, note: str) -> None:
        if conv.agent != user.username or conv.state is not ChatState.ASSIGNED:
            raise fail(ErrorCode.INVALID_STATE, "only the agent holding a chat can escalate it")
        if conv.practice_room is not None:
            raise fail(ErrorCode.INVALID_STATE, "a practice chat never goes to the specialists")
        try:
            check_reason(reason, self.settings.get().escalation_reasons)
        except ValueError as exc:
            raise fail(ErrorCode.BAD_FRAME, str(exc)) from None
        if self.store.current(conv.id) is not None:
            raise fail(ErrorCode.INVALID_STATE, "this chat is already escalated")
        escalation = self.store.create(conv.id, user.username, reason, note.strip(), self._summary(conv, reason, note))
        self._free_seat(user.username, conv)
        self.chats.floor.watch(conv.id, user.username)
        event = self.chats.store.set_queue(conv, "specialists", EventKind.ESCALATED, {"queue": "specialists"})
        self.chats.floor.open[conv.id] = conv
        self.chats.fan_out(conv, event)
        holding = HOLDING.get(conv.customer_lang, HOLDING["zh"])
        self.chats.post_message(conv, SYSTEM, holding, f"holding-{escalation.id}", automatic=True)
        self._push(escalation, conv)
        self.chats.assign_waiting()

    def cancel(self, user: User, conv: Conversation) -> None:
        escalation = self.store.current(conv.id)
        if escalation is None or escalation.from_agent != user.username:
            raise fail(ErrorCode.NOT_FOUND, "no open escalation of yours for this chat")
        if escalation.status is not EscalationStatus.WAITING:
            raise fail(ErrorCode.INVALID_STATE, "a specialist has already taken this chat")
        # Status first, then the chat itself: the agent's desk learns why the chat comes back.
        self.store.update(escalation, EscalationStatus.CANCELLED)
        self._push(escalation, conv)
        self._back_to_agent(conv, escalation, EventKind.ESCALATION_CANCELLED)
        self.chats.assign_waiting()

    def send_back(self, user: User, conv: Conversation, note: str) -> None:
        escalation = self.store.current(conv.id)
        if escalation is None or conv.agent != user.username:
            raise fail(ErrorCode.NOT_FOUND, "no escalated chat of yours with this id")
        self._free_seat(user.username, conv)
        for peer in self._peers(user.username):
            peer.push(ChatRemoved(conversation_id=conv.id, reason="sent_back"))
        self.store.update(escalation, EscalationStatus.RETURNED, return_note=note.strip())
        self._push(escalation, conv)
        self._back_to_agent(conv, escalation, EventKind.SENT_BACK)
        self.chats.assign_waiting()

    # ------------------------------------------------------------ hooks

    def assigned(self, conv: Conversation, seat: Seat) -> None:
        escalation = self.store.current(conv.id)
        if escalation is not None and conv.queue == "specialists":
            self.store.update(escalation, EscalationStatus.TAKEN, specialist=seat.username)
            self._push(escalation, conv)

    def closed(self, conv: Conversation) -> None:
        escalation = self.store.current(conv.id)
        if escalation is not None:
            self.store.update(escalation, EscalationStatus.RESOLVED)
            self._push(escalation, conv)
            self.chats.floor.unwatch(conv.id, escalation.from_agent)

    def requeued(self, conv: Conversation) -> None:
        escalation = self.store.current(conv.id)
        if escalation is not None and escalation.status is EscalationStatus.TAKEN:
            self.store.update(escalation, EscalationStatus.WAITING)
            self._push(escalation, conv)

    def position_changed(self, conv: Conversation, position: int) -> None:
        escalation = self.store.current(conv.id)
        if escalation is not None and escalation.status is EscalationStatus.WAITING:
            self._push(escalation, conv, position)

    def info(self, conv: Conversation) -> ConversationInfo:
        info = conv.info()
        escalation = self.store.latest(conv.id)
        if escalation is not None:
            info.escalation = self._describe(escalation, conv)
        return info

    # ------------------------------------------------------------ helpers

    def _summary(self, conv: Conversation, reason: str, note: str) -> str:
        said = [
            Said(e.author_role is Role.CUSTOMER, e.text or "")
            for e in self.chats.store.events_after(conv.id, 0)
            if e.kind is EventKind.MESSAGE and e.author_role is not None
        ]
        return summarize(reason, note, said)

    def _free_seat(self, username: str, conv: Conversation) -> None:
        seat = self.chats.floor.seats.get(username)
        if seat is not None:
            seat.active.discard(conv.id)
            self.chats.push_status(seat)

    def _back_to_agent(self, conv: Conversation, escalation: Escalation, kind: EventKind) -> None:
        agent = self.chats.accounts.get(escalation.from_agent)
        author = Author(Role.AGENT, agent.display_name if agent else escalation.from_agent, escalation.from_agent)
        event = self.chats.store.hand_back(conv, author, kind, {})
        self.chats.floor.open[conv.id] = conv
        self.chats.floor.unwatch(conv.id, escalation.from_agent)
        self.chats.floor.queue_positions_sent.pop(conv.id, None)
        seat = self.chats.floor.seats.get(escalation.from_agent)
        if seat is not None:
            seat.active.add(conv.id)
            self.chats.push_status(seat)
            for peer in seat.peers:
                if peer.subscribed:
                    self.chats.send_full_chat(peer, conv)
        # The agent got the event with the full chat above; the customer gets it here.
        for peer in self.chats.floor.customer_peers.get(conv.customer_id, ()):
            if peer.subscribed:
                peer.push(QueuePosition(conversation_id=conv.id, position=0))
                peer.push(event)

    def _describe(self, escalation: Escalation, conv: Conversation, position: int = 0) -> EscalationInfo:
        name = None
        if escalation.specialist:
            specialist = self.chats.accounts.get(escalation.specialist)
            name = specialist.display_name if specialist else escalation.specialist
        if not position and escalation.status is EscalationStatus.WAITING:
            position = self.chats.queue_position(conv) or 0
        return escalation.info(name, position)

    def _push(self, escalation: Escalation, conv: Conversation, position: int = 0) -> None:
        frame = EscalationUpdate(conversation_id=conv.id, escalation=self._describe(escalation, conv, position))
        for username in {escalation.from_agent, escalation.specialist}:
            for peer in self._peers(username):
                peer.push(frame)

    def _peers(self, username: str | None) -> list[Peer]:
        seat = self.chats.floor.seats.get(username) if username else None
        return list(seat.peers) if seat else []
