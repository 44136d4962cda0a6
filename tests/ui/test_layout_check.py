"""The check the screenshot tests rely on finds what an agent would see: a caption cut
short, a combo too narrow for a choice, a squeezed field, widgets drawn on each other."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from .conftest import layout_problems


def _window(qtbot: Any) -> QWidget:
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(300, 200)
    return window


def test_whole_captions_side_by_side_pass(qtbot: Any) -> None:
    window = _window(qtbot)
    layout = QVBoxLayout(window)
    for widget in (QLabel("客户要求明天回电"), QPushButton("Save"), QComboBox(), QLineEdit()):
        layout.addWidget(widget)
    window.show()
    qtbot.waitExposed(window)
    assert layout_problems(window) == []


def test_a_cut_caption_a_narrow_choice_and_a_squeezed_field_are_found(qtbot: Any) -> None:
    window = _window(qtbot)
    label = QLabel("A caption far too long for forty pixels", window)
    label.setGeometry(0, 0, 40, 20)
    button = QPushButton("Confrontational customer", window)
    button.setGeometry(0, 30, 60, 30)
    combo = QComboBox(window)
    combo.addItems(["All", "De-escalation and apology"])
    combo.setGeometry(0, 70, 70, 26)
    field = QLineEdit(window)
    field.setGeometry(0, 110, 100, 8)
    window.show()
    qtbot.waitExposed(window)
    found = "\n".join(layout_problems(window))
    assert "'A caption far too long" in found
    assert "'Confrontational customer' needs" in found
    assert "choice 'De-escalation and apology'" in found
    assert "squeezed to 8" in found


def test_widgets_drawn_on_each_other_or_outside_their_window_are_found(qtbot: Any) -> None:
    window = _window(qtbot)
    QPushButton("OK", window).setGeometry(10, 10, 80, 30)
    QPushButton("Cancel", window).setGeometry(60, 20, 80, 30)
    QLabel("x", window).setGeometry(280, 180, 50, 30)
    window.show()
    qtbot.waitExposed(window)
    found = "\n".join(layout_problems(window))
    assert "QPushButton('OK') overlaps QPushButton('Cancel')" in found
    assert "QLabel('x') sticks out of" in found
