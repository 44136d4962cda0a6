"""The panel as an agent sees it, in each language, at 100 % and 200 %: every caption
whole (not cut off, not elided) and no widget on top of another.

The playbook (browse, search, jargon, taboo, fill-in, shortcuts, dark), the settings
dialog and the phrase editor here; the notes, follow-ups and export pages in
test_notes_screenshots.py. Each scene is also written as a picture, to a temporary
folder or to ``screenshots/`` when AGENT_ASSIST_SCREENSHOTS is set, for a person to
look at (the README's pictures come from scripts/screenshots.py).

200 % is Qt's own scaling (QT_SCALE_FACTOR=2) in a child pytest on its own Xvfb: the
fonts are then laid out at twice the pixels, as on a HiDPI screen, with hinting and
rounding of their own. Rendering a 1x window into a 2x pixmap would not change one
text width, so it could not catch a caption that only the 2x fonts push out.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QWidget

from assistant.paths import builtin_packs_dir
from assistant.playbooks.mine import Phrase
from assistant.ui.phrase_editor import PhraseEditor
from assistant.ui.settings_dialog import SettingsDialog

SIZE = QSize(360, 780)
LANGUAGES = ["en", "zh-Hans", "zh-Hant"]
SCALE = float(os.environ.get("QT_SCALE_FACTOR", "1"))  # the child run at 200 % sets it
SEARCH = {"en": "refund", "zh-Hans": "退款", "zh-Hant": "退款"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_playbook_settings_and_phrase_editor_show_every_caption_whole(
    qtbot: Any,
    make_panel: Any,
    install: Any,
    type_into: Any,
    shown: Callable[[QWidget, str], None],
    go_dark: Callable[[], None],
    language: str,
) -> None:
    install(language)
    window = make_panel(builtin=builtin_packs_dir())
    window.resize(SIZE)
    window.set_call_values({"customer_title": "李总"})
    window.state.favourites = frozenset({"zh.opening.inbound_greeting"})
    window.refresh()
    shown(window, f"1-browse-{language}")

    type_into(window.search, SEARCH[language])
    shown(window, f"2-search-{language}")

    window.search.clear()
    type_into(window.search, "SLA")
    shown(window, f"3-jargon-{language}")

    window.search.clear()
    window.category.setCurrentIndex(window.category.findData("taboo"))
    shown(window, f"4-taboo-{language}")

    window.category.setCurrentIndex(window.category.findData("commitment"))
    qtbot.keyClick(window.search, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert window.stack.currentWidget() is window.form
    shown(window, f"5-fill-in-{language}")
    qtbot.keyClick(window.form, Qt.Key.Key_Escape)
    window.category.setCurrentIndex(0)

    window.toggle_cheat_sheet()
    shown(window, f"6-shortcuts-{language}")
    window.toggle_cheat_sheet()

    dialog = SettingsDialog(window.state.settings, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    shown(dialog, f"7-settings-{language}")
    dialog.office_hours.setText("9 to 5")  # what it says about a wrong entry
    dialog.accept()
    assert not dialog.error.isHidden()
    shown(dialog, f"7-settings-error-{language}")
    dialog.reject()

    type_into(window.search, SEARCH[language])
    rows = [window.model.row(i).entry for i in range(window.model.rowCount())]
    entry = next(e for e in rows if e.placeholders)  # Ctrl+Shift+C: edit a copy
    seed = Phrase.copy_of(entry)._replace(tags=("退款",), shortcode="tk1")
    editor = PhraseEditor(seed, lambda _phrase: None, window)
    qtbot.addWidget(editor)
    editor.resize(SIZE.width(), 500)
    editor.show()
    qtbot.waitExposed(editor)
    shown(editor, f"8-phrase-editor-{language}")
    editor.reject()

    go_dark()
    window.search.clear()
    shown(window, f"9-dark-{language}")
    type_into(window.search, "投诉")
    shown(window, f"9-dark-search-{language}")


@pytest.mark.skipif(SCALE != 1, reason="this is the 100 % run, which starts the 200 % one")
@pytest.mark.skipif(sys.platform != "linux", reason="a second Xvfb")
def test_every_caption_is_whole_at_200_percent_too(tmp_path: Path) -> None:
    here = Path(__file__).resolve().parent
    env = {**os.environ, "QT_SCALE_FACTOR": "2"}
    env.pop("DISPLAY", None)  # the child starts its own screen, twice the size
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            str(here / "test_screenshots.py"),
            str(here / "test_notes_screenshots.py"),
            "-q",
            "-p",
            "no:cacheprovider",
            "-o",
            "xvfb_width=1600",
            "-o",
            "xvfb_height=1800",
            f"--basetemp={tmp_path / 'run'}",
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=here.parents[1],
        check=False,
    )
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-2000:]
    assert " passed" in done.stdout
    assert "1 skipped" in done.stdout  # this test, in the child
