"""Every theme's palette meets WCAG contrast: text 4.5:1, controls and focus 3:1."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from agent_desk.domain.contrast import contrast_ratio
from agent_desk.ui.themes import THEMES, Theme, apply_text_size, apply_theme
from desk_support import make_desk_app


def test_contrast_formula_matches_known_values() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)


@pytest.mark.parametrize("theme", THEMES.values(), ids=lambda t: t.name)
def test_text_reaches_four_and_a_half_to_one(theme: Theme) -> None:
    for what, foreground, background in theme.reading_pairs():
        assert contrast_ratio(foreground, background) >= 4.5, f"{theme.name}: {what}"


@pytest.mark.parametrize("theme", THEMES.values(), ids=lambda t: t.name)
def test_controls_and_the_focus_ring_reach_three_to_one(theme: Theme) -> None:
    for what, foreground, background in theme.component_pairs():
        assert contrast_ratio(foreground, background) >= 3.0, f"{theme.name}: {what}"


def test_applying_a_theme_and_text_size_changes_the_application(qapp: QApplication) -> None:
    before_font = qapp.font()
    try:
        apply_theme(qapp, "high_contrast")
        assert qapp.palette().color(QPalette.ColorRole.Window).name() == "#000000"
        assert qapp.palette().color(QPalette.ColorRole.Highlight).name() == "#ffff00"
        assert apply_text_size(qapp, 250, 10) == 20, "capped at 200 %"
        assert qapp.font().pointSizeF() == 20
    finally:
        apply_theme(qapp, "light")
        qapp.setFont(before_font)


def test_the_desk_applies_the_saved_theme_and_text_size(qapp: QApplication, tmp_path: Path) -> None:
    app = make_desk_app(qapp, tmp_path, "ws://127.0.0.1:1/ws")
    base = qapp.font().pointSizeF()
    try:
        app.settings.theme = "dark"
        app.settings.text_size = 200
        app.apply_look()
        assert qapp.palette().color(QPalette.ColorRole.Base).name() == THEMES["dark"].base
        assert qapp.font().pointSizeF() == pytest.approx(base * 2)
    finally:
        app.settings.theme = "light"
        app.settings.text_size = 100
        app.apply_look()
    assert qapp.font().pointSizeF() == pytest.approx(base)
