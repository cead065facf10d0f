"""Keep secrets out of logs written by the WebSocket library.

At DEBUG level websockets logs every handshake header and every frame. The
``Authorization`` header carries a staff session token, and frames carry
passwords (``login``), session tokens (``login_ok``) and customer tokens
(``hello``, ``customer_joined``). :class:`SecretRedactor` rewrites those
records before any handler sees them. It is plain ``logging`` and inspects
frames by duck typing, so this package still imports no I/O library.
"""

from __future__ import annotations

import logging
from typing import Any

SECRET_HEADERS = frozenset({"authorization", "proxy-authorization", "cookie", "set-cookie"})
REDACTED = "[redacted]"


class SecretRedactor(logging.Filter):
    """A logger filter: secret header values and frame payloads become placeholders.

    Attach it to the logger handed to websockets (``serve(logger=...)``,
    ``connect(logger=...)``); filters run for records logged on that logger.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple) and record.args:
            record.args = _redact_args(record.args)
        return True


def _redact_args(args: tuple[Any, ...]) -> tuple[Any, ...]:
    # websockets logs a header as ("%s: %s", name, value).
    if len(args) == 2 and isinstance(args[0], str) and args[0].lower() in SECRET_HEADERS:
        return (args[0], REDACTED)
    return tuple(_describe_frame(arg) for arg in args)


def _describe_frame(arg: Any) -> Any:
    """A frame becomes its kind and size: its payload may hold a password or a token."""
    opcode, data = getattr(arg, "opcode", None), getattr(arg, "data", None)
    if opcode is None or not isinstance(data, bytes | bytearray | memoryview):
        return arg
    return f"{getattr(opcode, 'name', opcode)} frame [{len(data)} bytes, contents not logged]"


def redacted_logger(name: str) -> logging.Logger:
    """The named logger with a :class:`SecretRedactor` attached (once)."""
    logger = logging.getLogger(name)
    if not any(isinstance(f, SecretRedactor) for f in logger.filters):
        logger.addFilter(SecretRedactor())
    return logger
