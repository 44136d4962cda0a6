"""Asking where to save a file, in the panel's language.

Where the desktop has a dialog of its own (Windows, macOS, a GTK desktop), Qt shows
that one, in the desktop's language. Elsewhere it is Qt's own dialog: its words come
from Qt's catalogue and our supplement (``assistant/ui/i18n.py``), but its file list
writes sizes and dates in the system's locale ("3 bytes", "4 12 2026") whatever the
panel speaks. A proxy writes them in the panel's instead.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QIdentityProxyModel, QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QFileSystemModel, QWidget

SIZE, MODIFIED = 1, 3  # QFileSystemModel's columns


class PanelLocaleFiles(QIdentityProxyModel):
    """The file dialog's list with sizes and dates in the default (the panel's) locale."""

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        source = self.sourceModel()
        if (
            role == Qt.ItemDataRole.DisplayRole
            and index.column() in (SIZE, MODIFIED)
            and isinstance(source, QFileSystemModel)
        ):
            info = source.fileInfo(self.mapToSource(index))
            if index.column() == MODIFIED:
                return QLocale().toString(info.lastModified(), QLocale.FormatType.ShortFormat)
            return "" if info.isDir() else QLocale().formattedDataSize(info.size())
        return super().data(index, role)


def ask_save_path(parent: QWidget, title: str, suggested: str, filters: str) -> Path | None:
    """The file the agent chose to write, or None when they cancelled."""
    dialog = QFileDialog(parent, title, suggested, filters)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setProxyModel(PanelLocaleFiles(dialog))  # ignored by a desktop's own dialog
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.selectedFiles():
            return Path(dialog.selectedFiles()[0])
        return None
    finally:
        dialog.deleteLater()
