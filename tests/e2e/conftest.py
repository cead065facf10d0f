"""Fixtures for desk tests: a qasync event loop on the pytest-qt QApplication."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import qasync
from PySide6.QtWidgets import QApplication

from agent_desk.protocol.messages import Role
from agent_desk.server.app import Server
from desk_support import RunningDesk, make_desk_app, run, start_desk
from support import make_config


@pytest.fixture
def qloop(qapp: QApplication) -> Iterator[asyncio.AbstractEventLoop]:
    """asyncio on Qt's loop, as the desk runs it. Fails the test on leftover tasks."""
    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    errors: list[dict[str, object]] = []
    loop.set_exception_handler(lambda _loop, context: errors.append(context))
    yield loop
    leftovers = [t for t in asyncio.all_tasks(loop) if not t.done()]
    for task in leftovers:
        task.cancel()
    if leftovers:
        loop.run_until_complete(asyncio.gather(*leftovers, return_exceptions=True))
    loop.close()
    asyncio.set_event_loop(None)
    if leftovers:
        pytest.fail(f"test left tasks running: {[t.get_name() for t in leftovers]}")
    if errors:
        pytest.fail(f"unhandled errors on the loop: {[e.get('message') or e.get('exception') for e in errors]}")


@pytest.fixture
def desk_server(qloop: asyncio.AbstractEventLoop, tmp_path: Path) -> Iterator[Server]:
    """The real server, in-process on the desk's loop, with its SQLite file in tmp_path."""
    server = Server(make_config(tmp_path / "server", grace_seconds=30))
    qloop.run_until_complete(server.start())
    yield server
    qloop.run_until_complete(server.stop())


DeskBody = Callable[[RunningDesk], Awaitable[None]]


class DeskDriver:
    """Runs a test body against a logged-in desk (account ``mei``) and closes it after."""

    def __init__(self, loop: asyncio.AbstractEventLoop, qapp: QApplication, server: Server, tmp_path: Path) -> None:
        self.loop, self.qapp, self.server, self.tmp_path = loop, qapp, server, tmp_path
        self.app_options: dict[str, Any] = {}

    def __call__(self, body: DeskBody, units: float = 20, role: Role = Role.AGENT, **app_options: Any) -> None:
        if self.server.accounts.get("mei") is None:
            self.server.accounts.add_user("mei", "pw-mei", role, "小美")
        app = make_desk_app(self.qapp, self.tmp_path, self.server.url, **app_options)

        async def scenario() -> None:
            running = await start_desk(app, self.server.url, "mei", "pw-mei")
            try:
                await body(running)
            finally:
                await running.close()

        run(self.loop, scenario(), units)


@pytest.fixture
def drive_desk(qloop: asyncio.AbstractEventLoop, qapp: QApplication, desk_server: Server, tmp_path: Path) -> DeskDriver:
    return DeskDriver(qloop, qapp, desk_server, tmp_path)
