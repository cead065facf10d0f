"""Settings → Sound cues: each cue on or off, at its own volume, with a "try it".

A blind agent tells events apart by ear, so each cue is set on its own: the
timer breach can stay loud while new messages in busy chats are quiet.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from agent_desk.ui.notifier import Cue
from agent_desk.ui.settings import DeskSettings

VOLUME_STEPS = (25, 50, 75, 100)


def cue_label(cue: Cue) -> str:
    labels = {
        Cue.NEW_CHAT: QCoreApplication.translate("SoundMenu", "&New chat"),
        Cue.NEW_MESSAGE: QCoreApplication.translate("SoundMenu", "New &message in another chat"),
        Cue.BREACH: QCoreApplication.translate("SoundMenu", "&Late reply (timer breach)"),
    }
    return labels[cue]


def add_sound_menu(menu: QMenu, settings: DeskSettings, preview: Callable[[Cue], None]) -> QMenu:
    """Add the "Sound cues" submenu to ``menu``; ``preview`` plays a cue once."""
    cues = menu.addMenu(QCoreApplication.translate("SoundMenu", "Sound &cues"))
    cues.setObjectName("sound_cues_menu")
    for cue in Cue:
        _add_cue_menu(cues, cue, settings, preview)
    return cues


def _add_cue_menu(parent: QMenu, cue: Cue, settings: DeskSettings, preview: Callable[[Cue], None]) -> None:
    menu = parent.addMenu(cue_label(cue))
    menu.setObjectName(f"cue_menu_{cue.name.lower()}")
    enabled = QAction(QCoreApplication.translate("SoundMenu", "&On"), menu)
    enabled.setCheckable(True)
    enabled.setChecked(settings.cue_enabled(cue.name))
    enabled.toggled.connect(lambda on: settings.set_cue_enabled(cue.name, on))
    menu.addAction(enabled)
    menu.addSeparator()
    group = QActionGroup(menu)
    current = round(settings.cue_volume(cue.name) * 100)
    for percent in VOLUME_STEPS:
        text = QCoreApplication.translate("SoundMenu", "Volume %1%").replace("%1", str(percent))
        action = QAction(text, menu)
        action.setCheckable(True)
        action.setChecked(percent == min(VOLUME_STEPS, key=lambda step: abs(step - current)))
        action.triggered.connect(lambda _checked=False, p=percent: _set_volume(settings, cue, p, preview))
        group.addAction(action)
        menu.addAction(action)
    menu.addSeparator()
    try_it = QAction(QCoreApplication.translate("SoundMenu", "&Try it"), menu)
    try_it.triggered.connect(lambda: preview(cue))
    menu.addAction(try_it)


def _set_volume(settings: DeskSettings, cue: Cue, percent: int, preview: Callable[[Cue], None]) -> None:
    settings.set_cue_volume(cue.name, percent / 100)
    # Heard at once, so the choice can be judged without looking.
    preview(cue)
