"""Each sound cue has its own on/off and volume, set from Settings → Sound cues."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu
from pytestqt.qtbot import QtBot

from agent_desk.ui.notifier import Cue, Notifier
from agent_desk.ui.settings import DeskSettings
from agent_desk.ui.sound_menu import add_sound_menu


def make_notifier(qtbot: QtBot, tmp_path: Path) -> tuple[Notifier, DeskSettings, QMainWindow]:
    settings = DeskSettings(QSettings(str(tmp_path / "desk.ini"), QSettings.Format.IniFormat))
    window = QMainWindow()
    qtbot.addWidget(window)
    return Notifier(settings, window, window), settings, window


def cue_actions(menu: QMenu, cue: Cue) -> dict[str, QAction]:
    submenu = menu.findChild(QMenu, f"cue_menu_{cue.name.lower()}")
    assert submenu is not None
    return {action.text(): action for action in submenu.actions() if action.text()}


def test_a_cue_turned_off_stays_silent_while_the_others_play(qtbot: QtBot, tmp_path: Path) -> None:
    notifier, settings, window = make_notifier(qtbot, tmp_path)
    played: list[str] = []
    notifier.cue_played.connect(played.append)
    menu = QMenu(window)
    add_sound_menu(menu, settings, notifier.preview)
    cue_actions(menu, Cue.NEW_MESSAGE)["&On"].trigger()
    assert not settings.cue_enabled("NEW_MESSAGE")
    for cue in Cue:
        notifier.play(cue)
    assert played == ["NEW_CHAT", "BREACH"]


def test_each_cue_plays_at_its_own_volume_and_a_choice_is_heard_at_once(qtbot: QtBot, tmp_path: Path) -> None:
    notifier, settings, window = make_notifier(qtbot, tmp_path)
    played: list[str] = []
    notifier.cue_played.connect(played.append)
    menu = QMenu(window)
    add_sound_menu(menu, settings, notifier.preview)
    cue_actions(menu, Cue.BREACH)["Volume 100%"].trigger()
    cue_actions(menu, Cue.NEW_MESSAGE)["Volume 25%"].trigger()
    assert played == ["BREACH", "NEW_MESSAGE"]
    assert settings.cue_volume("BREACH") == 1.0
    assert settings.cue_volume("NEW_MESSAGE") == 0.25
    assert settings.cue_volume("NEW_CHAT") == settings.volume
    notifier.play(Cue.NEW_MESSAGE)
    assert notifier._sound(Cue.NEW_MESSAGE).volume() == 0.25
    notifier.play(Cue.BREACH)
    assert notifier._sound(Cue.BREACH).volume() == 1.0


def test_try_it_plays_a_cue_that_is_off_and_the_master_switch_silences_all(qtbot: QtBot, tmp_path: Path) -> None:
    notifier, settings, window = make_notifier(qtbot, tmp_path)
    played: list[str] = []
    notifier.cue_played.connect(played.append)
    menu = QMenu(window)
    add_sound_menu(menu, settings, notifier.preview)
    settings.set_cue_enabled("NEW_CHAT", False)
    cue_actions(menu, Cue.NEW_CHAT)["&Try it"].trigger()
    assert played == ["NEW_CHAT"]
    settings.sound_enabled = False
    for cue in Cue:
        notifier.play(cue)
    assert played == ["NEW_CHAT"]


def test_cue_settings_survive_a_restart(tmp_path: Path) -> None:
    path = str(tmp_path / "desk.ini")
    first = DeskSettings(QSettings(path, QSettings.Format.IniFormat))
    first.set_cue_enabled("BREACH", False)
    first.set_cue_volume("BREACH", 0.5)
    again = DeskSettings(QSettings(path, QSettings.Format.IniFormat))
    assert not again.cue_enabled("BREACH")
    assert again.cue_volume("BREACH") == 0.5
