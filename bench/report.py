"""Writing a run's results: ``latest.json`` for tools, ``latest.md`` for people."""

from __future__ import annotations

import dataclasses
import datetime
import json
import os
import platform
import sqlite3
from collections.abc import Sequence
from pathlib import Path

from bench.harness import Check, Figure, Latency, Outcome

SCHEMA = 1
"""Version of latest.json's layout; bump it when a field changes meaning."""


def machine_info() -> dict[str, object]:
    return {
        "cpu_count": os.cpu_count(),
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "machine": platform.machine(),
        "sqlite": sqlite3.sqlite_version,
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
    }


def _figure(value: Figure) -> object:
    if isinstance(value, Latency):
        return dataclasses.asdict(value)
    return value


def outcome_dict(outcome: Outcome) -> dict[str, object]:
    return {
        "method": outcome.benchmark.method,
        "params": outcome.params,
        "seconds": outcome.seconds,
        "load_avg_1m": {"before": outcome.load_avg[0], "after": outcome.load_avg[1]},
        "passed": outcome.passed,
        "error": outcome.error,
        "figures": {name: _figure(value) for name, value in outcome.figures.items()},
        "targets": [
            {
                "figure": c.target.figure,
                "stat": c.target.stat,
                "limit": c.target.limit,
                "label": c.target.label(),
                "value": c.value,
                "passed": c.passed,
            }
            for c in outcome.checks
        ],
    }


def results_dict(
    outcomes: Sequence[Outcome], machine: dict[str, object], quick: bool, argv: Sequence[str]
) -> dict[str, object]:
    return {
        "schema": SCHEMA,
        "machine": machine,
        "run": {
            "quick": quick,
            "argv": list(argv),
            "seconds": round(sum(o.seconds for o in outcomes), 2),
            "passed": all(o.passed for o in outcomes),
        },
        "benchmarks": {o.benchmark.name: outcome_dict(o) for o in outcomes},
    }


def _number(value: float) -> str:
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}" if value >= 1 else f"{value:.3g}"


def _value_cell(value: Figure) -> str:
    if isinstance(value, Latency):
        cut = "" if value.samples == value.planned else f" of {value.planned} planned"
        return (
            f"p50 {_number(value.p50_ms)} · p95 {_number(value.p95_ms)} · p99 {_number(value.p99_ms)}"
            f" · max {_number(value.max_ms)} ms (n={value.samples}{cut})"
        )
    return _number(float(value))


def markdown(outcomes: Sequence[Outcome], machine: dict[str, object], quick: bool) -> str:
    lines = [
        "# Benchmark results" + (" (--quick: tiny sizes, not comparable)" if quick else ""),
        "",
        f"{machine['date']} · {machine['cpu_count']} CPUs · Python {machine['python']} · "
        f"SQLite {machine['sqlite']} · {machine['platform']}",
        "",
        f"1-minute load average {outcomes[0].load_avg[0] if outcomes else '?'} at the start, "
        f"{outcomes[-1].load_avg[1] if outcomes else '?'} at the end (other work on the machine skews timings).",
        "",
        "| figure | value | target | verdict |",
        "|---|---|---|---|",
    ]
    for outcome in outcomes:
        name = outcome.benchmark.name
        checks: dict[str, list[Check]] = {}
        for check in outcome.checks:
            checks.setdefault(check.target.figure, []).append(check)
        for figure in [*outcome.figures, *(f for f in checks if f not in outcome.figures)]:
            own = checks.get(figure, [])
            value = _value_cell(outcome.figures[figure]) if figure in outcome.figures else "not measured"
            target = ", ".join(c.target.label() for c in own) or "—"
            verdict = ("pass" if all(c.passed for c in own) else "**FAIL**") if own else ""
            lines.append(f"| {name} · {figure} | {value} | {target} | {verdict} |")
        if outcome.error:
            last = outcome.error.strip().splitlines()[-1].replace("|", "\\|")
            lines.append(f"| {name} | error: {last} | | **FAIL** |")
    lines += ["", "How each figure was measured: `method` and `params` in latest.json; docs/performance.md.", ""]
    return "\n".join(lines)


def write_results(outcomes: Sequence[Outcome], out: Path, quick: bool, argv: Sequence[str]) -> tuple[Path, Path]:
    """Write latest.json and latest.md into ``out`` (created if needed); returns their paths."""
    out.mkdir(parents=True, exist_ok=True)
    machine = machine_info()
    results = results_dict(outcomes, machine, quick, argv)
    json_path, md_path = out / "latest.json", out / "latest.md"
    json_path.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    md_path.write_text(markdown(outcomes, machine, quick), encoding="utf-8")
    return json_path, md_path
