"""The team lead's dashboard: the live floor, the crisis quotient, today's KPIs, history, alerts.

Live figures come from the in-memory floor; today's figures from the stored
conversations, response rounds and escalations since the start of the
server's local day (practice is left out everywhere). Two things live only in
memory and restart empty: each seat's online time today and the history of
samples (the last eight hours).
"""

from __future__ import annotations

import asyncio
import logging
import math
import sqlite3
from collections import deque
from dataclasses import dataclass, field

from agent_desk.protocol.messages import (
    AgentKpi,
    AgentStatus,
    ChatState,
    CqLevel,
    FloorAlert,
    FloorReport,
    FloorSample,
    LiveFigures,
    Role,
    TodayFigures,
)
from agent_desk.server.response_metrics import ResponseMetrics
from agent_desk.server.service import ChatService
from agent_desk.server.team_settings import TeamSettingsStore

log = logging.getLogger(__name__)

HISTOGRAM_EDGES = (5.0, 10.0, 20.0, 30.0, 60.0)
"""First-response buckets: 0-5 s, 5-10, 10-20, 20-30, 30-60, 60+ (a bucket includes its lower edge)."""
HISTORY_SECONDS = 8 * 3600.0
SUPERVISORS = frozenset({Role.LEAD, Role.ADMIN})
LEVELS: tuple[CqLevel, ...] = ("normal", "busy", "overload")
AGENTS_QUEUE = "agents"


def crisis(waiting: int, active: int, capacity: int, busy: float, overload: float) -> tuple[float, CqLevel]:
    """The crisis quotient (waiting + active) / capacity and its level.

    Normal below ``busy``, busy from ``busy`` up to ``overload``, overload above it.
    With no capacity, any work is an overload (the CQ is then the work itself).
    """
    work = waiting + active
    if capacity <= 0:
        return (float(work), "overload") if work else (0.0, "normal")
    cq = work / capacity
    if cq > overload:
        return cq, "overload"
    return cq, "busy" if cq >= busy else "normal"


@dataclass(slots=True)
class Presence:
    """When each staff seat had a connection, in memory: a server restart forgets it."""

    since: dict[str, float] = field(default_factory=dict)
    """Start of each seat's running session."""
    spans: dict[str, list[tuple[float, float]]] = field(default_factory=dict)
    """Finished sessions that ended within the last day."""

    def changed(self, username: str, online: bool, now: float) -> None:
        if online:
            self.since.setdefault(username, now)
            return
        started = self.since.pop(username, None)
        if started is None:
            return
        kept = [span for span in self.spans.get(username, []) if span[1] > now - 86400]
        self.spans[username] = [*kept, (started, now)]

    def seconds(self, username: str, start: float, now: float) -> float:
        """Connected time between ``start`` and ``now``, the running session included."""
        spans = list(self.spans.get(username, []))
        if username in self.since:
            spans.append((self.since[username], now))
        return sum(max(0.0, min(end, now) - max(begin, start)) for begin, end in spans)


class Dashboard:
    """Figures for ``floor_status``, the sampled history and ``floor_alert`` pushes."""

    def __init__(
        self,
        db: sqlite3.Connection,
        chats: ChatService,
        metrics: ResponseMetrics,
        settings: TeamSettingsStore,
        sample_seconds: float = 60.0,
    ) -> None:
        self._db = db
        self.chats = chats
        self.metrics = metrics
        self.settings = settings
        self.sample_seconds = sample_seconds
        self.history: deque[FloorSample] = deque(maxlen=max(1, math.ceil(HISTORY_SECONDS / sample_seconds)))
        self.presence = Presence()
        self._level: CqLevel = "normal"
        """The level last seen: an alert goes out when the floor climbs above it."""
        chats.on_routed.append(self.check_alert)
        chats.on_presence.append(self.presence_changed)

    # ------------------------------------------------------------ live

    def live(self) -> LiveFigures:
        floor, now = self.chats.floor, self.chats.clock.now()
        online = [s for s in floor.seats.values() if s.queue == AGENTS_QUEUE and s.online]
        statuses = [s.status for s in online]
        waiting = floor.queued(AGENTS_QUEUE)
        active = sum(
            1
            for c in floor.open.values()
            if c.state is ChatState.ASSIGNED and c.practice_room is None and c.queue == AGENTS_QUEUE
        )
        capacity = sum(s.limit for s in online)
        rules = self.settings.get()
        cq, level = crisis(len(waiting), active, capacity, rules.cq_busy, rules.cq_overload)
        return LiveFigures(
            agents_online=len(online),
            available=statuses.count(AgentStatus.AVAILABLE),
            away=statuses.count(AgentStatus.AWAY),
            paused=statuses.count(AgentStatus.PAUSED),
            chats_active=active,
            queue_length=len(waiting),
            longest_wait=max(0.0, now - waiting[0].queued_at) if waiting else 0.0,
            capacity=capacity,
            cq=cq,
            cq_level=level,
        )

    def check_alert(self) -> None:
        """Push ``floor_alert`` to leads and admins if the level rose since the last look."""
        self._alert_if_rising(self.live())

    def _alert_if_rising(self, live: LiveFigures) -> FloorAlert | None:
        before, self._level = self._level, live.cq_level
        if LEVELS.index(live.cq_level) <= LEVELS.index(before):
            return None
        alert = FloorAlert(level=live.cq_level, cq=live.cq, live=live)
        for seat in self.chats.floor.seats.values():
            for peer in seat.peers:
                if peer.user is not None and peer.user.role in SUPERVISORS:
                    peer.push(alert)
        return alert

    def presence_changed(self, username: str, online: bool) -> None:
        self.presence.changed(username, online, self.chats.clock.now())
        if not online:
            self.check_alert()  # capacity fell: the quotient may have risen

    # ------------------------------------------------------------ history

    def sample_now(self) -> FloorSample:
        """Record the queue and the CQ now (the sampler calls this; so may tests)."""
        live = self.live()
        now = self.chats.clock.now()
        sample = FloorSample(ts=now, queue_length=live.queue_length, cq=live.cq)
        self.history.append(sample)
        while self.history and self.history[0].ts < now - HISTORY_SECONDS:
            self.history.popleft()
        self._alert_if_rising(live)
        return sample

    async def run_sampler(self) -> None:
        """Sample every ``sample_seconds`` until cancelled (the server owns the task)."""
        while True:
            await asyncio.sleep(self.sample_seconds)
            try:
                self.sample_now()
            except sqlite3.Error:
                log.exception("floor sample failed")

    # ------------------------------------------------------------ the report

    def report(self, ref: str) -> FloorReport:
        return FloorReport(ref=ref, live=self.live(), today=self.today(), history=list(self.history))

    def today(self) -> TodayFigures:
        since = self.metrics.start_of_today()
        totals = self.metrics.totals(None, since)
        agent_msgs, customer_msgs = self._db.execute(
            "SELECT COALESCE(SUM(agent_messages), 0), COALESCE(SUM(customer_messages), 0)"
            " FROM conversations WHERE created_at >= ? AND practice_room IS NULL",
            (since,),
        ).fetchone()
        (escalations,) = self._db.execute("SELECT COUNT(*) FROM escalations WHERE created_at >= ?", (since,)).fetchone()
        closed, satisfaction, dissatisfaction, participation = self._ratings(since, None)
        return TodayFigures(
            since=since,
            first_response_average=_share(totals.first_total, totals.first_responses),
            first_response_within_target=_share(totals.first_within, totals.first_responses),
            response_average=_share(totals.rounds_total, totals.rounds),
            ratio=_share(agent_msgs, customer_msgs),
            satisfaction_rate=satisfaction,
            dissatisfaction_rate=dissatisfaction,
            participation_rate=participation,
            escalations=int(escalations),
            chats_closed=closed,
            first_response_histogram=self._histogram(since),
            agents=self._agents(since),
        )

    def _ratings(self, since: float, agent: str | None) -> tuple[int, float | None, float | None, float | None]:
        """Chats closed since ``since`` (the rating invitations) and the three rating rates.

        An agent's chats are those they held when the chat closed.
        """
        where, args = ("", [since]) if agent is None else (" AND agent = ?", [since, agent])
        invited, rated, good, bad = self._db.execute(
            "SELECT COUNT(*), COUNT(rating), COALESCE(SUM(rating >= 4), 0), COALESCE(SUM(rating <= 2), 0)"
            " FROM conversations WHERE state = 'closed' AND closed_at >= ? AND practice_room IS NULL" + where,
            args,
        ).fetchone()
        return int(invited), _share(good, rated), _share(bad, rated), _share(rated, invited)

    def _histogram(self, since: float) -> list[int]:
        cases = " ".join(f"WHEN d < {edge} THEN {i}" for i, edge in enumerate(HISTOGRAM_EDGES))
        counts = [0] * (len(HISTOGRAM_EDGES) + 1)
        rows = self._db.execute(
            f"SELECT CASE {cases} ELSE {len(HISTOGRAM_EDGES)} END AS bucket, COUNT(*) FROM"
            " (SELECT answered_at - started_at AS d FROM response_rounds"
            "  WHERE first = 1 AND practice = 0 AND answered_at >= ?) GROUP BY bucket",
            (since,),
        )
        for bucket, count in rows:
            counts[int(bucket)] = int(count)
        return counts

    def _agents(self, since: float) -> list[AgentKpi]:
        """Every agent who was online today or took part in a chat today, by user name."""
        now = self.chats.clock.now()
        rows: list[AgentKpi] = []
        for user in sorted(self.chats.accounts.all_users(), key=lambda u: u.username):
            if user.role is not Role.AGENT:
                continue
            stats = self.metrics.agent_stats("dashboard", user.username, since)
            seconds = self.presence.seconds(user.username, since, now)
            if not stats.chats and not seconds:
                continue
            hours = seconds / 3600
            _closed, satisfaction, dissatisfaction, participation = self._ratings(since, user.username)
            rows.append(
                AgentKpi(
                    agent=user.username,
                    name=user.display_name,
                    chats=stats.chats,
                    online_hours=hours,
                    cph=stats.chats / hours if hours else None,
                    first_response_average=stats.first_response_average,
                    first_response_within_target=stats.first_response_within_target,
                    response_average=stats.response_average,
                    ratio=stats.ratio,
                    satisfaction_rate=satisfaction,
                    dissatisfaction_rate=dissatisfaction,
                    participation_rate=participation,
                    transferred_out=stats.transferred_out,
                )
            )
        return rows


def _share(part: float, whole: float) -> float | None:
    return part / whole if whole else None
