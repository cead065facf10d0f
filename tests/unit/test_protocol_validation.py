"""The wire protocol's validation: how bad frames are classified, limits, and properties.

Split from test_protocol.py (round trips and the documented examples).
"""

from __future__ import annotations

import json
from typing import Any

import msgspec
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agent_desk.protocol import ErrorCode, ProtocolError, decode_client, decode_server, encode
from agent_desk.protocol.limits import (
    MAX_FRAME_BYTES,
    MAX_ID_CHARS,
    MAX_NAME_CHARS,
    MAX_RESUME_CONVERSATIONS,
    MAX_TEXT_CHARS,
)
from agent_desk.protocol.messages import (
    CLIENT_TYPES,
    DEFAULT_ESCALATION_REASONS,
    ClientMessage,
    CustomerJoin,
    Escalate,
    Rate,
    Resume,
    SaveSettings,
    Send,
    SettingsReply,
    TeamSettings,
)

CLIENT_CLASSES: tuple[type[msgspec.Struct], ...] = ClientMessage.__args__
# Hypothesis stays modest so the unit suite stays fast; no deadline because
# a loaded CI machine must not turn a slow example into a failure.
PROPERTY_SETTINGS = settings(max_examples=200, deadline=None)

CID = "c_7f3a9e21"


def _frame(**fields: Any) -> str:
    return json.dumps(fields, ensure_ascii=False)


def _decode_error(frame: str | bytes) -> ProtocolError:
    with pytest.raises(ProtocolError) as caught:
        decode_client(frame)
    return caught.value


# ---------------------------------------------------------------- error classification


@pytest.mark.parametrize(
    "frame",
    [
        "",
        "not json",
        "{",
        '{"type": "ping", "id": "1"',
        '{"type": "ping", "id": "1"} trailing',
        "{'type': 'ping', 'id': '1'}",
        '{"type": "ping", "id": "1", "x": NaN}',
    ],
)
def test_invalid_json_is_bad_json(frame: str) -> None:
    error = _decode_error(frame)
    assert error.code is ErrorCode.BAD_JSON
    assert error.ref is None


@pytest.mark.parametrize("frame", ["[]", '[{"type": "ping", "id": "1"}]', '"ping"', "42", "null", "true"])
def test_json_that_is_not_an_object_is_bad_frame(frame: str) -> None:
    error = _decode_error(frame)
    assert error.code is ErrorCode.BAD_FRAME
    assert error.ref is None


def test_unknown_type_recovers_the_request_id() -> None:
    error = _decode_error(_frame(type="transfer", id="r7", conversation_id=CID))
    assert error.code is ErrorCode.UNKNOWN_TYPE
    assert error.ref == "r7"


def test_unknown_type_message_does_not_echo_a_huge_type() -> None:
    error = _decode_error(_frame(type="x" * 10_000, id="r7"))
    assert error.code is ErrorCode.UNKNOWN_TYPE
    assert len(error.message) < 100


def test_missing_type_is_bad_frame_with_ref() -> None:
    error = _decode_error(_frame(id="r1", conversation_id=CID))
    assert (error.code, error.ref) == (ErrorCode.BAD_FRAME, "r1")


_SEND = {"type": "send", "id": "r1", "conversation_id": CID, "client_msg_id": "m-1", "text": "在吗"}


@pytest.mark.parametrize(
    "fields",
    [
        pytest.param({**_SEND, "text": None}, id="send-text-null"),
        pytest.param({k: v for k, v in _SEND.items() if k != "text"}, id="send-text-missing"),
        pytest.param({**_SEND, "text": 5}, id="send-text-int"),
        pytest.param({**_SEND, "text": ""}, id="send-text-empty"),
        pytest.param({**_SEND, "conversation_id": 7}, id="send-conversation-int"),
        pytest.param({**_SEND, "client_msg_id": "m" * (MAX_ID_CHARS + 1)}, id="send-msg-id-long"),
        pytest.param({"type": "rate", "id": "r1", "conversation_id": CID, "rating": "5"}, id="rate-str"),
        pytest.param({"type": "rate", "id": "r1", "conversation_id": CID, "rating": 4.5}, id="rate-float"),
        pytest.param({"type": "hello", "id": "r1", "versions": []}, id="hello-no-versions"),
        pytest.param({"type": "hello", "id": "r1"}, id="hello-versions-missing"),
        pytest.param({"type": "hello", "id": "r1", "versions": [1], "customer_token": "t" * 129}, id="hello-token"),
        pytest.param({"type": "login", "id": "r1", "username": "", "password": "x"}, id="login-empty-user"),
        pytest.param({"type": "login", "id": "r1", "username": "li.na"}, id="login-no-password"),
        pytest.param({"type": "customer_join", "id": "r1", "display_name": "王", "lang": "fr"}, id="join-lang"),
        pytest.param({"type": "set_status", "id": "r1", "status": "busy"}, id="status-unknown"),
        pytest.param({"type": "set_status", "id": "r1", "status": "away", "max_chats": -1}, id="status-max"),
        pytest.param({"type": "set_capacity", "id": "r1", "username": "a", "max_chats": 51}, id="capacity-max"),
        pytest.param({"type": "resume", "id": "r1", "positions": {CID: -1}}, id="resume-negative"),
        pytest.param({"type": "resume", "id": "r1", "positions": {CID: 2**53 + 1}}, id="resume-huge"),
        pytest.param({"type": "resume", "id": "r1", "positions": [CID]}, id="resume-list"),
        pytest.param({"type": "close_chat", "id": "r1", "conversation_id": CID, "wrap_up": ""}, id="close-wrap-up"),
        pytest.param({"type": "typing", "id": "r1", "conversation_id": CID, "active": "yes"}, id="typing-active"),
        pytest.param(
            {"type": 5, "id": "r1"},
            id="type-int",
        ),
    ],
)
def test_bad_field_is_bad_frame_with_ref(fields: dict[str, Any]) -> None:
    error = _decode_error(json.dumps(fields))
    assert (error.code, error.ref) == (ErrorCode.BAD_FRAME, "r1")


# ---------------------------------------------------------------- response discipline and escalation

_SETTINGS = {"type": "save_settings", "id": "r1", "settings": {}}


@pytest.mark.parametrize("reason", ["After_Sales", "after-sales", "售后", "after sales", "", "a" * 33], ids=repr)
def test_save_settings_reason_outside_the_code_alphabet_is_bad_frame(reason: str) -> None:
    error = _decode_error(_frame(**{**_SETTINGS, "settings": {"escalation_reasons": ["other", reason]}}))
    assert (error.code, error.ref) == (ErrorCode.BAD_FRAME, "r1")


@pytest.mark.parametrize(
    "settings",
    [
        pytest.param({"first_response_seconds": 0}, id="first-zero"),
        pytest.param({"next_response_seconds": 3601}, id="next-too-long"),
        pytest.param({"ratio_low": 0.05}, id="ratio-too-low"),
        pytest.param({"escalation_reasons": []}, id="no-reasons"),
        pytest.param({"escalation_reasons": [f"r{i}" for i in range(21)]}, id="too-many-reasons"),
        pytest.param({"shop_name": "店" * 65}, id="shop-name-long"),
    ],
)
def test_save_settings_out_of_range_is_bad_frame(settings: dict[str, Any]) -> None:
    error = _decode_error(_frame(**{**_SETTINGS, "settings": settings}))
    assert (error.code, error.ref) == (ErrorCode.BAD_FRAME, "r1")


def test_escalate_note_limit() -> None:
    fields = {"type": "escalate", "id": "r1", "conversation_id": CID, "reason": "complaint"}
    ok = decode_client(_frame(**fields, note="慢" * 500))
    assert isinstance(ok, Escalate)
    assert len(ok.note) == 500
    error = _decode_error(_frame(**fields, note="慢" * 501))
    assert (error.code, error.ref) == (ErrorCode.BAD_FRAME, "r1")


@pytest.mark.parametrize("reason", ["", "Complaint", "投诉"])
def test_escalate_reason_outside_the_code_alphabet_is_bad_frame(reason: str) -> None:
    error = _decode_error(_frame(type="escalate", id="r1", conversation_id=CID, reason=reason))
    assert (error.code, error.ref) == (ErrorCode.BAD_FRAME, "r1")


@pytest.mark.parametrize(
    "fields",
    [
        pytest.param({"note": ""}, id="empty"),
        pytest.param({}, id="missing"),
        pytest.param({"note": "好" * 501}, id="long"),
    ],
)
def test_send_back_needs_a_note(fields: dict[str, Any]) -> None:
    error = _decode_error(_frame(type="send_back", id="r1", conversation_id=CID, **fields))
    assert (error.code, error.ref) == (ErrorCode.BAD_FRAME, "r1")


def test_team_settings_defaults_round_trip() -> None:
    defaults = TeamSettings()
    assert defaults.escalation_reasons == DEFAULT_ESCALATION_REASONS
    assert defaults.ratio_low <= defaults.ratio_target <= defaults.ratio_high
    # An empty object means every default; the reply carries every field, nested.
    assert decode_client(_frame(**_SETTINGS)) == SaveSettings(id="r1", settings=defaults)
    reply = json.loads(encode(SettingsReply(ref="r1", settings=defaults)))
    assert set(reply["settings"]) == set(TeamSettings.__struct_fields__)
    assert decode_server(encode(SettingsReply(ref="r1", settings=defaults))).settings == defaults
    # The default list is a fresh copy each time, not one shared list.
    assert TeamSettings().escalation_reasons is not defaults.escalation_reasons


def test_typing_without_id_reports_no_ref() -> None:
    error = _decode_error(_frame(type="typing", conversation_id=CID))
    assert (error.code, error.ref) == (ErrorCode.BAD_FRAME, None)


@pytest.mark.parametrize("request_id", ["", "r" * (MAX_ID_CHARS + 1), 7])
def test_unusable_request_id_is_not_echoed(request_id: object) -> None:
    error = _decode_error(json.dumps({"type": "ping", "id": request_id}))
    assert (error.code, error.ref) == (ErrorCode.BAD_FRAME, None)


@pytest.mark.parametrize("char", ["a", "啊", "😀", "\n"])
def test_text_limit_counts_characters(char: str) -> None:
    at_limit = decode_client(_frame(**{**_SEND, "text": char * MAX_TEXT_CHARS}))
    assert isinstance(at_limit, Send)
    assert len(at_limit.text) == MAX_TEXT_CHARS
    error = _decode_error(_frame(**{**_SEND, "text": char * (MAX_TEXT_CHARS + 1)}))
    assert (error.code, error.ref) == (ErrorCode.BAD_FRAME, "r1")


@pytest.mark.parametrize("rating", [0, 6, -1, 100])
def test_rating_out_of_range_is_bad_frame(rating: int) -> None:
    error = _decode_error(_frame(type="rate", id="r1", conversation_id=CID, rating=rating))
    assert (error.code, error.ref) == (ErrorCode.BAD_FRAME, "r1")


@pytest.mark.parametrize("rating", [1, 2, 3, 4, 5])
def test_rating_in_range_decodes(rating: int) -> None:
    assert decode_client(_frame(type="rate", id="r1", conversation_id=CID, rating=rating)) == Rate(
        id="r1", conversation_id=CID, rating=rating
    )


def test_name_limit() -> None:
    ok = decode_client(_frame(type="customer_join", id="r1", display_name="王" * MAX_NAME_CHARS))
    assert isinstance(ok, CustomerJoin)
    error = _decode_error(_frame(type="customer_join", id="r1", display_name="王" * (MAX_NAME_CHARS + 1)))
    assert error.code is ErrorCode.BAD_FRAME


def test_resume_conversation_limit() -> None:
    positions = {f"c{i}": i for i in range(MAX_RESUME_CONVERSATIONS + 1)}
    del positions["c0"]
    assert isinstance(decode_client(_frame(type="resume", id="r1", positions=positions)), Resume)
    positions["c0"] = 0
    error = _decode_error(_frame(type="resume", id="r1", positions=positions))
    assert (error.code, error.ref) == (ErrorCode.BAD_FRAME, "r1")


@pytest.mark.parametrize(
    "frame",
    [
        b"\xff\xfe",
        b'{"type": "ping", "id": "\xff"}',
        b'{"type": "send", "id": "1", "conversation_id": "c", "client_msg_id": "m", "text": "\xe4\xbd"}',
        pytest.param(
            b'{"type": "ping", "id": "1", "x": "\xff"}',
            id="in-ignored-field",
        ),
    ],
)
def test_invalid_utf8_is_bad_json(frame: bytes) -> None:
    assert _decode_error(frame).code is ErrorCode.BAD_JSON


@pytest.mark.parametrize(
    "frame",
    [
        pytest.param('{"type": "ping", "id": "1"', id="truncated-object"),
        pytest.param(
            "[1, 2",
            id="truncated-array",
        ),
        pytest.param(
            '{"type": "send", "conversation_id": 5,',
            id="truncated-after-bad-field",
        ),
    ],
)
def test_malformed_json_is_bad_json_wherever_it_breaks(frame: str) -> None:
    assert _decode_error(frame).code is ErrorCode.BAD_JSON


@pytest.mark.parametrize(
    "frame",
    [
        pytest.param("[" * 100_000, id="top-level"),
        pytest.param("[" * 20_000 + "]" * 20_000, id="top-level-closed"),
        pytest.param('{"type": "ping", "id": "1", "x": ' + "[" * 100_000, id="in-ignored-field"),
        pytest.param('{"x": ' + '{"a": ' * 10_000, id="objects"),
        pytest.param('{"type": "nope", "x": ' + "[" * 20_000, id="after-unknown-type"),
        pytest.param(
            '{"type": "send", "conversation_id": 5, "x": ' + "[" * 20_000 + "]" * 20_000 + "}",
            id="after-bad-field",
        ),
    ],
)
def test_deeply_nested_json_is_a_protocol_error(frame: str) -> None:
    with pytest.raises(ProtocolError):
        decode_client(frame)


@pytest.mark.parametrize("frame", ["not json", "[]", '{"type": "nope"}', '{"type": "ok"}', "[" * 100_000])
def test_decode_server_raises_protocol_error(frame: str) -> None:
    with pytest.raises(ProtocolError) as caught:
        decode_server(frame)
    assert caught.value.code is ErrorCode.BAD_FRAME


# ---------------------------------------------------------------- frame size


@pytest.mark.parametrize("char", ["\x01", '"', "😀", "啊"])
def test_largest_send_fits_in_one_frame(char: str) -> None:
    send = Send(
        id="i" * MAX_ID_CHARS,
        conversation_id="c" * MAX_ID_CHARS,
        client_msg_id="m" * MAX_ID_CHARS,
        text=char * MAX_TEXT_CHARS,
    )
    assert len(encode(send).encode()) <= MAX_FRAME_BYTES
    # A client that escapes everything (json.dumps' default) must fit too.
    assert len(json.dumps(msgspec.to_builtins(send)).encode()) <= MAX_FRAME_BYTES


def test_largest_resume_fits_in_one_frame() -> None:
    positions = {f"{i:0{MAX_ID_CHARS}d}": 2**53 for i in range(MAX_RESUME_CONVERSATIONS)}
    frame = encode(Resume(id="r" * MAX_ID_CHARS, positions=positions))
    assert decode_client(frame)
    assert len(frame.encode()) <= MAX_FRAME_BYTES


# ---------------------------------------------------------------- properties

_CLIENT_FIELDS = sorted({name for cls in CLIENT_CLASSES for name in cls.__struct_fields__})

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=8), children, max_size=5),
    max_leaves=20,
)

# Objects that look like client frames reach field validation, not just the parser.
frame_like_objects = st.fixed_dictionaries(
    {"type": st.sampled_from(sorted(CLIENT_TYPES)) | json_values},
    optional={name: json_values | st.text(max_size=70) for name in _CLIENT_FIELDS},
)


def _assert_decodes_or_protocol_error(frame: str | bytes) -> None:
    """Any other exception escapes and fails the property."""
    error: ProtocolError | None = None
    try:
        message = decode_client(frame)
    except ProtocolError as exc:
        error = exc
    if error is None:
        assert isinstance(message, CLIENT_CLASSES)
    else:
        assert isinstance(error.code, ErrorCode)
        assert error.ref is None or 1 <= len(error.ref) <= MAX_ID_CHARS


@PROPERTY_SETTINGS
@given(st.text())
def test_decode_client_on_arbitrary_text(frame: str) -> None:
    _assert_decodes_or_protocol_error(frame)


@PROPERTY_SETTINGS
@given(st.binary())
def test_decode_client_on_arbitrary_bytes(frame: bytes) -> None:
    _assert_decodes_or_protocol_error(frame)


@PROPERTY_SETTINGS
@given(json_values | frame_like_objects, st.booleans())
def test_decode_client_on_arbitrary_json(value: Any, ensure_ascii: bool) -> None:
    frame = json.dumps(value, ensure_ascii=ensure_ascii)
    _assert_decodes_or_protocol_error(frame)
    _assert_decodes_or_protocol_error(frame.encode())


ids = st.text(min_size=1, max_size=MAX_ID_CHARS)
sends = st.builds(
    Send, id=ids, conversation_id=ids, client_msg_id=ids, text=st.text(min_size=1, max_size=MAX_TEXT_CHARS)
)


@PROPERTY_SETTINGS
@given(sends)
def test_any_valid_send_round_trips(send: Send) -> None:
    frame = encode(send)
    assert decode_client(frame) == send
    assert decode_client(frame.encode()) == send
    assert decode_client(json.dumps(msgspec.to_builtins(send))) == send
