"""The core chat frames: handshake, accounts, messages, routing, history."""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec

from agent_desk.protocol.base import (
    AgentStatus,
    ChatLimit,
    ChatState,
    ChatText,
    ClientMsgId,
    ConversationId,
    EventKind,
    Name,
    Rating,
    Role,
    Seq,
    _Client,
    _Request,
    _Server,
)
from agent_desk.protocol.discipline import EscalationInfo
from agent_desk.protocol.errors import ErrorCode
from agent_desk.protocol.limits import (
    MAX_ID_CHARS,
    MAX_NAME_CHARS,
    MAX_PASSWORD_CHARS,
    MAX_RESUME_CONVERSATIONS,
    Limits,
)
from agent_desk.protocol.practice import PracticeInfo

# ---------------------------------------------------------------- client -> server


class Hello(_Request, tag="hello"):
    """First frame on every connection: agree a protocol version.

    Staff present their session token in the handshake's ``Authorization:
    Bearer`` header; browsers cannot set headers, so a returning customer
    sends the customer token here instead (never in the URL).
    """

    versions: Annotated[list[Annotated[int, msgspec.Meta(ge=1, le=1000)]], msgspec.Meta(min_length=1, max_length=16)]
    client: Annotated[str, msgspec.Meta(max_length=MAX_NAME_CHARS)] = ""
    customer_token: Annotated[str, msgspec.Meta(max_length=128)] | None = None


class Login(_Request, tag="login"):
    username: Name
    password: Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_PASSWORD_CHARS)]


class Logout(_Request, tag="logout"):
    pass


class CustomerJoin(_Request, tag="customer_join"):
    """An anonymous visitor gives a display name and opens a chat."""

    display_name: Name
    lang: Literal["zh", "en"] = "zh"
    join_key: Annotated[str, msgspec.Meta(min_length=16, max_length=MAX_ID_CHARS)] | None = None
    """A random key the client picks once per join, so a join retried after a
    dropped reply returns the same customer and chat instead of a second one."""


class OpenChat(_Request, tag="open_chat"):
    """A joined customer opens a new chat after the previous one closed."""


class Send(_Request, tag="send"):
    conversation_id: ConversationId
    client_msg_id: ClientMsgId
    text: ChatText


class Resume(_Request, tag="resume"):
    """Replay every event after the given per-conversation positions."""

    positions: Annotated[dict[ConversationId, Seq], msgspec.Meta(max_length=MAX_RESUME_CONVERSATIONS)]


class Typing(_Client, tag="typing"):
    conversation_id: ConversationId
    active: bool


class SetStatus(_Request, tag="set_status"):
    status: AgentStatus
    max_chats: ChatLimit | None = None
    """The agent's own lower limit; never above the limit an admin set."""


class SetCapacity(_Request, tag="set_capacity"):
    """Admin: set an account's concurrent-chat limit."""

    username: Name
    max_chats: ChatLimit


class CloseChat(_Request, tag="close_chat"):
    """Close a chat. Staff must give a wrap-up code; a customer just leaves."""

    conversation_id: ConversationId
    wrap_up: Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_NAME_CHARS)] | None = None


class Rate(_Request, tag="rate"):
    conversation_id: ConversationId
    rating: Rating


class Ping(_Request, tag="ping"):
    pass


class ListChats(_Request, tag="list_chats"):
    """Past chats: the caller's own closed chats, or one customer's chats.

    ``scope="customer"`` is for the agent who holds a chat with that customer
    (the side panel's context), and for leads and admins.
    """

    scope: Literal["mine_closed", "customer"]
    customer_id: Annotated[str, msgspec.Meta(max_length=MAX_ID_CHARS)] | None = None
    limit: Annotated[int, msgspec.Meta(ge=1, le=200)] = 50


class FetchEvents(_Request, tag="fetch_events"):
    """A page of a conversation's events, newest first from ``before_seq``.

    Returned in ascending order. Used to read a closed chat and to page old
    history in as the agent scrolls up.
    """

    conversation_id: ConversationId
    before_seq: Seq | None = None
    limit: Annotated[int, msgspec.Meta(ge=1, le=500)] = 200


# ---------------------------------------------------------------- server -> client


class UserInfo(msgspec.Struct, kw_only=True):
    username: str
    display_name: str
    role: Role
    max_chats: int


class ConversationInfo(msgspec.Struct, kw_only=True):
    conversation_id: str
    customer_id: str
    customer_name: str
    state: ChatState
    created_at: float
    agent_username: str | None = None
    last_seq: int = 0
    closed_at: float | None = None
    wrap_up: str | None = None
    rating: int | None = None
    customer_lang: str = "zh"
    """The language the customer chats in: quick replies use their English version for "en"."""
    escalation: EscalationInfo | None = None
    """Set while (and after) the chat went to the specialist team; staff only."""
    practice: PracticeInfo | None = None
    """Set for a practice chat (对聊): never a real customer."""


class Welcome(_Server, tag="welcome"):
    ref: str
    version: int
    server_time: float
    limits: Limits
    user: UserInfo | None = None
    customer_id: str | None = None
    customer_name: str | None = None


class LoginOk(_Server, tag="login_ok"):
    ref: str
    token: str
    expires_at: float
    user: UserInfo


class CustomerJoined(_Server, tag="customer_joined"):
    ref: str
    customer_id: str
    customer_token: str
    conversation_id: str


class ChatOpened(_Server, tag="chat_opened"):
    ref: str
    conversation_id: str


class Ok(_Server, tag="ok"):
    ref: str


class Error(_Server, tag="error"):
    code: ErrorCode
    message: str
    ref: str | None = None
    retry_after: float | None = None
    """Seconds to wait before trying again, when the code says when (``login_throttled``, ``rate_limited``)."""


class Ack(_Server, tag="ack"):
    """The message is committed to storage; ``seq`` is its place in the conversation."""

    ref: str
    conversation_id: str
    client_msg_id: str
    seq: int
    ts: float
    duplicate: bool = False


class Event(_Server, tag="event"):
    """One sequenced conversation event. Seq numbers are gapless per conversation."""

    conversation_id: str
    seq: int
    ts: float
    kind: EventKind
    author_role: Role | None = None
    author_name: str | None = None
    text: str | None = None
    client_msg_id: str | None = None
    detail: dict[str, str] = msgspec.field(default_factory=dict)


class ChatAssigned(_Server, tag="chat_assigned"):
    """A conversation is now this agent's. Its full history follows as events."""

    conversation: ConversationInfo


class ChatRemoved(_Server, tag="chat_removed"):
    """A conversation is no longer this agent's (e.g. requeued after a long drop)."""

    conversation_id: str
    reason: str


class QueuePosition(_Server, tag="queue_position"):
    conversation_id: str
    position: int
    """1 is next in line; 0 means no longer queued."""


class TypingNotice(_Server, tag="typing_notice"):
    conversation_id: str
    role: Role
    active: bool


class StatusChanged(_Server, tag="status_changed"):
    status: AgentStatus
    max_chats: int
    active_chats: int


class Resumed(_Server, tag="resumed"):
    ref: str
    replayed: int


class Pong(_Server, tag="pong"):
    ref: str
    server_time: float


class ChatList(_Server, tag="chat_list"):
    ref: str
    chats: list[ConversationInfo]


class EventsPage(_Server, tag="events_page"):
    ref: str
    conversation_id: str
    events: list[Event]
    more_before: bool = False
    """True when older events exist before the first one in this page."""
