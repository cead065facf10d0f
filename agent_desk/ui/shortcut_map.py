"""The desk's keyboard map: every re-assignable action with a stable id, its name and default key.

The modules that build the actions take their default keys from here, and
`Shortcuts` puts the agent's own keys (saved in DeskSettings) on the live
actions. Ids are stable: they are the keys of the saved settings.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from agent_desk.ui.settings import DeskSettings

log = logging.getLogger(__name__)
PORTABLE = QKeySequence.SequenceFormat.PortableText
NATIVE = QKeySequence.SequenceFormat.NativeText
ID_PROPERTY = "shortcutId"


@dataclass(frozen=True, slots=True)
class ActionSpec:
    action_id: str
    default: str
    """PortableText, "" for an action without a key by default."""
    core: bool = False
    """Core actions (the agent's every-minute work) stay within two-key chords by default."""


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("help.shortcuts", "F1", core=True),
    ActionSpec("chats.urgent", "F8", core=True),
    ActionSpec("chats.close", "Ctrl+W", core=True),
    ActionSpec("chats.history", "Ctrl+H"),
    *(ActionSpec(f"chats.go_{n}", f"Ctrl+{n}", core=True) for n in range(1, 10)),
    ActionSpec("replies.palette", "Ctrl+K", core=True),
    ActionSpec("replies.greeting", "F2", core=True),
    ActionSpec("replies.manage", "Ctrl+Shift+K"),
    *(ActionSpec(f"replies.pinned_{n}", f"Alt+{n}", core=True) for n in range(1, 10)),
    ActionSpec("knowledge.search", "F4", core=True),
    ActionSpec("escalation.escalate", "F9", core=True),
    ActionSpec("escalation.cancel", "Shift+F9"),
    ActionSpec("escalation.send_back", "F10"),
    ActionSpec("practice.open", "Ctrl+Shift+P"),
    ActionSpec("practice.new_scenario", ""),
    ActionSpec("practice.edit_scenario", ""),
    ActionSpec("practice.results", "Ctrl+Shift+R"),
    ActionSpec("floor.live", "Ctrl+Shift+L"),
    ActionSpec("floor.dashboard", "Ctrl+Shift+D"),
    ActionSpec("floor.qc", "Ctrl+Shift+Q"),
    ActionSpec("floor.whisper", "Ctrl+Shift+W"),
    ActionSpec("floor.scores", "Ctrl+Shift+S"),
    ActionSpec("settings.shortcuts", ""),
)
SPECS = {spec.action_id: spec for spec in ACTIONS}


def default_key(action_id: str) -> str:
    return SPECS[action_id].default


def action_name(action_id: str) -> str:
    """The action's name in the interface language, as the settings and the help list show it."""
    if action_id.startswith("chats.go_"):
        return QCoreApplication.translate("ShortcutMap", "Go to chat %1").replace("%1", action_id[-1])
    if action_id.startswith("replies.pinned_"):
        return QCoreApplication.translate("ShortcutMap", "Insert pinned reply %1").replace("%1", action_id[-1])
    names = {
        "help.shortcuts": QCoreApplication.translate("ShortcutMap", "Show the keyboard shortcuts"),
        "chats.urgent": QCoreApplication.translate("ShortcutMap", "Go to the most urgent chat"),
        "chats.close": QCoreApplication.translate("ShortcutMap", "Close chat"),
        "chats.history": QCoreApplication.translate("ShortcutMap", "Closed chats (history)"),
        "replies.palette": QCoreApplication.translate("ShortcutMap", "Search quick replies"),
        "replies.greeting": QCoreApplication.translate("ShortcutMap", "Send my greeting"),
        "replies.manage": QCoreApplication.translate("ShortcutMap", "Manage quick replies"),
        "knowledge.search": QCoreApplication.translate("ShortcutMap", "Search the knowledge base"),
        "escalation.escalate": QCoreApplication.translate("ShortcutMap", "Escalate this chat"),
        "escalation.cancel": QCoreApplication.translate("ShortcutMap", "Cancel my escalation"),
        "escalation.send_back": QCoreApplication.translate("ShortcutMap", "Send back to the agent"),
        "practice.open": QCoreApplication.translate("ShortcutMap", "Open a practice room"),
        "practice.new_scenario": QCoreApplication.translate("ShortcutMap", "New practice scenario"),
        "practice.edit_scenario": QCoreApplication.translate("ShortcutMap", "Edit a practice scenario"),
        "practice.results": QCoreApplication.translate("ShortcutMap", "My practice results"),
        "floor.live": QCoreApplication.translate("ShortcutMap", "Live chats"),
        "floor.dashboard": QCoreApplication.translate("ShortcutMap", "Floor dashboard"),
        "floor.qc": QCoreApplication.translate("ShortcutMap", "QC queue"),
        "floor.whisper": QCoreApplication.translate("ShortcutMap", "Whisper to the agent"),
        "floor.scores": QCoreApplication.translate("ShortcutMap", "QC scores"),
        "settings.shortcuts": QCoreApplication.translate("ShortcutMap", "Change keyboard shortcuts"),
    }
    return names.get(action_id, action_id)


def key_count(keys: str) -> int:
    """How many keys are held at once for this key combination ("Ctrl+Shift+K" is three)."""
    sequence = QKeySequence.fromString(keys, PORTABLE)
    if sequence.isEmpty():
        return 0
    return 1 + bin(sequence[0].keyboardModifiers().value).count("1")


def native(keys: str) -> str:
    """Keys as the platform writes them, for people to read."""
    return QKeySequence.fromString(keys, PORTABLE).toString(NATIVE)


# Keys the desk needs for typing and moving about: never taken by an action.
_TYPING_KEYS = {
    Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Escape,
    Qt.Key.Key_Backspace, Qt.Key.Key_Delete, Qt.Key.Key_Insert, Qt.Key.Key_Home, Qt.Key.Key_End,
    Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp,
    Qt.Key.Key_PageDown, Qt.Key.Key_Space,
}  # fmt: skip
_BARE_OK = {Qt.Key.Key_Pause, Qt.Key.Key_ScrollLock, Qt.Key.Key_Print}
_EDITING = (
    QKeySequence.StandardKey.Copy,
    QKeySequence.StandardKey.Cut,
    QKeySequence.StandardKey.Paste,
    QKeySequence.StandardKey.Undo,
    QKeySequence.StandardKey.Redo,
    QKeySequence.StandardKey.SelectAll,
)


def _needed_for_typing(sequence: QKeySequence) -> bool:
    """Copy, paste, undo… and Ctrl+Tab (the next chat tab): the desk keeps them."""
    if sequence.toString(PORTABLE) in ("Ctrl+Tab", "Ctrl+Shift+Tab", "Ctrl+Shift+Backtab", "Ctrl+Backtab"):
        return True
    return any(sequence == bound for standard in _EDITING for bound in QKeySequence.keyBindings(standard))


class ShortcutRefused(ValueError):
    """A key the desk cannot give to an action; the message says why, for the agent."""


class ShortcutConflict(ShortcutRefused):
    def __init__(self, message: str, other: str) -> None:
        super().__init__(message)
        self.other = other
        """The id of the action that already has the key."""


def check_key(keys: str) -> None:
    """Refuse keys that typing needs: plain or shifted characters, Enter, Tab, arrows, Alt+letter.

    Single keys are welcome where they type nothing: F1-F35, Pause, Scroll Lock, Print and
    the media and launch keys that foot pedals and one-hand keypads send.
    """
    sequence = QKeySequence.fromString(keys, PORTABLE)
    if sequence.isEmpty():
        return
    if sequence.count() > 1:
        raise ShortcutRefused(QCoreApplication.translate("ShortcutMap", "Use one key combination, not a series."))
    combination = sequence[0]
    key, modifiers = combination.key(), combination.keyboardModifiers()
    mod = Qt.KeyboardModifier
    held = modifiers & ~(mod.ShiftModifier | mod.KeypadModifier)
    function_key = Qt.Key.Key_F1.value <= key.value <= Qt.Key.Key_F35.value
    special = key in _BARE_OK or key.value >= Qt.Key.Key_Back.value
    if _needed_for_typing(sequence) or (key in _TYPING_KEYS and not held & (mod.ControlModifier | mod.MetaModifier)):
        raise ShortcutRefused(
            QCoreApplication.translate("ShortcutMap", "%1 is needed for typing and moving about.").replace(
                "%1", native(keys)
            )
        )
    if held == mod.NoModifier and not (function_key or special):
        raise ShortcutRefused(
            QCoreApplication.translate(
                "ShortcutMap", "%1 types a character. Add Ctrl or Alt, or use a function key such as F6."
            ).replace("%1", native(keys))
        )
    if held == mod.AltModifier and Qt.Key.Key_A.value <= key.value <= Qt.Key.Key_Z.value:
        raise ShortcutRefused(
            QCoreApplication.translate(
                "ShortcutMap", "%1 is kept for menus and labelled fields (the underlined letters)."
            ).replace("%1", native(keys))
        )


class Shortcuts(QObject):
    """The live actions by id, with the agent's own keys on them.

    Signals:
    changed(str, str): an action's key changed (id, PortableText keys, "" for none).
    """

    changed = Signal(str, str)

    def __init__(self, settings: DeskSettings, parent: Any = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.actions: dict[str, QAction] = {}

    def bind(self, actions: dict[str, QAction]) -> None:
        """Take the live actions and put the saved keys on them.

        An own key wins over a default: if a newer default collides with a key the
        agent chose, the default is left off for now (and logged).
        """
        self.actions.update(actions)
        saved = {i: k for i in self.actions if (k := self._settings.shortcut(i)) is not None}
        taken = {keys: i for i, keys in saved.items() if keys}
        for action_id, action in self.actions.items():
            keys = saved.get(action_id, default_key(action_id))
            if action_id not in saved and taken.get(keys, action_id) != action_id:
                log.info("default %s of %s yields to the agent's own key", keys, action_id)
                keys = ""
            action.setShortcut(QKeySequence.fromString(keys, PORTABLE))

    def keys(self, action_id: str) -> str:
        return self.actions[action_id].shortcut().toString(PORTABLE)

    def owner(self, keys: str) -> str | None:
        """The id of the action that has these keys, if any."""
        wanted = QKeySequence.fromString(keys, PORTABLE)
        if wanted.isEmpty():
            return None
        return next((i for i, a in self.actions.items() if a.shortcut() == wanted), None)

    def assign(self, action_id: str, keys: str) -> None:
        """Give the action these keys ("" for none), at once and for the next start.

        Raises ShortcutConflict naming the other action, or ShortcutRefused.
        """
        keys = QKeySequence.fromString(keys, PORTABLE).toString(PORTABLE)
        check_key(keys)
        other = self.owner(keys)
        if other is not None and other != action_id:
            text = QCoreApplication.translate("ShortcutMap", "%1 is already the key for “%2”. Change that one first.")
            raise ShortcutConflict(text.replace("%1", native(keys)).replace("%2", action_name(other)), other)
        self.actions[action_id].setShortcut(QKeySequence.fromString(keys, PORTABLE))
        if keys == default_key(action_id):
            self._settings.clear_shortcut(action_id)
        else:
            self._settings.set_shortcut(action_id, keys)
        self.changed.emit(action_id, keys)

    def reset(self, action_id: str) -> None:
        """Back to the default key; refused (ShortcutConflict) while another action holds it."""
        self.assign(action_id, default_key(action_id))

    def reset_all(self) -> None:
        self._settings.clear_all_shortcuts()
        for action_id, action in self.actions.items():
            action.setShortcut(QKeySequence.fromString(default_key(action_id), PORTABLE))
            self.changed.emit(action_id, default_key(action_id))


def give_default_key(action: QAction, action_id: str) -> None:
    """Mark a live action with its id (Shortcuts finds it by that) and give it its default key."""
    action.setProperty(ID_PROPERTY, action_id)
    action.setShortcut(QKeySequence.fromString(default_key(action_id), PORTABLE))


def keyed_actions(window: QWidget) -> dict[str, QAction]:
    """The window's actions that carry an id of the keyboard map."""
    found = {}
    for action in window.actions():
        action_id = action.property(ID_PROPERTY)
        if isinstance(action_id, str) and action_id in SPECS:
            found[action_id] = action
    return found
