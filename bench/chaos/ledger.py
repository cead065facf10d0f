"""What every simulated person wrote, what the server acknowledged and what each peer saw."""

from __future__ import annotations

import time
from dataclasses import dataclass, field


@dataclass(slots=True)
class Message:
    client_msg_id: str
    conversation_id: str
    sender: str
    written_at: float
    """time.monotonic() when the sender wrote it (queued it locally)."""
    acked_seq: int | None = None
    acked_at: float | None = None
    failed: str = ""
    peer_seqs: set[int] = field(default_factory=set)
    """Each seq under which the peer was shown this message: more than one is a visible duplicate."""
    peer_at: float | None = None
    """When the peer first saw it."""


class Ledger:
    def __init__(self) -> None:
        self.messages: dict[str, Message] = {}

    def written(self, client_msg_id: str, conversation_id: str, sender: str) -> None:
        self.messages[client_msg_id] = Message(client_msg_id, conversation_id, sender, time.monotonic())

    def acked(self, client_msg_id: str, seq: int) -> None:
        message = self.messages.get(client_msg_id)
        if message is not None and message.acked_at is None:
            message.acked_seq, message.acked_at = seq, time.monotonic()

    def failed(self, client_msg_id: str, reason: str) -> None:
        message = self.messages.get(client_msg_id)
        if message is not None:
            message.failed = reason

    def seen(self, client_msg_id: str | None, seq: int, viewer: str) -> None:
        """A client shows a message event: its peer has it, or (for the sender) it is stored.

        The server sends events only once committed, so the sender's own copy counts as
        its ack: a link that drops between the ack and the desk's bookkeeping (the outbox
        has dropped the row, the listener was not told) still shows the message as sent.
        """
        message = self.messages.get(client_msg_id or "")
        if message is None:
            return
        if viewer == message.sender:
            self.acked(message.client_msg_id, seq)
            return
        message.peer_seqs.add(seq)
        if message.peer_at is None:
            message.peer_at = time.monotonic()

    def settled(self) -> bool:
        """Every message written is acked (or refused) and shown to its peer."""
        return all(m.failed or (m.acked_at is not None and m.peer_seqs) for m in self.messages.values())

    def latencies(self, since: float, until: float, exclude: set[str] = frozenset()) -> list[float]:  # type: ignore[assignment]
        """Write-to-peer seconds of messages written in [since, until) in chats not in ``exclude``."""
        return [
            m.peer_at - m.written_at
            for m in self.messages.values()
            if since <= m.written_at < until and m.peer_at is not None and m.conversation_id not in exclude
        ]
