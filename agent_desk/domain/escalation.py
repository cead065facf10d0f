"""Escalation (转接): reasons, statuses and the summary a specialist reads first.

The summary saves the specialist from reading the whole chat: why it came,
what the customer asked, what was already done, and the agent's own note.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass

DEFAULT_REASONS = ("product_expert", "after_sales", "complaint", "technical", "other")
SUMMARY_LINES = 3
LINE_CHARS = 120


class EscalationStatus(enum.StrEnum):
    WAITING = "waiting"
    """In the specialist queue; the customer has a holding message and a position."""
    TAKEN = "taken"
    """A specialist holds the chat."""
    RESOLVED = "resolved"
    """The specialist closed the chat."""
    CANCELLED = "cancelled"
    """The agent took it back before a specialist did (e.g. nobody was online)."""
    RETURNED = "returned"
    """The specialist sent it back to the agent with a note."""

    @property
    def open(self) -> bool:
        return self in (EscalationStatus.WAITING, EscalationStatus.TAKEN)


@dataclass(frozen=True, slots=True)
class Said:
    from_customer: bool
    text: str


def _clip(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= LINE_CHARS else flat[: LINE_CHARS - 1] + "…"


def summarize(reason: str, note: str, said: Sequence[Said]) -> str:
    """Plain-text summary: reason, the customer's last questions, the agent's last answers, note."""
    asked = [_clip(s.text) for s in said if s.from_customer][-SUMMARY_LINES:]
    done = [_clip(s.text) for s in said if not s.from_customer][-SUMMARY_LINES:]
    parts = [f"Reason: {reason}"]
    parts.append("Customer asked: " + (" / ".join(asked) if asked else "(nothing yet)"))
    parts.append("Agent did: " + (" / ".join(done) if done else "(no reply yet)"))
    if note.strip():
        parts.append(f"Note: {note.strip()}")
    return "\n".join(parts)


def check_reason(reason: str, allowed: Sequence[str]) -> None:
    if reason not in allowed:
        raise ValueError(f"unknown escalation reason {reason!r}: use one of {', '.join(allowed)}")
