"""Shared pieces of every frame: field types, enums and the frame base classes."""

from __future__ import annotations

import enum
from typing import Annotated

import msgspec

from agent_desk.protocol.limits import (
    MAX_ID_CHARS,
    MAX_NAME_CHARS,
    MAX_TEXT_CHARS,
)

RequestId = Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_ID_CHARS)]
ConversationId = Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_ID_CHARS)]
ClientMsgId = Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_ID_CHARS)]
Name = Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_NAME_CHARS)]
ChatText = Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_TEXT_CHARS)]
Seq = Annotated[int, msgspec.Meta(ge=0, le=2**53)]
Rating = Annotated[int, msgspec.Meta(ge=1, le=5)]
ChatLimit = Annotated[int, msgspec.Meta(ge=0, le=50)]


class Role(enum.StrEnum):
    """Who a participant is. Customers are anonymous visitors, the rest are staff."""

    AGENT = "agent"
    SPECIALIST = "specialist"
    TRAINER = "trainer"
    TRAINEE = "trainee"
    LEAD = "lead"
    ADMIN = "admin"
    CUSTOMER = "customer"


STAFF_ROLES = frozenset(r for r in Role if r is not Role.CUSTOMER)
CHAT_HANDLING_ROLES = frozenset({Role.AGENT, Role.SPECIALIST, Role.TRAINEE})


class AgentStatus(enum.StrEnum):
    AVAILABLE = "available"
    AWAY = "away"
    PAUSED = "paused"


class ChatState(enum.StrEnum):
    QUEUED = "queued"
    ASSIGNED = "assigned"
    CLOSED = "closed"


class EventKind(enum.StrEnum):
    """What a sequenced conversation event records."""

    QUEUED = "queued"
    ASSIGNED = "assigned"
    MESSAGE = "message"
    REQUEUED = "requeued"
    CLOSED = "closed"
    RATED = "rated"
    ESCALATED = "escalated"
    """The chat went to the specialist queue (details stay with staff: see EscalationInfo)."""
    ESCALATION_CANCELLED = "escalation_cancelled"
    """The agent took the chat back before a specialist did."""
    SENT_BACK = "sent_back"
    """A specialist returned the chat to the agent."""


# Satisfaction scale, worst first; the index + 1 is the wire value of a rating
# read from the customer's side (5 = 很满意 ... 1 = 很不满).
RATING_LABELS_ZH = ("很不满", "不满", "一般", "满意", "很满意")
RATING_LABELS_EN = ("Very dissatisfied", "Dissatisfied", "Neutral", "Satisfied", "Very satisfied")


class _Client(msgspec.Struct, tag_field="type", forbid_unknown_fields=False, kw_only=True):
    """Base of every client-to-server frame."""


class _Request(_Client, kw_only=True):
    id: RequestId


class _Server(msgspec.Struct, tag_field="type", kw_only=True, omit_defaults=True):
    """Base of every server-to-client frame."""
