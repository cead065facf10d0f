"""Protocol version and the limits both sides agree on."""

from __future__ import annotations

import msgspec

PROTOCOL_VERSION = 1
SUPPORTED_VERSIONS: tuple[int, ...] = (1,)

MAX_FRAME_BYTES = 64 * 1024
"""Largest text frame the server reads; bigger frames close the socket with 1009."""

MAX_TEXT_CHARS = 4000
"""Longest chat message body, in characters."""

MAX_PHRASE_CHARS = 1000
MAX_PHRASE_BATCH = 50
"""Phrases per import or reorder frame. Clients also keep each frame under
MAX_FRAME_BYTES, sending a big import in several frames."""
MAX_ARTICLE_CHARS = 8000
"""An article body; the longest Chinese body still fits a 64 KiB frame with its reply."""
MAX_NAME_CHARS = 64
MAX_ID_CHARS = 64
MAX_PASSWORD_CHARS = 256
MAX_RESUME_CONVERSATIONS = 500
"""Entries in one resume; 500 of the longest ids and seqs still fit in one frame."""


class Limits(msgspec.Struct, frozen=True, kw_only=True):
    """Limits the server announces in its welcome, so clients can check early."""

    max_frame_bytes: int = MAX_FRAME_BYTES
    max_text_chars: int = MAX_TEXT_CHARS
    rate_per_second: float = 20.0
    rate_burst: int = 60
