"""The agent's own phrases from the panel: save the filled-in words or a new phrase,
edit (or edit a copy of) the selection, delete, undo. The pack file work is in
``assistant.playbooks.mine``; after each change the playbook is read again, so the
phrase is found at once. A supervisor publishes them as a team pack from here too:
checked like ``agent-assist pack publish``, uploaded on a worker of its own.

The seed of a new phrase comes from the fill-in form (the :class:`CopyFlow`) or the
note being written (the :class:`NotesController`); the rest of the panel is a
:class:`PhrasePanel`."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, Signal

from assistant.errors import UserError
from assistant.playbooks.model import Entry

if TYPE_CHECKING:
    from PySide6.QtWidgets import QComboBox, QWidget

    from assistant.keychain import SecretStore
    from assistant.playbooks.mine import MyPack, Phrase
    from assistant.playbooks.model import Pack
    from assistant.ui.background import BackgroundLane
    from assistant.ui.copying import CopyFlow
    from assistant.ui.notes_controller import NotesController
    from assistant.ui.panel_pages import PanelPages
    from assistant.ui.publish_dialog import Build
    from assistant.ui.state import PanelState

log = logging.getLogger(__name__)
Ask = Callable[["Phrase", Callable[["Phrase"], None]], bool]


def _mine() -> Any:
    """The agent's own pack, imported when first needed (it reads YAML)."""
    from assistant.playbooks import mine

    return mine


class PhrasePanel(Protocol):
    """What the own-phrase actions need of the panel around them (the window is one)."""

    pages: PanelPages

    @property
    def category(self) -> QComboBox: ...  # the category filter, a new phrase's default

    def current_entry(self) -> Entry | None: ...

    def show_status(self, text: str, error: bool = False) -> None: ...


class PhraseFlow(QObject):
    published = Signal()  # a team pack went to the server

    def __init__(
        self,
        state: PanelState,
        panel: PhrasePanel,
        copying: CopyFlow,
        notes: NotesController,
        parent: QWidget,  # the dialogs' parent
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.panel = panel
        self.copying = copying
        self.notes = notes
        self._dialogs_parent = parent
        self._after_reload = ""
        self._lane: BackgroundLane | None = None  # made on the first publish
        self.secrets: SecretStore | None = None  # None: the system keychain
        state.library_loaded.connect(self._reloaded)

    def handlers(self) -> dict[str, Callable[[], object]]:
        return {
            "save_phrase": self.save_new,
            "edit_phrase": self.edit_selected,
            "delete_phrase": self.delete_selected,
            "undo_phrase": self.undo,
            "publish_phrases": self.publish,
        }

    def ask(self, phrase: Phrase, save: Callable[[Phrase], None]) -> bool:
        """Open the editor; tests replace this to drive it."""
        from assistant.ui.phrase_editor import PhraseEditor

        return PhraseEditor.ask(phrase, save, self._dialogs_parent)

    def ask_publish(self, phrases: list[tuple[str, str]], build: Build, pack_id: str) -> bool:
        """Open the publish dialog; tests replace this to drive it."""
        from assistant.ui.publish_dialog import PublishDialog

        return PublishDialog.ask(phrases, build, pack_id, self._dialogs_parent)

    @property
    def pack(self) -> MyPack:
        state = self.state
        pack: MyPack = _mine().MyPack(state.paths.user_packs_dir, state.phrase_languages()[0])
        return pack

    def is_mine(self, entry: Entry | None) -> bool:
        library = self.state.library
        if entry is None or library is None or entry.pack_id != _mine().MY_PACK_ID:
            return False
        return any(p.id == _mine().MY_PACK_ID and p.origin == "user" for p in library.packs)

    # -- the actions ------------------------------------------------------------------

    def save_new(self) -> None:
        """From the fill-in form when it is open (the words as filled in), from the note
        field being written in (its selected words, or all of it), else blank."""
        filled_in = self.copying.filled_in()
        category = self.panel.category.currentData() or "opening"
        if filled_in is not None:
            entry, words = filled_in
            seed = _mine().Phrase(
                title=entry.title,
                category=entry.category,
                body=words,
                tags=entry.tags,
                placeholders=entry.placeholders,
            )
        else:
            seed = _mine().Phrase(title="", category=category, body=self._note_words())
        self._edit(seed, None)

    def _note_words(self) -> str:
        """What the agent wrote in the note field they are in ("" off the notes page)."""
        from assistant.ui.text_fields import NoteEdit

        if self.panel.pages.current() != "notes":
            return ""
        form = self.notes.page.form
        editor = form.editors.get(form.last_focused)
        if not isinstance(editor, NoteEdit):
            return ""
        # A selection spanning lines comes back with U+2029 between them.
        selected = editor.textCursor().selectedText().replace("\u2029", "\n")
        return (selected or editor.text()).strip()

    def edit_selected(self) -> None:
        entry = self.panel.current_entry()
        if entry is None:
            return
        if self.is_mine(entry):
            phrase = (
                _mine()
                .Phrase.copy_of(entry)
                ._replace(intent=entry.intent, shortcode=entry.shortcode)
            )
            self._edit(phrase, entry.id)
        else:
            self._edit(_mine().Phrase.copy_of(entry), None)

    def delete_selected(self) -> None:
        entry = self.panel.current_entry()
        if not self.is_mine(entry):
            self.panel.show_status(
                self.tr("Only your own phrases can be deleted; Ctrl+Shift+C edits a copy."),
                error=True,
            )
            return
        assert entry is not None
        self._change(
            lambda: self.pack.delete(entry.id),
            self.tr("Deleted “%1” (Alt+U brings it back)").replace("%1", entry.title),
        )

    def undo(self) -> None:
        if not self.pack.can_undo():
            self.panel.show_status(self.tr("Nothing to undo in your phrases"), error=True)
            return
        self._change(self.pack.undo, self.tr("Your last phrase change is undone"))

    def publish(self) -> None:
        """Publish chosen own phrases as a team pack; agents get it at their next sync."""
        state = self.state
        url = state.settings.sync_url
        if not url:
            self.panel.show_status(
                self.tr("No team server is set: run 'agent-assist sync --login URL' first"),
                error=True,
            )
            return
        library = state.library
        mine = [(e.id, e.title) for e in (library.entries if library else ()) if self.is_mine(e)]
        if not mine:
            self.panel.show_status(self.tr("You have no phrases of your own to publish"), True)
            return
        version = state.clock().strftime("%Y-%m-%d %H:%M")
        built: list[tuple[str, str]] = []

        def build(pack_id: str, name: str, ids: list[str]) -> None:
            built.append((pack_id.strip(), self.pack.team_pack_text(pack_id, name, version, ids)))

        default_id = f"team-{state.settings.agent_id}".lower() if state.settings.agent_id else ""
        if not self.ask_publish(mine, build, default_id) or not built:
            return
        pack_id, text = built[-1]
        self.panel.show_status(self.tr("Publishing team pack %1…").replace("%1", pack_id))
        if self._lane is None:
            from assistant.ui.background import BackgroundLane

            self._lane = BackgroundLane()
        self._lane.submit(
            lambda: self._upload(url, pack_id, text), self._published, self._not_published
        )

    def _upload(self, url: str, pack_id: str, text: str) -> Pack:
        """On the worker: the saved password, the check, the upload."""
        from assistant.keychain import KeyringSecretStore
        from assistant.sync.connection import parse_server_url
        from assistant.sync.packs import publish_text

        address = parse_server_url(url)
        secrets = self.secrets if self.secrets is not None else KeyringSecretStore()
        password = secrets.get(address.account)
        if password is None:
            raise UserError(
                f"no password saved for {address.account}: "
                f"run 'agent-assist sync --login {address.url}'"
            )
        return publish_text(address, password, pack_id, text)

    def _published(self, pack: Pack) -> None:
        message = self.tr("Published team pack %1 (%2 phrases); agents get it at their next sync")
        message = message.replace("%1", pack.id).replace("%2", str(len(pack.entries)))
        self.panel.show_status(message)
        self.published.emit()

    def _not_published(self, exc: BaseException) -> None:
        if not isinstance(exc, UserError):
            log.error("publishing failed", exc_info=exc)
        detail = exc.message if isinstance(exc, UserError) else type(exc).__name__
        self.panel.show_status(self.tr("Not published: %1").replace("%1", detail), error=True)

    def shutdown(self) -> None:
        if self._lane is not None:
            self._lane.shutdown()

    # -- internals --------------------------------------------------------------------

    def _edit(self, seed: Phrase, entry_id: str | None) -> None:
        state = self.state
        saved: list[Phrase] = []

        def save(phrase: Phrase) -> None:
            if entry_id is None:
                self.pack.add(phrase, state.library)
            else:
                self.pack.replace(entry_id, phrase, state.library)
            saved.append(phrase)

        if self.ask(seed, save) and saved:
            message = self.tr("Saved as your phrase: %1 (Alt+U undoes)")
            self._after_reload = message.replace("%1", saved[-1].title.strip())
            state.reload_library()

    def _change(self, change: Callable[[], None], done: str) -> None:
        try:
            change()
        except _mine().PhraseRefused as refused:
            self.panel.show_status(refused.message, error=True)
            return
        self._after_reload = done
        self.state.reload_library()

    def _reloaded(self) -> None:
        if self._after_reload:
            self.panel.show_status(self._after_reload)
            self._after_reload = ""
