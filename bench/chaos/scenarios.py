"""The faults: each scenario builds its own floor, injects, and checks the invariants."""

from __future__ import annotations

import asyncio
import contextlib
import random
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.chaos.floor import Floor, percentile, read_database, resumed_since, wait_for
from bench.chaos.people import SimCustomer, SimDesk
from bench.chaos.proxy import FaultProxy
from bench.chaos.server import ServerProcess, seed_accounts

REPO = Path(__file__).resolve().parents[2]
"""Where ``python -m bench.chaos.desk_child`` is found."""
RESUME_LIMIT = 2.0
"""Seconds from the server listening again to every client having resumed."""
DETECT_LIMIT = 10.0
"""Seconds a desk may take to notice a dead (stalled) link."""
P99_MIN_ROUNDS = 3
"""Fewer fault/fault-free window pairs than this: the latency is reported, not judged."""
P99_SLACK = 0.20
"""The others' p99 latency with a slow consumer may exceed the fault-free p99 by this fraction."""


@dataclass(slots=True)
class Sizes:
    """Counts and durations; ``make chaos`` uses the defaults, the test a short version."""

    cycles: int = 50
    desks: int = 8
    customers: int = 24
    interval: float = 0.25
    resets: int = 5
    stall_seconds: float = 30.0
    slow_window: float = 6.0
    """Long enough for the kernel's buffers and then the server's queue to fill."""
    slow_rounds: int = 4
    unsent: int = 20


def _invariants_hold(figures: dict[str, Any]) -> bool:
    return all(int(figures[key]) == 0 for key in ("lost", "duplicated", "sequence_gaps", "unacked"))


@contextlib.asynccontextmanager
async def traffic(floor: Floor, interval: float, big: set[str] | None = None) -> Any:
    stop = asyncio.Event()
    task = asyncio.create_task(floor.run_traffic(stop, interval, big or set()))
    try:
        yield
    finally:
        stop.set()
        await task


async def finish(floor: Floor, result: dict[str, Any]) -> dict[str, Any]:
    result["settled"] = await floor.settle()
    result.update(floor.check())
    result["ok"] = bool(result.get("ok", True)) and result["settled"] and _invariants_hold(result)
    return result


# ---------------------------------------------------------------- kill -9 and restart


async def kill_restart(workdir: Path, sizes: Sizes, rng: random.Random) -> dict[str, Any]:
    floor = Floor(workdir, sizes.desks, sizes.customers)
    await floor.open()
    server = floor.server
    assert isinstance(server, ServerProcess)
    resume_times: list[float] = []
    late = 0
    try:
        async with traffic(floor, sizes.interval):
            for _cycle in range(sizes.cycles):
                await asyncio.sleep(rng.uniform(0.3, 1.0))  # traffic flows meanwhile
                killed = time.monotonic()
                await server.kill()
                back = await server.start()
                presences = floor.presences()
                await wait_for(resumed_since(presences, killed), 15)
                times = [(p.resumed_after(killed) or float("inf")) - back for p in presences]
                worst = max(0.0, max(times))
                resume_times.append(worst)
                late += sum(1 for t in times if t > RESUME_LIMIT)
        result: dict[str, Any] = {
            "cycles": sizes.cycles,
            "clients": len(floor.presences()),
            "resume_seconds_max": round(max(resume_times, default=0.0), 3),
            "resume_seconds_p50": round(percentile(resume_times, 0.5), 3),
            "resumes_over_limit": late,
            "resume_limit_seconds": RESUME_LIMIT,
        }
        result["ok"] = late == 0
        return await finish(floor, result)
    finally:
        await floor.close()


# ---------------------------------------------------------------- the client's link


async def transport_reset(workdir: Path, sizes: Sizes, rng: random.Random) -> dict[str, Any]:
    """Cut the links of some desks and customers mid-send (an RST from a proxy), repeatedly."""
    floor = Floor(workdir, sizes.desks, sizes.customers, proxied_desks=2, proxied_customers=4)
    await floor.open()
    cut = 0
    back_times: list[float] = []
    try:
        async with traffic(floor, sizes.interval / 2):
            for _ in range(sizes.resets):
                await asyncio.sleep(rng.uniform(0.3, 0.8))
                moment = time.monotonic()
                cut += sum(proxy.reset() for proxy in floor.proxies.values())
                faulted = [d.presence for d in floor.desk_list[:2]] + [c.presence for c in floor.customer_list[:4]]
                await wait_for(resumed_since(faulted, moment), 15)
                back_times.append(max((p.resumed_after(moment) or float("inf")) - moment for p in faulted))
        result: dict[str, Any] = {
            "resets": sizes.resets,
            "links_cut": cut,
            "resume_seconds_max": round(max(back_times, default=0.0), 3),
        }
        result["ok"] = cut > 0 and max(back_times, default=0.0) <= RESUME_LIMIT
        return await finish(floor, result)
    finally:
        await floor.close()


async def stall(workdir: Path, sizes: Sizes, rng: random.Random) -> dict[str, Any]:
    """Stop forwarding a desk's link (both ways, nothing closed) for a while, then let it through."""
    floor = Floor(workdir, sizes.desks, sizes.customers, proxied_desks=2)
    await floor.open()
    try:
        stalled = floor.desk_list[:2]
        async with traffic(floor, sizes.interval):
            await asyncio.sleep(1.0)
            began = time.monotonic()
            for desk in stalled:
                floor.proxies[desk.username].stall()
            await asyncio.sleep(sizes.stall_seconds)
            detect = [(d.presence.dropped_at[-1] if d.presence.dropped_at else float("inf")) - began for d in stalled]
            for desk in stalled:
                floor.proxies[desk.username].resume()
                floor.proxies[desk.username].reset()  # the old links are dead ends now
            ended = time.monotonic()
            await wait_for(lambda: all(d.presence.resumed_after(ended) for d in stalled), 15)
            back = [(d.presence.resumed_after(ended) or float("inf")) - ended for d in stalled]
        result: dict[str, Any] = {
            "stall_seconds": sizes.stall_seconds,
            "detect_seconds_max": round(max(detect), 3),
            "detect_limit_seconds": DETECT_LIMIT,
            "resume_seconds_max": round(max(back), 3),
        }
        result["ok"] = max(detect) <= DETECT_LIMIT and max(back) <= RESUME_LIMIT
        return await finish(floor, result)
    finally:
        await floor.close()


# ---------------------------------------------------------------- a slow consumer


async def slow_consumer(workdir: Path, sizes: Sizes, rng: random.Random) -> dict[str, Any]:
    """One desk stops reading while its customers write long lines: the server's queue for it
    is bounded, it is closed with 1013 and resumes; everybody else's latency holds.

    Fault-free and faulty windows alternate, so the load of the machine (shared with other
    work) weighs on both alike; the slow desk's recovery (its replay) falls in neither.
    """
    queue_frames = 20
    floor = Floor(
        workdir,
        sizes.desks,
        sizes.customers,
        proxied_desks=1,
        proxied_heartbeat=60.0,  # the server must find it slow, before its own heartbeat gives up
        server_args=("--outbound-queue-frames", str(queue_frames), "--log-level", "WARNING"),
    )
    await floor.open()
    server = floor.server
    assert isinstance(server, ServerProcess)
    closes = 0
    try:
        slow = floor.desk_list[0]
        proxy = floor.proxies[slow.username]
        big = set(slow.book.records)
        windows: list[tuple[float, float, float]] = []
        resumed = 0
        async with traffic(floor, sizes.interval / 2, big):
            await asyncio.sleep(1.0)
            for _ in range(sizes.slow_rounds):
                base_from = time.monotonic()
                await asyncio.sleep(sizes.slow_window)
                fault_from = time.monotonic()
                closed_before = server.slow_consumers_closed
                proxy.stall_downstream()
                # Until the server has found it slow (its queue full: it logs the 1013 close).
                await wait_for(lambda: server.slow_consumers_closed > closed_before, 30)  # noqa: B023
                await asyncio.sleep(max(0.0, sizes.slow_window - (time.monotonic() - fault_from)))
                windows.append((base_from, fault_from, time.monotonic()))
                closes += server.slow_consumers_closed > closed_before
                proxy.resume()
                resumed += await wait_for(lambda: slow.presence.resumed_after(fault_from), 20)  # noqa: B023
                # Its catching up (replays of what it missed) belongs to neither window.
                await wait_for(caught_up(slow, floor.customer_list, big), 30)
                await asyncio.sleep(0.5)
        base = [x for a, b, _ in windows for x in floor.ledger.latencies(a, b, exclude=big)]
        fault = [x for _, b, c in windows for x in floor.ledger.latencies(b, c, exclude=big)]
        base_p99, fault_p99 = percentile(base, 0.99), percentile(fault, 0.99)
        # The machine's own noise: the p99 of every other fault-free window against the rest.
        even = [x for a, b, _ in windows[0::2] for x in floor.ledger.latencies(a, b, exclude=big)]
        odd = [x for a, b, _ in windows[1::2] for x in floor.ledger.latencies(a, b, exclude=big)]
        noise = percentile(odd, 0.99) / percentile(even, 0.99) if odd and percentile(even, 0.99) else None
        result: dict[str, Any] = {
            "queue_frames": queue_frames,
            "rounds": sizes.slow_rounds,
            "closed_by_server_1013": closes,
            "closed_codes_seen_by_desk": slow.close_codes(),
            "resumed_rounds": resumed,
            "others_p99_ms_fault_free": round(base_p99 * 1000, 2),
            "others_p99_ms_with_slow_consumer": round(fault_p99 * 1000, 2),
            "others_p99_ratio": round(fault_p99 / base_p99, 3) if base_p99 else None,
            "p99_limit_ratio": 1 + P99_SLACK,
            "fault_free_windows_p99_ratio": round(noise, 3) if noise else None,
            "samples": [len(base), len(fault)],
        }
        # One or two rounds give too few samples for a p99 to mean anything (the short run).
        result["p99_checked"] = sizes.slow_rounds >= P99_MIN_ROUNDS
        result["ok"] = (
            closes == sizes.slow_rounds
            and resumed == sizes.slow_rounds
            and (not result["p99_checked"] or fault_p99 <= base_p99 * (1 + P99_SLACK))
        )
        return await finish(floor, result)
    finally:
        await floor.close()


def caught_up(desk: SimDesk, customers: list[SimCustomer], chats: set[str]) -> Callable[[], bool]:
    """True once the desk shows, in each of ``chats``, all that its customer shows."""

    def check() -> bool:
        for customer in customers:
            record = desk.book.get(customer.conversation_id)
            if customer.conversation_id in chats and (record is None or record.last_seq < max(customer.events)):
                return False
        return True

    return check


# ---------------------------------------------------------------- a desk killed with unsent messages


async def desk_killed(workdir: Path, sizes: Sizes, rng: random.Random) -> dict[str, Any]:
    """A desk process is SIGKILLed holding unsent messages; they go out when it starts again."""
    floor = Floor(workdir, 0, 0)
    await floor.open()
    proxy = FaultProxy(floor.server.port)
    await proxy.start()
    username = "victim"
    await asyncio.to_thread(seed_accounts, floor.server.data_dir, [username])
    outbox = workdir / "victim-outbox.sqlite3"
    child = await _desk_child("write", proxy.url, username, outbox, str(sizes.unsent))
    try:
        customer = SimCustomer("shopper-of-victim", floor.ledger)
        customer.start(floor.server.url)
        floor.customer_list.append(customer)
        line = await _line_from(child, "chat ")
        conversation_id = line.split()[1]
        proxy.stall()  # the link is dead: nothing the desk writes now can be acked
        assert child.stdin is not None
        child.stdin.write(b"go\n")
        await child.stdin.drain()
        queued = (await _line_from(child, "queued")).split()[1:]
        for client_msg_id in queued:
            floor.ledger.written(client_msg_id, conversation_id, username)
        child.kill()
        await child.wait()
        proxy.resume()
        proxy.reset()
        started = time.monotonic()
        again = await _desk_child("resume", proxy.url, username, outbox)
        await _line_from(again, "flushed")
        flushed = time.monotonic() - started
        await again.wait()
        stored, _ = read_database(floor.server.db_path)
        for client_msg_id in queued:
            if client_msg_id in stored:
                floor.ledger.acked(client_msg_id, stored[client_msg_id][1])
        result: dict[str, Any] = {"unsent_at_kill": len(queued), "flushed_seconds": round(flushed, 2)}
        result["ok"] = len(queued) == sizes.unsent
        return await finish(floor, result)
    finally:
        if child.returncode is None:
            child.kill()
            await child.wait()
        await proxy.close()
        await floor.close()


async def _desk_child(*args: str | Path) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bench.chaos.desk_child",
        *(str(a) for a in args),
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        cwd=REPO,
    )


async def _line_from(proc: asyncio.subprocess.Process, prefix: str, seconds: float = 90.0) -> str:
    assert proc.stdout is not None
    async with asyncio.timeout(seconds):
        while line := (await proc.stdout.readline()).decode():
            if line.startswith(prefix):
                return line.strip()
    raise RuntimeError(f"the desk process ended before printing {prefix!r}")
