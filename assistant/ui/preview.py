"""The selected entry in full: when to use it, the wording, the other wordings.

A jargon entry shows its term with the plain meaning and the everyday analogy
side by side; a taboo entry is a warning for the agent, styled apart.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from assistant.playbooks.model import Entry
from assistant.ui import style
from assistant.ui.i18n import LANGUAGES
from assistant.ui.labels import category_label, stage_label
from assistant.ui.soon import soon
from assistant.ui.wording import rich_text, wordings


def _label(name: str = "", wrap: bool = True) -> QLabel:
    label = QLabel()
    if name:
        label.setObjectName(name)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return label


class _BodyLayout(QVBoxLayout):
    """The preview body's layout; it calls back each time it has laid the body out.

    Not an event filter on the body, which would cost start-up time (see
    ``assistant/ui/startup.py``).
    """

    def __init__(self, body: QWidget, laid_out: Callable[[], object]) -> None:
        super().__init__(body)
        self._laid_out = laid_out

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._laid_out()


class Preview(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("previewScroll")
        # Sized by hand (see _fit): QScrollArea ignores height-for-width, which
        # wrapped CJK labels need, and would clip their last lines.
        self.setWidgetResizable(False)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._refit = soon(self, self._fit)
        self._new_texts = False
        body = self.body = QWidget()
        body.setObjectName("previewBody")
        # Laid out again (changed texts post a re-layout): measure again once it is done.
        layout = _BodyLayout(body, self._refit.start)
        self._layouts: list[QLayout] = [layout]
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setSpacing(style.SPACING)

        self.title = _label()
        self.title.setFont(style.scaled(self.font(), 1.15, QFont.Weight.DemiBold))
        self.meta = _label("caption")
        self.when = _label()
        self.jargon = self._jargon_part()
        self.wording_heading = _label("heading")
        self.wording_frame = self._wording_part()
        self.warning_frame = self._warning_part()
        for widget in (self.title, self.meta, self.when, self.jargon, self.wording_heading,
                       self.wording_frame, self.warning_frame):  # fmt: skip
            layout.addWidget(widget)
        layout.addStretch(1)
        self.setWidget(body)
        self.show_entry(None)

    def _jargon_part(self) -> QWidget:
        """A term's part: the term, then its plain meaning and an analogy side by side."""
        jargon = QWidget()
        jargon_layout = QVBoxLayout(jargon)
        jargon_layout.setContentsMargins(0, 0, 0, 0)
        jargon_layout.setSpacing(6)
        self.term = _label()
        self.term.setFont(style.scaled(self.font(), 1.3, QFont.Weight.Bold))
        cards = QHBoxLayout()
        cards.setSpacing(style.SPACING)
        self.plain_card, self.plain = self._card(self.tr("Plain meaning"))
        self.analogy_card, self.analogy = self._card(self.tr("It is like…"))
        cards.addWidget(self.plain_card, 1)
        cards.addWidget(self.analogy_card, 1)
        jargon_layout.addWidget(self.term)
        jargon_layout.addLayout(cards)
        self._layouts += [jargon_layout, cards]
        return jargon

    def _wording_part(self) -> QFrame:
        """The card that shows the wording to say (rich text: blanks marked)."""
        frame = QFrame()
        frame.setObjectName("card")
        frame_layout = QVBoxLayout(frame)
        self._layouts.append(frame_layout)
        frame_layout.setContentsMargins(12, 10, 12, 10)
        self.wording = _label()
        self.wording.setTextFormat(Qt.TextFormat.RichText)
        frame_layout.addWidget(self.wording)
        return frame

    def _warning_part(self) -> QFrame:
        """A taboo's frame: what to avoid, marked as never copied."""
        frame = QFrame()
        frame.setObjectName("warning")
        warning_layout = QVBoxLayout(frame)
        self._layouts.append(warning_layout)
        warning_layout.setContentsMargins(14, 10, 12, 10)
        self.warning_heading = _label("warningText")
        self.warning_heading.setFont(style.scaled(self.font(), 1.0, QFont.Weight.DemiBold))
        self.warning_heading.setText(self.tr("⚠ Avoid this — a reminder for you, never copied"))
        self.warning_text = _label()
        warning_layout.addWidget(self.warning_heading)
        warning_layout.addWidget(self.warning_text)
        return frame

    def _card(self, heading: str) -> tuple[QFrame, QLabel]:
        frame = QFrame()
        frame.setObjectName("card")
        layout = QVBoxLayout(frame)
        self._layouts.append(layout)
        layout.setContentsMargins(10, 8, 10, 10)
        layout.setSpacing(4)
        head = _label("heading")
        head.setText(heading)
        head.setFont(style.scaled(self.font(), 0.85))
        text = _label()
        text.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout.addWidget(head)
        layout.addWidget(text, 1)
        return frame, text

    def show_entry(
        self,
        entry: Entry | None,
        wording_index: int = 0,
        values: Mapping[str, str] | None = None,
        other_languages: Sequence[Entry] = (),
    ) -> None:
        self.body.setVisible(entry is not None)
        if entry is None:
            self._refit.start()  # nothing to scroll: no scroll bar either
            return
        taboo = entry.category == "taboo"
        self.title.setText(entry.title)
        meta = [category_label(entry.category)]
        meta += [stage_label(s) for s in entry.emotion_stages]
        self.meta.setText(" · ".join(meta))
        self.when.setText(entry.when_to_use)
        self.when.setVisible(bool(entry.when_to_use))

        self.jargon.setVisible(bool(entry.term))
        self.term.setText(entry.term)
        self.plain.setText(entry.plain)
        self.analogy.setText(entry.analogy)

        self.warning_frame.setVisible(taboo)
        self.warning_text.setText(entry.body)
        self.wording_frame.setVisible(not taboo)
        self.wording_heading.setVisible(not taboo)
        options = wordings(entry, other_languages)
        index = wording_index % len(options)
        shown, body = options[index]
        if len(options) > 1:
            heading = (
                self.tr("Wording %1 of %2 · Alt+→ next")
                .replace("%1", str(index + 1))
                .replace("%2", str(len(options)))
            )
        else:
            heading = self.tr("Wording")
        if shown is not entry:
            heading += " · " + LANGUAGES.get(shown.language, shown.language)
        self.wording_heading.setText(heading)
        accent = style.colours(self.palette()).accent.name()
        self.wording.setText(rich_text(shown, body, values or {}, accent))
        # Measured once the event loop is free: the texts just set post a re-layout
        # anyway, and an agent typing fast changes the entry many times a second.
        self._new_texts = True
        self._refit.start()
        self.verticalScrollBar().setValue(0)

    def _fit(self) -> None:
        if self.body.isHidden():
            # No entry, nothing to scroll. A hidden body's resize reaches the scroll
            # area only when it is shown again, so the old range goes by hand.
            self.verticalScrollBar().setRange(0, 0)
            return
        self.body.ensurePolished()  # style-sheet fonts and margins of new cards
        if self._new_texts:
            # Nested layouts cache height-for-width until their posted re-layout runs:
            # drop the caches so new texts are measured now. Only for new texts: each
            # invalidation posts a re-layout, which asks for another fit.
            self._new_texts = False
            for layout in self._layouts:
                layout.invalidate()
        room = self.maximumViewportSize()
        width = room.width()
        height = self._height_for(width)
        if height > room.height():  # a scroll bar will take part of the width
            width -= self.verticalScrollBar().sizeHint().width()
            height = self._height_for(width)
        size = QSize(width, max(height, room.height()))
        if self.body.size() != size:
            self.body.resize(size)

    def _height_for(self, width: int) -> int:
        layout = self._layouts[0]
        height = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else -1
        return height if height >= 0 else layout.totalSizeHint().height()

    def sizeHint(self) -> QSize:
        # Not the content's size: the splitter shares the panel by its stretch factors.
        return QSize(240, 160)

    def minimumSizeHint(self) -> QSize:
        return QSize(120, 80)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()
