"""One row per intent in the agent's phrase language; the other languages one key away."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from assistant.paths import Paths
from assistant.settings import Settings

EN_PACK = """\
pack: {id: ui-test-en, name: UI test phrases, language: en, version: "1"}
entries:
  - id: t.en.sla
    intent: t.sla
    title: What an SLA is
    category: jargon
    term: SLA
    plain: a written service promise
    analogy: like a parcel firm promising next-day delivery
    body: "An SLA is the service promise in your contract."
    tags: [contract]
  - id: t.en.thanks
    intent: t.closing.thanks
    title: Thanks for calling (English)
    category: closing
    body: "Thanks for calling. Have a good day."
"""


@pytest.fixture
def two_languages(ui_paths: Paths) -> Paths:
    (ui_paths.user_packs_dir / "ui-test-en.yaml").write_text(EN_PACK, encoding="utf-8")
    return ui_paths


def shown(window: Any) -> list[str]:
    return [window.model.row(i).entry.id for i in range(window.model.rowCount())]


def test_a_query_in_either_language_shows_one_row_in_the_phrase_language(
    two_languages: Paths, make_panel: Any, type_into: Any
) -> None:
    window = make_panel(Settings(agent_name="王芳", phrase_languages=("zh-Hans", "en")))
    type_into(window.search, "contract")  # only the English wording says it
    assert shown(window) == ["t.sla"]
    window.search.clear()
    type_into(window.search, "SLA")
    assert shown(window) == ["t.sla"]  # found in both languages, one row


def test_the_phrase_language_order_decides_the_wording_shown(
    two_languages: Paths, make_panel: Any, type_into: Any
) -> None:
    window = make_panel(Settings(agent_name="王芳", phrase_languages=("en", "zh-Hans")))
    type_into(window.search, "SLA")
    assert shown(window) == ["t.en.sla"]
    window.search.clear()
    type_into(window.search, "打断")  # no English wording: shown as it is
    assert shown(window) == ["t.taboo.interrupt"]


def test_alt_arrows_reach_the_other_language_labelled_and_copy_it(
    qtbot: Any, two_languages: Paths, make_panel: Any, type_into: Any, clipboard: Any
) -> None:
    window = make_panel(Settings(agent_name="王芳", phrase_languages=("zh-Hans", "en")))
    window.activateWindow()  # shortcuts reach an active window
    qtbot.waitUntil(window.isActiveWindow)
    type_into(window.search, "SLA")
    assert window.current_entry().id == "t.sla"
    assert "English" not in window.preview.wording_heading.text()

    qtbot.keyClick(window.search, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.preview.wording_heading.text().endswith("· English")
    assert "service promise in your contract" in window.preview.wording.text()
    with qtbot.waitSignal(window.copied):
        qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert clipboard.texts[-1] == "An SLA is the service promise in your contract."

    qtbot.keyClick(window.search, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert "English" not in window.preview.wording_heading.text()
    assert "服务承诺" in window.preview.wording.text()
