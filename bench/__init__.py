"""AgentDesk benchmarks: ``python -m bench [--quick] [--only NAME ...] [--out DIR]``.

A benchmark is a function that takes a :class:`bench.harness.Context` and
returns a dict of figures (numbers, or :class:`bench.harness.Latency` for a
timed operation). A module offers its benchmarks through a ``register``
function; :func:`bench.cli.build_registry` lists those modules. To add one:

1. write ``def my_bench(ctx: Context) -> dict[str, Figure]`` in a module here,
   sizing its work with ``ctx.size(full, quick)`` and timing with ``measure``;
2. add a ``register(registry)`` that adds a :class:`bench.harness.Benchmark`
   naming its targets and saying how it measures;
3. list the module in ``bench.cli.build_registry``.

Results go to ``<out>/latest.json`` (everything) and ``<out>/latest.md``
(a table for people); docs/performance.md explains the figures.
"""
