"""Search learns from what the agent copies: the phrase picked after a query comes
first for that query and its beginnings, and still does after a restart."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt


def shown(window: Any) -> list[str]:
    return [window.model.row(i).entry.id for i in range(window.model.rowCount())]


def copy_after_typing(qtbot: Any, window: Any, type_into: Any, query: str, entry_id: str) -> None:
    window.search.clear()
    type_into(window.search, query)
    assert entry_id in shown(window)
    while window.current_entry().id != entry_id:
        qtbot.keyClick(window.search, Qt.Key.Key_Down)
    with qtbot.waitSignal(window.copied):
        qtbot.keyClick(window.search, Qt.Key.Key_Return)


def test_a_phrase_copied_after_a_query_comes_first_for_it_even_after_a_restart(
    qtbot: Any, make_panel: Any, type_into: Any
) -> None:
    window = make_panel()
    window.set_call_values({"customer_title": "李总"})
    type_into(window.search, "您")
    before = shown(window)
    assert before.index("t.angry.pause") > 0  # not first to begin with

    copy_after_typing(qtbot, window, type_into, "您说", "t.angry.pause")
    window.search.clear()
    type_into(window.search, "您")  # a beginning of the query it was picked after
    assert shown(window)[0] == "t.angry.pause"
    assert sorted(shown(window)) == sorted(before)  # nothing lost, only reordered

    window.state.close()  # the pick is written before the panel goes
    again = make_panel()
    qtbot.waitUntil(lambda: bool(again.state.picks))
    type_into(again.search, "您说")
    assert shown(again)[0] == "t.angry.pause"


def test_other_queries_keep_their_order(qtbot: Any, make_panel: Any, type_into: Any) -> None:
    window = make_panel()
    window.set_call_values({"customer_title": "李总"})
    type_into(window.search, "退款")
    untouched = shown(window)
    copy_after_typing(qtbot, window, type_into, "您说", "t.angry.pause")
    window.search.clear()
    type_into(window.search, "退款")
    assert shown(window) == untouched
