"""What to tell the agent when the server refuses a request, in the interface's language.

The server's ``message`` is English and written for logs; the ``code`` is what a
client branches on (docs/protocol.md). Each code gets a sentence the agent can act
on. Where the server's words name the one thing to fix (which field, which state),
they follow the sentence as the detail.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from agent_desk.protocol.errors import ErrorCode
from agent_desk.protocol.messages import Error

_WITH_DETAIL = frozenset(
    {ErrorCode.BAD_FRAME, ErrorCode.BAD_JSON, ErrorCode.INVALID_STATE, ErrorCode.NOT_FOUND, ErrorCode.UNKNOWN_TYPE}
)
"""Codes whose server message says what exactly was wrong."""

# The sentences are written out as literal translate() calls, which is what lupdate finds.
_SENTENCES: dict[ErrorCode, Callable[[], str]] = {
    ErrorCode.BAD_CREDENTIALS: lambda: QCoreApplication.translate("ErrorText", "Wrong user name or password."),
    ErrorCode.TOKEN_EXPIRED: lambda: QCoreApplication.translate("ErrorText", "Your session has ended. Log in again."),
    ErrorCode.FORBIDDEN: lambda: QCoreApplication.translate("ErrorText", "Your role may not do this."),
    ErrorCode.NOT_FOUND: lambda: QCoreApplication.translate(
        "ErrorText", "That is no longer there: it may have been closed or deleted."
    ),
    ErrorCode.INVALID_STATE: lambda: QCoreApplication.translate("ErrorText", "That cannot be done now."),
    ErrorCode.RATE_LIMITED: lambda: QCoreApplication.translate(
        "ErrorText", "The server asked the desk to slow down. Try again in a moment."
    ),
    ErrorCode.STORAGE_UNAVAILABLE: lambda: QCoreApplication.translate(
        "ErrorText", "The server cannot save anything just now. Nothing was changed; try again later."
    ),
    ErrorCode.INTERNAL: lambda: QCoreApplication.translate(
        "ErrorText", "The server failed to do this. Nothing was changed; try again."
    ),
    ErrorCode.VERSION_UNSUPPORTED: lambda: QCoreApplication.translate(
        "ErrorText", "This desk is too old or too new for the server. Ask your team lead for the right version."
    ),
}
_SENTENCES[ErrorCode.TOKEN_INVALID] = _SENTENCES[ErrorCode.UNAUTHENTICATED] = _SENTENCES[ErrorCode.TOKEN_EXPIRED]

# The refusals an agent meets while chatting, worded whole. The server's messages may
# change (docs/protocol.md): one that is not here still gets its code's sentence.
_KNOWN: dict[tuple[ErrorCode, str], Callable[[], str]] = {
    (ErrorCode.INVALID_STATE, "this chat is closed"): lambda: QCoreApplication.translate(
        "ErrorText", "This chat has closed."
    ),
    (ErrorCode.INVALID_STATE, "this chat is already closed"): lambda: QCoreApplication.translate(
        "ErrorText", "This chat is already closed."
    ),
    (ErrorCode.INVALID_STATE, "this chat is not assigned to you"): lambda: QCoreApplication.translate(
        "ErrorText", "This chat is no longer yours: it has moved to someone else."
    ),
    (ErrorCode.NOT_FOUND, "no such conversation"): lambda: QCoreApplication.translate(
        "ErrorText", "This chat is not there any more."
    ),
    (ErrorCode.BAD_FRAME, "a message needs some text"): lambda: QCoreApplication.translate(
        "ErrorText", "A message needs some text."
    ),
}


def error_text(error: Error) -> str:
    """One or two sentences for the agent: what happened, and what to do."""
    known = _KNOWN.get((error.code, error.message))
    if known is not None:
        return known()
    headline = _headline(error)
    if error.code in _WITH_DETAIL and error.message:
        return QCoreApplication.translate("ErrorText", "%1 (%2)").replace("%1", headline).replace("%2", error.message)
    return headline


def _headline(error: Error) -> str:
    if error.code is ErrorCode.LOGIN_THROTTLED:
        minutes = max(1, math.ceil((error.retry_after or 60) / 60))
        if minutes == 1:
            return QCoreApplication.translate("ErrorText", "Too many failed logins. Try again in a minute.")
        return QCoreApplication.translate(
            "ErrorText", "Too many failed logins. Try again in %n minutes.", None, minutes
        )
    sentence = _SENTENCES.get(error.code)
    if sentence is not None:
        return sentence()
    return QCoreApplication.translate("ErrorText", "The server did not accept this.")
