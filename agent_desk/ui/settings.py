"""The desk's own preferences (not secrets: tokens live in the keyring)."""

from __future__ import annotations

from PySide6.QtCore import QSettings


class DeskSettings:
    """Typed access to QSettings. Pass a QSettings in (tests use an ini file)."""

    def __init__(self, store: QSettings) -> None:
        self._store = store

    def _bool(self, key: str, default: bool) -> bool:
        value = self._store.value(key, default)
        return value in (True, "true", "1", 1)

    def _set(self, key: str, value: object) -> None:
        self._store.setValue(key, value)
        self._store.sync()

    # notifications
    @property
    def sound_enabled(self) -> bool:
        return self._bool("notify/sound", True)

    @sound_enabled.setter
    def sound_enabled(self, on: bool) -> None:
        self._set("notify/sound", on)

    @property
    def alert_enabled(self) -> bool:
        return self._bool("notify/alert", True)

    @alert_enabled.setter
    def alert_enabled(self, on: bool) -> None:
        self._set("notify/alert", on)

    @property
    def announce_enabled(self) -> bool:
        return self._bool("notify/announce", True)

    @announce_enabled.setter
    def announce_enabled(self, on: bool) -> None:
        self._set("notify/announce", on)

    @property
    def volume(self) -> float:
        return float(self._store.value("notify/volume", 0.8))

    @volume.setter
    def volume(self, value: float) -> None:
        self._set("notify/volume", max(0.0, min(1.0, value)))

    # each cue on its own: a blind agent may want the breach loud and new messages quiet
    def cue_enabled(self, cue: str) -> bool:
        return self._bool(f"notify/cue/{cue}/on", True)

    def set_cue_enabled(self, cue: str, on: bool) -> None:
        self._set(f"notify/cue/{cue}/on", on)

    def cue_volume(self, cue: str) -> float:
        """The cue's own volume, 0..1; until set, the overall volume."""
        value = float(self._store.value(f"notify/cue/{cue}/volume", self.volume))
        return max(0.0, min(1.0, value))

    def set_cue_volume(self, cue: str, value: float) -> None:
        self._set(f"notify/cue/{cue}/volume", max(0.0, min(1.0, value)))

    # response timers (WCAG 2.2.1: the agent may turn the display off or lengthen it)
    @property
    def countdown_enabled(self) -> bool:
        return self._bool("timers/countdown", True)

    @countdown_enabled.setter
    def countdown_enabled(self, on: bool) -> None:
        self._set("timers/countdown", on)

    @property
    def countdown_multiplier(self) -> float:
        return max(1.0, min(10.0, float(self._store.value("timers/multiplier", 1.0))))

    @countdown_multiplier.setter
    def countdown_multiplier(self, value: float) -> None:
        self._set("timers/multiplier", max(1.0, min(10.0, value)))

    @property
    def ratio_hints_enabled(self) -> bool:
        return self._bool("timers/ratio_hints", True)

    @ratio_hints_enabled.setter
    def ratio_hints_enabled(self, on: bool) -> None:
        self._set("timers/ratio_hints", on)

    @property
    def flash_on_breach(self) -> bool:
        return self._bool("timers/flash", False)

    @flash_on_breach.setter
    def flash_on_breach(self, on: bool) -> None:
        self._set("timers/flash", on)

    @property
    def order_by_urgency(self) -> bool:
        return self._bool("timers/order_by_urgency", False)

    @order_by_urgency.setter
    def order_by_urgency(self, on: bool) -> None:
        self._set("timers/order_by_urgency", on)

    # look: theme and text size (the same settings for every window)
    @property
    def theme(self) -> str:
        return str(self._store.value("look/theme", "light"))

    @theme.setter
    def theme(self, name: str) -> None:
        self._set("look/theme", name)

    @property
    def text_size(self) -> int:
        return max(100, min(200, int(self._store.value("look/text_size", 100))))

    @text_size.setter
    def text_size(self, percent: int) -> None:
        self._set("look/text_size", max(100, min(200, percent)))

    # language: "" follows the system
    @property
    def language(self) -> str:
        return str(self._store.value("ui/language", ""))

    @language.setter
    def language(self, code: str) -> None:
        self._set("ui/language", code)

    # keyboard shortcuts: only the agent's own keys are stored (PortableText; "" = no key)
    def shortcut(self, action_id: str) -> str | None:
        """The agent's own keys for this action, or None to use the default."""
        key = f"shortcuts/{action_id}"
        return str(self._store.value(key) or "") if self._store.contains(key) else None

    def set_shortcut(self, action_id: str, keys: str) -> None:
        self._set(f"shortcuts/{action_id}", keys)

    def clear_shortcut(self, action_id: str) -> None:
        self._store.remove(f"shortcuts/{action_id}")
        self._store.sync()

    def clear_all_shortcuts(self) -> None:
        self._store.remove("shortcuts")
        self._store.sync()

    # last login (never the password or token)
    @property
    def last_server(self) -> str:
        return str(self._store.value("login/server", "ws://127.0.0.1:8765/ws"))

    @property
    def last_username(self) -> str:
        return str(self._store.value("login/username", ""))

    @property
    def remember(self) -> bool:
        return self._bool("login/remember", False)

    @property
    def ca_file(self) -> str:
        """A PEM file of certificates to trust for the server, or "" for the system's CAs only."""
        return str(self._store.value("login/ca_file", ""))

    @ca_file.setter
    def ca_file(self, path: str) -> None:
        self._set("login/ca_file", path)

    def remember_login(self, server: str, username: str, remember: bool) -> None:
        self._set("login/server", server)
        self._set("login/username", username)
        self._set("login/remember", remember)
