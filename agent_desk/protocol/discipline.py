"""Response discipline: team settings, the agent's own figures, and escalation (转接)."""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec

from agent_desk.protocol.base import ConversationId, _Request, _Server

Seconds = Annotated[float, msgspec.Meta(ge=1, le=3600)]
Ratio = Annotated[float, msgspec.Meta(ge=0.1, le=10)]
ReasonCode = Annotated[str, msgspec.Meta(min_length=1, max_length=32, pattern=r"^[a-z0-9_]+$")]
Note = Annotated[str, msgspec.Meta(max_length=500)]

DEFAULT_ESCALATION_REASONS = ["product_expert", "after_sales", "complaint", "technical", "other"]


class RubricItemSpec(msgspec.Struct, kw_only=True):
    """One item of the QC rubric: points deducted from a base of 100, up to a maximum."""

    code: ReasonCode
    name_zh: Annotated[str, msgspec.Meta(min_length=1, max_length=32)]
    name_en: Annotated[str, msgspec.Meta(min_length=1, max_length=64)]
    max_deduction: Annotated[int, msgspec.Meta(ge=1, le=100)]


DEFAULT_RUBRIC_SPEC = [
    ("attitude", "服务态度", "Attitude", 30),
    ("speed", "响应速度", "Speed", 30),
    ("phrasing", "用语规范", "Standard phrasing", 20),
    ("accuracy", "业务准确性", "Accuracy", 40),
]


def _default_rubric() -> list[RubricItemSpec]:
    return [RubricItemSpec(code=c, name_zh=z, name_en=e, max_deduction=m) for c, z, e, m in DEFAULT_RUBRIC_SPEC]


class TeamSettings(msgspec.Struct, kw_only=True):
    """Team-wide rules, set by leads and admins on the server."""

    first_response_seconds: Seconds = 5.0
    next_response_seconds: Seconds = 30.0
    automatic_stops_clock: bool = False
    """Whether an automatic message (the overflow assistant) stops a response clock."""
    ratio_target: Ratio = 1.2
    ratio_low: Ratio = 1.0
    ratio_high: Ratio = 1.5
    escalation_reasons: Annotated[list[ReasonCode], msgspec.Meta(min_length=1, max_length=20)] = msgspec.field(
        default_factory=lambda: list(DEFAULT_ESCALATION_REASONS)
    )
    shop_name: Annotated[str, msgspec.Meta(max_length=64)] = ""
    show_observed: bool = True
    """Whether an agent sees that a lead is watching their chat."""
    qc_sample_share: Annotated[float, msgspec.Meta(ge=0, le=1)] = 0.1
    """Share of each agent's closed chats queued for QC each day."""
    cq_busy: Ratio = 0.8
    """Crisis quotient from which the floor is busy..."""
    cq_overload: Ratio = 1.0
    """...and above which it is overloaded."""
    overflow_assistant: bool = False
    """Human first: the assistant answers only when every agent is full and a customer has waited."""
    overflow_after_seconds: Seconds = 60.0
    qc_rubric: Annotated[list[RubricItemSpec], msgspec.Meta(min_length=1, max_length=20)] = msgspec.field(
        default_factory=_default_rubric
    )
    """The QC rubric leads score with (and trainers, in practice)."""


class GetSettings(_Request, tag="get_settings"):
    """Reply: ``settings``."""


class SaveSettings(_Request, tag="save_settings"):
    """Leads and admins. Every desk then gets ``settings_changed``."""

    settings: TeamSettings


class MyStats(_Request, tag="my_stats"):
    """The caller's own figures since ``since`` (default: the start of today, server time)."""

    since: float | None = None


class Escalate(_Request, tag="escalate"):
    """Hand the chat to the specialist team. Only the agent who holds it."""

    conversation_id: ConversationId
    reason: ReasonCode
    note: Note = ""


class CancelEscalation(_Request, tag="cancel_escalation"):
    """Take an escalation back while no specialist has taken it."""

    conversation_id: ConversationId


class SendBack(_Request, tag="send_back"):
    """A specialist returns the chat to the agent who escalated it."""

    conversation_id: ConversationId
    note: Annotated[str, msgspec.Meta(min_length=1, max_length=500)]


EscalationStatusName = Literal["waiting", "taken", "resolved", "cancelled", "returned"]


class EscalationInfo(msgspec.Struct, kw_only=True):
    """What staff see of an escalation. Never sent to the customer."""

    escalation_id: int
    reason: str
    status: EscalationStatusName
    from_agent: str
    summary: str
    note: str = ""
    specialist: str | None = None
    specialist_name: str | None = None
    return_note: str = ""
    position: int = 0
    """Place in the specialist queue while waiting (1 = next); 0 otherwise."""


class SettingsReply(_Server, tag="settings"):
    ref: str
    settings: TeamSettings


class SettingsChanged(_Server, tag="settings_changed"):
    settings: TeamSettings


class AgentStats(_Server, tag="agent_stats"):
    """The caller's figures; averages are None until there is something to average."""

    ref: str
    since: float
    chats: int
    first_responses: int
    first_response_average: float | None = None
    first_response_within_target: float | None = None
    """Share (0..1) of first responses within the team's target."""
    response_average: float | None = None
    rounds: int = 0
    agent_messages: int = 0
    customer_messages: int = 0
    ratio: float | None = None
    transferred_out: int = 0
    transferred_in: int = 0


class EscalationUpdate(_Server, tag="escalation_update"):
    """An escalation moved: sent to the escalating agent and to the specialist holding it."""

    conversation_id: str
    escalation: EscalationInfo
