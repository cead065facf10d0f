"""The server under test as a child process: start, SIGKILL, restart on the same port."""

from __future__ import annotations

import asyncio
import contextlib
import sys
import time
from pathlib import Path

from agent_desk.domain.clock import SystemClock
from agent_desk.protocol.messages import Role
from agent_desk.server import db as database
from agent_desk.server.accounts import Accounts
from agent_desk.server.app import Server
from agent_desk.server.config import ServerConfig, database_path

START_SECONDS = 30.0
"""How long a start may take before the harness gives up (a loaded 2-core machine)."""


def seed_accounts(data_dir: Path, names: list[str], role: Role = Role.AGENT, max_chats: int = 4) -> None:
    """Create staff accounts (password = "pw-" + name) before the server starts."""
    db = database.open_database(database_path(data_dir))
    try:
        accounts = Accounts(db, SystemClock(), token_ttl_seconds=0)
        for name in names:
            if accounts.get(name) is None:
                accounts.add_user(name, f"pw-{name}", role, max_chats=max_chats)
    finally:
        db.close()


class _Addressed:
    """Where a server under test listens and keeps its database."""

    data_dir: Path
    port: int

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/ws"

    @property
    def db_path(self) -> Path:
        return database_path(self.data_dir)


class ServerProcess(_Addressed):
    """``agent-desk-server`` in a child process. The port stays the same across restarts."""

    def __init__(self, data_dir: Path, *extra: str) -> None:
        self.data_dir = data_dir
        self.extra = extra
        self.port = 0
        self.proc: asyncio.subprocess.Process | None = None
        self.starts = 0
        self.slow_consumers_closed = 0
        """Times the server logged closing a slow consumer (read from its stderr)."""
        self._log_reader: asyncio.Task[None] | None = None

    async def start(self) -> float:
        """Start and wait for "listening on"; returns that moment (time.monotonic())."""
        self.proc = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "agent_desk.server",
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--data",
            str(self.data_dir),
            "--log-level",
            "ERROR",
            *self.extra,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        self._log_reader = asyncio.create_task(self._read_log(self.proc))
        assert self.proc.stdout is not None
        async with asyncio.timeout(START_SECONDS):
            while line := (await self.proc.stdout.readline()).decode():
                if "listening on" in line:
                    url = line.split("listening on ", 1)[1].split()[0]
                    self.port = int(url.rsplit(":", 1)[1].split("/")[0])
                    self.starts += 1
                    return time.monotonic()
        raise RuntimeError(f"the server exited with {await self.proc.wait()} before listening")

    async def _read_log(self, proc: asyncio.subprocess.Process) -> None:
        assert proc.stderr is not None
        while line := (await proc.stderr.readline()).decode(errors="replace"):
            if "closing slow consumer" in line:
                self.slow_consumers_closed += 1
            elif "WARNING" not in line:
                sys.stderr.write(line)

    async def kill(self) -> None:
        """SIGKILL: no shutdown code runs, as in a crash or an OOM kill."""
        if self.proc is not None and self.proc.returncode is None:
            self.proc.kill()
            await self.proc.wait()

    async def stop(self) -> None:
        if self.proc is not None and self.proc.returncode is None:
            self.proc.terminate()
            try:
                async with asyncio.timeout(10):
                    await self.proc.wait()
            except TimeoutError:
                await self.kill()
        if self.proc is not None and self.proc.stdout is not None:
            with contextlib.suppress(Exception):
                self.proc.stdout.feed_eof()


class InProcessServer(_Addressed):
    """The same server in the harness's own process, for faults injected through its
    database connection (a running process's open file cannot be made read-only from outside)."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.port = 0
        self.server: Server | None = None

    async def start(self) -> float:
        self.server = Server(ServerConfig(data_dir=self.data_dir, port=self.port, grace_seconds=120.0))
        await self.server.start()
        self.port = self.server.port
        return time.monotonic()

    async def stop(self) -> None:
        if self.server is not None:
            await self.server.stop()
            self.server = None
