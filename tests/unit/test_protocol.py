"""The wire protocol: round trips, error classification, the documented examples, properties.

Every ```json block in docs/protocol.md is decoded here, so the reference cannot drift from
the code, and every message type must have at least one example there.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import msgspec
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agent_desk.protocol import ErrorCode, ProtocolError, decode_client, decode_server, encode, errors, limits
from agent_desk.protocol.limits import (
    MAX_FRAME_BYTES,
    MAX_ID_CHARS,
    MAX_NAME_CHARS,
    MAX_RESUME_CONVERSATIONS,
    MAX_TEXT_CHARS,
    Limits,
)
from agent_desk.protocol.messages import (
    CLIENT_TYPES,
    DEFAULT_ESCALATION_REASONS,
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
    ClientMessage,
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

DOC_PATH = Path(__file__).resolve().parents[2] / "docs" / "protocol.md"
CLIENT_CLASSES: tuple[type[msgspec.Struct], ...] = ClientMessage.__args__

# Hypothesis stays modest so the unit suite stays fast; no deadline because
# a loaded CI machine must not turn a slow example into a failure.
PROPERTY_SETTINGS = settings(max_examples=200, deadline=None)

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


# ---------------------------------------------------------------- docs/protocol.md

_JSON_BLOCK = re.compile(r"^```json\n(.*?)^```", re.MULTILINE | re.DOTALL)


def _doc_text() -> str:
    return DOC_PATH.read_text(encoding="utf-8")


def _doc_examples() -> list[str]:
    return [block.strip() for block in _JSON_BLOCK.findall(_doc_text())]


def _example_id(block: str) -> str:
    match = re.search(r'"type":\s*"([^"]*)"', block)
    return match.group(1) if match else "untyped"


def _unknown_keys(raw: Any, value: Any, path: str = "$") -> list[str]:
    """Keys in an example that the decoded Struct has no field for (typos pass decoding silently)."""
    if not isinstance(value, msgspec.Struct) or not isinstance(raw, dict):
        return []
    fields = set(value.__struct_fields__)
    tag_field = value.__struct_config__.tag_field
    found = []
    for key, item in raw.items():
        if key == tag_field:
            continue
        if key not in fields:
            found.append(f"{path}.{key}")
        else:
            found += _unknown_keys(item, getattr(value, key), f"{path}.{key}")
    return found


def _decode_example(block: str) -> msgspec.Struct:
    raw = json.loads(block)
    assert isinstance(raw, dict), "an example must be one JSON object"
    kind = raw.get("type")
    if kind in CLIENT_TYPES:
        message: msgspec.Struct = decode_client(block)
    elif kind in SERVER_TYPES:
        message = decode_server(block)
    else:
        pytest.fail(f"example has unknown type {kind!r}")
    assert _tag(message) == kind
    assert _unknown_keys(raw, message) == []
    return message


def test_doc_has_examples() -> None:
    assert len(_doc_examples()) >= len(CLIENT_TYPES | SERVER_TYPES)


@pytest.mark.parametrize("block", _doc_examples(), ids=_example_id)
def test_doc_example_decodes(block: str) -> None:
    _decode_example(block)


def test_doc_has_an_example_of_every_type() -> None:
    documented = {_tag(_decode_example(block)) for block in _doc_examples()}
    missing = sorted((CLIENT_TYPES | SERVER_TYPES) - documented)
    assert missing == [], f"docs/protocol.md has no ```json example of {missing}"


def test_doc_lists_every_error_code() -> None:
    text = _doc_text()
    missing = [code.value for code in ErrorCode if f"| `{code.value}` |" not in text]
    assert missing == []


@pytest.mark.parametrize(
    "code", [errors.CLOSE_POLICY_VIOLATION, errors.CLOSE_MESSAGE_TOO_BIG, errors.CLOSE_TRY_AGAIN_LATER]
)
def test_doc_lists_close_code(code: int) -> None:
    assert re.search(rf"^\| {code} \|", _doc_text(), re.MULTILINE)


def _documented_limit(name: str) -> float:
    match = re.search(rf"^\| `{name}` \| ([0-9.]+) \|", _doc_text(), re.MULTILINE)
    assert match, f"no row for {name} in the limits table"
    return float(match.group(1))


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("MAX_FRAME_BYTES", limits.MAX_FRAME_BYTES),
        ("MAX_TEXT_CHARS", limits.MAX_TEXT_CHARS),
        ("MAX_NAME_CHARS", limits.MAX_NAME_CHARS),
        ("MAX_ID_CHARS", limits.MAX_ID_CHARS),
        ("MAX_PASSWORD_CHARS", limits.MAX_PASSWORD_CHARS),
        ("MAX_RESUME_CONVERSATIONS", limits.MAX_RESUME_CONVERSATIONS),
        ("MAX_PHRASE_CHARS", limits.MAX_PHRASE_CHARS),
        ("MAX_PHRASE_BATCH", limits.MAX_PHRASE_BATCH),
        ("MAX_ARTICLE_CHARS", limits.MAX_ARTICLE_CHARS),
        ("PROTOCOL_VERSION", limits.PROTOCOL_VERSION),
        ("rate_per_second", Limits().rate_per_second),
        ("rate_burst", Limits().rate_burst),
    ],
)
def test_doc_limits_match_code(name: str, value: float) -> None:
    assert _documented_limit(name) == value


def test_announced_limits_match_module_constants() -> None:
    assert Limits().max_frame_bytes == MAX_FRAME_BYTES == 64 * 1024
    assert Limits().max_text_chars == MAX_TEXT_CHARS


# ---------------------------------------------------------------- error classification


@pytest.mark.parametrize(
    "frame",
    [
        "",
        "not json",
        "{",
        '{"type": "ping", "id": "1"',
        '{"type": "ping", "id": "1"} trailing',
        "{'type': 'ping', 'id': '1'}",
        '{"type": "ping", "id": "1", "x": NaN}',
    ],
)
def test_invalid_json_is_bad_json(frame: str) -> None:
    error = _decode_error(frame)
    assert error.code is ErrorCode.BAD_JSON
    assert error.ref is None


@pytest.mark.parametrize("frame", ["[]", '[{"type": "ping", "id": "1"}]', '"ping"', "42", "null", "true"])
def test_json_that_is_not_an_object_is_bad_frame(frame: str) -> None:
    error = _decode_error(frame)
    assert error.code is ErrorCode.BAD_FRAME
    assert error.ref is None


def test_unknown_type_recovers_the_request_id() -> None:
    error = _decode_error(_frame(type="transfer", id="r7", conversation_id=CID))
    assert error.code is ErrorCode.UNKNOWN_TYPE
    assert error.ref == "r7"


def test_unknown_type_message_does_not_echo_a_huge_type() -> None:
    error = _decode_error(_frame(type="x" * 10_000, id="r7"))
    assert error.code is ErrorCode.UNKNOWN_TYPE
    assert len(error.message) < 100


def test_missing_type_is_bad_frame_with_ref() -> None:
    error = _decode_error(_frame(id="r1", conversation_id=CID))
    assert (error.code, error.ref) == (ErrorCode.BAD_FRAME, "r1")


_SEND = {"type": "send", "id": "r1", "conversation_id": CID, "client_msg_id": "m-1", "text": "在吗"}


@pytest.mark.parametrize(
    "fields",
    [
        pytest.param({**_SEND, "text": None}, id="send-text-null"),
        pytest.param({k: v for k, v in _SEND.items() if k != "text"}, id="send-text-missing"),
        pytest.param({**_SEND, "text": 5}, id="send-text-int"),
        pytest.param({**_SEND, "text": ""}, id="send-text-empty"),
        pytest.param({**_SEND, "conversation_id": 7}, id="send-conversation-int"),
        pytest.param({**_SEND, "client_msg_id": "m" * (MAX_ID_CHARS + 1)}, id="send-msg-id-long"),
        pytest.param({"type": "rate", "id": "r1", "conversation_id": CID, "rating": "5"}, id="rate-str"),
        pytest.param({"type": "rate", "id": "r1", "conversation_id": CID, "rating": 4.5}, id="rate-float"),
        pytest.param({"type": "hello", "id": "r1", "versions": []}, id="hello-no-versions"),
        pytest.param({"type": "hello", "id": "r1"}, id="hello-versions-missing"),
        pytest.param({"type": "hello", "id": "r1", "versions": [1], "customer_token": "t" * 129}, id="hello-token"),
        pytest.param({"type": "login", "id": "r1", "username": "", "password": "x"}, id="login-empty-user"),
        pytest.param({"type": "login", "id": "r1", "username": "li.na"}, id="login-no-password"),
        pytest.param({"type": "customer_join", "id": "r1", "display_name": "王", "lang": "fr"}, id="join-lang"),
        pytest.param({"type": "set_status", "id": "r1", "status": "busy"}, id="status-unknown"),
        pytest.param({"type": "set_status", "id": "r1", "status": "away", "max_chats": -1}, id="status-max"),
        pytest.param({"type": "set_capacity", "id": "r1", "username": "a", "max_chats": 51}, id="capacity-max"),
        pytest.param({"type": "resume", "id": "r1", "positions": {CID: -1}}, id="resume-negative"),
        pytest.param({"type": "resume", "id": "r1", "positions": {CID: 2**53 + 1}}, id="resume-huge"),
        pytest.param({"type": "resume", "id": "r1", "positions": [CID]}, id="resume-list"),
        pytest.param({"type": "close_chat", "id": "r1", "conversation_id": CID, "wrap_up": ""}, id="close-wrap-up"),
        pytest.param({"type": "typing", "id": "r1", "conversation_id": CID, "active": "yes"}, id="typing-active"),
        pytest.param(
            {"type": 5, "id": "r1"},
            id="type-int",
        ),
    ],
)
def test_bad_field_is_bad_frame_with_ref(fields: dict[str, Any]) -> None:
    error = _decode_error(json.dumps(fields))
    assert (error.code, error.ref) == (ErrorCode.BAD_FRAME, "r1")


# ---------------------------------------------------------------- response discipline and escalation

_SETTINGS = {"type": "save_settings", "id": "r1", "settings": {}}


@pytest.mark.parametrize("reason", ["After_Sales", "after-sales", "售后", "after sales", "", "a" * 33], ids=repr)
def test_save_settings_reason_outside_the_code_alphabet_is_bad_frame(reason: str) -> None:
    error = _decode_error(_frame(**{**_SETTINGS, "settings": {"escalation_reasons": ["other", reason]}}))
    assert (error.code, error.ref) == (ErrorCode.BAD_FRAME, "r1")


@pytest.mark.parametrize(
    "settings",
    [
        pytest.param({"first_response_seconds": 0}, id="first-zero"),
        pytest.param({"next_response_seconds": 3601}, id="next-too-long"),
        pytest.param({"ratio_low": 0.05}, id="ratio-too-low"),
        pytest.param({"escalation_reasons": []}, id="no-reasons"),
        pytest.param({"escalation_reasons": [f"r{i}" for i in range(21)]}, id="too-many-reasons"),
        pytest.param({"shop_name": "店" * 65}, id="shop-name-long"),
    ],
)
def test_save_settings_out_of_range_is_bad_frame(settings: dict[str, Any]) -> None:
    error = _decode_error(_frame(**{**_SETTINGS, "settings": settings}))
    assert (error.code, error.ref) == (ErrorCode.BAD_FRAME, "r1")


def test_escalate_note_limit() -> None:
    fields = {"type": "escalate", "id": "r1", "conversation_id": CID, "reason": "complaint"}
    ok = decode_client(_frame(**fields, note="慢" * 500))
    assert isinstance(ok, Escalate)
    assert len(ok.note) == 500
    error = _decode_error(_frame(**fields, note="慢" * 501))
    assert (error.code, error.ref) == (ErrorCode.BAD_FRAME, "r1")


@pytest.mark.parametrize("reason", ["", "Complaint", "投诉"])
def test_escalate_reason_outside_the_code_alphabet_is_bad_frame(reason: str) -> None:
    error = _decode_error(_frame(type="escalate", id="r1", conversation_id=CID, reason=reason))
    assert (error.code, error.ref) == (ErrorCode.BAD_FRAME, "r1")


@pytest.mark.parametrize(
    "fields",
    [
        pytest.param({"note": ""}, id="empty"),
        pytest.param({}, id="missing"),
        pytest.param({"note": "好" * 501}, id="long"),
    ],
)
def test_send_back_needs_a_note(fields: dict[str, Any]) -> None:
    error = _decode_error(_frame(type="send_back", id="r1", conversation_id=CID, **fields))
    assert (error.code, error.ref) == (ErrorCode.BAD_FRAME, "r1")


def test_team_settings_defaults_round_trip() -> None:
    defaults = TeamSettings()
    assert defaults.escalation_reasons == DEFAULT_ESCALATION_REASONS
    assert defaults.ratio_low <= defaults.ratio_target <= defaults.ratio_high
    # An empty object means every default; the reply carries every field, nested.
    assert decode_client(_frame(**_SETTINGS)) == SaveSettings(id="r1", settings=defaults)
    reply = json.loads(encode(SettingsReply(ref="r1", settings=defaults)))
    assert set(reply["settings"]) == set(TeamSettings.__struct_fields__)
    assert decode_server(encode(SettingsReply(ref="r1", settings=defaults))).settings == defaults
    # The default list is a fresh copy each time, not one shared list.
    assert TeamSettings().escalation_reasons is not defaults.escalation_reasons


def test_typing_without_id_reports_no_ref() -> None:
    error = _decode_error(_frame(type="typing", conversation_id=CID))
    assert (error.code, error.ref) == (ErrorCode.BAD_FRAME, None)


@pytest.mark.parametrize("request_id", ["", "r" * (MAX_ID_CHARS + 1), 7])
def test_unusable_request_id_is_not_echoed(request_id: object) -> None:
    error = _decode_error(json.dumps({"type": "ping", "id": request_id}))
    assert (error.code, error.ref) == (ErrorCode.BAD_FRAME, None)


@pytest.mark.parametrize("char", ["a", "啊", "😀", "\n"])
def test_text_limit_counts_characters(char: str) -> None:
    at_limit = decode_client(_frame(**{**_SEND, "text": char * MAX_TEXT_CHARS}))
    assert isinstance(at_limit, Send)
    assert len(at_limit.text) == MAX_TEXT_CHARS
    error = _decode_error(_frame(**{**_SEND, "text": char * (MAX_TEXT_CHARS + 1)}))
    assert (error.code, error.ref) == (ErrorCode.BAD_FRAME, "r1")


@pytest.mark.parametrize("rating", [0, 6, -1, 100])
def test_rating_out_of_range_is_bad_frame(rating: int) -> None:
    error = _decode_error(_frame(type="rate", id="r1", conversation_id=CID, rating=rating))
    assert (error.code, error.ref) == (ErrorCode.BAD_FRAME, "r1")


@pytest.mark.parametrize("rating", [1, 2, 3, 4, 5])
def test_rating_in_range_decodes(rating: int) -> None:
    assert decode_client(_frame(type="rate", id="r1", conversation_id=CID, rating=rating)) == Rate(
        id="r1", conversation_id=CID, rating=rating
    )


def test_name_limit() -> None:
    ok = decode_client(_frame(type="customer_join", id="r1", display_name="王" * MAX_NAME_CHARS))
    assert isinstance(ok, CustomerJoin)
    error = _decode_error(_frame(type="customer_join", id="r1", display_name="王" * (MAX_NAME_CHARS + 1)))
    assert error.code is ErrorCode.BAD_FRAME


def test_resume_conversation_limit() -> None:
    positions = {f"c{i}": i for i in range(MAX_RESUME_CONVERSATIONS + 1)}
    del positions["c0"]
    assert isinstance(decode_client(_frame(type="resume", id="r1", positions=positions)), Resume)
    positions["c0"] = 0
    error = _decode_error(_frame(type="resume", id="r1", positions=positions))
    assert (error.code, error.ref) == (ErrorCode.BAD_FRAME, "r1")


@pytest.mark.parametrize(
    "frame",
    [
        b"\xff\xfe",
        b'{"type": "ping", "id": "\xff"}',
        b'{"type": "send", "id": "1", "conversation_id": "c", "client_msg_id": "m", "text": "\xe4\xbd"}',
        pytest.param(
            b'{"type": "ping", "id": "1", "x": "\xff"}',
            id="in-ignored-field",
        ),
    ],
)
def test_invalid_utf8_is_bad_json(frame: bytes) -> None:
    assert _decode_error(frame).code is ErrorCode.BAD_JSON


@pytest.mark.parametrize(
    "frame",
    [
        pytest.param('{"type": "ping", "id": "1"', id="truncated-object"),
        pytest.param(
            "[1, 2",
            id="truncated-array",
        ),
        pytest.param(
            '{"type": "send", "conversation_id": 5,',
            id="truncated-after-bad-field",
        ),
    ],
)
def test_malformed_json_is_bad_json_wherever_it_breaks(frame: str) -> None:
    assert _decode_error(frame).code is ErrorCode.BAD_JSON


@pytest.mark.parametrize(
    "frame",
    [
        pytest.param("[" * 100_000, id="top-level"),
        pytest.param("[" * 20_000 + "]" * 20_000, id="top-level-closed"),
        pytest.param('{"type": "ping", "id": "1", "x": ' + "[" * 100_000, id="in-ignored-field"),
        pytest.param('{"x": ' + '{"a": ' * 10_000, id="objects"),
        pytest.param('{"type": "nope", "x": ' + "[" * 20_000, id="after-unknown-type"),
        pytest.param(
            '{"type": "send", "conversation_id": 5, "x": ' + "[" * 20_000 + "]" * 20_000 + "}",
            id="after-bad-field",
        ),
    ],
)
def test_deeply_nested_json_is_a_protocol_error(frame: str) -> None:
    with pytest.raises(ProtocolError):
        decode_client(frame)


@pytest.mark.parametrize("frame", ["not json", "[]", '{"type": "nope"}', '{"type": "ok"}', "[" * 100_000])
def test_decode_server_raises_protocol_error(frame: str) -> None:
    with pytest.raises(ProtocolError) as caught:
        decode_server(frame)
    assert caught.value.code is ErrorCode.BAD_FRAME


# ---------------------------------------------------------------- frame size


@pytest.mark.parametrize("char", ["\x01", '"', "😀", "啊"])
def test_largest_send_fits_in_one_frame(char: str) -> None:
    send = Send(
        id="i" * MAX_ID_CHARS,
        conversation_id="c" * MAX_ID_CHARS,
        client_msg_id="m" * MAX_ID_CHARS,
        text=char * MAX_TEXT_CHARS,
    )
    assert len(encode(send).encode()) <= MAX_FRAME_BYTES
    # A client that escapes everything (json.dumps' default) must fit too.
    assert len(json.dumps(msgspec.to_builtins(send)).encode()) <= MAX_FRAME_BYTES


def test_largest_resume_fits_in_one_frame() -> None:
    positions = {f"{i:0{MAX_ID_CHARS}d}": 2**53 for i in range(MAX_RESUME_CONVERSATIONS)}
    frame = encode(Resume(id="r" * MAX_ID_CHARS, positions=positions))
    assert decode_client(frame)
    assert len(frame.encode()) <= MAX_FRAME_BYTES


# ---------------------------------------------------------------- properties

_CLIENT_FIELDS = sorted({name for cls in CLIENT_CLASSES for name in cls.__struct_fields__})

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=8), children, max_size=5),
    max_leaves=20,
)

# Objects that look like client frames reach field validation, not just the parser.
frame_like_objects = st.fixed_dictionaries(
    {"type": st.sampled_from(sorted(CLIENT_TYPES)) | json_values},
    optional={name: json_values | st.text(max_size=70) for name in _CLIENT_FIELDS},
)


def _assert_decodes_or_protocol_error(frame: str | bytes) -> None:
    """Any other exception escapes and fails the property."""
    error: ProtocolError | None = None
    try:
        message = decode_client(frame)
    except ProtocolError as exc:
        error = exc
    if error is None:
        assert isinstance(message, CLIENT_CLASSES)
    else:
        assert isinstance(error.code, ErrorCode)
        assert error.ref is None or 1 <= len(error.ref) <= MAX_ID_CHARS


@PROPERTY_SETTINGS
@given(st.text())
def test_decode_client_on_arbitrary_text(frame: str) -> None:
    _assert_decodes_or_protocol_error(frame)


@PROPERTY_SETTINGS
@given(st.binary())
def test_decode_client_on_arbitrary_bytes(frame: bytes) -> None:
    _assert_decodes_or_protocol_error(frame)


@PROPERTY_SETTINGS
@given(json_values | frame_like_objects, st.booleans())
def test_decode_client_on_arbitrary_json(value: Any, ensure_ascii: bool) -> None:
    frame = json.dumps(value, ensure_ascii=ensure_ascii)
    _assert_decodes_or_protocol_error(frame)
    _assert_decodes_or_protocol_error(frame.encode())


ids = st.text(min_size=1, max_size=MAX_ID_CHARS)
sends = st.builds(
    Send, id=ids, conversation_id=ids, client_msg_id=ids, text=st.text(min_size=1, max_size=MAX_TEXT_CHARS)
)


@PROPERTY_SETTINGS
@given(sends)
def test_any_valid_send_round_trips(send: Send) -> None:
    frame = encode(send)
    assert decode_client(frame) == send
    assert decode_client(frame.encode()) == send
    assert decode_client(json.dumps(msgspec.to_builtins(send))) == send
