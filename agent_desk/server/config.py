"""Server settings, filled from the command line or by tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from agent_desk.protocol.limits import Limits
from agent_desk.server.login_throttle import ThrottlePolicy


def database_path(data_dir: Path) -> Path:
    """The server's SQLite file in its data folder (the server, its commands and tools agree)."""
    return data_dir / "agentdesk.sqlite3"


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
    tls_cert: Path | None = None
    """PEM certificate chain: with ``tls_key``, the server speaks wss:// and https://."""
    tls_key: Path | None = None
    ws_compression: bool = False
    """permessage-deflate. Off by default: compressing secrets next to attacker-chosen text leaks them."""
    session_check_seconds: float = 60.0
    """How often open staff connections are checked for a session that expired or was revoked."""
    login_throttle: ThrottlePolicy = field(default_factory=ThrottlePolicy)

    @property
    def tls(self) -> bool:
        return self.tls_cert is not None

    @property
    def db_path(self) -> Path:
        return database_path(self.data_dir)
