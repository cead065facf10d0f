"""The team lead's floor: live spot-checks, whispers, QC scoring with appeals,
and the dashboard (queue, crisis quotient, today's KPIs)."""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec

from agent_desk.protocol.base import ChatText, ConversationId, Name, _Request, _Server
from agent_desk.protocol.practice import Comment, Deduction, ItemCode

ScoreId = Annotated[int, msgspec.Meta(ge=1, le=2**53)]
Flag = Literal["late_first_response", "ratio_out_of_band", "long_chat", "low_rating", "escalated"]
CqLevel = Literal["normal", "busy", "overload"]


# ---------------------------------------------------------------- client -> server


class ListLiveChats(_Request, tag="list_live_chats"):
    """Every live chat on the floor with its figures and flags. Leads and admins."""


class WatchChat(_Request, tag="watch_chat"):
    """Watch a live chat read-only: reply ``watching`` then its history and live events."""

    conversation_id: ConversationId


class UnwatchChat(_Request, tag="unwatch_chat"):
    conversation_id: ConversationId


class Whisper(_Request, tag="whisper"):
    """A private note to the agent holding the chat; the customer never sees it."""

    conversation_id: ConversationId
    text: ChatText


class QcQueue(_Request, tag="qc_queue"):
    """Today's sample of closed chats waiting for a QC score."""


class ScoreChat(_Request, tag="score_chat"):
    """Score a closed chat with the team's QC rubric (replaces an earlier score)."""

    conversation_id: ConversationId
    deductions: Annotated[dict[ItemCode, Deduction], msgspec.Meta(max_length=20)]
    comments: Comment = ""


class ListQcScores(_Request, tag="list_qc_scores"):
    """QC history: an agent's own (agent None), or any agent's for leads and admins."""

    agent: Name | None = None


class Appeal(_Request, tag="appeal"):
    """The agent disputes a score, once, with a reason."""

    score_id: ScoreId
    reason: Annotated[str, msgspec.Meta(min_length=1, max_length=1000)]


class ResolveAppeal(_Request, tag="resolve_appeal"):
    """A lead upholds the score or revises it (new deductions replace the old)."""

    score_id: ScoreId
    accept: bool
    note: Annotated[str, msgspec.Meta(max_length=1000)] = ""
    deductions: Annotated[dict[ItemCode, Deduction], msgspec.Meta(max_length=20)] | None = None


class FloorStatus(_Request, tag="floor_status"):
    """The dashboard: live figures, today's KPIs per agent, recent history. Leads and admins."""


# ---------------------------------------------------------------- server -> client


class LiveChat(msgspec.Struct, kw_only=True):
    conversation_id: str
    customer_name: str
    state: str
    agent: str | None = None
    agent_name: str | None = None
    created_at: float = 0.0
    assigned_at: float | None = None
    waiting_since: float | None = None
    """Start of the customer's unanswered round, if any."""
    first_response: float | None = None
    customer_messages: int = 0
    agent_messages: int = 0
    ratio: float | None = None
    escalation: str | None = None
    """The open escalation's status, if any."""
    flags: list[Flag] = msgspec.field(default_factory=list)
    watched: bool = False


class LiveChats(_Server, tag="live_chats"):
    ref: str
    chats: list[LiveChat]
    now: float


class Watching(_Server, tag="watching"):
    """The watched chat's summary; its history follows as events, then live events."""

    ref: str
    conversation: LiveChat
    last_seq: int


class WhisperNote(_Server, tag="whisper_note"):
    """To the agent only."""

    conversation_id: str
    from_lead: str
    from_name: str
    text: str
    ts: float


class ObservedChanged(_Server, tag="observed_changed"):
    """To the agent when a lead starts or stops watching (if the team shows it)."""

    conversation_id: str
    observed: bool


class Measured(msgspec.Struct, kw_only=True):
    """What the system measured for a chat, pre-filled on the QC sheet."""

    first_response: float | None = None
    response_average: float | None = None
    rounds: int = 0
    ratio: float | None = None
    escalations: int = 0
    rating: int | None = None


class QcItem(msgspec.Struct, kw_only=True):
    conversation_id: str
    agent: str
    agent_name: str
    customer_name: str
    closed_at: float
    measured: Measured
    suggested: dict[str, int] = msgspec.field(default_factory=dict)
    """Suggested deductions from the measures (speed); the lead may change them."""


class QcQueueReply(_Server, tag="qc_queue_reply"):
    ref: str
    items: list[QcItem]
    share: float


class QcScoreInfo(msgspec.Struct, kw_only=True):
    score_id: int
    conversation_id: str
    agent: str
    lead: str
    total: int
    deductions: dict[str, int]
    comments: str
    measured: Measured
    scored_at: float
    appeal: Literal["none", "open", "upheld", "revised"] = "none"
    appeal_reason: str = ""
    resolution_note: str = ""


class QcScores(_Server, tag="qc_scores"):
    ref: str
    scores: list[QcScoreInfo]


class QcScoreChanged(_Server, tag="qc_score_changed"):
    """Pushed to the agent (scored, appeal resolved) and to leads (appeal opened)."""

    score: QcScoreInfo


class LiveFigures(msgspec.Struct, kw_only=True):
    agents_online: int
    available: int
    away: int
    paused: int
    chats_active: int
    queue_length: int
    longest_wait: float
    capacity: int
    """Sum of the online agents' chat limits."""
    cq: float
    """Crisis quotient: (waiting + active) / capacity; 0 with no capacity and no work."""
    cq_level: CqLevel


class AgentKpi(msgspec.Struct, kw_only=True):
    agent: str
    name: str
    chats: int
    online_hours: float
    cph: float | None = None
    first_response_average: float | None = None
    first_response_within_target: float | None = None
    response_average: float | None = None
    ratio: float | None = None
    satisfaction_rate: float | None = None
    dissatisfaction_rate: float | None = None
    participation_rate: float | None = None
    transferred_out: int = 0


class TodayFigures(msgspec.Struct, kw_only=True):
    since: float
    first_response_average: float | None = None
    first_response_within_target: float | None = None
    response_average: float | None = None
    ratio: float | None = None
    satisfaction_rate: float | None = None
    dissatisfaction_rate: float | None = None
    participation_rate: float | None = None
    escalations: int = 0
    chats_closed: int = 0
    first_response_histogram: list[int] = msgspec.field(default_factory=list)
    """Counts of first responses per bucket: 0-5 s, 5-10, 10-20, 20-30, 30-60, 60+."""
    agents: list[AgentKpi] = msgspec.field(default_factory=list)


class FloorSample(msgspec.Struct, kw_only=True):
    ts: float
    queue_length: int
    cq: float


class FloorReport(_Server, tag="floor_report"):
    ref: str
    live: LiveFigures
    today: TodayFigures
    history: list[FloorSample]


class FloorAlert(_Server, tag="floor_alert"):
    """To leads and admins when the crisis quotient rises into a higher level."""

    level: CqLevel
    cq: float
    live: LiveFigures
