"""Storage faults: a full disk (a small tmpfs filled up) and a read-only database."""

from __future__ import annotations

import asyncio
import contextlib
import os
import random
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from agent_desk.client.connection import Connection, RequestFailed
from agent_desk.protocol.errors import ErrorCode
from agent_desk.protocol.messages import EventsPage, FetchEvents
from bench.chaos.floor import Floor
from bench.chaos.scenarios import Sizes, finish, traffic

DISK_BYTES = 48 * 2**20
FAULT_SECONDS = 3.0


@contextlib.contextmanager
def small_disk(path: Path) -> Any:
    """A tmpfs of DISK_BYTES at ``path`` (needs root), unmounted afterwards."""
    path.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={DISK_BYTES}", "tmpfs", str(path)], check=True)
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False)


def fill(path: Path) -> int:
    """Write zeros into ``path`` until the disk says no; returns the bytes written."""
    written = 0
    with open(path, "wb") as filler:
        try:
            while True:
                filler.write(b"\0" * 65536)
                filler.flush()
                written += 65536
        except OSError:
            pass
    return written


async def disk_full(workdir: Path, sizes: Sizes, rng: random.Random) -> dict[str, Any]:
    if os.geteuid() != 0:
        return {"ok": True, "skipped": "needs root to mount a small tmpfs"}
    with small_disk(workdir / "disk") as disk:
        floor = Floor(workdir, 2, 6, data_dir=disk / "server")
        filler = disk / "filler"

        async def inject() -> None:
            await asyncio.to_thread(fill, filler)

        async def repair() -> None:
            filler.unlink()

        return await _storage_fault(floor, sizes, inject, repair, "disk is full")


async def read_only(workdir: Path, sizes: Sizes, rng: random.Random) -> dict[str, Any]:
    floor = Floor(workdir, 2, 6, in_process=True)

    def pragma(on: bool) -> None:
        server = floor.server.server  # type: ignore[union-attr]
        assert server is not None
        server.db.execute(f"PRAGMA query_only = {'ON' if on else 'OFF'}")

    async def inject() -> None:
        pragma(True)

    async def repair() -> None:
        pragma(False)

    return await _storage_fault(floor, sizes, inject, repair, "read-only")


async def _storage_fault(
    floor: Floor,
    sizes: Sizes,
    inject: Callable[[], Any],
    repair: Callable[[], Any],
    wording: str,
) -> dict[str, Any]:
    """Traffic, the fault for FAULT_SECONDS (reads must work, writes get a typed refusal), the repair."""
    await floor.open()
    try:
        async with traffic(floor, sizes.interval):
            await asyncio.sleep(1.0)
            await inject()
            faulted = time.monotonic()
            await asyncio.sleep(FAULT_SECONDS)
            reads_ok = await _reads_work(floor)
            join_error = await _join_refusal(floor.server.url)
            await asyncio.sleep(0.5)
            repaired = time.monotonic()
            await repair()
        acked_while_faulty = sum(
            1
            for m in floor.ledger.messages.values()
            if m.acked_at is not None and faulted + 0.5 < m.acked_at < repaired
        )
        refusals = [r for c in floor.customer_list for r in c.refusals]
        result: dict[str, Any] = {
            "refusals": len(refusals),
            "refusal_message": refusals[0] if refusals else "",
            "join_refused_with": join_error,
            "reads_served": reads_ok,
            "acked_while_faulty": acked_while_faulty,
        }
        result["ok"] = bool(refusals) and all(wording in r for r in refusals) and reads_ok and wording in join_error
        return await finish(floor, result)
    finally:
        await floor.close()


async def _reads_work(floor: Floor) -> bool:
    """A desk pages a chat's history while the database takes no writes."""
    desk = floor.desk_list[0]
    assert desk.session is not None
    conversation_id = desk.open_chats()[0]
    try:
        page = await desk.session.request(
            FetchEvents(id=desk.session.new_id(), conversation_id=conversation_id, limit=20), EventsPage
        )
    except (RequestFailed, Exception):
        return False
    return len(page.events) > 0


async def _join_refusal(url: str) -> str:
    """A new customer cannot join (that is a write): the code and message it gets."""
    conn = await Connection.open(url, client_name="chaos-late-customer")
    try:
        await conn.join_as_customer("late shopper", "en")
    except RequestFailed as refused:
        return f"{refused.code}: {refused.error.message}" if refused.code is ErrorCode.STORAGE_UNAVAILABLE else ""
    finally:
        await conn.close()
    return ""
