"""A desk in its own process, for the harness to SIGKILL while its outbox holds messages.

python -m bench.chaos.desk_child write URL USERNAME OUTBOX N
    logs in, waits for a chat, reads one line from stdin (the harness has cut the
    link by then), writes N messages into the outbox, prints "queued <ids>" and
    waits to be killed.
python -m bench.chaos.desk_child resume URL USERNAME OUTBOX
    starts again on the same outbox and prints "flushed" once the outbox is empty.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable
from pathlib import Path

from bench.chaos.floor import wait_for
from bench.chaos.ledger import Ledger
from bench.chaos.people import SimDesk

WAIT_SECONDS = 60.0


async def _wait(condition: Callable[[], object], what: str) -> None:
    if not await wait_for(condition, WAIT_SECONDS):
        raise TimeoutError(f"no {what} in {WAIT_SECONDS} s")


async def write(url: str, username: str, outbox: Path, count: int) -> None:
    desk = SimDesk(username, Ledger(), outbox.parent)
    desk.outbox_path = outbox
    await desk.start(url)
    await _wait(lambda: desk.open_chats() and desk.presence.online, "a chat")
    print(f"chat {desk.open_chats()[0]}", flush=True)
    await asyncio.to_thread(sys.stdin.readline)
    conversation_id = desk.open_chats()[0]
    for index in range(count):
        await desk.say(conversation_id, f"unsent line {index + 1} of {count}")
    entries = await desk.outbox.unacked() if desk.outbox else []
    print("queued " + " ".join(e.client_msg_id for e in entries), flush=True)
    await asyncio.Future()  # until SIGKILL


async def resume(url: str, username: str, outbox: Path) -> None:
    desk = SimDesk(username, Ledger(), outbox.parent)
    desk.outbox_path = outbox
    await desk.start(url)
    unsent = 1

    async def poll() -> None:
        nonlocal unsent
        unsent = await desk.unsent()

    while unsent:
        await asyncio.gather(poll(), asyncio.sleep(0.05))
    print("flushed", flush=True)
    await desk.stop()


def main() -> None:
    mode, url, username, outbox = sys.argv[1:5]
    if mode == "write":
        asyncio.run(write(url, username, Path(outbox), int(sys.argv[5])))
    else:
        asyncio.run(asyncio.wait_for(resume(url, username, Path(outbox)), WAIT_SECONDS))


if __name__ == "__main__":
    main()
