"""The login throttle on a manual clock: windows, resets, bounds and turn-taking."""

from __future__ import annotations

import asyncio

import pytest

from agent_desk.domain.clock import ManualClock
from agent_desk.server.login_throttle import LoginThrottle, Throttled, ThrottlePolicy


def throttle(clock: ManualClock, **policy: float) -> LoginThrottle:
    return LoginThrottle(clock, ThrottlePolicy(**policy))  # type: ignore[arg-type]


def retry_after(gate: LoginThrottle, account: str, address: str = "10.0.0.1") -> float | None:
    try:
        gate.check(account, address)
    except Throttled as throttled:
        return throttled.retry_after
    return None


def test_failures_age_out_of_the_window_one_by_one() -> None:
    clock = ManualClock()
    gate = throttle(clock, account_failures=2, address_failures=100, window_seconds=60)
    gate.failed("mei", "10.0.0.1")
    clock.advance(20)
    gate.failed("mei", "10.0.0.1")

    assert retry_after(gate, "mei") == 40
    clock.advance(40)
    assert retry_after(gate, "mei") is None, "the first failure left the window"
    gate.failed("mei", "10.0.0.1")
    assert retry_after(gate, "mei") == 20, "now the second failure is the oldest that counts"


def test_success_clears_the_account_but_not_the_address() -> None:
    clock = ManualClock()
    gate = throttle(clock, account_failures=2, address_failures=3, window_seconds=60)
    gate.failed("mei", "10.0.0.1")
    gate.failed("mei", "10.0.0.1")
    gate.succeeded("mei")
    assert retry_after(gate, "mei") is None
    gate.failed("li", "10.0.0.1")

    assert retry_after(gate, "anyone") == 60
    assert retry_after(gate, "anyone", "10.0.0.2") is None, "other addresses are not affected"


def test_memory_stays_bounded_by_forgetting_the_oldest() -> None:
    clock = ManualClock()
    gate = throttle(clock, account_failures=1, address_failures=1000, window_seconds=60, max_tracked=3)
    for n in range(5):
        gate.failed(f"user{n}", f"10.0.0.{n}")

    throttled = [name for name in (f"user{n}" for n in range(5)) if retry_after(gate, name, "10.9.9.9")]
    assert throttled == ["user2", "user3", "user4"]


@pytest.mark.parametrize("field", ["account_failures", "address_failures"])
def test_nothing_is_throttled_below_the_limits(field: str) -> None:
    clock = ManualClock()
    gate = throttle(clock, **{field: 3})
    for _ in range(2):
        gate.failed("mei", "10.0.0.1")
    assert retry_after(gate, "mei") is None


async def test_attempts_for_one_account_take_turns() -> None:
    gate = throttle(ManualClock(), account_failures=1, address_failures=100)
    order: list[str] = []
    first_inside = asyncio.Event()
    release = asyncio.Event()

    async def first() -> None:
        async with gate.attempt("mei", "10.0.0.1"):
            order.append("first in")
            first_inside.set()
            await release.wait()
            gate.failed("mei", "10.0.0.1")
            order.append("first out")

    async def second() -> None:
        await first_inside.wait()
        with pytest.raises(Throttled):
            async with gate.attempt("mei", "10.0.0.2"):
                order.append("second in")  # pragma: no cover - must not happen
        order.append("second throttled")

    tasks = [asyncio.create_task(first()), asyncio.create_task(second())]
    await first_inside.wait()
    release.set()
    await asyncio.gather(*tasks)

    assert order == ["first in", "first out", "second throttled"]


async def test_an_address_gets_a_bounded_number_of_slots() -> None:
    gate = throttle(ManualClock(), address_slots=2)
    inside = 0
    most = 0
    gate_open = asyncio.Event()
    slots_full = asyncio.Event()

    async def attempt(n: int) -> None:
        nonlocal inside, most
        async with gate.attempt(f"user{n}", "10.0.0.1"):
            inside += 1
            most = max(most, inside)
            if inside == 2:
                slots_full.set()
            await gate_open.wait()
            inside -= 1

    tasks = [asyncio.create_task(attempt(n)) for n in range(5)]
    # All five tasks started before the second one filled the slots and woke this one.
    await slots_full.wait()
    assert inside == 2
    gate_open.set()
    await asyncio.gather(*tasks)

    assert most == 2
