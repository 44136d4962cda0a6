"""How one result looks: star and title, then a one-line snippet and the category.

Heights come from the fonts' own metrics (with a CJK sample), so Chinese text is
never clipped at any scale; long lines are elided, never cut.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QStyleOptionViewItem

from assistant.ui import style
from assistant.ui.search_model import (
    CategoryRole,
    FavouriteRole,
    SnippetRole,
    UsedRole,
    WarningRole,
)

_SAMPLE = "国語Ágy"  # tall Latin and CJK glyphs: line height fits both
STAR = "★"
WARNING = "⚠"


def line_height(font: QFont) -> int:
    metrics = QFontMetrics(font)
    return max(metrics.height(), metrics.boundingRect(_SAMPLE).height())


def is_selected(option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> bool:
    """Whether the row is selected, asked of the view rather than ``option.state``.

    Reading ``option.state`` builds PySide6's ``QStyle`` type and its 566 enum
    members, the largest after ``Qt`` itself, just as the first results show.
    """
    view = option.widget
    selection = view.selectionModel() if isinstance(view, QAbstractItemView) else None
    return selection is not None and selection.isRowSelected(index.row(), index.parent())


class EntryDelegate(QStyledItemDelegate):
    def fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        base = option.font
        return (
            style.scaled(base, 1.08, QFont.Weight.DemiBold),
            style.scaled(base, 0.95),
            style.scaled(base, 0.85),
        )

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        title, body, chip = self.fonts(option)
        height = (
            2 * style.ROW_PAD_Y
            + line_height(title)
            + style.ROW_GAP
            + max(line_height(body), line_height(chip) + 2)
        )
        return QSize(max(option.rect.width(), 200), height)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        look = _RowLook(option.palette, is_selected(option, index), bool(index.data(WarningRole)))
        title_font, body_font, chip_font = self.fonts(option)
        rect = option.rect.adjusted(0, 1, 0, -1)
        inner = rect.adjusted(
            style.ROW_PAD_X, style.ROW_PAD_Y - 1, -style.ROW_PAD_X, -style.ROW_PAD_Y + 1
        )
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        look.paint_background(painter, rect)
        title_h = look.paint_title_line(painter, inner, title_font, index)
        y = inner.y() + title_h + style.ROW_GAP
        look.paint_detail_line(painter, inner, y, body_font, chip_font, index)
        painter.restore()


class _RowLook:
    """One row's colours, which follow its state (selected, a warning), and its
    painting line by line."""

    def __init__(self, palette: QPalette, selected: bool, warning: bool) -> None:
        self.palette = palette
        self.colours = style.colours(palette)
        self.selected = selected
        self.warning = warning
        self.text = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )

    def paint_background(self, painter: QPainter, rect: QRect) -> None:
        """The selection or warning fill, and a warning's bar on the left edge."""
        colours = self.colours
        if self.selected:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self.palette.color(QPalette.ColorRole.Highlight))
            painter.drawRoundedRect(QRectF(rect), style.RADIUS, style.RADIUS)
        elif self.warning:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colours.warning_fill)
            painter.drawRoundedRect(QRectF(rect), style.RADIUS, style.RADIUS)
        if self.warning:
            painter.setBrush(colours.warning_text)
            painter.drawRoundedRect(QRectF(rect.x(), rect.y() + 4, 3, rect.height() - 8), 1.5, 1.5)

    def paint_title_line(
        self,
        painter: QPainter,
        inner: QRect,
        font: QFont,
        index: QModelIndex | QPersistentModelIndex,
    ) -> int:
        """Line 1: the star or warning mark, then the title. Returns the line's height."""
        colours, selected, warning = self.colours, self.selected, self.warning
        height = line_height(font)
        x = inner.x()
        painter.setFont(font)
        mark = WARNING if warning else STAR if index.data(FavouriteRole) else ""
        if mark:
            mark_colour = (
                self.text if selected else colours.warning_text if warning else colours.accent
            )
            painter.setPen(mark_colour)
            mark_w = QFontMetrics(font).horizontalAdvance(mark + " ")
            painter.drawText(
                QRect(x, inner.y(), mark_w, height), Qt.AlignmentFlag.AlignVCenter, mark
            )
            x += mark_w
        painter.setPen(colours.warning_text if warning and not selected else self.text)
        title = QFontMetrics(font).elidedText(
            str(index.data(Qt.ItemDataRole.DisplayRole) or ""),
            Qt.TextElideMode.ElideRight,
            inner.right() - x,
        )
        painter.drawText(
            QRect(x, inner.y(), inner.right() - x, height), Qt.AlignmentFlag.AlignVCenter, title
        )
        return height

    def paint_detail_line(
        self,
        painter: QPainter,
        inner: QRect,
        y: int,
        body_font: QFont,
        chip_font: QFont,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """Line 2: the snippet on the left, the category chip (and "recent") on the right."""
        selected, text = self.selected, self.text
        highlight = self.palette.color(QPalette.ColorRole.Highlight)
        body_h = max(line_height(body_font), line_height(chip_font) + 2)
        chip_text = str(index.data(CategoryRole) or "")
        if index.data(UsedRole) and not self.warning:
            chip_text = "↺ " + chip_text
        chip_w = QFontMetrics(chip_font).horizontalAdvance(chip_text) + 12
        chip_h = line_height(chip_font) + 2
        chip_rect = QRect(inner.right() - chip_w, y + (body_h - chip_h) // 2, chip_w, chip_h)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(style.mix(text, highlight, 0.8) if selected else self.colours.chip_fill)
        painter.drawRoundedRect(QRectF(chip_rect), chip_h / 2, chip_h / 2)
        painter.setFont(chip_font)
        painter.setPen(text if selected else self.colours.secondary)
        painter.drawText(chip_rect, Qt.AlignmentFlag.AlignCenter, chip_text)

        painter.setFont(body_font)
        painter.setPen(style.mix(text, highlight, 0.25) if selected else self.colours.secondary)
        snippet_w = chip_rect.x() - inner.x() - 8
        snippet = QFontMetrics(body_font).elidedText(
            str(index.data(SnippetRole) or ""), Qt.TextElideMode.ElideRight, snippet_w
        )
        painter.drawText(
            QRect(inner.x(), y, snippet_w, body_h), Qt.AlignmentFlag.AlignVCenter, snippet
        )
