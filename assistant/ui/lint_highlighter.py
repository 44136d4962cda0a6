"""Lint while the agent types: vague promises and jargon underlined in a note field,
the fix on hover (tooltip) and in the right-click or Menu-key menu.

Lint runs a moment after the last keystroke (debounced), on the whole field, and
only paints: it never changes the text or moves the cursor, and while the agent
types the edited line simply loses its marks until the next run.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QColor, QHelpEvent, QSyntaxHighlighter, QTextCharFormat
from PySide6.QtWidgets import QMenu, QToolTip

from assistant.playbooks.lint import Finding, lint_text
from assistant.playbooks.model import Entry
from assistant.ui import style
from assistant.ui.lint_fixes import Fix
from assistant.ui.text_fields import NoteEdit

LINT_DELAY_MS = 300


@dataclass(frozen=True, slots=True)
class LintSupport:
    """What lint needs from the panel: the jargon entries, and fixes for a finding."""

    jargon: Callable[[], Sequence[Entry]]
    fixes: Callable[[Finding], list[Fix]]
    analogy: Callable[[Finding], str]


class LintHighlighter(QSyntaxHighlighter):
    def __init__(self, edit: NoteEdit, support: LintSupport, delay_ms: int = LINT_DELAY_MS) -> None:
        super().__init__(edit.document())
        self.edit = edit
        self.support = support
        self.findings: list[Finding] = []
        self._by_block: dict[int, list[Finding]] = {}
        self._fresh = True
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.run)
        edit.edited.connect(self._edited)
        edit.textChanged.connect(self._maybe_loaded)
        edit.viewport().installEventFilter(self)
        edit.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        edit.customContextMenuRequested.connect(self._menu)
        self._linted = ""

    # -- running -------------------------------------------------------------------

    def _edited(self) -> None:
        self._fresh = False
        self._timer.start()

    def _maybe_loaded(self) -> None:
        # A value loaded by the form (no ``edited``): lint it too.
        if self.edit.text() != self._linted and not self._timer.isActive():
            self._fresh = False
            self._timer.start()

    def run(self) -> None:
        """Lint the field now and repaint its marks."""
        self._timer.stop()
        text = self.edit.text()
        self._linted = text
        self.findings = lint_text(text, self.support.jargon()) if text.strip() else []
        self._by_block = {}
        for finding in self.findings:
            block = self.document().findBlock(finding.start)
            self._by_block.setdefault(block.blockNumber(), []).append(finding)
        self._fresh = True
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        if not self._fresh:
            return
        block = self.currentBlock()
        offset = block.position()
        palette = self.edit.palette()
        colours = style.colours(palette)
        for finding in self._by_block.get(block.blockNumber(), ()):
            start = finding.start - offset
            length = min(finding.end - offset, len(text)) - start
            if start < 0 or length <= 0:
                continue
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            colour = colours.warning_text if finding.kind == "vague" else colours.accent
            fmt.setUnderlineColor(QColor(colour))
            fmt.setToolTip(finding.message)
            self.setFormat(start, length, fmt)

    # -- offering the fix ------------------------------------------------------------

    def finding_at(self, position: int) -> Finding | None:
        if not self._fresh:
            return None
        for finding in self.findings:
            if finding.start <= position <= finding.end:
                return finding
        return None

    def explain(self, finding: Finding) -> str:
        lines = [finding.message]
        analogy = self.support.analogy(finding)
        if analogy:
            lines.append(self.tr("It is like: %1").replace("%1", analogy))
        for fix in self.support.fixes(finding):
            if fix.kind == "commitment":
                lines.append(self.tr("Say instead: %1").replace("%1", fix.replacement))
        lines.append(self.tr("Right-click or the Menu key to fix it."))
        return "\n".join(lines)

    def fix_actions(self, menu: QMenu, finding: Finding) -> None:
        titles = {
            "commitment": self.tr("Make it a dated commitment: %1"),
            "plain": self.tr("Say it plainly: %1"),
            "analogy": self.tr("Add the analogy: %1"),
        }
        for fix in self.support.fixes(finding):
            action = menu.addAction(titles[fix.kind].replace("%1", _short(fix.replacement)))
            action.triggered.connect(lambda _c=False, f=fix: self.apply(f))

    def apply(self, fix: Fix) -> None:
        """Replace the finding's words with the fix, as one undoable edit."""
        cursor = self.edit.textCursor()
        cursor.beginEditBlock()
        cursor.setPosition(fix.start)
        cursor.setPosition(fix.end, cursor.MoveMode.KeepAnchor)
        cursor.insertText(fix.replacement)
        cursor.endEditBlock()
        self.edit.setTextCursor(cursor)
        self.run()

    def _menu(self, pos: QPoint) -> None:
        menu = self.edit.createStandardContextMenu()
        finding = self.finding_at(self.edit.cursorForPosition(pos).position())
        if finding is not None:
            fixes = QMenu(menu)
            self.fix_actions(fixes, finding)
            actions = menu.actions()
            if actions and fixes.actions():
                for action in fixes.actions():
                    menu.insertAction(actions[0], action)
                menu.insertSeparator(actions[0])
            else:
                menu.addActions(fixes.actions())
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.edit.viewport().mapToGlobal(pos))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            position = self.edit.cursorForPosition(event.pos()).position()
            finding = self.finding_at(position)
            if finding is not None:
                QToolTip.showText(event.globalPos(), self.explain(finding), self.edit)
            else:
                QToolTip.hideText()
            return True
        return False


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
