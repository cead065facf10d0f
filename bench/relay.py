"""A bare WebSocket relay: the floor the server's overhead is measured against.

``python -m bench.relay [--port 0] [--uvloop]`` prints ``relay listening on PORT``.

It forwards text frames between paired sockets and does nothing else: no
handshake frames, no parsing beyond a routing prefix, no storage, no acks.

- An agent connects to ``/a/AGENT``; each of its customers to ``/c/AGENT/CONV``.
- A customer's frame goes to its agent as is (the load generator puts the
  conversation id at its start).
- An agent's frame starts with ``CONV|`` and goes to that conversation's customer.

Same websockets settings as the server (no compression, same frame limit), so
the difference measured is the server's own work.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sys

from websockets.asyncio.server import ServerConnection, serve
from websockets.exceptions import ConnectionClosed

from agent_desk.protocol.limits import MAX_FRAME_BYTES


class Relay:
    def __init__(self) -> None:
        self.agents: dict[str, ServerConnection] = {}
        self.customers: dict[str, ServerConnection] = {}

    async def handle(self, socket: ServerConnection) -> None:
        path = socket.request.path if socket.request else ""
        parts = path.strip("/").split("/")
        try:
            if len(parts) == 2 and parts[0] == "a":
                await self._agent(socket, parts[1])
            elif len(parts) == 3 and parts[0] == "c":
                await self._customer(socket, parts[1], parts[2])
            else:
                await socket.close(1008, "unknown path")
        except ConnectionClosed:
            pass

    async def _agent(self, socket: ServerConnection, agent: str) -> None:
        self.agents[agent] = socket
        try:
            async for frame in socket:
                conv, _, _ = str(frame).partition("|")
                target = self.customers.get(conv)
                if target is not None:
                    await target.send(frame)
        finally:
            self.agents.pop(agent, None)

    async def _customer(self, socket: ServerConnection, agent: str, conv: str) -> None:
        self.customers[conv] = socket
        try:
            async for frame in socket:
                target = self.agents.get(agent)
                if target is not None:
                    await target.send(frame)
        finally:
            self.customers.pop(conv, None)


async def _serve(port: int) -> None:
    relay = Relay()
    async with serve(
        relay.handle, "127.0.0.1", port, compression=None, max_size=MAX_FRAME_BYTES, ping_interval=20, ping_timeout=20
    ) as server:
        bound = next(iter(server.sockets)).getsockname()[1]
        print(f"relay listening on {bound}", flush=True)
        await asyncio.Future()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.relay", description="bare WebSocket relay (baseline)")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--uvloop", action="store_true", help="run on uvloop, as the server does with --uvloop")
    args = parser.parse_args(argv)
    runner = asyncio.run
    if args.uvloop:
        import uvloop  # the bench only asks for it when the server uses it too

        runner = uvloop.run
    with contextlib.suppress(KeyboardInterrupt):
        runner(_serve(args.port))
    return 0


if __name__ == "__main__":
    sys.exit(main())
