"""The settings dialog and what the panel does with its answer."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from assistant.settings import Settings
from assistant.ui.settings_dialog import SettingsDialog


def test_the_dialog_edits_name_id_edge_country_and_hours(qtbot: Any) -> None:
    dialog = SettingsDialog(Settings(agent_name="王芳", agent_id="A1024", panel_width=400))
    qtbot.addWidget(dialog)
    assert dialog.agent_name.text() == "王芳"
    dialog.agent_name.setText(" 李雷 ")
    dialog.agent_id.setText("B2048")
    dialog.dock_edge.setCurrentIndex(dialog.dock_edge.findData("left"))
    dialog.country.setText("hk")
    dialog.office_hours.setText("08:30-17:30")
    result = dialog.result_settings()
    assert (result.agent_name, result.agent_id, result.dock_edge) == ("李雷", "B2048", "left")
    assert (result.country, result.office_hours) == ("HK", "08:30-17:30")
    assert result.panel_width == 400  # what the dialog does not show is kept


def test_bad_office_hours_or_country_are_explained_and_not_accepted(qtbot: Any) -> None:
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.office_hours.setText("9 to 5")
    dialog.accept()
    assert dialog.result() != SettingsDialog.DialogCode.Accepted
    assert "HH:MM-HH:MM" in dialog.error.text()
    dialog.office_hours.setText("09:00-18:00")
    dialog.country.setText("XX")
    dialog.accept()
    assert "country" in dialog.error.text()
    dialog.country.setText("CN")
    with qtbot.waitSignal(dialog.accepted):
        dialog.accept()


def test_saving_settings_writes_the_file_fills_blanks_and_redocks(
    qtbot: Any, make_panel: Any, saved_settings: Any, type_into: Any, clipboard: Any
) -> None:
    window = make_panel(Settings(agent_name="", agent_id=""))
    asked: list[Settings] = []

    def ask(current: Settings) -> Settings:
        asked.append(current)
        return current.with_changes(agent_name="王芳", agent_id="A1024", dock_edge="left")

    window.ask_settings = ask
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.search, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    assert asked
    saved = saved_settings()
    assert (saved.agent_name, saved.agent_id, saved.dock_edge) == ("王芳", "A1024", "left")
    assert window.geometry().left() == window.screen().availableGeometry().left()
    window.set_call_values({"customer_title": "李总"})
    type_into(window.search, "接听来电")
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert clipboard.texts == ["您好，我是王芳，工号A1024，请问李总有什么可以帮您？"]


def test_cancelling_changes_nothing(qtbot: Any, make_panel: Any, ui_paths: Any) -> None:
    window = make_panel()
    window.ask_settings = lambda current: None
    window.open_settings()
    assert not ui_paths.settings_file.exists()


def test_the_summon_key_and_paste_back_are_saved(qtbot: Any) -> None:
    from PySide6.QtGui import QKeySequence

    dialog = SettingsDialog(Settings(hotkey="Ctrl+Alt+Space", paste_back=False))
    qtbot.addWidget(dialog)
    assert dialog.hotkey.keySequence().toString() == "Ctrl+Alt+Space"
    assert not dialog.paste_back.isChecked()
    dialog.hotkey.setKeySequence(QKeySequence("Ctrl+Shift+F9"))
    dialog.paste_back.setChecked(True)
    with qtbot.waitSignal(dialog.accepted):
        dialog.accept()
    result = dialog.result_settings()
    assert (result.hotkey, result.paste_back) == ("Ctrl+Shift+F9", True)


def test_a_summon_key_without_a_modifier_is_explained_and_not_accepted(qtbot: Any) -> None:
    from PySide6.QtGui import QKeySequence

    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.hotkey.setKeySequence(QKeySequence("F9"))
    dialog.accept()
    assert dialog.result() != SettingsDialog.DialogCode.Accepted
    assert not dialog.error.isHidden()
    assert dialog.error.text().startswith("Summon key:")
    dialog.hotkey.clear()  # cleared: the key in use is kept
    with qtbot.waitSignal(dialog.accepted):
        dialog.accept()
    assert dialog.result_settings().hotkey == "Ctrl+Alt+Space"
