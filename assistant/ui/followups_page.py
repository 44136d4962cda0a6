"""The follow-up list across all records: open ones, soonest due first; overdue in
red, due within half an hour highlighted. Mark done, snooze, open the record.

The model holds rows given by ``set_rows`` and runs no queries; the controller
loads them on the worker thread.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QBrush, QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from assistant.notes.service import FollowUpRow, is_due_soon, is_overdue
from assistant.ui import style
from assistant.ui.entry_delegate import line_height

RowRole = Qt.ItemDataRole.UserRole + 1
StateRole = Qt.ItemDataRole.UserRole + 2  # "overdue", "soon" or ""
DueTextRole = Qt.ItemDataRole.UserRole + 3

AnyIndex = QModelIndex | QPersistentModelIndex


def due_words(due: datetime | None, now: datetime) -> str:
    if due is None:
        return "—"
    local, today = due.astimezone(), now.astimezone().date()
    if local.date() == today:
        return local.strftime("%H:%M")
    return local.strftime("%m-%d %H:%M")


def whose(row: FollowUpRow) -> str:
    """A row's second line: the customer, how to reach them, the request. A record
    without a contact says so, to be filled in before the call back."""
    contact = row.contact or QCoreApplication.translate("FollowUpListModel", "no contact yet")
    return " · ".join(p for p in (row.customer, contact, row.request) if p)


class FollowUpListModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[FollowUpRow] = []
        self._now: datetime | None = None

    def set_rows(self, rows: list[FollowUpRow], now: datetime) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._now = now
        self.endResetModel()

    def set_now(self, now: datetime) -> None:
        """Judge overdue and due soon again at ``now`` (no reset: selection stays)."""
        self._now = now
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0))

    def row(self, index: int) -> FollowUpRow | None:
        return self._rows[index] if 0 <= index < len(self._rows) else None

    def find(self, followup_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == followup_id), -1)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def _state(self, row: FollowUpRow) -> str:
        if self._now is None:
            return ""
        if is_overdue(row.due_at, self._now):
            return "overdue"
        return "soon" if is_due_soon(row.due_at, self._now) else ""

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.model() is not self or index.column() != 0:
            return None
        row = self.row(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            now = self._now or datetime.now().astimezone()
            head = " · ".join(p for p in (due_words(row.due_at, now), row.owner, row.plan) if p)
            return head + "\n" + whose(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            state = self._state(row)
            when = row.due_at.astimezone().strftime("%Y-%m-%d %H:%M") if row.due_at else "—"
            prefix = {
                "overdue": self.tr("Overdue since %1"),
                "soon": self.tr("Due soon: %1"),
            }.get(state, self.tr("Due %1"))
            return prefix.replace("%1", when)
        if role == RowRole:
            return row
        if role == DueTextRole:
            return due_words(row.due_at, self._now or datetime.now().astimezone())
        if role == StateRole:
            return self._state(row)
        palette = QApplication.palette()
        colours = style.colours(palette)
        if role == Qt.ItemDataRole.ForegroundRole and self._state(row) == "overdue":
            return QBrush(colours.danger)
        if role == Qt.ItemDataRole.BackgroundRole and self._state(row) == "soon":
            return QBrush(colours.warning_fill)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )


class FollowUpDelegate(QStyledItemDelegate):
    """Due time first (red when overdue, marked when due soon), then owner and plan;
    the customer, contact and request under it."""

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        head, tail = self._fonts(option)
        height = 2 * style.ROW_PAD_Y + line_height(head) + style.ROW_GAP + line_height(tail)
        return QSize(max(option.rect.width(), 200), height)

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        return style.scaled(option.font, 1.0, QFont.Weight.DemiBold), style.scaled(option.font, 0.9)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        row = index.data(RowRole)
        if not isinstance(row, FollowUpRow):
            return
        state = index.data(StateRole) or ""
        head_font, tail_font = self._fonts(option)
        palette = option.palette
        colours = style.colours(palette)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        # Overdue in red, due soon in the warning colour: the bar, the due time, the chip.
        state_colour = colours.danger if state == "overdue" else colours.warning_text
        text = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        rect = option.rect.adjusted(0, 1, 0, -1)
        inner = rect.adjusted(style.ROW_PAD_X, style.ROW_PAD_Y - 1, -style.ROW_PAD_X, 0)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        if selected:
            painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
            painter.drawRoundedRect(QRectF(rect), style.RADIUS, style.RADIUS)
        elif state == "soon":
            painter.setBrush(colours.warning_fill)
            painter.drawRoundedRect(QRectF(rect), style.RADIUS, style.RADIUS)
        if state:
            painter.setBrush(state_colour)
            painter.drawRoundedRect(QRectF(rect.x(), rect.y() + 4, 3, rect.height() - 8), 1.5, 1.5)
        due = index.data(DueTextRole) or "—"
        due_colour = state_colour if state and not selected else text
        head_h = self._paint_head(painter, inner, head_font, (due, due_colour), row, text)
        tail_colour = text if selected else colours.secondary
        y = inner.y() + head_h + style.ROW_GAP
        room = self._paint_chip(painter, inner, y, tail_font, state, state_colour, palette)
        painter.setPen(tail_colour)
        tail_h = line_height(tail_font)
        painter.drawText(
            QRect(inner.x(), y, room, tail_h),
            Qt.AlignmentFlag.AlignVCenter,
            QFontMetrics(tail_font).elidedText(whose(row), Qt.TextElideMode.ElideRight, room),
        )
        painter.restore()

    def _paint_head(
        self,
        painter: QPainter,
        inner: QRect,
        font: QFont,
        due: tuple[str, QColor],
        row: FollowUpRow,
        text: QColor,
    ) -> int:
        """The first line: the due time (in its colour), then owner and plan. Returns
        the line's height."""
        due_text, due_colour = due
        height = line_height(font)
        painter.setFont(font)
        due_w = QFontMetrics(font).horizontalAdvance(due_text + "  ")
        painter.setPen(due_colour)
        painter.drawText(
            QRect(inner.x(), inner.y(), due_w, height), Qt.AlignmentFlag.AlignVCenter, due_text
        )
        rest = " · ".join(p for p in (row.owner, row.plan) if p)
        width = inner.right() - inner.x() - due_w
        painter.setPen(text)
        painter.drawText(
            QRect(inner.x() + due_w, inner.y(), width, height),
            Qt.AlignmentFlag.AlignVCenter,
            QFontMetrics(font).elidedText(rest, Qt.TextElideMode.ElideRight, width),
        )
        return height

    def _paint_chip(
        self,
        painter: QPainter,
        inner: QRect,
        y: int,
        font: QFont,
        state: str,
        colour: QColor,
        palette: QPalette,
    ) -> int:
        """On the second line's right, "overdue" or "due soon" in words (not by colour
        alone). Sets the line's font; returns the width left of the chip."""
        painter.setFont(font)
        room = inner.width()
        chip = {"overdue": self.tr("overdue"), "soon": self.tr("due soon")}.get(state)
        if chip:
            height = line_height(font)
            chip_w = QFontMetrics(font).horizontalAdvance(chip) + 12
            chip_rect = QRect(inner.right() - chip_w, y, chip_w, height)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(QRectF(chip_rect), height / 2, height / 2)
            painter.setPen(QColor("white") if not style.is_dark(palette) else QColor("black"))
            painter.drawText(chip_rect, Qt.AlignmentFlag.AlignCenter, chip)
            room -= chip_w + 8
        return room


class FollowUpsPage(QWidget):
    open_requested = Signal(str)  # call id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 0)
        layout.setSpacing(6)
        self.heading = QLabel()
        self.heading.setObjectName("caption")
        layout.addWidget(self.heading)
        self.model = FollowUpListModel(self)
        self.list = QListView()
        self.list.setObjectName("followups")
        self.list.setModel(self.model)
        self.list.setItemDelegate(FollowUpDelegate(self.list))
        self.list.setSpacing(1)
        self.list.setUniformItemSizes(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.activated.connect(lambda _i: self.open_current())
        self.empty = QLabel(self.tr("No open follow-ups. Dated promises you copy can add one."))
        self.empty.setObjectName("caption")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)

        bar = QHBoxLayout()
        bar.setSpacing(4)
        self.done_button, self.snooze_button = QToolButton(), QToolButton()
        self.open_button, self.export_button = QToolButton(), QToolButton()
        self.snooze_menu = QMenu(self)
        for button in (self.done_button, self.snooze_button, self.open_button):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.export_button)
        layout.addLayout(bar)

    def bind(self, actions: dict[str, QAction], short: dict[str, str]) -> None:
        for name, button in (
            ("mark_done", self.done_button),
            ("snooze", self.snooze_button),
            ("open_record", self.open_button),
            ("export", self.export_button),
        ):
            actions[name].setIconText(short[name])
            button.setDefaultAction(actions[name])
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAutoRaise(True)

    def show_rows(self, rows: list[FollowUpRow], now: datetime) -> None:
        current = self.current()
        self.model.set_rows(rows, now)
        overdue = sum(1 for r in rows if is_overdue(r.due_at, now))
        text = self.tr("%n open follow-up(s)", "", len(rows))
        if overdue:
            text += " · " + self.tr("%n overdue", "", overdue)
        self.heading.setText(text)
        self.empty.setVisible(not rows)
        self.list.setVisible(bool(rows))
        row = self.model.find(current.id) if current is not None else -1
        if rows:
            self.list.setCurrentIndex(self.model.index(max(row, 0), 0))

    def current(self) -> FollowUpRow | None:
        return self.model.row(self.list.currentIndex().row())

    def open_current(self) -> None:
        row = self.current()
        if row is not None:
            self.open_requested.emit(row.call_id)
