"""Issue 9's server benchmarks: the real server under a floor of chatting agents and customers.

- ``server_load``: agents (four chats each) and their customers chat at human
  pace through the real server (``python -m agent_desk.server``, fresh data
  folder) and the real protocol, in steps of 100, 1,000, 4,000 and 10,000
  connections on one server; the last step is the 2,000-seat floor. The same
  floor load then runs through a bare relay (bench/relay.py) as a baseline.
- ``server_saturation``: both driven as fast as they answer with a bounded
  number of messages: the server's throughput as a share of the relay's.

The server and the relay run pinned to one CPU and the load workers to the
other (bench/fleet.py); the figures say how many each side had.
"""

from __future__ import annotations

import asyncio
import importlib.util
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from websockets.asyncio.client import connect

from agent_desk.protocol import decode_server, encode
from agent_desk.protocol.messages import Hello, Login, LoginOk
from bench import procstat
from bench.fleet import Generators, Served, relay_argv, server_argv
from bench.harness import Benchmark, Context, Figure, Latency, Registry, Target
from bench.loadgen import ChatPace, WorkerPlan
from bench.seed import CHATS_PER_AGENT, LOGIN_PASSWORD, LOGIN_USER, AgentSeat, seed_floor

WORKERS = 2
"""Load worker processes (all on the generator CPUs): two keep one worker's pauses from stalling all."""
CONNECTIONS_PER_SEAT = 1 + CHATS_PER_AGENT
STEPS = (100, 1000, 4000, 10_000)
"""Connections in each step of the sweep; the last is the floor (2,000 agents, 8,000 customers)."""
QUICK_STEPS = {100: 10, 1000: 15, 4000: 20, 10_000: 25}
"""--quick runs each step at these sizes, under the same names."""
FLOOR_PACE = ChatPace(seconds=30.0, period_s=8.0, think_s=2.0)
"""Each customer writes every 8 s (4–12 s) and each message is answered in 1–3 s: at 8,000
customers that is 1,000 messages/s each way, 2,000/s in all."""
STEP_PACE = ChatPace(seconds=10.0, period_s=8.0, think_s=2.0)
QUICK_PACE = ChatPace(seconds=0.6, period_s=0.3, think_s=0.05)
LOGINS = 8
P99_TARGET_MS = 50.0
RSS_TARGET_KIB = 40.0
RATIO_TARGET = 0.6
SATURATION_SEATS = (250, 4)
"""Agents in the saturation run, full and --quick (each with four chats)."""
SATURATION_ROUNDS = (8, 3)


def register(registry: Registry) -> None:
    registry.add(
        Benchmark(
            "server_load",
            server_load,
            method=(
                "python -m agent_desk.server (fresh data folder seeded through Accounts/Conversations with "
                "agents, session tokens, customers and chats already assigned, four per agent) pinned to one CPU; "
                "load workers (multiprocessing, pinned to the other CPU) connect agents with Bearer tokens and "
                "customers with customer tokens, hello + resume, over websockets with the protocol codec. "
                "Customers send every period_s (0.5-1.5x), agents answer each message after think_s (0.5-1.5x). "
                "Latency: monotonic_ns in the message text, read by the receiving worker. Steps of 100, 1,000, "
                "4,000 and 10,000 connections on one server; rss_per_conn_kib_N = (VmRSS with N idle "
                "connections - VmRSS before any) / N. CPU from /proc/PID/stat over the floor step. The same "
                "floor load then goes through bench/relay.py (bare websockets forwarding) for relay_* figures; "
                "*_diff_ms = server - relay (both directions pooled). login: real password logins (argon2), "
                "timed alone with the floor connected."
            ),
            targets=(
                Target("c2a", P99_TARGET_MS),
                Target("a2c", P99_TARGET_MS),
                Target("lost", 1, stat=None),
                Target("rss_per_conn_kib", RSS_TARGET_KIB, stat=None),
            ),
            budget_s=360,
        )
    )
    registry.add(
        Benchmark(
            "server_saturation",
            server_saturation,
            method=(
                "Every chat trades messages back and forth as fast as the other side receives them (customer "
                "writes, agent answers on receipt), a bounded number of rounds, through the server and then "
                "through bench/relay.py, same CPUs as server_load. Throughput = messages delivered / seconds "
                "from the first send to the last receipt; throughput_ratio = server / relay."
            ),
            targets=(Target("throughput_ratio", RATIO_TARGET, stat=None, at_least=True),),
            budget_s=150,
        )
    )


# ---------------------------------------------------------------- shared pieces


@dataclass(frozen=True, slots=True)
class Setup:
    seats: list[AgentSeat]
    data_dir: Path
    server_cpus: set[int]
    load_cpus: set[int]
    server_extra: tuple[str, ...]
    relay_extra: tuple[str, ...]


def _setup(ctx: Context, agents: int) -> Setup:
    procstat.raise_open_files(2 * agents * CONNECTIONS_PER_SEAT + 1024)
    data_dir = ctx.workdir / "data"
    seats = seed_floor(data_dir, agents)
    server_cpus, load_cpus = procstat.split_cpus()
    fast = importlib.util.find_spec("uvloop") is not None
    ctx.note(
        server_cpus=sorted(server_cpus),
        load_cpus=sorted(load_cpus),
        load_workers=WORKERS,
        event_loop="uvloop" if fast else "asyncio",
        agents=agents,
        customers=agents * CHATS_PER_AGENT,
    )
    extra = ("--uvloop",) if fast else ()
    return Setup(seats, data_dir, server_cpus, load_cpus, extra, extra)


def _plans(setup: Setup, mode: str, port: int) -> list[WorkerPlan]:
    url = f"ws://127.0.0.1:{port}/ws" if mode == "server" else f"ws://127.0.0.1:{port}"
    return [WorkerPlan(mode, url, setup.seats[index::WORKERS], setup.load_cpus, seed=index) for index in range(WORKERS)]


@dataclass
class Run:
    """The workers' reports of one load phase, merged."""

    c2a_ns: list[int]
    a2c_ns: list[int]
    sent: int
    received: int
    acks: int
    errors: int
    first_error: str
    seconds: float
    cpu_s: float

    @classmethod
    def merge(cls, reports: list[dict[str, Any]], cpu_s: float) -> Run:
        c2a = [ns for r in reports for ns in r["c2a_ns"]]
        a2c = [ns for r in reports for ns in r["a2c_ns"]]
        start = min(r["start_ns"] for r in reports)
        end = max(r["end_ns"] or r["start_ns"] for r in reports)
        return cls(
            c2a,
            a2c,
            sent=sum(r["sent_c2a"] + r["sent_a2c"] for r in reports),
            received=len(c2a) + len(a2c),
            acks=sum(r["acks"] for r in reports),
            errors=sum(r["errors"] for r in reports),
            first_error=next((r["first_error"] for r in reports if r["first_error"]), ""),
            seconds=(end - start) / 1e9,
            cpu_s=cpu_s,
        )

    @property
    def lost(self) -> int:
        return self.sent - self.received

    def both(self) -> Latency:
        return Latency.from_ns(self.c2a_ns + self.a2c_ns)


def _chat(generators: Generators, pid: int, pace: ChatPace) -> Run:
    cpu_before = procstat.cpu_seconds(pid)
    reports = generators.command("chat", pace)
    return Run.merge(reports, procstat.cpu_seconds(pid) - cpu_before)


def _settled_rss(pid: int, quick: bool) -> int:
    time.sleep(0.2 if quick else 1.0)  # let the last handshakes' garbage go and the allocator settle
    return procstat.rss_kib(pid)


# ---------------------------------------------------------------- server_load


def server_load(ctx: Context) -> dict[str, Figure]:
    steps = [(name, QUICK_STEPS[name] if ctx.quick else name) for name in STEPS]
    floor_connections = steps[-1][1]
    setup = _setup(ctx, floor_connections // CONNECTIONS_PER_SEAT)
    figures: dict[str, Figure] = {}
    with Served(server_argv(setup.data_dir, setup.server_extra), setup.server_cpus, ctx.workdir / "server.log") as srv:
        figures |= _server_steps(ctx, setup, srv, steps)
    with Served(relay_argv(setup.relay_extra), setup.server_cpus, ctx.workdir / "relay.log") as relay:
        figures |= _relay_floor(ctx, setup, relay)
    figures |= _differences(figures)
    return figures


def _server_steps(ctx: Context, setup: Setup, srv: Served, steps: list[tuple[int, int]]) -> dict[str, Figure]:
    figures: dict[str, Figure] = {}
    rss_before = _settled_rss(srv.pid, ctx.quick)
    details: dict[str, Any] = {"rss_before_kib": rss_before}
    with Generators(_plans(setup, "server", srv.port)) as generators:
        for index, (name, connections) in enumerate(steps):
            floor = index == len(steps) - 1
            per_worker = -(-connections // CONNECTIONS_PER_SEAT // WORKERS)
            connected = generators.command("connect", per_worker)
            live = sum(c["connected"] for c in connected)
            rss = _settled_rss(srv.pid, ctx.quick)
            figures[f"rss_per_conn_kib_{name}"] = round((rss - rss_before) / live, 2)
            if floor:
                figures["login"] = _time_logins(srv.port, 2 if ctx.quick else LOGINS)
            pace = QUICK_PACE if ctx.quick else (FLOOR_PACE if floor else STEP_PACE)
            run = _chat(generators, srv.pid, pace)
            figures[f"latency_{name}"] = run.both()
            details[f"step_{name}"] = {
                "connections": live,
                "connect_s": round(max(c["seconds"] for c in connected), 2),
                "rss_kib": rss,
                "sent": run.sent,
                "received": run.received,
                "errors": run.errors,
                "first_error": run.first_error,
                "pace": {"seconds": pace.seconds, "period_s": pace.period_s, "think_s": pace.think_s},
            }
            if floor:
                figures |= _floor_figures(run, pace, figures[f"rss_per_conn_kib_{name}"])
                steps_connect_s = (d["connect_s"] for k, d in details.items() if k.startswith("step_"))
                figures["connect_s"] = round(sum(steps_connect_s), 1)
    ctx.note(server=details)
    return figures


def _floor_figures(run: Run, pace: ChatPace, rss_per_conn: Figure) -> dict[str, Figure]:
    return {
        "c2a": Latency.from_ns(run.c2a_ns),
        "a2c": Latency.from_ns(run.a2c_ns),
        "msgs_per_s": round(run.received / pace.seconds, 1),
        "lost": run.lost,
        "errors": run.errors,
        "acks_missing": run.sent - run.acks,
        "server_cpu_cores": round(run.cpu_s / run.seconds, 3),
        "cpu_ms_per_msg": round(1000 * run.cpu_s / max(1, run.received), 4),
        "rss_per_conn_kib": rss_per_conn,
    }


def _relay_floor(ctx: Context, setup: Setup, relay: Served) -> dict[str, Figure]:
    pace = QUICK_PACE if ctx.quick else FLOOR_PACE
    with Generators(_plans(setup, "relay", relay.port)) as generators:
        connected = generators.command("connect", None)
        run = _chat(generators, relay.pid, pace)
    ctx.note(relay={"connections": sum(c["connected"] for c in connected), "sent": run.sent, "received": run.received})
    return {
        "relay_c2a": Latency.from_ns(run.c2a_ns),
        "relay_a2c": Latency.from_ns(run.a2c_ns),
        "relay_msgs_per_s": round(run.received / pace.seconds, 1),
        "relay_lost": run.lost,
        "relay_cpu_cores": round(run.cpu_s / run.seconds, 3),
    }


def _differences(figures: dict[str, Figure]) -> dict[str, Figure]:
    server, relay = figures["latency_10000"], _pooled(figures["relay_c2a"], figures["relay_a2c"])
    assert isinstance(server, Latency)
    return {
        "p50_diff_ms": round(server.p50_ms - relay[0], 3),
        "p99_diff_ms": round(server.p99_ms - relay[1], 3),
    }


def _pooled(c2a: Figure, a2c: Figure) -> tuple[float, float]:
    """p50 and p99 of two directions of (about) equal counts: their sample-weighted means."""
    assert isinstance(c2a, Latency)
    assert isinstance(a2c, Latency)
    total = c2a.samples + a2c.samples
    p50 = (c2a.p50_ms * c2a.samples + a2c.p50_ms * a2c.samples) / total
    p99 = (c2a.p99_ms * c2a.samples + a2c.p99_ms * a2c.samples) / total
    return p50, p99


def _time_logins(port: int, count: int) -> Latency:
    """Real password logins, one at a time: argon2 and all."""

    async def one() -> int:
        async with connect(f"ws://127.0.0.1:{port}/ws", compression=None) as socket:
            start = time.perf_counter_ns()
            await socket.send(encode(Hello(id="1", versions=[1], client="agent-desk-bench")))
            await socket.recv()
            await socket.send(encode(Login(id="2", username=LOGIN_USER, password=LOGIN_PASSWORD)))
            while not isinstance(reply := decode_server(await socket.recv()), LoginOk):
                if getattr(reply, "ref", None) == "2":
                    raise RuntimeError(f"bench login refused: {reply}")
            return time.perf_counter_ns() - start

    async def all_of_them() -> list[int]:
        return [await one() for _ in range(count)]

    return Latency.from_ns(asyncio.run(all_of_them()))


# ---------------------------------------------------------------- server_saturation


def server_saturation(ctx: Context) -> dict[str, Figure]:
    agents = SATURATION_SEATS[1] if ctx.quick else SATURATION_SEATS[0]
    rounds = SATURATION_ROUNDS[1] if ctx.quick else SATURATION_ROUNDS[0]
    setup = _setup(ctx, agents)
    ctx.note(rounds=rounds, messages_planned=2 * rounds * agents * CHATS_PER_AGENT)
    with Served(server_argv(setup.data_dir, setup.server_extra), setup.server_cpus, ctx.workdir / "server.log") as srv:
        server = _saturate(setup, "server", srv, rounds)
    with Served(relay_argv(setup.relay_extra), setup.server_cpus, ctx.workdir / "relay.log") as relay:
        bare = _saturate(setup, "relay", relay, rounds)
    server_rate, relay_rate = server.received / server.seconds, bare.received / bare.seconds
    ctx.note(server_seconds=round(server.seconds, 2), relay_seconds=round(bare.seconds, 2), errors=server.errors)
    return {
        "server_msgs_per_s": round(server_rate, 1),
        "relay_msgs_per_s": round(relay_rate, 1),
        "throughput_ratio": round(server_rate / relay_rate, 3),
        "server_cpu_cores": round(server.cpu_s / server.seconds, 3),
        "relay_cpu_cores": round(bare.cpu_s / bare.seconds, 3),
        "server_latency": server.both(),
        "relay_latency": bare.both(),
        "lost": server.lost + bare.lost,
    }


def _saturate(setup: Setup, mode: str, served: Served, rounds: int) -> Run:
    with Generators(_plans(setup, mode, served.port)) as generators:
        generators.command("connect", None)
        cpu_before = procstat.cpu_seconds(served.pid)
        reports = generators.command("pingpong", rounds)
        return Run.merge(reports, procstat.cpu_seconds(served.pid) - cpu_before)
