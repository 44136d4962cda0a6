"""The shipped translations: complete, current with the code, installed for the right
language, and used by the panel (texts, Qt's own buttons, dates)."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime
from PySide6.QtWidgets import QApplication

from assistant.settings import Settings
from assistant.ui import i18n

REPO = Path(__file__).resolve().parents[2]


def load_script(name: str) -> ModuleType:
    path = REPO / "scripts" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"scripts_{name}", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def tool() -> ModuleType:
    return load_script("update_translations")


HOW_TO_FIX = (
    "run `.venv/bin/python scripts/update_translations.py`, translate what it lists "
    "(resources/i18n/*.ts, e.g. with pyside6-linguist), run it again and commit the .ts and .qm"
)


# -- the catalogues ----------------------------------------------------------------------


def test_every_string_is_translated_in_every_language(tool: Any) -> None:
    catalogues = tool.committed()
    assert all(path.is_file() for path in catalogues)
    assert tool.problems(catalogues) == [], HOW_TO_FIX


def test_the_catalogues_and_compiled_files_match_the_code(tool: Any, tmp_path: Path) -> None:
    # lupdate into a temporary copy: the sets of (context, source) must be the same,
    # and each committed .qm must be what lrelease makes of its .ts.
    assert tool.stale(tmp_path) == [], HOW_TO_FIX


PLACEHOLDER = re.compile(r"%(?:\d|n)")


def test_translations_keep_placeholders_and_mnemonics(tool: Any) -> None:
    wrong = []
    for catalogue in tool.committed():
        for message in tool.read_ts(catalogue):
            want = sorted(PLACEHOLDER.findall(message.source))
            mnemonic = re.search(r"&(\w)", message.source)
            for text in message.translations:
                if not text:
                    continue  # untranslated: the test above reports it
                if sorted(PLACEHOLDER.findall(text)) != want:
                    wrong.append(f"{catalogue.name}: {message.source!r} -> {text!r}: placeholders")
                # Alt+T and Alt+t are the same key: "Files of &type:" -> "文件类型(&T)："
                if mnemonic and f"&{mnemonic.group(1)}".casefold() not in text.casefold():
                    wrong.append(f"{catalogue.name}: {message.source!r} -> {text!r}: &-key")
    assert wrong == []


def test_each_language_has_its_plural_forms(tool: Any) -> None:
    forms = {"zh_CN": 1, "zh_TW": 1, "en": 2}
    for language, count in forms.items():
        plurals = [m for m in tool.read_ts(tool.ts_path(language)) if m.numerus]
        assert plurals
        assert all(len(m.translations) == count for m in plurals), language


def test_an_aliased_translate_call_is_read_with_its_context(tool: Any) -> None:
    source = 'def hint():\n    tr = QCoreApplication.translate\n    return tr("clipboard", "x")\n'
    prepared = tool.prepared_source(source)
    assert 'QCoreApplication.translate("clipboard", "x")' in prepared
    assert prepared.count("\n") == source.count("\n")  # the same line numbers
    assert tool.prepared_source("self.tr('a')") == "self.tr('a')"


# -- which language -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("system", "language"),
    [
        ("zh_CN", "zh-Hans"),
        ("zh_SG", "zh-Hans"),
        ("zh_TW", "zh-Hant"),
        ("zh_HK", "zh-Hant"),
        ("zh_MO", "zh-Hant"),
        ("en_US", "en"),
        ("en_GB", "en"),
        ("fr_FR", "en"),
        ("C", "en"),
    ],
)
def test_an_empty_setting_follows_the_system(system: str, language: str) -> None:
    assert i18n.resolve_language("", QLocale(system)) == language


@pytest.mark.parametrize(
    ("setting", "language"),
    [
        ("zh-Hans", "zh-Hans"),
        ("zh-Hant", "zh-Hant"),
        ("en", "en"),
        ("zh_TW", "zh-Hant"),
        ("zh-HK", "zh-Hant"),
        ("en-GB", "en"),
        ("klingon", "zh-Hans"),  # not shipped: the system decides
    ],
)
def test_the_setting_wins_over_the_system(setting: str, language: str) -> None:
    assert i18n.resolve_language(setting, QLocale("zh_CN")) == language


def test_dates_are_written_the_way_the_language_and_the_system_write_them() -> None:
    assert i18n.formatting_locale("zh-Hant", "", QLocale("zh_HK")).name() == "zh_HK"
    assert i18n.formatting_locale("zh-Hant", "", QLocale("en_US")).name() == "zh_TW"
    assert i18n.formatting_locale("en", "en-GB", QLocale("zh_CN")).name() == "en_GB"
    assert i18n.formatting_locale("en", "", QLocale("en_AU")).name() == "en_AU"
    assert i18n.formatting_locale("zh-Hans", "", QLocale("C")).name() == "zh_CN"


def test_every_shipped_language_has_a_compiled_catalogue() -> None:
    for suffix in ("zh_CN", "zh_TW", "en"):
        assert (i18n.translations_dir() / f"agent-assist_{suffix}.qm").is_file()


# -- installed in the app --------------------------------------------------------------------


def english_sources(tool: Any) -> set[str]:
    return {m.source for m in tool.read_ts(tool.ts_path("en"))}


def panel_texts(window: Any) -> list[str]:
    texts = [window.windowTitle(), window.search.placeholderText(), window.status.text()]
    texts += [window.category.itemText(i) for i in range(window.category.count())]
    texts += [window.stage.itemText(i) for i in range(window.stage.count())]
    texts += [a.text() for a in window.actions_by_name.values()]
    texts += [b.text() for b in (window.copy_button, window.fill_button, window.next_button)]
    texts.append(window.empty.text())
    return texts


@pytest.mark.parametrize(
    ("setting", "title", "count_text"),
    [
        ("zh-Hans", "坐席助手", "共 6 条话术"),
        ("zh-Hant", "客服助手", "共 6 則話術"),
        ("en", "Agent Assist", "6 phrasings"),
    ],
)
def test_the_panel_speaks_the_chosen_language(
    make_panel: Any, install: Any, tool: Any, setting: str, title: str, count_text: str
) -> None:
    installed = install(setting)
    assert installed.language == setting
    assert any(f.endswith(".qm") and "agent-assist_" in f for f in installed.files)
    window = make_panel()
    assert window.windowTitle() == title
    assert count_text in window.status.text()
    if setting != "en":
        # No text of the panel is still its English source: the runtime asks for
        # the same (context, source) pairs lupdate found.
        from assistant.ui.clipboard import install_hint

        texts = [*panel_texts(window), install_hint("linux"), install_hint("win32")]
        assert set(texts) & english_sources(tool) == set()


def test_qts_own_strings_follow_when_pyside6_ships_them(install: Any) -> None:
    installed = install("zh-Hans")
    if not any("qtbase_" in f for f in installed.files):
        pytest.skip("this PySide6 ships no qtbase translations")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"


def test_the_ui_formats_dates_in_the_chosen_language(
    qtbot: Any, make_panel: Any, install: Any
) -> None:
    moment = QDateTime(QDate(2026, 3, 11), QTime(10, 0))
    install("zh-Hans")
    assert QLocale().name() == "zh_CN"
    assert "3月" in QLocale().toString(moment.date(), QLocale.FormatType.LongFormat)
    window = make_panel()
    window.category.setCurrentIndex(window.category.findData("commitment"))
    window.copy_selected(force_form=True)
    editor = window.form.editor("reply_by")
    assert editor.locale().name() == "zh_CN"  # its calendar pop-up: 三月, 周一…
    install("en", system="en_GB")
    assert QLocale().toString(moment.date(), "MMMM") == "March"


def test_a_missing_catalogue_leaves_the_source_english(
    qapp: QApplication, install: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(i18n, "translations_dir", lambda: tmp_path)
    installed = install("zh-Hans")
    assert not any("agent-assist_" in f for f in installed.files)
    assert QCoreApplication.translate("MainWindow", "Agent Assist") == "Agent Assist"


# -- the settings dialog ------------------------------------------------------------------------


def test_the_dialog_offers_the_system_and_each_language(qtbot: Any) -> None:
    from assistant.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(Settings(language="zh-Hant"))
    qtbot.addWidget(dialog)
    values = [dialog.language.itemData(i) for i in range(dialog.language.count())]
    names = [dialog.language.itemText(i) for i in range(dialog.language.count())]
    assert values == ["", "zh-Hans", "zh-Hant", "en"]
    assert names[1:] == ["简体中文", "繁體中文", "English"]
    assert dialog.language.currentData() == "zh-Hant"
    assert "restart" in dialog.language_note.text()
    dialog.language.setCurrentIndex(0)
    assert dialog.result_settings().language == ""
    dialog.language.setCurrentIndex(dialog.language.findData("zh-Hans"))
    assert dialog.result_settings().language == "zh-Hans"


def test_a_locale_typed_into_settings_json_is_kept(qtbot: Any) -> None:
    from assistant.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(Settings(language="zh_HK"))
    qtbot.addWidget(dialog)
    assert dialog.result_settings().language == "zh_HK"


def test_the_dialog_is_in_the_panels_language(qtbot: Any, install: Any) -> None:
    from assistant.ui.settings_dialog import SettingsDialog

    install("zh-Hans")
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "坐席助手设置"
    assert "重启后生效" in dialog.language_note.text()


START_AND_REPORT = """
import sys
from assistant.ui import window

original = window.MainWindow.paintEvent
seen = []

def first_paint(self, event):
    if not seen:
        seen.append(self.windowTitle())
        print(self.windowTitle(), flush=True)
    original(self, event)

window.MainWindow.paintEvent = first_paint
from assistant.ui.app import run_panel
run_panel(data_dir=sys.argv[1], exit_when_ready=True)
"""


def test_start_up_installs_the_language_from_the_settings(ui_paths: Any) -> None:
    import os
    import subprocess

    from assistant.settings import save_settings

    save_settings(ui_paths.settings_file, Settings(language="zh-Hant"))
    env = dict(os.environ, PYTHONPATH=str(REPO), QT_QPA_PLATFORM="offscreen", LANG="C.UTF-8")
    done = subprocess.run(
        [sys.executable, "-c", START_AND_REPORT, str(ui_paths.data_dir)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == "客服助手"
