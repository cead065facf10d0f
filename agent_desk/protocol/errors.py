"""Stable error codes carried by ``error`` frames.

The string values are part of the wire format: never rename one, only add.
"""

from __future__ import annotations

import enum


class ErrorCode(enum.StrEnum):
    """Why a request failed. Clients branch on these, humans read ``message``."""

    BAD_JSON = "bad_json"
    """The frame is not valid JSON (or not UTF-8 text)."""
    BAD_FRAME = "bad_frame"
    """Valid JSON, but a field is missing, of the wrong type or out of range."""
    UNKNOWN_TYPE = "unknown_type"
    """The ``type`` field names no message this server knows."""
    BINARY_FRAME = "binary_frame"
    """Only text frames are part of the protocol."""
    VERSION_UNSUPPORTED = "version_unsupported"
    """No protocol version in ``hello.versions`` is one the server speaks."""
    HELLO_REQUIRED = "hello_required"
    """The first frame on a connection must be ``hello``."""
    UNAUTHENTICATED = "unauthenticated"
    """The action needs a logged-in user or a joined customer."""
    BAD_CREDENTIALS = "bad_credentials"
    """Unknown user name or wrong password."""
    TOKEN_INVALID = "token_invalid"
    """The presented token is unknown or revoked."""
    TOKEN_EXPIRED = "token_expired"
    """The presented token was valid once but has expired: log in again."""
    FORBIDDEN = "forbidden"
    """The caller's role may not perform this action."""
    NOT_FOUND = "not_found"
    """No such conversation (or not one the caller may see)."""
    INVALID_STATE = "invalid_state"
    """The action does not fit the conversation's state (e.g. send to a closed chat)."""
    LOGIN_THROTTLED = "login_throttled"
    """Too many failed logins for this account or from this address: wait ``retry_after`` seconds."""
    RATE_LIMITED = "rate_limited"
    """Too many frames; slow down. Persistent floods close with 1008."""
    STORAGE_UNAVAILABLE = "storage_unavailable"
    """The server could not store the request; nothing was acknowledged."""
    INTERNAL = "internal"
    """A server bug. The request was not applied."""


CLOSE_POLICY_VIOLATION = 1008
CLOSE_MESSAGE_TOO_BIG = 1009
CLOSE_TRY_AGAIN_LATER = 1013
CLOSE_SESSION_ENDED = 4001
"""The staff session behind this connection expired or was revoked: log in again."""
