"""Export from the panel: a date range and a table, off the UI thread, with progress;
cancelling leaves no file; a 100,000-record export keeps the event loop turning."""

from __future__ import annotations

import csv
import random
import sqlite3
import threading
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer

from assistant.paths import Paths
from assistant.store.db import Store
from assistant.store.fields import CALL_FIELD_NAMES


def fill(path: Path, count: int, start: datetime) -> None:
    """``count`` records written straight into the store (as benchmarks/bench_records.py)."""
    rng = random.Random(7)
    rows = []
    for i in range(count):
        began = start + timedelta(minutes=7 * i)
        rows.append(
            {
                "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                "status": "final",
                "started_at": began.isoformat(),
                "ended_at": (began + timedelta(minutes=5)).isoformat(),
                "talk_seconds": 300,
                "channel": "phone",
                "direction": "inbound",
                "customer_title": f"客户{i % 97}",
                "customer_contact": "+86 138 0013 8000",
                "request": "退款进度查询",
                "key_problem": "退款一周未到账",
                "outcome": "已加急，明天10:00前回电",
                "notes": '客户原话："今天必须给我答复", 语气急促\n已记录',
                "tags": "退款;加急",
                "created_at": began.isoformat(),
                "updated_at": began.isoformat(),
            }
        )
    conn = sqlite3.connect(path)
    names = list(rows[0])
    marks = ", ".join("?" * len(names))
    conn.executemany(
        f"INSERT INTO calls ({', '.join(names)}) VALUES ({marks})",
        [tuple(r[n] for n in names) for r in rows],
    )
    conn.commit()
    conn.close()


def settle(qtbot: Any, window: Any) -> None:
    """Let the panel finish its start-up work (usage, calendar, follow-ups, backup)."""
    state = window.state
    qtbot.waitUntil(lambda: window.followups.reminders.loaded, timeout=60_000)
    for lane in (state.lane, state.slow_lane, state.draft_lane):
        done: list[bool] = []
        lane.submit(lambda: None, lambda _r, d=done: d.append(True))
        qtbot.waitUntil(lambda d=done: bool(d), timeout=60_000)


def export_page(qtbot: Any, window: Any, target: Path) -> Any:
    window.followups.show_export()
    page = window.followups.export_page
    page.ask_path = lambda _suggested: target
    return page


def test_export_a_date_range_of_calls(
    qtbot: Any, make_panel: Any, store: Store, ui_paths: Paths, tmp_path: Path
) -> None:
    store.close()
    start = datetime(2026, 3, 1, 1, 0, tzinfo=UTC)
    fill(ui_paths.store_file, 500, start)
    days = [(start + timedelta(minutes=7 * i)).astimezone().date() for i in range(500)]
    expected = sum(1 for d in days if date(2026, 3, 1) <= d <= date(2026, 3, 2))
    window = make_panel()
    target = tmp_path / "march.csv"
    page = export_page(qtbot, window, target)
    page.since.setDate(date(2026, 3, 1))
    page.until.setDate(date(2026, 3, 2))
    with qtbot.waitSignal(page.finished, timeout=30_000) as done:
        page.export_button.click()
        assert page.cancel_button.isVisible()
        assert page.bar.isVisible()
    assert done.args[0] == f"{expected} row(s) exported to {target}"
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == [*CALL_FIELD_NAMES, "utc_offset"]
    assert len(rows) == expected + 1
    assert not page.cancel_button.isVisible()
    assert window.status.text() == done.args[0]


def test_cancelling_leaves_no_file(
    qtbot: Any, make_panel: Any, store: Store, ui_paths: Paths, tmp_path: Path
) -> None:
    store.close()
    fill(ui_paths.store_file, 5000, datetime(2026, 3, 1, 1, 0, tzinfo=UTC))
    window = make_panel()
    out = tmp_path / "out"
    out.mkdir()
    target = out / "all.csv"
    page = export_page(qtbot, window, target)
    page.all_dates.setChecked(True)
    # Hold the worker, so the export is surely cancelled before it has finished.
    release = threading.Event()
    window.state.slow_lane.submit(lambda: release.wait(30))
    with qtbot.waitSignal(page.finished, timeout=30_000) as done:
        page.export_button.click()
        page.cancel_button.click()
        release.set()
    assert done.args[0] == "Export cancelled; no file was written."
    assert list(out.iterdir()) == []


@pytest.mark.slow
def test_the_agent_searches_while_a_100000_record_export_runs(
    qtbot: Any, make_panel: Any, store: Store, ui_paths: Paths, tmp_path: Path, type_into: Any
) -> None:
    # How long the panel may pause during such an export is benchmarks/bench_export_ui's
    # figure; here, what the agent sees: the bar moving, the playbook answering, the file.
    store.close()
    fill(ui_paths.store_file, 100_000, datetime(2025, 1, 1, 1, 0, tzinfo=UTC))
    window = make_panel()
    settle(qtbot, window)
    target = tmp_path / "all.csv"
    page = export_page(qtbot, window, target)
    page.all_dates.setChecked(True)
    with qtbot.waitSignal(page.finished, timeout=300_000) as done:
        page.export_button.click()
        qtbot.waitUntil(lambda: 0 < page.bar.value() < 100_000, timeout=60_000)
        window.pages.show("playbook")
        type_into(window.search, "退款")
        assert window.model.row(0).entry.id == "t.refund.commit"
        assert page.bar.value() < 100_000  # answered while the export was still running
    assert done.args[0] == f"100000 row(s) exported to {target}"
    with target.open(encoding="utf-8-sig", newline="") as exported:
        assert sum(1 for _ in csv.reader(exported)) == 100_001
    assert target.stat().st_size > 10_000_000


def test_the_export_dialog_gives_the_file_the_agent_chose(
    qtbot: Any, tmp_path: Path, qt_dialogs: None
) -> None:
    from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

    from assistant.ui.save_dialog import ask_save_path

    parent = QWidget()
    qtbot.addWidget(parent)
    chosen = tmp_path / "march.csv"

    def choose(tries: int = 500) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QFileDialog) and dialog.isVisible():
            dialog.selectFile(str(chosen))
            dialog.accept()
        elif tries:
            QTimer.singleShot(20, lambda: choose(tries - 1))

    QTimer.singleShot(0, choose)
    assert ask_save_path(parent, "Export", str(tmp_path / "calls.csv"), "CSV (*.csv)") == chosen


def test_the_report_workbook_of_a_date_range(
    qtbot: Any, make_panel: Any, store: Store, ui_paths: Paths, tmp_path: Path
) -> None:
    import openpyxl

    store.close()
    start = datetime(2026, 3, 1, 1, 0, tzinfo=UTC)
    fill(ui_paths.store_file, 500, start)
    days = [(start + timedelta(minutes=7 * i)).astimezone().date() for i in range(500)]
    expected = sum(1 for d in days if date(2026, 3, 1) <= d <= date(2026, 3, 2))
    window = make_panel()
    target = tmp_path / "march.xlsx"
    page = export_page(qtbot, window, target)
    suggested: list[str] = []
    page.ask_path = lambda name: suggested.append(name) or target
    page.table.setCurrentIndex(page.table.findText("Report workbook (XLSX)"))
    assert not page.raw.isEnabled()
    page.since.setDate(date(2026, 3, 1))
    page.until.setDate(date(2026, 3, 2))
    with qtbot.waitSignal(page.finished, timeout=60_000) as done:
        page.export_button.click()
        assert page.cancel_button.isVisible()
        assert page.bar.isVisible()
    assert done.args[0] == f"Report of {expected} call(s) written to {target}"
    assert Path(suggested[0]).name == "report-2026-03-01-to-2026-03-02.xlsx"
    book = openpyxl.load_workbook(target, read_only=True)
    assert book.sheetnames[:2] == ["Summary", "Calls"]
    assert book["Calls"].max_row == expected + 1
    assert window.status.text() == done.args[0]


def test_cancelling_the_report_leaves_no_file(
    qtbot: Any, make_panel: Any, store: Store, ui_paths: Paths, tmp_path: Path
) -> None:
    store.close()
    fill(ui_paths.store_file, 5000, datetime(2026, 3, 1, 1, 0, tzinfo=UTC))
    window = make_panel()
    out = tmp_path / "out"
    out.mkdir()
    page = export_page(qtbot, window, out / "report.xlsx")
    page.table.setCurrentIndex(page.table.findText("Report workbook (XLSX)"))
    page.all_dates.setChecked(True)
    release = threading.Event()
    window.state.slow_lane.submit(lambda: release.wait(30))
    with qtbot.waitSignal(page.finished, timeout=30_000) as done:
        page.export_button.click()
        page.cancel_button.click()
        release.set()
    assert done.args[0] == "Export cancelled; no file was written."
    assert list(out.iterdir()) == []
