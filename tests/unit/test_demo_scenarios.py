"""The demo shop's chat-practice scenarios (agent_desk/server/demo_data/scenarios.json).

The server loads the file as package data. Every entry must decode into the same
``ScenarioDraft`` a trainer saves (which enforces the title, name, line and key-point limits),
and the set must be big enough for a demo: at least 12 scenarios, Chinese and English ones,
each a short escalating chat whose every line tells the trainer what a good answer covers.
"""

from __future__ import annotations

import json
from collections import Counter
from importlib.resources import files
from typing import Any

import msgspec
import pytest

from agent_desk.protocol.practice import ScenarioDraft

MIN_SCENARIOS = 12
MIN_ZH = 8
MIN_EN = 5
MIN_LINES, MAX_LINES = 4, 8
MIN_KEY_POINTS = 2


def load_raw() -> list[dict[str, Any]]:
    text = files("agent_desk.server").joinpath("demo_data/scenarios.json").read_text(encoding="utf-8")
    data = json.loads(text)
    assert isinstance(data, list)
    return data


RAW = load_raw()
SCENARIOS: list[ScenarioDraft] = [msgspec.convert(entry, ScenarioDraft) for entry in RAW]


def test_there_are_enough_scenarios_in_each_language() -> None:
    assert len(SCENARIOS) >= MIN_SCENARIOS
    langs = Counter(s.lang for s in SCENARIOS)
    assert langs["zh"] >= MIN_ZH, langs
    assert langs["en"] >= MIN_EN, langs
    assert set(langs) <= {"zh", "en"}


def test_titles_are_unique() -> None:
    titles = [s.title.strip() for s in SCENARIOS]
    assert len(set(titles)) == len(titles), [t for t, n in Counter(titles).items() if n > 1]


@pytest.mark.parametrize("entry", RAW, ids=lambda e: str(e.get("title", "?"))[:24])
def test_every_entry_decodes_strictly(entry: dict[str, Any]) -> None:
    # Strict JSON decoding: every limit of ScenarioDraft applies, and no field is left to a default.
    draft = msgspec.json.decode(json.dumps(entry, ensure_ascii=False).encode("utf-8"), type=ScenarioDraft)
    assert set(entry) == {"title", "lang", "customer_name", "lines"}
    assert all(set(line) == {"text", "key_points"} for line in entry["lines"])
    assert draft.title.strip() == draft.title
    assert draft.customer_name.strip()


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.title[:24])
def test_every_scenario_is_a_short_chat_with_key_points(scenario: ScenarioDraft) -> None:
    assert MIN_LINES <= len(scenario.lines) <= MAX_LINES
    for line in scenario.lines:
        assert line.text.strip()
        assert len(line.key_points) >= MIN_KEY_POINTS, line.text
        assert all(point.strip() for point in line.key_points), line.text
        assert len(set(line.key_points)) == len(line.key_points), line.text


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.title[:24])
def test_text_is_written_in_the_scenario_language(scenario: ScenarioDraft) -> None:
    def has_cjk(text: str) -> bool:
        return any("\u4e00" <= ch <= "\u9fff" for ch in text)

    texts = [scenario.title] + [line.text for line in scenario.lines]
    points = [point for line in scenario.lines for point in line.key_points]
    if scenario.lang == "zh":
        assert all(has_cjk(t) for t in texts + points)
    else:
        assert not any(has_cjk(t) for t in texts + points + [scenario.customer_name])
