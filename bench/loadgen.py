"""The load generator: simulated agents and customers in worker processes.

Each worker process holds some agents with their customers (both ends of
every chat it drives) and obeys commands from the bench over a pipe:

- ``connect``: open every socket, greet and subscribe (server: hello with the
  session or customer token, then resume; relay: just the socket);
- ``chat``: customers write at human pace and agents answer each message
  after a think time, for a set time, then wait for what is still in flight;
- ``pingpong``: every chat trades a bounded number of messages back and forth
  as fast as the other side answers (saturated throughput);
- ``stop``: exit (the sockets close with the process).

Every message carries ``time.monotonic_ns()`` of its sending in its text: the
clock is one for all processes on the machine, so the receiver's reading is
the delivery latency. Loss is counted as messages sent minus received.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import random
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any, cast

from websockets.client import ClientProtocol
from websockets.frames import Frame, Opcode
from websockets.uri import parse_uri

from agent_desk.protocol import decode_server, encode
from agent_desk.protocol.limits import MAX_FRAME_BYTES
from agent_desk.protocol.messages import Ack, Error, Event, EventKind, Hello, Resume, Role, Send
from bench.seed import SEQ_AFTER_ASSIGN, AgentSeat, CustomerSeat

CONNECTS_AT_ONCE = 48
"""Handshakes in flight per worker: more only overflows the server's listen backlog."""
CUSTOMER_TEXT = "请问我昨天下的订单什么时候发货?"
AGENT_TEXT = "亲,您的订单已经打包,今天就会发出。"
DRAIN_TIMEOUT_S = 45.0
"""Long enough for a backlog of tens of seconds to arrive: what is still missing then counts as lost."""
CONNECT_TIMEOUT_S = 120.0


@dataclass(frozen=True, slots=True)
class WorkerPlan:
    mode: str
    """'server' (the real protocol) or 'relay' (bench/relay.py)."""
    url: str
    seats: list[AgentSeat]
    cpus: set[int]
    seed: int


@dataclass(frozen=True, slots=True)
class ChatPace:
    seconds: float
    """How long customers keep writing."""
    period_s: float
    """Mean gap between one customer's messages (uniform, 0.5x to 1.5x)."""
    think_s: float
    """Mean time an agent takes to answer (uniform, 0.5x to 1.5x)."""


@dataclass
class Tally:
    """What one worker saw in one phase."""

    c2a_ns: list[int] = field(default_factory=list)
    a2c_ns: list[int] = field(default_factory=list)
    sent_c2a: int = 0
    sent_a2c: int = 0
    acks: int = 0
    errors: int = 0
    first_error: str = ""
    send_failures: int = 0
    start_ns: int = 0
    end_ns: int = 0

    def report(self) -> dict[str, Any]:
        return {
            "c2a_ns": self.c2a_ns,
            "a2c_ns": self.a2c_ns,
            "sent_c2a": self.sent_c2a,
            "sent_a2c": self.sent_a2c,
            "acks": self.acks,
            "errors": self.errors,
            "first_error": self.first_error,
            "send_failures": self.send_failures,
            "start_ns": self.start_ns,
            "end_ns": self.end_ns,
        }


# ---------------------------------------------------------------- the two wires


class ServerWire:
    """The AgentDesk protocol through the real codec."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._ids = 0

    def _next(self) -> str:
        self._ids += 1
        return str(self._ids)

    async def open_agent(self, seat: AgentSeat) -> LeanSocket:
        socket = await _open(self.url, {"Authorization": f"Bearer {seat.token}"})
        await self._greet(socket, None, {c.conversation_id: SEQ_AFTER_ASSIGN for c in seat.customers})
        return socket

    async def open_customer(self, seat: AgentSeat, customer: CustomerSeat) -> LeanSocket:
        socket = await _open(self.url, None)
        await self._greet(socket, customer.token, {customer.conversation_id: SEQ_AFTER_ASSIGN})
        return socket

    async def _greet(self, socket: LeanSocket, customer_token: str | None, positions: dict[str, int]) -> None:
        hello = Hello(id="hello", versions=[1], client="agent-desk-bench", customer_token=customer_token)
        await _request(socket, encode(hello), "hello")
        await _request(socket, encode(Resume(id="resume", positions=positions)), "resume")

    def frame(self, conversation_id: str, text: str) -> str:
        number = self._next()
        stamped = f"t{time.monotonic_ns()} {text}"
        return encode(Send(id=number, conversation_id=conversation_id, client_msg_id=f"b{number}", text=stamped))

    @staticmethod
    def read(frame: str | bytes, own: Role) -> tuple[str, str, int]:
        """(kind, conversation id, sent at) of a frame: kind is msg, ack, error or other."""
        message = decode_server(frame)
        if isinstance(message, Event):
            if message.kind is EventKind.MESSAGE and message.author_role is not own and message.text:
                return "msg", message.conversation_id, int(message.text[1 : message.text.index(" ")])
            return "other", "", 0
        if isinstance(message, Ack):
            return "ack", message.conversation_id, 0
        if isinstance(message, Error):
            return "error", message.message, 0
        return "other", "", 0


class RelayWire:
    """bench/relay.py's routing prefix, nothing else."""

    def __init__(self, url: str) -> None:
        self.url = url

    async def open_agent(self, seat: AgentSeat) -> LeanSocket:
        return await _open(f"{self.url}/a/{seat.username}", None)

    async def open_customer(self, seat: AgentSeat, customer: CustomerSeat) -> LeanSocket:
        return await _open(f"{self.url}/c/{seat.username}/{customer.conversation_id}", None)

    @staticmethod
    def frame(conversation_id: str, text: str) -> str:
        return f"{conversation_id}|{time.monotonic_ns()}|{text}"

    @staticmethod
    def read(frame: str | bytes, own: Role) -> tuple[str, str, int]:
        conv, stamp, _ = str(frame).split("|", 2)
        return "msg", conv, int(stamp)


# ---------------------------------------------------------------- a lean client socket


class LeanSocket(asyncio.Protocol):
    """A WebSocket client on websockets' sans-IO core, driven by callbacks.

    The generator has one CPU for thousands of connections: a reader task and
    a future per frame (websockets' asyncio client) cost more there than the
    server's own work per frame, so frames are handled in ``data_received``.
    """

    def __init__(self, uri: str, headers: dict[str, str] | None, opened: asyncio.Future[None]) -> None:
        self.ws = ClientProtocol(parse_uri(uri), max_size=MAX_FRAME_BYTES)
        self.headers = headers or {}
        self.opened = opened
        self.on_text: Callable[[str], None] = lambda text: None
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = cast(asyncio.Transport, transport)  # uvloop's transports do not subclass asyncio's
        request = self.ws.connect()
        for name, value in self.headers.items():
            request.headers[name] = value
        self.ws.send_request(request)
        self._flush()

    def data_received(self, data: bytes) -> None:
        self.ws.receive_data(data)
        for event in self.ws.events_received():
            if isinstance(event, Frame):
                if event.opcode is Opcode.TEXT:
                    self.on_text(event.data.decode())
            elif not self.opened.done():  # the handshake's response
                error = self.ws.handshake_exc
                if error is None:
                    self.opened.set_result(None)
                else:
                    self.opened.set_exception(error)
        self._flush()

    def connection_lost(self, exc: Exception | None) -> None:
        if not self.opened.done():
            self.opened.set_exception(exc or ConnectionError("closed during the handshake"))

    def send_text(self, text: str) -> bool:
        if self.transport is None or self.transport.is_closing():
            return False
        self.ws.send_text(text.encode())
        self._flush()
        return True

    def _flush(self) -> None:
        assert self.transport is not None
        for data in self.ws.data_to_send():
            if data:
                self.transport.write(data)
            elif self.transport.can_write_eof():
                self.transport.write_eof()


async def _open(url: str, headers: dict[str, str] | None) -> LeanSocket:
    loop = asyncio.get_running_loop()
    opened = loop.create_future()
    uri = parse_uri(url)
    _, socket = await loop.create_connection(lambda: LeanSocket(url, headers, opened), uri.host, uri.port)
    await asyncio.wait_for(opened, CONNECT_TIMEOUT_S)
    return socket


async def _request(socket: LeanSocket, frame: str, ref: str) -> None:
    """Send a request and wait for its reply (other frames before it are dropped)."""
    reply: asyncio.Future[Any] = asyncio.get_running_loop().create_future()

    def on_text(text: str) -> None:
        message = decode_server(text)
        if getattr(message, "ref", None) == ref and not reply.done():
            reply.set_result(message)

    socket.on_text = on_text
    socket.send_text(frame)
    message = await asyncio.wait_for(reply, CONNECT_TIMEOUT_S)
    if isinstance(message, Error):
        raise RuntimeError(f"{ref} refused: {message.code} {message.message}")


# ---------------------------------------------------------------- the worker


@dataclass(slots=True)
class Party:
    socket: LeanSocket
    role: Role


class Worker:
    """The agents and customers of one worker process; every send is a plain call."""

    def __init__(self, plan: WorkerPlan) -> None:
        self.plan = plan
        self.wire: ServerWire | RelayWire = ServerWire(plan.url) if plan.mode == "server" else RelayWire(plan.url)
        self.rng = random.Random(plan.seed)
        self.customers: dict[str, Party] = {}
        """By conversation id."""
        self.agent_of: dict[str, Party] = {}
        """Each conversation's agent."""
        self.agents = 0
        self.tally = Tally()
        self.on_customer_message: Callable[[str], None] = lambda conv: None
        self.on_agent_message: Callable[[str], None] = lambda conv: None
        self._seats_connected = 0

    # ------------------------------------------------------------ connect

    async def connect(self, seats: int | None) -> dict[str, Any]:
        """Connect the plan's next agents with their customers, until ``seats`` agents are in (None: all)."""
        wanted = self.plan.seats[self._seats_connected : seats]
        self._seats_connected += len(wanted)
        gate = asyncio.Semaphore(CONNECTS_AT_ONCE)
        start = time.perf_counter()
        await asyncio.gather(*(self._connect_seat(seat, gate) for seat in wanted))
        return {"connected": self.agents + len(self.customers), "seconds": time.perf_counter() - start}

    async def _connect_seat(self, seat: AgentSeat, gate: asyncio.Semaphore) -> None:
        async with gate:
            agent = Party(await self.wire.open_agent(seat), Role.AGENT)
        self._listen(agent)
        self.agents += 1
        for customer in seat.customers:
            async with gate:
                party = Party(await self.wire.open_customer(seat, customer), Role.CUSTOMER)
            self._listen(party)
            self.customers[customer.conversation_id] = party
            self.agent_of[customer.conversation_id] = agent

    def _listen(self, party: Party) -> None:
        read = self.wire.read

        def on_text(frame: str) -> None:
            kind, detail, sent_ns = read(frame, party.role)
            if kind == "msg":
                now = time.monotonic_ns()
                self.tally.end_ns = now
                if party.role is Role.AGENT:
                    self.tally.c2a_ns.append(now - sent_ns)
                    self.on_customer_message(detail)
                else:
                    self.tally.a2c_ns.append(now - sent_ns)
                    self.on_agent_message(detail)
            elif kind == "ack":
                self.tally.acks += 1
            elif kind == "error":
                self.tally.errors += 1
                self.tally.first_error = self.tally.first_error or detail

        party.socket.on_text = on_text

    def customer_says(self, conversation_id: str) -> None:
        if self.customers[conversation_id].socket.send_text(self.wire.frame(conversation_id, CUSTOMER_TEXT)):
            self.tally.sent_c2a += 1
        else:
            self.tally.send_failures += 1

    def agent_says(self, conversation_id: str) -> None:
        if self.agent_of[conversation_id].socket.send_text(self.wire.frame(conversation_id, AGENT_TEXT)):
            self.tally.sent_a2c += 1
        else:
            self.tally.send_failures += 1

    # ------------------------------------------------------------ human pace

    async def chat(self, pace: ChatPace) -> dict[str, Any]:
        loop = asyncio.get_running_loop()
        self.tally = Tally(start_ns=time.monotonic_ns())
        end = loop.time() + pace.seconds
        uniform = self.rng.uniform

        def answer_later(conversation_id: str) -> None:
            if loop.time() < end:
                loop.call_later(pace.think_s * uniform(0.5, 1.5), self.agent_says, conversation_id)

        def talk(conversation_id: str) -> None:
            if loop.time() < end:
                self.customer_says(conversation_id)
                loop.call_later(pace.period_s * uniform(0.5, 1.5), talk, conversation_id)

        self.on_customer_message = answer_later
        self.on_agent_message = lambda conv: None
        for conversation_id in self.customers:
            loop.call_later(uniform(0, pace.period_s), talk, conversation_id)
        await asyncio.sleep(pace.seconds + pace.think_s * 1.5)  # the last answers are still being typed
        await self._drain()
        self.on_customer_message = lambda conv: None
        return self.tally.report()

    async def _drain(self) -> None:
        """Wait until every message sent has arrived (and been acked), or the drain timeout passes."""
        deadline = time.monotonic() + DRAIN_TIMEOUT_S
        tally = self.tally
        while time.monotonic() < deadline:
            arrived = len(tally.c2a_ns) >= tally.sent_c2a and len(tally.a2c_ns) >= tally.sent_a2c
            acked = self.plan.mode != "server" or tally.acks >= tally.sent_c2a + tally.sent_a2c
            if arrived and acked:
                return
            await asyncio.sleep(0.05)

    # ------------------------------------------------------------ saturation

    async def pingpong(self, rounds: int) -> dict[str, Any]:
        """Each chat: the customer writes, the agent answers on receipt, ``rounds`` times."""
        self.tally = Tally(start_ns=time.monotonic_ns())
        left = dict.fromkeys(self.customers, rounds)
        finished = asyncio.get_running_loop().create_future()
        remaining = [len(left)]

        def customer_heard(conversation_id: str) -> None:
            left[conversation_id] -= 1
            if left[conversation_id] > 0:
                self.customer_says(conversation_id)
                return
            remaining[0] -= 1
            if remaining[0] == 0 and not finished.done():
                finished.set_result(None)

        self.on_customer_message = self.agent_says
        self.on_agent_message = customer_heard
        for conversation_id in self.customers:
            self.customer_says(conversation_id)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(finished, timeout=DRAIN_TIMEOUT_S * 3)
        await self._drain()
        self.on_customer_message = self.on_agent_message = lambda conv: None
        return self.tally.report()


# ---------------------------------------------------------------- the process


def worker_main(pipe: Connection, plan: WorkerPlan) -> None:
    """Entry point of a worker process: obey commands until ``stop``."""
    os.sched_setaffinity(0, plan.cpus)
    try:
        import uvloop  # the generator's own speed is not under test: use the fastest loop there is

        uvloop.run(_serve(pipe, plan))
    except ImportError:
        asyncio.run(_serve(pipe, plan))


async def _serve(pipe: Connection, plan: WorkerPlan) -> None:
    loop = asyncio.get_running_loop()
    worker = Worker(plan)
    while True:
        command, argument = await loop.run_in_executor(None, pipe.recv)
        if command == "stop":
            pipe.send(("ok", None))
            return
        try:
            if command == "connect":
                result = await worker.connect(argument)
            elif command == "chat":
                result = await worker.chat(argument)
            elif command == "pingpong":
                result = await worker.pingpong(argument)
            else:
                raise ValueError(f"unknown command {command!r}")
        except Exception:  # the bench shows the worker's traceback instead of hanging
            pipe.send(("error", traceback.format_exc()))
            continue
        pipe.send(("ok", result))
