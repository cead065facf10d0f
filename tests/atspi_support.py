"""A private X display and accessibility bus, the desk on it, and a pyatspi probe that reads it.

The parts, each a real process:
- Xvfb on a free display (``-displayfd``), so Qt's xcb platform and X keyboard events work;
- a private D-Bus session bus (dbus-daemon), on which ``org.a11y.Bus`` is activated: at-spi2-core's
  bus launcher starts the accessibility bus and its registry, as on an agent's desktop;
- the desks (tests/atspi_desk_host.py, the venv's Python) with QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1;
- the probe (tests/atspi_probe.py) under Debian's /usr/bin/python3, where python3-pyatspi lives.

Every piece missing from the machine fails the test with the package to install (make sysdeps):
CI installs them, so a skip would hide a broken set-up.
"""

from __future__ import annotations

import json
import os
import queue
import select
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import pytest

from support import timeout

HERE = Path(__file__).resolve().parent
PROBE = HERE / "atspi_probe.py"
HOST = HERE / "atspi_desk_host.py"
SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"

NEEDED = (
    ("Xvfb", "xvfb"),
    ("dbus-daemon", "dbus"),
    (BUS_LAUNCHER, "at-spi2-core"),
    (SYSTEM_PYTHON, "python3"),
)


def require_tools() -> None:
    """Fail (not skip) with the Debian packages to install when a piece is missing."""
    missing = [package for program, package in NEEDED if shutil.which(program) is None]
    if not missing:
        found = subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, timeout=timeout(6))
        if found.returncode != 0:
            missing.append("python3-pyatspi")
    if missing:
        pytest.fail(f"the accessibility test needs Debian packages {' '.join(missing)}: run `make sysdeps`")


def read_line(fd: int, units: float, what: str) -> str:
    """One line a child writes on a pipe we hold, waited for with a bound."""
    data = b""
    deadline = time.monotonic() + timeout(units)
    while not data.endswith(b"\n"):
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            raise AssertionError(f"{what} did not start in time")
        chunk = os.read(fd, 4096)
        if not chunk:
            raise AssertionError(f"{what} exited before it started")
        data += chunk
    return data.decode().strip()


def start_with_pipe(
    argv: list[str], flag: str, env: dict[str, str], log: IO[bytes]
) -> tuple[subprocess.Popen[bytes], str]:
    """Start a daemon that reports where it listens on a file descriptor (``flag`` + fd)."""
    read_end, write_end = os.pipe()
    try:
        proc = subprocess.Popen([*argv, f"{flag}{write_end}"], pass_fds=(write_end,), env=env, stdout=log, stderr=log)
    finally:
        os.close(write_end)
    try:
        return proc, read_line(read_end, 10, argv[0])
    except AssertionError:
        proc.kill()
        proc.wait()
        raise
    finally:
        os.close(read_end)


def stop(proc: subprocess.Popen[Any]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=timeout(5))
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@contextmanager
def accessibility_bus(tmp_path: Path) -> Iterator[dict[str, str]]:
    """Xvfb and a session bus with org.a11y.Bus; yields the environment for the desk and the probe."""
    require_tools()
    runtime = tmp_path / "xdg-runtime"
    runtime.mkdir(mode=0o700)
    log = (tmp_path / "display-and-bus.log").open("wb")
    xvfb, display = start_with_pipe(
        ["Xvfb", "-screen", "0", "1280x1024x24", "-nolisten", "tcp", "-displayfd"], "", dict(os.environ), log
    )
    try:
        # The launcher puts the accessibility bus socket in XDG_RUNTIME_DIR: a private one keeps
        # parallel runs apart. It and the registry inherit DISPLAY, which keyboard synthesis needs.
        env = {**os.environ, "DISPLAY": f":{display}", "XDG_RUNTIME_DIR": str(runtime)}
        bus, address = start_with_pipe(["dbus-daemon", "--session", "--nofork"], "--print-address=", env, log)
        try:
            yield {
                **env,
                "DBUS_SESSION_BUS_ADDRESS": address,
                "QT_QPA_PLATFORM": "xcb",
                "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
            }
        finally:
            stop(bus)  # the bus launcher, the accessibility bus and the registry end with it
    finally:
        stop(xvfb)
        log.close()


class LineReader:
    """A child's stdout, a JSON line at a time, read on a thread so waits are bounded."""

    def __init__(self, stream: IO[str]) -> None:
        self.lines: queue.Queue[str] = queue.Queue()
        self._thread = threading.Thread(target=self._pump, args=(stream,), daemon=True)
        self._thread.start()

    def _pump(self, stream: IO[str]) -> None:
        for line in stream:
            self.lines.put(line)
        self.lines.put("")

    def next(self, seconds: float, what: str) -> dict[str, Any]:
        try:
            line = self.lines.get(timeout=seconds)
        except queue.Empty:
            raise AssertionError(f"{what}: no answer in time") from None
        if not line:
            raise AssertionError(f"{what}: the process ended")
        return dict(json.loads(line))


class DeskHost:
    """tests/atspi_desk_host.py: the server and three desks on the private display."""

    def __init__(self, env: dict[str, str], data_dir: Path) -> None:
        self.log_path = data_dir / "desk-host.log"
        self._log = self.log_path.open("w")
        self.proc = subprocess.Popen(
            [sys.executable, str(HOST), str(data_dir)],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._log,
            text=True,
        )
        assert self.proc.stdout is not None
        self._reader = LineReader(self.proc.stdout)
        self.started = self._expect("start", 30)

    def _expect(self, what: str, units: float) -> dict[str, Any]:
        try:
            answer = self._reader.next(timeout(units), f"desk host {what}")
        except AssertionError as failure:
            raise AssertionError(f"{failure}\n{self.log_path.read_text()[-3000:]}") from None
        assert answer.get("ok", True), answer.get("error")
        return answer

    def call(self, cmd: str, units: float = 20, **args: Any) -> dict[str, Any]:
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps({"cmd": cmd, **args}, ensure_ascii=False) + "\n")
        self.proc.stdin.flush()
        return self._expect(cmd, units)

    @property
    def pid(self) -> int:
        return self.proc.pid

    def close(self) -> str:
        """End the host (EOF on stdin closes the desks and the server); returns its log."""
        if self.proc.stdin is not None and not self.proc.stdin.closed:
            self.proc.stdin.close()
        try:
            self.proc.wait(timeout=timeout(20))
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self._log.close()
        return self.log_path.read_text()


def probe(env: dict[str, str], *args: str, units: float = 30) -> list[dict[str, Any]]:
    """Run the pyatspi probe once; its JSON lines."""
    done = subprocess.run(
        [SYSTEM_PYTHON, str(PROBE), *args], env=env, capture_output=True, text=True, timeout=timeout(units)
    )
    assert done.returncode == 0, f"probe {args} failed:\n{done.stderr[-3000:]}"
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]


class AnnouncementListener:
    """The probe in listen mode: every object:announcement the desk process sends, as it arrives."""

    def __init__(self, env: dict[str, str], pid: int) -> None:
        self.proc = subprocess.Popen(
            [SYSTEM_PYTHON, str(PROBE), "listen", str(pid)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout is not None
        self._reader = LineReader(self.proc.stdout)
        self.heard: list[dict[str, Any]] = []
        assert self._reader.next(timeout(10), "announcement listener").get("ready")

    def wait_for(self, matches: Callable[[dict[str, Any]], bool], units: float = 10) -> dict[str, Any]:
        """The first announcement (heard before or now) that matches; fails after ``units``."""
        seen = [a for a in self.heard if matches(a)]
        deadline = time.monotonic() + timeout(units)
        while not seen:
            try:
                announcement = self._reader.next(max(deadline - time.monotonic(), 0), "announcement listener")
            except AssertionError:
                raise AssertionError(f"no such announcement; the screen reader heard {self.heard}") from None
            self.heard.append(announcement)
            seen = [announcement] if matches(announcement) else []
        return seen[0]

    def close(self) -> None:
        stop(self.proc)
