"""`agent-desk --demo` as a real process: it logs in, holds a seat, and quits on SIGTERM."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from support import ServerProcess, timeout

pytestmark = pytest.mark.e2e


def health(http_url: str) -> dict[str, object]:
    with urllib.request.urlopen(f"{http_url}/healthz", timeout=timeout()) as reply:
        return dict(json.loads(reply.read()))


def wait_for(condition: object, watched: subprocess.Popen[str], units: float = 20) -> None:
    """Poll another process's state, waiting on a process that must stay up between polls,
    so that its crash ends the wait at once."""
    deadline = time.monotonic() + timeout(units)
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        try:
            code = watched.wait(timeout=0.05)
        except subprocess.TimeoutExpired:
            continue
        if not condition():  # type: ignore[operator]
            raise AssertionError(f"{watched.args} exited with {code} first")


def test_demo_desk_logs_in_and_stops_cleanly_on_sigterm(tmp_path: Path) -> None:
    server = ServerProcess(tmp_path / "server", "--demo")
    url = server.start()
    http_url = url.replace("ws://", "http://").rsplit("/ws", 1)[0]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "AGENTDESK_DATA_DIR": str(tmp_path / "desk")}
    desk = subprocess.Popen(
        [sys.executable, "-m", "agent_desk.ui.launch", "--demo", "--server", url],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        wait_for(lambda: health(http_url)["agents_online"] == 1, desk)
        desk.send_signal(signal.SIGTERM)
        assert desk.wait(timeout=timeout(10)) == 0
        assert server.proc is not None
        wait_for(lambda: health(http_url)["agents_online"] == 0, server.proc)
    finally:
        if desk.poll() is None:
            desk.kill()
        output = desk.communicate()[0]
        server.stop()
    assert "Traceback" not in output, output[-3000:]


def test_the_login_window_is_shown_before_asyncio_and_the_desk_load(tmp_path: Path) -> None:
    """agent_desk.ui.launch shows the login window first; the rest loads behind it."""
    probe = (
        "import sys\n"
        "from agent_desk.ui import launch\n"
        "shown = []\n"
        "real = launch.early_login_dialog\n"
        "def watch(args, settings):\n"
        "    dialog = real(args, settings)\n"
        "    shown.append((dialog is not None and dialog.isVisible(), 'asyncio' in sys.modules,\n"
        "                  'agent_desk.ui.desk' in sys.modules))\n"
        "    return dialog\n"
        "launch.early_login_dialog = watch\n"
        f"code = launch.main(['--exit-when-shown', '--data-dir', {str(tmp_path / 'desk')!r}])\n"
        "print('RESULT', code, shown)\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=timeout(30), check=False
    )
    assert "agent-desk: login window shown" in done.stdout, done.stdout + done.stderr
    assert "RESULT 0 [(True, False, False)]" in done.stdout, done.stdout + done.stderr
