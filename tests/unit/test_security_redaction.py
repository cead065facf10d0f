"""Secrets in websockets' debug records are replaced before any handler sees them."""

from __future__ import annotations

import logging

import pytest
from websockets.frames import Frame, Opcode

from agent_desk.protocol.redaction import REDACTED, SecretRedactor, redacted_logger

TOKEN = "tok-9f8e7d6c5b4a"


def filtered(msg: str, *args: object) -> str:
    record = logging.LogRecord("websockets.server", logging.DEBUG, __file__, 1, msg, args, None)
    assert SecretRedactor().filter(record) is True, "records are rewritten, never dropped"
    return record.getMessage()


@pytest.mark.parametrize("name", ["Authorization", "authorization", "Cookie", "Set-Cookie", "Proxy-Authorization"])
def test_secret_headers_are_redacted(name: str) -> None:
    assert filtered("< %s: %s", name, f"Bearer {TOKEN}") == f"< {name}: {REDACTED}"


def test_other_headers_stay_readable() -> None:
    assert filtered("< %s: %s", "Origin", "https://shop.example") == "< Origin: https://shop.example"


def test_a_frame_is_logged_as_its_kind_and_size() -> None:
    frame = Frame(Opcode.TEXT, f'{{"type": "login_ok", "token": "{TOKEN}"}}'.encode())

    line = filtered("> %s", frame)

    assert TOKEN not in line
    assert line == f"> TEXT frame [{len(frame.data)} bytes, contents not logged]"


def test_the_filter_is_attached_once() -> None:
    logger = redacted_logger("agent_desk.test.redaction")
    assert redacted_logger("agent_desk.test.redaction") is logger
    assert sum(isinstance(f, SecretRedactor) for f in logger.filters) == 1
