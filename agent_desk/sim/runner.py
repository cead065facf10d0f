"""Run a crowd of simulated shoppers (and optionally agents) against a server.

Shoppers arrive at ``rate`` per second (Poisson) until ``customers`` have come. The run ends
when every shopper is done, when ``duration`` seconds have passed, or when ``stop`` is set;
whatever is still running is then cancelled and awaited, so no task outlives the run.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Coroutine, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from agent_desk.sim import behaviour
from agent_desk.sim.agents import SimAgent
from agent_desk.sim.shopper import Shopper
from agent_desk.sim.stats import Summary

AGENT_LOGIN_SECONDS = 15.0
"""How long the run waits for its simulated agents to log in before customers arrive."""


@dataclass(slots=True)
class SimConfig:
    url: str
    customers: int = 10
    rate: float = 0.5
    """Arrivals per second."""
    duration: float = 300.0
    """Upper bound of the whole run, in seconds."""
    seed: int | None = None
    """None draws one; the summary prints it so a run can be repeated."""
    lang: str = "mix"
    pace: float = 1.0
    """Multiplies every human delay (thinking, typing, patience): 0.01 runs 100 times faster."""
    rating_chance: float = behaviour.RATING_CHANCE
    agents: list[tuple[str, str]] = field(default_factory=list)
    """(username, password) of simulated agents to run alongside the shoppers."""
    ca_file: Path | None = None
    """A PEM file of extra trusted certificates, for a ``wss://`` server with a private CA."""


class Simulator:
    """One run. ``summary`` fills in as it goes; :meth:`run` returns it at the end."""

    def __init__(self, config: SimConfig) -> None:
        self.config = config
        self.seed = config.seed if config.seed is not None else random.SystemRandom().randrange(2**31)
        self.summary = Summary(seed=self.seed)
        self._arrivals = random.Random(f"{self.seed}/arrivals")
        self._tasks: dict[asyncio.Task[None], str] = {}
        """Every task this run started, with who it plays (for error reports)."""
        self._customers: set[asyncio.Task[None]] = set()
        self._agents: list[SimAgent] = []

    async def run(self, stop: asyncio.Event | None = None) -> Summary:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.config.duration
        stopper = asyncio.create_task((stop or asyncio.Event()).wait(), name="sim-stop")
        try:
            await self._start_agents(min(deadline, loop.time() + AGENT_LOGIN_SECONDS), stopper)
            await self._spawn_customers(deadline, stopper)
        finally:
            await self._shutdown(stopper)
        return self.summary

    # ------------------------------------------------------------ agents

    async def _start_agents(self, deadline: float, stopper: asyncio.Task[Any]) -> None:
        """Log the simulated agents in; returns once all are ready, one failed, or at the deadline."""
        for username, password in self.config.agents:
            agent = SimAgent(
                self.config.url,
                username,
                password,
                pace=self.config.pace,
                rng=random.Random(f"{self.seed}/agent/{username}"),
                summary=self.summary,
                ca_file=self.config.ca_file,
            )
            self._agents.append(agent)
            self._start(agent.run(), f"agent {username}")
        if not self._agents:
            return
        waiters: set[asyncio.Task[Any]] = {
            asyncio.create_task(a.ready.wait(), name=f"sim-ready-{a.username}") for a in self._agents
        }
        try:
            await self._until_ready(waiters, deadline, stopper)
        finally:
            await _cancel_all(waiters)
        self.summary.agents_ready = sum(a.ready.is_set() for a in self._agents)

    async def _until_ready(self, waiters: set[asyncio.Task[Any]], deadline: float, stopper: asyncio.Task[Any]) -> None:
        loop = asyncio.get_running_loop()
        agent_tasks = set(self._tasks)
        watched: set[asyncio.Task[Any]] = {*waiters, *agent_tasks, stopper}
        while not all(a.ready.is_set() for a in self._agents):
            timeout = deadline - loop.time()
            if timeout <= 0:
                return
            done, _ = await asyncio.wait(watched, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
            if stopper in done or done & agent_tasks:  # stopped, or an agent failed to log in
                self._harvest(done)
                return
            watched -= done

    # ------------------------------------------------------------ customers

    async def _spawn_customers(self, deadline: float, stopper: asyncio.Task[Any]) -> None:
        loop = asyncio.get_running_loop()
        next_arrival = loop.time()
        spawned = 0
        while not stopper.done():
            now = loop.time()
            if now >= deadline:
                return
            if spawned < self.config.customers and now >= next_arrival:
                self._start_customer(spawned)
                spawned += 1
                next_arrival += behaviour.arrival_gap(self._arrivals, self.config.rate)
                continue
            if spawned >= self.config.customers and self._all_done():
                return
            wake = deadline if spawned >= self.config.customers else min(deadline, next_arrival)
            done, _ = await asyncio.wait(
                {*self._tasks, stopper}, timeout=wake - now, return_when=asyncio.FIRST_COMPLETED
            )
            self._harvest(done)

    def _start_customer(self, index: int) -> None:
        shopper = Shopper(
            self.config.url,
            random.Random(f"{self.seed}/customer/{index}"),
            self.summary,
            lang_mode=self.config.lang,
            pace=self.config.pace,
            rating_chance=self.config.rating_chance,
            ca_file=self.config.ca_file,
        )
        self.summary.customers_started += 1
        task = self._start(shopper.run(), f"customer {index} ({shopper.script.name})")
        self._customers.add(task)

    def _all_done(self) -> bool:
        """Every shopper finished; with no shoppers at all, the agents run until the deadline."""
        if self.config.customers > 0:
            return not self._customers
        return not self._tasks

    # ------------------------------------------------------------ tasks

    def _start(self, coro: Coroutine[Any, Any, None], who: str) -> asyncio.Task[None]:
        task = asyncio.create_task(coro, name=f"sim {who}")
        self._tasks[task] = who
        return task

    def _harvest(self, done: Iterable[asyncio.Task[Any]]) -> None:
        """Forget finished tasks and count the ones that failed."""
        for task in done:
            who = self._tasks.pop(task, None)
            if who is None:
                continue
            self._customers.discard(task)
            if not task.cancelled() and (exc := task.exception()) is not None:
                self.summary.record_error(who, exc)

    async def _shutdown(self, stopper: asyncio.Task[Any]) -> None:
        self.summary.unfinished += sum(1 for task in self._customers if not task.done())
        await _cancel_all({stopper, *self._tasks})
        self._harvest(list(self._tasks))


async def _cancel_all(tasks: set[asyncio.Task[Any]]) -> None:
    for task in tasks:
        task.cancel()
    if tasks:
        await asyncio.wait(tasks)


async def run_simulation(config: SimConfig, stop: asyncio.Event | None = None) -> Summary:
    """Run one simulation and return its summary."""
    return await Simulator(config).run(stop)


__all__ = ["SimConfig", "Simulator", "Summary", "run_simulation"]
