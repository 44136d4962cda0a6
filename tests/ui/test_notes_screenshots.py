"""The notes side of the panel as an agent sees it: the empty form, a full form, the
follow-up list with an overdue item, the export page; in each language, light and
dark. Every caption whole, nothing on top of anything else (see test_screenshots.py,
which also runs this file at 200 %). Pictures are kept as there.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from assistant.notes.service import commitment_followup, save_form
from assistant.paths import builtin_packs_dir

SIZE = QSize(360, 780)


def fill(form: Any) -> None:
    form.set_text("facts", "3月14日提交企业版升级申请\n至今未收到任何回复，已打过两次电话")
    form.set_text("emotions", "着急，担心影响月底结算")
    form.set_text("demands", "下月1日前完成升级")
    form.set_choice("emotion_start", "angry")
    form.set_choice("emotion_end", "calm")
    form.set_choice("customer_type", "rational")
    form.set_text("customer_contact", "+86 138 0013 8000")
    form.set_text("request", "下月1日前完成企业版升级。")
    form.set_text("key_problem", "升级申请提交后无人跟进，我们会尽快处理；客户担心SLA无法保证。")
    form.set_text("outcome", "说明升级需3个工作日，已代为加急提交，明天10:00前回电确认。")
    form.set_choice("resolution", "partial")


@pytest.mark.parametrize("language", ["en", "zh-Hans", "zh-Hant"])
def test_notes_follow_ups_and_export_show_every_caption_whole(
    qtbot: Any,
    make_panel: Any,
    install: Any,
    shown: Callable[[Any, str], None],
    store: Any,
    ui_paths: Any,
    go_dark: Callable[[], None],
    language: str,
) -> None:
    install(language)
    earlier = str(uuid.uuid4())
    store.close()
    window = make_panel(builtin=builtin_packs_dir())
    now = window.state.clock()
    window.resize(SIZE)
    window.activateWindow()
    window.notes.show()
    shown(window, f"n1-notes-empty-{language}")

    window.notes.new_call()
    form = window.notes.page.form
    fill(form)
    window.notes.add_followup(
        {"owner": "王芳", "due_at": now + timedelta(days=1), "plan": "回电确认升级进度"}
    )
    form.lint_now()
    shown(window, f"n2-notes-full-{language}")
    form.show_more(True)
    for _ in range(3):
        QApplication.processEvents()
    window.notes.page.scroller.verticalScrollBar().setValue(10_000)
    shown(window, f"n3-notes-more-{language}")

    from assistant.store.db import open_store

    opened = open_store(ui_paths.store_file)
    try:
        overdue = commitment_followup(
            str(uuid.uuid4()), now - timedelta(hours=2), "王芳", "回电确认退款到账"
        )
        soon = commitment_followup(
            str(uuid.uuid4()), now + timedelta(minutes=20), "财务部", "核实退款流水"
        )
        later = commitment_followup(
            str(uuid.uuid4()), now + timedelta(days=2), "技术支持", "完成企业版配置"
        )
        save_form(
            opened,
            {"id": earlier, "customer_title": "李总", "request": "退款一周未到账"},
            [overdue, soon],
            now=now,
        )
        save_form(
            opened,
            {"id": str(uuid.uuid4()), "customer_title": "张经理", "request": "企业版升级"},
            [later],
            now=now,
        )
    finally:
        opened.close()
    window.followups.show()
    qtbot.waitUntil(lambda: window.followups.page.model.rowCount() == 3, timeout=20_000)
    shown(window, f"n4-followups-overdue-{language}")

    window.followups.show_export()
    shown(window, f"n5-export-{language}")

    go_dark()
    window.notes.show()
    form.show_more(False)
    window.notes.page.scroller.verticalScrollBar().setValue(0)
    shown(window, f"n6-notes-dark-{language}")
    window.followups.show()
    shown(window, f"n7-followups-dark-{language}")
