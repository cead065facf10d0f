"""A style that keeps every click target at least 24 x 24 px (WCAG 2.2, 2.5.8).

Fusion sizes controls from the font alone: at 100 % text its buttons, combo boxes,
editors, list rows and menu items are 17-22 px tall. This proxy grows them to the
minimum and lets a check box or radio button take clicks on its whole row, not only
on the box and the words (tests/e2e/test_text_size_layout.py measures every view).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QStyleOptionGroupBox,
    QStyleOptionMenuItem,
)

MINIMUM_TARGET = 24

CT = QStyle.ContentsType
GROWN = frozenset(
    {
        CT.CT_PushButton,
        CT.CT_ToolButton,
        CT.CT_CheckBox,
        CT.CT_RadioButton,
        CT.CT_ComboBox,
        CT.CT_LineEdit,
        CT.CT_SpinBox,
        CT.CT_TabBarTab,
        CT.CT_MenuBarItem,
        CT.CT_MenuItem,
        CT.CT_ItemViewItem,
        CT.CT_HeaderSection,
    }
)
WHOLE_ROW_CLICKS = frozenset({QStyle.SubElement.SE_CheckBoxClickRect, QStyle.SubElement.SE_RadioButtonClickRect})


class TargetSizeStyle(QProxyStyle):
    def __init__(self, base: str = "Fusion") -> None:
        super().__init__(QStyleFactory.create(base))

    def sizeFromContents(self, kind: CT, option: QStyleOption, size: QSize, widget: Any = None) -> QSize:
        grown = super().sizeFromContents(kind, option, size, widget)
        if kind not in GROWN or _is_separator(option) or grown.isEmpty():
            return grown
        return grown.expandedTo(QSize(MINIMUM_TARGET, MINIMUM_TARGET))

    def subControlRect(
        self, control: QStyle.ComplexControl, option: QStyleOption, sub: QStyle.SubControl, widget: Any = None
    ) -> QRect:
        rect = super().subControlRect(control, option, sub, widget)
        if (
            control == QStyle.ComplexControl.CC_GroupBox
            and sub == QStyle.SubControl.SC_GroupBoxLabel
            and isinstance(option, QStyleOptionGroupBox)
            and not option.subControls & QStyle.SubControl.SC_GroupBoxCheckBox
        ):
            # Fusion sizes the title by its ink, which is narrower than the advance of
            # CJK text: the last glyph lost two pixels. Size it by the advance.
            needed = QFontMetrics(title_font(widget)).size(int(Qt.TextFlag.TextShowMnemonic), option.text).width()
            if rect.width() < needed:
                rect.setWidth(needed)
        return rect

    def subElementRect(self, element: QStyle.SubElement, option: QStyleOption, widget: Any = None) -> QRect:
        if element in WHOLE_ROW_CLICKS:
            return QRect(option.rect)
        return super().subElementRect(element, option, widget)


def _is_separator(option: QStyleOption) -> bool:
    separator = QStyleOptionMenuItem.MenuItemType.Separator
    return isinstance(option, QStyleOptionMenuItem) and option.menuItemType == separator


def title_font(widget: Any) -> QFont:
    """Fusion draws group-box titles in bold."""
    font = QFont(widget.font() if widget is not None else QApplication.font())
    font.setBold(True)
    return font
