"""The frame rate limit both ends apply: the server to police, clients to stay under it.

Sans-IO: the caller passes its own clock's reading, so the same bucket runs on
the event loop's clock in the server and the client, and on a fake clock in
tests.
"""

from __future__ import annotations

from dataclasses import dataclass, field

CLIENT_RATE_SHARE = 0.9
"""Of the server's announced rate, what a client paces itself to: the rest absorbs
jitter between when a frame leaves and when the server reads it."""
CLIENT_BURST_SHARE = 0.5
"""Of the server's burst, what a client allows itself: frames that a slow link
delivers in a clump still fit the server's bucket."""


@dataclass(slots=True)
class TokenBucket:
    """Frames per second with a burst allowance.

    Going deeper than ``-burst`` into debt means the peer ignores the
    rate-limit errors it is sent: that is a flood.
    """

    rate: float
    burst: float
    tokens: float = field(init=False)
    stamp: float | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        if self.rate <= 0 or self.burst < 1:
            raise ValueError("a token bucket needs a positive rate and a burst of at least one")
        self.tokens = self.burst

    def take(self, now: float) -> bool:
        """Charge one frame; True when it is within the limit."""
        self._refill(now)
        self.tokens -= 1
        return self.tokens >= 0

    def reserve(self, now: float) -> float:
        """Charge one frame, in debt if need be; seconds to wait before sending it.

        Each caller's share is settled at once, so concurrent senders queue up
        behind one another instead of all waking at the same moment.
        """
        self._refill(now)
        self.tokens -= 1
        return 0.0 if self.tokens >= 0 else -self.tokens / self.rate

    def retry_after(self) -> float:
        """Seconds until a frame would be taken again, after a refused one."""
        return max(0.0, (1 - self.tokens) / self.rate)

    @property
    def flooding(self) -> bool:
        return self.tokens < -self.burst

    def _refill(self, now: float) -> None:
        if self.stamp is not None:
            self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now


def client_pace(rate_per_second: float, rate_burst: int) -> TokenBucket:
    """The bucket a client paces its frames with, from the limits the server announced."""
    return TokenBucket(rate_per_second * CLIENT_RATE_SHARE, max(1.0, rate_burst * CLIENT_BURST_SHARE))
