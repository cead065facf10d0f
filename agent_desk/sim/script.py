"""What simulated shoppers and agents say, drawn from the banks in :mod:`agent_desk.sim.bank`.

Pure functions over a :class:`random.Random`, so a seed gives the same conversations every
time and the content can be tested without a server. A shopper's slots (product, colour,
size...) are drawn once, so one shopper asks about one product all the way through.
"""

from __future__ import annotations

import random
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from agent_desk.sim.bank import (
    AGENT_REPLIES,
    CITIES,
    CJK,
    COLORS,
    FAREWELLS,
    FOLLOW_UPS,
    GENERIC_REPLIES,
    GREETINGS,
    HEIGHT,
    INTENTS,
    KEYWORDS,
    LANGS,
    MEASURE,
    MEASUREMENTS,
    NAMES,
    OPENINGS,
    PRODUCTS,
    SIZE_ADVICE,
    SIZE_IN_TEXT,
    SIZES,
    THANKS,
    THANKS_WORDS,
    Lang,
    Topic,
)

__all__ = ["LANGS", "Lang", "Script", "Topic"]


@dataclass(frozen=True, slots=True)
class Script:
    """One shopper: who they are and what they came to ask."""

    lang: Lang
    name: str
    topic: Topic
    slots: Mapping[str, str]
    opening: str
    max_follow_ups: int


def fill(template: str, slots: Mapping[str, str]) -> str:
    """Put the slot values into a template. Raises KeyError for an unknown slot."""
    return template.format_map(slots)


def draw_slots(rng: random.Random, lang: Lang) -> dict[str, str]:
    """The facts one shopper"s lines (and the agent"s answers) talk about."""
    height = rng.randint(152, 188)
    weight_kg = rng.randint(45, 85)
    return {
        "product": rng.choice(PRODUCTS[lang]),
        "color": rng.choice(COLORS[lang]),
        "size": rng.choice(SIZES),
        "city": rng.choice(CITIES[lang]),
        "order": str(rng.randint(10**15, 10**16 - 1)),
        "height": str(height),
        "weight": str(weight_kg * 2),  # 斤, half-kilos: how Chinese shoppers give weight
        "weight_lb": str(round(weight_kg * 2.2)),
        "days": str(rng.randint(2, 5)),
        "deposit": str(rng.choice((20, 30, 50, 100))),
    }


def pick_lang(rng: random.Random, mode: str) -> Lang:
    """``zh``, ``en`` or ``mix`` (mostly Chinese, as on a Chinese marketplace)."""
    if mode == "zh":
        return "zh"
    if mode == "en":
        return "en"
    if mode != "mix":
        raise ValueError(f"unknown language mode {mode!r}")
    return "zh" if rng.random() < 0.7 else "en"


def make_script(rng: random.Random, lang: Lang) -> Script:
    topic = rng.choice(list(Topic))
    slots = draw_slots(rng, lang)
    return Script(
        lang=lang,
        name=rng.choice(NAMES[lang]),
        topic=topic,
        slots=slots,
        opening=fill(rng.choice(OPENINGS[topic][lang]), slots),
        max_follow_ups=rng.choice((0, 1, 1, 2, 2, 3)),
    )


def next_follow_up(rng: random.Random, script: Script, asked: Sequence[str], agent_reply: str) -> str | None:
    """What the shopper says after an agent reply, or None when they have what they need.

    ``asked`` is everything the shopper said so far. An agent who asks for height and weight
    gets them; otherwise the shopper asks a follow-up on their topic, now and then switches
    to another topic, and stops after ``max_follow_ups``.
    """
    if _asks_measurements(agent_reply):
        answer = fill(rng.choice(MEASUREMENTS[script.lang]), script.slots)
        if answer not in asked:
            return answer
    if len(asked) > script.max_follow_ups:
        return None
    topic = script.topic if rng.random() < 0.75 else rng.choice(list(Topic))
    fresh = [line for line in _lines_for(topic, script) if line not in asked]
    return rng.choice(fresh) if fresh else None


def _lines_for(topic: Topic, script: Script) -> list[str]:
    templates = FOLLOW_UPS[topic][script.lang]
    if topic is not script.topic:
        templates = templates + OPENINGS[topic][script.lang]
    return [fill(t, script.slots) for t in templates]


def thanks(rng: random.Random, lang: Lang) -> str:
    return rng.choice(THANKS[lang])


def _asks_measurements(text: str) -> bool:
    lowered = text.lower()
    asks = text.rstrip().endswith(("?", "？"))
    return asks and ("身高" in text or "height and weight" in lowered)


# ------------------------------------------------------------------ the agent's side


def detect_lang(text: str) -> Lang:
    return "zh" if CJK.search(text) else "en"


def detect_topic(text: str) -> Topic | None:
    """The topic the text is most about, or None.

    Longer keywords weigh more: "有现货" is about stock even though it says "码" too.
    """
    lowered = text.lower()
    scores = {topic: sum(len(word) for word in words if word in lowered) for topic, words in KEYWORDS.items()}
    best = max(scores, key=lambda topic: scores[topic])
    return best if scores[best] else None


def is_thanks(text: str) -> bool:
    lowered = text.lower()
    return any(word in lowered for word in THANKS_WORDS)


def is_greeting(text: str) -> bool:
    return text in GREETINGS.values()


def greeting(lang: Lang) -> str:
    return GREETINGS[lang]


def agent_reply(rng: random.Random, customer_text: str, said: Collection[str] = ()) -> str:
    """A canned answer to one customer message, in the customer's language.

    The most specific answer wins: measurements get size advice, a known question its own
    answer, anything else an answer on its topic. ``said`` (what the agent already wrote in
    this chat) is not repeated while something fresh fits.
    """
    lang = detect_lang(customer_text)
    slots = _echo_slots(customer_text, draw_slots(rng, lang), lang)
    lowered = customer_text.lower()
    candidates: list[tuple[str, ...]] = []
    if MEASURE.search(customer_text):
        candidates.append(SIZE_ADVICE[lang])
    candidates.extend((answer[lang],) for words, answer in INTENTS if any(w in lowered for w in words))
    topic = detect_topic(customer_text)
    if topic is not None:
        candidates.append(AGENT_REPLIES[topic][lang])
    candidates.append(GENERIC_REPLIES[lang])
    for bank in candidates:
        fresh = [line for line in (fill(t, slots) for t in bank) if line not in said]
        if fresh:
            return rng.choice(fresh)
    return fill(rng.choice(GENERIC_REPLIES[lang]), slots)


def _echo_slots(customer_text: str, slots: dict[str, str], lang: Lang) -> dict[str, str]:
    """Talk about the size and colour the customer named, not random ones."""
    if match := SIZE_IN_TEXT.search(customer_text):
        slots["size"] = match.group(1)
    if match := HEIGHT.search(customer_text):  # advice follows height, whatever they usually wear
        slots["size"] = size_for_height(int(match.group(1)))
    for color in COLORS[lang]:
        if color in customer_text:
            slots["color"] = color
    return slots


def size_for_height(height_cm: int) -> str:
    for limit, size in ((160, "S"), (170, "M"), (178, "L")):
        if height_cm < limit:
            return size
    return "XL"


def farewell(rng: random.Random, lang: Lang) -> str:
    return rng.choice(FAREWELLS[lang])
