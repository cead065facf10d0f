"""Encode and decode frames. Pure functions over bytes and str."""

from __future__ import annotations

from typing import Any, cast

import msgspec

from agent_desk.protocol.errors import ErrorCode
from agent_desk.protocol.limits import MAX_ID_CHARS
from agent_desk.protocol.messages import (
    CLIENT_TYPES,
    ClientMessage,
    ServerMessage,
)


class ProtocolError(Exception):
    """A frame that cannot be accepted, with the code to send back."""

    def __init__(self, code: ErrorCode, message: str, ref: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.ref = ref


class _Envelope(msgspec.Struct, forbid_unknown_fields=False):
    """Just enough of a frame to say what went wrong with the rest of it.

    Both fields are Any so that one of the wrong type does not hide the other.
    """

    type: Any = None
    id: Any = None


_encoder = msgspec.json.Encoder()
_client_decoder = msgspec.json.Decoder(ClientMessage)
_server_decoder = msgspec.json.Decoder(ServerMessage)
_envelope_decoder = msgspec.json.Decoder(_Envelope)


def encode(message: msgspec.Struct) -> str:
    """Serialise a message to the JSON text of one frame."""
    return _encoder.encode(message).decode()


def decode_client(frame: str | bytes) -> ClientMessage:
    """Parse and validate a client frame, or raise :class:`ProtocolError`."""
    try:
        if isinstance(frame, bytes):
            # msgspec skips unknown fields without checking their UTF-8.
            frame.decode("utf-8")
        return cast(ClientMessage, _client_decoder.decode(frame))
    except msgspec.ValidationError as exc:
        raise _classify(frame, exc) from None
    except (msgspec.DecodeError, UnicodeError, RecursionError) as exc:
        raise ProtocolError(ErrorCode.BAD_JSON, f"not valid JSON: {exc}") from None


def decode_server(frame: str | bytes) -> ServerMessage:
    """Parse a server frame (used by clients). Raises :class:`ProtocolError`."""
    try:
        return cast(ServerMessage, _server_decoder.decode(frame))
    except (msgspec.DecodeError, UnicodeError, RecursionError) as exc:
        raise ProtocolError(ErrorCode.BAD_FRAME, f"bad server frame: {exc}") from None


def request_ref(frame: str | bytes) -> str | None:
    """The request id of a frame that is not going to be decoded in full, if it has one.

    A refusal that names its request (e.g. ``rate_limited``) lets the client
    fail that request at once instead of waiting for a reply that never comes.
    """
    try:
        envelope = _envelope_decoder.decode(frame)
    except (msgspec.DecodeError, msgspec.ValidationError, UnicodeError, RecursionError):
        return None
    return _valid_ref(envelope.id)


def _valid_ref(value: Any) -> str | None:
    return value if isinstance(value, str) and 0 < len(value) <= MAX_ID_CHARS else None


def _classify(frame: str | bytes, exc: msgspec.ValidationError) -> ProtocolError:
    """Tell an unknown message type from a bad field, and recover the request id.

    msgspec validates while it parses, so a frame can fail validation before
    its JSON is known to be well formed: parsing it again (untyped) tells the
    two apart.
    """
    try:
        envelope = _envelope_decoder.decode(frame)
    except msgspec.ValidationError:
        if not _is_json(frame):
            return ProtocolError(ErrorCode.BAD_JSON, "not valid JSON")
        return ProtocolError(ErrorCode.BAD_FRAME, "a frame must be a JSON object with a string 'type'")
    except (msgspec.DecodeError, UnicodeError, RecursionError) as parse_error:
        return ProtocolError(ErrorCode.BAD_JSON, f"not valid JSON: {parse_error}")
    ref = _valid_ref(envelope.id)
    if not isinstance(envelope.type, str):
        return ProtocolError(ErrorCode.BAD_FRAME, "missing or non-string 'type'", ref)
    if envelope.type not in CLIENT_TYPES:
        shown = envelope.type[:40]
        return ProtocolError(ErrorCode.UNKNOWN_TYPE, f"unknown message type {shown!r}", ref)
    return ProtocolError(ErrorCode.BAD_FRAME, str(exc), ref)


def _is_json(frame: str | bytes) -> bool:
    try:
        msgspec.json.decode(frame)
    except (msgspec.DecodeError, UnicodeError, RecursionError):
        return False
    return True
