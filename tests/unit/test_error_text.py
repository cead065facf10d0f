"""What the desk tells the agent about a refused request: a sentence per error code, in zh_CN too."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from agent_desk.protocol.errors import ErrorCode
from agent_desk.protocol.messages import Error
from agent_desk.ui.error_text import error_text
from agent_desk.ui.i18n import Translations
from agent_desk.ui.paths import project_root

SERVER_WORDS = "the practice room is full"


def refused(code: ErrorCode, retry_after: float | None = None) -> Error:
    return Error(code=code, message=SERVER_WORDS, ref="7", retry_after=retry_after)


@pytest.mark.parametrize("code", list(ErrorCode))
def test_every_code_gets_its_own_sentence_not_the_servers_log_words(qapp: QApplication, code: ErrorCode) -> None:
    text = error_text(refused(code))
    assert text
    assert text != SERVER_WORDS
    assert text.rstrip(")").endswith((".", SERVER_WORDS))


def test_the_codes_an_agent_meets_most_are_told_apart(qapp: QApplication) -> None:
    common = [
        ErrorCode.BAD_CREDENTIALS,
        ErrorCode.LOGIN_THROTTLED,
        ErrorCode.TOKEN_EXPIRED,
        ErrorCode.FORBIDDEN,
        ErrorCode.NOT_FOUND,
        ErrorCode.INVALID_STATE,
        ErrorCode.RATE_LIMITED,
        ErrorCode.STORAGE_UNAVAILABLE,
        ErrorCode.INTERNAL,
    ]
    texts = [error_text(Error(code=code, message="")) for code in common]
    assert len(set(texts)) == len(common)


def test_the_servers_detail_follows_where_it_names_what_to_fix(qapp: QApplication) -> None:
    assert SERVER_WORDS in error_text(refused(ErrorCode.INVALID_STATE))
    assert SERVER_WORDS in error_text(refused(ErrorCode.BAD_FRAME))
    assert SERVER_WORDS not in error_text(refused(ErrorCode.BAD_CREDENTIALS)), "no log words where they add nothing"


@pytest.mark.parametrize(
    ("retry_after", "said"),
    [(None, "in a minute"), (30.0, "in a minute"), (60.0, "in a minute"), (241.5, "in 5 minutes")],
)
def test_a_throttled_login_says_when_to_try_again(qapp: QApplication, retry_after: float | None, said: str) -> None:
    assert said in error_text(refused(ErrorCode.LOGIN_THROTTLED, retry_after))


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    root = project_root()
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    ts, qm = root / "translations" / "agent_desk_zh_CN.ts", root / "translations" / "agent_desk_zh_CN.qm"
    subprocess.run([str(lrelease), str(ts), "-qm", str(qm)], check=True, capture_output=True)
    translations = Translations(qapp)
    assert translations.install("zh_CN") == "zh_CN"
    try:
        yield
    finally:
        translations.install("en")


@pytest.mark.usefixtures("chinese")
def test_the_sentences_are_chinese_in_the_chinese_desk() -> None:
    assert error_text(refused(ErrorCode.BAD_CREDENTIALS)) == "用户名或密码错误。"
    assert error_text(refused(ErrorCode.LOGIN_THROTTLED, 241.5)) == "登录失败次数过多，请 5 分钟后再试。"
    assert error_text(refused(ErrorCode.INVALID_STATE)) == f"当前无法执行此操作。（{SERVER_WORDS}）"
    assert error_text(Error(code=ErrorCode.INVALID_STATE, message="this chat is closed")) == "此会话已结束。"
    for code in ErrorCode:
        assert any("\u4e00" <= char <= "\u9fff" for char in error_text(refused(code))), code


@pytest.mark.parametrize(
    ("code", "server_says", "agent_reads"),
    [
        (ErrorCode.INVALID_STATE, "this chat is closed", "This chat has closed."),
        (ErrorCode.INVALID_STATE, "this chat is not assigned to you", "This chat is no longer yours"),
        (ErrorCode.NOT_FOUND, "no such conversation", "This chat is not there any more."),
        (ErrorCode.BAD_FRAME, "a message needs some text", "A message needs some text."),
    ],
)
def test_refusals_met_while_chatting_are_worded_whole(
    qapp: QApplication, code: ErrorCode, server_says: str, agent_reads: str
) -> None:
    text = error_text(Error(code=code, message=server_says))
    assert text.startswith(agent_reads)
    assert server_says not in text


def test_a_changed_server_message_still_gets_its_codes_sentence(qapp: QApplication) -> None:
    text = error_text(Error(code=ErrorCode.INVALID_STATE, message="this chat was closed by the shopper"))
    assert text == "That cannot be done now. (this chat was closed by the shopper)"
