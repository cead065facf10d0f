"""Every frame of the protocol, as msgspec Structs in two tagged unions.

A frame is one JSON object whose ``type`` field names the message. Client
requests carry an ``id`` chosen by the client; the server echoes it as ``ref``
in the reply (``ok``, ``error``, ``ack`` or a typed result) so replies can be
matched to requests without ordering assumptions.
"""

from __future__ import annotations

import enum
from typing import Annotated, Literal

import msgspec

from agent_desk.protocol.errors import ErrorCode
from agent_desk.protocol.limits import (
    MAX_ARTICLE_CHARS,
    MAX_ID_CHARS,
    MAX_NAME_CHARS,
    MAX_PASSWORD_CHARS,
    MAX_PHRASE_BATCH,
    MAX_PHRASE_CHARS,
    MAX_RESUME_CONVERSATIONS,
    MAX_TEXT_CHARS,
    Limits,
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


# Satisfaction scale, worst first; the index + 1 is the wire value of a rating
# read from the customer's side (5 = 很满意 ... 1 = 很不满).
RATING_LABELS_ZH = ("很不满", "不满", "一般", "满意", "很满意")
RATING_LABELS_EN = ("Very dissatisfied", "Dissatisfied", "Neutral", "Satisfied", "Very satisfied")


class _Client(msgspec.Struct, tag_field="type", forbid_unknown_fields=False, kw_only=True):
    """Base of every client-to-server frame."""


class _Request(_Client, kw_only=True):
    id: RequestId


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


# ---------------------------------------------------------------- quick replies

PhraseScope = Literal["team", "personal"]
PhraseText = Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_PHRASE_CHARS)]
PhraseCode = Annotated[str, msgspec.Meta(min_length=1, max_length=16, pattern=r"^[A-Za-z0-9_\-]+$")]
GroupName = Annotated[str, msgspec.Meta(min_length=1, max_length=32)]
PhraseId = Annotated[int, msgspec.Meta(ge=1, le=2**53)]


class PhraseDraft(msgspec.Struct, kw_only=True):
    """A phrase as written by its author; the server checks it with domain.phrases."""

    group: GroupName
    text: PhraseText
    code: PhraseCode | None = None
    text_en: PhraseText | None = None
    """The English version, sent to customers who chat in English."""


class ListPhrases(_Request, tag="list_phrases"):
    """Team and personal phrases, the caller's pins and greeting. Reply: ``phrase_list``."""


class SavePhrase(_Request, tag="save_phrase"):
    """Create (no ``phrase_id``) or edit a phrase. Team phrases: leads and admins only."""

    scope: PhraseScope
    phrase: PhraseDraft
    phrase_id: PhraseId | None = None


class DeletePhrase(_Request, tag="delete_phrase"):
    phrase_id: PhraseId


class ReorderPhrases(_Request, tag="reorder_phrases"):
    """Put a group's phrases in this order (all of the group's ids, each once)."""

    scope: PhraseScope
    group: GroupName
    phrase_ids: Annotated[list[PhraseId], msgspec.Meta(max_length=MAX_PHRASE_BATCH)]


class ImportPhrases(_Request, tag="import_phrases"):
    """Add many phrases at once: all of them, or none if any is refused."""

    scope: PhraseScope
    phrases: Annotated[list[PhraseDraft], msgspec.Meta(min_length=1, max_length=MAX_PHRASE_BATCH)]


class SetPins(_Request, tag="set_pins"):
    """The caller's pinned phrases (Alt+1..9, in order) and one-key greeting."""

    phrase_ids: Annotated[list[PhraseId], msgspec.Meta(max_length=9)]
    greeting_id: PhraseId | None = None


# ---------------------------------------------------------------- knowledge

ArticleId = Annotated[int, msgspec.Meta(ge=1, le=2**53)]


class SearchKnowledge(_Request, tag="kb_search"):
    """Full-text search (Chinese and English). ``suggest`` ranks articles for a
    customer's message rather than matching the whole phrase."""

    query: Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_TEXT_CHARS)]
    mode: Literal["search", "suggest"] = "search"
    limit: Annotated[int, msgspec.Meta(ge=1, le=50)] = 8


class GetArticle(_Request, tag="kb_get"):
    article_id: ArticleId


class ArticleDraft(msgspec.Struct, kw_only=True):
    title: Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
    body: Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_ARTICLE_CHARS)]
    category: Annotated[str, msgspec.Meta(min_length=1, max_length=32)]
    tags: Annotated[list[Annotated[str, msgspec.Meta(min_length=1, max_length=32)]], msgspec.Meta(max_length=12)] = []
    lang: Literal["zh", "en"] = "zh"


class SaveArticle(_Request, tag="kb_save"):
    """Create (no ``article_id``) or edit an article. Leads and admins only."""

    article: ArticleDraft
    article_id: ArticleId | None = None


class DeleteArticle(_Request, tag="kb_delete"):
    article_id: ArticleId


ClientMessage = (
    Hello
    | Login
    | Logout
    | CustomerJoin
    | OpenChat
    | Send
    | Resume
    | Typing
    | SetStatus
    | SetCapacity
    | CloseChat
    | Rate
    | Ping
    | ListChats
    | FetchEvents
    | ListPhrases
    | SavePhrase
    | DeletePhrase
    | ReorderPhrases
    | ImportPhrases
    | SetPins
    | SearchKnowledge
    | GetArticle
    | SaveArticle
    | DeleteArticle
)


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


class _Server(msgspec.Struct, tag_field="type", kw_only=True, omit_defaults=True):
    """Base of every server-to-client frame."""


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
    detail: dict[str, str] = {}


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


class PhraseInfo(msgspec.Struct, kw_only=True):
    phrase_id: int
    scope: PhraseScope
    group: str
    text: str
    position: int
    """Order within its group, from 0."""
    updated_at: float
    code: str | None = None
    text_en: str | None = None
    owner: str | None = None
    """The agent a personal phrase belongs to; None for team phrases."""


class PhraseList(_Server, tag="phrase_list"):
    ref: str
    phrases: list[PhraseInfo]
    pins: list[int] = []
    greeting_id: int | None = None
    shop_name: str = ""


class PhraseSaved(_Server, tag="phrase_saved"):
    ref: str
    phrase: PhraseInfo


class PhrasesImported(_Server, tag="phrases_imported"):
    ref: str
    count: int


class PhrasesChanged(_Server, tag="phrases_changed"):
    """Phrases of this scope changed (by a lead, or by you on another desk): list them again."""

    scope: PhraseScope


class ArticleHit(msgspec.Struct, kw_only=True):
    article_id: int
    title: str
    snippet: str
    """A short extract with each hit wrapped in 【 and 】."""
    category: str
    tags: list[str] = []
    lang: str = "zh"


class KnowledgeResults(_Server, tag="kb_results"):
    ref: str
    query: str
    hits: list[ArticleHit]


class ArticleInfo(msgspec.Struct, kw_only=True):
    article_id: int
    title: str
    body: str
    category: str
    tags: list[str]
    lang: str
    updated_at: float


class ArticleReply(_Server, tag="kb_article"):
    ref: str
    article: ArticleInfo


class KnowledgeChanged(_Server, tag="kb_changed"):
    article_id: int
    action: Literal["saved", "deleted"]


ServerMessage = (
    Welcome
    | LoginOk
    | CustomerJoined
    | ChatOpened
    | Ok
    | Error
    | Ack
    | Event
    | ChatAssigned
    | ChatRemoved
    | QueuePosition
    | TypingNotice
    | StatusChanged
    | Resumed
    | Pong
    | ChatList
    | EventsPage
    | PhraseList
    | PhraseSaved
    | PhrasesImported
    | PhrasesChanged
    | KnowledgeResults
    | ArticleReply
    | KnowledgeChanged
)

CLIENT_TYPES: frozenset[str] = frozenset(t.__struct_config__.tag for t in ClientMessage.__args__)
SERVER_TYPES: frozenset[str] = frozenset(t.__struct_config__.tag for t in ServerMessage.__args__)
