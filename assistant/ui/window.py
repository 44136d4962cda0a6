"""The panel: the page tabs and call timer, banners, the playbook page (search,
results, preview, fill-in form), the notes and follow-up pages, the status line.

It stays on top of the softphone without taking focus from it when it opens or
updates, never hides because focus moved elsewhere, and keeps out of the task bar.
The window is thin: it asks :class:`PanelState` for rows and values, and the core
for rendering, and shows what comes back.

It is also the one place that wires the panel: it builds the controllers (notes,
follow-ups, copying, own phrases), hands each the little of the panel it needs
(their protocols: ``NotesPanel``, ``FollowUpPanel``, ``CopyPanel``,
``PhrasePanel``, which this window meets) and connects their signals to one
another. No controller imports this module.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent, QPaintEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from assistant.playbooks.model import CATEGORIES, EMOTION_STAGES, Entry
from assistant.settings import Settings
from assistant.ui import style
from assistant.ui.banner import Banner
from assistant.ui.browse_page import BrowsePage
from assistant.ui.call_marks import InCallDelegate
from assistant.ui.clipboard import Clipboard
from assistant.ui.copying import CopyFlow
from assistant.ui.dock import Dock
from assistant.ui.followup_flow import FollowUpFlow
from assistant.ui.labels import category_label, stage_label
from assistant.ui.notes_controller import NotesController
from assistant.ui.panel_pages import PanelPages
from assistant.ui.phrase_flow import PhraseFlow
from assistant.ui.search_field import SearchField
from assistant.ui.soon import soon
from assistant.ui.startup import SETTLE_FALLBACK_MS, SETTLE_MS, SYNC_DELAY_MS, WIRE_UP_MS
from assistant.ui.state import PanelState
from assistant.ui.wording import wordings

if TYPE_CHECKING:
    from datetime import datetime

    from PySide6.QtGui import QAction

    from assistant.ui.actions import ShortcutGuard
    from assistant.ui.fill_form import FillForm
    from assistant.ui.shift_page import ShiftFlow
    from assistant.ui.team_sync import PanelSync

WINDOW_FLAGS = Qt.WindowType.Tool | Qt.WindowType.WindowStaysOnTopHint


class PaletteWatch(QObject):
    """Calls back when the desktop's palette changes (light or dark, say).

    An event filter on the panel installed after the first paint, rather than the
    panel handling ``event()`` itself: the first plain ``QEvent`` PySide6 hands to
    Python makes it build some sixty event classes (see startup).
    """

    def __init__(self, window: QWidget, changed: Callable[[], object]) -> None:
        super().__init__(window)
        self._changed = changed
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ApplicationPaletteChange:
            self._changed()
        return False


class MainWindow(QWidget):
    first_painted = Signal()
    ready = Signal()  # painted, playbook loaded, current query answered
    copied = Signal(str, str, object)  # entry id, text, {placeholder: due datetime}
    quit_requested = Signal()
    settings_changed = Signal()

    def __init__(
        self,
        state: PanelState,
        clipboard: Clipboard,
        persist: Callable[[Settings], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, WINDOW_FLAGS)
        self.state = state
        self.clipboard = clipboard
        self._persist = persist
        # Replaced by tests: shows the dialog, returns new settings or None.
        self.ask_settings: Callable[[Settings], Settings | None] = self._ask_settings
        self._painted = False
        self._ready = False
        self._enter_waiting: bool | None = None  # Enter (with Shift?) while the playbook loads
        self._wording = 0
        self._shown_id: str | None = None
        self.setWindowTitle(self.tr("Agent Assist"))
        self.setObjectName("panel")
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setAttribute(Qt.WidgetAttribute.WA_MacAlwaysShowToolWindow)
        self.notes = NotesController(state, self, self)
        self._build()
        self.followups = FollowUpFlow(state, self.notes, self, self)
        self._shift: ShiftFlow | None = None
        self.pages.register("shift", lambda: self.shift.page)
        self.copying = CopyFlow(state, self, self)
        self._wire_controllers()
        # The actions (every key, and the tooltips that name them) exist before the
        # first paint, so a key pressed the moment the panel shows is never lost
        # (about a millisecond). The guard and the palette watch, Python event filters,
        # come a moment after it (see startup).
        self._actions: dict[str, QAction] | None = None
        self._shortcut_guard: ShortcutGuard | None = None
        self.palette_watch: PaletteWatch | None = None
        self._wire_up_soon = soon(self, self._wire_up, WIRE_UP_MS)
        self.dock = Dock(self, lambda: self.state.settings, self._change_settings)
        state.library_loaded.connect(self._library_loaded)
        # After: its status line follows the count's.
        self.phrases = PhraseFlow(state, self, self.copying, self.notes, self)
        self.phrases.published.connect(self._sync_now)  # this panel gets the pack now too
        state.usage_changed.connect(lambda: self.refresh(keep_selection=True))
        state.notice.connect(lambda text: self.show_status(text, error=True))
        self._usage_soon = soon(self, self.state.load_usage)
        # Once the playbook is in (or a while after the first paint if it fails): drafts
        # left behind, due follow-ups, the daily backup; never in the way of start-up.
        self._settle_soon = soon(self, self._settle, SETTLE_MS)
        self._settle_later = soon(self, self._settle, SETTLE_FALLBACK_MS)
        self._restyle_soon = soon(self, self._restyle)
        # Team sync (when a server is set): a while after start, every few minutes, and
        # after each finalise; its status goes to the status line, offline quietly.
        self._sync_soon = soon(self, self._start_sync, SYNC_DELAY_MS)
        self.team_sync: PanelSync | None = None
        # Queued: the playbook loads once the paint event is over, not inside it.
        self.first_painted.connect(self._after_first_paint, Qt.ConnectionType.QueuedConnection)
        self._restyle()
        self.show_status(self.tr("Loading playbook…"))
        self.refresh()  # the loading state, until the playbook arrives
        self._make_actions()
        self.dock.place()

    # -- building ---------------------------------------------------------------------

    def _build(self) -> None:
        """The tabs and call timer, a banner, the pages (the playbook first), the
        status line."""
        outer = QVBoxLayout(self)
        outer.setContentsMargins(style.MARGIN, style.MARGIN - 4, style.MARGIN, style.MARGIN - 4)
        outer.setSpacing(style.SPACING)
        self.pages = PanelPages(self._playbook_page(), self)
        self.banner = Banner()
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.status.setFont(style.scaled(self.font(), 0.9))
        outer.addLayout(self.pages.top_row(self.notes.timer))
        outer.addWidget(self.banner)
        outer.addWidget(self.pages.stack, 1)
        outer.addWidget(self.status)
        self.setMinimumWidth(260)
        for button, text in self._buttons().values():
            style.flat_button(button, text)

    def _playbook_page(self) -> QWidget:
        """The search field, the filters and buttons, and the results with the
        preview (or the fill-in form, or the cheat sheet, in their place)."""
        playbook = QWidget()
        page = QVBoxLayout(playbook)
        page.setContentsMargins(0, 0, 0, 0)
        page.setSpacing(style.SPACING)
        self._make_search_field()
        self.browse = self.splitter = BrowsePage()
        self.model, self.results = self.browse.model, self.browse.results
        self.results.setItemDelegate(InCallDelegate(self.notes.used, self.results))
        self.empty, self.preview = self.browse.empty, self.browse.preview
        self.copy_button, self.fill_button = self.browse.copy_button, self.browse.fill_button
        self.star_button, self.next_button = self.browse.star_button, self.browse.next_button
        self.results.selectionModel().currentChanged.connect(lambda *_: self._selection_changed())
        self.results.doubleClicked.connect(lambda _i: self.copy_selected())
        self.stack = QStackedWidget()
        self.stack.addWidget(self.splitter)
        self._cheat_sheet: QWidget | None = None  # made when first asked for
        page.addWidget(self.search)
        page.addLayout(self._filters())
        page.addWidget(self.stack, 1)
        return playbook

    def _make_search_field(self) -> None:
        self.search = SearchField()
        self.search.setObjectName("search")
        self.search.setFont(style.scaled(self.font(), 1.15))
        self.search.setPlaceholderText(self.tr("Search: 中文, pinyin, English"))
        self.search.textChanged.connect(lambda _text: self.refresh())
        self.search.navigate.connect(self.move_selection)
        self.search.accepted.connect(self._enter_in_search)
        self.search.textChanged.connect(self._forget_waiting_enter)
        self.search.escape.connect(self.escape)

    def _filters(self) -> QHBoxLayout:
        """Category and stage, then the new-phrase, help and settings buttons."""
        filters = QHBoxLayout()
        filters.setSpacing(6)
        self.category = QComboBox()
        self.category.addItem(self.tr("All categories"), None)
        for name in CATEGORIES:
            self.category.addItem(category_label(name), name)
        self.stage = QComboBox()
        self.stage.addItem(self.tr("All stages"), None)
        for name in EMOTION_STAGES:
            self.stage.addItem(stage_label(name), name)
        for combo in (self.category, self.stage):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(4)
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
            combo.activated.connect(lambda _i: self.focus_search())
        # Every category name whole, in any language; the stage filter takes the rest.
        self.category.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.help_button = QToolButton()
        self.settings_button = QToolButton()
        self.phrase_button = QToolButton()
        for symbol in (self.help_button, self.settings_button, self.phrase_button):
            symbol.setObjectName("symbol")  # narrow: one sign, no words
        filters.addWidget(self.category)
        filters.addWidget(self.stage, 1)
        filters.addWidget(self.phrase_button)
        filters.addWidget(self.help_button)
        filters.addWidget(self.settings_button)
        return filters

    def _wire_controllers(self) -> None:
        """What one controller does that another (or the playbook) follows."""
        notes, followups = self.notes, self.followups
        notes.call_values_changed.connect(self.set_call_values)
        notes.used_changed.connect(lambda: self.refresh(keep_selection=True))
        notes.records_changed.connect(followups.reload)
        notes.page_made.connect(followups.fill_recent)
        self.pages.register("notes", lambda: notes.page)
        self.pages.register("followups", lambda: followups.page)
        self.pages.register("export", lambda: followups.export_page)
        self.pages.changed.connect(self._page_shown)
        self.copying.copied.connect(self.copied)
        self.copied.connect(self._copied)

    def _handlers(self) -> dict[str, Callable[[], object]]:
        return {
            "focus_search": self.focus_search,
            "favourite": self.toggle_favourite,
            "next_wording": lambda: self.cycle_wording(1),
            "previous_wording": lambda: self.cycle_wording(-1),
            "category_filter": lambda: self._open_filter(self.category),
            "stage_filter": lambda: self._open_filter(self.stage),
            "reset_filters": self.reset_filters,
            "hide_panel": self.hide_panel,
            "other_edge": self._other_edge,
            "next_screen": self._next_screen,
            "settings": self.open_settings,
            "cheat_sheet": self.toggle_cheat_sheet,
            "quit": self.quit_requested.emit,
            "copy": self.copy_selected,
            "fill_in": lambda: self.copy_selected(force_form=True),
            "show_playbook": self.focus_search,
            **self.notes.handlers(),
            **self.followups.handlers(),
            "show_shift": self.show_shift,
            **self.phrases.handlers(),
        }

    def _buttons(self) -> dict[str, tuple[QToolButton, str]]:
        """Each button by the name of its action, with its short text."""
        return {
            "copy": (self.copy_button, self.tr("Copy")),
            "fill_in": (self.fill_button, self.tr("Fill in…")),
            "favourite": (self.star_button, "☆"),
            "next_wording": (self.next_button, self.tr("Next wording")),
            "cheat_sheet": (self.help_button, "?"),
            "settings": (self.settings_button, "⚙"),
            "save_phrase": (self.phrase_button, "＋"),
        }

    @property
    def shift(self) -> ShiftFlow:
        """My shift (Ctrl+4), made when first shown."""
        if self._shift is None:
            from assistant.ui.shift_page import ShiftFlow

            self._shift = ShiftFlow(self.state, self.pages, self.show_status)
            self.notes.records_changed.connect(self._shift.records_changed)
        return self._shift

    def show_shift(self) -> None:
        self.shift.show()

    @property
    def actions_by_name(self) -> dict[str, QAction]:
        self._make_actions()
        assert self._actions is not None
        return self._actions

    @property
    def shortcut_guard(self) -> ShortcutGuard:
        """Lets the panel's keys win over the fields' own (watching the search field)."""
        if self._shortcut_guard is None:
            from assistant.ui.actions import ShortcutGuard

            # An event filter on the search field: made after the first paint, as the
            # first plain QEvent it is handed makes PySide6 build its event classes.
            self._shortcut_guard = ShortcutGuard(self)
            self._shortcut_guard.watch(self.search)
        return self._shortcut_guard

    @property
    def keys_ready(self) -> bool:
        """Whether the panel's keyboard shortcuts are registered, and win over the
        search field's own keys."""
        return self._actions is not None and self._shortcut_guard is not None

    def _make_actions(self) -> None:
        if self._actions is not None:
            return
        from assistant.ui.actions import bind_buttons, make_actions

        self._actions = make_actions(self, self._handlers())
        bind_buttons(self._actions, self._buttons())
        self.pages.show_keys()
        self._show_selection_state()

    def _restyle(self) -> None:
        palette = QApplication.palette()
        sheet = style.stylesheet(palette)
        if sheet != self.styleSheet():
            self.setStyleSheet(sheet)
            if self.model.rowCount():
                self._selection_changed()

    # -- start-up ----------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.dock.shown()
        if self.pages.current() == "playbook" and self.stack.currentWidget() is self.splitter:
            self.search.setFocus(Qt.FocusReason.OtherFocusReason)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.dock.resized()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()

    def _after_first_paint(self) -> None:
        if self.state.library is None:
            self.state.load_library()
        self._check_ready()
        self._wire_up_soon.start()
        self._settle_later.start()
        self._sync_soon.start()

    def _wire_up(self) -> None:
        _ = self.shortcut_guard
        # Light or dark: the desktop may switch; restyle once it settled. The first
        # restyle catches a switch made while the panel was starting.
        self.palette_watch = PaletteWatch(self, self._restyle_soon.start)
        self._restyle_soon.start()

    def _settle(self) -> None:
        self.followups.start()
        # The clear button's icon has Qt look through its icon and image plugins; the
        # field is empty at the first paint, so the button comes after (see startup).
        self.search.setClearButtonEnabled(True)

    def _start_sync(self) -> None:
        if not self.state.settings.sync_url or self.team_sync is not None:
            return
        from PySide6.QtWidgets import QApplication

        from assistant.ui.team_sync import PanelSync

        self.team_sync = PanelSync(self.state.paths, lambda: self.state.settings, parent=self)
        self.team_sync.status.connect(lambda text, error: self.show_status(text, error=error))
        self.team_sync.records_changed.connect(self.followups.reload)
        self.notes.saver.done.connect(self._sync_after_finalise)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.team_sync.shutdown)
        self.team_sync.start()

    def _sync_after_finalise(self, saved: object) -> None:
        values = getattr(saved, "values", None)
        if isinstance(values, dict) and values.get("status") == "final":
            self._sync_now()

    def _sync_now(self) -> None:
        if self.team_sync is not None:
            self.team_sync.request()

    def _library_loaded(self) -> None:
        library = self.state.library
        count = library.phrase_count if library is not None else 0
        self.show_status(self.tr("%n phrasing(s) · F1 for shortcuts", "", count))
        self.refresh()
        if self._enter_waiting is not None:
            shift, self._enter_waiting = self._enter_waiting, None
            self.copy_selected(force_form=shift)
        self._check_ready()
        # After the panel is usable: favourites and history re-rank it a moment later.
        self._usage_soon.start()
        self._settle_soon.start()

    def _enter_in_search(self, shift: bool) -> None:
        if self.state.library is None:
            # Typed and Enter before the playbook is in: copied once it is, not lost.
            self._enter_waiting = shift
            return
        self.copy_selected(force_form=shift)

    def _forget_waiting_enter(self) -> None:
        self._enter_waiting = None  # the query changed after Enter: the agent moved on

    def _check_ready(self) -> None:
        if not self._ready and self._painted and self.state.library is not None:
            self._ready = True
            self.ready.emit()

    @property
    def is_ready(self) -> bool:
        return self._ready

    # -- searching -----------------------------------------------------------------------

    def refresh(self, keep_selection: bool = False) -> None:
        previous = self.current_entry() if keep_selection else None
        rows = self.state.search(
            self.search.text(), self.category.currentData(), self.stage.currentData()
        )
        if self.state.library is None:
            empty = self.tr("Loading playbook…")
        else:
            empty = self.tr("Nothing matches. Try pinyin, fewer words, or Alt+0.")
        self.browse.show_rows(rows, previous, empty)
        if not rows:
            self._selection_changed()

    def move_selection(self, step: int) -> None:
        if self.stack.currentWidget() is self.browse:
            self.browse.move_selection(step)

    def current_entry(self) -> Entry | None:
        row = self.browse.current_row()
        return row.entry if row is not None else None

    def current_wording_of(self) -> tuple[Entry, str] | None:
        """The wording shown (Alt+→ / Alt+← move through them) and the entry it is
        of: the row's own, or the same phrase in another language."""
        entry = self.current_entry()
        if entry is None:
            return None
        options = wordings(entry, self._other_languages(entry))
        return options[self._wording % len(options)]

    def _other_languages(self, entry: Entry) -> list[Entry]:
        """The same intent in the agent's other phrase languages, in their order."""
        library = self.state.library
        if library is None:
            return []
        order = self.state.phrase_languages()
        others = [e for e in library.same_intent(entry.id) if e.language != entry.language]
        firsts = {e.language: e for e in reversed(others)}  # one per language, the first
        return sorted(firsts.values(), key=lambda e: order.index(e.language))

    def _selection_changed(self) -> None:
        entry = self.current_entry()
        if entry is None or entry.id != self._shown_id:
            # Already said in this call: another wording first (repeating one annoys).
            count = len(wordings(entry)) if entry is not None else 1
            self._wording = self.notes.first_wording(entry.id, count) if entry else 0
        self._shown_id = entry.id if entry is not None else None
        others = self._other_languages(entry) if entry is not None else []
        self.preview.show_entry(entry, self._wording, self.state.auto_values(), others)
        if entry is not None and self.notes.used(entry.id):
            used = self.tr("✓ used in this call")
            self.preview.meta.setText(f"{self.preview.meta.text()} · {used}")
        self._show_selection_state()

    def _show_selection_state(self) -> None:
        """The star and whether Copy and Fill in work, on the actions once they exist
        (their buttons follow them), on the buttons until then."""
        row = self.browse.current_row()
        star = "★" if row is not None and row.favourite else "☆"
        copyable = row is not None and row.entry.category != "taboo"
        if self._actions is None:
            self.star_button.setText(star)
            self.copy_button.setEnabled(copyable)
            self.fill_button.setEnabled(copyable)
        else:
            self._actions["favourite"].setIconText(star)
            self._actions["copy"].setEnabled(copyable)
            self._actions["fill_in"].setEnabled(copyable)

    def current_wording(self) -> int:
        return self._wording

    def cycle_wording(self, step: int) -> None:
        entry = self.current_entry()
        if entry is None or self.stack.currentWidget() is not self.splitter:
            return
        others = self._other_languages(entry)
        self._wording = (self._wording + step) % len(wordings(entry, others))
        self.preview.show_entry(entry, self._wording, self.state.auto_values(), others)

    def toggle_favourite(self) -> None:
        entry = self.current_entry()
        if entry is None:
            return
        starred = self.state.toggle_favourite(entry.id)
        self.refresh(keep_selection=True)
        self.show_status(self.tr("Starred") if starred else self.tr("Star removed"))

    def _open_filter(self, combo: QComboBox) -> None:
        self.show_browse()
        combo.setFocus(Qt.FocusReason.ShortcutFocusReason)
        combo.showPopup()

    def reset_filters(self) -> None:
        self.category.setCurrentIndex(0)
        self.stage.setCurrentIndex(0)
        self.focus_search()

    # -- pages and keys --------------------------------------------------------------------

    def focus_search(self) -> None:
        self.show_browse()
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def show_browse(self) -> None:
        self.pages.show("playbook")
        self.stack.setCurrentWidget(self.splitter)
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)

    def _page_shown(self, name: str) -> None:
        """A page came up (a tab clicked, or a key): the cursor goes with it."""
        focus = QApplication.focusWidget()
        inside = focus is not None and self.pages.page(name).isAncestorOf(focus)
        if name == "followups":
            self.followups.page_shown(take_focus=not inside)
        elif inside:
            return
        elif name == "notes":
            self.notes.page.focus_field(self.notes.page.form.last_focused)
        elif name == "playbook":
            self.search.setFocus(Qt.FocusReason.OtherFocusReason)

    def _other_edge(self) -> None:
        self.dock.other_edge()

    def _next_screen(self) -> None:
        self.dock.next_screen()

    @property
    def cheat_sheet(self) -> QWidget:
        if self._cheat_sheet is None:
            from assistant.ui.actions import CheatSheet

            self._cheat_sheet = CheatSheet()
            self.stack.addWidget(self._cheat_sheet)
        return self._cheat_sheet

    def toggle_cheat_sheet(self) -> None:
        if self.stack.currentWidget() is self._cheat_sheet:
            self.show_browse()
        else:
            self.stack.setCurrentWidget(self.cheat_sheet)

    def escape(self) -> None:
        if self.stack.currentWidget() is not self.splitter:
            self.show_browse()
        elif self.search.text():
            self.search.clear()
        else:
            self.hide_panel()

    def hide_panel(self) -> None:
        self.dock.flush()
        self.hide()

    def show_panel(self) -> None:
        """Bring the panel forward because the agent asked (tray, second launch)."""
        self.show()
        self.raise_()
        self.activateWindow()
        self.focus_search()

    def summon_or_hide(self, in_panel: bool | None = None) -> None:
        """The summon key and ``--toggle``: hide the panel the agent is working in
        (``in_panel``, when the desktop knows better than Qt); otherwise bring it
        forward with the search ready (a docked panel without focus is summoned,
        not hidden)."""
        if in_panel is None:
            in_panel = self.isActiveWindow()
        if self.isVisible() and in_panel:
            self.hide_panel()
        else:
            self.show_panel()

    def toggle_visible(self) -> None:
        if self.isVisible():
            self.hide_panel()
        else:
            self.show_panel()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.dock.flush()
        super().closeEvent(event)

    # -- copying -----------------------------------------------------------------------------

    def _copied(self, entry_id: str, _text: str, dues: dict[str, datetime]) -> None:
        """A wording went to the clipboard: it is used in this call, and a dated
        promise in it is offered as a follow-up."""
        self.notes.template_copied(entry_id, self.current_wording(), dues)
        self.followups.offer_from(entry_id, dues)

    def copy_selected(self, force_form: bool = False) -> None:
        """Copy the selected wording, through the fill-in form when blanks are empty."""
        if self.pages.current() == "playbook" and self.stack.currentWidget() is self.splitter:
            current = self.current_wording_of()
            if current is not None:
                self.copying.copy(*current, force_form=force_form)

    @property
    def form(self) -> FillForm:
        return self.copying.form

    # -- call values and settings --------------------------------------------------------------

    def set_call_values(self, values: Mapping[str, object]) -> None:
        """Fill blanks from the current call record (customer_title, account_ref, …)."""
        self.state.set_call_values(values)
        self.refresh(keep_selection=True)

    def _ask_settings(self, settings: Settings) -> Settings | None:
        from assistant.ui.settings_dialog import SettingsDialog

        return SettingsDialog.ask(settings, self)

    def open_settings(self) -> None:
        changed = self.ask_settings(self.state.settings)
        if changed is None:
            return
        edge_changed = changed.dock_edge != self.state.settings.dock_edge
        self._change_settings(changed)
        if edge_changed:
            self.dock.place()
        self._selection_changed()
        self.show_status(self.tr("Settings saved"))

    def _change_settings(self, settings: Settings) -> None:
        self.state.set_settings(settings)
        self.settings_changed.emit()
        try:
            self._persist(settings)
        except OSError as exc:
            self.show_status(self.tr("Settings not saved: %1").replace("%1", str(exc)), error=True)

    def show_status(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        style.set_state(self.status, "tone", "error" if error else "")
