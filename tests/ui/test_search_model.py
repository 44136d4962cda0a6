"""The result list model: fed by set_rows, checked by Qt's model tester."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from assistant.playbooks.model import Entry, Placeholder
from assistant.playbooks.search import Hit
from assistant.ui.search_model import (
    CategoryRole,
    EntryListModel,
    EntryRole,
    FavouriteRole,
    SnippetRole,
    UsedRole,
    WarningRole,
)
from assistant.ui.state import Row


def entry(i: int, **changes: Any) -> Entry:
    values: dict[str, Any] = {
        "id": f"e.{i}",
        "title": f"退款话术 {i}",
        "category": "commitment",
        "body": "{customer_title}，订单{order_id}的退款我会在明天跟进。",
        "placeholders": (Placeholder("order_id", label="订单号"),),
        "language": "zh-Hans",
    }
    values.update(changes)
    return Entry(**values)


def test_the_model_passes_qt_model_tester(qtmodeltester: Any) -> None:
    model = EntryListModel()
    model.set_rows([Row(Hit.of(entry(i)), favourite=i == 0, used=i == 1) for i in range(5)])
    qtmodeltester.check(model)  # Qt's own QAbstractItemModelTester
    qtmodeltester.check(model, force_py=True)  # and pytest-qt's port
    model.set_rows([])
    qtmodeltester.check(model)


def test_rows_and_roles() -> None:
    model = EntryListModel()
    taboo = entry(2, category="taboo", title="不要打断客户", body="不要插话。")
    model.set_rows(
        [
            Row(Hit.of(entry(0)), favourite=True),
            Row(Hit.of(entry(1)), used=True),
            Row(Hit.of(taboo)),
        ]
    )
    assert model.rowCount() == 3
    first = model.index(0, 0)
    assert first.data(Qt.ItemDataRole.DisplayRole) == "退款话术 0"
    assert first.data(EntryRole).id == "e.0"
    assert first.data(FavouriteRole) is True
    assert first.data(CategoryRole) == "Commitment"
    # Blanks show by their labels, so the list never shows raw braces.
    assert first.data(SnippetRole) == "〔customer title〕，订单〔订单号〕的退款我会在明天跟进。"
    assert model.index(1, 0).data(UsedRole) is True
    assert model.index(2, 0).data(WarningRole) is True
    assert model.find("e.1") == 1
    assert model.find("missing") == -1
    assert model.row(3) is None


def test_set_rows_replaces_everything(qtbot: Any) -> None:
    model = EntryListModel()
    model.set_rows([Row(Hit.of(entry(i))) for i in range(3)])
    with qtbot.waitSignal(model.modelReset):
        model.set_rows([Row(Hit.of(entry(9)))])
    assert model.rowCount() == 1
    assert model.index(0, 0).data(EntryRole).id == "e.9"


def test_long_snippets_are_cut_to_one_line() -> None:
    model = EntryListModel()
    model.set_rows([Row(Hit.of(entry(0, body="第一行\n第二行 " + "很长" * 100)))])
    text = model.index(0, 0).data(SnippetRole)
    assert "\n" not in text
    assert text.endswith("…")
    assert len(text) <= 120
