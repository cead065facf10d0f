"""Paints chat lines as bubbles; one delegate for the whole list, no widgets.

Text heights are measured with font metrics (never a QTextDocument) and cached
by (line key, delivery, width, font size), so scrolling a long chat measures each
row once and painting a row measures nothing: a word-wrapped bounding rectangle
of Chinese text costs a fifth of a millisecond, and a paint shows a dozen rows.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from agent_desk.client.chats import ChatLine, Delivery
from agent_desk.protocol.messages import EventKind
from agent_desk.ui.message_model import MessageModel, Roles, clock_text, delivery_text, describe_event

PAD = 8
GAP = 4
BUBBLE_SHARE = 0.78
"""Widest a bubble may be, as a share of the view's width."""

_WRAP = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft) | int(Qt.AlignmentFlag.AlignTop)


class MessageDelegate(QStyledItemDelegate):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._heights: dict[tuple[str, str, int, int], tuple[int, int, int]] = {}
        """(header, body, footer) text heights by (line key, delivery, text width, point size)."""

    def clear_cache(self) -> None:
        """Forget measured heights (after a font or text-size change)."""
        self._heights.clear()

    # ------------------------------------------------------------ geometry

    @staticmethod
    def _line(index: QModelIndex | QPersistentModelIndex) -> ChatLine:
        model = index.model()
        if isinstance(model, MessageModel):  # straight to the line: no trip through QVariant
            return model.line_at(index.row())
        line: ChatLine = index.data(Roles.LINE)
        return line

    def _texts(self, line: ChatLine) -> tuple[str, str, str]:
        """(header, body, footer) of a line."""
        if line.kind is not EventKind.MESSAGE:
            return "", describe_event(line), ""
        header = f"{line.author_name}  {clock_text(line.ts)}"
        return header, line.text, delivery_text(line)

    def _bubble_width(self, view_width: int) -> int:
        return max(120, int(view_width * BUBBLE_SHARE))

    def _text_heights(self, line: ChatLine, font: QFont, inner: int) -> tuple[int, int, int]:
        key = (line.key, line.delivery.value, inner, font.pointSize())
        heights = self._heights.get(key)
        if heights is None:
            metrics = QFontMetrics(font)
            header, body, footer = (
                metrics.boundingRect(QRect(0, 0, inner, 100_000), _WRAP, text).height() if text else 0
                for text in self._texts(line)
            )
            heights = self._heights[key] = (header, body, footer)
        return heights

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        line = self._line(index)
        width = option.rect.width() or 400
        header, body, footer = self._text_heights(line, option.font, self._bubble_width(width) - 2 * PAD)
        height = body + sum(GAP + extra for extra in (header, footer) if extra)
        return QSize(width, height + 2 * PAD + GAP)

    # ------------------------------------------------------------ painting

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        line = self._line(index)
        palette: QPalette = option.palette
        bubble = self._bubble_rect(line, option)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        self._paint_bubble(painter, line, bubble, palette, selected)
        if option.state & QStyle.StateFlag.State_HasFocus:
            pen = painter.pen()
            pen.setColor(palette.color(QPalette.ColorRole.Highlight))
            pen.setWidth(2)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(bubble.adjusted(-2, -2, 2, 2), 8, 8)
        self._paint_text(painter, line, bubble, option, selected)
        painter.restore()

    def _bubble_rect(self, line: ChatLine, option: QStyleOptionViewItem) -> QRect:
        rect = option.rect.adjusted(PAD, GAP // 2, -PAD, -GAP // 2)
        width = min(rect.width(), self._bubble_width(option.rect.width()))
        if line.kind is not EventKind.MESSAGE:
            return QRect(rect.center().x() - width // 2, rect.top(), width, rect.height())
        if line.from_staff:
            return QRect(rect.right() - width, rect.top(), width, rect.height())
        return QRect(rect.left(), rect.top(), width, rect.height())

    @staticmethod
    def _paint_bubble(painter: QPainter, line: ChatLine, bubble: QRect, palette: QPalette, selected: bool) -> None:
        if selected:
            fill = palette.color(QPalette.ColorRole.Highlight)
        elif line.kind is not EventKind.MESSAGE:
            fill = palette.color(QPalette.ColorRole.Window)
        elif line.from_staff:
            fill = palette.color(QPalette.ColorRole.AlternateBase)
        else:
            fill = palette.color(QPalette.ColorRole.Base)
        painter.setBrush(fill)
        pen = painter.pen()
        pen.setColor(palette.color(QPalette.ColorRole.Mid))
        # Shape, not colour alone: failed messages get a dashed border.
        pen.setStyle(Qt.PenStyle.DashLine if line.delivery is Delivery.FAILED else Qt.PenStyle.SolidLine)
        painter.setPen(pen)
        painter.drawRoundedRect(bubble, 8, 8)

    def _paint_text(
        self, painter: QPainter, line: ChatLine, bubble: QRect, option: QStyleOptionViewItem, selected: bool
    ) -> None:
        palette: QPalette = option.palette
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(palette.color(role))
        inner = bubble.adjusted(PAD, PAD, -PAD, -PAD)
        y = inner.top()
        heights = self._text_heights(line, option.font, inner.width())
        for text, height in zip(self._texts(line), heights, strict=True):
            if not text:
                continue
            painter.drawText(QRect(inner.left(), y, inner.width(), height), _WRAP, text)
            y += height + GAP
