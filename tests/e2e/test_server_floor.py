"""The team lead's floor against the real server on loopback: live chats and their flags,
watching a chat, whispers, the observed indicator, QC sampling, scores and appeals, and who
may do what."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

import msgspec
import pytest

from agent_desk.client.connection import Connection, RequestFailed
from agent_desk.domain.clock import ManualClock
from agent_desk.protocol.errors import ErrorCode
from agent_desk.protocol.limits import Limits
from agent_desk.protocol.messages import (
    AgentStatus,
    Appeal,
    ChatAssigned,
    ChatOpened,
    CloseChat,
    Escalate,
    Event,
    EventKind,
    EventsPage,
    FetchEvents,
    GetSettings,
    ListLiveChats,
    ListQcScores,
    LiveChat,
    LiveChats,
    ObservedChanged,
    Ok,
    OpenChat,
    OpenPractice,
    Ping,
    Pong,
    PracticeOpened,
    QcQueue,
    QcQueueReply,
    QcScoreChanged,
    QcScores,
    Rate,
    ResolveAppeal,
    Role,
    RubricItemSpec,
    SaveSettings,
    ScoreChat,
    ServerMessage,
    SetStatus,
    SettingsChanged,
    SettingsReply,
    TeamSettings,
    TypingNotice,
    UnwatchChat,
    WatchChat,
    Watching,
    Whisper,
    WhisperNote,
)
from agent_desk.server.app import Server
from agent_desk.server.floor_service import LONG_CHAT_SECONDS
from support import make_config, refused, serving, staff, timeout

pytestmark = pytest.mark.e2e

NOON = time.mktime((2025, 6, 18, 12, 0, 0, 0, 0, -1))
"""Local noon: a test that moves the clock by minutes stays inside one local day."""


async def customer(server: Server, name: str) -> tuple[Connection, str]:
    conn = await Connection.open(server.url, client_name=f"customer-{name}")
    return conn, (await conn.join_as_customer(name)).conversation_id


async def assigned(agent: Connection, conv: str) -> None:
    await agent.next_event(ChatAssigned, timeout(), where=lambda a: a.conversation.conversation_id == conv)


async def reopen(shopper: Connection) -> str:
    return (await shopper.request(OpenChat(id=shopper.next_id()), ChatOpened)).conversation_id


async def close(agent: Connection, conv: str) -> None:
    await agent.request(CloseChat(id=agent.next_id(), conversation_id=conv, wrap_up="resolved"), Ok)


async def live_chats(lead: Connection) -> dict[str, LiveChat]:
    reply = await lead.request(ListLiveChats(id=lead.next_id()), LiveChats)
    return {chat.conversation_id: chat for chat in reply.chats}


async def quiet(conn: Connection) -> list[ServerMessage]:
    """Everything pushed to ``conn`` so far: a ping's pong comes after every frame queued before it."""
    await conn.request(Ping(id=conn.next_id()), Pong)
    frames = []
    while not conn.events.empty():
        frames.append(conn.events.get_nowait())
    return frames


async def served_chats(agent: Connection, shopper: Connection, first: str, count: int, clock: ManualClock) -> list[str]:
    """``count`` chats of one customer, each answered after 8 s and closed."""
    convs = []
    for number in range(count):
        conv = first if number == 0 else await reopen(shopper)
        await assigned(agent, conv)
        await shopper.send_text(conv, "在吗")
        clock.advance(8)
        await agent.send_text(conv, "亲,在的")
        await close(agent, conv)
        convs.append(conv)
    return convs


# ---------------------------------------------------------------- live chats


async def test_live_chats_carry_their_flags_and_leave_practice_out(tmp_path: Path) -> None:
    clock = ManualClock(NOON)
    async with serving(make_config(tmp_path), clock) as server:
        agent = await staff(server, "mei", max_chats=10)
        lead = await staff(server, "lin", Role.LEAD)
        old_shopper, old = await customer(server, "聊很久")
        await assigned(agent, old)
        await old_shopper.send_text(old, "在吗")
        await agent.send_text(old, "亲,在的")
        clock.advance(LONG_CHAT_SECONDS + 60)

        unhappy, earlier = await customer(server, "上次不满")
        await assigned(agent, earlier)
        await agent.send_text(earlier, "亲,您好")
        await close(agent, earlier)
        await unhappy.request(Rate(id="r", conversation_id=earlier, rating=1), Ok)
        again = await reopen(unhappy)
        await assigned(agent, again)

        asker, asked = await customer(server, "连环问")
        await assigned(agent, asked)
        for number in range(3):
            await asker.send_text(asked, f"问题{number}")

        moving, escalated = await customer(server, "要转接")
        await assigned(agent, escalated)
        await moving.send_text(escalated, "耳机坏了")
        await agent.send_text(escalated, "我帮您转接专家")
        await agent.request(Escalate(id="e", conversation_id=escalated, reason="technical"), Ok)

        waiter, waiting = await customer(server, "等回复")
        await assigned(agent, waiting)
        await waiter.send_text(waiting, "有人吗")

        await staff(server, "zhao", Role.TRAINEE)
        trainer = await staff(server, "chen", Role.TRAINER)
        room = (await trainer.request(OpenPractice(id="p", trainees=["zhao"]), PracticeOpened)).room
        practice = room.members[0].conversation_id

        chats = await live_chats(lead)
        assert set(chats) == {old, again, asked, escalated, waiting}, "closed and practice chats are not on the floor"
        assert chats[waiting].flags == [], "5 s to answer: not late yet"
        assert chats[asked].flags == ["ratio_out_of_band"]
        clock.advance(6)
        reply = await lead.request(ListLiveChats(id="l2"), LiveChats)
        assert reply.now == clock.now()
        chats = {chat.conversation_id: chat for chat in reply.chats}
        assert chats[old].flags == ["long_chat"]
        assert chats[again].flags == ["low_rating"]
        assert chats[asked].flags == ["late_first_response", "ratio_out_of_band"]
        assert chats[escalated].flags == ["escalated"]
        assert chats[waiting].flags == ["late_first_response"]
        assert [c.conversation_id for c in reply.chats] == [old, again, asked, escalated, waiting], "oldest first"

        late = chats[waiting]
        assert (late.agent, late.agent_name, late.state, late.customer_name) == ("mei", "mei", "assigned", "等回复")
        assert (late.waiting_since, late.first_response, late.customer_messages) == (clock.now() - 6, None, 1)
        assert late.assigned_at == late.created_at == clock.now() - 6
        assert (chats[asked].ratio, chats[asked].agent_messages, chats[asked].customer_messages) == (0.0, 0, 3)
        moved = chats[escalated]
        assert (moved.state, moved.agent, moved.escalation, moved.first_response) == ("queued", None, "waiting", 0.0)

        await agent.send_text(waiting, "在的在的")
        answered = (await live_chats(lead))[waiting]
        assert (answered.first_response, answered.waiting_since) == (6.0, None)
        assert answered.flags == ["late_first_response"], "answered late stays late"

        await refused(lead, WatchChat(id="w", conversation_id=practice), ErrorCode.NOT_FOUND)
        await refused(lead, WatchChat(id="w", conversation_id=earlier), ErrorCode.NOT_FOUND)
        for conn in (agent, lead, old_shopper, unhappy, asker, moving, waiter, trainer):
            await conn.close()


# ---------------------------------------------------------------- watching and whispers


async def test_a_lead_watches_a_chat_live_and_whispers_to_the_agent_only(tmp_path: Path) -> None:
    async with serving(make_config(tmp_path)) as server:
        agent = await staff(server, "mei", max_chats=1)
        lead = await staff(server, "lin", Role.LEAD)
        shopper, conv = await customer(server, "小王")
        await assigned(agent, conv)
        await shopper.send_text(conv, "这件有货吗")
        await agent.send_text(conv, "亲,有的")
        other = await staff(server, "jun", max_chats=0)

        watching = await lead.request(WatchChat(id="w", conversation_id=conv), Watching)
        assert (watching.conversation.conversation_id, watching.conversation.agent) == (conv, "mei")
        assert watching.conversation.watched
        history = [await lead.next_event(Event, timeout()) for _ in range(watching.last_seq)]
        assert [e.seq for e in history] == list(range(1, watching.last_seq + 1))
        assert [e.text for e in history if e.kind is EventKind.MESSAGE] == ["这件有货吗", "亲,有的"]
        observed = await agent.next_event(ObservedChanged, timeout())
        assert (observed.conversation_id, observed.observed) == (conv, True)

        await shopper.send_text(conv, "什么时候发货")
        live = await lead.next_event(Event, timeout(), where=lambda e: e.kind is EventKind.MESSAGE)
        assert (live.seq, live.text) == (watching.last_seq + 1, "什么时候发货")
        await shopper.typing(conv, True)
        typing = await lead.next_event(TypingNotice, timeout())
        assert (typing.conversation_id, typing.role) == (conv, Role.CUSTOMER)
        assert (await live_chats(lead))[conv].watched
        page = await lead.request(FetchEvents(id="f", conversation_id=conv), EventsPage)
        assert page.events[-1].text == "什么时候发货"
        with pytest.raises(RequestFailed) as read_only:
            await lead.send_text(conv, "我是组长")
        assert read_only.value.code is ErrorCode.NOT_FOUND, "a watching lead never writes to the chat"

        await lead.request(Whisper(id="x", conversation_id=conv, text="记得推荐运费险"), Ok)
        note = await agent.next_event(WhisperNote, timeout())
        assert (note.conversation_id, note.from_lead, note.from_name, note.text) == (
            conv,
            "lin",
            "lin",
            "记得推荐运费险",
        )
        for conn in (shopper, other, lead):
            frames = await quiet(conn)
            assert not [f for f in frames if isinstance(f, WhisperNote)]
            assert not [f for f in frames if isinstance(f, Event) and f.text == "记得推荐运费险"]
        page = await agent.request(FetchEvents(id="f2", conversation_id=conv), EventsPage)
        assert all(e.text != "记得推荐运费险" for e in page.events), "a whisper is never an event"
        stored = server.db.execute("SELECT lead, text FROM whispers WHERE conversation_id = ?", (conv,)).fetchall()
        assert [tuple(r) for r in stored] == [("lin", "记得推荐运费险")]

        waiting_shopper, queued = await customer(server, "排队中")
        assert (await live_chats(lead))[queued].state == "queued"
        await refused(lead, Whisper(id="q", conversation_id=queued, text="hi"), ErrorCode.INVALID_STATE)
        await refused(lead, Whisper(id="n", conversation_id="conv_nope", text="hi"), ErrorCode.NOT_FOUND)
        for conn in (agent, lead, shopper, other, waiting_shopper):
            await conn.close()


async def test_the_observed_indicator_follows_the_team_policy(tmp_path: Path) -> None:
    async with serving(make_config(tmp_path)) as server:
        agent = await staff(server, "mei")
        lin = await staff(server, "lin", Role.LEAD)
        yan = await staff(server, "yan", Role.ADMIN)
        shopper, conv = await customer(server, "小李")
        await assigned(agent, conv)

        await lin.request(WatchChat(id="w1", conversation_id=conv), Watching)
        assert (await agent.next_event(ObservedChanged, timeout())).observed
        await yan.request(WatchChat(id="w2", conversation_id=conv), Watching)
        await lin.request(UnwatchChat(id="u1", conversation_id=conv), Ok)
        await lin.request(UnwatchChat(id="u2", conversation_id=conv), Ok)
        assert not [f for f in await quiet(agent) if isinstance(f, ObservedChanged)], "yan still watches"
        assert (await live_chats(lin))[conv].watched
        await yan.close()
        gone = await agent.next_event(ObservedChanged, timeout())
        assert (gone.conversation_id, gone.observed) == (conv, False), "the last watcher's connection dropped"
        assert not (await live_chats(lin))[conv].watched

        await lin.request(SaveSettings(id="s", settings=TeamSettings(show_observed=False)), Ok)
        await agent.next_event(SettingsChanged, timeout())
        await lin.request(WatchChat(id="w3", conversation_id=conv), Watching)
        await shopper.send_text(conv, "还在吗")
        await lin.next_event(Event, timeout(), where=lambda e: e.text == "还在吗")
        await lin.request(UnwatchChat(id="u3", conversation_id=conv), Ok)
        assert not [f for f in await quiet(agent) if isinstance(f, ObservedChanged)], "the team hides it"
        for conn in (agent, lin, shopper):
            await conn.close()


# ---------------------------------------------------------------- QC


async def test_the_qc_queue_samples_a_tenth_of_each_agents_chats_the_same_way_every_time(tmp_path: Path) -> None:
    clock = ManualClock(NOON)
    config = make_config(tmp_path, limits=Limits(rate_per_second=1000, rate_burst=1000))
    async with serving(config, clock) as server:
        mei = await staff(server, "mei")
        lead = await staff(server, "lin", Role.LEAD)
        shopper, first = await customer(server, "常客")
        mei_chats = await served_chats(mei, shopper, first, 20, clock)
        await mei.request(SetStatus(id="away", status=AgentStatus.AWAY), Ok)
        jun = await staff(server, "jun")
        other_shopper, other_first = await customer(server, "新客")
        jun_chats = await served_chats(jun, other_shopper, other_first, 5, clock)

        queue = await lead.request(QcQueue(id="q1"), QcQueueReply)
        assert queue.share == 0.1
        day = time.strftime("%Y-%m-%d", time.localtime(NOON))
        expected = sorted(mei_chats, key=lambda c: hashlib.sha256(f"{c}{day}".encode()).hexdigest())[:2]
        picked = [item.conversation_id for item in queue.items if item.agent == "mei"]
        assert sorted(picked) == sorted(expected), "ceil(10 % of 20) = 2, by hash of id and day"
        assert len([item for item in queue.items if item.agent == "jun"]) == 1, "ceil(10 % of 5) = 1"
        assert {item.conversation_id for item in queue.items} <= set(mei_chats) | set(jun_chats)
        again = await lead.request(QcQueue(id="q2"), QcQueueReply)
        assert again.items == queue.items, "stable across calls"

        item = next(item for item in queue.items if item.agent == "mei")
        assert (item.agent_name, item.customer_name) == ("mei", "常客")
        measured = item.measured
        assert (measured.first_response, measured.response_average, measured.rounds) == (8.0, None, 0)
        assert (measured.ratio, measured.escalations, measured.rating) == (1.0, 0, None)
        assert item.suggested == {"speed": 9}, "8 s against a 5 s target"

        await lead.request(ScoreChat(id="s", conversation_id=item.conversation_id, deductions={"speed": 9}), Ok)
        after = await lead.request(QcQueue(id="q3"), QcQueueReply)
        assert [i.conversation_id for i in after.items] == [i.conversation_id for i in queue.items if i != item]
        for conn in (mei, jun, lead, shopper, other_shopper):
            await conn.close()


async def test_a_qc_score_its_appeal_and_the_leads_decision(tmp_path: Path) -> None:
    clock = ManualClock(NOON)
    async with serving(make_config(tmp_path), clock) as server:
        agent = await staff(server, "mei")
        lead = await staff(server, "lin", Role.LEAD)
        admin = await staff(server, "root", Role.ADMIN)
        shopper, first = await customer(server, "小张")
        one, two = await served_chats(agent, shopper, first, 2, clock)
        still_open = await reopen(shopper)
        await assigned(agent, still_open)

        sheet = ScoreChat(id="s1", conversation_id=one, deductions={"speed": 9, "phrasing": 2}, comments="首响慢")
        await lead.request(sheet, Ok)
        score = (await agent.next_event(QcScoreChanged, timeout())).score
        assert (score.conversation_id, score.agent, score.lead, score.total) == (one, "mei", "lin", 89)
        assert (score.deductions, score.comments, score.appeal) == ({"phrasing": 2, "speed": 9}, "首响慢", "none")
        assert (score.measured.first_response, score.measured.ratio) == (8.0, 1.0), "the measures are stored"
        for bad in ({"speed": 31}, {"mood": 1}):
            await refused(lead, ScoreChat(id="b", conversation_id=two, deductions=bad), ErrorCode.BAD_FRAME)
        await refused(lead, ScoreChat(id="o", conversation_id=still_open, deductions={}), ErrorCode.INVALID_STATE)
        await refused(lead, ScoreChat(id="n", conversation_id="conv_nope", deductions={}), ErrorCode.NOT_FOUND)

        own = await agent.request(ListQcScores(id="l"), QcScores)
        assert own.scores == [score]
        await agent.request(Appeal(id="a", score_id=score.score_id, reason="客户当时掉线了,不是我慢"), Ok)
        for supervisor in (lead, admin):
            opened = (await supervisor.next_event(QcScoreChanged, timeout())).score
            assert (opened.score_id, opened.appeal, opened.appeal_reason) == (
                score.score_id,
                "open",
                "客户当时掉线了,不是我慢",
            )
        await refused(agent, Appeal(id="a2", score_id=score.score_id, reason="再申诉"), ErrorCode.INVALID_STATE)
        await lead.request(ResolveAppeal(id="r", score_id=score.score_id, accept=True, note="回放确认首响慢"), Ok)
        upheld = (await agent.next_event(QcScoreChanged, timeout())).score
        assert (upheld.appeal, upheld.total, upheld.resolution_note) == ("upheld", 89, "回放确认首响慢")
        await refused(lead, ResolveAppeal(id="r2", score_id=score.score_id, accept=True), ErrorCode.INVALID_STATE)

        clock.advance(60)
        await lead.request(ScoreChat(id="s2", conversation_id=two, deductions={"speed": 9}), Ok)
        second = (await agent.next_event(QcScoreChanged, timeout())).score
        await agent.request(Appeal(id="a3", score_id=second.score_id, reason="网络故障"), Ok)
        await lead.next_event(QcScoreChanged, timeout())
        await refused(lead, ResolveAppeal(id="r3", score_id=second.score_id, accept=False), ErrorCode.BAD_FRAME)
        revise = ResolveAppeal(id="r4", score_id=second.score_id, accept=False, note="网络故障,免扣", deductions={})
        await lead.request(revise, Ok)
        revised = (await agent.next_event(QcScoreChanged, timeout())).score
        assert (revised.appeal, revised.total, revised.deductions) == ("revised", 100, {})
        assert revised.resolution_note == "网络故障,免扣"

        listed = await agent.request(ListQcScores(id="l2", agent="mei"), QcScores)
        assert [s.score_id for s in listed.scores] == [second.score_id, score.score_id], "newest first"
        clock.advance(60)
        await lead.request(ScoreChat(id="s3", conversation_id=one, deductions={"attitude": 5}), Ok)
        rescored = (await agent.next_event(QcScoreChanged, timeout())).score
        assert (rescored.score_id, rescored.total, rescored.appeal) == (score.score_id, 95, "none"), "replaced"
        team = await lead.request(ListQcScores(id="l3"), QcScores)
        assert [s.score_id for s in team.scores] == [score.score_id, second.score_id]
        for conn in (agent, lead, admin, shopper):
            await conn.close()


# ---------------------------------------------------------------- who may do what


async def test_agents_cannot_supervise_and_read_only_their_own_scores(tmp_path: Path) -> None:
    async with serving(make_config(tmp_path)) as server:
        agent = await staff(server, "mei")
        lead = await staff(server, "lin", Role.LEAD)
        shopper, conv = await customer(server, "小赵")
        await assigned(agent, conv)
        for message in (
            ListLiveChats(id="1"),
            WatchChat(id="2", conversation_id=conv),
            UnwatchChat(id="3", conversation_id=conv),
            Whisper(id="4", conversation_id=conv, text="hi"),
            QcQueue(id="5"),
            ScoreChat(id="6", conversation_id=conv, deductions={}),
            ResolveAppeal(id="7", score_id=1, accept=True),
        ):
            await refused(agent, message, ErrorCode.FORBIDDEN)
        await refused(shopper, ListLiveChats(id="8"), ErrorCode.FORBIDDEN)
        await refused(shopper, ListQcScores(id="9"), ErrorCode.FORBIDDEN)

        await close(agent, conv)
        await lead.request(ScoreChat(id="s", conversation_id=conv, deductions={"accuracy": 10}), Ok)
        score = (await agent.next_event(QcScoreChanged, timeout())).score
        jun = await staff(server, "jun")
        await refused(jun, ListQcScores(id="10", agent="mei"), ErrorCode.NOT_FOUND)
        assert (await jun.request(ListQcScores(id="11"), QcScores)).scores == []
        assert (await jun.request(ListQcScores(id="12", agent="jun"), QcScores)).scores == []
        await refused(jun, Appeal(id="13", score_id=score.score_id, reason="不是我的"), ErrorCode.NOT_FOUND)
        await refused(agent, Appeal(id="14", score_id=score.score_id + 1, reason="?"), ErrorCode.NOT_FOUND)
        specialist = await staff(server, "wang", Role.SPECIALIST)
        assert (await specialist.request(ListQcScores(id="15"), QcScores)).scores == []
        mine = await lead.request(ListQcScores(id="16", agent="mei"), QcScores)
        assert msgspec.structs.astuple(mine.scores[0]) == msgspec.structs.astuple(score)
        for conn in (agent, lead, shopper, jun, specialist):
            await conn.close()


async def test_the_qc_rubric_is_a_team_setting(tmp_path: Path) -> None:
    clock = ManualClock(NOON)
    async with serving(make_config(tmp_path), clock) as server:
        agent = await staff(server, "mei")
        lead = await staff(server, "lin", Role.LEAD)
        shopper, first = await customer(server, "小张")
        (one,) = await served_chats(agent, shopper, first, 1, clock)
        settings = (await lead.request(GetSettings(id="g"), SettingsReply)).settings
        settings.qc_rubric = [
            RubricItemSpec(code="empathy", name_zh="共情", name_en="Empathy", max_deduction=50),
            RubricItemSpec(code="accuracy", name_zh="业务准确性", name_en="Accuracy", max_deduction=50),
        ]
        await lead.request(SaveSettings(id="s", settings=settings), Ok)
        await refused(lead, ScoreChat(id="x", conversation_id=one, deductions={"speed": 5}), ErrorCode.BAD_FRAME)
        await lead.request(ScoreChat(id="y", conversation_id=one, deductions={"empathy": 45}), Ok)
        score = (await agent.next_event(QcScoreChanged, timeout())).score
        assert score.total == 55
        for conn in (agent, lead, shopper):
            await conn.close()
