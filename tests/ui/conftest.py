"""UI fixtures: a small known playbook, a fixed clock, a recording clipboard, a panel."""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from assistant.paths import Paths
from assistant.settings import Settings, load_settings, save_settings

TEST_PACK = """\
pack:
  id: ui-test
  name: 界面测试话术
  language: zh-Hans
  version: "1"
  author: tests
placeholders:
  reply_by:
    kind: date
    label: 回复时间
    spec: "+1 business day at 10:00"
entries:
  - id: t.opening
    title: 接听来电：问候 + 姓名工号
    category: opening
    body: "您好，我是{agent_name}，工号{agent_id}，请问{customer_title}有什么可以帮您？"
    tags: [开场, greeting]
    when_to_use: 接起电话的头30秒：先报姓名和工号。
    alternatives:
      - "{customer_title}您好，我是{agent_name}（工号{agent_id}），很高兴为您服务。"
      - "您好，客服{agent_name}为您服务，工号{agent_id}。"
  - id: t.refund.commit
    title: 退款进度的承诺回复
    category: commitment
    body: "{customer_title}，您的订单{order_id}的退款我已{speed}，我会在{reply_by}之前给您回电话。"
    tags: [退款, 回电, refund]
    when_to_use: 客户追问退款什么时候到账，而你需要先和财务确认。
    emotion_stages: [dissatisfied, angry]
    placeholders:
      order_id:
        label: 订单号
      speed:
        label: 处理方式
        choices: [提交加急, 正常提交]
        default: 提交加急
  - id: t.sla
    title: SLA 是什么
    category: jargon
    term: SLA
    plain: 我们书面写下的服务承诺
    analogy: 就像快递写明“次日达”，我们写明了故障 2 小时内响应。
    body: "SLA 就是我们写在合同里的服务承诺：{analogy_text}"
    placeholders:
      analogy_text:
        default: 出了故障 2 小时内一定有人响应，严重问题 4 小时内解决。
    tags: [术语, 合同]
  - id: t.taboo.interrupt
    title: 不要打断客户
    category: taboo
    body: 客户说话时不要插话；必须打断时，先说“抱歉打断一下”。
    tags: [打断]
  - id: t.angry.pause
    title: 愤怒：暂停信号
    category: de_escalation
    body: "{customer_title}，我先把您说的情况完整记下来，请您稍等我一下。"
    emotion_stages: [angry]
    tags: [愤怒, 暂停]
  - id: t.closing.thanks
    title: Closing thanks
    category: closing
    body: "Thank you for calling, {customer_title}. Have a good day."
    tags: [thanks]
"""

# A Tuesday that is a working day in CN: "+1 business day at 10:00" is Wednesday 10:00.
NOW = datetime(2026, 3, 10, 14, 0).astimezone()


class RecordingClipboard:
    def __init__(self) -> None:
        self.texts: list[str] = []

    def copy(self, text: str) -> None:
        self.texts.append(text)


@pytest.fixture
def clipboard() -> RecordingClipboard:
    return RecordingClipboard()


@pytest.fixture
def empty_builtin(tmp_path: Path) -> Path:
    folder = tmp_path / "no-builtin-packs"
    folder.mkdir()
    return folder


@pytest.fixture
def ui_paths(paths: Paths) -> Paths:
    paths.user_packs_dir.mkdir(parents=True, exist_ok=True)
    (paths.user_packs_dir / "ui-test.yaml").write_text(TEST_PACK, encoding="utf-8")
    return paths


@pytest.fixture
def make_panel(
    qtbot: Any, ui_paths: Paths, empty_builtin: Path, clipboard: RecordingClipboard
) -> Iterator[Callable[..., Any]]:
    """Build a shown panel on the test pack; wait until its playbook is loaded."""
    from assistant.ui.background import BackgroundLane
    from assistant.ui.state import PanelState
    from assistant.ui.window import MainWindow

    made: list[Any] = []

    def make(
        settings: Settings | None = None,
        *,
        clip: Any = None,
        builtin: Path | None = None,
        show: bool = True,
        wait_ready: bool = True,
    ) -> MainWindow:
        if settings is None:
            settings = Settings(agent_name="王芳", agent_id="A1024")
        state = PanelState(
            ui_paths,
            settings,
            BackgroundLane(),
            clock=lambda: NOW,
            builtin_dir=builtin or empty_builtin,
        )

        def persist(changed: Settings) -> None:
            save_settings(ui_paths.settings_file, changed)

        window = MainWindow(state, clip or clipboard, persist)
        qtbot.addWidget(window)
        made.append(window)
        if show:
            window.show()
            if wait_ready:
                qtbot.waitUntil(lambda: window.is_ready, timeout=30_000)
                qtbot.waitUntil(lambda: window.keys_ready)  # a moment after ready
        return window

    yield make
    for window in made:
        window.state.close()


@pytest.fixture
def install(qapp: Any) -> Iterator[Callable[..., Any]]:
    """Install a language as start-up does; undo it (translators, default locale) after."""
    from PySide6.QtCore import QLocale

    from assistant.ui import i18n

    previous = QLocale()
    done: list[i18n.Translations] = []

    def run(setting: str, system: str = "C") -> i18n.Translations:
        installed = i18n.install_translations(qapp, setting, system=QLocale(system))
        done.append(installed)
        return installed

    yield run
    for installed in done:
        installed.remove()
    QLocale.setDefault(previous)


@pytest.fixture
def qt_dialogs(qapp: Any) -> Iterator[None]:
    """Qt's own file dialog, as on a desktop without one of its own, whatever this one has."""
    from PySide6.QtCore import QCoreApplication, Qt

    attribute = Qt.ApplicationAttribute.AA_DontUseNativeDialogs
    before = QCoreApplication.testAttribute(attribute)
    QCoreApplication.setAttribute(attribute, True)
    yield
    QCoreApplication.setAttribute(attribute, before)


@pytest.fixture
def saved_settings(ui_paths: Paths) -> Callable[[], Settings]:
    return lambda: load_settings(ui_paths.settings_file)


@pytest.fixture
def read_clipboard() -> Callable[[], str]:
    """What the X clipboard holds, read the way another program would."""

    def read() -> str:
        return subprocess.run(
            ["xclip", "-o", "-selection", "clipboard"],
            check=True,
            capture_output=True,
            timeout=10,
        ).stdout.decode("utf-8")

    return read


def commit_text(widget: Any, text: str, preedit: str = "") -> None:
    """What an input method sends: pre-edit text, or a committed string."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    event = QInputMethodEvent(preedit, [])
    if not preedit:
        event.setCommitString(text)
    QApplication.sendEvent(widget, event)


@pytest.fixture
def type_into(qtbot: Any) -> Callable[[Any, str], None]:
    """Type like an agent: ASCII as key presses, Chinese as IME commits, one at a time."""

    def type_text(widget: Any, text: str) -> None:
        for char in text:
            if char.isascii():
                qtbot.keyClicks(widget, char)
            else:
                commit_text(widget, char)

    return type_text


@pytest.fixture
def ime() -> Callable[..., None]:
    return commit_text


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def fake_clock() -> type[FakeClock]:
    return FakeClock


@pytest.fixture
def panel(qtbot: Any, make_panel: Any) -> Any:
    window = make_panel()
    window.state.clock = FakeClock(window.state.clock())
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


@pytest.fixture
def go_dark(request: pytest.FixtureRequest) -> Callable[[], None]:
    """Switch the application to a dark palette, as a desktop going dark does."""

    def switch() -> None:
        from PySide6.QtGui import QColor, QPalette
        from PySide6.QtWidgets import QApplication

        light = QApplication.palette()
        palette = QPalette()
        role = QPalette.ColorRole
        for r, colour in (
            (role.Window, "#1f2125"),
            (role.WindowText, "#e6e6e6"),
            (role.Base, "#17181b"),
            (role.AlternateBase, "#24262a"),
            (role.Text, "#e6e6e6"),
            (role.Button, "#2a2c31"),
            (role.ButtonText, "#e6e6e6"),
            (role.Highlight, "#3b82f6"),
            (role.HighlightedText, "#ffffff"),
            (role.PlaceholderText, "#8a8d93"),
            (role.ToolTipBase, "#2a2c31"),
            (role.ToolTipText, "#e6e6e6"),
            (role.Mid, "#4a4d55"),
        ):
            palette.setColor(r, QColor(colour))
        QApplication.setPalette(palette)
        request.addfinalizer(lambda: QApplication.setPalette(light))

    return switch


# -- what an agent would notice on screen: a caption cut short, widgets on top of each other --


def _caption(text: str) -> str:
    """A caption as drawn: the mnemonic '&' gone ('&&' is one '&')."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _label_problem(label: Any) -> str | None:
    from PySide6 import QtGui
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QFontMetrics, QTextDocument

    text = label.text()
    if not text or not label.pixmap().isNull():
        return None
    room = label.contentsRect().adjusted(
        label.margin(), label.margin(), -label.margin(), -label.margin()
    )
    if label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text)
    ):
        document = QTextDocument()
        document.setDocumentMargin(0)
        document.setDefaultFont(label.font())
        document.setHtml(text)
        if label.wordWrap():
            document.setTextWidth(room.width())
            width, height = document.idealWidth(), document.size().height()
        else:
            width, height = document.idealWidth(), document.size().height()
        shown = document.toPlainText()
    else:
        metrics = QFontMetrics(label.font())
        flags = int(Qt.TextFlag.TextShowMnemonic) if label.buddy() is not None else 0
        if label.wordWrap():
            flags |= int(Qt.TextFlag.TextWordWrap)
        bound = metrics.boundingRect(QRect(0, 0, max(room.width(), 1), 100_000), flags, text)
        width, height = bound.width(), bound.height()
        shown = text
    if width > room.width() + 1 or height > room.height() + 1:
        return f"{shown!r} needs {width:.0f}x{height:.0f}, has {room.width()}x{room.height()}"
    return None


def _button_problem(button: Any) -> str | None:
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import (
        QCheckBox,
        QPushButton,
        QRadioButton,
        QStyle,
        QStyleOptionButton,
        QStyleOptionToolButton,
        QToolButton,
    )

    text = _caption(button.text())
    if not text:
        return None
    style = button.style()
    needed = QFontMetrics(button.font()).horizontalAdvance(text)
    if isinstance(button, QToolButton):
        if button.toolButtonStyle() == button.toolButtonStyle().ToolButtonIconOnly:
            return None
        tool = QStyleOptionToolButton()
        button.initStyleOption(tool)
        if (
            tool.toolButtonStyle == tool.toolButtonStyle.ToolButtonIconOnly
            and not tool.icon.isNull()
        ):
            return None
        area = style.subControlRect(
            QStyle.ComplexControl.CC_ToolButton, tool, QStyle.SubControl.SC_ToolButton, button
        )
        frame = style.pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, tool, button)
        room = area.width() - 2 * frame
        if (
            not tool.icon.isNull()
            and tool.toolButtonStyle == tool.toolButtonStyle.ToolButtonTextBesideIcon
        ):
            needed += tool.iconSize.width() + 4
    else:
        option = QStyleOptionButton()
        button.initStyleOption(option)
        element = QStyle.SubElement.SE_PushButtonContents
        for kind, sub in (
            (QCheckBox, QStyle.SubElement.SE_CheckBoxContents),
            (QRadioButton, QStyle.SubElement.SE_RadioButtonContents),
        ):
            if isinstance(button, kind):
                element = sub
        room = style.subElementRect(element, option, button).width()
        if isinstance(button, QPushButton) and not option.icon.isNull():
            needed += option.iconSize.width() + 4
    if needed > room + 1:
        return f"{text!r} needs {needed}, has {room}"
    return None


def _tab_problems(bar: Any) -> list[str]:
    found = []
    for i in range(bar.count()):
        if not bar.isTabVisible(i):
            continue
        rect, hint = bar.tabRect(i), bar.tabSizeHint(i)
        if rect.width() < hint.width() or not bar.rect().contains(rect):
            found.append(f"tab {_caption(bar.tabText(i))!r}: {rect.width()} of {hint.width()}")
    return found


def _combo_problems(combo: Any) -> list[str]:
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

    if combo.isEditable() or combo.count() == 0:
        return []
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    metrics = QFontMetrics(combo.font())
    found = []
    for i in range(combo.count()):  # any choice the agent may pick is shown here
        text = combo.itemText(i)
        needed = metrics.horizontalAdvance(text)
        if not combo.itemIcon(i).isNull():
            needed += combo.iconSize().width() + 4
        if needed > field.width() + 1:
            found.append(f"choice {text!r} needs {needed}, has {field.width()}")
    return found


def _overlaps(parent: Any) -> list[str]:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QAbstractScrollArea, QStackedLayout, QStackedWidget, QWidget

    if isinstance(parent, QStackedWidget) or isinstance(parent.layout(), QStackedLayout):
        return []  # one page at a time
    direct = Qt.FindChildOption.FindDirectChildrenOnly
    children = [
        c
        for c in parent.findChildren(QWidget, options=direct)
        if c.isVisible() and not c.isWindow() and c.width() > 0 and c.height() > 0
    ]
    found = []
    for i, one in enumerate(children):
        scrolled = isinstance(parent.parent(), QAbstractScrollArea)  # a viewport's content
        inside = scrolled or parent.rect().contains(one.geometry())
        if not inside:
            found.append(f"{_name(one)} sticks out of {_name(parent)}")
        for other in children[i + 1 :]:
            if one.geometry().intersects(other.geometry()):
                found.append(f"{_name(one)} overlaps {_name(other)}")
    return found


def _name(widget: Any) -> str:
    text = ""
    for attr in ("text", "title", "windowTitle"):
        getter = getattr(widget, attr, None)
        if callable(getter):
            try:
                text = str(getter())
            except TypeError:
                continue
            if text:
                break
    return f"{type(widget).__name__}({widget.objectName() or _caption(text)[:20]!r})"


def layout_problems(root: Any) -> list[str]:
    """Every caption on ``root`` that does not fit its widget (cut off or elided), every
    widget drawn over a sibling or outside its parent: what an agent would notice."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QComboBox,
        QGroupBox,
        QLabel,
        QLineEdit,
        QTabBar,
        QWidget,
    )

    found: list[str] = []
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if widget is not root and (not widget.isVisibleTo(root) or widget.isWindow()):
            continue
        where = _name(widget)
        problem = None
        if isinstance(widget, QLabel):
            problem = _label_problem(widget)
        elif isinstance(widget, QAbstractButton):
            problem = _button_problem(widget)
        elif isinstance(widget, QTabBar):
            found += [f"{where}: {p}" for p in _tab_problems(widget)]
        elif isinstance(widget, QComboBox):
            found += [f"{where}: {p}" for p in _combo_problems(widget)]
        elif isinstance(widget, QGroupBox) and widget.title():
            from PySide6.QtGui import QFontMetrics

            needed = QFontMetrics(widget.font()).horizontalAdvance(_caption(widget.title()))
            if needed > widget.width():
                problem = f"title needs {needed}, has {widget.width()}"
        texts = isinstance(widget, QComboBox | QLineEdit) or (
            isinstance(widget, QAbstractButton) and widget.text()  # not a line's clear button
        )
        if texts:
            least = widget.minimumSizeHint().height()
            if widget.height() < least - 1:  # squeezed: the text's bottom is cut off
                found.append(f"{where}: squeezed to {widget.height()} of {least} px high")
        if problem:
            found.append(f"{where}: {problem}")
        found += _overlaps(widget)
    return found


@pytest.fixture
def fits(qtbot: Any) -> Callable[[Any], None]:
    """Assert that every caption on a window fits and nothing overlaps."""

    def check(root: Any) -> None:
        qtbot.wait(150)  # the posted re-layouts and "soon" timers run, as on screen
        problems = list(dict.fromkeys(layout_problems(root)))
        assert not problems, "\n".join(problems)

    return check


@pytest.fixture
def shots_dir(tmp_path: Path) -> Path:
    """Where pictures of the panel go: ``screenshots/`` when AGENT_ASSIST_SCREENSHOTS is
    set, for a person to look at; else a temporary folder."""
    import os

    if os.environ.get("AGENT_ASSIST_SCREENSHOTS"):
        folder = Path(__file__).resolve().parents[2] / "screenshots"
    else:
        folder = tmp_path / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def shown(qtbot: Any, fits: Callable[[Any], None], shots_dir: Path) -> Callable[[Any, str], None]:
    """Keep a picture of a window as ``NAME@<scale>x.png`` and check it as the agent
    sees it (``fits``), at the scaling this run is about (QT_SCALE_FACTOR)."""
    import os

    from PySide6.QtGui import QPalette, QPixmap

    scale = float(os.environ.get("QT_SCALE_FACTOR", "1"))

    def check(window: Any, name: str) -> None:
        qtbot.wait(150)  # the posted re-layouts and "soon" timers run, as on screen
        assert window.devicePixelRatio() == scale
        pixmap = QPixmap(window.size() * scale)
        pixmap.setDevicePixelRatio(scale)
        pixmap.fill(window.palette().color(QPalette.ColorRole.Window))
        window.render(pixmap)
        assert pixmap.save(str(shots_dir / f"{name}@{scale:g}x.png"))  # also of a failure
        fits(window)

    return check
