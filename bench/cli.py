"""``python -m bench``: run the registered benchmarks and write the results.

Exit status: 0 when every target is met, 1 when one is missed or a benchmark
failed (the results are written either way), 2 for a bad command line.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from bench import desk, search, server_load
from bench.harness import Outcome, Registry, run_benchmark
from bench.report import write_results

DEFAULT_OUT = Path(__file__).resolve().parent / "results"


def build_registry() -> Registry:
    """Every benchmark a run can choose from. A new benchmark module adds itself here."""
    registry = Registry()
    search.register(registry)
    desk.register(registry)
    server_load.register(registry)
    return registry


def parse_args(argv: Sequence[str], names: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="tiny sizes: checks the harness, not the speed")
    parser.add_argument("--only", nargs="+", metavar="NAME", choices=names, help=f"run only these: {', '.join(names)}")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="directory for latest.json and latest.md")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    registry = build_registry()
    try:
        args = parse_args(argv, registry.names())
    except SystemExit as exc:  # argparse exits on --help and on errors; keep that in-process friendly
        return int(exc.code or 0)
    outcomes: list[Outcome] = []
    for benchmark in registry.select(args.only):
        print(f"bench: {benchmark.name} ...", flush=True)
        outcome = run_benchmark(benchmark, quick=args.quick)
        outcomes.append(outcome)
        verdict = "ok" if outcome.passed else ("ERROR" if outcome.error else "target missed")
        print(f"bench: {benchmark.name} {verdict} in {outcome.seconds:.1f} s", flush=True)
        if outcome.error:
            print(outcome.error, file=sys.stderr)
    json_path, md_path = write_results(outcomes, args.out, quick=args.quick, argv=argv)
    print(md_path.read_text(encoding="utf-8"))
    print(f"bench: wrote {json_path} and {md_path}")
    return 0 if all(o.passed for o in outcomes) else 1
