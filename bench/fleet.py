"""The processes of a server benchmark: the server (or the relay) and the load workers.

The process measured is pinned to its own CPU and the load workers to the
other (bench/procstat.split_cpus), so the load cannot starve what it measures.
Every child is stopped by the context managers here, also when a step fails.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import subprocess
import sys
import threading
from collections.abc import Sequence
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from bench.loadgen import WorkerPlan, worker_main

START_TIMEOUT_S = 120.0


class Served:
    """A server or relay child process, pinned to ``cpus``; the port is read from its first lines."""

    def __init__(self, argv: Sequence[str], cpus: set[int], log_path: Path) -> None:
        self._log = log_path.open("w", encoding="utf-8")
        self.proc = subprocess.Popen(
            [sys.executable, *argv],
            stdout=subprocess.PIPE,
            stderr=self._log,
            text=True,
            preexec_fn=lambda: os.sched_setaffinity(0, cpus),
        )
        self.port = self._read_port()
        # Keep reading what it prints, so a full pipe never blocks it.
        threading.Thread(target=self._drain, daemon=True).start()

    @property
    def pid(self) -> int:
        return self.proc.pid

    def _read_port(self) -> int:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            if "listening on" in line:
                address = line.split("listening on ", 1)[1].split()[0]
                return int(address.rsplit(":", 1)[-1].split("/")[0])
        raise RuntimeError(f"{self.proc.args} exited with {self.proc.wait()} before listening")

    def _drain(self) -> None:
        assert self.proc.stdout is not None
        for _ in self.proc.stdout:
            pass

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self._log.close()

    def __enter__(self) -> Served:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def server_argv(data_dir: Path, extra: Sequence[str] = ()) -> list[str]:
    # A long grace: agents connect one by one, and none of their seeded chats should move meanwhile.
    return [
        "-m",
        "agent_desk.server",
        "--port",
        "0",
        "--data",
        str(data_dir),
        "--log-level",
        "WARNING",
        "--grace",
        "3600",
        *extra,
    ]


def relay_argv(extra: Sequence[str] = ()) -> list[str]:
    return ["-m", "bench.relay", "--port", "0", *extra]


class Generators:
    """Load worker processes; each command goes to all of them and waits for every answer."""

    def __init__(self, plans: Sequence[WorkerPlan]) -> None:
        context = multiprocessing.get_context("spawn")  # no inherited event loop or sockets
        self._pipes: list[Connection] = []
        self._procs = []
        for plan in plans:
            ours, theirs = context.Pipe()
            proc = context.Process(target=worker_main, args=(theirs, plan), daemon=True)
            proc.start()
            theirs.close()
            self._pipes.append(ours)
            self._procs.append(proc)

    def command(self, name: str, argument: Any = None, timeout_s: float = 600.0) -> list[Any]:
        for pipe in self._pipes:
            pipe.send((name, argument))
        results = []
        for pipe in self._pipes:
            if not pipe.poll(timeout_s):
                raise TimeoutError(f"a load worker did not answer {name!r} within {timeout_s:.0f} s")
            status, result = pipe.recv()
            if status != "ok":
                raise RuntimeError(f"a load worker failed {name!r}:\n{result}")
            results.append(result)
        return results

    def stop(self) -> None:
        for pipe in self._pipes:
            with contextlib.suppress(BrokenPipeError, OSError):
                pipe.send(("stop", None))
        for proc in self._procs:
            proc.join(timeout=10)
            if proc.is_alive():
                proc.kill()
                proc.join()

    def __enter__(self) -> Generators:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
