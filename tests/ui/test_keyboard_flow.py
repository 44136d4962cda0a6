"""The whole keyboard flow, ending on the real X clipboard (read back with xclip)."""

from __future__ import annotations

import shutil
from typing import Any

import pytest
from PySide6.QtCore import Qt

from assistant.ui.clipboard import SystemClipboard

pytestmark = pytest.mark.skipif(shutil.which("xclip") is None, reason="needs xclip")


def test_type_arrow_enter_fill_enter_puts_the_text_on_the_system_clipboard(
    qtbot: Any, make_panel: Any, type_into: Any, read_clipboard: Any
) -> None:
    window = make_panel(clip=SystemClipboard())
    window.set_call_values({"customer_title": "李总"})
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert window.focusWidget() is window.search

    type_into(window.search, "huidian")  # pinyin for 回电
    hits = [window.model.row(i).entry.id for i in range(window.model.rowCount())]
    assert "t.refund.commit" in hits
    while window.current_entry().id != "t.refund.commit":
        qtbot.keyClick(window.search, Qt.Key.Key_Down)
    qtbot.keyClick(window.search, Qt.Key.Key_Return)

    form = window.form
    assert window.stack.currentWidget() is form
    assert form.focusWidget() is form.editor("order_id")
    type_into(form.editor("order_id"), "SO-2024-0042")
    with qtbot.waitSignal(window.copied) as copied:
        qtbot.keyClick(form.editor("order_id"), Qt.Key.Key_Return)

    expected = (
        "李总，您的订单SO-2024-0042的退款我已提交加急，"
        "我会在明天（3月11日 周三）上午10:00之前给您回电话。"
    )
    assert copied.args[1] == expected
    assert read_clipboard() == expected
    assert window.status.text().startswith("Copied · ")
    assert window.focusWidget() is window.search
