"""The benchmark harness: timing, figures, targets, a registry and the run loop.

Nothing here knows what is measured. Benchmarks (bench/search.py, ...) are
plain functions from a :class:`Context` to a dict of figures; the harness
gives each one a fresh temporary directory and a time budget, checks its
figures against its targets and keeps going when one of them fails.
"""

from __future__ import annotations

import gc
import math
import os
import tempfile
import time
import traceback
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

_NS_PER_MS = 1_000_000


@dataclass(frozen=True, slots=True)
class Latency:
    """How long one operation took over many samples, in milliseconds."""

    samples: int
    planned: int
    """Samples asked for; more than ``samples`` when the time budget ran out first."""
    p50_ms: float
    p95_ms: float
    p99_ms: float
    max_ms: float
    mean_ms: float

    @classmethod
    def from_ns(cls, durations_ns: Sequence[int], planned: int | None = None) -> Latency:
        if not durations_ns:
            raise ValueError("no samples: the time budget ran out before the first one")
        ordered = sorted(durations_ns)
        return cls(
            samples=len(ordered),
            planned=len(ordered) if planned is None else planned,
            p50_ms=_ms(nearest_rank(ordered, 50)),
            p95_ms=_ms(nearest_rank(ordered, 95)),
            p99_ms=_ms(nearest_rank(ordered, 99)),
            max_ms=_ms(ordered[-1]),
            mean_ms=_ms(sum(ordered) / len(ordered)),
        )

    def stat(self, name: str) -> float:
        """One field by name (``p99_ms``); KeyError for a name that is not one."""
        if name not in self.__slots__:
            raise KeyError(name)
        return float(getattr(self, name))


Figure = int | float | Latency
"""A benchmark's result: a number (its name says the unit: ``build_ms``) or a Latency."""


def _ms(ns: float) -> float:
    return round(ns / _NS_PER_MS, 4)


def nearest_rank(ordered: Sequence[T], percent: float) -> T:
    """Nearest-rank percentile: the smallest sample at or above ``percent`` of them."""
    rank = max(1, math.ceil(percent / 100 * len(ordered)))
    return ordered[rank - 1]


@dataclass(frozen=True, slots=True)
class Target:
    """``figure`` (its ``stat``, for a Latency) must stay below ``limit``.

    The unit is the last part of the stat's name (``p99_ms``), or of the
    figure's for a plain number (``stat=None``, e.g. ``build_ms``).
    """

    figure: str
    limit: float
    stat: str | None = "p99_ms"
    at_least: bool = False
    """The figure must reach ``limit`` instead (a throughput or a ratio)."""

    def label(self) -> str:
        name = self.stat or self.figure
        what, _, unit = name.rpartition("_")
        prefix = f"{what} " if self.stat else ""
        return f"{prefix}{'≥' if self.at_least else '<'} {self.limit:g} {unit}".rstrip()

    def met(self, value: float) -> bool:
        return value >= self.limit if self.at_least else value < self.limit

    def value_of(self, figures: dict[str, Figure]) -> float:
        figure = figures[self.figure]
        if isinstance(figure, Latency):
            return figure.stat(self.stat or "p99_ms")
        return float(figure)


@dataclass(frozen=True, slots=True)
class Check:
    target: Target
    value: float | None
    """None when the figure is missing (the benchmark failed before measuring it)."""

    @property
    def passed(self) -> bool:
        return self.value is not None and self.target.met(self.value)


@dataclass
class Context:
    """What a benchmark gets: its size, a scratch directory and a deadline."""

    quick: bool
    workdir: Path
    deadline_ns: int
    params: dict[str, object] = field(default_factory=dict)
    """How it was measured (sizes, query mix): written to the results as is."""

    def size(self, full: int, quick: int) -> int:
        return quick if self.quick else full

    def note(self, **params: object) -> None:
        self.params.update(params)

    def time_left_s(self) -> float:
        return max(0.0, (self.deadline_ns - time.perf_counter_ns()) / 1e9)


def measure(ctx: Context, call: Callable[[T], object], inputs: Sequence[T], warmup: Iterable[T] = ()) -> Latency:
    """Time ``call(x)`` for each input, after calling it once for each warm-up input."""
    return Latency.from_ns(sample_ns(ctx, call, inputs, warmup), planned=len(inputs))


def sample_ns(ctx: Context, call: Callable[[T], object], inputs: Sequence[T], warmup: Iterable[T] = ()) -> list[int]:
    """Nanoseconds of ``call(x)`` for each input, in order, after the warm-up calls.

    Sampling stops at the context's deadline, so the list may be shorter than
    the inputs. A collection beforehand keeps garbage from the set-up out of
    the samples; the collector stays on, as it is in the desk and the server.
    """
    for item in warmup:
        call(item)
    gc.collect()
    durations: list[int] = []
    clock = time.perf_counter_ns
    for item in inputs:
        if clock() >= ctx.deadline_ns:
            break
        start = clock()
        call(item)
        durations.append(clock() - start)
    return durations


def split_latency(prefix: str, durations_ns: Sequence[int], labels: Sequence[str]) -> dict[str, Latency]:
    """One Latency per label (``{prefix}_{label}``) from samples labelled in the same order.

    Labels that got no sample before the deadline are left out.
    """
    groups: dict[str, list[int]] = {}
    planned: dict[str, int] = {}
    for index, label in enumerate(labels):
        planned[label] = planned.get(label, 0) + 1
        if index < len(durations_ns):
            groups.setdefault(label, []).append(durations_ns[index])
    return {f"{prefix}_{label}": Latency.from_ns(groups[label], planned=planned[label]) for label in sorted(groups)}


def time_once_ms(call: Callable[[], T]) -> tuple[T, float]:
    """The result of a one-off ``call()`` and how long it took, in milliseconds."""
    start = time.perf_counter_ns()
    result = call()
    return result, (time.perf_counter_ns() - start) / _NS_PER_MS


@dataclass(frozen=True, slots=True)
class Benchmark:
    name: str
    run: Callable[[Context], dict[str, Figure]]
    method: str
    """How it measures, for people reading the results: sizes come from the params."""
    targets: tuple[Target, ...] = ()
    budget_s: float = 120.0
    """Wall-clock bound from the benchmark's start: sampling stops there (set-up is sized
    to fit well inside it, and counts against it). --quick runs get a tenth."""


class Registry:
    """The benchmarks a run can choose from, in the order they were added."""

    def __init__(self) -> None:
        self._benchmarks: dict[str, Benchmark] = {}

    def add(self, benchmark: Benchmark) -> None:
        if benchmark.name in self._benchmarks:
            raise ValueError(f"benchmark {benchmark.name!r} is registered twice")
        self._benchmarks[benchmark.name] = benchmark

    def names(self) -> list[str]:
        return list(self._benchmarks)

    def select(self, names: Sequence[str] | None = None) -> list[Benchmark]:
        """The named benchmarks (all when ``names`` is empty); raises KeyError for an unknown one."""
        if not names:
            return list(self._benchmarks.values())
        unknown = [n for n in names if n not in self._benchmarks]
        if unknown:
            raise KeyError(f"unknown benchmark(s): {', '.join(unknown)}; known: {', '.join(self._benchmarks)}")
        return [self._benchmarks[n] for n in dict.fromkeys(names)]


@dataclass
class Outcome:
    """One benchmark's run: its figures, how they were measured and the verdicts."""

    benchmark: Benchmark
    figures: dict[str, Figure]
    params: dict[str, object]
    seconds: float
    error: str | None = None
    load_avg: tuple[float, float] = (0.0, 0.0)
    """The 1-minute load average before and after: other work on the machine skews timings."""

    @property
    def checks(self) -> list[Check]:
        return [
            Check(t, t.value_of(self.figures) if t.figure in self.figures else None) for t in self.benchmark.targets
        ]

    @property
    def passed(self) -> bool:
        return self.error is None and all(c.passed for c in self.checks)


def run_benchmark(benchmark: Benchmark, quick: bool) -> Outcome:
    """Run one benchmark in a temporary directory. An exception becomes the outcome's error."""
    budget_s = benchmark.budget_s / 10 if quick else benchmark.budget_s
    load_before = _load_avg()
    start = time.perf_counter_ns()
    with tempfile.TemporaryDirectory(prefix=f"bench-{benchmark.name}-") as workdir:
        ctx = Context(quick=quick, workdir=Path(workdir), deadline_ns=start + int(budget_s * 1e9))
        figures: dict[str, Figure] = {}
        error = None
        try:
            figures = benchmark.run(ctx)
        except Exception:  # a broken benchmark must not hide the others' results
            error = traceback.format_exc()
    seconds = (time.perf_counter_ns() - start) / 1e9
    return Outcome(benchmark, figures, ctx.params, round(seconds, 2), error, (load_before, _load_avg()))


def _load_avg() -> float:
    try:
        return round(os.getloadavg()[0], 2)
    except OSError:  # not available on every platform (Windows)
        return -1.0
