"""A real server on its own thread, for Hypothesis tests that drive it with a blocking client.

Hypothesis runs examples synchronously, so the server gets its own event loop on a
thread (started with tests/support.py's ``serving``) and the test talks to it over
loopback with websockets' sync client. Errors the server logs and exceptions its
loop does not handle are collected, so a test can say that nothing went wrong.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from websockets.exceptions import ConnectionClosed
from websockets.sync.client import ClientConnection, connect

from agent_desk.protocol import decode_server
from agent_desk.protocol.limits import Limits
from agent_desk.protocol.messages import Error, Pong, Role, ServerMessage
from agent_desk.server.app import Server
from support import make_config, serving, timeout

ROLES = {"ann": Role.AGENT, "lee": Role.LEAD, "ada": Role.ADMIN, "tom": Role.TRAINER, "sam": Role.SPECIALIST}


class ErrorLog(logging.Handler):
    """Every record at ERROR or above, from any thread."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def messages(self) -> list[str]:
        return [f"{r.name}: {r.getMessage()} {r.exc_text or ''}" for r in self.records]


@dataclass(slots=True)
class ServerThread:
    data_dir: Path
    limits: Limits = field(default_factory=Limits)
    url: str = ""
    db_path: Path = field(init=False)
    tokens: dict[str, str] = field(default_factory=dict)
    loop_errors: list[dict[str, Any]] = field(default_factory=list)
    _loop: asyncio.AbstractEventLoop | None = None
    _stop: asyncio.Event | None = None
    _ready: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=asyncio.run, args=(self._main(),), name="fuzz-server", daemon=True)
        self._thread.start()
        assert self._ready.wait(timeout(10)), "the server did not start"

    def stop(self) -> None:
        if self._loop is not None and self._stop is not None:
            self._loop.call_soon_threadsafe(self._stop.set)
        if self._thread is not None:
            self._thread.join(timeout(10))
            assert not self._thread.is_alive(), "the server did not stop"

    async def _main(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._loop.set_exception_handler(lambda _loop, context: self.loop_errors.append(context))
        self._stop = asyncio.Event()
        config = make_config(self.data_dir, limits=self.limits, grace_seconds=3600.0)
        self.db_path = config.db_path
        async with serving(config) as server:
            self._accounts(server)
            self.url = server.url
            self._ready.set()
            await self._stop.wait()

    def _accounts(self, server: Server) -> None:
        for username, role in ROLES.items():
            user = server.accounts.add_user(username, f"pw-{username}", role)
            self.tokens[username], _ = server.accounts.open_session(user)


@contextlib.contextmanager
def running_server(data_dir: Path, limits: Limits) -> Iterator[tuple[ServerThread, ErrorLog]]:
    errors = ErrorLog()
    logging.getLogger().addHandler(errors)
    thread = ServerThread(data_dir, limits)
    thread.start()
    try:
        yield thread, errors
    finally:
        thread.stop()
        logging.getLogger().removeHandler(errors)


class Client:
    """A blocking connection that says hello (as staff, customer or nobody) and reconnects when closed."""

    def __init__(self, url: str, *, token: str | None = None, customer_token: str | None = None) -> None:
        self.url = url
        self.token = token
        self.customer_token = customer_token
        self.socket: ClientConnection | None = None
        self.close_codes: list[int | None] = []
        self._ids = 0

    def next_id(self) -> str:
        self._ids += 1
        return f"fz-{self._ids}"

    def connect(self) -> ServerMessage:
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else None
        # legacy=True: a plain connection object, closed by close(), not a context manager.
        self.socket = connect(self.url, additional_headers=headers, compression=None, max_size=2**22, legacy=True)
        hello = {"type": "hello", "id": "hello", "versions": [1], "customer_token": self.customer_token}
        self.socket.send(json.dumps(hello))
        return decode_server(self.socket.recv(timeout(5)))

    def ask(self, frame: str | bytes, *, as_text: bool | None = None) -> tuple[list[ServerMessage], int | None]:
        """Send a frame and a ping; the frames before the pong, and the close code if the server closed."""
        if self.socket is None:
            self.connect()
        assert self.socket is not None
        ping_id = self.next_id()
        replies: list[ServerMessage] = []
        try:
            self.socket.send(frame, text=as_text)
            self.socket.send(json.dumps({"type": "ping", "id": ping_id}))
            while True:
                reply = decode_server(self.socket.recv(timeout(5)))
                if isinstance(reply, Pong) and reply.ref == ping_id:
                    return replies, None
                replies.append(reply)
        except ConnectionClosed:
            code = self.socket.protocol.close_code
            self.close_codes.append(code)
            self.socket = None
            return replies, code

    def request(self, frame: dict[str, Any]) -> ServerMessage:
        frame = {**frame, "id": self.next_id()}
        replies, code = self.ask(json.dumps(frame))
        assert code is None, f"closed with {code}"
        found = [r for r in replies if getattr(r, "ref", None) == frame["id"]]
        assert found, replies
        return found[0]

    def close(self) -> None:
        if self.socket is not None:
            self.socket.close()
            self.socket = None


def errors_in(replies: list[ServerMessage]) -> list[Error]:
    return [r for r in replies if isinstance(r, Error)]


def database_problems(db_path: Path) -> list[str]:
    """What is wrong with the stored data: SQLite's own checks, then the chat invariants."""
    db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        problems = [row[0] for row in db.execute("PRAGMA integrity_check") if row[0] != "ok"]
        problems += [f"foreign key: {row}" for row in db.execute("PRAGMA foreign_key_check")]
        gaps = db.execute(
            "SELECT c.id, c.last_seq, COUNT(e.seq), MIN(e.seq), MAX(e.seq) FROM conversations c"
            " LEFT JOIN events e ON e.conversation_id = c.id GROUP BY c.id"
            " HAVING COUNT(e.seq) != c.last_seq OR MIN(e.seq) != 1 OR MAX(e.seq) != c.last_seq"
        ).fetchall()
        problems += [f"sequence not 1..last_seq without gaps: {row}" for row in gaps]
        bad_state = db.execute(
            "SELECT id, state, agent, closed_at, rating FROM conversations"
            " WHERE state NOT IN ('queued', 'assigned', 'closed')"
            " OR (state = 'closed') != (closed_at IS NOT NULL)"
            " OR (state = 'assigned' AND agent IS NULL)"
            " OR (rating IS NOT NULL AND (rating < 1 OR rating > 5 OR state != 'closed'))"
        ).fetchall()
        problems += [f"conversation in an impossible state: {row}" for row in bad_state]
        empty = db.execute(
            "SELECT conversation_id, seq FROM events WHERE kind = 'message' AND (text IS NULL OR trim(text) = '')"
        ).fetchall()
        problems += [f"message without text: {row}" for row in empty]
        return problems
    finally:
        db.close()
