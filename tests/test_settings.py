from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.errors import UserError
from assistant.settings import (
    DEFAULT_REQUIRED_FIELDS,
    LevelClock,
    Settings,
    load_settings,
    save_settings,
)


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    settings = load_settings(tmp_path / "settings.json")
    assert settings.required_fields == DEFAULT_REQUIRED_FIELDS
    assert settings.country == "CN"
    assert settings.panel_width == 360


def test_round_trip_keeps_unknown_keys(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"agent_name": "王芳", "future_option": [1, 2]}), encoding="utf-8")
    settings = load_settings(path).with_changes(agent_id="A1024")
    save_settings(path, settings)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["agent_name"] == "王芳"
    assert data["agent_id"] == "A1024"
    assert data["future_option"] == [1, 2]
    assert load_settings(path) == settings


def test_centre_overrides(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps(
            {
                "required_fields": ["request", "outcome"],
                "level_clocks": {
                    "L2": {"first_response": "+1 business hour", "resolution": "+2 business days"}
                },
            }
        ),
        encoding="utf-8",
    )
    settings = load_settings(path)
    assert settings.required_fields == ("request", "outcome")
    assert settings.level_clocks["L2"] == LevelClock("+1 business hour", "+2 business days")
    assert settings.level_clocks["L1"] == Settings().level_clocks["L1"]


def test_settings_change_only_through_a_copy(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"future_option": 1, "level_clocks": {}}), encoding="utf-8")
    for settings in (load_settings(path), Settings()):
        with pytest.raises(TypeError):
            settings.extra["future_option"] = 2  # type: ignore[index]
        with pytest.raises(TypeError):
            settings.level_clocks["L1"] = LevelClock("+1 business day", "+2 business days")  # type: ignore[index]
        changed = settings.with_changes(agent_name="王芳")
        assert (changed.agent_name, settings.agent_name) == ("王芳", "")
    assert load_settings(path).extra == {"future_option": 1}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"agent_name": "x",\n "panel_width": }', "settings.json:2: not valid JSON"),
        ('{"panel_width": "wide"}', "settings.json: panel_width: must be a whole number"),
        ('{"required_fields": "request"}', "required_fields: must be a list of strings"),
        ('{"level_clocks": {"L9": {}}}', "unknown level 'L9'"),
        ('{"paste_back": "yes"}', "settings.json: paste_back: must be true or false"),
        ('{"paste_back": 1}', "settings.json: paste_back: must be true or false"),
        ('{"hotkey": true}', "settings.json: hotkey: "),
        ("[1]", "settings must be a JSON object"),
    ],
)
def test_bad_settings_name_the_file_and_field(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "settings.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UserError, match=message.replace("(", r"\(")):
        load_settings(path)


def test_paste_back_is_read_as_true_or_false_and_the_summon_key_as_written(
    tmp_path: Path,
) -> None:
    path = tmp_path / "settings.json"
    assert (load_settings(path).paste_back, load_settings(path).hotkey) == (
        False,
        "Ctrl+Alt+Space",
    )
    path.write_text('{"paste_back": true, "hotkey": "Ctrl+Shift+F9"}', encoding="utf-8")
    assert (load_settings(path).paste_back, load_settings(path).hotkey) == (True, "Ctrl+Shift+F9")
    path.write_text('{"paste_back": false}', encoding="utf-8")
    assert load_settings(path).paste_back is False
