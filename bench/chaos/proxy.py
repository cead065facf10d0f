"""A TCP proxy on loopback that can cut or stall the links it carries.

- ``reset()`` aborts every link on both sides (an RST, like a NAT box or
  Wi-Fi drop), mid-frame if a frame is passing;
- ``stall()`` stops forwarding in both directions without closing anything,
  as a dead route does: only a heartbeat can tell;
- ``stall_downstream()`` stops forwarding server -> client only: the client
  has stopped reading, so the server's queue for it fills.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket

CHUNK = 16384
SMALL_BUFFER = 16384
"""Socket buffer of the proxy's server-side sockets: a stalled reader backs up quickly."""


class Link:
    def __init__(self, client: asyncio.StreamWriter, upstream: asyncio.StreamWriter) -> None:
        self.client = client
        self.upstream = upstream
        self.tasks: list[asyncio.Task[None]] = []

    def abort(self) -> None:
        for writer in (self.client, self.upstream):
            writer.transport.abort()


class FaultProxy:
    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.port = 0
        self._links: set[Link] = set()
        self._up = asyncio.Event()
        self._down = asyncio.Event()
        self._up.set()
        self._down.set()
        self._server: asyncio.Server | None = None

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/ws"

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._accept, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]

    async def close(self) -> None:
        self.resume()
        self.reset()
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()

    def reset(self) -> int:
        """Abort every open link; returns how many there were."""
        links = list(self._links)
        for link in links:
            link.abort()
        self._links.clear()
        return len(links)

    def stall(self) -> None:
        self._up.clear()
        self._down.clear()

    def stall_downstream(self) -> None:
        self._down.clear()

    def resume(self) -> None:
        self._up.set()
        self._down.set()

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await self._up.wait()  # a stalled route does not complete new handshakes either
        try:
            up_reader, up_writer = await _connect_small(self.target_port)
        except OSError:
            writer.transport.abort()
            return
        link = Link(writer, up_writer)
        self._links.add(link)
        link.tasks = [
            asyncio.create_task(self._pump(reader, up_writer, self._up, link)),
            asyncio.create_task(self._pump(up_reader, writer, self._down, link)),
        ]
        await asyncio.gather(*link.tasks, return_exceptions=True)
        self._links.discard(link)

    async def _pump(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, gate: asyncio.Event, link: Link
    ) -> None:
        try:
            while True:
                await gate.wait()
                data = await reader.read(CHUNK)
                if not data:
                    break
                await gate.wait()
                writer.write(data)
                await writer.drain()
        except (ConnectionError, OSError):
            pass
        finally:
            link.abort()


async def _connect_small(port: int) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, SMALL_BUFFER)
    sock.setblocking(False)
    try:
        await asyncio.get_running_loop().sock_connect(sock, ("127.0.0.1", port))
    except BaseException:
        with contextlib.suppress(OSError):
            sock.close()
        raise
    return await asyncio.open_connection(sock=sock, limit=SMALL_BUFFER)
