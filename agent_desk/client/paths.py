"""Where the desk keeps its files on this machine.

Only the outbox lives here today: the user's unsent words. That is private
data, so the folder is created readable by its owner alone.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from collections.abc import Mapping
from pathlib import Path

DATA_DIR_ENV = "AGENTDESK_DATA_DIR"
"""Overrides the data folder on every platform (tests, portable installs)."""

PRIVATE_DIR_MODE = 0o700


def user_data_dir(
    app: str = "AgentDesk",
    env: Mapping[str, str] = os.environ,
    platform: str = sys.platform,
    home: Path | None = None,
) -> Path:
    """The per-user folder for the desk's data. Nothing is created.

    Args:
        app: the application name; on Linux and other Unixes it becomes
            ``agent-desk`` (lower case, hyphenated) as XDG folders usually are.
        env: the environment to read; ``os.environ`` unless a test passes its own.
        platform: a ``sys.platform`` value.
        home: the user's home folder; ``Path.home()`` when None.

    Returns:
        ``$AGENTDESK_DATA_DIR`` when set; otherwise ``%LOCALAPPDATA%\\AgentDesk``
        on Windows, ``~/Library/Application Support/AgentDesk`` on macOS and
        ``$XDG_DATA_HOME/agent-desk`` (default ``~/.local/share/agent-desk``)
        elsewhere.
    """
    override = env.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    home = Path.home() if home is None else home
    if platform == "win32":
        local = env.get("LOCALAPPDATA")
        return (Path(local) if local else home / "AppData" / "Local") / app
    if platform == "darwin":
        return home / "Library" / "Application Support" / app
    xdg = env.get("XDG_DATA_HOME")
    # The XDG spec says a relative path is invalid and must be ignored.
    base = Path(xdg) if xdg and os.path.isabs(xdg) else home / ".local" / "share"
    return base / _unix_name(app)


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and missing parents) so only its owner can enter it.

    An existing folder is tightened to 0o700 on POSIX: it may have been made
    by an older version or by hand with the umask's looser default. Missing
    parents get the default mode, as ``mkdir -p`` gives them.

    Returns:
        ``path``, for chaining.
    """
    path.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
    if os.name == "posix" and stat.S_IMODE(path.stat().st_mode) != PRIVATE_DIR_MODE:
        # mkdir's mode is filtered by the umask and skipped for existing folders.
        path.chmod(PRIVATE_DIR_MODE)
    return path


def _unix_name(app: str) -> str:
    """``AgentDesk`` -> ``agent-desk``."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "-", app).lower()
