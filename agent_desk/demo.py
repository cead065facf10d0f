"""``python -m agent_desk.demo`` (what ``make demo`` runs): a server with demo data, busy.

It starts, each as a child process:

1. the reference server with the demo accounts (``--demo``), in ``.demo-data/``;
2. simulated agents ``agent2`` and ``agent3``, so chats get answered while no human is at
   the desk;
3. a few simulated shoppers, arriving one every few seconds;
4. the desk, logged in as ``agent``, once ``agent_desk.ui.app`` exists.

Ctrl+C stops every child cleanly. If the server or any other child fails, the demo stops
the rest and exits non-zero.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import importlib.util
import os
import signal
import sys
from dataclasses import dataclass
from pathlib import Path

HOST = "127.0.0.1"
SIMULATED_AGENTS = ("agent2", "agent3")
"""Demo accounts (password = user name, see agent_desk/server/demo.py) the simulator plays."""
DESK_ACCOUNT = "agent"
OTHER_ACCOUNTS = ("specialist", "trainer", "trainee", "trainee2", "lead", "admin")
SERVER_START_SECONDS = 30.0
STOP_SECONDS = 10.0
"""How long a child may take to stop after SIGINT before it is killed."""


@dataclass(slots=True)
class Child:
    name: str
    process: asyncio.subprocess.Process
    must_run: bool
    """The demo cannot go on without it: its exit, even a clean one, ends the demo."""
    ends_demo: bool = False
    """A clean exit ends the demo cleanly (the desk: closing its window)."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m agent_desk.demo",
        description="AgentDesk demo: the server, simulated agents and shoppers, and the desk",
    )
    parser.add_argument("--port", type=int, default=8765, help="server port (0 picks a free one)")
    parser.add_argument("--data", type=Path, default=Path(".demo-data"), help="the server's data folder")
    parser.add_argument("--customers", type=int, default=6, help="how many simulated shoppers come")
    parser.add_argument("--rate", type=float, default=0.2, help="shoppers arriving per second")
    parser.add_argument("--duration", type=float, default=3600.0, help="how long the simulators run")
    parser.add_argument("--exit-after", type=float, help="stop everything after this many seconds")
    parser.add_argument("--no-desk", action="store_true", help="do not start the desk even if it is built")
    return parser


# ---------------------------------------------------------------- children


async def _spawn(
    *args: str, stdout: int | None = None, env: dict[str, str] | None = None
) -> asyncio.subprocess.Process:
    # Own process group: a terminal Ctrl+C reaches only the demo, which then stops each
    # child exactly once (a second SIGINT would interrupt a child's own clean shutdown).
    return await asyncio.create_subprocess_exec(sys.executable, *args, stdout=stdout, env=env, process_group=0)


async def start_server(args: argparse.Namespace) -> tuple[Child, str]:
    """Start the server and wait for its "listening on" line; returns it and its ws:// URL."""
    process = await _spawn(
        "-m",
        "agent_desk.server",
        "--host",
        HOST,
        "--port",
        str(args.port),
        "--data",
        str(args.data),
        "--demo",
        "--log-level",
        "WARNING",
        stdout=asyncio.subprocess.PIPE,
    )
    child = Child("server", process, must_run=True)
    try:
        url = await asyncio.wait_for(_read_url(process), SERVER_START_SECONDS)
    except BaseException:
        await stop_child(child)
        raise
    return child, url


async def _read_url(process: asyncio.subprocess.Process) -> str:
    assert process.stdout is not None
    while line := (await process.stdout.readline()).decode(errors="replace"):
        if "listening on" in line:
            return line.split("listening on ", 1)[1].split()[0]
    raise RuntimeError(f"the server exited with {await process.wait()} before listening")


async def _relay(stream: asyncio.StreamReader, prefix: str) -> None:
    """Keep a child's pipe drained (a full pipe would block it), echoing what it says."""
    while line := await stream.readline():
        print(f"{prefix}{line.decode(errors='replace').rstrip()}", flush=True)


async def start_simulators(args: argparse.Namespace, url: str) -> list[Child]:
    agents = ",".join(f"{name}:{name}" for name in SIMULATED_AGENTS)
    sim = ("-m", "agent_desk.sim", "--url", url, "--duration", str(args.duration))
    desk_agents = Child("simulated agents", await _spawn(*sim, "--customers", "0", "--agents", agents), must_run=False)
    shoppers = Child(
        "simulated shoppers",
        await _spawn(*sim, "--customers", str(args.customers), "--rate", str(args.rate), "--lang", "mix"),
        must_run=False,
    )
    return [desk_agents, shoppers]


def desk_is_built() -> bool:
    try:
        return importlib.util.find_spec("agent_desk.ui.app") is not None
    except ImportError:
        return False


async def open_desk(url: str) -> Child | None:
    """Start the desk in demo mode, or None while it is not built (it arrives with the desk issue)."""
    if not desk_is_built():
        return None
    # The desk's --demo mode knows the default server; the variable tells it about --port.
    env = {**os.environ, "AGENTDESK_URL": url}
    if sys.platform.startswith("linux") and not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
        # No screen (a server or CI): the desk still runs, logged in, just invisibly.
        print("No display found: the desk runs offscreen (set DISPLAY to see it).", flush=True)
        env["QT_QPA_PLATFORM"] = "offscreen"
    process = await _spawn("-m", "agent_desk.ui.launch", "--demo", env=env)
    return Child("desk", process, must_run=False, ends_demo=True)


async def stop_child(child: Child) -> None:
    process = child.process
    if process.returncode is None:
        with contextlib.suppress(ProcessLookupError):
            process.send_signal(signal.SIGINT)
        try:
            await asyncio.wait_for(process.wait(), STOP_SECONDS)
        except TimeoutError:
            with contextlib.suppress(ProcessLookupError):
                process.kill()
            await process.wait()


# ---------------------------------------------------------------- running


def print_banner(url: str, args: argparse.Namespace, desk: Child | None) -> None:
    page = url.replace("ws://", "http://", 1).rsplit("/ws", 1)[0] + "/"
    lines = [
        "",
        "AgentDesk demo is running.",
        f"  Customer chat page:   {page}",
        f"  Server for the desk:  {url}",
        "  Demo accounts (password = user name):",
        f"    {DESK_ACCOUNT:<11} agent, yours at the desk",
        *(f"    {name:<11} agent, played by the simulator" for name in SIMULATED_AGENTS),
        f"    {', '.join(OTHER_ACCOUNTS)}",
        f"  Simulated shoppers:   {args.customers}, about {args.rate:g} arriving per second",
        "  Desk:                 " + ("started, log in as agent / agent" if desk else _no_desk(args)),
        "Press Ctrl+C to stop.",
        "",
    ]
    print("\n".join(lines), flush=True)


def _no_desk(args: argparse.Namespace) -> str:
    if args.no_desk:
        return "not started (--no-desk)"
    return "not built yet: it arrives with the desk issue"


async def supervise(children: list[Child], stop: asyncio.Event, exit_after: float | None) -> int:
    """Wait for Ctrl+C, --exit-after or a child's exit; returns the demo's exit status."""
    waits = {asyncio.create_task(c.process.wait(), name=f"wait-{c.name}"): c for c in children}
    stopper = asyncio.create_task(stop.wait(), name="demo-stop")
    loop = asyncio.get_running_loop()
    deadline = None if exit_after is None else loop.time() + exit_after
    try:
        while True:
            timeout = None if deadline is None else max(0.0, deadline - loop.time())
            done, _ = await asyncio.wait({*waits, stopper}, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
            if stopper in done or not done:
                print("demo: stopping", flush=True)
                return 0
            for task in done:
                status = _exited(waits.pop(task), task.result())
                if status is not None:
                    return status
    finally:
        for task in (*waits, stopper):
            task.cancel()
        await asyncio.wait({*waits, stopper})


def _exited(child: Child, code: int) -> int | None:
    """What a child's exit means: an exit status for the demo, or None to carry on."""
    if code != 0 or child.must_run:
        print(f"demo: the {child.name} exited with status {code}; stopping the demo", file=sys.stderr, flush=True)
        return 1
    if child.ends_demo:
        print(f"demo: the {child.name} closed; stopping the demo", flush=True)
        return 0
    print(f"demo: the {child.name} finished", flush=True)
    return None


async def run_demo(args: argparse.Namespace) -> int:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    children: list[Child] = []
    relays: list[asyncio.Task[None]] = []
    try:
        server, url = await start_server(args)
        children.append(server)
        assert server.process.stdout is not None
        relays.append(asyncio.create_task(_relay(server.process.stdout, "[server] "), name="relay-server"))
        children += await start_simulators(args, url)
        desk = None if args.no_desk else await open_desk(url)
        if desk is not None:
            children.append(desk)
        print_banner(url, args, desk)
        return await supervise(children, stop, args.exit_after)
    finally:
        # Shoppers and agents first, so they leave before the server goes away.
        for child in reversed(children):
            await stop_child(child)
        for relay in relays:
            relay.cancel()
        if relays:
            await asyncio.wait(relays)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return asyncio.run(run_demo(args))
    except TimeoutError:
        print(f"demo: the server did not start within {SERVER_START_SECONDS:g} s", file=sys.stderr)
        return 1
    except RuntimeError as exc:
        print(f"demo: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
