"""One server process with its desks and customers, the traffic between them, and the checks."""

from __future__ import annotations

import asyncio
import contextlib
import random
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from agent_desk.client.session import HEARTBEAT_SECONDS
from bench.chaos.ledger import Ledger
from bench.chaos.people import Presence, SimCustomer, SimDesk
from bench.chaos.proxy import FaultProxy
from bench.chaos.server import InProcessServer, ServerProcess, seed_accounts
from bench.harness import nearest_rank

POLL = 0.02


async def wait_for(condition: Callable[[], object], seconds: float) -> bool:
    """Poll until ``condition()`` is true; False when ``seconds`` pass first."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        await asyncio.sleep(POLL)
    return True


def resumed_since(presences: list[Presence], moment: float) -> Callable[[], bool]:
    return lambda: all(p.resumed_after(moment) for p in presences)


@dataclass(slots=True)
class Floor:
    """``desks`` agents (4 chats each) and ``customers`` shoppers on one server."""

    workdir: Path
    desks: int
    customers: int
    proxied_desks: int = 0
    """How many desks (the first ones) connect through their own FaultProxy."""
    proxied_customers: int = 0
    server_args: tuple[str, ...] = ()
    proxied_heartbeat: float = HEARTBEAT_SECONDS
    """The proxied desks' heartbeat: longer where the server, not the desk, must notice the fault."""
    in_process: bool = False
    """Run the server in this process (its database connection is then at hand)."""
    data_dir: Path | None = None
    rng: random.Random = field(default_factory=lambda: random.Random(7))
    ledger: Ledger = field(default_factory=Ledger)
    server: ServerProcess | InProcessServer = field(init=False)
    desk_list: list[SimDesk] = field(default_factory=list)
    customer_list: list[SimCustomer] = field(default_factory=list)
    proxies: dict[str, FaultProxy] = field(default_factory=dict)

    async def open(self) -> None:
        data = self.data_dir or self.workdir / "server"
        data.mkdir(parents=True, exist_ok=True)
        names = [f"agent{i:02d}" for i in range(self.desks)]
        await asyncio.to_thread(seed_accounts, data, names)
        self.server = (
            InProcessServer(data) if self.in_process else ServerProcess(data, "--grace", "120", *self.server_args)
        )
        await self.server.start()
        outboxes = self.workdir / "outboxes"
        outboxes.mkdir(parents=True, exist_ok=True)
        for index, name in enumerate(names):
            desk = SimDesk(name, self.ledger, outboxes)
            proxied = index < self.proxied_desks
            heartbeat = self.proxied_heartbeat if proxied else HEARTBEAT_SECONDS
            await desk.start(await self._url_for(name, proxied), self.server.url, heartbeat)
            self.desk_list.append(desk)
        for index in range(self.customers):
            name = f"shopper{index:03d}"
            customer = SimCustomer(name, self.ledger)
            customer.start(await self._url_for(name, index < self.proxied_customers))
            self.customer_list.append(customer)
        seats = self.desks * 4
        wanted = min(seats, self.customers)
        if not await wait_for(lambda: sum(c.assigned for c in self.customer_list) >= wanted, 60):
            raise RuntimeError("the customers were not all assigned")

    async def _url_for(self, name: str, proxied: bool) -> str:
        if not proxied:
            return self.server.url
        proxy = FaultProxy(self.server.port)
        await proxy.start()
        self.proxies[name] = proxy
        return proxy.url

    async def close(self) -> None:
        for desk in self.desk_list:
            await desk.stop()
        for customer in self.customer_list:
            await customer.stop()
        for proxy in self.proxies.values():
            await proxy.close()
        await self.server.stop()

    # ------------------------------------------------------------ traffic

    def presences(self) -> list[Presence]:
        return [d.presence for d in self.desk_list] + [c.presence for c in self.customer_list]

    async def tick(self, big: set[str] = frozenset(), big_chars: int = 3900) -> None:  # type: ignore[assignment]
        """Every assigned customer says a line, and every desk answers in each of its chats."""
        for customer in self.customer_list:
            if not customer.assigned:
                continue
            if customer.conversation_id in big:  # a flood of long lines, to fill a queue quickly
                customer.say(_line(self.rng, "customer", big_chars))
                customer.say(_line(self.rng, "customer", big_chars))
            else:
                customer.say(_line(self.rng, "customer", 0))
        for desk in self.desk_list:
            for conversation_id in desk.open_chats():
                await desk.say(conversation_id, _line(self.rng, desk.username, 0))

    async def run_traffic(self, stop: asyncio.Event, interval: float, big: set[str] = frozenset()) -> None:  # type: ignore[assignment]
        """Ticks every ``interval`` seconds until ``stop`` is set (bounded by the caller's stop)."""
        while not stop.is_set():
            await self.tick(big)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), interval)

    async def settle(self, seconds: float = 60.0) -> bool:
        """Wait until everything written is acked and shown to its peer."""

        async def all_sent() -> bool:
            for desk in self.desk_list:
                if await desk.unsent():
                    return False
            return all(c.unsent == 0 for c in self.customer_list) and self.ledger.settled()

        deadline = time.monotonic() + seconds
        while not await all_sent():
            if time.monotonic() > deadline:
                return False
            await asyncio.sleep(0.1)
        return True

    # ------------------------------------------------------------ invariants

    def check(self) -> dict[str, int]:
        """Compare the ledger and what each client shows with the database."""
        stored, db_gaps = read_database(self.server.db_path)
        lost = duplicated = unacked = failed = acked = 0
        for message in self.ledger.messages.values():
            if message.failed:
                failed += 1
                continue
            if message.acked_at is None:
                unacked += 1
                continue
            acked += 1
            count, seq = stored.get(message.client_msg_id, (0, 0))
            if (
                count == 0
                or not message.peer_seqs
                or (message.acked_seq and message.acked_seq > 0 and seq != message.acked_seq)
            ):
                lost += 1
            duplicated += max(0, count - 1) + max(0, len(message.peer_seqs) - 1)
        visible = sum(d.visible_duplicates() for d in self.desk_list) + sum(
            c.visible_duplicates() for c in self.customer_list
        )
        view_gaps = sum(d.view_gaps() for d in self.desk_list) + sum(c.view_gaps() for c in self.customer_list)
        return {
            "messages": len(self.ledger.messages),
            "acked": acked,
            "lost": lost,
            "unacked": unacked,
            "refused": failed,
            "duplicated": duplicated + visible,
            "sequence_gaps": db_gaps + view_gaps,
        }


def read_database(path: Path) -> tuple[dict[str, tuple[int, int]], int]:
    """Each client_msg_id's row count and seq, and the missing seqs over all conversations."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        stored = {
            row[0]: (row[1], row[2])
            for row in db.execute(
                "SELECT client_msg_id, COUNT(*), MIN(seq) FROM events WHERE client_msg_id IS NOT NULL"
                " GROUP BY client_msg_id"
            )
        }
        gaps = sum(
            last - count + (first - 1)
            for first, last, count in db.execute(
                "SELECT MIN(seq), MAX(seq), COUNT(*) FROM events GROUP BY conversation_id"
            )
        )
        last_seq_gaps = db.execute(
            "SELECT COUNT(*) FROM conversations c WHERE last_seq !="
            " (SELECT COALESCE(MAX(seq), 0) FROM events e WHERE e.conversation_id = c.id)"
        ).fetchone()[0]
    finally:
        db.close()
    return stored, gaps + last_seq_gaps


WORDS = [
    "order",
    "parcel",
    "refund",
    "size",
    "colour",
    "delivery",
    "invoice",
    "coupon",
    "address",
    "return",
    "exchange",
    "warranty",
]


def _line(rng: random.Random, who: str, size: int) -> str:
    text = f"{who}: " + " ".join(rng.choice(WORDS) for _ in range(6))
    if size:
        text = (text + " ") * (size // (len(text) + 1))
    return text


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank, as every other bench figure (bench/harness.py); 0.0 for no samples."""
    return nearest_rank(sorted(values), q * 100) if values else 0.0
