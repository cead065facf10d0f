"""First-response and next-response clocks and 答问比 (agent_desk.domain.response)."""

from __future__ import annotations

import pytest

from agent_desk.domain.response import (
    RatioBand,
    RatioHint,
    ResponseTargets,
    Speaker,
    Utterance,
    advance,
    count_messages,
    qa_ratio,
    ratio_hint,
    run_clock,
)

C, A, AUTO = Speaker.CUSTOMER, Speaker.AGENT, Speaker.AUTOMATIC
TARGETS = ResponseTargets(first_seconds=5, next_seconds=30)


def talk(*pairs: tuple[float, Speaker]) -> list[Utterance]:
    return [Utterance(ts, speaker) for ts, speaker in pairs]


def test_first_response_runs_from_the_first_customer_message_to_the_first_manual_reply() -> None:
    clock = run_clock(talk((100, C), (102, C), (104.5, A)), TARGETS)
    assert clock.first_response == 4.5
    assert clock.rounds == []
    assert clock.open_since is None


def test_a_round_with_three_customer_messages_counts_once() -> None:
    clock = run_clock(talk((0, C), (3, A), (10, C), (12, C), (15, C), (20, A)), TARGETS)
    assert clock.first_response == 3
    assert clock.rounds == [10]
    assert clock.average_response == 10


def test_automatic_messages_stop_no_clock_unless_the_team_says_so() -> None:
    messages = talk((0, C), (1, AUTO), (8, A))
    assert run_clock(messages, TARGETS).first_response == 8
    counting = ResponseTargets(automatic_stops_clock=True)
    assert run_clock(messages, counting).first_response == 1


def test_agent_messages_with_nobody_waiting_start_or_stop_nothing() -> None:
    clock = run_clock(talk((0, A), (1, A), (5, C), (6, A), (7, A)), TARGETS)
    assert clock.first_response == 1
    assert clock.rounds == []


def test_remaining_counts_down_then_goes_negative_when_late() -> None:
    clock = run_clock(talk((100, C)), TARGETS)
    assert clock.remaining(103, TARGETS) == 2
    assert clock.remaining(109, TARGETS) == -4
    advance(clock, Utterance(110, A), TARGETS)
    assert clock.remaining(111, TARGETS) is None
    advance(clock, Utterance(120, C), TARGETS)
    assert clock.remaining(125, TARGETS) == 25, "next-response target after the first reply"


@pytest.mark.parametrize(
    ("agent", "customer", "hint"),
    [
        (0, 2, RatioHint.NONE),  # silent under three customer messages
        (1, 3, RatioHint.TOO_LOW),
        (3, 3, RatioHint.NONE),
        (4, 3, RatioHint.NONE),
        (5, 3, RatioHint.TOO_HIGH),
        (15, 10, RatioHint.NONE),
        (16, 10, RatioHint.TOO_HIGH),
        (9, 10, RatioHint.TOO_LOW),
    ],
)
def test_ratio_hints_outside_the_band(agent: int, customer: int, hint: RatioHint) -> None:
    assert ratio_hint(agent, customer, RatioBand()) is hint


def test_ratio_and_counts_leave_automatic_messages_out() -> None:
    assert count_messages(talk((0, C), (1, AUTO), (2, A), (3, C), (4, A), (5, A))) == (3, 2)
    assert qa_ratio(3, 2) == 1.5
    assert qa_ratio(2, 0) is None
