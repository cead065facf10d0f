"""Which agent gets the next queued chat. Pure: no I/O, no clocks."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class AgentLoad:
    """What routing needs to know about one online agent."""

    username: str
    active_chats: int
    limit: int
    accepting: bool
    """False when the agent is away or paused: no new chats."""
    last_assigned_at: float = 0.0

    @property
    def has_room(self) -> bool:
        return self.accepting and self.active_chats < self.limit


def choose_agent(agents: Iterable[AgentLoad], sticky_username: str | None = None) -> str | None:
    """Pick the agent for a chat, or None when nobody has room.

    The agent who last served this customer wins when they have room (the
    customer is mid-story with them); otherwise the least busy agent, with
    ties going to whoever waited longest since their last assignment.
    """
    candidates = [a for a in agents if a.has_room]
    if not candidates:
        return None
    for agent in candidates:
        if agent.username == sticky_username:
            return agent.username
    best = min(candidates, key=lambda a: (a.active_chats / a.limit, a.active_chats, a.last_assigned_at, a.username))
    return best.username
