"""``python -m bench.chaos``: run the fault scenarios and write bench/results/chaos.json."""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import json
import logging
import random
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from bench.chaos import scenarios, storage

RESULTS = Path(__file__).resolve().parent.parent / "results" / "chaos.json"

Scenario = Callable[[Path, scenarios.Sizes, random.Random], Awaitable[dict[str, Any]]]
SCENARIOS: dict[str, Scenario] = {
    "kill_restart": scenarios.kill_restart,
    "transport_reset": scenarios.transport_reset,
    "stall": scenarios.stall,
    "slow_consumer": scenarios.slow_consumer,
    "desk_killed": scenarios.desk_killed,
    "disk_full": storage.disk_full,
    "read_only": storage.read_only,
}


async def run(names: list[str], sizes: scenarios.Sizes, seed: int) -> dict[str, Any]:
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="agentdesk-chaos-") as tmp:
        for name in names:
            started = time.monotonic()
            try:
                outcome = await SCENARIOS[name](Path(tmp) / name, sizes, random.Random(seed))
            except Exception as exc:  # a scenario that crashes is a failed scenario, reported as such
                logging.exception("scenario %s crashed", name)
                outcome = {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
            outcome["seconds"] = round(time.monotonic() - started, 1)
            results[name] = outcome
            print(f"{name}: {'ok' if outcome['ok'] else 'FAILED'} {json.dumps(outcome)}", flush=True)
    return summarise(results, sizes)


def summarise(results: dict[str, Any], sizes: scenarios.Sizes) -> dict[str, Any]:
    def total(key: str) -> int:
        return sum(int(r.get(key, 0)) for r in results.values())

    kill = results.get("kill_restart", {})
    return {
        "ok": all(r.get("ok") for r in results.values()),
        "cycles": kill.get("cycles", 0),
        "lost": total("lost"),
        "duplicated": total("duplicated"),
        "sequence_gaps": total("sequence_gaps"),
        "max_resume_seconds": kill.get("resume_seconds_max"),
        "sizes": dataclasses.asdict(sizes),
        "scenarios": results,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.chaos", description=__doc__)
    parser.add_argument("--cycles", type=int, default=scenarios.Sizes().cycles, help="kill -9 / restart cycles")
    parser.add_argument("--only", action="append", choices=sorted(SCENARIOS), help="run only these scenarios")
    parser.add_argument("--short", action="store_true", help="small counts, for the test suite")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    sizes = short_sizes() if args.short else scenarios.Sizes(cycles=args.cycles)
    report = asyncio.run(run(args.only or list(SCENARIOS), sizes, args.seed))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    print(f"chaos: {'all invariants held' if report['ok'] else 'INVARIANT BROKEN'}; wrote {args.out}")
    return 0 if report["ok"] else 1


def short_sizes() -> scenarios.Sizes:
    return scenarios.Sizes(
        cycles=3,
        desks=3,
        customers=8,
        interval=0.25,
        resets=2,
        stall_seconds=10.0,
        slow_window=6.0,
        slow_rounds=1,
        unsent=5,
    )


if __name__ == "__main__":
    sys.exit(main())
