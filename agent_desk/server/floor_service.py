"""The team lead's floor: live chats with their flags, watching a chat, whispers, and QC.

A lead watches a chat read-only: they join the chat's watchers on the live
floor (so its events and typing reach them) without holding it, and the
agent may be told (team setting ``show_observed``). Lead watchers are kept
apart from the floor's other watchers (an agent whose escalation is open, a
trainer), because only theirs shows as "observed". A lead stops watching
with ``unwatch_chat``, when their last connection drops, or when the chat
closes (noticed on the next floor operation).

QC (质检) samples each agent's chats closed today, pre-fills the score
sheet with what the server measured, and carries a score through the
agent's appeal to the lead's decision.
"""

from __future__ import annotations

import time

from agent_desk.domain.qc import RubricItem, ScoreError, suggested_speed_deduction, total
from agent_desk.domain.response import RatioBand, RatioHint, qa_ratio, ratio_hint
from agent_desk.protocol.codec import ProtocolError
from agent_desk.protocol.errors import ErrorCode
from agent_desk.protocol.messages import (
    ChatState,
    Event,
    Flag,
    LiveChat,
    Measured,
    ObservedChanged,
    QcItem,
    QcScoreChanged,
    QcScoreInfo,
    Role,
    TeamSettings,
    WhisperNote,
)
from agent_desk.server.accounts import User
from agent_desk.server.conversations import Conversation
from agent_desk.server.escalations import Escalations
from agent_desk.server.floor_store import FloorStore, LiveExtras
from agent_desk.server.peers import Peer
from agent_desk.server.qc import QcScore, QcStore, sample
from agent_desk.server.response_metrics import ResponseMetrics
from agent_desk.server.service import ChatService
from agent_desk.server.team_settings import TeamSettingsStore

SUPERVISORS = frozenset({Role.LEAD, Role.ADMIN})
LONG_CHAT_SECONDS = 20 * 60.0
"""A chat open longer than this is flagged ``long_chat``."""
LOW_RATING = 2
"""A customer whose previous chat was rated this or lower is flagged ``low_rating``."""


def fail(code: ErrorCode, message: str) -> ProtocolError:
    return ProtocolError(code, message)


def flags_for(
    conv: Conversation, now: float, settings: TeamSettings, previous_rating: int | None, escalated: bool
) -> list[Flag]:
    """What a lead should look at in a live chat, by the team's rules and the server's clock."""
    flags: list[Flag] = []
    target = settings.first_response_seconds
    if conv.first_response is not None:
        late = conv.first_response > target
    else:
        late = conv.first_pending and conv.open_round_at is not None and now - conv.open_round_at > target
    if late:
        flags.append("late_first_response")
    band = RatioBand(settings.ratio_target, settings.ratio_low, settings.ratio_high)
    if ratio_hint(conv.agent_messages, conv.customer_messages, band) is not RatioHint.NONE:
        flags.append("ratio_out_of_band")
    if now - conv.created_at > LONG_CHAT_SECONDS:
        flags.append("long_chat")
    if previous_rating is not None and previous_rating <= LOW_RATING:
        flags.append("low_rating")
    if escalated:
        flags.append("escalated")
    return flags


class FloorService:
    def __init__(
        self, chats: ChatService, store: FloorStore, escalations: Escalations, settings: TeamSettingsStore
    ) -> None:
        self.chats = chats
        self.store = store
        self.escalations = escalations
        self.settings = settings
        self.lead_watchers: dict[str, set[str]] = {}
        """Conversation id -> the leads and admins watching it."""
        chats.on_presence.append(self._presence)

    # ------------------------------------------------------------ live chats

    def live_chats(self) -> tuple[list[LiveChat], float]:
        """Every open real chat, oldest first (ties in the order they opened), at the server's now."""
        self._prune()
        now = self.chats.clock.now()
        settings = self.settings.get()
        extras = self.store.live_extras()
        escalations = {e.conversation_id: e.status.value for e in self.escalations.open_ones()}
        names: dict[str, str] = {}
        live = sorted(
            (c for c in self.chats.floor.open.values() if c.practice_room is None), key=lambda c: c.created_at
        )
        chats = [self._describe(c, now, settings, extras.get(c.id), escalations.get(c.id), names) for c in live]
        return chats, now

    def describe(self, conv: Conversation) -> LiveChat:
        current = self.escalations.current(conv.id)
        return self._describe(
            conv,
            self.chats.clock.now(),
            self.settings.get(),
            self.store.live_extras(conv.id).get(conv.id),
            current.status.value if current else None,
            {},
        )

    def _describe(
        self,
        conv: Conversation,
        now: float,
        settings: TeamSettings,
        extras: LiveExtras | None,
        escalation: str | None,
        names: dict[str, str],
    ) -> LiveChat:
        previous = extras.previous_rating if extras else None
        return LiveChat(
            conversation_id=conv.id,
            customer_name=conv.customer_name,
            state=conv.state.value,
            agent=conv.agent,
            agent_name=self._name(conv.agent, names) if conv.agent else None,
            created_at=conv.created_at,
            assigned_at=extras.assigned_at if extras else None,
            waiting_since=conv.open_round_at,
            first_response=conv.first_response,
            customer_messages=conv.customer_messages,
            agent_messages=conv.agent_messages,
            ratio=qa_ratio(conv.agent_messages, conv.customer_messages),
            escalation=escalation,
            flags=flags_for(conv, now, settings, previous, escalation is not None),
            watched=bool(self.lead_watchers.get(conv.id)),
        )

    def _name(self, username: str, names: dict[str, str]) -> str:
        if username not in names:
            user = self.chats.accounts.get(username)
            names[username] = user.display_name if user else username
        return names[username]

    # ------------------------------------------------------------ watching

    def watch(self, lead: User, conversation_id: str) -> tuple[Conversation, list[Event]]:
        """Start watching; returns the chat and its history (send both before anything else)."""
        self._prune()
        conv = self._live(conversation_id)
        leads = self.lead_watchers.setdefault(conv.id, set())
        first = not leads
        leads.add(lead.username)
        self.chats.floor.watch(conv.id, lead.username)
        if first:
            self._observed(conv, True)
        return conv, self.chats.store.events_after(conv.id, 0)

    def unwatch(self, lead: User, conversation_id: str) -> None:
        """Stop watching; asking about a chat one does not watch changes nothing."""
        self._stop_watching(conversation_id, lead.username)
        self._prune()

    def _presence(self, username: str, online: bool) -> None:
        """A lead whose last connection closed stops watching everything."""
        if online:
            return
        for conversation_id in [c for c, leads in self.lead_watchers.items() if username in leads]:
            self._stop_watching(conversation_id, username)

    def _stop_watching(self, conversation_id: str, username: str) -> None:
        leads = self.lead_watchers.get(conversation_id)
        if not leads or username not in leads:
            return
        leads.discard(username)
        self.chats.floor.unwatch(conversation_id, username)
        if not leads:
            del self.lead_watchers[conversation_id]
            conv = self.chats.floor.open.get(conversation_id)
            if conv is not None:
                self._observed(conv, False)

    def _prune(self) -> None:
        """Forget watches of chats that have closed since."""
        for conversation_id in [c for c in self.lead_watchers if c not in self.chats.floor.open]:
            for username in self.lead_watchers.pop(conversation_id):
                self.chats.floor.unwatch(conversation_id, username)

    def _observed(self, conv: Conversation, observed: bool) -> None:
        if conv.agent is None or not self.settings.get().show_observed:
            return
        frame = ObservedChanged(conversation_id=conv.id, observed=observed)
        for peer in peers_of_user(self.chats, conv.agent):
            peer.push(frame)

    # ------------------------------------------------------------ whispers

    def whisper(self, lead: User, conversation_id: str, text: str) -> None:
        """A note to the agent holding the chat, on their connections only: never an event."""
        if not text.strip():
            raise fail(ErrorCode.BAD_FRAME, "a whisper needs some text")
        conv = self._live(conversation_id)
        if conv.state is not ChatState.ASSIGNED or conv.agent is None:
            raise fail(ErrorCode.INVALID_STATE, "nobody holds this chat yet: whisper once it is assigned")
        ts = self.store.add_whisper(conv.id, lead.username, text)
        frame = WhisperNote(
            conversation_id=conv.id, from_lead=lead.username, from_name=lead.display_name, text=text, ts=ts
        )
        for peer in peers_of_user(self.chats, conv.agent):
            peer.push(frame)

    def _live(self, conversation_id: str) -> Conversation:
        conv = self.chats.floor.open.get(conversation_id)
        if conv is None or conv.practice_room is not None:
            raise fail(ErrorCode.NOT_FOUND, "no live chat with this id")
        return conv


class QcService:
    def __init__(
        self, chats: ChatService, store: QcStore, metrics: ResponseMetrics, settings: TeamSettingsStore
    ) -> None:
        self.chats = chats
        self.store = store
        self.metrics = metrics
        self.settings = settings

    def queue(self) -> tuple[list[QcItem], float]:
        """Today's sample (server clock, local day) that nobody has scored yet."""
        share = self.settings.get().qc_sample_share
        start = self.metrics.start_of_today()
        day = time.strftime("%Y-%m-%d", time.localtime(start))
        picked = sample(self.store.closed_since(start), share, day)
        scored = self.store.scored(c.id for c in picked)
        items = [self._item(chat.id) for chat in picked if chat.id not in scored]
        return [item for item in items if item is not None], share

    def _item(self, conversation_id: str) -> QcItem | None:
        conv = self.chats.store.get(conversation_id)
        if conv is None or conv.agent is None or conv.closed_at is None:
            return None
        measured = self.measure(conv)
        settings = self.settings.get()
        speed = suggested_speed_deduction(
            measured.first_response,
            measured.response_average,
            settings.first_response_seconds,
            settings.next_response_seconds,
        )
        agent = self.chats.accounts.get(conv.agent)
        return QcItem(
            conversation_id=conv.id,
            agent=conv.agent,
            agent_name=agent.display_name if agent else conv.agent,
            customer_name=conv.customer_name,
            closed_at=conv.closed_at,
            measured=measured,
            suggested={"speed": speed},
        )

    def measure(self, conv: Conversation) -> Measured:
        first, average, ratio = self.metrics.conversation_figures(conv)
        rounds, escalations = self.store.counts(conv.id)
        return Measured(
            first_response=first,
            response_average=average,
            rounds=rounds,
            ratio=ratio,
            escalations=escalations,
            rating=conv.rating,
        )

    # ------------------------------------------------------------ scores

    def score(self, lead: User, conversation_id: str, deductions: dict[str, int], comments: str) -> QcScoreInfo:
        conv = self.chats.store.get(conversation_id)
        if conv is None or conv.practice_room is not None:
            raise fail(ErrorCode.NOT_FOUND, "no such conversation")
        if conv.state is not ChatState.CLOSED:
            raise fail(ErrorCode.INVALID_STATE, "a chat is scored after it closes")
        if conv.agent is None:
            raise fail(ErrorCode.INVALID_STATE, "nobody answered this chat: there is no one to score")
        points = _total(deductions, self.settings.rubric())
        score = self.store.save(
            conv.id, conv.agent, lead.username, deductions, points, comments.strip(), self.measure(conv)
        )
        self._tell_agent(score)
        return score.info()

    def scores(self, user: User, agent: str | None) -> list[QcScoreInfo]:
        """Leads and admins read anyone's (everyone's for no name); others only their own."""
        supervisor = user.role in SUPERVISORS
        if agent is None:
            agent = None if supervisor else user.username
        elif agent != user.username and not supervisor:
            raise fail(ErrorCode.NOT_FOUND, "you may read only your own QC scores")
        return [score.info() for score in self.store.scores(agent)]

    def appeal(self, user: User, score_id: int, reason: str) -> None:
        score = self.store.get(score_id)
        if score is None or score.agent != user.username:
            raise fail(ErrorCode.NOT_FOUND, "no score of yours with this id")
        if score.appeal != "none":
            raise fail(ErrorCode.INVALID_STATE, "this score was already appealed")
        if not reason.strip():
            raise fail(ErrorCode.BAD_FRAME, "an appeal needs a reason")
        self.store.open_appeal(score, reason.strip())
        frame = QcScoreChanged(score=score.info())
        for seat in self.chats.floor.seats.values():
            for peer in seat.peers:
                if peer.user is not None and peer.user.role in SUPERVISORS:
                    peer.push(frame)

    def resolve(self, score_id: int, accept: bool, note: str, deductions: dict[str, int] | None) -> None:
        score = self.store.get(score_id)
        if score is None:
            raise fail(ErrorCode.NOT_FOUND, "no score with this id")
        if score.appeal != "open":
            raise fail(ErrorCode.INVALID_STATE, "this score has no open appeal")
        if accept and deductions is not None:
            raise fail(ErrorCode.BAD_FRAME, "upholding keeps the deductions: send none, or accept false to revise")
        if not accept and deductions is None:
            raise fail(ErrorCode.BAD_FRAME, "revising a score needs its new deductions")
        revised = None if deductions is None else (deductions, _total(deductions, self.settings.rubric()))
        self.store.resolve(score, note.strip(), revised)
        self._tell_agent(score)

    def _tell_agent(self, score: QcScore) -> None:
        frame = QcScoreChanged(score=score.info())
        for peer in peers_of_user(self.chats, score.agent):
            peer.push(frame)


def _total(deductions: dict[str, int], rubric: tuple[RubricItem, ...]) -> int:
    try:
        return total(deductions, rubric)
    except ScoreError as exc:
        raise fail(ErrorCode.BAD_FRAME, str(exc)) from None


def peers_of_user(chats: ChatService, username: str) -> list[Peer]:
    seat = chats.floor.seats.get(username)
    return list(seat.peers) if seat else []
