"""Every frame of the protocol, as msgspec Structs in two tagged unions.

A frame is one JSON object whose ``type`` field names the message. Client
requests carry an ``id`` chosen by the client; the server echoes it as ``ref``
in the reply (``ok``, ``error``, ``ack`` or a typed result) so replies can be
matched to requests without ordering assumptions.

The frames live in topic modules (base, chat, content, discipline); this
module gathers them into the unions the codec decodes, and re-exports them.
"""

from __future__ import annotations

from agent_desk.protocol.base import (
    CHAT_HANDLING_ROLES,
    RATING_LABELS_EN,
    RATING_LABELS_ZH,
    STAFF_ROLES,
    AgentStatus,
    ChatLimit,
    ChatState,
    ChatText,
    ClientMsgId,
    ConversationId,
    EventKind,
    Name,
    Rating,
    RequestId,
    Role,
    Seq,
)
from agent_desk.protocol.chat import (
    Ack,
    ChatAssigned,
    ChatList,
    ChatOpened,
    ChatRemoved,
    CloseChat,
    ConversationInfo,
    CustomerJoin,
    CustomerJoined,
    Error,
    Event,
    EventsPage,
    FetchEvents,
    Hello,
    ListChats,
    Login,
    LoginOk,
    Logout,
    Ok,
    OpenChat,
    Ping,
    Pong,
    QueuePosition,
    Rate,
    Resume,
    Resumed,
    Send,
    SetCapacity,
    SetStatus,
    StatusChanged,
    Typing,
    TypingNotice,
    UserInfo,
    Welcome,
)
from agent_desk.protocol.content import (
    ArticleDraft,
    ArticleHit,
    ArticleId,
    ArticleInfo,
    ArticleReply,
    DeleteArticle,
    DeletePhrase,
    GetArticle,
    GroupName,
    ImportPhrases,
    KnowledgeChanged,
    KnowledgeResults,
    ListPhrases,
    PhraseCode,
    PhraseDraft,
    PhraseId,
    PhraseInfo,
    PhraseList,
    PhraseSaved,
    PhrasesChanged,
    PhraseScope,
    PhrasesImported,
    PhraseText,
    ReorderPhrases,
    SaveArticle,
    SavePhrase,
    SearchKnowledge,
    SetPins,
)
from agent_desk.protocol.discipline import (
    DEFAULT_ESCALATION_REASONS,
    DEFAULT_RUBRIC_SPEC,
    AgentStats,
    CancelEscalation,
    Escalate,
    EscalationInfo,
    EscalationStatusName,
    EscalationUpdate,
    GetSettings,
    MyStats,
    Note,
    Ratio,
    ReasonCode,
    RubricItemSpec,
    SaveSettings,
    Seconds,
    SendBack,
    SettingsChanged,
    SettingsReply,
    TeamSettings,
)
from agent_desk.protocol.floor import (
    AgentKpi,
    Appeal,
    CqLevel,
    Flag,
    FloorAlert,
    FloorReport,
    FloorSample,
    FloorStatus,
    ListLiveChats,
    ListQcScores,
    LiveChat,
    LiveChats,
    LiveFigures,
    Measured,
    ObservedChanged,
    QcItem,
    QcQueue,
    QcQueueReply,
    QcScoreChanged,
    QcScoreInfo,
    QcScores,
    ResolveAppeal,
    ScoreChat,
    ScoreId,
    TodayFigures,
    UnwatchChat,
    WatchChat,
    Watching,
    Whisper,
    WhisperNote,
)
from agent_desk.protocol.practice import (
    ClosePractice,
    Comment,
    Deduction,
    DeleteScenario,
    ItemCode,
    ListPracticeResults,
    ListScenarios,
    ListTrainees,
    OpenPractice,
    PracticeInfo,
    PracticeMember,
    PracticeOpened,
    PracticeResult,
    PracticeResultInfo,
    PracticeResults,
    PracticeRoomInfo,
    PracticeSay,
    PracticeStep,
    PracticeStepped,
    RoomId,
    SaveScenario,
    ScenarioDraft,
    ScenarioId,
    ScenarioInfo,
    ScenarioLine,
    ScenarioList,
    ScenarioSaved,
    ScorePractice,
    TraineeInfo,
    TraineeList,
    Trainees,
)

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
    | GetSettings
    | SaveSettings
    | MyStats
    | Escalate
    | CancelEscalation
    | SendBack
    | ListScenarios
    | SaveScenario
    | DeleteScenario
    | ListTrainees
    | OpenPractice
    | PracticeSay
    | PracticeStep
    | ClosePractice
    | ScorePractice
    | ListPracticeResults
    | ListLiveChats
    | WatchChat
    | UnwatchChat
    | Whisper
    | QcQueue
    | ScoreChat
    | ListQcScores
    | Appeal
    | ResolveAppeal
    | FloorStatus
)


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
    | SettingsReply
    | SettingsChanged
    | AgentStats
    | EscalationUpdate
    | ScenarioList
    | ScenarioSaved
    | TraineeList
    | PracticeOpened
    | PracticeStepped
    | PracticeResult
    | PracticeResults
    | LiveChats
    | Watching
    | WhisperNote
    | ObservedChanged
    | QcQueueReply
    | QcScores
    | QcScoreChanged
    | FloorReport
    | FloorAlert
)

CLIENT_TYPES: frozenset[str] = frozenset(t.__struct_config__.tag for t in ClientMessage.__args__)
SERVER_TYPES: frozenset[str] = frozenset(t.__struct_config__.tag for t in ServerMessage.__args__)


__all__ = [
    "CHAT_HANDLING_ROLES",
    "CLIENT_TYPES",
    "DEFAULT_ESCALATION_REASONS",
    "DEFAULT_RUBRIC_SPEC",
    "RATING_LABELS_EN",
    "RATING_LABELS_ZH",
    "SERVER_TYPES",
    "STAFF_ROLES",
    "Ack",
    "AgentKpi",
    "AgentStats",
    "AgentStatus",
    "Appeal",
    "ArticleDraft",
    "ArticleHit",
    "ArticleId",
    "ArticleInfo",
    "ArticleReply",
    "CancelEscalation",
    "ChatAssigned",
    "ChatLimit",
    "ChatList",
    "ChatOpened",
    "ChatRemoved",
    "ChatState",
    "ChatText",
    "ClientMessage",
    "ClientMsgId",
    "CloseChat",
    "ClosePractice",
    "Comment",
    "ConversationId",
    "ConversationInfo",
    "CqLevel",
    "CustomerJoin",
    "CustomerJoined",
    "Deduction",
    "DeleteArticle",
    "DeletePhrase",
    "DeleteScenario",
    "Error",
    "Escalate",
    "EscalationInfo",
    "EscalationStatusName",
    "EscalationUpdate",
    "Event",
    "EventKind",
    "EventsPage",
    "FetchEvents",
    "Flag",
    "FloorAlert",
    "FloorReport",
    "FloorSample",
    "FloorStatus",
    "GetArticle",
    "GetSettings",
    "GroupName",
    "Hello",
    "ImportPhrases",
    "ItemCode",
    "KnowledgeChanged",
    "KnowledgeResults",
    "ListChats",
    "ListLiveChats",
    "ListPhrases",
    "ListPracticeResults",
    "ListQcScores",
    "ListScenarios",
    "ListTrainees",
    "LiveChat",
    "LiveChats",
    "LiveFigures",
    "Login",
    "LoginOk",
    "Logout",
    "Measured",
    "MyStats",
    "Name",
    "Note",
    "ObservedChanged",
    "Ok",
    "OpenChat",
    "OpenPractice",
    "PhraseCode",
    "PhraseDraft",
    "PhraseId",
    "PhraseInfo",
    "PhraseList",
    "PhraseSaved",
    "PhraseScope",
    "PhraseText",
    "PhrasesChanged",
    "PhrasesImported",
    "Ping",
    "Pong",
    "PracticeInfo",
    "PracticeMember",
    "PracticeOpened",
    "PracticeResult",
    "PracticeResultInfo",
    "PracticeResults",
    "PracticeRoomInfo",
    "PracticeSay",
    "PracticeStep",
    "PracticeStepped",
    "QcItem",
    "QcQueue",
    "QcQueueReply",
    "QcScoreChanged",
    "QcScoreInfo",
    "QcScores",
    "QueuePosition",
    "Rate",
    "Rating",
    "Ratio",
    "ReasonCode",
    "ReorderPhrases",
    "RequestId",
    "ResolveAppeal",
    "Resume",
    "Resumed",
    "Role",
    "RoomId",
    "RubricItemSpec",
    "SaveArticle",
    "SavePhrase",
    "SaveScenario",
    "SaveSettings",
    "ScenarioDraft",
    "ScenarioId",
    "ScenarioInfo",
    "ScenarioLine",
    "ScenarioList",
    "ScenarioSaved",
    "ScoreChat",
    "ScoreId",
    "ScorePractice",
    "SearchKnowledge",
    "Seconds",
    "Send",
    "SendBack",
    "Seq",
    "ServerMessage",
    "SetCapacity",
    "SetPins",
    "SetStatus",
    "SettingsChanged",
    "SettingsReply",
    "StatusChanged",
    "TeamSettings",
    "TodayFigures",
    "TraineeInfo",
    "TraineeList",
    "Trainees",
    "Typing",
    "TypingNotice",
    "UnwatchChat",
    "UserInfo",
    "WatchChat",
    "Watching",
    "Welcome",
    "Whisper",
    "WhisperNote",
]
