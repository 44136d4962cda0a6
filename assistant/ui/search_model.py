"""The result list as a Qt item model: fed whole by ``set_rows``, no queries of its own."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from assistant.playbooks.model import Entry
from assistant.ui.labels import category_label
from assistant.ui.state import Row
from assistant.ui.wording import plain_text

EntryRole = Qt.ItemDataRole.UserRole + 1
SnippetRole = Qt.ItemDataRole.UserRole + 2
CategoryRole = Qt.ItemDataRole.UserRole + 3
FavouriteRole = Qt.ItemDataRole.UserRole + 4
WarningRole = Qt.ItemDataRole.UserRole + 5
UsedRole = Qt.ItemDataRole.UserRole + 6

AnyIndex = QModelIndex | QPersistentModelIndex


def snippet(entry: Entry, limit: int = 120) -> str:
    """The start of the body on one line, blanks shown by their labels."""
    line = " ".join(plain_text(entry, entry.body).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


class EntryListModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []
        self._snippets: list[str | None] = []

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._snippets = [None] * len(self._rows)
        self.endResetModel()

    def row(self, index: int) -> Row | None:
        return self._rows[index] if 0 <= index < len(self._rows) else None

    def find(self, entry_id: str) -> int:
        for i, row in enumerate(self._rows):
            if row.entry.id == entry_id:
                return i
        return -1

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.model() is not self or index.column() != 0:
            return None
        i = index.row()
        if not 0 <= i < len(self._rows):
            return None
        row = self._rows[i]
        entry = row.entry
        if role == Qt.ItemDataRole.DisplayRole:
            return entry.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return entry.title if not entry.when_to_use else f"{entry.title}\n{entry.when_to_use}"
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return self._snippet(i)
        if role == EntryRole:
            return entry
        if role == SnippetRole:
            return self._snippet(i)
        if role == CategoryRole:
            return category_label(entry.category)
        if role == FavouriteRole:
            return row.favourite
        if role == WarningRole:
            return entry.category == "taboo"
        if role == UsedRole:
            return row.used
        return None

    def _snippet(self, i: int) -> str:
        text = self._snippets[i]
        if text is None:
            text = self._snippets[i] = snippet(self._rows[i].entry)
        return text

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )
