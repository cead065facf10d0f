"""What a simulation run counted, and its printed summary."""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass, field

_KEPT_ERRORS = 5


@dataclass(slots=True)
class Summary:
    """Counters shared by every simulated person of one run (one event loop, so no locks)."""

    seed: int | None = None
    """The run's seed: the same seed replays the same shoppers."""
    customers_started: int = 0
    chats_opened: int = 0
    messages_sent: int = 0
    messages_received: int = 0
    """Agent messages the shoppers received (greetings included)."""
    agent_replies: int = 0
    """Customer rounds that got an agent message in answer."""
    first_reply_waits: list[float] = field(default_factory=list)
    """Per answered chat: seconds from the customer's first message to the agent's first reply."""
    ratings: list[int] = field(default_factory=list)
    abandoned: int = 0
    """Chats the customer left because no reply came within their patience."""
    finished: int = 0
    """Shoppers whose chat closed (by either side) before the run ended."""
    unfinished: int = 0
    """Shoppers still chatting when the run stopped."""
    agents_ready: int = 0
    """Simulated agents that logged in."""
    agent_greetings: int = 0
    agent_messages: int = 0
    agent_closed: int = 0
    errors: int = 0
    error_samples: list[str] = field(default_factory=list)

    def record_error(self, who: str, exc: BaseException) -> None:
        self.errors += 1
        if len(self.error_samples) < _KEPT_ERRORS:
            self.error_samples.append(f"{who}: {type(exc).__name__}: {exc}")

    @property
    def chats_answered(self) -> int:
        return len(self.first_reply_waits)

    @property
    def median_wait(self) -> float | None:
        return statistics.median(self.first_reply_waits) if self.first_reply_waits else None

    @property
    def max_wait(self) -> float | None:
        return max(self.first_reply_waits) if self.first_reply_waits else None

    def format(self) -> str:
        title = "AgentDesk simulator summary" + ("" if self.seed is None else f" (seed {self.seed})")
        lines = [title, *self._customer_lines()] if self.customers_started else [title]
        if self.agents_ready or self.agent_greetings:
            lines.append(
                f"  simulated agents     {self.agents_ready} online; {self.agent_greetings} greetings,"
                f" {self.agent_messages} messages, {self.agent_closed} chats closed"
            )
        lines.append(f"  errors               {self.errors}")
        lines.extend(f"    {sample}" for sample in self.error_samples)
        return "\n".join(lines)

    def _customer_lines(self) -> list[str]:
        return [
            f"  customers started    {self.customers_started}",
            f"  chats opened         {self.chats_opened}",
            f"  messages sent        {self.messages_sent}",
            f"  messages received    {self.messages_received}",
            f"  agent replies        {self.agent_replies}",
            f"  first reply wait     {self._waits()}",
            f"  ratings given        {self._ratings()}",
            f"  chats abandoned      {self.abandoned}",
            f"  chats finished       {self.finished} (still open at the end: {self.unfinished})",
        ]

    def _waits(self) -> str:
        if self.median_wait is None or self.max_wait is None:
            return "no chat answered"
        return f"median {self.median_wait:.2f} s, max {self.max_wait:.2f} s ({self.chats_answered} chats answered)"

    def _ratings(self) -> str:
        if not self.ratings:
            return "0"
        counts = Counter(self.ratings)
        spread = ", ".join(f"{value}: {counts[value]}" for value in range(5, 0, -1) if counts[value])
        return f"{len(self.ratings)} (mean {statistics.mean(self.ratings):.2f}; {spread})"
