"""The wire protocol: a sample of every message type, and each round trips.

Bad frames and properties: test_protocol_validation.py; docs/protocol.md: test_protocol_doc.py.
"""

from __future__ import annotations

import json
from typing import Any

import msgspec
import pytest

from agent_desk.protocol import ErrorCode, ProtocolError, decode_client, decode_server, encode
from agent_desk.protocol.limits import (
    Limits,
)
from agent_desk.protocol.messages import (
    CLIENT_TYPES,
    SERVER_TYPES,
    Ack,
    AgentKpi,
    AgentStats,
    AgentStatus,
    Appeal,
    ArticleDraft,
    ArticleHit,
    ArticleInfo,
    ArticleReply,
    CancelEscalation,
    ChatAssigned,
    ChatList,
    ChatOpened,
    ChatRemoved,
    ChatState,
    CloseChat,
    ClosePractice,
    ConversationInfo,
    CustomerJoin,
    CustomerJoined,
    DeleteArticle,
    DeletePhrase,
    DeleteScenario,
    Error,
    Escalate,
    EscalationInfo,
    EscalationUpdate,
    Event,
    EventKind,
    EventsPage,
    FetchEvents,
    FloorAlert,
    FloorReport,
    FloorSample,
    FloorStatus,
    GetArticle,
    GetSettings,
    Hello,
    ImportPhrases,
    KnowledgeChanged,
    KnowledgeResults,
    ListChats,
    ListLiveChats,
    ListPhrases,
    ListPracticeResults,
    ListQcScores,
    ListScenarios,
    ListTrainees,
    LiveChat,
    LiveChats,
    LiveFigures,
    Login,
    LoginOk,
    Logout,
    Measured,
    MyStats,
    ObservedChanged,
    Ok,
    OpenChat,
    OpenPractice,
    PhraseDraft,
    PhraseInfo,
    PhraseList,
    PhraseSaved,
    PhrasesChanged,
    PhrasesImported,
    Ping,
    Pong,
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
    QcItem,
    QcQueue,
    QcQueueReply,
    QcScoreChanged,
    QcScoreInfo,
    QcScores,
    QueuePosition,
    Rate,
    ReorderPhrases,
    ResolveAppeal,
    Resume,
    Resumed,
    Role,
    SaveArticle,
    SavePhrase,
    SaveScenario,
    SaveSettings,
    ScenarioDraft,
    ScenarioInfo,
    ScenarioLine,
    ScenarioList,
    ScenarioSaved,
    ScoreChat,
    ScorePractice,
    SearchKnowledge,
    Send,
    SendBack,
    SetCapacity,
    SetPins,
    SetStatus,
    SettingsChanged,
    SettingsReply,
    StatusChanged,
    TeamSettings,
    TodayFigures,
    TraineeInfo,
    TraineeList,
    Typing,
    TypingNotice,
    UnwatchChat,
    UserInfo,
    WatchChat,
    Watching,
    Welcome,
    Whisper,
    WhisperNote,
)

CID = "c_7f3a9e21"
USER = UserInfo(username="li.na", display_name="李娜", role=Role.AGENT, max_chats=4)
PHRASE_DRAFT = PhraseDraft(group="物流", code="wl", text="亲,{customer_name},48小时内发货哦", text_en="Ships in 48 h.")
PHRASE = PhraseInfo(
    phrase_id=1, scope="team", group="物流", text="亲,48小时内发货哦", position=0, updated_at=1.5, code="wl"
)
ARTICLE_DRAFT = ArticleDraft(
    title="七天无理由退货", body="签收后7天内可申请退货。", category="售后", tags=["退货", "运费险"]
)
TEAM_SETTINGS = TeamSettings(
    first_response_seconds=10.0,
    next_response_seconds=45.0,
    automatic_stops_clock=True,
    ratio_target=1.2,
    ratio_low=0.9,
    ratio_high=1.6,
    escalation_reasons=["after_sales", "invoice", "other"],
    shop_name="衣橱与数码旗舰店",
)
ESCALATION = EscalationInfo(
    escalation_id=7,
    reason="after_sales",
    status="waiting",
    from_agent="li.na",
    summary="Reason: after_sales\nCustomer asked: 羽绒服掉毛能退吗?\nAgent did: (no reply yet)\nNote: 已超七天",
    note="已超七天",
    position=2,
)
SCENARIO_LINE = ScenarioLine(text="在吗?173穿L还是XL", key_points=["按体重推荐XL", "问版型偏好"])
SCENARIO_DRAFT = ScenarioDraft(title="尺码咨询", customer_name="阿杰", lines=[SCENARIO_LINE])
SCENARIO = ScenarioInfo(
    scenario_id=3, title="尺码咨询", lang="zh", customer_name="阿杰", lines=[SCENARIO_LINE], updated_at=1.5
)
LIVE_CHAT = LiveChat(
    conversation_id=CID,
    customer_name="王小明",
    state="assigned",
    agent="li.na",
    agent_name="李娜",
    created_at=1750311700.02,
    assigned_at=1750311700.05,
    waiting_since=1750313001.4,
    first_response=8.2,
    customer_messages=6,
    agent_messages=4,
    ratio=0.667,
    flags=["late_first_response", "ratio_out_of_band", "long_chat", "low_rating"],
    watched=True,
)
MEASURED = Measured(first_response=8.2, response_average=21.5, rounds=5, ratio=0.833, rating=2)
QC_SCORE = QcScoreInfo(
    score_id=41,
    conversation_id=CID,
    agent="li.na",
    lead="zhou.min",
    total=89,
    deductions={"phrasing": 2, "speed": 9},
    comments="首响8秒,超出5秒目标",
    measured=MEASURED,
    scored_at=1750314000.5,
    appeal="open",
    appeal_reason="客户进线后网络断开",
)
LIVE_FIGURES = LiveFigures(
    agents_online=12,
    available=10,
    away=1,
    paused=1,
    chats_active=38,
    queue_length=5,
    longest_wait=42.5,
    capacity=48,
    cq=0.896,
    cq_level="busy",
)
PRACTICE_RESULT = PracticeResultInfo(
    room_id=12,
    trainee="zhao.lei",
    trainer="chen",
    title="周三尺码练习",
    total=92,
    deductions={"speed": 5, "phrasing": 3},
    comments="首响偏慢",
    scored_at=1750313400.8,
    first_response=7.2,
    ratio=1.25,
)


def _tag(message: msgspec.Struct) -> str:
    return str(message.__struct_config__.tag)


def _frame(**fields: Any) -> str:
    return json.dumps(fields, ensure_ascii=False)


def _decode_error(frame: str | bytes) -> ProtocolError:
    with pytest.raises(ProtocolError) as caught:
        decode_client(frame)
    return caught.value


# ---------------------------------------------------------------- round trips

CLIENT_SAMPLES: list[msgspec.Struct] = [
    Hello(id="1", versions=[1], client="agent-desk/0.1"),
    Hello(id="1", versions=[1, 2], customer_token="ct_Xr2Jp9LqW3vNs8TbY6mKd4Hf"),
    Login(id="2", username="li.na", password="密码 with spaces"),
    Logout(id="3"),
    CustomerJoin(id="4", display_name="王小明"),
    CustomerJoin(id="4", display_name="Alice", lang="en"),
    OpenChat(id="5"),
    Send(id="6", conversation_id=CID, client_msg_id="m-1", text='亲,您好!在的哦!\n😀 "quoted"'),
    Resume(id="7", positions={}),
    Resume(id="7", positions={CID: 0, "c_0b44d1c8": 2**53}),
    Typing(conversation_id=CID, active=True),
    SetStatus(id="8", status=AgentStatus.PAUSED),
    SetStatus(id="8", status=AgentStatus.AVAILABLE, max_chats=0),
    SetCapacity(id="9", username="zhang.wei", max_chats=50),
    CloseChat(id="10", conversation_id=CID, wrap_up="物流查询"),
    CloseChat(id="10", conversation_id=CID),
    Rate(id="11", conversation_id=CID, rating=1),
    Ping(id="12"),
    ListChats(id="13", scope="customer", customer_id="cus_1", limit=10),
    FetchEvents(id="14", conversation_id=CID, before_seq=50, limit=100),
    ListPhrases(id="15"),
    SavePhrase(id="16", scope="team", phrase=PHRASE_DRAFT),
    SavePhrase(id="16", scope="personal", phrase=PhraseDraft(group="我的", text="稍等"), phrase_id=17),
    DeletePhrase(id="17", phrase_id=17),
    ReorderPhrases(id="18", scope="team", group="物流", phrase_ids=[3, 1, 2]),
    ImportPhrases(id="19", scope="personal", phrases=[PHRASE_DRAFT, PhraseDraft(group="我的", text="好的")]),
    SetPins(id="20", phrase_ids=[3, 17], greeting_id=1),
    SetPins(id="20", phrase_ids=[]),
    SearchKnowledge(id="21", query="退货 运费险"),
    SearchKnowledge(id="21", query="这件衣服M码还有货吗?什么时候发货", mode="suggest", limit=3),
    GetArticle(id="22", article_id=4),
    SaveArticle(id="23", article=ARTICLE_DRAFT),
    SaveArticle(
        id="23", article=ArticleDraft(title="Returns", body="Within 7 days.", category="售后", lang="en"), article_id=4
    ),
    DeleteArticle(id="24", article_id=4),
    GetSettings(id="25"),
    SaveSettings(id="26", settings=TEAM_SETTINGS),
    SaveSettings(id="26", settings=TeamSettings()),
    MyStats(id="27"),
    MyStats(id="27", since=1750262400.0),
    Escalate(id="28", conversation_id=CID, reason="after_sales", note="订单 2025061812345,羽绒服洗后掉毛"),
    Escalate(id="28", conversation_id=CID, reason="product_expert"),
    CancelEscalation(id="29", conversation_id=CID),
    SendBack(id="30", conversation_id=CID, note="已登记退货,后续物流请您跟进"),
    ListScenarios(id="31"),
    SaveScenario(id="32", scenario=SCENARIO_DRAFT),
    SaveScenario(
        id="32",
        scenario=ScenarioDraft(title="Late parcel", lang="en", lines=[ScenarioLine(text="Where is it?")]),
        scenario_id=3,
    ),
    DeleteScenario(id="33", scenario_id=3),
    ListTrainees(id="34"),
    OpenPractice(id="35", trainees=["zhao.lei", "qian.yu"], scenario_id=3, title="周三尺码练习"),
    OpenPractice(id="35", trainees=["zhao.lei"]),
    PracticeSay(id="36", room_id=12, text="你好,有XL吗?"),
    PracticeSay(id="36", room_id=12, text="尺码表在哪?", trainee="qian.yu"),
    PracticeStep(id="37", room_id=12),
    ClosePractice(id="38", room_id=12),
    ScorePractice(id="39", room_id=12, trainee="zhao.lei", deductions={"speed": 5}, comments="首响偏慢"),
    ScorePractice(id="39", room_id=12, trainee="zhao.lei", deductions={}),
    ListPracticeResults(id="40"),
    ListPracticeResults(id="40", trainee="zhao.lei"),
    ListLiveChats(id="41"),
    WatchChat(id="42", conversation_id=CID),
    UnwatchChat(id="43", conversation_id=CID),
    Whisper(id="44", conversation_id=CID, text="语气再软一点,可以主动提运费险"),
    QcQueue(id="45"),
    ScoreChat(id="46", conversation_id=CID, deductions={"speed": 9, "phrasing": 2}, comments="首响偏慢"),
    ScoreChat(id="46", conversation_id=CID, deductions={}),
    ListQcScores(id="47"),
    ListQcScores(id="47", agent="li.na"),
    Appeal(id="48", score_id=41, reason="客户进线后网络断开"),
    ResolveAppeal(id="49", score_id=41, accept=True, note="回放确认,维持"),
    ResolveAppeal(id="49", score_id=41, accept=False, deductions={"phrasing": 2}),
    FloorStatus(id="50"),
]

SERVER_SAMPLES: list[msgspec.Struct] = [
    Welcome(ref="1", version=1, server_time=1750312845.127, limits=Limits()),
    Welcome(ref="1", version=1, server_time=1750312845.0, limits=Limits(rate_burst=10), user=USER),
    Welcome(ref="1", version=1, server_time=1.5, limits=Limits(), customer_id="cu_1", customer_name="王小明"),
    LoginOk(ref="2", token="st_q8ZxN3vR7t", expires_at=1750356045.127, user=USER),
    CustomerJoined(ref="4", customer_id="cu_1", customer_token="ct_1", conversation_id=CID),
    ChatOpened(ref="5", conversation_id=CID),
    Ok(ref="8"),
    Error(code=ErrorCode.RATE_LIMITED, message="slow down"),
    Error(code=ErrorCode.BAD_FRAME, message="Object missing required field `text`", ref="6"),
    Ack(ref="6", conversation_id=CID, client_msg_id="m-1", seq=15, ts=1750312902.384),
    Ack(ref="6", conversation_id=CID, client_msg_id="m-1", seq=15, ts=1750312902.384, duplicate=True),
    Event(conversation_id=CID, seq=1, ts=1.0, kind=EventKind.QUEUED),
    Event(
        conversation_id=CID,
        seq=3,
        ts=1750312820.77,
        kind=EventKind.MESSAGE,
        author_role=Role.CUSTOMER,
        author_name="王小明",
        text="你好,我昨天下的单什么时候发货?",
        client_msg_id="m-2",
        detail={"note": "值"},
    ),
    ChatAssigned(
        conversation=ConversationInfo(
            conversation_id=CID,
            customer_id="cu_1",
            customer_name="王小明",
            state=ChatState.ASSIGNED,
            created_at=1750312801.02,
            agent_username="li.na",
            last_seq=3,
        )
    ),
    ChatAssigned(
        conversation=ConversationInfo(
            conversation_id=CID, customer_id="cu_1", customer_name="王小明", state=ChatState.QUEUED, created_at=1.0
        )
    ),
    ChatRemoved(conversation_id=CID, reason="requeued"),
    QueuePosition(conversation_id=CID, position=0),
    TypingNotice(conversation_id=CID, role=Role.CUSTOMER, active=False),
    StatusChanged(status=AgentStatus.AWAY, max_chats=4, active_chats=0),
    Resumed(ref="7", replayed=12),
    Pong(ref="12", server_time=1750313000.251),
    ChatList(ref="13", chats=[]),
    EventsPage(ref="14", conversation_id=CID, events=[], more_before=True),
    PhraseList(ref="15", phrases=[PHRASE], pins=[1], greeting_id=1, shop_name="衣橱与数码旗舰店"),
    PhraseList(ref="15", phrases=[]),
    PhraseSaved(ref="16", phrase=PHRASE),
    PhrasesImported(ref="19", count=2),
    PhrasesChanged(scope="personal"),
    KnowledgeResults(
        ref="21",
        query="退货",
        hits=[
            ArticleHit(article_id=4, title="七天无理由退货", snippet="…可申请【退货】…", category="售后", tags=["退货"])
        ],
    ),
    KnowledgeResults(ref="21", query="无", hits=[]),
    ArticleReply(
        ref="22",
        article=ArticleInfo(
            article_id=4,
            title="七天无理由退货",
            body="签收后7天内…",
            category="售后",
            tags=[],
            lang="zh",
            updated_at=1.5,
        ),
    ),
    KnowledgeChanged(article_id=4, action="saved"),
    Event(conversation_id=CID, seq=9, ts=1750312960.2, kind=EventKind.ESCALATED, detail={"queue": "specialists"}),
    Event(
        conversation_id=CID,
        seq=10,
        ts=1750312960.21,
        kind=EventKind.MESSAGE,
        author_name="system",
        text="亲,您的问题需要专业的同事来处理,已为您转接专家团队,请稍候~",
        client_msg_id="holding-7",
        detail={"auto": "1"},
    ),
    Event(conversation_id=CID, seq=11, ts=2.0, kind=EventKind.ESCALATION_CANCELLED, author_role=Role.AGENT),
    Event(conversation_id=CID, seq=14, ts=3.0, kind=EventKind.SENT_BACK, author_role=Role.AGENT, author_name="李娜"),
    ChatAssigned(
        conversation=ConversationInfo(
            conversation_id=CID,
            customer_id="cu_1",
            customer_name="Alice",
            state=ChatState.ASSIGNED,
            created_at=1.0,
            agent_username="zhao.min",
            customer_lang="en",
            escalation=msgspec.structs.replace(
                ESCALATION, status="taken", specialist="zhao.min", specialist_name="赵敏", position=0
            ),
        )
    ),
    SettingsReply(ref="25", settings=TeamSettings()),
    SettingsChanged(settings=TEAM_SETTINGS),
    AgentStats(ref="27", since=1750262400.0, chats=0, first_responses=0),
    AgentStats(
        ref="27",
        since=1750262400.0,
        chats=23,
        first_responses=21,
        first_response_average=3.8,
        first_response_within_target=0.857,
        response_average=17.4,
        rounds=164,
        agent_messages=212,
        customer_messages=187,
        ratio=1.134,
        transferred_out=2,
        transferred_in=1,
    ),
    EscalationUpdate(conversation_id=CID, escalation=ESCALATION),
    EscalationUpdate(
        conversation_id=CID,
        escalation=msgspec.structs.replace(
            ESCALATION, status="returned", specialist="zhao.min", return_note="已登记退货", position=0
        ),
    ),
    ChatAssigned(
        conversation=ConversationInfo(
            conversation_id=CID,
            customer_id="cus_1",
            customer_name="阿杰",
            state=ChatState.ASSIGNED,
            created_at=1.0,
            agent_username="zhao.lei",
            practice=PracticeInfo(room_id=12, trainer="chen", trainer_name="陈老师", title="周三尺码练习"),
        )
    ),
    ScenarioList(ref="31", scenarios=[SCENARIO]),
    ScenarioList(ref="31", scenarios=[]),
    ScenarioSaved(ref="32", scenario=SCENARIO),
    TraineeList(
        ref="34",
        trainees=[
            TraineeInfo(username="zhao.lei", display_name="小赵", online=True),
            TraineeInfo(username="qian.yu", display_name="小钱", online=False),
        ],
    ),
    PracticeOpened(
        ref="35",
        room=PracticeRoomInfo(
            room_id=12,
            title="周三尺码练习",
            trainer="chen",
            state="open",
            members=[PracticeMember(trainee="zhao.lei", display_name="小赵", conversation_id=CID)],
            scenario=SCENARIO,
            created_at=1750312500.0,
        ),
    ),
    PracticeStepped(ref="37", step=1, line=SCENARIO_LINE, remaining=0),
    PracticeResult(result=PRACTICE_RESULT),
    PracticeResults(ref="40", results=[PRACTICE_RESULT]),
    PracticeResults(ref="40", results=[]),
    LiveChats(ref="41", chats=[LIVE_CHAT], now=1750313012.5),
    LiveChats(
        ref="41",
        chats=[LiveChat(conversation_id=CID, customer_name="Alice", state="queued", escalation="waiting")],
        now=1.5,
    ),
    Watching(ref="42", conversation=LIVE_CHAT, last_seq=14),
    WhisperNote(conversation_id=CID, from_lead="zhou.min", from_name="周敏", text="语气再软一点", ts=1750313015.2),
    ObservedChanged(conversation_id=CID, observed=False),
    QcQueueReply(
        ref="45",
        items=[
            QcItem(
                conversation_id=CID,
                agent="li.na",
                agent_name="李娜",
                customer_name="王小明",
                closed_at=1750313400.0,
                measured=MEASURED,
                suggested={"speed": 10},
            )
        ],
        share=0.1,
    ),
    QcQueueReply(ref="45", items=[], share=0.0),
    QcScores(ref="47", scores=[QC_SCORE]),
    QcScores(ref="47", scores=[]),
    QcScoreChanged(score=QC_SCORE),
    QcScoreChanged(
        score=msgspec.structs.replace(
            QC_SCORE, appeal="revised", total=98, deductions={"phrasing": 2}, measured=Measured()
        )
    ),
    FloorReport(
        ref="50",
        live=LIVE_FIGURES,
        today=TodayFigures(
            since=1750262400.0,
            first_response_average=4.6,
            first_response_within_target=0.82,
            satisfaction_rate=0.91,
            escalations=7,
            chats_closed=412,
            first_response_histogram=[338, 51, 15, 4, 2, 2],
            agents=[AgentKpi(agent="li.na", name="李娜", chats=36, online_hours=6.5, cph=5.54, transferred_out=1)],
        ),
        history=[FloorSample(ts=1750312800.0, queue_length=2, cq=0.81)],
    ),
    FloorReport(
        ref="50",
        live=msgspec.structs.replace(LIVE_FIGURES, agents_online=0, capacity=0, cq=0.0, cq_level="normal"),
        today=TodayFigures(since=1.0),
        history=[],
    ),
    FloorAlert(level="overload", cq=1.125, live=msgspec.structs.replace(LIVE_FIGURES, cq=1.125, cq_level="overload")),
]


def test_client_samples_cover_every_client_type() -> None:
    assert {_tag(m) for m in CLIENT_SAMPLES} == CLIENT_TYPES


def test_server_samples_cover_every_server_type() -> None:
    assert {_tag(m) for m in SERVER_SAMPLES} == SERVER_TYPES


def test_no_type_tag_is_used_in_both_directions() -> None:
    assert not CLIENT_TYPES & SERVER_TYPES


@pytest.mark.parametrize("message", CLIENT_SAMPLES, ids=_tag)
def test_client_message_round_trips(message: msgspec.Struct) -> None:
    frame = encode(message)
    assert json.loads(frame)["type"] == _tag(message)
    assert decode_client(frame) == message
    assert decode_client(frame.encode()) == message


@pytest.mark.parametrize("message", SERVER_SAMPLES, ids=_tag)
def test_server_message_round_trips(message: msgspec.Struct) -> None:
    frame = encode(message)
    assert json.loads(frame)["type"] == _tag(message)
    assert decode_server(frame) == message
    assert decode_server(frame.encode()) == message


def test_server_omits_top_level_defaults() -> None:
    ack = json.loads(encode(Ack(ref="6", conversation_id=CID, client_msg_id="m", seq=1, ts=1.0)))
    event = json.loads(encode(Event(conversation_id=CID, seq=1, ts=1.0, kind=EventKind.QUEUED)))
    error = json.loads(encode(Error(code=ErrorCode.INTERNAL, message="boom")))
    assert "duplicate" not in ack
    assert set(event) == {"type", "conversation_id", "seq", "ts", "kind"}
    assert "ref" not in error


def test_frames_of_one_direction_do_not_decode_as_the_other() -> None:
    assert _decode_error(encode(Pong(ref="1", server_time=1.0))).code is ErrorCode.UNKNOWN_TYPE
    with pytest.raises(ProtocolError):
        decode_server(encode(Ping(id="1")))


def test_unknown_fields_are_ignored_both_ways() -> None:
    assert decode_client(_frame(type="ping", id="1", future_field=[1, {"a": None}])) == Ping(id="1")
    assert decode_server(_frame(type="ok", ref="1", future_field="x")) == Ok(ref="1")
