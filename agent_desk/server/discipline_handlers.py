"""Handlers for team settings, an agent's own figures, and escalation."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import msgspec

from agent_desk.protocol.codec import ProtocolError
from agent_desk.protocol.errors import ErrorCode
from agent_desk.protocol.messages import (
    AgentStats,
    CancelEscalation,
    Escalate,
    GetSettings,
    MyStats,
    Ok,
    Role,
    SaveSettings,
    SendBack,
    SettingsChanged,
    SettingsReply,
)
from agent_desk.server.authz import require_role, staff
from agent_desk.server.conversations import Conversation
from agent_desk.server.escalation_service import EscalationService
from agent_desk.server.peers import Peer
from agent_desk.server.response_metrics import ResponseMetrics
from agent_desk.server.team_settings import TeamSettingsStore

Handler = Callable[[Peer, Any], Awaitable[msgspec.Struct | None]]
SETTINGS_EDITORS = frozenset({Role.LEAD, Role.ADMIN})
ESCALATING_ROLES = frozenset({Role.AGENT, Role.TRAINEE})


class DisciplineHandlers:
    def __init__(self, settings: TeamSettingsStore, metrics: ResponseMetrics, escalations: EscalationService) -> None:
        self.settings = settings
        self.metrics = metrics
        self.escalations = escalations
        self.table: dict[type[msgspec.Struct], Handler] = {
            GetSettings: self.get_settings,
            SaveSettings: self.save_settings,
            MyStats: self.my_stats,
            Escalate: self.escalate,
            CancelEscalation: self.cancel_escalation,
            SendBack: self.send_back,
        }

    async def get_settings(self, peer: Peer, msg: GetSettings) -> SettingsReply:
        staff(peer)
        return SettingsReply(ref=msg.id, settings=self.settings.get())

    async def save_settings(self, peer: Peer, msg: SaveSettings) -> Ok:
        require_role(peer, SETTINGS_EDITORS)
        try:
            saved = self.settings.save(msg.settings)
        except ValueError as exc:
            raise ProtocolError(ErrorCode.BAD_FRAME, str(exc)) from None
        frame = SettingsChanged(settings=saved)
        for seat in self.escalations.chats.floor.seats.values():
            for staff_peer in seat.peers:
                staff_peer.push(frame)
        return Ok(ref=msg.id)

    async def my_stats(self, peer: Peer, msg: MyStats) -> AgentStats:
        user = staff(peer)
        return self.metrics.agent_stats(msg.id, user.username, msg.since)

    async def escalate(self, peer: Peer, msg: Escalate) -> Ok:
        user = require_role(peer, ESCALATING_ROLES)
        self.escalations.escalate(user, self._conversation(peer, msg.conversation_id), msg.reason, msg.note)
        return Ok(ref=msg.id)

    async def cancel_escalation(self, peer: Peer, msg: CancelEscalation) -> Ok:
        user = require_role(peer, ESCALATING_ROLES)
        self.escalations.cancel(user, self._conversation(peer, msg.conversation_id))
        return Ok(ref=msg.id)

    async def send_back(self, peer: Peer, msg: SendBack) -> Ok:
        user = require_role(peer, frozenset({Role.SPECIALIST}))
        self.escalations.send_back(user, self._conversation(peer, msg.conversation_id), msg.note)
        return Ok(ref=msg.id)

    def _conversation(self, peer: Peer, conversation_id: str) -> Conversation:
        conv = self.escalations.chats.conversation_for(peer, conversation_id, write=False)
        if conv is None:
            raise ProtocolError(ErrorCode.NOT_FOUND, "no such conversation")
        return conv
