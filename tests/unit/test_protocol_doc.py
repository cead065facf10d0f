"""docs/protocol.md against the code: every ```json block decodes, every type, error code,
close code and limit is documented, so the reference cannot drift from the code.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import msgspec
import pytest

from agent_desk.protocol import ErrorCode, decode_client, decode_server, errors, limits
from agent_desk.protocol.limits import (
    MAX_FRAME_BYTES,
    MAX_TEXT_CHARS,
    Limits,
)
from agent_desk.protocol.messages import (
    CLIENT_TYPES,
    SERVER_TYPES,
)

DOC_PATH = Path(__file__).resolve().parents[2] / "docs" / "protocol.md"


def _tag(message: msgspec.Struct) -> str:
    return str(message.__struct_config__.tag)


_JSON_BLOCK = re.compile(r"^```json\n(.*?)^```", re.MULTILINE | re.DOTALL)


def _doc_text() -> str:
    return DOC_PATH.read_text(encoding="utf-8")


def _doc_examples() -> list[str]:
    return [block.strip() for block in _JSON_BLOCK.findall(_doc_text())]


def _example_id(block: str) -> str:
    match = re.search(r'"type":\s*"([^"]*)"', block)
    return match.group(1) if match else "untyped"


def _unknown_keys(raw: Any, value: Any, path: str = "$") -> list[str]:
    """Keys in an example that the decoded Struct has no field for (typos pass decoding silently)."""
    if not isinstance(value, msgspec.Struct) or not isinstance(raw, dict):
        return []
    fields = set(value.__struct_fields__)
    tag_field = value.__struct_config__.tag_field
    found = []
    for key, item in raw.items():
        if key == tag_field:
            continue
        if key not in fields:
            found.append(f"{path}.{key}")
        else:
            found += _unknown_keys(item, getattr(value, key), f"{path}.{key}")
    return found


def _decode_example(block: str) -> msgspec.Struct:
    raw = json.loads(block)
    assert isinstance(raw, dict), "an example must be one JSON object"
    kind = raw.get("type")
    if kind in CLIENT_TYPES:
        message: msgspec.Struct = decode_client(block)
    elif kind in SERVER_TYPES:
        message = decode_server(block)
    else:
        pytest.fail(f"example has unknown type {kind!r}")
    assert _tag(message) == kind
    assert _unknown_keys(raw, message) == []
    return message


def test_doc_has_examples() -> None:
    assert len(_doc_examples()) >= len(CLIENT_TYPES | SERVER_TYPES)


@pytest.mark.parametrize("block", _doc_examples(), ids=_example_id)
def test_doc_example_decodes(block: str) -> None:
    _decode_example(block)


def test_doc_has_an_example_of_every_type() -> None:
    documented = {_tag(_decode_example(block)) for block in _doc_examples()}
    missing = sorted((CLIENT_TYPES | SERVER_TYPES) - documented)
    assert missing == [], f"docs/protocol.md has no ```json example of {missing}"


def test_doc_lists_every_error_code() -> None:
    text = _doc_text()
    missing = [code.value for code in ErrorCode if f"| `{code.value}` |" not in text]
    assert missing == []


@pytest.mark.parametrize(
    "code", [errors.CLOSE_POLICY_VIOLATION, errors.CLOSE_MESSAGE_TOO_BIG, errors.CLOSE_TRY_AGAIN_LATER]
)
def test_doc_lists_close_code(code: int) -> None:
    assert re.search(rf"^\| {code} \|", _doc_text(), re.MULTILINE)


def _documented_limit(name: str) -> float:
    match = re.search(rf"^\| `{name}` \| ([0-9.]+) \|", _doc_text(), re.MULTILINE)
    assert match, f"no row for {name} in the limits table"
    return float(match.group(1))


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("MAX_FRAME_BYTES", limits.MAX_FRAME_BYTES),
        ("MAX_TEXT_CHARS", limits.MAX_TEXT_CHARS),
        ("MAX_NAME_CHARS", limits.MAX_NAME_CHARS),
        ("MAX_ID_CHARS", limits.MAX_ID_CHARS),
        ("MAX_PASSWORD_CHARS", limits.MAX_PASSWORD_CHARS),
        ("MAX_RESUME_CONVERSATIONS", limits.MAX_RESUME_CONVERSATIONS),
        ("MAX_PHRASE_CHARS", limits.MAX_PHRASE_CHARS),
        ("MAX_PHRASE_BATCH", limits.MAX_PHRASE_BATCH),
        ("MAX_ARTICLE_CHARS", limits.MAX_ARTICLE_CHARS),
        ("PROTOCOL_VERSION", limits.PROTOCOL_VERSION),
        ("rate_per_second", Limits().rate_per_second),
        ("rate_burst", Limits().rate_burst),
    ],
)
def test_doc_limits_match_code(name: str, value: float) -> None:
    assert _documented_limit(name) == value


def test_announced_limits_match_module_constants() -> None:
    assert Limits().max_frame_bytes == MAX_FRAME_BYTES == 64 * 1024
    assert Limits().max_text_chars == MAX_TEXT_CHARS
