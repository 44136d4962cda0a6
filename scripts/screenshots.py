"""The README's pictures: the panel in each language, the playbook and the call notes.

    .venv/bin/python scripts/screenshots.py [--out docs/images] [--scale 2] [--only zh-Hans]

Writes ``<out>/panel-<scene>-<language>.png`` (scene: ``playbook``, ``notes``,
``editor``: the phrase editor, editing a copy of a result with blanks;
language: ``zh-Hans``, ``zh-Hant``, ``en``) from the built-in packs, a fixed clock
(Tuesday 10 March 2026, 14:00) and sample call values, headless (offscreen) unless
``--show-platform`` is given. It renders the way tests/ui/test_screenshots.py does.

A scene the panel cannot show yet is skipped with a message, and the rest are
still written: run it again when the UI changes to refresh the pictures. Chinese
needs a CJK font (fonts-noto-cjk on Debian/Ubuntu).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

WIDTH, HEIGHT = 360, 780
NOW = datetime(2026, 3, 10, 14, 0).astimezone()
LANGUAGES = ("zh-Hans", "zh-Hant", "en")

# What the agent has typed, per language: a search, and a call in progress.
SEARCH = {"zh-Hans": "退款", "zh-Hant": "退款", "en": "refund"}
AGENT = {
    "zh-Hans": ("王芳", "A1024"),
    "zh-Hant": ("林雅婷", "T0318"),
    "en": ("Amy Wong", "A1024"),
}
CUSTOMER_TITLE = {"zh-Hans": "李总", "zh-Hant": "陳小姐", "en": "Ms. Chen"}
CALL = {
    "zh-Hans": {
        "facts": "3月14日提交企业版升级申请，至今未收到回复，已来电两次",
        "emotions": "着急，担心影响月底结算",
        "demands": "下月1日前完成升级",
        "customer_contact": "138 0013 8000",
        "request": "下月1日前完成企业版升级",
        "key_problem": "升级申请提交后无人跟进",
        "outcome": "说明升级需3个工作日，已加急提交，明天10:00前回电确认",
    },
    "zh-Hant": {
        "facts": "3月14日申請退款，至今仍未入帳，這是第二次來電",
        "emotions": "不耐煩，擔心月底繳款",
        "demands": "本週內退款入帳",
        "customer_contact": "0912 345 678",
        "request": "查詢退款進度",
        "key_problem": "退款已核准，但銀行端尚未入帳",
        "outcome": "已請財務加急處理，明天10:00前回電確認",
    },
    "en": {
        "facts": "Applied for the enterprise upgrade on 14 March; no reply yet; second call",
        "emotions": "Worried it will hold up month-end billing",
        "demands": "Upgrade done before the 1st",
        "customer_contact": "+1 415 555 0134",
        "request": "Enterprise upgrade before the 1st",
        "key_problem": "Nobody followed up the upgrade request",
        "outcome": "Upgrade takes 3 business days; expedited; call back tomorrow by 10:00",
    },
}
CHOICES = {"emotion_start": "dissatisfied", "emotion_end": "calm", "customer_type": "rational"}
FOLLOW_UP = {
    "zh-Hans": ("王芳", "回电确认升级进度"),
    "zh-Hant": ("林雅婷", "回電確認退款入帳"),
    "en": ("Amy Wong", "Call back to confirm the upgrade"),
}


class NoClipboard:
    def copy(self, text: str) -> None:
        pass


def settle(app: Any, seconds: float = 0.3) -> None:
    """Let layouts, posted events and the background lane's answers land."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)


def wait_until(app: Any, done: Callable[[], bool], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise SystemExit("screenshots: the panel did not get ready in time")
        app.processEvents()
        time.sleep(0.01)


def save(app: Any, window: Any, path: Path, scale: int) -> None:
    from PySide6.QtGui import QPalette, QPixmap

    settle(app)
    pixmap = QPixmap(window.size() * scale)
    pixmap.setDevicePixelRatio(scale)
    pixmap.fill(window.palette().color(QPalette.ColorRole.Window))
    window.render(pixmap)
    if not pixmap.save(str(path)):
        raise SystemExit(f"screenshots: cannot write {path}")
    print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


# -- scenes: each returns False when the panel cannot show it (yet) ---------------------------


def playbook_scene(app: Any, window: Any, language: str) -> bool:
    window.search.setText(SEARCH[language])
    settle(app)
    return window.model.rowCount() > 0


def notes_scene(app: Any, window: Any, language: str) -> bool:
    """The call-notes form with a call in progress. Uses the notes page's actions
    (new_call) and its form's values; skipped while the panel has no notes page."""
    actions = getattr(window, "actions_by_name", {})
    notes = getattr(window, "notes", None)
    if "new_call" not in actions or notes is None:
        print(f"skipped notes ({language}): the panel has no 'new_call' action yet")
        return False
    actions["new_call"].trigger()
    settle(app)
    form = getattr(getattr(notes, "page", None), "form", None)
    if form is None or not hasattr(form, "set_text"):
        print(f"notes ({language}): no form.set_text; the picture shows an empty call")
    else:
        # Typed the way the agent would: text fields, then the choices, then a follow-up.
        for name, text in CALL[language].items():
            form.set_text(name, text)
        for name, value in CHOICES.items():
            if hasattr(form, "set_choice"):
                form.set_choice(name, value)
        if hasattr(notes, "add_followup"):
            owner, plan = FOLLOW_UP[language]
            due = NOW + timedelta(days=1)
            notes.add_followup({"owner": owner, "due_at": due.replace(hour=10), "plan": plan})
    settle(app, 0.5)
    return True


# The agent's own words for the copy the editor shows: tags and a shortcode.
EDITOR_TAGS = {"zh-Hans": ("退款", "进度"), "zh-Hant": ("退款", "進度"), "en": ("refund", "status")}


def editor_scene(app: Any, window: Any, language: str) -> Any:
    """Ctrl+Shift+C on the first result with blanks: the editor with the copy, a tag
    and a shortcode typed; the picture is of the dialog alone."""
    from assistant.playbooks.mine import Phrase
    from assistant.ui.phrase_editor import PhraseEditor

    window.search.setText(SEARCH[language])
    settle(app)
    rows = [window.model.row(i).entry for i in range(window.model.rowCount())]
    entry = next((e for e in rows if e.placeholders), rows[0] if rows else None)
    if entry is None:
        return False
    seed = Phrase.copy_of(entry)._replace(tags=EDITOR_TAGS[language], shortcode="tk1")
    editor = PhraseEditor(seed, lambda _phrase: None, window)
    editor.resize(WIDTH, 500)
    editor.show()
    settle(app)
    return editor


# A scene returns False (skipped), True (the panel) or the widget to picture.
SCENES: dict[str, Callable[[Any, Any, str], Any]] = {
    "playbook": playbook_scene,
    "notes": notes_scene,
    "editor": editor_scene,
}


def shoot_language(app: Any, language: str, out: Path, scale: int, scenes: list[str]) -> int:
    from assistant.paths import Paths, builtin_packs_dir
    from assistant.settings import Settings
    from assistant.ui import i18n
    from assistant.ui.background import BackgroundLane
    from assistant.ui.state import PanelState
    from assistant.ui.window import MainWindow

    previous = i18n.QLocale()
    installed = i18n.install_translations(app, language)
    written = 0
    with tempfile.TemporaryDirectory(prefix="agent-assist-shots-") as tmp:
        paths = Paths(Path(tmp) / "data")
        name, agent_id = AGENT[language]
        settings = Settings(agent_name=name, agent_id=agent_id, language=language)
        state = PanelState(
            paths, settings, BackgroundLane(), clock=lambda: NOW, builtin_dir=builtin_packs_dir()
        )
        window = MainWindow(state, NoClipboard(), lambda _settings: None)
        try:
            window.resize(WIDTH, HEIGHT)
            window.show()
            wait_until(app, lambda: window.is_ready)
            window.set_call_values({"customer_title": CUSTOMER_TITLE[language]})
            settle(app)
            for scene in scenes:
                shown = SCENES[scene](app, window, language)
                if shown is not False:
                    widget = window if shown is True else shown
                    save(app, widget, out / f"panel-{scene}-{language}.png", scale)
                    written += 1
                    if widget is not window:
                        widget.close()
        finally:
            window.close()
            state.close()
            window.deleteLater()
            settle(app, 0.1)
            installed.remove()
            i18n.QLocale.setDefault(previous)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "images")
    parser.add_argument("--scale", type=int, default=1, choices=(1, 2), help="2 for HiDPI")
    parser.add_argument("--only", choices=LANGUAGES, action="append", help="just this language")
    parser.add_argument("--scene", choices=sorted(SCENES), action="append", help="just this scene")
    parser.add_argument(
        "--show-platform", action="store_true", help="use the real display, not offscreen"
    )
    args = parser.parse_args(argv)
    if not args.show_platform:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtGui import QFontDatabase
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("agent-assist")
    if not QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        print("warning: no Chinese font found; install fonts-noto-cjk", file=sys.stderr)
    args.out.mkdir(parents=True, exist_ok=True)
    written = 0
    for language in args.only or LANGUAGES:
        written += shoot_language(
            app, language, args.out.resolve(), args.scale, args.scene or list(SCENES)
        )
    print(f"{written} picture(s) in {args.out}")
    return 0 if written else 1


if __name__ == "__main__":
    sys.exit(main())
