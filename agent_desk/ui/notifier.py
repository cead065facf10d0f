"""How the desk gets an agent's attention: sound, taskbar alert, screen reader.

Each channel can be turned off on its own. They fire whether or not the
window has focus: a blind agent with focus in one chat still needs to hear
that another chat moved.
"""

from __future__ import annotations

import enum
from typing import Any

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtMultimedia import QSoundEffect
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget

from agent_desk.ui.paths import resource_path
from agent_desk.ui.settings import DeskSettings


class Cue(enum.Enum):
    NEW_CHAT = "new_chat.wav"
    NEW_MESSAGE = "new_message.wav"
    BREACH = "breach.wav"


class Notifier(QObject):
    """Signals:
    announced(str, bool): text sent to assistive technology; True when assertive.
    cue_played(str): the cue's name, when a sound was started.
    alerted(str): a taskbar/tray alert was raised with this text.
    """

    announced = Signal(str, bool)
    cue_played = Signal(str)
    alerted = Signal(str)

    def __init__(self, settings: DeskSettings, window: QWidget, parent: Any = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self._window = window
        self._sounds: dict[Cue, QSoundEffect] = {}
        self._tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self._tray = QSystemTrayIcon(window.windowIcon(), self)
            self._tray.setToolTip("AgentDesk")
            self._tray.show()

    def _sound(self, cue: Cue) -> QSoundEffect:
        effect = self._sounds.get(cue)
        if effect is None:
            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(resource_path("sounds", cue.value))))
            self._sounds[cue] = effect
        return effect

    def notify(self, cue: Cue, text: str, assertive: bool = False) -> None:
        """Sound, alert and announcement for one event, each if enabled."""
        self.play(cue)
        self.alert(text)
        self.announce(text, assertive)

    def play(self, cue: Cue) -> None:
        """Play the cue unless sounds, or this cue, are off; at the cue's own volume."""
        if not self.settings.sound_enabled or not self.settings.cue_enabled(cue.name):
            return
        self.preview(cue)

    def preview(self, cue: Cue) -> None:
        """Play the cue at its volume even when it is off: the settings menu's "try it"."""
        effect = self._sound(cue)
        effect.setVolume(self.settings.cue_volume(cue.name))
        effect.play()
        self.cue_played.emit(cue.name)

    def alert(self, text: str) -> None:
        if not self.settings.alert_enabled:
            return
        QApplication.alert(self._window)
        if self._tray is not None:
            self._tray.showMessage("AgentDesk", text, QSystemTrayIcon.MessageIcon.Information, 4000)
        self.alerted.emit(text)

    def flash(self) -> None:
        """The optional taskbar flash at a breach: the only blinking the desk does."""
        QApplication.alert(self._window)
        self.alerted.emit("")

    def announce(self, text: str, assertive: bool = False) -> None:
        """Speak through the screen reader (QAccessibleAnnouncementEvent, Qt 6.8+)."""
        if not self.settings.announce_enabled:
            return
        event = QAccessibleAnnouncementEvent(self._window, text)
        politeness = QAccessible.AnnouncementPoliteness
        event.setPoliteness(politeness.Assertive if assertive else politeness.Polite)
        QAccessible.updateAccessibility(event)
        self.announced.emit(text, assertive)
