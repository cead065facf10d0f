"""zh_CN is complete, current with the sources, and actually loads."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from agent_desk.ui.i18n import Translations
from agent_desk.ui.login_dialog import LoginDialog
from agent_desk.ui.paths import project_root

ROOT = project_root()
TS_FILE = ROOT / "translations" / "agent_desk_zh_CN.ts"
TOOLS = Path(sys.executable).parent


def messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            if translation.get("type") in ("obsolete", "vanished"):
                continue
            found[(name, message.findtext("source") or "")] = translation
    return found


def test_every_string_is_translated() -> None:
    unfinished = [src for (_, src), tr in messages(TS_FILE).items() if tr.get("type") == "unfinished" or not tr.text]
    assert unfinished == []


def test_translation_file_is_current_with_the_sources(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "agent_desk" / "ui").rglob("*.py"))
    subprocess.run([str(TOOLS / "pyside6-lupdate"), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    missing = set(messages(fresh)) - set(messages(TS_FILE))
    assert missing == set(), "run `make lupdate` and translate the new strings"
    assert all(context for context, _ in messages(fresh)), "every string needs a real context"


def test_placeholders_and_accelerators_survive_translation() -> None:
    for (_, source), translation in messages(TS_FILE).items():
        text = translation.text or ""
        assert sorted(re.findall(r"%\d", source)) == sorted(re.findall(r"%\d", text)), source
        assert ("&" in source.replace("&&", "")) == ("&" in text.replace("&&", "")), source


@pytest.fixture
def compiled_zh(tmp_path: Path) -> Path:
    qm = ROOT / "translations" / "agent_desk_zh_CN.qm"
    subprocess.run([str(TOOLS / "pyside6-lrelease"), str(TS_FILE), "-qm", str(qm)], check=True, capture_output=True)
    return qm


def test_the_desk_speaks_chinese_when_asked(qapp: QApplication, compiled_zh: Path) -> None:
    translations = Translations(qapp)
    try:
        assert translations.install("zh_CN") == "zh_CN"
        dialog = LoginDialog("ws://127.0.0.1:8765/ws", "", remember=False)
        assert dialog.windowTitle() == "登录 AgentDesk"
        assert dialog.password.accessibleName() == "密码"
        dialog.deleteLater()
    finally:
        translations.install("en")
    english = LoginDialog("ws://127.0.0.1:8765/ws", "", remember=False)
    assert english.windowTitle() == "Log in to AgentDesk"
    english.deleteLater()


def test_pseudo_localisation_makes_every_string_longer_and_keeps_placeholders(qapp: QApplication) -> None:
    translations = Translations(qapp)
    try:
        assert translations.install("pseudo") == "pseudo"
        dialog = LoginDialog("ws://127.0.0.1:8765/ws", "", remember=False)
        title = dialog.windowTitle()
        assert title.startswith("[")
        assert title.endswith("]")
        assert len(title) >= len("Log in to AgentDesk") * 1.4
        assert "&" in dialog.remember.text(), "accelerators survive"
        dialog.deleteLater()
    finally:
        translations.install("en")
