"""Shared test set-up: an asyncio runner that fails on stray tasks and errors.

``async def`` tests run on a fresh event loop each. A test fails if the loop
saw an unhandled exception or if it leaves tasks running (style.md, 9).
"""

from __future__ import annotations

import asyncio
import inspect
import os
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# QtMultimedia probes for PipeWire at start-up and warns when it is absent (as on CI);
# that says nothing about our code, and Qt warnings fail tests here.
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.symbolsresolver=false")


def _run_coroutine_test(func: Any, kwargs: dict[str, Any]) -> None:
    loop = asyncio.new_event_loop()
    errors: list[dict[str, Any]] = []
    loop.set_exception_handler(lambda _loop, context: errors.append(context))
    try:
        loop.run_until_complete(func(**kwargs))
        leftovers = [t for t in asyncio.all_tasks(loop) if not t.done()]
        for task in leftovers:
            task.cancel()
        if leftovers:
            loop.run_until_complete(asyncio.gather(*leftovers, return_exceptions=True))
        loop.run_until_complete(loop.shutdown_asyncgens())
    finally:
        loop.close()
    if leftovers:
        pytest.fail(f"test left tasks running: {[t.get_name() for t in leftovers]}")
    if errors:
        pytest.fail(f"unhandled errors on the loop: {[e.get('message') or e.get('exception') for e in errors]}")


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    func = pyfuncitem.obj
    if not inspect.iscoroutinefunction(func):
        return None
    names = pyfuncitem._fixtureinfo.argnames
    _run_coroutine_test(func, {name: pyfuncitem.funcargs[name] for name in names})
    return True
