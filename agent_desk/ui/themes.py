"""Light, dark and high-contrast themes: palettes whose contrast is tested.

Every pair a user reads (text on its background) is at least 4.5:1 and every
pair that marks a control or the keyboard focus at least 3:1 (WCAG 1.4.3 and
1.4.11); tests/unit/test_themes.py computes them from these tables.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from agent_desk.ui.target_size import TargetSizeStyle


@dataclass(frozen=True, slots=True)
class Theme:
    name: str
    window: str
    window_text: str
    base: str
    alternate_base: str
    text: str
    button: str
    button_text: str
    highlight: str
    highlighted_text: str
    mid: str
    """Borders of controls (bubbles, inputs): at least 3:1 against window and base."""
    placeholder: str
    link: str

    def reading_pairs(self) -> list[tuple[str, str, str]]:
        """(what, foreground, background) pairs that must reach 4.5:1."""
        return [
            ("window text", self.window_text, self.window),
            ("text", self.text, self.base),
            ("text on alternate rows", self.text, self.alternate_base),
            ("button text", self.button_text, self.button),
            ("selected text", self.highlighted_text, self.highlight),
            ("placeholder", self.placeholder, self.base),
            ("link", self.link, self.base),
        ]

    def component_pairs(self) -> list[tuple[str, str, str]]:
        """(what, foreground, background) pairs that must reach 3:1: borders and the focus ring."""
        return [
            ("control border on window", self.mid, self.window),
            ("control border on base", self.mid, self.base),
            ("focus ring on window", self.highlight, self.window),
            ("focus ring on base", self.highlight, self.base),
        ]


THEMES: dict[str, Theme] = {
    "light": Theme(
        "light",
        "#f3f3f3",
        "#1a1a1a",
        "#ffffff",
        "#eef3fb",
        "#1a1a1a",
        "#e6e6e6",
        "#1a1a1a",
        "#0b5cad",
        "#ffffff",
        "#767676",
        "#595959",
        "#0b5cad",
    ),
    "dark": Theme(
        "dark",
        "#1e1e1e",
        "#f0f0f0",
        "#121212",
        "#1f2a38",
        "#f0f0f0",
        "#2d2d2d",
        "#f0f0f0",
        "#4ea1ff",
        "#000000",
        "#8a8a8a",
        "#b0b0b0",
        "#7dbbff",
    ),
    "high_contrast": Theme(
        "high_contrast",
        "#000000",
        "#ffffff",
        "#000000",
        "#0a0a0a",
        "#ffffff",
        "#000000",
        "#ffffff",
        "#ffff00",
        "#000000",
        "#ffffff",
        "#d0d0d0",
        "#00ffff",
    ),
}


def palette(theme: Theme) -> QPalette:
    p = QPalette()
    roles = QPalette.ColorRole
    for role, colour in (
        (roles.Window, theme.window),
        (roles.WindowText, theme.window_text),
        (roles.Base, theme.base),
        (roles.AlternateBase, theme.alternate_base),
        (roles.Text, theme.text),
        (roles.Button, theme.button),
        (roles.ButtonText, theme.button_text),
        (roles.Highlight, theme.highlight),
        (roles.HighlightedText, theme.highlighted_text),
        (roles.Mid, theme.mid),
        (roles.PlaceholderText, theme.placeholder),
        (roles.Link, theme.link),
        (roles.ToolTipBase, theme.base),
        (roles.ToolTipText, theme.text),
    ):
        p.setColor(role, QColor(colour))
    return p


def apply_theme(app: QApplication, name: str) -> Theme:
    """Use a theme ('' or unknown: light) with the Fusion style, which draws focus in Highlight,
    its click targets grown to 24 px (target_size.py)."""
    theme = THEMES.get(name) or THEMES["light"]
    app.setStyle(TargetSizeStyle("Fusion"))
    app.setPalette(palette(theme))
    return theme


def apply_text_size(app: QApplication, percent: int, base_points: float) -> float:
    """Scale every widget's text from 100 % to 200 %; returns the point size used."""
    points = base_points * max(100, min(200, percent)) / 100
    font = app.font()
    font.setPointSizeF(points)
    app.setFont(font)
    return points
