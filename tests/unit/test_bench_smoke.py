"""The benchmark harness runs end to end at --quick sizes and writes complete results.

Only the shape of the results is checked, never a timing: how fast a shared
test machine is says nothing about the code (docs/performance.md).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bench.cli import build_registry, main

LATENCY_FIELDS = ("samples", "planned", "p50_ms", "p95_ms", "p99_ms", "max_ms", "mean_ms")
EXPECTED_FIGURES = {
    "phrase_search": {"search", "build_ms", "rebuild_ms"},
    "knowledge_search": {
        "load_ms",
        "file_mb",
        "search",
        "search_zh2",
        "search_zh3",
        "search_en",
        "search_multi",
        "suggest",
        "suggest_zh",
        "suggest_en",
        "suggest_uncached",
    },
    "desk_tabs": {
        "message_paint",
        "background_message",
        "typing_paint",
        "load_s",
        "peak_rss_mb",
        "rss_mb",
        "rows_laid_out_max",
    },
    "desk_history": {"first_paint", "page_in", "replay_s", "lines", "peak_rss_mb"},
    "desk_startup": {"bare_window", "desk_login", "ratio"},
    "server_load": {
        *(f"{figure}_{step}" for figure in ("latency", "rss_per_conn_kib") for step in (100, 1000, 4000, 10_000)),
        "login",
        "c2a",
        "a2c",
        "msgs_per_s",
        "lost",
        "errors",
        "acks_missing",
        "server_cpu_cores",
        "cpu_ms_per_msg",
        "rss_per_conn_kib",
        "connect_s",
        "relay_c2a",
        "relay_a2c",
        "relay_msgs_per_s",
        "relay_lost",
        "relay_cpu_cores",
        "p50_diff_ms",
        "p99_diff_ms",
    },
    "server_saturation": {
        "server_msgs_per_s",
        "relay_msgs_per_s",
        "throughput_ratio",
        "server_cpu_cores",
        "relay_cpu_cores",
        "server_latency",
        "relay_latency",
        "lost",
    },
}


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _run(out: Path, *args: str) -> dict[str, Any]:
    status = main(["--quick", "--out", str(out), *args])
    assert status in (0, 1)  # 1 only says a target was missed: not a harness failure
    results = json.loads((out / "latest.json").read_text(encoding="utf-8"))
    assert isinstance(results, dict)
    return results


def test_quick_run_writes_every_figure(tmp_path: Path) -> None:
    results = _run(tmp_path)

    assert set(results["machine"]) >= {"cpu_count", "python", "platform", "sqlite", "date"}
    assert results["run"]["quick"] is True
    benchmarks = results["benchmarks"]
    assert set(benchmarks) == set(build_registry().names()) == set(EXPECTED_FIGURES)
    for name, expected in EXPECTED_FIGURES.items():
        entry = benchmarks[name]
        assert entry["error"] is None, entry["error"]
        assert entry["method"]
        assert entry["params"]
        assert set(entry["figures"]) == expected
        for figure in entry["figures"].values():
            if isinstance(figure, dict):
                assert all(_is_number(figure[field]) for field in LATENCY_FIELDS), figure
                assert figure["samples"] > 0
            else:
                assert _is_number(figure)
        assert entry["targets"]
        for target in entry["targets"]:
            assert target["figure"] in expected
            assert _is_number(target["value"])
            assert isinstance(target["passed"], bool)

    markdown = (tmp_path / "latest.md").read_text(encoding="utf-8")
    assert "| figure | value | target | verdict |" in markdown
    for name, expected in EXPECTED_FIGURES.items():
        for figure in expected:
            assert f"| {name} · {figure} |" in markdown


def test_only_runs_the_named_benchmark(tmp_path: Path) -> None:
    results = _run(tmp_path, "--only", "phrase_search")

    assert list(results["benchmarks"]) == ["phrase_search"]
    assert (tmp_path / "latest.md").is_file()
