"""``agent-desk-sim``: simulated shoppers (and optionally agents) against a running server.

agent-desk-sim --url ws://127.0.0.1:8765/ws --customers N [--rate R] [--duration S]
               [--seed K] [--lang zh|en|mix] [--pace P] [--agents USER:PASS,...]
               [--ca-file PEM]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import os
import signal
import sys
from pathlib import Path

from agent_desk.sim import behaviour
from agent_desk.sim.runner import SimConfig, Simulator
from agent_desk.sim.stats import Summary


def _agents(text: str) -> list[tuple[str, str]]:
    """``USER:PASS,USER:PASS`` into pairs (a password may contain ':', not ',')."""
    pairs = []
    for item in filter(None, (part.strip() for part in text.split(","))):
        username, sep, password = item.partition(":")
        if not sep or not username or not password:
            raise argparse.ArgumentTypeError(f"expected USER:PASS, got {item!r}")
        pairs.append((username, password))
    return pairs


def _positive(text: str) -> float:
    value = float(text)
    if value <= 0:
        raise argparse.ArgumentTypeError("must be above 0")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="agent-desk-sim", description="AgentDesk simulated shoppers")
    parser.add_argument("--url", default="ws://127.0.0.1:8765/ws", help="the server's WebSocket URL")
    parser.add_argument("--customers", type=int, default=10, help="how many shoppers come in total")
    parser.add_argument("--rate", type=_positive, default=0.5, help="shoppers arriving per second")
    parser.add_argument("--duration", type=_positive, default=300.0, help="stop after this many seconds")
    parser.add_argument("--seed", type=int, help="repeat a run (default: a fresh seed, printed)")
    parser.add_argument("--lang", choices=("zh", "en", "mix"), default="mix")
    parser.add_argument(
        "--pace", type=_positive, default=1.0, help="multiplies human delays; 0.1 runs ten times faster"
    )
    parser.add_argument(
        "--rating-chance", type=float, default=behaviour.RATING_CHANCE, help="share of closed chats the shopper rates"
    )
    parser.add_argument(
        "--agents",
        type=_agents,
        default=[],
        metavar="USER:PASS,...",
        help="also run simulated agents with these accounts",
    )
    parser.add_argument(
        "--ca-file",
        type=Path,
        default=os.environ.get("AGENTDESK_CA_FILE") or None,
        help="trust the certificates in this PEM file too, for a wss:// server with a private CA"
        " (default: $AGENTDESK_CA_FILE; the system's CAs are always trusted)",
    )
    parser.add_argument("--log-level", default="WARNING")
    return parser


async def _run(config: SimConfig) -> Summary:
    """Run until done; SIGINT or SIGTERM ends the run early but still yields a summary."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    handled: list[signal.Signals] = []
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):  # not on Windows' loop
            loop.add_signal_handler(sig, stop.set)
            handled.append(sig)
    try:
        return await Simulator(config).run(stop)
    finally:
        for sig in handled:
            loop.remove_signal_handler(sig)


def failed(config: SimConfig, summary: Summary) -> bool:
    """The run could not do its job: no chat opened, or an agent could not log in."""
    return (config.customers > 0 and summary.chats_opened == 0) or summary.agents_ready < len(config.agents)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    log_format = "%(asctime)s %(levelname)s %(name)s: %(message)s"
    logging.basicConfig(level=args.log_level.upper(), format=log_format)
    if args.customers < 0:
        print("error: --customers must be 0 or more", file=sys.stderr)
        return 2
    config = SimConfig(
        url=args.url,
        customers=args.customers,
        rate=args.rate,
        duration=args.duration,
        seed=args.seed,
        lang=args.lang,
        pace=args.pace,
        rating_chance=args.rating_chance,
        agents=args.agents,
        ca_file=Path(args.ca_file) if args.ca_file else None,
    )
    summary = asyncio.run(_run(config))
    print(summary.format(), flush=True)
    return 1 if failed(config, summary) else 0


if __name__ == "__main__":
    raise SystemExit(main())
