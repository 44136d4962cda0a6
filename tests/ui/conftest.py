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
