"""The keyboard map: defaults, the keys the desk keeps for typing, and the agent's own keys."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QWidget

from agent_desk.ui.settings import DeskSettings
from agent_desk.ui.shortcut_map import (
    ACTIONS,
    ShortcutConflict,
    ShortcutRefused,
    Shortcuts,
    check_key,
    give_default_key,
    key_count,
    keyed_actions,
)


def settings_in(path: Path) -> DeskSettings:
    return DeskSettings(QSettings(str(path / "desk.ini"), QSettings.Format.IniFormat))


def window_with_every_action(qapp: QApplication) -> QWidget:
    window = QWidget()
    for spec in ACTIONS:
        action = QAction(spec.action_id, window)
        give_default_key(action, spec.action_id)
        window.addAction(action)
    return window


def test_defaults_are_unique_and_core_actions_need_at_most_two_keys(qapp: QApplication) -> None:
    keys = [spec.default for spec in ACTIONS if spec.default]
    assert len(keys) == len(set(keys))
    for spec in ACTIONS:
        check_key(spec.default)
        if spec.core:
            assert key_count(spec.default) <= 2, spec.action_id
    assert key_count("Ctrl+Shift+K") == 3
    assert key_count("F9") == 1


@pytest.mark.parametrize("keys", ["A", "Shift+A", "Return", "Tab", "Alt+C", "Space", "Ctrl+C", "Ctrl+V", "Ctrl+Tab"])
def test_keys_needed_for_typing_are_refused(qapp: QApplication, keys: str) -> None:
    with pytest.raises(ShortcutRefused):
        check_key(keys)


@pytest.mark.parametrize("keys", ["F6", "F13", "Shift+F9", "Pause", "Ctrl+Alt+Shift+K", "Alt+0", "Ctrl+Return"])
def test_function_keys_and_chords_are_welcome(qapp: QApplication, keys: str) -> None:
    check_key(keys)


def test_own_keys_apply_at_once_and_survive_a_restart(qapp: QApplication, tmp_path: Path) -> None:
    window = window_with_every_action(qapp)
    shortcuts = Shortcuts(settings_in(tmp_path))
    shortcuts.bind(keyed_actions(window))
    changes: list[tuple[str, str]] = []
    shortcuts.changed.connect(lambda action_id, keys: changes.append((action_id, keys)))
    shortcuts.assign("knowledge.search", "F6")
    assert shortcuts.actions["knowledge.search"].shortcut().toString() == "F6"
    assert changes == [("knowledge.search", "F6")]
    shortcuts.assign("replies.greeting", "")

    restarted = window_with_every_action(qapp)
    again = Shortcuts(settings_in(tmp_path))
    again.bind(keyed_actions(restarted))
    assert again.keys("knowledge.search") == "F6"
    assert again.keys("replies.greeting") == ""
    assert again.keys("chats.urgent") == "F8"


def test_a_key_in_use_is_refused_naming_the_other_action(qapp: QApplication, tmp_path: Path) -> None:
    window = window_with_every_action(qapp)
    shortcuts = Shortcuts(settings_in(tmp_path))
    shortcuts.bind(keyed_actions(window))
    with pytest.raises(ShortcutConflict) as refused:
        shortcuts.assign("chats.urgent", "F9")
    assert refused.value.other == "escalation.escalate"
    assert "Escalate this chat" in str(refused.value)
    assert shortcuts.keys("chats.urgent") == "F8"
    shortcuts.assign("escalation.escalate", "F12")
    shortcuts.assign("chats.urgent", "F9")
    with pytest.raises(ShortcutConflict):
        shortcuts.reset("escalation.escalate")
    shortcuts.reset_all()
    assert (shortcuts.keys("chats.urgent"), shortcuts.keys("escalation.escalate")) == ("F8", "F9")
    assert settings_in(tmp_path).shortcut("chats.urgent") is None


def test_an_own_key_wins_over_a_default_that_collides_with_it(qapp: QApplication, tmp_path: Path) -> None:
    settings = settings_in(tmp_path)
    settings.set_shortcut("replies.greeting", "F8")  # as if F8 became a default after the agent took it
    window = window_with_every_action(qapp)
    shortcuts = Shortcuts(settings)
    shortcuts.bind(keyed_actions(window))
    assert shortcuts.keys("replies.greeting") == "F8"
    assert shortcuts.keys("chats.urgent") == ""
