"""Helpers for tests that run the real server on loopback."""

from __future__ import annotations

import asyncio
import contextlib
import os
import subprocess
import sys
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import TypeVar

import msgspec
import pytest

from agent_desk.client.connection import Connection, RequestFailed
from agent_desk.domain.clock import Clock
from agent_desk.protocol.errors import ErrorCode
from agent_desk.protocol.messages import Ok, Role
from agent_desk.server.app import Server
from agent_desk.server.config import ServerConfig

T = TypeVar("T")

UNIT = float(os.environ.get("AGENTDESK_TEST_TIMEOUT_UNIT", "1"))
"""Every timeout in the tests is a multiple of this; raise it on slow machines."""


POLL_SECONDS = 0.01
"""How often wait_until looks at its condition: a poll, not a fixed wait."""


def timeout(units: float = 5) -> float:
    return units * UNIT


def make_config(data_dir: Path, **overrides: object) -> ServerConfig:
    config = ServerConfig(data_dir=data_dir, port=0)
    for name, value in overrides.items():
        setattr(config, name, value)
    return config


@contextlib.asynccontextmanager
async def serving(config: ServerConfig, clock: Clock | None = None) -> AsyncIterator[Server]:
    server = Server(config, clock)
    await server.start()
    try:
        yield server
    finally:
        await server.stop()


async def staff(server: Server, username: str, role: Role = Role.AGENT, max_chats: int = 4) -> Connection:
    """Create an account (if new), log in on a fresh connection and resume."""
    if server.accounts.get(username) is None:
        server.accounts.add_user(username, f"pw-{username}", role, max_chats=max_chats)
    conn = await Connection.open(server.url, client_name=f"test-{username}")
    await conn.login(username, f"pw-{username}")
    await conn.resume({})
    return conn


async def refused(conn: Connection, message: msgspec.Struct, code: ErrorCode) -> str:
    """Send a request that must fail with ``code``; returns the error's message."""
    with pytest.raises(RequestFailed) as failure:
        await conn.request(message, Ok)
    assert failure.value.code is code, failure.value.error.message
    return failure.value.error.message


async def wait_until(condition: Callable[[], T], units: float = 5) -> T:
    """Poll a condition on the loop (no fixed sleeps in assertions)."""
    deadline = asyncio.get_running_loop().time() + timeout(units)
    while True:
        value = condition()
        if value:
            return value
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(POLL_SECONDS)


class ServerProcess:
    """The server as a child process, for tests that kill it."""

    def __init__(self, data_dir: Path, *extra: str) -> None:
        self.data_dir = data_dir
        self.extra = extra
        self.proc: subprocess.Popen[str] | None = None
        self.url = ""

    def start(self, port: int = 0) -> str:
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "agent_desk.server",
                "--port",
                str(port),
                "--data",
                str(self.data_dir),
                "--log-level",
                "WARNING",
                *self.extra,
            ],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            if "listening on" in line:
                self.url = line.split("listening on ", 1)[1].split()[0]
                return self.url
        raise RuntimeError(f"server exited with {self.proc.wait()}")

    @property
    def port(self) -> int:
        return int(self.url.rsplit(":", 1)[1].split("/")[0])

    def kill(self) -> None:
        assert self.proc is not None
        self.proc.kill()
        self.proc.wait()
        if self.proc.stdout:
            self.proc.stdout.close()

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=10)
        if self.proc is not None and self.proc.stdout:
            self.proc.stdout.close()
