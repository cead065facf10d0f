"""Hypothesis strategies for hostile client frames, built from the message schemas.

Shared by the codec's property tests (tests/unit) and the socket fuzzing of a real
server (tests/e2e). Every strategy is bounded: sizes stay near the protocol's
limits, nesting is deep enough to trip a recursive parser but finite.
"""

from __future__ import annotations

import json
from typing import Any

import msgspec
from hypothesis import strategies as st

from agent_desk.protocol.limits import MAX_FRAME_BYTES, MAX_ID_CHARS, MAX_TEXT_CHARS
from agent_desk.protocol.messages import CLIENT_TYPES, ClientMessage

CLIENT_CLASSES: tuple[type[msgspec.Struct], ...] = ClientMessage.__args__
FIELDS: dict[str, tuple[str, ...]] = {
    cls.__struct_config__.tag: cls.__struct_fields__
    for cls in CLIENT_CLASSES  # type: ignore[misc]
}
"""Each client type's field names, as the wire spells them."""

REQUEST_TYPES = sorted(t for t, fields in FIELDS.items() if "id" in fields)

scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20)
)
json_values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)


@st.composite
def huge_strings(draw: st.DrawFn) -> str:
    """Strings around the text, id and frame limits (one character repeated keeps it cheap)."""
    char = draw(st.sampled_from(["x", "好", "😀", "\\", '"', "\u0000", "\u2028"]))
    size = draw(st.sampled_from([MAX_ID_CHARS, MAX_ID_CHARS + 1, MAX_TEXT_CHARS, MAX_TEXT_CHARS + 1, 15_000]))
    return char * size


@st.composite
def deep_arrays(draw: st.DrawFn) -> Any:
    """Nested lists, from a little to far deeper than any frame needs."""
    depth = draw(st.sampled_from([2, 64, 500, 2_000]))
    value: Any = draw(scalars)
    for _ in range(depth):
        value = [value]
    return value


wrong_values = json_values | huge_strings() | deep_arrays() | st.sampled_from([-1, 0, 2**53 + 1, 2**64, 1e308])
ids = st.text(min_size=1, max_size=MAX_ID_CHARS) | wrong_values


@st.composite
def schema_frames(draw: st.DrawFn, types: list[str] | None = None) -> dict[str, Any]:
    """A frame of a known (or unknown) type whose fields hold anything, often of the wrong type."""
    if types is None:
        tag = draw(st.sampled_from(sorted(CLIENT_TYPES)) | st.text(max_size=12))
    else:
        tag = draw(st.sampled_from(types))
    frame: dict[str, Any] = {"type": tag}
    for name in FIELDS.get(tag, ()):
        if name == "id":
            frame["id"] = draw(ids)
        elif draw(st.booleans()):
            frame[name] = draw(wrong_values)
    if draw(st.booleans()):
        frame[draw(st.text(min_size=1, max_size=8))] = draw(wrong_values)
    return frame


def dumps(value: Any, ensure_ascii: bool = False) -> str:
    """JSON text of a value; deep nesting is written by hand (json.dumps would recurse)."""
    depth = 0
    while isinstance(value, list) and len(value) == 1 and isinstance(value[0], list):
        depth += 1
        value = value[0]
    inner = json.dumps(value, ensure_ascii=ensure_ascii)
    return "[" * depth + inner + "]" * depth


def frame_text(frame: dict[str, Any], ensure_ascii: bool = False) -> str:
    """A frame's JSON, nesting included, kept under the frame limit where it can be."""
    parts = [
        f"{json.dumps(key, ensure_ascii=ensure_ascii)}:{dumps(value, ensure_ascii)}" for key, value in frame.items()
    ]
    return "{" + ",".join(parts) + "}"


INVALID_UTF8 = [
    b"\xff",
    b"\xc3\x28",  # a lead byte, then no continuation
    b"\xed\xa0\x80",  # a UTF-16 surrogate encoded as UTF-8
    b"\xc0\xaf",  # an overlong "/"
    b"\xf4\x90\x80\x80",  # beyond U+10FFFF
    b"\xe2\x82",  # truncated
]


@st.composite
def invalid_utf8_frames(draw: st.DrawFn) -> bytes:
    """A well-formed frame's bytes with an invalid UTF-8 sequence spliced in."""
    text = frame_text(draw(schema_frames(REQUEST_TYPES)))
    data = text.encode()[: MAX_FRAME_BYTES // 2]
    at = draw(st.integers(min_value=0, max_value=len(data)))
    return data[:at] + draw(st.sampled_from(INVALID_UTF8)) + data[at:]


lone_surrogates = st.characters(categories=["Cs"])
"""One surrogate code point: never Unicode text on its own (two could pair up)."""
