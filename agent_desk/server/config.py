"""Server settings, filled from the command line or by tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from agent_desk.protocol.limits import Limits


@dataclass(slots=True)
class ServerConfig:
    data_dir: Path
    host: str = "127.0.0.1"
    port: int = 8765
    """0 picks a free port; read it back from ``Server.port``."""
    demo: bool = False
    grace_seconds: float = 60.0
    """How long an agent may be disconnected before their chats are requeued."""
    token_ttl_seconds: float = 12 * 3600.0
    hello_timeout_seconds: float = 10.0
    default_max_chats: int = 4
    limits: Limits = field(default_factory=Limits)
    allowed_origins: list[str] = field(default_factory=list)
    """Extra browser origins allowed besides the server's own http://HOST:PORT."""
    outbound_queue_frames: int = 1000
    """Frames queued for one slow reader before it is closed with 1013."""
    floor_sample_seconds: float = 60.0
    """How often the dashboard records the queue and the crisis quotient for its history."""
    assistant_check_seconds: float = 1.0
    """How often the overflow assistant looks for customers who have waited too long."""

    @property
    def db_path(self) -> Path:
        return self.data_dir / "agentdesk.sqlite3"
