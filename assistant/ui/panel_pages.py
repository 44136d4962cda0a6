"""The panel's pages: Playbook, Notes, Follow-ups, My shift (Ctrl+1/2/3/4), and the export page
reached from the follow-ups. A flat tab row on top switches them; pages other than
the playbook are made the first time they are needed, so the first paint stays
cheap.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QStackedWidget, QTabBar, QWidget

# Tab index of each page; the export page shows under the follow-ups tab.
TABS = {"playbook": 0, "notes": 1, "followups": 2, "export": 2, "shift": 3}
_TAB_ACTIONS = ("show_playbook", "show_notes", "show_followups", "show_shift")


class PanelPages(QObject):
    changed = Signal(str)  # the page now shown

    def __init__(self, playbook: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tabs = QTabBar()
        self.tabs.setObjectName("pages")
        self.tabs.setDrawBase(False)
        self.tabs.setExpanding(False)
        self.tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tabs.setUsesScrollButtons(False)
        self.tabs.setElideMode(Qt.TextElideMode.ElideNone)
        for text in (
            self.tr("Playbook"),
            self.tr("Notes"),
            self.tr("Follow-ups"),
            self.tr("Shift"),
        ):
            self.tabs.addTab(text)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.stack = QStackedWidget()
        self.stack.addWidget(playbook)
        self._pages: dict[str, QWidget] = {"playbook": playbook}
        self._makers: dict[str, Callable[[], QWidget]] = {}
        self._current = "playbook"

    def top_row(self, right: QWidget) -> QHBoxLayout:
        """The tabs, and ``right`` (the call timer) at the other end."""
        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(self.tabs)
        row.addStretch(1)
        row.addWidget(right)
        return row

    def show_keys(self) -> None:
        """Each tab's tooltip, with its keys (set with the panel's actions)."""
        from assistant.ui.actions import ACTIONS, tooltip

        specs = {spec.name: spec for spec in ACTIONS}
        for index, action in enumerate(_TAB_ACTIONS):
            self.tabs.setTabToolTip(index, tooltip(specs[action]))

    def register(self, name: str, maker: Callable[[], QWidget]) -> None:
        self._makers[name] = maker

    def made(self, name: str) -> bool:
        return name in self._pages

    def page(self, name: str) -> QWidget:
        """The page, made now if it was not yet."""
        page = self._pages.get(name)
        if page is None:
            page = self._makers[name]()
            self._pages[name] = page
            self.stack.addWidget(page)
        return page

    def show(self, name: str) -> QWidget:
        page = self.page(name)
        self._current = name
        self.stack.setCurrentWidget(page)
        if self.tabs.currentIndex() != TABS[name]:
            self.tabs.blockSignals(True)
            self.tabs.setCurrentIndex(TABS[name])
            self.tabs.blockSignals(False)
        self.changed.emit(name)
        return page

    def current(self) -> str:
        return self._current

    def _tab_changed(self, index: int) -> None:
        name = next(n for n, i in TABS.items() if i == index)
        self.show(name)
