"""Response discipline: first-response and next-response clocks, and 答问比.

Rules (shared/domain.md):
- The first-response clock starts at the customer's first message and stops
  at the agent's first *manual* reply.
- After that, a round starts at the first customer message that follows an
  agent reply and stops at the next agent reply; more customer messages
  before that reply do not start new rounds.
- Automatic messages (the overflow assistant) stop no clock unless the team
  setting says they do.
- 答问比 = agent messages ÷ customer messages, hinted only from the third
  customer message on, against a target and a band.

Pure functions over plain values: the server computes the recorded figures
with them (its own clock), and the desk its live countdowns.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field


class Speaker(enum.Enum):
    CUSTOMER = "customer"
    AGENT = "agent"
    """A manual reply by a person (quick replies and greetings count: a person sent them)."""
    AUTOMATIC = "automatic"
    """A message the system sent for the agent (the overflow assistant)."""


def speaker_for(author_role: str | None, automatic: bool) -> Speaker:
    """Who spoke: the customer, a person on staff, or the system (author_role None or flagged)."""
    if author_role == "customer":
        return Speaker.CUSTOMER
    if automatic or author_role is None:
        return Speaker.AUTOMATIC
    return Speaker.AGENT


@dataclass(frozen=True, slots=True)
class Utterance:
    ts: float
    speaker: Speaker


@dataclass(frozen=True, slots=True)
class ResponseTargets:
    first_seconds: float = 5.0
    next_seconds: float = 30.0
    automatic_stops_clock: bool = False


@dataclass(slots=True)
class ResponseClock:
    """Everything the rules say about one conversation so far."""

    first_response: float | None = None
    """Seconds from the customer's first message to the first manual reply."""
    rounds: list[float] = field(default_factory=list)
    """Durations of the completed next-response rounds."""
    open_since: float | None = None
    """Start of the round waiting for an answer now (the first round too), else None."""
    first_pending: bool = True
    """True until the first response is given: the open round is the first one."""

    @property
    def average_response(self) -> float | None:
        return sum(self.rounds) / len(self.rounds) if self.rounds else None

    def target_for_open_round(self, targets: ResponseTargets) -> float:
        return targets.first_seconds if self.first_pending else targets.next_seconds

    def remaining(self, now: float, targets: ResponseTargets) -> float | None:
        """Seconds left before the open round is late (negative once late); None if nobody waits."""
        if self.open_since is None:
            return None
        return self.open_since + self.target_for_open_round(targets) - now


def stops_clock(speaker: Speaker, targets: ResponseTargets) -> bool:
    return speaker is Speaker.AGENT or (speaker is Speaker.AUTOMATIC and targets.automatic_stops_clock)


def run_clock(utterances: Iterable[Utterance], targets: ResponseTargets) -> ResponseClock:
    clock = ResponseClock()
    for utterance in utterances:
        advance(clock, utterance, targets)
    return clock


def advance(clock: ResponseClock, utterance: Utterance, targets: ResponseTargets) -> float | None:
    """Apply one message; returns the duration of a round it closed, if any."""
    if utterance.speaker is Speaker.CUSTOMER:
        if clock.open_since is None:
            clock.open_since = utterance.ts  # later messages in the same round start nothing
        return None
    if not stops_clock(utterance.speaker, targets) or clock.open_since is None:
        return None
    duration = max(0.0, utterance.ts - clock.open_since)
    if clock.first_pending:
        clock.first_response = duration
        clock.first_pending = False
    else:
        clock.rounds.append(duration)
    clock.open_since = None
    return duration


# ---------------------------------------------------------------- 答问比


class RatioHint(enum.Enum):
    NONE = "none"
    TOO_LOW = "too_low"
    """The customer asked more than the agent answered: something left unanswered?"""
    TOO_HIGH = "too_high"
    """Many short messages: combine them?"""


@dataclass(frozen=True, slots=True)
class RatioBand:
    target: float = 1.2
    low: float = 1.0
    high: float = 1.5
    min_customer_messages: int = 3


def qa_ratio(agent_messages: int, customer_messages: int) -> float | None:
    """Agent ÷ customer messages; None before the customer has said anything."""
    return agent_messages / customer_messages if customer_messages else None


def ratio_hint(agent_messages: int, customer_messages: int, band: RatioBand) -> RatioHint:
    if customer_messages < band.min_customer_messages:
        return RatioHint.NONE
    ratio = agent_messages / customer_messages
    if ratio < band.low:
        return RatioHint.TOO_LOW
    if ratio > band.high:
        return RatioHint.TOO_HIGH
    return RatioHint.NONE


def count_messages(utterances: Iterable[Utterance]) -> tuple[int, int]:
    """(agent, customer) message counts for 答问比; automatic messages are not the agent's."""
    agent = customer = 0
    for utterance in utterances:
        if utterance.speaker is Speaker.AGENT:
            agent += 1
        elif utterance.speaker is Speaker.CUSTOMER:
            customer += 1
    return agent, customer
