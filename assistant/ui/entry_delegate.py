"""How one result looks: star and title, then a one-line snippet and the category.

Heights come from the fonts' own metrics (with a CJK sample), so Chinese text is
never clipped at any scale; long lines are elided, never cut.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRect, QRectF, QSize, Qt
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


class _Fonts(NamedTuple):
    """A row's fonts and their measures, worked out once per base font: a window
    shown again repaints every visible row, and the summon key waits for that."""

    title: QFont
    body: QFont
    chip: QFont
    mark: QFont  # the in-call check in the left margin
    title_metrics: QFontMetrics
    body_metrics: QFontMetrics
    chip_metrics: QFontMetrics
    title_h: int
    body_h: int  # the second line: snippet and chip
    chip_h: int


def _measure(base: QFont) -> _Fonts:
    title = style.scaled(base, 1.08, QFont.Weight.DemiBold)
    body = style.scaled(base, 0.95)
    chip = style.scaled(base, 0.85)
    chip_h = line_height(chip) + 2
    return _Fonts(
        title,
        body,
        chip,
        style.scaled(base, 0.8, QFont.Weight.Bold),
        QFontMetrics(title),
        QFontMetrics(body),
        QFontMetrics(chip),
        line_height(title),
        max(line_height(body), chip_h),
        chip_h,
    )


class EntryDelegate(QStyledItemDelegate):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._measures: dict[str, _Fonts] = {}

    def measures(self, option: QStyleOptionViewItem) -> _Fonts:
        base = option.font
        key = base.key()
        found = self._measures.get(key)
        if found is None:
            found = self._measures[key] = _measure(base)
        return found

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        m = self.measures(option)
        height = 2 * style.ROW_PAD_Y + m.title_h + style.ROW_GAP + m.body_h
        return QSize(max(option.rect.width(), 200), height)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        warning = bool(index.data(WarningRole))
        palette = option.palette
        look = _RowLook(
            palette,
            style.colours(palette),
            self.measures(option),
            is_selected(option, index),
            warning,
        )
        rect = option.rect.adjusted(0, 1, 0, -1)
        inner = rect.adjusted(
            style.ROW_PAD_X, style.ROW_PAD_Y - 1, -style.ROW_PAD_X, -style.ROW_PAD_Y + 1
        )
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        look.paint_background(painter, rect)
        look.paint_title_line(painter, inner, index)
        look.paint_detail_line(painter, inner, inner.y() + look.m.title_h + style.ROW_GAP, index)
        painter.restore()


class _RowLook:
    """One row's colours, which follow its state (selected, a warning), and its
    painting line by line."""

    def __init__(
        self, palette: QPalette, colours: style.Colours, m: _Fonts, selected: bool, warning: bool
    ) -> None:
        self.palette = palette
        self.colours = colours
        self.m = m
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
        self, painter: QPainter, inner: QRect, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        """Line 1: the star or warning mark, then the title."""
        colours, selected, warning, m = self.colours, self.selected, self.warning, self.m
        x = inner.x()
        painter.setFont(m.title)
        mark = WARNING if warning else STAR if index.data(FavouriteRole) else ""
        if mark:
            mark_colour = (
                self.text if selected else colours.warning_text if warning else colours.accent
            )
            painter.setPen(mark_colour)
            mark_w = m.title_metrics.horizontalAdvance(mark + " ")
            painter.drawText(
                QRect(x, inner.y(), mark_w, m.title_h), Qt.AlignmentFlag.AlignVCenter, mark
            )
            x += mark_w
        painter.setPen(colours.warning_text if warning and not selected else self.text)
        title = m.title_metrics.elidedText(
            str(index.data(Qt.ItemDataRole.DisplayRole) or ""),
            Qt.TextElideMode.ElideRight,
            inner.right() - x,
        )
        painter.drawText(
            QRect(x, inner.y(), inner.right() - x, m.title_h), Qt.AlignmentFlag.AlignVCenter, title
        )

    def paint_detail_line(
        self, painter: QPainter, inner: QRect, y: int, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        """Line 2: the snippet on the left, the category chip (and "recent") on the right."""
        selected, text, m = self.selected, self.text, self.m
        highlight = self.palette.color(QPalette.ColorRole.Highlight)
        chip_text = str(index.data(CategoryRole) or "")
        if index.data(UsedRole) and not self.warning:
            chip_text = "↺ " + chip_text
        chip_w = m.chip_metrics.horizontalAdvance(chip_text) + 12
        chip_h = m.chip_h
        chip_rect = QRect(inner.right() - chip_w, y + (m.body_h - chip_h) // 2, chip_w, chip_h)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(style.mix(text, highlight, 0.8) if selected else self.colours.chip_fill)
        painter.drawRoundedRect(QRectF(chip_rect), chip_h / 2, chip_h / 2)
        painter.setFont(m.chip)
        painter.setPen(text if selected else self.colours.secondary)
        painter.drawText(chip_rect, Qt.AlignmentFlag.AlignCenter, chip_text)

        painter.setFont(m.body)
        painter.setPen(style.mix(text, highlight, 0.25) if selected else self.colours.secondary)
        snippet_w = chip_rect.x() - inner.x() - 8
        snippet = m.body_metrics.elidedText(
            str(index.data(SnippetRole) or ""), Qt.TextElideMode.ElideRight, snippet_w
        )
        painter.drawText(
            QRect(inner.x(), y, snippet_w, m.body_h), Qt.AlignmentFlag.AlignVCenter, snippet
        )
