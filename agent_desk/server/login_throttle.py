"""Slow down password guessing: per account, and per network address.

Failed logins are counted in a sliding window on the server's clock. Once an
account (or an address) has used up its failures in the window, further
attempts are refused with ``login_throttled`` and a ``retry_after`` before the
password is even looked at, so a throttled guess costs the server no argon2
work and tells the guesser nothing. A successful login clears the account's
count; the address keeps its count, so one valid account cannot launder a
password-spraying run across many others.

Attempts for one account run one at a time, and each address has a few
verification slots: without that, a burst of parallel guesses would all pass
the check before the first failure was counted.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import deque
from collections.abc import AsyncIterator
from dataclasses import dataclass

from agent_desk.domain.clock import Clock


@dataclass(frozen=True, slots=True)
class ThrottlePolicy:
    account_failures: int = 5
    """Failed logins one account may have in the window."""
    address_failures: int = 30
    """Failed logins one address may have in the window, over all accounts."""
    window_seconds: float = 300.0
    address_slots: int = 8
    """Logins from one address verified at the same time; more wait their turn."""
    max_tracked: int = 10_000
    """Accounts plus addresses remembered at once; the oldest is forgotten past this."""


class Throttled(Exception):
    def __init__(self, retry_after: float, reason: str) -> None:
        super().__init__(reason)
        self.retry_after = retry_after
        self.reason = reason


class _FailureLog:
    """Failure times per key within the window, bounded in keys."""

    def __init__(self, limit: int, window: float, max_keys: int) -> None:
        self._limit = limit
        self._window = window
        self._max_keys = max_keys
        self._stamps: dict[str, deque[float]] = {}

    def retry_after(self, key: str, now: float) -> float | None:
        stamps = self._current(key, now)
        if stamps is None or len(stamps) < self._limit:
            return None
        # Free again once enough failures have aged out to drop below the limit.
        return stamps[len(stamps) - self._limit] + self._window - now

    def add(self, key: str, now: float) -> None:
        stamps = self._stamps.pop(key, None) or deque()
        stamps.append(now)
        while len(stamps) > self._limit:
            stamps.popleft()
        self._stamps[key] = stamps  # re-inserted last: the dict's order is least recently failed first
        while len(self._stamps) > self._max_keys:
            del self._stamps[next(iter(self._stamps))]

    def clear(self, key: str) -> None:
        self._stamps.pop(key, None)

    def _current(self, key: str, now: float) -> deque[float] | None:
        stamps = self._stamps.get(key)
        if stamps is None:
            return None
        while stamps and stamps[0] <= now - self._window:
            stamps.popleft()
        if not stamps:
            del self._stamps[key]
            return None
        return stamps


class _KeyedSlots:
    """Up to ``size`` holders per key; entries vanish when nobody holds or waits."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._slots: dict[str, tuple[asyncio.Semaphore, list[int]]] = {}

    @contextlib.asynccontextmanager
    async def hold(self, key: str) -> AsyncIterator[None]:
        semaphore, users = self._slots.setdefault(key, (asyncio.Semaphore(self._size), [0]))
        users[0] += 1
        try:
            async with semaphore:
                yield
        finally:
            users[0] -= 1
            if users[0] == 0:
                del self._slots[key]


class LoginThrottle:
    def __init__(self, clock: Clock, policy: ThrottlePolicy | None = None) -> None:
        self.policy = policy = policy or ThrottlePolicy()
        self._clock = clock
        self._accounts = _FailureLog(policy.account_failures, policy.window_seconds, policy.max_tracked)
        self._addresses = _FailureLog(policy.address_failures, policy.window_seconds, policy.max_tracked)
        self._account_turns = _KeyedSlots(1)
        self._address_turns = _KeyedSlots(policy.address_slots)

    @contextlib.asynccontextmanager
    async def attempt(self, account: str, address: str) -> AsyncIterator[None]:
        """Wait for this login's turn, then raise :class:`Throttled` if it may not try now."""
        async with self._address_turns.hold(address), self._account_turns.hold(account):
            self.check(account, address)
            yield

    def check(self, account: str, address: str) -> None:
        now = self._clock.now()
        wait = self._accounts.retry_after(account, now)
        if wait is not None:
            raise Throttled(wait, "too many failed logins for this account")
        wait = self._addresses.retry_after(address, now)
        if wait is not None:
            raise Throttled(wait, "too many failed logins from this address")

    def failed(self, account: str, address: str) -> None:
        now = self._clock.now()
        self._accounts.add(account, now)
        self._addresses.add(address, now)

    def succeeded(self, account: str) -> None:
        self._accounts.clear(account)
