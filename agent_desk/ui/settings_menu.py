"""The Settings menu: notification channels and the interface language."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from agent_desk.ui.i18n import LANGUAGES
from agent_desk.ui.settings import DeskSettings


def _toggle(menu: QMenu, text: str, checked: bool, apply: Callable[[bool], None]) -> QAction:
    action = QAction(text, menu)
    action.setCheckable(True)
    action.setChecked(checked)
    action.toggled.connect(apply)
    menu.addAction(action)
    return action


def fill_settings_menu(menu: QMenu, settings: DeskSettings, owner: QWidget, on_language: Callable[[str], None]) -> None:
    tr = owner.tr
    _toggle(menu, tr("Play &sounds"), settings.sound_enabled, lambda on: setattr(settings, "sound_enabled", on))
    _toggle(menu, tr("&Taskbar alerts"), settings.alert_enabled, lambda on: setattr(settings, "alert_enabled", on))
    _toggle(
        menu,
        tr("Screen-reader &announcements"),
        settings.announce_enabled,
        lambda on: setattr(settings, "announce_enabled", on),
    )
    languages = menu.addMenu(tr("&Language"))
    group = QActionGroup(languages)
    for code, label in [("", tr("Follow the system")), *LANGUAGES.items()]:
        action = QAction(label, languages)
        action.setCheckable(True)
        action.setChecked(settings.language == code)
        action.triggered.connect(lambda _checked=False, c=code: on_language(c))
        group.addAction(action)
        languages.addAction(action)
