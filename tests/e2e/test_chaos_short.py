"""A short ``make chaos``: every fault scenario once, with small counts.

Each scenario runs the real server (a child process, SIGKILLed in the first one)
with DeskSession desks and resending customers, and checks what ``make chaos``
checks: nothing acked is lost, nothing shows twice, no sequence gaps, resumes
and dead-link detection within their limits.
"""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

import pytest

from bench.chaos.cli import SCENARIOS, short_sizes

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


@pytest.mark.parametrize("name", sorted(SCENARIOS))
async def test_scenario_keeps_every_invariant(name: str, tmp_path: Path) -> None:
    if name == "disk_full" and os.geteuid() != 0:
        pytest.skip("mounting the small tmpfs that fills up needs root")
    result = await SCENARIOS[name](tmp_path, short_sizes(), random.Random(1))

    assert result["ok"], json.dumps(result, indent=1)
    assert result["settled"], "every message written was acked and shown to its peer"
    assert (result["lost"], result["duplicated"], result["sequence_gaps"], result["unacked"]) == (0, 0, 0, 0)
    assert result["acked"] > 0
