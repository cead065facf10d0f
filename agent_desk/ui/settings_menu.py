"""The Settings menu: notification channels and the interface language."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from agent_desk.ui.i18n import LANGUAGES
from agent_desk.ui.settings import DeskSettings


def _toggle(menu: QMenu, text: str, checked: bool, apply: Callable[[bool], None]) -> QAction:
    action = QAction(text, menu)
    action.setCheckable(True)
    action.setChecked(checked)
    action.toggled.connect(apply)
    menu.addAction(action)
    return action


def fill_settings_menu(
    menu: QMenu,
    settings: DeskSettings,
    on_language: Callable[[str], None],
    on_look: Callable[[], None] = lambda: None,
) -> None:
    def set_sound(on: bool) -> None:
        settings.sound_enabled = on

    def set_alert(on: bool) -> None:
        settings.alert_enabled = on

    def set_announce(on: bool) -> None:
        settings.announce_enabled = on

    _toggle(menu, QCoreApplication.translate("SettingsMenu", "Play &sounds"), settings.sound_enabled, set_sound)
    _toggle(menu, QCoreApplication.translate("SettingsMenu", "&Taskbar alerts"), settings.alert_enabled, set_alert)
    _toggle(
        menu,
        QCoreApplication.translate("SettingsMenu", "Screen-reader &announcements"),
        settings.announce_enabled,
        set_announce,
    )
    _timer_items(menu, settings)
    _look_items(menu, settings, on_look)
    languages = menu.addMenu(QCoreApplication.translate("SettingsMenu", "&Language"))
    group = QActionGroup(languages)
    choices = [("", QCoreApplication.translate("SettingsMenu", "Follow the system")), *LANGUAGES.items()]
    for code, label in choices:
        action = QAction(label, languages)
        action.setCheckable(True)
        action.setChecked(settings.language == code)
        action.triggered.connect(lambda _checked=False, c=code: on_language(c))
        group.addAction(action)
        languages.addAction(action)


def _timer_items(menu: QMenu, settings: DeskSettings) -> None:
    """Response timers: the agent's own display only; the server records the real figures."""
    menu.addSeparator()

    def set_countdown(on: bool) -> None:
        settings.countdown_enabled = on

    def set_hints(on: bool) -> None:
        settings.ratio_hints_enabled = on

    def set_flash(on: bool) -> None:
        settings.flash_on_breach = on

    def set_order(on: bool) -> None:
        settings.order_by_urgency = on

    _toggle(
        menu,
        QCoreApplication.translate("SettingsMenu", "Show response &countdown"),
        settings.countdown_enabled,
        set_countdown,
    )
    _toggle(menu, QCoreApplication.translate("SettingsMenu", "答问比 &hints"), settings.ratio_hints_enabled, set_hints)
    _toggle(
        menu,
        QCoreApplication.translate("SettingsMenu", "&Flash the taskbar when a reply is late"),
        settings.flash_on_breach,
        set_flash,
    )
    _toggle(
        menu, QCoreApplication.translate("SettingsMenu", "Order tabs by &urgency"), settings.order_by_urgency, set_order
    )
    longer = menu.addMenu(QCoreApplication.translate("SettingsMenu", "&Lengthen my timers"))
    group = QActionGroup(longer)
    for factor in (1, 2, 5, 10):
        action = QAction(QCoreApplication.translate("SettingsMenu", "%1×").replace("%1", str(factor)), longer)
        action.setCheckable(True)
        action.setChecked(settings.countdown_multiplier == factor)
        action.triggered.connect(lambda _checked=False, f=factor: setattr(settings, "countdown_multiplier", float(f)))
        group.addAction(action)
        longer.addAction(action)


def _look_items(menu: QMenu, settings: DeskSettings, on_look: Callable[[], None]) -> None:
    """Theme and text size: applied at once to every window."""
    menu.addSeparator()
    themes = menu.addMenu(QCoreApplication.translate("SettingsMenu", "T&heme"))
    group = QActionGroup(themes)
    for code, label in (
        ("light", QCoreApplication.translate("SettingsMenu", "Light")),
        ("dark", QCoreApplication.translate("SettingsMenu", "Dark")),
        ("high_contrast", QCoreApplication.translate("SettingsMenu", "High contrast")),
    ):
        action = QAction(label, themes)
        action.setCheckable(True)
        action.setChecked(settings.theme == code)
        action.triggered.connect(lambda _checked=False, c=code: (setattr(settings, "theme", c), on_look()))
        group.addAction(action)
        themes.addAction(action)
    sizes = menu.addMenu(QCoreApplication.translate("SettingsMenu", "Te&xt size"))
    size_group = QActionGroup(sizes)
    for percent in (100, 125, 150, 175, 200):
        action = QAction(f"{percent}%", sizes)
        action.setCheckable(True)
        action.setChecked(settings.text_size == percent)
        action.triggered.connect(lambda _checked=False, p=percent: (setattr(settings, "text_size", p), on_look()))
        size_group.addAction(action)
        sizes.addAction(action)
