"""In-process accessibility checks of one window: names and the Tab cycle, as Qt exposes them.

tests/e2e/test_accessibility.py reads the main views over the real AT-SPI bus; this checks
every dialog the layout test opens (wrap-up, escalation, history, send-back, the keyboard
map, the practice dialogs, the login window) through the same QAccessible interfaces Qt
puts on that bus, and walks Tab with real key events.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

OPERABLE = (
    QAbstractButton,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QAbstractSpinBox,
    QAbstractSlider,
    QTabBar,
    QAbstractItemView,
)
"""What a user operates: each must have a name, and Tab must reach it."""


def describe(widget: QWidget) -> str:
    text = widget.property("text") if isinstance(widget, QAbstractButton) else ""
    return f"{type(widget).__name__} {widget.objectName() or text or ''}".strip()


def operable_controls(window: QWidget) -> list[QWidget]:
    """Visible, enabled controls of this window (not of a window inside it) that take Tab focus."""
    return [
        widget
        for widget in window.findChildren(QWidget)
        if isinstance(widget, OPERABLE)
        and widget.isVisibleTo(window)
        and widget.isEnabled()
        and widget.window() is window
        and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        and not widget.objectName().startswith("qt_")
    ]


def unnamed_controls(window: QWidget) -> list[str]:
    """Controls whose accessible name (what a screen reader says) is empty."""
    problems = []
    for widget in operable_controls(window):
        interface = QAccessible.queryAccessibleInterface(widget)
        name = interface.text(QAccessible.Text.Name).strip() if interface is not None else ""
        if not name:
            problems.append(f"{_title(window)}: {describe(widget)} has no accessible name")
    return problems


def tab_problems(window: QWidget, back: bool = False) -> list[str]:
    """Press Tab (or Shift+Tab) round the window: every control is reached, focus never sticks
    (a text box that types the tab), and it comes back to where it started."""
    controls = operable_controls(window)
    if not controls:
        return []
    key = "Shift+Tab" if back else "Tab"
    modifier = Qt.KeyboardModifier.ShiftModifier if back else Qt.KeyboardModifier.NoModifier
    (window.focusWidget() or controls[0]).setFocus(Qt.FocusReason.OtherFocusReason)
    start = window.focusWidget()
    assert start is not None
    visited = [start]
    for _ in range(len(controls) + 3):
        before = visited[-1]
        # QTest goes through the application as a real key press does (sendEvent would skip
        # the text box that takes the tab as text, and hide the very trap looked for).
        QTest.keyClick(before, Qt.Key.Key_Backtab if back else Qt.Key.Key_Tab, modifier)
        after = window.focusWidget()
        if after is None or (after is before and len(controls) > 1):
            return [f"{_title(window)}: {key} is stuck on {describe(before)}"]
        visited.append(after)
        if after is start:
            break
    problems = []
    if visited[-1] is not start:
        problems.append(f"{_title(window)}: {key} does not come back round to {describe(start)}")
    for control in controls:
        if control not in visited and not _inside_reached(control, visited):
            problems.append(f"{_title(window)}: {key} never reaches {describe(control)}")
    return problems


def _inside_reached(control: QWidget, visited: list[QWidget]) -> bool:
    """A control whose focus goes to its own part (a combo box's editor) counts as reached."""
    return any(control.isAncestorOf(widget) or widget.isAncestorOf(control) for widget in visited)


def _title(window: QWidget) -> str:
    return window.windowTitle() or type(window).__name__


def accessibility_problems(window: QWidget) -> list[str]:
    return unnamed_controls(window) + tab_problems(window) + tab_problems(window, back=True)
