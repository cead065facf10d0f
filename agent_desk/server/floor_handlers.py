"""Handlers for the team lead's floor: live chats, watching, whispers, QC scores and appeals."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import msgspec

from agent_desk.protocol.messages import (
    Appeal,
    ListLiveChats,
    ListQcScores,
    LiveChats,
    Ok,
    QcQueue,
    QcQueueReply,
    QcScores,
    ResolveAppeal,
    ScoreChat,
    UnwatchChat,
    WatchChat,
    Watching,
    Whisper,
)
from agent_desk.server.accounts import User
from agent_desk.server.authz import require_role, staff
from agent_desk.server.floor_service import SUPERVISORS, FloorService, QcService
from agent_desk.server.peers import Peer

Handler = Callable[[Peer, Any], Awaitable[msgspec.Struct | None]]


def _lead(peer: Peer, doing: str) -> User:
    return require_role(peer, SUPERVISORS, doing)


class FloorHandlers:
    def __init__(self, floor: FloorService, qc: QcService) -> None:
        self.floor = floor
        self.qc = qc
        self.table: dict[type[msgspec.Struct], Handler] = {
            ListLiveChats: self.list_live_chats,
            WatchChat: self.watch_chat,
            UnwatchChat: self.unwatch_chat,
            Whisper: self.whisper,
            QcQueue: self.qc_queue,
            ScoreChat: self.score_chat,
            ListQcScores: self.list_qc_scores,
            Appeal: self.appeal,
            ResolveAppeal: self.resolve_appeal,
        }

    async def list_live_chats(self, peer: Peer, msg: ListLiveChats) -> LiveChats:
        _lead(peer, "watch the floor")
        chats, now = self.floor.live_chats()
        return LiveChats(ref=msg.id, chats=chats, now=now)

    async def watch_chat(self, peer: Peer, msg: WatchChat) -> None:
        """Reply first, then the history, with no await between: no live event can fall in between."""
        user = _lead(peer, "watch a chat")
        conv, history = self.floor.watch(user, msg.conversation_id)
        peer.push(Watching(ref=msg.id, conversation=self.floor.describe(conv), last_seq=conv.last_seq))
        for event in history:
            peer.push(event)

    async def unwatch_chat(self, peer: Peer, msg: UnwatchChat) -> Ok:
        self.floor.unwatch(_lead(peer, "watch a chat"), msg.conversation_id)
        return Ok(ref=msg.id)

    async def whisper(self, peer: Peer, msg: Whisper) -> Ok:
        self.floor.whisper(_lead(peer, "whisper"), msg.conversation_id, msg.text)
        return Ok(ref=msg.id)

    async def qc_queue(self, peer: Peer, msg: QcQueue) -> QcQueueReply:
        _lead(peer, "read the QC queue")
        items, share = self.qc.queue()
        return QcQueueReply(ref=msg.id, items=items, share=share)

    async def score_chat(self, peer: Peer, msg: ScoreChat) -> Ok:
        self.qc.score(_lead(peer, "score chats"), msg.conversation_id, msg.deductions, msg.comments)
        return Ok(ref=msg.id)

    async def list_qc_scores(self, peer: Peer, msg: ListQcScores) -> QcScores:
        return QcScores(ref=msg.id, scores=self.qc.scores(staff(peer), msg.agent))

    async def appeal(self, peer: Peer, msg: Appeal) -> Ok:
        self.qc.appeal(staff(peer), msg.score_id, msg.reason)
        return Ok(ref=msg.id)

    async def resolve_appeal(self, peer: Peer, msg: ResolveAppeal) -> Ok:
        _lead(peer, "resolve appeals")
        self.qc.resolve(msg.score_id, msg.accept, msg.note, msg.deductions)
        return Ok(ref=msg.id)
