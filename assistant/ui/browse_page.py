"""The list page: results above, the action buttons and the preview below."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from assistant.playbooks.model import Entry
from assistant.ui.entry_delegate import EntryDelegate
from assistant.ui.preview import Preview
from assistant.ui.search_model import EntryListModel
from assistant.ui.state import Row


class BrowsePage(QSplitter):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.model = EntryListModel(self)
        self.results = QListView()
        self.results.setObjectName("results")
        self.results.setModel(self.model)
        self.results.setItemDelegate(EntryDelegate(self.results))
        # Focus stays in the search line; the list follows its arrow keys.
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.results.setUniformItemSizes(True)
        self.results.setSpacing(1)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.empty = QLabel()
        self.empty.setObjectName("caption")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.preview = Preview()
        self.copy_button, self.fill_button = QToolButton(), QToolButton()
        self.star_button, self.next_button = QToolButton(), QToolButton()
        bar = QHBoxLayout()
        bar.setSpacing(4)
        for button in (self.copy_button, self.fill_button, self.star_button, self.next_button):
            bar.addWidget(button)
        bar.addStretch(1)

        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.empty)
        upper_layout.addWidget(self.results, 1)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 6, 0, 0)
        lower_layout.setSpacing(4)
        lower_layout.addLayout(bar)
        lower_layout.addWidget(self.preview, 1)
        self.setChildrenCollapsible(False)
        self.addWidget(upper)
        self.addWidget(lower)
        self.setStretchFactor(0, 3)
        self.setStretchFactor(1, 2)
        self._shared = False

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self._shared and self.isVisible() and self.height() > 200:
            # First real size: results get three fifths, whatever the hints say.
            self._shared = True
            self.setSizes([self.height() * 3 // 5, self.height() * 2 // 5])

    def show_rows(self, rows: list[Row], keep: Entry | None, empty_text: str) -> None:
        """Show ``rows``; select ``keep`` if it is still there, else the best row."""
        self.model.set_rows(rows)
        row = self.model.find(keep.id) if keep is not None else -1
        self.select(max(row, 0))
        self.empty.setText(empty_text)
        self.empty.setVisible(not rows)

    def select(self, row: int) -> None:
        if not 0 <= row < self.model.rowCount():
            return
        index = self.model.index(row, 0)
        self.results.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.results.scrollTo(index)

    def move_selection(self, step: int) -> None:
        if self.model.rowCount():
            current = self.results.currentIndex().row()
            self.select(min(max(current + step, 0), self.model.rowCount() - 1))

    def current_row(self) -> Row | None:
        return self.model.row(self.results.currentIndex().row())
