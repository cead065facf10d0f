"""How fast simulated people act and how they rate: pure functions over a random.Random.

Every duration here is in *human* seconds; the runner multiplies it by its pace factor, so a
test can run a five-minute conversation in a second. Figures follow docs of the trade
(/work/shared/domain.md): Qianniu alerts an agent when a customer waited 100 s, and most
ratings on a healthy shop are 很满意.
"""

from __future__ import annotations

import random

from agent_desk.sim.script import Lang

# Rating weights for 1..5 (很不满 .. 很满意): a quick answer, and a customer kept waiting.
_PROMPT_WEIGHTS = (1.0, 2.0, 6.0, 21.0, 70.0)
_SLOW_WEIGHTS = (22.0, 22.0, 28.0, 18.0, 10.0)
_PROMPT_SECONDS = 15.0
"""Waits up to this feel prompt (real shops average 15-18 s to a first reply)."""
_SLOW_SECONDS = 120.0
"""From here on the customer is as unhappy as they get."""

RATING_CHANCE = 0.8
"""Share of closed chats the customer rates (参评率)."""


def think_seconds(rng: random.Random, read_text: str = "") -> float:
    """Reading what the agent wrote, then deciding what to say."""
    return rng.uniform(1.0, 3.0) + len(read_text) / 12.0


def typing_seconds(rng: random.Random, text: str, lang: Lang) -> float:
    """Typing a message: pinyin input is slower per character than English per letter."""
    per_char = 0.45 if lang == "zh" else 0.2
    return min(25.0, len(text) * per_char * rng.uniform(0.7, 1.3))


def patience_seconds(rng: random.Random) -> float:
    """How long a shopper waits for an answer before giving up: one to four minutes."""
    return rng.uniform(60.0, 240.0)


def arrival_gap(rng: random.Random, rate: float) -> float:
    """Seconds until the next shopper arrives, for arrivals at ``rate`` per second (Poisson)."""
    return rng.expovariate(rate) if rate > 0 else 0.0


ABANDONED_RATING_SHARE = 0.3
"""A customer who gave up rates far less often than one who was served (and rates low)."""


def will_rate(rng: random.Random, chance: float = RATING_CHANCE, *, abandoned: bool = False) -> bool:
    return rng.random() < chance * (ABANDONED_RATING_SHARE if abandoned else 1.0)


def draw_rating(rng: random.Random, waited: float) -> int:
    """A satisfaction rating 1..5 for a customer whose longest wait was ``waited`` seconds.

    ``math.inf`` stands for a customer who was never answered.
    """
    slowness = min(1.0, max(0.0, (waited - _PROMPT_SECONDS) / (_SLOW_SECONDS - _PROMPT_SECONDS)))
    weights = [p + (s - p) * slowness for p, s in zip(_PROMPT_WEIGHTS, _SLOW_WEIGHTS, strict=True)]
    return rng.choices(range(1, 6), weights=weights)[0]


def agent_greet_seconds(rng: random.Random) -> float:
    """The greeting is one quick-phrase keystroke: well within a second."""
    return rng.uniform(0.2, 0.8)


def agent_answer_seconds(rng: random.Random, text: str) -> float:
    """An agent reads the question and sends a prepared answer (quick phrase, then edits)."""
    return rng.uniform(1.5, 4.0) + len(text) / 40.0
