"""The simulator's conversation content and human behaviour: pure functions, no server."""

from __future__ import annotations

import math
import random
import re
import statistics

import pytest

from agent_desk.sim import bank, behaviour
from agent_desk.sim.script import (
    LANGS,
    Lang,
    Script,
    Topic,
    agent_reply,
    detect_lang,
    detect_topic,
    draw_slots,
    farewell,
    fill,
    greeting,
    is_greeting,
    is_thanks,
    make_script,
    next_follow_up,
    pick_lang,
    size_for_height,
    thanks,
)

BRACES = re.compile(r"[{}]")


def conversation(seed: int, lang_mode: str = "mix") -> list[str]:
    """Everything one simulated chat says, both sides, as the runner would draw it."""
    rng = random.Random(seed)
    script = make_script(rng, pick_lang(rng, lang_mode))
    said: list[str] = []
    lines = [script.name, greeting(script.lang)]
    line: str | None = script.opening
    while line is not None and len(said) < 10:
        said.append(line)
        reply = agent_reply(rng, line, lines)
        lines += [line, reply]
        line = next_follow_up(rng, script, said, reply)
    return [*lines, thanks(rng, script.lang), farewell(rng, script.lang)]


def test_same_seed_same_conversations() -> None:
    first = [conversation(seed) for seed in range(30)]
    again = [conversation(seed) for seed in range(30)]
    assert first == again
    assert len({tuple(c) for c in first}) > 20, "different seeds should give different chats"


def test_mixed_runs_hold_both_languages() -> None:
    rng = random.Random(11)
    langs = [pick_lang(rng, "mix") for _ in range(200)]
    assert set(langs) == {"zh", "en"}
    assert langs.count("zh") > langs.count("en"), "a Chinese marketplace: mostly Chinese shoppers"
    assert {pick_lang(rng, "zh") for _ in range(20)} == {"zh"}
    assert {pick_lang(rng, "en") for _ in range(20)} == {"en"}
    with pytest.raises(ValueError, match="unknown language"):
        pick_lang(rng, "fr")


@pytest.mark.parametrize("lang", LANGS)
def test_lines_are_in_the_shoppers_language(lang: Lang) -> None:
    for seed in range(40):
        rng = random.Random(seed)
        script = make_script(rng, lang)
        for line in (script.opening, script.name, thanks(rng, lang), greeting(lang)):
            assert detect_lang(line) == lang, line


@pytest.mark.parametrize("topic", list(Topic))
@pytest.mark.parametrize("lang", LANGS)
def test_every_topic_has_questions_and_answers(topic: Topic, lang: Lang) -> None:
    assert len(bank.OPENINGS[topic][lang]) >= 3
    assert len(bank.FOLLOW_UPS[topic][lang]) >= 3
    assert bank.AGENT_REPLIES[topic][lang]


def test_scripts_cover_every_topic() -> None:
    topics = {make_script(random.Random(seed), "zh").topic for seed in range(100)}
    assert topics == set(Topic)


@pytest.mark.parametrize("lang", LANGS)
def test_openings_are_recognised_as_their_topic(lang: Lang) -> None:
    """The simulated agent answers on the topic the shopper asked about."""
    for seed in range(50):
        slots = draw_slots(random.Random(seed), lang)
        for topic in Topic:
            for template in bank.OPENINGS[topic][lang]:
                line = fill(template, slots)
                assert detect_topic(line) is topic, line


def shopper(max_follow_ups: int, topic: Topic = Topic.SHIPPING, lang: Lang = "zh") -> Script:
    rng = random.Random(5)
    slots = draw_slots(rng, lang)
    return Script(lang, "王小明", topic, slots, fill(bank.OPENINGS[topic][lang][0], slots), max_follow_ups)


def test_follow_ups_come_then_stop() -> None:
    rng = random.Random(3)
    script = shopper(max_follow_ups=2)
    said = [script.opening]
    while (line := next_follow_up(rng, script, said, "亲,一般3天左右到哦")) is not None:
        assert line not in said, "a shopper does not ask the same thing twice"
        said.append(line)
    assert len(said) == 3, said
    assert next_follow_up(rng, shopper(max_follow_ups=0), [script.opening], "好的") is None


@pytest.mark.parametrize("lang", LANGS)
def test_an_agent_asking_for_measurements_gets_them(lang: Lang) -> None:
    rng = random.Random(8)
    script = shopper(max_follow_ups=0, topic=Topic.SIZE, lang=lang)
    question = bank.AGENT_REPLIES[Topic.SIZE][lang][0]
    answer = next_follow_up(rng, script, [script.opening], question)
    assert answer is not None
    assert script.slots["height"] in answer
    size = size_for_height(int(script.slots["height"]))
    advice = agent_reply(rng, answer)
    assert advice in {fill(t, {"size": size}) for t in bank.SIZE_ADVICE[lang]}


def test_no_placeholder_is_left_in_generated_text() -> None:
    for seed in range(300):
        for line in conversation(seed):
            assert not BRACES.search(line), line


def test_every_template_fills_from_the_slots() -> None:
    """A template naming a slot draw_slots does not make would raise KeyError here."""
    topic_banks = (bank.OPENINGS, bank.FOLLOW_UPS, bank.AGENT_REPLIES)
    lang_banks = (bank.MEASUREMENTS, bank.THANKS, bank.SIZE_ADVICE, bank.GENERIC_REPLIES, bank.FAREWELLS)
    for lang in LANGS:
        slots = draw_slots(random.Random(1), lang)
        templates = [t for b in topic_banks for topic in Topic for t in b[topic][lang]]
        templates += [t for b in lang_banks for t in b[lang]]
        templates += [answer[lang] for _, answer in bank.INTENTS]
        for template in templates:
            assert not BRACES.search(fill(template, slots)), template


def test_thanks_is_told_apart_from_questions() -> None:
    """The simulated agent closes the chat on thanks, so no question may look like thanks."""
    for lang in LANGS:
        assert all(is_thanks(line) for line in bank.THANKS[lang])
        questions = [t for b in (bank.OPENINGS, bank.FOLLOW_UPS) for topic in Topic for t in b[topic][lang]]
        assert not any(is_thanks(line) for line in questions + list(bank.MEASUREMENTS[lang]))


def test_the_greeting_is_the_classic_first_reply() -> None:
    assert greeting("zh") == "亲,您好!在的哦!"
    assert is_greeting(greeting("en"))
    assert not is_greeting(agent_reply(random.Random(1), "包邮吗?"))


def test_agent_does_not_repeat_itself_while_it_has_something_new() -> None:
    rng = random.Random(2)
    said: list[str] = []
    for _ in range(len(bank.AGENT_REPLIES[Topic.RETURNS]["zh"])):
        said.append(agent_reply(rng, "支持七天无理由退换吗?", said))
    assert len(set(said)) == len(said)


def test_agent_echoes_the_size_and_colour_asked_about() -> None:
    reply = agent_reply(random.Random(4), "那XL码呢?")
    assert "XL" in reply
    assert "身高" not in reply


def test_ratings_fall_as_the_wait_grows() -> None:
    rng = random.Random(9)
    prompt = [behaviour.draw_rating(rng, 5.0) for _ in range(2000)]
    slow = [behaviour.draw_rating(rng, 300.0) for _ in range(2000)]
    assert set(prompt) | set(slow) <= {1, 2, 3, 4, 5}
    assert statistics.mean(prompt) > 4.3
    assert statistics.mean(slow) < 3.0
    assert prompt.count(5) / len(prompt) > 0.6, "most prompt answers are rated 很满意"
    never_answered = [behaviour.draw_rating(rng, math.inf) for _ in range(2000)]
    assert statistics.mean(never_answered) == pytest.approx(statistics.mean(slow), abs=0.15)


def test_customers_who_gave_up_rarely_rate() -> None:
    rng = random.Random(6)
    served = sum(behaviour.will_rate(rng, 0.8) for _ in range(2000))
    gave_up = sum(behaviour.will_rate(rng, 0.8, abandoned=True) for _ in range(2000))
    assert gave_up < served / 2


def test_human_delays_are_positive_and_bounded() -> None:
    rng = random.Random(4)
    for _ in range(200):
        assert 0 < behaviour.typing_seconds(rng, "这款连衣裙尺码偏大还是偏小?", "zh") <= 25
        assert 0 < behaviour.think_seconds(rng, "亲,这款是标准码哦") < 10
        assert 60 <= behaviour.patience_seconds(rng) <= 240
        assert behaviour.agent_greet_seconds(rng) < 1.0, "the greeting goes out within a second"
        assert behaviour.arrival_gap(rng, 2.0) >= 0
