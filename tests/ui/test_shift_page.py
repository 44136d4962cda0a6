"""My shift (Ctrl+4): what an agent sees of the day, and today's workbook from one
button. Pictures in the three languages go to ``screenshots/`` when
AGENT_ASSIST_SCREENSHOTS is set (the looking is done by eye)."""

from __future__ import annotations

import os
import uuid
from datetime import timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import QSize, Qt

from assistant.notes.service import commitment_followup, mark_done, save_form
from assistant.paths import Paths
from assistant.store.db import open_store
from tests.ui.conftest import NOW

CTRL = Qt.KeyboardModifier.ControlModifier


def _id() -> str:
    return str(uuid.uuid4())


def seed(paths: Paths) -> None:
    """Today: two timed calls (5:00 and 3:00 handle time); a promise kept, one two
    hours overdue, one still to come. Yesterday: one call, outside today's count."""
    store = open_store(paths.store_file)
    kept, overdue, later = _id(), _id(), _id()
    for started, talk, wrap, followups in (
        (
            NOW - timedelta(hours=3),
            240,
            60,
            [
                commitment_followup(kept, NOW - timedelta(hours=1), "王芳", "回电确认到账"),
                commitment_followup(overdue, NOW - timedelta(hours=2), "王芳", "核实流水"),
            ],
        ),
        (
            NOW - timedelta(hours=2),
            150,
            30,
            [commitment_followup(later, NOW + timedelta(hours=2), "财务部", "退款")],
        ),
        (NOW - timedelta(days=1), 600, 600, []),
    ):
        save_form(
            store,
            {
                "id": _id(),
                "started_at": started,
                "ended_at": started + timedelta(seconds=talk),
                "talk_seconds": talk,
                "wrap_up_seconds": wrap,
                "customer_title": "李总",
                "request": "退款一周未到账",
            },
            followups,
            now=started,
        )
    mark_done(store, kept, NOW - timedelta(hours=1, minutes=30))
    store.close()


def shown(window: Any) -> dict[str, str]:
    return {name: label.text() for name, label in window.shift.page.values.items()}


def open_shift(qtbot: Any, window: Any) -> Any:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.focusWidget() or window.search, Qt.Key.Key_4, CTRL)
    qtbot.waitUntil(lambda: window.pages.current() == "shift")
    page = window.shift.page
    qtbot.waitUntil(lambda: page.figures is not None, timeout=20_000)
    return page


def test_ctrl_4_shows_todays_figures(qtbot: Any, make_panel: Any, ui_paths: Paths) -> None:
    seed(ui_paths)
    window = make_panel()
    page = open_shift(qtbot, window)
    assert shown(window) == {
        "calls": "2",
        "handle": "4:00",  # (5:00 + 3:00) / 2
        "open": "2",
        "overdue": "1",
        "kept": "1 of 2 (50%)",  # the kept one and the overdue one are due; one is to come
    }
    assert page.report_button.hasFocus()  # Enter writes the report
    assert window.pages.tabs.tabText(window.pages.tabs.currentIndex()) == "Shift"


def test_the_figures_follow_a_save(qtbot: Any, make_panel: Any, ui_paths: Paths) -> None:
    seed(ui_paths)
    window = make_panel()
    open_shift(qtbot, window)
    assert shown(window)["calls"] == "2"
    notes = window.notes
    notes.page.form.set_text("customer_title", "张经理")
    notes.page.form.set_text("request", "企业版升级")
    notes.new_call()  # a call started now, today
    with qtbot.waitSignal(notes.saver.done, timeout=20_000):
        notes.save()
    qtbot.waitUntil(lambda: shown(window)["calls"] == "3", timeout=20_000)


def test_the_tab_shows_zeros_on_an_empty_store(qtbot: Any, make_panel: Any) -> None:
    window = make_panel()
    window.pages.tabs.setCurrentIndex(3)  # a click on the Shift tab
    qtbot.waitUntil(lambda: window.shift.page.figures is not None, timeout=20_000)
    assert shown(window) == {
        "calls": "0",
        "handle": "–",
        "open": "0",
        "overdue": "0",
        "kept": "none due yet",
    }


def test_the_button_writes_todays_workbook(
    qtbot: Any, make_panel: Any, ui_paths: Paths, tmp_path: Path
) -> None:
    seed(ui_paths)
    window = make_panel()
    page = open_shift(qtbot, window)
    target = tmp_path / "today.xlsx"
    asked: list[str] = []
    page.ask_path = lambda suggested: asked.append(suggested) or target
    qtbot.keyClick(page.report_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not page.running, timeout=60_000)
    assert page.result.text() == f"Report of 2 call(s) written to {target}"
    assert Path(asked[0]).name == f"report-{NOW.date()}-to-{NOW.date()}.xlsx"
    book = openpyxl.load_workbook(target)
    calls = list(book["Calls"].iter_rows(min_row=2, values_only=True))
    assert len(calls) == 2
    assert window.status.text() == page.result.text()


@pytest.mark.parametrize("language", ["en", "zh_CN", "zh_TW"])
def test_picture_of_my_shift(
    qtbot: Any, make_panel: Any, ui_paths: Paths, install: Any, tmp_path: Path, language: str
) -> None:
    install(language)
    seed(ui_paths)
    window = make_panel()
    window.resize(QSize(360, 560))
    page = open_shift(qtbot, window)
    if language != "en":
        assert page.report_button.text() != "Write today's report…"
        assert window.pages.tabs.tabText(3) != "Shift"
    for label in (page.title, page.report_button, *page.values.values()):
        assert label.sizeHint().width() <= label.width() or label.width() == 0, label.text()
    if os.environ.get("AGENT_ASSIST_SCREENSHOTS"):
        folder = Path(__file__).resolve().parents[2] / "screenshots"
    else:
        folder = tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    qtbot.wait(50)
    assert window.grab().save(str(folder / f"my-shift-{language}.png"))
