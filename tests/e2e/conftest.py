"""Fixtures for desk tests: a qasync event loop on the pytest-qt QApplication."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
import qasync
from PySide6.QtWidgets import QApplication
from support import make_config

from agent_desk.server.app import Server


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
