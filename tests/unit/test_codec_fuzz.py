"""Property tests: whatever bytes or text arrive, the codec answers with a message or a typed error.

Hostile shapes come from tests/fuzz_frames.py: every client type with fields of the
wrong type, unknown types, huge strings, deep nesting, invalid UTF-8, lone
surrogates and raw binary. Derandomized, so a run is the same on every machine.
"""

from __future__ import annotations

import json
from typing import Any

import msgspec
from fuzz_frames import (
    CLIENT_CLASSES,
    INVALID_UTF8,
    deep_arrays,
    dumps,
    frame_text,
    invalid_utf8_frames,
    json_values,
    lone_surrogates,
    schema_frames,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agent_desk.protocol import ErrorCode, ProtocolError, decode_client, encode
from agent_desk.protocol.limits import MAX_ID_CHARS

FUZZ = settings(
    max_examples=120,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
PARSE_CODES = frozenset({ErrorCode.BAD_JSON, ErrorCode.BAD_FRAME, ErrorCode.UNKNOWN_TYPE})


def decoded_or_error(frame: str | bytes) -> msgspec.Struct | ProtocolError:
    """The message, or the typed error; any other exception fails the test."""
    error: ProtocolError | None = None
    try:
        return decode_client(frame)
    except ProtocolError as exc:
        error = exc
    assert error.code in PARSE_CODES, error.code
    assert error.message
    assert error.ref is None or 1 <= len(error.ref) <= MAX_ID_CHARS
    return error


def assert_round_trips(message: msgspec.Struct) -> None:
    """An accepted message says the same thing once encoded again."""
    assert isinstance(message, CLIENT_CLASSES)
    assert decode_client(encode(message)) == message


@FUZZ
@given(schema_frames(), st.booleans())
def test_schema_frames_with_wrong_fields_decode_or_get_a_typed_error(frame: dict[str, Any], ascii_only: bool) -> None:
    text = frame_text(frame, ascii_only)
    for wire in (text, text.encode()):
        result = decoded_or_error(wire)
        if not isinstance(result, ProtocolError):
            assert_round_trips(result)


@FUZZ
@given(schema_frames())
def test_an_unknown_type_is_named_as_such_with_its_request_id(frame: dict[str, Any]) -> None:
    frame["type"] = "x-" + str(frame["type"])[:20]
    frame["id"] = "req-1"
    result = decoded_or_error(frame_text(frame))
    assert isinstance(result, ProtocolError)
    if result.code is ErrorCode.BAD_JSON:
        # Nesting past the parser's depth limit is refused before the type is looked at.
        assert "depth" in result.message, result.message
    else:
        assert (result.code, result.ref) == (ErrorCode.UNKNOWN_TYPE, "req-1")


@FUZZ
@given(invalid_utf8_frames())
def test_invalid_utf8_anywhere_is_bad_json(frame: bytes) -> None:
    result = decoded_or_error(frame)
    assert isinstance(result, ProtocolError)
    assert result.code is ErrorCode.BAD_JSON


@FUZZ
@given(st.sampled_from(INVALID_UTF8), st.text(max_size=8))
def test_invalid_utf8_inside_an_ignored_field_is_still_bad_json(bad: bytes, name: str) -> None:
    """msgspec skips unknown fields without looking at them: the codec checks the bytes first."""
    frame = b'{"type":"ping","id":"1","' + name.encode() + b'x":"' + bad + b'"}'
    result = decoded_or_error(frame)
    assert isinstance(result, ProtocolError)
    assert result.code is ErrorCode.BAD_JSON


@FUZZ
@given(lone_surrogates, st.sampled_from(["text", "id", "conversation_id"]))
def test_lone_surrogates_are_refused_not_stored(surrogates: str, field: str) -> None:
    frame = {"type": "send", "id": "1", "conversation_id": "c", "client_msg_id": "m", "text": "hi"}
    frame[field] = "a" + surrogates
    escaped = json.dumps(frame)  # \udxxx escapes: valid JSON syntax, but not Unicode text
    result = decoded_or_error(escaped)
    assert isinstance(result, ProtocolError)
    raw = decoded_or_error(json.dumps(frame, ensure_ascii=False))  # the code points themselves
    assert isinstance(raw, ProtocolError)


@FUZZ
@given(deep_arrays(), st.sampled_from(["id", "text", "unknown"]))
def test_deep_nesting_in_any_field_gets_a_typed_error(value: Any, field: str) -> None:
    frame = {"type": "send", "id": "1", "conversation_id": "c", "client_msg_id": "m", "text": "hi", field: value}
    result = decoded_or_error(frame_text(frame))
    if not isinstance(result, ProtocolError):
        assert field == "unknown", "only an ignored field may hold a nested array"
        assert_round_trips(result)


@FUZZ
@given(st.integers(min_value=1, max_value=200_000))
def test_unbalanced_brackets_are_bad_json(depth: int) -> None:
    result = decoded_or_error("[" * depth)
    assert isinstance(result, ProtocolError)
    assert result.code is ErrorCode.BAD_JSON


@FUZZ
@given(st.binary(max_size=2048) | json_values.map(lambda v: dumps(v).encode("utf-16")))
def test_binary_and_other_encodings_decode_or_get_a_typed_error(frame: bytes) -> None:
    decoded_or_error(frame)


@FUZZ
@given(json_values)
def test_json_that_is_not_an_object_is_never_a_message(value: Any) -> None:
    if isinstance(value, dict):
        value = [value]
    result = decoded_or_error(dumps(value))
    assert isinstance(result, ProtocolError)
    assert result.code in (ErrorCode.BAD_FRAME, ErrorCode.BAD_JSON)
