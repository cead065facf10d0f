"""Finds clipped text and undersized click targets in a shown window.

The rules (docs/desk.md, "Text size and layout"):

* Text fits: every visible label, button, check box, combo box, tab, menu-bar item and
  group-box title is at least as large as its text needs in the widget's own font
  (QFontMetrics), wrapped at the widget's width when it word-wraps. The desk does not
  elide: text that can grow wraps or sits in a scroll area. Line edits may scroll the
  user's own text, but their placeholder (an instruction) and a spin box's value must fit,
  and every editor must be tall enough for a line of its font.
* Click targets are at least 24 x 24 px (WCAG 2.2, 2.5.8): buttons (for check boxes and
  radio buttons, the area that takes the click), combo boxes, editors, tabs, menu-bar
  items, list and table rows and clickable headers.
  Not counted, as the WCAG exceptions allow: scroll bars, the size grip and the tab bar's
  scroll arrows, which Qt draws like a browser's own controls and whose function the
  keyboard and the wheel also give (Ctrl+Tab moves between tabs); the arrows inside a spin
  box (its text field, which is large enough, does the same).
* Nothing sticks out of its window, and the window's minimum size fits the screen.

Item-view cells (tables) elide by Qt's default; their full text is the cell's accessible
name and the columns can be widened, so only their height is checked.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenuBar,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollBar,
    QSizeGrip,
    QStyle,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QStyleOptionFrame,
    QStyleOptionGroupBox,
    QTabBar,
    QTableView,
    QTextEdit,
    QToolButton,
    QWidget,
)

from agent_desk.ui.target_size import title_font

TARGET = 24
"""WCAG 2.2 target size (minimum), in device-independent pixels."""

SE = QStyle.SubElement
MNEMONIC = Qt.TextFlag.TextShowMnemonic


def describe(widget: QWidget) -> str:
    text = ""
    for getter in ("text", "title", "placeholderText", "currentText"):
        value = getattr(widget, getter, None)
        if callable(value) and isinstance(value(), str) and value():
            text = value()
            break
    name = widget.objectName() or widget.accessibleName()
    return f"{type(widget).__name__}({name!r}, {text[:40]!r})"


def text_size(metrics: QFontMetrics, text: str, width: int | None = None) -> QSize:
    """What a plain text needs: one line per paragraph, or wrapped at `width`."""
    flags = int(MNEMONIC)
    bound = QRect(0, 0, 100_000, 100_000)
    if width is not None:
        flags |= int(Qt.TextFlag.TextWordWrap)
        bound = QRect(0, 0, max(1, width), 100_000)
    return metrics.boundingRect(bound, flags, text).size()


def rich_text_size(label: QLabel, width: int | None) -> QSize:
    doc = QTextDocument()
    doc.setDefaultFont(label.font())
    doc.setDocumentMargin(0)
    doc.setHtml(label.text())
    if width is not None:
        doc.setTextWidth(width)
        return QSize(int(doc.idealWidth()), int(doc.size().height()))
    return doc.size().toSize()


class LayoutCheck:
    """Collects problems of one window; `problems` lists them in words."""

    def __init__(self, window: QWidget, screen: QSize) -> None:
        self.window = window
        self.screen = screen
        self.problems: list[str] = []

    def run(self) -> list[str]:
        self._window_fits()
        for widget in [self.window, *self.window.findChildren(QWidget)]:
            if widget.isVisible() and widget.window() is self.window and not self._exempt(widget):
                self._check(widget)
        return self.problems

    def _add(self, widget: QWidget, what: str) -> None:
        self.problems.append(f"{self.window.windowTitle()!r}: {describe(widget)} {what}")

    def _window_fits(self) -> None:
        minimum = self.window.minimumSizeHint()
        if minimum.width() > self.screen.width() or minimum.height() > self.screen.height():
            self._add(self.window, f"needs at least {minimum.toTuple()}, more than the screen {self.screen.toTuple()}")

    @staticmethod
    def _exempt(widget: QWidget) -> bool:
        if isinstance(widget, QScrollBar | QSizeGrip):
            return True
        parent = widget.parentWidget()
        # A tab bar's scroll arrows, and anything inside a scroll bar or a spin box (its arrows).
        return isinstance(parent, QTabBar | QScrollBar) and isinstance(widget, QToolButton)

    def _check(self, widget: QWidget) -> None:
        self._inside_window(widget)
        for kind, check in (
            (QLabel, self._label),
            (QCheckBox, self._check_box),
            (QRadioButton, self._radio_button),
            (QPushButton, self._push_button),
            (QToolButton, self._tool_button),
            (QComboBox, self._combo_box),
            (QLineEdit, self._line_edit),
            (QAbstractSpinBox, self._spin_box),
            (QTabBar, self._tab_bar),
            (QHeaderView, self._header),
            (QAbstractItemView, self._item_view),
            (QTextEdit, self._text_edit),
            (QPlainTextEdit, self._text_edit),
            (QGroupBox, self._group_box),
            (QMenuBar, self._menu_bar),
            (QAbstractSlider, self._slider),
        ):
            if isinstance(widget, kind):
                check(widget)
                return

    # ------------------------------------------------------------ geometry

    def _inside_window(self, widget: QWidget) -> None:
        if widget is self.window or self._scrolled(widget):
            return
        top_left = widget.mapTo(self.window, widget.rect().topLeft())
        area = QRect(top_left, widget.size())
        if not self.window.rect().contains(area):
            self._add(widget, f"at {area.getRect()} sticks out of its window {self.window.rect().getRect()}")

    def _scrolled(self, widget: QWidget) -> bool:
        """Inside a scroll area's viewport: reachable by scrolling, so it may be outside the window."""
        parent = widget.parentWidget()
        while parent is not None and parent is not self.window:
            grand = parent.parentWidget()
            if isinstance(grand, QAbstractScrollArea) and grand.viewport() is parent:
                return True
            parent = grand
        return False

    def _target(self, widget: QWidget, area: QRect | QSize, what: str = "click target") -> None:
        size = area.size() if isinstance(area, QRect) else area
        if size.width() < TARGET or size.height() < TARGET:
            self._add(widget, f"{what} is {size.toTuple()}, under {TARGET} x {TARGET} px")

    def _fits(self, widget: QWidget, room: QSize, need: QSize, what: str = "text") -> None:
        if room.width() < need.width() or room.height() < need.height():
            self._add(widget, f"{what} needs {need.toTuple()} but has {room.toTuple()}")

    # ------------------------------------------------------------ widgets

    def _label(self, label: QLabel) -> None:
        text = label.text()
        if not text or (label.pixmap() is not None and not label.pixmap().isNull()):
            return
        room = label.contentsRect().adjusted(label.margin(), label.margin(), -label.margin(), -label.margin())
        width = room.width() if label.wordWrap() else None
        rich = label.textFormat() == Qt.TextFormat.RichText or (
            label.textFormat() == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text)
        )
        need = rich_text_size(label, width) if rich else text_size(label.fontMetrics(), text, width)
        self._fits(label, room.size(), need)

    def _button_text(self, button: QAbstractButton, element: QStyle.SubElement) -> QStyleOptionButton:
        option = QStyleOptionButton()
        button.initStyleOption(option)  # type: ignore[attr-defined]
        room = button.style().subElementRect(element, option, button)
        need = text_size(button.fontMetrics(), button.text())
        if not button.icon().isNull():
            need += QSize(button.iconSize().width() + 4, 0)
        self._fits(button, room.size(), need)
        return option

    def _check_box(self, box: QCheckBox) -> None:
        option = self._button_text(box, SE.SE_CheckBoxContents)
        self._target(box, box.style().subElementRect(SE.SE_CheckBoxClickRect, option, box))

    def _radio_button(self, button: QRadioButton) -> None:
        option = self._button_text(button, SE.SE_RadioButtonContents)
        self._target(button, button.style().subElementRect(SE.SE_RadioButtonClickRect, option, button))

    def _push_button(self, button: QPushButton) -> None:
        self._button_text(button, SE.SE_PushButtonContents)
        self._target(button, button.rect())

    def _tool_button(self, button: QToolButton) -> None:
        if button.text() and button.toolButtonStyle() != Qt.ToolButtonStyle.ToolButtonIconOnly:
            self._fits(button, button.size(), button.minimumSizeHint(), "tool button text")
        self._target(button, button.rect())

    def _combo_box(self, box: QComboBox) -> None:
        option = QStyleOptionComboBox()
        box.initStyleOption(option)  # type: ignore[attr-defined]
        field = box.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, box
        )
        if not box.isEditable():
            self._fits(box, field.size(), text_size(box.fontMetrics(), box.currentText()))
        self._target(box, box.rect())

    def _line_edit(self, edit: QLineEdit) -> None:
        metrics = edit.fontMetrics()
        room = edit.style().subElementRect(SE.SE_LineEditContents, _line_edit_option(edit), edit)
        self._fits(edit, QSize(room.width(), room.height()), QSize(0, metrics.height()), "a line")
        owner = edit.parentWidget()
        if isinstance(owner, QAbstractSpinBox | QComboBox):
            self._fits(edit, room.size(), QSize(metrics.horizontalAdvance(edit.text()), 0), "value")
            return  # its owner is the click target
        if not edit.text() and edit.placeholderText():
            self._fits(edit, room.size(), text_size(metrics, edit.placeholderText()), "placeholder")
        self._target(edit, edit.rect())

    def _spin_box(self, box: QAbstractSpinBox) -> None:
        self._target(box, box.rect())

    def _tab_bar(self, bar: QTabBar) -> None:
        for index in range(bar.count()):
            rect = bar.tabRect(index)
            if not bar.isTabVisible(index) or not rect.intersects(bar.rect()):
                continue  # scrolled away: the scroll arrows and Ctrl+Tab reach it
            self._fits(bar, rect.size(), bar.tabSizeHint(index), f"tab {bar.tabText(index)!r}")
            self._target(bar, rect, f"tab {bar.tabText(index)!r}")

    def _header(self, header: QHeaderView) -> None:
        # A vertical header only numbers rows; clicking the row itself selects it.
        if header.orientation() == Qt.Orientation.Horizontal and header.sectionsClickable() and header.count():
            self._target(header, header.rect(), "clickable header")

    def _item_view(self, view: QAbstractItemView) -> None:
        model = view.model()
        if model is None or not model.rowCount():
            return
        line = view.fontMetrics().height()
        for row in range(min(model.rowCount(), 5)):
            rect = view.visualRect(model.index(row, 0))
            if rect.isEmpty():
                continue
            if rect.height() < line:
                self._add(view, f"row {row} is {rect.height()} px, under a line of text ({line} px)")
            what = f"row {row}"
            if isinstance(view, QTableView):
                rect = QRect(rect.topLeft(), QSize(view.viewport().width(), rect.height()))
            self._target(view, QSize(max(rect.width(), TARGET), rect.height()), what)

    def _text_edit(self, edit: QTextEdit | QPlainTextEdit) -> None:
        line = edit.fontMetrics().lineSpacing()
        margin = int(edit.document().documentMargin() * 2)
        self._fits(edit, edit.viewport().size(), QSize(line, line + margin), "a line")

    def _group_box(self, box: QGroupBox) -> None:
        if not box.title():
            return
        option = QStyleOptionGroupBox()
        box.initStyleOption(option)  # type: ignore[attr-defined]
        label = box.style().subControlRect(
            QStyle.ComplexControl.CC_GroupBox, option, QStyle.SubControl.SC_GroupBoxLabel, box
        )
        need = QFontMetrics(title_font(box)).size(int(MNEMONIC), box.title())
        self._fits(box, label.intersected(box.rect()).size(), need, "title")
        if box.isCheckable():
            self._target(box, label)

    def _menu_bar(self, bar: QMenuBar) -> None:
        for action in bar.actions():
            if action.isVisible() and not action.isSeparator():
                rect = bar.actionGeometry(action)
                need = text_size(bar.fontMetrics(), action.text())
                self._fits(bar, rect.size(), need, f"menu {_plain(action.text())!r}")
                self._target(bar, rect, f"menu {_plain(action.text())!r}")

    def _slider(self, slider: QAbstractSlider) -> None:
        self._target(slider, slider.rect())


def _line_edit_option(edit: QLineEdit) -> QStyleOptionFrame:
    option = QStyleOptionFrame()
    edit.initStyleOption(option)  # type: ignore[attr-defined]
    return option


def _plain(text: str) -> str:
    return re.sub(r"&(.)", r"\1", text)


def layout_problems(window: QWidget, screen: QSize) -> list[str]:
    return LayoutCheck(window, screen).run()
