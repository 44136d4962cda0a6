"""IME safety: composition never searches, the Enter that commits it never copies."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt


def test_preedit_text_does_not_search(
    qtbot: Any, make_panel: Any, ime: Any, monkeypatch: Any
) -> None:
    window = make_panel()
    searches: list[str] = []
    search = window.state.search
    monkeypatch.setattr(
        window.state, "search", lambda query, *a: searches.append(query) or search(query, *a)
    )
    ime(window.search, "", preedit="tui")
    ime(window.search, "", preedit="tuikuan")
    assert searches == []
    assert window.search.text() == ""
    assert window.search.composing
    assert window.model.rowCount() == 6  # the unfiltered list is still shown
    ime(window.search, "退款")
    assert searches == ["退款"]
    assert [window.model.row(i).entry.id for i in range(window.model.rowCount())] == [
        "t.refund.commit"
    ]


def test_enter_that_commits_a_composition_does_not_copy(
    qtbot: Any, make_panel: Any, ime: Any, clipboard: Any
) -> None:
    window = make_panel()
    window.set_call_values({"customer_title": "李总"})
    ime(window.search, "", preedit="zanting")
    # Enter while composing belongs to the input method.
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert clipboard.texts == []
    # The commit, and the key press that caused it, arrive back to back.
    ime(window.search, "暂停")
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert clipboard.texts == []
    assert window.current_entry().id == "t.angry.pause"
    # Once the commit has settled, Enter is the agent's again.
    qtbot.waitUntil(lambda: not window.search.composing)
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert clipboard.texts == ["李总，我先把您说的情况完整记下来，请您稍等我一下。"]


def test_arrows_and_escape_belong_to_the_input_method_while_composing(
    qtbot: Any, make_panel: Any, ime: Any
) -> None:
    window = make_panel()
    first = window.current_entry()
    ime(window.search, "", preedit="ni")
    qtbot.keyClick(window.search, Qt.Key.Key_Down)
    qtbot.keyClick(window.search, Qt.Key.Key_Escape)
    assert window.current_entry() == first
    assert window.isVisible()
