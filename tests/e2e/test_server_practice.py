"""Chat practice (对聊) against the real server on loopback: rooms, the trainer's lines,
scenarios, scores and results, and practice kept apart from real customers and figures."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from agent_desk.client.connection import Connection, RequestFailed
from agent_desk.domain.clock import ManualClock
from agent_desk.protocol.errors import ErrorCode
from agent_desk.protocol.messages import (
    AgentStats,
    ChatAssigned,
    ChatList,
    ClosePractice,
    DeleteScenario,
    Escalate,
    Event,
    EventKind,
    EventsPage,
    FetchEvents,
    ListChats,
    ListPracticeResults,
    ListScenarios,
    ListTrainees,
    MyStats,
    Ok,
    OpenPractice,
    PracticeOpened,
    PracticeResult,
    PracticeResults,
    PracticeRoomInfo,
    PracticeSay,
    PracticeStep,
    PracticeStepped,
    Role,
    SaveScenario,
    ScenarioDraft,
    ScenarioLine,
    ScenarioList,
    ScenarioSaved,
    ScorePractice,
    TraineeList,
    TypingNotice,
)
from agent_desk.server import db as database
from agent_desk.server.demo import demo_files, load_scenarios, seed_demo_scenarios
from support import make_config, refused, serving, staff, timeout, wait_until

pytestmark = pytest.mark.e2e

SCENARIO = ScenarioDraft(
    title="尺码咨询",
    customer_name="阿杰",
    lines=[
        ScenarioLine(text="在吗?173穿L还是XL", key_points=["推荐XL", "问版型偏好"]),
        ScenarioLine(text="不合适能换吗", key_points=["7天可换"]),
    ],
)


def said(event: Event) -> bool:
    return event.kind is EventKind.MESSAGE


async def open_room(trainer: Connection, names: list[str], **fields: object) -> PracticeRoomInfo:
    reply = await trainer.request(OpenPractice(id=trainer.next_id(), trainees=names, **fields), PracticeOpened)  # type: ignore[arg-type]
    return reply.room


async def say(trainer: Connection, room: int, text: str, trainee: str | None = None) -> None:
    await trainer.request(PracticeSay(id=trainer.next_id(), room_id=room, text=text, trainee=trainee), Ok)


async def joined(conn: Connection) -> ChatAssigned:
    """The practice chat's announcement and its history (the ``assigned`` event)."""
    assigned = await conn.next_event(ChatAssigned, timeout())
    first = await conn.next_event(Event, timeout())
    assert (first.conversation_id, first.kind) == (assigned.conversation.conversation_id, EventKind.ASSIGNED)
    return assigned


# ---------------------------------------------------------------- rooms and lines


async def test_one_line_reaches_ten_trainees_and_a_direct_line_only_one(tmp_path: Path) -> None:
    async with serving(make_config(tmp_path)) as server:
        names = [f"t{i}" for i in range(10)]
        trainees = {name: await staff(server, name, Role.TRAINEE) for name in names}
        trainer = await staff(server, "chen", Role.TRAINER)
        room = await open_room(trainer, names, title="入门")
        chats = {m.trainee: m.conversation_id for m in room.members}
        assert (room.state, room.trainer, sorted(chats)) == ("open", "chen", names)
        await say(trainer, room.room_id, "你好,这件T恤有XL吗?")
        for name, conn in trainees.items():
            info = (await joined(conn)).conversation
            assert info.practice is not None
            assert (info.practice.room_id, info.practice.trainer, info.practice.title) == (room.room_id, "chen", "入门")
            assert (info.conversation_id, info.agent_username, info.state) == (chats[name], name, "assigned")
            line = await conn.next_event(Event, timeout())
            assert (line.kind, line.author_role, line.text) == (EventKind.MESSAGE, Role.CUSTOMER, "你好,这件T恤有XL吗?")
        watched = [await trainer.next_event(Event, timeout(), where=said) for _ in names]
        assert sorted(e.conversation_id for e in watched) == sorted(chats.values()), "the trainer watches all"
        await say(trainer, room.room_id, "只问你一个人", trainee="t3")
        await say(trainer, room.room_id, "大家好")
        for name, conn in trainees.items():
            nxt = await conn.next_event(Event, timeout(), where=said)
            assert nxt.text == ("只问你一个人" if name == "t3" else "大家好")
        await refused(
            trainer, PracticeSay(id="x", room_id=room.room_id, text="hi", trainee="nobody"), ErrorCode.NOT_FOUND
        )
        for conn in (trainer, *trainees.values()):
            await conn.close()


async def test_the_trainer_sees_replies_and_typing_and_the_chat_is_timed(tmp_path: Path) -> None:
    clock = ManualClock()
    async with serving(make_config(tmp_path), clock) as server:
        trainee = await staff(server, "zhao", Role.TRAINEE)
        trainer = await staff(server, "chen", Role.TRAINER)
        room = await open_room(trainer, ["zhao"])
        conv = room.members[0].conversation_id
        await say(trainer, room.room_id, "在吗")
        clock.advance(4)
        await trainee.typing(conv, True)
        typing = await trainer.next_event(TypingNotice, timeout())
        assert (typing.conversation_id, typing.role, typing.active) == (conv, Role.TRAINEE, True)
        await trainee.send_text(conv, "亲,在的")
        reply = await trainer.next_event(Event, timeout(), where=lambda e: said(e) and e.author_role is Role.TRAINEE)
        assert (reply.conversation_id, reply.text) == (conv, "亲,在的")
        await say(trainer, room.room_id, "有XL吗")
        clock.advance(10)
        await trainee.send_text(conv, "有的")
        stored = server.conversations.get(conv)
        assert stored is not None
        assert (stored.first_response, stored.agent_messages, stored.customer_messages) == (4, 2, 2)
        rounds = server.db.execute("SELECT first, practice FROM response_rounds WHERE conversation_id = ?", (conv,))
        assert [tuple(r) for r in rounds] == [(1, 1), (0, 1)], "rounds are kept, marked as practice"
        for conn in (trainee, trainer):
            stats = await conn.request(MyStats(id="s", since=0), AgentStats)
            assert (stats.chats, stats.first_responses, stats.rounds, stats.agent_messages) == (0, 0, 0, 0)
        assert server.metrics.totals(None, 0).first_responses == 0, "team figures leave practice out"
        await trainer.request(ClosePractice(id="c", room_id=room.room_id), Ok)
        for conn in (trainee, trainer):
            closed = await conn.request(ListChats(id="l", scope="mine_closed"), ChatList)
            assert closed.chats == []
        for conn in (trainee, trainer):
            await conn.close()


async def test_practice_never_queues_and_no_customer_reaches_it(tmp_path: Path) -> None:
    async with serving(make_config(tmp_path, grace_seconds=0.01)) as server:
        agent = await staff(server, "mei", Role.AGENT)
        trainee = await staff(server, "zhao", Role.TRAINEE)
        trainer = await staff(server, "chen", Role.TRAINER)
        room = await open_room(trainer, ["zhao"])
        practice = room.members[0].conversation_id
        await joined(trainee)
        shopper = await Connection.open(server.url)
        real = (await shopper.join_as_customer("真顾客")).conversation_id
        taken = await agent.next_event(ChatAssigned, timeout())
        assert taken.conversation.conversation_id == real, "the customer gets the agent, not the trainee"
        assert taken.conversation.practice is None
        floor = server.service.floor
        assert practice not in {c.id for c in floor.queued()}
        assert (floor.seats["zhao"].active, floor.seats["mei"].active) == (set(), {real})
        assert server.health()["active"] == 1
        await refused(shopper, FetchEvents(id="f", conversation_id=practice), ErrorCode.NOT_FOUND)
        with pytest.raises(RequestFailed) as no_entry:
            await shopper.send_text(practice, "让我进去")
        assert no_entry.value.code is ErrorCode.NOT_FOUND
        await refused(trainee, Escalate(id="e", conversation_id=practice, reason="other"), ErrorCode.INVALID_STATE)
        await trainee.close()
        await wait_until(lambda: not floor.seats["zhao"].online)
        assert floor.seats["zhao"].grace_task is None, "no grace period: nothing of a trainee's can be requeued"
        back = await staff(server, "zhao", Role.TRAINEE)
        again = await joined(back)
        assert again.conversation.conversation_id == practice, "a returning trainee gets their practice chat back"
        for conn in (agent, shopper, trainer, back):
            await conn.close()


async def test_only_trainers_run_rooms_and_only_trainees_join(tmp_path: Path) -> None:
    async with serving(make_config(tmp_path)) as server:
        trainee = await staff(server, "zhao", Role.TRAINEE)
        server.accounts.add_user("qian", "pw", Role.TRAINEE, "小钱")
        await staff(server, "mei", Role.AGENT)
        trainer = await staff(server, "chen", Role.TRAINER)
        other = await staff(server, "wu", Role.TRAINER)
        await refused(trainee, OpenPractice(id="o", trainees=["qian"]), ErrorCode.FORBIDDEN)
        await refused(trainee, ListTrainees(id="l"), ErrorCode.FORBIDDEN)
        for name in ("nobody", "mei"):
            message = await refused(trainer, OpenPractice(id="o", trainees=[name]), ErrorCode.BAD_FRAME)
            assert message == f"no trainee named {name}"
        listed = await trainer.request(ListTrainees(id="l"), TraineeList)
        assert [(t.username, t.online) for t in listed.trainees] == [("zhao", True), ("qian", False)]
        room = await open_room(trainer, ["zhao", "zhao"])
        assert len(room.members) == 1
        for request in (
            PracticeSay(id="s", room_id=room.room_id, text="hi"),
            ClosePractice(id="c", room_id=room.room_id),
        ):
            await refused(other, request, ErrorCode.NOT_FOUND)
        await refused(trainee, PracticeSay(id="s", room_id=room.room_id, text="hi"), ErrorCode.FORBIDDEN)
        for conn in (trainee, trainer, other):
            await conn.close()


# ---------------------------------------------------------------- scenarios


async def test_a_scenario_is_sent_line_by_line_and_stops_at_its_end(tmp_path: Path) -> None:
    async with serving(make_config(tmp_path)) as server:
        trainee = await staff(server, "zhao", Role.TRAINEE)
        trainer = await staff(server, "chen", Role.TRAINER)
        saved = (await trainer.request(SaveScenario(id="s", scenario=SCENARIO), ScenarioSaved)).scenario
        listed = await trainer.request(ListScenarios(id="l"), ScenarioList)
        assert [s.scenario_id for s in listed.scenarios] == [saved.scenario_id]
        room = await open_room(trainer, ["zhao"], scenario_id=saved.scenario_id)
        assert (room.title, room.scenario, room.step) == ("尺码咨询", saved, 0)
        info = (await joined(trainee)).conversation
        assert (info.customer_name, info.customer_lang) == ("阿杰", "zh")
        for step, line in enumerate(SCENARIO.lines, start=1):
            stepped = await trainer.request(PracticeStep(id=f"p{step}", room_id=room.room_id), PracticeStepped)
            assert (stepped.step, stepped.line, stepped.remaining) == (step, line, len(SCENARIO.lines) - step)
            got = await trainee.next_event(Event, timeout(), where=said)
            assert (got.text, got.author_name) == (line.text, "阿杰")
        message = await refused(trainer, PracticeStep(id="p", room_id=room.room_id), ErrorCode.INVALID_STATE)
        assert "no lines left" in message
        free = await open_room(trainer, ["zhao"])
        await refused(trainer, PracticeStep(id="p", room_id=free.room_id), ErrorCode.INVALID_STATE)
        await trainer.request(DeleteScenario(id="d", scenario_id=saved.scenario_id), Ok)
        await refused(trainer, DeleteScenario(id="d", scenario_id=saved.scenario_id), ErrorCode.NOT_FOUND)
        await refused(trainee, ListScenarios(id="l"), ErrorCode.FORBIDDEN)
        for conn in (trainee, trainer):
            await conn.close()


# ---------------------------------------------------------------- scores, results, close, replay


async def test_a_score_is_stored_pushed_and_replaced(tmp_path: Path) -> None:
    clock = ManualClock()
    async with serving(make_config(tmp_path), clock) as server:
        trainee = await staff(server, "zhao", Role.TRAINEE)
        trainer = await staff(server, "chen", Role.TRAINER)
        room = await open_room(trainer, ["zhao"], title="售后")
        await say(trainer, room.room_id, "在吗")
        clock.advance(6)
        await trainee.send_text(room.members[0].conversation_id, "在的")

        def score(deductions: dict[str, int], comments: str = "") -> ScorePractice:
            return ScorePractice(id="x", room_id=room.room_id, trainee="zhao", deductions=deductions, comments=comments)

        await trainer.request(score({"speed": 5, "phrasing": 3}, "回复偏慢"), Ok)
        pushed = (await trainee.next_event(PracticeResult, timeout())).result
        assert (pushed.total, pushed.deductions, pushed.comments, pushed.trainer) == (
            92,
            {"phrasing": 3, "speed": 5},
            "回复偏慢",
            "chen",
        )
        assert (pushed.first_response, pushed.response_average, pushed.ratio, pushed.title) == (6, None, 1.0, "售后")
        await trainer.request(score({"speed": 0}), Ok)
        assert (await trainee.next_event(PracticeResult, timeout())).result.total == 100
        mine = await trainee.request(ListPracticeResults(id="r"), PracticeResults)
        assert [(r.room_id, r.total) for r in mine.results] == [(room.room_id, 100)], "a re-score replaces"
        for bad in ({"smile": 1}, {"attitude": 31}):
            await refused(trainer, score(bad), ErrorCode.BAD_FRAME)
        await refused(trainee, score({}), ErrorCode.FORBIDDEN)
        for conn in (trainee, trainer):
            await conn.close()


async def test_results_are_for_the_trainee_their_trainer_and_leads(tmp_path: Path) -> None:
    clock = ManualClock()
    async with serving(make_config(tmp_path), clock) as server:
        a, b = await staff(server, "a", Role.TRAINEE), await staff(server, "b", Role.TRAINEE)
        trainer, other = await staff(server, "chen", Role.TRAINER), await staff(server, "wu", Role.TRAINER)
        lead = await staff(server, "liu", Role.LEAD)
        for points in (10, 20):
            room = await open_room(trainer, ["a", "b"])
            for name in ("a", "b"):
                clock.advance(1)
                deductions = {"accuracy": points}
                await trainer.request(
                    ScorePractice(id="s", room_id=room.room_id, trainee=name, deductions=deductions), Ok
                )

        async def totals(conn: Connection, trainee: str | None) -> list[int]:
            reply = await conn.request(ListPracticeResults(id=conn.next_id(), trainee=trainee), PracticeResults)
            return [r.total for r in reply.results]

        assert await totals(a, None) == await totals(a, "a") == [80, 90], "newest first"
        await refused(a, ListPracticeResults(id="r", trainee="b"), ErrorCode.NOT_FOUND)
        assert await totals(trainer, "b") == [80, 90]
        assert await totals(lead, "b") == [80, 90]
        assert await totals(other, "b") == [], "another trainer sees only their own rooms' results"
        for conn in (a, b, trainer, other, lead):
            await conn.close()


async def test_close_ends_every_chat_and_the_trainer_replays_it(tmp_path: Path) -> None:
    clock = ManualClock()
    async with serving(make_config(tmp_path), clock) as server:
        trainees = [await staff(server, name, Role.TRAINEE) for name in ("a", "b")]
        trainer = await staff(server, "chen", Role.TRAINER)
        room = await open_room(trainer, ["a", "b"])
        conv = room.members[0].conversation_id
        await say(trainer, room.room_id, "在吗")
        clock.advance(3)
        await trainees[0].send_text(conv, "在的")
        clock.advance(2)
        await trainer.request(ClosePractice(id="c", room_id=room.room_id), Ok)
        for member, conn in zip(room.members, trainees, strict=True):
            closed = await conn.next_event(Event, timeout(), where=lambda e: e.kind is EventKind.CLOSED)
            assert (closed.conversation_id, closed.detail) == (
                member.conversation_id,
                {"by": "trainer", "wrap_up": "practice"},
            )
            assert server.conversations.get(member.conversation_id).state == "closed"  # type: ignore[union-attr]
        with pytest.raises(RequestFailed) as too_late:
            await trainees[0].send_text(conv, "还在吗")
        assert too_late.value.code is ErrorCode.INVALID_STATE
        await refused(trainer, PracticeSay(id="s", room_id=room.room_id, text="hi"), ErrorCode.INVALID_STATE)
        await refused(trainer, ClosePractice(id="c", room_id=room.room_id), ErrorCode.INVALID_STATE)
        page = await trainer.request(FetchEvents(id="f", conversation_id=conv), EventsPage)
        start = 1_750_000_000.0
        assert [(e.seq, e.kind, e.ts - start) for e in page.events] == [
            (1, EventKind.ASSIGNED, 0),
            (2, EventKind.MESSAGE, 0),
            (3, EventKind.MESSAGE, 3),
            (4, EventKind.CLOSED, 5),
        ]
        await trainer.request(ScorePractice(id="s", room_id=room.room_id, trainee="a", deductions={}), Ok)
        for conn in (trainer, *trainees):
            await conn.close()


async def test_rooms_survive_a_restart(tmp_path: Path) -> None:
    config = make_config(tmp_path)
    async with serving(config) as server:
        trainee, trainer = await staff(server, "zhao", Role.TRAINEE), await staff(server, "chen", Role.TRAINER)
        room = await open_room(trainer, ["zhao"])
        for conn in (trainee, trainer):
            await conn.close()
    async with serving(config) as server:
        trainee, trainer = await staff(server, "zhao", Role.TRAINEE), await staff(server, "chen", Role.TRAINER)
        assert (await joined(trainee)).conversation.practice is not None
        assert server.service.floor.seats["zhao"].active == set()
        await trainee.send_text(room.members[0].conversation_id, "我回来了")
        echoed = await trainer.next_event(Event, timeout(), where=said)
        assert echoed.text == "我回来了", "the trainer watches again after the restart"
        await say(trainer, room.room_id, "欢迎回来")
        for conn in (trainee, trainer):
            await conn.close()


# ---------------------------------------------------------------- storage and demo data


def test_a_version_5_file_upgrades_keeping_its_chats_and_figures(tmp_path: Path) -> None:
    path = tmp_path / "v5.sqlite3"
    old = sqlite3.connect(path, isolation_level=None)
    for version, script in enumerate(database.MIGRATIONS[:5], start=1):
        old.executescript(f"BEGIN;{script};PRAGMA user_version = {version};COMMIT;")
    old.executescript(
        "INSERT INTO customers(id, token_hash, display_name, lang, created_at)"
        " VALUES ('cus_1', 'h', '老顾客', 'zh', 1);"
        "INSERT INTO conversations(id, customer_id, state, agent, created_at, queued_at, first_response)"
        " VALUES ('conv_1', 'cus_1', 'closed', 'mei', 1, 1, 2.5);"
        "INSERT INTO response_rounds VALUES ('conv_1', 'mei', 1, 3.5, 1);"
    )
    old.close()
    db = database.open_database(path)
    assert database.schema_version(db) == database.SCHEMA_VERSION
    row = db.execute("SELECT first_response, practice_room FROM conversations WHERE id = 'conv_1'").fetchone()
    assert tuple(row) == (2.5, None)
    assert tuple(db.execute("SELECT agent, practice FROM response_rounds").fetchone()) == ("mei", 0)
    assert db.execute("SELECT COUNT(*) FROM practice_rooms").fetchone()[0] == 0
    db.close()


async def test_demo_scenarios_seed_an_empty_table_once(tmp_path: Path) -> None:
    file = demo_files().joinpath("scenarios.json")
    assert file.is_file(), "the demo ships its practice scenarios"
    expected = len(load_scenarios(file.read_bytes()))
    async with serving(make_config(tmp_path, demo=True)) as server:
        assert server.practice.store.count_scenarios() == expected
        assert seed_demo_scenarios(server.practice.store) == 0, "never added twice"
