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
        self._colour_key = -1
        self._colour_set: style.Colours | None = None

    def measures(self, option: QStyleOptionViewItem) -> _Fonts:
        base = option.font
        key = base.key()
        found = self._measures.get(key)
        if found is None:
            found = self._measures[key] = _measure(base)
        return found

    def fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        m = self.measures(option)
        return m.title, m.body, m.chip

    def _colours(self, palette: QPalette) -> style.Colours:
        key = palette.cacheKey()
        if self._colour_set is None or key != self._colour_key:
            self._colour_key, self._colour_set = key, style.colours(palette)
        return self._colour_set

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
        m = self.measures(option)
        title_font, body_font, chip_font = m.title, m.body, m.chip
        palette = option.palette
        colours = self._colours(palette)
        selected = is_selected(option, index)
        warning = bool(index.data(WarningRole))
        rect = option.rect.adjusted(0, 1, 0, -1)

        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if selected:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
            painter.drawRoundedRect(QRectF(rect), style.RADIUS, style.RADIUS)
        elif warning:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colours.warning_fill)
            painter.drawRoundedRect(QRectF(rect), style.RADIUS, style.RADIUS)
        if warning:
            painter.setBrush(colours.warning_text)
            painter.drawRoundedRect(QRectF(rect.x(), rect.y() + 4, 3, rect.height() - 8), 1.5, 1.5)

        text_colour = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        secondary = (
            style.mix(text_colour, palette.color(QPalette.ColorRole.Highlight), 0.25)
            if selected
            else colours.secondary
        )
        inner = rect.adjusted(
            style.ROW_PAD_X, style.ROW_PAD_Y - 1, -style.ROW_PAD_X, -style.ROW_PAD_Y + 1
        )

        # Line 1: star or warning mark, then the title.
        title_h = m.title_h
        x = inner.x()
        painter.setFont(title_font)
        mark = WARNING if warning else STAR if index.data(FavouriteRole) else ""
        if mark:
            mark_colour = (
                text_colour if selected else colours.warning_text if warning else colours.accent
            )
            painter.setPen(mark_colour)
            mark_w = m.title_metrics.horizontalAdvance(mark + " ")
            painter.drawText(
                QRect(x, inner.y(), mark_w, title_h), Qt.AlignmentFlag.AlignVCenter, mark
            )
            x += mark_w
        painter.setPen(colours.warning_text if warning and not selected else text_colour)
        title = m.title_metrics.elidedText(
            str(index.data(Qt.ItemDataRole.DisplayRole) or ""),
            Qt.TextElideMode.ElideRight,
            inner.right() - x,
        )
        painter.drawText(
            QRect(x, inner.y(), inner.right() - x, title_h), Qt.AlignmentFlag.AlignVCenter, title
        )

        # Line 2: snippet on the left, category chip (and "recent") on the right.
        y = inner.y() + title_h + style.ROW_GAP
        body_h = m.body_h
        chip_text = str(index.data(CategoryRole) or "")
        if index.data(UsedRole) and not warning:
            chip_text = "↺ " + chip_text
        chip_w = m.chip_metrics.horizontalAdvance(chip_text) + 12
        chip_h = m.chip_h
        chip_rect = QRect(inner.right() - chip_w, y + (body_h - chip_h) // 2, chip_w, chip_h)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(
            style.mix(text_colour, palette.color(QPalette.ColorRole.Highlight), 0.8)
            if selected
            else colours.chip_fill
        )
        painter.drawRoundedRect(QRectF(chip_rect), chip_h / 2, chip_h / 2)
        painter.setFont(chip_font)
        painter.setPen(text_colour if selected else colours.secondary)
        painter.drawText(chip_rect, Qt.AlignmentFlag.AlignCenter, chip_text)

        painter.setFont(body_font)
        painter.setPen(secondary)
        snippet_w = chip_rect.x() - inner.x() - 8
        snippet = m.body_metrics.elidedText(
            str(index.data(SnippetRole) or ""), Qt.TextElideMode.ElideRight, snippet_w
        )
        painter.drawText(
            QRect(inner.x(), y, snippet_w, body_h), Qt.AlignmentFlag.AlignVCenter, snippet
        )
        painter.restore()
