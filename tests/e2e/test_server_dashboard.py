"""The lead's dashboard against the real server with a controllable clock: live floor
figures and the crisis quotient, today's KPIs (team and per agent) worked out by hand
from scripted traffic, the sampled history, rising-level alerts, and who may look."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from agent_desk.client.connection import Connection
from agent_desk.domain.clock import ManualClock
from agent_desk.protocol.errors import ErrorCode
from agent_desk.protocol.messages import (
    AgentKpi,
    AgentStatus,
    CloseChat,
    ClosePractice,
    Escalate,
    FloorAlert,
    FloorReport,
    FloorSample,
    FloorStatus,
    Ok,
    OpenPractice,
    PracticeOpened,
    PracticeSay,
    Rate,
    Role,
    SetStatus,
)
from agent_desk.server.app import Server
from agent_desk.server.dashboard import crisis
from support import make_config, refused, serving, staff, wait_until

pytestmark = pytest.mark.e2e

T0 = time.mktime((2025, 6, 16, 10, 0, 0, 0, 0, -1))
"""10:00 local time: the scripted day never crosses midnight, whatever the time zone."""


def drain(conn: Connection) -> list[object]:
    """Every unsolicited frame the connection has received so far."""
    frames: list[object] = []
    while not conn.events.empty():
        frames.append(conn.events.get_nowait())
    return frames


def alerts(conn: Connection) -> list[tuple[str, float]]:
    return [(f.level, f.cq) for f in drain(conn) if isinstance(f, FloorAlert)]


async def report(conn: Connection) -> FloorReport:
    return await conn.request(FloorStatus(id=conn.next_id()), FloorReport)


async def customer(server: Server, name: str) -> tuple[Connection, str]:
    conn = await Connection.open(server.url)
    return conn, (await conn.join_as_customer(name)).conversation_id


async def close(agent: Connection, conv: str) -> None:
    await agent.request(CloseChat(id=agent.next_id(), conversation_id=conv, wrap_up="resolved"), Ok)


async def rate(shopper: Connection, conv: str, rating: int) -> None:
    await shopper.request(Rate(id=shopper.next_id(), conversation_id=conv, rating=rating), Ok)


def test_crisis_levels_at_and_around_the_thresholds() -> None:
    assert crisis(0, 0, 0, 0.8, 1.0) == (0.0, "normal")
    assert crisis(2, 1, 0, 0.8, 1.0) == (3.0, "overload"), "work and nobody to do it"
    assert crisis(0, 3, 4, 0.8, 1.0) == (0.75, "normal")
    assert crisis(0, 4, 5, 0.8, 1.0) == (0.8, "busy")
    assert crisis(1, 4, 5, 0.8, 1.0) == (1.0, "busy"), "overload starts above the threshold"
    assert crisis(2, 4, 5, 0.8, 1.0) == (1.2, "overload")


async def practice_round(server: Server, at: Callable[[float], None]) -> None:
    """A trainer and a trainee hold a practice chat, answered after 70 s, then close it:
    none of it may count (a 70 s first response would show in the 60+ bucket)."""
    trainee = await staff(server, "xiao", Role.TRAINEE)
    trainer = await staff(server, "chen", Role.TRAINER)
    room = (await trainer.request(OpenPractice(id="p", trainees=["xiao"]), PracticeOpened)).room
    at(400)
    await trainer.request(PracticeSay(id="s", room_id=room.room_id, text="这件有XL吗"), Ok)
    at(470)
    await trainee.send_text(room.members[0].conversation_id, "亲,有的")
    await trainer.request(ClosePractice(id="c", room_id=room.room_id), Ok)
    for conn in (trainee, trainer):
        await conn.close()


async def test_every_figure_matches_the_hand_count(tmp_path: Path) -> None:
    clock = ManualClock(T0)

    def at(t: float) -> None:
        """Move the clock to ``t`` seconds after T0."""
        clock.advance(T0 + t - clock.now())

    async with serving(make_config(tmp_path, floor_sample_seconds=3600.0), clock) as server:
        lead = await staff(server, "lead", Role.LEAD)
        empty = await report(lead)
        assert (empty.live.agents_online, empty.live.cq, empty.live.cq_level) == (0, 0.0, "normal")
        assert (empty.today.agents, empty.today.first_response_histogram) == ([], [0] * 6)
        assert empty.today.since == T0 - 10 * 3600

        # t=0: mei (limit 2) takes c1 and c2; lan (limit 3) arrives and takes c3..c5; c6 waits.
        mei = await staff(server, "mei", max_chats=2)
        shoppers = [await customer(server, f"c{i}") for i in (1, 2)]
        lan = await staff(server, "lan", max_chats=3)
        shoppers += [await customer(server, f"c{i}") for i in (3, 4, 5, 6)]
        (s1, c1), (s2, c2), (s3, c3), (s4, c4), (s5, c5), (s6, c6) = shoppers
        held = {c: server.service.floor.open[c].agent for _s, c in shoppers}
        assert held == {c1: "mei", c2: "mei", c3: "lan", c4: "lan", c5: "lan", c6: None}

        at(10)  # every customer asks
        for shopper, conv in shoppers:
            await shopper.send_text(conv, "在吗?")
        live = (await report(lead)).live
        assert (live.agents_online, live.available, live.away, live.paused) == (2, 2, 0, 0)
        assert (live.chats_active, live.queue_length, live.longest_wait, live.capacity) == (5, 1, 10.0, 5)
        assert (live.cq, live.cq_level) == (1.2, "overload")
        # 2/2 with mei alone is busy; lan's arrival makes it 2/5 (a fall: silent), 4/5 busy again, 6/5 overload.
        assert alerts(lead) == [("busy", 1.0), ("busy", 0.8), ("overload", 1.2)]
        assert server.dashboard.sample_now() == FloorSample(ts=T0 + 10, queue_length=1, cq=1.2)

        at(13)
        await mei.send_text(c1, "亲,在的")  # first response 3 s
        at(16)
        await lan.send_text(c3, "亲,您好")  # 6 s
        await lan.send_text(c3, "请问想了解哪款?")
        at(20)
        await s1.send_text(c1, "这件有M码吗")
        at(22)
        await mei.send_text(c2, "在的亲")  # 12 s
        at(30)
        await mei.send_text(c1, "有的亲")  # a 10 s round
        at(45)
        await lan.send_text(c4, "您好")  # 35 s
        at(50)
        await s4.send_text(c4, "还在吗")  # left unanswered
        at(100)
        await lan.send_text(c5, "抱歉久等")  # 90 s

        at(200)
        await close(mei, c1)  # c6 goes to mei, who escalates it without a word
        await rate(s1, c1, 5)
        assert server.service.floor.open[c6].agent == "mei"
        await mei.request(Escalate(id="e", conversation_id=c6, reason="after_sales"), Ok)
        for t, (agent, shopper, conv, rating) in zip(
            (210, 220, 230, 240),
            ((mei, s2, c2, 4), (lan, s3, c3, 3), (lan, s4, c4, 1), (lan, s5, c5, None)),
            strict=True,
        ):
            at(t)
            await close(agent, conv)
            if rating is not None:
                await rate(shopper, conv, rating)
        await lan.request(SetStatus(id="p", status=AgentStatus.PAUSED), Ok)
        live = (await report(lead)).live
        assert (live.agents_online, live.available, live.paused, live.chats_active, live.queue_length) == (
            2,
            1,
            1,
            0,
            0,
        ), "the escalated chat waits for a specialist, outside the agents' floor"
        assert (live.cq, live.cq_level) == (0.0, "normal")
        assert alerts(lead) == [], "falling levels raise no alert"

        at(300)  # mei leaves for ten minutes, and the trainees practise meanwhile
        await mei.close()
        await wait_until(lambda: not server.service.floor.seats["mei"].online)
        await practice_round(server, at)
        at(900)
        mei = await staff(server, "mei")

        at(1800)
        sample = server.dashboard.sample_now()
        floor = await report(lead)
        today = floor.today
        assert floor.history == [FloorSample(ts=T0 + 10, queue_length=1, cq=1.2), sample]
        assert (floor.live.agents_online, floor.live.capacity, floor.live.cq) == (2, 5, 0.0)
        # First responses 3, 6, 12, 35, 90 (the practice chat's 70 s is left out); one 10 s round.
        practice = server.db.execute("SELECT answered_at - started_at FROM response_rounds WHERE practice = 1")
        assert [row[0] for row in practice] == [70.0], "the practice chat was timed, so leaving it out means something"
        assert today.first_response_average == pytest.approx(146 / 5)
        assert today.first_response_within_target == pytest.approx(1 / 5)
        assert today.first_response_histogram == [1, 1, 1, 0, 1, 1]
        assert today.response_average == pytest.approx(10.0)
        assert today.ratio == pytest.approx(7 / 8), "agent 2+1+2+1+1+0, customer 2+1+1+2+1+1"
        # Closed today: c1..c5 (five invitations); rated 5, 4, 3, 1.
        assert (today.chats_closed, today.escalations) == (5, 1)
        assert today.satisfaction_rate == pytest.approx(2 / 4)
        assert today.dissatisfaction_rate == pytest.approx(1 / 4)
        assert today.participation_rate == pytest.approx(4 / 5)
        kpis = {k.agent: k for k in today.agents}
        assert sorted(kpis) == ["lan", "mei"], "agents only: not the trainee, the trainer or the lead"
        assert kpis["mei"] == AgentKpi(
            agent="mei",
            name="mei",
            chats=3,
            online_hours=pytest.approx(1200 / 3600),
            cph=pytest.approx(3 / (1200 / 3600)),
            first_response_average=pytest.approx(7.5),
            first_response_within_target=pytest.approx(0.5),
            response_average=pytest.approx(10.0),
            ratio=pytest.approx(3 / 4),
            satisfaction_rate=pytest.approx(1.0),
            dissatisfaction_rate=pytest.approx(0.0),
            participation_rate=pytest.approx(1.0),
            transferred_out=1,
        )
        assert kpis["lan"] == AgentKpi(
            agent="lan",
            name="lan",
            chats=3,
            online_hours=pytest.approx(0.5),
            cph=pytest.approx(6.0),
            first_response_average=pytest.approx(131 / 3),
            first_response_within_target=pytest.approx(0.0),
            response_average=None,
            ratio=pytest.approx(1.0),
            satisfaction_rate=pytest.approx(0.0),
            dissatisfaction_rate=pytest.approx(1 / 2),
            participation_rate=pytest.approx(2 / 3),
            transferred_out=0,
        )

        at(1800 + 8 * 3600)  # the history keeps eight hours
        late = server.dashboard.sample_now()
        assert list(server.dashboard.history) == [sample, late]
        for conn in (s1, s2, s3, s4, s5, s6, mei, lan, lead):
            await conn.close()


async def test_the_server_samples_the_floor_on_its_own(tmp_path: Path) -> None:
    async with serving(make_config(tmp_path, floor_sample_seconds=0.01), ManualClock(T0)) as server:
        lead = await staff(server, "lead", Role.LEAD)
        shopper, _conv = await customer(server, "排队的")
        await wait_until(lambda: server.dashboard.history[-1].queue_length if server.dashboard.history else 0)
        assert server.dashboard.history[-1] == FloorSample(ts=T0, queue_length=1, cq=1.0)
        assert (await report(lead)).history[-1].queue_length == 1
        assert alerts(lead) == [("overload", 1.0)], "work with nobody online: overload, once"
        for conn in (lead, shopper):
            await conn.close()


async def test_agents_and_customers_may_not_see_the_floor(tmp_path: Path) -> None:
    async with serving(make_config(tmp_path)) as server:
        agent = await staff(server, "mei")
        await refused(agent, FloorStatus(id="f"), ErrorCode.FORBIDDEN)
        shopper, _conv = await customer(server, "看看")
        await refused(shopper, FloorStatus(id="f"), ErrorCode.FORBIDDEN)
        admin = await staff(server, "boss", Role.ADMIN)
        assert (await report(admin)).live.agents_online == 1
        for conn in (agent, shopper, admin):
            await conn.close()
